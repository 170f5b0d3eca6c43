// Package ui is the terminal reader. PLACEHOLDER: the UI engineer replaces this file.
package ui

import (
	"fmt"

	"briefs/model"
)

// Run is a placeholder until the real reader lands.
func Run(arts []model.Article, warnings []string) error {
	for _, a := range arts {
		fmt.Println(a.Title)
	}
	return nil
}
