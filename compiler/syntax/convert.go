package syntax

// This file holds the conversion of the participle concrete syntax
// (grammar.go) into the exported AST, including the few syntax rules that
// are easier to state on the parsed tree than in struct tags: exactly one
// INSERT per query, attribute references in GROUP BY, counts, and ranges
// without a top-level OR.

import (
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/efluxc/efluxc/compiler/source"
)

type converter struct {
	tokens []lexer.Token
}

// tokenAt returns the token starting at p (EOF when there is none).
func (c *converter) tokenAt(p lexer.Position) *lexer.Token {
	for i := range c.tokens {
		if c.tokens[i].Pos.Offset == p.Offset {
			return &c.tokens[i]
		}
	}
	return &lexer.Token{Type: lexer.EOF, Pos: p}
}

func (c *converter) file(name string, f *fileNode) (*File, error) {
	out := &File{Name: name}
	stmts, err := c.statements(f.Stmts)
	out.Statements = stmts
	return out, err
}

func (c *converter) statements(in []*statement) ([]Stmt, error) {
	var out []Stmt
	for _, s := range in {
		st, err := c.statement(s)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

func (c *converter) statement(s *statement) (Stmt, error) {
	switch {
	case s.Define != nil:
		return c.define(s.Define)
	case s.Query != nil:
		return c.query(s.Query)
	case s.Upsert != nil:
		return c.upsert(s.Upsert)
	case s.Update != nil:
		return c.update(s.Update)
	case s.Delete != nil:
		return c.delete(s.Delete)
	default:
		return c.partition(s.Partition)
	}
}

func (c *converter) trigger(d *defineStmt) (*TriggerDef, error) {
	if !strings.EqualFold(d.Kw, "CREATE") {
		return nil, errorAt(d.Pos, "a trigger is defined with CREATE TRIGGER, not %s TRIGGER", d.Kw)
	}
	t := d.Trigger
	out := &TriggerDef{Pos: pos(d.Pos), Name: t.Name.ident(), Start: t.Start}
	if t.Every != nil {
		out.Every = t.Every.X
	}
	if t.Cron != nil {
		out.Cron = unquoteString(t.Cron.Value)
		out.CronPos = pos(t.Cron.Pos)
	}
	return out, nil
}

func (c *converter) define(d *defineStmt) (Stmt, error) {
	if d.Trigger != nil {
		return c.trigger(d)
	}
	if d.Stream != nil {
		s := &StreamDef{Pos: pos(d.Pos), Name: d.Stream.Name.ident(), With: properties(d.Stream.With)}
		for _, col := range d.Stream.Columns {
			if col.PrimaryKey {
				return nil, errorAtPos(col.Type.end(), "PRIMARY KEY is allowed only in a table definition")
			}
			s.Columns = append(s.Columns, col.column())
		}
		return s, nil
	}
	t := &TableDef{Pos: pos(d.Pos), Name: d.Table.Name.ident(), With: properties(d.Table.With)}
	for _, it := range d.Table.Items {
		if it.Column != nil {
			t.Columns = append(t.Columns, it.Column.column())
			continue
		}
		if t.PrimaryKey != nil {
			return nil, errorAt(it.Pos, "duplicate PRIMARY KEY item")
		}
		t.PKPos = pos(it.Pos)
		for _, n := range it.PK {
			t.PrimaryKey = append(t.PrimaryKey, n.ident())
		}
	}
	return t, nil
}

func (col *columnDef) column() Column {
	return Column{Name: col.Name.ident(), Type: TypeName{Pos: pos(col.Type.Pos), Name: col.Type.Name}, PrimaryKey: col.PrimaryKey}
}

// end approximates the position just after a type (for column errors).
func (t *typeNode) end() source.Pos {
	p := pos(t.Pos)
	p.Col += len([]rune(t.Name)) + 1
	return p
}

func properties(in []*property) []Property {
	var out []Property
	for _, p := range in {
		out = append(out, Property{Pos: pos(p.Pos), Key: unquoteAny(p.Key), Value: unquoteAny(p.Value)})
	}
	return out
}

// unquoteAny removes string or identifier quotes from a captured value.
func unquoteAny(v string) string {
	if len(v) >= 2 {
		switch v[0] {
		case '\'':
			return unquoteString(v)
		case '`', '"':
			return v[1 : len(v)-1]
		}
	}
	return v
}

func (c *converter) query(q *queryStmt) (Stmt, error) {
	ins := q.Lead
	switch {
	case ins == nil && len(q.Trail) == 0:
		return nil, unexpected(c.tokenAt(q.EndPos), `"INSERT"`)
	case ins != nil && len(q.Trail) > 0:
		return nil, errorAt(q.Trail[0].Pos, "a query has exactly one INSERT INTO (found a second one)")
	case len(q.Trail) > 1:
		return nil, errorAt(q.Trail[1].Pos, "a query has exactly one INSERT INTO (found a second one)")
	case ins == nil:
		ins = q.Trail[0]
	}
	sel, err := c.selectBody(q.Select)
	if err != nil {
		return nil, err
	}
	out := &Query{Pos: pos(q.Pos), Target: ins.Target.ident(), Select: sel}
	switch strings.ToUpper(ins.Kind) {
	case "EXPIRED":
		out.Events = ExpiredEvents
	case "ALL":
		out.Events = AllEvents
	case "CURRENT":
		out.ExplicitCurrent = true
	}
	return out, nil
}

func (c *converter) selectBody(s *selectBody) (*Select, error) {
	out := &Select{Pos: pos(s.Pos), Star: s.Star}
	for _, it := range s.Items {
		item := SelectItem{Expr: it.Expr.X}
		if it.Alias != nil {
			a := it.Alias.ident()
			item.Alias = &a
		}
		out.Items = append(out.Items, item)
	}
	src, err := c.source(s.From)
	if err != nil {
		return nil, err
	}
	out.From = src
	out.Where = s.Where.expr()
	if s.GroupBy != nil {
		out.GroupByPos = pos(s.GroupBy.Pos)
		for _, g := range s.GroupBy.Items {
			switch g.X.(type) {
			case *Name, *Qualified:
			default:
				return nil, errorAtPos(startPos(g.X), "GROUP BY takes attribute references, not expressions")
			}
			out.GroupBy = append(out.GroupBy, g.X)
		}
	}
	out.Having = s.Having.expr()
	for _, o := range s.OrderBy {
		out.OrderBy = append(out.OrderBy, OrderItem{Expr: o.Expr.X, Desc: strings.EqualFold(o.Dir, "DESC")})
	}
	if s.Limit != nil {
		out.Limit = &IntClause{Pos: pos(s.Limit.Pos), Value: s.Limit.Value.X}
	}
	if s.Offset != nil {
		out.Offset = &IntClause{Pos: pos(s.Offset.Pos), Value: s.Offset.Value.X}
	}
	if r := s.Output; r != nil {
		o := &OutputRate{Pos: pos(r.Pos)}
		switch strings.ToUpper(r.Mode) {
		case "FIRST":
			o.Mode = RateFirst
		case "LAST":
			o.Mode = RateLast
		case "SNAPSHOT":
			o.Mode = RateSnapshot
		}
		if r.Events {
			o.Events = r.Value.X
		} else {
			o.Every = r.Value.X
		}
		out.Output = o
	}
	return out, nil
}

func (e *addExprNode) expr() Expr {
	if e == nil {
		return nil
	}
	return e.X
}

func (e *exprNode) expr() Expr {
	if e == nil {
		return nil
	}
	return e.X
}

func (c *converter) source(s *sourceNode) (Source, error) {
	if s.Pattern != nil {
		return c.pattern(s.Pattern)
	}
	left := c.streamSource(s.Stream)
	if s.Join == nil {
		return left, nil
	}
	j := &JoinSource{Pos: pos(s.Join.Pos), Left: left, Right: c.streamSource(s.Join.Right), On: s.Join.On.expr()}
	switch strings.ToUpper(s.Join.Kind) {
	case "LEFT":
		j.Kind = LeftJoin
	case "RIGHT":
		j.Kind = RightJoin
	case "FULL":
		j.Kind = FullJoin
	}
	return j, nil
}

func (c *converter) streamSource(s *streamSource) *StreamSource {
	out := &StreamSource{Name: s.Name.ident(), Window: s.Window.window(), Unidirectional: s.Uni}
	if s.Alias != nil {
		a := s.Alias.ident()
		out.Alias = &a
	}
	return out
}

func (w *windowNode) window() *Window {
	if w == nil {
		return nil
	}
	out := &Window{Pos: pos(w.Pos), Kind: Ident{Pos: pos(w.Kind.Pos), Name: unquoteString(w.Kind.Value)}}
	for _, p := range w.Params {
		out.Params = append(out.Params, p.X)
	}
	return out
}

func (c *converter) update(u *updateStmt) (Stmt, error) {
	out := &UpdateStmt{
		Pos: pos(u.Pos), Table: u.Table.ident(), TableAlias: u.TableAlias.optIdent(),
		From: u.From.ident(), FromAlias: u.FromAlias.optIdent(), FromWindow: u.Window.window(),
		Where: u.Where.expr(),
	}
	for _, a := range u.Set {
		out.Set = append(out.Set, Assignment{Qual: a.Qual.optIdent(), Col: a.Col.ident(), Expr: a.Expr.X})
	}
	return out, nil
}

func (c *converter) delete(d *deleteStmt) (Stmt, error) {
	return &DeleteStmt{
		Pos: pos(d.Pos), Table: d.Table.ident(), TableAlias: d.TableAlias.optIdent(),
		Using: d.Using.ident(), UsingAlias: d.UsingAlias.optIdent(), UsingWindow: d.Window.window(),
		Where: d.Where.expr(),
	}, nil
}

func (c *converter) upsert(u *upsertStmt) (Stmt, error) {
	sel, err := c.selectBody(u.Select)
	if err != nil {
		return nil, err
	}
	return &UpsertStmt{Pos: pos(u.Pos), Table: u.Table.ident(), Select: sel, On: u.On.X}, nil
}

func (c *converter) partition(p *partitionStmt) (Stmt, error) {
	out := &PartitionStmt{Pos: pos(p.Pos), EndPos: pos(p.End.Pos)}
	for _, k := range p.Keys {
		key, err := c.partitionKey(k)
		if err != nil {
			return nil, err
		}
		out.Keys = append(out.Keys, key)
	}
	body, err := c.statements(p.Body)
	if err != nil {
		return nil, err
	}
	out.Body = body
	return out, nil
}

func (c *converter) partitionKey(k *partitionKey) (*PartitionKey, error) {
	out := &PartitionKey{Pos: pos(k.Pos), Stream: k.Stream.ident()}
	if k.FirstLabel == nil {
		out.Value = k.First.X
		return out, nil
	}
	if b, ok := k.First.X.(*Binary); ok && b.Op == "OR" {
		// A range is an and_expr: the OR must have separated two ranges.
		return nil, unexpected(&lexer.Token{Type: tokIdent, Value: "OR", Pos: lexer.Position{
			Filename: b.Pos.File, Line: b.Pos.Line, Column: b.Pos.Col}}, `"AS"`)
	}
	out.Ranges = append(out.Ranges, &Range{Pos: pos(k.Pos), Cond: k.First.X, Label: unquoteString(k.FirstLabel.Value)})
	for _, r := range k.More {
		out.Ranges = append(out.Ranges, &Range{Pos: pos(r.Pos), Cond: r.Cond.X, Label: unquoteString(r.Label.Value)})
	}
	return out, nil
}

// --- patterns ---

func (c *converter) pattern(p *patternSource) (*PatternSource, error) {
	chain, err := c.chain(p.Chain)
	if err != nil {
		return nil, err
	}
	out := &PatternSource{Pos: pos(p.Pos), Sequence: p.Kind.Sequence, Chain: chain}
	out.Within = p.Within.expr()
	return out, nil
}

func (c *converter) chain(ch *patternChain) (*Chain, error) {
	out := &Chain{Pos: pos(ch.Pos)}
	first, err := c.step(ch.First)
	if err != nil {
		return nil, err
	}
	out.Steps = append(out.Steps, first)
	for _, l := range ch.Rest {
		s, err := c.step(l.Step)
		if err != nil {
			return nil, err
		}
		out.Steps = append(out.Steps, s)
		out.Commas = append(out.Commas, l.Sep == ",")
	}
	return out, nil
}

func (c *converter) step(s *patternStep) (*Step, error) {
	out := &Step{Pos: pos(s.Pos), Every: s.Every}
	if s.Group != nil {
		g, err := c.chain(s.Group)
		if err != nil {
			return nil, err
		}
		if s.GroupCount != nil {
			return nil, errorAt(s.GroupCount.Pos, "a count applies to a stream element, not to a group or logical pair")
		}
		out.Group = g
		return out, nil
	}
	u := s.Unit
	for _, o := range []*patternOperand{u.Left, u.Right} {
		if o == nil {
			continue
		}
		if o.Absent != nil && o.Absent.Count != nil {
			return nil, errorAt(o.Absent.Count.Pos, "a count applies to a stream element, not to an absent element")
		}
		if o.Element != nil && o.Element.Alias == nil {
			return nil, errorAt(o.Element.Pos, "pattern element '%s' needs an alias (write e1=%s)", o.Element.Stream.ident().Name, o.Element.Stream.ident().Name)
		}
	}
	if u.Left.Every {
		return nil, errorAt(u.Left.Pos, "EVERY is not allowed here")
	}
	if u.Op != "" {
		if u.Right.Every {
			return nil, errorAt(u.Right.Pos, "EVERY is not allowed on an operand of %s", strings.ToUpper(u.Op))
		}
		if u.Count != nil {
			return nil, errorAt(u.Count.Pos, "a count applies to a stream element, not to a logical pair")
		}
		out.Logical = &Logical{Pos: pos(u.Pos), Or: strings.EqualFold(u.Op, "OR"), Left: u.Left.operand(), Right: u.Right.operand()}
		return out, nil
	}
	if u.Left.Absent != nil {
		if u.Count != nil {
			return nil, errorAt(u.Count.Pos, "a count applies to a stream element, not to an absent element")
		}
		out.Absent = u.Left.Absent.absent()
		return out, nil
	}
	out.Element = u.Left.Element.element()
	if u.Count != nil {
		cnt, err := u.Count.count()
		if err != nil {
			return nil, err
		}
		out.Element.Count = cnt
	}
	return out, nil
}

func (o *patternOperand) operand() *Operand {
	if o.Absent != nil {
		return &Operand{Absent: o.Absent.absent()}
	}
	return &Operand{Element: o.Element.element()}
}

func (a *absentNode) absent() *Absent {
	return &Absent{Pos: pos(a.Pos), Stream: a.Stream.ident(), Filter: a.Filter.expr(), For: a.For.expr()}
}

func (e *elementNode) element() *Element {
	return &Element{Pos: pos(e.Pos), Alias: e.Alias.ident(), Stream: e.Stream.ident(), Filter: e.Filter.expr()}
}

func (n *countNode) count() (*Count, error) {
	out := &Count{Pos: pos(n.Pos), Symbol: n.Sym}
	switch n.Sym {
	case "+":
		out.Min, out.Max = 1, -1
		return out, nil
	case "*":
		out.Min, out.Max = 0, -1
		return out, nil
	case "?":
		out.Min, out.Max = 0, 1
		return out, nil
	}
	lo, err := countInt(n.Min, n.Pos)
	if err != nil {
		return nil, err
	}
	out.Min, out.Max = lo, lo
	if n.Comma {
		out.Max = -1
		if n.Max != "" {
			hi, err := countInt(n.Max, n.Pos)
			if err != nil {
				return nil, err
			}
			out.Max = hi
		}
	} else if n.Max != "" {
		return nil, errorAt(n.Pos, "expected \",\" or \"}\" in count, found %q", n.Max)
	}
	return out, nil
}

func countInt(s string, at lexer.Position) (int, error) {
	v, err := strconv.ParseInt(s, 10, 32)
	if err != nil {
		return 0, errorAt(at, "a count takes non-negative integers, found %q", s)
	}
	return int(v), nil
}

// --- names ---

func (n *nameNode) ident() Ident {
	return identOf(&lexer.Token{Type: quotedType(n.Value), Value: n.Value, Pos: n.Pos})
}

func (n *nameNode) optIdent() *Ident {
	if n == nil {
		return nil
	}
	id := n.ident()
	return &id
}

func (n *streamName) ident() Ident {
	return identOf(&lexer.Token{Type: quotedType(n.Value), Value: n.Value, Pos: n.Pos})
}

// quotedType tells a quoted identifier from a plain one by its first byte.
func quotedType(v string) lexer.TokenType {
	if v != "" && (v[0] == '`' || v[0] == '"') {
		return tokQuoted
	}
	return tokIdent
}

// startPos is the position of the first token of e (ExprPos of an operator
// node is the operator's position).
func startPos(e Expr) source.Pos {
	switch e := e.(type) {
	case *Binary:
		return startPos(e.L)
	case *In:
		return startPos(e.X)
	case *Between:
		return startPos(e.X)
	case *Like:
		return startPos(e.X)
	case *IsNull:
		return startPos(e.X)
	}
	return e.ExprPos()
}
