package syntax

// This file holds the corpus test: every conformance app parses, except the
// few whose expected error is genuinely a syntax error.

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// corpusSyntaxErrors lists corpus cases that must fail to parse, with why.
var corpusSyntaxErrors = map[string]string{
	// §10.1: a logical operand is `element | "NOT" basic [FOR d]`; EVERY
	// prefixes a step, never an operand of AND/OR.
	"patterns/error_10.txtar": "EVERY inside a logical pair",
}

// corpusDir finds the vendored corpus, or the shared one.
func corpusDir(t testing.TB) string {
	for _, d := range []string{"../../testdata/conformance", "/work/shared/conformance"} {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	t.Skip("no conformance corpus")
	return ""
}

type corpusCase struct {
	name string // area/file.txtar
	app  []byte
	err  string // the -- error -- section, "" if none
}

func corpusCases(t testing.TB) []corpusCase {
	dir := corpusDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txtar"))
	sort.Strings(files)
	var out []corpusCase
	for _, f := range files {
		ar, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		c := corpusCase{name: filepath.Join(filepath.Base(filepath.Dir(f)), filepath.Base(f))}
		for _, af := range ar.Files {
			switch af.Name {
			case "app.eventflux":
				c.app = af.Data
			case "error":
				c.err = strings.TrimSpace(string(af.Data))
			}
		}
		if c.app != nil {
			out = append(out, c)
		}
	}
	return out
}

func TestCorpusParses(t *testing.T) {
	cases := corpusCases(t)
	if len(cases) == 0 {
		t.Fatal("empty corpus")
	}
	for _, c := range cases {
		_, err := Parse("app.eventflux", c.app)
		why, wantErr := corpusSyntaxErrors[c.name]
		switch {
		case wantErr && err == nil:
			t.Errorf("%s: parsed, want a syntax error (%s)", c.name, why)
		case wantErr && !strings.Contains(strings.ToLower(err.Error()), strings.ToLower(c.err)):
			t.Errorf("%s: error %q does not contain %q", c.name, err, c.err)
		case !wantErr && err != nil:
			t.Errorf("%s: %v", c.name, err)
		}
	}
}
