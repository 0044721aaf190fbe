package plan

import "github.com/efluxc/efluxc/compiler/source"

// PatternMode is PATTERN or SEQUENCE.
type PatternMode uint8

const (
	PatternModePattern PatternMode = iota
	SequenceMode
)

// PatternInput is FROM PATTERN|SEQUENCE (...) [WITHIN d]. Sources are the
// aliases in first-appearance order; each element refers to one of them.
type PatternInput struct {
	Mode    PatternMode
	Sources []*Source // one per distinct alias (source index = position)
	States  []*State  // the flattened chain s1..sk (§10.2)
	Within  int64     // ms; 0 when absent
}

// StateKind is the kind of one pattern state.
type StateKind uint8

const (
	StateElement StateKind = iota // a=S[f]
	StateCount                    // a=S[f]{min,max}
	StateAnd                      // X AND Y
	StateOr                       // X OR Y
	StateAbsent                   // NOT S[f] FOR d
)

// State is one state of the flattened chain.
type State struct {
	Kind StateKind
	// Element/Count/Absent use Left; And/Or use Left and Right.
	Left, Right *Operand
	Min, Max    int // counted: Max = -1 for unbounded
	// EveryStart/EveryEnd mark the states that begin/end an EVERY range.
	EveryStart, EveryEnd bool
	Pos                  source.Pos
}

// Operand is an element or absent element of a state.
type Operand struct {
	Source int // index into PatternInput.Sources; -1 for an absent operand
	Stream *Stream
	Filter Expr // refs: source index of each alias; the candidate is its own source
	Absent bool
	For    int64 // absent: ms, 0 when absent without FOR
	Pos    source.Pos
}
