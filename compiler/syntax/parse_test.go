package syntax

// This file holds table-driven tests of statements: definitions, queries,
// joins, patterns, table statements, partitions, and error messages with
// their positions.

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/efluxc/efluxc/compiler/source"
)

func mustParse(t *testing.T, src string) *File {
	t.Helper()
	f, err := Parse("app.eventflux", []byte(src))
	require.NoError(t, err)
	return f
}

func at(line, col int) source.Pos { return source.Pos{File: "app.eventflux", Line: line, Col: col} }

func TestDefinitions(t *testing.T) {
	f := mustParse(t, `CREATE STREAM S (a INT, b VARCHAR(20)) WITH (type = 'source', extension = 'kafka', kafka.bootstrap.servers = 'h:9092', 'odd key' = 5, flag = TRUE, x = ident);
DEFINE TABLE T (k STRING PRIMARY KEY, v DOUBLE);
create table U (a INT, b INT, PRIMARY KEY (a, b)) with (primary_key = 'a');
CREATE TRIGGER T1 AT START;
CREATE TRIGGER T2 AT EVERY 5 sec;
CREATE TRIGGER T3 AT CRON '*/5 * * * * ?'`)
	require.Len(t, f.Statements, 6)
	s := f.Statements[0].(*StreamDef)
	require.Equal(t, at(1, 1), s.Pos)
	require.Equal(t, Ident{Pos: at(1, 15), Name: "S"}, s.Name)
	require.Equal(t, TypeName{Pos: at(1, 27), Name: "VARCHAR"}, s.Columns[1].Type)
	require.Equal(t, []Property{
		{Pos: at(1, 46), Key: "type", Value: "source"},
		{Pos: at(1, 63), Key: "extension", Value: "kafka"},
		{Pos: at(1, 84), Key: "kafka.bootstrap.servers", Value: "h:9092"},
		{Pos: at(1, 120), Key: "odd key", Value: "5"},
		{Pos: at(1, 135), Key: "flag", Value: "TRUE"},
		{Pos: at(1, 148), Key: "x", Value: "ident"},
	}, s.With)
	tb := f.Statements[1].(*TableDef)
	require.True(t, tb.Columns[0].PrimaryKey)
	require.Nil(t, tb.PrimaryKey)
	u := f.Statements[2].(*TableDef)
	require.Equal(t, []Ident{{Pos: at(3, 44), Name: "a"}, {Pos: at(3, 47), Name: "b"}}, u.PrimaryKey)
	require.Equal(t, at(3, 31), u.PKPos)
	require.Len(t, u.Columns, 2)
	require.True(t, f.Statements[3].(*TriggerDef).Start)
	require.Equal(t, "5000ms", sexpr(f.Statements[4].(*TriggerDef).Every))
	tr := f.Statements[5].(*TriggerDef)
	require.Equal(t, "*/5 * * * * ?", tr.Cron)
	require.Equal(t, at(6, 27), tr.CronPos)
}

func TestPropertyForms(t *testing.T) {
	f := mustParse(t, "CREATE STREAM S (a INT) WITH (error.retry.max-attempts = '3', `q.k` = -5, 'it''s' = 1.5)")
	require.Equal(t, []Property{
		{Pos: at(1, 31), Key: "error.retry.max-attempts", Value: "3"},
		{Pos: at(1, 63), Key: "q.k", Value: "-5"},
		{Pos: at(1, 75), Key: "it's", Value: "1.5"},
	}, f.Statements[0].(*StreamDef).With)
}

