package syntax

// This file holds Parse, the package's entry point: lex, parse with the
// participle grammar, convert to the AST, and turn any failure into a
// diag.List.

import (
	"fmt"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/source"
)

// Parse parses one application. Errors are a diag.List of syntax errors
// formatted `file:line:col: expected X, found Y`; only the first error is
// reported.
func Parse(filename string, src []byte) (f *File, err error) {
	defer func() {
		if r := recover(); r != nil {
			var l diag.List
			l.Add(source.Pos{File: filename, Line: 1, Col: 1}, diag.Internal, fmt.Sprintf("internal parser error: %v", r))
			f, err = nil, l
		}
	}()
	tokens, lexErr := scanAll(filename, src)
	if err := checkNesting(tokens); err != nil {
		return nil, toDiag(filename, err, tokens)
	}
	peek, err := lexer.Upgrade(&tokenStream{toks: tokens})
	if err != nil {
		return nil, toDiag(filename, err, tokens)
	}
	cst, err := parser.ParseFromLexer(peek)
	if err != nil {
		if lexErr != nil && !before(err, lexErr) {
			err = lexErr
		}
		return nil, toDiag(filename, err, tokens)
	}
	if lexErr != nil {
		return nil, toDiag(filename, lexErr, tokens)
	}
	c := &converter{tokens: tokens}
	out, err := c.file(filename, cst)
	if err != nil {
		return nil, toDiag(filename, err, tokens)
	}
	return out, nil
}

// before reports whether parse error a lies strictly before lexical error b.
func before(a, b error) bool {
	pa, pb := errorPos(a), errorPos(b)
	return pa.Offset < pb.Offset
}

// maxNesting bounds bracket nesting so that the recursive parsers cannot
// exhaust the stack on hostile input.
const maxNesting = 200

// checkNesting rejects input whose brackets nest deeper than maxNesting.
func checkNesting(tokens []lexer.Token) error {
	depth := 0
	for i := range tokens {
		t := &tokens[i]
		if t.Type != tokPunct {
			continue
		}
		switch t.Value {
		case "(", "[", "{":
			depth++
			if depth > maxNesting {
				return errorAt(t.Pos, "brackets nested too deeply (more than %d levels)", maxNesting)
			}
		case ")", "]", "}":
			depth--
		}
	}
	return nil
}
