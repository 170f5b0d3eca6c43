package config_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"

	"briefs/ui/articlelist"
	"briefs/ui/config"
	"briefs/ui/reader"
	"briefs/ui/search"
	"briefs/ui/sidepane"
)

// keymaps are the components' KeyMap structs by config table. The root's
// ([keys]) is read from its source by rootDefaults: importing briefs/ui would
// tie this package's tests to every package of the program.
func keymaps() map[string][]any {
	return map[string][]any{
		"list":          {articlelist.DefaultKeyMap(), list.DefaultKeyMap()},
		"reader":        {reader.DefaultKeyMap()},
		"search_view":   {search.DefaultKeyMap()},
		"entities_pane": {sidepane.DefaultEntityKeys()},
		"quotes_pane":   {sidepane.DefaultQuoteKeys()},
	}
}

// notRemappable are bubbles list bindings the article list turns off or
// leaves to the root: the root owns help and quitting.
var notRemappable = []string{"list.show_full_help", "list.close_full_help", "list.quit", "list.force_quit"}

// TestActionsMatchUI holds config.Actions to the UI: every exported
// key.Binding field of every KeyMap (the root's ui.KeyMap and ui.ActionKeys
// included) is an action with the same default keys, and every action is
// such a field. When this fails after a KeyMap changed, add or update the
// action in ui/config/keys.go (actions) and in DefaultTOML.
func TestActionsMatchUI(t *testing.T) {
	ui, err := uiActions(filepath.Join("..", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range disagreements(ui, config.Actions()) {
		t.Error(d)
	}
}

// TestActionsMatchUIFailsOnDisagreement checks the check: a root field the
// config lacks, an action the UI lacks, and other default keys are each
// reported, whether the field is in ui.KeyMap or ui.ActionKeys.
func TestActionsMatchUIFailsOnDisagreement(t *testing.T) {
	dir := t.TempDir()
	src := `package ui

import "charm.land/bubbles/v2/key"

type KeyMap struct{ Quit, Help key.Binding }

type ActionKeys struct {
	OpenURL key.Binding
	Rewind  key.Binding // not an action of the config
	Export  key.Binding // bound to no key by DefaultActionKeys
}

func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c")),
		Help: key.NewBinding(key.WithKeys("F1")),
	}
}

func DefaultActionKeys() ActionKeys {
	return ActionKeys{
		OpenURL: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open URL")),
		Rewind:  key.NewBinding(key.WithKeys("r")),
	}
}

type WatchKeys struct{ WatchNext key.Binding }

func DefaultWatchKeys() WatchKeys { return WatchKeys{WatchNext: key.NewBinding(key.WithKeys("W"))} }

type BriefKeys struct{ Links key.Binding }

func DefaultBriefKeys() BriefKeys { return BriefKeys{Links: key.NewBinding(key.WithKeys("L"))} }

type FeedKeys struct{ FeedsView key.Binding }

func DefaultFeedKeys() FeedKeys { return FeedKeys{FeedsView: key.NewBinding(key.WithKeys("F"))} }
`
	if err := os.WriteFile(filepath.Join(dir, "keys.go"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	root, err := rootDefaults(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"Quit": {"q", "ctrl+c"}, "Help": {"F1"}, "OpenURL": {"o"}, "Rewind": {"r"}, "Export": nil, "WatchNext": {"W"}, "Links": {"L"}, "FeedsView": {"F"}}
	if !reflect.DeepEqual(root, want) {
		t.Fatalf("rootDefaults = %v, want %v", root, want)
	}
	ui := map[string][]string{}
	for f, keys := range root {
		ui[config.SnakeCase(f)] = keys
	}
	acts := []config.Action{
		{Name: "quit", Keys: []string{"q", "ctrl+c"}},
		{Name: "help", Keys: []string{"?"}},
		{Name: "open_url", Keys: []string{"o"}},
		{Name: "export", Keys: []string{"x"}},
		{Name: "group", Keys: []string{"B"}},
		{Name: "watch_next", Keys: []string{"W"}},
		{Name: "links", Keys: []string{"L"}},
		{Name: "feeds_view", Keys: []string{"F"}},
	}
	got := strings.Join(disagreements(ui, acts), "\n")
	for _, w := range []string{
		`help: the UI binds [F1], config.Actions says [?]`,
		`export: the UI binds [], config.Actions says [x]`,
		`the UI's field for "rewind" has no config action`,
		`config action "group" is no KeyMap field of the UI`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("disagreements lack %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, "quit") || strings.Contains(got, "open_url") {
		t.Errorf("agreeing actions reported:\n%s", got)
	}
	// Without DefaultActionKeys the action keys would go unchecked: an error.
	src = strings.Replace(src, "func DefaultActionKeys", "func defaultActionKeys", 1)
	if err := os.WriteFile(filepath.Join(dir, "keys.go"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := rootDefaults(filepath.Join(dir, "*.go")); err == nil || !strings.Contains(err.Error(), "DefaultActionKeys") {
		t.Errorf("no DefaultActionKeys: err %v", err)
	}
}

// uiActions are the UI's remappable actions by config name with their
// default keys: the components' KeyMaps by reflection, the root's from the
// ui package's source files matched by glob.
func uiActions(glob string) (map[string][]string, error) {
	bt := reflect.TypeFor[key.Binding]()
	out := map[string][]string{}
	for comp, kms := range keymaps() {
		for _, km := range kms {
			v := reflect.ValueOf(km)
			for _, f := range reflect.VisibleFields(v.Type()) {
				if !f.IsExported() || f.Type != bt {
					continue
				}
				name := comp + "." + config.SnakeCase(f.Name)
				if slices.Contains(notRemappable, name) {
					continue
				}
				if _, dup := out[name]; dup {
					return nil, fmt.Errorf("%s is a field of two %s KeyMaps", name, comp)
				}
				out[name] = v.FieldByIndex(f.Index).Interface().(key.Binding).Keys()
			}
		}
	}
	root, err := rootDefaults(glob)
	if err != nil {
		return nil, err
	}
	for field, keys := range root {
		out[config.SnakeCase(field)] = keys
	}
	return out, nil
}

// disagreements lists where the UI's actions (name -> default keys) and the
// config's differ, both ways.
func disagreements(ui map[string][]string, acts []config.Action) []string {
	var out []string
	byName := map[string]config.Action{}
	for _, a := range acts {
		byName[a.Name] = a
	}
	for _, name := range slices.Sorted(maps.Keys(ui)) {
		a, ok := byName[name]
		if !ok {
			out = append(out, fmt.Sprintf("the UI's field for %q has no config action", name))
			continue
		}
		if !slices.Equal(ui[name], a.Keys) {
			out = append(out, fmt.Sprintf("%s: the UI binds %v, config.Actions says %v", name, ui[name], a.Keys))
		}
	}
	for _, a := range acts {
		if _, ok := ui[a.Name]; !ok {
			out = append(out, fmt.Sprintf("config action %q is no KeyMap field of the UI", a.Name))
		}
	}
	return out
}

// TestRemapReachesHelp remaps reader and root keys from a config file and
// checks the bindings match the new keys, not the old, and that help shows them.
func TestRemapReachesHelp(t *testing.T) {
	src := `[keys]
quit = ["v"]
[keys.reader]
page_down = ["ctrl+f", "space"]
down = ["J", "down"]
[keys.entities_pane]
down = ["ctrl+n"]
`
	c, probs := config.Parse("c.toml", []byte(src))
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	rk := reader.DefaultKeyMap()
	if err := c.Apply("reader", &rk); err != nil {
		t.Fatal(err)
	}
	root := struct{ Quit, Help key.Binding }{
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
	}
	if err := c.Apply("", &root); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		b        key.Binding
		on, off  string
		helpKey  string
		helpDesc string
	}{
		{rk.PageDown, "ctrl+f", "f", "ctrl+f/space", "page down"},
		{rk.Down, "J", "j", "J/↓", "down"},
		{rk.Up, "k", "J", "k/↑", "up"}, // untouched
		{root.Quit, "v", "q", "v", "quit"},
		{root.Help, "?", "v", "?", "help"}, // untouched
	} {
		if !slices.Contains(tc.b.Keys(), tc.on) || slices.Contains(tc.b.Keys(), tc.off) {
			t.Errorf("%s: keys %v, want %q and not %q", tc.helpDesc, tc.b.Keys(), tc.on, tc.off)
		}
		if h := tc.b.Help(); h.Key != tc.helpKey || h.Desc != tc.helpDesc {
			t.Errorf("%s: help %q %q, want %q %q", tc.helpDesc, h.Key, h.Desc, tc.helpKey, tc.helpDesc)
		}
	}
	// Key presses as bubbletea delivers them match the new bindings only.
	if !key.Matches(tea.KeyPressMsg{Code: 'f', Mod: tea.ModCtrl}, rk.PageDown) {
		t.Error("ctrl+f does not page down")
	}
	if key.Matches(tea.KeyPressMsg{Code: 'f', Text: "f"}, rk.PageDown) {
		t.Error("f still pages down")
	}
	if !key.Matches(tea.KeyPressMsg{Code: 'J', Text: "J", Mod: tea.ModShift}, rk.Down) {
		t.Error("J does not scroll down")
	}
	// The help bar drawn from the remapped bindings names the new keys.
	bar := help.New().ShortHelpView([]key.Binding{rk.PageDown, root.Quit})
	if !strings.Contains(bar, "ctrl+f/space") || !strings.Contains(bar, "v") || strings.Contains(bar, "q quit") {
		t.Errorf("help bar %q does not show the remapped keys", bar)
	}
	// Bindings promoted from an embedded struct (sidepane.NavKeys) are remapped too.
	ek := sidepane.DefaultEntityKeys()
	if err := c.Apply("entities_pane", &ek); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ek.Down.Keys(), []string{"ctrl+n"}) || !slices.Equal(ek.Up.Keys(), []string{"k", "up"}) {
		t.Errorf("entities pane: down %v up %v", ek.Down.Keys(), ek.Up.Keys())
	}
	if err := c.Apply("reader", rk); err == nil {
		t.Error("Apply must refuse a KeyMap that is not a pointer")
	}
}

// rootFuncs are the ui package's constructors of the root's bindings and
// the struct types they return.
var rootFuncs = map[string]string{"DefaultKeyMap": "KeyMap", "DefaultActionKeys": "ActionKeys", "DefaultWatchKeys": "WatchKeys", "DefaultBriefKeys": "BriefKeys", "DefaultFeedKeys": "FeedKeys"}

// rootDefaults reads the root's bindings from the ui package's source files
// matched by glob: every key.Binding field of ui.KeyMap and ui.ActionKeys,
// with the key.WithKeys values DefaultKeyMap and DefaultActionKeys give it
// (nil for a field they leave out). Field name -> keys.
func rootDefaults(glob string) (map[string][]string, error) {
	files, err := filepath.Glob(glob)
	if err != nil {
		return nil, fmt.Errorf("list ui sources: %w", err)
	}
	fset := token.NewFileSet()
	out := map[string][]string{}
	owner := map[string]string{} // field -> the struct or func that names it
	found := map[string]bool{}
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", path, err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					ts, ok := spec.(*ast.TypeSpec)
					if !ok || !slices.Contains(slices.Collect(maps.Values(rootFuncs)), ts.Name.Name) {
						continue
					}
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						return nil, fmt.Errorf("%s: ui.%s is not a struct", path, ts.Name.Name)
					}
					found[ts.Name.Name] = true
					for _, fld := range st.Fields.List {
						if !isKeyBinding(fld.Type) {
							continue
						}
						for _, n := range fld.Names {
							if o, dup := owner[n.Name]; dup && o != ts.Name.Name {
								return nil, fmt.Errorf("ui.%s.%s: a field of %s too", ts.Name.Name, n.Name, o)
							}
							owner[n.Name] = ts.Name.Name
							if _, ok := out[n.Name]; !ok {
								out[n.Name] = nil
							}
						}
					}
				}
			case *ast.FuncDecl:
				if _, ok := rootFuncs[d.Name.Name]; !ok || d.Recv != nil {
					continue
				}
				found[d.Name.Name] = true
				var bad error
				n := 0
				ast.Inspect(d.Body, func(nd ast.Node) bool {
					kv, ok := nd.(*ast.KeyValueExpr)
					if !ok {
						return true
					}
					field, ok := kv.Key.(*ast.Ident)
					if !ok {
						return true
					}
					keys, err := withKeys(kv.Value)
					if err != nil {
						bad = fmt.Errorf("ui.%s %s: %w", d.Name.Name, field.Name, err)
					}
					out[field.Name] = keys
					n++
					return false
				})
				if bad != nil {
					return nil, bad
				}
				if n == 0 {
					return nil, fmt.Errorf("%s: %s binds no field", path, d.Name.Name)
				}
			}
		}
	}
	for fn, typ := range rootFuncs {
		for _, name := range []string{fn, typ} {
			if !found[name] {
				return nil, fmt.Errorf("no %s in %s", name, glob)
			}
		}
	}
	return out, nil
}

// isKeyBinding reports whether a field's type is written key.Binding.
func isKeyBinding(e ast.Expr) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Binding" {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "key"
}

// withKeys finds the string arguments of key.WithKeys inside a binding expression.
func withKeys(e ast.Expr) ([]string, error) {
	var keys []string
	var bad error
	ast.Inspect(e, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "WithKeys" {
			return true
		}
		for _, a := range call.Args {
			lit, ok := a.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				bad = fmt.Errorf("a key that is not a string literal")
				continue
			}
			k, err := strconv.Unquote(lit.Value)
			if err != nil {
				bad = fmt.Errorf("unquote %s: %w", lit.Value, err)
				continue
			}
			keys = append(keys, k)
		}
		return false
	})
	return keys, bad
}
