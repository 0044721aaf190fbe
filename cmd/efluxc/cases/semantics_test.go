package cases

import (
	"path/filepath"
	"testing"
)

// TestSemantics runs our own cases outside patterns (testdata/joins:
// snapshots, frequent windows on join sides, EVENTTIMESTAMP(alias);
// testdata/tables: UPSERT from windows and aggregates; testdata/queries:
// ORDER BY on attributes that are not selected) with the optimizer on and
// off; both must pass and agree.
func TestSemantics(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated packages")
	}
	for _, dir := range []string{"joins", "tables", "queries"} {
		path := filepath.Join("../../../testdata", dir)
		t.Run(dir, func(t *testing.T) {
			cs, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			results, err := Run(cs, Options{Modes: []Mode{Optimized, Unoptimized}, Log: testLog{t}})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range results {
				if !r.Pass() || r.Disagreement() != "" {
					t.Errorf("%s", r.Report())
				}
			}
		})
	}
}
