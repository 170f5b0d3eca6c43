package config

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	"github.com/rivo/uniseg"
)

// Action is one thing a key can do: a key.Binding field of one of the UI's
// KeyMap structs. Its Name is the component and the field name in snake case
// ("reader.page_down"); the root's actions have no component ("quit").
// See Actions.
type Action struct {
	Name string   // as written in the config file's [keys] tables
	Keys []string // the UI's default keys, for the commented default file
	Help string   // what it does, one short line
}

// Component returns the part of the name before the dot ("" for the root).
func (a Action) Component() string {
	c, _, ok := strings.Cut(a.Name, ".")
	if !ok {
		return ""
	}
	return c
}

// components are the [keys.X] tables, in the order the default file lists them.
var components = []string{"list", "reader", "search_view", "entities_pane", "quotes_pane"}

// actions are every remappable action with the UI's default keys, in the
// order of the default file. A test holds them to the UI's KeyMap structs.
var actions = []Action{
	{"quit", []string{"q", "ctrl+c"}, "quit briefs"},
	{"force_quit", []string{"ctrl+c"}, "quit even while a filter or a query is being typed"},
	{"help", []string{"?"}, "show or hide the full help"},
	{"next_focus", []string{"tab"}, "focus the next pane"},
	{"prev_focus", []string{"shift+tab"}, "focus the previous pane"},
	{"entities", []string{"e"}, "show or hide the entities pane"},
	{"quotes", []string{"Q"}, "show or hide the quotes pane"},
	{"back", []string{"esc"}, "from a pane or the search view back"},
	{"search", []string{"s", ":"}, "open the search view"},
	{"warnings", []string{"w"}, "list the sources that could not be read"},
	{"open_url", []string{"o"}, "open the brief's URL in the browser"},
	{"copy_quote", []string{"y"}, "copy the selected quote with its speaker and source"},
	{"explain_quote", []string{"i"}, "show why the selected quote has its speaker (its trace)"},
	{"copy_url", []string{"Y"}, "copy the brief's URL"},
	{"export", []string{"x"}, "write the brief's digest to a Markdown file"},
	{"sort", []string{"S"}, "cycle the list's order"},
	{"group", []string{"B"}, "group the list by source, or stop"},
	{"star", []string{"*"}, "star the brief, or unstar it"},
	{"refresh", []string{"r"}, "load the sources again: new briefs added, changed ones replaced"},
	{"read_filter", []string{"U"}, "show all briefs, the unread or the starred"},
	{"toggle_read", []string{"N"}, "mark the selected brief read, or unread (in the list)"},
	{"all_read", []string{"A"}, "mark every brief the list shows read (in the list)"},
	{"watch_next", []string{"W"}, "show the next watchlist's briefs in the list, then all again (in the list)"},
	{"watch_save", []string{"ctrl+s"}, "watch the search: save its query as a watchlist, named as you type (in the search view)"},
	{"watch_remove", []string{"X"}, "remove the watchlist the list shows (in the list)"},
	{"links", []string{"L"}, "the brief's links, numbered: open or copy any"},
	{"pipe", []string{"|"}, "send the brief's text to a command"},
	{"save", []string{">"}, "save the brief to a file: Markdown, or text when it ends in .txt"},
	{"pager", []string{"P"}, "read the brief in $PAGER, then come back"},
	{"editor", []string{"ctrl+e"}, "open the brief in $EDITOR, then come back"},
	{"count", []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "a count for the next up or down key, as in vim: 5j (list and reader)"},
	{"link_open", []string{"enter"}, "open the selected link (in the links view)"},
	{"link_number", []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}, "open link 1 to 9 (in the links view)"},
	{"feeds_view", []string{"F"}, "the feeds: title, URL, briefs, last fetch, errors (in the list)"},
	{"feed_add", []string{"a"}, "add a feed to the config (in the feeds view)"},
	{"feed_remove", []string{"d"}, "remove the selected feed from the config (in the feeds view)"},
	{"feed_fetch", []string{"f"}, "fetch the selected feed again, alone (in the feeds view)"},
	{"all_entities", []string{"@"}, "every entity of the corpus"},
	{"all_quotes", []string{"\""}, "every quote of the corpus"},

	{"list.open", []string{"enter"}, "read the selected brief"},
	{"list.page_top", []string{"H"}, "the first brief on the page, as vim's H"},
	{"list.page_middle", []string{"M"}, "the middle brief on the page, as vim's M"},
	{"list.cursor_up", []string{"up", "k"}, "previous brief"},
	{"list.cursor_down", []string{"down", "j"}, "next brief"},
	{"list.prev_page", []string{"left", "h", "pgup", "b", "u"}, "previous page"},
	{"list.next_page", []string{"right", "l", "pgdown", "f", "d"}, "next page"},
	{"list.go_to_start", []string{"home", "g"}, "first brief"},
	{"list.go_to_end", []string{"end", "G"}, "last brief"},
	{"list.filter", []string{"/"}, "filter the list"},
	{"list.clear_filter", []string{"esc"}, "clear the filter"},
	{"list.cancel_while_filtering", []string{"esc"}, "stop typing a filter, dropping it"},
	{"list.accept_while_filtering", []string{"enter", "tab", "shift+tab", "ctrl+k", "up", "ctrl+j", "down"}, "stop typing a filter, keeping it"},

	{"reader.down", []string{"j", "down"}, "scroll down"},
	{"reader.up", []string{"k", "up"}, "scroll up"},
	{"reader.page_down", []string{"space", "pgdown", "f", "ctrl+f"}, "page down"},
	{"reader.page_up", []string{"b", "pgup", "ctrl+b"}, "page up"},
	{"reader.half_down", []string{"d", "ctrl+d"}, "half a page down"},
	{"reader.half_up", []string{"u", "ctrl+u"}, "half a page up"},
	{"reader.top", []string{"g", "home"}, "top of the brief"},
	{"reader.bottom", []string{"G", "end"}, "bottom of the brief"},
	{"reader.back", []string{"esc", "h"}, "back to the list"},
	{"reader.prev", []string{"["}, "previous brief"},
	{"reader.next", []string{"]"}, "next brief"},
	{"reader.next_mention", []string{"n"}, "next mention of the selected entity"},
	{"reader.prev_mention", []string{"N"}, "previous mention of the selected entity"},
	{"reader.find", []string{"/"}, "find in the brief: type, enter confirms"},
	{"reader.find_accept", []string{"enter"}, "confirm the find being typed"},
	{"reader.find_clear", []string{"esc"}, "drop the find and its marks"},
	{"reader.find_next", []string{"n"}, "next match of the find (the find owns n/N until cleared)"},
	{"reader.find_prev", []string{"N"}, "previous match of the find"},

	{"search_view.up", []string{"up", "ctrl+p"}, "previous result"},
	{"search_view.down", []string{"down", "ctrl+n"}, "next result"},
	{"search_view.page_up", []string{"pgup"}, "page of results up"},
	{"search_view.page_down", []string{"pgdown"}, "page of results down"},
	{"search_view.open", []string{"enter"}, "read the selected result"},
	{"search_view.complete", []string{"tab"}, "complete the name being typed"},

	{"entities_pane.down", []string{"j", "down"}, "next entity"},
	{"entities_pane.up", []string{"k", "up"}, "previous entity"},
	{"entities_pane.top", []string{"g", "home"}, "first entity"},
	{"entities_pane.bottom", []string{"G", "end"}, "last entity"},
	{"entities_pane.search", []string{"enter"}, "search the briefs naming the entity"},
	{"entities_pane.aliases", []string{"a"}, "show or hide the entity's aliases"},
	{"entities_pane.next_mention", []string{"n"}, "next mention in the brief"},
	{"entities_pane.prev_mention", []string{"N"}, "previous mention in the brief"},

	{"quotes_pane.down", []string{"j", "down"}, "next quote"},
	{"quotes_pane.up", []string{"k", "up"}, "previous quote"},
	{"quotes_pane.top", []string{"g", "home"}, "first quote"},
	{"quotes_pane.bottom", []string{"G", "end"}, "last quote"},
}

