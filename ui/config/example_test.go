package config_test

import (
	"fmt"

	"briefs/ui/config"
	"briefs/ui/reader"
)

// A config file with two problems: each is reported with its line, and the
// rest of the file applies.
func ExampleParse() {
	c, probs := config.Parse("config.toml", []byte(`theme = "dark"
wrap_width = -1
[keys.reader]
down = ["J", "down"]
scroll = ["x"]
`))
	fmt.Println(c.Theme, c.WrapWidth, c.Keys["reader.down"])
	for _, p := range probs {
		fmt.Println(p)
	}
	// Output:
	// dark 0 [J down]
	// config.toml:2: wrap_width: must be 0 (fit the window) or a width in cells, not negative
	// config.toml:5: keys.reader.scroll: unknown action
}

// How the UI takes the remapped keys: Apply sets the KeyMap's bindings, help included.
func ExampleConfig_Apply() {
	c, _ := config.Parse("config.toml", []byte("[keys.reader]\ndown = [\"J\", \"down\"]\n"))
	km := reader.DefaultKeyMap()
	if err := c.Apply("reader", &km); err != nil {
		fmt.Println(err)
	}
	fmt.Println(km.Down.Keys(), km.Down.Help().Key, km.Up.Keys())
	// Output:
	// [J down] J/↓ [k up]
}
