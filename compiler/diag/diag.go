// Package diag holds user-facing compile errors: positioned, sorted, one per line.
package diag

import (
	"sort"
	"strings"

	"github.com/efluxc/efluxc/compiler/source"
)

// Code classifies a diagnostic; the codes are documented in docs/errors.md.
type Code string

const (
	Syntax      Code = "syntax"      // lexical and grammar errors
	Name        Code = "name"        // undefined or duplicate names
	Definition  Code = "definition"  // bad definitions and WITH clauses
	Type        Code = "type"        // type errors
	Aggregate   Code = "aggregate"   // misplaced or unknown aggregates
	Clause      Code = "clause"      // GROUP BY / ORDER BY / LIMIT misuse
	Window      Code = "window"      // window kinds and parameters
	Target      Code = "target"      // INSERT INTO targets
	Join        Code = "join"        // join shape
	Rate        Code = "rate"        // output rate limiting
	Pattern     Code = "pattern"     // pattern and sequence rules
	Partition   Code = "partition"   // partition rules
	Table       Code = "table"       // table statements
	Unsupported Code = "unsupported" // valid but not implemented yet (codegen)
	Internal    Code = "internal"    // compiler bugs
)

// Diagnostic is one error at a position.
type Diagnostic struct {
	Pos  source.Pos
	Code Code
	Msg  string
}

func (d Diagnostic) Error() string { return d.Pos.String() + ": " + d.Msg }

// List is a set of diagnostics; as an error it prints them sorted, one per line.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(pos source.Pos, code Code, msg string) {
	*l = append(*l, Diagnostic{Pos: pos, Code: code, Msg: msg})
}

// Sort orders the list by position (stable for equal positions).
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool { return l[i].Pos.Before(l[j].Pos) })
}

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

func (l List) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}
