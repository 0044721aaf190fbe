package codegen

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/compiler/plan"
)

// qgen collects what one query contributes to the generated package: App
// fields, statements for New, and top-level declarations (types, methods).
type qgen struct {
	m      *model
	q      *query
	fields []jen.Code
	decls  []jen.Code
	// held is the group field counting the events the window holds of
	// the group (state.countHeld): "held", or a COUNT() kernel's field.
	held string
	// one: the window code being built is q<N>One's, for a single input
	// event (ts, e) rather than a loop over a chunk (query.oneFast).
	one bool
}

func (g *qgen) field(suffix string, typ jen.Code, doc string) {
	fld := jen.Id(g.q.name(suffix)).Add(typ)
	if doc != "" {
		fld.Comment(doc)
	}
	g.fields = append(g.fields, fld)
}

func (g *qgen) decl(doc []string, c jen.Code) {
	for _, d := range doc {
		g.decls = append(g.decls, jen.Comment(d))
	}
	g.decls = append(g.decls, c, jen.Line())
}

// method declares func (a *App) <q><suffix>(params) { body }.
func (g *qgen) method(suffix string, params []jen.Code, doc string, body ...jen.Code) {
	g.decl(strings.Split(doc, "\n"), jen.Func().Add(g.recv()).Id(g.q.name(suffix)).Params(params...).Block(body...))
}

// init adds statements to New, or to the creation of a partition instance.
func (g *qgen) init(c ...jen.Code) {
	if p := g.q.part; p != nil {
		p.inits = append(p.inits, c...)
		return
	}
	g.m.inits = append(g.m.inits, c...)
}

// recvType is the type whose methods the query's code is: App, or the
// instance type of its partition.
func (g *qgen) recvType() string { return g.q.recvType() }

func (q *query) recvType() string {
	if p := q.part; p != nil {
		return p.Type
	}
	return "App"
}

// recv is the receiver (a *App) or (a *p<N>Instance). Both are named a:
// an instance embeds *App, so a.now, a.timers and a.emit<T> of global
// streams read the same in both.
func (g *qgen) recv() *jen.Statement { return g.q.recv() }

func (q *query) recv() *jen.Statement { return jen.Params(jen.Id("a").Op("*").Id(q.recvType())) }

// newTimer allocates a timer kind handled by the query's method handler.
func (g *qgen) newTimer(konst, handler, doc string) *timerKind {
	t := g.m.newTimer(konst, handler, doc)
	t.part = g.q.part
	if t.part != nil {
		t.part.timers = true
	}
	return t
}

// start is the creation time of the query's instance: 0 for a top-level
// query, the instance's first event's time in a partition (§7 tick grids).
func (g *qgen) start(d int64) *jen.Statement {
	if g.q.part != nil {
		return jen.Id("a").Dot("created").Op("+").Lit(int(d))
	}
	return jen.Lit(int(d))
}

// chunkOf is *rt.Chunk[T].
func chunkOf(typ string) *jen.Statement { return jen.Op("*").Qual(rtPath, "Chunk").Types(jen.Id(typ)) }

// buildQueries generates every query, in statement order. It runs before
// the App type is emitted, which holds the fields the queries declare.
func (m *model) buildQueries() []*qgen {
	var gens []*qgen
	for _, q := range m.queries {
		g := &qgen{m: m, q: q}
		if q.plan.Kind != plan.Insert && q.upsert == nil {
			g.genTableStatement()
		} else if q.pat != nil {
			g.genPattern()
		} else if q.join != nil {
			g.genJoin()
		} else if q.stateful() {
			g.genStateful()
		} else {
			g.genStateless()
		}
		if q.upsert != nil {
			g.genUpsertSink()
		}
		if q.part != nil {
			q.part.fields = append(q.part.fields, g.fields...)
			g.fields = nil
		}
		gens = append(gens, g)
	}
	return gens
}

