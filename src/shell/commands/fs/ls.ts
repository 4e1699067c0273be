// ls, as GNU coreutils 9 prints it in the C.UTF-8 locale: columns on a terminal and one name
// per line otherwise, -l with `total`, whiteouts as `c--------- … 0, 0`, links as `name -> target`.
import type { Proc, Stat } from '../../../kernel/index.js';
import { major, minor } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { compareNames } from '../../bash/glob.js';
import { errText, parseOptions, usage } from '../options.js';
import { strftime } from '../strftime.js';
import { coreutilsHumanSize, fullTime, lq, lsDate, modeString, Names, q, quoteName } from './format.js';
import { busyboxHuman, busyboxLsLine, busyboxLsTotal, isBusybox } from '../busybox/formats.js';

const OUTPUT_CHUNK = 64 * 1024;

interface Item {
  /** The name to print (the operand as typed, or the entry name). */
  name: string;
  /** The path to stat it by. */
  path: string;
  st: Stat;
  target?: string;
  /** -L and the link's target cannot be stat'ed (a loop, a dangling link): GNU prints `?` for
   * every field it would have read, and the type the directory entry gave. */
  unknown?: boolean;
}

interface Opts {
  long: boolean;
  all: boolean;
  almost: boolean;
  inode: boolean;
  human: boolean;
  dirSelf: boolean;
  recursive: boolean;
  one: boolean;
  classify: boolean;
  byTime: boolean;
  bySize: boolean;
  reverse: boolean;
  numeric: boolean;
  noSort: boolean;
  /** -s: allocated blocks (KiB) before each name. */
  blocks: boolean;
  /** -p: a slash after each directory's name. */
  slash: boolean;
  /** ls -l's date column: the locale's (lsDate) or --time-style's. */
  date: (ms: number, now: number) => string;
}

const TIME_STYLE_HELP =
  'Valid arguments are:\n  - [posix-]full-iso\n  - [posix-]long-iso\n  - [posix-]iso\n  - [posix-]locale\n' +
  "  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\n";

/** --time-style's date column (coreutils 8.32 and 9.1 alike); undefined for a style it does not know.
 * An old or future file takes the first of two formats, a recent one the second. */
function timeStyle(style: string): ((ms: number, now: number) => string) | undefined {
  const recent = (ms: number, now: number): boolean => ms <= now + 1000 && now - ms < (365.2425 / 2) * 86400 * 1000;
  const name = style.replace(/^posix-/, '');
  if (style.startsWith('+')) {
    const [old, fresh = old] = style.slice(1).split('\n') as [string, string?];
    return (ms, now) => strftime(recent(ms, now) ? fresh : old, ms, { nanoseconds: true });
  }
  switch (name) {
    case 'full-iso':
      return (ms) => fullTime(ms);
    case 'long-iso':
      return (ms) => strftime('%Y-%m-%d %H:%M', ms);
    case 'iso':
      return (ms, now) => strftime(recent(ms, now) ? '%m-%d %H:%M' : '%Y-%m-%d ', ms);
    case 'locale':
      return lsDate;
    default:
      return undefined;
  }
}

function classify(st: Stat): string {
  if (st.type === 'dir') return '/';
  if (st.type === 'symlink') return '@';
  if (st.type === 'fifo') return '|';
  if (st.type === 'sock') return '=';
  if (st.type === 'file' && st.mode & 0o111) return '*';
  return '';
}

function sortItems(items: Item[], o: Opts): Item[] {
  if (o.noSort) return items;
  const sorted = [...items].sort((a, b) => {
    if (o.bySize && a.st.size !== b.st.size) return b.st.size - a.st.size;
    if (o.byTime && a.st.mtimeMs !== b.st.mtimeMs) return b.st.mtimeMs - a.st.mtimeMs;
    return compareNames(a.name, b.name);
  });
  return o.reverse ? sorted.reverse() : sorted;
}

/** GNU ls's indent(): pads from one column to another with tabs (tabsize 8) where it can. */
function indent(from: number, to: number): string {
  let out = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      out += '\t';
      from += 8 - (from % 8);
    } else {
      out += ' ';
      from++;
    }
  }
  return out;
}

