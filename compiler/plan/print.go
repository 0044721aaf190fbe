package plan

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/efluxc/efluxc/compiler/types"
)

// Print writes a compact, deterministic rendering of the plan: one block
// per stream, table, trigger and query, in definition order. efluxc explain
// and the plan tests use it.
func Print(w io.Writer, app *App) error {
	p := &printer{w: w}
	for _, s := range app.Streams {
		if s.Kind == TriggerStream {
			continue
		}
		p.line(0, "%s %s(%s)", streamKindNames[s.Kind], s.Name, attrList(s.Attrs))
	}
	for _, t := range app.Tables {
		pk := ""
		if len(t.PrimaryKey) > 0 {
			var names []string
			for _, i := range t.PrimaryKey {
				names = append(names, t.Attrs[i].Name)
			}
			pk = " primary key(" + strings.Join(names, ", ") + ")"
		}
		p.line(0, "table %s(%s)%s", t.Name, attrList(t.Attrs), pk)
	}
	for _, t := range app.Triggers {
		switch t.Kind {
		case AtStart:
			p.line(0, "trigger %s at start", t.Name)
		case AtEvery:
			p.line(0, "trigger %s every %dms", t.Name, t.Period)
		case AtCron:
			p.line(0, "trigger %s cron %q", t.Name, t.Cron)
		}
	}
	for _, st := range app.Statements {
		switch st := st.(type) {
		case *Query:
			p.query(0, st)
		case *Partition:
			p.partition(st)
		}
	}
	return p.err
}

var streamKindNames = [...]string{"stream", "stream (inferred)", "trigger", "inner stream"}

func attrList(as []Attr) string {
	parts := make([]string, len(as))
	for i, a := range as {
		parts[i] = a.Name + " " + a.Type.String()
	}
	return strings.Join(parts, ", ")
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) line(depth int, format string, args ...any) {
	if p.err != nil {
		return
	}
	_, p.err = fmt.Fprintf(p.w, "%s%s\n", strings.Repeat("  ", depth), fmt.Sprintf(format, args...))
}

var eventKindNames = [...]string{"", " expired events", " all events"}
var queryKindNames = [...]string{"insert", "update", "delete", "upsert"}

func (p *printer) query(d int, q *Query) {
	target := ""
	switch {
	case q.TargetStream != nil:
		target = q.TargetStream.Name
	case q.TargetTable != nil:
		target = q.TargetTable.Name
	}
	p.line(d, "%s: line %d: %s%s into %s", q.Name, q.Line, queryKindNames[q.Kind], eventKindNames[q.Events], target)
	d++
	switch in := q.Input.(type) {
	case *StreamInput:
		p.line(d, "from %s%s", sourceName(in.Source), windowString(in.Window))
	case *JoinInput:
		p.line(d, "join %s", [...]string{"inner", "left outer", "right outer", "full outer"}[in.Kind])
		for _, s := range []*JoinSide{in.Left, in.Right} {
			extra := ""
			if s.Unidirectional {
				extra = " unidirectional"
			}
			p.line(d+1, "side %s%s%s", sourceName(s.Source), windowString(s.Window), extra)
			if s.Filter != nil {
				p.line(d+2, "filter %s", ExprString(s.Filter))
			}
		}
		if in.On != nil {
			p.line(d+1, "on %s", ExprString(in.On))
		}
	case *PatternInput:
		mode := "pattern"
		if in.Mode == SequenceMode {
			mode = "sequence"
		}
		within := ""
		if in.Within > 0 {
			within = fmt.Sprintf(" within %dms", in.Within)
		}
		p.line(d, "%s%s", mode, within)
		for i, s := range in.States {
			p.line(d+1, "s%d %s", i+1, stateString(s, in))
		}
	}
	if q.Where != nil {
		p.line(d, "where %s", ExprString(q.Where))
	}
	for _, a := range q.Set {
		p.line(d, "set %s = %s", q.TargetTable.Attrs[a.Col].Name, ExprString(a.Expr))
	}
	if len(q.GroupBy) > 0 {
		var gs []string
		for _, g := range q.GroupBy {
			gs = append(gs, ExprString(g))
		}
		p.line(d, "group by %s", strings.Join(gs, ", "))
	}
	if len(q.Select) > 0 {
		var cols []string
		for _, c := range q.Select {
			cols = append(cols, c.Name+" = "+ExprString(c.Expr))
		}
		agg := ""
		if q.Aggregating {
			agg = " (aggregating)"
		}
		p.line(d, "select%s %s", agg, strings.Join(cols, ", "))
	}
	if q.Having != nil {
		p.line(d, "having %s", ExprString(q.Having))
	}
	if len(q.OrderBy) > 0 {
		var os []string
		for _, o := range q.OrderBy {
			s := ExprString(o.Expr)
			if o.Desc {
				s += " desc"
			}
			os = append(os, s)
		}
		p.line(d, "order by %s", strings.Join(os, ", "))
	}
	if q.Offset > 0 {
		p.line(d, "offset %d", q.Offset)
	}
	if q.Limit >= 0 {
		p.line(d, "limit %d", q.Limit)
	}
	if r := q.Rate; r != nil {
		mode := [...]string{"all", "first", "last", "snapshot"}[r.Mode]
		if r.Events > 0 {
			p.line(d, "output %s every %d events", mode, r.Events)
		} else {
			p.line(d, "output %s every %dms", mode, r.Period)
		}
	}
	if q.On != nil {
		p.line(d, "on %s", ExprString(q.On))
	}
}

