// Small file commands: cat, touch, mkdir, rmdir, rm, ln, readlink, realpath, with coreutils'
// flags and messages.
import { busyboxUsage } from '../busybox/index.js';
import { isKernelError, moreOf, type Proc } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, usage } from '../options.js';
import { lq, q } from './format.js';
import { isBusybox } from '../busybox/formats.js';
import { tryStat } from './lookup.js';
import { basenameOf } from './names.js';

async function cat(ctx: CommandContext): Promise<number> {
  let p;
  try {
    p = parseOptions('cat', ctx.argv.slice(1), {
      short: 'nAbesETuv',
      long: { number: 'n', 'number-nonblank': 'b', 'show-all': 'A', 'show-ends': 'E' },
    });
  } catch (err) {
    return usage(ctx, 'cat', err);
  }
  const number = p.flags.has('n') || p.flags.has('b');
  const nonblank = p.flags.has('b');
  const ends = p.flags.has('E') || p.flags.has('A') || p.flags.has('e');
  const tabs = p.flags.has('T') || p.flags.has('A');
  let status = 0;
  let line = 1;
  let atStart = true;
  const text = new TextDecoder();
  // Each chunk as it is read; awaiting the write lets a pipe's reader keep up (and end cat early).
  const emit = async (chunk: Uint8Array): Promise<void> => {
    if (!number && !ends && !tabs) {
      await ctx.stdout(chunk);
      return;
    }
    let out = '';
    for (const ch of text.decode(chunk, { stream: true }).split(/(?<=\n)/)) {
      const blank = ch === '\n';
      if (number && atStart && !(nonblank && blank)) out += `${String(line++).padStart(6)}\t`;
      const shown = tabs ? ch.replace(/\t/g, '^I') : ch;
      out += ends ? shown.replace(/\n$/, '$\n') : shown;
      atStart = ch.endsWith('\n');
    }
    await ctx.stdout(out);
  };
  for (const op of p.operands.length ? p.operands : ['-']) {
    let data: Uint8Array;
    if (op === '-') {
      if (ctx.input) {
        for (let chunk = await ctx.input.read(); chunk; chunk = await ctx.input.read()) await emit(chunk);
        continue;
      }
      data = ctx.stdin;
    } else {
      try {
        data = ctx.proc.readFile(op);
      } catch (err) {
        ctx.stderr(`cat: ${op}: ${errText(err)}\n`);
        status = 1;
        continue;
      }
    }
    const more = moreOf(data);
    if (more) {
      // /dev/zero, /dev/urandom: they never end; a pipe's reader that exits, Ctrl-C or the line's
      // budget stops cat.
      for (let chunk = data; ; chunk = more()) {
        await emit(chunk);
        ctx.budget.check(false);
        await ctx.budget.pause();
      }
    }
    await emit(data);
  }
  return status;
}

function touch(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('touch', ctx.argv.slice(1), {
      short: 'acmh',
      shortArg: 'dtr',
      long: { 'no-create': 'c', 'date=': 'd', 'reference=': 'r', 'no-dereference': 'h' },
    });
  } catch (err) {
    return usage(ctx, 'touch', err);
  }
  if (p.operands.length === 0) {
    ctx.stderr("touch: missing file operand\nTry 'touch --help' for more information.\n");
    return 1;
  }
  let when = ctx.proc.kernel.clock.now();
  const d = p.flags.get('d');
  if (d !== undefined) {
    // `@1700000000` (seconds since the epoch, a fraction allowed), as date(1) reads it too.
    const epoch = /^@(-?\d+(\.\d+)?)$/.exec(d.trim());
    const t = epoch
      ? Math.round(Number(epoch[1]) * 1000)
      : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(d) ? d : `${d}${/\d:\d/.test(d) ? '' : ' 00:00'} UTC`);
    if (Number.isNaN(t)) {
      ctx.stderr(`touch: invalid date format ${q(d)}\n`);
      return 1;
    }
    when = t;
  }
  const ref = p.flags.get('r');
  if (ref !== undefined) {
    const st = tryStat(ctx.proc, ref);
    if (!st) {
      ctx.stderr(`touch: failed to get attributes of ${q(ref)}: No such file or directory\n`);
      return 1;
    }
    when = st.mtimeMs;
  }
  let status = 0;
  for (const f of p.operands) {
    try {
      if (!tryStat(ctx.proc, f, !p.flags.has('h'))) {
        if (p.flags.has('c')) continue;
        ctx.proc.open(f, { write: true, create: true });
      }
      const st = p.flags.has('h') ? ctx.proc.lstat(f) : ctx.proc.stat(f);
      ctx.proc.utimes(f, p.flags.has('m') ? st.atimeMs : when, p.flags.has('a') ? st.mtimeMs : when, !p.flags.has('h'));
    } catch (err) {
      ctx.stderr(`touch: cannot touch ${q(f)}: ${errText(err)}\n`);
      status = 1;
    }
  }
  return status;
}

