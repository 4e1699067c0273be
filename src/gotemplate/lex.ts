// Lexer for Go's text/template syntax, following the behaviour of Go's text/template/parse lexer
// (state machine, trim markers, comments, newlines inside actions, error texts). Positions are
// JS string indices; error columns are converted to UTF-8 byte offsets where they are reported.

import { KEYWORDS, T, formatU, isAlphaNumeric, isPrint, isSpace, type Item } from './token.js';

const LEFT = '{{';
const RIGHT = '}}';
const SPACE = ' \t\r\n';

function hasLeftTrim(s: string, i: number): boolean {
  return s[i] === '-' && isSpace(s[i + 1] ?? '');
}
function hasRightTrim(s: string, i: number): boolean {
  return isSpace(s[i] ?? '') && s[i + 1] === '-';
}
function rightTrimLength(s: string): number {
  let n = s.length;
  while (n > 0 && SPACE.includes(s.charAt(n - 1))) n--;
  return s.length - n;
}
function leftTrimLength(s: string, from: number): number {
  let i = from;
  while (i < s.length && SPACE.includes(s.charAt(i))) i++;
  return i - from;
}
function countNewlines(s: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

type State = ((l: Lexer) => State) | null;

export class Lexer {
  private pos = 0;
  private start = 0;
  private parenDepth = 0;
  private line = 1;
  private startLine = 1;
  private item: Item = { typ: T.EOF, pos: 0, val: '', line: 1 };
  private insideAction = false;

  /** Go < 1.20 lexed a stray ')' as a token first and reported the error on the next call. */
  private pendingError: string | undefined;

  constructor(
    private input: string,
    readonly breakOK = true,
    readonly continueOK = true,
    readonly goMinor = 25,
  ) {}

  nextItem(): Item {
    this.item = { typ: T.EOF, pos: this.pos, val: 'EOF', line: this.startLine };
    if (this.pendingError !== undefined) {
      this.errorf(this.pendingError);
      this.pendingError = undefined;
      return this.item;
    }
    let state: State = this.insideAction ? lexInsideAction : lexText;
    while (state) state = state(this);
    return this.item;
  }

  // --- primitives (a "rune" is one code point) ---
  next(): string {
    if (this.pos >= this.input.length) return '';
    const cp = this.input.codePointAt(this.pos) ?? 0;
    const c = String.fromCodePoint(cp);
    this.pos += c.length;
    if (c === '\n') this.line++;
    return c;
  }
  peek(): string {
    const c = this.next();
    this.backup(c);
    return c;
  }
  backup(c: string): void {
    if (c === '') return; // nothing was consumed at EOF
    this.pos -= c.length;
    if (c === '\n') this.line--;
  }
  private thisItem(typ: T): Item {
    const i = { typ, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return i;
  }
  emit(typ: T): State {
    this.item = this.thisItem(typ);
    return null;
  }
  private emitItem(i: Item): State {
    this.item = i;
    return null;
  }
  private ignore(): void {
    this.line += countNewlines(this.input, this.start, this.pos);
    this.start = this.pos;
    this.startLine = this.line;
  }
  accept(valid: string): boolean {
    const c = this.next();
    if (c !== '' && valid.includes(c)) return true;
    this.backup(c);
    return false;
  }
  acceptRun(valid: string): void {
    for (;;) {
      const c = this.next();
      if (c === '' || !valid.includes(c)) {
        this.backup(c);
        return;
      }
    }
  }
  errorf(msg: string): State {
    this.item = { typ: T.Error, pos: this.start, val: msg, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }
  private atRightDelim(): [boolean, boolean] {
    if (hasRightTrim(this.input, this.pos) && this.input.startsWith(RIGHT, this.pos + 2)) return [true, true];
    if (this.input.startsWith(RIGHT, this.pos)) return [true, false];
    return [false, false];
  }
  atTerminator(): boolean {
    const r = this.peek();
    if (r === '' || isSpace(r) || '.,|:)('.includes(r)) return true;
    return this.input.startsWith(RIGHT, this.pos);
  }
  current(): string {
    return this.input.slice(this.start, this.pos);
  }

  // --- states that need private access ---
  static text(l: Lexer): State {
    const x = l.input.indexOf(LEFT, l.pos);
    if (x >= 0) {
      if (x > l.pos) {
        l.pos = x;
        const trim = hasLeftTrim(l.input, l.pos + LEFT.length) ? rightTrimLength(l.input.slice(l.start, l.pos)) : 0;
        l.pos -= trim;
        l.line += countNewlines(l.input, l.start, l.pos);
        const i = l.thisItem(T.Text);
        l.pos += trim;
        l.ignore();
        if (i.val.length > 0) return l.emitItem(i);
      }
      return Lexer.leftDelim;
    }
    l.pos = l.input.length;
    if (l.pos > l.start) {
      l.line += countNewlines(l.input, l.start, l.pos);
      return l.emit(T.Text);
    }
    return l.emit(T.EOF);
  }
  static leftDelim(l: Lexer): State {
    l.pos += LEFT.length;
    const after = hasLeftTrim(l.input, l.pos) ? 2 : 0;
    if (l.input.startsWith('/*', l.pos + after)) {
      l.pos += after;
      l.ignore();
      return Lexer.comment;
    }
    const i = l.thisItem(T.LeftDelim);
    l.insideAction = true;
    l.pos += after;
    l.ignore();
    l.parenDepth = 0;
    return l.emitItem(i);
  }
  static comment(l: Lexer): State {
    l.pos += 2;
    const x = l.input.indexOf('*/', l.pos);
    if (x < 0) return l.errorf('unclosed comment');
    l.pos = x + 2;
    const [delim, trim] = l.atRightDelim();
    if (!delim) return l.errorf('comment ends before closing delimiter');
    l.line += countNewlines(l.input, l.start, l.pos);
    l.thisItem(T.Comment);
    if (trim) l.pos += 2;
    l.pos += RIGHT.length;
    if (trim) l.pos += leftTrimLength(l.input, l.pos);
    l.ignore();
    return Lexer.text;
  }
  static rightDelim(l: Lexer): State {
    const [, trim] = l.atRightDelim();
    if (trim) {
      l.pos += 2;
      l.ignore();
    }
    l.pos += RIGHT.length;
    const i = l.thisItem(T.RightDelim);
    if (trim) {
      l.pos += leftTrimLength(l.input, l.pos);
      l.ignore();
    }
    l.insideAction = false;
    return l.emitItem(i);
  }
  static inside(l: Lexer): State {
    const [delim] = l.atRightDelim();
    if (delim) {
      if (l.parenDepth === 0) return Lexer.rightDelim;
      return l.errorf('unclosed left paren');
    }
    const r = l.next();
    if (r === '') return l.errorf('unclosed action');
    if (isSpace(r)) {
      l.backup(r);
      return Lexer.space;
    }
    switch (r) {
      case '=':
        return l.emit(T.Assign);
      case ':':
        if (l.next() !== '=') return l.errorf('expected :=');
        return l.emit(T.Declare);
      case '|':
        return l.emit(T.Pipe);
      case '"':
        return lexQuote;
      case '`':
        return lexRawQuote;
      case '$':
        return lexVariable;
      case "'":
        return lexChar;
      case '(':
        l.parenDepth++;
        return l.emit(T.LeftParen);
      case ')':
        l.parenDepth--;
        if (l.parenDepth < 0) {
          if (l.goMinor >= 20) return l.errorf('unexpected right paren');
          l.pendingError = `unexpected right paren ${formatU(r)}`;
        }
        return l.emit(T.RightParen);
    }
    if (r === '.') {
      const c = l.input.charAt(l.pos);
      if (c !== '' && (c < '0' || c > '9')) return (x: Lexer) => lexFieldOrVariable(x, T.Field);
    }
    if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
      l.backup(r);
      return lexNumber;
    }
    if (isAlphaNumeric(r)) {
      l.backup(r);
      return lexIdentifier;
    }
    if (r.length === 1 && r.charCodeAt(0) < 0x80 && isPrint(r)) return l.emit(T.Char);
    return l.errorf(`unrecognized character in action: ${formatU(r)}`);
  }
  static space(l: Lexer): State {
    let n = 0;
    while (isSpace(l.peek())) {
      l.next();
      n++;
    }
    if (hasRightTrim(l.input, l.pos - 1) && l.input.startsWith(RIGHT, l.pos - 1 + 2)) {
      l.backup(l.input.charAt(l.pos - 1));
      if (n === 1) return Lexer.rightDelim;
    }
    return l.emit(T.Space);
  }
}

const lexText = Lexer.text;
const lexInsideAction = Lexer.inside;

function lexIdentifier(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) continue;
    l.backup(r);
    const word = l.current();
    if (!l.atTerminator()) return l.errorf(`bad character ${formatU(r)}`);
    const kw = KEYWORDS.get(word);
    if (kw !== undefined) {
      if ((kw === T.Break && !l.breakOK) || (kw === T.Continue && !l.continueOK)) return l.emit(T.Identifier);
      return l.emit(kw);
    }
    if (word === 'true' || word === 'false') return l.emit(T.Bool);
    return l.emit(T.Identifier);
  }
}