func (p *printer) partition(pt *Partition) {
	p.line(0, "partition")
	for _, k := range pt.Keys {
		if k.Value != nil {
			p.line(1, "key %s of %s", ExprString(k.Value), k.Stream.Name)
			continue
		}
		var rs []string
		for _, r := range k.Ranges {
			rs = append(rs, ExprString(r.Cond)+" as "+strconv.Quote(r.Label))
		}
		p.line(1, "ranges %s of %s", strings.Join(rs, " | "), k.Stream.Name)
	}
	for _, s := range pt.Inner {
		p.line(1, "inner stream %s(%s)", s.Name, attrList(s.Attrs))
	}
	for _, q := range pt.Queries {
		p.query(1, q)
	}
}

func sourceName(s *Source) string {
	name := ""
	switch {
	case s.Stream != nil:
		name = s.Stream.Name
	case s.Table != nil:
		name = s.Table.Name
	}
	if s.Alias != "" && s.Alias != name {
		return name + " as " + s.Alias
	}
	return name
}

func windowString(w *Window) string {
	if w == nil {
		return ""
	}
	var ps []string
	for _, x := range w.Params {
		ps = append(ps, ExprString(x))
	}
	return fmt.Sprintf(" window %s(%s)", w.Kind, strings.Join(ps, ", "))
}

// StateString renders one pattern state as the plan printer does.
func StateString(s *State, in *PatternInput) string { return stateString(s, in) }

func stateString(s *State, in *PatternInput) string {
	op := func(o *Operand) string {
		if o == nil {
			return "?"
		}
		name := "?"
		if o.Stream != nil {
			name = o.Stream.Name
		}
		str := name
		if o.Absent {
			str = "not " + name
		} else if o.Source >= 0 && o.Source < len(in.Sources) && in.Sources[o.Source].Alias != "" {
			str = in.Sources[o.Source].Alias + "=" + name
		}
		if o.Filter != nil {
			str += "[" + ExprString(o.Filter) + "]"
		}
		if o.For > 0 {
			str += fmt.Sprintf(" for %dms", o.For)
		}
		return str
	}
	var b strings.Builder
	if s.EveryStart {
		b.WriteString("every( ")
	}
	switch s.Kind {
	case StateElement, StateAbsent:
		b.WriteString(op(s.Left))
	case StateCount:
		max := "inf"
		if s.Max >= 0 {
			max = strconv.Itoa(s.Max)
		}
		fmt.Fprintf(&b, "%s{%d,%s}", op(s.Left), s.Min, max)
	case StateAnd:
		fmt.Fprintf(&b, "%s and %s", op(s.Left), op(s.Right))
	case StateOr:
		fmt.Fprintf(&b, "%s or %s", op(s.Left), op(s.Right))
	}
	if s.EveryEnd {
		b.WriteString(" )")
	}
	return b.String()
}