// header is the comment above a query's method.
func (g *qgen) header() []string {
	q := g.q
	var doc []string
	switch {
	case q.join != nil:
		l, r := q.join.sides[0].plan.Source, q.join.sides[1].plan.Source
		doc = []string{g.m.queryTitle(q), fmt.Sprintf("It joins %s and %s and inserts into %s.", l.Alias, r.Alias, q.out.plan.Name)}
	case q.plan.Kind == plan.Update:
		doc = []string{g.m.queryTitle(q), fmt.Sprintf("It reads %s and updates table %s.", q.in.plan.Name, q.out.plan.Name)}
	case q.plan.Kind == plan.Delete:
		doc = []string{g.m.queryTitle(q), fmt.Sprintf("It reads %s and deletes from table %s.", q.in.plan.Name, q.out.plan.Name)}
	case q.plan.Kind == plan.Upsert:
		doc = []string{g.m.queryTitle(q), fmt.Sprintf("It reads %s and upserts into table %s.", q.in.plan.Name, q.out.plan.Name)}
	default:
		doc = []string{g.m.queryTitle(q), fmt.Sprintf("It reads %s and inserts into %s.", q.in.plan.Name, q.out.plan.Name)}
	}
	if q.cyclic {
		doc = append(doc, "Its output can reach its own input, so each output chunk is a fresh value.")
	}
	return doc
}

// outChunk declares the query's output chunk and returns the statement
// that makes `out` point at it (a fresh chunk when the query is cyclic).
func (g *qgen) outChunk() jen.Code {
	q := g.q
	if q.cyclic {
		return jen.Id("out").Op(":=").Op("&").Qual(rtPath, "Chunk").Types(jen.Id(q.out.Type)).Values()
	}
	g.field("Out", jen.Qual(rtPath, "Chunk").Types(jen.Id(q.out.Type)), q.Method+"'s output chunk, valid during its delivery")
	return jen.Id("out").Op(":=").Op("&").Add(q.f("Out"))
}

// genStateless emits a query without window, aggregates, grouping, ORDER
// BY or rate limiting: per event of the chunk, WHERE is an if, the
// projection field copies, HAVING an if on the output row; the rows form
// one output chunk (OFFSET/LIMIT apply to it).
func (g *qgen) genStateless() {
	q, p := g.q, g.q.plan
	var body []jen.Code
	switch {
	case p.Events == plan.ExpiredEvents:
		body = []jen.Code{jen.Comment("Without a window there are no expired events: nothing is emitted.")}
	case p.Limit == 0:
		body = []jen.Code{jen.Comment("LIMIT 0: nothing is emitted.")}
	default:
		body = g.statelessBody()
	}
	g.decl(g.header(), jen.Func().Add(g.recv()).Id(q.Method).Params(jen.Id("in").Add(chunkOf(q.in.Type))).Block(body...))
}

// prefilters reports whether the query's WHERE becomes a q<N>Accepts method
// that Send<T> can test before building the input chunk: a stateless query
// emitting current rows, whose condition only computes on the event's
// attributes and the clock (no function calls, no tables: testing it twice
// is cheap and the same as once).
func (q *query) prefilters() bool {
	p := q.plan
	if q.stateful() || p.Where == nil || p.Events == plan.ExpiredEvents || p.Limit == 0 {
		return false
	}
	pure := true
	walk(p.Where, func(x plan.Expr) {
		switch x := x.(type) {
		case *plan.Ref:
			pure = pure && x.Source == 0 && x.Index == nil && !x.TableRow
		case *plan.Const, *plan.Binary, *plan.Unary, *plan.Convert, *plan.IsNull, *plan.InList,
			*plan.Case, *plan.Coalesce, *plan.Extreme, *plan.Like, *plan.EventTime, *plan.Now:
		default:
			pure = false
		}
	})
	return pure
}

// genAccepts emits q<N>Accepts, the query's WHERE condition, unless the
// condition is constant; it reports whether it did (query.accepts).
func (g *qgen) genAccepts() bool {
	q := g.q
	b := g.m.builder(expr.Env{In: jen.Id("e"), InFields: q.in.Fields, TS: jen.Id("ts"), Now: aField("now")})
	reject, always, never := b.Reject(q.plan.Where)
	if always || never {
		return false
	}
	b.Emit(jen.Return(jen.Op("!").Parens(reject)))
	q.accepts = true
	g.decl([]string{fmt.Sprintf("%s reports whether e passes %s's WHERE condition (line %d).", q.name("Accepts"), q.Method, q.plan.Line)},
		jen.Func().Add(g.recv()).Id(q.name("Accepts")).Params(jen.Id("ts").Int64(), jen.Id("e").Op("*").Id(q.in.Type)).Bool().Block(b.Take()...))
	return true
}

