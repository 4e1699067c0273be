// du, df, mount, umount and xfs_info over the kernel's mount table.
import { capable } from '../../../kernel/capabilities.js';
import { isKernelError, type Mount } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, usage } from '../options.js';
import { coreutilsHumanSize, q } from './format.js';
import { busyboxHuman, isBusybox } from '../busybox/formats.js';
import { tryStat } from './lookup.js';
import { dfCommand } from './df.js';

/** How du prints a size: its block size, a suffix for -BM, or -h/--si's human sizes. */
interface DuUnits {
  apparent: boolean;
  blockSize: number;
  suffix: string;
  human: 0 | 1000 | 1024;
}

/** -B / --block-size: N, NK (1024s), NKB (1000s), or a bare unit (K, M, KB…) that du then prints. */
function blockSizeOf(spec: string): { size: number; suffix: string } | undefined {
  const m = /^(\d*)([KMGTPEZY](iB|B)?|B)?$/.exec(spec);
  if (!m || spec === '') return undefined;
  const [, digits = '', unit = ''] = m;
  const powers = 'KMGTPEZY';
  const letter = unit.charAt(0);
  const scale =
    unit === '' || unit === 'B'
      ? 1
      : (unit.endsWith('B') && !unit.endsWith('iB') ? 1000 : 1024) ** (powers.indexOf(letter) + 1);
  const size = (digits === '' ? 1 : Number(digits)) * scale;
  return size > 0 ? { size, suffix: digits === '' ? unit : '' } : undefined;
}