func TestQueries(t *testing.T) {
	f := mustParse(t, `INSERT EXPIRED EVENTS INTO Out
SELECT sym, sum(price) AS total FROM S WINDOW('time', 1 min)
WHERE price > 10 GROUP BY sym HAVING total > 5 ORDER BY total DESC, sym LIMIT 10 OFFSET 2
OUTPUT SNAPSHOT EVERY 5 sec;
SELECT * FROM #Inner AS i INSERT ALL EVENTS INTO #Out;
INSERT INTO O SELECT a FROM S OUTPUT FIRST EVERY 3 EVENTS;
INSERT CURRENT EVENTS INTO O SELECT a FROM S WINDOW('length', 5) UNIDIRECTIONAL`)
	q := f.Statements[0].(*Query)
	require.Equal(t, ExpiredEvents, q.Events)
	require.Equal(t, "Out", q.Target.Name)
	sel := q.Select
	require.Equal(t, at(2, 1), sel.Pos)
	require.Equal(t, "total", sel.Items[1].Alias.Name)
	src := sel.From.(*StreamSource)
	require.Equal(t, "time", src.Window.Kind.Name)
	require.Equal(t, at(2, 47), src.Window.Kind.Pos)
	require.Equal(t, "60000ms", sexpr(src.Window.Params[0]))
	require.Equal(t, "(> price 10)", sexpr(sel.Where))
	require.Equal(t, at(3, 18), sel.GroupByPos)
	require.Equal(t, "sym", sexpr(sel.GroupBy[0]))
	require.True(t, sel.OrderBy[0].Desc)
	require.False(t, sel.OrderBy[1].Desc)
	require.Equal(t, at(3, 73), sel.Limit.Pos)
	require.Equal(t, "10", sexpr(sel.Limit.Value))
	require.Equal(t, "2", sexpr(sel.Offset.Value))
	require.Equal(t, RateSnapshot, sel.Output.Mode)
	require.Equal(t, "5000ms", sexpr(sel.Output.Every))
	require.Nil(t, sel.Output.Events)

	q = f.Statements[1].(*Query)
	require.True(t, q.Select.Star)
	require.Equal(t, AllEvents, q.Events)
	require.Equal(t, "#Out", q.Target.Name)
	require.Equal(t, "#Inner", q.Select.From.(*StreamSource).Name.Name)
	require.Equal(t, at(5, 1), q.Pos)

	o := f.Statements[2].(*Query).Select.Output
	require.Equal(t, RateFirst, o.Mode)
	require.Equal(t, "3", sexpr(o.Events))

	q = f.Statements[3].(*Query)
	require.Equal(t, CurrentEvents, q.Events)
	require.True(t, q.Select.From.(*StreamSource).Unidirectional)
}

func TestJoins(t *testing.T) {
	kinds := map[string]JoinKind{
		"JOIN": InnerJoin, "INNER JOIN": InnerJoin, "LEFT JOIN": LeftJoin, "left outer join": LeftJoin,
		"RIGHT OUTER JOIN": RightJoin, "FULL JOIN": FullJoin, "FULL OUTER JOIN": FullJoin,
	}
	for kw, kind := range kinds {
		f := mustParse(t, "INSERT INTO O SELECT a.x, b.* FROM L AS a WINDOW('length', 1) UNIDIRECTIONAL "+kw+" R AS b ON a.k = b.k")
		j := f.Statements[0].(*Query).Select.From.(*JoinSource)
		require.Equal(t, kind, j.Kind, kw)
		require.Equal(t, at(1, 78), j.Pos, kw)
		require.True(t, j.Left.Unidirectional)
		require.Equal(t, "b", j.Right.Alias.Name)
		require.Equal(t, "(= a.k b.k)", sexpr(j.On))
	}
	f := mustParse(t, "INSERT INTO O SELECT * FROM L JOIN T")
	require.Nil(t, f.Statements[0].(*Query).Select.From.(*JoinSource).On)
}

