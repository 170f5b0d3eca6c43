package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/BurntSushi/toml"
)

// settings are the top-level keys, in the default file's order.
var settings = []string{
	"sources", "feeds", "theme", "glamour_style", "wrap_width", "layout", "panes",
	"sort", "reverse", "group_by_source", "speaker_tags", "browser", "clipboard", "export_dir", "extract_memory_mb",
	"reload_every", "notify", "archive", "archive_user", "keys",
}

// parser holds one file's decoding state.
type parser struct {
	file  string
	dir   string // the file's folder, for relative paths
	md    toml.MetaData
	raw   map[string]toml.Primitive
	probs []pending
	seen  map[string]bool // key paths already reported: their undecoded children are not

	keyOrder map[string]int // key path -> index in md.Keys(), built when first needed
}

// pending is a problem whose line is looked up once decoding is done.
type pending struct {
	path []string
	msg  string
}

// Parse reads a config file's contents; file names it in problems and
// anchors relative paths. Each bad setting keeps its default.
func Parse(file string, data []byte) (Config, []Problem) {
	c := Default()
	p := &parser{file: file, dir: filepath.Dir(file), seen: map[string]bool{}}
	md, err := toml.Decode(string(data), &p.raw)
	if err != nil {
		pr := Problem{File: file, Message: err.Error()}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			pr.Line, pr.Col, pr.Message = pe.Position.Line, pe.Position.Col, pe.Message
		}
		return c, []Problem{pr}
	}
	p.md = md
	// Decoding into a map marks every top-level key decoded: check them here.
	for _, k := range sortedKeys(p.raw) {
		if !slices.Contains(settings, k) {
			p.report("unknown setting"+suggest(k, settings), k)
		}
	}

	if v, ok := p.strings("sources"); ok {
		c.Sources = p.sources(v)
	}
	if v, ok := p.strings("feeds"); ok {
		c.Feeds = p.feeds(v)
	}
	if v, ok := p.choice("theme", ThemeAuto, ThemeDark, ThemeLight); ok {
		c.Theme = v
	}
	if v, ok := p.str("glamour_style"); ok {
		if s, ok := p.glamourStyle(v); ok {
			c.GlamourStyle = s
		}
	}
	if v, ok := p.integer("wrap_width"); ok {
		switch {
		case v < 0:
			p.report("must be 0 (fit the window) or a width in cells, not negative", "wrap_width")
		case v > 0 && v < MinWrapWidth:
			p.report(fmt.Sprintf("%d is too narrow to read; use at least %d, or 0 to fit the window", v, MinWrapWidth), "wrap_width")
		default:
			c.WrapWidth = v
		}
	}
	if v, ok := p.choice("layout", LayoutAuto, LayoutWide, LayoutMedium, LayoutNarrow); ok {
		c.Layout = v
	}
	if v, ok := p.strings("panes"); ok {
		c.Panes = p.panes(v)
	}
	if v, ok := p.choice("sort", SortDate, SortTitle, SortEntities, SortQuotes); ok {
		c.Sort = v
	}
	if v, ok := p.boolean("reverse"); ok {
		c.Reverse = v
	}
	if v, ok := p.boolean("group_by_source"); ok {
		c.GroupBySource = v
	}
	if v, ok := p.boolean("speaker_tags"); ok {
		c.SpeakerTags = v
	}
	if v, ok := p.str("browser"); ok {
		c.Browser = strings.TrimSpace(v)
	}
	if v, ok := p.choice("clipboard", ClipboardAuto, ClipboardSystem, ClipboardOSC52); ok {
		c.Clipboard = v
	}
	if v, ok := p.str("export_dir"); ok {
		c.ExportDir = p.path(v)
	}
	if v, ok := p.integer("extract_memory_mb"); ok {
		if v < MinExtractMemoryMB {
			p.report(fmt.Sprintf("%d MB is too little to extract a brief; use at least %d", v, MinExtractMemoryMB), "extract_memory_mb")
		} else {
			c.ExtractMemoryMB = v
		}
	}
	if v, ok := p.str("reload_every"); ok {
		c.ReloadEvery = p.reloadEvery(v)
	}
	if v, ok := p.choice("notify", NotifyBell, NotifyOSC9, NotifyOSC777, NotifyNone); ok {
		c.Notify = v
	}
	if v, ok := p.str("archive"); ok {
		c.Archive = p.archive(strings.TrimSpace(v))
	}
	if v, ok := p.str("archive_user"); ok {
		c.ArchiveUser = strings.TrimSpace(v)
	}
	if _, ok := p.raw["keys"]; ok {
		c.Keys = p.keys()
	}
	return c, p.finish()
}

