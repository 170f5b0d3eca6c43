// Package clipboard copies text for the reader: to the system clipboard when
// one is reachable, and to the terminal's through OSC 52, which also works
// over ssh and inside tmux (set-clipboard on).
package clipboard

import (
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/atotto/clipboard"
)

// Modes: the config's clipboard setting.
const (
	Auto   = "auto"   // the system clipboard when reachable, plus OSC 52
	System = "system" // the system clipboard only
	OSC52  = "osc52"  // the terminal's clipboard only
)

// Sequence returns the OSC 52 escape sequence that asks the terminal to put
// text in its clipboard ("c"): ESC ] 52 ; c ; base64(text) BEL.
func Sequence(text string) string {
	return "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(text)) + "\a"
}

// ErrNoSystem says no system clipboard tool (xclip, xsel, wl-copy, pbcopy...) is reachable.
var ErrNoSystem = errors.New("no system clipboard")

// WriteSystem puts text in the system clipboard.
func WriteSystem(text string) error {
	if clipboard.Unsupported {
		return ErrNoSystem
	}
	if err := clipboard.WriteAll(text); err != nil {
		return fmt.Errorf("system clipboard: %w", err)
	}
	return nil
}

// Plan says where a copy goes in a mode: the system clipboard, OSC 52 or both.
func Plan(mode string) (system, osc52 bool) {
	switch mode {
	case System:
		return true, false
	case OSC52:
		return false, true
	}
	return true, true
}
