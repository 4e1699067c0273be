// The awk parser: recursive descent over gawk's grammar and precedence (assignment, ?:, ||, &&,
// in, ~, relational, concatenation, + -, * / %, unary, ^, ++/--, $, grouping). Inside print's
// argument list an unparenthesised `>` is a redirection, not a comparison.
import { AwkSyntaxError, lex, type Tok } from './awk-lex.js';

export type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 're'; src: string }
  | { t: 'var'; name: string }
  | { t: 'field'; e: Expr }
  | { t: 'index'; name: string; subs: Expr[] }
  | { t: 'assign'; op: string; target: Expr; e: Expr }
  | { t: 'cond'; c: Expr; a: Expr; b: Expr }
  | { t: 'and' | 'or'; a: Expr; b: Expr }
  | { t: 'in'; subs: Expr[]; name: string }
  | { t: 'match'; neg: boolean; a: Expr; re: Expr }
  | { t: 'bin'; op: string; a: Expr; b: Expr }
  | { t: 'concat'; a: Expr; b: Expr }
  | { t: 'unary'; op: string; e: Expr }
  | { t: 'incdec'; op: string; prefix: boolean; target: Expr }
  | { t: 'call'; name: string; args: Expr[] }
  | { t: 'builtin'; name: string; args: Expr[] }
  | { t: 'getline'; kind: 'plain' | 'file' | 'cmd'; target?: Expr; src?: Expr }
  | { t: 'group'; e: Expr };

export interface Dest {
  mode: string;
  e: Expr;
}

export type Stmt =
  | { t: 'print' | 'printf'; args: Expr[]; dest?: Dest }
  | { t: 'expr'; e: Expr }
  | { t: 'if'; c: Expr; a: Stmt; b?: Stmt }
  | { t: 'while'; c: Expr; body: Stmt }
  | { t: 'do'; body: Stmt; c: Expr }
  | { t: 'for'; init?: Stmt; c?: Expr; step?: Stmt; body: Stmt }
  | { t: 'forin'; v: Expr; arr: string; body: Stmt }
  | { t: 'block'; body: Stmt[] }
  | { t: 'next' | 'nextfile' | 'break' | 'continue' }
  | { t: 'exit' | 'return'; e?: Expr }
  | { t: 'delete'; name: string; subs?: Expr[] };

export interface Item {
  kind: 'BEGIN' | 'END' | 'main';
  pattern?: Expr;
  range?: [Expr, Expr];
  action?: Stmt[];
  /** Range state while running. */
  inRange?: boolean;
}

export interface Func {
  params: string[];
  body: Stmt[];
}

export interface Program {
  items: Item[];
  funcs: Map<string, Func>;
}

export function parseAwk(src: string, warn: (msg: string) => void): Program {
  return new Parser(lex(src, warn)).program();
}

class Parser {
  private i = 0;
  /** Depth of print argument lists where `>` means redirection. */
  private noGt = false;
  /** Inside `for (x in a)` head detection and `(a, b) in` grouping, `in` is not consumed. */
  private noIn = false;

  constructor(private readonly toks: Tok[]) {}

  private get tok(): Tok {
    return this.toks[this.i];
  }

  private is(text: string): boolean {
    const t = this.tok;
    return (t.kind === 'op' || t.kind === 'kw') && t.text === text;
  }

  private fail(t: Tok = this.tok): never {
    throw new AwkSyntaxError(t.kind === 'eof' || t.kind === 'nl' ? 'unexpected newline or end of string' : 'syntax error', t.pos);
  }

  private expect(text: string): Tok {
    if (!this.is(text)) this.fail();
    return this.toks[this.i++];
  }

  private eat(text: string): boolean {
    if (this.is(text)) {
      this.i++;
      return true;
    }
    return false;
  }

  private nls(): void {
    while (this.tok.kind === 'nl') this.i++;
  }

