package check

import (
	"regexp"
	"strings"

	"github.com/efluxc/efluxc/compiler/diag"
	"github.com/efluxc/efluxc/compiler/plan"
	"github.com/efluxc/efluxc/compiler/syntax"
	"github.com/efluxc/efluxc/compiler/types"
)

// window checks WINDOW('kind', params...) against §5.1: kind, parameter
// count, kinds (constant count, duration, attribute, string) and ranges.
// Constant parameters are folded into *plan.Const; attribute parameters are
// *plan.Ref.
func (c *checker) window(w *syntax.Window, s *scope) *plan.Window {
	kind, ok := plan.ParseWindowKind(w.Kind.Name)
	if !ok {
		c.errorf(w.Kind.Pos, diag.Window, "unknown window '%s'", w.Kind.Name)
		return nil
	}
	name := w.Kind.Name
	pw := &plan.Window{Kind: kind, Pos: w.Pos}
	ws := s.noAggs("a window parameter")
	params := make([]plan.Expr, len(w.Params))
	for i, p := range w.Params {
		params[i] = c.expr(p, ws)
	}
	wc := &windowCheck{c: c, w: w, name: name, params: params}
	switch kind {
	case plan.WinLength, plan.WinLengthBatch:
		if wc.count(1, 1) {
			wc.positive(0)
		}
	case plan.WinTime, plan.WinTimeBatch, plan.WinDelay:
		if wc.count(1, 1) {
			wc.positive(0)
		}
	case plan.WinTimeLength, plan.WinSliding:
		if wc.count(2, 2) {
			wc.positive(0)
			wc.positive(1)
		}
	case plan.WinExternalTime, plan.WinExternalTimeBatch:
		if wc.count(2, 2) {
			wc.attr(0, types.Long, "timestamp")
			wc.positive(1)
		}
	case plan.WinSession:
		if wc.count(1, 2) {
			wc.positive(0)
			if len(params) == 2 {
				wc.attr(1, types.String, "session key")
			}
		}
	case plan.WinSort:
		wc.sort()
	case plan.WinUnique, plan.WinFirstUnique:
		if wc.count(1, -1) {
			for i := range params {
				wc.attr(i, types.Invalid, "key")
			}
		}
	case plan.WinFrequent:
		if wc.count(1, -1) {
			wc.positive(0)
			for i := 1; i < len(params); i++ {
				wc.attr(i, types.Invalid, "key")
			}
		}
	case plan.WinLossyFrequent:
		wc.lossy()
	case plan.WinExpression:
		if wc.count(1, 1) {
			wc.expression()
		}
	case plan.WinCron:
		if wc.count(1, 1) {
			if str, ok := wc.str(0); ok {
				if err := validateCron(str); err != nil {
					c.errorf(w.Params[0].ExprPos(), diag.Window, "window 'cron': invalid cron expression '%s': %v", str, err)
				}
			}
		}
	}
	pw.Params = wc.params
	return pw
}

// windowCheck validates the parameters of one window.
type windowCheck struct {
	c      *checker
	w      *syntax.Window
	name   string
	params []plan.Expr
}

func (wc *windowCheck) errorf(i int, format string, args ...any) {
	pos := wc.w.Kind.Pos
	if i >= 0 && i < len(wc.w.Params) {
		pos = wc.w.Params[i].ExprPos()
	}
	wc.c.errorf(pos, diag.Window, "window '%s': "+format, append([]any{wc.name}, args...)...)
}

func (wc *windowCheck) count(min, max int) bool {
	n := len(wc.params)
	if n < min || (max >= 0 && n > max) {
		switch {
		case min == max:
			wc.errorf(-1, "takes %d parameter(s), got %d", min, n)
		case max < 0:
			wc.errorf(-1, "takes at least %d parameter(s), got %d", min, n)
		default:
			wc.errorf(-1, "takes %d to %d parameters, got %d", min, max, n)
		}
		return false
	}
	return true
}

