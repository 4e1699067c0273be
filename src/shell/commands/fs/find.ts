// find ([-P|-H|-L] paths, -type -name -iname -path -maxdepth -mindepth -xdev -inum -samefile -links -uid -gid
// -user -group -perm -executable -newer -empty -size, ! -o -a ( ), -print -print0 -printf -prune
// -quit -exec … {} \; and +; GNU findutils 4.9's, or busybox's where its words differ) and tree
// (-L -a -d, the "N directories, M files" footer). -exec runs in the caller's root (a container's).
import { isKernelError, type Stat } from '../../../kernel/index.js';
import { shellQuote } from '../../../posix/shell-quote.js';
import { type CommandContext, type CommandSpec, childLineOptions } from '../../command.js';
import { compareNames, matchPattern } from '../../bash/glob.js';
import { errText } from '../options.js';
import { isBusybox } from '../busybox/formats.js';
import { applyMode } from './attrs.js';
import { lq, modeString, Names, q } from './format.js';
import { tryStat } from './lookup.js';

type Node =
  | { k: 'test'; fn: (path: string, st: Stat, depth: number) => boolean }
  | { k: 'not'; a: Node }
  | { k: 'and' | 'or'; a: Node; b: Node }
  | { k: 'print' }
  /** -print0 and -printf: what to write for the file (start: the starting point it was found under). */
  | { k: 'out'; fn: (path: string, st: Stat, depth: number, start: string) => string }
  | { k: 'prune' }
  | { k: 'quit' }
  | { k: 'exec'; argv: string[]; plus: boolean };

class FindError extends Error {}

