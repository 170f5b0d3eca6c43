package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigSaysAMissingFileIsMissing: `briefs config` with no file at the
// default path names the path and says the defaults apply, instead of
// naming it as if it had been read (issue 20, defect 15); with the file
// there it says nothing on standard error.
func TestConfigSaysAMissingFileIsMissing(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	path := filepath.Join(dir, "briefs", "config.toml")
	var out, errb bytes.Buffer
	if code := run([]string{"config"}, strings.NewReader(""), &out, &errb); code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	if out.String() != path+"\n" || !strings.Contains(errb.String(), "there is no file at "+path+": the defaults apply") {
		t.Fatalf("no file: stdout %q, stderr %q", out.String(), errb.String())
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("theme = \"dark\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"config"}, strings.NewReader(""), &out, &errb); code != exitOK || out.String() != path+"\n" || errb.Len() != 0 {
		t.Fatalf("with the file: exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
}
