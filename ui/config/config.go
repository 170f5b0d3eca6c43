// Package config reads the reader's settings from a TOML file
// ($XDG_CONFIG_HOME/briefs/config.toml, --config or $BRIEFS_CONFIG): the
// sources to open, feeds, theme, glamour style, wrap width, layout, side
// panes, list order and key bindings.
//
// A problem in the file never stops briefs: Load reports each unknown key and
// bad value as a Problem with its file and line, the setting keeps its default
// and the rest of the file applies.
//
// Wiring, in main and ui:
//
//	cfg, probs, err := config.Load(config.Path(*configFlag)) // err: unreadable, or a missing --config file
//	for _, p := range probs { warnings = append(warnings, p.String()) } // "file:line: key: message"
//	_ = cfg.Apply("", &rootKeys)        // [keys]: ui.KeyMap
//	_ = cfg.Apply("reader", &readerKeys) // [keys.reader]: reader.KeyMap; see Components()
//	config.WriteDefault(os.Stdout)       // briefs config --default
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adrg/xdg"
)

// Theme names.
const (
	ThemeAuto  = "auto"  // ask the terminal for its background
	ThemeDark  = "dark"  // dark background
	ThemeLight = "light" // light background
)

// Layout names.
const (
	LayoutAuto   = "auto"   // from the window's width
	LayoutWide   = "wide"   // list, reader and both panes side by side
	LayoutMedium = "medium" // reader and one pane, tabs between the panes
	LayoutNarrow = "narrow" // one thing at a time
)

// Pane names.
const (
	PaneEntities = "entities"
	PaneQuotes   = "quotes"
)

// Sort orders of the list.
const (
	SortDate     = "date"     // newest first
	SortTitle    = "title"    // A to Z
	SortEntities = "entities" // most entities first
	SortQuotes   = "quotes"   // most quotes first
)

// Clipboard modes.
const (
	ClipboardAuto   = "auto"   // the system clipboard, OSC 52 when there is none (say over ssh)
	ClipboardSystem = "system" // the system clipboard only
	ClipboardOSC52  = "osc52"  // the terminal's clipboard (OSC 52) only
)

// Notify modes: how the reader announces a watchlist's new briefs.
const (
	NotifyBell   = "bell"   // the terminal bell
	NotifyOSC9   = "osc9"   // a desktop notification through the terminal (OSC 9: iTerm2, kitty, WezTerm, foot, Windows Terminal)
	NotifyOSC777 = "osc777" // the same through OSC 777 (urxvt, VTE terminals, Ghostty)
	NotifyNone   = "none"   // the status line only
)

// MinReloadEvery is the shortest reload_every accepted.
const MinReloadEvery = time.Second

// ReadableMeasure is the widest a brief is wrapped when wrap_width is 0:
// longer lines are hard to read on a wide terminal.
const ReadableMeasure = 100

// DefaultExtractMemoryMB is extract_memory_mb's default (the same as
// articles.DefaultMemoryBudget), MinExtractMemoryMB the least accepted.
const (
	DefaultExtractMemoryMB = 512
	MinExtractMemoryMB     = 64
)

// MinWrapWidth is the narrowest wrap_width accepted.
const MinWrapWidth = 20

// Config is the reader's settings. The zero value is not the default: use Default.
type Config struct {
	// Sources are opened when briefs runs with no argument: files, folders,
	// URLs. Empty means the built-in sample briefs. "~/" is the home folder;
	// a relative path is relative to the config file's folder.
	Sources []string `toml:"sources"`
	// Feeds are RSS or Atom feed URLs (http or https) read at start.
	Feeds []string `toml:"feeds"`
	// Theme is ThemeAuto, ThemeDark or ThemeLight.
	Theme string `toml:"theme"`
	// GlamourStyle is a glamour standard style name ("dark", "dracula",
	// "tokyo-night", ...) or the path of a JSON style; "" follows Theme.
	GlamourStyle string `toml:"glamour_style"`
	// WrapWidth is the width briefs are wrapped at; 0 fits the window, at
	// most ReadableMeasure.
	WrapWidth int `toml:"wrap_width"`
	// Layout is LayoutAuto, LayoutWide, LayoutMedium or LayoutNarrow.
	Layout string `toml:"layout"`
	// Panes are the side panes shown at start: PaneEntities, PaneQuotes.
	// Empty hides them until asked for.
	Panes []string `toml:"panes"`
	// Sort is the list's order: SortDate, SortTitle, SortEntities, SortQuotes.
	Sort string `toml:"sort"`
	// Reverse turns the sort order around.
	Reverse bool `toml:"reverse"`
	// GroupBySource groups the list by outlet or source, in sort order within each.
	GroupBySource bool `toml:"group_by_source"`
	// SpeakerTags shows "⟨Speaker⟩" just after a quotation whose speaker the
	// text does not name beside it;
	// false leaves the text as written (the quotes pane still names them).
	SpeakerTags bool `toml:"speaker_tags"`
	// Browser is the command that opens a brief's URL; "" tries $BROWSER,
	// then xdg-open or open.
	Browser string `toml:"browser"`
	// Clipboard is ClipboardAuto, ClipboardSystem or ClipboardOSC52.
	Clipboard string `toml:"clipboard"`
	// ExportDir is where digests are written; "" is the documents folder
	// (XDG_DOCUMENTS_DIR), else the home folder.
	ExportDir string `toml:"export_dir"`
	// ExtractMemoryMB bounds the memory that extracting briefs uses at once,
	// on all cores (articles.Pipeline.SetMemoryBudget), in MB.
	ExtractMemoryMB int `toml:"extract_memory_mb"`
	// ReloadEvery is how often the reader loads its sources again in the
	// background (feeds fetched, folders read); 0 never.
	ReloadEvery time.Duration `toml:"reload_every"`
	// Notify is how a watchlist's new briefs are announced besides the
	// status line: NotifyBell, NotifyOSC9, NotifyOSC777 or NotifyNone.
	Notify string `toml:"notify"`
	// Archive is the shared archive on a PostgreSQL server that the reader
	// and the commands read when given no PATH (nor --samples), and that
	// `briefs ingest` writes: "postgres://USER[:PASSWORD]@HOST[:PORT]/DB".
	// --archive and $BRIEFS_ARCHIVE win over it. "" reads the sources.
	Archive string `toml:"archive"`
	// ArchiveUser names whose reading state (read and starred marks,
	// positions, watchlists) the shared archive keeps; "" is the database
	// role the connection logs in as.
	ArchiveUser string `toml:"archive_user"`
	// Keys remaps actions: action name ("quit", "reader.page_down"; see
	// Actions) to the keys that do it, as bubbletea names them. Actions the
	// file leaves out keep the UI's default keys.
	Keys map[string][]string `toml:"keys"`
}

