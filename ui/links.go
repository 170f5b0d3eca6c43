package ui

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"briefs/model"
	"briefs/ui/reader"
)

// What a daily reader does with a brief besides reading it (issue 23): its
// links numbered and opened, its text piped to a command, saved to a file,
// opened in $PAGER or $EDITOR (the reader comes back after).

// BriefKeys are the keys that take the current brief (the open one, or the
// list's selected one) somewhere else.
type BriefKeys struct {
	Links  key.Binding // the brief's links, numbered: open or copy any
	Pipe   key.Binding // send the brief's text to a command
	Save   key.Binding // save the brief as Markdown (.md) or text (.txt)
	Pager  key.Binding // read the brief in $PAGER, then come back
	Editor key.Binding // open the brief in $EDITOR, then come back
	Count  key.Binding // a digit: the count of the next up or down key ("5j"; list and reader)
	// in the links view
	LinkOpen   key.Binding // open the selected link
	LinkNumber key.Binding // open link 1 to 9
}

// DefaultBriefKeys returns L, |, >, P, ctrl+e, and enter and 1-9 in the links view.
func DefaultBriefKeys() BriefKeys {
	return BriefKeys{
		Links:      key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "links")),
		Pipe:       key.NewBinding(key.WithKeys("|"), key.WithHelp("|", "pipe to command")),
		Save:       key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "save to file")),
		Pager:      key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "open in $PAGER")),
		Editor:     key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "open in $EDITOR")),
		Count:      key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("5j", "move 5 down")),
		LinkOpen:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open link")),
		LinkNumber: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "open link N")),
	}
}

// briefLink is one link of a brief, and what it is.
type briefLink struct{ url, what string }

// briefLinks are a brief's links: its URL first, where it was read from
// when that is another URL, the links of its page or feed item (<a href>,
// model.Article.Links), then every URL its text writes, each once.
func briefLinks(a model.Article) []briefLink {
	var out []briefLink
	seen := map[string]bool{}
	add := func(u, what string) {
		if u = strings.TrimSpace(u); u == "" || seen[u] {
			return
		}
		seen[u] = true
		out = append(out, briefLink{u, what})
	}
	add(a.URL, "the brief")
	if strings.Contains(a.Source, "://") {
		add(a.Source, "read from")
	}
	for _, u := range a.Links {
		add(u, "linked")
	}
	for _, u := range reader.URLs(a.Title + "\n\n" + a.Body) {
		add(u, "in the text")
	}
	return out
}

// openable is a link as a browser takes it ("www.x.org" has no scheme).
func openable(u string) string {
	if !strings.Contains(u, "://") {
		return "https://" + u
	}
	return u
}

// briefActions is what the App keeps for them: the keys, the links view,
// the prompt.
type briefActions struct {
	briefKeys BriefKeys
	links     linksView
	prompt    promptState
	clicked   lastClick // the last click in the list (mouse.go)
	feedsV    feedsView // the feeds view (feeds.go)
	count     int       // the count typed so far (mouse.go)
}

// linksView is the screen of the brief's links.
type linksView struct {
	open  bool
	title string
	links []briefLink
	sel   int
}

// promptState is the line that asks for a command (pipe) or a file (save).
type promptState struct {
	kind  string // "pipe", "save", "feed", "watch"; "" when no prompt shows
	in    textinput.Model
	art   model.Article
	query string // the query of the watchlist being named
}

// ExecDoneMsg reports the end of a command the brief was given to (pipe,
// pager, editor), or a file saved.
type ExecDoneMsg struct {
	What  string // "pipe to wc -w", "saved to x.md"
	Error error
}

// dailyKey runs a key of the watchlists or of BriefKeys; ok is false when
// msg is none of them. In the search view only the watchlist key acts
// (letters are the query there).
func (a *App) dailyKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if cmd, ok := a.handleWatchKey(msg); ok || a.focus == focusSearch {
		return cmd, ok
	}
	if a.focus == focusList && key.Matches(msg, a.feedsV.keys.FeedsView) {
		return a.openFeeds(), true
	}
	return a.briefKeyDo(msg)
}

// dailyHelp is the full help's column of the watchlist and brief keys
// that act where the focus is.
func (a App) dailyHelp() []key.Binding {
	var out []key.Binding
	if _, ok := a.currentBrief(); ok && !(a.focus == focusList && a.list.Filtering()) {
		bk := a.briefKeys
		out = append(out, bk.Links, bk.Pipe, bk.Save, bk.Pager, bk.Editor, bk.Count)
	}
	if a.focus == focusList && !a.list.Filtering() {
		out = append(out, a.watch.keys.WatchNext, a.watch.keys.WatchRemove, a.feedsV.keys.FeedsView)
	}
	return out
}

