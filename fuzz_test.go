package efluxc_test

import (
	"errors"
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/efluxc/efluxc/codegen"
	"github.com/efluxc/efluxc/compiler"
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/optimizer"
)

// FuzzCompile drives parse, check, optimize and codegen on arbitrary text,
// seeded with every corpus app. Nothing may panic, and every error must be a
// positioned diagnostic list (never an internal compiler error).
func FuzzCompile(f *testing.F) {
	files, _ := filepath.Glob("testdata/conformance/*/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			continue
		}
		for _, s := range ar.Files {
			if s.Name == "app.eventflux" {
				f.Add(string(s.Data))
			}
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		app, err := compiler.Compile("app.eventflux", []byte(src))
		if err != nil {
			requireUserError(t, src, err)
			return
		}
		phys, err := optimizer.Optimize(app, optimizer.Options{})
		if err != nil {
			t.Fatalf("optimize: %v\n%s", err, src)
		}
		if _, err := codegen.Generate(phys, codegen.Options{Package: "app", Source: "app.eventflux"}); err != nil {
			requireUserError(t, src, err)
		}
	})
}

func requireUserError(t *testing.T, src string, err error) {
	var list diag.List
	if !errors.As(err, &list) {
		t.Fatalf("error is not a diagnostic list: %v\n%s", err, src)
	}
	for _, d := range list {
		if d.Code == diag.Internal {
			t.Fatalf("internal error: %v\n%s", d, src)
		}
		if !d.Pos.IsValid() {
			t.Fatalf("diagnostic without a position: %v\n%s", d, src)
		}
	}
}
