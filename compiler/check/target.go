package check

import (
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/syntax"
	"github.com/efluxc/efluxc/compiler/types"
)

// target resolves INSERT INTO X (§4.4): an existing stream or table must
// fit the output (values are widened); an undefined X is inferred.
func (c *checker) target(t syntax.Ident, pq *plan.Query, part *partition) bool {
	out := pq.OutSchema()
	if isInner(t.Name) {
		if part == nil {
			c.errorf(t.Pos, diag.Target, "inner stream '%s' used outside a partition", t.Name)
			return false
		}
		if st, ok := part.inner[t.Name]; ok {
			pq.TargetStream = st
			return c.fits(t, "inner stream", st.Attrs, pq)
		}
		st := c.inferStream(t, out, plan.InnerStream)
		if st == nil {
			return false
		}
		st.Partition = part.plan
		part.inner[t.Name] = st
		part.plan.Inner = append(part.plan.Inner, st)
		pq.TargetStream = st
		return true
	}
	switch v := c.names[t.Name].(type) {
	case *plan.Trigger:
		c.errorf(t.Pos, diag.Target, "cannot insert into trigger '%s'", t.Name)
		return false
	case *plan.Stream:
		pq.TargetStream = v
		return c.fits(t, "stream", v.Attrs, pq)
	case *plan.Table:
		pq.TargetTable = v
		return c.fits(t, "table", v.Attrs, pq)
	}
	st := c.inferStream(t, out, plan.Inferred)
	if st == nil {
		return false
	}
	c.names[t.Name] = st
	c.app.Streams = append(c.app.Streams, st)
	pq.TargetStream = st
	return true
}

func (c *checker) inferStream(t syntax.Ident, out []plan.Attr, kind plan.StreamKind) *plan.Stream {
	for i, a := range out {
		if a.Type == types.Null {
			c.errorf(t.Pos, diag.Type, "output column '%s' of '%s' has the type of NULL; use CAST(NULL AS type)", out[i].Name, t.Name)
			return nil
		}
	}
	return &plan.Stream{Name: t.Name, Kind: kind, Attrs: out, Pos: t.Pos}
}

// fits checks the output against a target schema and widens the select
// expressions to the target's column types.
func (c *checker) fits(t syntax.Ident, what string, attrs []plan.Attr, pq *plan.Query) bool {
	if len(pq.Select) != len(attrs) {
		c.errorf(t.Pos, diag.Target, "cannot insert %d columns into %s '%s' of %d attributes", len(pq.Select), what, t.Name, len(attrs))
		return false
	}
	ok := true
	for i, col := range pq.Select {
		ct := col.Expr.Type()
		if !types.WidensTo(ct, attrs[i].Type) {
			c.errorf(t.Pos, diag.Target, "cannot insert column %d '%s' of type %s into attribute '%s' %s of %s '%s'",
				i+1, col.Name, ct, attrs[i].Name, attrs[i].Type, what, t.Name)
			ok = false
			continue
		}
		col.Expr = coerce(col.Expr, attrs[i].Type)
	}
	return ok
}