/** GNU ls -C: the most columns (filled top to bottom) whose widths fit the line. */
export function columns(cells: string[], width: number): string {
  if (cells.length === 0) return '';
  const lens = cells.map((c) => [...c].length);
  const n = cells.length;
  let best = 1;
  const maxCols = Math.min(n, Math.max(1, Math.floor(width / 3)));
  for (let cols = maxCols; cols > 1; cols--) {
    const rows = Math.ceil(n / cols);
    let total = 0;
    for (let c = 0; c < cols; c++) {
      const slice = lens.slice(c * rows, (c + 1) * rows);
      if (slice.length === 0) continue;
      total += Math.max(...slice) + (c === cols - 1 ? 0 : 2);
    }
    if (total < width) {
      best = cols;
      break;
    }
  }
  const rows = Math.ceil(n / best);
  const widths = Array.from({ length: best }, (_, c) => Math.max(0, ...lens.slice(c * rows, (c + 1) * rows)) + 2);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    let pos = 0;
    for (let c = 0; c < best; c++) {
      const i = c * rows + r;
      if (i >= n) break;
      line += cells[i] ?? '';
      const next = (c + 1) * rows + r;
      if (next < n) line += indent(pos + (lens[i] as number), pos + (widths[c] as number));
      pos += widths[c] as number;
    }
    out += `${line}\n`;
  }
  return out;
}

function render(items: Item[], o: Opts, ctx: CommandContext, names: Names, now: number, withTotal: boolean): string {
  const term = ctx.stdoutIsTerminal;
  const indicator = (st: Stat): string => (o.classify ? classify(st) : o.slash && st.type === 'dir' ? '/' : '');
  const display = (it: Item): string => quoteName(it.name, term) + indicator(it.st);
  const kb = (it: Item): string =>
    it.unknown ? '?' : o.human ? humanBlocks(it.st.blocks * 512, ctx) : String(it.st.blocks / 2);
  // GNU pads the block counts to the widest, busybox to six columns.
  const kbW = isBusybox(ctx) ? 6 : Math.max(0, ...items.map((it) => kb(it).length));
  const blocks = (it: Item): string => (o.blocks ? `${kb(it).padStart(kbW)} ` : '');
  const totalLine = (): string => {
    const n = items.reduce((sum, it) => sum + (it.unknown ? 0 : it.st.blocks), 0) / 2;
    return isBusybox(ctx) ? busyboxLsTotal(n, o.human) : `total ${o.human ? coreutilsHumanSize(n * 1024) : n}\n`;
  };
  if (!o.long) {
    const inoW = Math.max(0, ...items.map((it) => String(it.st.ino).length));
    const inoPad = isBusybox(ctx) ? 7 : term && !o.one ? inoW : 0;
    const cells = items.map(
      (it) => (o.inode ? `${String(it.st.ino).padStart(inoPad)} ` : '') + blocks(it) + display(it),
    );
    const total = withTotal ? totalLine() : '';
    if (o.one || !term) return total + cells.map((c) => `${c}\n`).join('');
    return total + columns(cells, Number(ctx.env.get('COLUMNS') ?? 80) || 80);
  }
  const sizeOf = (st: Stat): string =>
    st.type === 'chr' || st.type === 'blk'
      ? `${major(st.rdev)}, ${minor(st.rdev)}`
      : o.human
        ? coreutilsHumanSize(st.size)
        : String(st.size);
  const rows = items.map((it) =>
    it.unknown
      ? {
          ino: '?',
          mode: `${modeString(it.st)[0]}?????????`,
          nlink: '?',
          user: '?',
          group: '?',
          size: '?',
          date: '?'.padStart(o.date(now, now).length),
          name: quoteName(it.name, term),
        }
      : {
          ino: String(it.st.ino),
          mode: modeString(it.st),
          nlink: String(it.st.nlink),
          user: o.numeric ? String(it.st.uid) : names.user(it.st.uid),
          group: o.numeric ? String(it.st.gid) : names.group(it.st.gid),
          size: sizeOf(it.st),
          date: o.date(it.st.mtimeMs, now),
          name:
            quoteName(it.name, term) +
            (it.target !== undefined
              ? // GNU ls quotes a link's target as it quotes names (at a terminal: 'mnt:[4026531840]').
                ` -> ${isBusybox(ctx) ? it.target : quoteName(it.target, term)}`
              : it.st.type !== 'symlink'
                ? indicator(it.st)
                : ''),
        },
  );
  if (isBusybox(ctx)) return busyboxLong(items, rows, o, withTotal ? totalLine() : '', blocks);
  const w = (k: keyof (typeof rows)[number]): number => Math.max(0, ...rows.map((r) => r[k].length));
  const [wi, wn, wu, wg, ws] = [w('ino'), w('nlink'), w('user'), w('group'), w('size')];
  let out = withTotal ? totalLine() : '';
  for (const [i, r] of rows.entries()) {
    out +=
      `${o.inode ? `${r.ino.padStart(wi)} ` : ''}${blocks(items[i] as Item)}${r.mode} ` +
      `${r.nlink.padStart(wn)} ${r.user.padEnd(wu)} ` +
      `${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.date} ` +
      `${r.name}\n`;
  }
  return out;
}