// ExprString renders an expression compactly, fully parenthesised.
func ExprString(x Expr) string {
	switch x := x.(type) {
	case nil:
		return "<nil>"
	case *Const:
		return constString(x)
	case *Ref:
		s := x.Name
		if x.Qual != "" {
			q := x.Qual
			if x.Index != nil {
				if x.Index.Last {
					q += "[last"
					if x.Index.N > 0 {
						q += "-" + strconv.Itoa(x.Index.N)
					}
					q += "]"
				} else {
					q += "[" + strconv.Itoa(x.Index.N) + "]"
				}
			}
			s = q + "." + s
		}
		return s
	case *OutRef:
		return "out." + x.Name
	case *Binary:
		return "(" + ExprString(x.L) + " " + x.Op.String() + " " + ExprString(x.R) + ")"
	case *Unary:
		if x.Op == OpNot {
			return "(NOT " + ExprString(x.X) + ")"
		}
		return "(-" + ExprString(x.X) + ")"
	case *Convert:
		if x.Explicit {
			return "CAST(" + ExprString(x.X) + " AS " + x.T.String() + ")"
		}
		return x.T.String() + "(" + ExprString(x.X) + ")"
	case *IsNull:
		if x.Not {
			return "(" + ExprString(x.X) + " IS NOT NULL)"
		}
		return "(" + ExprString(x.X) + " IS NULL)"
	case *InList:
		return "(" + ExprString(x.X) + " IN (" + exprList(x.List) + "))"
	case *Case:
		var b strings.Builder
		b.WriteString("CASE")
		for _, w := range x.Whens {
			b.WriteString(" WHEN " + ExprString(w.Cond) + " THEN " + ExprString(w.Val))
		}
		if x.Else != nil {
			b.WriteString(" ELSE " + ExprString(x.Else))
		}
		return b.String() + " END"
	case *Coalesce:
		return "COALESCE(" + exprList(x.Args) + ")"
	case *Extreme:
		if x.Min {
			return "MINIMUM(" + exprList(x.Args) + ")"
		}
		return "MAXIMUM(" + exprList(x.Args) + ")"
	case *Call:
		return x.Name + "(" + exprList(x.Args) + ")"
	case *Like:
		return "(" + ExprString(x.X) + " LIKE " + ExprString(x.Pattern) + ")"
	case *EventTime:
		if x.Source >= 0 {
			return fmt.Sprintf("EVENTTIMESTAMP(#%d)", x.Source)
		}
		return "EVENTTIMESTAMP()"
	case *Now:
		return "NOW()"
	case *Agg:
		if x.Arg == nil {
			return x.Kind.String() + "(*)"
		}
		return x.Kind.String() + "(" + ExprString(x.Arg) + ")"
	case *InTable:
		return "(" + ExprString(x.Cond) + " IN " + x.Table.Name + ")"
	}
	return fmt.Sprintf("<%T>", x)
}

func exprList(xs []Expr) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = ExprString(x)
	}
	return strings.Join(parts, ", ")
}

func constString(k *Const) string {
	if k.IsNull {
		if k.T == types.Null {
			return "NULL"
		}
		return "NULL:" + k.T.String()
	}
	switch k.T {
	case types.Int:
		return strconv.FormatInt(k.Int, 10)
	case types.Long:
		return strconv.FormatInt(k.Int, 10) + "L"
	case types.Float:
		return strconv.FormatFloat(k.Float, 'g', -1, 32) + "F"
	case types.Double:
		s := strconv.FormatFloat(k.Float, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0"
		}
		return s
	case types.String:
		return "'" + strings.ReplaceAll(k.Str, "'", "''") + "'"
	case types.Bool:
		if k.Bool {
			return "TRUE"
		}
		return "FALSE"
	}
	return "?"
}

