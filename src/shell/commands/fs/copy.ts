// cp and mv. mv renames, and falls back to copy + delete on EXDEV as GNU mv does: inside an
// overlay mount, renaming a directory that comes from a lower layer fails with EXDEV (no
// redirect_dir), so `mv lowerdir newname` copies the whole tree up.
import { BudgetExceeded, isKernelError, nonZeroBlocks, S_IFMT, type Proc, type Stat } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { removeTree } from './files.js';
import { BrokenPipe } from '../../pipe.js';
import { errText, parseOptions, usage } from '../options.js';
import { lq, q } from './format.js';
import { tryStat } from './lookup.js';
import { basenameOf } from './names.js';

interface CopyOpts {
  recursive: boolean;
  /** Copy symlinks as links (cp -a, -d, -P, -R). */
  noDeref: boolean;
  preserve: boolean;
  xattrs: boolean;
  update: boolean;
  noClobber: boolean;
  verbose: boolean;
  /** --sparse: never (every block written), auto (a sparse source's zeros become holes), always
   * (every block of zeros becomes a hole). busybox's cp writes every block. */
  sparse?: 'never' | 'auto' | 'always';
  /** mv's words for -v when it copies across filesystems: "created directory", "copied". */
  moving?: boolean;
  /** The line's budget ticks once a file: a copy of a large tree can be stopped (Ctrl-C). */
  tick?: () => void;
}

class CopyFail {
  constructor(readonly message: string) {}
}

function copyMeta(proc: Proc, src: Stat, from: string, to: string, o: CopyOpts): void {
  if (!o.preserve) return;
  try {
    // The owner first, then the mode, as GNU cp does: chown(2) drops set-user-ID.
    proc.chown(to, src.uid, src.gid, src.type !== 'symlink');
    if (src.type !== 'symlink') proc.chmod(to, src.mode & 0o7777);
    if (src.type !== 'symlink') proc.utimes(to, src.atimeMs, src.mtimeMs);
    if (o.xattrs && src.type !== 'symlink') {
      for (const name of proc.listxattr(from, false)) proc.setxattr(to, name, proc.getxattr(from, name, false));
    }
  } catch {
    // GNU cp reports preservation failures only for what the user asked for explicitly.
  }
}

export function copyTree(
  proc: Proc,
  from: string,
  to: string,
  o: CopyOpts,
  say: (s: string) => void,
  top = true,
): void {
  o.tick?.();
  const st = o.noDeref || !top ? (tryStat(proc, from, false) as Stat) : proc.stat(from);
  const dst = tryStat(proc, to, false);
  if (st.type === 'dir') {
    if (!o.recursive) throw new CopyFail(`-r not specified; omitting directory ${q(from)}`);
    if (dst && dst.type !== 'dir')
      throw new CopyFail(`cannot overwrite non-directory ${q(to)} with directory ${q(from)}`);
    if (!dst) proc.mkdir(to, st.mode & 0o7777);
    if (o.verbose) say(o.moving ? `created directory ${q(to)}\n` : `${q(from)} -> ${q(to)}\n`);
    for (const e of proc.readdir(from))
      copyTree(proc, `${from.replace(/\/+$/, '')}/${e.name}`, `${to.replace(/\/+$/, '')}/${e.name}`, o, say, false);
    copyMeta(proc, st, from, to, o);
    return;
  }
  if (dst) {
    if (o.noClobber) return;
    if (o.update && dst.mtimeMs >= st.mtimeMs) return;
    if (dst.type === 'dir') throw new CopyFail(`cannot overwrite directory ${q(to)} with non-directory`);
    if (st.type !== 'file' || dst.type !== 'file') proc.unlink(to);
  }
  if (st.type === 'symlink') proc.symlink(proc.readlink(from), to);
  else if (st.type === 'chr' || st.type === 'blk' || st.type === 'fifo')
    proc.mknod(to, (st.mode & S_IFMT) | (st.mode & 0o7777), st.rdev);
  else copyData(proc, st, from, to, o.sparse ?? 'auto');
  if (o.verbose) say(`${o.moving ? 'copied ' : ''}${q(from)} -> ${q(to)}\n`);
  copyMeta(proc, st, from, to, o);
}

/** A regular file's bytes, copied as GNU cp 9 copies them: a source with holes (fewer blocks than
 * its size needs) is read by SEEK_DATA and its blocks of zeros left as holes, as --sparse=always
 * does for any source; a dense source under auto, or --sparse=never, is written whole. */
