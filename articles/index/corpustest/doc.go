// Package corpustest checks the corpus index against the real pipeline: the
// built-in sample briefs loaded and extracted by package articles, and a
// synthetic archive of 100,000 briefs made from ../shared/data for the
// benchmarks. It holds no code of its own; it lives apart from package
// index so that the index's own tests never wait on the extractors.
//
// Benchmarks (skipped when ../shared/data is absent):
//
//	go test ./articles/index/corpustest -run '^$' -bench . -benchtime 1x -timeout 30m
//
// BRIEFS_BENCH_N sets the archive size (default 100000) and
// BRIEFS_BENCH_REAL how many real texts are extracted before replicating
// (default 3000).
package corpustest
