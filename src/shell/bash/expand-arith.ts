// Bash arithmetic ($((…)), ((…)), for ((…))): 64-bit-ish integers as JS numbers truncated
// toward zero, variables read and assigned through the shell, bash's error texts.

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithError extends Error {
  constructor(
    readonly expression: string,
    readonly detail: string,
    readonly token: string,
  ) {
    super(`${expression}: ${detail} (error token is "${token}")`);
  }
}

/** bash's arithmetic tokens, longest first where one is the start of another. */
const TOKEN_KINDS = [
  /0[xX][0-9a-fA-F]+/, // hex
  /\d+#[0-9a-zA-Z@_]+/, // base#digits
  /\d+/,
  /[A-Za-z_][A-Za-z0-9_]*/, // a variable's name
  /\*\*=?|<<=?|>>=?|\+\+|--|&&|\|\||[<>=!]=|[-+*/%&|^]=/, // two- and three-character operators
  /[-+*/%<>=!~&|^?:(),]/,
];
const TOKEN = new RegExp(`\\s*(${TOKEN_KINDS.map((r) => r.source).join('|')})`, 'y');

export function evalArith(expr: string, vars: ArithVars, depth = 0): number {
  const toks: string[] = [];
  /** Where each token starts: bash's error token is the text from there on. */
  const starts: number[] = [];
  // bash shows the expression without its leading blanks (its trailing ones stay).
  const shown = expr.trimStart();
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < expr.length) {
    if (/^\s*$/.test(expr.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(expr);
    if (!m) {
      const rest = expr.slice(pos).trimStart();
      throw new ArithError(shown, 'syntax error: invalid arithmetic operator', rest);
    }
    toks.push(m[1] ?? '');
    starts.push(TOKEN.lastIndex - (m[1] ?? '').length);
    pos = TOKEN.lastIndex;
  }
  let i = 0;
  const peek = (): string | undefined => toks[i];
  /** The text from token AT on (past the end: from the last token, as bash's lasttp). */
  const from = (at: number): string => expr.slice(starts[Math.min(at, toks.length - 1)] ?? 0);
  const fail = (detail: string, at = i): never => {
    throw new ArithError(shown, detail, from(at));
  };
  const readVar = (name: string): number => {
    const v = vars.get(name) ?? '';
    if (v.trim() === '') return 0;
    if (depth > 20) fail('expression recursion level exceeded');
    return evalArith(v, vars, depth + 1);
  };
  const num = (t: string): number => {
    if (/^0[xX]/.test(t)) return parseInt(t.slice(2), 16);
    if (t.includes('#')) {
      const [b, d] = t.split('#') as [string, string];
      return parseInt(d, Number(b));
    }
    if (t.length > 1 && t.startsWith('0')) {
      // bash names the number alone, as expression and token.
      if (/[89]/.test(t)) throw new ArithError(t, 'value too great for base', t);
      return parseInt(t, 8);
    }
    return Number(t);
  };
  const int = (n: number): number => (Number.isFinite(n) ? Math.trunc(n) : 0);
  const isName = (t: string | undefined): t is string => t !== undefined && /^[A-Za-z_]/.test(t);

  const primary = (): number => {
    const t = peek();
    if (t === undefined) return fail('syntax error: operand expected');
    if (t === '(') {
      i++;
      const v = comma();
      if (peek() !== ')') fail("syntax error: `)' expected");
      i++;
      return v;
    }
    if (t === '++' || t === '--') {
      i++;
      const name = peek();
      if (!isName(name)) return fail('syntax error: operand expected');
      i++;
      const v = readVar(name) + (t === '++' ? 1 : -1);
      vars.set(name, String(v));
      return v;
    }
    if (t === '-' || t === '+' || t === '!' || t === '~') {
      i++;
      const v = unary();
      return t === '-' ? -v : t === '+' ? v : t === '!' ? Number(v === 0) : ~v;
    }
    if (/^\d/.test(t)) {
      i++;
      return num(t);
    }
    if (isName(t)) {
      i++;
      const op = peek();
      if (op === '++' || op === '--') {
        i++;
        const v = readVar(t);
        vars.set(t, String(v + (op === '++' ? 1 : -1)));
        return v;
      }
      if (op !== undefined && /^(=|[-+*/%&|^]=|\*\*=|<<=|>>=)$/.test(op)) {
        i++;
        const rhs = assign();
        const cur = op === '=' ? 0 : readVar(t);
        const v = op === '=' ? rhs : binop(op.slice(0, -1), cur, rhs);
        vars.set(t, String(v));
        return v;
      }
      return readVar(t);
    }
    return fail('syntax error: operand expected');
  };
  const unary = primary;
  const binop = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+':
        return int(a + b);
      case '-':
        return int(a - b);
      case '*':
        return int(a * b);
      case '/':
        if (b === 0) fail('division by 0');
        return int(a / b);
      case '%':
        if (b === 0) fail('division by 0');
        return int(a % b);
      case '**':
        if (b < 0) fail('exponent less than 0');
        return int(a ** b);
      case '<<':
        return a << b;
      case '>>':
        return a >> b;
      case '&':
        return a & b;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '<':
        return Number(a < b);
      case '>':
        return Number(a > b);
      case '<=':
        return Number(a <= b);
      case '>=':
        return Number(a >= b);
      case '==':
        return Number(a === b);
      case '!=':
        return Number(a !== b);
      default:
        return fail('syntax error: invalid arithmetic operator');
    }
  };
  const LEVELS: string[][] = [
    ['||'],
    ['&&'],
    ['|'],
    ['^'],
    ['&'],
    ['==', '!='],
    ['<', '>', '<=', '>='],
    ['<<', '>>'],
    ['+', '-'],
    ['*', '/', '%'],
  ];
  const power = (): number => {
    const a = primary();
    if (peek() === '**') {
      i++;
      return binop('**', a, power());
    }
    return a;
  };
  const level = (n: number): number => {
    if (n >= LEVELS.length) return power();
    let a = level(n + 1);
    for (;;) {
      const op = peek();
      if (op === undefined || !(LEVELS[n] ?? []).includes(op)) return a;
      i++;
      const rhsStart = i;
      const b = level(n + 1);
      if ((op === '/' || op === '%') && b === 0) {
        fail('division by 0', rhsStart);
      }
      a = op === '||' ? Number(a !== 0 || b !== 0) : op === '&&' ? Number(a !== 0 && b !== 0) : binop(op, a, b);
    }
  };
  const ternary = (): number => {
    const c = level(0);
    if (peek() !== '?') return c;
    i++;
    const a = assign();
    if (peek() !== ':') fail("`:' expected for conditional expression");
    i++;
    const b = assign();
    return c !== 0 ? a : b;
  };
  const assign = ternary;
  const comma = (): number => {
    let v = assign();
    while (peek() === ',') {
      i++;
      v = assign();
    }
    return v;
  };
  if (toks.length === 0) return 0;
  const v = comma();
  if (i < toks.length) fail('syntax error in expression');
  return v;
}
