// Small filters: uniq, tee, rev, nl, base64 (GNU coreutils / util-linux).
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, UsageError, withUsage } from '../options.js';
import { readOperand, text } from './operands.js';

function lines(s: string): string[] {
  if (s === '') return [];
  return (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n');
}

async function uniqRun(ctx: CommandContext): Promise<number> {
  return withUsage(ctx, 1, () => {
    const { opts, operands } = parseOptions('uniq', ctx.argv.slice(1), {
      short: 'cduiz',
      shortArg: 'fsw',
      long: {
        count: 'c',
        repeated: 'd',
        unique: 'u',
        'ignore-case': 'i',
        'skip-fields=': 'f',
        'skip-chars=': 's',
        'check-chars=': 'w',
      },
    });
    const o = new Map(opts);
    const num = (k: string): number => {
      const v = o.get(k);
      if (v === undefined) return 0;
      if (!/^\d+$/.test(v))
        throw new UsageError(
          `uniq: ${v}: invalid number of ` +
            `${k === 'f' ? 'fields to skip' : k === 's' ? 'bytes to skip' : 'bytes to compare'}`,
          true,
        );
      return Number(v);
    };
    const [skipF, skipC, check] = [num('f'), num('s'), o.has('w') ? num('w') : Infinity];
    const input = operands[0] ?? '-';
    const r = readOperand(ctx, input, { used: false });
    if (!r.ok) {
      ctx.stderr(`uniq: ${input}: ${errText(r.error)}\n`);
      return 1;
    }
    const key = (l: string): string => {
      let s = l;
      for (let i = 0; i < skipF; i++) s = s.replace(/^[ \t]*[^ \t]*/, '');
      s = s.slice(skipC);
      if (check !== Infinity) s = s.slice(0, check);
      return o.has('i') ? s.toLowerCase() : s;
    };
    let out = '';
    const all = lines(text(r.data));
    // Runs of lines whose key is the key of the run's first line, which is the one written.
    const runs: { line: string; key: string; n: number }[] = [];
    for (const line of all) {
      const k = key(line);
      const run = runs.at(-1);
      if (run?.key === k) run.n++;
      else runs.push({ line, key: k, n: 1 });
    }
    for (const { line, n } of runs) {
      const show = o.has('d') ? n > 1 : o.has('u') ? n === 1 : true;
      if (show && !(o.has('d') && o.has('u'))) out += o.has('c') ? `${String(n).padStart(7)} ${line}\n` : `${line}\n`;
    }
    if (operands[1] !== undefined) {
      try {
        ctx.proc.writeFile(operands[1], out);
      } catch (e) {
        ctx.stderr(`uniq: ${operands[1]}: ${errText(e)}\n`);
        return 1;
      }
    } else ctx.stdout(out);
    return 0;
  });
}

async function teeRun(ctx: CommandContext): Promise<number> {
  return withUsage(ctx, 1, async () => {
    const { opts, operands } = parseOptions('tee', ctx.argv.slice(1), {
      short: 'ai',
      long: { append: 'a', 'ignore-interrupts': 'i' },
    });
    const append = opts.some(([k]) => k === 'a');
    let status = 0;
    const files: string[] = [];
    for (const f of operands) {
      try {
        ctx.proc.writeFile(
          f,
          new Uint8Array(0),
          append ? { create: true, append: true } : { create: true, truncate: true },
        );
        files.push(f);
      } catch (e) {
        ctx.stderr(`tee: ${f}: ${errText(e)}\n`);
        status = 1;
      }
    }
    // From a pipe, each chunk as it comes: the files grow while the writer runs.
    const chunks = ctx.input ? ctx.input : undefined;
    for (let chunk = chunks ? await chunks.read() : ctx.stdin; chunk; chunk = chunks ? await chunks.read() : null) {
      if (chunk.length === 0) continue;
      for (const f of files) {
        try {
          ctx.proc.writeFile(f, chunk, { append: true });
        } catch (e) {
          ctx.stderr(`tee: ${f}: ${errText(e)}\n`);
          status = 1;
        }
      }
      await ctx.stdout(chunk);
    }
    return status;
  });
}

async function revRun(ctx: CommandContext): Promise<number> {
  const files = ctx.argv.length > 1 ? ctx.argv.slice(1) : ['-'];
  const stdin = { used: false };
  let status = 0;
  for (const f of files) {
    const r = readOperand(ctx, f, stdin);
    if (!r.ok) {
      ctx.stderr(`rev: cannot open ${f}: ${errText(r.error)}\n`);
      status = 1;
      continue;
    }
    const s = text(r.data);
    const parts = s.split('\n');
    ctx.stdout(parts.map((l) => [...l].reverse().join('')).join('\n'));
  }
  return status;
}

async function nlRun(ctx: CommandContext): Promise<number> {
  return withUsage(ctx, 1, () => {
    const { opts, operands } = parseOptions('nl', ctx.argv.slice(1), {
      shortArg: 'bwsvi',
      long: {
        'body-numbering=': 'b',
        'number-width=': 'w',
        'number-separator=': 's',
        'starting-line-number=': 'v',
        'line-increment=': 'i',
      },
    });
    const o = new Map(opts);
    const style = o.get('b') ?? 't';
    const width = Number(o.get('w') ?? 6);
    const sep = o.get('s') ?? '\t';
    let n = Number(o.get('v') ?? 1);
    const inc = Number(o.get('i') ?? 1);
    const files = operands.length > 0 ? operands : ['-'];
    const stdin = { used: false };
    let out = '';
    for (const f of files) {
      const r = readOperand(ctx, f, stdin);
      if (!r.ok) {
        ctx.stderr(`nl: ${f}: ${errText(r.error)}\n`);
        return 1;
      }
      for (const l of lines(text(r.data))) {
        const number = style === 'a' || (style === 't' && l !== '');
        if (number) {
          out += `${String(n).padStart(width)}${sep}${l}\n`;
          n += inc;
        } else out += `${' '.repeat(width + sep.length)}${l}\n`;
      }
    }
    ctx.stdout(out);
    return 0;
  });
}

async function base64Run(ctx: CommandContext): Promise<number> {
  return withUsage(ctx, 1, () => {
    const { opts, operands } = parseOptions('base64', ctx.argv.slice(1), {
      short: 'di',
      shortArg: 'w',
      long: { decode: 'd', 'ignore-garbage': 'i', 'wrap=': 'w' },
    });
    const o = new Map(opts);
    const r = readOperand(ctx, operands[0] ?? '-', { used: false });
    if (!r.ok) {
      ctx.stderr(`base64: ${operands[0]}: ${errText(r.error)}\n`);
      return 1;
    }
    if (o.has('d')) {
      const s = text(r.data).replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) {
        ctx.stdout(Buffer.from(s.replace(/[^A-Za-z0-9+/=].*$/, ''), 'base64'));
        ctx.stderr('base64: invalid input\n');
        return 1;
      }
      ctx.stdout(new Uint8Array(Buffer.from(s, 'base64')));
      return 0;
    }
    const wrap = Number(o.get('w') ?? 76);
    const enc = Buffer.from(r.data).toString('base64');
    if (enc === '') return 0;
    const out = wrap === 0 ? enc : enc.match(new RegExp(`.{1,${wrap}}`, 'g'))!.join('\n');
    ctx.stdout(`${out}\n`);
    return 0;
  });
}

export const uniq: CommandSpec = {
  name: 'uniq',
  summary: 'report or omit repeated lines',
  flags: ['-c', '-d', '-u', '-i', '-f', '-s', '-w'],
  run: uniqRun,
};
export const tee: CommandSpec = {
  name: 'tee',
  summary: 'read from standard input and write to standard output and files',
  flags: ['-a'],
  run: teeRun,
  streaming: true,
};
export const rev: CommandSpec = { name: 'rev', summary: 'reverse lines characterwise', run: revRun };
export const nl: CommandSpec = {
  name: 'nl',
  summary: 'number lines of files',
  flags: ['-b', '-w', '-s', '-v', '-i'],
  run: nlRun,
};
export const base64: CommandSpec = {
  name: 'base64',
  summary: 'base64 encode/decode data',
  flags: ['-d', '-w'],
  run: base64Run,
};
