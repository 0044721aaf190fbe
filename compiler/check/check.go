// Package check resolves names, types every expression, enforces the static
// rules of LANGUAGE.md and builds the typed plan. It is the only stage besides
// syntax that reports user errors.
package check

import (
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/syntax"
)

// Check checks a parsed file and returns its plan, or a diag.List.
func Check(name string, f *syntax.File) (*plan.App, error) {
	panic("check: not implemented yet")
}
