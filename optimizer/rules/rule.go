// Package rules holds the optimizer's rewrites that always pay. Each rule is
// a named value with a comment on why it cannot change results; tests
// assert that rules fire, and the conformance corpus runs with the
// optimizer on and off and must give identical outputs.
package rules

import "github.com/efluxc/efluxc/compiler/plan"

// Rule is one named rewrite over the whole app.
type Rule struct {
	Name string
	// Apply rewrites app in place and returns how many times it fired.
	Apply func(app *plan.App) int
}

// All lists the rules in the order they run.
var All = []Rule{FoldConstants, DropDeadQueries, OrderConjuncts}

// forEachExpr calls f on every expression slot of every query, letting f
// replace the expression.
func forEachExpr(app *plan.App, f func(plan.Expr) plan.Expr) {
	for _, q := range allQueries(app) {
		queryExprs(q, f)
	}
	for _, p := range app.Partitions {
		for _, k := range p.Keys {
			if k.Value != nil {
				k.Value = f(k.Value)
			}
			for _, r := range k.Ranges {
				r.Cond = f(r.Cond)
			}
		}
	}
}

// allQueries lists top-level queries and queries inside partitions.
func allQueries(app *plan.App) []*plan.Query {
	qs := append([]*plan.Query(nil), app.Queries...)
	for _, p := range app.Partitions {
		qs = append(qs, p.Queries...)
	}
	return qs
}

func queryExprs(q *plan.Query, f func(plan.Expr) plan.Expr) {
	opt := func(x plan.Expr) plan.Expr {
		if x == nil {
			return nil
		}
		return f(x)
	}
	q.Where = opt(q.Where)
	q.Having = opt(q.Having)
	q.On = opt(q.On)
	for _, c := range q.Select {
		c.Expr = f(c.Expr)
	}
	for _, a := range q.Set {
		a.Expr = f(a.Expr)
	}
	switch in := q.Input.(type) {
	case *plan.JoinInput:
		in.On = opt(in.On)
		in.Left.Filter = opt(in.Left.Filter)
		in.Right.Filter = opt(in.Right.Filter)
	case *plan.PatternInput:
		for _, s := range in.States {
			for _, o := range []*plan.Operand{s.Left, s.Right} {
				if o != nil {
					o.Filter = opt(o.Filter)
				}
			}
		}
	}
}
