// Tokens of Go's text/template lexer and the character classes it uses (Go's unicode.IsLetter,
// IsDigit, IsPrint approximated with Unicode property escapes).

export enum T {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Complex,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  Keyword, // keywords sort after this
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

export interface Item {
  typ: T;
  pos: number;
  val: string;
  line: number;
}

export const KEYWORDS = new Map<string, T>(
  Object.entries({
    '.': T.Dot,
    block: T.Block,
    break: T.Break,
    continue: T.Continue,
    define: T.Define,
    else: T.Else,
    end: T.End,
    if: T.If,
    range: T.Range,
    nil: T.Nil,
    template: T.Template,
    with: T.With,
  }),
);

export function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

const ALNUM = /^[\p{L}\p{Nd}_]$/u;
export function isAlphaNumeric(c: string): boolean {
  return c !== '' && ALNUM.test(c);
}

const PRINT = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
export function isPrint(c: string): boolean {
  return PRINT.test(c);
}

/** Go's %#U: U+0078 'x' (the quoted rune only when printable). */
export function formatU(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(c) ? `${hex} '${c}'` : hex;
}
