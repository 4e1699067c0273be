// The pieces of Go's strconv the template engine needs: Quote/QuoteRune (for %q and error texts),
// Unquote (string literals), and number-literal parsing with Go's int64/uint64 ranges.

import { isPrint } from './token.js';

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(c: string, quote: string, asciiOnly: boolean): string {
  const cp = c.codePointAt(0) ?? 0;
  if (c === quote || c === '\\') return '\\' + c;
  if (cp < 0x80 ? isPrint(c) : !asciiOnly && isPrint(c)) return c;
  switch (c) {
    case '\x07':
      return '\\a';
    case '\b':
      return '\\b';
    case '\f':
      return '\\f';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\v':
      return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  if (cp >= 0xd800 && cp < 0xe000) return '\\ufffd'; // a lone surrogate is not valid UTF-8 in Go
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

/** strconv.Quote (asciiOnly: strconv.QuoteToASCII). */
export function goQuote(s: string, asciiOnly = false): string {
  let out = '"';
  for (const c of s) out += escapeRune(c, '"', asciiOnly);
  return out + '"';
}

/** strconv.QuoteRune. */
export function goQuoteRune(cp: number, asciiOnly = false): string {
  const valid = cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp < 0xe000);
  return "'" + escapeRune(String.fromCodePoint(valid ? cp : 0xfffd), "'", asciiOnly) + "'";
}

/** strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (const c of s) {
    if (c === '`' || c === '\ufffd') return false;
    const cp = c.codePointAt(0) ?? 0;
    if (cp < 0x20 && c !== '\t') return false;
    if (cp === 0x7f) return false;
  }
  return true;
}

const SIMPLE = new Map(Object.entries({ a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 }));

function pushUtf8(out: number[], cp: number): void {
  const b = new TextEncoder().encode(String.fromCodePoint(cp));
  for (const x of b) out.push(x);
}

/**
 * Decode the escapes of a Go quoted literal body (between its quotes) into bytes; undefined on a
 * syntax error. `quote` is the enclosing quote character, which may be escaped.
 */
function unescape(body: string, quote: string): number[] | undefined {
  const out: number[] = [];
  for (let i = 0; i < body.length; ) {
    const cp = body.codePointAt(i) ?? 0;
    const c = String.fromCodePoint(cp);
    if (c !== '\\') {
      if (c === quote || c === '\n') return undefined;
      pushUtf8(out, cp);
      i += c.length;
      continue;
    }
    const e = body[i + 1];
    i += 2;
    if (e === undefined) return undefined;
    const simple = SIMPLE.get(e);
    if (simple !== undefined) out.push(simple);
    else if (e === quote) out.push(quote.charCodeAt(0));
    else if (e >= '0' && e <= '7') {
      const oct = body.slice(i - 1, i + 2);
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) return undefined;
      out.push(parseInt(oct, 8));
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const h = body.slice(i, i + n);
      if (h.length !== n || !/^[0-9a-fA-F]+$/.test(h)) return undefined;
      const v = parseInt(h, 16);
      i += n;
      if (e === 'x') out.push(v);
      else {
        if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) return undefined;
        pushUtf8(out, v);
      }
    } else return undefined;
  }
  return out;
}

const decoder = new TextDecoder('utf-8');

/** strconv.Unquote for "..." and `...` literals; undefined means Go's "invalid syntax". */
export function goUnquote(lit: string): string | undefined {
  if (lit.length < 2) return undefined;
  const q = lit[0];
  if (q !== lit[lit.length - 1]) return undefined;
  const body = lit.slice(1, -1);
  if (q === '`') return body.includes('`') ? undefined : body.replace(/\r/g, '');
  if (q !== '"') return undefined;
  const bytes = unescape(body, '"');
  return bytes && decoder.decode(new Uint8Array(bytes));
}

