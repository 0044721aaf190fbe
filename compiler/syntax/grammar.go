package syntax

// This file holds the statement-level grammar (LANGUAGE.md §3, §4.1, §9,
// §10.1, §11) as participle struct tags. These unexported concrete-syntax
// structs are converted into the exported AST by convert.go; expressions are
// parsed by exprparse.go. Keywords are matched case-insensitively by value,
// so every non-reserved keyword is still an identifier wherever a name is
// expected. testdata/syntax/grammar.ebnf is the golden dump of this grammar.

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// parser is built once; participle parsers are safe for concurrent use.
var parser = participle.MustBuild[fileNode](
	participle.Lexer(lexDefinition{}),
	participle.CaseInsensitive("Ident", "Reserved"),
	participle.UseLookahead(0),
)

type fileNode struct {
	Stmts []*statement `parser:"( @@ ( (?! \";\" EOF) \";\" @@ )* \";\"? )?"`
}

type statement struct {
	Define    *defineStmt    `parser:"  @@"`
	Query     *queryStmt     `parser:"| @@"`
	Upsert    *upsertStmt    `parser:"| @@"`
	Update    *updateStmt    `parser:"| @@"`
	Delete    *deleteStmt    `parser:"| @@"`
	Partition *partitionStmt `parser:"| @@"`
}

// --- definitions (§3) ---

type triggerDef struct {
	Name  *nameNode   `parser:"@@ \"AT\""`
	Start bool        `parser:"( @\"START\""`
	Every *exprNode   `parser:"| \"EVERY\" @@"`
	Cron  *stringNode `parser:"| \"CRON\" @@ )"`
}

type defineStmt struct {
	Pos     lexer.Position
	Kw      string      `parser:"@( \"CREATE\" | \"DEFINE\" )"`
	Stream  *streamBody `parser:"( \"STREAM\" @@"`
	Table   *tableBody  `parser:"| \"TABLE\" @@"`
	Trigger *triggerDef `parser:"| \"TRIGGER\" @@ )"`
}

type streamBody struct {
	Name    *nameNode    `parser:"@@ \"(\""`
	Columns []*columnDef `parser:"@@ ( \",\" @@ )* \")\""`
	With    []*property  `parser:"( \"WITH\" \"(\" @@ ( \",\" @@ )* \")\" )?"`
}

type tableBody struct {
	Name  *nameNode    `parser:"@@ \"(\""`
	Items []*tableItem `parser:"@@ ( \",\" @@ )* \")\""`
	With  []*property  `parser:"( \"WITH\" \"(\" @@ ( \",\" @@ )* \")\" )?"`
}

type tableItem struct {
	Pos    lexer.Position
	Key    *primaryKeyItem `parser:"  @@"`
	PK     []*nameNode     `parser:"  \"(\" @@ ( \",\" @@ )* \")\""`
	Column *columnDef      `parser:"| @@"`
}

type columnDef struct {
	Name       *nameNode `parser:"@@"`
	Type       *typeNode `parser:"@@"`
	PrimaryKey bool      `parser:"@( \"PRIMARY\" \"KEY\" )?"`
}

type typeNode struct {
	Pos    lexer.Position
	Name   string `parser:"@Ident"`
	Length string `parser:"( \"(\" @Number \")\" )?"`
}

// property is one WITH entry. Dotted keys may also use '-' between words
// (error.retry.max-attempts, §3.1); the captured tokens are concatenated.
type property struct {
	Pos   lexer.Position
	Key   string `parser:"( @( Ident | Quoted ) ( @( \".\" | \"-\" ) @Ident )* | @String )"`
	Value string `parser:"\"=\" @( String | \"-\"? Number | Ident | \"TRUE\" | \"FALSE\" )"`
}

// --- queries (§4.1) ---

type queryStmt struct {
	Pos    lexer.Position
	Lead   *insertClause   `parser:"@@?"`
	Select *selectBody     `parser:"@@"`
	Trail  []*insertClause `parser:"@@*"`
	EndPos lexer.Position
}

type insertClause struct {
	Pos    lexer.Position
	Kind   string      `parser:"\"INSERT\" ( @( \"CURRENT\" | \"EXPIRED\" | \"ALL\" ) \"EVENTS\" )?"`
	Target *streamName `parser:"\"INTO\" @@"`
}

type selectBody struct {
	Pos     lexer.Position
	Star    bool            `parser:"\"SELECT\" ( @\"*\""`
	Items   []*selectItem   `parser:"| @@ ( \",\" @@ )* )"`
	From    *sourceNode     `parser:"\"FROM\" @@"`
	Where   *exprNode       `parser:"( \"WHERE\" @@ )?"`
	GroupBy *groupBy        `parser:"@@?"`
	Having  *exprNode       `parser:"( \"HAVING\" @@ )?"`
	OrderBy []*orderItem    `parser:"( \"ORDER\" \"BY\" @@ ( \",\" @@ )* )?"`
	Limit   *limitClause    `parser:"@@?"`
	Offset  *offsetClause   `parser:"@@?"`
	Output  *outputRateNode `parser:"@@?"`
}

