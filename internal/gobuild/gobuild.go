// Package gobuild builds generated Go code into binaries offline: it writes a
// throwaway module (module efluxcapp) whose dependency on
// github.com/efluxc/efluxc is replaced by a local copy of the runtime sources
// embedded in efluxc, runs `go build` with the network off, and caches the
// binary by a hash of everything that went into it. See docs/build.md.
package gobuild

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/efluxc/efluxc"
)

// ModulePath is the module path of the throwaway module.
const ModulePath = "efluxcapp"

// RuntimeModule is the module path generated code imports the runtime from.
const RuntimeModule = "github.com/efluxc/efluxc"

// runtimeDir is where the runtime copy lives inside the throwaway module.
const runtimeDir = "efluxc-runtime"

// Options control a build.
type Options struct {
	// Pkg is the package to build, relative to the module root ("." by default).
	Pkg string
	// CacheDir overrides the cache root (default: $EFLUXC_CACHE, else
	// os.UserCacheDir()/efluxc, else os.TempDir()/efluxc-cache).
	CacheDir string
	// NoCache forces a build even when a cached binary exists.
	NoCache bool
	// KeepFailed keeps the module directory of a failed build for
	// inspection (Error.Dir); by default it is removed.
	KeepFailed bool
}

// Error is a failed `go build`: Output holds the compiler's messages, with
// file names relative to the module root (e.g. "c0001/app.go:3:2: ...").
type Error struct {
	Dir    string // the module directory (removed unless Options.KeepFailed)
	Output string
	Err    error
}

func (e *Error) Error() string {
	return fmt.Sprintf("go build failed (%v) in %s:\n%s", e.Err, e.Dir, e.Output)
}

// Build writes files (slash-separated paths relative to the module root,
// e.g. "main.go", "c0001/app.go") into a throwaway module next to the
// embedded runtime, builds opts.Pkg and returns the path of the binary.
// Binaries are cached by a hash of the files, the runtime sources and the Go
// toolchain, so building the same program twice costs one hash.
func Build(ctx context.Context, files map[string][]byte, opts Options) (string, error) {
	rtFiles, err := runtimeFiles()
	if err != nil {
		return "", err
	}
	root, err := CacheRoot(opts.CacheDir)
	if err != nil {
		return "", err
	}
	goCmd := goTool()
	pkg := opts.Pkg
	if pkg == "" {
		pkg = "."
	}
	key := hashInputs(goCmd, pkg, files, rtFiles)
	bin := filepath.Join(root, "bin", key+exeSuffix())
	if !opts.NoCache {
		if _, err := os.Stat(bin); err == nil {
			return bin, nil
		}
	}
	if err := os.MkdirAll(filepath.Join(root, "bin"), 0o755); err != nil {
		return "", err
	}
	dir, err := buildDir(root, key)
	if err != nil {
		return "", err
	}
	if err := writeModule(dir, files, rtFiles); err != nil {
		return "", err
	}
	tmp := bin + fmt.Sprintf(".tmp%d", os.Getpid())
	cmd := exec.CommandContext(ctx, goCmd, "build", "-trimpath", "-buildvcs=false", "-o", tmp, pkgArg(pkg))
	cmd.Dir = dir
	cmd.Env = Env()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		os.Remove(tmp)
		if !opts.KeepFailed {
			os.RemoveAll(dir)
		}
		return "", &Error{Dir: dir, Output: out.String(), Err: err}
	}
	if err := os.Rename(tmp, bin); err != nil {
		return "", err
	}
	os.RemoveAll(dir)
	return bin, nil
}

// Env is the environment for go commands run on the throwaway module: no
// network, no workspace, go.mod may be completed locally.
func Env() []string {
	env := []string{}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "GOFLAGS", "GOPROXY", "GOWORK", "GO111MODULE", "GONOSUMDB", "GOFLAGS_EXTRA":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GO111MODULE=on")
}

