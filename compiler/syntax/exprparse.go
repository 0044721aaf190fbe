package syntax

// This file holds expression parsing (LANGUAGE.md §4.1): a binding-power
// (Pratt) parser over participle's token stream, plugged into the grammar as
// the participle.Parseable types exprNode and selectExprNode.

import (
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/efluxc/efluxc/compiler/source"
)

// Binding powers, loosest first (§4.1).
const (
	precNone = iota
	precOr
	precAnd
	precNot
	precPred // comparison, IS, IN, BETWEEN, LIKE; non-associative
	precAdd
	precMul
)

// maxExprDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxExprDepth = 500

// exprNode is an expression in the grammar.
type exprNode struct{ X Expr }

// selectExprNode is a select-list expression: an expression or `q.*`.
type selectExprNode struct{ X Expr }

// andExprNode is an expression without a top-level OR (a range condition).
type andExprNode struct{ X Expr }

// addExprNode is an additive expression (no predicates, AND, OR): the
// duration after FOR in a pattern, where AND/OR belong to the logical pair.
type addExprNode struct{ X Expr }

func (e *addExprNode) Parse(lex *lexer.PeekingLexer) error {
	x, err := parseExprFrom(lex, precAdd, false)
	e.X = x
	return err
}

func (e *exprNode) Parse(lex *lexer.PeekingLexer) error {
	x, err := parseExprFrom(lex, precOr, false)
	e.X = x
	return err
}

func (e *andExprNode) Parse(lex *lexer.PeekingLexer) error {
	x, err := parseExprFrom(lex, precAnd, false)
	e.X = x
	return err
}

func (e *selectExprNode) Parse(lex *lexer.PeekingLexer) error {
	x, err := parseExprFrom(lex, precOr, true)
	e.X = x
	return err
}

// parseExprFrom parses one full expression, or returns participle.NextMatch
// without consuming anything when the next token cannot start one.
func parseExprFrom(lex *lexer.PeekingLexer, min int, allowStar bool) (Expr, error) {
	if !startsExpr(lex.Peek()) {
		return nil, participle.NextMatch
	}
	p := &exprParser{lex: lex, allowStar: allowStar}
	x, err := p.expr(min)
	if err != nil {
		return nil, err
	}
	if p.star != nil && x != Expr(p.star) {
		return nil, errorAtPos(p.star.Pos, "%s.* must stand alone as a select item", p.star.Qual)
	}
	return x, nil
}

type exprParser struct {
	lex       *lexer.PeekingLexer
	depth     int
	allowStar bool
	star      *QualifiedStar // the q.* seen, if any
}

func (p *exprParser) peek() *lexer.Token { return p.lex.Peek() }
func (p *exprParser) next() *lexer.Token { return p.lex.Next() }

// peek2 returns the token after the next one.
func (p *exprParser) peek2() lexer.Token { return peekSecond(p.lex) }

// expect consumes the punctuation or keyword want, or fails.
func (p *exprParser) expect(want string) (*lexer.Token, error) {
	t := p.peek()
	if isPunct(t, want) || isWord(t, want) {
		return p.next(), nil
	}
	return nil, unexpected(t, strconv.Quote(want))
}

// expr parses an expression whose operators bind at least as tightly as min.
func (p *exprParser) expr(min int) (Expr, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxExprDepth {
		return nil, errorAt(p.peek().Pos, "expression nested too deeply")
	}
	// leftPrec is the binding power of the operator that built left; an
	// operator may extend left only if it binds no looser (predicates:
	// strictly tighter, so that they do not chain).
	var left Expr
	leftPrec := precMul + 1
	if t := p.peek(); isWord(t, "NOT") && min <= precNot {
		p.next()
		x, err := p.expr(precNot)
		if err != nil {
			return nil, err
		}
		left, leftPrec = &Unary{Pos: pos(t.Pos), Op: "NOT", X: x}, precNot
	} else {
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		left = x
	}
	for {
		prec := p.infixPrec()
		if prec == precNone || prec < min || prec > leftPrec || prec == precPred && leftPrec == precPred {
			// A predicate after a predicate (`a < b < c`) is left for
			// whoever expects the next token to report.
			return left, nil
		}
		x, err := p.infix(left, prec)
		if err != nil {
			return nil, err
		}
		left, leftPrec = x, prec
	}
}