// PrintPhysical writes the physical choices recorded in p, query by
// query (pattern states that index their waiting runs), then p's
// warnings. It writes nothing when there are none.
func PrintPhysical(w io.Writer, p *Physical) error {
	pr := &printer{w: w}
	for _, t := range p.App.Tables {
		for _, x := range p.SecondaryIndexes(t) {
			pr.line(0, "table %s: secondary hash index on (%s)", t.Name, t.ColNames(x.Cols))
		}
	}
	for _, q := range p.App.AllQueries() {
		switch q.Kind {
		case Update:
			pr.line(0, "%s update %s: %s", q.Name, q.TargetTable.Name, searchString(p, q.Where))
		case Delete:
			pr.line(0, "%s delete %s: %s", q.Name, q.TargetTable.Name, searchString(p, q.Where))
		case Upsert:
			pr.line(0, "%s upsert %s: %s", q.Name, q.TargetTable.Name, searchString(p, q.On))
		}
		rewriteQuery(q, func(x Expr) Expr {
			printInTables(pr, p, q.Name, x)
			return x
		})
		if j, ok := q.Input.(*JoinInput); ok {
			pr.line(0, "%s join: %s", q.Name, joinProbeString(j, p.JoinIndexOf(q), searchString(p, j.On)))
			continue
		}
		in, ok := q.Input.(*PatternInput)
		if !ok {
			continue
		}
		for i, s := range in.States {
			if x := p.IndexOf(s); x != nil {
				pr.line(0, "%s s%d: runs indexed by %s, probed with %s", q.Name, i+1, ExprString(x.RunKey), ExprString(x.EventKey))
			}
		}
	}
	for _, pt := range p.App.Partitions {
		for _, k := range pt.Keys {
			printInTables(pr, p, "partition key of "+k.Stream.Name, k.Value)
			for _, r := range k.Ranges {
				printInTables(pr, p, "partition key of "+k.Stream.Name, r.Cond)
			}
		}
	}
	for _, wn := range p.Warnings {
		pr.line(0, "warning: %s", wn)
	}
	return pr.err
}

// printInTables prints how each (cond) IN T within x searches T.
func printInTables(pr *printer, p *Physical, who string, x Expr) {
	Inspect(x, func(e Expr) bool {
		if it, ok := e.(*InTable); ok {
			pr.line(0, "%s IN %s: %s", who, it.Table.Name, searchString(p, it.Cond))
		}
		return true
	})
}

// searchString says how the table search with condition cond finds rows.
func searchString(p *Physical, cond Expr) string {
	s := p.TableSearchOf(cond)
	if s == nil {
		return "scanned"
	}
	var keys []string
	for _, k := range s.Keys {
		keys = append(keys, ExprString(k))
	}
	how := "hash index on"
	if s.Index.PrimaryKey {
		how = "primary-key lookup on"
	}
	return fmt.Sprintf("%s (%s) = (%s)", how, s.Index.Table.ColNames(s.Index.Cols), strings.Join(keys, ", "))
}

// joinProbeString says how each side of a join finds its partners.
func joinProbeString(j *JoinInput, x *JoinIndex, table string) string {
	keys := func(es []Expr) string {
		var s []string
		for _, e := range es {
			s = append(s, ExprString(e))
		}
		return strings.Join(s, ", ")
	}
	side := func(s *JoinSide, own []Expr) string {
		switch {
		case s.Source.Table != nil:
			return s.Source.Alias + ": table, " + table
		case s.Window == nil:
			return s.Source.Alias + ": no window, exposes nothing"
		case s.Window.Kind == WinSession:
			return s.Source.Alias + ": session window, exposes nothing"
		case s.Window.Kind == WinDelay:
			return s.Source.Alias + ": delay window, scanned"
		case x != nil:
			return s.Source.Alias + ": window hash-indexed on (" + keys(own) + ")"
		}
		return s.Source.Alias + ": window scanned"
	}
	var l, r []Expr
	if x != nil {
		l, r = x.Left, x.Right
	}
	return side(j.Left, l) + "; " + side(j.Right, r)
}
