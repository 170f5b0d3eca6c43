package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// cliCase is one run of the built binary and what it must print.
type cliCase struct {
	args  []string // $DIR: a folder of one invented brief; $OUT: a file to write; $CFG: a config naming $DIR
	stdin string
	code  int

	out, notOut []string // standard output holds each of out and none of notOut
	outLines    int      // standard output has this many lines (0: not checked; -1: empty)
	err         []string // standard error holds each
	errExact    *string  // standard error is exactly this
	check       func(t *testing.T, stdout, dir string)
}

func exactly(s string) *string { return &s }

const (
	cliDirTitle = "Envoys of Chile and Peru meet in Geneva"
	cliDirBrief = cliDirTitle + "\n\nThe talks opened on Monday in Geneva, where envoys of Chile and Peru met.\n\n" +
		"\"We are close,\" said Ana Ruiz, Chile's envoy.\n"
	cliNoPerson = "Port of Valletta reopens\n\nThe port of Valletta reopened on Monday after repairs to its breakwater.\n"
)

var (
	usageHint = func(cmd string) string { return "Run '" + cmd + " --help' for usage.\n" }
	seedJSON  = `"title": "` + seedTitle + `"`
)

// cliCases cover every form of issue 19: help, versions, completions, typos,
// flags before and after the arguments, bad values, empty results, missing
// files, limits, formats, the config's sources.
var cliCases = map[string]cliCase{
	// help, version, completion, man page
	"help flag":         {args: []string{"--help"}, out: []string{"search QUERY", "extract", "quotes", "entities", "export", "completion"}, errExact: exactly("")},
	"help short flag":   {args: []string{"-h"}, out: []string{"search QUERY"}, errExact: exactly("")},
	"help command":      {args: []string{"help"}, out: []string{"search QUERY", "Exit status"}, errExact: exactly("")},
	"help of a command": {args: []string{"help", "search"}, out: []string{"--limit", "--format", "--samples"}, notOut: []string{"--kind", "--speaker"}, errExact: exactly("")},
	"command --help":    {args: []string{"search", "--help"}, out: []string{"--limit"}, notOut: []string{"flag: help requested"}, errExact: exactly("")},
	"command -h":        {args: []string{"quotes", "-h"}, out: []string{"--speaker", "--about"}, notOut: []string{"--limit"}, errExact: exactly("")},
	"--help after args": {args: []string{"search", "Lavrov", "--help"}, out: []string{"--limit"}, errExact: exactly("")},
	"help of no command": {args: []string{"help", "nosuch"}, code: 2, outLines: -1,
		errExact: exactly("briefs: no help for \"nosuch\": no such command\n" + usageHint("briefs"))},
	"help of a typo":       {args: []string{"help", "serach"}, code: 2, outLines: -1, err: []string{"(did you mean search?)"}},
	"extract help":         {args: []string{"help", "extract"}, out: []string{"jsonl, json, md, text"}, errExact: exactly("")},
	"version command":      {args: []string{"version"}, out: []string{"briefs " + version}, outLines: 1, errExact: exactly("")},
	"version flag":         {args: []string{"--version"}, out: []string{"briefs " + version}, outLines: 1, errExact: exactly("")},
	"completion bash":      {args: []string{"completion", "bash"}, out: []string{"bash completion", "__start_briefs"}},
	"completion zsh":       {args: []string{"completion", "zsh"}, out: []string{"#compdef briefs"}},
	"completion fish":      {args: []string{"completion", "fish"}, out: []string{"complete -c briefs"}},
	"man page":             {args: []string{"man"}, out: []string{".TH BRIEFS 1", "search"}},
	"version takes no arg": {args: []string{"version", "now"}, code: 2, errExact: exactly("briefs: briefs version takes no argument (got \"now\")\n" + usageHint("briefs version"))},

	// typos and unknown commands
	"typo of search": {args: []string{"searhc", "Lavrov"}, code: 2, outLines: -1,
		errExact: exactly("briefs: unknown command \"searhc\" (and no file or folder of that name) (did you mean search?)\n" + usageHint("briefs"))},
	"typo of entities": {args: []string{"entitis"}, code: 2, outLines: -1, err: []string{"(did you mean entities?)"}},
	"typo of quotes":   {args: []string{"qoutes", "--speaker", "Lavrov"}, code: 2, outLines: -1, err: []string{"(did you mean quotes?)"}},
	"unknown word":     {args: []string{"Lavrov"}, code: 2, outLines: -1, err: []string{"unknown command \"Lavrov\""}},
	"missing file for the reader": {args: []string{"today.txt"}, code: 1, outLines: -1,
		errExact: exactly("briefs: today.txt: no such file or folder\n")},
	"unknown flag": {args: []string{"search", "--nope", "Lavrov"}, code: 2, outLines: -1,
		errExact: exactly("briefs: unknown flag: --nope\n" + usageHint("briefs search"))},
	"--kind only on entities":  {args: []string{"search", "Lavrov", "--kind", "person"}, code: 2, outLines: -1, err: []string{"unknown flag: --kind"}},
	"--speaker only on quotes": {args: []string{"entities", "--speaker", "Lavrov"}, code: 2, outLines: -1, err: []string{"unknown flag: --speaker"}},
	"--limit only on search":   {args: []string{"extract", "--limit", "3"}, code: 2, outLines: -1, err: []string{"unknown flag: --limit"}},
	"config takes no argument": {args: []string{"config", "extra"}, code: 2, err: []string{"takes no argument (got \"extra\")"}},
	"search needs a query":     {args: []string{"search"}, code: 2, outLines: -1, err: []string{"search needs a query", usageHint("briefs search")}},
	"export needs a query":     {args: []string{"export"}, code: 2, outLines: -1, err: []string{"export needs a query"}},
	"--samples with a path":    {args: []string{"search", "Lavrov", "--samples", "$DIR"}, code: 2, outLines: -1, err: []string{"--samples reads the built-in briefs: give it no PATH"}},
	"explain needs a file":     {args: []string{"explain"}, code: 2, outLines: -1, err: []string{"explain needs a FILE or -"}},
	"negative limit":           {args: []string{"search", "Lavrov", "--samples", "--limit", "-1"}, code: 2, outLines: -1, err: []string{"--limit -1: want 0 (all) or more"}},
	"limit not a number":       {args: []string{"search", "Lavrov", "--samples", "--limit", "ten"}, code: 2, outLines: -1, errExact: exactly("briefs: --limit takes a whole number (got \"ten\")\n" + usageHint("briefs search"))},
	"bad format lists formats": {args: []string{"search", "Lavrov", "--format", "xml", "--samples"}, code: 2, outLines: -1, errExact: exactly("briefs: unknown format \"xml\": search takes jsonl, json, md or text\n" + usageHint("briefs search"))},
	"bad extract format":       {args: []string{"extract", "--samples", "--format=yaml"}, code: 2, outLines: -1, err: []string{"extract takes jsonl, json, md or text"}},
	"bad kind lists kinds":     {args: []string{"entities", "--kind", "planet", "--samples"}, code: 2, outLines: -1, err: []string{"unknown kind \"planet\": want person, country, place, organization, nationality or other"}},
	"flag needs a value":       {args: []string{"search", "Lavrov", "--format"}, code: 2, outLines: -1, err: []string{"flag needs an argument: --format"}},
	"bad boolean":              {args: []string{"search", "Lavrov", "--samples=maybe"}, code: 2, outLines: -1, err: []string{"--samples takes true or false (got \"maybe\")"}},

	// flags before and after the arguments, short flags, limits
	"flags before the query": {args: []string{"search", "--format", "json", "--samples", "Safronkov"}, out: []string{seedJSON}, errExact: exactly("")},
	"flags after the query":  {args: []string{"search", "Safronkov", "--samples", "--format", "json"}, out: []string{seedJSON}, errExact: exactly("")},
	"flags after a path":     {args: []string{"search", "Ruiz", "$DIR", "--format", "text"}, out: []string{cliDirTitle, "[Ana Ruiz]"}, errExact: exactly("")},
	"limit truncates": {args: []string{"search", "--samples", "--limit=1", "russia"}, outLines: 1,
		check: func(t *testing.T, stdout, _ string) {}, err: []string{"briefs: 1 of ", " shown (--limit 0 for all)\n"}},
	"limit 0 shows all":           {args: []string{"search", "russia", "--limit", "0", "--samples"}, errExact: exactly(""), outLines: 7},
	"short flags":                 {args: []string{"search", "--samples", "-n", "2", "-f", "text", "talks"}, out: []string{"["}, errExact: exactly("briefs: 2 of 5 shown (--limit 0 for all)\n")},
	"plural kind":                 {args: []string{"entities", "--kind", "countries", "--samples", "--format", "text"}, out: []string{"country", "Russia"}, notOut: []string{"person "}},
	"quotes in markdown":          {args: []string{"quotes", "--speaker", "Safronkov", "--format", "md", "--samples"}, out: []string{"> This is contrary to any standards of justice", "— Vladimir Safronkov"}, errExact: exactly("")},
	"full name finds the surname": {args: []string{"quotes", "--samples", "--speaker", "Sergei Lavrov"}, outLines: 4, out: []string{`"speaker_name":"Lavrov"`}, errExact: exactly("")},

	// empty results: a line on standard error, exit status 1
	"search finds nothing": {args: []string{"search", "zzyzx", "--samples"}, code: 1, outLines: -1, errExact: exactly("briefs: no brief matches \"zzyzx\"\n")},
	"quotes find nothing": {args: []string{"quotes", "--speaker", "Lavrov", "--about", "Syria", "--samples"}, code: 1, outLines: -1,
		errExact: exactly("briefs: no quote by \"Lavrov\" about \"Syria\" found\n")},
	"no entity of a kind": {args: []string{"entities", "--kind", "person", "$DIR/port.txt"}, code: 1, outLines: -1,
		errExact: exactly("briefs: no entity of kind person found\n")},
	"export finds nothing": {args: []string{"export", "zzyzx", "--samples", "--out", "$OUT"}, code: 1, outLines: -1,
		errExact: exactly("briefs: no brief matches \"zzyzx\": nothing written\n"),
		check: func(t *testing.T, _, dir string) {
			if _, err := os.Stat(filepath.Join(dir, "out.md")); err == nil {
				t.Error("export wrote a file for no brief")
			}
		}},

	// missing files and unreadable places
	"extract a missing file": {args: []string{"extract", "missing.txt"}, code: 1, outLines: -1,
		errExact: exactly("briefs: skipped: missing.txt: no such file or folder\nbriefs: no brief was read\n")},
	"extract the rest": {args: []string{"extract", "$DIR/envoys.txt", "missing.txt"}, code: 1, outLines: 1, out: []string{cliDirTitle},
		errExact: exactly("briefs: skipped: missing.txt: no such file or folder\n")},
	"search a missing folder": {args: []string{"search", "Lavrov", "nowhere/"}, code: 1, outLines: -1,
		err: []string{"skipped: nowhere/: no such file or folder", "no brief matches"}},
	"export to a missing folder": {args: []string{"export", "Lavrov", "--samples", "--out", "/nonexistent/dir/x.md"}, code: 1, outLines: -1,
		errExact: exactly("briefs: cannot write /nonexistent/dir/x.md: no such file or folder\n")},
	"empty standard input": {args: []string{"extract", "--format", "json", "-"}, code: 1, out: []string{"[]"}, outLines: 1,
		err: []string{"skipped: -: ", "no brief was read"}},

	// formats and output
	"extract text from stdin": {args: []string{"extract", "--format", "text", "-"}, stdin: cliDirBrief,
		out: []string{cliDirTitle + "\n=====", "People: Ana Ruiz (1)", "— Ana Ruiz"}, errExact: exactly("")},
	"extract json array": {args: []string{"extract", "--samples", "--format", "json"}, errExact: exactly(""),
		check: func(t *testing.T, stdout, _ string) {
			var arts []map[string]any
			if err := json.Unmarshal([]byte(stdout), &arts); err != nil || len(arts) != 11 {
				t.Errorf("%d briefs (%v), want a JSON array of 11", len(arts), err)
			}
		}},
	"export to a file": {args: []string{"export", "Lavrov", "--samples", "--out", "$OUT"}, outLines: -1, errExact: exactly("briefs: 1 brief written to $OUT\n"),
		check: func(t *testing.T, _, dir string) {
			md, err := os.ReadFile(filepath.Join(dir, "out.md"))
			if err != nil || !strings.HasPrefix(string(md), "# Briefs matching “Lavrov”\n\n1 brief.") {
				t.Errorf("%v:\n%.200s", err, md)
			}
		}},
	"export as text": {args: []string{"export", "--format", "text", "Safronkov", "--samples"}, out: []string{seedTitle + "\n====="}, errExact: exactly("")},

	// the config's sources are the archive when no PATH is given
	"config sources":            {args: []string{"--config", "$CFG", "search", "Ruiz"}, out: []string{cliDirTitle}, notOut: []string{seedTitle}, errExact: exactly("")},
	"config sources, entities":  {args: []string{"entities", "--config", "$CFG", "--kind", "country"}, out: []string{"Chile", "Peru"}, notOut: []string{"Russia"}},
	"--samples over the config": {args: []string{"search", "--config", "$CFG", "--samples", "Safronkov"}, out: []string{seedTitle}, notOut: []string{cliDirTitle}},
	"missing config file": {args: []string{"search", "Lavrov", "--config", "$DIR/none.toml"}, code: 1, outLines: -1,
		errExact: exactly("briefs: config file $DIR/none.toml: no such file or folder\n")},
	"config check": {args: []string{"config", "--config", "$CFG"}, out: []string{"config.toml"}, outLines: 1, errExact: exactly("")},
}