// finish adds the undecoded keys and gives every problem its line.
func (p *parser) finish() []Problem {
	for _, k := range p.md.Undecoded() {
		if p.reported(k) {
			continue
		}
		p.report("unknown key", k...)
	}
	out := make([]Problem, 0, len(p.probs))
	for _, pr := range p.probs {
		out = append(out, Problem{File: p.file, Line: p.line(pr.path), Key: toml.Key(pr.path).String(), Message: pr.msg})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

// reported reports whether k or a table above it already has a problem.
func (p *parser) reported(k toml.Key) bool {
	for i := 1; i <= len(k); i++ {
		if p.seen[k[:i].String()] {
			return true
		}
	}
	return false
}

func (p *parser) report(msg string, path ...string) {
	path = slices.Clone(path)
	p.seen[toml.Key(path).String()] = true
	p.probs = append(p.probs, pending{path: path, msg: msg})
}

// lineProbe is decoded into to learn where a key is: BurntSushi/toml turns an
// Unmarshaler's error into a ParseError positioned at the key being decoded.
type lineProbe struct{}

var errProbe = errors.New("line probe")

// UnmarshalTOML always fails, so that the decoder says where it was.
func (lineProbe) UnmarshalTOML(any) error { return errProbe }

// line finds the line of a key path: the key's own, else the nearest table's above it.
func (p *parser) line(path []string) int {
	best := 0
	prim, ok := p.raw[path[0]]
	for i := 1; ok; i++ {
		if l := p.primLine(prim); l > 0 {
			best = l
		}
		if i == len(path) {
			break
		}
		var m map[string]toml.Primitive
		if p.md.PrimitiveDecode(prim, &m) != nil {
			break
		}
		prim, ok = m[path[i]]
	}
	return best
}

func (p *parser) primLine(prim toml.Primitive) int {
	var pe toml.ParseError
	if err := p.md.PrimitiveDecode(prim, lineProbe{}); errors.As(err, &pe) {
		return pe.Position.Line
	}
	return 0
}

// typeName is how a TOML type is named in problems.
func typeName(t string) string {
	switch t {
	case "Hash":
		return "a table"
	case "Array", "ArrayHash":
		return "a list"
	case "Integer":
		return "a number"
	case "Float":
		return "a decimal number"
	case "Bool":
		return "true or false"
	case "String":
		return "a string"
	case "":
		return "nothing"
	}
	return "a " + strings.ToLower(t)
}

// decode decodes the value at path into v, reporting a wrong type.
func (p *parser) decode(prim toml.Primitive, v any, want string, path ...string) bool {
	if err := p.md.PrimitiveDecode(prim, v); err != nil {
		got := typeName(p.md.Type(path...))
		if got == "a list" {
			got = "a list holding something else"
		}
		p.report(fmt.Sprintf("must be %s, not %s", want, got), path...)
		return false
	}
	return true
}

func (p *parser) str(name string) (string, bool) {
	prim, ok := p.raw[name]
	if !ok {
		return "", false
	}
	var s string
	return s, p.decode(prim, &s, "a string", name)
}

func (p *parser) integer(name string) (int, bool) {
	prim, ok := p.raw[name]
	if !ok {
		return 0, false
	}
	var n int
	return n, p.decode(prim, &n, "a whole number", name)
}

func (p *parser) boolean(name string) (bool, bool) {
	prim, ok := p.raw[name]
	if !ok {
		return false, false
	}
	var b bool
	return b, p.decode(prim, &b, "true or false", name)
}

func (p *parser) strings(name string) ([]string, bool) {
	prim, ok := p.raw[name]
	if !ok {
		return nil, false
	}
	var s []string
	return s, p.decode(prim, &s, "a list of strings", name)
}

// choice reads a string that must be one of choices (any case).
func (p *parser) choice(name string, choices ...string) (string, bool) {
	v, ok := p.str(name)
	if !ok {
		return "", false
	}
	if low := strings.ToLower(strings.TrimSpace(v)); slices.Contains(choices, low) {
		return low, true
	}
	p.report(fmt.Sprintf("%q is not one of %s", v, orList(choices)), name)
	return "", false
}

// orList writes choices as `"a", "b" or "c"`.
func orList(choices []string) string {
	q := make([]string, len(choices))
	for i, c := range choices {
		q[i] = fmt.Sprintf("%q", c)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// path expands "~/" and anchors a relative path at the config file's folder.
func (p *parser) path(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return ""
	case s == "~" || strings.HasPrefix(s, "~/"):
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, strings.TrimPrefix(s, "~"))
		}
		return s
	case filepath.IsAbs(s):
		return s
	}
	return filepath.Join(p.dir, s)
}

func isURL(s string) bool { return strings.Contains(s, "://") }

// sources keeps the good entries; "-" (standard input) and URLs pass as they are.
func (p *parser) sources(v []string) []string {
	out := []string{}
	for _, s := range v {
		switch {
		case strings.TrimSpace(s) == "":
			p.report("an empty source (dropped)", "sources")
		case s == "-" || isURL(s):
			out = append(out, s)
		default:
			out = append(out, p.path(s))
		}
	}
	return out
}

// feeds keeps the entries that are http or https URLs.
func (p *parser) feeds(v []string) []string {
	out := []string{}
	for _, s := range v {
		u, err := url.Parse(strings.TrimSpace(s))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			p.report(fmt.Sprintf("%q is not an http or https URL (dropped)", s), "feeds")
			continue
		}
		out = append(out, u.String())
	}
	return out
}