function mkdirp(proc: Proc, path: string, mode: number): void {
  const parts = path.split('/');
  let cur = path.startsWith('/') ? '' : '.';
  for (const part of parts) {
    if (part === '') continue;
    cur = cur === '' ? `/${part}` : `${cur}/${part}`;
    const st = tryStat(proc, cur);
    if (st) {
      if (st.type !== 'dir') throw Object.assign(new Error('exists'), { notDir: cur });
      continue;
    }
    proc.mkdir(cur, mode);
  }
}

function mkdir(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('mkdir', ctx.argv.slice(1), {
      short: 'pv',
      shortArg: 'm',
      long: { parents: 'p', verbose: 'v', 'mode=': 'm' },
    });
  } catch (err) {
    return usage(ctx, 'mkdir', err);
  }
  if (p.operands.length === 0) {
    ctx.stderr("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    return 1;
  }
  const m = p.flags.get('m');
  if (m !== undefined && !/^[0-7]{1,4}$/.test(m)) {
    ctx.stderr(`mkdir: invalid mode ${q(m)}\n`);
    return 1;
  }
  let status = 0;
  for (const d of p.operands) {
    try {
      if (p.flags.has('p')) mkdirp(ctx.proc, d, 0o777);
      else ctx.proc.mkdir(d, 0o777);
      if (m !== undefined) ctx.proc.chmod(d, parseInt(m, 8));
      if (p.flags.has('v')) ctx.stdout(`mkdir: created directory ${q(d)}\n`);
    } catch (err) {
      const notDir = (err as { notDir?: string }).notDir;
      if (notDir !== undefined) ctx.stderr(`mkdir: cannot create directory ${lq(d)}: Not a directory\n`);
      else ctx.stderr(`mkdir: cannot create directory ${lq(d)}: ${errText(err)}\n`);
      status = 1;
    }
  }
  return status;
}

function rmdir(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('rmdir', ctx.argv.slice(1), {
      short: 'pv',
      long: { parents: 'p', verbose: 'v', 'ignore-fail-on-non-empty': 'i' },
    });
  } catch (err) {
    return usage(ctx, 'rmdir', err);
  }
  if (p.operands.length === 0) {
    ctx.stderr("rmdir: missing operand\nTry 'rmdir --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const op of p.operands) {
    // -p: the directory, then each parent named in the operand (a/b/c, a/b, a), until one fails.
    let d = op.replace(/\/+$/, '') || '/';
    for (;;) {
      try {
        ctx.proc.rmdir(d);
      } catch (err) {
        if (isKernelError(err, 'ENOTEMPTY') && p.flags.has('i')) break;
        ctx.stderr(`rmdir: failed to remove ${q(d)}: ${errText(err)}\n`);
        status = 1;
        break;
      }
      const at = d.lastIndexOf('/');
      // GNU stops at the operand's first name; busybox goes on to / itself (and fails there).
      if (!p.flags.has('p') || at < 0 || d === '/' || (at === 0 && !isBusybox(ctx))) break;
      d = d.slice(0, at).replace(/\/+$/, '') || '/';
    }
  }
  return status;
}

/** Removes a tree depth-first; reports each failure as rm does. */
export function removeTree(
  proc: Proc,
  path: string,
  report: (path: string, err: unknown) => void,
  removed?: (path: string, dir: boolean) => void,
): boolean {
  const st = tryStat(proc, path, false);
  if (!st) return true;
  if (st.type !== 'dir') {
    try {
      proc.unlink(path);
      removed?.(path, false);
      return true;
    } catch (err) {
      report(path, err);
      return false;
    }
  }
  let ok = true;
  for (const e of proc.readdir(path))
    ok = removeTree(proc, `${path.replace(/\/+$/, '')}/${e.name}`, report, removed) && ok;
  if (!ok) return false;
  try {
    proc.rmdir(path);
    removed?.(path, true);
    return true;
  } catch (err) {
    report(path, err);
    return false;
  }
}

