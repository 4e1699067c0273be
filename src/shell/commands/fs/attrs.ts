// chmod (octal and symbolic modes, -R), chown/chgrp (names from /etc/passwd and /etc/group, -R, -h)
// and mknod (how articles make a whiteout by hand: mknod f c 0 0).
import { isKernelError, S_IFCHR, S_IFBLK, S_IFIFO, makedev, type Proc } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, usage } from '../options.js';
import { q } from './format.js';
import { tryStat } from './lookup.js';

const dec = new TextDecoder();

/** Applies a chmod mode string (`755`, `u+x,go-w`, `a=r`) to an old mode. */
export function applyMode(spec: string, old: number, isDir: boolean, umask = 0o022): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = old & 0o7777;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*|[ugo])$/.exec(clause);
    if (!m) return null;
    const who = m[1] || 'a';
    const useUmask = m[1] === '';
    let bits = 0;
    const perms = m[3] ?? '';
    if (/^[ugo]$/.test(perms)) {
      const shift = { u: 6, g: 3, o: 0 }[perms as 'u'];
      const v = (old >> shift) & 7;
      bits = (v << 6) | (v << 3) | v;
    } else {
      for (const p of perms) {
        if (p === 'r') bits |= 0o444;
        if (p === 'w') bits |= 0o222;
        if (p === 'x' || (p === 'X' && (isDir || old & 0o111))) bits |= 0o111;
        if (p === 's') bits |= 0o6000;
        if (p === 't') bits |= 0o1000;
      }
    }
    let mask = 0;
    if (who.includes('u') || who.includes('a')) mask |= 0o4700;
    if (who.includes('g') || who.includes('a')) mask |= 0o2070;
    if (who.includes('o') || who.includes('a')) mask |= 0o1007;
    let eff = bits & mask;
    if (useUmask) eff &= ~umask;
    if (m[2] === '+') mode |= eff;
    else if (m[2] === '-') mode &= ~eff;
    else mode = (mode & ~mask) | eff;
  }
  return mode;
}

function walk(proc: Proc, path: string, recursive: boolean, fn: (p: string) => void): void {
  fn(path);
  if (!recursive) return;
  const st = tryStat(proc, path, false);
  if (st?.type !== 'dir') return;
  for (const e of proc.readdir(path)) walk(proc, `${path.replace(/\/+$/, '')}/${e.name}`, true, fn);
}

function chmod(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let recursive = false;
  const rest: string[] = [];
  for (const a of args) {
    if (a === '-R' || a === '--recursive') recursive = true;
    else if (a === '-v' || a === '-f' || a === '-c') continue;
    else rest.push(a);
  }
  const [spec, ...files] = rest;
  if (spec === undefined || files.length === 0) {
    ctx.stderr(
      'chmod: missing operand' +
        `${spec === undefined ? '' : ` after ${q(spec)}`}\n` +
        "Try 'chmod --help' for more information.\n",
    );
    return 1;
  }
  let status = 0;
  for (const f of files) {
    try {
      walk(ctx.proc, f, recursive, (p) => {
        const st = ctx.proc.stat(p);
        const mode = applyMode(spec, st.mode, st.type === 'dir', ctx.proc.umask);
        if (mode === null) throw Object.assign(new Error(), { badMode: true });
        try {
          ctx.proc.chmod(p, mode);
        } catch (err) {
          // The file was found; chmod(2) itself failed (EROFS, EPERM): coreutils says so.
          throw Object.assign(new Error(), { changing: p, cause: err });
        }
      });
    } catch (err) {
      if ((err as { badMode?: boolean }).badMode) {
        ctx.stderr(`chmod: invalid mode: ${q(spec)}\nTry 'chmod --help' for more information.\n`);
        return 1;
      }
      const changing = (err as { changing?: string; cause?: unknown }).changing;
      if (changing !== undefined)
        ctx.stderr(`chmod: changing permissions of ${q(changing)}: ${errText((err as { cause: unknown }).cause)}\n`);
      else ctx.stderr(`chmod: cannot access ${q(f)}: ${errText(err)}\n`);
      status = 1;
    }
  }
  return status;
}

