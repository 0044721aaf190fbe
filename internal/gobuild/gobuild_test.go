package gobuild

import (
	"context"
	"errors"
	"os/exec"
	"strings"
	"testing"
)

func TestBuildUsesEmbeddedRuntime(t *testing.T) {
	files := map[string][]byte{
		"main.go": []byte(`package main

import (
	"fmt"

	"github.com/efluxc/efluxc/rt"
)

func main() { fmt.Println(rt.Long.String()) }
`),
	}
	cache := t.TempDir()
	bin, err := Build(context.Background(), files, Options{CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(string(out)); got != "LONG" {
		t.Fatalf("got %q, want LONG", got)
	}
	bin2, err := Build(context.Background(), files, Options{CacheDir: cache})
	if err != nil || bin2 != bin {
		t.Fatalf("second build: %v, %s != %s", err, bin2, bin)
	}
}

func TestBuildReportsCompilerErrors(t *testing.T) {
	files := map[string][]byte{
		"main.go":    []byte("package main\n\nimport \"efluxcapp/c0001\"\n\nfunc main() { c0001.F() }\n"),
		"c0001/a.go": []byte("package c0001\n\nfunc F() { undefinedThing() }\n"),
	}
	_, err := Build(context.Background(), files, Options{CacheDir: t.TempDir()})
	var be *Error
	if !errors.As(err, &be) {
		t.Fatalf("want *Error, got %v", err)
	}
	if !strings.Contains(be.Output, "c0001/a.go:3") || !strings.Contains(be.Output, "undefinedThing") {
		t.Fatalf("output lacks the error position:\n%s", be.Output)
	}
}
