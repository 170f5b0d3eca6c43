package articles

import (
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// StreamingMemoryBase is the soft heap limit of a command that keeps no
// more than a batch of briefs at once (`briefs extract`), while no long
// brief is being extracted: the entity model, the batch being written and
// the cache's pending writes live well under it (about 110 MB for 50,000
// briefs). Without it the collector lets the heap grow to twice what is
// live: 50,000 briefs peaked at 320-400 MB of RSS, 220 MB with it.
const StreamingMemoryBase = 192 << 20

// limitStep is how far the wanted limit moves before the limit is set
// again (setting it stops the world for a moment).
const limitStep = 32 << 20

// heapLimit raises the soft limit with the briefs being extracted: once
// briefs of n bytes together are extracted at once, the limit is
// StreamingMemoryBase plus n*costPerByte (at most DefaultMemoryLimit), so
// long briefs get the room they had before and a stream of short ones
// stays near the base. It is not lowered again: a long brief's result is
// still being written after its extraction, and a limit under what is live
// makes the collector run without pause (four 20 MB files took 20% more
// CPU when it came back down after each).
type heapLimit struct {
	owned    atomic.Bool  // LimitStreamingMemory set the limit: it is ours to move
	inflight atomic.Int64 // weight of the briefs being extracted
	mu       sync.Mutex
	set      int64 // the limit last set
}

var streamLimit heapLimit

// LimitStreamingMemory sets the soft heap limit of a streaming command
// (StreamingMemoryBase, raised while long briefs are extracted), unless
// GOMEMLIMIT says otherwise. Call it before Stream; Stream then keeps it
// (its own DefaultMemoryLimit is for a program that set none).
func LimitStreamingMemory() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	streamLimit.mu.Lock()
	streamLimit.set = StreamingMemoryBase
	debug.SetMemoryLimit(StreamingMemoryBase)
	streamLimit.mu.Unlock()
	streamLimit.owned.Store(true)
}

// extracting counts a brief of weight w starting (w > 0) or ending (w < 0)
// and raises the limit when it owns it and the wanted one is limitStep
// above it.
func (h *heapLimit) extracting(w int64) {
	in := h.inflight.Add(w)
	if !h.owned.Load() {
		return
	}
	want := h.want(in)
	h.mu.Lock()
	defer h.mu.Unlock()
	if want-h.set >= limitStep {
		h.set = want
		debug.SetMemoryLimit(want)
	}
}

// want is the limit for in bytes of weight being extracted.
func (h *heapLimit) want(in int64) int64 {
	return min(StreamingMemoryBase+max(in, 0), max(DefaultMemoryLimit, StreamingMemoryBase))
}
