package codegen

import (
	"errors"
	"strings"
	"testing"

	"github.com/efluxc/efluxc/compiler"
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
)

// Stateful constructs are rejected with a positioned diag.Unsupported
// error instead of being compiled into wrong code.
func TestUnsupported(t *testing.T) {
	const s = "CREATE STREAM S (sym STRING, v INT);\n"
	for _, c := range []struct{ src, want string }{} {
		app, err := compiler.Compile("app.eventflux", []byte(c.src))
		if err != nil {
			t.Errorf("%s: compile: %v", c.src, err)
			continue
		}
		// Without the optimizer: it may remove queries whose output nobody reads.
		_, err = Generate(&plan.Physical{App: app}, Options{Package: "app", Source: "app.eventflux"})
		var l diag.List
		if !errors.As(err, &l) || l[0].Code != diag.Unsupported || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s:\ngot  %v\nwant %q", c.src, err, c.want)
		}
	}
}
