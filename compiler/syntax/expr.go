package syntax

import "github.com/efluxc/efluxc/compiler/source"

// Expr is an expression node.
type Expr interface{ ExprPos() source.Pos }

// LitKind is the kind of a literal.
type LitKind int

const (
	LitInt    LitKind = iota // 123 (INT if it fits in 32 bits, else LONG); Int holds the value
	LitLong                  // 123L
	LitDouble                // 1.5, 1e3, 1.5D
	LitFloat                 // 1.5F
	LitString                // 'text' ('' unescaped)
	LitBool                  // TRUE / FALSE
	LitNull                  // NULL
	LitTime                  // 5 SECONDS: Int holds milliseconds (LONG)
)

// Literal is a constant as written.
type Literal struct {
	Pos   source.Pos
	Kind  LitKind
	Int   int64
	Float float64
	Str   string
	Bool  bool
	Text  string // the source text
}

// Name is an unqualified reference `x`.
type Name struct {
	Pos  source.Pos
	Name string
}

// Qualified is `q.x` or `q[index].x`.
type Qualified struct {
	Pos     source.Pos // position of q
	Qual    string
	Index   *Index // nil unless q[index].x
	Name    string
	NamePos source.Pos
}

// Index is `[N]` or `[LAST]` or `[LAST - N]`.
type Index struct {
	Pos  source.Pos
	Last bool
	N    int
}

// QualifiedStar is `q.*` in a select list.
type QualifiedStar struct {
	Pos  source.Pos
	Qual string
}

// Binary is `L op R`. Op is the canonical operator text: + - * / % = != < <=
// > >= AND OR ("==" is stored as "=", "<>" as "!=").
type Binary struct {
	Pos  source.Pos // position of the operator
	Op   string
	L, R Expr
}

// Unary is NOT x, -x or +x (Op "NOT", "-", "+").
type Unary struct {
	Pos source.Pos
	Op  string
	X   Expr
}

// IsNull is x IS [NOT] NULL.
type IsNull struct {
	Pos source.Pos
	X   Expr
	Not bool
}

// In is x [NOT] IN (list) or x [NOT] IN Table (Table set, List nil).
type In struct {
	Pos   source.Pos
	X     Expr
	Not   bool
	List  []Expr
	Table *Ident
}

// Between is x [NOT] BETWEEN lo AND hi.
type Between struct {
	Pos    source.Pos
	X      Expr
	Not    bool
	Lo, Hi Expr
}

// Like is x [NOT] LIKE pattern.
type Like struct {
	Pos     source.Pos
	X       Expr
	Not     bool
	Pattern Expr
}

// Call is name(args) / name(*) / name(DISTINCT x).
type Call struct {
	Pos      source.Pos
	Name     string
	Star     bool
	Distinct bool
	Args     []Expr
}

// Case is CASE [operand] WHEN ... THEN ... [ELSE ...] END.
type Case struct {
	Pos     source.Pos
	Operand Expr // nil for a searched CASE
	Whens   []When
	Else    Expr
}

// When is one WHEN cond THEN val arm.
type When struct {
	Cond, Val Expr
}

// Cast is CAST(x AS type).
type Cast struct {
	Pos  source.Pos
	X    Expr
	Type TypeName
}

// Paren is ( x ); kept so that `(cond) IN T` and printing stay faithful.
type Paren struct {
	Pos source.Pos
	X   Expr
}

func (e *Literal) ExprPos() source.Pos       { return e.Pos }
func (e *Name) ExprPos() source.Pos          { return e.Pos }
func (e *Qualified) ExprPos() source.Pos     { return e.Pos }
func (e *QualifiedStar) ExprPos() source.Pos { return e.Pos }
func (e *Binary) ExprPos() source.Pos        { return e.Pos }
func (e *Unary) ExprPos() source.Pos         { return e.Pos }
func (e *IsNull) ExprPos() source.Pos        { return e.Pos }
func (e *In) ExprPos() source.Pos            { return e.Pos }
func (e *Between) ExprPos() source.Pos       { return e.Pos }
func (e *Like) ExprPos() source.Pos          { return e.Pos }
func (e *Call) ExprPos() source.Pos          { return e.Pos }
func (e *Case) ExprPos() source.Pos          { return e.Pos }
func (e *Cast) ExprPos() source.Pos          { return e.Pos }
func (e *Paren) ExprPos() source.Pos         { return e.Pos }
