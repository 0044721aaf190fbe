package cases

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/efluxc/efluxc/codegen"
	"github.com/efluxc/efluxc/compiler"
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/types"
	"github.com/efluxc/efluxc/optimizer"
)

// compiled is a case's app taken through compile, optimize and codegen.
type compiled struct {
	files  map[string][]byte       // generated files by name
	schema map[string][]types.Type // attribute types of every stream
	kind   Kind                    // Passed, or why there is no code
	detail string
}

// frontend compiles a case in a mode into package pkg (replaceable in tests).
type frontend func(c *Case, m Mode, pkg string) compiled

// compileCase runs the real pipeline. Panics in any stage are internal errors.
func compileCase(c *Case, m Mode, pkg string) (res compiled) {
	stage := "compile"
	defer func() {
		if r := recover(); r != nil {
			res = compiled{kind: InternalError, detail: fmt.Sprintf("panic in %s: %v\n%s", stage, r, trimStack(debug.Stack()))}
		}
	}()
	app, err := compiler.Compile(AppFile, c.App)
	if err != nil {
		return compiled{kind: classify(err, CompileError), detail: err.Error()}
	}
	schema := map[string][]types.Type{}
	for _, s := range app.Streams {
		ts := make([]types.Type, len(s.Attrs))
		for i, a := range s.Attrs {
			ts[i] = a.Type
		}
		schema[s.Name] = ts
	}
	stage = "optimize"
	phys, err := optimizer.Optimize(app, optimizer.Options{Disable: m == Unoptimized})
	if err != nil {
		return compiled{kind: classify(err, InternalError), detail: "optimizer: " + err.Error()}
	}
	stage = "codegen"
	files, err := codegen.Generate(phys, codegen.Options{Package: pkg, Source: AppFile})
	if err != nil {
		return compiled{kind: classify(err, InternalError), detail: err.Error()}
	}
	return compiled{files: files, schema: schema, kind: Passed}
}

// classify maps an error to a Kind: Unsupported when any diagnostic says
// so, InternalError for internal diagnostics and non-diagnostic errors, else
// user (the default, e.g. CompileError for the compiler's user errors).
func classify(err error, user Kind) Kind {
	var l diag.List
	if !errors.As(err, &l) {
		return InternalError
	}
	kind := user
	for _, d := range l {
		switch d.Code {
		case diag.Unsupported:
			return Unsupported
		case diag.Internal:
			kind = InternalError
		}
	}
	return kind
}

// checkErrorCase runs an `error` case: compiling must fail with user
// diagnostics whose text contains every expected line, ignoring case.
func checkErrorCase(c *Case) (kind Kind, detail string) {
	defer func() {
		if r := recover(); r != nil {
			kind, detail = InternalError, fmt.Sprintf("panic in compile: %v\n%s", r, trimStack(debug.Stack()))
		}
	}()
	_, err := compiler.Compile(AppFile, c.App)
	want := "want an error containing " + quoteAll(c.Errors)
	if err == nil {
		return CompileError, "the app compiled; " + want
	}
	var l diag.List
	if !errors.As(err, &l) {
		return InternalError, "not a diagnostic: " + err.Error()
	}
	var user diag.List
	for _, d := range l {
		if d.Code != diag.Unsupported && d.Code != diag.Internal {
			user = append(user, d)
		}
	}
	if len(user) == 0 {
		return classify(err, CompileError), err.Error() + "\n" + want
	}
	text := strings.ToLower(user.Error())
	var missing []string
	for _, s := range c.Errors {
		if !strings.Contains(text, strings.ToLower(s)) {
			missing = append(missing, s)
		}
	}
	if len(missing) > 0 {
		return CompileError, "got errors:\n" + user.Error() + "\nmissing " + quoteAll(missing)
	}
	return Passed, ""
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// trimStack keeps the first lines of a stack trace, from the panicking frame.
func trimStack(b []byte) string {
	lines := strings.Split(string(b), "\n")
	for i, l := range lines { // start at the frame that panicked
		if strings.HasPrefix(l, "panic(") && i+2 < len(lines) {
			lines = lines[i+2:]
			break
		}
	}
	if len(lines) > 30 {
		lines = append(lines[:30], "...")
	}
	return strings.Join(lines, "\n")
}
