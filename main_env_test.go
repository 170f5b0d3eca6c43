package main

import (
	"fmt"
	"os"
	"testing"

	"github.com/adrg/xdg"
)

// TestMain keeps the tests' cache, state and config away from the user's:
// the commands read and write the reader's cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "briefs-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, kv := range [][2]string{{"XDG_CACHE_HOME", "/cache"}, {"XDG_DATA_HOME", "/data"}, {"XDG_CONFIG_HOME", "/config"}, {"BRIEFS_CONFIG", ""}} {
		v := ""
		if kv[1] != "" {
			v = dir + kv[1]
		}
		os.Setenv(kv[0], v)
	}
	xdg.Reload() // it read the environment when the program started
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