// TestCommandLine runs the built binary through every case of cliCases and
// checks its standard output, standard error and exit status.
func TestCommandLine(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the built binary: skipped in -short mode")
	}
	if len(cliCases) < 40 {
		t.Fatalf("%d cases, want at least 40", len(cliCases))
	}
	bin := builtBinary(t)
	for name, c := range cliCases {
		t.Run(name, func(t *testing.T) {
			home := t.TempDir()
			dir := filepath.Join(home, "briefs")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			for f, body := range map[string]string{"envoys.txt": cliDirBrief, "port.txt": cliNoPerson} {
				if err := os.WriteFile(filepath.Join(dir, f), []byte(body), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cfg := filepath.Join(home, "config.toml")
			if err := os.WriteFile(cfg, []byte(fmt.Sprintf("sources = [%q]\n", filepath.Join(dir, "envoys.txt"))), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(home, "out.md")
			expand := strings.NewReplacer("$DIR", dir, "$OUT", out, "$CFG", cfg)
			args := make([]string, len(c.args))
			for i, a := range c.args {
				args[i] = expand.Replace(a)
			}
			cmd := exec.Command(bin, args...)
			cmd.Dir, cmd.Env, cmd.Stdin = home, readmeEnv(home, bin), strings.NewReader(c.stdin)
			code, so, se := runCommand(t, cmd)
			if code != c.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, c.code, se)
			}
			for _, w := range c.out {
				if !strings.Contains(so, w) {
					t.Errorf("standard output lacks %q:\n%.600s", w, so)
				}
			}
			for _, w := range c.notOut {
				if strings.Contains(so, w) {
					t.Errorf("standard output holds %q:\n%.600s", w, so)
				}
			}
			switch n := strings.Count(so, "\n"); {
			case c.outLines == -1 && so != "":
				t.Errorf("standard output should be empty:\n%.600s", so)
			case c.outLines > 0 && n != c.outLines:
				t.Errorf("%d lines on standard output, want %d:\n%.600s", n, c.outLines, so)
			}
			for _, w := range c.err {
				if !strings.Contains(se, w) {
					t.Errorf("standard error lacks %q:\n%s", w, se)
				}
			}
			if c.errExact != nil && se != expand.Replace(*c.errExact) {
				t.Errorf("standard error:\n%q\nwant\n%q", se, expand.Replace(*c.errExact))
			}
			if c.check != nil {
				c.check(t, so, home)
			}
		})
	}
}

// runCommand runs cmd and returns its exit status, standard output and
// standard error; a command that could not run fails the test.
func runCommand(t *testing.T, cmd *exec.Cmd) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errb.String()
}
