package articles

import (
	"context"
	"math"
	"runtime/debug"
	"testing"

	"briefs/model"
)

// The streaming limit starts at the base, rises when a long brief is
// extracted (by its weight, up to DefaultMemoryLimit) and stays there;
// short briefs do not move it.
func TestStreamingMemoryLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		streamLimit.owned.Store(false)
		debug.SetMemoryLimit(prev)
	})
	LimitStreamingMemory()
	if got := debug.SetMemoryLimit(-1); got != StreamingMemoryBase {
		t.Fatalf("limit %d, want the base %d", got, StreamingMemoryBase)
	}
	short := int64(3000) * costPerByte
	streamLimit.extracting(short)
	if got := debug.SetMemoryLimit(-1); got != StreamingMemoryBase {
		t.Errorf("a short brief moved the limit to %d", got)
	}
	long := int64(2<<20) * costPerByte // 2 MB of text: 200 MB of weight
	streamLimit.extracting(long)
	if got, want := debug.SetMemoryLimit(-1), int64(StreamingMemoryBase)+short+long; got != want {
		t.Errorf("while a 2 MB brief is extracted: limit %d, want %d", got, want)
	}
	huge := int64(20<<20) * costPerByte
	streamLimit.extracting(huge)
	if got := debug.SetMemoryLimit(-1); got != DefaultMemoryLimit {
		t.Errorf("with a 20 MB brief too: limit %d, want the cap %d", got, int64(DefaultMemoryLimit))
	}
	streamLimit.extracting(-huge)
	streamLimit.extracting(-long)
	streamLimit.extracting(-short)
	if got := debug.SetMemoryLimit(-1); got != DefaultMemoryLimit {
		t.Errorf("all done: limit %d, want it kept at %d (results are still written)", got, int64(DefaultMemoryLimit))
	}
	if in := streamLimit.inflight.Load(); in != 0 {
		t.Errorf("%d bytes of weight left in flight", in)
	}
}

// A limit set by GOMEMLIMIT is left alone, and so is the limit while no
// streaming command asked for its own.
func TestStreamingMemoryLimitLeavesOthersAlone(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })
	debug.SetMemoryLimit(1 << 30)
	t.Setenv("GOMEMLIMIT", "1GiB")
	LimitStreamingMemory()
	if got := debug.SetMemoryLimit(-1); got != 1<<30 {
		t.Errorf("GOMEMLIMIT overridden: %d", got)
	}
	streamLimit.extracting(100 << 20)
	defer streamLimit.extracting(-100 << 20)
	if got := debug.SetMemoryLimit(-1); got != 1<<30 {
		t.Errorf("a limit not ours moved to %d", got)
	}
}

// Stream (the load of the reader and of every command that holds what it
// loads) sets no soft memory limit of its own: a fixed one turns into
// continuous collection once the briefs held near it (issue 22).
func TestStreamSetsNoMemoryLimit(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	prev := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })
	n := 0
	Stream(context.Background(), nil, StreamOptions{NoCache: true}, func(b []model.Article) { n += len(b) }, nil)
	if n == 0 {
		t.Fatal("the built-in samples gave no briefs")
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Fatalf("Stream set a soft memory limit of %d bytes", got)
	}
}
