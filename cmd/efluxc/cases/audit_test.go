package cases

import (
	"testing"
)

// TestAudit runs testdata/audit: one case per normative statement of
// LANGUAGE.md §1-§7, §13 and §14 (expected outputs derived by hand from the
// spec), with the optimizer on and off; both must pass and agree.
func TestAudit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated packages")
	}
	cs, err := Load("../../../testdata/audit")
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
