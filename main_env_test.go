package main

import (
	"fmt"
	"os"
	"path/filepath"
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
	// go build, which the end-to-end tests run, keeps its cache under
	// XDG_CACHE_HOME: it stays where it was, or every test would rebuild all
	if os.Getenv("GOCACHE") == "" {
		if dir, err := os.UserCacheDir(); err == nil {
			os.Setenv("GOCACHE", filepath.Join(dir, "go-build"))
		}
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
