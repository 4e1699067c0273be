// getconf (glibc 2.35's, on the simulated Ubuntu host): the system's configuration values a
// program reads with sysconf(3), confstr(3) and, for a path, pathconf(3) — one by name, or all of
// them with -a, in getconf's order and its `%-35s` column (getconf-table.ts holds the list). The
// values are the simulated machine's: 4 KiB pages, a 64-bit long, its CPUs and memory, the
// kernel's 100 ticks a second. A path's values depend on its filesystem as glibc's pathconf reads
// statfs: ext4 allows 65000 links and 64-bit sizes; tmpfs, overlayfs, proc and the other
// filesystems glibc has no entry for, 127 and 32 bits.
import { tryStat } from './lookup.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { GETCONF_ALL } from './getconf-table.js';

const USAGE = 'Usage: getconf [-v specification] variable_name [pathname]\n       getconf -a [pathname]\n';

/** The pathconf names, which need a path when asked alone. */
const PATH_NAMES = new Set(
  ['LINK_MAX', 'MAX_CANON', 'MAX_INPUT', 'NAME_MAX', 'PATH_MAX', 'PIPE_BUF', 'SOCK_MAXBUF'].flatMap((n) => [
    n,
    `_POSIX_${n}`,
  ]),
);
for (const n of ['ASYNC_IO', 'CHOWN_RESTRICTED', 'NO_TRUNC', 'PRIO_IO', 'SYNC_IO', 'VDISABLE'])
  PATH_NAMES.add(`_POSIX_${n}`);
for (const n of ['FILESIZEBITS', 'POSIX2_SYMLINKS', 'SYMLINK_MAX']) PATH_NAMES.add(n);
for (const n of ['ALLOC_SIZE_MIN', 'REC_INCR_XFER_SIZE', 'REC_MAX_XFER_SIZE', 'REC_MIN_XFER_SIZE', 'REC_XFER_ALIGN'])
  PATH_NAMES.add(`POSIX_${n}`);

/** The pathconf names glibc answers from stat or statfs: a path that is not there is an error. */
const STATTED = new Set(['LINK_MAX', '_POSIX_LINK_MAX', 'NAME_MAX', '_POSIX_NAME_MAX', '_POSIX_CHOWN_RESTRICTED']);
for (const n of ['FILESIZEBITS', 'POSIX_ALLOC_SIZE_MIN', 'POSIX_REC_MIN_XFER_SIZE', 'POSIX_REC_XFER_ALIGN'])
  STATTED.add(n);
STATTED.add('POSIX2_SYMLINKS').add('_POSIX_ASYNC_IO');

/** confstr's names: an empty string is their value, not "undefined". */
const isConfstr = (name: string): boolean =>
  /(CFLAGS|LDFLAGS|LIBS|LINTFLAGS|_ENVS)$/.test(name) || /^(CS_)?PATH$|^GNU_/.test(name);

const VALUES = new Map(GETCONF_ALL);

/** A pathconf value for `path`, or undefined when the path is not there and glibc must look at it. */
function pathValue(ctx: CommandContext, name: string, path: string): string | undefined {
  const value = VALUES.get(name) ?? '';
  if (!STATTED.has(name)) return value;
  const st = tryStat(ctx.proc, path);
  if (!st) return undefined;
  if (name === '_POSIX_ASYNC_IO') return st.type === 'file' || st.type === 'blk' ? '1' : '';
  let fstype = 'ext4';
  try {
    fstype = ctx.proc.mountOf(path).fstype;
  } catch {
    // the root's filesystem
  }
  const ext4 = fstype === 'ext4';
  if (name.endsWith('LINK_MAX')) return ext4 ? value : fstype === 'xfs' ? '2147483647' : '127';
  if (name === 'FILESIZEBITS') return ext4 || fstype === 'xfs' ? value : '32';
  return value;
}

function getconf(ctx: CommandContext): number {
  let args = ctx.argv.slice(1);
  // -v SPEC names the compilation environment; the host has the one, whatever is named.
  if (args[0] === '-v' && args.length > 1) args = args.slice(2);
  else if (args[0]?.startsWith('-v')) args = args.slice(1);
  if (args[0] === '-a') {
    if (args.length > 2) {
      ctx.stderr(USAGE);
      return 2;
    }
    const path = args[1] ?? '/';
    let out = '';
    for (const [name, value] of GETCONF_ALL) {
      const shown = PATH_NAMES.has(name) ? (pathValue(ctx, name, path) ?? '') : value;
      out += `${name.padEnd(35)}${shown}\n`;
    }
    ctx.stdout(out);
    return 0;
  }
  const [name, path, extra] = args;
  if (name === undefined || extra !== undefined) {
    ctx.stderr(USAGE);
    return 2;
  }
  if (!VALUES.has(name)) {
    ctx.stderr(`getconf: Unrecognized variable \`${name}'\n`);
    return 2;
  }
  if (PATH_NAMES.has(name) !== (path !== undefined)) {
    ctx.stderr(USAGE);
    return 2;
  }
  const value = path === undefined ? VALUES.get(name) : pathValue(ctx, name, path);
  if (value === undefined) {
    ctx.stderr(`getconf: pathconf: ${path}: No such file or directory\n`);
    return 3;
  }
  ctx.stdout(`${value === '' && !isConfstr(name) ? 'undefined' : value}\n`);
  return 0;
}

export const getconfCommand: CommandSpec = {
  name: 'getconf',
  run: getconf,
  summary: 'print a system configuration value (PAGESIZE, LONG_BIT, NAME_MAX PATH …, -a all of them)',
};
