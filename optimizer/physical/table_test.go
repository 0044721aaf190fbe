package physical_test

import (
	"strings"
	"testing"
)

// A table search uses the primary key when its equalities cover it, else a
// secondary index on every column its equalities fix, shared between
// searches fixing the same columns; it scans without an equality on a
// column, when the value reads the row itself, and with the optimizer off.
func TestTableSearches(t *testing.T) {
	const tables = "CREATE TABLE T (k STRING PRIMARY KEY, g STRING, n LONG);\nCREATE TABLE U (g STRING, n LONG);\n"
	// A query reading both tables keeps the statements under test alive.
	const reader = "\nINSERT INTO R SELECT k FROM A WHERE (U.n > 0) IN U AND (T.n > 0) IN T;"
	for _, c := range []struct {
		query   string
		disable bool
		want    []string
	}{
		{"UPDATE T SET n = 1 FROM A WHERE T.k = A.k AND T.g = A.k;", false,
			[]string{"q1 update T: primary-key lookup on (k) = (A.k)"}},
		{"DELETE FROM T USING B WHERE T.n = B.v AND T.g = B.k;", false,
			[]string{"table T: secondary hash index on (g, n)", "q1 delete T: hash index on (g, n) = (B.k, B.v)"}},
		{"DELETE FROM U USING B WHERE U.g = B.k;\nDELETE FROM U USING A WHERE A.k = U.g;", false,
			[]string{"q1 delete U: hash index on (g) = (B.k)", "q2 delete U: hash index on (g) = (A.k)"}},
		{"DELETE FROM U USING B WHERE U.g = B.k;", true, []string{"q1 delete U: scanned"}},
		{"DELETE FROM U USING B WHERE U.n > B.v;", false, []string{"q1 delete U: scanned"}},
		{"DELETE FROM U USING B WHERE U.g = B.k OR U.n = B.v;", false, []string{"q1 delete U: scanned"}},
		{"DELETE FROM U USING B WHERE U.g = U.g;", false, []string{"q1 delete U: scanned"}},
		{"UPSERT INTO U SELECT k AS g, v AS n FROM B ON U.g = g;", false, []string{"q1 upsert U: hash index on (g) = (out.g)"}},
		{"INSERT INTO O SELECT k FROM A WHERE (U.g = k AND U.n > 3) IN U;", false, []string{"q1 IN U: hash index on (g) = (A.k)"}},
		{"INSERT INTO O SELECT a.k AS k FROM A AS a JOIN U ON U.n = a.v;", false, []string{"U: table, hash index on (n) = (LONG(a.v))"}},
	} {
		got := choices(t, tables+c.query+reader, c.disable)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s (disable %v):\ngot  %q\nwant %q", c.query, c.disable, got, w)
			}
		}
	}
	if got := choices(t, tables+"DELETE FROM U USING B WHERE U.g = B.k;\nDELETE FROM U USING A WHERE U.g = A.k;"+reader, false); strings.Count(got, "table U: secondary") != 1 {
		t.Errorf("two searches on (g) should share one index:\n%s", got)
	}
}
