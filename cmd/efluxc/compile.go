package main

import (
	"os"
	"path/filepath"
	"sort"
)

const compileUsage = "compile [-o DIR] [-pkg NAME] [-O0] app.eventflux"

var compileCmd = command{
	name:    "compile",
	usage:   compileUsage,
	summary: "write the app's Go package",
	run:     runCompile,
}

func runCompile(args []string) error {
	fs := newFlags("compile", compileUsage)
	out := fs.String("o", "", "output directory (default: the package name)")
	pkg := fs.String("pkg", "", "Go package name (default: from the file name)")
	noOpt := fs.Bool("O0", false, "disable the optimizer")
	path, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *pkg == "" {
		*pkg = packageName(path)
	}
	if *out == "" {
		*out = *pkg
	}
	files, err := generate(path, *pkg, *noOpt)
	if err != nil {
		return err
	}
	return writeFiles(*out, files)
}

// writeFiles writes generated files into dir, in name order.
func writeFiles(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), files[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}