// infixPrec is the binding power of the next token as an infix operator.
func (p *exprParser) infixPrec() int {
	t := p.peek()
	switch t.Type {
	case tokPunct:
		switch t.Value {
		case "=", "==", "!=", "<>", "<", "<=", ">", ">=":
			return precPred
		case "+", "-":
			return precAdd
		case "*", "/", "%":
			return precMul
		}
	case tokIdent:
		switch strings.ToUpper(t.Value) {
		case "OR":
			return precOr
		case "AND":
			return precAnd
		case "IS", "IN", "BETWEEN", "LIKE":
			return precPred
		}
	case tokReserved:
		if isWord(t, "NOT") {
			n := p.peek2()
			if isWord(&n, "IN") || isWord(&n, "BETWEEN") || isWord(&n, "LIKE") {
				return precPred
			}
		}
	}
	return precNone
}

// infix parses the operator at the cursor and its right side.
func (p *exprParser) infix(left Expr, prec int) (Expr, error) {
	op := p.next()
	at := pos(op.Pos)
	switch prec {
	case precOr, precAnd, precAdd, precMul:
		right, err := p.expr(prec + 1)
		if err != nil {
			return nil, err
		}
		return &Binary{Pos: at, Op: canonicalOp(op.Value), L: left, R: right}, nil
	}
	if op.Type == tokPunct {
		right, err := p.expr(precAdd)
		if err != nil {
			return nil, err
		}
		return &Binary{Pos: at, Op: canonicalOp(op.Value), L: left, R: right}, nil
	}
	not := false
	if isWord(op, "NOT") {
		not = true
		op = p.next()
	}
	switch strings.ToUpper(op.Value) {
	case "IS":
		isNot := false
		if isWord(p.peek(), "NOT") {
			p.next()
			isNot = true
		}
		if _, err := p.expect("NULL"); err != nil {
			return nil, err
		}
		return &IsNull{Pos: at, X: left, Not: isNot}, nil
	case "IN":
		return p.in(at, left, not)
	case "BETWEEN":
		lo, err := p.operand(precAdd)
		if err != nil {
			return nil, err
		}
		if _, err := p.expect("AND"); err != nil {
			return nil, err
		}
		hi, err := p.operand(precAdd)
		if err != nil {
			return nil, err
		}
		return &Between{Pos: at, X: left, Not: not, Lo: lo, Hi: hi}, nil
	default: // LIKE
		pat, err := p.operand(precAdd)
		if err != nil {
			return nil, err
		}
		return &Like{Pos: at, X: left, Not: not, Pattern: pat}, nil
	}
}

// in parses the right side of [NOT] IN: a parenthesised list or a table name.
func (p *exprParser) in(at source.Pos, left Expr, not bool) (Expr, error) {
	t := p.peek()
	if t.Type == tokIdent || t.Type == tokQuoted {
		p.next()
		id := identOf(t)
		return &In{Pos: at, X: left, Not: not, Table: &id}, nil
	}
	if !isPunct(t, "(") {
		return nil, unexpected(t, `"(" or a table name`)
	}
	p.next()
	list, err := p.list(")")
	if err != nil {
		return nil, err
	}
	return &In{Pos: at, X: left, Not: not, List: list}, nil
}

// list parses `expr {, expr} close` (at least one expression).
func (p *exprParser) list(close string) ([]Expr, error) {
	var out []Expr
	for {
		x, err := p.operand(precOr)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
		if isPunct(p.peek(), ",") {
			p.next()
			continue
		}
		if err := p.closeAfter(x, close); err != nil {
			return nil, err
		}
		return out, nil
	}
}

// closeAfter consumes the closing punctuation after x, recognising a
// subquery when x was the word SELECT.
func (p *exprParser) closeAfter(x Expr, close string) error {
	t := p.peek()
	if isPunct(t, close) {
		p.next()
		return nil
	}
	if n, ok := x.(*Name); ok && strings.EqualFold(n.Name, "SELECT") {
		return errorAtPos(n.Pos, "subqueries are not supported")
	}
	return unexpected(t, strconv.Quote(close))
}

