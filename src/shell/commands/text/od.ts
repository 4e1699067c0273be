// od (GNU coreutils): dumps bytes as octal, hex, decimal, characters. -A d|o|x|n, -t TYPE
// (a, c, d/o/u/x with a size 1 2 4 8 C S I L, and a z suffix for the >text< column), the
// traditional -a -b -c -d -i -l -o -s -x, -j, -N, -v, -w; lines equal to the one before become
// `*` unless -v; several types line up under each other as coreutils pads them. -t f (fF f4, fD
// f8): GNU prints the shortest text that reads back as the same value (%g style), busybox
// printf's %.7e or %.15e; long double (fL) is not simulated here.
import type { CommandContext, CommandSpec } from '../../command.js';
import { isBusybox } from '../busybox/formats.js';
import { errText, parseOptions, UsageError, withUsage } from '../options.js';
import { readOn, readOperand, readsForever } from './operands.js';
import { moreOf } from '../../../kernel/index.js';

interface Type {
  kind: 'a' | 'c' | 'd' | 'o' | 'u' | 'x' | 'f';
  size: number;
  /** busybox's float format (od_bloaty.c's %e) rather than coreutils' shortest one. */
  busybox?: boolean;
  /** The >text< column after the line. */
  z: boolean;
}

/** Digits one value of each kind and size takes, as coreutils sizes its fields. */
function digits(t: Type): number {
  if (t.kind === 'a' || t.kind === 'c') return 3;
  if (t.kind === 'f') return t.size === 4 ? 15 : t.busybox ? 23 : 24;
  const bits = t.size * 8;
  const max = 2n ** BigInt(bits) - 1n;
  if (t.kind === 'o') return max.toString(8).length;
  if (t.kind === 'x') return max.toString(16).length;
  if (t.kind === 'u') return max.toString(10).length;
  return (2n ** BigInt(bits - 1)).toString(10).length + 1; // d: the sign too
}

const SIZES: Record<string, number> = { C: 1, S: 2, I: 4, L: 8 };
const NAMES = [
  ...['nul', 'soh', 'stx', 'etx', 'eot', 'enq', 'ack', 'bel', 'bs', 'ht', 'nl', 'vt', 'ff', 'cr', 'so', 'si'],
  ...['dle', 'dc1', 'dc2', 'dc3', 'dc4', 'nak', 'syn', 'etb', 'can', 'em', 'sub', 'esc', 'fs', 'gs', 'rs', 'us'],
  'sp',
];
const ESCAPES: Record<number, string> = {
  0: '\\0',
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r',
};

const FLOAT_SIZES: Record<string, number> = { F: 4, D: 8, L: 16 };

function parseTypes(spec: string, busybox: boolean): Type[] {
  const out: Type[] = [];
  let i = 0;
  while (i < spec.length) {
    const k = spec.charAt(i++);
    if (k === 'a' || k === 'c') out.push({ kind: k, size: 1, z: false });
    else if ('doux'.includes(k)) {
      let size = 4;
      const m = /^(\d+|[CSIL])/.exec(spec.slice(i));
      if (m) {
        const [n = ''] = m;
        size = SIZES[n] ?? Number(n);
        if (![1, 2, 4, 8].includes(size))
          throw new UsageError(
            `od: invalid type string ‘${spec}’;\nthis system doesn't provide a ${n}-byte integral type`,
            false,
          );
        i += n.length;
      }
      out.push({ kind: k as Type['kind'], size, z: false });
    } else if (k === 'f') {
      const m = /^(\d+|[FDL])/.exec(spec.slice(i));
      const n = m?.[0] ?? '';
      const size = n === '' ? 8 : (FLOAT_SIZES[n] ?? Number(n));
      if (size === 16) throw new UsageError('od: long double (-t fL): not simulated here', false);
      if (size !== 4 && size !== 8)
        throw new UsageError(
          busybox
            ? `od: invalid type string '${spec}'; ${size}-byte floating point type is not supported`
            : `od: invalid type string ‘${spec}’;\nthis system doesn't provide a ${n}-byte floating point type`,
          false,
        );
      i += n.length;
      out.push({ kind: 'f', size, z: false, busybox });
    } else throw new UsageError(`od: invalid character '${k}' in type string ‘${spec}’`, false);
    if (spec.charAt(i) === 'z') {
      const last = out[out.length - 1];
      if (last) last.z = true;
      i++;
    }
  }
  return out;
}