// panes keeps the known pane names, once each.
func (p *parser) panes(v []string) []string {
	out := []string{}
	for _, s := range v {
		low := strings.ToLower(strings.TrimSpace(s))
		if low != PaneEntities && low != PaneQuotes {
			p.report(fmt.Sprintf("%q is not a pane: %s (dropped)", s, orList([]string{PaneEntities, PaneQuotes})), "panes")
			continue
		}
		if !slices.Contains(out, low) {
			out = append(out, low)
		}
	}
	return out
}

// glamourStyle accepts a standard style's name or a readable JSON style file.
func (p *parser) glamourStyle(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", true
	}
	if _, ok := styles.DefaultStyles[v]; ok {
		return v, true
	}
	if !strings.HasSuffix(strings.ToLower(v), ".json") && !strings.ContainsRune(v, filepath.Separator) {
		names := make([]string, 0, len(styles.DefaultStyles))
		for n := range styles.DefaultStyles {
			names = append(names, n)
		}
		sort.Strings(names)
		p.report(fmt.Sprintf("%q is not a glamour style (%s) nor a .json file%s", v, strings.Join(names, ", "), suggest(v, names)), "glamour_style")
		return "", false
	}
	path := p.path(v)
	data, err := os.ReadFile(path)
	if err != nil {
		p.report(fmt.Sprintf("style file: %v", err), "glamour_style")
		return "", false
	}
	var sc ansi.StyleConfig
	if err := json.Unmarshal(data, &sc); err != nil {
		p.report(fmt.Sprintf("style file %s is not a glamour JSON style: %v", path, err), "glamour_style")
		return "", false
	}
	return path, true
}

// keys reads [keys] and its component tables [keys.reader], ...
func (p *parser) keys() map[string][]string {
	out := map[string][]string{}
	var top map[string]toml.Primitive
	// Decoding a non-table into a map does not fail in BurntSushi/toml: ask the type.
	if t := p.md.Type("keys"); !isTable(t) {
		p.report("must be a table of actions, not "+typeName(t), "keys")
		return out
	}
	if !p.decode(p.raw["keys"], &top, "a table of actions", "keys") {
		return out
	}
	lines := map[string]int{} // action -> place in the file, to report conflicts in file order
	for _, name := range sortedKeys(top) {
		if isTable(p.md.Type("keys", name)) {
			if !slices.Contains(components, name) {
				p.report("unknown key table: want one of "+orList(components)+suggest(name, components), "keys", name)
				continue
			}
			var sub map[string]toml.Primitive
			if !p.decode(top[name], &sub, "a table of actions", "keys", name) {
				continue
			}
			for _, act := range sortedKeys(sub) {
				p.action(out, lines, name+"."+act, sub[act], "keys", name, act)
			}
			continue
		}
		p.action(out, lines, name, top[name], "keys", name)
	}
	p.conflicts(out, lines)
	return out
}

