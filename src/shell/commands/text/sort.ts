// sort (GNU coreutils) in the C.UTF-8 locale the host runs: code-point order, -n -h -V -g
// numeric kinds, -r -u -f -b -s, -t SEP, -k F[.C][opts][,F[.C][opts]], -o FILE. As in GNU,
// lines whose keys compare equal fall back to a whole-line comparison unless -s or -u.
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, UsageError, withUsage } from '../options.js';
import { readOperand, text } from './operands.js';

interface KeyOpts {
  n?: boolean;
  h?: boolean;
  V?: boolean;
  g?: boolean;
  r?: boolean;
  f?: boolean;
  b?: boolean;
  M?: boolean;
}

// -k's d, i and R are accepted and, as in this locale's inputs, change nothing.
const KEY_OPTS = new Set<string>(['n', 'h', 'V', 'g', 'r', 'f', 'b', 'M']);
const isKeyOpt = (f: string): f is keyof KeyOpts => KEY_OPTS.has(f);

interface Key extends KeyOpts {
  sf: number;
  sc: number;
  ef: number;
  ec: number;
  /** The key named its own ordering options, so global ones do not apply. */
  own: boolean;
}

function parseKey(v: string): Key {
  const m = /^(\d+)(?:\.(\d+))?([bdfghinMrRV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinMrRV]*))?$/.exec(v);
  if (!m || Number(m[1]) === 0)
    throw new UsageError(`sort: invalid number at field start: invalid count at start of ‘${v}’`, false);
  const flags = (m[3] ?? '') + (m[6] ?? '');
  const k: Key = {
    sf: Number(m[1]),
    sc: m[2] ? Number(m[2]) : 1,
    ef: m[4] ? Number(m[4]) : Infinity,
    ec: m[5] ? Number(m[5]) : 0,
    own: flags.length > 0,
  };
  for (const f of flags) if (isKeyOpt(f)) k[f] = true;
  return k;
}

/** Field starts: with -t, after each separator; without, each field begins with its leading blanks. */
function fields(line: string, sep: string | undefined): [number, number][] {
  const out: [number, number][] = [];
  if (sep !== undefined) {
    let start = 0;
    for (;;) {
      const i = line.indexOf(sep, start);
      if (i < 0) {
        out.push([start, line.length]);
        break;
      }
      out.push([start, i]);
      start = i + sep.length;
    }
    return out;
  }
  const re = /[ \t]*[^ \t]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push([m.index, m.index + m[0].length]);
  return out;
}

function extract(line: string, k: Key, sep: string | undefined, blanks: boolean): string {
  const fs = fields(line, sep);
  const first = fs[k.sf - 1];
  if (first === undefined) return '';
  let start = first[0];
  if (blanks || k.b) while (line[start] === ' ' || line[start] === '\t') start++;
  start = Math.min(start + k.sc - 1, k.sf <= fs.length ? line.length : start);
  let end = line.length;
  const last = fs[k.ef - 1];
  if (k.ef !== Infinity) {
    if (last === undefined) end = line.length;
    else if (k.ec === 0) end = last[1];
    else {
      let s = last[0];
      if (k.b) while (line[s] === ' ' || line[s] === '\t') s++;
      end = Math.min(s + k.ec, last[1]);
    }
  }
  return end <= start ? '' : line.slice(start, end);
}

function num(s: string): number {
  const m = /^\s*(-?\d*(?:\.\d*)?)/.exec(s);
  const v = m ? Number(m[1]) : NaN;
  return Number.isNaN(v) || m![1] === '' || m![1] === '-' ? 0 : v;
}

function human(s: string): number {
  const m = /^\s*(-?\d*(?:\.\d*)?)([KMGTPEZY]?)/.exec(s);
  if (!m) return 0;
  const mag = ' KMGTPEZY'.indexOf(m[2] || ' ');
  const v = Number(m[1]) || 0;
  return Math.sign(v) * (mag * 1e6 + Math.abs(v) / 1e6) || v;
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** filevercmp, simplified: digit runs compare as numbers, other runs by character. */
function version(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.max(ta.length, tb.length); i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    const c = dx && dy ? Number(x) - Number(y) : cmpStr(x, y);
    if (c !== 0) return Math.sign(c);
  }
  return 0;
}

function compare(a: string, b: string, o: KeyOpts): number {
  if (o.b) {
    a = a.replace(/^[ \t]+/, '');
    b = b.replace(/^[ \t]+/, '');
  }
  let c: number;
  if (o.n) c = Math.sign(num(a) - num(b));
  else if (o.g) c = Math.sign((parseFloat(a) || 0) - (parseFloat(b) || 0));
  else if (o.h) c = Math.sign(human(a) - human(b));
  else if (o.V) c = version(a, b);
  else if (o.f) c = cmpStr(a.toUpperCase(), b.toUpperCase());
  else c = cmpStr(a, b);
  return o.r ? -c : c;
}

