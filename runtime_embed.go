// Package efluxc holds the sources of the runtime packages (rt, its
// subpackages and stdlib) so that the efluxc binary can write them next to
// generated code and build it offline, without fetching the module from a
// proxy. See docs/build.md.
package efluxc

import (
	"embed"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// runtimeFS holds rt/ and stdlib/ recursively. Directory patterns (rather
// than rt/*.go rt/driver/*.go stdlib/*.go) tolerate subpackages that do not
// exist yet; RuntimeFiles picks out what belongs in the runtime module.
//
//go:embed rt stdlib
var runtimeFS embed.FS

// modulePath is this module's path; imports below it are runtime-internal.
const modulePath = "github.com/efluxc/efluxc"

// RuntimeFiles returns the non-test Go sources of rt, rt/driver, the other
// rt subpackages and stdlib, by slash-separated path relative to the module
// root (e.g. "rt/ring.go"). A package that imports anything outside the
// standard library and this module (a connector such as rt/kafka), or that
// imports such a package, is left out: apps that use one are built inside
// the real module.
func RuntimeFiles() (map[string][]byte, error) {
	files := map[string][]byte{}
	deps := map[string][]string{} // package dir → imported dirs of this module
	bad := map[string]bool{}      // package dirs with third-party imports
	err := fs.WalkDir(runtimeFS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), "_") || strings.HasPrefix(d.Name(), ".")) {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := runtimeFS.ReadFile(p)
		if err != nil {
			return err
		}
		dir := path.Dir(p)
		f, err := parser.ParseFile(token.NewFileSet(), p, b, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			ip, _ := strconv.Unquote(imp.Path.Value)
			switch {
			case strings.HasPrefix(ip, modulePath+"/"):
				deps[dir] = append(deps[dir], strings.TrimPrefix(ip, modulePath+"/"))
			case strings.Contains(strings.SplitN(ip, "/", 2)[0], "."):
				bad[dir] = true
			}
		}
		files[p] = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	for changed := true; changed; { // spread exclusion to importers
		changed = false
		for dir, ds := range deps {
			for _, d := range ds {
				if bad[d] && !bad[dir] {
					bad[dir], changed = true, true
				}
			}
		}
	}
	for p := range files {
		if bad[path.Dir(p)] {
			delete(files, p)
		}
	}
	return files, nil
}
