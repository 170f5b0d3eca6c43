package ui

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"

	tea "charm.land/bubbletea/v2"

	"briefs/articles/store"
	"briefs/ui/articlelist"
	"briefs/ui/reader"
)

// Reading state: which briefs were read or starred, and where the reader
// left each one. It is read once at start and written on each change, both
// in commands: the update loop never waits for the file. A failure is a
// warning, never fatal; the reader then goes on with what it has in memory.

// stateLoadedMsg carries the reading state file's contents.
type stateLoadedMsg struct {
	all map[string]store.Reading
	err error
}

// stateChange is a change made before the file was read.
type stateChange struct {
	id string
	fn func(*store.Reading)
}

// stateErrorMsg reports a reading state write that failed.
type stateErrorMsg struct{ err error }

// stateWrites puts the state commands of one App in the order Update
// issued them: each is registered in Update, and a write older than one
// already done for the same brief and field is dropped (two toggles of a
// star run in two goroutines; the second must win). Writes whose command
// had not run when the program ended are done by Flush, so a star pressed
// just before q is kept.
type stateWrites struct {
	mu      sync.Mutex
	next    uint64
	done    map[string]uint64
	pending map[uint64]pendingWrite
}

// pendingWrite is a registered write that has not run yet.
type pendingWrite struct {
	key   string
	write func() error
}

// add registers write under key and returns its ticket for run.
func (w *stateWrites) add(key string, write func() error) uint64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.next++
	if w.pending == nil {
		w.pending = map[uint64]pendingWrite{}
	}
	w.pending[w.next] = pendingWrite{key, write}
	return w.next
}

// run does the write of ticket n unless Flush did it already or a newer
// write of its key is done; the file is written by one command at a time.
func (w *stateWrites) run(n uint64) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.runLocked(n)
}

func (w *stateWrites) runLocked(n uint64) error {
	p, ok := w.pending[n]
	if !ok {
		return nil
	}
	delete(w.pending, n)
	if w.done[p.key] > n {
		return nil
	}
	if err := p.write(); err != nil {
		return err
	}
	w.done[p.key] = n
	return nil
}

// Flush does every write whose command has not run, oldest first, and
// returns the first error.
func (w *stateWrites) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	left := slices.Sorted(maps.Keys(w.pending))
	var first error
	for _, n := range left {
		if err := w.runLocked(n); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// loadState reads the whole reading state file.
func (a App) loadState() tea.Cmd {
	st := a.state
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		all, err := st.All()
		if err != nil && !errors.Is(err, store.ErrRepaired) { // a repair names the file itself
			err = fmt.Errorf("read the reading state %s: %w", a.statePath, err)
		}
		return stateLoadedMsg{all: all, err: err}
	}
}

// stateLoaded merges the file's state under this session's changes (made
// before the file was read) and shows it.
func (a *App) stateLoaded(msg stateLoadedMsg) tea.Cmd {
	var warn tea.Cmd
	if msg.err != nil {
		if !errors.Is(msg.err, store.ErrRepaired) {
			a.early, a.stateReady = nil, true // go on with what this session knows
			return a.stateFailed(msg.err)
		}
		warn = a.stateRepaired(msg.err) // the file was rebuilt: msg.all is what it kept
	}
	merged := msg.all
	if merged == nil {
		merged = map[string]store.Reading{}
	}
	for _, ch := range a.early { // field by field: the file's other fields stay
		r := merged[ch.id]
		ch.fn(&r)
		merged[ch.id] = r
	}
	a.early, a.stateReady = nil, true
	a.reading = merged
	marks := make(map[string]articlelist.Mark, len(merged))
	for id, r := range merged {
		marks[id] = articlelist.Mark{Read: r.Read, Starred: r.Starred}
	}
	cmd := tea.Batch(warn, a.list.SetMarks(marks))
	if art, ok := a.reader.Article(); ok {
		a.reader.SetStarred(merged[art.ID].Starred)
		if a.reader.YOffset() == 0 { // opened before the state was known, not scrolled yet
			a.reader.Restore(reader.Place{Line: merged[art.ID].Position, Anchor: merged[art.ID].Anchor})
		}
	}
	return cmd
}

// stateFailed shows a reading state failure in the warnings view (once).
func (a *App) stateFailed(err error) tea.Cmd {
	line := "reading state: " + err.Error()
	if !slices.Contains(a.stateWarns, line) {
		a.stateWarns = append(a.stateWarns, line)
		a.warnings = append(a.warnings, line)
	}
	a.warn("Reading state not saved (w: why).")
	return a.layout()
}

// stateRepaired shows that the reading state file was damaged and rebuilt.
func (a *App) stateRepaired(err error) tea.Cmd {
	a.stateWarns = append(a.stateWarns, err.Error())
	a.warnings = append(a.warnings, err.Error())
	a.warn("Reading state was damaged and rebuilt from its journal (w: why).")
	return a.layout()
}