/** busybox's ls -l: fixed widths instead of the widest cell's. */
function busyboxLong(
  items: Item[],
  rows: { mode: string; user: string; group: string; date: string; name: string }[],
  o: Opts,
  total: string,
  blocks: (it: Item) => string,
): string {
  let out = total;
  items.forEach((it, i) => {
    const line = busyboxLsLine({ st: it.st, ...(rows[i] as (typeof rows)[number]) }, o);
    // -s goes after the inode, before the mode.
    out += o.inode ? line.replace(/^( *\d+ )/, `$1${blocks(it)}`) : blocks(it) + line;
  });
  return out;
}

/** -s -h's block counts: coreutils' 4.0K, busybox's own rounding. */
function humanBlocks(bytes: number, ctx: CommandContext): string {
  if (isBusybox(ctx)) return busyboxHuman(bytes);
  return bytes === 0 ? '0' : coreutilsHumanSize(bytes);
}

function makeItem(proc: Proc, name: string, path: string, follow: boolean, o: Opts, deref = false): Item {
  let st = proc.lstat(path);
  let target: string | undefined;
  if (st.type === 'symlink') {
    if (o.long && !follow) target = proc.readlink(path);
    else if (follow) {
      try {
        st = proc.stat(path);
      } catch (err) {
        // A dangling link is listed as the link itself, unless -L asked for what it points to
        // (GNU ls: "cannot access 'a': Too many levels of symbolic links" for a loop).
        if (deref) throw err;
      }
    }
  }
  return { name, path, st, target };
}