function parseBytes(v: string, what: string): number {
  const m = /^(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)(b|kB|k|K|MB|M|GB|G)?$/i.exec(v);
  if (!m) throw new UsageError(`od: invalid ${what} argument ‘${v}’`, false);
  const [, num = '0', unit = ''] = m;
  const n = num.startsWith('0x')
    ? Number.parseInt(num, 16)
    : num.length > 1 && num.startsWith('0')
      ? Number.parseInt(num, 8)
      : Number(num);
  const mult: Record<string, number> = {
    '': 1,
    b: 512,
    kB: 1000,
    k: 1024,
    K: 1024,
    MB: 1e6,
    M: 1 << 20,
    GB: 1e9,
    G: 1 << 30,
  };
  return n * (mult[unit] ?? 1);
}

function value(bytes: Uint8Array, at: number, t: Type): string {
  const b = bytes[at] ?? 0;
  if (t.kind === 'c') {
    const e = ESCAPES[b];
    if (e) return e;
    return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : b.toString(8).padStart(3, '0');
  }
  if (t.kind === 'a') {
    const c = b & 0x7f;
    return c === 0x7f ? 'del' : (NAMES[c] ?? String.fromCharCode(c));
  }
  if (t.kind === 'f') return floatText(bytes, at, t);
  let v = 0n;
  for (let k = t.size - 1; k >= 0; k--) v = (v << 8n) | BigInt(bytes[at + k] ?? 0);
  if (t.kind === 'd' && v >= 2n ** BigInt(t.size * 8 - 1)) v -= 2n ** BigInt(t.size * 8);
  const radix = t.kind === 'o' ? 8 : t.kind === 'x' ? 16 : 10;
  const s = v.toString(radix);
  return t.kind === 'o' || t.kind === 'x' ? s.padStart(digits(t), '0') : s;
}

/** A little-endian float or double as od prints it. */
function floatText(bytes: Uint8Array, at: number, t: Type): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, t.size);
  const x = t.size === 4 ? view.getFloat32(0, true) : view.getFloat64(0, true);
  if (Number.isNaN(x)) return view.getUint8(t.size - 1) & 0x80 ? '-nan' : 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (t.busybox) return cExp(x, t.size === 4 ? 7 : 15);
  // gnulib's ftoastr: the fewest digits, from FLT_DIG/DBL_DIG (1 for a subnormal), that read back.
  const tiny = t.size === 4 ? 1.1754943508222875e-38 : 2.2250738585072014e-308;
  const same = (s: string): boolean => (t.size === 4 ? Math.fround(Number(s)) : Number(s)) === x;
  let prec = Math.abs(x) < tiny ? 1 : t.size === 4 ? 6 : 15;
  while (prec < 17 && !same(x.toPrecision(prec))) prec++;
  return cG(x, prec);
}

