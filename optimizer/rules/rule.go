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
