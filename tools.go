//go:build tools

// Package efluxc pins the module's tool and library dependencies.
package efluxc

import (
	_ "github.com/alecthomas/participle/v2"
	_ "github.com/dave/jennifer/jen"
	_ "github.com/google/go-cmp/cmp"
	_ "github.com/stretchr/testify/require"
	_ "golang.org/x/tools/txtar"
)