// order is where a key comes in the file: its index in MetaData.Keys.
func (p *parser) order(path []string) int {
	if p.keyOrder == nil {
		p.keyOrder = map[string]int{}
		for i, k := range p.md.Keys() {
			p.keyOrder[k.String()] = i
		}
	}
	return p.keyOrder[toml.Key(path).String()]
}

// isTable reports whether a defined key of this TOML type is a table: a table
// only made by a longer name ([keys.reader] makes keys) has no type.
func isTable(tomlType string) bool { return tomlType == "Hash" || tomlType == "" }

// action reads one action's keys into out.
func (p *parser) action(out map[string][]string, lines map[string]int, name string, prim toml.Primitive, path ...string) {
	if _, ok := actionByName[name]; !ok {
		p.report("unknown action"+suggest(name, actionNames()), path...)
		return
	}
	var raw []string
	if p.md.Type(path...) == "String" { // quit = "q": one key
		var s string
		if !p.decode(prim, &s, "a list of keys", path...) {
			return
		}
		raw = []string{s}
	} else if !p.decode(prim, &raw, "a list of keys", path...) {
		return
	}
	if len(raw) == 0 {
		p.report("no keys: the action could never be used (leave it out to keep its default keys)", path...)
		return
	}
	keys := make([]string, 0, len(raw))
	for _, k := range raw {
		n, err := NormalizeKey(k)
		if err != nil {
			p.report(err.Error()+" (the action keeps its default keys)", path...)
			return
		}
		if !slices.Contains(keys, n) {
			keys = append(keys, n)
		}
	}
	out[name] = keys
	lines[name] = p.order(path)
}

// conflicts reports a key bound to two actions live at the same time (mayClash); the action
// written later keeps its default keys.
func (p *parser) conflicts(out map[string][]string, lines map[string]int) {
	set := make([]string, 0, len(out))
	for n := range out {
		set = append(set, n)
	}
	sort.Slice(set, func(i, j int) bool {
		if lines[set[i]] != lines[set[j]] {
			return lines[set[i]] < lines[set[j]]
		}
		return set[i] < set[j]
	})
	for _, name := range set {
		if k, other, ok := p.clash(out, lines, name); ok {
			p.report(fmt.Sprintf("key %q is also bound to %s, which would hide one of them (the action keeps its default keys)", k, other), keyPath(name)...)
			delete(out, name)
		}
	}
}

// clash finds a key of name's that another action live at the same time
// (mayClash) already has: by default, or set earlier in the file.
func (p *parser) clash(out map[string][]string, lines map[string]int, name string) (string, string, bool) {
	for _, other := range actions {
		if other.Name == name {
			continue
		}
		theirs, set := out[other.Name]
		if !set {
			theirs = other.Keys
		} else if lines[other.Name] > lines[name] {
			continue // that one is reported when its turn comes
		}
		for _, k := range out[name] {
			if slices.Contains(theirs, k) && mayClash(name, other.Name) {
				return k, other.Name, true
			}
		}
	}
	return "", "", false
}

