package plan

// Physical is the plan after optimization: the logical plan with the
// physical choices the optimizer made. Code generation consumes it.
type Physical struct {
	App *App
	// Optimized is false when the optimizer ran with all rewrites disabled (-O0).
	Optimized bool
}
