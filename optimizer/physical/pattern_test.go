package physical_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/efluxc/efluxc/compiler"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/optimizer"
)

const streams = "CREATE STREAM A (k STRING, v INT); CREATE STREAM B (k STRING, v LONG);\n"

func choices(t *testing.T, query string, disable bool) string {
	t.Helper()
	app, err := compiler.Compile("app.eventflux", []byte(streams+query))
	if err != nil {
		t.Fatal(err)
	}
	p, err := optimizer.Optimize(app, optimizer.Options{Disable: disable})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := plan.PrintPhysical(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The index is chosen for a PATTERN element state with an equality to an
// earlier non-counted alias, never with the optimizer off, never in a
// SEQUENCE, never on a counted alias's key.
func TestPatternIndexes(t *testing.T) {
	for _, c := range []struct {
		query   string
		disable bool
		want    string
	}{
		{"INSERT INTO O SELECT e1.k AS k FROM PATTERN (EVERY e1=A -> e2=B[v > 1 AND k = e1.k]) WITHIN 1 sec;", false,
			"q1 s2: runs indexed by e1.k, probed with e2.k\n"},
		{"INSERT INTO O SELECT e1.k AS k FROM PATTERN (EVERY e1=A -> e2=B[e1.v = v]) WITHIN 1 sec;", false,
			"q1 s2: runs indexed by LONG(e1.v), probed with e2.v\n"},
		{"INSERT INTO O SELECT e1.k AS k FROM PATTERN (EVERY e1=A -> e2=B[k = e1.k]) WITHIN 1 sec;", true, ""},
		{"INSERT INTO O SELECT e1.k AS k FROM SEQUENCE (EVERY e1=A, e2=B[k = e1.k]) WITHIN 1 sec;", false, ""},
		{"INSERT INTO O SELECT e1[0].k AS k FROM PATTERN (e1=A{2} -> e2=B[k = e1[0].k]);", false, ""},
		{"INSERT INTO O SELECT e1.k AS k FROM PATTERN (EVERY e1=A -> e2=B[k != e1.k]) WITHIN 1 sec;", false, ""},
	} {
		if got := choices(t, c.query, c.disable); got != c.want {
			t.Errorf("%s (-O0 %v):\ngot  %q\nwant %q", c.query, c.disable, got, c.want)
		}
	}
}

// EVERY without WITHIN is flagged when the range ends before the last
// state (runs accumulate there), not otherwise.
func TestPatternWarnings(t *testing.T) {
	for _, c := range []struct {
		query string
		warn  bool
	}{
		{"INSERT INTO O SELECT e1.k AS k FROM PATTERN (EVERY e1=A -> e2=B);", true},
		{"INSERT INTO O SELECT e1.k AS k FROM PATTERN (EVERY e1=A -> e2=B) WITHIN 1 min;", false},
		{"INSERT INTO O SELECT e1.k AS k FROM PATTERN (EVERY (e1=A -> e2=B));", false},
		{"INSERT INTO O SELECT e1.k AS k FROM PATTERN (e1=A -> EVERY e2=B);", false},
	} {
		got := strings.Contains(choices(t, c.query, false), "warning: q1 (line 2): EVERY without WITHIN")
		if got != c.warn {
			t.Errorf("%s: warning %v, want %v", c.query, got, c.warn)
		}
	}
}
