// truncate (GNU coreutils; busybox's applet in a container). `truncate -s 1G f` makes a file of
// 1 GiB that takes no block: the disk keeps which blocks hold data (src/kernel/allocation.ts), so
// ls -s, du, stat %b and df count what ext4 counts, and reading a hole gives zeros.
import type { CommandContext, CommandSpec } from '../../command.js';
import { busyboxUsage } from '../busybox/index.js';
import { errText, parseOptions, UsageError, usage } from '../options.js';
import { lq } from './format.js';
import { tryStat } from './lookup.js';

export const busybox = (ctx: CommandContext): boolean => ctx.variant?.kind === 'busybox';

const POWERS = 'KMGTPEZY';

/** coreutils' size with a suffix: K, M, G … (1024s), KB, MB … (1000s), KiB … (1024s). */
export function gnuSize(text: string): number | undefined {
  const m = /^(\d+)(?:([KkMGTPEZY])(B|iB)?)?$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!m[2]) return n;
  const power = POWERS.indexOf(m[2].toUpperCase()) + 1;
  return n * (m[3] === 'B' ? 1000 : 1024) ** power;
}

/** busybox's xatoull_sfx with kmg_i_suffixes: k/K/M/G, and kD/MD/GD for 1000s. */
export function busyboxSize(text: string): number | undefined {
  const m = /^(\d+)(k|K|M|G|kD|KD|MD|GD)?$/.exec(text);
  if (!m) return undefined;
  const unit = m[2] ?? '';
  const power = unit === '' ? 0 : 'KMG'.indexOf(unit[0]?.toUpperCase() ?? 'K') + 1;
  return Number(m[1]) * (unit.endsWith('D') ? 1000 : 1024) ** power;
}

async function truncate(ctx: CommandContext): Promise<number> {
  const bb = busybox(ctx);
  let p;
  try {
    p = parseOptions('truncate', ctx.argv.slice(1), {
      short: bb ? 'c' : 'co',
      shortArg: bb ? 's' : 'sr',
      long: bb
        ? {}
        : { 'no-create': 'c', 'io-blocks': 'o', 'reference=': 'r', 'size=': 's', help: 'help', version: 'version' },
    });
  } catch (err) {
    return usage(ctx, 'truncate', err);
  }
  const sizeText = p.flags.get('s');
  const reference = p.flags.get('r');
  const noCreate = p.flags.has('c');
  if (bb) {
    if (sizeText === undefined || p.operands.length === 0) {
      ctx.stderr(busyboxUsage(ctx, 'truncate', ctx.variant?.binary ?? '/bin/busybox') ?? '');
      return 1;
    }
    const size = busyboxSize(sizeText);
    if (size === undefined) {
      ctx.stderr(`truncate: invalid number '${sizeText}'\n`);
      return 1;
    }
    let status = 0;
    for (const f of p.operands) {
      try {
        if (!tryStat(ctx.proc, f)) {
          if (noCreate) continue;
          ctx.proc.writeFile(f, new Uint8Array(0), { create: true }, 0o666);
        }
        ctx.proc.truncate(f, size);
      } catch (err) {
        ctx.stderr(`truncate: ${f}: ${errText(err)}\n`);
        status = 1;
      }
    }
    return status;
  }
  try {
    if (sizeText === undefined && reference === undefined)
      throw new UsageError('truncate: you must specify either ‘--size’ or ‘--reference’');
    const m = sizeText === undefined ? undefined : /^([-+<>/%]?)(.*)$/.exec(sizeText.trim());
    const op = m?.[1] ?? '';
    const amount = m ? gnuSize(m[2] ?? '') : 0;
    if (m && amount === undefined) throw new UsageError(`truncate: Invalid number: ${lq(sizeText ?? '')}`, false);
    if (reference !== undefined && sizeText !== undefined && op === '')
      throw new UsageError('truncate: you must specify a relative ‘--size’ with ‘--reference’');
    if ((op === '/' || op === '%') && amount === 0) throw new UsageError('truncate: division by zero', false);
    if (p.operands.length === 0) throw new UsageError('truncate: missing file operand');
    let refSize: number | undefined;
    if (reference !== undefined) {
      const st = tryStat(ctx.proc, reference);
      if (!st) throw new UsageError(`truncate: cannot stat ${lq(reference)}: No such file or directory`, false);
      refSize = st.size;
    }
    let status = 0;
    for (const f of p.operands) {
      try {
        let st = tryStat(ctx.proc, f);
        if (!st) {
          if (noCreate) continue;
          ctx.proc.writeFile(f, new Uint8Array(0), { create: true }, 0o666);
          st = ctx.proc.stat(f);
        } else if (st.type === 'dir') ctx.proc.writeFile(f, new Uint8Array(0), { create: false }, 0o666);
        const now = refSize ?? st.size;
        const n = amount ?? 0;
        const size =
          m === undefined
            ? now
            : op === '+'
              ? now + n
              : op === '-'
                ? Math.max(0, now - n)
                : op === '<'
                  ? Math.min(now, n)
                  : op === '>'
                    ? Math.max(now, n)
                    : op === '/'
                      ? Math.floor(now / n) * n
                      : op === '%'
                        ? Math.ceil(now / n) * n
                        : n;
        ctx.proc.truncate(f, size);
      } catch (err) {
        ctx.stderr(`truncate: cannot open '${f}' for writing: ${errText(err)}\n`);
        status = 1;
      }
    }
    return status;
  } catch (err) {
    return usage(ctx, 'truncate', err);
  }
}

export const truncateCommand: CommandSpec = {
  name: 'truncate',
  run: truncate,
  summary: 'set a file to a size; growing it leaves a hole (-s SIZE, -c, -r FILE)',
  flags: ['-s', '-c', '-r', '-o'],
};
