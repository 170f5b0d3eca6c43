package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
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
	data, err := Fetch(w.ctx, spec, w.opt)
	if err != nil {
		w.warnf(spec, "%v", err)
		return
	}
	w.parse(spec, data)
}

// Fetch downloads an http(s) URL: with opt's User-Agent and timeout, at
// most MaxRedirects redirects and never to a scheme other than http or
// https, and at most opt.MaxFileSize bytes (a bigger body is refused).
// Errors name what failed, not the URL (the caller's warning does).
func Fetch(ctx context.Context, rawURL string, opt Options) ([]byte, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", unwrapURL(err))
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("refused: %q is not an http or https URL", u.Scheme)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("request: %w", err)
	}
	ua := opt.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/json, text/html, text/markdown, text/plain;q=0.9, */*;q=0.5")
	resp, err := opt.client().Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", unwrapURL(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("fetch: HTTP %s", resp.Status)
	}
	limit := opt.maxSize()
	if resp.ContentLength > limit {
		return nil, fmt.Errorf("refused: %s is over the %s size limit", byteSize(resp.ContentLength), byteSize(limit))
	}
	data, err := readLimited(resp.Body, limit)
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return nil, fmt.Errorf("refused: the download is over the %s size limit", byteSize(limit))
		}
		return nil, fmt.Errorf("fetch: %w", err)
	}
	return data, nil
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
