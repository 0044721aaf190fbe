package cases

import "testing"

// TestPatternSemantics runs our own pattern cases (testdata/patterns:
// absent operands of AND/OR with FOR, WITHIN on absent deadlines, null
// correlation keys, {0,} counts, SEQUENCE counts and absences, repeated
// aliases, aggregation and rate limiting over matches) with the optimizer
// on and off; both must pass and agree.
func TestPatternSemantics(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated packages")
	}
	cs, err := Load("../../../testdata/patterns")
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
