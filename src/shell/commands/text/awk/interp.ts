// The awk interpreter: statements, expressions and function calls over AwkState's variables and
// fields. Output is queued as ops and written by awk.ts afterwards; commands (system(), pipes,
// `cmd | getline`) come from io.command, which awk.ts fills by running them and replaying.
import { callBuiltin } from './builtins.js';
import { cFormat, FormatError } from './format.js';
import { AwkOutput, type Io } from './output.js';
import { AwkFatal } from './state.js';
import type { Expr, Program, Stmt } from './parse.js';
import { type Cell, compare, input, newCell, StrNum, toBool, toNum, UNINIT, type Val } from './value.js';

export class ExitSignal {
  constructor(readonly code: number) {}
}
class NextSignal {}
class NextFileSignal {}
class BreakSignal {}
class ContinueSignal {}
class ReturnSignal {
  constructor(readonly v: Val) {}
}
export { AwkFatal, NextSignal, NextFileSignal };
export { type CmdResult, type Io, NeedCommand, type Op } from './output.js';

export class Interp extends AwkOutput {
  randSeed = 0;
  prevSeed = 0;

  constructor(
    readonly prog: Program,
    io: Io,
  ) {
    super(io);
  }

  // ---- regexes and redirections -----------------------------------------------------------

  regexOf(e: Expr): RegExp {
    return e.t === 're' ? this.regex(e.src) : this.regex(this.str(this.eval(e)));
  }

  emit(data: string, dest?: { mode: string; e: Expr }): void {
    if (!dest) this.out(data);
    else this.emitTo(data, dest.mode, this.str(this.eval(dest.e)));
  }

  // ---- statements --------------------------------------------------------------------------

  runAction(body: Stmt[]): void {
    for (const s of body) this.exec(s);
  }

  exec(s: Stmt): void {
    // A runaway loop (`while (1) print`) is stopped by the line's budget.
    this.io.budget.tick();
    switch (s.t) {
      case 'print': {
        const data =
          s.args.length === 0
            ? this.record
            : s.args.map((a) => this.outStr(this.eval(a))).join(this.str(this.cell('OFS').v));
        this.emit(data + this.str(this.cell('ORS').v), s.dest);
        return;
      }
      case 'printf': {
        if (s.args.length === 0) throw new AwkFatal('printf: no arguments');
        const vals = s.args.map((a) => this.eval(a));
        this.emit(this.sprintf(vals), s.dest);
        return;
      }
      case 'expr':
        this.eval(s.e);
        return;
      case 'if':
        if (toBool(this.eval(s.c))) this.exec(s.a);
        else if (s.b) this.exec(s.b);
        return;
      case 'block':
        for (const x of s.body) this.exec(x);
        return;
      case 'while':
        while (toBool(this.eval(s.c))) if (this.loopBody(s.body)) break;
        return;
      case 'do':
        do if (this.loopBody(s.body)) break;
        while (toBool(this.eval(s.c)));
        return;
      case 'for':
        if (s.init) this.exec(s.init);
        while (!s.c || toBool(this.eval(s.c))) {
          if (this.loopBody(s.body)) break;
          if (s.step) this.exec(s.step);
        }
        return;
      case 'forin': {
        const arr = this.array(s.arr);
        for (const k of [...arr.keys()]) {
          if (!arr.has(k)) continue;
          this.assign(s.v, input(k));
          if (this.loopBody(s.body)) break;
        }
        return;
      }
      case 'next':
        throw new NextSignal();
      case 'nextfile':
        throw new NextFileSignal();
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'exit':
        throw new ExitSignal(s.e ? Math.trunc(toNum(this.eval(s.e))) & 0xff : -1);
      case 'return':
        throw new ReturnSignal(s.e ? this.eval(s.e) : UNINIT);
      case 'delete': {
        const arr = this.array(s.name);
        if (s.subs) arr.delete(this.subscript(s.subs));
        else arr.clear();
        return;
      }
    }
  }

  /** Runs a loop body; true when it broke out. */
  private loopBody(body: Stmt): boolean {
    try {
      this.exec(body);
    } catch (e) {
      if (e instanceof BreakSignal) return true;
      if (e instanceof ContinueSignal) return false;
      throw e;
    }
    return false;
  }

  sprintf(vals: Val[]): string {
    const [first] = vals;
    if (first === undefined) throw new AwkFatal('sprintf: no arguments'); // gawk's words
    const fmt = this.str(first);
    let k = 1;
    try {
      return cFormatVals(fmt, vals, () => k++, this);
    } catch (e) {
      if (e instanceof FormatError)
        throw new AwkFatal(`${e.message}\n\t\`${fmt}'\n\t${' '.repeat(e.pos + 1)}^ ran out for this one`);
      throw e;
    }
  }

  // ---- expressions -------------------------------------------------------------------------

  subscript(subs: Expr[]): string {
    return subs.map((e) => this.str(this.eval(e))).join(this.str(this.cell('SUBSEP').v));
  }

  assign(target: Expr, v: Val): Val {
    if (target.t === 'var') this.set(target.name, v);
    else if (target.t === 'field') this.setField(Math.trunc(toNum(this.eval(target.e))), v);
    else if (target.t === 'index') this.array(target.name).set(this.subscript(target.subs), v);
    else if (target.t === 'group') return this.assign(target.e, v);
    return v;
  }

