package syntax

// This file holds a compact s-expression printer for expressions, used by
// the tests to compare parse trees.

import (
	"fmt"
	"strconv"
	"strings"
)

func sexpr(e Expr) string {
	switch e := e.(type) {
	case nil:
		return "<nil>"
	case *Literal:
		switch e.Kind {
		case LitInt:
			return strconv.FormatInt(e.Int, 10)
		case LitLong:
			return strconv.FormatInt(e.Int, 10) + "L"
		case LitDouble:
			return strconv.FormatFloat(e.Float, 'g', -1, 64) + "D"
		case LitFloat:
			return strconv.FormatFloat(e.Float, 'g', -1, 64) + "F"
		case LitString:
			return strconv.Quote(e.Str)
		case LitBool:
			return strconv.FormatBool(e.Bool)
		case LitNull:
			return "null"
		case LitTime:
			return strconv.FormatInt(e.Int, 10) + "ms"
		}
	case *Name:
		return e.Name
	case *Qualified:
		q := e.Qual
		if e.Index != nil {
			switch {
			case e.Index.Last && e.Index.N > 0:
				q += fmt.Sprintf("[last-%d]", e.Index.N)
			case e.Index.Last:
				q += "[last]"
			default:
				q += fmt.Sprintf("[%d]", e.Index.N)
			}
		}
		return q + "." + e.Name
	case *QualifiedStar:
		return e.Qual + ".*"
	case *Binary:
		return "(" + e.Op + " " + sexpr(e.L) + " " + sexpr(e.R) + ")"
	case *Unary:
		return "(" + e.Op + " " + sexpr(e.X) + ")"
	case *IsNull:
		if e.Not {
			return "(isnotnull " + sexpr(e.X) + ")"
		}
		return "(isnull " + sexpr(e.X) + ")"
	case *In:
		op := "in"
		if e.Not {
			op = "notin"
		}
		if e.Table != nil {
			return "(" + op + " " + sexpr(e.X) + " table:" + e.Table.Name + ")"
		}
		return "(" + op + " " + sexpr(e.X) + " " + list(e.List) + ")"
	case *Between:
		op := "between"
		if e.Not {
			op = "notbetween"
		}
		return "(" + op + " " + sexpr(e.X) + " " + sexpr(e.Lo) + " " + sexpr(e.Hi) + ")"
	case *Like:
		op := "like"
		if e.Not {
			op = "notlike"
		}
		return "(" + op + " " + sexpr(e.X) + " " + sexpr(e.Pattern) + ")"
	case *Call:
		args := list(e.Args)
		switch {
		case e.Star:
			args = "*"
		case e.Distinct:
			args = "distinct " + args
		}
		return e.Name + "(" + args + ")"
	case *Case:
		var b strings.Builder
		b.WriteString("(case")
		if e.Operand != nil {
			b.WriteString(" " + sexpr(e.Operand))
		}
		for _, w := range e.Whens {
			b.WriteString(" (when " + sexpr(w.Cond) + " " + sexpr(w.Val) + ")")
		}
		if e.Else != nil {
			b.WriteString(" (else " + sexpr(e.Else) + ")")
		}
		return b.String() + ")"
	case *Cast:
		return "(cast " + sexpr(e.X) + " " + e.Type.Name + ")"
	case *Paren:
		return "[" + sexpr(e.X) + "]"
	}
	return fmt.Sprintf("?%T", e)
}

func list(xs []Expr) string {
	var parts []string
	for _, x := range xs {
		parts = append(parts, sexpr(x))
	}
	return strings.Join(parts, " ")
}