// Components returns the [keys.X] tables ("list", "reader", ...), one per UI
// component; the root's actions sit in [keys] itself.
func Components() []string { return slices.Clone(components) }

// Actions returns every remappable action, in the default file's order.
func Actions() []Action {
	out := slices.Clone(actions)
	for i := range out {
		out[i].Keys = slices.Clone(out[i].Keys)
	}
	return out
}

// actionByName indexes actions.
var actionByName = func() map[string]Action {
	m := make(map[string]Action, len(actions))
	for _, a := range actions {
		m[a.Name] = a
	}
	return m
}()

// LookupAction returns the action with this name ("reader.down").
func LookupAction(name string) (Action, bool) {
	a, ok := actionByName[name]
	return a, ok
}

// modifiers in the order bubbletea prints them in a key's String().
var modifiers = []string{"ctrl", "alt", "shift", "meta", "hyper", "super"}

// namedKeys are the multi-letter key names bubbletea v2 prints (ultraviolet's keyTypeString).
var namedKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range strings.Fields(`enter tab backspace esc space up down left right begin find insert
		delete select pgup pgdown home end equal mul plus comma minus period div sep
		capslock scrolllock numlock printscreen pause menu mediaplay mediapause mediaplaypause
		mediareverse mediastop mediafastforward mediarewind medianext mediaprev mediarecord
		lowervol raisevol mute leftshift leftalt leftctrl leftsuper lefthyper leftmeta
		rightshift rightalt rightctrl rightsuper righthyper rightmeta isolevel3shift isolevel5shift`) {
		m[k] = true
	}
	for i := 1; i <= 63; i++ {
		m[fmt.Sprintf("f%d", i)] = true
	}
	return m
}()

