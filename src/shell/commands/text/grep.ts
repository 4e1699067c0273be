// grep (GNU grep 3.8): BRE/ERE/fixed patterns through src/shell/commands/text/posix-regex.ts, -i -v -c -n -l -L
// -o -q -s -h -H -w -x -m, -A/-B/-C context with `--` separators, -r/-R over the simulated
// tree (directory order, no "./" prefix when searching the default "."), binary files noticed
// on stderr as 3.8 does. Colour is never used. Exit 0 selected, 1 none, 2 trouble.
import type { CommandContext, CommandSpec } from '../../command.js';
import { compileRegex, longestAt, posixRegExp, RegexError, withFlags } from './posix-regex.js';
import { errText, parseOptions, UsageError } from '../options.js';
import { text } from './operands.js';
import { grepHelp, grepVersion } from './help-texts.js';
import { type InputStream, join } from '../../pipe.js';

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

interface Options {
  re: RegExp;
  /** The same pattern without `g`, to select lines (a test that needs no position). */
  select: RegExp;
  invert: boolean;
  count: boolean;
  number: boolean;
  list: 'l' | 'L' | undefined;
  only: boolean;
  quiet: boolean;
  silent: boolean;
  names: boolean | undefined;
  max: number;
  after: number;
  before: number;
  byteOffset: boolean;
  /** --color=always: GNU's default GREP_COLORS (ms=01;31 fn=35 ln=32 bn=32 se=36). */
  color: boolean;
}

const paint = (code: string, s: string): string => `\x1b[${code}m\x1b[K${s}\x1b[m\x1b[K`;

