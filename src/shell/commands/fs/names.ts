// dirname and basename: string operations on path names, as GNU coreutils does them (no file is
// looked at). Scripts use them to climb from a layer's diff/ to its directory.
import type { CommandContext, CommandSpec } from '../../command.js';

/** POSIX dirname: strip trailing slashes, the last component, then trailing slashes again. */
export function dirnameOf(path: string): string {
  let p = path.replace(/\/+$/, '');
  if (p === '') return path.startsWith('/') ? '/' : '.';
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  p = p.slice(0, i).replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

export function basenameOf(path: string, suffix = ''): string {
  const p = path.replace(/\/+$/, '');
  if (p === '') return path.startsWith('/') ? '/' : '';
  const base = p.slice(p.lastIndexOf('/') + 1);
  return suffix && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

function missing(ctx: CommandContext, name: string): number {
  ctx.stderr(`${name}: missing operand\nTry '${name} --help' for more information.\n`);
  return 1;
}

function dirname(ctx: CommandContext): number {
  const args = ctx.argv.slice(1).filter((a) => a !== '--');
  const zero = args.includes('-z') || args.includes('--zero');
  const names = args.filter((a) => a !== '-z' && a !== '--zero');
  if (names.length === 0) return missing(ctx, 'dirname');
  for (const n of names) ctx.stdout(`${dirnameOf(n)}${zero ? '\0' : '\n'}`);
  return 0;
}

function basename(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let multiple = false;
  let suffix = '';
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-a' || a === '--multiple') multiple = true;
    else if (a === '-s') {
      suffix = args[++i] ?? '';
      multiple = true;
    } else if (a.startsWith('--suffix=')) {
      suffix = a.slice(9);
      multiple = true;
    } else names.push(a);
  }
  const [name, nameSuffix = ''] = names;
  if (name === undefined) return missing(ctx, 'basename');
  if (!multiple) {
    if (names.length > 2) {
      ctx.stderr(`basename: extra operand '${names[2]}'\nTry 'basename --help' for more information.\n`);
      return 1;
    }
    ctx.stdout(`${basenameOf(name, nameSuffix)}\n`);
    return 0;
  }
  for (const n of names) ctx.stdout(`${basenameOf(n, suffix)}\n`);
  return 0;
}

export const nameCommands: CommandSpec[] = [
  { name: 'dirname', run: dirname, summary: 'strip the last component from a file name', flags: ['-z'] },
  { name: 'basename', run: basename, summary: 'strip directory and suffix from a file name', flags: ['-a', '-s'] },
];