// GoMod returns the go.mod of the throwaway module.
func GoMod() []byte {
	return []byte("module " + ModulePath + "\n\ngo 1.26\n\nrequire " + RuntimeModule + " v0.0.0\n\nreplace " +
		RuntimeModule + " => ./" + runtimeDir + "\n")
}

func runtimeGoMod() []byte {
	return []byte("module " + RuntimeModule + "\n\ngo 1.26\n")
}

func writeModule(dir string, files, rtFiles map[string][]byte) error {
	all := map[string][]byte{"go.mod": GoMod(), runtimeDir + "/go.mod": runtimeGoMod()}
	for p, b := range rtFiles {
		all[runtimeDir+"/"+p] = b
	}
	for p, b := range files {
		if p == "go.mod" || strings.HasPrefix(p, runtimeDir+"/") {
			return fmt.Errorf("gobuild: file %s clashes with the module layout", p)
		}
		all[p] = b
	}
	for p, b := range all {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// buildDir returns a fresh directory for a build: build/KEY when it is free
// (a stable path for the same inputs), else a unique sibling so that
// concurrent builds of the same inputs do not trample each other. The build
// uses -trimpath, so Go's build cache is shared across directories anyway.
func buildDir(root, key string) (string, error) {
	base := filepath.Join(root, "build")
	if err := os.MkdirAll(base, 0o755); err != nil {
		return "", err
	}
	dir := filepath.Join(base, key[:24])
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, os.ErrExist) {
		// Left over from a failed build (reuse it once it is an hour old)
		// or in use by a concurrent one (leave it alone).
		if st, serr := os.Stat(dir); serr == nil && time.Since(st.ModTime()) > time.Hour && os.RemoveAll(dir) == nil {
			err = os.Mkdir(dir, 0o755)
		}
	}
	if err == nil {
		return dir, nil
	}
	return os.MkdirTemp(base, key[:24]+"-*")
}

// CacheRoot returns the cache directory, creating it.
func CacheRoot(override string) (string, error) {
	dir := override
	if dir == "" {
		dir = os.Getenv("EFLUXC_CACHE")
	}
	if dir == "" {
		if ucd, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(ucd, "efluxc")
		} else {
			dir = filepath.Join(os.TempDir(), "efluxc-cache")
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return dir, nil
}

var rtOnce struct {
	sync.Once
	files map[string][]byte
	err   error
}

func runtimeFiles() (map[string][]byte, error) {
	rtOnce.Do(func() { rtOnce.files, rtOnce.err = efluxc.RuntimeFiles() })
	return rtOnce.files, rtOnce.err
}

var goVersion struct {
	sync.Once
	v string
}

// hashInputs hashes everything that determines the binary.
func hashInputs(goCmd, pkg string, files, rtFiles map[string][]byte) string {
	goVersion.Do(func() {
		out, _ := exec.Command(goCmd, "version").Output()
		goVersion.v = strings.TrimSpace(string(out))
	})
	h := sha256.New()
	fmt.Fprintf(h, "efluxc-gobuild 1\n%s\n%s/%s\npkg %s\n", goVersion.v, runtime.GOOS, runtime.GOARCH, pkg)
	hashFiles := func(prefix string, m map[string][]byte) {
		names := make([]string, 0, len(m))
		for p := range m {
			names = append(names, p)
		}
		sort.Strings(names)
		for _, p := range names {
			fmt.Fprintf(h, "%s%s %d\n", prefix, p, len(m[p]))
			h.Write(m[p])
		}
	}
	hashFiles("rt:", rtFiles)
	hashFiles("app:", files)
	return hex.EncodeToString(h.Sum(nil))
}

func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	if p := filepath.Join(runtime.GOROOT(), "bin", "go"+exeSuffix()); fileExists(p) {
		return p
	}
	return "go"
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func exeSuffix() string {
	if runtime.GOOS == "windows" {
		return ".exe"
	}
	return ""
}

func pkgArg(pkg string) string {
	if pkg == "." || strings.HasPrefix(pkg, "./") {
		return pkg
	}
	return "./" + pkg
}