function rm(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('rm', ctx.argv.slice(1), {
      short: 'rRfidv',
      long: { recursive: 'r', force: 'f', dir: 'd', verbose: 'v', interactive: 'i' },
    });
  } catch (err) {
    return usage(ctx, 'rm', err);
  }
  const force = p.flags.has('f');
  const recursive = p.flags.has('r') || p.flags.has('R');
  if (p.operands.length === 0) {
    if (force) return 0;
    ctx.stderr("rm: missing operand\nTry 'rm --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const f of p.operands) {
    const b = basenameOf(f);
    if (b === '.' || b === '..') {
      ctx.stderr(`rm: refusing to remove '.' or '..' directory: skipping ${q(f)}\n`);
      status = 1;
      continue;
    }
    if (f.replace(/\/+$/, '') === '' && f.startsWith('/')) {
      ctx.stderr(
        "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n",
      );
      status = 1;
      continue;
    }
    const st = tryStat(ctx.proc, f, false);
    if (!st) {
      // A name behind a directory it may not search (EACCES) is no missing one, even with -f.
      const why = statError(ctx.proc, f);
      if (why !== undefined) {
        ctx.stderr(
          ctx.variant?.kind === 'busybox' ? `rm: can't stat '${f}': ${why}\n` : `rm: cannot remove ${q(f)}: ${why}\n`,
        );
        status = 1;
      } else if (!force) {
        ctx.stderr(`rm: cannot remove ${q(f)}: No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    if (st.type === 'dir' && !recursive) {
      if (p.flags.has('d')) {
        try {
          ctx.proc.rmdir(f);
        } catch (err) {
          ctx.stderr(`rm: cannot remove ${q(f)}: ${errText(err)}\n`);
          status = 1;
        }
        continue;
      }
      ctx.stderr(`rm: cannot remove ${q(f)}: Is a directory\n`);
      status = 1;
      continue;
    }
    const ok = removeTree(ctx.proc, f, (path, err) => ctx.stderr(`rm: cannot remove ${q(path)}: ${errText(err)}\n`));
    if (!ok) status = 1;
    else if (p.flags.has('v')) ctx.stdout(st.type === 'dir' ? `removed directory ${q(f)}\n` : `removed ${q(f)}\n`);
  }
  return status;
}

function ln(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('ln', ctx.argv.slice(1), {
      short: 'sfnvrT',
      long: { symbolic: 's', force: 'f', 'no-dereference': 'n', verbose: 'v' },
    });
  } catch (err) {
    return usage(ctx, 'ln', err);
  }
  const ops = p.operands;
  const [first] = ops;
  const last = ops.at(-1);
  if (first === undefined || last === undefined) {
    ctx.stderr("ln: missing file operand\nTry 'ln --help' for more information.\n");
    return 1;
  }
  let pairs: [string, string][];
  const lastSt =
    ops.length > 1 && !p.flags.has('n')
      ? tryStat(ctx.proc, last)
      : p.flags.has('n')
        ? tryStat(ctx.proc, last, false)
        : undefined;
  if (ops.length === 1) pairs = [[last, basenameOf(last)]];
  else if (lastSt?.type === 'dir')
    pairs = ops.slice(0, -1).map((s) => [s, `${last.replace(/\/+$/, '')}/${basenameOf(s)}`]);
  else if (ops.length === 2) pairs = [[first, last]];
  else {
    ctx.stderr(`ln: target ${q(last)} is not a directory\n`);
    return 1;
  }
  let status = 0;
  for (const [src, dst] of pairs) {
    try {
      if (p.flags.has('f') && tryStat(ctx.proc, dst, false)) {
        if (tryStat(ctx.proc, dst, false)?.type === 'dir') throw Object.assign(new Error(), { isDir: true });
        ctx.proc.unlink(dst);
      }
      if (p.flags.has('s')) ctx.proc.symlink(src, dst);
      else ctx.proc.link(src, dst);
      if (p.flags.has('v')) ctx.stdout(`${q(dst)} -> ${q(src)}\n`);
    } catch (err) {
      if ((err as { isDir?: boolean }).isDir) ctx.stderr(`ln: ${q(dst)}: cannot overwrite directory\n`);
      else if (isKernelError(err, 'EEXIST'))
        ctx.stderr(`ln: failed to create ${p.flags.has('s') ? 'symbolic' : 'hard'} link ${q(dst)}: File exists\n`);
      else if (!p.flags.has('s') && isKernelError(err) && !tryStat(ctx.proc, src, false))
        ctx.stderr(`ln: failed to access ${q(src)}: ${errText(err)}\n`);
      else
        ctx.stderr(
          'ln: failed to create ' +
            `${p.flags.has('s') ? 'symbolic' : 'hard'} link ${q(dst)}` +
            `${p.flags.has('s') ? '' : ` => ${q(src)}`}: ${errText(err)}` +
            '\n',
        );
      status = 1;
    }
  }
  return status;
}

/** realpath(3) that tolerates a missing last component (-f) or any missing part (-m). */
function canonicalize(proc: Proc, path: string, mode: 'e' | 'f' | 'm', depth = 0): string | null {
  try {
    return proc.realpath(path);
  } catch (err) {
    if (mode === 'e') return null;
    const trimmed = path.replace(/\/+$/, '');
    const i = trimmed.lastIndexOf('/');
    const dir = i < 0 ? '.' : i === 0 ? '/' : trimmed.slice(0, i);
    const base = trimmed.slice(i + 1);
    if (mode === 'f' && !isKernelError(err, 'ENOENT')) return null;
    // A dangling link as the last name: where it points, as far as that goes (readlink -f of a
    // link to /nonexistent is /nonexistent). Forty links deep is a loop, as the kernel counts.
    const link = tryStat(proc, trimmed, false);
    if (link?.type === 'symlink' && depth < 40) {
      const target = proc.readlink(trimmed);
      return canonicalize(proc, target.startsWith('/') ? target : `${dir}/${target}`, mode, depth + 1);
    }
    const parent =
      mode === 'm'
        ? canonicalize(proc, dir, 'm')
        : (() => {
            try {
              return proc.realpath(dir);
            } catch {
              return null;
            }
          })();
    if (parent === null) return null;
    if (base === '..') return parent.replace(/\/[^/]*$/, '') || '/';
    if (base === '.' || base === '') return parent;
    return parent === '/' ? `/${base}` : `${parent}/${base}`;
  }
}

function readlinkCmd(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('readlink', ctx.argv.slice(1), {
      short: 'femnqsvz',
      long: { canonicalize: 'f', 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', 'no-newline': 'n' },
    });
  } catch (err) {
    return usage(ctx, 'readlink', err);
  }
  // busybox's readlink takes exactly one FILE (getopt32's "=1"): else its usage.
  if (ctx.variant?.kind === 'busybox' && p.operands.length !== 1) {
    ctx.stderr(busyboxUsage(ctx, 'readlink', ctx.variant.binary) ?? '');
    return 1;
  }
  if (p.operands.length === 0) {
    ctx.stderr("readlink: missing operand\nTry 'readlink --help' for more information.\n");
    return 1;
  }
  const mode = p.flags.has('f') ? 'f' : p.flags.has('e') ? 'e' : p.flags.has('m') ? 'm' : null;
  let status = 0;
  for (const op of p.operands) {
    let r: string | null;
    if (mode) r = canonicalize(ctx.proc, op, mode);
    else {
      try {
        r = ctx.proc.readlink(op);
      } catch {
        r = null;
      }
    }
    if (r === null) status = 1;
    else ctx.stdout(p.flags.has('n') && p.operands.length === 1 ? r : `${r}\n`);
  }
  return status;
}

function realpathCmd(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('realpath', ctx.argv.slice(1), {
      short: 'emsqz',
      long: { 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', quiet: 'q' },
    });
  } catch (err) {
    return usage(ctx, 'realpath', err);
  }
  if (p.operands.length === 0) {
    ctx.stderr("realpath: missing operand\nTry 'realpath --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const op of p.operands) {
    const r = canonicalize(ctx.proc, op, p.flags.has('e') ? 'e' : p.flags.has('m') ? 'm' : 'f');
    if (r === null) {
      let text = 'No such file or directory';
      try {
        ctx.proc.realpath(op);
      } catch (err) {
        text = errText(err);
      }
      if (!p.flags.has('q')) ctx.stderr(`realpath: ${op}: ${text}\n`);
      status = 1;
    } else ctx.stdout(`${r}\n`);
  }
  return status;
}

export const fileCommands: CommandSpec[] = [
  {
    name: 'cat',
    run: cat,
    summary: 'print files (-n numbers lines)',
    flags: ['-n', '-b', '-A', '-E'],
    streaming: true,
  },
  {
    name: 'touch',
    run: touch,
    summary: 'create files or set their times (-c -d -r)',
    flags: ['-a', '-c', '-d', '-m', '-r'],
  },
  { name: 'mkdir', run: mkdir, summary: 'make directories (-p -m MODE)', flags: ['-p', '-m', '-v'] },
  { name: 'rmdir', run: rmdir, summary: 'remove empty directories', flags: ['-p', '-v'] },
  { name: 'rm', run: rm, summary: 'remove files or trees (-r -f)', flags: ['-r', '-f', '-d', '-v'] },
  { name: 'ln', run: ln, summary: 'make hard links, or symbolic links with -s', flags: ['-s', '-f', '-n', '-v'] },
  {
    name: 'readlink',
    run: readlinkCmd,
    summary: 'print a symlink target, or the canonical path (-f)',
    flags: ['-f', '-e', '-m', '-n'],
  },
  { name: 'realpath', run: realpathCmd, summary: 'print the resolved absolute path', flags: ['-e', '-m', '-q'] },
];

/** Why lstat fails, unless the name is only missing (ENOENT). */
function statError(proc: CommandContext['proc'], path: string): string | undefined {
  try {
    proc.lstat(path);
    return undefined;
  } catch (err) {
    return isKernelError(err) && err.code !== 'ENOENT' ? err.text : undefined;
  }
}
