// diff as GNU diffutils and busybox run it. GNU: the normal format (`2c2`), -u/-U N and -c/-C N
// (headers with the files' times), -y/-W N side by side, -q, -N, -B, -t, -T, --color=always, and
// directories (one level, or all with -r; -S FILE starts there): "Only in DIR: NAME",
// "Common subdirectories: …", the `diff -r A B` line before each pair's output, what two files of
// different kinds are. busybox: unified only (headers without times), -r walks both trees as one
// sorted list of files (a directory only one side has is skipped), a file that is neither regular
// nor a directory "was skipped". Both walks take one step per name (pairStep). Status 0 same, 1
// different, 2 trouble. Checked against diffutils 3.8 and busybox-static 1.35
// (test/shell/commands/text/compare-vs-gnu, diff-formats-vs-gnu).
import type { Stat } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { isBusybox } from '../busybox/formats.js';
import { fullTime } from '../fs/format.js';
import { tryStat } from '../fs/lookup.js';
import { fileTypeName } from '../fs/stat.js';
import { errText, parseOptions, withUsage } from '../options.js';
import {
  contextHunks,
  hunks,
  type LineStyle,
  normalFormat,
  paint,
  type SideBySide,
  sideBySide,
  unifiedHunks,
} from './diff-formats.js';
import { type Change, type LineCompare, diffLines, type Lines, shiftBoundaries, splitLines } from './diff-lines.js';
import {
  BUSYBOX_OPTIONS,
  type DiffFormat,
  GNU_MODELLED,
  GNU_MODELLED_TEXT,
  GNU_OPTIONS,
  lineCompare,
  outputFormat,
  shellWord,
} from './diff-options.js';

interface DiffRun {
  ctx: CommandContext;
  busybox: boolean;
  format: DiffFormat;
  context: number;
  style: LineStyle;
  sideBySide: SideBySide;
  /** -B: changes whose lines are all blank do not count (a hunk of only those is not printed). */
  ignoreBlank: boolean;
  /** -S FILE: names before it in the first directory are skipped. */
  startingFile?: string;
  brief: boolean;
  recursive: boolean;
  newFile: boolean;
  /** The switches as typed, for the `diff -r -u A B` line GNU prints before a pair in a directory. */
  switches: string;
  /** -s: a pair with no difference says so. */
  reportIdentical: boolean;
  /** -a: every file read as text. */
  text: boolean;
  /** -i, -b, -w, -Z: how lines compare. */
  compare: LineCompare;
  /** -L/--label: the names the unified header shows instead of each file's name (and GNU's time). */
  labels: string[];
  status: number;
}