// keyAliases are other spellings people write for named keys.
var keyAliases = map[string]string{
	"escape": "esc", "return": "enter", "pageup": "pgup", "pagedown": "pgdown", "pgdn": "pgdown",
	"del": "delete", "ins": "insert", "bs": "backspace", "spacebar": "space",
}

// NormalizeKey checks a key as written in the config file and returns it as
// bubbletea spells the key press ("Ctrl+Alt+x" -> "ctrl+alt+x", "Escape" -> "esc",
// "shift+a" -> "A", " " -> "space"). A single character keeps its case: "Q" is
// not "q"; after ctrl or alt a letter is lower case ("Ctrl+Q" -> "ctrl+q").
func NormalizeKey(s string) (string, error) {
	if s == "" {
		return "", fmt.Errorf("empty key name")
	}
	if s == " " {
		return "space", nil
	}
	if isOneChar(s) {
		r := []rune(s)[0]
		if unicode.IsControl(r) || unicode.IsSpace(r) {
			return "", fmt.Errorf("key %q is a control character: write its name (tab, enter, space, ...)", s)
		}
		return s, nil
	}
	parts := strings.Split(s, "+")
	if strings.HasSuffix(s, "++") { // "ctrl++": the key is "+"
		parts = append(strings.Split(strings.TrimSuffix(s, "++"), "+"), "+")
	}
	base := parts[len(parts)-1]
	mods := map[string]bool{}
	for _, m := range parts[:len(parts)-1] {
		m = strings.ToLower(strings.TrimSpace(m))
		if !isModifier(m) {
			return "", fmt.Errorf("key %q: unknown modifier %q (want ctrl, alt, shift, meta, hyper or super)", s, m)
		}
		if mods[m] {
			return "", fmt.Errorf("key %q: modifier %q twice", s, m)
		}
		mods[m] = true
	}
	switch {
	case base == "":
		return "", fmt.Errorf("key %q has no key after its modifiers", s)
	case isOneChar(base):
		if r := []rune(base)[0]; unicode.IsControl(r) || unicode.IsSpace(r) {
			return "", fmt.Errorf("key %q: write the key's name (tab, enter, space, ...)", s)
		}
		if len(mods) == 1 && mods["shift"] && strings.ToUpper(base) != base {
			// A shifted letter arrives as its capital: "shift+a" is pressed as "A".
			return strings.ToUpper(base), nil
		}
		if !mods["shift"] {
			// With ctrl or alt a letter arrives in lower case ("Ctrl+Q" is "ctrl+q").
			base = strings.ToLower(base)
		}
	default:
		name := strings.ToLower(base)
		if a, ok := keyAliases[name]; ok {
			name = a
		}
		if !namedKeys[name] {
			return "", fmt.Errorf("key %q: unknown key name %q", s, base)
		}
		base = name
	}
	var b strings.Builder
	for _, m := range modifiers {
		if mods[m] {
			b.WriteString(m + "+")
		}
	}
	b.WriteString(base)
	return b.String(), nil
}

