// expr as GNU coreutils and busybox evaluate it: | & (lowest), the comparisons, + -, * / %, the
// `:` regex match (a BRE anchored at the start: the \(…\) group's text, else how many characters
// matched), match/substr/index/length, and parentheses. Status 0 for a result neither empty nor 0,
// 1 for one that is, 2 for a bad expression. GNU's integers have no bound and it names what it
// could not parse; busybox's are 64-bit (they wrap) and it just says "syntax error". Checked
// against coreutils 9.1 and busybox-static 1.35 (test/shell/commands/text/compare-vs-gnu).
import type { CommandContext, CommandSpec } from '../../command.js';
import { isBusybox } from '../busybox/formats.js';
import { compileRegex, RegexError } from './posix-regex.js';

type Value = bigint | string;

class ExprError extends Error {
  constructor(
    message: string,
    readonly status = 2,
  ) {
    super(message);
  }
}

const INTEGER = /^[-+]?\d+$/;
const INT64_MAX = 2n ** 63n - 1n;
/** The keywords and how many operands each takes. */
const KEYWORDS: Record<string, number> = { match: 2, substr: 3, index: 2, length: 1 };

class Evaluator {
  private at = 0;
  constructor(
    private readonly args: readonly string[],
    private readonly busybox: boolean,
  ) {}

  run(): Value {
    const v = this.or();
    const extra = this.args[this.at];
    if (extra !== undefined) this.syntax(`unexpected argument ‘${extra}’`);
    return v;
  }

  private syntax(gnu: string): never {
    throw new ExprError(this.busybox ? 'syntax error' : `syntax error: ${gnu}`);
  }

  private peek(): string | undefined {
    return this.args[this.at];
  }

  private accept(...ops: string[]): string | undefined {
    const t = this.args[this.at];
    if (t !== undefined && ops.includes(t) && this.at + 1 <= this.args.length) {
      this.at++;
      return t;
    }
    return undefined;
  }

  /** The operand after an operator: there must be one. */
  private needOperand(op: string): void {
    if (this.at >= this.args.length) this.syntax(`missing argument after ‘${op}’`);
  }

  private or(): Value {
    let l = this.and();
    for (let op = this.accept('|'); op; op = this.accept('|')) {
      this.needOperand(op);
      const r = this.and();
      if (isNull(l, this.busybox)) l = isNull(r, this.busybox) && !this.busybox ? 0n : r;
    }
    return l;
  }

  private and(): Value {
    let l = this.compare();
    for (let op = this.accept('&'); op; op = this.accept('&')) {
      this.needOperand(op);
      const r = this.compare();
      if (isNull(l, this.busybox) || isNull(r, this.busybox)) l = 0n;
    }
    return l;
  }

  private compare(): Value {
    let l = this.sum();
    for (let op = this.accept('<', '<=', '=', '==', '!=', '>=', '>'); op; ) {
      this.needOperand(op);
      const r = this.sum();
      const a = asInteger(l);
      const b = asInteger(r);
      const c = a !== undefined && b !== undefined ? cmp(a, b) : cmp(String(l), String(r));
      const holds = { '<': c < 0, '<=': c <= 0, '=': c === 0, '==': c === 0, '!=': c !== 0, '>=': c >= 0, '>': c > 0 };
      l = holds[op as keyof typeof holds] ? 1n : 0n;
      op = this.accept('<', '<=', '=', '==', '!=', '>=', '>');
    }
    return l;
  }

  private sum(): Value {
    let l = this.product();
    for (let op = this.accept('+', '-'); op; op = this.accept('+', '-')) {
      this.needOperand(op);
      const r = this.product();
      l = this.wrap(op === '+' ? this.int(l) + this.int(r) : this.int(l) - this.int(r));
    }
    return l;
  }

  private product(): Value {
    let l = this.match();
    for (let op = this.accept('*', '/', '%'); op; op = this.accept('*', '/', '%')) {
      this.needOperand(op);
      const r = this.match();
      const a = this.int(l);
      const b = this.int(r);
      if (op !== '*' && b === 0n) throw new ExprError('division by zero');
      l = this.wrap(op === '*' ? a * b : op === '/' ? a / b : a % b);
    }
    return l;
  }

  private match(): Value {
    let l = this.primary();
    for (let op = this.accept(':'); op; op = this.accept(':')) {
      this.needOperand(op);
      l = this.regexMatch(String(l), String(this.primary()));
    }
    return l;
  }

