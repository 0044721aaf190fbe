package syntax

// This file holds syntax errors: the positioned error type shared by the
// lexer, the expression parser and the grammar conversion, and the
// translation of participle's errors into `expected X, found Y` messages.

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/source"
)

// syntaxError is a positioned message; it implements participle.Error so
// that participle passes it through unchanged.
type syntaxError struct {
	pos lexer.Position
	msg string
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.pos.Line, e.pos.Column, e.msg)
}
func (e *syntaxError) Message() string          { return e.msg }
func (e *syntaxError) Position() lexer.Position { return e.pos }

func errorAt(p lexer.Position, format string, args ...any) error {
	return &syntaxError{pos: p, msg: fmt.Sprintf(format, args...)}
}

func errorAtPos(p source.Pos, format string, args ...any) error {
	return errorAt(lexer.Position{Filename: p.File, Line: p.Line, Column: p.Col}, format, args...)
}

// unexpected is the standard `expected X, found Y` error at token t.
func unexpected(t *lexer.Token, want string) error {
	return errorAt(t.Pos, "expected %s, found %s", want, describe(t))
}

// describe names a token in an error message.
func describe(t *lexer.Token) string {
	if t.EOF() {
		return "end of input"
	}
	return strconv.Quote(t.Value)
}

// toDiag converts any parse error into a one-entry diag.List.
func toDiag(filename string, err error, tokens []lexer.Token) diag.List {
	var (
		se *syntaxError
		ut *participle.UnexpectedTokenError
		pe participle.Error
	)
	var at lexer.Position
	var msg string
	switch {
	case errors.As(err, &se):
		at, msg = se.pos, se.msg
	case errors.As(err, &ut):
		at = ut.Unexpected.Pos
		msg = refine(&ut.Unexpected, tokens, expectedText(ut))
	case errors.As(err, &pe):
		at, msg = pe.Position(), pe.Message()
	default:
		msg = err.Error()
	}
	p := pos(at)
	p.File = filename
	var l diag.List
	l.Add(p, diag.Syntax, msg)
	return l
}

// expectedText extracts a readable "what was expected" from participle's
// EBNF description of the rest of the failing sequence.
func expectedText(ut *participle.UnexpectedTokenError) string {
	m := ut.Message()
	i := strings.Index(m, " (expected ")
	if i < 0 {
		return ""
	}
	return firstOfEBNF(strings.TrimSuffix(m[i+len(" (expected "):], ")"))
}

// firstOfEBNF reduces an EBNF sequence to its first element, listing the
// alternatives when that element is a group.
func firstOfEBNF(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return `";"`
	}
	if s[0] == '(' {
		depth := 0
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '"':
				j := strings.IndexByte(s[i+1:], '"')
				if j < 0 {
					return friendly(s)
				}
				i += j + 1
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return alternatives(s[1:i])
				}
			}
		}
		return friendly(s)
	}
	if s[0] == '"' {
		j := strings.IndexByte(s[1:], '"')
		if j >= 0 {
			return s[:j+2]
		}
	}
	end := strings.IndexAny(s, " ?*+!")
	if end < 0 {
		end = len(s)
	}
	return friendly(s[:end])
}

// alternatives renders `A | B | C` as `A, B or C` using the first element
// of each alternative.
func alternatives(s string) string {
	var parts []string
	depth, start := 0, 0
	inQuote := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			parts = append(parts, firstOfEBNF(s[start:i]))
			start = i + 1
		}
	}
	parts = append(parts, firstOfEBNF(s[start:]))
	seen := map[string]bool{}
	var out []string
	for _, p := range parts {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	if len(out) == 1 {
		return out[0]
	}
	return strings.Join(out[:len(out)-1], ", ") + " or " + out[len(out)-1]
}

