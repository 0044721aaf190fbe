package physical_test

import (
	"strings"
	"testing"
)

// Windows are hash-indexed on the ON equalities between the two stream
// sides (widened keys included), never with the optimizer off, never for
// a condition without such an equality; a table side is searched as
// TestTableSearches describes.
func TestJoinIndexes(t *testing.T) {
	const from = "INSERT INTO O SELECT a.k AS k FROM A AS a WINDOW('length', 5) JOIN B AS b WINDOW('length', 5) "
	for _, c := range []struct {
		query   string
		disable bool
		want    string
	}{
		{from + "ON a.k = b.k AND a.v < b.v;", false, "q1 join: a: window hash-indexed on (a.k); b: window hash-indexed on (b.k)"},
		{from + "ON a.v = b.v;", false, "a: window hash-indexed on (LONG(a.v)); b: window hash-indexed on (b.v)"},
		{from + "ON a.k = b.k;", true, "q1 join: a: window scanned; b: window scanned"},
		{from + "ON a.k != b.k;", false, "q1 join: a: window scanned; b: window scanned"},
		{"CREATE TABLE T (k STRING PRIMARY KEY);\nINSERT INTO O SELECT a.k AS k FROM A AS a JOIN T ON a.k = T.k;", false,
			"T: table, primary-key lookup on (k) = (a.k)"},
	} {
		if got := choices(t, c.query, c.disable); !strings.Contains(got, c.want) {
			t.Errorf("%s (disable %v):\ngot  %q\nwant %q", c.query, c.disable, got, c.want)
		}
	}
}
