// C printf as gawk applies it: %d %i %o %x %X %u %c %s %e %E %f %F %g %G %%, flags `-+ #0`,
// width and precision (also `*`). Doubles are rounded the way glibc does — exact ties go to
// even — which JS's toFixed/toExponential do not do on their own.

export class FormatError extends Error {
  /** Offset of the conversion that ran out of arguments, for gawk's caret. */
  pos = 0;
}

/** Digits of |x| rounded to `p` decimals, ties to even on the exact binary value. */
function fixed(x: number, p: number): string {
  const ax = Math.abs(x);
  if (ax >= 1e21) {
    const int = BigInt(Math.round(ax)).toString();
    return p > 0 ? `${int}.${'0'.repeat(p)}` : int;
  }
  let s = ax.toFixed(p);
  const probe = p + 25 <= 100 ? ax.toFixed(p + 25) : undefined;
  if (probe !== undefined) {
    const tail = probe.slice(probe.length - 25);
    if (tail === `5${'0'.repeat(24)}`) {
      // An exact tie: toFixed rounded away from zero; C rounds to even.
      const down = probe.slice(0, probe.length - 25).replace(/\.$/, '');
      const last = down.replace('.', '');
      const lastDigit = Number(last[last.length - 1]);
      if (lastDigit % 2 === 0) s = down;
    }
  }
  return s;
}

