package codegen

import (
	"errors"
	"strings"
	"testing"

	"github.com/efluxc/efluxc/compiler"
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
)

// The constructs once rejected with "not supported yet" generate now
// (their behaviour is checked by the .txtar cases of testdata/patterns,
// joins, tables and queries).
func TestFormerlyUnsupported(t *testing.T) {
	const s = "CREATE STREAM S (sym STRING, v INT);\n"
	for _, src := range []string{
		s + "INSERT INTO O SELECT sym FROM S WINDOW('length', 3) ORDER BY v;",
		s + "INSERT INTO O SELECT a.sym FROM S AS a WINDOW('frequent', 2) JOIN S AS b WINDOW('lossyFrequent', 0.5) ON a.v = b.v;",
		s + "INSERT INTO O SELECT a.sym, COUNT(*) AS n FROM S AS a WINDOW('length', 2) JOIN S AS b WINDOW('length', 2) OUTPUT SNAPSHOT EVERY 1 sec;",
		s + "INSERT INTO O SELECT COUNT(*) AS n FROM PATTERN (EVERY a=S -> b=S) OUTPUT SNAPSHOT EVERY 1 sec;",
		s + "INSERT INTO O SELECT a.sym AS sym, COUNT(*) AS n FROM PATTERN (EVERY a=S -> b=S) GROUP BY a.sym HAVING SUM(b.v) > 1 OUTPUT LAST EVERY 2 EVENTS;",
		s + "INSERT INTO S SELECT a.sym AS sym, b.v AS v FROM PATTERN (EVERY a=S -> b=S);",
		s + "CREATE TABLE T (sym STRING);\nUPSERT INTO T SELECT sym FROM S WINDOW('length', 2) ON T.sym = sym;",
		s + "CREATE TABLE T (sym STRING);\nINSERT INTO O SELECT a.sym AS sym FROM PATTERN (EVERY a=S[sym IN T] -> b=S) WHERE (T.sym = a.sym) IN T;",
		s + "INSERT INTO O SELECT EVENTTIMESTAMP(a) AS ta, EVENTTIMESTAMP(b) AS tb FROM S AS a WINDOW('length', 2) JOIN S AS b ON EVENTTIMESTAMP(a) < EVENTTIMESTAMP(b);",
	} {
		app, err := compiler.Compile("app.eventflux", []byte(src))
		if err != nil {
			t.Errorf("%s: compile: %v", src, err)
			continue
		}
		if _, err := Generate(&plan.Physical{App: app}, Options{Package: "app", Source: "app.eventflux"}); err != nil {
			t.Errorf("%s:\n%v", src, err)
		}
	}
}

// A plan that reads a table as a query's only source (the checker rejects
// it, §4.2) is refused with a positioned diag.Unsupported error instead of
// being compiled into wrong code.
func TestUnsupported(t *testing.T) {
	app, err := compiler.Compile("app.eventflux", []byte("CREATE STREAM S (v INT);\nINSERT INTO O SELECT v FROM S;"))
	if err != nil {
		t.Fatal(err)
	}
	app.Queries[0].Input.(*plan.StreamInput).Source.Stream = nil
	_, err = Generate(&plan.Physical{App: app}, Options{Package: "app", Source: "app.eventflux"})
	var l diag.List
	if !errors.As(err, &l) || l[0].Code != diag.Unsupported || !strings.Contains(err.Error(), "not supported yet: reading a table") {
		t.Errorf("got %v", err)
	}
}
