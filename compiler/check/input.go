package check

import (
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/syntax"
)

// input resolves FROM and returns the scope that query expressions see.
func (c *checker) input(from syntax.Source, pq *plan.Query, part *partition) *scope {
	switch f := from.(type) {
	case *syntax.StreamSource:
		return c.streamInput(f, pq, part)
	case *syntax.JoinSource:
		return c.joinInput(f, pq, part)
	case *syntax.PatternSource:
		return c.patternInput(f, pq, part)
	}
	c.errorf(from.SourcePos(), diag.Internal, "unknown source %T", from)
	return nil
}

// resolved is what a name in FROM denotes.
type resolved struct {
	stream *plan.Stream
	table  *plan.Table
}

func (r resolved) attrs() []plan.Attr {
	if r.table != nil {
		return r.table.Attrs
	}
	return r.stream.Attrs
}

// resolveSource looks up a FROM name: a stream, trigger, inner stream
// (inside a partition) or table.
func (c *checker) resolveSource(id syntax.Ident, part *partition) (resolved, bool) {
	if isInner(id.Name) {
		if part == nil {
			c.errorf(id.Pos, diag.Name, "inner stream '%s' used outside a partition", id.Name)
			return resolved{}, false
		}
		st, ok := part.inner[id.Name]
		if !ok {
			c.errorf(id.Pos, diag.Name, "undefined inner stream '%s' (it must be written by an earlier query of this partition)", id.Name)
			return resolved{}, false
		}
		return resolved{stream: st}, true
	}
	switch v := c.names[id.Name].(type) {
	case *plan.Stream:
		return resolved{stream: v}, true
	case *plan.Trigger:
		return resolved{stream: v.Stream}, true
	case *plan.Table:
		return resolved{table: v}, true
	}
	c.errorf(id.Pos, diag.Name, "undefined stream '%s'", id.Name)
	return resolved{}, false
}

// newSource builds the plan source and its scope entry.
func newSource(index int, id syntax.Ident, alias *syntax.Ident, r resolved) (*plan.Source, *scopeSource) {
	ps := &plan.Source{Alias: id.Name, Stream: r.stream, Table: r.table, Attrs: r.attrs()}
	ss := &scopeSource{index: index, name: id.Name, attrs: ps.Attrs, kind: "stream", visible: true, isTable: r.table != nil}
	if r.table != nil {
		ss.kind = "table"
	}
	if alias != nil {
		ps.Alias = alias.Name
		ss.name, ss.hidden, ss.kind = alias.Name, id.Name, "alias"
	}
	return ps, ss
}

// streamInput is FROM S [AS a] [WINDOW(...)].
func (c *checker) streamInput(f *syntax.StreamSource, pq *plan.Query, part *partition) *scope {
	r, ok := c.resolveSource(f.Name, part)
	if !ok {
		return nil
	}
	if r.table != nil {
		c.errorf(f.Name.Pos, diag.Join, "table '%s' cannot be the only source of a query; join it with a stream", f.Name.Name)
		return nil
	}
	ps, ss := newSource(0, f.Name, f.Alias, r)
	s := &scope{sources: []*scopeSource{ss}}
	in := &plan.StreamInput{Source: ps}
	if f.Unidirectional {
		c.errorf(f.Name.Pos, diag.Join, "UNIDIRECTIONAL is allowed only in a join")
	}
	if f.Window != nil {
		in.Window = c.window(f.Window, s)
	}
	pq.Input = in
	return s
}