func TestPatterns(t *testing.T) {
	f := mustParse(t, `INSERT INTO O SELECT e1.a, e2[last].b
FROM PATTERN (EVERY (e1=A[x > 1] -> e2=B{2,5}) -> e3=C[y = e1.y]+ -> e4=D AND NOT E[z > 0] -> NOT F FOR 5 sec -> (e5=G OR NOT H FOR 1 min) -> e6=I{3,} -> e7=J{2}) WITHIN 1 hour;
INSERT INTO O SELECT e1.a FROM SEQUENCE (EVERY e1=A, e2=B*, e3=C?, e4=#In) WITHIN 10 sec`)
	p := f.Statements[0].(*Query).Select.From.(*PatternSource)
	require.False(t, p.Sequence)
	require.Equal(t, "3600000ms", sexpr(p.Within))
	steps := p.Chain.Steps
	require.Len(t, steps, 7)
	require.True(t, steps[0].Every)
	require.Len(t, steps[0].Group.Steps, 2)
	e2 := steps[0].Group.Steps[1].Element
	require.Equal(t, &Count{Pos: at(2, 41), Min: 2, Max: 5}, e2.Count)
	e3 := steps[1].Element
	require.Equal(t, "e3", e3.Alias.Name)
	require.Equal(t, "(= y e1.y)", sexpr(e3.Filter))
	require.Equal(t, &Count{Pos: at(2, 65), Min: 1, Max: -1, Symbol: "+"}, e3.Count)
	lg := steps[2].Logical
	require.False(t, lg.Or)
	require.Equal(t, "D", lg.Left.Element.Stream.Name)
	require.Equal(t, "E", lg.Right.Absent.Stream.Name)
	require.Nil(t, lg.Right.Absent.For)
	ab := steps[3].Absent
	require.Equal(t, "F", ab.Stream.Name)
	require.Equal(t, "5000ms", sexpr(ab.For))
	grp := steps[4].Group
	require.Len(t, grp.Steps, 1)
	require.True(t, grp.Steps[0].Logical.Or)
	require.Equal(t, "60000ms", sexpr(grp.Steps[0].Logical.Right.Absent.For))
	require.Equal(t, &Count{Pos: at(2, 147), Min: 3, Max: -1}, steps[5].Element.Count)
	require.Equal(t, &Count{Pos: at(2, 159), Min: 2, Max: 2}, steps[6].Element.Count)
	require.Equal(t, []bool{false, false, false, false, false, false}, p.Chain.Commas)

	s := f.Statements[1].(*Query).Select.From.(*PatternSource)
	require.True(t, s.Sequence)
	require.Equal(t, []bool{true, true, true}, s.Chain.Commas)
	require.Equal(t, "*", s.Chain.Steps[1].Element.Count.Symbol)
	require.Equal(t, &Count{Pos: at(3, 65), Min: 0, Max: 1, Symbol: "?"}, s.Chain.Steps[2].Element.Count)
	require.Equal(t, "#In", s.Chain.Steps[3].Element.Stream.Name)

	// PATTERN and SEQUENCE are stream names unless followed by "(".
	f = mustParse(t, "INSERT INTO O SELECT a FROM pattern; INSERT INTO O SELECT a FROM Sequence AS s")
	require.Equal(t, "pattern", f.Statements[0].(*Query).Select.From.(*StreamSource).Name.Name)
}

func TestTableStatements(t *testing.T) {
	f := mustParse(t, `UPDATE T AS t SET t.v = s.v + 1, w = 2 FROM S AS s WHERE t.k = s.k;
UPDATE T SET v = 1 FROM S WINDOW('length', 2);
DELETE FROM T AS t USING S AS s WHERE t.k = s.k;
DELETE FROM T USING S;
UPSERT INTO T SELECT k, v FROM S ON T.k = k;
UPDATE OR INSERT INTO T SELECT k, v FROM S WHERE v > 0 ON T.k = k`)
	u := f.Statements[0].(*UpdateStmt)
	require.Equal(t, "t", u.TableAlias.Name)
	require.Equal(t, "t", u.Set[0].Qual.Name)
	require.Equal(t, "v", u.Set[0].Col.Name)
	require.Equal(t, "(+ s.v 1)", sexpr(u.Set[0].Expr))
	require.Nil(t, u.Set[1].Qual)
	require.Equal(t, "S", u.From.Name)
	require.Equal(t, "s", u.FromAlias.Name)
	require.Equal(t, "(= t.k s.k)", sexpr(u.Where))
	require.NotNil(t, f.Statements[1].(*UpdateStmt).FromWindow)
	d := f.Statements[2].(*DeleteStmt)
	require.Equal(t, "s", d.UsingAlias.Name)
	require.Nil(t, f.Statements[3].(*DeleteStmt).Where)
	up := f.Statements[4].(*UpsertStmt)
	require.Equal(t, "T", up.Table.Name)
	require.Equal(t, "(= T.k k)", sexpr(up.On))
	up = f.Statements[5].(*UpsertStmt)
	require.Equal(t, at(6, 1), up.Pos)
	require.Equal(t, "(> v 0)", sexpr(up.Select.Where))
}

