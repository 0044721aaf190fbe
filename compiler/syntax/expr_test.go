package syntax

// This file holds table-driven tests of expression parsing: precedence,
// literals, references and the expression error messages.

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// parseExpr parses e as the only select item of a query.
func parseExpr(t *testing.T, e string) (Expr, error) {
	t.Helper()
	f, err := Parse("app.eventflux", []byte("INSERT INTO X SELECT "+e+" FROM S"))
	if err != nil {
		return nil, err
	}
	return f.Statements[0].(*Query).Select.Items[0].Expr, nil
}

func TestExprPrecedence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a + b * c", "(+ a (* b c))"},
		{"a * b + c", "(+ (* a b) c)"},
		{"a - b - c", "(- (- a b) c)"},
		{"a / b % c", "(% (/ a b) c)"},
		{"-a * b", "(* (- a) b)"},
		{"- - a", "(- (- a))"},
		{"+a", "(+ a)"},
		{"a OR b AND c", "(OR a (AND b c))"},
		{"a AND b OR c", "(OR (AND a b) c)"},
		{"NOT a AND b", "(AND (NOT a) b)"},
		{"NOT a = b", "(NOT (= a b))"},
		{"NOT NOT a", "(NOT (NOT a))"},
		{"a = b AND c <> d", "(AND (= a b) (!= c d))"},
		{"a == b", "(= a b)"},
		{"a != b", "(!= a b)"},
		{"a <= b + 1", "(<= a (+ b 1))"},
		{"a >= b", "(>= a b)"},
		{"a BETWEEN 1 AND 5 AND b", "(AND (between a 1 5) b)"},
		{"a NOT BETWEEN 1 + 1 AND 5", "(notbetween a (+ 1 1) 5)"},
		{"a IN (1, 2, 3)", "(in a 1 2 3)"},
		{"a NOT IN (1)", "(notin a 1)"},
		{"NOT a IN (1)", "(NOT (in a 1))"},
		{"a IN T", "(in a table:T)"},
		{"(T.sym = S.sym) IN T", "(in [(= T.sym S.sym)] table:T)"},
		{"(T.sym = S.sym) NOT IN T", "(notin [(= T.sym S.sym)] table:T)"},
		{"a IS NULL", "(isnull a)"},
		{"a IS NOT NULL OR b", "(OR (isnotnull a) b)"},
		{"a LIKE 'x%'", `(like a "x%")`},
		{"a NOT LIKE 'x%'", `(notlike a "x%")`},
		{"(a + b) * c", "(* [(+ a b)] c)"},
		{"f(a, b + 1)", "f(a (+ b 1))"},
		{"count(*)", "count(*)"},
		{"count()", "count()"},
		{"count(DISTINCT a)", "count(distinct a)"},
		{"count(distinct)", "count(distinct)"},
		{"CASE WHEN a > 1 THEN 'x' ELSE 'y' END", `(case (when (> a 1) "x") (else "y"))`},
		{"CASE a WHEN 1 THEN 2 WHEN 3 THEN 4 END", "(case a (when 1 2) (when 3 4))"},
		{"CAST(a AS DOUBLE)", "(cast a DOUBLE)"},
		{"cast(a as varchar(20))", "(cast a varchar)"},
		{"e1.price", "e1.price"},
		{"e1[0].price", "e1[0].price"},
		{"e1[last].price", "e1[last].price"},
		{"e1[LAST - 2].price", "e1[last-2].price"},
		{"`weird name` + \"other\"", "(+ weird name other)"},
		{"q.*", "q.*"},
		{"a = b OR c < d AND e", "(OR (= a b) (AND (< c d) e))"},
		{"NOT a AND NOT b OR c", "(OR (AND (NOT a) (NOT b)) c)"},
		{"a IS NULL AND b BETWEEN -1 AND +1 OR NOT c LIKE 'x'", `(OR (AND (isnull a) (between b (- 1) (+ 1))) (NOT (like c "x")))`},
	}
	for _, tc := range tests {
		x, err := parseExpr(t, tc.in)
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.want, sexpr(x), tc.in)
	}
}

