// Package optimizer rewrites the logical plan with rules that always pay
// (package rules) and hands code generation a plan.Physical.
package optimizer

import (
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/optimizer/physical"
	"github.com/efluxc/efluxc/optimizer/rules"
)

// Options control the optimizer.
type Options struct {
	// Disable turns every rewrite off (-O0); results must not change.
	Disable bool
}

// Optimize rewrites app in place and returns the physical plan, with the
// number of times each rule fired.
func Optimize(app *plan.App, opts Options) (*plan.Physical, error) {
	p := &plan.Physical{App: app, Optimized: !opts.Disable, Warnings: physical.PatternWarnings(app)}
	if opts.Disable {
		return p, nil
	}
	for _, r := range rules.All {
		if n := r.Apply(app); n > 0 {
			p.Fired = append(p.Fired, plan.RuleCount{Rule: r.Name, Count: n})
		}
	}
	p.PatternIndexes = physical.PatternIndexes(app)
	p.JoinIndexes = physical.JoinIndexes(app)
	p.TableSearches, p.TableIndexes = physical.TableSearches(app)
	return p, nil
}