// positive requires parameter i to be a constant INT/LONG > 0 (a count or a
// duration in ms) and folds it.
func (wc *windowCheck) positive(i int) {
	x := wc.params[i]
	if x.Type() == types.Invalid {
		return
	}
	k, ok := constValue(x)
	if !ok || !k.T.IsInteger() || k.IsNull {
		wc.errorf(i, "parameter %d must be a constant INT or LONG, got %s", i+1, describeExpr(x))
		return
	}
	if k.Int <= 0 {
		wc.errorf(i, "parameter %d must be positive, got %d", i+1, k.Int)
		return
	}
	wc.params[i] = k
}

// attr requires parameter i to be a bare attribute (of type want, unless
// Invalid).
func (wc *windowCheck) attr(i int, want types.Type, what string) {
	x := wc.params[i]
	if x.Type() == types.Invalid {
		return
	}
	r, ok := x.(*plan.Ref)
	if !ok {
		wc.errorf(i, "parameter %d must be a %s attribute, got %s", i+1, what, describeExpr(x))
		return
	}
	if want != types.Invalid && r.T != want {
		wc.errorf(i, "%s attribute '%s' must be %s, got %s", what, r.Name, want, r.T)
	}
}

func (wc *windowCheck) str(i int) (string, bool) {
	k, ok := constValue(wc.params[i])
	if !ok || k.T != types.String || k.IsNull {
		if wc.params[i].Type() != types.Invalid {
			wc.errorf(i, "parameter %d must be a string constant", i+1)
		}
		return "", false
	}
	return k.Str, true
}

// sort is sort(n, attr [, 'asc'|'desc'] {, attr [, 'asc'|'desc']}).
func (wc *windowCheck) sort() {
	if !wc.count(2, -1) {
		return
	}
	wc.positive(0)
	prevAttr := false
	for i := 1; i < len(wc.params); i++ {
		if k, ok := constValue(wc.params[i]); ok && k.T == types.String {
			if !prevAttr {
				wc.errorf(i, "order '%s' must follow an attribute", k.Str)
			} else if o := strings.ToLower(k.Str); o != "asc" && o != "desc" {
				wc.errorf(i, "order must be 'asc' or 'desc', got '%s'", k.Str)
			}
			prevAttr = false
			continue
		}
		wc.attr(i, types.Invalid, "sort")
		prevAttr = true
	}
}

// lossy is lossyFrequent(support [, error] {, attr}).
func (wc *windowCheck) lossy() {
	if !wc.count(1, -1) {
		return
	}
	i := 0
	for ; i < len(wc.params) && i < 2; i++ {
		k, ok := constValue(wc.params[i])
		if !ok || !k.T.IsNumeric() {
			break
		}
		v := k.Float
		if k.T.IsInteger() {
			v = float64(k.Int)
		}
		if v < 0 || v > 1 {
			wc.errorf(i, "parameter %d must be between 0 and 1, got %v", i+1, v)
		}
	}
	if i == 0 {
		wc.errorf(0, "parameter 1 must be a DOUBLE support threshold")
	}
	for ; i < len(wc.params); i++ {
		wc.attr(i, types.Invalid, "key")
	}
}

var countExpr = regexp.MustCompile(`^(?i:count)\(\)(<=|<)([0-9]+)$`)

// expression accepts only 'count() <= N' and 'count() < N' (§5.2).
func (wc *windowCheck) expression() {
	s, ok := wc.str(0)
	if !ok {
		return
	}
	m := countExpr.FindStringSubmatch(strings.Join(strings.Fields(s), ""))
	bad := m == nil
	if !bad {
		n := 0
		for _, d := range m[2] {
			n = n*10 + int(d-'0')
			if n > 1<<30 {
				break
			}
		}
		bad = n < 1 || (m[1] == "<" && n < 2)
	}
	if bad {
		wc.errorf(0, "unsupported expression '%s' (only 'count() <= N' and 'count() < N')", s)
	}
}
