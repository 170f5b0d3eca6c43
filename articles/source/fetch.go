package source

// DefaultUserAgent is sent with every request when Options.UserAgent is empty.
const DefaultUserAgent = "briefs/0.1 (+terminal news brief reader)"

// url fetches one URL spec.
func (w *walker) url(spec string) {
	w.warnf(spec, "URLs are not supported yet")
}