// operand parses an expression that must be present.
func (p *exprParser) operand(min int) (Expr, error) {
	if !startsExpr(p.peek()) {
		return nil, unexpected(p.peek(), "expression")
	}
	return p.expr(min)
}

// unary parses ("-" | "+") unary | primary.
func (p *exprParser) unary() (Expr, error) {
	t := p.peek()
	if isPunct(t, "-") || isPunct(t, "+") {
		p.next()
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > maxExprDepth {
			return nil, errorAt(p.peek().Pos, "expression nested too deeply")
		}
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		return &Unary{Pos: pos(t.Pos), Op: t.Value, X: x}, nil
	}
	return p.primary()
}

// primary parses literals, references, calls, CASE, CAST and ( expr ).
func (p *exprParser) primary() (Expr, error) {
	t := p.peek()
	switch t.Type {
	case tokNumber:
		p.next()
		return p.number(t)
	case tokString:
		p.next()
		return &Literal{Pos: pos(t.Pos), Kind: LitString, Str: unquoteString(t.Value), Text: t.Value}, nil
	case tokReserved:
		return p.reserved(t)
	case tokIdent, tokQuoted:
		return p.reference()
	case tokPunct:
		if t.Value == "(" {
			p.next()
			x, err := p.operand(precOr)
			if err != nil {
				return nil, err
			}
			if err := p.closeAfter(x, ")"); err != nil {
				return nil, err
			}
			return &Paren{Pos: pos(t.Pos), X: x}, nil
		}
	}
	return nil, unexpected(t, "expression")
}

// reserved parses TRUE, FALSE, NULL, CASE and CAST.
func (p *exprParser) reserved(t *lexer.Token) (Expr, error) {
	at := pos(t.Pos)
	switch strings.ToUpper(t.Value) {
	case "TRUE", "FALSE":
		p.next()
		b := strings.EqualFold(t.Value, "TRUE")
		return &Literal{Pos: at, Kind: LitBool, Bool: b, Text: t.Value}, nil
	case "NULL":
		p.next()
		return &Literal{Pos: at, Kind: LitNull, Text: t.Value}, nil
	case "CASE":
		p.next()
		return p.caseExpr(at)
	case "CAST":
		p.next()
		return p.cast(at)
	}
	return nil, unexpected(t, "expression")
}

// number converts a numeric token; an INT followed by a unit word is a
// time literal in milliseconds.
func (p *exprParser) number(t *lexer.Token) (Expr, error) {
	lit := numberLiteral(t)
	if lit.Kind != LitInt {
		return lit, nil
	}
	u := p.peek()
	if u.Type != tokIdent {
		return lit, nil
	}
	ms, ok := timeUnits[strings.ToUpper(u.Value)]
	if !ok {
		return lit, nil
	}
	p.next()
	if lit.Int > (1<<63-1)/ms {
		return nil, errorAt(t.Pos, "time literal %s %s is out of range", t.Value, u.Value)
	}
	return &Literal{Pos: lit.Pos, Kind: LitTime, Int: lit.Int * ms, Text: t.Value + " " + u.Value}, nil
}

// reference parses a name, `q.x`, `q[i].x`, `q.*` or a call.
func (p *exprParser) reference() (Expr, error) {
	t := p.next()
	id := identOf(t)
	next := p.peek()
	switch {
	case t.Type == tokIdent && isPunct(next, "("):
		return p.call(id)
	case t.Type == tokIdent && strings.EqualFold(id.Name, "INTERVAL") &&
		(next.Type == tokString || next.Type == tokNumber):
		return nil, errorAt(t.Pos, "INTERVAL is not supported (write a time literal such as 5 SECONDS)")
	case isPunct(next, "["):
		return p.indexed(id)
	case isPunct(next, "."):
		p.next()
		return p.member(id, nil)
	}
	return &Name{Pos: id.Pos, Name: id.Name}, nil
}