function lookupId(proc: Proc, file: string, name: string): number | null {
  if (/^\d+$/.test(name)) return Number(name);
  try {
    for (const line of dec.decode(proc.readFile(file)).split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f[2] !== undefined) return Number(f[2]);
    }
  } catch {
    // no table: only numeric ids work
  }
  return null;
}

function chownLike(group: boolean): (ctx: CommandContext) => number {
  const name = group ? 'chgrp' : 'chown';
  return (ctx) => {
    let p;
    try {
      p = parseOptions(name, ctx.argv.slice(1), { short: 'Rhvfc', long: { recursive: 'R', 'no-dereference': 'h' } });
    } catch (err) {
      return usage(ctx, name, err);
    }
    const [spec, ...files] = p.operands;
    if (spec === undefined || files.length === 0) {
      ctx.stderr(
        `${name}: missing operand` +
          `${spec === undefined ? '' : ` after ${q(spec)}`}\n` +
          `Try '${name} --help' for more information.\n`,
      );
      return 1;
    }
    const [userPart, groupPart] = group ? ['', spec] : (spec.split(/[:.]/) as [string, string | undefined]);
    const uid = userPart ? lookupId(ctx.proc, '/etc/passwd', userPart) : -1;
    const gid = groupPart ? lookupId(ctx.proc, '/etc/group', groupPart) : -1;
    if (uid === null || gid === null) {
      ctx.stderr(`${name}: invalid ${uid === null ? 'user' : 'group'}: ${q(spec)}\n`);
      return 1;
    }
    let status = 0;
    for (const f of files) {
      try {
        walk(ctx.proc, f, p.flags.has('R'), (path) => {
          const st = ctx.proc.lstat(path);
          ctx.proc.chown(path, uid < 0 ? st.uid : uid, gid < 0 ? st.gid : gid, !p.flags.has('h'));
        });
      } catch (err) {
        // The name was there but its owner could not change (EPERM, EROFS): GNU says which change.
        const found = isKernelError(err) && ['EPERM', 'EROFS'].includes(err.code);
        const what = found ? `changing ${group ? 'group' : 'ownership'} of` : 'cannot access';
        ctx.stderr(`${name}: ${what} ${q(f)}: ${errText(err)}\n`);
        status = 1;
      }
    }
    return status;
  };
}

function mknod(ctx: CommandContext): number {
  const args = ctx.argv.slice(1).filter((a) => !a.startsWith('-m'));
  const [path, type, maj, min] = args;
  if (path === undefined || type === undefined) {
    ctx.stderr(
      'mknod: missing operand' +
        `${path === undefined ? '' : ` after ${q(path)}`}\n` +
        "Try 'mknod --help' for more information.\n",
    );
    return 1;
  }
  const kind = type === 'p' ? S_IFIFO : type === 'b' ? S_IFBLK : type === 'c' || type === 'u' ? S_IFCHR : -1;
  if (kind < 0 || (kind !== S_IFIFO && (maj === undefined || min === undefined))) {
    ctx.stderr(
      'mknod: ' +
        `${kind < 0 ? `invalid device type ${q(type)}` : `missing operand after ${q(type)}`}` +
        '\n' +
        "Try 'mknod --help' for more information.\n",
    );
    return 1;
  }
  try {
    ctx.proc.mknod(path, kind | 0o666, kind === S_IFIFO ? 0 : makedev(Number(maj), Number(min)));
  } catch (err) {
    ctx.stderr(`mknod: ${path}: ${errText(err)}\n`);
    return 1;
  }
  return 0;
}

export const attrCommands: CommandSpec[] = [
  { name: 'chmod', run: chmod, summary: 'change permission bits (755, u+x, -R)', flags: ['-R'] },
  { name: 'chown', run: chownLike(false), summary: 'change owner[:group] (-R -h)', flags: ['-R', '-h'] },
  { name: 'chgrp', run: chownLike(true), summary: 'change group (-R -h)', flags: ['-R', '-h'] },
  { name: 'mknod', run: mknod, summary: 'make a device node: mknod NAME c 0 0 is a whiteout', flags: [] },
];
