package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"briefs/articles/output"
	"briefs/articles/source"
	"briefs/model"
	"briefs/ui/articlelist"
	"briefs/ui/clipboard"
)

// ActionKeys are the keys that act on the current brief (the open one, or
// the list's selected one) and on the list's order.
type ActionKeys struct {
	OpenURL   key.Binding // open the brief's URL in the browser
	CopyQuote key.Binding // copy the selected quote with its speaker and source
	// ExplainQuote shows why the selected quote has its speaker (explain.go)
	ExplainQuote key.Binding
	CopyURL      key.Binding // copy the brief's URL
	Export       key.Binding // write the brief's digest to a Markdown file
	Sort         key.Binding // cycle the list's order
	Group        key.Binding // group the list by source, or stop

	Star       key.Binding // star the brief, or unstar it
	Refresh    key.Binding // load the sources again: new briefs are added, changed ones replaced
	ReadFilter key.Binding // the list shows all briefs, the unread, the starred
	ToggleRead key.Binding // mark the list's selected brief read, or unread (list only)
	AllRead    key.Binding // mark every brief the list shows read (list only)
}

// DefaultActionKeys returns o, y, i, Y, x, S, B, *, r and U.
func DefaultActionKeys() ActionKeys {
	return ActionKeys{
		OpenURL:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open URL")),
		CopyQuote:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy quote")),
		ExplainQuote: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "explain quote")),
		CopyURL:      key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy URL")),
		Export:       key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export digest")),
		Sort:         key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "sort")),
		Group:        key.NewBinding(key.WithKeys("B"), key.WithHelp("B", "group by source")),

		Star:       key.NewBinding(key.WithKeys("*"), key.WithHelp("*", "star")),
		Refresh:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh")),
		ReadFilter: key.NewBinding(key.WithKeys("U"), key.WithHelp("U", "all/unread/starred")),
		ToggleRead: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "read/unread")),
		AllRead:    key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "all read")),
	}
}

// CopiedMsg reports a copy to the system clipboard (OSC 52 needs no answer).
type CopiedMsg struct {
	What  string // "quote", "URL"
	Via   string // where it went: "clipboard", "OSC 52", "clipboard + OSC 52"
	Error error  // the system clipboard failed (OSC 52 may still have worked)
}

// ExportedMsg reports a digest written to a file.
type ExportedMsg struct {
	Path  string
	Error error
}

// BrowserMsg reports the end of the command that opened a URL.
type BrowserMsg struct{ Error error }

// currentBrief is the brief the action keys act on: the open one, or the
// list's selected one while the list has focus.
func (a App) currentBrief() (model.Article, bool) {
	if a.focus == focusList {
		return a.list.Selected()
	}
	return a.reader.Article()
}