function expo(x: number, p: number, upper: boolean): string {
  const ax = Math.abs(x);
  let s = ax.toExponential(p);
  if (p + 25 <= 100) {
    const probe = ax.toExponential(p + 25);
    const [mant = '', exp] = probe.split('e');
    const tail = mant.slice(mant.length - 25);
    if (tail === `5${'0'.repeat(24)}`) {
      const down = mant.slice(0, mant.length - 25).replace(/\.$/, '');
      if (Number(down.at(-1)) % 2 === 0) s = `${down}e${exp}`;
    }
  }
  const [m, e] = s.split('e');
  const en = Number(e);
  const out = `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  return upper ? out.toUpperCase() : out;
}

function general(x: number, p: number, alt: boolean, upper: boolean): string {
  if (p === 0) p = 1;
  const ax = Math.abs(x);
  if (ax === 0) return alt ? `0.${'0'.repeat(p - 1)}` : '0';
  const e = expo(ax, p - 1, false);
  const X = Number(e.split('e')[1]);
  let s: string;
  if (X < p && X >= -4) s = fixed(ax, p - 1 - X);
  else s = expo(ax, p - 1, upper);
  if (!alt) {
    if (s.includes('e') || s.includes('E')) s = s.replace(/\.?0+(?=[eE])/, '');
    else if (s.includes('.')) s = s.replace(/\.?0+$/, '');
  }
  return s;
}

function special(x: number, upper: boolean): string | undefined {
  if (Number.isNaN(x)) return upper ? '-NAN' : '-nan';
  if (!Number.isFinite(x)) return upper ? 'INF' : 'inf';
  return undefined;
}

export interface FormatArgs {
  /** The next argument as a number, or undefined when the list ran out. */
  num(): number | undefined;
  str(): string | undefined;
  /** For %c: a number gives a character code, a string its first character. */
  raw(): number | string | undefined;
}

export function cFormat(fmt: string, args: FormatArgs): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([hlLqjzt]*)([diouxXcseEfFgGaA%])/.exec(fmt.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length - 1;
    const [, flags = '', widthSpec, precSpec, , conv = ''] = m;
    const at = i - m[0].length + 1;
    const runOut = (): never => {
      const err = new FormatError('not enough arguments to satisfy format string');
      err.pos = at;
      throw err;
    };
    if (conv === '%') {
      out += '%';
      continue;
    }
    let left = flags.includes('-');
    let width = 0;
    if (widthSpec === '*') {
      width = Math.trunc(args.num() ?? 0);
      if (width < 0) {
        left = true;
        width = -width;
      }
    } else if (widthSpec) width = Number(widthSpec);
    let prec: number | undefined;
    if (precSpec !== undefined) prec = precSpec === '*' ? Math.trunc(args.num() ?? 0) : Number(precSpec || 0);
    if (prec !== undefined && prec < 0) prec = undefined;
    const plus = flags.includes('+');
    const space = flags.includes(' ');
    const alt = flags.includes('#');
    let zero = flags.includes('0') && !left;
    let body: string;
    let sign = '';
    if (conv === 's' || conv === 'c') {
      let s: string;
      if (conv === 'c') {
        const r = args.raw();
        if (r === undefined) return runOut();
        s = typeof r === 'number' ? String.fromCodePoint(Math.max(0, Math.trunc(r)) % 0x110000) : ([...r][0] ?? '');
      } else {
        const v = args.str();
        if (v === undefined) return runOut();
        s = prec !== undefined ? [...v].slice(0, prec).join('') : v;
      }
      zero = false;
      body = s;
    } else {
      const v = args.num();
      if (v === undefined) return runOut();
      const neg = v < 0 || Object.is(v, -0);
      const sp = special(v, conv === conv.toUpperCase() && conv !== 'd' && conv !== 'i');
      if ('diouxX'.includes(conv)) {
        if (sp !== undefined) {
          body = sp;
          zero = false;
          sign = neg && !Number.isNaN(v) ? '-' : plus ? '+' : space ? ' ' : '';
          if (sign === '-' && body.startsWith('-')) sign = '';
        } else {
          const t = BigInt(Math.trunc(v));
          let digits: string;
          const abs = t < 0n ? -t : t;
          if (conv === 'd' || conv === 'i') {
            digits = abs.toString();
            sign = t < 0n ? '-' : plus ? '+' : space ? ' ' : '';
          } else {
            // Unsigned conversions of negatives wrap as 64-bit, like gawk on x86-64.
            const u = t < 0n ? (1n << 64n) + t : t;
            digits = u.toString(conv === 'o' ? 8 : conv === 'u' ? 10 : 16);
            if (conv === 'X') digits = digits.toUpperCase();
            if (alt && conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
            if (alt && (conv === 'x' || conv === 'X') && u !== 0n) sign = conv === 'x' ? '0x' : '0X';
          }
          if (prec !== undefined) {
            zero = false;
            if (prec === 0 && abs === 0n) digits = '';
            digits = digits.padStart(prec, '0');
          }
          body = digits;
        }
      } else {
        sign = neg && !Number.isNaN(v) ? '-' : plus ? '+' : space ? ' ' : '';
        const upper = conv === conv.toUpperCase();
        if (sp !== undefined) {
          body = sp.replace(/^-/, '');
          zero = false;
        } else if (conv === 'f' || conv === 'F') {
          body = fixed(v, prec ?? 6);
          if (alt && !body.includes('.')) body += '.';
        } else if (conv === 'e' || conv === 'E') body = expo(v, prec ?? 6, upper);
        else if (conv === 'a' || conv === 'A') body = Math.abs(v).toString(16);
        else body = general(v, prec ?? 6, alt, upper);
      }
    }
    const len = [...sign].length + [...body].length;
    if (len < width) {
      const pad = width - len;
      if (left) body = `${sign}${body}${' '.repeat(pad)}`;
      else if (zero) body = `${sign}${'0'.repeat(pad)}${body}`;
      else body = `${' '.repeat(pad)}${sign}${body}`;
    } else body = `${sign}${body}`;
    out += body;
  }
  return out;
}

/** A number as awk turns it into a string: integral values whole, others through CONVFMT/OFMT. */
export function numToStr(n: number, fmt: string): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e16 ? String(n) : BigInt(n).toString();
  if (Number.isNaN(n)) return '-nan';
  if (!Number.isFinite(n)) return n > 0 ? '+inf' : '-inf';
  return cFormat(fmt, { num: () => n, str: () => String(n), raw: () => n });
}
