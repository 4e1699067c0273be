// getconf (glibc 2.35's, on the simulated Ubuntu host): the system's configuration values a
// program reads with sysconf(3), confstr(3) and, for a path, pathconf(3). The values are the
// simulated machine's: 4 KiB pages, a 64-bit long, its CPUs, the kernel's 100 ticks a second,
// ext4's 255-byte names. `getconf -a` (some 320 values) is not simulated.
import { MACHINE_CPUS } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { tryStat } from './lookup.js';

const USAGE = 'Usage: getconf [-v specification] variable_name [pathname]\n       getconf -a [pathname]\n';

/** sysconf and confstr values, by every name getconf takes for them. */
const SYSTEM: Record<string, string> = {
  PAGESIZE: '4096',
  PAGE_SIZE: '4096',
  LONG_BIT: '64',
  WORD_BIT: '32',
  ARG_MAX: '2097152', // a quarter of the 8 MiB stack limit
  CHILD_MAX: '15419',
  CLK_TCK: '100',
  HOST_NAME_MAX: '64',
  LOGIN_NAME_MAX: '256',
  LINE_MAX: '2048',
  NGROUPS_MAX: '65536',
  OPEN_MAX: '1024',
  INT_MAX: '2147483647',
  INT_MIN: '-2147483648',
  UINT_MAX: '4294967295',
  CHAR_BIT: '8',
  _NPROCESSORS_ONLN: String(MACHINE_CPUS),
  _NPROCESSORS_CONF: String(MACHINE_CPUS),
  GNU_LIBC_VERSION: 'glibc 2.35',
  GNU_LIBPTHREAD_VERSION: 'NPTL 2.35',
  PATH: '/bin:/usr/bin',
};

/** pathconf values of ext4 (and tmpfs, overlayfs: the same figures), which need a path. */
const PATH_VALUES: Record<string, string> = {
  NAME_MAX: '255',
  PATH_MAX: '4096',
  PIPE_BUF: '4096',
  LINK_MAX: '65000',
  MAX_CANON: '255',
  MAX_INPUT: '255',
  FILESIZEBITS: '64',
  _POSIX_NO_TRUNC: '1',
};

function getconf(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  if (args[0] === '-a') {
    ctx.stderr('getconf -a: not simulated here (a single name is: getconf PAGESIZE, getconf NAME_MAX /)\n');
    return 1;
  }
  const [name, path, extra] = args;
  if (name === undefined || extra !== undefined) {
    ctx.stderr(USAGE);
    return 2;
  }
  if (name in PATH_VALUES) {
    if (path === undefined) {
      ctx.stderr(USAGE);
      return 2;
    }
    if (!tryStat(ctx.proc, path)) {
      ctx.stderr(`getconf: pathconf: ${path}: No such file or directory\n`);
      return 3;
    }
    ctx.stdout(`${PATH_VALUES[name]}\n`);
    return 0;
  }
  if (!(name in SYSTEM)) {
    ctx.stderr(`getconf: Unrecognized variable \`${name}'\n`);
    return 2;
  }
  if (path !== undefined) {
    ctx.stderr(USAGE);
    return 2;
  }
  ctx.stdout(`${SYSTEM[name]}\n`);
  return 0;
}

export const getconfCommand: CommandSpec = {
  name: 'getconf',
  run: getconf,
  summary: 'print a system configuration value (PAGESIZE, LONG_BIT, NAME_MAX PATH …)',
};