function copyData(proc: Proc, st: Stat, from: string, to: string, sparse: 'never' | 'auto' | 'always'): void {
  const content = proc.readContent(from);
  proc.writeContent(to, content, st.mode & 0o777);
  const holey = st.blocks * 512 < st.size;
  if (sparse === 'always' || (sparse === 'auto' && holey)) proc.setAllocation(to, nonZeroBlocks(content));
}

function destinations(
  ctx: CommandContext,
  name: string,
  ops: string[],
  targetDir: string | undefined,
): [string, string][] | null {
  if (targetDir !== undefined) return ops.map((s) => [s, `${targetDir.replace(/\/+$/, '')}/${basenameOf(s)}`]);
  const [first, second] = ops;
  if (first === undefined || second === undefined) {
    ctx.stderr(
      first === undefined
        ? `${name}: missing file operand\n`
        : `${name}: missing destination file operand after ${q(first)}\n`,
    );
    ctx.stderr(`Try '${name} --help' for more information.\n`);
    return null;
  }
  const last = ops.at(-1) ?? second;
  const st = tryStat(ctx.proc, last);
  if (st?.type === 'dir') return ops.slice(0, -1).map((s) => [s, `${last.replace(/\/+$/, '')}/${basenameOf(s)}`]);
  if (ops.length > 2) {
    ctx.stderr(`${name}: target ${q(last)} is not a directory\n`);
    return null;
  }
  return [[first, last]];
}

