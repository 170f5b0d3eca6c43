package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"briefs/model"
)

// The briefs the README's examples read besides the built-in ones: invented.
const (
	todayTitle = "Ferry operators and port officials meet in Valletta"
	todayBrief = todayTitle + "\n\nFerry operators from Malta and Italy met port officials in Valletta on Monday.\n\n" +
		`"The timetable will hold through the winter," said Carmela Vassallo, who chairs the operators' group.` + "\n"
	notesTitle = "Fishing quotas talks adjourn in Reykjavik"
	notesBrief = "---\ntitle: " + notesTitle + "\n---\n\nDelegates from Iceland and Norway adjourned talks on fishing quotas until March.\n"
	stdinTitle = "Harbour pilots return to work in Gdansk"
	stdinBrief = stdinTitle + "\n\nHarbour pilots in Gdansk returned to work on Tuesday after a two-day stoppage.\n"
	workTitle  = "Grain corridor talks resume in Istanbul"
	workBrief  = workTitle + "\n\nNegotiators from Turkey and Ukraine met in Istanbul to discuss grain shipments.\n"
)

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// builtBinary builds briefs once for the tests that run the real binary.
func builtBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "briefs-bin-")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "briefs")
		if out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// readmeHome makes the home folder the README's examples assume: ~/briefs
// (a copy of the built-in briefs), today.txt, notes.md and brief.txt in the
// working folder, ~/work.toml naming a folder of its own, ~/.config/briefs.
func readmeHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	mkdir := func(p string) {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, body string) {
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mkdir(filepath.Join(home, "briefs"))
	samples, _ := filepath.Glob(filepath.Join("articles", "samples", "0*"))
	if len(samples) < 10 {
		t.Fatalf("only %d built-in briefs in articles/samples", len(samples))
	}
	for _, f := range samples {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		write(filepath.Join(home, "briefs", filepath.Base(f)), string(data))
	}
	write(filepath.Join(home, "today.txt"), todayBrief)
	write(filepath.Join(home, "notes.md"), notesBrief)
	write(filepath.Join(home, "brief.txt"), stdinBrief)
	mkdir(filepath.Join(home, "work"))
	write(filepath.Join(home, "work", "grain.txt"), workBrief)
	write(filepath.Join(home, "work.toml"), fmt.Sprintf("sources = [%q]\n", filepath.Join(home, "work")))
	mkdir(filepath.Join(home, ".config", "briefs"))
	return home
}

// readmeEnv is the environment of an example: home as HOME and the XDG
// folders under it, the built binary first on PATH.
func readmeEnv(home, bin string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "HOME", "PATH", "BRIEFS_CONFIG", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "TMUX", "TMUX_PANE":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "HOME="+home, "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"))
}

// readmeUseExamples returns the command lines of the README's Use section.
func readmeUseExamples(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, use, ok := strings.Cut(string(data), "\n## Use\n")
	if !ok {
		t.Fatal("README.md has no Use section")
	}
	if i := strings.Index(use, "\n#"); i >= 0 {
		use = use[:i]
	}
	var lines []string
	for _, l := range strings.Split(use, "\n") {
		if strings.HasPrefix(l, "    ") && strings.Contains(l, "briefs") {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	return lines
}

// result is what one run of the binary gave.
type result struct {
	code           int
	stdout, stderr string
	home           string
}

func (r result) file(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(r.home, name))
	if err != nil {
		t.Fatalf("the example wrote no %s: %v", name, err)
	}
	return string(data)
}

func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("not a JSON line: %q", l)
		}
		out = append(out, m)
	}
	return out
}

