package codegen

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/compiler/plan"
)

// genQueries emits one method per query, in statement order.
func (m *model) genQueries(f *jen.File) {
	for _, q := range m.queries {
		m.genQuery(f, q)
	}
}

// genQuery emits a stateless query: every chunk it sees is one event, so
// WHERE is an if, the projection field copies, HAVING an if on the output
// row, ORDER BY nothing, and LIMIT 0 / OFFSET n (n ≥ 1) drop everything.
func (m *model) genQuery(f *jen.File, q *query) {
	p := q.plan
	f.Comment(m.queryTitle(q))
	f.Commentf("It reads %s and inserts into %s.", q.in.plan.Name, q.out.plan.Name)
	if q.cyclic {
		f.Comment("Its output can reach its own input, so each output event is a fresh value.")
	}
	f.Func().Add(recv()).Id(q.Method).Params(jen.Id("ts").Int64(), jen.Id("in").Op("*").Id(q.in.Type)).
		Block(m.queryBody(q, p)...)
	f.Line()
}

func (m *model) queryBody(q *query, p *plan.Query) []jen.Code {
	switch {
	case p.Events == plan.ExpiredEvents:
		return []jen.Code{jen.Comment("Without a window there are no expired events: nothing is emitted.")}
	case p.Limit == 0:
		return []jen.Code{jen.Comment("LIMIT 0: nothing is emitted.")}
	case p.Offset >= 1:
		return []jen.Code{jen.Comment("Every chunk is one event and OFFSET skips it: nothing is emitted.")}
	}
	b := expr.NewBuilder(expr.Env{
		In:        jen.Id("in"),
		InFields:  q.in.Fields,
		Out:       jen.Id("out"),
		OutFields: q.out.Fields,
		TS:        jen.Id("ts"),
		Now:       jen.Id("a").Dot("now"),
	})
	if p.Where != nil {
		reject, always, never := b.Reject(p.Where)
		switch {
		case always:
			return append(b.Take(), jen.Comment("The WHERE condition is never true: nothing is emitted."))
		case !never:
			b.Emit(jen.If(reject).Block(jen.Return()))
		}
	}
	m.genProjection(b, q)
	if p.Having != nil {
		reject, always, never := b.Reject(p.Having)
		switch {
		case always:
			return append(b.Take(), jen.Comment("The HAVING condition is never true: nothing is emitted."))
		case !never:
			b.Emit(jen.If(reject).Block(jen.Return()))
		}
	}
	b.Emit(jen.Id("a").Dot("emit"+q.out.Type).Call(jen.Id("ts"), jen.Id("out")))
	return b.Take()
}

// genProjection builds the output event: field copies, values widened to
// the target's column types, and the null mask.
func (m *model) genProjection(b *expr.Builder, q *query) {
	if q.cyclic {
		b.Emit(jen.Id("out").Op(":=").New(jen.Id(q.out.Type)))
	} else {
		b.Emit(
			jen.Id("out").Op(":=").Op("&").Id("a").Dot(q.Buf),
			jen.Id("out").Dot("Null").Op("=").Lit(0),
		)
	}
	for i, c := range q.plan.Select {
		v := b.Widen(b.Value(c.Expr), q.out.plan.Attrs[i].Type)
		b.Emit(jen.Id("out").Dot(q.out.Fields[i]).Op("=").Add(v.Code()))
		set := jen.Id("out").Dot("Null").Dot("Set").Call(jen.Lit(i))
		switch {
		case v.AlwaysNull:
			b.Emit(set)
		case v.Nullable():
			b.Emit(jen.If(v.NullCode()).Block(set))
		}
	}
}

// queryTitle is "q1: line 3: INSERT INTO HighPrice", quoting the first line
// of the statement when the source text is known.
func (m *model) queryTitle(q *query) string {
	title := fmt.Sprintf("%s: line %d", q.Method, q.plan.Line)
	lines := bytes.Split(m.opts.SourceText, []byte("\n"))
	if q.plan.Line >= 1 && q.plan.Line <= len(lines) {
		if text := strings.TrimSpace(string(lines[q.plan.Line-1])); text != "" {
			title += ": " + text
		}
	}
	return title
}