// productionNames maps grammar production and token names to the words
// used in messages.
var productionNames = map[string]string{
	"<ident>":        "identifier",
	"<quoted>":       "identifier",
	"<inner>":        "inner stream name",
	"<string>":       "string",
	"<number>":       "number",
	"ExprNode":       "expression",
	"exprNode":       "expression",
	"SelectExprNode": "expression",
	"selectExprNode": "expression",
	"NameNode":       "identifier",
	"StreamName":     "stream name",
	"InsertClause":   `"INSERT"`,
	"SelectBody":     `"SELECT"`,
	"SourceNode":     "stream name",
	"StreamSource":   "stream name",
	"EndNode":        `"END"`,
	"StringNode":     "string",
	"andExprNode":    "expression",
	"addExprNode":    "expression",
	"ElementNode":    "pattern element",
	"AbsentNode":     "pattern element",
	"CountNode":      "count",
	"RangeNode":      "expression",
	"PatternUnit":    "pattern element",
	"TriggerDef":     "identifier",
	"StreamBody":     "identifier",
	"TableBody":      "identifier",
	"Statement":      "statement",
	"PatternStep":    "pattern element",
	"PatternChain":   "pattern element",
	"PatternOperand": "pattern element",
	"PartitionKey":   "expression",
	"ColumnDef":      "column",
	"TableItem":      "column",
	"TypeNode":       "type name",
	"Property":       "property",
	"PropValue":      "property value",
	"Assignment":     "assignment",
	"SelectItem":     "expression",
	"OrderItem":      "expression",
	"WindowNode":     `"WINDOW"`,
	"patternKeyword": `"PATTERN"`,
	"primaryKeyItem": `"PRIMARY"`,
}

func friendly(s string) string {
	if f, ok := productionNames[s]; ok {
		return f
	}
	return s
}

// refine replaces generic messages for constructs that are recognisably
// unsupported (§4.1) with messages that name them.
func refine(found *lexer.Token, tokens []lexer.Token, expected string) string {
	i := indexOf(tokens, found.Pos.Offset)
	if found.EOF() {
		i = len(tokens) - 1
	}
	if expected == "" {
		// participle gives no expectation at the top level: after a
		// statement a ";" is expected, otherwise a statement.
		expected = "statement"
		if i > 0 && !isPunct(&tokens[i-1], ";") {
			expected = `";"`
		}
	}
	generic := fmt.Sprintf("expected %s, found %s", expected, describe(found))
	if i < 0 || found.EOF() {
		return generic
	}
	prev := func(k int) *lexer.Token {
		if i-k >= 0 {
			return &tokens[i-k]
		}
		return &lexer.Token{}
	}
	switch {
	case isWord(found, "UNION"):
		return "UNION is not supported (" + generic + ")"
	case isWord(found, "AGGREGATION") && isWord(prev(1), "DEFINE"):
		return "DEFINE AGGREGATION is not supported"
	case isWord(prev(1), "WINDOW") && found.Type == tokIdent && i+1 < len(tokens) && isPunct(&tokens[i+1], "("):
		return fmt.Sprintf("the WINDOW %s(...) form is not supported; write WINDOW('%s', ...)", found.Value, found.Value)
	case isWord(found, "EVERY"):
		return "EVERY is not allowed here (" + generic + ")"
	case startsJoin(tokens, i) && joinBefore(tokens, i):
		return "more than one JOIN is not supported (" + generic + ")"
	}
	return generic
}

func indexOf(tokens []lexer.Token, offset int) int {
	for i := range tokens {
		if tokens[i].Pos.Offset == offset && !tokens[i].EOF() {
			return i
		}
	}
	return -1
}

// startsJoin reports whether tokens[i:] begins a join keyword group.
func startsJoin(tokens []lexer.Token, i int) bool {
	t := &tokens[i]
	if isWord(t, "JOIN") {
		return true
	}
	if i+1 < len(tokens) && (isWord(t, "INNER") || isWord(t, "LEFT") || isWord(t, "RIGHT") || isWord(t, "FULL")) {
		n := &tokens[i+1]
		return isWord(n, "JOIN") || isWord(n, "OUTER")
	}
	return false
}

// joinBefore reports whether the statement containing tokens[i] already
// has a JOIN before it.
func joinBefore(tokens []lexer.Token, i int) bool {
	for k := i - 1; k >= 0; k-- {
		if isPunct(&tokens[k], ";") {
			return false
		}
		if isWord(&tokens[k], "JOIN") {
			return true
		}
	}
	return false
}

// errorPos is the position of any parse error.
func errorPos(err error) lexer.Position {
	var pe participle.Error
	if errors.As(err, &pe) {
		return pe.Position()
	}
	return lexer.Position{}
}
