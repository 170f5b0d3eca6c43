package ui

import (
	"context"
	"fmt"
	"slices"

	tea "charm.land/bubbletea/v2"

	"briefs/articles"
	"briefs/articles/index"
	"briefs/model"
)

// Loader loads the briefs once, sending what it finds on out: ArticlesMsg
// batches, ProgressMsg reports (a Final one at the end), SearcherMsg and a
// LoadedMsg last. It returns when done or when ctx is done; the reader runs
// it in the background at start and again for each refresh (r).
type Loader func(ctx context.Context, out chan<- tea.Msg)

// LoadedMsg ends a load: the warnings of its sources (they replace those of
// the load before), and a note for the status line.
type LoadedMsg struct {
	Warnings []string
	Note     string
}

// loadStepMsg carries one message of a load, with the channel the next
// comes from; done when the loader has returned.
type loadStepMsg struct {
	gen  int
	msg  tea.Msg
	next <-chan tea.Msg
	done bool
}

// StreamLoader loads specs with articles.Stream, indexing the briefs for
// the search view on the way. Every load adds to the same index (an id it
// already holds is skipped). Standard input is read once: a refresh leaves
// it out.
func StreamLoader(specs []string, opt articles.StreamOptions) Loader {
	ix := index.New(articles.Resolver())
	loads := 0
	return func(ctx context.Context, out chan<- tea.Msg) {
		send := func(m tea.Msg) {
			select {
			case out <- m:
			case <-ctx.Done():
			}
		}
		loads++ // loads never overlap: the reader runs one at a time
		specs := specs
		if loads > 1 && slices.Contains(specs, "-") {
			specs = slices.DeleteFunc(slices.Clone(specs), func(s string) bool { return s == "-" })
			if len(specs) == 0 { // with no specs Stream would read the built-in samples
				send(ProgressMsg{Progress: articles.Progress{Final: true}})
				send(LoadedMsg{Note: "Nothing to refresh: standard input is read once."})
				return
			}
		}
		first := true
		warns := articles.Stream(ctx, specs, opt, func(batch []model.Article) {
			ix.AddBatch(batch)
			send(ArticlesMsg{Articles: batch})
			if first {
				send(SearcherMsg{Searcher: ix})
				first = false
			}
		}, func(pr articles.Progress) {
			send(ProgressMsg{Progress: pr})
		})
		if first { // nothing loaded: the search view still answers (with nothing)
			send(SearcherMsg{Searcher: ix})
		}
		lines := make([]string, len(warns))
		for i, w := range warns {
			lines[i] = w.Error()
		}
		send(LoadedMsg{Warnings: lines})
	}
}

// initialLoad is the first load, which Init starts (Configure marked it running).
func (a App) initialLoad() tea.Cmd { return runLoader(a.ctx, a.loader, a.loadGen) }

// startLoad runs the loader again in the background.
func (a *App) startLoad() tea.Cmd {
	if a.loader == nil {
		return nil
	}
	a.loadGen++
	a.running, a.loading = true, true
	a.progress = articles.Progress{}
	a.loadAdded = 0
	return runLoader(a.ctx, a.loader, a.loadGen)
}

// runLoader runs loader in a goroutine; its messages come back one by one
// through loadStepMsg.
func runLoader(ctx context.Context, loader Loader, gen int) tea.Cmd {
	return func() tea.Msg {
		ch := make(chan tea.Msg, 64)
		go func() {
			defer close(ch)
			loader(ctx, ch)
		}()
		return nextLoad(gen, ch)()
	}
}

// nextLoad waits for the load's next message.
func nextLoad(gen int, ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		return loadStepMsg{gen: gen, msg: msg, next: ch, done: !ok}
	}
}

// loadStep handles one message of a load and asks for the next.
func (a App) loadStep(msg loadStepMsg) (tea.Model, tea.Cmd) {
	if msg.done {
		if msg.gen != a.loadGen {
			return a, nil
		}
		a.running = false
		if a.loading { // the loader stopped without a final report
			a.loading = false
			return a, a.layout()
		}
		return a, nil
	}
	m, cmd := a.Update(msg.msg)
	return m, tea.Batch(cmd, nextLoad(msg.gen, msg.next))
}

// refresh loads the sources again, unless a load is running.
func (a *App) refresh() tea.Cmd {
	if a.loader == nil {
		a.status = "Nothing to refresh."
		return a.layout()
	}
	if a.running {
		a.status = "Still loading: refresh when this load ends."
		return a.layout()
	}
	a.refreshing = true
	cmd := a.startLoad()
	a.status = "Refreshing…"
	return tea.Batch(cmd, a.layout())
}

// loaded ends a load: its warnings replace the last load's, and a refresh
// says what it found.
func (a *App) loaded(msg LoadedMsg) tea.Cmd {
	a.warnings = append(slices.Clone(a.startWarnings), msg.Warnings...)
	a.warnings = append(a.warnings, a.stateWarns...)
	switch {
	case msg.Note != "":
		a.status = msg.Note
	case a.refreshing:
		a.status = fmt.Sprintf("Refreshed: %s.", plural(a.loadAdded, "new brief"))
	}
	a.refreshing = false
	return a.layout()
}