// member parses the part after `q.` or `q[i].`.
func (p *exprParser) member(q Ident, idx *Index) (Expr, error) {
	t := p.peek()
	if isPunct(t, "*") && idx == nil && p.allowStar && p.star == nil {
		p.next()
		p.star = &QualifiedStar{Pos: q.Pos, Qual: q.Name}
		return p.star, nil
	}
	if t.Type != tokIdent && t.Type != tokQuoted {
		return nil, unexpected(t, "attribute name")
	}
	p.next()
	n := identOf(t)
	return &Qualified{Pos: q.Pos, Qual: q.Name, Index: idx, Name: n.Name, NamePos: n.Pos}, nil
}

// indexed parses `q[index].x` with index = int | LAST [- int].
func (p *exprParser) indexed(q Ident) (Expr, error) {
	p.next() // [
	t := p.peek()
	idx := &Index{Pos: pos(t.Pos)}
	switch {
	case isWord(t, "LAST"):
		p.next()
		idx.Last = true
		if isPunct(p.peek(), "-") {
			p.next()
			n, err := p.indexInt()
			if err != nil {
				return nil, err
			}
			idx.N = n
		}
	default:
		n, err := p.indexInt()
		if err != nil {
			return nil, err
		}
		idx.N = n
	}
	if _, err := p.expect("]"); err != nil {
		return nil, err
	}
	if _, err := p.expect("."); err != nil {
		return nil, err
	}
	return p.member(q, idx)
}

func (p *exprParser) indexInt() (int, error) {
	t := p.peek()
	if t.Type == tokNumber {
		if n, err := strconv.ParseInt(t.Value, 10, 32); err == nil {
			p.next()
			return int(n), nil
		}
	}
	return 0, unexpected(t, "an index (an integer or LAST)")
}

// call parses name( [* | [DISTINCT] expr {, expr}] ).
func (p *exprParser) call(name Ident) (Expr, error) {
	if strings.EqualFold(name.Name, "EXTRACT") {
		return nil, errorAtPos(name.Pos, "EXTRACT is not supported")
	}
	p.next() // (
	c := &Call{Pos: name.Pos, Name: name.Name}
	t := p.peek()
	switch {
	case isPunct(t, ")"):
		p.next()
		return c, nil
	case isPunct(t, "*"):
		p.next()
		c.Star = true
		_, err := p.expect(")")
		return c, err
	case isWord(t, "DISTINCT"):
		n := p.peek2()
		if startsExpr(&n) && !isPunct(&n, "-") && !isPunct(&n, "+") {
			p.next()
			c.Distinct = true
		}
	}
	args, err := p.list(")")
	if err != nil {
		return nil, err
	}
	c.Args = args
	return c, nil
}

// caseExpr parses the rest of CASE [operand] WHEN c THEN v ... [ELSE e] END.
func (p *exprParser) caseExpr(at source.Pos) (Expr, error) {
	c := &Case{Pos: at}
	if !isWord(p.peek(), "WHEN") {
		x, err := p.operand(precOr)
		if err != nil {
			return nil, err
		}
		c.Operand = x
	}
	for {
		if !isWord(p.peek(), "WHEN") {
			if len(c.Whens) == 0 {
				return nil, unexpected(p.peek(), `"WHEN"`)
			}
			break
		}
		p.next()
		cond, err := p.operand(precOr)
		if err != nil {
			return nil, err
		}
		if _, err := p.expect("THEN"); err != nil {
			return nil, err
		}
		val, err := p.operand(precOr)
		if err != nil {
			return nil, err
		}
		c.Whens = append(c.Whens, When{Cond: cond, Val: val})
	}
	if isWord(p.peek(), "ELSE") {
		p.next()
		x, err := p.operand(precOr)
		if err != nil {
			return nil, err
		}
		c.Else = x
	}
	if _, err := p.expect("END"); err != nil {
		return nil, err
	}
	return c, nil
}

