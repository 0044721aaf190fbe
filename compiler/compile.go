// Package compiler turns EventFlux SQL into the typed plan:
// syntax.Parse → check.Check (resolution, typing, plan building).
package compiler

import (
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/efluxc/efluxc/compiler/check"
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/source"
	"github.com/efluxc/efluxc/compiler/syntax"
)

// Compile parses and checks the application in src. file names it in
// positions (e.g. "app.eventflux"). User errors come back as a diag.List.
func Compile(file string, src []byte) (app *plan.App, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = diag.List{{Pos: source.Pos{File: file}, Code: diag.Internal,
				Msg: fmt.Sprintf("internal compiler error: %v\n%s", r, debug.Stack())}}
		}
	}()
	f, err := syntax.Parse(file, src)
	if err != nil {
		return nil, err
	}
	name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	return check.Check(name, f)
}
