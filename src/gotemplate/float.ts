// strconv.FormatFloat for 'e', 'f' and 'g' (shortest or fixed precision), with Go's rounding:
// fixed precision rounds the exact binary value half-to-even, which JS's toFixed does not.

interface Digits {
  d: string; // significant digits, no leading or trailing zeros ('' for zero)
  dp: number; // decimal point position: value = 0.d × 10^dp
}

/** Shortest digits that round-trip (what Go's %v and JS's toString both pick). */
function shortest(v: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  const [m = '', e] = v.toExponential().split('e');
  const d = m.replace('.', '').replace(/0+$/, '');
  return { d, dp: Number(e) + 1 };
}

/** The exact decimal expansion of a positive finite double. */
function exact(v: number): Digits {
  if (v === 0) return { d: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  let exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exp === 0) exp = 1;
  else mant |= 1n << 52n;
  const e2 = exp - 1075;
  let s: string;
  let dp: number;
  if (e2 >= 0) {
    s = (mant << BigInt(e2)).toString();
    dp = s.length;
  } else {
    s = (mant * 5n ** BigInt(-e2)).toString();
    dp = s.length + e2;
  }
  const trimmed = s.replace(/0+$/, '');
  return { d: trimmed, dp };
}

/** Round to nd significant digits, half to even (Go's decimal.Round). */
function round(x: Digits, nd: number): Digits {
  if (nd < 0 || nd >= x.d.length) return x;
  const half = x.d[nd] === '5' && nd + 1 === x.d.length;
  const up = half ? nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1 : x.d.charAt(nd) >= '5';
  if (!up) return { d: x.d.slice(0, nd).replace(/0+$/, ''), dp: x.dp };
  let i = nd - 1;
  while (i >= 0 && x.d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: x.dp + 1 };
  return { d: x.d.slice(0, i) + String.fromCharCode(x.d.charCodeAt(i) + 1), dp: x.dp };
}

function fmtE(x: Digits, prec: number, e: string): string {
  let out = x.d.length === 0 ? '0' : x.d[0];
  if (prec > 0) {
    out += '.';
    const frac = x.d.slice(1, prec + 1);
    out += frac + '0'.repeat(prec - frac.length);
  }
  let exp = x.d.length === 0 ? 0 : x.dp - 1;
  const sign = exp < 0 ? '-' : '+';
  exp = Math.abs(exp);
  return out + e + sign + (exp < 10 ? '0' + exp : String(exp));
}

function fmtF(x: Digits, prec: number): string {
  let out: string;
  if (x.dp > 0) {
    const m = Math.min(x.d.length, x.dp);
    out = x.d.slice(0, m) + '0'.repeat(x.dp - m);
  } else out = '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = x.dp + i - 1;
      out += j >= 0 && j < x.d.length ? x.d[j] : '0';
    }
  }
  return out;
}

/** The binary parts of a finite double: |v| = mant × 2^exp (exp unbiased for 'x', see below). */
function bits(v: number): { neg: boolean; mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const hi = view.getUint32(0);
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  let exp = (hi >>> 20) & 0x7ff;
  if (exp === 0) exp++;
  else mant |= 1n << 52n;
  return { neg: hi >>> 31 === 1, mant, exp: exp - 1023 };
}

/** strconv 'b': -ddddp±ddd, the mantissa as an integer times a power of two. */
function fmtB(v: number): string {
  const { neg, mant, exp } = bits(v);
  const e = exp - 52;
  return (neg ? '-' : '') + mant.toString() + 'p' + (e >= 0 ? '+' : '-') + Math.abs(e);
}

/** strconv 'x'/'X': -0x1.hhhhp±dd, rounded half-even to prec hex digits (prec < 0: all needed). */
function fmtX(v: number, prec: number, upper: boolean): string {
  const b = bits(v);
  let { mant, exp } = b;
  if (mant === 0n) exp = 0;
  const ONE = 1n << 60n;
  const MASK = ONE - 1n;
  mant <<= 8n; // leading 1 (if any) at bit 60
  while (mant !== 0n && (mant & ONE) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & MASK;
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  let out = (b.neg ? '-' : '') + '0' + (upper ? 'X' : 'x') + ((mant >> 60n) & 1n).toString();
  mant = (mant << 4n) & ((1n << 64n) - 1n);
  const digit = (): string => {
    const d = Number((mant >> 60n) & 15n).toString(16);
    mant = (mant << 4n) & ((1n << 64n) - 1n);
    return upper ? d.toUpperCase() : d;
  };
  if (prec < 0 && mant !== 0n) {
    out += '.';
    while (mant !== 0n) out += digit();
  } else if (prec > 0) {
    out += '.';
    for (let i = 0; i < prec; i++) out += digit();
  }
  const e = Math.abs(exp);
  return out + (upper ? 'P' : 'p') + (exp < 0 ? '-' : '+') + (e < 10 ? '0' + e : String(e));
}

/** strconv.FormatFloat(v, fmt, prec, 64) for fmt in b e E f F g G x X; prec -1 means shortest. */
export function formatFloat(v: number, fmt: string, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (fmt === 'b') return fmtB(v);
  if (fmt === 'x' || fmt === 'X') return fmtX(v, prec, fmt === 'X');
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  const isShortest = prec < 0;
  let digs: Digits;
  let p = prec;
  const lower = fmt.toLowerCase();
  if (isShortest) {
    digs = shortest(a);
    if (lower === 'e') p = Math.max(digs.d.length - 1, 0);
    else if (lower === 'f') p = Math.max(digs.d.length - digs.dp, 0);
    else p = digs.d.length;
  } else if (lower === 'e') digs = round(exact(a), p + 1);
  else if (lower === 'f') digs = round(exact(a), exact(a).dp + p);
  else {
    if (p === 0) p = 1;
    digs = round(exact(a), p);
  }
  let body: string;
  if (lower === 'e') body = fmtE(digs, p, fmt === 'E' ? 'E' : 'e');
  else if (lower === 'f') body = fmtF(digs, p);
  else {
    let eprec = p;
    if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
    if (isShortest) eprec = 6;
    const exp = digs.dp - 1;
    if (exp < -4 || exp >= eprec) {
      if (p > digs.d.length) p = digs.d.length;
      body = fmtE(digs, p - 1, fmt === 'G' ? 'E' : 'e');
    } else {
      if (p > digs.dp) p = digs.d.length;
      body = fmtF(digs, Math.max(p - digs.dp, 0));
    }
  }
  return (neg ? '-' : '') + body;
}
