// Command prune drops the tagger's features whose largest weight is small,
// for speed (see tagger.Prune):
//
//	go run ./articles/entities/train/prune -min 300
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"briefs/articles/entities/tagger"
)

func main() {
	path := flag.String("model", filepath.Join("articles", "entities", "tagger", "model.bin"), "model file to prune in place")
	minQ := flag.Int("min", 300, "least largest quantised weight (of 32000) a feature keeps")
	flag.Parse()
	data, err := os.ReadFile(*path)
	if err != nil {
		log.Fatal(err)
	}
	out, kept, err := tagger.Prune(data, int16(*minQ))
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*path, out, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("kept %d features, %d -> %d bytes", kept, len(data), len(out))
}