// briefKeyDo runs a key of BriefKeys on the current brief; ok is false
// when msg is none of them.
func (a *App) briefKeyDo(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.briefKeys
	if !key.Matches(msg, k.Links, k.Pipe, k.Save, k.Pager, k.Editor) {
		return nil, false
	}
	art, ok := a.currentBrief()
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Links):
		links := briefLinks(art)
		if len(links) == 0 {
			a.say("This brief has no links.")
			return a.layout(), true
		}
		a.links = linksView{open: true, title: art.Title, links: links}
		return a.layout(), true
	case key.Matches(msg, k.Pipe):
		return a.ask("pipe", art, "| ", ""), true
	case key.Matches(msg, k.Save):
		return a.ask("save", art, "save to: ", strings.TrimSuffix(ExportPath(a.cfg.ExportDir, art), ".md")+"-full.md"), true
	case key.Matches(msg, k.Pager):
		return a.openIn("PAGER", "less", art), true
	case key.Matches(msg, k.Editor):
		return a.openIn("EDITOR", "vi", art), true
	}
	return nil, false
}

// ask shows the prompt line.
func (a *App) ask(kind string, art model.Article, prompt, value string) tea.Cmd {
	in := textinput.New()
	in.Prompt = prompt
	in.SetValue(value)
	in.CursorEnd()
	in.SetWidth(max(a.width-lipglossWidth(prompt)-1, 10))
	a.prompt = promptState{kind: kind, in: in, art: art}
	return tea.Batch(a.prompt.in.Focus(), a.layout())
}

func lipglossWidth(s string) int { return len([]rune(s)) }

// overlayKey gives a key to the prompt or the links view when one shows;
// ok is false when neither does.
func (a *App) overlayKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case a.prompt.kind != "":
		return a.promptKey(msg), true
	case a.links.open:
		return a.linksKey(msg), true
	case a.feedsV.open:
		return a.feedsKey(msg), true
	}
	return a.countKey(msg)
}

// promptKey types into the prompt: enter runs it, esc drops it.
func (a *App) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, a.keys.Back):
		a.prompt = promptState{}
		return a.layout()
	case msg.Code == tea.KeyEnter:
		p := a.prompt
		a.prompt = promptState{}
		v := strings.TrimSpace(p.in.Value())
		if v == "" {
			return a.layout()
		}
		switch p.kind {
		case "feed":
			return a.addFeed(v)
		case "watch":
			return a.saveWatch(v, p.query)
		}
		if p.kind == "pipe" {
			a.say("| " + v)
			return tea.Batch(a.layout(), tea.ExecProcess(pipeCommand(v, BriefMarkdown(p.art), true), func(err error) tea.Msg {
				return ExecDoneMsg{What: "pipe to " + v, Error: err}
			}))
		}
		return tea.Batch(a.layout(), saveBrief(expandHome(v), p.art))
	}
	var cmd tea.Cmd
	a.prompt.in, cmd = a.prompt.in.Update(msg)
	return cmd
}

// linksKey moves in the links view, opens or copies a link, or leaves.
func (a *App) linksKey(msg tea.KeyPressMsg) tea.Cmd {
	lv := &a.links
	rk := a.reader.KeyMap()
	switch {
	case key.Matches(msg, a.keys.Back), key.Matches(msg, a.briefKeys.Links), key.Matches(msg, a.keys.Quit):
		a.links = linksView{}
		return a.layout()
	case key.Matches(msg, rk.Down):
		lv.sel = min(lv.sel+1, len(lv.links)-1)
	case key.Matches(msg, rk.Up):
		lv.sel = max(lv.sel-1, 0)
	case key.Matches(msg, a.briefKeys.LinkNumber):
		n := int(msg.Code - '1')
		if n < 0 || n >= len(lv.links) {
			a.warn(fmt.Sprintf("No link %d: this brief has %s.", n+1, plural(len(lv.links), "link")))
			return a.layout()
		}
		lv.sel = n
		return a.openLink()
	case key.Matches(msg, a.briefKeys.LinkOpen), key.Matches(msg, a.actions.OpenURL):
		return a.openLink()
	case key.Matches(msg, a.actions.CopyURL):
		return a.copy("link", lv.links[lv.sel].url)
	}
	return nil
}

// openLink opens the selected link in the browser.
func (a *App) openLink() tea.Cmd {
	l := a.links.links[a.links.sel]
	a.say(fmt.Sprintf("Opening link %d: %s", a.links.sel+1, l.url))
	return tea.Batch(a.layout(), openURL(openable(l.url), a.cfg.Browser))
}

// linksPage draws the links view in h lines.
func (a App) linksPage(h int) string {
	lv := a.links
	lines := []string{a.st.PaneTitle.Render("Links of “" + lv.title + "”"), ""}
	for i, l := range lv.links {
		mark := "  "
		if i == lv.sel {
			mark = "▌ "
		}
		num := fmt.Sprintf("%d", i+1)
		if i >= 9 {
			num = " "
		}
		lines = append(lines, fmt.Sprintf("%s%s  %s  %s", mark, num, l.url, a.st.Faint.Render(l.what)))
	}
	lines = append(lines, "", a.st.Faint.Render("1-9 or enter: open · Y: copy · esc: back"))
	top := max(0, min(lv.sel+3-h+1, len(lines)-h))
	if top > 0 {
		lines = lines[top:]
	}
	return strings.Join(lines, "\n")
}

