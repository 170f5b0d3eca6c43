package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultUserAgent is sent with every request when Options.UserAgent is empty.
const DefaultUserAgent = "briefs/0.1 (terminal news brief reader)"

// DefaultTimeout bounds one download when Options.Timeout is zero.
const DefaultTimeout = 30 * time.Second

// MaxRedirects is how many redirects one download follows.
const MaxRedirects = 10

// url fetches one URL spec and reads what it gets.
func (w *walker) url(spec string) {
	data, final, err := fetch(w.ctx, spec, w.opt)
	if err != nil {
		w.warnf(spec, "%v", err)
		return
	}
	w.parse(spec, final, data)
}

// HTTPCache keeps what Fetch downloaded, by URL, with the validators the
// server sent, so the next Fetch of the URL can ask whether it changed
// (conditional GET). Implementations are safe for concurrent use and never
// fail: an entry that cannot be read is a miss, a write that fails is
// dropped, and Fetch then simply downloads again.
type HTTPCache interface {
	// Get returns the entry stored for url.
	Get(url string) (CachedResponse, bool)
	// Put stores r for url, replacing any entry.
	Put(url string, r CachedResponse)
	// Delete forgets url's entry, if any.
	Delete(url string)
}

// CachedResponse is one download as an HTTPCache keeps it.
type CachedResponse struct {
	ETag         string    // the ETag header, as sent (quotes and W/ kept)
	LastModified string    // the Last-Modified header, as sent
	Body         []byte    // the whole body
	Fetched      time.Time // when Body was downloaded
}

// validates reports whether r can answer a conditional request: it has a
// validator and a body within limit.
func (r CachedResponse) validates(limit int64) bool {
	return (r.ETag != "" || r.LastModified != "") && len(r.Body) > 0 && int64(len(r.Body)) <= limit
}

// Fetch downloads an http(s) URL: with opt's User-Agent and timeout, at
// most MaxRedirects redirects and never to a scheme other than http or
// https, and at most opt.MaxFileSize bytes (a bigger body is refused).
// Errors name what failed, not the URL (the caller's warning does).
//
// With opt.HTTPCache, a URL the cache holds is asked for conditionally
// (If-None-Match, If-Modified-Since); a 304 Not Modified answer returns the
// cached body without downloading it again. A 200 answer that carries an
// ETag or a Last-Modified is stored with them; one without either, or
// marked Cache-Control: no-store, is not (and an older entry is dropped).
func Fetch(ctx context.Context, rawURL string, opt Options) ([]byte, error) {
	data, _, err := fetch(ctx, rawURL, opt)
	return data, err
}

// fetch is Fetch, and also returns the URL the download ended at after
// its redirects (rawURL when there were none), for relative links to
// resolve against. A cached body is still asked for at rawURL, and its
// final URL is that of the request that revalidated it.
func fetch(ctx context.Context, rawURL string, opt Options) ([]byte, string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, "", fmt.Errorf("bad URL: %w", unwrapURL(err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, "", fmt.Errorf("refused: %q is not an http or https URL", u.Scheme)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", fmt.Errorf("request: %w", err)
	}
	ua := opt.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/json, text/html, text/markdown, text/plain;q=0.9, */*;q=0.5")
	limit := opt.maxSize()
	cache := opt.HTTPCache
	var cached CachedResponse
	had, conditional := false, false
	if cache != nil {
		c, ok := cache.Get(rawURL)
		had = ok
		if ok && c.validates(limit) {
			cached, conditional = c, true
			if c.ETag != "" {
				req.Header.Set("If-None-Match", c.ETag)
			}
			if c.LastModified != "" {
				req.Header.Set("If-Modified-Since", c.LastModified)
			}
		}
	}
	resp, err := opt.client().Do(req)
	if err != nil {
		return nil, "", fmt.Errorf("fetch: %w", unwrapURL(err))
	}
	defer resp.Body.Close()
	final := rawURL
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	noStore := hasDirective(resp.Header.Values("Cache-Control"), "no-store")
	if resp.StatusCode == http.StatusNotModified && conditional {
		if noStore {
			cache.Delete(rawURL)
		} else if etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"); etag != "" && etag != cached.ETag || lm != "" && lm != cached.LastModified {
			// A 304 may carry new validators for the same body (RFC 9111 4.3.4).
			if etag != "" {
				cached.ETag = etag
			}
			if lm != "" {
				cached.LastModified = lm
			}
			cache.Put(rawURL, cached)
		}
		return cached.Body, final, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", fmt.Errorf("fetch: HTTP %s", resp.Status)
	}
	if resp.ContentLength > limit {
		return nil, "", fmt.Errorf("refused: %s is over the %s size limit", byteSize(resp.ContentLength), byteSize(limit))
	}
	data, err := readLimited(resp.Body, limit)
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return nil, "", fmt.Errorf("refused: the download is over the %s size limit", byteSize(limit))
		}
		return nil, "", fmt.Errorf("fetch: %w", err)
	}
	// The one place where a download's charset header counts: the body is
	// kept and cached as UTF-8.
	data = toUTF8Text(data, charsetOf(resp.Header.Get("Content-Type")))
	if cache != nil {
		remember(cache, rawURL, resp, data, noStore, had, cached)
	}
	return data, final, nil
}

// remember records a 200 answer in cache when it can validate a later
// request and the server allows it; otherwise it drops what cache held for
// rawURL (had says it held something). prev is the entry the request was
// made with (zero when none), so an answer identical to it is not written
// again.
func remember(cache HTTPCache, rawURL string, resp *http.Response, data []byte, noStore, had bool, prev CachedResponse) {
	r := CachedResponse{
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		Body:         data,
		Fetched:      time.Now(),
	}
	if resp.StatusCode != http.StatusOK || noStore || len(data) == 0 || r.ETag == "" && r.LastModified == "" {
		if had {
			cache.Delete(rawURL)
		}
		return
	}
	if r.ETag == prev.ETag && r.LastModified == prev.LastModified && bytes.Equal(data, prev.Body) {
		return
	}
	cache.Put(rawURL, r)
}

// hasDirective reports whether the Cache-Control header values hold the
// directive name (case-insensitive, with or without an argument).
func hasDirective(values []string, name string) bool {
	for _, v := range values {
		for d := range strings.SplitSeq(v, ",") {
			d, _, _ = strings.Cut(d, "=")
			if strings.EqualFold(strings.TrimSpace(d), name) {
				return true
			}
		}
	}
	return false
}

// client returns the HTTP client to use: opt.HTTPClient (given the
// redirect policy when it has none) or a new one with the timeout.
func (o Options) client() *http.Client {
	if o.HTTPClient != nil {
		c := *o.HTTPClient
		if c.CheckRedirect == nil {
			c.CheckRedirect = checkRedirect
		}
		return &c
	}
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &http.Client{Timeout: timeout, CheckRedirect: checkRedirect}
}

// checkRedirect follows at most MaxRedirects redirects, only to http(s).
func checkRedirect(req *http.Request, via []*http.Request) error {
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return fmt.Errorf("refused a redirect to a %q URL", s)
	}
	if len(via) >= MaxRedirects {
		return fmt.Errorf("stopped after %d redirects", MaxRedirects)
	}
	return nil
}

// unwrapURL drops the "Get <url>:" that *url.Error repeats.
func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return errors.New("timed out")
		}
		return ue.Err
	}
	return err
}
