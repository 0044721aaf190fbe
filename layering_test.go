package efluxc_test

import (
	"os/exec"
	"strings"
	"testing"
)

// forbidden lists, per package prefix, the packages it must never import:
// dependencies point one way (compiler → optimizer → codegen; generated
// code → rt, stdlib), and rt/stdlib import no compiler package.
var forbidden = map[string][]string{
	"github.com/efluxc/efluxc/compiler/plan":   {"compiler/syntax", "compiler/check"},
	"github.com/efluxc/efluxc/compiler/syntax": {"compiler/check", "compiler/plan", "optimizer", "codegen"},
	"github.com/efluxc/efluxc/compiler":        {"optimizer", "codegen", "/rt", "stdlib"},
	"github.com/efluxc/efluxc/optimizer":       {"codegen", "compiler/syntax", "compiler/check", "/rt", "stdlib"},
	"github.com/efluxc/efluxc/codegen":         {"optimizer", "compiler/syntax", "compiler/check", "/rt", "stdlib"},
	"github.com/efluxc/efluxc/rt":              {"compiler", "optimizer", "codegen"},
	"github.com/efluxc/efluxc/stdlib":          {"compiler", "optimizer", "codegen", "/rt"},
}

// TestLayering fails when a package imports (directly or not) a package
// its layer must not depend on.
func TestLayering(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps=false", "-f", `{{.ImportPath}} {{join .Deps " "}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, deps := fields[0], fields[1:]
		if strings.Contains(pkg, "/internal/golden/") || strings.HasSuffix(pkg, "_test") {
			continue
		}
		for prefix, bad := range forbidden {
			if pkg != prefix && !strings.HasPrefix(pkg, prefix+"/") {
				continue
			}
			for _, d := range deps {
				if !strings.HasPrefix(d, "github.com/efluxc/efluxc/") {
					continue
				}
				rel := strings.TrimPrefix(d, "github.com/efluxc/efluxc")
				for _, b := range bad {
					if strings.HasPrefix(rel, "/"+strings.TrimPrefix(b, "/")) && !strings.HasPrefix(d, prefix) {
						t.Errorf("%s must not import %s", pkg, d)
					}
				}
			}
		}
	}
}

// TestRuntimeStdOnly requires rt and stdlib (what generated code imports) to
// depend on nothing outside the standard library and themselves.
func TestRuntimeStdOnly(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", `{{if not .Standard}}{{.ImportPath}}{{end}}`,
		"./rt", "./rt/driver", "./stdlib").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, d := range strings.Fields(string(out)) {
		if d != "github.com/efluxc/efluxc/rt" && d != "github.com/efluxc/efluxc/rt/driver" && d != "github.com/efluxc/efluxc/stdlib" {
			t.Errorf("the runtime depends on %s", d)
		}
	}
}