// writeState changes one field of a brief's reading state in the file, in
// a command. field names what fn sets ("read", "star", "pos"): the newest
// write of a field wins.
func (a *App) writeState(id, field string, fn func(*store.Reading)) tea.Cmd {
	st, w := a.state, a.writes
	if st == nil {
		return nil
	}
	if !a.stateReady {
		a.early = append(a.early, stateChange{id, fn})
	}
	n := w.add(id+"\x00"+field, func() error { return st.Update(id, fn) })
	return func() tea.Msg {
		if err := w.run(n); err != nil {
			return stateErrorMsg{fmt.Errorf("save the reading state of %s: %w", id, err)}
		}
		return nil
	}
}

// mark shows a brief's new marks in the list and the reader.
func (a *App) mark(id string, r store.Reading) {
	a.reading[id] = r
	a.list.SetMark(id, articlelist.Mark{Read: r.Read, Starred: r.Starred})
	if art, ok := a.reader.Article(); ok && art.ID == id {
		a.reader.SetStarred(r.Starred)
	}
}

// markRead marks a brief read.
func (a *App) markRead(id string) tea.Cmd {
	r := a.reading[id]
	if r.Read {
		return nil
	}
	r.Read = true
	a.mark(id, r)
	return a.writeState(id, "read", func(s *store.Reading) { s.Read = true })
}

// toggleRead marks a brief unread when it was read, read when it was not.
func (a *App) toggleRead(id string) tea.Cmd {
	return a.toggleMark(id, "read", func(r *store.Reading) *bool { return &r.Read }, "Marked read.", "Marked unread.")
}

// toggleMark flips one of a brief's marks (flag picks it), says which way
// with on or off, and saves it.
func (a *App) toggleMark(id, field string, flag func(*store.Reading) *bool, on, off string) tea.Cmd {
	r := a.reading[id]
	set := !*flag(&r)
	*flag(&r) = set
	a.mark(id, r)
	if set {
		a.say(on)
	} else {
		a.say(off)
	}
	return tea.Batch(a.layout(), a.writeState(id, field, func(s *store.Reading) { *flag(s) = set }))
}

// markAllRead marks every brief the list shows (its view and filter) read.
func (a *App) markAllRead() tea.Cmd {
	var cmds []tea.Cmd
	n := 0
	for _, id := range a.list.ShownIDs() {
		if a.reading[id].Read {
			continue
		}
		n++
		cmds = append(cmds, a.markRead(id))
	}
	if n == 0 {
		a.say("Every brief shown was read already.")
	} else {
		a.say(fmt.Sprintf("Marked %s read.", plural(n, "brief")))
	}
	return tea.Batch(a.layout(), sequence(cmds))
}

// sequence runs state writes one after the other in one command, so that
// marking hundreds of briefs read does not start hundreds of goroutines
// waiting on the same file; the first failure is reported.
func sequence(cmds []tea.Cmd) tea.Cmd {
	if len(cmds) == 0 {
		return nil
	}
	return func() tea.Msg {
		var first tea.Msg
		for _, c := range cmds {
			if c == nil {
				continue
			}
			if msg := c(); msg != nil && first == nil {
				first = msg
			}
		}
		return first
	}
}

// toggleStar stars or unstars a brief.
func (a *App) toggleStar(id string) tea.Cmd {
	return a.toggleMark(id, "star", func(r *store.Reading) *bool { return &r.Starred }, "Starred.", "Unstarred.")
}

// savePosition remembers where the open brief is scrolled to. A brief read
// to its end opens at its top next time; one that fits on the screen keeps
// what was saved before.
func (a *App) savePosition() tea.Cmd {
	art, ok := a.reader.Article()
	if !ok || a.reader.Lines() == 0 {
		return nil // nothing on screen yet: nothing moved
	}
	at := a.reader.Place()
	switch {
	case at.Line == 0 && a.reader.AtEnd():
		return nil // the whole brief fits on this screen: keep the place kept for a smaller one
	case a.reader.AtEnd():
		at = reader.Place{}
	}
	r := a.reading[art.ID]
	if r.Position == at.Line && r.Anchor == at.Anchor {
		return nil
	}
	r.Position, r.Anchor = at.Line, at.Anchor
	a.reading[art.ID] = r
	return a.writeState(art.ID, "pos", func(s *store.Reading) { s.Position, s.Anchor = at.Line, at.Anchor })
}

// quit saves the reading position, then quits.
func (a *App) quit() tea.Cmd {
	save := a.savePosition()
	if save == nil {
		return tea.Quit
	}
	return func() tea.Msg {
		save() // a failure can no longer be shown: the program is ending
		return tea.QuitMsg{}
	}
}
