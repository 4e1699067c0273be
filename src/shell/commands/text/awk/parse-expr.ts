// The expression half of the awk parser: gawk's precedence from assignment down to grouping,
// concatenation by juxtaposition, `$`, getline forms, and `>` left to print when it redirects.
import { AwkSyntaxError, type Tok } from './lex.js';
import type { Expr } from './parse.js';

export class ExprParser {
  protected i = 0;
  /** Depth of print argument lists where `>` means redirection. */
  protected noGt = false;
  /** Inside `for (x in a)` head detection and `(a, b) in` grouping, `in` is not consumed. */
  protected noIn = false;

  /** The lexer ends every stream with an eof token; reading past it reads it again. */
  protected readonly eof: Tok;

  constructor(protected readonly toks: Tok[]) {
    this.eof = toks.at(-1) ?? { kind: 'eof', text: '', pos: 0 };
  }

  protected get tok(): Tok {
    return this.toks[this.i] ?? this.eof;
  }

  protected is(text: string): boolean {
    const t = this.tok;
    return (t.kind === 'op' || t.kind === 'kw') && t.text === text;
  }

  protected fail(t: Tok = this.tok): never {
    throw new AwkSyntaxError(
      t.kind === 'eof' || t.kind === 'nl' ? 'unexpected newline or end of string' : 'syntax error',
      t.pos,
    );
  }

  protected expect(text: string): Tok {
    if (!this.is(text)) this.fail();
    const t = this.tok;
    this.i++;
    return t;
  }

  protected eat(text: string): boolean {
    if (this.is(text)) {
      this.i++;
      return true;
    }
    return false;
  }

  protected nls(): void {
    while (this.tok.kind === 'nl') this.i++;
  }

  /** Terminators: newlines and semicolons. */
  protected terms(): void {
    while (this.tok.kind === 'nl' || this.is(';')) this.i++;
  }

  protected exprList(): Expr[] {
    const list = [this.expr()];
    while (this.eat(',')) {
      this.nls();
      list.push(this.expr());
    }
    // `print (a, b) > f` arrives as one group holding a list; unwrap it.
    const only = list.length === 1 ? list[0] : undefined;
    if (only?.t === 'group' && only.list) return only.list;
    return list;
  }

  expr(): Expr {
    return this.ternary();
  }

  protected isLvalue(e: Expr): boolean {
    return e.t === 'var' || e.t === 'field' || e.t === 'index';
  }

  private ternary(): Expr {
    const c = this.or();
    if (this.isLvalue(c)) {
      const op = this.tok.text;
      if (this.tok.kind === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(op)) {
        this.i++;
        this.nls();
        return { t: 'assign', op, target: c, e: this.ternary() };
      }
    }
    if (this.eat('?')) {
      this.nls();
      const a = this.ternary();
      this.nls();
      this.expect(':');
      this.nls();
      return { t: 'cond', c, a, b: this.ternary() };
    }
    return c;
  }

  private or(): Expr {
    let a = this.and();
    while (this.eat('||')) {
      this.nls();
      a = { t: 'or', a, b: this.and() };
    }
    return a;
  }

  private and(): Expr {
    let a = this.inExpr();
    while (this.eat('&&')) {
      this.nls();
      a = { t: 'and', a, b: this.inExpr() };
    }
    return a;
  }

  private inExpr(): Expr {
    let a = this.matchExpr();
    while (!this.noIn && this.is('in')) {
      this.i++;
      if (this.tok.kind !== 'name') this.fail();
      const name = this.tok.text;
      this.i++;
      const subs = a.t === 'group' && a.list ? a.list : [a];
      a = { t: 'in', subs, name };
    }
    return a;
  }

  private matchExpr(): Expr {
    let a = this.rel();
    while (this.is('~') || this.is('!~')) {
      const neg = this.tok.text === '!~';
      this.i++;
      a = { t: 'match', neg, a, re: this.rel() };
    }
    return a;
  }

  private rel(): Expr {
    const a = this.concat(false);
    const op = this.tok.text;
    if (this.tok.kind === 'op' && ['<', '<=', '!=', '==', '>=', '>'].includes(op) && !(op === '>' && this.noGt)) {
      this.i++;
      return { t: 'bin', op, a, b: this.concat(false) };
    }
    return a;
  }

  /** Whether the current token can begin an operand of a concatenation. */
  private startsOperand(): boolean {
    const t = this.tok;
    if (
      t.kind === 'num' ||
      t.kind === 'str' ||
      t.kind === 'ere' ||
      t.kind === 'name' ||
      t.kind === 'funcname' ||
      t.kind === 'builtin'
    )
      return true;
    if (t.kind === 'op')
      return (
        t.text === '$' ||
        t.text === '(' ||
        t.text === '!' ||
        t.text === '-' ||
        t.text === '+' ||
        t.text === '++' ||
        t.text === '--'
      );
    return false;
  }

