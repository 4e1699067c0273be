// The output formats in which busybox 1.35's applets differ from coreutils (ls -l, stat, df, du -h,
// wc), as its printf formats write them; checked against Debian's busybox-static.
import { major, minor, type Stat } from '../../../kernel/index.js';
import type { CommandContext } from '../../command.js';

export const isBusybox = (ctx: Pick<CommandContext, 'variant'>): boolean => ctx.variant?.kind === 'busybox';

const UNITS = ['', 'K', 'M', 'G', 'T', 'P', 'E'];

/** libbb's make_human_readable_str(bytes, 1, 0): `6`, `4.0K`, `252.0G` (one decimal once scaled). */
export function busyboxHuman(bytes: number): string {
  if (bytes === 0) return '0';
  let val = Math.floor(bytes);
  let frac = 0;
  let u = 0;
  while (val >= 1024 && u < UNITS.length - 1) {
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
    u++;
  }
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  return u === 0 ? String(val) : `${val}.${frac}${UNITS[u]}`;
}

/** ls -lh's `total`: whole units, rounded (`total 8K`, `total 5M` for 4892 KiB). */
export function busyboxHumanWhole(kb: number): string {
  if (kb === 0) return '0';
  let val = kb;
  let frac = 0;
  let u = 1;
  while (val >= 1024 && u < UNITS.length - 1) {
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
    u++;
  }
  return `${val + (frac >= 5 ? 1 : 0)}${UNITS[u]}`;
}

export interface LsRow {
  st: Stat;
  mode: string;
  user: string;
  group: string;
  date: string;
  name: string;
}

/** One line of busybox ls -l: `%-10s %4lu %-8.8s %-8.8s %9llu date name` (-i, -h as it widens them). */
export function busyboxLsLine(r: LsRow, o: { inode: boolean; human: boolean }): string {
  const st = r.st;
  const size =
    st.type === 'chr' || st.type === 'blk'
      ? `${String(major(st.rdev)).padStart(4)},${String(minor(st.rdev)).padStart(4)}`
      : o.human
        ? busyboxHuman(st.size).padStart(7)
        : String(st.size).padStart(9);
  return (
    `${o.inode ? `${String(st.ino).padStart(7)} ` : ''}${r.mode.padEnd(10)} ${String(st.nlink).padStart(4)} ` +
    `${r.user.slice(0, 8).padEnd(8)} ${r.group.slice(0, 8).padEnd(8)} ${size} ${r.date} ${r.name}\n`
  );
}

/** busybox ls -l's `total` line. */
export function busyboxLsTotal(kb: number, human: boolean): string {
  return human ? `total ${busyboxHumanWhole(kb).padEnd(7)}\n` : `total ${kb}\n`;
}

/** wc: each count `%9u` after the first, the first unpadded only when one count of one input is asked. */
export function busyboxWcLine(counts: number[], name: string | undefined, pad: boolean): string {
  const cells = counts.map((n, i) => (i === 0 && !pad ? String(n) : String(n).padStart(9)));
  return `${cells.join(' ')}${name !== undefined ? ` ${name}` : ''}\n`;
}

/** stat's default block as busybox prints it: a link's name and target quoted, Device in hex and
 * decimal, names UNKNOWN when the image has no entry, no Birth line. */
export function busyboxStat(
  name: string,
  st: Stat,
  user: string | undefined,
  group: string | undefined,
  target: string | undefined,
  modeText: string,
  time: (ms: number) => string,
): string {
  const dev = major(st.dev) * 256 + minor(st.dev);
  const typeName =
    st.type === 'file'
      ? st.size === 0
        ? 'regular empty file'
        : 'regular file'
      : st.type === 'dir'
        ? 'directory'
        : st.type === 'symlink'
          ? 'symbolic link'
          : st.type === 'chr'
            ? 'character special file'
            : st.type === 'blk'
              ? 'block special file'
              : st.type === 'fifo'
                ? 'fifo'
                : 'socket';
  const devLine = `Device: ${dev.toString(16)}h/${dev}d\tInode: ${String(st.ino).padEnd(11)} Links: ${st.nlink}`;
  const devType =
    st.type === 'chr' || st.type === 'blk'
      ? `${st.nlink < 10 ? '     ' : '    '}Device type: ${major(st.rdev).toString(16)},${minor(st.rdev).toString(16)}`
      : '';
  return [
    `  File: ${target !== undefined ? `'${name}' -> '${target}'` : name}`,
    `  Size: ${String(st.size).padEnd(10)}\tBlocks: ${String(st.blocks).padEnd(10)} IO Block: 4096   ${typeName}`,
    devLine + devType,
    `Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeText})  ` +
      `Uid: (${String(st.uid).padStart(5)}/${(user ?? 'UNKNOWN').padStart(8)})   ` +
      `Gid: (${String(st.gid).padStart(5)}/${(group ?? 'UNKNOWN').padStart(8)})`,
    `Access: ${time(st.atimeMs)}`,
    `Modify: ${time(st.mtimeMs)}`,
    `Change: ${time(st.ctimeMs)}`,
    '',
  ].join('\n');
}

/** One df line: `%-20s` device (on a line of its own when longer), ` %-10s` type with -T, then
 * ` %9s` for size, used and available, ` %3u%%` and the mount point. */
export function busyboxDfLine(cells: {
  source: string;
  type?: string;
  total: string;
  used: string;
  avail: string;
  pct: string;
  target: string;
}): string {
  const dev = cells.source.length > 20 ? `${cells.source}\n${''.padEnd(20)}` : cells.source.padEnd(20);
  return (
    `${dev}${cells.type !== undefined ? ` ${cells.type.padEnd(10)}` : ''} ${cells.total.padStart(9)} ` +
    `${cells.used.padStart(9)} ${cells.avail.padStart(9)} ${cells.pct.padStart(4)} ${cells.target}\n`
  );
}

/** df's percentage: used over used + available, rounded half up (busybox's own arithmetic). */
export function busyboxPercent(used: number, avail: number): string {
  const all = used + avail;
  return all === 0 ? '0%' : `${Math.floor((used * 100 + all / 2) / all)}%`;
}