async function run(ctx: CommandContext): Promise<number> {
  return withUsage(ctx, 2, () => {
    const { opts, operands } = parseOptions('sort', ctx.argv.slice(1), {
      short: 'bdfghinMrRsuVcCz',
      shortArg: 'kotST',
      long: {
        'numeric-sort': 'n',
        'zero-terminated': 'z',
        'human-numeric-sort': 'h',
        'version-sort': 'V',
        reverse: 'r',
        unique: 'u',
        'ignore-case': 'f',
        'key=': 'k',
        'field-separator=': 't',
        'output=': 'o',
        stable: 's',
        'general-numeric-sort': 'g',
        'ignore-leading-blanks': 'b',
      },
    });
    const g: KeyOpts = {};
    const keys: Key[] = [];
    let sep: string | undefined;
    let out: string | undefined;
    let unique = false;
    let stable = false;
    for (const [o, v] of opts) {
      if (o === 'k') keys.push(parseKey(v));
      else if (o === 't') {
        if ([...v].length !== 1)
          throw new UsageError(v === '' ? 'sort: empty tab' : `sort: multi-character tab ‘${v}’`, false);
        sep = v;
      } else if (o === 'o') out = v;
      else if (o === 'u') unique = true;
      else if (o === 's') stable = true;
      else (g as Record<string, boolean>)[o] = true;
    }
    const files = operands.length > 0 ? operands : ['-'];
    const stdin = { used: false };
    // -z: records end in NUL, not newline (find -print0 | sort -z).
    const eol = opts.some(([o]) => o === 'z') ? '\0' : '\n';
    const lines: string[] = [];
    for (const f of files) {
      const r = readOperand(ctx, f, stdin);
      if (!r.ok) {
        const isDir = (r.error as { code?: string }).code === 'EISDIR';
        ctx.stderr(
          isDir ? `sort: read failed: ${f}: Is a directory\n` : `sort: cannot read: ${f}: ${errText(r.error)}\n`,
        );
        return 2;
      }
      const s = text(r.data);
      if (s !== '') lines.push(...(s.endsWith(eol) ? s.slice(0, -1) : s).split(eol));
    }
    const keyCmp = (a: string, b: string): number => {
      if (keys.length === 0) return compare(a, b, g);
      for (const k of keys) {
        const o = k.own ? k : { ...g, b: g.b || k.b };
        const c = compare(extract(a, k, sep, !!o.b), extract(b, k, sep, !!o.b), o);
        if (c !== 0) return c;
      }
      return 0;
    };
    const full = (a: string, b: string): number => {
      const c = keyCmp(a, b);
      if (c !== 0 || stable || unique) return c;
      // GNU's last resort: the whole lines, bytewise, reversed by a global -r.
      const last = cmpStr(a, b);
      return g.r ? -last : last;
    };
    if (opts.some(([o]) => o === 'c' || o === 'C')) {
      // -c: report the first line out of order, as `sort: FILE:LINE: disorder: TEXT`.
      let prev: string | undefined;
      for (const [k, line] of lines.entries()) {
        const c = prev === undefined ? -1 : full(prev, line);
        if (c > 0 || (unique && c === 0)) {
          if (!opts.some(([o]) => o === 'C')) ctx.stderr(`sort: ${files[0]}:${k + 1}: disorder: ${line}\n`);
          return 1;
        }
        prev = line;
      }
      return 0;
    }
    const sorted = lines
      .map((l, i) => [l, i] as const)
      .sort((x, y) => full(x[0], y[0]) || x[1] - y[1])
      .map(([l]) => l);
    let prev: string | undefined;
    const result = unique
      ? sorted.filter((l) => {
          const keep = prev === undefined || keyCmp(prev, l) !== 0;
          prev = l;
          return keep;
        })
      : sorted;
    const body = result.map((l) => `${l}${eol}`).join('');
    if (out !== undefined) {
      try {
        ctx.proc.writeFile(out, body);
      } catch (e) {
        ctx.stderr(`sort: open failed: ${out}: ${errText(e)}\n`);
        return 2;
      }
    } else ctx.stdout(body);
    return 0;
  });
}

export const sort: CommandSpec = {
  name: 'sort',
  summary: 'sort lines of text files',
  flags: ['-n', '-r', '-u', '-k', '-t', '-h', '-V', '-f', '-b', '-s', '-o'],
  run,
};