const dec = new TextDecoder();
const join = (dir: string, name: string): string => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`);
const basename = (p: string): string => p.replace(/\/+$/, '').split('/').pop() ?? p;

function trouble(run: DiffRun, message: string): void {
  run.ctx.stderr(`diff: ${message}\n`);
  run.status = 2;
}

function readSide(run: DiffRun, path: string): Uint8Array | undefined {
  if (path === '-') return run.ctx.stdin;
  try {
    return run.ctx.proc.readFile(path);
  } catch (e) {
    trouble(run, `${path}: ${errText(e)}`);
    return undefined;
  }
}

/** Two files compared and printed; `header` is the line GNU puts before a pair found in directories. */
function diffFiles(run: DiffRun, p1: string, p2: string, header: boolean, absent?: 1 | 2): void {
  const d1 = absent === 1 ? new Uint8Array() : readSide(run, p1);
  const d2 = absent === 2 ? new Uint8Array() : readSide(run, p2);
  if (!d1 || !d2) return;
  const same = (): void => {
    // Side by side shows equal files too, every line a common one.
    if (run.format === 'side-by-side' && !run.brief && !run.busybox) {
      const lines = splitLines(dec.decode(d1));
      run.ctx.stdout(sideBySide(lines, lines, [], run.sideBySide, run.style));
    }
    if (run.reportIdentical) run.ctx.stdout(`Files ${p1} and ${p2} are identical\n`);
  };
  if (d1.length === d2.length && d1.every((b, i) => b === d2[i])) return same();
  const binary = !run.text && (d1.subarray(0, 4096).includes(0) || d2.subarray(0, 4096).includes(0));
  const a = binary ? splitLines('') : splitLines(dec.decode(d1));
  const b = binary ? splitLines('') : splitLines(dec.decode(d2));
  const script = binary ? [] : diffLines(a, b, run.compare);
  const changes = shown(run, a, b, run.busybox ? script : shiftBoundaries(a, b, script, run.compare));
  if (!binary && changes.length === 0) return same();
  run.status = Math.max(run.status, 1);
  if (run.brief || (binary && run.busybox)) {
    run.ctx.stdout(`Files ${p1} and ${p2} differ\n`);
    return;
  }
  if (binary) {
    run.ctx.stdout(`Binary files ${p1} and ${p2} differ\n`);
    return;
  }
  const named = (p: string, side: 1 | 2): string => run.labels[side - 1] ?? p;
  let out = header && !run.busybox ? `diff${run.switches} ${named(p1, 1)} ${named(p2, 2)}\n` : '';
  const label = (p: string, side: 1 | 2): string => {
    const given = run.labels[side - 1];
    if (given !== undefined) return given;
    return `${absent === side && run.busybox ? '/dev/null' : p}${when(p, side)}`;
  };
  const when = (p: string, side: 1 | 2): string => {
    if (run.busybox) return '';
    if (absent === side) return `\t${fullTime(0)}`;
    const st = p === '-' ? undefined : tryStat(run.ctx.proc, p);
    return `\t${fullTime(st?.mtimeMs ?? run.ctx.proc.kernel.clock.now())}`;
  };
  const heading = (mark1: string, mark2: string): string =>
    `${paint(run.style, 'hd', `${mark1} ${label(p1, 1)}`)}\n${paint(run.style, 'hd', `${mark2} ${label(p2, 2)}`)}\n`;
  if (run.busybox || run.format === 'unified')
    out += heading('---', '+++') + unifiedHunks(a, b, changes, run.context, run.style);
  else if (run.format === 'context') out += heading('***', '---') + contextHunks(a, b, changes, run.context, run.style);
  else if (run.format === 'side-by-side') out += sideBySide(a, b, changes, run.sideBySide, run.style);
  else out += normalFormat(a, b, changes, run.style);
  run.ctx.stdout(out);
}

const blank = (l: Lines, from: number, count: number): boolean => {
  for (let i = from; i < from + count; i++) if (!/^[ \t\v\f\r]*$/.test(l.lines[i] ?? '')) return false;
  return true;
};

/** The changes printed: with -B, a hunk whose changes are all of blank lines is left out (GNU's
 * analyze_hunk; side by side and the normal format take each change as its own hunk). */
function shown(run: DiffRun, a: Lines, b: Lines, changes: Change[]): Change[] {
  if (!run.ignoreBlank) return changes;
  const ignorable = (c: Change): boolean => blank(a, c.a0, c.aCount) && blank(b, c.b0, c.bCount);
  const grouped = run.busybox || run.format === 'unified' || run.format === 'context';
  if (!grouped) return changes.filter((c) => !ignorable(c));
  return hunks(a, changes, run.context).flatMap((h) => {
    const mine = changes.slice(h.first, h.last + 1);
    return mine.every(ignorable) ? [] : mine;
  });
}

function statSide(run: DiffRun, path: string): Stat | undefined {
  try {
    return run.ctx.proc.stat(path);
  } catch (e) {
    trouble(run, `${path}: ${errText(e)}`);
    return undefined;
  }
}

function names(run: DiffRun, dir: string): string[] {
  try {
    return run.ctx.proc
      .readdir(dir)
      .map((e) => e.name)
      .sort(byBytes);
  } catch (e) {
    trouble(run, `${dir}: ${errText(e)}`);
    return [];
  }
}

const byBytes = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * One name of a directory walk, found in the first directory (in1), the second (in2) or both:
 * compared, or said to be only one side's, or — two directories — handed back to the walk. `only`
 * is the "Only in" line's directory and name for the side that has it.
 */
function pairStep(
  run: DiffRun,
  p1: string,
  p2: string,
  in1: boolean,
  in2: boolean,
  only: (side: 1 | 2) => string,
): 'dirs' | undefined {
  if (!in1 || !in2) {
    const side = in1 ? 1 : 2;
    // GNU takes -N for files only (a directory one side lacks stays "Only in"); busybox's list
    // holds only files with -r.
    const isFile = run.busybox || tryStat(run.ctx.proc, side === 1 ? p1 : p2)?.type === 'file';
    if (run.newFile && isFile) diffFiles(run, p1, p2, !run.busybox, side === 1 ? 2 : 1);
    else {
      run.ctx.stdout(`Only in ${only(side)}\n`);
      run.status = Math.max(run.status, 1);
    }
    return undefined;
  }
  const s1 = statSide(run, p1);
  const s2 = statSide(run, p2);
  if (!s1 || !s2) return undefined;
  if (s1.type === 'dir' && s2.type === 'dir') return 'dirs';
  if (s1.type === 'file' && s2.type === 'file') diffFiles(run, p1, p2, !run.busybox);
  else if (run.busybox) {
    const odd = s1.type !== 'file' && s1.type !== 'dir' ? p1 : s2.type !== 'file' && s2.type !== 'dir' ? p2 : '';
    if (odd) run.ctx.stdout(`File ${odd} is not a regular file or directory and was skipped\n`);
    else diffFiles(run, p1, p2, false);
  } else if (s1.type !== s2.type || s1.rdev !== s2.rdev) {
    run.ctx.stdout(`File ${p1} is a ${fileTypeName(s1)} while file ${p2} is a ${fileTypeName(s2)}\n`);
    run.status = Math.max(run.status, 1);
  }
  return undefined;
}

/** GNU: one directory pair, entries in name order, subdirectories entered with -r (-S: the top
 * level's names before FILE skipped). */
function gnuDirs(run: DiffRun, dir1: string, dir2: string, top = true): void {
  const n1 = names(run, dir1);
  const n2 = names(run, dir2);
  const start = top ? run.startingFile : undefined;
  const all = [...new Set([...n1, ...n2])].sort(byBytes).filter((n) => start === undefined || byBytes(n, start) >= 0);
  for (const name of all) {
    const p1 = join(dir1, name);
    const p2 = join(dir2, name);
    const in1 = n1.includes(name);
    const step = pairStep(run, p1, p2, in1, n2.includes(name), (side) => `${side === 1 ? dir1 : dir2}: ${name}`);
    if (step !== 'dirs') continue;
    if (run.recursive) gnuDirs(run, p1, p2, false);
    else run.ctx.stdout(`Common subdirectories: ${p1} and ${p2}\n`);
  }
}

/** busybox: the files under both directories (with -r; else the entries of each) as one sorted list. */
function busyboxList(run: DiffRun, top: string, other: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of names(run, rel ? join(top, rel) : top)) {
    const r = rel ? `${rel}/${name}` : name;
    const st = tryStat(run.ctx.proc, join(top, r), false);
    if (run.recursive && st?.type === 'dir') {
      // A directory the other side lacks is not entered (busybox's skip_dir, without -N).
      if (run.newFile || tryStat(run.ctx.proc, join(other, r))) out.push(...busyboxList(run, top, other, r));
    } else out.push(r);
  }
  return out;
}

/** busybox: both lists merged and sorted, from -S FILE on. */
function busyboxDirs(run: DiffRun, dir1: string, dir2: string): void {
  const l1 = busyboxList(run, dir1, dir2);
  const l2 = busyboxList(run, dir2, dir1);
  const start = run.startingFile;
  const all = [...new Set([...l1, ...l2])].sort(byBytes).filter((r) => start === undefined || byBytes(r, start) >= 0);
  for (const rel of all) {
    const p1 = join(dir1, rel);
    const p2 = join(dir2, rel);
    const step = pairStep(
      run,
      p1,
      p2,
      l1.includes(rel),
      l2.includes(rel),
      (side) => `${side === 1 ? dir1 : dir2}: ${rel}`,
    );
    if (step === 'dirs') run.ctx.stdout(`Common subdirectories: ${p1} and ${p2}\n`);
  }
}

const MAX_WIDTH = 10_000;

function diff(ctx: CommandContext): Promise<number> {
  const busybox = isBusybox(ctx);
  return withUsage(
    ctx,
    2,
    () => {
      const parsed = parseOptions('diff', ctx.argv.slice(1), busybox ? BUSYBOX_OPTIONS : GNU_OPTIONS);
      const unmodelled = busybox ? undefined : parsed.opts.find(([key]) => !GNU_MODELLED.has(key));
      if (unmodelled) {
        const [key] = unmodelled;
        const word = key.length === 1 ? `-${key}` : `--${key}`;
        ctx.stderr(`diff: ${word}: not simulated here (${GNU_MODELLED_TEXT})\n`);
        return 2;
      }
      const f = parsed.flags;
      const format = outputFormat(parsed.opts);
      const bad = (what: string): number => {
        ctx.stderr(`diff: ${what}\ndiff: Try 'diff --help' for more information.\n`);
        return 2;
      };
      if (format === 'conflict' && !busybox) return bad('conflicting output style options');
      const contextArg = f.get('U') ?? f.get('C');
      if (contextArg !== undefined && !/^\d+$/.test(contextArg)) return bad(`invalid context length '${contextArg}'`);
      const width = f.get('W') ?? '130';
      if (!/^\d+$/.test(width) || Number(width) === 0) return bad(`invalid width '${width}'`);
      if (Number(width) > MAX_WIDTH) {
        // Each line would be padded out to half of it: a screen cannot show it, and the tutor would stall.
        ctx.stderr(`diff: -W ${width}: widths over ${MAX_WIDTH} are not simulated here\n`);
        return 2;
      }
      const color = f.get('color');
      if (color !== undefined && !['', 'always', 'never', 'auto'].includes(color))
        return bad(`invalid color '${color}'`);
      const optionWords = ctx.argv.slice(1, ctx.argv.length - parsed.operands.length);
      const run: DiffRun = {
        ctx,
        busybox,
        format: busybox || format === 'conflict' ? 'unified' : format,
        context: contextArg !== undefined ? Number(contextArg) : 3,
        style: {
          expandTabs: f.has('t'),
          initialTab: f.has('T'),
          color: color === 'always' && !busybox,
          bareCommonTab: !busybox,
        },
        sideBySide: {
          width: Number(width),
          suppressCommon: f.has('suppress-common-lines'),
          leftColumn: f.has('left-column'),
        },
        ignoreBlank: f.has('B'),
        ...(f.has('S') ? { startingFile: f.get('S') } : {}),
        brief: f.has('q'),
        recursive: f.has('r'),
        newFile: f.has('N'),
        switches: optionWords.map((w) => ` ${shellWord(w)}`).join(''),
        reportIdentical: f.has('s'),
        text: f.has('a'),
        compare: lineCompare(f),
        labels: parsed.opts.filter(([key]) => key === 'L').map(([, v]) => v),
        status: 0,
      };
      const [o1, o2, ...extra] = parsed.operands;
      if (o1 === undefined || o2 === undefined) {
        ctx.stderr(
          busybox
            ? 'diff: missing operand\n'
            : `diff: missing operand after '${o1 ?? 'diff'}'\ndiff: Try 'diff --help' for more information.\n`,
        );
        return 2;
      }
      if (extra.length > 0) {
        ctx.stderr(`diff: extra operand '${extra[0]}'\ndiff: Try 'diff --help' for more information.\n`);
        return 2;
      }
      const stat = (p: string): Stat | undefined | null => {
        if (p === '-') return null;
        try {
          return ctx.proc.stat(p);
        } catch (e) {
          ctx.stderr(busybox ? `diff: can't stat '${p}': ${errText(e)}\n` : `diff: ${p}: ${errText(e)}\n`);
          return undefined;
        }
      };
      const s1 = stat(o1);
      const s2 = stat(o2);
      if (s1 === undefined || s2 === undefined) return 2;
      let p1 = o1;
      let p2 = o2;
      if (s1?.type === 'dir' && s2?.type === 'dir') {
        if (busybox) busyboxDirs(run, o1, o2);
        else gnuDirs(run, o1, o2);
        return run.status;
      }
      // A file and a directory: the file against the directory's entry of the same name.
      if (s1?.type === 'dir') p1 = join(o1, basename(o2));
      if (s2?.type === 'dir') p2 = join(o2, basename(o1));
      if (p1 !== o1 || p2 !== o2) {
        const inner = stat(p1 !== o1 ? p1 : p2);
        if (inner === undefined) return busybox ? 1 : 2;
      }
      diffFiles(run, p1, p2, false);
      return run.status;
    },
    busybox ? '' : 'diff: ',
  ); // diffutils names itself on its Try line too
}

export const diffCommand: CommandSpec = {
  name: 'diff',
  run: diff,
  summary: 'compare files line by line (-u unified, -q brief, -r directories recursively)',
};