func (g *qgen) statelessBody() []jen.Code {
	q, p := g.q, g.q.plan
	ts := jen.Id("in").Dot("TS").Index(jen.Id("i"))
	b := g.m.builder(expr.Env{
		In: jen.Id("e"), InFields: q.in.Fields,
		Out: jen.Id("row"), OutFields: q.out.Fields,
		TS: ts, Now: aField("now"),
	})
	if q.prefilters() && g.genAccepts() {
		b.Emit(jen.If(jen.Op("!").Add(q.f("Accepts")).Call(ts, jen.Id("e"))).Block(jen.Continue()))
	} else if p.Where != nil {
		reject, always, never := b.Reject(p.Where)
		switch {
		case always:
			return []jen.Code{jen.Comment("The WHERE condition is never true: nothing is emitted.")}
		case !never:
			b.Emit(jen.If(reject).Block(jen.Continue()))
		}
	}
	b.Emit(jen.Id("row").Op(":=").Id("out").Dot("Append").Call(ts))
	g.project(b)
	if p.Having != nil {
		reject, always, never := b.Reject(p.Having)
		switch {
		case always:
			return []jen.Code{jen.Comment("The HAVING condition is never true: nothing is emitted.")}
		case !never:
			b.Emit(jen.If(reject).Block(jen.Id("out").Dot("DropLast").Call()))
		}
	}
	head := []jen.Code{jen.Id("e").Op(":=").Op("&").Id("in").Dot("Ev").Index(jen.Id("i"))}
	if !readsInput(p) {
		head = append(head, jen.Id("_").Op("=").Id("e").Comment("no clause reads the event"))
	}
	loop := jen.For(jen.Id("i").Op(":=").Range().Id("in").Dot("Ev")).Block(append(head, b.Take()...)...)
	body := []jen.Code{g.outChunk()}
	if !q.cyclic {
		body = append(body, jen.Id("out").Dot("Reset").Call())
	}
	body = append(body, loop)
	if p.Offset > 0 || p.Limit > 0 {
		body = append(body, jen.Id("out").Dot("Keep").Call(jen.Lit(int(p.Offset)), jen.Lit(int(p.Limit))).Comment("OFFSET, LIMIT"))
	}
	body = append(body, jen.If(jen.Id("out").Dot("Len").Call().Op(">").Lit(0)).Block(
		aField("emit"+q.out.Type).Call(jen.Id("out"))))
	return body
}

// project fills `row` (zeroed) with the select list, widened to the
// target's column types, and its null mask. Columns that copy the input
// event's attribute at their own position copy their null bits with one
// mask.
func (g *qgen) project(b *expr.Builder) {
	q := g.q
	var kept uint64
	if q.join == nil && q.pat == nil && q.in != nil {
		for i, c := range q.plan.Select {
			if r, ok := c.Expr.(*plan.Ref); ok && r.Source == 0 && r.Index == nil && !r.TableRow &&
				r.Attr == i && r.T == q.out.plan.Attrs[i].Type {
				kept |= 1 << i
			}
		}
	}
	if kept != 0 {
		b.Emit(jen.Id("row").Dot("Null").Op("=").Id("e").Dot("Null").Op("&").Id(fmt.Sprintf("%#b", kept)).
			Comment("the null bits of the columns copied from the same position"))
	}
	for i, c := range q.plan.Select {
		if kept&(1<<i) != 0 {
			b.Emit(jen.Id("row").Dot(q.out.Fields[i]).Op("=").Id("e").Dot(q.in.Fields[i]))
			continue
		}
		v := b.Widen(b.Value(c.Expr), q.out.plan.Attrs[i].Type)
		set := jen.Id("row").Dot("Null").Dot("Set").Call(jen.Lit(i))
		if v.AlwaysNull {
			b.Emit(set)
			continue
		}
		b.Emit(jen.Id("row").Dot(q.out.Fields[i]).Op("=").Add(v.Code()))
		if v.Nullable() {
			b.Emit(jen.If(v.NullCode()).Block(set))
		}
	}
	if u := q.upsert; u != nil {
		u.project(b)
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

// builder returns an expression builder over env that compiles IN-table
// conditions with the app's tables.
func (m *model) builder(env expr.Env) *expr.Builder {
	env.InTable = m.inTable
	return expr.NewBuilder(env)
}

// readsInput reports whether a stream query's clauses read its input
// event's attributes.
func readsInput(p *plan.Query) bool {
	reads := false
	visit := func(e plan.Expr) {
		if r, ok := e.(*plan.Ref); ok && !r.TableRow {
			reads = true
		}
	}
	walk(p.Where, visit)
	for _, c := range p.Select {
		walk(c.Expr, visit)
	}
	walk(p.Having, visit)
	return reads
}
