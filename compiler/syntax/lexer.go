package syntax

// This file holds the lexer (LANGUAGE.md §1): a hand-written scanner exposed
// to participle as a lexer.Definition. Keywords are not token types: every
// word is an Ident (or, for NULL TRUE FALSE NOT CASE CAST, a Reserved word)
// and the grammar matches keywords case-insensitively by value. String and
// quoted-identifier tokens keep their quotes so that a string '(' can never
// match the punctuation literal "(".

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types. Punctuation is one type; the grammar matches it by value.
const (
	tokIdent    lexer.TokenType = iota + 1 // group, Stock_1
	tokReserved                            // NULL TRUE FALSE NOT CASE CAST (any case)
	tokQuoted                              // `text` or "text", quotes kept
	tokInner                               // #Name
	tokNumber                              // 123 123L 1.5 .5e3 2F, as written
	tokString                              // 'it''s', quotes kept and '' undoubled later
	tokPunct                               // ( ) -> == ...
)

// tokenSymbols names the token types for the grammar. It is a function,
// not a variable, because the package-level parser is built during package
// initialisation.
func tokenSymbols() map[string]lexer.TokenType {
	return map[string]lexer.TokenType{
		"EOF":      lexer.EOF,
		"Ident":    tokIdent,
		"Reserved": tokReserved,
		"Quoted":   tokQuoted,
		"Inner":    tokInner,
		"Number":   tokNumber,
		"String":   tokString,
		"Punct":    tokPunct,
	}
}

// reservedWords can never be unquoted identifiers.
var reservedWords = map[string]bool{
	"NULL": true, "TRUE": true, "FALSE": true, "NOT": true, "CASE": true, "CAST": true,
}

// punctuation, longest first so that "->" wins over "-".
var punctuation = []string{
	"->", "==", "!=", "<>", "<=", ">=",
	"+", "-", "*", "/", "%", "=", "<", ">", "(", ")", "[", "]", "{", "}", ",", ";", ".", "?",
}

// lexDefinition is the participle lexer.Definition for EventFlux SQL.
type lexDefinition struct{}

func (lexDefinition) Symbols() map[string]lexer.TokenType { return tokenSymbols() }

func (d lexDefinition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, err
	}
	return d.LexBytes(filename, buf.Bytes())
}

func (lexDefinition) LexBytes(filename string, src []byte) (lexer.Lexer, error) {
	toks, err := scanAll(filename, src)
	if err != nil {
		return nil, err
	}
	return &tokenStream{toks: toks}, nil
}

// tokenStream replays scanned tokens. Parse feeds the parser the tokens
// before a lexical error, so that an earlier syntax error wins.
type tokenStream struct {
	toks []lexer.Token
	i    int
}

func (s *tokenStream) Next() (lexer.Token, error) {
	if s.i < len(s.toks) {
		s.i++
		return s.toks[s.i-1], nil
	}
	return lexer.Token{Type: lexer.EOF}, nil
}

// scanner walks the source tracking line and code-point column.
type scanner struct {
	file      string
	src       []byte
	off       int
	line, col int
}

// scanAll returns every token up to the first lexical error followed by EOF,
// and that error (nil if none).
func scanAll(filename string, src []byte) ([]lexer.Token, error) {
	s := &scanner{file: filename, src: src, line: 1, col: 1}
	var toks []lexer.Token
	for {
		tok, err := s.next()
		if err != nil {
			toks = append(toks, lexer.Token{Type: lexer.EOF, Pos: err.(*syntaxError).pos})
			return toks, err
		}
		toks = append(toks, tok)
		if tok.Type == lexer.EOF {
			return toks, nil
		}
	}
}

func (s *scanner) pos() lexer.Position {
	return lexer.Position{Filename: s.file, Offset: s.off, Line: s.line, Column: s.col}
}

func (s *scanner) peekByte(k int) byte {
	if s.off+k < len(s.src) {
		return s.src[s.off+k]
	}
	return 0
}

// advance consumes one code point.
func (s *scanner) advance() {
	r, n := utf8.DecodeRune(s.src[s.off:])
	s.off += n
	if r == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
}

func (s *scanner) errorf(pos lexer.Position, format string, args ...any) error {
	return errorAt(pos, format, args...)
}

// next scans one token, skipping whitespace and comments.
func (s *scanner) next() (lexer.Token, error) {
	if err := s.skipSpace(); err != nil {
		return lexer.Token{}, err
	}
	start := s.pos()
	if s.off >= len(s.src) {
		return lexer.Token{Type: lexer.EOF, Pos: start}, nil
	}
	c := s.src[s.off]
	switch {
	case isIdentStart(c):
		word := s.word()
		if reservedWords[strings.ToUpper(word)] {
			return lexer.Token{Type: tokReserved, Value: word, Pos: start}, nil
		}
		return lexer.Token{Type: tokIdent, Value: word, Pos: start}, nil
	case isDigit(c) || c == '.' && isDigit(s.peekByte(1)):
		return s.number(start)
	case c == '\'':
		return s.quoted(start, '\'', tokString, "string literal")
	case c == '`' || c == '"':
		return s.quoted(start, c, tokQuoted, "quoted identifier")
	case c == '#':
		if !isIdentStart(s.peekByte(1)) {
			return lexer.Token{}, s.errorf(start, "expected an identifier directly after '#'")
		}
		s.advance()
		return lexer.Token{Type: tokInner, Value: "#" + s.word(), Pos: start}, nil
	case c == '@':
		return lexer.Token{}, s.errorf(start, "annotations (@...) are not supported")
	}
	for _, p := range punctuation {
		if bytes.HasPrefix(s.src[s.off:], []byte(p)) {
			for range p {
				s.advance()
			}
			return lexer.Token{Type: tokPunct, Value: p, Pos: start}, nil
		}
	}
	r, _ := utf8.DecodeRune(s.src[s.off:])
	if r == utf8.RuneError {
		return lexer.Token{}, s.errorf(start, "invalid UTF-8 encoding")
	}
	return lexer.Token{}, s.errorf(start, "unexpected character %q", r)
}

