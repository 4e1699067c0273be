// The syntax tree of the bash subset the tutor understands. It is our own shape, made for an
// interpreter: words keep their quoting as parts (so expansion knows what to split and glob),
// compound commands carry their redirects, and nothing here needs a class or a method.

/** Offsets into the parsed source, end exclusive. Substitutions parsed from a copied string
 * (backquotes, here-document bodies) have offsets into that string instead. */
export interface Span {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Lists and pipelines

/** `a; b && c || d & e`: and-or lists, each run in the foreground or the background. */
export interface CommandList {
  type: 'CommandList';
  items: ListItem[];
  span: Span;
}

export interface ListItem {
  command: AndOrList;
  /** Terminated by `&`. */
  background: boolean;
}

/** `p1 && p2 || p3`: evaluated left to right, each link deciding on the previous status. */
export interface AndOrList {
  type: 'AndOrList';
  head: Pipeline;
  tail: AndOrLink[];
}

export interface AndOrLink {
  op: '&&' | '||';
  pipeline: Pipeline;
}

/** `[!] c1 | c2 | c3`. `c1 |& c2` arrives as `c1 2>&1 | c2`, which is what bash does with it. */
export interface Pipeline {
  type: 'Pipeline';
  negated: boolean;
  commands: Command[];
  span: Span;
}

export type Command = SimpleCommand | CompoundCommand | FunctionDefinition;

/** `A=1 B=2 cmd arg… >out 2>&1`. No words means an assignment or redirect-only command;
 * nothing at all is the empty command of a bare `!`. */
export interface SimpleCommand {
  type: 'SimpleCommand';
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
  span: Span;
}

/** `NAME=value`, `NAME+=value`, `NAME[index]=value` or `NAME=(a b c)`. */
export interface Assignment {
  name: string;
  /** The raw text between the brackets of `NAME[index]=`, or null. */
  index: string | null;
  append: boolean;
  value: Word;
  /** The elements of `NAME=(…)`; null for a scalar assignment. */
  array: Word[] | null;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Compound commands

export type CompoundCommand =
  | Subshell
  | BraceGroup
  | IfCommand
  | ForCommand
  | ArithmeticForCommand
  | LoopCommand
  | CaseCommand
  | ArithmeticCommand
  | TestCommand;

interface CompoundBase {
  /** Redirects written after the closing keyword, e.g. `done > log` or `} 2>/dev/null`. */
  redirects: Redirect[];
  span: Span;
}

/** `( list )`: runs in a copy of the shell's state. */
export interface Subshell extends CompoundBase {
  type: 'Subshell';
  body: CommandList;
}

/** `{ list; }`: runs in the current shell. */
export interface BraceGroup extends CompoundBase {
  type: 'BraceGroup';
  body: CommandList;
}

/** `if c1; then b1; elif c2; then b2; else b3; fi` */
export interface IfCommand extends CompoundBase {
  type: 'If';
  branches: IfBranch[];
  elseBody: CommandList | null;
}

export interface IfBranch {
  condition: CommandList;
  body: CommandList;
}

/** `for NAME in words; do body; done`. `items` is null when `in` is absent ("$@"). */
export interface ForCommand extends CompoundBase {
  type: 'For';
  /** Raw text; bash checks that it is a valid identifier only when the loop runs. */
  variable: string;
  items: Word[] | null;
  body: CommandList;
}

/** `for ((init; test; update)); do body; done`, expressions kept as source text. */
export interface ArithmeticForCommand extends CompoundBase {
  type: 'ArithmeticFor';
  init: string;
  test: string;
  update: string;
  body: CommandList;
}

/** `while cond; do body; done` and `until cond; do body; done`. */
export interface LoopCommand extends CompoundBase {
  type: 'Loop';
  until: boolean;
  condition: CommandList;
  body: CommandList;
}

/** `case WORD in pat1|pat2) body;; … esac` */
export interface CaseCommand extends CompoundBase {
  type: 'Case';
  subject: Word;
  arms: CaseArm[];
}

export interface CaseArm {
  patterns: Word[];
  body: CommandList;
  /** `;;` stops, `;&` falls through to the next body, `;;&` tests the next patterns. */
  terminator: ';;' | ';&' | ';;&';
}

/** `(( expression ))`, kept as source text for the interpreter's arithmetic evaluator. */
export interface ArithmeticCommand extends CompoundBase {
  type: 'ArithmeticCommand';
  expression: string;
}

/** `[[ … ]]`. Operators such as `&&`, `<` and `(` arrive as plain literal words, because inside
 * the brackets they belong to the test expression, not to the shell grammar. */
export interface TestCommand extends CompoundBase {
  type: 'TestCommand';
  words: Word[];
}

/** `name() compound` or `function name [()] compound`. */
export interface FunctionDefinition {
  type: 'FunctionDefinition';
  name: string;
  body: CompoundCommand;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Redirects

export type RedirectOperator = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

/** `[fd]op target`. `2>&1` is fd 2, op `>&`, target `1`; whether a `>&` target names a file
 * descriptor or a file is decided when it is expanded, as in bash. */
export interface Redirect {
  type: 'Redirect';
  fd: number | null;
  op: RedirectOperator;
  target: Word;
  /** Set for `<<` and `<<-`: the target is then the delimiter as written. */
  heredoc: HereDocument | null;
  /** Set on the `2>&1` that `|&` implies: nothing was written for it, so its target's text is not
   * the source under its span (which is the `|&` operator's). */
  implied?: true;
  span: Span;
}

export interface HereDocument {
  /** The delimiter with its quotes removed. */
  delimiter: string;
  /** A quoted delimiter (`<<'EOF'`) makes the body literal: no expansions. */
  quoted: boolean;
  /** `<<-` strips leading tabs from every body line and from the delimiter line. */
  stripTabs: boolean;
  /** One Literal part when quoted; otherwise parts as in double quotes, minus the quotes. */
  body: Word;
}

// ---------------------------------------------------------------------------------------------
// Words

/** One shell word before expansion. `text` is the raw source, quotes included. */
export interface Word {
  type: 'Word';
  parts: WordPart[];
  text: string;
  span: Span;
}

export type WordPart =
  | LiteralPart
  | SingleQuotedPart
  | DoubleQuotedPart
  | ParameterPart
  | CommandSubstitutionPart
  | ArithmeticPart
  | ProcessSubstitutionPart
  | BadSubstitutionPart
  | TildePart
  | GlobPart;

/** Parts that can appear inside double quotes (and in unquoted here-document bodies). */
export type DoubleQuotedInnerPart =
  | LiteralPart
  | ParameterPart
  | CommandSubstitutionPart
  | ArithmeticPart
  | BadSubstitutionPart;

/** Text taken as is: unquoted characters and backslash escapes, with the backslashes removed.
 * Never split and never globbed: the glob characters that do glob are GlobParts. */
export interface LiteralPart {
  type: 'Literal';
  value: string;
}

/** `'…'`, or `$'…'` with its escapes already decoded. */
export interface SingleQuotedPart {
  type: 'SingleQuoted';
  value: string;
}

/** `"…"` (and `$"…"`): expansions inside are neither split nor globbed. */
export interface DoubleQuotedPart {
  type: 'DoubleQuoted';
  parts: DoubleQuotedInnerPart[];
}

export type ParameterOperator =
  | ':-'
  | '-'
  | ':='
  | '='
  | ':?'
  | '?'
  | ':+'
  | '+' // defaults, assignment, errors, alternatives
  | '#'
  | '##'
  | '%'
  | '%%' // prefix and suffix removal
  | '/'
  | '//'
  | '/#'
  | '/%' // pattern replacement
  | '^'
  | '^^'
  | ','
  | ',,' // case conversion
  | ':'; // substring: argument is `offset` or `offset:length`

/** `$X`, `${X}`, `${#X}`, `${X:-word}`, `$?`, `$#`, `$1`, `$@`… */
export interface ParameterPart {
  type: 'Parameter';
  /** A variable name, a positional number, or one of `@ * # ? - $ ! 0`. */
  name: string;
  braced: boolean;
  /** `${#X}`: the length of the value. */
  length: boolean;
  /** `${!a[@]}`: the array's keys. */
  keys?: boolean;
  op: ParameterOperator | null;
  /** The word after the operator (the pattern, for `/` operators). */
  argument: Word | null;
  /** The replacement of `${X/pattern/replacement}`; null when absent. */
  replacement: Word | null;
}

/** `$(…)` or `` `…` ``. A backquoted body that does not parse is kept with its error, because
 * bash, too, reports it only when the substitution runs. */
export interface CommandSubstitutionPart {
  type: 'CommandSubstitution';
  backquoted: boolean;
  body: CommandList | null;
  syntaxError: ShellSyntaxError | null;
}

/** `$((…))` or `$[…]`, kept as source text. */
export interface ArithmeticPart {
  type: 'Arithmetic';
  expression: string;
}

/** `<(…)` or `>(…)`. */
export interface ProcessSubstitutionPart {
  type: 'ProcessSubstitution';
  direction: '<' | '>';
  body: CommandList;
}

/** A `${…}` bash parses but cannot expand, such as `${}` or `${a b}`: bash reports
 * "bad substitution" when it runs, not when it parses. `unsupported` marks valid bash this
 * tutor does not expand (`${!x}`, `${x[0]}`, `${x@Q}`). */
export interface BadSubstitutionPart {
  type: 'BadSubstitution';
  text: string;
  unsupported: boolean;
}

/** `~` or `~user` at the start of a word, or after `=` or `:` in an assignment. */
export interface TildePart {
  type: 'Tilde';
  /** '' for $HOME; '+' and '-' for $PWD and $OLDPWD. */
  user: string;
}

/** An unquoted `*`, `?` or bracket expression `[…]`, kept unexpanded for pathname expansion. */
export interface GlobPart {
  type: 'Glob';
  pattern: string;
}

// ---------------------------------------------------------------------------------------------
// Parse outcomes

/** A syntax error as bash reports it. `message` is bash's text without the `bash: ` prefix. */
export interface ShellSyntaxError {
  message: string;
  /** 1-based line, the number bash prints for `bash -c` and scripts. */
  line: number;
  offset: number;
  /** The source line bash echoes after a "near unexpected token" error; otherwise null. */
  sourceLine: string | null;
  /** What was found, for dash's and ash's wording: the token as bash names it (`fi`, `newline`),
   * `end of file`, the quote left open (`"`, `'`, `)`, `` ` ``), or dash's own text for an error
   * bash does not have (`Bad for loop variable`). */
  found?: { token: string } | { endOfFile: true } | { unterminated: string } | { dash: string };
  /** The keyword the construct needed there (`fi`, `done`, `}`), when the parser asked for one. */
  expecting?: string;
  /** The line the reader was on (dash and ash count so: the end of input is on the last line). */
  readerLine?: number;
}

export interface ShellSyntaxWarning {
  message: string;
  line: number;
}

export type ParseResult = ParsedScript | ParseFailure | IncompleteInput;

export interface ParsedScript {
  status: 'ok';
  script: CommandList;
  warnings: ShellSyntaxWarning[];
}

export interface ParseFailure {
  status: 'error';
  error: ShellSyntaxError;
}

/** The input stops inside a construct: a REPL should read a continuation line (PS2). */
export interface IncompleteInput {
  status: 'incomplete';
  /** What would complete it: a quote character, `)`, `}`, `fi`, `done`, `esac`, `then`, `do`,
   * `in`, a here-document delimiter, `command` (after `|`, `&&`, `||`) or `line` (after a
   * trailing backslash). */
  awaiting: string;
  /** What bash says when the input ends here (Ctrl-D at the PS2 prompt). For a here-document
   * that is a warning, and bash then runs the command: parse again with `endOfInput: true`. */
  error: ShellSyntaxError;
}
