package quotes

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// maxComplexity is the most cyclomatic complexity a function of this
// package may have (issue 17: the rules are units, not one long function).
const maxComplexity = 40

// complexity counts as gocyclo does: 1, plus one for each if, for, range,
// non-default case and comm clause, && and ||.
func complexity(fn ast.Node) int {
	c := 1
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			c++
		case *ast.CaseClause:
			if n.List != nil {
				c++
			}
		case *ast.CommClause:
			if n.Comm != nil {
				c++
			}
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				c++
			}
		}
		return true
	})
	return c
}

// TestCyclomaticComplexity keeps every function of the package (tests
// aside) at or under maxComplexity, as `gocyclo -over 40` would.
func TestCyclomaticComplexity(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			seen++
			if c := complexity(fn); c > maxComplexity {
				t.Errorf("%s: %s has cyclomatic complexity %d, over %d", fset.Position(fn.Pos()), fn.Name.Name, c, maxComplexity)
			}
		}
	}
	if seen < 50 {
		t.Fatalf("only %d functions read", seen)
	}
}