// cast parses the rest of CAST ( expr AS type ).
func (p *exprParser) cast(at source.Pos) (Expr, error) {
	if _, err := p.expect("("); err != nil {
		return nil, err
	}
	x, err := p.operand(precOr)
	if err != nil {
		return nil, err
	}
	if _, err := p.expect("AS"); err != nil {
		return nil, err
	}
	typ, err := p.typeName()
	if err != nil {
		return nil, err
	}
	if _, err := p.expect(")"); err != nil {
		return nil, err
	}
	return &Cast{Pos: at, X: x, Type: typ}, nil
}

// typeName parses a type word with an optional (n) length.
func (p *exprParser) typeName() (TypeName, error) {
	t := p.peek()
	if t.Type != tokIdent {
		return TypeName{}, unexpected(t, "type name")
	}
	p.next()
	if isPunct(p.peek(), "(") {
		p.next()
		if n := p.peek(); n.Type != tokNumber {
			return TypeName{}, unexpected(n, "length")
		}
		p.next()
		if _, err := p.expect(")"); err != nil {
			return TypeName{}, err
		}
	}
	return TypeName{Pos: pos(t.Pos), Name: t.Value}, nil
}

// startsExpr reports whether t can begin an expression.
func startsExpr(t *lexer.Token) bool {
	switch t.Type {
	case tokNumber, tokString, tokReserved, tokIdent, tokQuoted:
		return true
	case tokPunct:
		return t.Value == "(" || t.Value == "-" || t.Value == "+"
	}
	return false
}

// canonicalOp maps operator spellings to Binary.Op.
func canonicalOp(op string) string {
	switch op {
	case "==":
		return "="
	case "<>":
		return "!="
	}
	if u := strings.ToUpper(op); u == "AND" || u == "OR" {
		return u
	}
	return op
}

// timeUnits maps unit words (§1) to milliseconds.
var timeUnits = map[string]int64{
	"MILLISECOND": 1, "MILLISECONDS": 1, "MILLISEC": 1, "MILLISECS": 1, "MS": 1,
	"SECOND": 1000, "SECONDS": 1000, "SEC": 1000, "SECS": 1000,
	"MINUTE": 60000, "MINUTES": 60000, "MIN": 60000, "MINS": 60000,
	"HOUR": 3600000, "HOURS": 3600000,
	"DAY": 86400000, "DAYS": 86400000,
	"WEEK": 604800000, "WEEKS": 604800000,
}

// numberLiteral converts a number token the lexer has already validated.
func numberLiteral(t *lexer.Token) *Literal {
	text := t.Value
	lit := &Literal{Pos: pos(t.Pos), Text: text}
	last := text[len(text)-1] &^ 0x20
	body := text
	if last == 'L' || last == 'D' || last == 'F' {
		body = text[:len(text)-1]
	}
	switch {
	case last == 'L':
		lit.Kind = LitLong
		lit.Int, _ = strconv.ParseInt(body, 10, 64)
	case last == 'F':
		lit.Kind = LitFloat
		lit.Float, _ = strconv.ParseFloat(body, 32)
	case last == 'D' || strings.ContainsAny(body, ".eE"):
		lit.Kind = LitDouble
		lit.Float, _ = strconv.ParseFloat(body, 64)
	default:
		lit.Kind = LitInt
		lit.Int, _ = strconv.ParseInt(body, 10, 64)
	}
	return lit
}

// unquoteString strips the quotes of a string token and undoubles ”.
func unquoteString(v string) string {
	return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
}

// identOf converts an identifier, quoted identifier or inner-stream token.
func identOf(t *lexer.Token) Ident {
	name := t.Value
	if t.Type == tokQuoted {
		name = name[1 : len(name)-1]
	}
	return Ident{Pos: pos(t.Pos), Name: name}
}

// isWord reports whether t is the (case-insensitive) word w.
func isWord(t *lexer.Token, w string) bool {
	return (t.Type == tokIdent || t.Type == tokReserved) && strings.EqualFold(t.Value, w)
}

func isPunct(t *lexer.Token, v string) bool { return t.Type == tokPunct && t.Value == v }

func pos(p lexer.Position) source.Pos {
	return source.Pos{File: p.Filename, Line: p.Line, Col: p.Column}
}