function du(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('du', ctx.argv.slice(1), {
      short: 'shacbxkm',
      shortArg: 'dB',
      long: {
        summarize: 's',
        'human-readable': 'h',
        all: 'a',
        total: 'c',
        'max-depth=': 'd',
        'apparent-size': 'A',
        bytes: 'b',
        'block-size=': 'B',
        si: 'S',
        kilobytes: 'k',
        megabytes: 'm',
        'one-file-system': 'x',
        inodes: 'inodes',
      },
    });
  } catch (err) {
    return usage(ctx, 'du', err);
  }
  const f = p.flags;
  const maxDepth = f.has('s') ? 0 : f.has('d') ? Number(f.get('d')) : Infinity;
  const seen = new Set<string>();
  // The unit options in the order given, the last one winning; -b and --apparent-size switch to
  // apparent sizes for good (du -bm prints megabytes of apparent size).
  const units: DuUnits = { apparent: false, blockSize: 1024, suffix: '', human: 0 };
  for (const [key, value] of p.opts) {
    if (key === 'A') units.apparent = true;
    else if (key === 'b') Object.assign(units, { apparent: true, blockSize: 1, suffix: '', human: 0 });
    else if (key === 'k') Object.assign(units, { blockSize: 1024, suffix: '', human: 0 });
    else if (key === 'm') Object.assign(units, { blockSize: 1024 * 1024, suffix: '', human: 0 });
    else if (key === 'h') units.human = 1024;
    else if (key === 'S') units.human = 1000;
    else if (key === 'B') {
      const bs = blockSizeOf(value);
      if (!bs) {
        const option = ctx.argv.some((a) => a.startsWith('--block-size')) ? '--block-size' : '-B';
        ctx.stderr(`du: invalid ${option} argument ${q(value)}\n`);
        return 1;
      }
      Object.assign(units, { blockSize: bs.size, suffix: bs.suffix, human: 0 });
    }
  }
  const busybox = isBusybox(ctx);
  // Sizes are summed in bytes (st_blocks * 512, or st_size) and rounded up once, when printed.
  const inodes = f.has('inodes');
  const fmt = (usage: number, apparent: number, count: number): string => {
    if (inodes)
      return units.human ? (busybox ? busyboxHuman(count) : coreutilsHumanSize(count, units.human)) : `${count}`;
    const bytes = units.apparent ? apparent : usage;
    if (units.human) {
      if (bytes === 0) return '0';
      return busybox ? busyboxHuman(bytes) : coreutilsHumanSize(bytes, units.human);
    }
    return `${Math.ceil(bytes / units.blockSize)}${units.suffix}`;
  };
  // What is counted once: GNU du remembers a file with more than one link, and everything when
  // given more than one operand; busybox's, anything with more than one link (a directory too).
  // So a directory bind-mounted inside the tree is counted twice by GNU du, as on the real one,
  // and a walk of a large tree does not keep every inode it met.
  const operands = p.operands.length ? p.operands : ['.'];
  const remembered = (st: { type: string; nlink: number }): boolean =>
    busybox ? st.nlink > 1 : operands.length > 1 || (st.type !== 'dir' && st.nlink > 1);
  let status = 0;
  let grand = 0;
  let grandBytes = 0;
  let grandCount = 0;
  let out = '';
  // -x: a directory on another file system than its operand's is not counted or entered.
  let topDev = 0;
  const walk = (path: string, depth: number): [number, number, number] => {
    const st = tryStat(ctx.proc, path, false);
    if (!st) return [0, 0, 0];
    if (depth === 0) topDev = st.dev;
    else if (f.has('x') && st.dev !== topDev) return [0, 0, 0];
    if (remembered(st)) {
      const key = `${st.dev}:${st.ino}`;
      if (seen.has(key)) return [0, 0, 0];
      seen.add(key);
    }
    let used = st.blocks * 512;
    let bytes = st.size;
    let count = 1;
    if (st.type === 'dir') {
      let entries: { name: string }[];
      try {
        entries = ctx.proc.readdir(path);
      } catch (err) {
        ctx.stderr(`du: cannot read directory ${q(path)}: ${errText(err)}\n`);
        status = 1;
        entries = [];
      }
      for (const e of entries) {
        const [k, b, c] = walk(path.endsWith('/') ? path + e.name : `${path}/${e.name}`, depth + 1);
        used += k;
        bytes += b;
        count += c;
      }
      if (depth <= maxDepth) out += `${fmt(used, bytes, count)}\t${path}\n`;
    } else if ((f.has('a') && depth <= maxDepth) || depth === 0) out += `${fmt(used, bytes, count)}\t${path}\n`;
    return [used, bytes, count];
  };
  for (const op of operands) {
    if (!tryStat(ctx.proc, op, false)) {
      ctx.stderr(`du: cannot access ${q(op)}: No such file or directory\n`);
      status = 1;
      continue;
    }
    const [k, b, c] = walk(op, 0);
    grand += k;
    grandBytes += b;
    grandCount += c;
  }
  if (f.has('c')) out += `${fmt(grand, grandBytes, grandCount)}\ttotal\n`;
  ctx.stdout(out);
  return status;
}

/** The host names its root disk by its partition; a container's binds show the device itself. */
function hostSource(source: string, ctx: CommandContext): string {
  return source === '/dev/vda' && ctx.proc.root === '/' ? '/dev/vda1' : source;
}

/** What mount(8) can do beyond a new overlay or tmpfs that the simulated kernel does not model:
 * binds, moves and propagation changes (the flag as typed, or the -o option), else undefined. */
function unmodelledMount(argv: readonly string[]): string | undefined {
  const flag = argv.find((a) => /^(--(r?bind|move|make-\S+)|-[BRM])$/.test(a));
  if (flag) return flag;
  for (let i = 0; i < argv.length; i++) {
    const opts = argv[i] === '-o' ? argv[i + 1] : /^(-o|--options=)(.+)/.exec(argv[i] ?? '')?.[2];
    const opt = opts?.split(',').find((o) => ['bind', 'rbind', 'move', 'remount'].includes(o));
    if (opt) return `-o ${opt}`;
  }
  return undefined;
}

