package cases

import (
	"embed"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
)

//go:embed testdata/*.eventflux
var differentialApps embed.FS

// differential is an app whose optimized plan uses hash indexes, with a
// generator of random input that exercises them.
type differential struct {
	app      string   // file in testdata
	observed []string // output streams; each must receive events
	input    func(rng *rand.Rand, n int) []Step
}

var differentials = []differential{
	// Every kind of table search (UPDATE, DELETE, UPSERT, join sides, IN)
	// against a table with secondary indexes only and one with a composite
	// primary key, with updates that re-key rows (and may give two rows one
	// primary key, §9.2) and null keys on both sides.
	{"tablesearch.eventflux", []string{"J1", "J2", "J3", "J4", "F"}, tableSearchInput},
	// Indexed stream-stream joins: every join type, batch and time windows,
	// UNIDIRECTIONAL, a self join, widened keys, expired events, timeLength
	// and externalTime sides (chained through their windows, one shared index).
	{"joinprobe.eventflux", []string{"J1", "J2", "J3", "J4", "J5", "J6", "J7"}, twoStreamInput("L", "R")},
	// Correlation-indexed pattern states: WITHIN, chains, OR, absence,
	// counted elements, a filter reading a counted slot (no cover), event
	// times in the cover, a widened key, a filter that is only the key.
	{"patternindex.eventflux", []string{"P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"}, twoStreamInput("A", "B")},
}

// TestIndexDifferential runs each differential app on seeded random input
// with the optimizer on (hash-index lookups) and off (scans): the two must
// emit the same events, in the same order, on every stream.
func TestIndexDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated program")
	}
	var cs []*Case
	for _, d := range differentials {
		app, err := differentialApps.ReadFile("testdata/" + d.app)
		if err != nil {
			t.Fatal(err)
		}
		for seed := range uint64(3) {
			c := &Case{Path: fmt.Sprintf("%s/seed%d", d.app, seed), App: app, Input: d.input(rand.New(rand.NewPCG(seed, 99)), 3000)}
			c.Name = c.Path
			for _, s := range d.observed {
				c.Expect = append(c.Expect, Expect{Stream: s, Ordered: true}) // observed only: outputs are compared across modes
			}
			cs = append(cs, c)
		}
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
		for _, e := range r.Case.Expect {
			if len(r.Runs[0].Output[e.Stream]) == 0 {
				t.Errorf("%s: nothing on %s: the input does not exercise its query", r.Case.Name, e.Stream)
			}
		}
	}
}

// maybe returns v, or null 7% of the time.
func maybe(rng *rand.Rand, v any) any {
	if rng.IntN(100) < 7 {
		return nil
	}
	return v
}

func inputStep(i int, t int64, stream string, args ...any) Step {
	raw, _ := json.Marshal(args)
	return Step{Line: i + 1, Time: t, Stream: stream, Args: raw}
}

// tableSearchInput mixes inserts (I), updates (U), deletes (D), upserts
// (P) and probes (Q) over three string keys and small integers.
func tableSearchInput(rng *rand.Rand, n int) []Step {
	mixes := []string{"IIIUDPQQQ", "IUUUDDPQQ", "IIPPPQQUD", "IQUQDQPQ"}
	mix := mixes[rng.IntN(len(mixes))]
	a := func() any { return maybe(rng, []string{"x", "y", "z"}[rng.IntN(3)]) }
	b := func() any { return maybe(rng, rng.IntN(4)) }
	c := func() any { return maybe(rng, rng.IntN(6)) }
	v := func() float64 { return float64(rng.IntN(1000)) / 10 }
	steps := make([]Step, n)
	for i := range steps {
		switch s := string(mix[rng.IntN(len(mix))]); s {
		case "I":
			steps[i] = inputStep(i, int64(i), s, a(), b(), c(), v())
		case "U":
			steps[i] = inputStep(i, int64(i), s, a(), b(), a(), b())
		case "D":
			steps[i] = inputStep(i, int64(i), s, a(), c())
		case "P":
			steps[i] = inputStep(i, int64(i), s, a(), b(), v())
		default:
			steps[i] = inputStep(i, int64(i), s, a(), b(), c())
		}
	}
	return steps
}

// twoStreamInput sends events (k STRING, n INT-or-LONG, DOUBLE) to two
// streams at random over five keys, the clock advancing irregularly so
// that time windows, batches and WITHIN expire.
func twoStreamInput(s1, s2 string) func(rng *rand.Rand, n int) []Step {
	return func(rng *rand.Rand, n int) []Step {
		steps := make([]Step, n)
		var t int64
		for i := range steps {
			t += []int64{0, 0, 1, 2, 5}[rng.IntN(5)]
			s := s1
			if rng.IntN(2) == 1 {
				s = s2
			}
			k := maybe(rng, []string{"x", "y", "z", "w", "u"}[rng.IntN(5)])
			steps[i] = inputStep(i, t, s, k, maybe(rng, rng.IntN(5)), float64(rng.IntN(100))/10)
		}
		return steps
	}
}