// handleAction runs an action key; ok is false when msg is none.
func (a *App) handleAction(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(msg, a.actions.Sort):
		if a.focus != focusList {
			return nil, false
		}
		cmd := a.list.CycleSort()
		a.say("Sorted " + a.list.OrderName())
		return tea.Batch(cmd, a.layout()), true
	case key.Matches(msg, a.actions.Group):
		if a.focus != focusList {
			return nil, false
		}
		cmd := a.list.ToggleGroup()
		if a.list.Order().Group {
			a.say("Grouped by source")
		} else {
			a.say("Not grouped")
		}
		return tea.Batch(cmd, a.layout()), true
	case key.Matches(msg, a.actions.ReadFilter):
		if a.focus != focusList {
			return nil, false
		}
		cmd := a.list.CycleShow()
		switch a.list.Show() {
		case articlelist.ShowUnread:
			a.say("Showing unread briefs")
		case articlelist.ShowStarred:
			a.say("Showing starred briefs")
		default:
			a.say("Showing all briefs")
		}
		return tea.Batch(cmd, a.layout()), true
	case key.Matches(msg, a.actions.ToggleRead):
		if a.focus != focusList {
			return nil, false // n/N are the reader's and the entities pane's there
		}
		id, ok := a.list.SelectedID()
		if !ok {
			return nil, false
		}
		return a.toggleRead(id), true
	case key.Matches(msg, a.actions.AllRead):
		if a.focus != focusList {
			return nil, false
		}
		return a.markAllRead(), true
	case key.Matches(msg, a.actions.Star):
		art, ok := a.currentBrief()
		if !ok {
			return nil, false
		}
		return a.toggleStar(art.ID), true
	case key.Matches(msg, a.actions.Refresh):
		return a.refresh(), true
	case key.Matches(msg, a.actions.OpenURL):
		art, ok := a.currentBrief()
		if !ok {
			return nil, false
		}
		link, ok := a.link(art, "opened")
		if !ok {
			return a.layout(), true
		}
		a.say("Opening " + link)
		return tea.Batch(a.layout(), openURL(link, a.cfg.Browser)), true
	case key.Matches(msg, a.actions.CopyURL):
		art, ok := a.currentBrief()
		if !ok {
			return nil, false
		}
		link, ok := a.link(art, "copied")
		if !ok {
			return a.layout(), true
		}
		return a.copy("URL", link), true
	case key.Matches(msg, a.actions.CopyQuote):
		art, ok := a.currentBrief()
		if !ok {
			return nil, false
		}
		i, ok := a.selectedQuote(art)
		if !ok {
			return a.layout(), true
		}
		return a.copy("quote", QuoteText(art, art.Quotes[i])), true
	case key.Matches(msg, a.actions.ExplainQuote):
		if _, ok := a.currentBrief(); !ok {
			return nil, false
		}
		return a.openExplain(), true
	case key.Matches(msg, a.actions.Export):
		art, ok := a.currentBrief()
		if !ok {
			return nil, false
		}
		return exportDigest(art, exportDir(a.cfg.ExportDir)), true
	}
	return nil, false
}

// QuoteText is what y copies: the quote, its speaker (and role) and where it was said.
func QuoteText(art model.Article, q model.Quote) string {
	var b strings.Builder
	b.WriteString("“" + strings.Join(strings.Fields(q.Text), " ") + "”")
	who := q.Speaker
	if who == "" {
		who = "unattributed"
	}
	if q.SpeakerRole != "" {
		who += ", " + q.SpeakerRole
	}
	b.WriteString(" — " + who)
	src := []string{art.Title}
	if art.Outlet != "" {
		src = append(src, art.Outlet)
	}
	if !art.Published.IsZero() {
		src = append(src, art.Published.Format("2 January 2006"))
	}
	if art.URL != "" {
		src = append(src, art.URL)
	} else if art.Source != "" {
		src = append(src, art.Source)
	}
	b.WriteString("\n(" + strings.Join(src, ", ") + ")")
	return b.String()
}

// copy puts text in the clipboards the config allows: OSC 52 goes out at
// once through the program's output; the system clipboard is written off
// the update loop and answers with a CopiedMsg.
func (a *App) copy(what, text string) tea.Cmd {
	system, osc := clipboard.Plan(a.cfg.Clipboard)
	var cmds []tea.Cmd
	if osc {
		cmds = append(cmds, tea.Raw(clipboard.Sequence(text)))
	}
	if system && a.writeSystem != nil {
		write := a.writeSystem
		cmds = append(cmds, func() tea.Msg {
			err := write(text)
			via := "clipboard"
			switch {
			case err != nil && osc:
				via, err = "OSC 52", nil // the terminal's clipboard has it
			case osc:
				via = "clipboard + OSC 52"
			}
			return CopiedMsg{What: what, Via: via, Error: err}
		})
	} else {
		a.say(fmt.Sprintf("Copied the %s (OSC 52).", what))
		cmds = append(cmds, a.layout())
	}
	return tea.Batch(cmds...)
}

