package cases

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
)

// tableSearchApp exercises every kind of table search (UPDATE, DELETE,
// UPSERT, join sides, IN) against a table with secondary indexes only and
// one with a composite primary key, with updates that re-key rows (and may
// give two rows one primary key, §9.2) and null keys on both sides.
//
//go:embed testdata/tablesearch.eventflux
var tableSearchApp []byte

// TestTableIndexDifferential runs tableSearchApp on seeded random input
// with the optimizer on (hash-index lookups) and off (scans): the two must
// emit the same events, in the same order, on every stream.
func TestTableIndexDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated program")
	}
	observed := []string{"J1", "J2", "J3", "J4", "F"}
	var cs []*Case
	for seed := range uint64(4) {
		c := &Case{Path: fmt.Sprintf("tablesearch/seed%d", seed), App: tableSearchApp, Input: tableSearchInput(seed, 3000)}
		c.Name = c.Path
		for _, s := range observed {
			c.Expect = append(c.Expect, Expect{Stream: s, Ordered: true}) // observed only: outputs are compared across modes
		}
		cs = append(cs, c)
	}
	results, err := Run(cs, Options{Modes: []Mode{Optimized, Unoptimized}, Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		for _, run := range r.Runs {
			if run.Output == nil || run.RunErr != "" {
				t.Fatalf("%s (%s) did not run: %s %s", r.Case.Name, run.Mode, run.Kind, run.Detail)
			}
		}
		if d := r.Disagreement(); d != "" {
			t.Error(d)
		}
		for _, s := range observed {
			if len(r.Runs[0].Output[s]) == 0 {
				t.Errorf("%s: nothing on %s: the input does not exercise its search", r.Case.Name, s)
			}
		}
	}
}

// tableSearchInput makes n events over a few keys (and some nulls), with a
// per-seed mix of inserts, updates, deletes, upserts and probes.
func tableSearchInput(seed uint64, n int) []Step {
	rng := rand.New(rand.NewPCG(seed, 99))
	mixes := []string{"IIIUDPQQQ", "IUUUDDPQQ", "IIPPPQQUD", "IQUQDQPQ"}
	mix := mixes[seed%uint64(len(mixes))]
	maybe := func(v any) any {
		if rng.IntN(100) < 7 {
			return nil
		}
		return v
	}
	a := func() any { return maybe([]string{"x", "y", "z"}[rng.IntN(3)]) }
	b := func() any { return maybe(rng.IntN(4)) }
	c := func() any { return maybe(rng.IntN(6)) }
	v := func() any { return float64(rng.IntN(1000)) / 10 }
	steps := make([]Step, n)
	for i := range steps {
		s := string(mix[rng.IntN(len(mix))])
		var args []any
		switch s {
		case "I":
			args = []any{a(), b(), c(), v()}
		case "U":
			args = []any{a(), b(), a(), b()}
		case "D":
			args = []any{a(), c()}
		case "P":
			args = []any{a(), b(), v()}
		case "Q":
			args = []any{a(), b(), c()}
		}
		raw, _ := json.Marshal(args)
		steps[i] = Step{Line: i + 1, Time: int64(i), Stream: s, Args: raw}
	}
	return steps
}
