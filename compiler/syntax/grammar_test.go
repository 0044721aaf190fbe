package syntax

// This file holds the grammar golden test (STYLE habit 4): participle's EBNF
// of the statement grammar lives in testdata/syntax/grammar.ebnf, rewritten
// with -update, so that a grammar change shows up in review.

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestGrammarGolden(t *testing.T) {
	golden := filepath.Join("..", "..", "testdata", "syntax", "grammar.ebnf")
	got := parser.String() + "\n"
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestGrammarGolden -update)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("grammar changed (-golden +now); run with -update if intended:\n%s", diff)
	}
}
