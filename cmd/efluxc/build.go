package main

import (
	"io"
	"os"
)

const buildUsage = "build [-o BINARY] [-O0] app.eventflux"

var buildCmd = command{
	name:    "build",
	usage:   buildUsage,
	summary: "compile and build a standalone binary (stdin/stdout JSON lines driver)",
	run:     runBuild,
}

func runBuild(args []string) error {
	fs := newFlags("build", buildUsage)
	out := fs.String("o", "", "output binary (default: the package name)")
	noOpt := fs.Bool("O0", false, "disable the optimizer")
	path, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *out == "" {
		*out = packageName(path)
	}
	bin, err := buildBinary(path, *noOpt)
	if err != nil {
		return err
	}
	return copyFile(*out, bin)
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp := dst + ".tmp"
	out, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(tmp)
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}
