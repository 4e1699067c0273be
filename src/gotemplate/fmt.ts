// Go's fmt for template values: Sprint, Sprintln and Sprintf with Go's default formatting
// (map[k:v] sorted by key, [a b], {a b} structs, <nil>, floats as %g), flags, width, precision,
// and Go's error forms (%!d(string=x)). Sprintf's format parsing is in printf.ts.

import { formatFloat } from './float.js';
import { canBackquote, goQuote, goQuoteRune } from './strconv.js';
import { isPrint } from './token.js';
import { type GoComplex, goTypeOf, kindOf, mapKeys, num, typeName, utf8Bytes } from './value.js';

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number | undefined;
  prec: number | undefined;
}

export const noFlags = (): Flags => ({
  plus: false,
  minus: false,
  sharp: false,
  space: false,
  zero: false,
  plusV: false,
  sharpV: false,
  wid: undefined,
  prec: undefined,
});

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export class Printer {
  buf = '';
  f: Flags = noFlags();

  private padding(n: number): string {
    return n > 0 ? (this.f.zero ? '0' : ' ').repeat(n) : '';
  }
  pad(s: string): void {
    const { wid, minus } = this.f;
    if (wid === undefined || wid === 0) {
      this.buf += s;
      return;
    }
    const w = wid - runeCount(s);
    this.buf += minus ? s + this.padding(w) : this.padding(w) + s;
  }
  private padNoZero(s: string): void {
    const z = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = z;
  }

  badVerb(verb: string, arg: unknown): void {
    this.buf += '%!' + verb + '(';
    if (arg === null || arg === undefined) this.buf += '<nil>';
    else {
      this.buf += typeName(arg) + '=';
      this.printArg(arg, 'v', 0);
    }
    this.buf += ')';
  }

  private fmtInteger(v: number | bigint, base: number, verb: string): void {
    const big = BigInt(v);
    const neg = big < 0n;
    let digits = (neg ? -big : big).toString(base);
    if (verb === 'X') digits = digits.toUpperCase();
    let prec = 0;
    if (this.f.prec !== undefined) {
      prec = this.f.prec;
      if (prec === 0 && big === 0n) {
        this.padNoZero('');
        return;
      }
    } else if (this.f.zero && !this.f.minus && this.f.wid !== undefined) {
      prec = this.f.wid;
      if (neg || this.f.plus || this.f.space) prec--;
    }
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (this.f.sharp) {
      if (base === 2) digits = '0b' + digits;
      else if (base === 8 && digits[0] !== '0') digits = '0' + digits;
      else if (base === 16) digits = (verb === 'X' ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (neg) digits = '-' + digits;
    else if (this.f.plus) digits = '+' + digits;
    else if (this.f.space) digits = ' ' + digits;
    this.padNoZero(digits);
  }

  private printInt(v: number | bigint, verb: string, arg: unknown): void {
    const n = Number(v);
    switch (verb) {
      case 'v':
      case 'd':
        return this.fmtInteger(v, 10, verb);
      case 'b':
        return this.fmtInteger(v, 2, verb);
      case 'o':
      case 'O':
        return this.fmtInteger(v, 8, verb);
      case 'x':
      case 'X':
        return this.fmtInteger(v, 16, verb);
      case 'c':
        return this.pad(validRune(n) ? String.fromCodePoint(n) : '\ufffd');
      case 'q':
        return this.pad(goQuoteRune(validRune(n) ? n : 0xfffd, this.f.plus));
      case 'U': {
        let h = (n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n)).toString(16).toUpperCase();
        const minDigits = Math.max(4, this.f.prec ?? 0);
        h = 'U+' + h.padStart(minDigits, '0');
        if (this.f.sharp && validRune(n) && isPrint(String.fromCodePoint(n))) h += ` '${String.fromCodePoint(n)}'`;
        return this.padNoZero(h);
      }
      default:
        return this.badVerb(verb, arg);
    }
  }

  private fmtFloat(v: number, verb: string, defPrec: number): void {
    const prec = this.f.prec ?? defPrec;
    let s = formatFloat(v, verb, prec);
    if (s[0] !== '-' && s[0] !== '+') s = '+' + s;
    if (this.f.space && s[0] === '+' && !this.f.plus) s = ' ' + s.slice(1);
    if (s[1] === 'I' || s[1] === 'N') {
      if (s[1] === 'N' && !this.f.space && !this.f.plus) s = s.slice(1);
      this.padNoZero(s);
      return;
    }
    if (this.f.sharp && verb !== 'b') s = sharpFloat(s, verb, prec);
    if (this.f.plus || s[0] !== '+') {
      if (this.f.zero && !this.f.minus && this.f.wid !== undefined && this.f.wid > s.length) {
        this.buf += s[0] + '0'.repeat(this.f.wid - s.length) + s.slice(1);
        return;
      }
      this.pad(s);
      return;
    }
    this.pad(s.slice(1));
  }

  private printFloat(v: number, verb: string, arg: unknown): void {
    switch (verb) {
      case 'v':
        return this.fmtFloat(v, 'g', -1);
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        return this.fmtFloat(v, verb, -1);
      case 'e':
      case 'E':
      case 'f':
        return this.fmtFloat(v, verb, 6);
      case 'F':
        return this.fmtFloat(v, 'f', 6);
      default:
        return this.badVerb(verb, arg);
    }
  }

  private fmtSx(s: string, upper: boolean): void {
    let b = utf8Bytes(s);
    if (this.f.prec !== undefined && this.f.prec < b.length) b = b.slice(0, this.f.prec);
    const n = b.length;
    let width = 2 * n;
    if (width === 0) {
      if (this.f.wid !== undefined) this.buf += this.padding(this.f.wid);
      return;
    }
    if (this.f.space) width = (this.f.sharp ? width * 2 : width) + n - 1;
    else if (this.f.sharp) width += 2;
    const wid = this.f.wid ?? 0;
    if (wid > width && !this.f.minus) this.buf += this.padding(wid - width);
    const prefix = upper ? '0X' : '0x';
    let out = this.f.sharp ? prefix : '';
    b.forEach((c, i) => {
      if (this.f.space && i > 0) out += ' ' + (this.f.sharp ? prefix : '');
      const h = c.toString(16).padStart(2, '0');
      out += upper ? h.toUpperCase() : h;
    });
    this.buf += out;
    if (wid > width && this.f.minus) this.buf += this.padding(wid - width);
  }

  private truncate(s: string): string {
    if (this.f.prec === undefined) return s;
    return Array.from(s).slice(0, this.f.prec).join('');
  }

  private printString(s: string, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) return this.pad(goQuote(this.truncate(s)));
        return this.pad(this.truncate(s));
      case 's':
        return this.pad(this.truncate(s));
      case 'x':
      case 'X':
        return this.fmtSx(s, verb === 'X');
      case 'q': {
        const t = this.truncate(s);
        if (this.f.sharp && canBackquote(t)) return this.pad('`' + t + '`');
        return this.pad(goQuote(t, this.f.plus));
      }
      default:
        return this.badVerb(verb, s);
    }
  }

  /** Stringer support: a tagged struct/map with a String() method of no parameters. */
  private handleMethods(arg: object, verb: string): boolean {
    if (this.f.sharpV || !'vsxXq'.includes(verb)) return false;
    const m = goTypeOf(arg).methods?.String;
    if (m?.params.length !== 0 || m.variadic) return false;
    this.printString(String((m.fn as (...a: unknown[]) => unknown).call(arg)), verb);
    return true;
  }

  printArg(arg: unknown, verb: string, depth: number): void {
    if (arg === null || arg === undefined) {
      if (depth > 0) this.buf += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
      else if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'T') return this.printString(typeName(arg), 's');
    switch (kindOf(arg)) {
      case 'bool':
        if (verb === 't' || verb === 'v') return this.pad(String(arg));
        return this.badVerb(verb, arg);
      case 'int':
        return this.printInt(arg as number | bigint, verb, arg);
      case 'float':
        return this.printFloat(num(arg), verb, arg);
      case 'complex': {
        const c = arg as GoComplex;
        if (!'vbgGxXfFeE'.includes(verb)) return this.badVerb(verb, arg);
        const plus = this.f.plus;
        this.buf += '(';
        this.printFloat(c.re, verb, arg);
        this.f.plus = true;
        this.printFloat(c.im, verb, arg);
        this.buf += 'i)';
        this.f.plus = plus;
        return;
      }
      case 'string':
        return this.printString(arg as string, verb);
      case 'func':
        return this.badVerb(verb, arg);
      default:
        if (this.handleMethods(arg as object, verb)) return;
        return this.printComposite(arg as object, verb, depth);
    }
  }

  private printComposite(v: object, verb: string, depth: number): void {
    const t = goTypeOf(v);
    const sep = this.f.sharpV ? ', ' : ' ';
    if (t.kind === 'slice') {
      const items = v as unknown[];
      this.buf += this.f.sharpV ? t.name + '{' : '[';
      items.forEach((x, i) => {
        if (i > 0) this.buf += sep;
        this.printArg(x, verb, depth + 1);
      });
      this.buf += this.f.sharpV ? '}' : ']';
      return;
    }
    const rec = v as Record<string, unknown>;
    if (t.kind === 'map') {
      this.buf += this.f.sharpV ? t.name + '{' : 'map[';
      mapKeys(v).forEach((k, i) => {
        if (i > 0) this.buf += sep;
        this.printArg(k, verb, depth + 1);
        this.buf += ':';
        this.printArg(rec[k], verb, depth + 1);
      });
      this.buf += this.f.sharpV ? '}' : ']';
      return;
    }
    if (this.f.sharpV) this.buf += t.name;
    this.buf += '{';
    Object.keys(v).forEach((k, i) => {
      if (i > 0) this.buf += sep;
      if (this.f.plusV || this.f.sharpV) this.buf += k + ':';
      const x = rec[k];
      if (x === null && this.f.sharpV) this.buf += `(${t.fieldTypes?.[k] ?? 'interface {}'})(nil)`;
      else this.printArg(x, verb, depth + 1);
    });
    this.buf += '}';
  }
}