// mayClash reports whether a key bound to both actions would do only one
// of them: they are live at the same time, in the same table or because the
// root checks its keys before the focused component's (ui.App.handleKey).
func mayClash(a, b string) bool {
	if a > b {
		a, b = b, a
	}
	if a == "force_quit" && b == "quit" {
		return false // they share ctrl+c on purpose
	}
	if findOver[a] == b || findOver[b] == a {
		return false // the find, while active, comes first on purpose (ui/reader)
	}
	if linksView[a] || linksView[b] {
		// live only in the links view, before everything but ctrl+c (ui/links.go)
		other := b
		if linksView[b] {
			other = a
		}
		return linksView[other] || slices.Contains([]string{"back", "links", "feeds_view", "refresh", "quit", "force_quit", "open_url", "copy_url", "reader.up", "reader.down"}, other)
	}
	ca, cb := actionByName[a].Component(), actionByName[b].Component()
	switch {
	case ca == "" && cb == "":
		return true
	case ca != "" && cb != "":
		// The list's browsing and filtering keys are never live together (Esc, Enter are both).
		return ca == cb && filtering(a) == filtering(b)
	}
	root, comp := a, b
	if ca != "" {
		root, comp = b, a
	}
	switch {
	case root == "force_quit":
		return true // checked before everything
	case root == "back":
		// Esc leaves a side pane or the search view before they see it.
		c := actionByName[comp].Component()
		return c == "entities_pane" || c == "quotes_pane" || c == "search_view"
	case root == "watch_save":
		// live only in the search view, before its keys (ui/watch.go)
		return actionByName[comp].Component() == "search_view"
	case listOnly[root]:
		// Sort and group act only while the list has focus; elsewhere the
		// key goes on to the focused component (ui.App.handleAction).
		return actionByName[comp].Component() == "list" && !filtering(comp)
	}
	// The other root keys come first everywhere but in the search view and
	// while a filter is typed: quit, help, focus and panes, and the actions on
	// the current brief (open_url, copy_quote, copy_url, export), which act in
	// the list, the reader and both side panes (ui.App.handleAction).
	return actionByName[comp].Component() != "search_view" && !filtering(comp)
}

// linksView are the root actions live only in the links view
// (and the feeds view: its keys are never live with the links view's).
var linksView = map[string]bool{"link_open": true, "link_number": true, "feed_add": true, "feed_remove": true, "feed_fetch": true}

// listOnly are the root actions ui.App.handleAction runs only while the list
// has focus.
var listOnly = map[string]bool{"sort": true, "group": true, "read_filter": true, "toggle_read": true, "all_read": true, "watch_next": true, "watch_remove": true}

// filtering reports whether an action is live only while a list filter is typed.
func filtering(name string) bool {
	return strings.HasSuffix(name, "_while_filtering") || name == "reader.find_accept"
}

// findOver are the reader's find actions that share keys with other reader
// actions by design: while a find is active it owns esc, n and N, and they
// go back to leaving the reader and stepping through mentions once it is cleared.
var findOver = map[string]string{
	"reader.find_clear": "reader.back",
	"reader.find_next":  "reader.next_mention",
	"reader.find_prev":  "reader.prev_mention",
}

// keyPath is the TOML path of an action.
func keyPath(name string) []string {
	if c, a, ok := strings.Cut(name, "."); ok {
		return []string{"keys", c, a}
	}
	return []string{"keys", name}
}

func actionNames() []string {
	out := make([]string, len(actions))
	for i, a := range actions {
		out[i] = a.Name
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// suggest returns `; did you mean "x"?` for the closest of names, or "".
func suggest(s string, names []string) string {
	best, bestD := "", 3 // at most two edits away
	if len(s) <= 3 {
		bestD = 2
	}
	for _, n := range names {
		if strings.HasPrefix(n, strings.ToLower(s)+"_") { // "search" for "search_view"
			return fmt.Sprintf("; did you mean %q?", n)
		}
		if d := editDistance(strings.ToLower(s), n); d < bestD {
			best, bestD = n, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// archive checks the archive key: a PostgreSQL URL (postgres:// or
// postgresql://) or a key=value connection string naming a host or a
// database; "" for none. The problem never repeats the value: it may hold
// a password.
func (p *parser) archive(v string) string {
	if v == "" {
		return ""
	}
	if u, err := url.Parse(v); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		return v
	}
	if !strings.Contains(v, "://") && (strings.Contains(v, "host=") || strings.Contains(v, "dbname=")) {
		return v
	}
	p.report("not a PostgreSQL address: write it as \"postgres://USER@HOST/DATABASE\" (\"\" reads the sources)", "archive")
	return ""
}

// reloadEvery reads reload_every: a Go duration ("15m", "1h30m", "90s"),
// "" or "0" for never; at least MinReloadEvery.
func (p *parser) reloadEvery(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" || v == "0" {
		return 0
	}
	d, err := time.ParseDuration(v)
	switch {
	case err != nil:
		p.report(fmt.Sprintf("%q is not a duration: write it as \"15m\", \"1h\" or \"90s\" (\"\" for never)", v), "reload_every")
	case d < MinReloadEvery:
		p.report(fmt.Sprintf("%s is too often; use at least %s, or \"\" for never", d, MinReloadEvery), "reload_every")
	default:
		return d
	}
	return 0
}