  eval(e: Expr): Val {
    switch (e.t) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return toBool(this.regex(e.src).test(this.record) ? 1 : 0) ? 1 : 0;
      case 'group':
        return this.eval(e.e);
      case 'var':
        return this.get(e.name);
      case 'field':
        return this.getField(Math.trunc(toNum(this.eval(e.e))));
      case 'index': {
        const arr = this.array(e.name);
        const k = this.subscript(e.subs);
        let v = arr.get(k);
        if (v === undefined) {
          v = UNINIT;
          arr.set(k, v);
        }
        return v;
      }
      case 'in':
        return this.array(e.name).has(this.subscript(e.subs)) ? 1 : 0;
      case 'assign': {
        if (e.op === '=') {
          const v = this.eval(e.e);
          return this.assign(e.target, v instanceof StrNum && v === UNINIT ? UNINIT : v);
        }
        const rhs = toNum(this.eval(e.e));
        const lhs = toNum(this.eval(e.target));
        return this.assign(e.target, this.arith(e.op.slice(0, -1), lhs, rhs));
      }
      case 'cond':
        return toBool(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'and':
        return toBool(this.eval(e.a)) && toBool(this.eval(e.b)) ? 1 : 0;
      case 'or':
        return toBool(this.eval(e.a)) || toBool(this.eval(e.b)) ? 1 : 0;
      case 'match': {
        const s = this.str(this.eval(e.a));
        const hit = this.regexOf(e.re).test(s);
        return hit !== e.neg ? 1 : 0;
      }
      case 'bin': {
        if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) {
          const c = compare(this.eval(e.a), this.eval(e.b), this.str(this.cell('CONVFMT').v));
          const r =
            e.op === '<'
              ? c < 0
              : e.op === '<='
                ? c <= 0
                : e.op === '>'
                  ? c > 0
                  : e.op === '>='
                    ? c >= 0
                    : e.op === '=='
                      ? c === 0
                      : c !== 0;
          return r ? 1 : 0;
        }
        return this.arith(e.op, toNum(this.eval(e.a)), toNum(this.eval(e.b)));
      }
      case 'concat':
        return this.str(this.eval(e.a)) + this.str(this.eval(e.b));
      case 'unary': {
        const v = this.eval(e.e);
        if (e.op === '!') return toBool(v) ? 0 : 1;
        return e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'incdec': {
        const old = toNum(this.eval(e.target));
        const nv = e.op === '++' ? old + 1 : old - 1;
        this.assign(e.target, nv);
        return e.prefix ? nv : old;
      }
      case 'call':
        return this.call(e.name, e.args);
      case 'builtin':
        return callBuiltin(this, e.name, e.args);
      case 'getline': {
        let line: string | number | undefined;
        if (e.kind === 'plain') line = this.io.nextMain();
        else if (e.kind === 'file') line = this.getlineFile(this.str(this.eval(e.src!)));
        else line = this.getlineCmd(this.str(this.eval(e.src!)));
        if (line === undefined) return 0;
        if (typeof line === 'number') return line;
        if (e.target) this.assign(e.target, input(line));
        else this.setRecord(line);
        // Only plain getline counts records (gawk 5.2 leaves NR alone for `cmd | getline` too).
        if (e.kind === 'plain') {
          this.set('NR', toNum(this.get('NR')) + 1);
          this.set('FNR', toNum(this.get('FNR')) + 1);
        }
        return 1;
      }
    }
  }

  arith(op: string, a: number, b: number): number {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0) throw new AwkFatal('division by zero attempted');
        return a / b;
      case '%':
        if (b === 0) throw new AwkFatal("division by zero attempted in `%'");
        return a % b;
      case '^':
        return a ** b;
    }
    return 0;
  }

  private call(name: string, args: Expr[]): Val {
    const f = this.prog.funcs.get(name);
    if (!f) throw new AwkFatal(`function \`${name}' not defined`);
    if (args.length > f.params.length)
      throw new AwkFatal(`function \`${name}' called with more arguments than declared`);
    const frame = new Map<string, Cell>();
    f.params.forEach((p, k) => {
      const a = args[k];
      if (a === undefined) {
        frame.set(p, newCell());
        return;
      }
      if (a.t === 'var' && a.name !== 'NF') {
        const c = this.cell(a.name);
        // Arrays by reference; an untyped variable may become an array inside the call.
        if (c.arr) frame.set(p, c);
        else if (c.v === UNINIT) frame.set(p, { v: UNINIT, parent: c });
        else frame.set(p, { v: c.v });
        return;
      }
      frame.set(p, { v: this.eval(a) });
    });
    if (this.frames.length > 1000) throw new AwkFatal('function call nesting too deep');
    this.frames.push(frame);
    try {
      this.runAction(f.body);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.v;
      throw e;
    } finally {
      this.frames.pop();
    }
    return UNINIT;
  }
}

function cFormatVals(fmt: string, vals: Val[], next: () => number, it: Interp): string {
  return cFormat(fmt, {
    num: () => {
      const v = vals[next()];
      return v === undefined ? undefined : toNum(v);
    },
    str: () => {
      const v = vals[next()];
      return v === undefined ? undefined : it.outStr(v);
    },
    raw: () => {
      const v = vals[next()];
      if (v === undefined) return undefined;
      return typeof v === 'number' ? v : it.str(v);
    },
  });
}