  /** Terminators: newlines and semicolons. */
  private terms(): void {
    while (this.tok.kind === 'nl' || this.is(';')) this.i++;
  }

  program(): Program {
    const items: Item[] = [];
    const funcs = new Map<string, Func>();
    this.terms();
    while (this.tok.kind !== 'eof') {
      if (this.is('BEGIN') || this.is('END')) {
        const kind = this.tok.text as 'BEGIN' | 'END';
        this.i++;
        this.nls();
        if (!this.is('{')) this.fail();
        items.push({ kind, action: this.block() });
      } else if (this.is('function')) {
        this.i++;
        const name = this.tok;
        if (name.kind !== 'name' && name.kind !== 'funcname') this.fail();
        this.i++;
        this.expect('(');
        const params: string[] = [];
        while (!this.is(')')) {
          if (this.tok.kind !== 'name') this.fail();
          params.push(this.tok.text);
          this.i++;
          if (!this.is(')')) {
            this.expect(',');
            this.nls();
          }
        }
        this.i++;
        this.nls();
        funcs.set(name.text, { params, body: this.block() });
      } else {
        const item: Item = { kind: 'main' };
        if (!this.is('{')) {
          const a = this.expr();
          if (this.eat(',')) {
            this.nls();
            item.range = [a, this.expr()];
          } else item.pattern = a;
        }
        if (this.is('{')) item.action = this.block();
        items.push(item);
      }
      if (!(this.tok.kind === 'nl' || this.is(';') || (this.tok.kind as string) === 'eof' || this.toks[this.i - 1]?.text === '}')) this.fail();
      this.terms();
    }
    return { items, funcs };
  }

  private block(): Stmt[] {
    this.expect('{');
    const body: Stmt[] = [];
    this.terms();
    while (!this.is('}')) {
      if (this.tok.kind === 'eof') this.fail();
      body.push(this.stmt());
      this.terms();
    }
    this.i++;
    return body;
  }

  /** A statement's end: `;`, newline, or a following `}` / end of input. */
  private endSimple(): void {
    if (this.is(';') || this.tok.kind === 'nl') {
      this.i++;
      return;
    }
    if (this.is('}') || this.tok.kind === 'eof') return;
    this.fail();
  }

  private body(): Stmt {
    this.nls();
    if (this.is(';')) {
      this.i++;
      return { t: 'block', body: [] };
    }
    return this.stmt();
  }

  private stmt(): Stmt {
    const t = this.tok;
    if (this.is('{')) return { t: 'block', body: this.block() };
    if (this.eat('if')) {
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      const a = this.body();
      // `else` may follow after newlines or a semicolon.
      const save = this.i;
      this.terms();
      if (this.eat('else')) return { t: 'if', c, a, b: this.body() };
      this.i = save;
      return { t: 'if', c, a };
    }
    if (this.eat('while')) {
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      if (this.is(';')) {
        this.i++;
        return { t: 'while', c, body: { t: 'block', body: [] } };
      }
      return { t: 'while', c, body: this.body() };
    }
    if (this.eat('do')) {
      const body = this.body();
      this.terms();
      this.expect('while');
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      this.endSimple();
      return { t: 'do', body, c };
    }
    if (this.eat('for')) {
      this.expect('(');
      if (this.tok.kind === 'name' && this.toks[this.i + 1].text === 'in' && this.toks[this.i + 2].kind === 'name' && this.toks[this.i + 3].text === ')') {
        const v: Expr = { t: 'var', name: this.tok.text };
        const arr = this.toks[this.i + 2].text;
        this.i += 4;
        return { t: 'forin', v, arr, body: this.body() };
      }
      const init = this.is(';') ? undefined : this.simple();
      this.expect(';');
      this.nls();
      const c = this.is(';') ? undefined : this.expr();
      this.expect(';');
      this.nls();
      const step = this.is(')') ? undefined : this.simple();
      this.expect(')');
      return { t: 'for', init, c, step, body: this.body() };
    }
    if (this.eat(';')) return { t: 'block', body: [] };
    const s = this.simpleOrControl(t);
    this.endSimple();
    return s;
  }