function lexVariable(l: Lexer): State {
  if (l.atTerminator()) return l.emit(T.Variable);
  return lexFieldOrVariable(l, T.Variable);
}

function lexFieldOrVariable(l: Lexer, typ: T): State {
  if (l.atTerminator()) return l.emit(typ === T.Variable ? T.Variable : T.Dot);
  let r: string;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup(r);
      break;
    }
  }
  if (!l.atTerminator()) return l.errorf(`bad character ${formatU(r)}`);
  return l.emit(typ);
}

function lexChar(l: Lexer): State {
  for (;;) {
    let r = l.next();
    if (r === '\\') {
      r = l.next();
      if (r !== '' && r !== '\n') continue;
      return l.errorf('unterminated character constant');
    }
    if (r === '' || r === '\n') return l.errorf('unterminated character constant');
    if (r === "'") return l.emit(T.CharConstant);
  }
}

function scanNumber(l: Lexer): boolean {
  l.accept('+-');
  let digits = '0123456789_';
  if (l.accept('0')) {
    if (l.accept('xX')) digits = '0123456789abcdefABCDEF_';
    else if (l.accept('oO')) digits = '01234567_';
    else if (l.accept('bB')) digits = '01_';
  }
  l.acceptRun(digits);
  if (l.accept('.')) l.acceptRun(digits);
  if (digits.length === 11 && l.accept('eE')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  if (digits.length === 23 && l.accept('pP')) {
    l.accept('+-');
    l.acceptRun('0123456789_');
  }
  l.accept('i');
  if (isAlphaNumeric(l.peek())) {
    l.next();
    return false;
  }
  return true;
}

function lexNumber(l: Lexer): State {
  if (!scanNumber(l)) return l.errorf(`bad number syntax: ${goQuoteSimple(l.current())}`);
  const sign = l.peek();
  if (sign === '+' || sign === '-') {
    if (!scanNumber(l) || !l.current().endsWith('i'))
      return l.errorf(`bad number syntax: ${goQuoteSimple(l.current())}`);
    return l.emit(T.Complex);
  }
  return l.emit(T.Number);
}

function lexQuote(l: Lexer): State {
  for (;;) {
    let r = l.next();
    if (r === '\\') {
      r = l.next();
      if (r !== '' && r !== '\n') continue;
      return l.errorf('unterminated quoted string');
    }
    if (r === '' || r === '\n') return l.errorf('unterminated quoted string');
    if (r === '"') return l.emit(T.String);
  }
}

function lexRawQuote(l: Lexer): State {
  for (;;) {
    const r = l.next();
    if (r === '') return l.errorf('unterminated raw quoted string');
    if (r === '`') return l.emit(T.RawString);
  }
}

/** %q of a string made only of the lexer's number characters (always printable ASCII). */
function goQuoteSimple(s: string): string {
  return '"' + s.replace(/["\\]/g, (c) => '\\' + c) + '"';
}
