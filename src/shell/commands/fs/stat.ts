// stat(1) as coreutils 9 prints it: the default block (Device as `major,minor`, Inode, Links,
// `Device type` for devices) and -c/--format/--printf directives.
import { major, minor, type Stat } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, usage } from '../options.js';
import { fullTime, modeString, Names, q } from './format.js';

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

function format(
  fmt: string,
  name: string,
  st: Stat,
  names: Names,
  target: string | undefined,
  printf: boolean,
): string {
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i] as string;
    if (printf && c === '\\' && i + 1 < fmt.length) {
      const n = fmt[++i] as string;
      out += ({ n: '\n', t: '\t', '\\': '\\', '"': '"' } as Record<string, string>)[n] ?? `\\${n}`;
      continue;
    }
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const d = fmt[++i] as string;
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
        out += names.user(st.uid);
        break;
      case 'G':
        out += names.group(st.gid);
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
        out += '-';
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
        out += '0';
        break;
      case 'm':
        out += '/';
        break;
      default:
        out += `?`;
    }
  }
  return out;
}

export function defaultStat(name: string, st: Stat, names: Names, target: string | undefined): string {
  const file = target !== undefined ? `${q(name)} -> ${q(target)}` : name;
  const size =
    `  Size: ${String(st.size).padEnd(10)}\tBlocks: ` +
    `${String(st.blocks).padEnd(10)} IO Block: 4096   ` +
    `${fileTypeName(st)}`;
  const dev = `Device: ${major(st.dev)},${minor(st.dev)}\tInode: ${String(st.ino).padEnd(11)} Links: ${st.nlink}`;
  const devType =
    st.type === 'chr' || st.type === 'blk'
      ? `${st.nlink < 10 ? '     ' : '    '}Device type: ${major(st.rdev)},${minor(st.rdev)}`
      : '';
  const uid = `Uid: (${String(st.uid).padStart(5)}/${names.user(st.uid).padStart(8)})`;
  const gid = `Gid: (${String(st.gid).padStart(5)}/${names.group(st.gid).padStart(8)})`;
  return [
    `  File: ${file}`,
    size,
    dev + devType,
    `Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st)})  ${uid}   ${gid}`,
    `Access: ${fullTime(st.atimeMs)}`,
    `Modify: ${fullTime(st.mtimeMs)}`,
    `Change: ${fullTime(st.ctimeMs)}`,
    ' Birth: -',
    '',
  ].join('\n');
}

function stat(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('stat', ctx.argv.slice(1), {
      short: 'Lt',
      shortArg: 'c',
      long: { dereference: 'L', 'format=': 'c', 'printf=': 'printf', terse: 't' },
    });
  } catch (err) {
    return usage(ctx, 'stat', err);
  }
  if (p.operands.length === 0) {
    ctx.stderr("stat: missing operand\nTry 'stat --help' for more information.\n");
    return 1;
  }
  const names = new Names(ctx.proc);
  let status = 0;
  for (const op of p.operands) {
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
    const fmt = p.flags.get('c');
    const pf = p.flags.get('printf');
    if (pf !== undefined) ctx.stdout(format(pf, op, st, names, target, true));
    else if (fmt !== undefined) ctx.stdout(`${format(fmt, op, st, names, target, false)}\n`);
    else ctx.stdout(defaultStat(op, st, names, target));
  }
  return status;
}

export const statCommand: CommandSpec = {
  name: 'stat',
  run: stat,
  summary: 'show inode, links, mode, owner and times (-c FORMAT: %i %n %s %h %a %A %F %U %G %d %t %T …)',
  flags: ['-c', '-L', '--format', '--printf'],
};
