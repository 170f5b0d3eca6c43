package config_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
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
// key.Binding field of every KeyMap is an action with the same default keys,
// and every action is such a field. When this fails after a KeyMap changed,
// add or update the action in ui/config/keys.go (actions) and in DefaultTOML.
func TestActionsMatchUI(t *testing.T) {
	bt := reflect.TypeFor[key.Binding]()
	inUI := map[string]bool{}
	for comp, kms := range keymaps() {
		for _, km := range kms {
			v := reflect.ValueOf(km)
			for _, f := range reflect.VisibleFields(v.Type()) {
				if !f.IsExported() || f.Type != bt {
					continue
				}
				name := config.SnakeCase(f.Name)
				if comp != "" {
					name = comp + "." + name
				}
				if slices.Contains(notRemappable, name) {
					continue
				}
				inUI[name] = true
				a, ok := config.LookupAction(name)
				if !ok {
					t.Errorf("%T.%s has no config action %q", km, f.Name, name)
					continue
				}
				if keys := v.FieldByIndex(f.Index).Interface().(key.Binding).Keys(); !slices.Equal(keys, a.Keys) {
					t.Errorf("%s: the UI binds %v, config.Actions says %v", name, keys, a.Keys)
				}
			}
		}
	}
	root, err := rootDefaults()
	if err != nil {
		t.Fatal(err)
	}
	for field, keys := range root {
		name := config.SnakeCase(field)
		inUI[name] = true
		a, ok := config.LookupAction(name)
		if !ok {
			t.Errorf("ui.KeyMap.%s has no config action %q", field, name)
			continue
		}
		if !slices.Equal(keys, a.Keys) {
			t.Errorf("%s: the UI binds %v, config.Actions says %v", name, keys, a.Keys)
		}
	}
	for _, a := range config.Actions() {
		if !inUI[a.Name] {
			t.Errorf("config action %q is no KeyMap field of the UI", a.Name)
		}
	}
}

// TestRemapReachesHelp remaps reader and root keys from a config file and
// checks the bindings match the new keys, not the old, and that help shows them.
func TestRemapReachesHelp(t *testing.T) {
	src := `[keys]
quit = ["x"]
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
		{root.Quit, "x", "q", "x", "quit"},
		{root.Help, "?", "x", "?", "help"}, // untouched
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
	if !strings.Contains(bar, "ctrl+f/space") || !strings.Contains(bar, "x") || strings.Contains(bar, "q quit") {
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

// rootDefaults reads the keys of each field of ui.DefaultKeyMap's result from
// the ui package's source (the parent folder): field name -> key.WithKeys values.
func rootDefaults() (map[string][]string, error) {
	files, err := filepath.Glob(filepath.Join("..", "*.go"))
	if err != nil {
		return nil, fmt.Errorf("list ui sources: %w", err)
	}
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", path, err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Name.Name != "DefaultKeyMap" || fn.Recv != nil {
				continue
			}
			out := map[string][]string{}
			var bad error
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				kv, ok := n.(*ast.KeyValueExpr)
				if !ok {
					return true
				}
				field, ok := kv.Key.(*ast.Ident)
				if !ok {
					return true
				}
				keys, err := withKeys(kv.Value)
				if err != nil {
					bad = fmt.Errorf("ui.DefaultKeyMap %s: %w", field.Name, err)
				}
				out[field.Name] = keys
				return false
			})
			if bad != nil {
				return nil, bad
			}
			if len(out) == 0 {
				return nil, fmt.Errorf("%s: DefaultKeyMap binds no field", path)
			}
			return out, nil
		}
	}
	return nil, fmt.Errorf("no func DefaultKeyMap in ../*.go")
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
