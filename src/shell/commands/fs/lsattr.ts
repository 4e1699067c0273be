// lsattr as e2fsprogs 1.46 prints it: the 22 flag columns (s u S D i a d A c E j I t T e C x F N P V m),
// one line a file, a directory operand listed entry by entry in readdir order (-a with . and ..,
// -R recursing with a `\nDIR:\n` heading, -d the directory itself). ext4 gives every file and
// directory the extents flag; an overlay answers with its real file's flags (the kernel passes
// FS_IOC_GETFLAGS through); symlinks, devices and the pseudo filesystems refuse the ioctl.
// chattr as e2fsprogs runs it: +i / -i / =i (the immutable flag the kernel enforces: rm, mv, a
// write, chmod, touch get EPERM), -R, -V, -f; through an overlay's merged path the file is copied
// up and its upper inode marked, as ovl_fileattr_set does. Other flags say they are not simulated.
import { FS_IMMUTABLE_FL } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, usage } from '../options.js';

const FLAGS = 'suSDiadAcEjItTeCxFNPVm';
const LONG_NAMES: Record<string, string> = { e: 'Extents' };

/** The flags a file has, or the error the ioctl gives. */
function flagsOf(ctx: CommandContext, path: string): string | { error: string } {
  const st = ctx.proc.lstat(path);
  if (st.type !== 'file' && st.type !== 'dir') return { error: 'Operation not supported' };
  const host = ctx.proc.toHostPath(ctx.proc.realpath(path));
  const kernel = ctx.proc.kernel;
  const fstype = kernel.locate(host).mount.fstype;
  const tmpfsFlags = fstype === 'tmpfs' && kernel.features.tmpfsFileattr;
  if (fstype !== 'ext4' && fstype !== 'overlay' && fstype !== 'xfs' && !tmpfsFlags) {
    // tmpfs has FS_IOC_GETFLAGS since Linux 6.0 (ENOTTY before), proc refuses it.
    return { error: fstype === 'tmpfs' ? 'Inappropriate ioctl for device' : 'Operation not supported' };
  }
  const immutable = (ctx.proc.getFlags(path) & FS_IMMUTABLE_FL) !== 0 ? 'i' : '';
  // ext4 gives every inode the extents flag; xfs and tmpfs have none of their own.
  return fstype === 'xfs' || fstype === 'tmpfs' ? immutable : `${immutable}e`;
}

const columns = (flags: string): string => [...FLAGS].map((c) => (flags.includes(c) ? c : '-')).join('');

const CHATTR_USAGE = 'Usage: chattr [-RVf] [-+=aAcCdDeijPsStTuFx] [-p project] [-v version] files...\n';

function chattr(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  const opts = new Set<string>();
  const modes: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    if (/^-[RVf]+$/.test(a)) for (const c of a.slice(1)) opts.add(c);
    else if (/^[-+=]/.test(a)) modes.push(a);
    else break;
  }
  const files = args.slice(i);
  if (modes.length === 0 || files.length === 0) {
    ctx.stderr(files.length > 0 ? "Must use '-v', =, - or +\n" : CHATTR_USAGE);
    return 1;
  }
  for (const m of modes) {
    if (!/^[-+=][aAcCdDeijPsStTuFxm]*$/.test(m)) {
      ctx.stderr(CHATTR_USAGE);
      return 1;
    }
    const other = [...m.slice(1)].find((c) => c !== 'i' && c !== 'e');
    if (other) {
      ctx.stderr(`chattr: ${m[0]}${other}: not simulated here (the tutor models the immutable flag, i)\n`);
      return 1;
    }
  }
  if (opts.has('V')) ctx.stdout('chattr 1.46.5 (30-Dec-2021)\n');
  let status = 0;
  const fail = (text: string): void => {
    if (!opts.has('f')) ctx.stderr(`chattr: ${text}\n`);
    status = 1;
  };
  const change = (path: string): void => {
    let st: ReturnType<typeof ctx.proc.lstat>;
    try {
      st = ctx.proc.lstat(path);
    } catch (err) {
      return fail(`${errText(err)} while trying to stat ${path}`);
    }
    if (st.type === 'symlink') return fail(`Operation not supported while reading flags on ${path}`);
    let flags: string | { error: string };
    try {
      flags = flagsOf(ctx, path);
    } catch (err) {
      flags = { error: errText(err) };
    }
    if (typeof flags !== 'string') return fail(`${flags.error} while reading flags on ${path}`);
    let immutable = flags.includes('i');
    for (const m of modes) {
      if (m[0] === '-' && m.includes('e') && flags.includes('e'))
        return fail(`Operation not permitted while setting flags on ${path}`);
      if (m[0] === '=') immutable = m.includes('i');
      else if (m.includes('i')) immutable = m[0] === '+';
    }
    try {
      ctx.proc.setFlags(path, immutable ? FS_IMMUTABLE_FL : 0);
    } catch (err) {
      return fail(`${errText(err)} while setting flags on ${path}`);
    }
    const now = flags.replace('i', '') + (immutable ? 'i' : '');
    if (opts.has('V')) ctx.stdout(`Flags of ${path} set as ${columns(now)}\n`);
    if (opts.has('R') && st.type === 'dir') {
      for (const e of ctx.proc.readdir(path)) {
        ctx.budget.tick();
        change(`${path.replace(/\/$/, '')}/${e.name}`);
      }
    }
  };
  for (const f of files) change(f);
  return status;
}

