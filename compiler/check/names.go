package check

import (
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/syntax"
)

// name resolves an unqualified attribute reference (§4.2): output columns
// first where the scope has them, then the unique source attribute.
func (c *checker) name(e *syntax.Name, s *scope) plan.Expr {
	for i, col := range s.out {
		if col.Name == e.Name {
			return &plan.OutRef{Node: plan.Node{T: col.Expr.Type(), P: e.Pos}, Col: i, Name: e.Name}
		}
	}
	if s.outOnly {
		c.errorf(e.Pos, diag.Name, "undefined output column '%s'", e.Name)
		return invalid(e.Pos)
	}
	if s.pattern != nil && s.pattern.self != nil {
		if ref := c.attrOf(s.pattern.self, e.Name, e, s); ref != nil {
			return ref
		}
		c.errorf(e.Pos, diag.Name, "undefined attribute '%s' in %s", e.Name, describe(s.pattern.self))
		return invalid(e.Pos)
	}
	var found []*scopeSource
	for _, src := range s.sources {
		if src.visible && attrIndex(src.attrs, e.Name) >= 0 {
			found = append(found, src)
		}
	}
	switch len(found) {
	case 0:
		if s.row != nil && attrIndex(s.row.attrs, e.Name) >= 0 {
			return c.attrOf(s.row, e.Name, e, s)
		}
		if len(s.sources) == 1 {
			c.errorf(e.Pos, diag.Name, "undefined attribute '%s' in %s", e.Name, describe(s.sources[0]))
		} else {
			c.errorf(e.Pos, diag.Name, "undefined attribute '%s'", e.Name)
		}
		return invalid(e.Pos)
	case 1:
		return c.attrOf(found[0], e.Name, e, s)
	}
	c.errorf(e.Pos, diag.Name, "ambiguous attribute '%s': both '%s' and '%s' have it; qualify it", e.Name, found[0].name, found[1].name)
	return invalid(e.Pos)
}

func describe(src *scopeSource) string {
	return src.kind + " '" + src.name + "'"
}

// attrOf makes a reference to attribute name of src.
func (c *checker) attrOf(src *scopeSource, name string, e syntax.Expr, s *scope) plan.Expr {
	i := attrIndex(src.attrs, name)
	if i < 0 {
		return nil
	}
	if src.counted {
		c.errorf(e.ExprPos(), diag.Pattern, "attribute '%s' of counted element '%s' must be indexed: %s[0].%s or %s[last].%s",
			name, src.name, src.name, name, src.name, name)
		return invalid(e.ExprPos())
	}
	return &plan.Ref{Node: plan.Node{T: src.attrs[i].Type, P: e.ExprPos()}, Source: src.index, Attr: i,
		Name: name, Qual: src.name, TableRow: s.isRow(src), Nest: src.nest}
}

// qualified resolves q.x and q[i].x.
func (c *checker) qualified(e *syntax.Qualified, s *scope) plan.Expr {
	src := s.lookupQual(e.Qual)
	if src == nil || !src.visible && !s.isRow(src) {
		if h := s.hiddenBy(e.Qual); h != nil {
			c.errorf(e.Pos, diag.Name, "undefined qualifier '%s': the source is aliased as '%s'", e.Qual, h.name)
		} else if s.pattern != nil || src != nil {
			c.errorf(e.Pos, diag.Name, "undefined alias '%s'", e.Qual)
		} else {
			c.errorf(e.Pos, diag.Name, "undefined stream or alias '%s'", e.Qual)
		}
		return invalid(e.Pos)
	}
	if src.broken {
		return invalid(e.Pos)
	}
	i := attrIndex(src.attrs, e.Name)
	if i < 0 {
		pos := e.NamePos
		if !pos.IsValid() {
			pos = e.Pos
		}
		c.errorf(pos, diag.Name, "undefined attribute '%s' in %s", e.Name, describe(src))
		return invalid(e.Pos)
	}
	if e.Index != nil && s.pattern != nil && s.pattern.ownCounted != nil && src == s.pattern.self {
		src = s.pattern.ownCounted // e[i].x in e's own filter: an event already collected
	}
	ref := &plan.Ref{Node: plan.Node{T: src.attrs[i].Type, P: e.Pos}, Source: src.index, Attr: i,
		Name: e.Name, Qual: e.Qual, TableRow: s.isRow(src), Nest: src.nest}
	if e.Index != nil {
		if !src.counted {
			// A non-counted element is a list of its one event (as in
			// Siddhi): e[0] and e[last] are the event, any other index is
			// outside the list and null (LANGUAGE.md §10.5).
			if e.Index.N == 0 {
				return ref
			}
			return &plan.Const{Node: plan.Node{T: ref.T, P: e.Pos}, IsNull: true}
		}
		ref.Index = &plan.Index{N: e.Index.N, Last: e.Index.Last}
	} else if src.counted {
		c.errorf(e.Pos, diag.Pattern, "attribute '%s' of counted element '%s' must be indexed: %s[0].%s or %s[last].%s",
			e.Name, e.Qual, e.Qual, e.Name, e.Qual, e.Name)
		return invalid(e.Pos)
	}
	return ref
}