// promptLine is the prompt, when one shows.
func (a App) promptLine() string {
	if a.prompt.kind == "" {
		return ""
	}
	return a.prompt.in.View()
}

// BriefMarkdown is a brief as Markdown: its title, a line of where it comes
// from and when, and its text.
func BriefMarkdown(a model.Article) string {
	var b strings.Builder
	b.WriteString("# " + strings.Join(strings.Fields(a.Title), " ") + "\n\n")
	if m := briefMeta(a); m != "" {
		b.WriteString("_" + m + "_\n\n")
	}
	if a.Body != "" {
		b.WriteString(a.Body + "\n")
	}
	return b.String()
}

// BriefText is a brief as plain text: title, underline, the line of where
// and when, and its text.
func BriefText(a model.Article) string {
	var b strings.Builder
	title := strings.Join(strings.Fields(a.Title), " ")
	b.WriteString(title + "\n" + strings.Repeat("=", min(max(len([]rune(title)), 3), 78)) + "\n")
	if m := briefMeta(a); m != "" {
		b.WriteString(m + "\n")
	}
	if a.Body != "" {
		b.WriteString("\n" + a.Body + "\n")
	}
	return b.String()
}

func briefMeta(a model.Article) string {
	var meta []string
	for _, s := range []string{a.Outlet, a.Author} {
		if s != "" {
			meta = append(meta, s)
		}
	}
	if !a.Published.IsZero() {
		meta = append(meta, a.Published.Format("2 January 2006"))
	}
	if a.URL != "" {
		meta = append(meta, a.URL)
	} else if a.Source != "" {
		meta = append(meta, a.Source)
	}
	return strings.Join(meta, " · ")
}

// pipeCommand runs cmdline in the shell with text on its standard input;
// with pause it waits for enter afterwards (reading the terminal), so its
// output can be read before the reader comes back.
func pipeCommand(cmdline, text string, pause bool) *exec.Cmd {
	script := cmdline
	if pause {
		script = cmdline + "\nstatus=$?\nprintf '\\n[exit %s · enter: back to briefs] ' \"$status\"\nread _ </dev/tty\n"
	}
	c := exec.Command("sh", "-c", script)
	c.Stdin = strings.NewReader(text)
	return c
}

// saveBrief writes a brief to path: plain text when it ends in .txt,
// Markdown otherwise; never over a file that is there.
func saveBrief(path string, art model.Article) tea.Cmd {
	return func() tea.Msg {
		text := BriefMarkdown(art)
		if strings.EqualFold(filepath.Ext(path), ".txt") {
			text = BriefText(art)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return ExecDoneMsg{What: "save", Error: err}
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			return ExecDoneMsg{What: "save", Error: fmt.Errorf("%s is there already: give another name", shortPath(path))}
		}
		if err != nil {
			return ExecDoneMsg{What: "save", Error: err}
		}
		_, err = f.WriteString(text)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return ExecDoneMsg{What: "saved to " + shortPath(path), Error: err}
	}
}

// expandHome turns a leading ~/ into the home folder.
func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}

// openIn writes the brief to a temporary Markdown file and opens it with
// the program $env names (else fallback), the reader coming back after.
func (a *App) openIn(env, fallback string, art model.Article) tea.Cmd {
	prog := strings.TrimSpace(os.Getenv(env))
	if prog == "" {
		prog = fallback
	}
	f, err := os.CreateTemp("", "briefs-*.md")
	if err == nil {
		_, err = f.WriteString(BriefMarkdown(art))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		a.warn("Could not write the brief for $" + env + ": " + err.Error())
		return a.layout()
	}
	path := f.Name()
	return tea.ExecProcess(viewCommand(prog, path), func(err error) tea.Msg {
		os.Remove(path)
		return ExecDoneMsg{What: "$" + env + " (" + prog + ")", Error: err}
	})
}

// viewCommand opens path with prog, which may hold flags ("less -R").
func viewCommand(prog, path string) *exec.Cmd {
	return exec.Command("sh", "-c", prog+` "$1"`, "sh", path)
}

// execDone reports the end of a pipe, pager, editor or save.
func (a *App) execDone(msg ExecDoneMsg) tea.Cmd {
	if msg.Error != nil {
		a.warn(strings.TrimPrefix(msg.What+": ", "save: ") + msg.Error.Error())
	} else if strings.HasPrefix(msg.What, "saved") {
		a.say("Brief " + msg.What)
	}
	return a.layout()
}
