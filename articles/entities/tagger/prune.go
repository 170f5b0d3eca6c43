package tagger

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// Prune rewrites a model, dropping in each stage the features whose largest
// quantised weight is below minQ (of 32000, the stage's largest): a smaller
// model reads fewer cache lines per word. Kept rows are written unchanged.
func Prune(data []byte, minQ int16) (out []byte, kept int, err error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, 0, errors.New("tagger model: bad header")
	}
	data = data[len(magic):]
	out = []byte(magic)
	for st := range 2 {
		n, k := binary.Uvarint(data)
		if k <= 0 || n > uint64(len(data)-k) {
			return nil, 0, fmt.Errorf("tagger model stage %d: bad length", st+1)
		}
		var d stageRows
		if err := d.decode(data[k : k+int(n)]); err != nil {
			return nil, 0, fmt.Errorf("tagger model stage %d: %w", st+1, err)
		}
		data = data[k+int(n):]
		w := Weights{}
		for r, key := range d.keys {
			big := int16(0)
			for _, v := range d.rows[r] {
				big = max(big, v, -v)
			}
			if big < minQ {
				continue
			}
			row := make([]float32, NumLabels)
			for l, v := range d.rows[r] {
				row[l] = float32(v)
			}
			w[key] = row
		}
		// the largest weight is kept, so the stage's scale is unchanged
		raw, c := encodeStage(w, 1)
		kept += c
		out = binary.AppendUvarint(out, uint64(len(raw)))
		out = append(out, raw...)
	}
	return out, kept, nil
}

// Average returns the model whose weights are the mean of the models'
// (each stage as stored: quantised so that its largest weight is 32000),
// a feature missing from a model counting as zero there. Averaging models
// trained on the same data in different orders (train -seed) evens out
// what each order learnt by chance.
func Average(models [][]byte) ([]byte, error) {
	if len(models) == 0 {
		return nil, errors.New("no models to average")
	}
	sum := [2]Weights{{}, {}}
	for i, data := range models {
		if !bytes.HasPrefix(data, []byte(magic)) {
			return nil, fmt.Errorf("model %d: bad header", i+1)
		}
		data = data[len(magic):]
		for st := range 2 {
			n, k := binary.Uvarint(data)
			if k <= 0 || n > uint64(len(data)-k) {
				return nil, fmt.Errorf("model %d stage %d: bad length", i+1, st+1)
			}
			var d stageRows
			if err := d.decode(data[k : k+int(n)]); err != nil {
				return nil, fmt.Errorf("model %d stage %d: %w", i+1, st+1, err)
			}
			data = data[k+int(n):]
			for r, key := range d.keys {
				row := sum[st][key]
				if row == nil {
					row = make([]float32, NumLabels)
					sum[st][key] = row
				}
				for l, v := range d.rows[r] {
					row[l] += float32(v) / float32(len(models))
				}
			}
		}
	}
	var out bytes.Buffer
	if _, err := Encode(&out, sum[0], sum[1], 0.5); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
