package codegen

import (
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/efluxc/efluxc/codegen/expr"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/types"
)

// kernel is how one aggregate call is kept in a group struct: its fields,
// how a value is added and removed, how RESET clears it, and how its
// result is read (§6.1). Nulls never reach a kernel.
type kernel struct {
	agg    *plan.Agg
	fields []jen.Code
	// add and remove take the argument value (nil for COUNT(*)).
	add, remove func(v jen.Code) jen.Code
	reset       []jen.Code // statements on g; nil for MINFOREVER/MAXFOREVER
	clear       []jen.Code // statements on g making a new group's kernel empty
	result      func(g jen.Code) expr.Value
	argType     types.Type // Go type the argument is converted to; 0: unchanged
	// shared: the kernel keeps no state of its own, its result reads
	// another kernel's (AVG of a DOUBLE SUM's argument: shareAvg).
	shared bool
}

// shareAvg makes each AVG whose argument is also a SUM's, summed in
// DOUBLE, read that SUM's kernel: the same additions in the same order,
// so the same result, with one update per event instead of two. argKey
// identifies an aggregate's argument.
func shareAvg(kernels []*kernel, argKey func(*plan.Agg) string) {
	for _, avg := range kernels {
		if avg.agg.Kind != plan.AggAvg || avg.agg.Arg == nil {
			continue
		}
		for _, sum := range kernels {
			if sum.agg.Kind != plan.AggSum || sum.argType != types.Double || sum.agg.Arg == nil ||
				argKey(sum.agg) != argKey(avg.agg) {
				continue
			}
			name := kernelName(sum.agg)
			*avg = kernel{agg: avg.agg, shared: true, argType: avg.argType,
				result: func(g jen.Code) expr.Value {
					return expr.External(types.Double, jen.Add(g).Dot(name).Dot("Mean").Call(), expr.IsZero(jen.Add(g).Dot(name).Dot("N")))
				}}
			break
		}
	}
}

// kernelName is sum0, minForever3, ...: the kind in lower camel case and the ID.
func kernelName(a *plan.Agg) string {
	words := strings.Split(strings.ToLower(a.Kind.String()), "_")
	name := words[0]
	for _, w := range words[1:] {
		name += strings.ToUpper(w[:1]) + w[1:]
	}
	switch a.Kind {
	case plan.AggDistinctCount:
		name = "distinctCount"
	case plan.AggMinForever:
		name = "minForever"
	case plan.AggMaxForever:
		name = "maxForever"
	case plan.AggStdDev:
		name = "stdDev"
	}
	return name + strconv.Itoa(a.ID)
}

func rtType(name string, args ...jen.Code) *jen.Statement {
	s := jen.Qual(rtPath, name)
	if len(args) > 0 {
		s.Types(args...)
	}
	return s
}