function escapeJs(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

function buildRegex(
  patterns: string[],
  kind: 'G' | 'E' | 'F' | 'P',
  icase: boolean,
  word: boolean,
  line: boolean,
): RegExp {
  const parts = patterns.map((p) => {
    if (kind === 'F') return escapeJs(p);
    if (kind === 'P') return p;
    return compileRegex(p, { extended: kind === 'E' }).source;
  });
  const [only = ''] = parts;
  let src = parts.length === 1 ? only : parts.map((p) => `(?:${p})`).join('|');
  if (line) src = `^(?:${src})$`;
  else if (word) src = `(?<![0-9A-Za-z_])(?:${src})(?![0-9A-Za-z_])`;
  const flags = `gsu${icase ? 'i' : ''}`;
  return kind === 'P' ? new RegExp(src, flags) : posixRegExp(src, flags);
}

function matches(o: Options, line: string): boolean {
  return o.select.test(line) !== o.invert;
}

/** Searches one file's text; returns the number of selected lines. */
/** Searches data's lines (base: how many lines came before them, for -n); the lines selected. */
function search(ctx: CommandContext, o: Options, data: Uint8Array, label: string, show: boolean, base = 0): number {
  const s = text(data);
  const binary = data.includes(0);
  const lines = s === '' ? [] : (s.endsWith('\n') ? s.slice(0, -1) : s).split('\n');
  let selected = 0;
  let out = '';
  let lastPrinted = -1;
  let afterLeft = 0;
  const enc = new TextEncoder();
  const offsets: number[] = [];
  if (o.byteOffset) lines.reduce((at, l, k) => ((offsets[k] = at), at + enc.encode(l).length + 1), 0);
  const c = (code: string, t: string): string => (o.color ? paint(code, t) : t);
  const prefix = (i: number, sep: string, at?: number): string =>
    `${show ? `${c('35', label)}${c('36', sep)}` : ''}` +
    `${o.number ? `${c('32', String(base + i + 1))}${c('36', sep)}` : ''}` +
    `${o.byteOffset ? `${c('32', String(at ?? offsets[i]))}${c('36', sep)}` : ''}`;
  const highlight = (line: string): string => {
    if (!o.color || o.invert) return line;
    o.re.lastIndex = 0;
    return line.replace(o.re, (m) => (m === '' ? m : paint('01;31', m)));
  };
  for (const [i, line] of lines.entries()) {
    ctx.budget.tick();
    if (selected >= o.max) {
      if (afterLeft > 0 && !matches(o, line)) {
        out += `${prefix(i, '-')}${line}\n`;
        lastPrinted = i;
        afterLeft--;
        continue;
      }
      break;
    }
    if (!matches(o, line)) {
      if (afterLeft > 0) {
        out += `${prefix(i, '-')}${line}\n`;
        lastPrinted = i;
        afterLeft--;
      }
      continue;
    }
    selected++;
    if (o.quiet || o.list || o.count || binary) continue;
    if (o.before > 0 || o.after > 0) {
      const from = Math.max(lastPrinted + 1, i - o.before);
      if (lastPrinted >= 0 && from > lastPrinted + 1) out += `${c('36', '--')}\n`;
      for (const [k, before] of lines.slice(from, i).entries()) out += `${prefix(from + k, '-')}${before}\n`;
    }
    if (o.only) {
      if (!o.invert) {
        o.re.lastIndex = 0;
        for (let m = o.re.exec(line); m; m = o.re.exec(line)) {
          if (m[0] === '') {
            o.re.lastIndex++;
            continue;
          }
          m = longestAt(o.re, line, m);
          o.re.lastIndex = m.index + m[0].length;
          const at = o.byteOffset ? (offsets[i] ?? 0) + enc.encode(line.slice(0, m.index)).length : undefined;
          if (m[0] !== '') out += `${prefix(i, ':', at)}${c('01;31', m[0])}\n`;
        }
      }
    } else out += `${prefix(i, ':')}${highlight(line)}\n`;
    lastPrinted = i;
    afterLeft = o.after;
  }
  if (o.count) out += `${show ? `${c('35', label)}${c('36', ':')}` : ''}${selected}\n`;
  if (o.list === 'l' && selected > 0) out += `${c('35', label)}\n`;
  if (o.list === 'L' && selected === 0) out += `${c('35', label)}\n`;
  if (out !== '' && !o.quiet) ctx.stdout(out);
  if (binary && selected > 0 && !o.quiet && !o.list && !o.count) ctx.stderr(`grep: ${label}: binary file matches\n`);
  return selected;
}

/**
 * grep on a pipe, line by line as the lines come (`docker logs -f web | grep x` shows each match
 * when it is logged; `-m 1` and `-q` end at the first, closing the pipe). Only for options that
 * look at one line at a time; the others read the pipe to its end first.
 */
async function searchStream(ctx: CommandContext, o: Options, input: InputStream, show: boolean): Promise<number> {
  let rest: Uint8Array = new Uint8Array(0);
  let selected = 0;
  let seen = 0;
  while (selected < o.max && !(o.quiet && selected > 0)) {
    const chunk = await input.read();
    let batch: Uint8Array;
    if (chunk) {
      const all = join([rest, chunk]);
      const nl = all.lastIndexOf(0x0a);
      rest = all.subarray(nl + 1);
      if (nl < 0) continue;
      batch = all.subarray(0, nl + 1);
    } else {
      batch = rest;
      rest = new Uint8Array(0);
      if (batch.length === 0) break;
    }
    const left = { ...o, max: o.max - selected };
    selected += ctx.budget.sync(() => search(ctx, left, batch, '(standard input)', show, seen));
    for (const b of batch) if (b === 0x0a) seen++;
    if (!chunk) break;
  }
  return selected > 0 ? 0 : 1;
}

/** A shell glob (* ? [...]) as an anchored RegExp, for --include and --exclude. */
function globRe(glob: string): RegExp {
  let src = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*') src += '.*';
    else if (c === '?') src += '.';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) src += '\\[';
      else {
        src += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else src += c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
  }
  return new RegExp(`^${src}$`, 's');
}

function ent0(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p.slice(p.lastIndexOf('/') + 1);
}

