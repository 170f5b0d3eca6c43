package articles

import (
	"briefs/articles/source"
	"briefs/articles/store"
)

// OpenHTTPCache opens the downloads table of the cache file the reader
// keeps (path, or store.DefaultPath() when path is empty), so that every
// command fetches through the one path with the one cache: set the cache
// as source.Options.HTTPCache and a URL fetched before, by the reader or
// any command, is asked for conditionally (If-None-Match,
// If-Modified-Since) and an unchanged one (304) is read from the cache.
// The file is opened with p's ExtractorVersion, so the reader's cached
// briefs stay valid. It never fails: a cache that cannot be used gives a
// nil HTTPCache (every URL downloaded) and the warnings say why. Call
// close when done, to write what was fetched.
func OpenHTTPCache(path string, p *Pipeline) (cache source.HTTPCache, close func() error, warns []source.Warning) {
	if path == "" {
		var err error
		if path, err = store.DefaultPath(); err != nil {
			return nil, func() error { return nil }, []source.Warning{{Source: "cache", Reason: err.Error()}}
		}
	}
	c := store.Open(path, store.Options{Version: ExtractorVersion(p)})
	for _, n := range c.Notes() {
		warns = append(warns, source.Warning{Source: "cache", Reason: source.CleanTitle(n)})
	}
	if !c.Enabled() {
		return nil, c.Close, warns
	}
	return c.HTTP(), c.Close, warns
}
