// Overload resolution: matching argument types against a function's forms.
package builtin

import (
	"fmt"
	"strings"

	"github.com/efluxc/efluxc/compiler/types"
)

// param is the kind of argument a parameter accepts.
type param uint8

const (
	pNum    param = iota // any numeric type, kept as is; the Go name gets the type's suffix
	pDouble              // any numeric type, widened to DOUBLE
	pInt                 // INT only
	pString              // STRING only
)

// form is one overload of a function.
type form struct {
	params  []param
	result  types.Type // types.Invalid: the type of the pNum argument
	goName  string     // for forms with a pNum parameter, the prefix of the Go name
	partial bool
}

// suffix names the Go specialization of a numeric type: AbsInt, AbsLong, ...
var suffix = map[types.Type]string{
	types.Int: "Int", types.Long: "Long", types.Float: "Float", types.Double: "Double",
}

// Resolve checks a call's argument types and returns the signature to
// compile it with. types.Null arguments fit any parameter (a polymorphic
// numeric parameter then becomes DOUBLE); types.Invalid arguments are
// accepted silently.
func (f *Func) Resolve(args []types.Type) (Sig, error) {
	if f.variadic {
		return f.resolveVariadic(args)
	}
	var fm *form
	for i := range f.forms {
		if len(f.forms[i].params) == len(args) {
			fm = &f.forms[i]
		}
	}
	if fm == nil {
		return Sig{}, fmt.Errorf("function %s takes %s, got %d", f.errName(), f.arities(), len(args))
	}
	sig := Sig{Params: make([]types.Type, len(args)), Result: fm.result, Go: fm.goName, Partial: fm.partial}
	for i, p := range fm.params {
		t, err := f.fit(i, p, args[i])
		if err != nil {
			return Sig{}, err
		}
		sig.Params[i] = t
		if p == pNum {
			if t == types.Invalid {
				sig.Go = ""
				if fm.result == types.Invalid {
					sig.Result = types.Invalid
				}
				continue
			}
			sig.Go = fm.goName + suffix[t]
			if fm.result == types.Invalid {
				sig.Result = t
			}
		}
	}
	return sig, nil
}

func (f *Func) resolveVariadic(args []types.Type) (Sig, error) {
	fm := f.forms[0]
	if len(args) == 0 {
		return Sig{}, fmt.Errorf("function %s takes at least 1 argument, got 0", f.errName())
	}
	sig := Sig{Params: make([]types.Type, len(args)), Result: fm.result, Go: fm.goName, Partial: fm.partial, Variadic: true}
	for i, a := range args {
		t, err := f.fit(i, fm.params[0], a)
		if err != nil {
			return Sig{}, err
		}
		sig.Params[i] = t
	}
	return sig, nil
}

// fit returns the type argument i of type a is converted to for parameter p.
func (f *Func) fit(i int, p param, a types.Type) (types.Type, error) {
	if a == types.Invalid {
		if p == pNum {
			return types.Invalid, nil
		}
		return p.natural(), nil
	}
	if a == types.Null {
		return p.natural(), nil
	}
	switch p {
	case pNum:
		if a.IsNumeric() {
			return a, nil
		}
	case pDouble:
		if a.IsNumeric() {
			return types.Double, nil
		}
	case pInt:
		if a == types.Int {
			return a, nil
		}
	case pString:
		if a == types.String {
			return a, nil
		}
	}
	return types.Invalid, fmt.Errorf("function %s: argument %d must be %s, got %s", f.errName(), i+1, p, a)
}

func (p param) natural() types.Type {
	switch p {
	case pInt:
		return types.Int
	case pString:
		return types.String
	}
	return types.Double
}

func (p param) String() string {
	switch p {
	case pInt:
		return "INT"
	case pString:
		return "STRING"
	}
	return "numeric"
}

// arities describes the accepted argument counts: "1 argument", "2 or 3 arguments".
func (f *Func) arities() string {
	var ns []string
	for _, fm := range f.forms {
		ns = append(ns, fmt.Sprint(len(fm.params)))
	}
	s := strings.Join(ns, " or ")
	switch s {
	case "0":
		return "no arguments"
	case "1":
		return "1 argument"
	}
	return s + " arguments"
}