  private primary(): Value {
    const t = this.args[this.at];
    if (t === undefined) this.syntax('missing argument');
    this.at++;
    if (t === '(') {
      if (this.peek() === undefined) this.syntax('missing argument after ‘(’');
      const v = this.or();
      if (this.peek() !== ')') {
        if (this.peek() === undefined) this.syntax(`expecting ')' after ‘${this.args[this.at - 1]}’`);
        this.syntax(`expecting ')' instead of ‘${this.peek()}’`);
      }
      this.at++;
      return v;
    }
    // `+ TOKEN` in GNU, `quote TOKEN` in busybox: TOKEN as a string.
    if (t === (this.busybox ? 'quote' : '+')) return this.operand(t);
    const arity = KEYWORDS[t];
    if (arity === undefined || !Object.hasOwn(KEYWORDS, t)) return t;
    const operands: string[] = [];
    for (let i = 0; i < arity; i++) operands.push(String(this.keywordOperand()));
    return this.keyword(t, operands);
  }

  /** The TOKEN after `+` or `quote`, as a string even if it is a keyword or an operator. */
  private operand(after: string): string {
    const t = this.args[this.at];
    if (t === undefined) this.syntax(`missing argument after ‘${after}’`);
    this.at++;
    return t;
  }

  private keywordOperand(): Value {
    if (this.at >= this.args.length) this.syntax(`missing argument after ‘${this.args[this.at - 1]}’`);
    return this.primary();
  }

  private keyword(name: string, a: string[]): Value {
    const s = a[0] ?? '';
    if (name === 'length') return BigInt([...s].length);
    if (name === 'match') return this.regexMatch(s, a[1] ?? '');
    if (name === 'index') {
      const chars = [...s];
      const i = chars.findIndex((c) => (a[1] ?? '').includes(c));
      return BigInt(i + 1);
    }
    const pos = asInteger(a[1] ?? '');
    const len = asInteger(a[2] ?? '');
    const chars = [...s];
    if (pos === undefined || len === undefined || pos < 1n || len < 1n || pos > BigInt(chars.length)) return '';
    const from = Number(pos) - 1;
    return chars.slice(from, from + Math.min(Number(len), chars.length)).join('');
  }

  private regexMatch(s: string, pattern: string): Value {
    let re: RegExp;
    try {
      re = compileRegex(pattern);
    } catch (e) {
      if (!(e instanceof RegexError)) throw e;
      throw new ExprError(this.busybox ? `bad regex '${pattern}': ${e.message}` : e.message);
    }
    const m = re.exec(s);
    const hit = m && m.index === 0 ? m : null;
    if (/\\\(/.test(pattern)) return hit ? (hit[1] ?? '') : '';
    return BigInt(hit ? [...hit[0]].length : 0);
  }

  private int(v: Value): bigint {
    const n = asInteger(v);
    if (n === undefined) throw new ExprError(this.busybox ? 'non-numeric argument' : 'non-integer argument');
    // busybox reads a number with strtoll, which stops at the 64-bit limits.
    return this.busybox ? (n > INT64_MAX ? INT64_MAX : n < -INT64_MAX - 1n ? -INT64_MAX - 1n : n) : n;
  }

  /** busybox counts in a signed 64-bit integer: it wraps. */
  private wrap(n: bigint): bigint {
    return this.busybox ? BigInt.asIntN(64, n) : n;
  }
}

function asInteger(v: Value): bigint | undefined {
  if (typeof v === 'bigint') return v;
  return INTEGER.test(v) ? BigInt(v) : undefined;
}

function cmp<T extends bigint | string>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What | and & and the exit status read as false: 0 or empty (GNU also reads -0, 00 … so). */
function isNull(v: Value, busybox: boolean): boolean {
  if (typeof v === 'bigint') return v === 0n;
  return v === '' || (busybox ? v === '0' : /^-?0+$/.test(v));
}

function expr(ctx: CommandContext): number {
  const busybox = isBusybox(ctx);
  let args = ctx.argv.slice(1);
  if (!busybox && args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    ctx.stderr(
      busybox ? 'expr: too few arguments\n' : "expr: missing operand\nTry 'expr --help' for more information.\n",
    );
    return 2;
  }
  try {
    const v = new Evaluator(args, busybox).run();
    ctx.stdout(`${String(v)}\n`);
    return isNull(v, busybox) ? 1 : 0;
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
    ctx.stderr(`expr: ${e.message}\n`);
    return e.status;
  }
}

export const exprCommand: CommandSpec = {
  name: 'expr',
  run: expr,
  summary: 'evaluate an expression: arithmetic, comparisons, string length/substr/index, `:` regex match',
};