async function ls(ctx: CommandContext): Promise<number> {
  let parsed;
  try {
    parsed = parseOptions('ls', ctx.argv.slice(1), {
      short: 'laAihdR1FtSrUCnLsp',
      long: {
        all: 'a',
        'almost-all': 'A',
        inode: 'i',
        'human-readable': 'h',
        directory: 'd',
        recursive: 'R',
        classify: 'F',
        reverse: 'r',
        'color=': 'color',
        color: 'color',
        'numeric-uid-gid': 'n',
        size: 's',
        'full-time': 'full',
        'time-style=': 'time-style',
        'indicator-style=': 'indicator-style',
      },
    });
  } catch (err) {
    return usage(ctx, 'ls', err, 2);
  }
  const f = parsed.flags;
  const styleArg = f.has('full') ? 'full-iso' : f.get('time-style');
  const date = styleArg === undefined ? lsDate : timeStyle(styleArg);
  if (!date) {
    ctx.stderr(
      `ls: invalid argument ${lq(styleArg ?? '')} for ‘time style’\n${TIME_STYLE_HELP}` +
        "Try 'ls --help' for more information.\n",
    );
    return 2;
  }
  const o: Opts = {
    long: f.has('l') || f.has('n') || f.has('full'),
    slash: f.has('p') || f.get('indicator-style') === 'slash',
    date,
    all: f.has('a'),
    almost: f.has('A') && !f.has('a'),
    inode: f.has('i'),
    human: f.has('h'),
    dirSelf: f.has('d'),
    recursive: f.has('R'),
    one: f.has('1'),
    classify: f.has('F'),
    byTime: f.has('t'),
    bySize: f.has('S'),
    reverse: f.has('r'),
    numeric: f.has('n'),
    noSort: f.has('U'),
    blocks: f.has('s'),
  };
  const proc = ctx.proc;
  const names = new Names(proc);
  const now = proc.kernel.clock.now();
  let status = 0;
  // GNU's "serious trouble" (an operand it cannot reach or open) is 2; busybox's every failure 1.
  const serious = isBusybox(ctx) ? 1 : 2;
  const operands = parsed.operands.length ? parsed.operands : ['.'];
  const files: Item[] = [];
  const dirs: Item[] = [];
  for (const op of operands) {
    let it: Item;
    try {
      // ls -l LINK (no trailing slash) shows the link, a dangling one too, as GNU ls and busybox's
      // do; ls LINK lists the directory it names.
      it = makeItem(proc, op, op, !!(!o.long || op.endsWith('/') || f.has('L')), o, f.has('L'));
    } catch (err) {
      ctx.stderr(`ls: cannot access ${q(op)}: ${errText(err)}\n`);
      status = serious;
      continue;
    }
    (it.st.type === 'dir' && !o.dirSelf ? dirs : files).push(it);
  }
  // Written in chunks, as ls's stdio buffer flushes when full: `ls -lR` of a large tree does not
  // hold its whole listing (20 MB through 200 containers) before writing any of it.
  let out = '';
  const emit = (s: string): void => {
    out += s;
    if (out.length >= OUTPUT_CHUNK) {
      ctx.stdout(out);
      out = '';
    }
  };
  if (files.length) emit(render(sortItems(files, o), o, ctx, names, now, false));
  const showHeaders = operands.length > 1 || o.recursive;
  const queue = sortItems(dirs, o);
  let first = files.length === 0;
  const listDir = (d: Item): void => {
    let entries;
    try {
      entries = proc.readdir(d.path);
    } catch (err) {
      ctx.stderr(`ls: cannot open directory ${q(d.name)}: ${errText(err)}\n`);
      status = serious;
      // busybox still prints the listing's total (of nothing) with -l or -s.
      if (isBusybox(ctx) && (o.long || o.blocks)) emit(busyboxLsTotal(0, o.human));
      return;
    }
    if (!first) emit('\n');
    first = false;
    if (showHeaders) emit(`${quoteName(d.name, ctx.stdoutIsTerminal)}:\n`);
    const items: Item[] = [];
    const join = (n: string): string => (d.path.endsWith('/') ? d.path + n : `${d.path}/${n}`);
    // How GNU names an entry in a message: bare in ".", else joined to the directory as typed.
    const shown = (n: string): string => (d.name === '.' ? n : d.name.endsWith('/') ? d.name + n : `${d.name}/${n}`);
    const deref = f.has('L');
    if (o.all) for (const dot of ['.', '..']) items.push(makeItem(proc, dot, join(dot), false, o));
    for (const e of entries) {
      if (e.name.startsWith('.') && !o.all && !o.almost) continue;
      try {
        items.push(makeItem(proc, e.name, join(e.name), deref, o, deref));
      } catch (err) {
        if (!deref) {
          ctx.stderr(`ls: cannot access ${q(shown(e.name))}: ${errText(err)}\n`);
          status = 1;
          continue;
        }
        // -L and a link that leads nowhere: only a listing that reads the target's inode says so.
        const st = proc.lstat(join(e.name));
        if (o.long) {
          ctx.stderr(`ls: cannot access ${q(shown(e.name))}: ${errText(err)}\n`);
          status = 1;
        }
        items.push({ name: e.name, path: join(e.name), st, unknown: o.long });
      }
    }
    const sorted = sortItems(items, o);
    emit(render(sorted, o, ctx, names, now, o.long || o.blocks));
    if (o.recursive) {
      for (const it of sorted) {
        if (it.st.type === 'dir' && it.name !== '.' && it.name !== '..') {
          const name = d.name.endsWith('/') ? d.name + it.name : `${d.name}/${it.name}`;
          listDir({ name, path: it.path, st: it.st });
        }
      }
    }
  };
  for (const d of queue) listDir(d);
  ctx.stdout(out);
  return status;
}

export const lsCommand: CommandSpec = {
  name: 'ls',
  run: ls,
  summary: 'list directory contents (-l -a -A -i -h -d -R -1 -F -t -S -r)',
  flags: ['-l', '-a', '-A', '-i', '-h', '-d', '-R', '-1', '-F', '-t', '-S', '-r'],
};