func isModifier(m string) bool {
	for _, x := range modifiers {
		if m == x {
			return true
		}
	}
	return false
}

// isOneChar reports whether s is one user-perceived character.
func isOneChar(s string) bool { return uniseg.GraphemeClusterCount(s) == 1 }

// Bind returns b with the keys the config gives action, and a help key that
// names the first two of them; b unchanged when the config leaves the action
// alone. A disabled binding stays disabled.
func (c Config) Bind(action string, b key.Binding) key.Binding {
	keys, ok := c.Keys[action]
	if !ok || len(keys) == 0 {
		return b
	}
	enabled := b.Enabled()
	b.SetKeys(keys...)
	if h := b.Help(); h.Key != "" || h.Desc != "" {
		b.SetHelp(HelpKey(keys), h.Desc)
	}
	b.SetEnabled(enabled)
	return b
}

// HelpKey is how help shows a list of keys: the first two, "/" between
// ("j/↓"), arrows as arrows.
func HelpKey(keys []string) string {
	shown := make([]string, 0, 2)
	for _, k := range keys {
		if len(shown) == 2 {
			break
		}
		switch k {
		case "up":
			k = "↑"
		case "down":
			k = "↓"
		case "left":
			k = "←"
		case "right":
			k = "→"
		}
		shown = append(shown, k)
	}
	return strings.Join(shown, "/")
}

// Apply remaps the exported key.Binding fields of the KeyMap struct keymap
// points to, from the actions of component ("" for the root's [keys],
// "reader" for [keys.reader]): field PageDown takes the keys of
// "reader.page_down". Fields the config does not mention keep their keys.
func (c Config) Apply(component string, keymap any) error {
	v := reflect.ValueOf(keymap)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("apply keys of %q: want a pointer to a KeyMap struct, got %T", component, keymap)
	}
	v = v.Elem()
	bt := reflect.TypeFor[key.Binding]()
	// VisibleFields includes those promoted from an embedded struct (sidepane.NavKeys).
	for _, f := range reflect.VisibleFields(v.Type()) {
		if !f.IsExported() || f.Type != bt {
			continue
		}
		fv, err := v.FieldByIndexErr(f.Index)
		if err != nil || !fv.CanSet() {
			continue
		}
		name := SnakeCase(f.Name)
		if component != "" {
			name = component + "." + name
		}
		fv.Set(reflect.ValueOf(c.Bind(name, fv.Interface().(key.Binding))))
	}
	return nil
}

// SnakeCase turns a Go field name into an action name: "PageDown" -> "page_down",
// "GoToStart" -> "go_to_start".
func SnakeCase(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		if unicode.IsUpper(r) {
			// A word starts here unless this continues an acronym ("URL" in "OpenURL").
			if i > 0 && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1]))) {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
