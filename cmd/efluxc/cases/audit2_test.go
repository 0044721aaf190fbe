package cases

import (
	"path/filepath"
	"testing"
)

// TestAudit2 runs the audit cases of LANGUAGE.md §8-§12 and §14
// (testdata/audit2: joins, tables, patterns, partitions, triggers and
// cron, compile errors of those areas), one case per normative
// statement, with the optimizer on and off; both must pass and agree.
func TestAudit2(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated packages")
	}
	cs, err := Load(filepath.Join("../../../testdata", "audit2"))
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
}
