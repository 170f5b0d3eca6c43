#!/usr/bin/env bash
# Remakes the README's screenshots from the real binary: briefs runs in a
# 120x36 tmux pane (dark theme, true colour), each view is captured with its
# colours (tmux capture-pane -e) and turned into a PNG by freeze
# (github.com/charmbracelet/freeze, fetched through the Go module proxy).
#
#   bash docs/screenshots.sh        # writes docs/list.png, docs/reader.png, docs/search.png
#   bash docs/screenshots.sh svg    # the same as SVG
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs
ext=${1:-png} # png or svg
work=$(mktemp -d)
sock="briefs-shots-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

freeze=$(command -v freeze || true)
if [ -z "$freeze" ]; then
	GOBIN="$work/bin" go install github.com/charmbracelet/freeze@v0.2.2
	freeze="$work/bin/freeze"
fi
go build -o "$work/briefs" .
go build -o "$work/pngshrink" ./ui/internal/pngshrink
printf 'theme = "dark"\n' >"$work/config.toml"

tmux -L "$sock" -f /dev/null new-session -d -s shots -x 120 -y 36 -c "$work" sh
tmux -L "$sock" set -g default-terminal tmux-256color
tmux -L "$sock" set -as terminal-features ',*:RGB'
tmux -L "$sock" send-keys -t shots "clear; COLORTERM=truecolor XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data ./briefs --config $work/config.toml" Enter

screen() { tmux -L "$sock" capture-pane -p -t shots; }
# wait_for TEXT: poll the screen until it shows TEXT (10 s at most).
wait_for() {
	for _ in $(seq 200); do
		if screen | grep -qF -- "$1"; then return 0; fi
		sleep 0.05
	done
	echo "screenshots: timed out waiting for '$1'" >&2
	screen >&2
	exit 1
}
# shoot NAME: the pane with its colours, as docs/NAME.png.
shoot() {
	sleep 0.3 # let the frame settle
	tmux -L "$sock" capture-pane -e -p -N -t shots >"$work/$1.ansi"
	"$freeze" --language ansi --window --padding 20 --margin 0 --font.size 14 \
		--background "#171717" -o "$out/$1.$ext" "$work/$1.ansi" >/dev/null
	if [ "$ext" = png ]; then
		"$work/pngshrink" "$out/$1.png" # freeze draws at 4x: 2x is sharp, a quarter of the bytes
	fi
	echo "screenshots: $out/$1.$ext"
}

seed="US and Russia struggle to overcome rifts in Moscow"
wait_for "search ready" # the load is over (the seed, from 2017, is further down the list)
shoot list

# The seed, its quotes pane open on Safronkov's quote.
for _ in $(seq 20); do screen | grep -qF "│ $seed" && break; tmux -L "$sock" send-keys -t shots j; sleep 0.1; done
tmux -L "$sock" send-keys -t shots Enter
wait_for "The US ambassador however added"
tmux -L "$sock" send-keys -t shots e
wait_for "mentions · n/N"
for _ in $(seq 10); do screen | grep -q "Lavrov: 3 mentions" && break; tmux -L "$sock" send-keys -t shots j; sleep 0.1; done
tmux -L "$sock" send-keys -t shots n
wait_for "Lavrov: mention 1 of 3"
shoot reader

# A search across every brief.
tmux -L "$sock" send-keys -t shots Escape # the pane: back to the reader
sleep 0.3
tmux -L "$sock" send-keys -t shots Escape # the reader: back to the list
wait_for "enter read"
tmux -L "$sock" send-keys -t shots s
wait_for "search:"
tmux -L "$sock" send-keys -t shots -l "russian federation"
wait_for "entity:country:russia"
shoot search
tmux -L "$sock" send-keys -t shots C-c