/** The # flag on floats: always a decimal point, and %g keeps its trailing zeros (Go's fmtFloat). */
function sharpFloat(num: string, verb: string, prec: number): string {
  let digits = 0;
  if ('vgGx'.includes(verb)) digits = prec === -1 ? 6 : prec;
  let tail = '';
  let body = num;
  const m = verb === 'x' || verb === 'X' ? /[pP]/.exec(body) : /[eEpP]/.exec(body);
  if (m) {
    tail = body.slice(m.index);
    body = body.slice(0, m.index);
  }
  let hasPoint = false;
  let sawNonzero = false;
  for (let i = 1; i < body.length; i++) {
    const c = body[i];
    if (c === '.') hasPoint = true;
    else {
      if (c !== '0') sawNonzero = true;
      if (sawNonzero) digits--;
    }
  }
  if (!hasPoint) {
    if (body.length === 2 && body[1] === '0') digits--;
    body += '.';
  }
  if (digits > 0) body += '0'.repeat(digits);
  return body + tail;
}

function validRune(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n < 0xe000);
}

/** fmt.Sprint: spaces between operands when neither is a string. */
export function sprint(args: readonly unknown[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.f = noFlags();
    p.printArg(arg, 'v', 0);
    prevString = isString;
  });
  return p.buf;
}

/** fmt.Sprintln: spaces between all operands and a trailing newline. */
export function sprintln(args: readonly unknown[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.f = noFlags();
    p.printArg(arg, 'v', 0);
  });
  return p.buf + '\n';
}