function parseExpr(
  args: string[],
  ctx: CommandContext,
  opts: { maxdepth: number; mindepth: number; xdev: boolean; follow: boolean },
  actions: { has: boolean; execs: Extract<Node, { k: 'exec' }>[] },
): Node | null {
  let i = 0;
  const need = (name: string): string => {
    const v = args[++i];
    if (v === undefined) throw new FindError(`missing argument to \`${name}'`);
    return v;
  };
  const primary = (): Node => {
    const a = args[i];
    if (a === undefined) throw new FindError(`expected an expression after '${args[i - 1] ?? ''}'`);
    switch (a) {
      case '(': {
        i++;
        const n = or();
        if (args[i] !== ')')
          throw new FindError("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
        i++;
        return n;
      }
      case '!':
      case '-not':
        i++;
        return { k: 'not', a: primary() };
      case '-name':
      case '-iname': {
        const pat = need(a);
        i++;
        return {
          k: 'test',
          fn: (p) =>
            a === '-iname' ? matchPattern(pat.toLowerCase(), base(p).toLowerCase()) : matchPattern(pat, base(p)),
        };
      }
      case '-path':
      case '-wholename': {
        const pat = need(a);
        i++;
        return { k: 'test', fn: (p) => matchPattern(pat, p) };
      }
      case '-type': {
        const t = need(a);
        const map: Record<string, Stat['type']> = {
          f: 'file',
          d: 'dir',
          l: 'symlink',
          c: 'chr',
          b: 'blk',
          p: 'fifo',
          s: 'sock',
        };
        const types = t.split(',').map((x) => map[x]);
        if (types.some((x) => x === undefined)) throw new FindError(`Unknown argument to -type: ${t}`);
        i++;
        return { k: 'test', fn: (_p, st) => types.includes(st.type) };
      }
      case '-maxdepth':
      case '-mindepth': {
        const v = need(a);
        if (!/^\d+$/.test(v))
          throw new FindError(`Expected a positive decimal integer argument to ${a}, but got ${q(v)}`);
        if (a === '-maxdepth') opts.maxdepth = Number(v);
        else opts.mindepth = Number(v);
        i++;
        return { k: 'test', fn: () => true };
      }
      case '-xdev':
      case '-mount':
        opts.xdev = true;
        i++;
        return { k: 'test', fn: () => true };
      case '-follow':
        // The old spelling of -L: it follows every link, wherever it stands in the expression.
        opts.follow = true;
        i++;
        return { k: 'test', fn: () => true };
      case '-inum':
      case '-links':
      case '-uid':
      case '-gid': {
        const v = need(a);
        const m = /^([+-]?)(\d+)$/.exec(v);
        if (!m) throw new FindError(`invalid argument ${lq(v)} to ${lq(a)}`);
        const n = Number(m[2]);
        const of = (st: Stat): number =>
          a === '-inum' ? st.ino : a === '-links' ? st.nlink : a === '-uid' ? st.uid : st.gid;
        i++;
        return { k: 'test', fn: (_p, st) => (m[1] === '+' ? of(st) > n : m[1] === '-' ? of(st) < n : of(st) === n) };
      }
      case '-user':
      case '-group': {
        const v = need(a);
        const kind = a === '-user' ? 'user' : 'group';
        const id = new Names(ctx.proc).idOf(kind, v) ?? (/^\d+$/.test(v) ? Number(v) : undefined);
        if (id === undefined)
          throw new FindError(
            isBusybox(ctx) ? `unknown ${kind} '${v}'` : `${lq(v)} is not the name of a known ${kind}`,
          );
        i++;
        return { k: 'test', fn: (_p, st) => (kind === 'user' ? st.uid : st.gid) === id };
      }
      case '-perm': {
        const v = need(a);
        const m = /^([-/+]?)(.+)$/.exec(v);
        // A symbolic mode (u+w, -g=r) is applied to 0, as findutils does, without the umask.
        const want = m ? applyMode(m[2] ?? '', 0, false, 0) : null;
        if (!m || want === null || (m[1] === '+' && !isBusybox(ctx))) throw new FindError(`invalid mode ${lq(v)}`);
        i++;
        return {
          k: 'test',
          fn: (_p, st) => {
            const have = st.mode & 0o7777;
            if (m[1] === '-') return (have & want) === want;
            if (m[1] === '/' || m[1] === '+') return want === 0 || (have & want) !== 0;
            return have === want;
          },
        };
      }
      case '-executable':
        i++;
        return { k: 'test', fn: (_p, st) => st.type === 'dir' || (st.mode & 0o111) !== 0 };
      case '-samefile':
      case '-newer': {
        const ref = need(a);
        const st = tryStat(ctx.proc, ref, a === '-newer');
        if (!st)
          throw new FindError(
            isBusybox(ctx) ? `can't stat '${ref}': No such file or directory` : `${lq(ref)}: No such file or directory`,
          );
        i++;
        if (a === '-samefile') return { k: 'test', fn: (_p, s) => s.ino === st.ino && s.dev === st.dev };
        return { k: 'test', fn: (_p, s) => s.mtimeMs > st.mtimeMs };
      }
      case '-print0':
        i++;
        actions.has = true;
        return { k: 'out', fn: (p) => `${p}\0` };
      case '-printf': {
        if (isBusybox(ctx)) throw new FindError(`unknown predicate \`${a}'`);
        const fmt = need(a);
        i++;
        actions.has = true;
        const names = new Names(ctx.proc);
        return { k: 'out', fn: (p, st, depth, start) => printf(fmt, p, st, depth, start, names, ctx) };
      }
      case '-prune':
        i++;
        return { k: 'prune' };
      case '-quit':
        i++;
        actions.has = true;
        return { k: 'quit' };
      case '-empty':
        i++;
        return {
          k: 'test',
          fn: (p, st) => (st.type === 'dir' ? ctx.proc.readdir(p).length === 0 : st.type === 'file' && st.size === 0),
        };
      case '-size': {
        const v = need(a);
        const m = /^([+-]?)(\d+)([ckMGb]?)$/.exec(v);
        if (!m) throw new FindError(`Invalid argument \`${v}' to -size`);
        const unit = { c: 1, k: 1024, M: 1048576, G: 1073741824, b: 512, '': 512 }[m[3] as 'c'];
        const n = Number(m[2]);
        i++;
        return {
          k: 'test',
          fn: (_p, st) => {
            const s = Math.ceil(st.size / unit);
            return m[1] === '+' ? s > n : m[1] === '-' ? s < n : s === n;
          },
        };
      }
      case '-true':
        i++;
        return { k: 'test', fn: () => true };
      case '-false':
        i++;
        return { k: 'test', fn: () => false };
      case '-print':
        i++;
        actions.has = true;
        return { k: 'print' };
      case '-exec': {
        const argv: string[] = [];
        i++;
        while (i < args.length && args[i] !== ';' && !(args[i] === '+' && args[i - 1] === '{}'))
          argv.push(args[i++] ?? '');
        if (i >= args.length || argv.length === 0) throw new FindError("missing argument to `-exec'");
        const plus = args[i] === '+';
        i++;
        actions.has = true;
        const node: Extract<Node, { k: 'exec' }> = { k: 'exec', argv, plus };
        if (plus) actions.execs.push(node);
        return node;
      }
      default:
        if (a.startsWith('-')) throw new FindError(`unknown predicate \`${a}'`);
        throw new FindError(`paths must precede expression: \`${a}'`);
    }
  };
  const and = (): Node => {
    let n = primary();
    while (i < args.length && args[i] !== '-o' && args[i] !== '-or' && args[i] !== ')') {
      if (args[i] === '-a' || args[i] === '-and') i++;
      n = { k: 'and', a: n, b: primary() };
    }
    return n;
  };
  const or = (): Node => {
    let n = and();
    while (args[i] === '-o' || args[i] === '-or') {
      i++;
      n = { k: 'or', a: n, b: and() };
    }
    return n;
  };
  if (args.length === 0) return null;
  const n = or();
  if (i < args.length) throw new FindError(`unexpected extra predicate '${args[i]}'`);
  return n;
}

/** GNU find's -printf: the directives a learner reaches for, with printf's widths (%-10p). */
function printf(
  fmt: string,
  p: string,
  st: Stat,
  depth: number,
  start: string,
  names: Names,
  ctx: CommandContext,
): string {
  const TYPE: Record<Stat['type'], string> = {
    file: 'f',
    dir: 'd',
    symlink: 'l',
    chr: 'c',
    blk: 'b',
    fifo: 'p',
    sock: 's',
  };
  const field = (d: string): string | undefined => {
    switch (d) {
      case 'p':
        return p;
      case 'P':
        return p === start ? '' : p.slice(start.endsWith('/') ? start.length : start.length + 1);
      case 'f':
        return base(p);
      case 'h': {
        const t = p.replace(/\/+$/, '');
        const at = t.lastIndexOf('/');
        return at < 0 ? '.' : at === 0 ? '/' : t.slice(0, at);
      }
      case 'H':
        return start;
      case 'd':
        return String(depth);
      case 's':
        return String(st.size);
      case 'n':
        return String(st.nlink);
      case 'i':
        return String(st.ino);
      case 'm':
        return (st.mode & 0o7777).toString(8);
      case 'M':
        return modeString(st);
      case 'u':
        return names.user(st.uid);
      case 'g':
        return names.group(st.gid);
      case 'U':
        return String(st.uid);
      case 'G':
        return String(st.gid);
      case 'y':
        return TYPE[st.type];
      case 'Y':
        return TYPE[st.type === 'symlink' ? (tryStat(ctx.proc, p)?.type ?? 'symlink') : st.type];
      case 'l':
        return st.type === 'symlink' ? ctx.proc.readlink(p) : '';
      case 'b':
        return String(st.blocks);
      case 'k':
        return String(Math.ceil(st.blocks / 2));
      case 'D':
        return String(st.dev);
      case 'T@':
        return (st.mtimeMs / 1000).toFixed(10);
      default:
        return undefined;
    }
  };
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt.charAt(i);
    if (c === '\\' && i + 1 < fmt.length) {
      const n = fmt.charAt(++i);
      out += ({ n: '\n', t: '\t', '0': '\0', '\\': '\\', a: '\x07', r: '\r' } as Record<string, string>)[n] ?? `\\${n}`;
      continue;
    }
    if (c !== '%' || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const m = /^(-?)(\d*)(T@|.)/.exec(fmt.slice(i + 1));
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length;
    if (m[3] === '%') {
      out += '%';
      continue;
    }
    const v = field(m[3] ?? '');
    if (v === undefined) {
      out += `%${m[3]}`;
      continue;
    }
    const w = Number(m[2] || 0);
    out += m[1] ? v.padEnd(w) : v.padStart(w);
  }
  return out;
}

function base(p: string): string {
  const t = p.replace(/\/+$/, '');
  return t === '' ? '/' : t.slice(t.lastIndexOf('/') + 1);
}

async function find(ctx: CommandContext): Promise<number> {
  let args = ctx.argv.slice(1);
  // -P (the default: never follow a symlink), -H (follow the starting points), -L (follow all):
  // options before the paths; the last one wins, as in findutils and busybox.
  let follow: 'P' | 'H' | 'L' = 'P';
  while (args[0] === '-P' || args[0] === '-H' || args[0] === '-L') {
    follow = args[0].charAt(1) as 'P' | 'H' | 'L';
    args = args.slice(1);
  }
  let k = 0;
  while (k < args.length && !(args[k] ?? '').startsWith('-') && args[k] !== '!' && args[k] !== '(') k++;
  const paths = args.slice(0, k);
  const opts = { maxdepth: Infinity, mindepth: 0, xdev: false, follow: false };
  const actions = { has: false, execs: [] as Extract<Node, { k: 'exec' }>[] };
  let expr: Node | null;
  try {
    expr = parseExpr(args.slice(k), ctx, opts, actions);
  } catch (err) {
    if (!(err instanceof FindError)) throw err;
    ctx.stderr(`find: ${err.message}\n`);
    return 1;
  }
  if (opts.follow) follow = 'L';
  let status = 0;
  const pending = new Map<Extract<Node, { k: 'exec' }>, string[]>();
  const run = async (argv: string[]): Promise<number> =>
    ctx.shell.runLine(argv.map(shellQuote).join(' '), ctx, childLineOptions(ctx));
  let start = '.';
  let pruned = false;
  let quit = false;
  const evaluate = async (n: Node, p: string, st: Stat, depth: number): Promise<boolean> => {
    switch (n.k) {
      case 'test':
        return n.fn(p, st, depth);
      case 'not':
        return !(await evaluate(n.a, p, st, depth));
      case 'and':
        return (await evaluate(n.a, p, st, depth)) && evaluate(n.b, p, st, depth);
      case 'or':
        return (await evaluate(n.a, p, st, depth)) || evaluate(n.b, p, st, depth);
      case 'print':
        ctx.stdout(`${p}\n`);
        return true;
      case 'out':
        ctx.stdout(n.fn(p, st, depth, start));
        return true;
      case 'prune':
        pruned = true;
        return true;
      case 'quit':
        quit = true;
        return true;
      case 'exec':
        if (n.plus) {
          const list = pending.get(n) ?? [];
          list.push(p);
          pending.set(n, list);
          return true;
        }
        return (await run(n.argv.map((a) => a.replaceAll('{}', p)))) === 0;
    }
  };
  let startDev = 0;
  /** The directories above the one visited (-L can lead back into one of them). */
  const above: Array<{ p: string; st: Stat }> = [];
  const visit = async (p: string, depth: number): Promise<void> => {
    if (quit) return;
    // A link followed is seen as what it names; a dangling one stays a link.
    const followHere = follow === 'L' || (follow === 'H' && depth === 0);
    const st = (followHere ? tryStat(ctx.proc, p, true) : undefined) ?? tryStat(ctx.proc, p, false);
    if (!st) {
      // An entry of a directory it may read but not search (r without x): its lstat fails.
      try {
        ctx.proc.lstat(p);
      } catch (err) {
        if (!isKernelError(err, 'ENOENT')) {
          ctx.stderr(`find: ${lq(p)}: ${errText(err)}\n`);
          status = 1;
        }
      }
      return;
    }
    // findutils (fts) names a followed directory that is one of its own ancestors and skips it.
    // (busybox follows it until the path is too long; doing as findutils does keeps it finite.)
    const loop = st.type === 'dir' ? above.find((a) => a.st.ino === st.ino && a.st.dev === st.dev) : undefined;
    if (loop) {
      ctx.stderr(`find: File system loop detected; ${lq(p)} is part of the same file system loop as ${lq(loop.p)}.\n`);
      status = 1;
      return;
    }
    pruned = false;
    if (depth >= opts.mindepth) {
      const ok = expr ? await evaluate(expr, p, st, depth) : true;
      if (ok && !actions.has) ctx.stdout(`${p}\n`);
    }
    if (quit || pruned || st.type !== 'dir' || depth >= opts.maxdepth) return;
    // -xdev: a mount point is listed, not entered.
    if (opts.xdev && st.dev !== startDev) return;
    let entries;
    try {
      entries = ctx.proc.readdir(p);
    } catch (err) {
      ctx.stderr(`find: ${lq(p)}: ${errText(err)}\n`);
      status = 1;
      return;
    }
    above.push({ p, st });
    for (const e of entries) await visit(p.endsWith('/') ? p + e.name : `${p}/${e.name}`, depth + 1);
    above.pop();
  };
  for (start of paths.length ? paths : ['.']) {
    if (quit) break;
    const st = tryStat(ctx.proc, start, true);
    if (!st) {
      let text = 'No such file or directory';
      try {
        ctx.proc.stat(start);
      } catch (err) {
        text = errText(err);
      }
      ctx.stderr(`find: ${lq(start)}: ${text}\n`);
      status = 1;
      continue;
    }
    startDev = st.dev;
    await visit(start, 0);
  }
  for (const [n, list] of pending) {
    const at = n.argv.indexOf('{}');
    if ((await run([...n.argv.slice(0, at), ...list, ...n.argv.slice(at + 1)])) !== 0) status = 1;
  }
  return status;
}

async function tree(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  let all = false;
  let dirsOnly = false;
  let level = Infinity;
  const roots: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-a') all = true;
    else if (a === '-d') dirsOnly = true;
    else if (a === '-L') {
      const v = args[++i];
      if (v === undefined || !/^\d+$/.test(v) || Number(v) < 1) {
        ctx.stderr('tree: Invalid level, must be greater than 0.\n');
        return 1;
      }
      level = Number(v);
    } else if (a.startsWith('-')) {
      ctx.stderr(
        [
          `tree: Invalid argument -\`${a.slice(1)}'.`,
          'usage: tree [-acdfghilnpqrstuvxACDFJQNSUX] [-L level [-R]] [-H  baseHREF]',
          '',
        ].join('\n'),
      );
      return 2;
    } else roots.push(a);
  }
  let dirs = 0;
  let files = 0;
  let out = '';
  const walk = (path: string, prefix: string, depth: number): void => {
    let entries;
    try {
      entries = ctx.proc.readdir(path).filter((e) => all || !e.name.startsWith('.'));
    } catch {
      return;
    }
    entries.sort((a, b) => compareNames(a.name.toLowerCase(), b.name.toLowerCase()) || compareNames(a.name, b.name));
    const shown = entries.filter((e) => !dirsOnly || tryStat(ctx.proc, `${path}/${e.name}`)?.type === 'dir');
    shown.forEach((e, idx) => {
      const last = idx === shown.length - 1;
      const child = path.endsWith('/') ? path + e.name : `${path}/${e.name}`;
      const lst = tryStat(ctx.proc, child, false);
      let label = e.name;
      if (lst?.type === 'symlink') {
        label += ` -> ${ctx.proc.readlink(child)}`;
        if (tryStat(ctx.proc, child)?.type === 'dir') dirs++;
        else files++;
      } else if (lst?.type === 'dir') dirs++;
      else files++;
      out += `${prefix}${last ? '└── ' : '├── '}${label}\n`;
      if (lst?.type === 'dir' && depth + 1 < level) walk(child, prefix + (last ? '    ' : '│   '), depth + 1);
    });
  };
  let status = 0;
  for (const r of roots.length ? roots : ['.']) {
    const st = tryStat(ctx.proc, r);
    if (st?.type !== 'dir') {
      out += `${r}  [error opening dir]\n`;
      status = 2;
      continue;
    }
    out += `${r}\n`;
    walk(r, '', 0);
  }
  out += `\n${dirs} director${dirs === 1 ? 'y' : 'ies'}${dirsOnly ? '' : `, ${files} file${files === 1 ? '' : 's'}`}\n`;
  ctx.stdout(out);
  return status;
}

export const findCommands: CommandSpec[] = [
  {
    name: 'find',
    run: find,
    summary: 'walk directory trees (-type -name -maxdepth -inum -newer -exec … {} \\; or +)',
    flags: [
      '-type',
      '-name',
      '-iname',
      '-path',
      '-maxdepth',
      '-mindepth',
      '-inum',
      '-newer',
      '-empty',
      '-exec',
      '-print',
      '-print0',
      '-printf',
      '-samefile',
      '-links',
      '-perm',
      '-user',
      '-group',
      '-xdev',
      '-follow',
      '-prune',
      '-quit',
    ],
  },
  { name: 'tree', run: tree, summary: 'draw a directory tree (-L N -a -d)', flags: ['-L', '-a', '-d'] },
];
