// stat(1) as the coreutils of the system it runs on prints it: the host is Ubuntu 22.04 (coreutils
// 8.32: `Device: fe00h/65024d\tInode: %-10i  Links: %h`), a Debian 12 container has 9.1
// (`Device: 254,0\tInode: %-11i Links: %h`); -c/--format/--printf directives; -f, the file
// system's statfs (src/shell/commands/fs/statfs.ts) with its own directives.
import { major, minor, type Mount, type Proc, type Stat } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, usage } from '../options.js';
import { fullTime, modeString, Names, q } from './format.js';
import { fsId, fsTypeName, fsUsage } from './statfs.js';

/** coreutils' major version on the system `proc` sees, told by its /etc/os-release: Ubuntu before
 * 23.04 and Debian before 12 ship 8.x, later ones 9.x; an image without os-release gets 9. */
export function coreutilsMajor(proc: Proc): 8 | 9 {
  let text: string;
  try {
    text = new TextDecoder().decode(proc.readFile('/etc/os-release'));
  } catch {
    return 9;
  }
  const field = (k: string): string => new RegExp(`^${k}="?([^"\\n]*)"?$`, 'm').exec(text)?.[1] ?? '';
  const version = Number.parseFloat(field('VERSION_ID'));
  if (field('ID') === 'ubuntu' && version < 23.04) return 8;
  if (field('ID') === 'debian' && version < 12) return 8;
  return 9;
}
import { busyboxStat, isBusybox } from '../busybox/formats.js';

export function fileTypeName(st: Stat): string {
  switch (st.type) {
    case 'file':
      return st.size === 0 ? 'regular empty file' : 'regular file';
    case 'dir':
      return 'directory';
    case 'symlink':
      return 'symbolic link';
    case 'chr':
      return 'character special file';
    case 'blk':
      return 'block special file';
    case 'fifo':
      return 'fifo';
    case 'sock':
      return 'socket';
  }
}

/** stat -t's line: coreutils' (with the birth time since 8.31) and busybox's (without it). */
const GNU_TERSE = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o';
const BUSYBOX_TERSE = '%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %o';

function format(
  fmt: string,
  name: string,
  st: Stat,
  names: Names,
  target: string | undefined,
  printf: boolean,
  busybox = false,
  mountPoint: () => string = () => '/',
): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt.charAt(i);
    if (printf && c === '\\' && i + 1 < fmt.length) {
      const n = fmt.charAt(++i);
      out += ({ n: '\n', t: '\t', '\\': '\\', '"': '"' } as Record<string, string>)[n] ?? `\\${n}`;
      continue;
    }
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const d = fmt.charAt(++i);
    const secs = (ms: number): string => String(Math.floor(ms / 1000));
    switch (d) {
      case '%':
        out += '%';
        break;
      case 'n':
        out += name;
        break;
      case 'N':
        out += q(name) + (target !== undefined ? ` -> ${q(target)}` : '');
        break;
      case 'i':
        out += st.ino;
        break;
      case 's':
        out += st.size;
        break;
      case 'h':
        out += st.nlink;
        break;
      case 'a':
        out += (st.mode & 0o7777).toString(8);
        break;
      case 'A':
        out += modeString(st);
        break;
      case 'f':
        out += st.mode.toString(16);
        break;
      case 'F':
        out += fileTypeName(st);
        break;
      case 'u':
        out += st.uid;
        break;
      case 'g':
        out += st.gid;
        break;
      case 'U':
        out += names.known('user', st.uid) ?? 'UNKNOWN';
        break;
      case 'G':
        out += names.known('group', st.gid) ?? 'UNKNOWN';
        break;
      case 'd':
        out += major(st.dev) * 256 + minor(st.dev);
        break;
      case 'D':
        out += st.dev.toString(16);
        break;
      case 't':
        out += major(st.rdev).toString(16);
        break;
      case 'T':
        out += minor(st.rdev).toString(16);
        break;
      case 'b':
        out += st.blocks;
        break;
      case 'B':
        out += 512;
        break;
      case 'o':
        out += 4096;
        break;
      case 'x':
        out += fullTime(st.atimeMs);
        break;
      case 'y':
        out += fullTime(st.mtimeMs);
        break;
      case 'z':
        out += fullTime(st.ctimeMs);
        break;
      case 'w':
        out += busybox ? 'w' : st.btimeMs === undefined ? '-' : fullTime(st.btimeMs);
        break;
      case 'X':
        out += secs(st.atimeMs);
        break;
      case 'Y':
        out += secs(st.mtimeMs);
        break;
      case 'Z':
        out += secs(st.ctimeMs);
        break;
      case 'W':
        out += busybox ? 'W' : st.btimeMs === undefined ? '0' : secs(st.btimeMs);
        break;
      case 'm':
        out += mountPoint();
        break;
      default:
        out += `?`;
    }
  }
  return out;
}

