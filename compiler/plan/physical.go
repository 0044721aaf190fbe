package plan

// Physical is the plan after optimization: the logical plan with the
// physical choices the optimizer made. Code generation consumes it.
type Physical struct {
	App *App
	// Optimized is false when the optimizer ran with all rewrites disabled (-O0).
	Optimized bool
	// Fired lists the rules that changed the plan, in the order they ran.
	Fired []RuleCount
	// PatternIndexes lists the pattern states whose waiting runs are
	// indexed by a correlation key (optimizer/physical).
	PatternIndexes map[*State]*PatternIndex
	// Warnings are facts about the plan worth a user's attention, such as
	// pattern state that can grow without bound.
	Warnings []string
}

// RuleCount is how often one optimizer rule fired.
type RuleCount struct {
	Rule  string
	Count int
}

// PatternIndex is the optimizer's choice to keep the runs waiting at one
// pattern state in a hash table keyed on a correlation value: an event
// then visits only the runs whose key equals its own. EventKey reads the
// candidate event only; RunKey reads captured events of earlier aliases
// only; the state's filter has EventKey = RunKey as a conjunct.
type PatternIndex struct {
	EventKey, RunKey Expr
}

// IndexOf returns the index chosen for state s, nil for none.
func (p *Physical) IndexOf(s *State) *PatternIndex {
	if p == nil || p.PatternIndexes == nil {
		return nil
	}
	return p.PatternIndexes[s]
}
