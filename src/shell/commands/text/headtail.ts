// head and tail (GNU coreutils): -n N, -N, -c N, `-n -N` (all but the last N), `tail -n +N`,
// and the `==> file <==` headers when more than one file is named. They work on bytes, as
// coreutils does, so a file without a final newline comes out exactly as it went in.
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, UsageError, withUsage } from '../options.js';
import { moreOf } from '../../../kernel/index.js';
import { readOn, readOperand, readsForever } from './operands.js';
import type { InputStream } from '../../pipe.js';

const NL = 0x0a;

/** Offsets just past each newline, so lines can be sliced from the bytes. */
function lineEnds(b: Uint8Array): number[] {
  const ends: number[] = [];
  for (let i = 0; i < b.length; i++) if (b[i] === NL) ends.push(i + 1);
  if (b.length > 0 && b[b.length - 1] !== NL) ends.push(b.length);
  return ends;
}

interface Count {
  lines: boolean;
  n: number;
  /** head: `-n -N`; tail: `-n +N`. */
  sign: '' | '+' | '-';
}

function parseCount(name: string, v: string, lines: boolean): Count {
  const m = /^([+-]?)(\d+)([bkKmMGTPEZY]?i?B?)$/.exec(v.trim());
  const what = lines ? 'number of lines' : 'number of bytes';
  if (!m) throw new UsageError(`${name}: invalid ${what}: ‘${v}’`, false);
  const mult: Record<string, number> = {
    '': 1,
    b: 512,
    k: 1024,
    K: 1024,
    kB: 1000,
    KB: 1000,
    m: 1024 ** 2,
    M: 1024 ** 2,
    MB: 1e6,
    G: 1024 ** 3,
    GB: 1e9,
  };
  const [, sign, digits, unit = ''] = m;
  const f = mult[unit] ?? 1;
  return { lines, n: Number(digits) * f, sign: sign as Count['sign'] };
}

function headPart(b: Uint8Array, c: Count): Uint8Array {
  if (!c.lines) return c.sign === '-' ? b.subarray(0, Math.max(0, b.length - c.n)) : b.subarray(0, c.n);
  const ends = lineEnds(b);
  if (c.sign === '-') {
    const keep = ends.length - c.n;
    return keep <= 0 ? b.subarray(0, 0) : b.subarray(0, ends[keep - 1]);
  }
  return c.n === 0 ? b.subarray(0, 0) : b.subarray(0, c.n >= ends.length ? b.length : ends[c.n - 1]);
}

function tailPart(b: Uint8Array, c: Count): Uint8Array {
  if (!c.lines) {
    if (c.sign === '+') return b.subarray(Math.max(0, c.n - 1));
    return b.subarray(Math.max(0, b.length - c.n));
  }
  const ends = lineEnds(b);
  if (c.sign === '+') {
    const skip = Math.max(0, c.n - 1);
    return skip === 0 ? b : skip > ends.length ? b.subarray(b.length) : b.subarray(ends[skip - 1]);
  }
  const from = ends.length - c.n;
  return from <= 0 ? b : b.subarray(ends[from - 1]);
}

/** An endless device's bytes, as far as head needs them (tail never has enough). */
async function readEnough(ctx: CommandContext, data: Uint8Array, isHead: boolean, c: Count): Promise<Uint8Array> {
  if (!moreOf(data)) return data;
  if (!isHead || c.sign === '-') await readsForever(ctx, data);
  let lines = 0;
  return readOn(ctx, data, (chunk, total) => {
    if (!c.lines) return total >= c.n;
    for (const b of chunk) if (b === 0x0a) lines++;
    return lines >= c.n;
  });
}

/** head of a pipe: writes the first lines or bytes as they come and returns as soon as it has
 * them, so the writer upstream gets SIGPIPE at its next write (`yes | head -3` ends). */
async function headStream(ctx: CommandContext, input: InputStream, c: Count): Promise<void> {
  let left = c.n;
  while (left > 0) {
    const chunk = await input.read();
    if (!chunk) return;
    let take = chunk.length;
    if (!c.lines) take = Math.min(take, left);
    else {
      for (let i = 0; i < chunk.length; i++) {
        if (chunk[i] === NL && --left === 0) {
          take = i + 1;
          break;
        }
      }
    }
    if (!c.lines) left -= take;
    await ctx.stdout(chunk.subarray(0, take));
  }
}

async function run(ctx: CommandContext, isHead: boolean): Promise<number> {
  const [name = isHead ? 'head' : 'tail'] = ctx.argv;
  // `head -5` and `tail -5` (and `tail +5`) are the historical spelling of `-n 5`.
  const argv = ctx.argv.slice(1).map((a, k) => (k === 0 && /^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  return withUsage(ctx, 1, async () => {
    const { opts, operands } = parseOptions(name, argv, {
      short: isHead ? 'qvz' : 'qvzfF',
      shortArg: isHead ? 'nc' : 'ncs',
      long: {
        'lines=': 'n',
        'bytes=': 'c',
        quiet: 'q',
        silent: 'q',
        verbose: 'v',
        follow: 'f',
        'zero-terminated': 'z',
      },
    });
    let count: Count = { lines: true, n: 10, sign: '' };
    let headers: boolean | undefined;
    for (const [o, v] of opts) {
      if (o === 'n' || o === 'c') count = parseCount(name, v, o === 'n');
      else if (o === 'q') headers = false;
      else if (o === 'v') headers = true;
    }
    const files = operands.length > 0 ? operands : ['-'];
    const show = headers ?? files.length > 1;
    const stdin = { used: false };
    let status = 0;
    let first = true;
    for (const f of files) {
      if (f === '-' && ctx.input && !stdin.used) {
        stdin.used = true;
        if (show) ctx.stdout(`${first ? '' : '\n'}==> standard input <==\n`);
        first = false;
        if (isHead && count.sign !== '-') await headStream(ctx, ctx.input, count);
        else {
          const data = await ctx.input.readAll();
          const part = isHead ? headPart(data, count) : tailPart(data, count);
          if (part.length > 0) ctx.stdout(part);
        }
        continue;
      }
      const r = readOperand(ctx, f, stdin);
      if (!r.ok) {
        const isDir = (r.error as { code?: string }).code === 'EISDIR';
        ctx.stderr(
          isDir
            ? `${name}: error reading '${f}': Is a directory\n`
            : `${name}: cannot open '${f}' for reading: ${errText(r.error)}\n`,
        );
        status = 1;
        continue;
      }
      if (show) ctx.stdout(`${first ? '' : '\n'}==> ${f === '-' ? 'standard input' : f} <==\n`);
      first = false;
      const data = await readEnough(ctx, r.data, isHead, count);
      const part = isHead ? headPart(data, count) : tailPart(data, count);
      if (part.length > 0) ctx.stdout(part);
    }
    return status;
  });
}

export const head: CommandSpec = {
  name: 'head',
  summary: 'output the first part of files',
  flags: ['-n', '-c', '-q', '-v', '--lines=', '--bytes='],
  run: (ctx) => run(ctx, true),
  streaming: true,
};

export const tail: CommandSpec = {
  name: 'tail',
  summary: 'output the last part of files',
  flags: ['-n', '-c', '-q', '-v', '--lines=', '--bytes='],
  run: (ctx) => run(ctx, false),
  streaming: true,
};