func TestExprNonAssociativePredicates(t *testing.T) {
	for _, in := range []string{"a < b < c", "a AND b < c < d", "a = b IS NULL", "a BETWEEN 1 AND 2 = TRUE", "NOT a < b < c", "a IN (1) IN (2)"} {
		_, err := parseExpr(t, in)
		require.Error(t, err, in)
	}
}

func TestLiterals(t *testing.T) {
	tests := []struct {
		in   string
		kind LitKind
		want string
	}{
		{"123", LitInt, "123"},
		{"2147483648", LitInt, "2147483648"},
		{"9223372036854775807", LitInt, "9223372036854775807"},
		{"123L", LitLong, "123L"},
		{"123l", LitLong, "123L"},
		{"1.5", LitDouble, "1.5D"},
		{"1.5e3", LitDouble, "1500D"},
		{"2E-4", LitDouble, "0.0002D"},
		{".5", LitDouble, "0.5D"},
		{"1e3", LitDouble, "1000D"},
		{"1.5D", LitDouble, "1.5D"},
		{"2d", LitDouble, "2D"},
		{"1.5F", LitFloat, "1.5F"},
		{"2f", LitFloat, "2F"},
		{"'it''s'", LitString, `"it's"`},
		{"'two\nlines'", LitString, `"two\nlines"`},
		{"TRUE", LitBool, "true"},
		{"false", LitBool, "false"},
		{"null", LitNull, "null"},
		{"5 sec", LitTime, "5000ms"},
		{"1 MILLISECOND", LitTime, "1ms"},
		{"2 millisecs", LitTime, "2ms"},
		{"3 ms", LitTime, "3ms"},
		{"1 Minute", LitTime, "60000ms"},
		{"2 mins", LitTime, "120000ms"},
		{"1 hours", LitTime, "3600000ms"},
		{"1 day", LitTime, "86400000ms"},
		{"2 WEEKS", LitTime, "1209600000ms"},
	}
	for _, tc := range tests {
		x, err := parseExpr(t, tc.in)
		require.NoError(t, err, tc.in)
		lit, ok := x.(*Literal)
		require.True(t, ok, "%s: %T", tc.in, x)
		require.Equal(t, tc.kind, lit.Kind, tc.in)
		require.Equal(t, tc.want, sexpr(x), tc.in)
	}
	// A sign is never part of a literal.
	x, err := parseExpr(t, "-2147483648")
	require.NoError(t, err)
	require.Equal(t, "(- 2147483648)", sexpr(x))
	// Time literals are expressions.
	x, err = parseExpr(t, "ts + 1 hour")
	require.NoError(t, err)
	require.Equal(t, "(+ ts 3600000ms)", sexpr(x))
}

func TestKeywordsAsIdentifiers(t *testing.T) {
	src := `CREATE STREAM S (group STRING, count INT, value DOUBLE, timestamp LONG, select INT, from INT, window INT);
define stream Pattern (every INT, last INT, within INT);
INSERT INTO Out SELECT group, count, count(value) AS sum FROM S GROUP BY group;
INSERT INTO Out2 SELECT every, last AS first FROM Pattern AS sequence WHERE within > 1;
insert into Out3 select s.window from S as s;
Select ` + "`NOT`" + `, "CAST" From S Insert Into Out4`
	f, err := Parse("app.eventflux", []byte(src))
	require.NoError(t, err)
	require.Len(t, f.Statements, 6)
	s := f.Statements[0].(*StreamDef)
	var names []string
	for _, c := range s.Columns {
		names = append(names, c.Name.Name)
	}
	require.Equal(t, []string{"group", "count", "value", "timestamp", "select", "from", "window"}, names)
	q := f.Statements[3].(*Query)
	src2 := q.Select.From.(*StreamSource)
	require.Equal(t, "Pattern", src2.Name.Name)
	require.Equal(t, "sequence", src2.Alias.Name)
	q = f.Statements[5].(*Query)
	require.Equal(t, "NOT", sexpr(q.Select.Items[0].Expr))
	require.Equal(t, "CAST", sexpr(q.Select.Items[1].Expr))

	// Reserved words are never identifiers.
	for _, bad := range []string{"CREATE STREAM S (null INT)", "CREATE STREAM S (a INT, case STRING)", "CREATE STREAM not (a INT)"} {
		_, err := Parse("app.eventflux", []byte(bad))
		require.Error(t, err, bad)
	}
}