function mountCmd(ctx: CommandContext): number {
  const unmodelled = unmodelledMount(ctx.argv.slice(1));
  if (unmodelled) {
    ctx.stderr(
      `mount: ${unmodelled}: not simulated here (this tutor's kernel mounts a new overlay or tmpfs); ` +
        'nothing was done\n',
    );
    return 1;
  }
  let p;
  try {
    p = parseOptions('mount', ctx.argv.slice(1), {
      short: 'lvnr',
      shortArg: 'to',
      long: { 'types=': 't', 'options=': 'o' },
    });
  } catch (err) {
    return usage(ctx, 'mount', err);
  }
  const kernel = ctx.proc.kernel;
  if (p.operands.length === 0) {
    const type = p.flags.get('t');
    // The mounts of the caller's namespace: inside a container, its own table with the overlay as /.
    for (const m of kernel.mountsSeenFrom(ctx.proc.root)) {
      if (type && m.fstype !== type) continue;
      ctx.stdout(`${hostSource(m.source, ctx)} on ${m.target} type ${m.fstype} (${m.options})\n`);
    }
    return 0;
  }
  if (p.operands.length < 2) {
    ctx.stderr(`mount: ${p.operands[0]}: can't find in /etc/fstab.\n`);
    return 1;
  }
  const [source, target] = p.operands as [string, string];
  if (ctx.variant?.kind === 'busybox') return busyboxMount(ctx, source, target, p.flags.get('t'), p.flags.get('o'));
  const type = p.flags.get('t') ?? 'overlay';
  if (type !== 'overlay' && type !== 'tmpfs') {
    ctx.stderr(`mount: ${target}: unknown filesystem type '${type}'.\n`);
    return 32;
  }
  if (!tryStat(ctx.proc, target)) {
    ctx.stderr(`mount: ${target}: mount point does not exist.\n`);
    return 32;
  }
  // libmount canonicalizes a mount point that exists: its messages name the absolute path.
  let shown = target;
  try {
    shown = ctx.proc.realpath(target);
  } catch {
    // kept as given
  }
  try {
    ctx.proc.mount(target, type, p.flags.get('o') ?? '', source);
  } catch (err) {
    if (!isKernelError(err)) throw err;
    if (err.code === 'EPERM') ctx.stderr(`mount: ${shown}: permission denied.\n`);
    else if (err.code === 'ENOTDIR' && err.path === target)
      ctx.stderr(`mount: ${shown}: mount point is not a directory.\n`);
    else if (err.code === 'ENOENT' || (err.code === 'ENOTDIR' && err.path !== target))
      ctx.stderr(`mount: ${shown}: special device ${source} does not exist.\n`);
    else
      ctx.stderr(
        `mount: ${shown}: wrong fs type, bad option, bad superblock ` +
          `on ${source}, missing codepage or helper program, or other ` +
          'error.\n',
      );
    return 32;
  }
  return 0;
}

/** busybox mount: the syscall straight away, its errors in busybox's words. */
function busyboxMount(
  ctx: CommandContext,
  source: string,
  target: string,
  type: string | undefined,
  options: string | undefined,
): number {
  try {
    ctx.proc.mount(target, type ?? 'overlay', options ?? '', source);
    return 0;
  } catch (err) {
    if (!isKernelError(err)) throw err;
    if (err.code === 'EPERM' || err.code === 'EACCES') {
      ctx.stderr('mount: permission denied (are you root?)\n');
      return 1;
    }
    ctx.stderr(`mount: mounting ${source} on ${target} failed: ${err.text}\n`);
    return 255;
  }
}

