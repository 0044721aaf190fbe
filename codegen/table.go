package codegen

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/codegen/names"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// table is one table of the app (§3.2, §9): a generated row struct kept in
// an rt.Rows (insertion order, O(1) delete) and its hash indexes.
type table struct {
	plan   *plan.Table
	Type   string   // Go struct type of a row, e.g. StockTable
	Fields []string // Go field names by attribute ordinal
	Rows   string   // App field holding the rows, e.g. tableStockTable
	// indexes are the primary key's index (first, when there is a primary
	// key) and the secondary indexes the optimizer chose.
	indexes []*tableIndex
	// as is the table seen as the target of INSERT INTO: a stream-like
	// value whose emit method inserts the rows of a chunk.
	as *stream
}

// tableIndex is a hash index of a table: an rt.RowIndex from a key struct
// of the indexed columns to the slots of the rows holding it, in table
// order. The primary key's is a multimap too: an UPDATE may give two rows
// one key (§9.2 leaves it unspecified), and a lookup must then find both,
// as a scan would.
type tableIndex struct {
	plan  *plan.TableIndex
	Key   string // Go key struct type, e.g. StockTableKey, StockTableBySymbolKey
	KeyOf string // func computing a row's key, e.g. keyOfStockTableBySymbol
	Field string // App field, e.g. tableStockTableBySymbol
}

func (x *tableIndex) index() *jen.Statement { return aField(x.Field) }

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
			tb.indexes = append(tb.indexes, &tableIndex{
				plan:  &plan.TableIndex{Table: t, Cols: t.PrimaryKey, PrimaryKey: true},
				Key:   top.Take(tb.Type + "Key"),
				KeyOf: top.Take("keyOf" + tb.Type),
				Field: members.Take("table" + tb.Type + "Key"),
			})
		}
		for _, x := range m.phys.SecondaryIndexes(t) {
			by := "By"
			for _, c := range x.Cols {
				by += tb.Fields[c]
			}
			tb.indexes = append(tb.indexes, &tableIndex{
				plan:  x,
				Key:   top.Take(tb.Type + by + "Key"),
				KeyOf: top.Take("keyOf" + tb.Type + by),
				Field: members.Take("table" + tb.Type + by),
			})
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

func (t *table) rows() *jen.Statement { return aField(t.Rows) }

// primaryKey is the primary key's index, nil without a primary key.
func (t *table) primaryKey() *tableIndex {
	if len(t.indexes) > 0 && t.indexes[0].plan.PrimaryKey {
		return t.indexes[0]
	}
	return nil
}

// indexFor is the index a search chose.
func (t *table) indexFor(x *plan.TableIndex) *tableIndex {
	if x.PrimaryKey {
		return t.primaryKey()
	}
	for _, ti := range t.indexes {
		if ti.plan == x {
			return ti
		}
	}
	panic("codegen: no index of table " + t.plan.Name + " on (" + t.plan.ColNames(x.Cols) + ")")
}

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
		for _, x := range t.indexes {
			doc := []string{fmt.Sprintf("%s is a primary key of table %s (null equals null).", x.Key, t.plan.Name)}
			if !x.plan.PrimaryKey {
				doc = []string{fmt.Sprintf("%s is a key of table %s's secondary index on (%s): the", x.Key, t.plan.Name, t.plan.ColNames(x.plan.Cols)),
					"optimizer chose it for searches that fix those columns."}
			}
			t.genKey(f, x.Key, x.KeyOf, x.plan.Cols, doc...)
		}
		m.genTableHelpers(f, t)
	}
}

// genKey emits the key struct typ of columns cols and keyOf, the function
// computing a row's key (a null column sets its flag: null equals null).
func (t *table) genKey(f *jen.File, typ, keyOf string, cols []int, doc ...string) {
	kf := []jen.Code{}
	set := []jen.Code{jen.Var().Id("k").Id(typ)}
	for _, i := range cols {
		fl := t.Fields[i]
		kf = append(kf, jen.Id(fl).Add(expr.GoType(t.plan.Attrs[i].Type)), jen.Id(fl+"Null").Bool())
		set = append(set, jen.If(jen.Id("r").Dot("Null").Dot("Is").Call(jen.Lit(i))).Block(
			jen.Id("k").Dot(fl+"Null").Op("=").True(),
		).Else().Block(jen.Id("k").Dot(fl).Op("=").Id("r").Dot(fl)))
	}
	for _, d := range doc {
		f.Comment(d)
	}
	f.Type().Id(typ).Struct(kf...)
	f.Line()
	f.Commentf("%s is the key of row r in %s.", keyOf, typ)
	f.Func().Id(keyOf).Params(jen.Id("r").Op("*").Id(t.Type)).Id(typ).Block(append(set, jen.Return(jen.Id("k")))...)
	f.Line()
}

