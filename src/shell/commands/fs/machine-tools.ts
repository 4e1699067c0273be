// nproc, free and uptime: what the machine's /proc says of its CPUs, memory, load and uptime, in
// GNU coreutils' and procps-ng 4's formats on the host, busybox's in a busybox container.
import { formatUpFor, LOAD_AVERAGES, MACHINE_CPUS, memoryFigures } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { isBusybox } from '../busybox/formats.js';
import { busyboxUsage } from '../busybox/index.js';
import { parseOptions, usage, UsageError } from '../options.js';

function nproc(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('nproc', ctx.argv.slice(1), { long: { all: 'all', 'ignore=': 'ignore', help: 'help' } });
    // busybox's nproc takes no operands and says nothing of them.
    if (p.operands.length > 0 && !isBusybox(ctx)) throw new UsageError(`nproc: extra operand ‘${p.operands[0]}’`);
  } catch (err) {
    if (isBusybox(ctx) && ctx.variant) {
      if (err instanceof UsageError) ctx.stderr(`${err.message}\n`);
      ctx.stderr(busyboxUsage(ctx, 'nproc', ctx.variant.binary) ?? '');
      return 1;
    }
    return usage(ctx, 'nproc', err);
  }
  const ignore = p.flags.get('ignore');
  let n = MACHINE_CPUS;
  if (ignore !== undefined) {
    if (!/^\s*\d+$/.test(ignore)) {
      ctx.stderr(isBusybox(ctx) ? `nproc: invalid number '${ignore}'\n` : `nproc: invalid number: ‘${ignore}’\n`);
      return 1;
    }
    n = Math.max(1, n - Number(ignore));
  }
  ctx.stdout(`${n}\n`);
  return 0;
}

/** procps' scale_size for -h: bytes if short, else the first unit whose figure fits 4-5 columns. */
function procpsHuman(kib: number): string {
  const bytes = kib * 1024;
  if (`${bytes}B`.length <= 4) return `${bytes}B`;
  const units = ['K', 'M', 'G', 'T', 'P', 'E'];
  for (let i = 0; i < units.length; i++) {
    const v = bytes / 1024 ** (i + 1);
    const dec = `${v.toFixed(1)}${units[i]}i`;
    if (dec.length <= 5) return dec;
    const whole = `${Math.trunc(v)}${units[i]}i`;
    if (whole.length <= 5) return whole;
  }
  return `${bytes}B`;
}

/** busybox's make_human_readable_str: 1024ths with one rounded decimal, "0" for nothing. */
export function busyboxHuman(bytes: number): string {
  if (bytes === 0) return '0';
  let val = bytes;
  let frac = 0;
  let unit = 0;
  while (val >= 1024) {
    unit++;
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
  }
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  return unit === 0 ? String(val) : `${val}.${frac}${' KMGTPE'[unit]}`;
}