export const chattrCommand: CommandSpec = {
  name: 'chattr',
  run: chattr,
  summary: 'set ext4 file attributes: +i makes a file immutable (rm, mv, writes refused), -i undoes it',
  flags: ['-R', '-V', '-f'],
};

function lsattr(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('lsattr', ctx.argv.slice(1), { short: 'RVadlpv' });
  } catch (err) {
    return usage(ctx, 'lsattr', err);
  }
  const f = p.flags;
  if (f.has('V')) ctx.stderr('lsattr 1.46.5 (30-Dec-2021)\n');
  let status = 0;
  const list = (path: string): void => {
    let flags: string | { error: string };
    try {
      flags = flagsOf(ctx, path);
    } catch (err) {
      flags = { error: errText(err) };
    }
    if (typeof flags !== 'string') {
      ctx.stderr(`lsattr: ${flags.error} While reading flags on ${path}\n`);
      status = 1;
      return;
    }
    const prefix = (f.has('v') ? '0'.padStart(5) + ' ' : '') + (f.has('p') ? '0'.padStart(5) + ' ' : '');
    if (f.has('l')) {
      const names = [...flags].map((c) => LONG_NAMES[c] ?? c);
      ctx.stdout(`${prefix}${path.padEnd(28)} ${names.length ? names.join(', ') : '---'}\n`);
    } else ctx.stdout(`${prefix}${columns(flags)} ${path}\n`);
  };
  const walk = (dir: string): void => {
    let entries: { name: string; type: string }[];
    try {
      entries = ctx.proc.readdir(dir);
    } catch (err) {
      ctx.stderr(`lsattr: ${errText(err)} while opening directory ${dir}\n`);
      status = 1;
      return;
    }
    const all = f.has('a') ? [{ name: '.', type: 'dir' }, ...entries, { name: '..', type: 'dir' }] : entries;
    for (const e of all) {
      if (e.name.startsWith('.') && !f.has('a')) continue;
      const path = `${dir}/${e.name}`;
      ctx.budget.tick();
      list(path);
      if (f.has('R') && e.type === 'dir' && e.name !== '.' && e.name !== '..') {
        ctx.stdout(`\n${path}:\n`);
        walk(path);
        ctx.stdout('\n');
      }
    }
  };
  for (const op of p.operands.length ? p.operands : ['.']) {
    let isDir: boolean;
    try {
      isDir = ctx.proc.lstat(op).type === 'dir';
    } catch (err) {
      ctx.stderr(`lsattr: ${errText(err)} while trying to stat ${op}\n`);
      status = 1;
      continue;
    }
    if (isDir && !f.has('d')) walk(op);
    else list(op);
  }
  return status;
}

export const lsattrCommand: CommandSpec = {
  name: 'lsattr',
  run: lsattr,
  summary: 'list ext4 file attributes (e = extents); -d the directory itself, -a, -R',
  flags: ['-d', '-a', '-R', '-l', '-v', '-p'],
};