func (m *model) genTableHelpers(f *jen.File, t *table) {
	row := jen.Id("row").Op("*").Id(t.Type)
	// insert
	var ins []jen.Code
	ri := "_"
	if len(t.indexes) > 0 {
		ri = "ri"
	}
	if pk := t.primaryKey(); pk != nil {
		ins = append(ins,
			jen.Id("k").Op(":=").Id(pk.KeyOf).Call(jen.Id("row")),
			jen.If(pk.index().Dot("First").Call(jen.Id("k")).Op(">=").Lit(0)).Block(jen.Return().Comment("a row with this key exists: dropped")))
		f.Commentf("insert%s appends row to table %s unless a row with its primary key", t.Type, t.plan.Name)
		f.Comment("exists (§9.1).")
	} else {
		f.Commentf("insert%s appends row to table %s (§9.1).", t.Type, t.plan.Name)
	}
	ins = append(ins,
		jen.List(jen.Id(ri), jen.Id("r")).Op(":=").Add(t.rows()).Dot("Add").Call(),
		jen.Op("*").Id("r").Op("=").Op("*").Id("row"))
	for _, x := range t.indexes {
		k := jen.Id(x.KeyOf).Call(jen.Id("r"))
		if x.plan.PrimaryKey {
			k = jen.Id("k")
		}
		ins = append(ins, x.index().Dot("Add").Call(jen.Id("ri"), k))
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
	for _, x := range t.indexes {
		del = append(del, x.index().Dot("Remove").Call(jen.Id("ri")))
	}
	del = append(del, t.rows().Dot("Delete").Call(jen.Id("ri")))
	f.Commentf("delete%s removes the row in slot ri of table %s.", t.Type, t.plan.Name)
	f.Func().Add(recv()).Id("delete" + t.Type).Params(jen.Id("ri").Int32()).Block(del...)
	f.Line()
	// set
	set := []jen.Code{jen.Id("r").Op(":=").Add(t.rows()).Dot("At").Call(jen.Id("ri"))}
	for _, x := range t.indexes {
		set = append(set, jen.If(jen.Id("k").Op(":=").Id(x.KeyOf).Call(jen.Id("row")), jen.Id("k").Op("!=").Id(x.KeyOf).Call(jen.Id("r"))).Block(
			x.index().Dot("Move").Call(jen.Id("ri"), jen.Id("k"))))
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
		for _, x := range t.indexes {
			what := "(" + t.plan.ColNames(x.plan.Cols) + ")"
			if x.plan.PrimaryKey {
				what = "primary key"
			}
			out = append(out, jen.Id(x.Field).Qual(rtPath, "RowIndex").Types(jen.Id(x.Key)).Comment("table "+t.plan.Name+": "+what+" to row slots"))
		}
	}
	return out
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

func isTableRow(r *plan.Ref) bool { return r.TableRow && r.Nest == 0 }

// rowLoop names the variables of a table search and says how it may end.
type rowLoop struct {
	ri, r    string // the found row's slot and a pointer to it
	deleting bool   // the body may delete the row: scans read the next slot first
	until    string // a bool variable whose truth ends the search ("": none)
}

// more is the loop condition: a row was found and the search goes on.
func (l rowLoop) more() *jen.Statement {
	c := jen.Id(l.ri).Op(">=").Lit(0)
	if l.until != "" {
		c = c.Op("&&").Op("!").Id(l.until)
	}
	return c
}

// nextFirst is a loop over the slots from first, reading each one's
// successor (next, a method value to call with the slot) before the body,
// which may delete or re-key the row.
func (l rowLoop) nextFirst(first, next *jen.Statement, body []jen.Code) jen.Code {
	n := l.ri + "Next"
	return jen.For(
		jen.List(jen.Id(l.ri), jen.Id(n)).Op(":=").List(first, jen.Int32().Call(jen.Lit(0))),
		l.more(),
		jen.Id(l.ri).Op("=").Id(n),
	).Block(append([]jen.Code{jen.Id(n).Op("=").Add(next).Call(jen.Id(l.ri))}, body...)...)
}

// eachRow emits, into b, the search of table t for the rows that make cond
// true (nil: every row), in table order, running body for each with the
// row's slot and pointer in the variables l names. Through the index the
// optimizer chose for cond, else by a scan.
func (m *model) eachRow(b *expr.Builder, t *table, cond plan.Expr, isRow func(*plan.Ref) bool, l rowLoop, body func() []jen.Code) {
	ri, r := l.ri, l.r
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
	if search := m.phys.TableSearchOf(cond); search != nil {
		m.lookUpRows(b, t, search, l, match)
		return
	}
	inner := append([]jen.Code{jen.Id(r).Op(":=").Add(t.rows()).Dot("At").Call(jen.Id(ri))}, match()...)
	if l.deleting {
		b.Emit(l.nextFirst(t.rows().Dot("First").Call(), t.rows().Dot("Next"), inner))
		return
	}
	b.Emit(jen.For(
		jen.Id(ri).Op(":=").Add(t.rows()).Dot("First").Call(),
		l.more(),
		jen.Id(ri).Op("=").Add(t.rows()).Dot("Next").Call(jen.Id(ri)),
	).Block(inner...))
}

// lookUpRows emits, into b, the search of table t through the index the
// optimizer chose: the key values are computed once, a null one matches no
// row (= is unknown), and match runs for each row found.
func (m *model) lookUpRows(b *expr.Builder, t *table, search *plan.TableSearch, l rowLoop, match func() []jen.Code) {
	ri, r := l.ri, l.r
	ix := t.indexFor(search.Index)
	keyType, index := ix.Key, ix.index()
	k := b.NewTemp() + "Key"
	b.Emit(jen.Var().Id(k).Id(keyType))
	var notNull *jen.Statement
	for j, x := range search.Keys {
		col := search.Index.Cols[j]
		v := b.Reuse(b.Widen(b.Value(x), t.plan.Attrs[col].Type))
		if v.AlwaysNull {
			b.Emit(jen.Comment("the key is null: no row matches"))
			return
		}
		b.Emit(jen.Id(k).Dot(t.Fields[col]).Op("=").Add(v.Code()))
		if v.Nullable() {
			if notNull == nil {
				notNull = jen.Add(v.NotNullCode())
			} else {
				notNull = notNull.Op("&&").Add(v.NotNullCode())
			}
		}
	}
	// Next is read first: the body may re-key or delete the row.
	lookup := l.nextFirst(index.Clone().Dot("First").Call(jen.Id(k)), index.Clone().Dot("Next"),
		append([]jen.Code{jen.Id(r).Op(":=").Add(t.rows()).Dot("At").Call(jen.Id(ri))}, match()...))
	if notNull != nil {
		b.Emit(jen.If(notNull).Block(lookup).Comment("a null key matches no row (= is unknown)"))
	} else {
		b.Emit(lookup)
	}
}

// inTable compiles (cond) IN T (§9.5): true iff some row makes cond true.
func (m *model) inTable(b *expr.Builder, e *plan.InTable) expr.Value {
	t := m.byTable[e.Table]
	res := b.NewTemp()
	b.Emit(jen.Id(res).Op(":=").False())
	n := b.NewTemp()
	isRow := func(r *plan.Ref) bool { return r.TableRow && r.Nest == e.Nest }
	m.eachRow(b, t, e.Cond, isRow, rowLoop{ri: n + "Slot", r: n + "Row", until: res}, func() []jen.Code {
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
		g.m.eachRow(b, t, p.Where, isTableRow, rowLoop{ri: "ri", r: "r"}, func() []jen.Code {
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
		g.m.eachRow(b, t, p.Where, isTableRow, rowLoop{ri: "ri", r: "r", deleting: true}, func() []jen.Code {
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
		g.m.eachRow(b, t, p.On, isTableRow, rowLoop{ri: "ri", r: "r"}, func() []jen.Code {
			return []jen.Code{jen.Id("found").Op("=").True(), aField("set"+t.Type).Call(jen.Id("ri"), jen.Id("row"))}
		})
		b.Emit(jen.If(jen.Op("!").Id("found")).Block(aField("insert" + t.Type).Call(jen.Id("row"))))
	}
	g.queryMethod(jen.For(jen.Id("i").Op(":=").Range().Id("in").Dot("Ev")).Block(b.Take()...))
}