function free(ctx: CommandContext): number {
  const bb = isBusybox(ctx);
  let p;
  try {
    p = parseOptions('free', ctx.argv.slice(1), {
      short: bb ? 'bkmgh' : 'bkmghltvw',
      long: bb
        ? {}
        : { bytes: 'b', kibi: 'k', mebi: 'm', gibi: 'g', human: 'h', wide: 'w', total: 't', lohi: 'l', help: 'help' },
    });
    if (p.operands.length > 0) throw new UsageError(`free: unrecognized argument '${p.operands[0]}'`, false);
  } catch (err) {
    if (bb && ctx.variant) {
      ctx.stderr(busyboxUsage(ctx, 'free', ctx.variant.binary) ?? '');
      return 1;
    }
    return usage(ctx, 'free', err);
  }
  const m = memoryFigures();
  const buffCache = m.buffers + m.cached + m.sReclaimable;
  const units = [...p.flags.keys()].filter((k) => 'bkmgh'.includes(k));
  const unit = units[units.length - 1] ?? 'k';
  if (bb) {
    const show = (kib: number): string =>
      unit === 'h'
        ? busyboxHuman(kib * 1024)
        : String(unit === 'b' ? kib * 1024 : unit === 'm' ? kib >> 10 : unit === 'g' ? kib >> 20 : kib);
    const row = (label: string, values: number[]) =>
      `${label.padEnd(7)}${values.map((v) => show(v).padStart(12)).join('')}\n`;
    ctx.stdout(
      `       ${['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h) => h.padStart(12)).join('')}\n`,
    );
    ctx.stdout(row('Mem:', [m.total, m.total - m.free - buffCache, m.free, m.shmem, buffCache, m.available]));
    ctx.stdout(row('Swap:', [0, 0, 0]));
    return 0;
  }
  const show = (kib: number): string =>
    unit === 'h'
      ? procpsHuman(kib)
      : String(
          unit === 'b'
            ? kib * 1024
            : unit === 'm'
              ? Math.floor(kib / 1024)
              : unit === 'g'
                ? Math.floor(kib / 1024 ** 2)
                : kib,
        );
  const wide = p.flags.has('w');
  const heads = wide
    ? ['total', 'used', 'free', 'shared', 'buffers', 'cache', 'available']
    : ['total', 'used', 'free', 'shared', 'buff/cache', 'available'];
  const row = (label: string, values: number[]) =>
    `${label.padEnd(8)}${values.map((v) => show(v).padStart(12)).join('')}\n`;
  const used = m.total - m.available;
  ctx.stdout(`        ${heads.map((h) => h.padStart(12)).join('')}\n`);
  const cache = m.cached + m.sReclaimable;
  ctx.stdout(
    row(
      'Mem:',
      wide
        ? [m.total, used, m.free, m.shmem, m.buffers, cache, m.available]
        : [m.total, used, m.free, m.shmem, buffCache, m.available],
    ),
  );
  ctx.stdout(row('Swap:', [0, 0, 0]));
  if (p.flags.has('t')) ctx.stdout(row('Total:', [m.total, used, m.free]));
  return 0;
}

function uptime(ctx: CommandContext): number {
  const bb = isBusybox(ctx);
  // busybox's uptime takes no options and ignores operands.
  const args = ctx.argv.slice(1).filter((a) => !bb || a.startsWith('-'));
  if (args.length > 0 && !(args.length === 1 && !bb && /^-(p|-pretty|s|-since)$/.test(args[0] ?? ''))) {
    if (bb && ctx.variant) {
      const bad = (args[0] ?? '').slice(1, 2);
      if (args[0] !== '--help') ctx.stderr(`uptime: invalid option -- '${bad}'\n`);
      ctx.stderr(busyboxUsage(ctx, 'uptime', ctx.variant.binary) ?? '');
      return args[0] === '--help' ? 0 : 1;
    }
    ctx.stderr(`uptime: invalid option -- '${(args[0] ?? '').replace(/^-+/, '')}'\n`);
    return 1;
  }
  const kernel = ctx.proc.kernel;
  const boot = kernel.bootTime(); // before now: the first look reads the clock's start
  const now = kernel.clock.now();
  const upMs = now - boot;
  const arg = args[0];
  if (arg === '-s' || arg === '--since') {
    ctx.stdout(`${new Date(boot).toISOString().replace('T', ' ').slice(0, 19)}\n`);
    return 0;
  }
  if (arg === '-p' || arg === '--pretty') {
    const minutes = Math.floor(upMs / 60_000);
    const parts: string[] = [];
    const h = Math.floor(minutes / 60) % 24;
    const d = Math.floor(minutes / 1440);
    if (d) parts.push(`${d} day${d === 1 ? '' : 's'}`);
    if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
    parts.push(`${minutes % 60} minute${minutes % 60 === 1 ? '' : 's'}`);
    ctx.stdout(`up ${parts.join(', ')}\n`);
    return 0;
  }
  const clock = new Date(now).toISOString().slice(11, 19);
  const users = 0;
  const who = bb ? `${users} users` : `${users} user${users > 1 ? 's' : ''}`;
  const load = LOAD_AVERAGES.map((l) => l.toFixed(2)).join(', ');
  ctx.stdout(` ${clock} up ${formatUpFor(upMs)},  ${who},  load average: ${load}\n`);
  return 0;
}

export const machineCommands: CommandSpec[] = [
  { name: 'nproc', run: nproc, summary: 'print the number of processing units', flags: ['--all', '--ignore='] },
  { name: 'free', run: free, summary: 'display the amount of free and used memory', flags: ['-h', '-m', '-w'] },
  { name: 'uptime', run: uptime, summary: 'how long the system has been running, and its load', flags: ['-p', '-s'] },
];
