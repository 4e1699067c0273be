// lsattr as e2fsprogs 1.46 prints it: the 22 flag columns (s u S D i a d A c E j I t T e C x F N P V m),
// one line a file, a directory operand listed entry by entry in readdir order (-a with . and ..,
// -R recursing with a `\nDIR:\n` heading, -d the directory itself). ext4 gives every file and
// directory the extents flag; an overlay answers with its real file's flags (the kernel passes
// FS_IOC_GETFLAGS through); symlinks, devices and the pseudo filesystems refuse the ioctl.
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, usage } from '../options.js';

const FLAGS = 'suSDiadAcEjItTeCxFNPVm';
const LONG_NAMES: Record<string, string> = { e: 'Extents' };

/** The flags a file has, or the error the ioctl gives. */
function flagsOf(ctx: CommandContext, path: string): string | { error: string } {
  const st = ctx.proc.lstat(path);
  if (st.type !== 'file' && st.type !== 'dir') return { error: 'Operation not supported' };
  const host = ctx.proc.toHostPath(ctx.proc.realpath(path));
  const fstype = ctx.proc.kernel.locate(host).mount.fstype;
  if (fstype === 'ext4' || fstype === 'overlay') return 'e';
  if (fstype === 'xfs') return '';
  return { error: 'Operation not supported' };
}

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
    } else ctx.stdout(`${prefix}${[...FLAGS].map((c) => (flags.includes(c) ? c : '-')).join('')} ${path}\n`);
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