func TestPartitions(t *testing.T) {
	f := mustParse(t, `PARTITION WITH (price < 10 AS 'low' OR price >= 10 AND price < 100 AS 'mid' OF S, sym OF T)
BEGIN
  INSERT INTO #I SELECT sym FROM S;
  SELECT sym FROM #I INSERT INTO Out
END;
partition with (a OF S) begin insert into O select a from S; end`)
	p := f.Statements[0].(*PartitionStmt)
	require.Len(t, p.Keys, 2)
	r := p.Keys[0].Ranges
	require.Len(t, r, 2)
	require.Equal(t, "low", r[0].Label)
	require.Equal(t, "(AND (>= price 10) (< price 100))", sexpr(r[1].Cond))
	require.Equal(t, "S", p.Keys[0].Stream.Name)
	require.Equal(t, "sym", sexpr(p.Keys[1].Value))
	require.Len(t, p.Body, 2)
	require.Equal(t, at(5, 1), p.EndPos)
	require.Len(t, f.Statements[1].(*PartitionStmt).Body, 1)
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"CREATE STREAM S (a INT);\nSELECT a WHERE a > 1 INSERT INTO X", `app.eventflux:2:10: expected "FROM", found "WHERE"`},
		{"SELECT a FROM S", `app.eventflux:1:16: expected "INSERT", found end of input`},
		{"INSERT INTO A SELECT a FROM S INSERT INTO B", `app.eventflux:1:31: a query has exactly one INSERT INTO (found a second one)`},
		{"SELECT price p FROM S INSERT INTO X", `app.eventflux:1:14: expected "FROM", found "p"`},
		{"SELECT a FROM S UNION SELECT b FROM T INSERT INTO X", `app.eventflux:1:17: UNION is not supported`},
		{"DEFINE AGGREGATION Foo FROM S", `app.eventflux:1:8: DEFINE AGGREGATION is not supported`},
		{"INSERT INTO X SELECT a FROM S WINDOW TUMBLING(5 sec)", `app.eventflux:1:38: the WINDOW TUMBLING(...) form is not supported`},
		{"INSERT INTO X SELECT a FROM S JOIN T ON a = b\nLEFT JOIN U ON c = d", `app.eventflux:2:1: more than one JOIN is not supported`},
		{"INSERT INTO X SELECT a FROM S WHERE a IN (SELECT b FROM T)", `app.eventflux:1:43: subqueries are not supported`},
		{"INSERT INTO X SELECT (select b from T) FROM S", `app.eventflux:1:23: subqueries are not supported`},
		{"INSERT INTO X SELECT EXTRACT(YEAR FROM ts) FROM S", `app.eventflux:1:22: EXTRACT is not supported`},
		{"INSERT INTO X SELECT a FROM S WHERE ts > INTERVAL '5' SECOND", `app.eventflux:1:42: INTERVAL is not supported`},
		{"INSERT INTO X SELECT a FROM S WINDOW('time', 10ms)", `app.eventflux:1:46: malformed number "10ms"`},
		{"INSERT INTO X SELECT 1.5L FROM S", `app.eventflux:1:22: malformed number "1.5L"`},
		{"@app:name('x') CREATE STREAM S (a INT)", `app.eventflux:1:1: annotations (@...) are not supported`},
		{"CREATE STREAM S (a INT);\n  /* oops", `app.eventflux:2:3: unterminated comment`},
		{"INSERT INTO X SELECT 'abc FROM S", `app.eventflux:1:22: unterminated string literal`},
		{"CREATE STREAM `S (a INT)", `app.eventflux:1:15: unterminated quoted identifier`},
		{"INSERT INTO X SELECT 9223372036854775808 FROM S", `app.eventflux:1:22: integer literal 9223372036854775808 does not fit in 64 bits`},
		{"INSERT INTO X SELECT 1e999 FROM S", `app.eventflux:1:22: DOUBLE literal 1e999 is out of range`},
		{"INSERT INTO X SELECT a FROM S WHERE a < b < c", `app.eventflux:1:43: expected ";", found "<"`},
		{"INSERT INTO X SELECT a FROM S WHERE", `app.eventflux:1:36: expected expression, found end of input`},
		{"CREATE STREAM S (a INT,)", `app.eventflux:1:24: expected column, found ")"`},
		{";", `app.eventflux:1:1: expected statement, found ";"`},
		{"CREATE STREAM S (a INT);;", `app.eventflux:1:25: expected statement, found ";"`},
		{"CREATE STREAM S (a INT) CREATE STREAM T (b INT)", `app.eventflux:1:25: expected ";", found "CREATE"`},
		{"INSERT INTO X SELECT a FROM S GROUP BY a + 1", `app.eventflux:1:40: GROUP BY takes attribute references`},
		{"INSERT INTO X SELECT a FROM PATTERN (e1=A AND EVERY e2=B)", `app.eventflux:1:47: EVERY is not allowed on an operand of AND`},
		{"PARTITION WITH (a < 1 OR b > 2 AS 'x' OF S) BEGIN INSERT INTO X SELECT a FROM S END", `app.eventflux:1:23: expected "AS", found "OR"`},
		{"PARTITION WITH (a < 1 AS 'x' OR b > 2 OR c AS 'y' OF S) BEGIN END", `app.eventflux:1:39: expected "AS", found "OR"`},
		{"CREATE STREAM S (a INT PRIMARY KEY)", `app.eventflux:1:24: PRIMARY KEY is allowed only in a table definition`},
		{"CREATE STREAM S (a INT, b VARCHAR(, c INT)", `app.eventflux:1:35: expected number, found ","`},
		{"INSERT INTO X SELECT a.* + 1 FROM S", `app.eventflux:1:22: a.* must stand alone as a select item`},
		{"INSERT INTO X SELECT CASE WHEN a THEN 1 FROM S", `app.eventflux:1:41: expected "END", found "FROM"`},
		{"INSERT INTO X SELECT é, 'é' FROM S", `app.eventflux:1:22: unexpected character 'é'`},
		{"INSERT INTO X SELECT 'é', é FROM S", `app.eventflux:1:27: unexpected character 'é'`},
		{"DELETE FROM T WHERE T.a = S.a", `app.eventflux:1:15: expected "USING", found "WHERE"`},
		{"INSERT INTO X SELECT a FROM S WHERE x IN ()", `app.eventflux:1:43: expected expression, found ")"`},
		{"INSERT INTO X SELECT e1[x].a FROM S", `app.eventflux:1:25: expected an index (an integer or LAST), found "x"`},
		{"INSERT INTO X SELECT a FROM S#window.length(5)", `app.eventflux:1:30: expected ";", found "#window"`},
		{"INSERT INTO X SELECT 1 hour 30 min FROM S", `app.eventflux:1:29: expected "FROM", found "30"`},
	}
	for _, tc := range tests {
		_, err := Parse("app.eventflux", []byte(tc.src))
		require.Error(t, err, tc.src)
		require.Contains(t, err.Error(), tc.want, tc.src)
	}
}