// newKernel chooses the kernel of a for a window removing events as r.
func newKernel(a *plan.Agg, r removal) *kernel {
	name := kernelName(a)
	k := &kernel{agg: a}
	gf := func(g jen.Code) *jen.Statement { return jen.Add(g).Dot(name) }
	self := gf(jen.Id("g"))
	call := func(method string) func(v jen.Code) jen.Code {
		return func(v jen.Code) jen.Code { return jen.Add(self).Dot(method).Call(v) }
	}
	resetCall := []jen.Code{jen.Add(self).Dot("Reset").Call()}
	useKernel := func(typ jen.Code, add, remove string) {
		k.fields = []jen.Code{jen.Id(name).Add(typ)}
		k.add, k.remove = call(add), call(remove)
		k.reset, k.clear = resetCall, resetCall
	}
	var argT types.Type
	if a.Arg != nil {
		argT = a.Arg.Type()
	}
	goArg := func() *jen.Statement {
		if argT == types.Null {
			return jen.Bool()
		}
		return expr.GoType(argT)
	}
	empty := func(g jen.Code) *expr.Cond { return expr.IsZero(gf(g).Dot("Len").Call()) }
	noN := func(g jen.Code) *expr.Cond { return expr.IsZero(gf(g).Dot("N")) }
	notOk := func(g jen.Code) *expr.Cond { return expr.Not(gf(g).Dot("Ok")) }
	switch a.Kind {
	case plan.AggCount:
		k.fields = []jen.Code{jen.Id(name).Int64()}
		k.add = func(jen.Code) jen.Code { return jen.Add(self).Op("++") }
		k.remove = func(jen.Code) jen.Code { return jen.Add(self).Op("--") }
		k.reset = []jen.Code{jen.Add(self).Op("=").Lit(0)}
		k.clear = k.reset
		k.result = func(g jen.Code) expr.Value { return expr.External(types.Long, gf(g), nil) }
	case plan.AggDistinctCount:
		useKernel(rtType("Distinct", goArg()), "Add", "Remove")
		k.result = func(g jen.Code) expr.Value {
			return expr.External(types.Long, gf(g).Dot("Count").Call(), nil)
		}
	case plan.AggSum, plan.AggSumDistinct:
		s := sumType(argT)
		k.argType = s
		useKernel(rtType("Sum", expr.GoType(s)), "Add", "Remove")
		if a.Kind == plan.AggSumDistinct {
			k.fields = append(k.fields, jen.Id(name+"Set").Add(rtType("Distinct", expr.GoType(s))))
			setOf := jen.Id("g").Dot(name + "Set")
			k.add = func(v jen.Code) jen.Code {
				return jen.If(jen.Add(setOf).Dot("Add").Call(v)).Block(jen.Add(self).Dot("Add").Call(v))
			}
			k.remove = func(v jen.Code) jen.Code {
				return jen.If(jen.Add(setOf).Dot("Remove").Call(v)).Block(jen.Add(self).Dot("Remove").Call(v))
			}
			k.reset = append(k.reset, jen.Add(setOf).Dot("Reset").Call())
			k.clear = k.reset
		}
		k.result = func(g jen.Code) expr.Value {
			return expr.External(a.T, gf(g).Dot("S"), noN(g))
		}
	case plan.AggAvg:
		k.argType = types.Double
		useKernel(rtType("Avg"), "Add", "Remove")
		k.result = func(g jen.Code) expr.Value {
			return expr.External(types.Double, gf(g).Dot("Mean").Call(), noN(g))
		}
	case plan.AggStdDev, plan.AggVariance:
		k.argType = types.Double
		useKernel(rtType("Moments"), "Add", "Remove")
		method := "StdDev"
		if a.Kind == plan.AggVariance {
			method = "Variance"
		}
		k.result = func(g jen.Code) expr.Value {
			return expr.External(types.Double, gf(g).Dot(method).Call(), noN(g))
		}
	case plan.AggMin, plan.AggMax:
		isMin := a.Kind == plan.AggMin
		switch r {
		case removeNever:
			useKernel(rtType("Best", goArg()), map[bool]string{true: "Min", false: "Max"}[isMin], "")
			k.remove = nil
			k.result = func(g jen.Code) expr.Value { return expr.External(a.T, gf(g).Dot("V"), notOk(g)) }
		case removeFIFO:
			useKernel(rtType(map[bool]string{true: "MinFIFO", false: "MaxFIFO"}[isMin], goArg()), "Add", "Remove")
			k.result = func(g jen.Code) expr.Value {
				return expr.External(a.T, gf(g).Dot("Value").Call(), empty(g))
			}
		default:
			useKernel(rtType("Multiset", goArg()), "Add", "Remove")
			m := map[bool]string{true: "Min", false: "Max"}[isMin]
			k.result = func(g jen.Code) expr.Value {
				return expr.External(a.T, gf(g).Dot(m).Call(), empty(g))
			}
		}
	case plan.AggMinForever, plan.AggMaxForever:
		useKernel(rtType("Best", goArg()), map[bool]string{true: "Min", false: "Max"}[a.Kind == plan.AggMinForever], "")
		k.remove = nil
		k.reset = nil
		k.result = func(g jen.Code) expr.Value { return expr.External(a.T, gf(g).Dot("V"), notOk(g)) }
	case plan.AggFirst, plan.AggLast:
		first := a.Kind == plan.AggFirst
		if r == removeNever {
			useKernel(rtType("Kept", goArg()), map[bool]string{true: "First", false: "Last"}[first], "")
			k.remove = nil
			k.result = func(g jen.Code) expr.Value { return expr.External(a.T, gf(g).Dot("V"), notOk(g)) }
		} else {
			useKernel(rtType("Values", goArg()), "Add", "Remove")
			m := map[bool]string{true: "First", false: "Last"}[first]
			k.result = func(g jen.Code) expr.Value {
				return expr.External(a.T, gf(g).Dot(m).Call(), empty(g))
			}
		}
	case plan.AggAnd, plan.AggOr:
		useKernel(rtType("Bools"), "Add", "Remove")
		m := map[bool]string{true: "And", false: "Or"}[a.Kind == plan.AggAnd]
		k.result = func(g jen.Code) expr.Value { return expr.External(types.Bool, gf(g).Dot(m).Call(), nil) }
	default:
		panic("codegen: aggregate " + a.Kind.String())
	}
	return k
}

// sumType is the accumulator type of SUM over t.
func sumType(t types.Type) types.Type {
	if t == types.Float || t == types.Double {
		return types.Double
	}
	return types.Long
}