// readmeChecks says, for each example of the Use section, what its comment
// promises. A reader example (it opens the full screen) names a title the
// list must show instead.
var readmeChecks = map[string]struct {
	reader, notShown string // the reader must show reader and not notShown
	check            func(t *testing.T, r result)
}{
	"briefs":                      {reader: seedTitle},
	"briefs ~/briefs":             {reader: seedTitle},
	"briefs today.txt notes.md":   {reader: todayTitle},
	"cat brief.txt | briefs -":    {reader: stdinTitle},
	"briefs --config ~/work.toml": {reader: workTitle, notShown: seedTitle},
	"briefs extract ~/briefs > out.jsonl": {check: func(t *testing.T, r result) {
		arts := jsonLines(t, r.file(t, "out.jsonl"))
		if r.code != 0 || len(arts) != 11 {
			t.Fatalf("exit %d, %d JSON lines, want 0 and 11", r.code, len(arts))
		}
		for _, a := range arts {
			if a["title"] == "" || a["entities"] == nil || a["quotes"] == nil {
				t.Errorf("a line without title, entities or quotes: %v", a["title"])
			}
		}
	}},
	"briefs extract --format text today.txt": {check: func(t *testing.T, r result) {
		if r.code != 0 || !strings.HasPrefix(r.stdout, todayTitle+"\n===") ||
			!strings.Contains(r.stdout, "Countries: Malta (1), Italy (1)") ||
			!strings.Contains(r.stdout, "“The timetable will hold through the winter”") || !strings.Contains(r.stdout, "— Carmela Vassallo") {
			t.Fatalf("exit %d:\n%s", r.code, r.stdout)
		}
	}},
	`briefs search "russian federation"`: {check: func(t *testing.T, r result) {
		hits := jsonLines(t, r.stdout)
		seed := false
		for _, h := range hits {
			seed = seed || h["title"] == seedTitle
		}
		if r.code != 0 || len(hits) < 5 || !seed {
			t.Fatalf("exit %d, %d hits (the seed among them: %v)", r.code, len(hits), seed)
		}
		for _, h := range hits {
			if !strings.Contains(fmt.Sprint(h["canonical"]), "country:russia") {
				t.Errorf("a hit that does not name Russia: %v", h["title"])
			}
		}
	}},
	`briefs search 'speaker:Safronkov' --format json`: {check: func(t *testing.T, r result) {
		var hits []map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || r.code != 0 {
			t.Fatalf("exit %d, not a JSON array (%v):\n%s", r.code, err, r.stdout)
		}
		if len(hits) != 1 || hits[0]["title"] != seedTitle {
			t.Errorf("hits %v, want the seed alone", hits)
		}
	}},
	"briefs search talks --limit 3": {check: func(t *testing.T, r result) {
		if n := len(jsonLines(t, r.stdout)); r.code != 0 || n != 3 {
			t.Fatalf("exit %d, %d hits, want 0 and 3", r.code, n)
		}
		if !strings.HasPrefix(r.stderr, "briefs: 3 of ") || !strings.HasSuffix(r.stderr, " shown (--limit 0 for all)\n") {
			t.Errorf("standard error %q does not say how many were left out", r.stderr)
		}
	}},
	"briefs entities --kind country": {check: func(t *testing.T, r result) {
		ents := jsonLines(t, r.stdout)
		if r.code != 0 || len(ents) < 10 {
			t.Fatalf("exit %d, %d countries", r.code, len(ents))
		}
		for i, e := range ents {
			if e["kind"] != "country" {
				t.Errorf("%v is a %v", e["name"], e["kind"])
			}
			if i > 0 && e["articles"].(float64) > ents[i-1]["articles"].(float64) {
				t.Errorf("%v (%v briefs) after %v (%v)", e["name"], e["articles"], ents[i-1]["name"], ents[i-1]["articles"])
			}
		}
		if ents[0]["name"] != "United States" || ents[1]["name"] != "Russia" {
			t.Errorf("the most named countries are %v and %v, want the United States and Russia", ents[0]["name"], ents[1]["name"])
		}
	}},
	`briefs quotes --speaker "Sergei Lavrov"`: {check: func(t *testing.T, r result) {
		qs := jsonLines(t, r.stdout)
		if r.code != 0 || len(qs) != 4 {
			t.Fatalf("exit %d, %d quotes, want 4", r.code, len(qs))
		}
		for _, q := range qs {
			if q["speaker_name"] != "Lavrov" {
				t.Errorf("a quote by %v", q["speaker_name"])
			}
		}
		if strings.Contains(string(must(os.ReadFile(filepath.Join("articles", "samples", "000_94817b14d6ffb8f5.txt")))), "Sergei") {
			t.Error("the seed says 'Sergei': the example no longer shows a name the brief does not write")
		}
	}},
	"briefs quotes --speaker Kamrani --about Washington": {check: func(t *testing.T, r result) {
		qs := jsonLines(t, r.stdout)
		if r.code != 0 || len(qs) != 1 || !strings.Contains(fmt.Sprint(qs[0]["quote"]), "Washington") {
			t.Fatalf("exit %d, quotes %v", r.code, qs)
		}
	}},
	"briefs quotes --speaker Lavrov --about Syria": {check: func(t *testing.T, r result) {
		if r.code != 1 || r.stdout != "" || r.stderr != "briefs: no quote by \"Lavrov\" about \"Syria\" found\n" {
			t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
	}},
	"briefs export Lavrov > lavrov.md": {check: func(t *testing.T, r result) {
		md := r.file(t, "lavrov.md")
		if r.code != 0 || !strings.HasPrefix(md, "# Briefs matching “Lavrov”\n\n1 brief.\n\n## "+seedTitle) {
			t.Fatalf("exit %d:\n%.300s", r.code, md)
		}
	}},
	"briefs export --format json --out syria.json Syria ~/briefs": {check: func(t *testing.T, r result) {
		var arts []model.Article
		if err := json.Unmarshal([]byte(r.file(t, "syria.json")), &arts); err != nil || r.code != 0 {
			t.Fatalf("exit %d, %v", r.code, err)
		}
		for _, a := range arts {
			named := false
			for _, e := range a.Entities {
				named = named || e.ID == "country:syria"
			}
			if !named {
				t.Errorf("%q does not name Syria", a.Title)
			}
		}
		if want := fmt.Sprintf("briefs: %s written to syria.json\n", plural(len(arts), "brief")); len(arts) == 0 || r.stderr != want {
			t.Errorf("%d briefs; stderr %q, want %q", len(arts), r.stderr, want)
		}
	}},
	"briefs config --default > ~/.config/briefs/config.toml": {check: func(t *testing.T, r result) {
		cfg := r.file(t, filepath.Join(".config", "briefs", "config.toml"))
		if r.code != 0 || !strings.Contains(cfg, "sources") || !strings.Contains(cfg, "theme") {
			t.Fatalf("exit %d:\n%.300s", r.code, cfg)
		}
	}},
	`briefs feeds add https://example.org/world.xml --title "World desk"`: {check: func(t *testing.T, r result) {
		cfg := r.file(t, filepath.Join(".config", "briefs", "config.toml"))
		if r.code != 0 || !strings.Contains(cfg, `"https://example.org/world.xml", # World desk`) {
			t.Fatalf("exit %d, stderr %q, config:\n%s", r.code, r.stderr, cfg)
		}
	}},
	"briefs help search": {check: func(t *testing.T, r result) {
		for _, want := range []string{"search QUERY", "--limit", "--format", "--samples", "--config"} {
			if r.code != 0 || !strings.Contains(r.stdout, want) {
				t.Fatalf("exit %d, no %q in:\n%s", r.code, want, r.stdout)
			}
		}
	}},
	"briefs completion bash > briefs.bash": {check: func(t *testing.T, r result) {
		if s := r.file(t, "briefs.bash"); r.code != 0 || !strings.Contains(s, "bash completion") || !strings.Contains(s, "__start_briefs") {
			t.Fatalf("exit %d:\n%.200s", r.code, s)
		}
	}},
	"briefs man > briefs.1": {check: func(t *testing.T, r result) {
		if s := r.file(t, "briefs.1"); r.code != 0 || !strings.HasPrefix(s, ".TH BRIEFS 1") || !strings.Contains(s, "search") {
			t.Fatalf("exit %d:\n%.200s", r.code, s)
		}
	}},
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestReadmeUse runs every example of the README's Use section, as written,
// in a shell whose home holds what the examples name (the built-in briefs
// in ~/briefs), and checks that each does what its comment says. The
// examples that open the reader run in tmux (skipped without it).
func TestReadmeUse(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the built binary: skipped in -short mode")
	}
	bin := builtBinary(t)
	examples := readmeUseExamples(t)
	seen := map[string]bool{}
	for _, line := range examples {
		cmdline, _, _ := strings.Cut(line, " # ")
		cmdline = strings.TrimSpace(cmdline)
		seen[cmdline] = true
		c, ok := readmeChecks[cmdline]
		if !ok {
			t.Errorf("README example %q has no check in readmeChecks", cmdline)
			continue
		}
		t.Run(cmdline, func(t *testing.T) {
			home := readmeHome(t)
			if c.reader != "" {
				readerExample(t, bin, home, cmdline, c.reader, c.notShown)
				return
			}
			cmd := exec.Command("sh", "-c", line)
			cmd.Dir, cmd.Env = home, readmeEnv(home, bin)
			code, stdout, stderr := runCommand(t, cmd)
			c.check(t, result{code: code, stdout: stdout, stderr: stderr, home: home})
		})
	}
	for cmdline := range readmeChecks {
		if !seen[cmdline] {
			t.Errorf("readmeChecks has %q, which the README's Use section no longer shows", cmdline)
		}
	}
}

// readerExample runs cmdline in a 120x40 tmux pane and waits for the list
// to show want (and not notShown), then quits with q: exit status 0.
func readerExample(t *testing.T, bin, home, cmdline, want, notShown string) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the reader examples need a terminal")
	}
	s := tmuxSession{t: t, socket: fmt.Sprintf("briefs-readme-%d-%x", os.Getpid(), sha256.Sum256([]byte(cmdline)))[:40]}
	s.run("-f", "/dev/null", "new-session", "-d", "-s", "e2e", "-x", "120", "-y", "40", "-c", home, "sh")
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	var exports []string
	for _, kv := range readmeEnv(home, bin) {
		k, v, _ := strings.Cut(kv, "=")
		if k == "HOME" || k == "PATH" || strings.HasPrefix(k, "XDG_") {
			exports = append(exports, k+"='"+v+"'")
		}
	}
	s.keys("export "+strings.Join(exports, " ")+"; "+cmdline+"; echo EXIT=$?", "Enter")
	scr := s.waitFor(fmt.Sprintf("the list showing %q", want), func(scr string) bool {
		return strings.Contains(scr, want) && !strings.Contains(scr, "Loading briefs")
	})
	if notShown != "" && strings.Contains(scr, notShown) {
		t.Errorf("the list shows %q:\n%s", notShown, scr)
	}
	s.keys("q")
	s.waitText("EXIT=0")
}