export function defaultStat(
  name: string,
  st: Stat,
  names: Names,
  target: string | undefined,
  coreutils: 8 | 9 = 9,
): string {
  const file = target !== undefined ? `${q(name)} -> ${q(target)}` : name;
  const size =
    `  Size: ${String(st.size).padEnd(10)}\tBlocks: ` +
    `${String(st.blocks).padEnd(10)} IO Block: 4096   ` +
    `${fileTypeName(st)}`;
  const device = st.type === 'chr' || st.type === 'blk';
  const links = device ? String(st.nlink).padEnd(5) : String(st.nlink);
  const dev =
    coreutils === 8
      ? `Device: ${st.dev.toString(16)}h/${st.dev}d\tInode: ${String(st.ino).padEnd(10)}  Links: ${links}`
      : `Device: ${major(st.dev)},${minor(st.dev)}\tInode: ${String(st.ino).padEnd(11)} Links: ${links}`;
  const devType = !device
    ? ''
    : coreutils === 8
      ? ` Device type: ${major(st.rdev).toString(16)},${minor(st.rdev).toString(16)}`
      : ` Device type: ${major(st.rdev)},${minor(st.rdev)}`;
  const uid = `Uid: (${String(st.uid).padStart(5)}/${(names.known('user', st.uid) ?? 'UNKNOWN').padStart(8)})`;
  const gid = `Gid: (${String(st.gid).padStart(5)}/${(names.known('group', st.gid) ?? 'UNKNOWN').padStart(8)})`;
  return [
    `  File: ${file}`,
    size,
    dev + devType,
    `Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st)})  ${uid}   ${gid}`,
    `Access: ${fullTime(st.atimeMs)}`,
    `Modify: ${fullTime(st.mtimeMs)}`,
    `Change: ${fullTime(st.ctimeMs)}`,
    ` Birth: ${st.btimeMs === undefined ? '-' : fullTime(st.btimeMs)}`,
    '',
  ].join('\n');
}

/** statfs's figures for `stat -f`, by the directive that prints each. */
function fsFields(ctx: CommandContext, mount: Mount, name: string): Record<string, string> {
  const u = fsUsage(ctx.proc.kernel, mount, { blocks: true, inodes: true });
  const type = fsTypeName(mount.fstype);
  // busybox 1.35's table of names has no overlayfs: its stat -f says UNKNOWN for a container's /.
  if (isBusybox(ctx) && mount.fstype === 'overlay') type.name = 'UNKNOWN';
  return {
    n: name,
    i: fsId(mount),
    l: '255',
    t: type.magic,
    T: type.name,
    s: '4096',
    S: '4096',
    b: String(Math.floor(u.totalKb / 4)),
    f: String(Math.floor((u.totalKb - u.usedKb) / 4)),
    a: String(Math.floor(u.availKb / 4)),
    c: String(u.inodes),
    d: String(u.ifree),
  };
}

/** A format of stat -f's directives, with coreutils' %-Nx left-justified widths. */
function fsFormat(fmt: string, fields: Record<string, string>, printf: boolean): string {
  return fmt.replace(/\\[nt\\"]|%(-?\d*)(.)/g, (m, width: string | undefined, d: string | undefined) => {
    if (m.startsWith('\\')) return printf ? ({ n: '\n', t: '\t', '\\': '\\', '"': '"' }[m.charAt(1)] ?? m) : m;
    if (d === '%') return '%';
    const v = (d === undefined ? undefined : fields[d]) ?? '?';
    const w = Number(width || 0);
    return w < 0 ? v.padEnd(-w) : v.padStart(w);
  });
}