// ExportPath is the file a brief's digest goes to in dir ("" for the current folder).
func ExportPath(dir string, art model.Article) string {
	slug := model.Slug(art.Title)
	if len(slug) > 60 { // at a word's end
		if i := strings.LastIndexByte(slug[:61], '-'); i > 0 {
			slug = slug[:i]
		} else {
			slug = slug[:60]
		}
	}
	if slug == "" {
		slug = art.ID
	}
	if dir == "" {
		dir = "."
	}
	return filepath.Join(dir, "briefs-"+slug+".md")
}

// exportDir is the folder x writes to: the config's export_dir, else the
// user's documents folder ($XDG_DOCUMENTS_DIR, or the one user-dirs.dirs
// names), else the home folder; never the folder briefs was started in,
// which may be anywhere.
func exportDir(configured string) string {
	if configured != "" {
		return configured
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "" // no home: the current folder is all there is
	}
	docs := os.Getenv("XDG_DOCUMENTS_DIR")
	if docs == "" {
		docs = userDirsDocuments(home)
	}
	if docs != "" {
		docs = strings.ReplaceAll(docs, "$HOME", home)
		if info, err := os.Stat(docs); err == nil && info.IsDir() {
			return docs
		}
	}
	return home
}

// userDirsDocuments is the documents folder named in xdg-user-dirs'
// user-dirs.dirs (XDG_DOCUMENTS_DIR="$HOME/Documents"), or "".
func userDirsDocuments(home string) string {
	cfg := os.Getenv("XDG_CONFIG_HOME")
	if cfg == "" {
		cfg = filepath.Join(home, ".config")
	}
	b, err := os.ReadFile(filepath.Join(cfg, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "XDG_DOCUMENTS_DIR="); ok {
			return strings.Trim(v, `"`)
		}
	}
	return ""
}

// exportedLine is the status line's message for a digest written to path,
// at most width cells: a long file name loses its middle first, then the
// folder does ("Digest written to ~/Documents/briefs-us-and-r…moscow.md").
func exportedLine(path string, width int) string {
	const lead = "Digest written to "
	dir, name := filepath.Split(shortPath(path))
	room := width - len(lead)
	if room <= 0 || ansi.StringWidth(dir+name) <= room {
		return lead + dir + name
	}
	name = middleCut(name, max(room-ansi.StringWidth(dir), 12))
	if ansi.StringWidth(dir+name) > room {
		dir = middleCut(dir, max(room-ansi.StringWidth(name), 4))
	}
	return lead + dir + name
}

// middleCut fits s in w cells with an ellipsis in its middle.
func middleCut(s string, w int) string {
	r := []rune(s)
	if ansi.StringWidth(s) <= w || len(r) < 3 {
		return s
	}
	head := (w - 1) / 2
	tail := w - 1 - head
	return string(r[:head]) + "…" + string(r[len(r)-tail:])
}

// exportDigest writes the brief's Markdown digest off the update loop.
func exportDigest(art model.Article, dir string) tea.Cmd {
	path := ExportPath(dir, art)
	return func() tea.Msg {
		var b strings.Builder
		if err := output.Markdown(&b, &art); err != nil {
			return ExportedMsg{Path: path, Error: fmt.Errorf("digest of %q: %w", art.Title, err)}
		}
		if dir != "" {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return ExportedMsg{Path: path, Error: fmt.Errorf("export folder: %w", err)}
			}
		}
		// never over another file: the same digest again is left as it is,
		// a different one (another brief, an older version) gets a number
		body := []byte(b.String())
		base := strings.TrimSuffix(path, ".md")
		for n := 2; ; n++ {
			old, err := os.ReadFile(path)
			if errors.Is(err, fs.ErrNotExist) {
				break
			}
			if err == nil && bytes.Equal(old, body) {
				return ExportedMsg{Path: path}
			}
			path = fmt.Sprintf("%s-%d.md", base, n)
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return ExportedMsg{Path: path, Error: fmt.Errorf("write digest: %w", err)}
		}
		_, err = f.Write(body)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return ExportedMsg{Path: path, Error: fmt.Errorf("write digest: %w", err)}
		}
		return ExportedMsg{Path: path}
	}
}