  private simpleOrControl(t: Tok): Stmt {
    if (this.eat('next')) return { t: 'next' };
    if (this.eat('nextfile')) return { t: 'nextfile' };
    if (this.eat('break')) return { t: 'break' };
    if (this.eat('continue')) return { t: 'continue' };
    if (this.is('exit') || this.is('return')) {
      const kind = this.tok.text as 'exit' | 'return';
      this.i++;
      const e = this.is(';') || this.is('}') || this.tok.kind === 'nl' || this.tok.kind === 'eof' ? undefined : this.expr();
      return { t: kind, e };
    }
    void t;
    return this.simple();
  }

  private simple(): Stmt {
    if (this.is('print') || this.is('printf')) {
      const kind = this.tok.text as 'print' | 'printf';
      this.i++;
      let args: Expr[] = [];
      const saved = this.noGt;
      this.noGt = true;
      if (!(this.is(';') || this.is('}') || this.is('>') || this.is('>>') || this.is('|') || this.tok.kind === 'nl' || this.tok.kind === 'eof')) {
        args = this.exprList();
        // `print (a, b)`: a parenthesised list is the argument list.
        if (args.length === 1 && args[0].t === 'group' && (args[0] as { e: Expr }).e.t === 'concat' && false) args = [];
      }
      this.noGt = saved;
      let dest: Dest | undefined;
      if (this.is('>') || this.is('>>') || this.is('|')) {
        const mode = this.tok.text;
        this.i++;
        dest = { mode, e: this.concat(true) };
      }
      return { t: kind, args, dest };
    }
    if (this.eat('delete')) {
      if (this.tok.kind !== 'name') this.fail();
      const name = this.tok.text;
      this.i++;
      if (this.eat('[')) {
        const subs = this.exprList();
        this.expect(']');
        return { t: 'delete', name, subs };
      }
      return { t: 'delete', name };
    }
    return { t: 'expr', e: this.expr() };
  }

  private exprList(): Expr[] {
    const list = [this.expr()];
    while (this.eat(',')) {
      this.nls();
      list.push(this.expr());
    }
    // `print (a, b) > f` arrives as one group holding a list; unwrap it.
    if (list.length === 1 && list[0].t === 'group' && Array.isArray((list[0] as unknown as { list?: Expr[] }).list)) {
      return (list[0] as unknown as { list: Expr[] }).list;
    }
    return list;
  }

  expr(): Expr {
    return this.ternary();
  }

  private isLvalue(e: Expr): boolean {
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
      const subs = a.t === 'group' && (a as unknown as { list?: Expr[] }).list ? (a as unknown as { list: Expr[] }).list : [a];
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
    if (t.kind === 'num' || t.kind === 'str' || t.kind === 'ere' || t.kind === 'name' || t.kind === 'funcname' || t.kind === 'builtin') return true;
    if (t.kind === 'op') return t.text === '$' || t.text === '(' || t.text === '!' || t.text === '-' || t.text === '+' || t.text === '++' || t.text === '--';
    return false;
  }

  private concat(noIn: boolean): Expr {
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
      case 'num': this.i++; return { t: 'num', v: t.value as number };
      case 'str': this.i++; return { t: 'str', v: t.value as string };
      case 'ere': this.i++; return { t: 're', src: t.value as string };
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
          const list = [this.expr()];
          while (this.eat(',')) {
            this.nls();
            list.push(this.expr());
          }
          this.nls();
          this.expect(')');
          this.noGt = savedGt;
          this.noIn = savedIn;
          const g: Expr = { t: 'group', e: list[0] };
          if (list.length > 1) {
            (g as unknown as { list: Expr[] }).list = list;
            if (!this.is('in') && !this.noGt) this.fail();
          }
          return g;
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