function umount(ctx: CommandContext): number {
  const ops = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (ops.length === 0) {
    ctx.stderr('Usage:\n umount [-hV]\n umount -a [options]\n umount [options] <source> | <directory>\n');
    return 1;
  }
  let status = 0;
  // A deleted working directory keeps nothing busy (getcwd fails with ENOENT, as on Linux).
  let cwd = '';
  try {
    cwd = ctx.proc.toHostPath(ctx.proc.getcwd());
  } catch (err) {
    if (!isKernelError(err)) throw err;
  }
  for (const given of ops) {
    // busybox's umount asks the kernel straight away: without CAP_SYS_ADMIN that is all it hears.
    if (ctx.variant?.kind === 'busybox' && !capable(ctx.proc.cred, 'SYS_ADMIN')) {
      ctx.stderr(`umount: can't unmount ${given}: Operation not permitted\n`);
      status = 1;
      continue;
    }
    // Not a path: umount takes a source too (umount none, for mount -t overlay none …), the last
    // mount of it the caller sees.
    const bySource = tryStat(ctx.proc, given)
      ? undefined
      : ctx.proc.kernel
          .mountsSeenFrom(ctx.proc.root)
          .filter((m) => m.source === given)
          .pop();
    const t = bySource ? bySource.target : given;
    try {
      // The shell's own working directory inside the mount keeps it busy, as on Linux.
      const target = ctx.proc.toHostPath(ctx.proc.realpath(t));
      if (ctx.proc.kernel.isMountpoint(target) && (cwd === target || cwd.startsWith(`${target}/`))) {
        ctx.stderr(`umount: ${t}: target is busy.\n`);
        status = 32;
        continue;
      }
      ctx.proc.umount(t);
    } catch (err) {
      if (!isKernelError(err)) throw err;
      if (err.code === 'EPERM' && ctx.variant?.kind === 'busybox') {
        ctx.stderr(`umount: can't unmount ${t}: Operation not permitted\n`);
        status = 1;
        continue;
      }
      if (err.code === 'EPERM') ctx.stderr(`umount: ${t}: must be superuser to unmount.\n`);
      else if (err.code === 'EINVAL') ctx.stderr(`umount: ${t}: not mounted.\n`);
      else if (err.code === 'EBUSY') ctx.stderr(`umount: ${t}: target is busy.\n`);
      else ctx.stderr(`umount: ${t}: no mount point specified.\n`);
      status = 32;
    }
  }
  return status;
}

/** xfs_info answers for the mountpoints the host declares as XFS (Docker needs ftype=1). */
export function makeXfsInfo(xfsMounts: readonly string[]): CommandSpec {
  return {
    name: 'xfs_info',
    summary: 'show an XFS filesystem’s geometry (ftype=1 is what overlay2 needs)',
    run(ctx) {
      const target = ctx.argv[1];
      if (target === undefined) {
        ctx.stderr('Usage: xfs_info [-V] [-t mtab] [mountpoint|device|file]\n');
        return 1;
      }
      let real = target;
      try {
        real = ctx.proc.realpath(target);
      } catch {
        // fall through to the not-mounted message
      }
      const mount = xfsMounts.find((m) => real === m);
      if (!mount) {
        ctx.stderr(`xfs_info: ${target} is not a mounted XFS filesystem\n`);
        return 1;
      }
      ctx.stdout(
        [
          'meta-data=/dev/vdb               isize=512    agcount=4, agsize=655360 blks',
          '         =                       sectsz=512   attr=2, projid32bit=1',
          '         =                       crc=1        finobt=1, sparse=1, rmapbt=0',
          '         =                       reflink=1    bigtime=0 inobtcount=0',
          'data     =                       bsize=4096   blocks=2621440, imaxpct=25',
          '         =                       sunit=0      swidth=0 blks',
          'naming   =version 2              bsize=4096   ascii-ci=0, ftype=1',
          'log      =internal log           bsize=4096   blocks=2560, version=2',
          '         =                       sectsz=512   sunit=0 blks, lazy-count=1',
          'realtime =none                   extsz=4096   blocks=0, rtextents=0',
          '',
        ].join('\n'),
      );
      return 0;
    },
  };
}

export function mountLinesFor(mounts: readonly Mount[]): string[] {
  return mounts.map((m) => `${m.source} on ${m.target} type ${m.fstype} (${m.options})`);
}

export const mountCommands: CommandSpec[] = [
  {
    name: 'du',
    run: du,
    summary: 'disk usage in KiB (-s -h -a -c -d N; -k -m -b -B SIZE --apparent-size --si)',
    flags: ['-s', '-h', '-a', '-c', '-d', '-k', '-m', '-b', '-B', '--apparent-size', '--si'],
  },
  dfCommand,
  {
    name: 'mount',
    run: mountCmd,
    summary: 'list mounts, mount -t overlay overlay -o lowerdir=…,upperdir=…,workdir=… DIR, or -t tmpfs',
    flags: ['-t', '-o'],
  },
  { name: 'umount', run: umount, summary: 'unmount a mountpoint' },
];