// link returns a brief's URL when it may be opened or copied: an http(s)
// URL (source.CleanURL; a cached brief may predate that rule). Otherwise
// it says why not (done is "opened" or "copied") and returns false.
func (a *App) link(art model.Article, done string) (string, bool) {
	if art.URL == "" {
		a.warn("This brief has no URL.")
		return "", false
	}
	link := source.CleanURL(art.URL)
	if link == "" {
		a.warn(fmt.Sprintf("Not %s: only http(s) links are, and this brief's is %q.", done, source.CleanTitle(art.URL)))
		return "", false
	}
	return link, true
}

// endsOptions are browsers known to read "--" as the end of their options
// (Chromium's command line does), so that nothing after it is taken for
// one. Others get the URL alone: CleanURL never lets one start with '-'.
var endsOptions = map[string]bool{
	"chromium": true, "chromium-browser": true, "google-chrome": true, "google-chrome-stable": true,
	"chrome": true, "brave": true, "brave-browser": true, "microsoft-edge": true, "vivaldi": true, "opera": true,
}

// BrowserCommand is the command that opens url: the configured browser,
// else $BROWSER, else xdg-open (open on macOS). interactive says whether it
// may use the terminal (a user's browser may be lynx): the reader then
// hands the terminal over while it runs.
func BrowserCommand(url, configured, envBrowser, goos string) (argv []string, interactive bool) {
	for _, b := range []string{configured, envBrowser} {
		if f := strings.Fields(b); len(f) > 0 {
			if strings.Contains(b, "%s") {
				for i := range f {
					f[i] = strings.ReplaceAll(f[i], "%s", url)
				}
				return f, true
			}
			if endsOptions[filepath.Base(f[0])] {
				f = append(f, "--")
			}
			return append(f, url), true
		}
	}
	if goos == "darwin" {
		return []string{"open", url}, false
	}
	return []string{"xdg-open", url}, false
}

// openURL opens url in the browser: a terminal-capable command through
// tea.ExecProcess, xdg-open or open detached.
func openURL(url, configured string) tea.Cmd {
	argv, interactive := BrowserCommand(url, configured, os.Getenv("BROWSER"), runtime.GOOS)
	if interactive {
		c := exec.Command(argv[0], argv[1:]...)
		return tea.ExecProcess(c, func(err error) tea.Msg {
			if err != nil {
				err = fmt.Errorf("open %s with %s: %w", url, argv[0], err)
			}
			return BrowserMsg{Error: err}
		})
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := exec.CommandContext(ctx, argv[0], argv[1:]...).Run(); err != nil {
			return BrowserMsg{Error: fmt.Errorf("open %s with %s: %w", url, argv[0], err)}
		}
		return BrowserMsg{}
	}
}

// shortPath writes a file's path for the status line: relative to the
// current folder when it is inside it, else with ~ for the home folder,
// so that the name fits at 80 columns.
func shortPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	if home, err := os.UserHomeDir(); err == nil && home != "/" && strings.HasPrefix(abs, home+string(filepath.Separator)) {
		return "~" + abs[len(home):]
	}
	return abs
}

// selectedQuote is the index in art of the quote selected in the quotes
// pane or, when the reader has the focus, in the reader; with none selected
// it warns how to pick one and reports false.
func (a *App) selectedQuote(art model.Article) (int, bool) {
	i := -1
	switch {
	case a.focus == focusQuotes:
		i = a.quotes.Selected()
	case a.focus != focusList:
		i = a.reader.Selection().Quote
	}
	if i < 0 || i >= len(art.Quotes) {
		a.warn("No quote selected: pick one in the quotes pane (" + a.keys.Quotes.Help().Key + ").")
		return -1, false
	}
	return i, true
}
