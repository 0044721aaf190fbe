package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/efluxc/efluxc/codegen"
	"github.com/efluxc/efluxc/compiler"
	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/optimizer"
)

// newFlags returns a flag set for a subcommand whose usage line is usage.
func newFlags(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: efluxc %s\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and requires exactly one positional argument, the app file.
func parseFlags(fs *flag.FlagSet, args []string) (string, error) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", exitError(0)
		}
		return "", exitError(2)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return "", exitError(2)
	}
	return fs.Arg(0), nil
}

// compileFile reads and compiles an app, printing diagnostics to stderr
// (file:line:col: msg, one per line). On failure it returns exitError(1).
func compileFile(path string) (*plan.App, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	app, err := compiler.Compile(path, src)
	if err != nil {
		printDiags(os.Stderr, err)
		return nil, exitError(1)
	}
	return app, nil
}

// printDiags writes an error from a compiler stage, one diagnostic per line.
func printDiags(w io.Writer, err error) {
	var l diag.List
	if errors.As(err, &l) {
		l.Sort()
		for _, d := range l {
			fmt.Fprintln(w, d.Error())
		}
		return
	}
	fmt.Fprintln(w, err)
}

// generate compiles, optimizes (unless noOpt) and generates package pkg.
func generate(path, pkg string, noOpt bool) (map[string][]byte, error) {
	app, err := compileFile(path)
	if err != nil {
		return nil, err
	}
	phys, err := optimizer.Optimize(app, optimizer.Options{Disable: noOpt})
	if err != nil {
		printDiags(os.Stderr, err)
		return nil, exitError(1)
	}
	files, err := codegen.Generate(phys, codegen.Options{Package: pkg, Source: filepath.Base(path)})
	if err != nil {
		printDiags(os.Stderr, err)
		return nil, exitError(1)
	}
	return files, nil
}

// packageName derives a Go package name from an app file name:
// "stock-alerts.eventflux" → "stockalerts".
func packageName(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	name := b.String()
	if name == "" || unicode.IsDigit(rune(name[0])) || isReserved(name) {
		name = "app" + name
	}
	return name
}

func isReserved(name string) bool {
	switch name {
	case "main", "break", "case", "chan", "const", "continue", "default", "defer", "else",
		"fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map",
		"package", "range", "return", "select", "struct", "switch", "type", "var":
		return true
	}
	return false
}