/** A character constant such as 'a' or '\n': its code point, or an error text. */
export function goCharConstant(lit: string): number | string {
  const body = lit.slice(1, -1);
  if (body === '' || body === "'") return 'invalid syntax';
  let first: string;
  let tail: string;
  if (body[0] === '\\') {
    const m = /^\\(?:[0-7]{3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/su.exec(body);
    if (!m) return 'invalid syntax';
    first = m[0];
    tail = body.slice(first.length);
    const bytes = unescape(first, "'");
    if (!bytes) return 'invalid syntax';
    const kind = first.charAt(1);
    if (kind === 'x' || (kind >= '0' && kind <= '7')) {
      if (tail !== '') return `malformed character constant: ${lit}`;
      return bytes[0] ?? 0;
    }
    if (tail !== '') return `malformed character constant: ${lit}`;
    return decoder.decode(new Uint8Array(bytes)).codePointAt(0) ?? 0;
  }
  first = String.fromCodePoint(body.codePointAt(0) ?? 0);
  tail = body.slice(first.length);
  if (tail !== '') return `malformed character constant: ${lit}`;
  return first.codePointAt(0) ?? 0;
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

/** Go's integer literal syntax with base prefixes and underscores (strconv.ParseInt(s, 0, 64)). */
function parseBigInt(text: string): bigint | undefined {
  let s = text;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let base = 10;
  let digits = s;
  let prefixed = false;
  const p = s.slice(0, 2).toLowerCase();
  if (p === '0x' || p === '0o' || p === '0b') {
    base = p === '0x' ? 16 : p === '0o' ? 8 : 2;
    digits = s.slice(2);
    prefixed = true;
  } else if (s.length > 1 && s[0] === '0') {
    base = 8;
    digits = s.slice(1);
    prefixed = true;
  }
  // Underscores: only between digits, or right after a base prefix.
  if (digits.includes('_')) {
    const check = (prefixed ? '0' : '') + digits;
    if (/^_|__|_$/.test(check) || (!prefixed && s[0] !== '0' && digits.startsWith('_'))) return undefined;
    digits = digits.replace(/_/g, '');
  }
  if (digits === '') return base === 8 && !s.slice(0, 2).toLowerCase().startsWith('0o') ? 0n : undefined;
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base];
  if (!valid?.test(digits)) return undefined;
  let v = 0n;
  const b = BigInt(base);
  for (const d of digits) v = v * b + BigInt(parseInt(d, 16));
  return neg ? -v : v;
}

/** Go's float literal syntax (decimal or hex mantissa, underscores), or undefined. */
function parseGoFloat(text: string): number | undefined {
  const s = text.replace(/_/g, '');
  if (text.includes('_') && /(^[+-]?_)|__|_$|_\.|\._/.test(text)) return undefined;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(s);
  const [, sign, whole = '', frac = '', exp] = m ?? [];
  if (m && (whole + frac).length > 0) {
    const mant = parseInt(whole + frac || '0', 16);
    const v = mant * 2 ** (Number(exp) - 4 * frac.length);
    return sign === '-' ? -v : v;
  }
  return undefined;
}

export interface NumberInfo {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int: number;
  float: number;
  re: number;
  im: number;
}

/** The NumberNode analysis of Go's parser: which types can hold the literal, or an error text. */
export function analyzeNumber(text: string, isCharConstant: boolean, isComplex: boolean): NumberInfo | string {
  const n: NumberInfo = {
    isInt: false,
    isUint: false,
    isFloat: false,
    isComplex: false,
    int: 0,
    float: 0,
    re: 0,
    im: 0,
  };
  if (isCharConstant) {
    const r = goCharConstant(text);
    if (typeof r === 'string') return r;
    return { ...n, isInt: true, isUint: true, isFloat: true, int: r, float: r };
  }
  const simplify = (re: number, im: number): NumberInfo => {
    const out = { ...n, isComplex: true, re, im };
    if (im === 0) {
      out.isFloat = true;
      out.float = re;
      out.isInt = Number.isInteger(re) && Math.abs(re) < 2 ** 63;
      out.isUint = out.isInt && re >= 0;
      out.int = re;
    }
    return out;
  };
  if (isComplex) {
    const m = /^([+-]?[^+-]+(?:[eEpP][+-][^+-]+)?)([+-].*)i$/.exec(text);
    const re = m?.[1] !== undefined ? parseGoFloat(m[1]) : undefined;
    const im = m?.[2] !== undefined ? parseGoFloat(m[2]) : undefined;
    if (re === undefined || im === undefined) return `expected integer`;
    return simplify(re, im);
  }
  if (text.endsWith('i')) {
    const f = parseGoFloat(text.slice(0, -1));
    if (f !== undefined) return simplify(0, f);
  }
  const big = parseBigInt(text);
  if (big !== undefined) {
    if (big >= 0n && big <= UINT64_MAX) n.isUint = true;
    if (big >= INT64_MIN && big <= INT64_MAX) n.isInt = true;
    if (n.isInt || n.isUint) {
      n.int = Number(big);
      n.isFloat = true;
      n.float = Number(big);
      if (!n.isInt) n.int = Number.NaN;
      return n;
    }
  }
  const f = parseGoFloat(text);
  if (f !== undefined && Number.isFinite(f)) {
    if (!/[.eEpP]/.test(text)) return `integer overflow: ${goQuote(text)}`;
    n.isFloat = true;
    n.float = f;
    if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
      n.isInt = true;
      n.int = f;
    }
    if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) n.isUint = true;
    return n;
  }
  return `illegal number syntax: ${goQuote(text)}`;
}
