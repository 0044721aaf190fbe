package cases

import (
	"os"
	"path/filepath"
	"testing"
)

// suites are our own case collections beyond the vendored corpus; each runs
// as one generated program, with the optimizer on and off.
var suites = []struct {
	name string
	dirs []string // under testdata/, loaded recursively
}{
	// One case per normative statement of LANGUAGE.md §1-§7, §13 and §14,
	// expected outputs derived by hand from the spec.
	{"audit", []string{"audit"}},
	// The same for §8-§12: joins, tables, patterns, partitions, triggers.
	{"audit2", []string{"audit2"}},
	// Cases written with individual features: pattern rules, join snapshots
	// and side windows, UPSERT from windows, ORDER BY unselected attributes.
	{"semantics", []string{"patterns", "joins", "tables", "queries"}},
	// Ports of Siddhi's own unit tests that the corpus does not include,
	// one subdirectory per area.
	{"siddhi", []string{"siddhi"}},
	// The example apps with their expected output.
	{"examples", []string{"../examples"}},
}

// TestSuites runs every suite; each case must pass in both optimizer modes
// and the two modes must agree. `-run TestSuites/siddhi` runs one suite.
func TestSuites(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated packages")
	}
	for _, s := range suites {
		t.Run(s.name, func(t *testing.T) {
			var paths []string
			for _, d := range s.dirs {
				p := filepath.Join("../../../testdata", d)
				if _, err := os.Stat(p); err == nil {
					paths = append(paths, p)
				}
			}
			if len(paths) == 0 {
				t.Skip("no cases")
			}
			cs, err := Load(paths...)
			if err != nil {
				t.Fatal(err)
			}
			results, err := Run(cs, Options{Modes: []Mode{Optimized, Unoptimized}, Log: testLog{t}})
			if err != nil {
				t.Fatal(err)
			}
			failed := 0
			for _, r := range results {
				if !r.Pass() || r.Disagreement() != "" {
					failed++
					t.Errorf("%s", r.Report())
				}
			}
			t.Logf("suite %s: %d/%d pass", s.name, len(results)-failed, len(results))
		})
	}
}
