package check

import (
	"github.com/efluxc/efluxc/compiler/plan"
)

// scope is what names in an expression can refer to.
type scope struct {
	// sources are the query's event sources, by plan source index.
	sources []*scopeSource
	// out, when set, resolves unqualified names to output columns first
	// (HAVING, ORDER BY, UPSERT ON).
	out []*plan.OutCol
	// outOnly resolves unqualified names to output columns only (UPSERT ON).
	outOnly bool
	// row is the table row under test (IN-table, UPDATE/DELETE/UPSERT);
	// references to it become Ref{TableRow: true}.
	row *scopeSource
	// outer are the rows enclosing row (outermost first): an IN table
	// inside an UPDATE / DELETE / UPSERT or another IN condition can still
	// read them by their qualifier.
	outer []*scopeSource
	// aggs collects aggregate calls when aggregates are allowed here;
	// noAgg names the clause that forbids them ("WHERE", ...).
	aggs  *[]*plan.Agg
	noAgg string
	// inAgg is set while checking an aggregate's argument.
	inAgg bool
	// pattern restricts references in pattern queries.
	pattern *patternScope
	// what describes the single source for messages: "stream 'S'".
	what string
}

// scopeSource is one source visible in a scope.
type scopeSource struct {
	index   int    // plan source index
	name    string // alias, or stream/table name
	hidden  string // stream name hidden by an alias (an error to use)
	attrs   []plan.Attr
	kind    string // "stream", "table", "alias"
	counted bool   // counted pattern element: attributes need an index
	visible bool   // pattern: may be referenced from here
	isTable bool
	broken  bool // its stream did not resolve: references are silently invalid
	nest    int  // a table row: its nesting level (plan.Ref.Nest)
}

// patternScope says which aliases a pattern filter may see.
type patternScope struct {
	// self is the candidate element's source (unqualified names resolve to it).
	self *scopeSource
	// ownCounted is the counted element whose filter this is: indexed
	// references to its alias read the events it already collected.
	ownCounted *scopeSource
}

func (s *scope) withAggs(aggs *[]*plan.Agg) *scope {
	n := *s
	n.aggs, n.noAgg = aggs, ""
	return &n
}

func (s *scope) noAggs(clause string) *scope {
	n := *s
	n.aggs, n.noAgg = nil, clause
	return &n
}

func (s *scope) lookupQual(q string) *scopeSource {
	if s.row != nil && s.row.name == q {
		return s.row
	}
	for i := len(s.outer) - 1; i >= 0; i-- {
		if s.outer[i].name == q {
			return s.outer[i]
		}
	}
	if s.pattern != nil && s.pattern.self != nil && s.pattern.self.name == q {
		return s.pattern.self
	}
	for _, src := range s.sources {
		if src.name == q {
			return src
		}
	}
	return nil
}

func (s *scope) hiddenBy(q string) *scopeSource {
	for _, src := range append(s.sources, s.row) {
		if src != nil && src.hidden == q {
			return src
		}
	}
	return nil
}

// isRow reports whether src is a table row under test (the current one or
// an enclosing one).
func (s *scope) isRow(src *scopeSource) bool {
	if src == s.row {
		return src != nil
	}
	for _, o := range s.outer {
		if o == src {
			return true
		}
	}
	return false
}