func (s *scanner) skipSpace() error {
	for s.off < len(s.src) {
		switch c := s.src[s.off]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f':
			s.advance()
		case c == '-' && s.peekByte(1) == '-':
			for s.off < len(s.src) && s.src[s.off] != '\n' {
				s.advance()
			}
		case c == '/' && s.peekByte(1) == '*':
			start := s.pos()
			s.advance()
			s.advance()
			for {
				if s.off >= len(s.src) {
					return s.errorf(start, "unterminated comment")
				}
				if s.src[s.off] == '*' && s.peekByte(1) == '/' {
					s.advance()
					s.advance()
					break
				}
				s.advance()
			}
		default:
			return nil
		}
	}
	return nil
}

func (s *scanner) word() string {
	start := s.off
	for s.off < len(s.src) && isIdentPart(s.src[s.off]) {
		s.advance()
	}
	return string(s.src[start:s.off])
}

// quoted scans a string or quoted identifier; in strings a doubled quote is
// one quote. The token value keeps the quotes.
func (s *scanner) quoted(start lexer.Position, q byte, typ lexer.TokenType, what string) (lexer.Token, error) {
	from := s.off
	s.advance()
	for {
		if s.off >= len(s.src) {
			return lexer.Token{}, s.errorf(start, "unterminated %s", what)
		}
		c := s.src[s.off]
		s.advance()
		if c != q {
			continue
		}
		if typ == tokString && s.peekByte(0) == q {
			s.advance()
			continue
		}
		break
	}
	text := string(s.src[from:s.off])
	if !utf8.ValidString(text) {
		return lexer.Token{}, s.errorf(start, "invalid UTF-8 encoding in %s", what)
	}
	if typ == tokQuoted && len(text) == 2 {
		return lexer.Token{}, s.errorf(start, "empty quoted identifier")
	}
	return lexer.Token{Type: typ, Value: text, Pos: start}, nil
}

// number scans the longest numeric literal and validates its range.
func (s *scanner) number(start lexer.Position) (lexer.Token, error) {
	from := s.off
	isInt := true
	s.digits()
	if s.peekByte(0) == '.' && isDigit(s.peekByte(1)) {
		isInt = false
		s.advance()
		s.digits()
	}
	if c := s.peekByte(0); c == 'e' || c == 'E' {
		k := 1
		if d := s.peekByte(1); d == '+' || d == '-' {
			k = 2
		}
		if isDigit(s.peekByte(k)) {
			isInt = false
			for ; k > 0; k-- {
				s.advance()
			}
			s.digits()
		}
	}
	suffix := byte(0)
	switch c := s.peekByte(0); {
	case c == 'L' || c == 'l':
		if isInt {
			suffix = 'L'
			s.advance()
		}
	case c == 'D' || c == 'd' || c == 'F' || c == 'f':
		suffix = c &^ 0x20
		s.advance()
	}
	text := string(s.src[from:s.off])
	if isIdentPart(s.peekByte(0)) {
		bad := text + s.word()
		return lexer.Token{}, s.errorf(start, "malformed number %q (a number must not be directly followed by a letter, digit or '_'; write a space before a unit)", bad)
	}
	if err := checkNumber(text, isInt, suffix); err != "" {
		return lexer.Token{}, s.errorf(start, "%s", err)
	}
	return lexer.Token{Type: tokNumber, Value: text, Pos: start}, nil
}

func (s *scanner) digits() {
	for isDigit(s.peekByte(0)) {
		s.advance()
	}
}

// checkNumber reports a range problem of a numeric literal, or "".
func checkNumber(text string, isInt bool, suffix byte) string {
	body := text
	if suffix != 0 {
		body = text[:len(text)-1]
	}
	switch {
	case isInt && (suffix == 0 || suffix == 'L'):
		if _, err := strconv.ParseInt(body, 10, 64); err != nil {
			return "integer literal " + text + " does not fit in 64 bits"
		}
	case suffix == 'F':
		if _, err := strconv.ParseFloat(body, 32); err != nil {
			return "FLOAT literal " + text + " is out of range"
		}
	default:
		if _, err := strconv.ParseFloat(body, 64); err != nil {
			return "DOUBLE literal " + text + " is out of range"
		}
	}
	return ""
}

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isIdentStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isIdentPart(c byte) bool  { return isIdentStart(c) || isDigit(c) }
