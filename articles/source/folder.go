package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// IsURL reports whether spec is an http or https URL: what Walk fetches.
func IsURL(spec string) bool { return isURL(spec) }

// ListFolder calls visit with every file under root that Walk reads as a
// brief, and its absolute path (or "" when it is unknown), in the order
// Walk reads them: the sorted order of the paths (each folder's entries
// sorted with a sub-folder's name read as "name/"). Hidden files and
// folders are left out, files of no brief format are told once at the end
// (a Notice), symlinks are kept (Walk skips those to folders); a folder
// that cannot be read, or that holds no file, is warned about. It calls
// visit as it goes, so the first brief can be read before the last folder
// is listed, and returns false when visit asked it to stop.
//
// It is the one folder walk: Walk reads folders through it, and so does
// the streaming load of the reader and the commands (articles.Stream).
func ListFolder(root string, visit func(path, abs string) bool, warn func(Warning)) bool {
	absRoot, err := filepath.Abs(root) // once, not per file (a relative path costs a getwd each time)
	if err != nil {
		absRoot = ""
	}
	leftOut := map[string]int{} // extension -> files that are no brief format
	found := 0
	if !listFolder(root, absRoot, leftOut, func(p, abs string) bool {
		found++
		return visit(p, abs)
	}, warn) {
		return false
	}
	if n := sumCounts(leftOut); n > 0 {
		exts := make([]string, 0, len(leftOut))
		for ext := range leftOut {
			exts = append(exts, ext)
		}
		sort.Strings(exts)
		warn(Warning{Source: CleanSource(root), Notice: true,
			Reason: fmt.Sprintf("%d file(s) left out: not a brief format (%s)", n, CleanTitle(strings.Join(exts, " ")))})
	}
	if found == 0 && len(leftOut) == 0 {
		warn(Warning{Source: CleanSource(root), Reason: "no file in this folder"})
	}
	return true
}

func listFolder(root, absRoot string, leftOut map[string]int, visit func(path, abs string) bool, warn func(Warning)) bool {
	ents, err := os.ReadDir(root)
	if err != nil {
		warn(Warning{Source: CleanSource(root), Reason: CleanTitle(unwrapPath(err).Error())})
		if len(ents) == 0 {
			return true
		}
	}
	key := func(e fs.DirEntry) string {
		if e.IsDir() {
			return e.Name() + "/"
		}
		return e.Name()
	}
	sort.Slice(ents, func(i, j int) bool { return key(ents[i]) < key(ents[j]) })
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p, abs := filepath.Join(root, e.Name()), ""
		if absRoot != "" {
			abs = filepath.Join(absRoot, e.Name())
		}
		switch {
		case e.IsDir():
			if !listFolder(p, abs, leftOut, visit, warn) {
				return false
			}
		case e.Type().IsRegular() || e.Type()&fs.ModeSymlink != 0:
			if !briefFile(p) {
				leftOut[strings.ToLower(filepath.Ext(p))]++
				continue
			}
			if !visit(p, abs) {
				return false
			}
		}
	}
	return true
}

// unwrapPath drops the path that an *fs.PathError repeats, since the
// warning already names the source, and says what went wrong in plain
// words ("no such file or folder", not "stat: no such file or directory").
func unwrapPath(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or folder")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