function sameOrInside(proc: Proc, from: string, to: string): boolean {
  try {
    const a = proc.realpath(from);
    const parent = to.replace(/\/[^/]*\/?$/, '') || (to.startsWith('/') ? '/' : '.');
    const b = `${proc.realpath(parent)}/${basenameOf(to)}`.replace(/^\/\//, '/');
    // `/` is every path's ancestor: `${a}/` would be `//`, which no path starts with.
    return b === a || b.startsWith(a === '/' ? '/' : `${a}/`);
  } catch {
    return false;
  }
}

/** --sparse=WHEN as argmatch reads it: a word or an unambiguous start of one. */
function sparseWhen(given: string | undefined): 'never' | 'auto' | 'always' | { given: string; ambiguous: boolean } {
  if (given === undefined) return 'auto';
  const words = ['never', 'auto', 'always'] as const;
  const exact = words.find((w) => w === given);
  if (exact) return exact;
  const starts = given === '' ? [] : words.filter((w) => w.startsWith(given));
  return starts.length === 1 ? (starts[0] as 'never' | 'auto' | 'always') : { given, ambiguous: starts.length > 1 };
}

function cp(ctx: CommandContext): number {
  const busybox = ctx.variant?.kind === 'busybox';
  let p;
  try {
    p = parseOptions('cp', ctx.argv.slice(1), {
      short: 'rRapdPfuvnLi',
      shortArg: 't',
      long: {
        recursive: 'r',
        archive: 'a',
        'preserve=': 'preserve',
        preserve: 'preserve',
        'no-dereference': 'P',
        force: 'f',
        update: 'u',
        verbose: 'v',
        'no-clobber': 'n',
        'target-directory=': 't',
        dereference: 'L',
        ...(busybox ? {} : { 'sparse=': 'sparse' }),
      },
    });
  } catch (err) {
    return usage(ctx, 'cp', err);
  }
  const sparse = busybox ? 'never' : sparseWhen(p.flags.get('sparse'));
  if (typeof sparse !== 'string') {
    ctx.stderr(
      `cp: ${sparse.ambiguous ? 'ambiguous' : 'invalid'} argument ${lq(sparse.given)} for ‘--sparse’\n` +
        'Valid arguments are:\n  - ‘never’\n  - ‘auto’\n  - ‘always’\n' +
        "Try 'cp --help' for more information.\n",
    );
    return 1;
  }
  const f = p.flags;
  const archive = f.has('a');
  const o: CopyOpts = {
    recursive: archive || f.has('r') || f.has('R'),
    noDeref: (archive || f.has('d') || f.has('P') || f.has('r') || f.has('R')) && !f.has('L'),
    preserve: archive || f.has('p') || f.has('preserve'),
    xattrs: archive || (f.get('preserve') ?? '').includes('xattr') || f.get('preserve') === 'all',
    update: f.has('u'),
    noClobber: f.has('n'),
    verbose: f.has('v'),
    sparse,
    tick: () => ctx.budget.tick(),
  };
  const pairs = destinations(ctx, 'cp', p.operands, f.get('t'));
  if (!pairs) return 1;
  let status = 0;
  for (const [from, to] of pairs) {
    if (!tryStat(ctx.proc, from, o.noDeref)) {
      ctx.stderr(`cp: cannot stat ${q(from)}: No such file or directory\n`);
      status = 1;
      continue;
    }
    if (tryStat(ctx.proc, from)?.type === 'dir' && o.recursive && sameOrInside(ctx.proc, from, to)) {
      ctx.stderr(`cp: cannot copy a directory, ${q(from)}, into itself, ${q(to)}\n`);
      status = 1;
      continue;
    }
    try {
      copyTree(ctx.proc, from, to, o, (s) => ctx.stdout(s));
    } catch (err) {
      if (err instanceof BudgetExceeded || err instanceof BrokenPipe) throw err;
      if (err instanceof CopyFail) ctx.stderr(`cp: ${err.message}\n`);
      else ctx.stderr(`cp: cannot create regular file ${q(to)}: ${errText(err)}\n`);
      status = 1;
    }
  }
  return status;
}

function mv(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('mv', ctx.argv.slice(1), {
      short: 'fivnuT',
      shortArg: 't',
      long: { force: 'f', verbose: 'v', 'no-clobber': 'n', 'target-directory=': 't', interactive: 'i' },
    });
  } catch (err) {
    return usage(ctx, 'mv', err);
  }
  const pairs = destinations(ctx, 'mv', p.operands, p.flags.get('t'));
  if (!pairs) return 1;
  let status = 0;
  for (const [from, to] of pairs) {
    const st = tryStat(ctx.proc, from, false);
    if (!st) {
      ctx.stderr(`mv: cannot stat ${q(from)}: No such file or directory\n`);
      status = 1;
      continue;
    }
    if (p.flags.has('n') && tryStat(ctx.proc, to, false)) continue;
    try {
      ctx.proc.rename(from, to);
    } catch (err) {
      if (!isKernelError(err, 'EXDEV')) {
        if (isKernelError(err, 'EINVAL'))
          ctx.stderr(`mv: cannot move ${q(from)} to a subdirectory of itself, ${q(to)}\n`);
        else ctx.stderr(`mv: cannot move ${q(from)} to ${q(to)}: ${errText(err)}\n`);
        status = 1;
        continue;
      }
      // EXDEV: copy everything, keeping owner, mode, times and xattrs, then remove the source.
      try {
        const dst = tryStat(ctx.proc, to, false);
        if (dst && dst.type === 'dir' && st.type === 'dir') removeTree(ctx.proc, to, () => {});
        copyTree(
          ctx.proc,
          from,
          to,
          {
            recursive: true,
            noDeref: true,
            preserve: true,
            xattrs: true,
            update: false,
            noClobber: false,
            verbose: p.flags.has('v'),
            moving: true,
          },
          ctx.stdout,
        );
        // GNU mv -v names each copy and each removal instead of one "renamed" line.
        const removed = p.flags.has('v')
          ? (path: string, dir: boolean) => ctx.stdout(`removed ${dir ? 'directory ' : ''}${q(path)}\n`)
          : undefined;
        const report = (path: string, e: unknown) => ctx.stderr(`mv: cannot remove ${q(path)}: ${errText(e)}\n`);
        if (!removeTree(ctx.proc, from, report, removed)) status = 1;
        continue;
      } catch (e) {
        ctx.stderr(`mv: cannot move ${q(from)} to ${q(to)}: ${e instanceof CopyFail ? e.message : errText(e)}\n`);
        status = 1;
        continue;
      }
    }
    if (p.flags.has('v')) ctx.stdout(`renamed ${q(from)} -> ${q(to)}\n`);
  }
  return status;
}

export const copyCommands: CommandSpec[] = [
  {
    name: 'cp',
    run: cp,
    summary: 'copy files and trees (-r -a -p -u -v)',
    flags: ['-r', '-R', '-a', '-p', '-u', '-v', '-f', '-n'],
  },
  { name: 'mv', run: mv, summary: 'move or rename (copies and deletes across filesystems)', flags: ['-f', '-n', '-v'] },
];