const FS_DEFAULT =
  '  File: "%n"\n    ID: %-8i Namelen: %-7l Type: %T\nBlock size: %-10s Fundamental block size: %S\n' +
  'Blocks: Total: %-10b Free: %-10f Available: %a\nInodes: Total: %-10c Free: %d\n';

function statFs(ctx: CommandContext, op: string, fmt: string | undefined, printf: string | undefined, terse: boolean) {
  let mount: Mount;
  try {
    mount = ctx.proc.mountOf(op);
  } catch (err) {
    ctx.stderr(`stat: cannot read file system information for ${q(op)}: ${errText(err)}\n`);
    return 1;
  }
  const fields = fsFields(ctx, mount, op);
  if (printf !== undefined) ctx.stdout(fsFormat(printf, fields, true));
  else if (fmt !== undefined) ctx.stdout(`${fsFormat(fmt, fields, false)}\n`);
  else ctx.stdout(fsFormat(terse ? '%n %i %l %t %s %S %b %f %a %c %d\n' : FS_DEFAULT, fields, false));
  return 0;
}

function stat(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('stat', ctx.argv.slice(1), {
      short: 'Ltf',
      shortArg: 'c',
      long: { dereference: 'L', 'file-system': 'f', 'format=': 'c', 'printf=': 'printf', terse: 't' },
    });
  } catch (err) {
    return usage(ctx, 'stat', err);
  }
  if (p.operands.length === 0) {
    ctx.stderr("stat: missing operand\nTry 'stat --help' for more information.\n");
    return 1;
  }
  const names = new Names(ctx.proc);
  const coreutils = coreutilsMajor(ctx.proc);
  let status = 0;
  for (const op of p.operands) {
    const fmt = p.flags.get('c');
    const pf = p.flags.get('printf');
    if (p.flags.has('f')) {
      status = Math.max(status, statFs(ctx, op, fmt, pf, p.flags.has('t')));
      continue;
    }
    let st: Stat;
    let target: string | undefined;
    try {
      st = p.flags.has('L') ? ctx.proc.stat(op) : ctx.proc.lstat(op);
      if (st.type === 'symlink') target = ctx.proc.readlink(op);
    } catch (err) {
      ctx.stderr(`stat: cannot statx ${q(op)}: ${errText(err)}\n`);
      status = 1;
      continue;
    }
    const busybox = isBusybox(ctx);
    // %m: the mount point of the filesystem the file is on (an overlay's merged dir, say).
    const mountPoint = (): string => {
      try {
        const host = ctx.proc.toHostPath(p.flags.has('L') ? ctx.proc.realpath(op) : op);
        return ctx.proc.toProcPath(ctx.proc.kernel.locate(host).mount.target);
      } catch {
        return '/';
      }
    };
    if (pf !== undefined) ctx.stdout(format(pf, op, st, names, target, true, busybox, mountPoint));
    else if (fmt !== undefined) ctx.stdout(`${format(fmt, op, st, names, target, false, busybox, mountPoint)}\n`);
    else if (p.flags.has('t'))
      ctx.stdout(`${format(busybox ? BUSYBOX_TERSE : GNU_TERSE, op, st, names, target, false)}\n`);
    else if (busybox)
      ctx.stdout(
        busyboxStat(
          op,
          st,
          names.known('user', st.uid),
          names.known('group', st.gid),
          target,
          modeString(st),
          fullTime,
        ),
      );
    else ctx.stdout(defaultStat(op, st, names, target, coreutils));
  }
  return status;
}

export const statCommand: CommandSpec = {
  name: 'stat',
  run: stat,
  summary: 'show inode, links, mode, owner and times (-c FORMAT: %i %n %s %h %a %A %F …; -f: the file system)',
  flags: ['-c', '-L', '-f', '-t', '--format', '--printf', '--file-system', '--terse'],
};