async function run(ctx: CommandContext): Promise<number> {
  let parsed;
  try {
    parsed = parseOptions('grep', ctx.argv.slice(1), {
      short: 'EFGPiyvcnlLoqshHwxrRaIZzbV',
      shortArg: 'efmABCd',
      long: {
        'extended-regexp': 'E',
        'fixed-strings': 'F',
        'basic-regexp': 'G',
        'perl-regexp': 'P',
        'ignore-case': 'i',
        'invert-match': 'v',
        count: 'c',
        'line-number': 'n',
        'files-with-matches': 'l',
        'files-without-match': 'L',
        'only-matching': 'o',
        quiet: 'q',
        silent: 'q',
        'no-messages': 's',
        'no-filename': 'h',
        'with-filename': 'H',
        'word-regexp': 'w',
        'line-regexp': 'x',
        recursive: 'r',
        'dereference-recursive': 'R',
        'regexp=': 'e',
        'file=': 'f',
        'max-count=': 'm',
        'after-context=': 'A',
        'before-context=': 'B',
        'context=': 'C',
        'byte-offset': 'b',
        'color=': 'color',
        colour: 'color',
        'colour=': 'color',
        color: 'color',
        text: 'a',
        'include=': 'include',
        'exclude=': 'exclude',
        'exclude-dir=': 'exclude-dir',
        help: 'help',
        version: 'version',
      },
    });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    ctx.stderr(`${e.message}\n${USAGE}`);
    return 2;
  }
  const { opts, operands } = parsed;
  const info = opts.find(([o]) => o === 'help' || o === 'version' || o === 'V');
  if (info) {
    ctx.stdout(info[0] === 'help' ? grepHelp : grepVersion);
    return 0;
  }
  const has = (k: string): boolean => opts.some(([o]) => o === k);
  let kind: 'G' | 'E' | 'F' | 'P' = 'G';
  const patterns: string[] = [];
  let explicit = false;
  const o: Options = {
    re: /$/,
    select: /$/,
    invert: has('v'),
    count: has('c'),
    number: has('n'),
    list: undefined,
    only: has('o'),
    quiet: has('q'),
    silent: has('s'),
    names: undefined,
    max: Infinity,
    after: 0,
    before: 0,
    byteOffset: has('b'),
    color: false,
  };
  for (const [k, v] of opts) {
    if (k === 'E' || k === 'F' || k === 'G' || k === 'P') kind = k;
    else if (k === 'e') {
      patterns.push(...v.split('\n'));
      explicit = true;
    } else if (k === 'f') {
      try {
        const t = text(ctx.proc.readFile(v));
        patterns.push(
          ...(t.endsWith('\n') ? t.slice(0, -1) : t).split('\n').filter((_, i, a) => a.length > 0 || i > 0),
        );
        explicit = true;
      } catch (err) {
        ctx.stderr(`grep: ${v}: ${errText(err)}\n`);
        return 2;
      }
    } else if (k === 'l' || k === 'L') o.list = k;
    else if (k === 'h') o.names = false;
    else if (k === 'color') o.color = v === 'always';
    else if (k === 'H') o.names = true;
    else if (k === 'm' || k === 'A' || k === 'B' || k === 'C') {
      if (!/^\d+$/.test(v)) {
        ctx.stderr(k === 'm' ? `grep: invalid max count\n` : `grep: ${v}: invalid context length argument\n`);
        return 2;
      }
      const n = Number(v);
      if (k === 'm') o.max = n;
      if (k === 'A' || k === 'C') o.after = n;
      if (k === 'B' || k === 'C') o.before = n;
    }
  }
  const files = [...operands];
  if (!explicit) {
    const p = files.shift();
    if (p === undefined) {
      ctx.stderr(USAGE);
      return 2;
    }
    patterns.push(...p.split('\n'));
  }
  // GNU grep refuses the classic mistake of a class name outside a bracket expression.
  const misclass = kind === 'F' ? null : patterns.map((p) => /(?<!\[)\[:([a-z]+):\]/.exec(p)).find((m) => m);
  if (misclass) {
    ctx.stderr(`grep: character class syntax is [[:${misclass[1]}:]], not [:${misclass[1]}:]\n`);
    return 2;
  }
  try {
    o.re = buildRegex(patterns, kind, has('i') || has('y'), has('w'), has('x'));
    o.select = withFlags(o.re, o.re.flags.replace('g', ''));
  } catch (e) {
    ctx.stderr(`grep: ${e instanceof RegexError ? e.message : 'Invalid regular expression'}\n`);
    return 2;
  }
  const recursive = has('r') || has('R');
  const globs = (k: string): RegExp[] => opts.filter(([o]) => o === k).map(([, v]) => globRe(v));
  const [include, exclude, excludeDir] = [globs('include'), globs('exclude'), globs('exclude-dir')];
  /** --include/--exclude match a file's base name; command-line files are filtered too. */
  const wanted = (name: string): boolean => {
    const base = name.slice(name.lastIndexOf('/') + 1);
    if (exclude.some((re) => re.test(base))) return false;
    return include.length === 0 || include.some((re) => re.test(base));
  };
  if (files.length === 0) files.push(recursive ? '.' : '-');
  const defaultDot = recursive && operands.length === (explicit ? 0 : 1);
  const show = o.names ?? (files.length > 1 || recursive);
  let any = false;
  let trouble = false;
  const complain = (msg: string): void => {
    trouble = true;
    if (!o.silent) ctx.stderr(`grep: ${msg}\n`);
  };
  let stdin = ctx.stdin;
  if (ctx.input && files.includes('-')) {
    const lineByLine = files.length === 1 && !o.count && !o.list && o.before === 0 && o.after === 0 && !o.byteOffset;
    if (lineByLine) return searchStream(ctx, o, ctx.input, show);
    stdin = await ctx.input.readAll();
  }
  const visit = (path: string, label: string, top: boolean): void => {
    ctx.budget.tick();
    if (o.quiet && any) return;
    if (path === '-') {
      if (search(ctx, o, stdin, '(standard input)', show) > 0) any = true;
      return;
    }
    let st;
    try {
      st = top || has('R') ? ctx.proc.stat(path) : ctx.proc.lstat(path);
    } catch (e) {
      complain(`${label}: ${errText(e)}`);
      return;
    }
    if (st.type === 'symlink') return;
    if (st.type === 'dir') {
      if (!recursive) {
        complain(`${label}: Is a directory`);
        return;
      }
      if (!top && excludeDir.some((re) => re.test(ent0(path)))) return;
      let entries;
      try {
        entries = ctx.proc.readdir(path);
      } catch (e) {
        complain(`${label}: ${errText(e)}`);
        return;
      }
      for (const ent of entries) {
        const child = path.endsWith('/') ? `${path}${ent.name}` : `${path}/${ent.name}`;
        const childLabel =
          defaultDot && label === '.' ? ent.name : label.endsWith('/') ? `${label}${ent.name}` : `${label}/${ent.name}`;
        visit(child, childLabel, false);
      }
      return;
    }
    if (!top && st.type !== 'file') return;
    if (!wanted(path)) return;
    let data: Uint8Array;
    try {
      data = ctx.proc.readFile(path);
    } catch (e) {
      complain(`${label}: ${errText(e)}`);
      return;
    }
    if (search(ctx, o, data, label, show) > 0) any = true;
  };
  // Under the budget's preemption: a pattern like ^(a+)+$ backtracks where no tick can count it.
  ctx.budget.sync(() => {
    for (const f of files) visit(f, f, true);
  });
  if (o.quiet && any) return 0;
  return trouble ? 2 : any ? 0 : 1;
}

export const grep: CommandSpec = {
  name: 'grep',
  streaming: true,
  summary: 'print lines that match patterns',
  flags: [
    '-i',
    '-v',
    '-c',
    '-n',
    '-l',
    '-L',
    '-r',
    '-R',
    '-E',
    '-F',
    '-w',
    '-x',
    '-o',
    '-q',
    '-s',
    '-h',
    '-H',
    '-e',
    '-m',
    '-A',
    '-B',
    '-C',
  ],
  run,
};