// Default returns the settings briefs uses when there is no config file.
func Default() Config {
	return Config{
		Sources:         []string{},
		Feeds:           []string{},
		Theme:           ThemeAuto,
		Layout:          LayoutAuto,
		Panes:           []string{PaneEntities, PaneQuotes},
		Sort:            SortDate,
		SpeakerTags:     true,
		Clipboard:       ClipboardAuto,
		ExtractMemoryMB: DefaultExtractMemoryMB,
		Notify:          NotifyBell,
		Keys:            map[string][]string{},
	}
}

// Problem is something wrong in a config file: a TOML syntax error, an
// unknown key or a bad value. The setting it is about keeps its default.
type Problem struct {
	File    string
	Line    int    // 1-based; 0 when unknown
	Col     int    // 1-based; 0 when unknown (only syntax errors have one)
	Key     string // the TOML key path ("keys.reader.down"); "" for syntax errors
	Message string
}

// String is the problem as a compiler would print it: "file:line:col: key: message".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	if p.Key != "" {
		b.WriteString(p.Key + ": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Env variables read here.
const (
	EnvConfig  = "BRIEFS_CONFIG"   // the config file's path
	EnvXDG     = "XDG_CONFIG_HOME" // the folder of user config files
	EnvNoColor = "NO_COLOR"        // any non-empty value turns colour off
)

// Path returns the config file to read: flagValue (the --config flag) when
// set, else $BRIEFS_CONFIG, else DefaultPath().
func Path(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if p := os.Getenv(EnvConfig); p != "" {
		return p
	}
	return DefaultPath()
}

// DefaultPath is briefs/config.toml in the user's config folder:
// $XDG_CONFIG_HOME, else the platform's (~/.config on Linux).
func DefaultPath() string {
	// Read the variable now rather than trust xdg's copy from program start.
	if d := os.Getenv(EnvXDG); filepath.IsAbs(d) {
		return filepath.Join(d, "briefs", "config.toml")
	}
	return filepath.Join(xdg.ConfigHome, "briefs", "config.toml")
}

// Load reads the config file at path ("" for DefaultPath). A missing file at
// the default path gives Default() and no error; a missing file named
// explicitly is an error. Problems inside the file are returned, not errors:
// each bad setting keeps its default and the rest applies.
func Load(path string) (Config, []Problem, error) {
	if path == "" {
		path = DefaultPath()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && path == DefaultPath() {
			return Default(), nil, nil
		}
		return Default(), nil, fmt.Errorf("read config: %w", err)
	}
	c, probs := Parse(path, data)
	return c, probs, nil
}

// NoColor reports whether the user asked for no colour (the NO_COLOR
// convention: the variable set to any non-empty value).
func NoColor() bool { return os.Getenv(EnvNoColor) != "" }

// FixedTheme returns the background the theme setting fixes; ok is false
// for ThemeAuto, when the terminal must be asked.
func (c Config) FixedTheme() (dark, ok bool) {
	switch c.Theme {
	case ThemeDark:
		return true, true
	case ThemeLight:
		return false, true
	}
	return false, false
}

// Dark resolves the theme: fixed by the setting, else bgIsDark's answer
// (dark, known) from the terminal, else dark. bgIsDark may be nil.
func (c Config) Dark(bgIsDark func() (dark, known bool)) bool {
	if dark, ok := c.FixedTheme(); ok {
		return dark
	}
	if bgIsDark != nil {
		if dark, known := bgIsDark(); known {
			return dark
		}
	}
	return true
}

// Glamour returns the glamour style to render briefs with, a standard
// name or a JSON file's path: GlamourStyle when set, else "notty" without
// colour, else "dark" or "light" to match the background.
func (c Config) Glamour(dark, noColor bool) string {
	switch {
	case c.GlamourStyle != "":
		return c.GlamourStyle
	case noColor:
		return "notty"
	case dark:
		return "dark"
	}
	return "light"
}

// Measure is the width to wrap a brief at in a window this many cells wide.
func (c Config) Measure(window int) int {
	w := ReadableMeasure
	if c.WrapWidth > 0 {
		w = c.WrapWidth
	}
	return max(min(w, window), 0)
}

// ShowsPane reports whether pane (PaneEntities, PaneQuotes) shows at start.
func (c Config) ShowsPane(pane string) bool {
	for _, p := range c.Panes {
		if p == pane {
			return true
		}
	}
	return false
}

// WriteDefault writes the commented default config file (DefaultTOML).
func WriteDefault(w io.Writer) error {
	if _, err := io.WriteString(w, DefaultTOML); err != nil {
		return fmt.Errorf("write default config: %w", err)
	}
	return nil
}
