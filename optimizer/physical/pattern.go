// Package physical makes the optimizer's cost-guided physical choices and
// records them in plan.Physical for code generation.
package physical

import (
	"fmt"

	"github.com/efluxc/efluxc/compiler/plan"
)

// PatternIndexes chooses, for every pattern state that can use one, a hash
// index of its waiting runs on a correlation key (e2=S[user = e1.user]).
//
// Why results cannot change: an index is chosen only for a plain element
// state in PATTERN mode. There a waiting run that an event does not
// satisfy stays where it is, untouched, so visiting it has no effect; the
// filter has EventKey = RunKey as a top-level conjunct, so a run whose key
// differs from the event's (or is null) cannot be satisfied. The event
// visits the runs of its bucket in waiting order, which is the waiting
// list's order restricted to them, so matches complete in the same order.
// Keys read only non-counted aliases, whose captured values never change
// while a run waits. WITHIN re-arm copies use the runs' entry order
// (rt.Links.Seq), which buckets keep. SEQUENCE mode is excluded: there an
// event discards every waiting run it does not satisfy.
func PatternIndexes(app *plan.App) map[*plan.State]*plan.PatternIndex {
	var out map[*plan.State]*plan.PatternIndex
	for _, q := range app.AllQueries() {
		in, ok := q.Input.(*plan.PatternInput)
		if !ok || in.Mode != plan.PatternModePattern {
			continue
		}
		counted := map[int]bool{}
		for _, s := range in.States {
			if s.Kind == plan.StateCount {
				counted[s.Left.Source] = true
			}
		}
		for _, s := range in.States {
			if s.Kind != plan.StateElement || s.Left.Absent || s.Left.Filter == nil {
				continue
			}
			if x := chooseKey(s.Left, counted); x != nil {
				if out == nil {
					out = map[*plan.State]*plan.PatternIndex{}
				}
				out[s] = x
			}
		}
	}
	return out
}

// chooseKey returns the first conjunct of op's filter of the form
// candidate = earlier alias (either order).
func chooseKey(op *plan.Operand, counted map[int]bool) *plan.PatternIndex {
	for _, c := range conjuncts(op.Filter) {
		b, ok := c.(*plan.Binary)
		if !ok || b.Op != plan.OpEq {
			continue
		}
		switch {
		case isCandidate(b.L, op.Source) && isRunRef(b.R, op.Source, counted):
			return &plan.PatternIndex{EventKey: b.L, RunKey: b.R}
		case isCandidate(b.R, op.Source) && isRunRef(b.L, op.Source, counted):
			return &plan.PatternIndex{EventKey: b.R, RunKey: b.L}
		}
	}
	return nil
}

func conjuncts(e plan.Expr) []plan.Expr {
	if b, ok := e.(*plan.Binary); ok && b.Op == plan.OpAnd {
		return append(conjuncts(b.L), conjuncts(b.R)...)
	}
	return []plan.Expr{e}
}

// ref unwraps implicit widenings around an attribute reference.
func ref(e plan.Expr) *plan.Ref {
	for {
		switch x := e.(type) {
		case *plan.Convert:
			if x.Explicit {
				return nil
			}
			e = x.X
		case *plan.Ref:
			return x
		default:
			return nil
		}
	}
}

func isCandidate(e plan.Expr, self int) bool {
	r := ref(e)
	return r != nil && r.Source == self && r.Index == nil && !r.TableRow
}

func isRunRef(e plan.Expr, self int, counted map[int]bool) bool {
	r := ref(e)
	return r != nil && r.Source != self && r.Source >= 0 && r.Index == nil && !r.TableRow && !counted[r.Source]
}

// PatternWarnings flags patterns whose partial matches can grow without
// bound: an EVERY range that ends before the last state, without WITHIN,
// leaves a run at the next state per completion of the range, and nothing
// but a completed match removes it. (A range that ends at the last state
// restarts only when its run completes: one run at a time.)
func PatternWarnings(app *plan.App) []string {
	var out []string
	for _, q := range app.AllQueries() {
		in, ok := q.Input.(*plan.PatternInput)
		if !ok || in.Within > 0 {
			continue
		}
		for i, s := range in.States {
			if s.EveryEnd && i < len(in.States)-1 {
				out = append(out, fmt.Sprintf("%s (line %d): EVERY without WITHIN: partial matches can grow without bound (add WITHIN, or watch App.PartialMatches)", q.Name, q.Line))
				break
			}
		}
	}
	return out
}
