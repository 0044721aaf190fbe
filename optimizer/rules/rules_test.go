package rules_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/efluxc/efluxc/compiler"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/optimizer/rules"
)

func compile(t *testing.T, src string) *plan.App {
	t.Helper()
	app, err := compiler.Compile("app.eventflux", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return app
}

func printed(t *testing.T, app *plan.App) string {
	t.Helper()
	var b bytes.Buffer
	if err := plan.Print(&b, app); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Each case applies one rule and expects it to fire a number of times and
// the printed plan to contain (and not contain) some text.
func TestRules(t *testing.T) {
	const s = "CREATE STREAM S (i INT, l LONG, d DOUBLE, s STRING, b BOOL);\n"
	cases := []struct {
		name    string
		rule    rules.Rule
		src     string
		fired   int
		want    []string
		notWant []string
	}{
		{"fold arithmetic with wrap", rules.FoldConstants,
			s + "INSERT INTO O SELECT 2147483647 + 1 AS x, 7 / 2 AS y, -7 % 2 AS z FROM S;",
			4, []string{"x = -2147483648", "y = 3", "z = -1"}, nil}, // -7 folds too
		{"fold division by zero to null", rules.FoldConstants,
			s + "INSERT INTO O SELECT i / 0 AS x, 1.0 / 0 AS y FROM S;",
			2, []string{"y = NULL:DOUBLE"}, nil},
		{"Kleene identities keep unknown", rules.FoldConstants,
			s + "INSERT INTO O SELECT b AND TRUE AS x, b OR TRUE AS y, b AND NULL AS z FROM S;",
			2, []string{"x = S.b", "y = TRUE", "z = (S.b AND NULL:BOOL)"}, nil},
		{"fold widening of constants", rules.FoldConstants,
			s + "INSERT INTO O SELECT d FROM S WHERE d > 100;",
			1, []string{"(S.d > 100.0)"}, []string{"DOUBLE(100)"}},
		{"float32 rounding", rules.FoldConstants,
			s + "INSERT INTO O SELECT 0.1F + 0.2F AS x FROM S;",
			1, []string{"x = 0.3F"}, nil},
		{"drop query with false WHERE", rules.DropDeadQueries,
			s + "INSERT INTO O SELECT i FROM S WHERE FALSE;\nINSERT INTO P SELECT i FROM S;",
			1, []string{"into P"}, []string{"into O"}},
		{"drop writes to an unread table", rules.DropDeadQueries,
			s + "CREATE TABLE T (i INT);\nINSERT INTO T SELECT i FROM S;",
			1, nil, []string{"into T"}},
		{"keep writes to a read table", rules.DropDeadQueries,
			s + "CREATE TABLE T (i INT);\nINSERT INTO T SELECT i FROM S;\nINSERT INTO O SELECT i FROM S WHERE i IN T;",
			0, []string{"into T"}, nil},
		{"cheap conjuncts first", rules.OrderConjuncts,
			s + "INSERT INTO O SELECT i FROM S WHERE s LIKE 'a%' AND i > 3;",
			1, []string{"where ((S.i > 3) AND (S.s LIKE 'a%'))"}, nil},
		{"stable when already ordered", rules.OrderConjuncts,
			s + "INSERT INTO O SELECT i FROM S WHERE i > 3 AND l < 2;",
			0, []string{"where ((S.i > 3) AND (S.l < LONG(2)))"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			app := compile(t, c.src)
			if n := c.rule.Apply(app); n != c.fired {
				t.Errorf("%s fired %d times, want %d", c.rule.Name, n, c.fired)
			}
			out := printed(t, app)
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("plan lacks %q:\n%s", w, out)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(out, w) {
					t.Errorf("plan still has %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestCost(t *testing.T) {
	app := compile(t, "CREATE STREAM S (i INT, s STRING);\nINSERT INTO O SELECT i > 1 AS a, s LIKE 'x' AS b FROM S;")
	q := app.Queries[0]
	if ca, cb := rules.Cost(q.Select[0].Expr), rules.Cost(q.Select[1].Expr); ca >= cb {
		t.Errorf("cost(i > 1) = %d, want below cost(LIKE) = %d", ca, cb)
	}
}
