// Package codegen emits a Go package for a physical plan with dave/jennifer.
package codegen

import "github.com/efluxc/efluxc/compiler/plan"

// Options control code generation.
type Options struct {
	Package string // Go package name of the generated code
	Source  string // source file name for the header comment, e.g. "stock.eventflux"
}

// Generate returns the generated files, by file name. Constructs that are not
// implemented yet are rejected with a diag.List of diag.Unsupported errors
// ("not supported yet: <construct>") at their positions.
func Generate(p *plan.Physical, opts Options) (map[string][]byte, error) {
	panic("codegen: not implemented yet")
}
