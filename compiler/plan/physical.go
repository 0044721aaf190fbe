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
	// JoinIndexes lists the stream-stream joins whose windows are hash
	// indexed on equality keys of ON (optimizer/physical); other joins scan.
	JoinIndexes map[*Query]*JoinIndex
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

// JoinIndex is the optimizer's choice to keep each side's exposed window
// events of a join in a hash table keyed on the ON equalities
// Left[i] = Right[i]: Left[i] reads the left side only, Right[i] the right
// side only. A probe from one side looks up its own key expressions'
// values in the other side's table.
type JoinIndex struct {
	Left, Right []Expr
}

// JoinIndexOf returns the index chosen for join query q, nil for none.
func (p *Physical) JoinIndexOf(q *Query) *JoinIndex {
	if p == nil || p.JoinIndexes == nil {
		return nil
	}
	return p.JoinIndexes[q]
}
