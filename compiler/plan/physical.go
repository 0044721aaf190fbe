package plan

// Physical is the plan after optimization: the logical plan with the
// physical choices the optimizer made. Code generation consumes it.
type Physical struct {
	App *App
	// Optimized is false when the optimizer ran with all rewrites disabled (-O0).
	Optimized bool
	// Fired lists the rules that changed the plan, in the order they ran.
	Fired []RuleCount
}

// RuleCount is how often one optimizer rule fired.
type RuleCount struct {
	Rule  string
	Count int
}
