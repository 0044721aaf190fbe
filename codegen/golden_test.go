package codegen

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/efluxc/efluxc/compiler"
	"github.com/efluxc/efluxc/optimizer"
)

var update = flag.Bool("update", false, "rewrite the golden packages under internal/golden")

// goldenApps are the golden cases: testdata/<name>.eventflux compiled into
// the Go package internal/golden/<name>. noOpt compiles without the
// optimizer, to keep the constant expressions that it would fold.
var goldenApps = []struct {
	name  string
	noOpt bool
	src   string // testdata/<src>.eventflux when not <name>
}{
	{"filterproject", false, ""},
	{"exprs", false, ""},
	{"chain", false, ""},
	{"consts", true, ""},
	{"lengthgroup", false, ""},
	{"timegroup", false, ""},
	// A keyed two-step pattern: with its correlation index, and the same
	// source without the optimizer (every run visited) for comparison.
	{"keyedpattern", false, ""},
	{"keyedpatternscan", true, "keyedpattern"},
	{"patterns", false, ""},
	// An equi-join of two length windows: hash-indexed probes, and the same
	// source without the optimizer (every probe scans) for comparison.
	{"keyedjoin", false, ""},
	{"keyedjoinscan", true, "keyedjoin"},
	{"tables", false, ""},
	// A table searched on a non-key column: through a secondary index, and
	// the same source without the optimizer (every search scans).
	{"keyedtable", false, ""},
	{"keyedtablescan", true, "keyedtable"},
	{"parttime", false, ""},
	{"partrange", false, ""},
	// Batch windows with GROUP BY aggregating as events arrive, and the
	// same queries with HAVING, which keep the batch (equal rows).
	{"batchgroup", false, ""},
}

func generateGolden(t *testing.T, name string, noOpt bool, src string) map[string][]byte {
	t.Helper()
	if src == "" {
		src = name
	}
	file := src + ".eventflux"
	text, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	app, err := compiler.Compile(file, text)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	p, err := optimizer.Optimize(app, optimizer.Options{Disable: noOpt})
	if err != nil {
		t.Fatalf("Optimize: %v", err)
	}
	files, err := Generate(p, Options{Package: name, Source: file, SourceText: text})
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return files
}

// TestGolden compares the generated packages with internal/golden; with
// -update it rewrites them. The golden packages are ordinary packages of
// the module, so `go vet ./...` and TestGoldenBuild check that they build.
func TestGolden(t *testing.T) {
	for _, g := range goldenApps {
		t.Run(g.name, func(t *testing.T) {
			files := generateGolden(t, g.name, g.noOpt, g.src)
			dir := filepath.Join("internal", "golden", g.name)
			for name, got := range files {
				path := filepath.Join(dir, name)
				if *update {
					if err := os.MkdirAll(dir, 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the generated code; run go test ./codegen -update and review the diff", path)
				}
			}
		})
	}
}

// TestDeterministic generates every golden app twice and compares bytes.
func TestDeterministic(t *testing.T) {
	for _, g := range goldenApps {
		a := generateGolden(t, g.name, g.noOpt, g.src)
		b := generateGolden(t, g.name, g.noOpt, g.src)
		for name := range a {
			if !bytes.Equal(a[name], b[name]) {
				t.Errorf("%s/%s: two generations differ", g.name, name)
			}
		}
	}
}

// TestGoldenBuild vets the golden packages (and so compiles them).
func TestGoldenBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	out, err := exec.Command("go", "vet", "./internal/golden/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go vet ./internal/golden/...: %v\n%s", err, out)
	}
}