type selectItem struct {
	Expr  *selectExprNode `parser:"@@"`
	Alias *nameNode       `parser:"( \"AS\" @@ )?"`
}

type groupBy struct {
	Pos   lexer.Position
	Items []*exprNode `parser:"\"GROUP\" \"BY\" @@ ( \",\" @@ )*"`
}

type orderItem struct {
	Expr *exprNode `parser:"@@"`
	Dir  string    `parser:"@( \"ASC\" | \"DESC\" )?"`
}

type limitClause struct {
	Pos   lexer.Position
	Value *exprNode `parser:"\"LIMIT\" @@"`
}

type offsetClause struct {
	Pos   lexer.Position
	Value *exprNode `parser:"\"OFFSET\" @@"`
}

type outputRateNode struct {
	Pos    lexer.Position
	Mode   string    `parser:"\"OUTPUT\" @( \"ALL\" | \"FIRST\" | \"LAST\" | \"SNAPSHOT\" )? \"EVERY\""`
	Value  *exprNode `parser:"@@"`
	Events bool      `parser:"@\"EVENTS\"?"`
}

type sourceNode struct {
	Pattern *patternSource `parser:"  @@"`
	Stream  *streamSource  `parser:"| @@"`
	Join    *joinClause    `parser:"  @@?"`
}

type streamSource struct {
	Name   *streamName `parser:"@@"`
	Alias  *nameNode   `parser:"( \"AS\" @@ )?"`
	Window *windowNode `parser:"@@?"`
	Uni    bool        `parser:"@\"UNIDIRECTIONAL\"?"`
}

type windowNode struct {
	Pos    lexer.Position
	Kind   *stringNode `parser:"\"WINDOW\" \"(\" @@"`
	Params []*exprNode `parser:"( \",\" @@ )* \")\""`
}

type joinClause struct {
	Pos   lexer.Position
	Kind  string        `parser:"( @( \"LEFT\" | \"RIGHT\" | \"FULL\" ) \"OUTER\"? \"JOIN\" | @\"INNER\" \"JOIN\" | @\"JOIN\" )"`
	Right *streamSource `parser:"@@"`
	On    *exprNode     `parser:"( \"ON\" @@ )?"`
}

// --- patterns (§10.1) ---

type patternSource struct {
	Pos    lexer.Position
	Kind   *patternKeyword `parser:"@@ \"(\""`
	Chain  *patternChain   `parser:"@@ \")\""`
	Within *exprNode       `parser:"( \"WITHIN\" @@ )?"`
}

type patternChain struct {
	Pos   lexer.Position
	First *patternStep `parser:"@@"`
	Rest  []*chainLink `parser:"@@*"`
}

type chainLink struct {
	Sep  string       `parser:"@( \"->\" | \",\" )"`
	Step *patternStep `parser:"@@"`
}

type patternStep struct {
	Pos        lexer.Position
	Every      bool          `parser:"@\"EVERY\"?"`
	Group      *patternChain `parser:"( \"(\" @@ \")\""`
	GroupCount *countNode    `parser:"  @@?"`
	Unit       *patternUnit  `parser:"| @@ )"`
}

// patternUnit is an element (with its count), an absent element or a
// logical pair; which one is decided in conversion.
type patternUnit struct {
	Pos   lexer.Position
	Left  *patternOperand `parser:"@@"`
	Op    string          `parser:"( @( \"AND\" | \"OR\" )"`
	Right *patternOperand `parser:"  @@ )?"`
	Count *countNode      `parser:"@@?"`
}

type patternOperand struct {
	Pos     lexer.Position
	Every   bool         `parser:"@\"EVERY\"?"`
	Absent  *absentNode  `parser:"( @@"`
	Element *elementNode `parser:"| @@ )"`
}

type absentNode struct {
	Pos    lexer.Position
	Stream *streamName  `parser:"\"NOT\" @@"`
	Filter *exprNode    `parser:"( \"[\" @@ \"]\" )?"`
	Count  *countNode   `parser:"@@?"`
	For    *addExprNode `parser:"( \"FOR\" @@ )?"`
}

type elementNode struct {
	Pos    lexer.Position
	Alias  *nameNode   `parser:"( (?= ( Ident | Quoted ) \"=\") @@ \"=\" )?"`
	Stream *streamName `parser:"@@"`
	Filter *exprNode   `parser:"( \"[\" @@ \"]\" )?"`
}

type countNode struct {
	Pos   lexer.Position
	Min   string `parser:"( \"{\" @Number"`
	Comma bool   `parser:"  @\",\"?"`
	Max   string `parser:"  @Number? \"}\""`
	Sym   string `parser:"| @( \"+\" | \"*\" | \"?\" ) )"`
}