  protected concat(noIn: boolean): Expr {
    let a = this.additive();
    for (;;) {
      if (!this.startsOperand() || this.is('+') || this.is('-')) break;
      if (this.is('!') || (noIn && this.is('in'))) break;
      // `a getline` is not a concatenation; `"cmd" | getline` is handled in unary().
      a = { t: 'concat', a, b: this.additive() };
    }
    return a;
  }

  private additive(): Expr {
    let a = this.mul();
    while (this.is('+') || this.is('-')) {
      const op = this.tok.text;
      this.i++;
      a = { t: 'bin', op, a, b: this.mul() };
    }
    return a;
  }

  private mul(): Expr {
    let a = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.tok.text;
      this.i++;
      a = { t: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.is('!')) {
      this.i++;
      return { t: 'unary', op: '!', e: this.unary() };
    }
    if (this.is('-') || this.is('+')) {
      const op = this.tok.text;
      this.i++;
      return { t: 'unary', op, e: this.unary() };
    }
    return this.pow();
  }

  private pow(): Expr {
    const a = this.postfix();
    if (this.eat('^')) {
      // Right associative, and binds tighter than unary minus on its left: -2^2 is -4.
      const b = this.is('-') || this.is('+') || this.is('!') ? this.unary() : this.pow();
      return { t: 'bin', op: '^', a, b };
    }
    return a;
  }

  private postfix(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.tok.text;
      this.i++;
      const target = this.postfix();
      if (!this.isLvalue(target)) this.fail();
      return { t: 'incdec', op, prefix: true, target };
    }
    let e = this.primary();
    if (this.isLvalue(e) && (this.is('++') || this.is('--'))) {
      e = { t: 'incdec', op: this.tok.text, prefix: false, target: e };
      this.i++;
    }
    // `"cmd" | getline [var]`
    while (this.is('|') && this.toks[this.i + 1]?.text === 'getline') {
      this.i += 2;
      const target = this.optLvalue();
      e = { t: 'getline', kind: 'cmd', src: e, target };
    }
    return e;
  }

  private optLvalue(): Expr | undefined {
    if (this.is('$')) {
      this.i++;
      return { t: 'field', e: this.primaryNoPost() };
    }
    if (this.tok.kind === 'name') return this.primary();
    return undefined;
  }

  private primaryNoPost(): Expr {
    if (this.is('++') || this.is('--')) return this.postfix();
    if (this.is('-')) {
      this.i++;
      return { t: 'unary', op: '-', e: this.primaryNoPost() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.tok;
    switch (t.kind) {
      case 'num':
        this.i++;
        return { t: 'num', v: t.value as number };
      case 'str':
        this.i++;
        return { t: 'str', v: t.value as string };
      case 'ere':
        this.i++;
        return { t: 're', src: t.value as string };
      case 'funcname': {
        this.i++;
        return { t: 'call', name: t.text, args: this.args() };
      }
      case 'builtin': {
        this.i++;
        if (this.is('(')) return { t: 'builtin', name: t.text, args: this.args() };
        if (t.text === 'length') return { t: 'builtin', name: 'length', args: [] };
        this.fail();
        break;
      }
      case 'name': {
        this.i++;
        if (this.eat('[')) {
          const subs = this.exprList();
          this.expect(']');
          return { t: 'index', name: t.text, subs };
        }
        return { t: 'var', name: t.text };
      }
      case 'kw':
        if (t.text === 'getline') {
          this.i++;
          const target = this.optLvalue();
          if (this.eat('<')) return { t: 'getline', kind: 'file', target, src: this.primaryNoPost() };
          return { t: 'getline', kind: 'plain', target };
        }
        break;
      case 'op':
        if (t.text === '$') {
          this.i++;
          return { t: 'field', e: this.primaryNoPost() };
        }
        if (t.text === '(') {
          this.i++;
          const savedGt = this.noGt;
          const savedIn = this.noIn;
          this.noGt = false;
          this.noIn = false;
          this.nls();
          const first = this.expr();
          const list = [first];
          while (this.eat(',')) {
            this.nls();
            list.push(this.expr());
          }
          this.nls();
          this.expect(')');
          this.noGt = savedGt;
          this.noIn = savedIn;
          if (list.length === 1) return { t: 'group', e: first };
          if (!this.is('in') && !this.noGt) this.fail();
          return { t: 'group', e: first, list };
        }
        break;
    }
    this.fail();
  }

  private args(): Expr[] {
    this.expect('(');
    const args: Expr[] = [];
    const savedGt = this.noGt;
    this.noGt = false;
    this.nls();
    while (!this.is(')')) {
      args.push(this.expr());
      this.nls();
      if (!this.is(')')) {
        this.expect(',');
        this.nls();
      }
    }
    this.i++;
    this.noGt = savedGt;
    return args;
  }
}