/** printf's %.{prec}e: `1.0000000e+00`. */
function cExp(x: number, prec: number): string {
  const [mant, exp = '0'] = x.toExponential(prec).split('e');
  const e = Number(exp);
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** printf's %.{prec}g: fixed or exponent form by the exponent, trailing zeros dropped. */
function cG(x: number, prec: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const exp = Number(x.toExponential(prec - 1).split('e')[1]);
  const strip = (s: string): string => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);
  if (exp < -4 || exp >= prec) {
    const [mant = '', e = '0'] = x.toExponential(prec - 1).split('e');
    const n = Number(e);
    return `${strip(mant)}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return strip(x.toFixed(Math.max(0, prec - 1 - exp)));
}

async function od(ctx: CommandContext): Promise<number> {
  return withUsage(ctx, 1, async () => {
    const { opts, operands } = parseOptions('od', ctx.argv.slice(1), {
      short: 'abcdfilosxv',
      shortArg: 'AjNtw',
      long: {
        'address-radix=': 'A',
        'skip-bytes=': 'j',
        'read-bytes=': 'N',
        'format=': 't',
        'output-duplicates': 'v',
        'width=': 'w',
      },
    });
    let radix = 'o';
    let skip = 0;
    let limit: number | undefined;
    let width = 16;
    let all = false;
    const types: Type[] = [];
    const traditional: Record<string, string> = {
      a: 'a',
      b: 'o1',
      c: 'c',
      d: 'u2',
      i: 'd4',
      l: 'd8',
      o: 'o2',
      s: 'd2',
      x: 'x2',
      f: 'fF',
    };
    for (const [o, v] of opts) {
      if (o === 'A') {
        if (!/^[doxn]$/.test(v))
          throw new UsageError(`od: invalid output address radix '${v}'; it must be one character from [doxn]`, false);
        radix = v;
      } else if (o === 'j') skip = parseBytes(v, 'skip');
      else if (o === 'N') limit = parseBytes(v, 'read-bytes');
      else if (o === 't') types.push(...parseTypes(v, isBusybox(ctx)));
      else if (o === 'v') all = true;
      else if (o === 'w') width = v === '' ? 32 : parseBytes(v, 'width');
      else types.push(...parseTypes(traditional[o] ?? o, isBusybox(ctx)));
    }
    if (types.length === 0) types.push({ kind: 'o', size: 2, z: false });
    const stdin = { used: false };
    const parts: Uint8Array[] = [];
    let status = 0;
    let have = 0;
    for (const f of operands.length ? operands : ['-']) {
      let data: Uint8Array;
      if (f === '-' && ctx.input && !stdin.used) {
        stdin.used = true;
        data = await ctx.input.readAll();
      } else {
        const r = readOperand(ctx, f, stdin);
        if (!r.ok) {
          ctx.stderr(`od: ${f}: ${errText(r.error)}\n`);
          status = 1;
          continue;
        }
        data = r.data;
        if (moreOf(data)) {
          // /dev/zero, /dev/urandom: as much as -j and -N ask for, else they never end.
          if (limit === undefined) await readsForever(ctx, data);
          const want = skip + (limit ?? 0) - have;
          data = await readOn(ctx, data, (_c, total) => total >= want);
        }
      }
      parts.push(data);
      have += data.length;
    }
    let bytes = new Uint8Array(have);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    bytes = bytes.subarray(Math.min(skip, bytes.length), limit === undefined ? undefined : skip + limit);
    ctx.stdout(dump(bytes, skip, types, { radix, width, all }));
    return status;
  });
}

function dump(
  bytes: Uint8Array,
  start: number,
  types: Type[],
  o: { radix: string; width: number; all: boolean },
): string {
  const addrWidth = o.radix === 'x' ? 6 : 7;
  const address = (n: number): string =>
    o.radix === 'n' ? '' : n.toString(o.radix === 'o' ? 8 : o.radix === 'x' ? 16 : 10).padStart(addrWidth, '0');
  // coreutils lines the types up: each type's line is as wide as the widest one, the extra room
  // spread over its fields from the left (od.c's pad_width).
  const fields = (t: Type): number => Math.floor(o.width / t.size);
  const lineWidth = Math.max(...types.map((t) => (digits(t) + 1) * fields(t)));
  const widths = (t: Type): number[] => {
    const n = fields(t);
    const pad = lineWidth - digits(t) * n;
    const out: number[] = [];
    let remaining = pad;
    for (let i = n; i > 0; i--) {
      const next = Math.floor((pad * (i - 1)) / n);
      out.push(remaining - next + digits(t));
      remaining = next;
    }
    return out;
  };
  const blank = ' '.repeat(o.radix === 'n' ? 0 : addrWidth);
  let out = '';
  let previous: Uint8Array | undefined;
  let starred = false;
  for (let off = 0; off < bytes.length; off += o.width) {
    const line = bytes.subarray(off, off + o.width);
    const same = previous !== undefined && line.length === o.width && line.every((b, k) => b === previous?.[k]);
    if (!o.all && same) {
      if (!starred) out += '*\n';
      starred = true;
      continue;
    }
    starred = false;
    previous = line;
    types.forEach((t, k) => {
      let row = k === 0 ? address(start + off) : blank;
      // The last line's partial value is padded with zero bytes, as coreutils reads it.
      const padded = new Uint8Array(Math.ceil(line.length / t.size) * t.size);
      padded.set(line);
      const w = widths(t);
      for (let i = 0; i < padded.length; i += t.size) row += value(padded, i, t).padStart(w[i / t.size] ?? 0);
      if (t.z) {
        const fill = (digits(t) + 1) * Math.floor((o.width - line.length) / t.size);
        const text = [...line].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
        row += `${' '.repeat(fill)}  >${text}<`;
      }
      out += `${row}\n`;
    });
  }
  if (o.radix !== 'n') out += `${address(start + bytes.length)}\n`;
  return out;
}

export const odCommand: CommandSpec = {
  name: 'od',
  summary: 'dump bytes in octal, hex, decimal or as characters (-A -t -c -x -N -j -v)',
  flags: ['-A', '-t', '-c', '-x', '-N', '-j', '-v', '-w'],
  run: od,
};
