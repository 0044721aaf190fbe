package codegen

import (
	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/codegen/names"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// table is one table of the app (§3.2, §9): a generated row struct kept in
// an rt.Rows (insertion order, O(1) delete) and, with a primary key, an
// rt.Table from the key struct to the row's slot.
type table struct {
	plan   *plan.Table
	Type   string   // Go struct type of a row, e.g. StockTable
	Fields []string // Go field names by attribute ordinal
	Rows   string   // App field holding the rows, e.g. tableStockTable
	Key    string   // Go key struct type, "" without a primary key
	Index  string   // App field of the key index
	// as is the table seen as the target of INSERT INTO: a stream-like
	// value whose emit method inserts the rows of a chunk.
	as *stream
}

func (m *model) newTables(top, members *names.Scope) {
	m.byTable = map[*plan.Table]*table{}
	for _, t := range m.app.Tables {
		tb := &table{plan: t, Type: top.Take(names.Exported(t.Name))}
		fields := names.NewScope("Null")
		for _, a := range t.Attrs {
			tb.Fields = append(tb.Fields, fields.Take(names.Exported(a.Name)))
		}
		tb.Rows = members.Take("table" + tb.Type)
		if len(t.PrimaryKey) > 0 {
			tb.Key = top.Take(tb.Type + "Key")
			tb.Index = members.Take("table" + tb.Type + "Key")
		}
		tb.as = &stream{plan: &plan.Stream{Name: t.Name, Attrs: t.Attrs, Pos: t.Pos}, Type: tb.Type, Fields: tb.Fields, table: tb}
		members.Take("emit" + tb.Type)
		members.Take("insert" + tb.Type)
		members.Take("delete" + tb.Type)
		members.Take("set" + tb.Type)
		m.tables = append(m.tables, tb)
		m.byTable[t] = tb
	}
}

func (t *table) rows() *jen.Statement  { return aField(t.Rows) }
func (t *table) index() *jen.Statement { return aField(t.Index) }

// keyOf is the key of row r (a pointer): keyOf<T>(r).
func (t *table) keyOf(r jen.Code) *jen.Statement { return jen.Id("keyOf" + t.Type).Call(r) }

// genTables emits the row types, key types and storage helpers.
func (m *model) genTables(f *jen.File) {
	for _, t := range m.tables {
		fields := []jen.Code{}
		for i, a := range t.plan.Attrs {
			fields = append(fields, jen.Id(t.Fields[i]).Add(expr.GoType(a.Type)))
		}
		fields = append(fields, jen.Id("Null").Qual(rtPath, "NullMask").Comment("bit i set: column i is null"))
		f.Commentf("%s is a row of table %s (line %d).", t.Type, t.plan.Name, t.plan.Pos.Line)
		f.Type().Id(t.Type).Struct(fields...)
		f.Line()
		if t.Key != "" {
			kf := []jen.Code{}
			set := []jen.Code{jen.Var().Id("k").Id(t.Key)}
			for _, i := range t.plan.PrimaryKey {
				fl := t.Fields[i]
				kf = append(kf, jen.Id(fl).Add(expr.GoType(t.plan.Attrs[i].Type)), jen.Id(fl+"Null").Bool())
				set = append(set, jen.If(jen.Id("r").Dot("Null").Dot("Is").Call(jen.Lit(i))).Block(
					jen.Id("k").Dot(fl+"Null").Op("=").True(),
				).Else().Block(jen.Id("k").Dot(fl).Op("=").Id("r").Dot(fl)))
			}
			f.Commentf("%s is a primary key of table %s (null equals null).", t.Key, t.plan.Name)
			f.Type().Id(t.Key).Struct(kf...)
			f.Line()
			f.Commentf("keyOf%s is the primary key of row r.", t.Type)
			f.Func().Id("keyOf" + t.Type).Params(jen.Id("r").Op("*").Id(t.Type)).Id(t.Key).Block(append(set, jen.Return(jen.Id("k")))...)
			f.Line()
		}
		m.genTableHelpers(f, t)
	}
}

func (m *model) genTableHelpers(f *jen.File, t *table) {
	row := jen.Id("row").Op("*").Id(t.Type)
	// insert
	var ins []jen.Code
	if t.Key != "" {
		ins = []jen.Code{
			jen.List(jen.Id("ki"), jen.Id("isNew")).Op(":=").Add(t.index()).Dot("Lookup").Call(t.keyOf(jen.Id("row"))),
			jen.If(jen.Op("!").Id("isNew")).Block(jen.Return().Comment("a row with this key exists: dropped")),
			jen.List(jen.Id("ri"), jen.Id("r")).Op(":=").Add(t.rows()).Dot("Add").Call(),
			jen.Op("*").Id("r").Op("=").Op("*").Id("row"),
			jen.Op("*").Add(t.index()).Dot("At").Call(jen.Id("ki")).Op("=").Id("ri"),
		}
		f.Commentf("insert%s appends row to table %s unless a row with its primary key", t.Type, t.plan.Name)
		f.Comment("exists (§9.1).")
	} else {
		ins = []jen.Code{
			jen.List(jen.Id("_"), jen.Id("r")).Op(":=").Add(t.rows()).Dot("Add").Call(),
			jen.Op("*").Id("r").Op("=").Op("*").Id("row"),
		}
		f.Commentf("insert%s appends row to table %s (§9.1).", t.Type, t.plan.Name)
	}
	f.Func().Add(recv()).Id("insert" + t.Type).Params(row).Block(ins...)
	f.Line()
	f.Commentf("emit%s inserts the rows of an output chunk into table %s.", t.Type, t.plan.Name)
	f.Func().Add(recv()).Id("emit" + t.Type).Params(jen.Id("c").Add(chunkOf(t.Type))).Block(
		jen.For(jen.Id("i").Op(":=").Range().Id("c").Dot("Ev")).Block(
			aField("insert" + t.Type).Call(jen.Op("&").Id("c").Dot("Ev").Index(jen.Id("i")))))
	f.Line()
	// delete
	del := []jen.Code{}
	if t.Key != "" {
		del = append(del,
			jen.If(jen.List(jen.Id("ki"), jen.Id("ok")).Op(":=").Add(t.index()).Dot("Find").Call(t.keyOf(t.rows().Dot("At").Call(jen.Id("ri")))),
				jen.Id("ok").Op("&&").Op("*").Add(t.index()).Dot("At").Call(jen.Id("ki")).Op("==").Id("ri")).Block(
				t.index().Dot("Delete").Call(jen.Id("ki"))))
	}
	del = append(del, t.rows().Dot("Delete").Call(jen.Id("ri")))
	f.Commentf("delete%s removes the row in slot ri of table %s.", t.Type, t.plan.Name)
	f.Func().Add(recv()).Id("delete" + t.Type).Params(jen.Id("ri").Int32()).Block(del...)
	f.Line()
	// set
	set := []jen.Code{jen.Id("r").Op(":=").Add(t.rows()).Dot("At").Call(jen.Id("ri"))}
	if t.Key != "" {
		set = append(set,
			jen.If(jen.List(jen.Id("old"), jen.Id("k")).Op(":=").List(t.keyOf(jen.Id("r")), t.keyOf(jen.Id("row"))), jen.Id("old").Op("!=").Id("k")).Block(
				jen.If(jen.List(jen.Id("ki"), jen.Id("ok")).Op(":=").Add(t.index()).Dot("Find").Call(jen.Id("old")),
					jen.Id("ok").Op("&&").Op("*").Add(t.index()).Dot("At").Call(jen.Id("ki")).Op("==").Id("ri")).Block(
					t.index().Dot("Delete").Call(jen.Id("ki"))),
				jen.List(jen.Id("ki"), jen.Id("_")).Op(":=").Add(t.index()).Dot("Lookup").Call(jen.Id("k")),
				jen.Op("*").Add(t.index()).Dot("At").Call(jen.Id("ki")).Op("=").Id("ri"),
			))
	}
	set = append(set, jen.Op("*").Id("r").Op("=").Op("*").Id("row"))
	f.Commentf("set%s overwrites the row in slot ri of table %s, keeping its position.", t.Type, t.plan.Name)
	f.Func().Add(recv()).Id("set"+t.Type).Params(jen.Id("ri").Int32(), row).Block(set...)
	f.Line()
}

// tableFields are the App fields of the tables.
func (m *model) tableFields() []jen.Code {
	var out []jen.Code
	for _, t := range m.tables {
		out = append(out, jen.Id(t.Rows).Qual(rtPath, "Rows").Types(jen.Id(t.Type)).Comment("table "+t.plan.Name+", in insertion order"))
		if t.Key != "" {
			out = append(out, jen.Id(t.Index).Qual(rtPath, "Table").Types(jen.Id(t.Key), jen.Int32()).Comment("table "+t.plan.Name+": primary key to row slot"))
		}
	}
	return out
}

// pkLookup returns, for every primary-key column of t, an expression that
// cond requires the column to equal (a top-level conjunct row.c = x where
// x does not read the row), or nil when some column has none.
func pkLookup(t *table, cond plan.Expr, isRow func(*plan.Ref) bool) []plan.Expr {
	if len(t.plan.PrimaryKey) == 0 || cond == nil {
		return nil
	}
	found := map[int]plan.Expr{}
	for _, c := range splitAnd(cond) {
		bin, ok := c.(*plan.Binary)
		if !ok || bin.Op != plan.OpEq {
			continue
		}
		for _, pair := range [][2]plan.Expr{{bin.L, bin.R}, {bin.R, bin.L}} {
			r, ok := pair[0].(*plan.Ref)
			if !ok || !isRow(r) || readsRow(pair[1], isRow) || hasAgg(pair[1]) {
				continue
			}
			if _, dup := found[r.Attr]; !dup {
				found[r.Attr] = pair[1]
			}
		}
	}
	var out []plan.Expr
	for _, i := range t.plan.PrimaryKey {
		x, ok := found[i]
		if !ok {
			return nil
		}
		out = append(out, x)
	}
	return out
}

func splitAnd(e plan.Expr) []plan.Expr {
	if b, ok := e.(*plan.Binary); ok && b.Op == plan.OpAnd {
		return append(splitAnd(b.L), splitAnd(b.R)...)
	}
	return []plan.Expr{e}
}

func readsRow(e plan.Expr, isRow func(*plan.Ref) bool) bool {
	found := false
	walk(e, func(x plan.Expr) {
		if r, ok := x.(*plan.Ref); ok && isRow(r) {
			found = true
		}
		if _, ok := x.(*plan.InTable); ok {
			found = true // conservative: nested searches stay scans
		}
	})
	return found
}

func refsRow(e plan.Expr, isRow func(*plan.Ref) bool) bool {
	found := false
	walk(e, func(x plan.Expr) {
		if r, ok := x.(*plan.Ref); ok && isRow(r) {
			found = true
		}
	})
	return found
}

func hasAgg(e plan.Expr) bool {
	found := false
	walk(e, func(x plan.Expr) {
		if _, ok := x.(*plan.Agg); ok {
			found = true
		}
	})
	return found
}

func isTableRow(r *plan.Ref) bool { return r.TableRow && r.Nest == 0 }

// eachRow emits, into b, the search of table t for the rows that make cond
// true (nil: every row), in table order, running body for each with the
// row's slot and a pointer to it in the variables named by ri and r.
// Through the primary key when cond fixes it, else by a scan; deleting
// (the body may delete the row) makes the scan read the next slot first.
func (m *model) eachRow(b *expr.Builder, t *table, cond plan.Expr, isRow func(*plan.Ref) bool, ri, r string, deleting bool, body func() []jen.Code) {
	match := func() []jen.Code {
		return b.Block(func() {
			b.WithRow(isRow, jen.Id(r), t.Fields, func() {
				if !refsRow(cond, isRow) {
					b.Emit(jen.Id("_").Op("=").Id(r).Comment("the condition does not read the row"))
				}
				if cond == nil {
					b.Emit(body()...)
					return
				}
				ok := b.True(cond)
				b.Emit(jen.If(ok).Block(body()...))
			})
		})
	}
	if keys := pkLookup(t, cond, isRow); keys != nil {
		k := b.NewTemp() + "Key"
		b.Emit(jen.Var().Id(k).Id(t.Key))
		var notNull []jen.Code
		for j, x := range keys {
			col := t.plan.PrimaryKey[j]
			v := b.Reuse(b.Value(x))
			if v.AlwaysNull {
				b.Emit(jen.Comment("the key is null: no row matches"))
				return
			}
			b.Emit(jen.Id(k).Dot(t.Fields[col]).Op("=").Add(v.Code()))
			if v.Nullable() {
				notNull = append(notNull, v.NotNullCode())
			}
		}
		ki := b.NewTemp()
		lookup := jen.If(jen.List(jen.Id(ki), jen.Id("ok")).Op(":=").Add(t.index()).Dot("Find").Call(jen.Id(k)), jen.Id("ok")).Block(
			append([]jen.Code{
				jen.Id(ri).Op(":=").Op("*").Add(t.index()).Dot("At").Call(jen.Id(ki)),
				jen.Id(r).Op(":=").Add(t.rows()).Dot("At").Call(jen.Id(ri)),
			}, match()...)...)
		if len(notNull) > 0 {
			var c *jen.Statement
			for i, x := range notNull {
				if i == 0 {
					c = jen.Add(x)
				} else {
					c = c.Op("&&").Add(x)
				}
			}
			b.Emit(jen.If(c).Block(lookup).Comment("a null key matches no row (= is unknown)"))
		} else {
			b.Emit(lookup)
		}
		return
	}
	inner := append([]jen.Code{jen.Id(r).Op(":=").Add(t.rows()).Dot("At").Call(jen.Id(ri))}, match()...)
	if deleting {
		next := ri + "Next"
		b.Emit(jen.For(
			jen.List(jen.Id(ri), jen.Id(next)).Op(":=").List(t.rows().Dot("First").Call(), jen.Int32().Call(jen.Lit(0))),
			jen.Id(ri).Op(">=").Lit(0),
			jen.Id(ri).Op("=").Id(next),
		).Block(append([]jen.Code{jen.Id(next).Op("=").Add(t.rows()).Dot("Next").Call(jen.Id(ri))}, inner...)...))
		return
	}
	b.Emit(jen.For(
		jen.Id(ri).Op(":=").Add(t.rows()).Dot("First").Call(),
		jen.Id(ri).Op(">=").Lit(0),
		jen.Id(ri).Op("=").Add(t.rows()).Dot("Next").Call(jen.Id(ri)),
	).Block(inner...))
}

// inTable compiles (cond) IN T (§9.5): true iff some row makes cond true.
func (m *model) inTable(b *expr.Builder, e *plan.InTable) expr.Value {
	t := m.byTable[e.Table]
	res := b.NewTemp()
	b.Emit(jen.Id(res).Op(":=").False())
	n := b.NewTemp()
	isRow := func(r *plan.Ref) bool { return r.TableRow && r.Nest == e.Nest }
	m.eachRow(b, t, e.Cond, isRow, n+"Slot", n+"Row", false, func() []jen.Code {
		return []jen.Code{jen.Id(res).Op("=").True()}
	})
	return expr.External(types.Bool, jen.Id(res), nil)
}

// genTableStatement emits UPDATE, DELETE and UPSERT (§9.2-9.4): per event
// of the input chunk, the rows the condition selects are changed in place.
func (g *qgen) genTableStatement() {
	q, p := g.q, g.q.plan
	t := q.out.table
	b := g.m.builder(expr.Env{
		In: jen.Id("e"), InFields: q.in.Fields,
		Out: jen.Id("row"), OutFields: t.Fields,
		TS: tsI(), Now: aField("now"),
	})
	b.Emit(jen.Id("e").Op(":=").Op("&").Id("in").Dot("Ev").Index(jen.Id("i")))
	readsEvent := false
	visit := func(x plan.Expr) {
		if r, ok := x.(*plan.Ref); ok && !r.TableRow {
			readsEvent = true
		}
	}
	walk(p.Where, visit)
	walk(p.On, visit)
	walk(p.Having, visit)
	for _, s := range p.Set {
		walk(s.Expr, visit)
	}
	for _, c := range p.Select {
		walk(c.Expr, visit)
	}
	if !readsEvent {
		b.Emit(jen.Id("_").Op("=").Id("e").Comment("the statement does not read the event"))
	}
	switch p.Kind {
	case plan.Update:
		g.m.eachRow(b, t, p.Where, isTableRow, "ri", "r", false, func() []jen.Code {
			return b.Block(func() {
				b.Emit(jen.Id("nr").Op(":=").Op("*").Id("r").Comment("right-hand sides read the old values"))
				for _, s := range p.Set {
					col := t.plan.Attrs[s.Col]
					v := b.Widen(b.Value(s.Expr), col.Type)
					if v.AlwaysNull {
						b.Emit(jen.Id("nr").Dot("Null").Dot("Set").Call(jen.Lit(s.Col)))
						continue
					}
					b.Emit(jen.Id("nr").Dot(t.Fields[s.Col]).Op("=").Add(v.Code()))
					if v.Nullable() {
						b.Emit(jen.If(v.NullCode()).Block(jen.Id("nr").Dot("Null").Dot("Set").Call(jen.Lit(s.Col))).Else().Block(
							jen.Id("nr").Dot("Null").Dot("Clear").Call(jen.Lit(s.Col))))
					} else {
						b.Emit(jen.Id("nr").Dot("Null").Dot("Clear").Call(jen.Lit(s.Col)))
					}
				}
				b.Emit(aField("set"+t.Type).Call(jen.Id("ri"), jen.Op("&").Id("nr")))
			})
		})
	case plan.Delete:
		g.m.eachRow(b, t, p.Where, isTableRow, "ri", "r", true, func() []jen.Code {
			return []jen.Code{aField("delete" + t.Type).Call(jen.Id("ri"))}
		})
	case plan.Upsert:
		if p.Where != nil {
			reject, always, never := b.Reject(p.Where)
			switch {
			case always:
				g.queryMethod(jen.Comment("The WHERE condition is never true: nothing is written."))
				return
			case !never:
				b.Emit(jen.If(reject).Block(jen.Continue()))
			}
		}
		g.field("Row", jen.Id(t.Type), "the row being upserted")
		b.Emit(jen.Id("row").Op(":=").Op("&").Add(q.f("Row")), jen.Op("*").Id("row").Op("=").Id(t.Type).Values())
		g.project(b)
		if p.Having != nil {
			reject, always, never := b.Reject(p.Having)
			switch {
			case always:
				g.queryMethod(jen.Comment("The HAVING condition is never true: nothing is written."))
				return
			case !never:
				b.Emit(jen.If(reject).Block(jen.Continue()))
			}
		}
		b.Emit(jen.Id("found").Op(":=").False())
		g.m.eachRow(b, t, p.On, isTableRow, "ri", "r", false, func() []jen.Code {
			return []jen.Code{jen.Id("found").Op("=").True(), aField("set"+t.Type).Call(jen.Id("ri"), jen.Id("row"))}
		})
		b.Emit(jen.If(jen.Op("!").Id("found")).Block(aField("insert" + t.Type).Call(jen.Id("row"))))
	}
	g.queryMethod(jen.For(jen.Id("i").Op(":=").Range().Id("in").Dot("Ev")).Block(b.Take()...))
}
