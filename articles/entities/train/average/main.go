// Command average writes the mean of tagger models trained in different
// sentence orders (see tagger.Average):
//
//	go run ./articles/entities/train/average -out articles/entities/tagger/model.bin a.bin b.bin c.bin
package main

import (
	"flag"
	"log"
	"os"

	"briefs/articles/entities/tagger"
)

func main() {
	out := flag.String("out", "", "model file to write")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 {
		log.Fatal("usage: average -out FILE MODEL...")
	}
	var models [][]byte
	for _, p := range flag.Args() {
		data, err := os.ReadFile(p)
		if err != nil {
			log.Fatal(err)
		}
		models = append(models, data)
	}
	avg, err := tagger.Average(models)
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, avg, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: mean of %d models, %d bytes", *out, len(models), len(avg))
}
