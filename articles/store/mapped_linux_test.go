package store

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"briefs/model"
)

// mappedRSS is how many bytes of the file at path are resident in this
// process's mappings (the Rss lines of /proc/self/smaps).
func mappedRSS(t *testing.T, path string) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	defer f.Close()
	var total int64
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if len(fields) > 0 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			in = len(fields) >= 6 && fields[len(fields)-1] == path
			continue
		}
		if in && len(fields) >= 2 && fields[0] == "Rss:" {
			kb, _ := strconv.ParseInt(fields[1], 10, 64)
			total += kb << 10
		}
	}
	return total
}

// A warm start reads every value once, and a cold one's writes walk the
// tree: the file's mapped pages must not all stay in the resident set
// (they did, and made most of a 50,000-brief warm extract's RSS).
func TestMappedPagesDropped(t *testing.T) {
	defer func(was int64) { dropEvery = was }(dropEvery)
	dropEvery = 16 << 20 // a small file will do
	path := t.TempDir() + "/cache.db"
	c := Open(path, Options{Version: "v1"})
	if !c.Enabled() {
		t.Fatalf("not enabled: %v", c.Notes())
	}
	// Short values live in the leaf pages, which every write reads (and
	// splits) through the mapping.
	small := EncodeArticles(nil, []model.Article{fiction(0)})
	for i := 0; i < int(2*dropEvery)/len(small); i++ {
		c.PutEncoded(SourceKey("v1", "s.txt", []byte(strconv.Itoa(i))), small)
		if i%500 == 499 {
			c.Flush()
		}
	}
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Size() < 2*dropEvery {
		t.Fatalf("the file is too small for the test: %v %v", info, err)
	}
	if got := mappedRSS(t, path); got > dropEvery {
		t.Errorf("after writing %d MB: %d KB of the file resident", info.Size()>>20, got>>10)
	}

	// Long values, read back once each, as a warm start does.
	val := EncodeArticles(nil, []model.Article{fiction(300)})
	keys := make([]Key, int(3*dropEvery)/len(val)+1)
	for i := range keys {
		keys[i] = SourceKey("v1", "a.txt", []byte(strconv.Itoa(i)))
		c.PutEncoded(keys[i], val)
	}
	c.Close()
	if info, err = os.Stat(path); err != nil || info.Size() < 5*dropEvery {
		t.Fatalf("the file is too small for the test: %v %v", info, err)
	}

	c = Open(path, Options{Version: "v1"})
	defer c.Close()
	peak := int64(0)
	for i, k := range keys {
		got, ok := c.Get(k, "a.txt")
		if !ok || len(got) != 1 {
			t.Fatalf("value %d missing", i)
		}
		if i%200 == 0 {
			peak = max(peak, mappedRSS(t, path))
		}
	}
	peak = max(peak, mappedRSS(t, path))
	if peak > 2*dropEvery { // dropEvery of values, and the tree pages walked to them
		t.Errorf("reading %d MB of values: up to %d KB of the file resident (the bound is %d KB)", info.Size()>>20, peak>>10, 2*dropEvery>>10)
	}
	t.Logf("file %d MB; peak resident while reading %d KB", info.Size()>>20, peak>>10)
}
