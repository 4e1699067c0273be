// The awk parser: recursive descent over gawk's grammar and precedence (assignment, ?:, ||, &&,
// in, ~, relational, concatenation, + -, * / %, unary, ^, ++/--, $, grouping). Inside print's
// argument list an unparenthesised `>` is a redirection, not a comparison.
import { lex, type Tok } from './lex.js';
import { ExprParser } from './parse-expr.js';

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
  /**
   * `(e)`. A parenthesised list `(a, b)` is a group too, its first expression in `e` and all of
   * them in `list`: the subscripts of `(a, b) in arr`, or the items of `print (a, b) > f`.
   */
  | { t: 'group'; e: Expr; list?: Expr[] };

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

class Parser extends ExprParser {
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
      if (
        !(
          this.tok.kind === 'nl' ||
          this.is(';') ||
          (this.tok.kind as string) === 'eof' ||
          this.toks[this.i - 1]?.text === '}'
        )
      )
        this.fail();
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
      const [, inTok, arrTok, closeTok] = this.toks.slice(this.i, this.i + 4);
      if (this.tok.kind === 'name' && inTok?.text === 'in' && arrTok?.kind === 'name' && closeTok?.text === ')') {
        const v: Expr = { t: 'var', name: this.tok.text };
        const arr = arrTok.text;
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
      const e =
        this.is(';') || this.is('}') || this.tok.kind === 'nl' || this.tok.kind === 'eof' ? undefined : this.expr();
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
      if (
        !(
          this.is(';') ||
          this.is('}') ||
          this.is('>') ||
          this.is('>>') ||
          this.is('|') ||
          this.tok.kind === 'nl' ||
          this.tok.kind === 'eof'
        )
      ) {
        args = this.exprList();
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
}