// --- table statements (§9) ---

type updateStmt struct {
	Pos        lexer.Position
	Table      *nameNode     `parser:"\"UPDATE\" @@"`
	TableAlias *nameNode     `parser:"( \"AS\" @@ )?"`
	Set        []*assignment `parser:"\"SET\" @@ ( \",\" @@ )*"`
	From       *streamName   `parser:"\"FROM\" @@"`
	FromAlias  *nameNode     `parser:"( \"AS\" @@ )?"`
	Window     *windowNode   `parser:"@@?"`
	Where      *exprNode     `parser:"( \"WHERE\" @@ )?"`
}

type assignment struct {
	Qual *nameNode `parser:"( (?= ( Ident | Quoted ) \".\") @@ \".\" )?"`
	Col  *nameNode `parser:"@@ \"=\""`
	Expr *exprNode `parser:"@@"`
}

type deleteStmt struct {
	Pos        lexer.Position
	Table      *nameNode   `parser:"\"DELETE\" \"FROM\" @@"`
	TableAlias *nameNode   `parser:"( \"AS\" @@ )?"`
	Using      *streamName `parser:"\"USING\" @@"`
	UsingAlias *nameNode   `parser:"( \"AS\" @@ )?"`
	Window     *windowNode `parser:"@@?"`
	Where      *exprNode   `parser:"( \"WHERE\" @@ )?"`
}

type upsertStmt struct {
	Pos    lexer.Position
	Kw     string      `parser:"( @\"UPSERT\" | (?= \"UPDATE\" \"OR\") @\"UPDATE\" \"OR\" \"INSERT\" )"`
	Table  *nameNode   `parser:"\"INTO\" @@"`
	Select *selectBody `parser:"@@"`
	On     *exprNode   `parser:"\"ON\" @@"`
}

// --- partitions (§11) ---

type partitionStmt struct {
	Pos  lexer.Position
	Keys []*partitionKey `parser:"\"PARTITION\" \"WITH\" \"(\" @@ ( \",\" @@ )* \")\""`
	Body []*statement    `parser:"\"BEGIN\" ( @@ ( (?! \";\" \"END\") \";\" @@ )* \";\"? )?"`
	End  *endNode        `parser:"@@"`
}

type endNode struct {
	Pos lexer.Position
	Kw  string `parser:"@\"END\""`
}

// partitionKey is `expr OF S` or `cond AS 'l' {OR cond AS 'l'} OF S`.
type partitionKey struct {
	Pos        lexer.Position
	First      *exprNode    `parser:"@@"`
	FirstLabel *stringNode  `parser:"( \"AS\" @@"`
	More       []*rangeNode `parser:"  ( \"OR\" @@ )* )?"`
	Stream     *streamName  `parser:"\"OF\" @@"`
}

type rangeNode struct {
	Pos   lexer.Position
	Cond  *andExprNode `parser:"@@"`
	Label *stringNode  `parser:"\"AS\" @@"`
}

// --- names and strings ---

// nameNode is an identifier or quoted identifier.
type nameNode struct {
	Pos   lexer.Position
	Value string `parser:"@( Ident | Quoted )"`
}

// streamName is a name that may also be an inner stream (#Name).
type streamName struct {
	Pos   lexer.Position
	Value string `parser:"@( Ident | Quoted | Inner )"`
}

type stringNode struct {
	Pos   lexer.Position
	Value string `parser:"@String"`
}

// patternKeyword is PATTERN or SEQUENCE, a keyword only when followed by
// "(" (§1); otherwise it is a stream name.
type patternKeyword struct{ Sequence bool }

func (k *patternKeyword) Parse(lex *lexer.PeekingLexer) error {
	t := lex.Peek()
	if !isWord(t, "PATTERN") && !isWord(t, "SEQUENCE") {
		return participle.NextMatch
	}
	if n := peekSecond(lex); !isPunct(&n, "(") {
		return participle.NextMatch
	}
	k.Sequence = isWord(t, "SEQUENCE")
	lex.Next()
	return nil
}

// primaryKeyItem is the PRIMARY KEY that starts a table item (as opposed to
// a column named primary).
type primaryKeyItem struct{}

func (*primaryKeyItem) Parse(lex *lexer.PeekingLexer) error {
	if n := peekSecond(lex); !isWord(lex.Peek(), "PRIMARY") || !isWord(&n, "KEY") {
		return participle.NextMatch
	}
	lex.Next()
	lex.Next()
	return nil
}

// peekSecond returns the token after the next one.
func peekSecond(lex *lexer.PeekingLexer) lexer.Token {
	cp := lex.MakeCheckpoint()
	lex.Next()
	t := *lex.Peek()
	lex.LoadCheckpoint(cp)
	return t
}
