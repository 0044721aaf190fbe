package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/codegen/names"
	"github.com/efluxc/efluxc/compiler/plan"
)

// upsert is an UPSERT whose select body needs the selector: a window,
// aggregation, GROUP BY, ORDER BY, LIMIT/OFFSET or output rate (§9.4 only
// requires a single stream). The query is generated like an INSERT into a
// stream whose rows are the table's columns plus one hidden column per
// input attribute that ON reads (S.c: the attribute of the event that
// produced the row, §9.4); the stream's emit method upserts each row.
type upsert struct {
	q    *query
	tb   *table
	refs []*plan.Ref // the input attributes ON reads, one per attribute
	col  map[int]int // attribute ordinal -> hidden column index (after the table's)
	row  *stream     // the extended row
}

func (m *model) newUpsert(q *query, top, members *names.Scope) *upsert {
	tb := m.byTable[q.plan.TargetTable]
	u := &upsert{q: q, tb: tb, col: map[int]int{}}
	attrs := append([]plan.Attr(nil), tb.plan.Attrs...)
	fields := append([]string(nil), tb.Fields...)
	scope := names.NewScope(append([]string{"Null"}, tb.Fields...)...)
	walk(q.plan.On, func(e plan.Expr) {
		r, ok := e.(*plan.Ref)
		if !ok || r.TableRow {
			return
		}
		if _, seen := u.col[r.Attr]; seen {
			return
		}
		u.col[r.Attr] = len(attrs)
		u.refs = append(u.refs, r)
		a := q.in.plan.Attrs[r.Attr]
		attrs = append(attrs, plan.Attr{Name: a.Name, Type: a.Type})
		fields = append(fields, scope.Take("On"+q.in.Fields[r.Attr]))
	})
	u.row = &stream{
		plan:   &plan.Stream{Name: tb.plan.Name, Attrs: attrs, Pos: tb.plan.Pos},
		Type:   top.Take(names.Exported(q.Method) + "Upsert"),
		Fields: fields,
	}
	members.Take("emit" + u.row.Type)
	q.out = u.row
	return u
}

// project sets the hidden columns of `row` from the event being selected.
func (u *upsert) project(b *expr.Builder) {
	for _, r := range u.refs {
		i := u.col[r.Attr]
		v := b.Value(r)
		b.Emit(jen.Id("row").Dot(u.row.Fields[i]).Op("=").Add(v.Code()))
		if v.Nullable() {
			b.Emit(jen.If(v.NullCode()).Block(jen.Id("row").Dot("Null").Dot("Set").Call(jen.Lit(i))))
		}
	}
}

// genUpsertSink emits the extended row type and its emit method: for each
// row o, the table rows for which ON is true are overwritten with o's
// table columns, or o is inserted when there is none (§9.4).
func (g *qgen) genUpsertSink() {
	q, u := g.q, g.q.upsert
	t := u.tb
	fields := []jen.Code{}
	for i, a := range u.row.plan.Attrs {
		f := jen.Id(u.row.Fields[i]).Add(expr.GoType(a.Type))
		if i >= len(t.Fields) {
			f.Comment("hidden: " + q.in.plan.Name + "." + a.Name + " of the event that produced the row, read by ON")
		}
		fields = append(fields, f)
	}
	fields = append(fields, jen.Id("Null").Qual(rtPath, "NullMask").Comment("bit i set: column i is null"))
	g.decl([]string{u.row.Type + " is a row of " + q.Method + " before it is upserted into table " + t.plan.Name + "."},
		jen.Type().Id(u.row.Type).Struct(fields...))
	n := len(t.Fields)
	b := g.m.builder(expr.Env{
		Out: jen.Id("o"), OutFields: u.row.Fields,
		TS: jen.Id("c").Dot("TS").Index(jen.Id("i")), Now: aField("now"),
		Ref: func(r *plan.Ref) expr.Slot {
			i := u.col[r.Attr]
			return expr.Slot{Val: jen.Id("o").Dot(u.row.Fields[i]), Null: jen.Id("o").Dot("Null").Dot("Is").Call(jen.Lit(i))}
		},
	})
	vals := jen.Dict{}
	for i, f := range t.Fields {
		vals[jen.Id(f)] = jen.Id("o").Dot(u.row.Fields[i])
	}
	vals[jen.Id("Null")] = jen.Id("o").Dot("Null").Op("&").Qual(rtPath, "NullMask").Call(jen.Lit(uint64(1)<<uint(n) - 1))
	b.Emit(
		jen.Id("o").Op(":=").Op("&").Id("c").Dot("Ev").Index(jen.Id("i")),
		jen.Id("row").Op(":=").Id(t.Type).Values(vals),
		jen.Id("found").Op(":=").False(),
	)
	g.m.eachRow(b, t, q.plan.On, isTableRow, rowLoop{ri: "ri", r: "r"}, func() []jen.Code {
		return []jen.Code{jen.Id("found").Op("=").True(), aField("set"+t.Type).Call(jen.Id("ri"), jen.Op("&").Id("row"))}
	})
	b.Emit(jen.If(jen.Op("!").Id("found")).Block(aField("insert" + t.Type).Call(jen.Op("&").Id("row"))))
	g.decl([]string{"emit" + u.row.Type + " upserts the rows of " + q.Method + "'s output chunk into table " + t.plan.Name + " (§9.4)."},
		jen.Func().Add(recv()).Id("emit"+u.row.Type).Params(jen.Id("c").Add(chunkOf(u.row.Type))).Block(
			jen.For(jen.Id("i").Op(":=").Range().Id("c").Dot("Ev")).Block(b.Take()...)))
}
