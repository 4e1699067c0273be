// One pair of files as diff compares and prints them (diff.ts finds the pairs: two files, a file
// and a directory's entry, or the entries of two directories): read, compared line by line as the
// options say (-i, -b, -w, -Z; -B and -I leave out changes of only blank or matching lines),
// reported as same, binary, or in the output format asked for.
import type { CommandContext } from '../../command.js';
import { fullTime } from '../fs/format.js';
import { tryStat } from '../fs/lookup.js';
import { errText } from '../options.js';
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
import type { DiffFormat } from './diff-options.js';
import { edScript, functionLines, ifdefMerge, rcsScript } from './diff-scripts.js';

export interface DiffRun {
  ctx: CommandContext;
  busybox: boolean;
  format: DiffFormat;
  context: number;
  style: LineStyle;
  sideBySide: SideBySide;
  /** -B: changes whose lines are all blank do not count (a hunk of only those is not printed). */
  ignoreBlank: boolean;
  /** -I RE: nor do changes whose lines all match one of these. */
  ignoreMatching: RegExp[];
  /** -p, -F RE: a hunk's header names the last line before it that matches one of these. */
  functionPatterns: RegExp[];
  /** -D NAME: the macro the merged file tests. */
  ifdefName: string;
  /** -x PAT, -X FILE: names in directories that are not compared (shell patterns). */
  excluded: string[];
  /** -S FILE: names before it in the first directory are skipped. */
  startingFile?: string;
  brief: boolean;
  recursive: boolean;
  /** -N: a file or directory one side lacks is an empty one. */
  newFile: boolean;
  /** --unidirectional-new-file: so is one the first side lacks. */
  newFirstFile: boolean;
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

export function trouble(run: DiffRun, message: string): void {
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
export function diffFiles(run: DiffRun, p1: string, p2: string, header: boolean, absent?: 1 | 2): void {
  const d1 = absent === 1 ? new Uint8Array() : readSide(run, p1);
  const d2 = absent === 2 ? new Uint8Array() : readSide(run, p2);
  if (!d1 || !d2) return;
  const same = (lines?: Lines): void => {
    // Side by side shows equal files too, every line a common one; -D prints the file.
    const text = (): Lines => lines ?? splitLines(dec.decode(d1));
    if (run.format === 'side-by-side' && !run.brief && !run.busybox)
      run.ctx.stdout(sideBySide(text(), text(), [], run.sideBySide, run.style));
    if (run.format === 'ifdef' && !run.brief) run.ctx.stdout(ifdefMerge(text(), text(), [], run.ifdefName));
    if (run.reportIdentical) run.ctx.stdout(`Files ${p1} and ${p2} are identical\n`);
  };
  if (d1.length === d2.length && d1.every((b, i) => b === d2[i])) return same();
  const binary = !run.text && (d1.subarray(0, 4096).includes(0) || d2.subarray(0, 4096).includes(0));
  const a = binary ? splitLines('') : splitLines(dec.decode(d1));
  const b = binary ? splitLines('') : splitLines(dec.decode(d2));
  const script = binary ? [] : diffLines(a, b, run.compare);
  const changes = shown(run, a, b, run.busybox ? script : shiftBoundaries(a, b, script, run.compare));
  if (!binary && changes.length === 0) {
    // What -B or -I left out is no difference; -D still merges in the lines it left out.
    if (run.format === 'ifdef' && !run.brief) run.ctx.stdout(ifdefMerge(a, b, [], run.ifdefName));
    if (run.reportIdentical) run.ctx.stdout(`Files ${p1} and ${p2} are identical\n`);
    return;
  }
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
  const hunkOptions = { context: run.context, style: run.style, fn: functionLines(a, run.functionPatterns) };
  if (run.busybox || run.format === 'unified') out += heading('---', '+++') + unifiedHunks(a, b, changes, hunkOptions);
  else if (run.format === 'context') out += heading('***', '---') + contextHunks(a, b, changes, hunkOptions);
  else if (run.format === 'side-by-side') out += sideBySide(a, b, changes, run.sideBySide, run.style);
  else if (run.format === 'ed') out += edScript(b, changes);
  else if (run.format === 'rcs') out += rcsScript(b, changes);
  else if (run.format === 'ifdef') out += ifdefMerge(a, b, changes, run.ifdefName);
  else out += normalFormat(a, b, changes, run.style);
  run.ctx.stdout(out);
  if (run.format === 'ed') {
    // ed cannot be told a last line lacks its newline: GNU writes the script as if it had one, and
    // says so (its message ends in a newline of its own, hence the empty line).
    for (const [p, l] of [
      [p1, a],
      [p2, b],
    ] as const)
      if (l.noEol) trouble(run, `${p}: No newline at end of file\n`);
  }
}

/** -B and -I: a line that does not count as a change. */
function ignorable(run: DiffRun, line: string): boolean {
  if (run.ignoreBlank && /^[ \t\v\f\r]*$/.test(line)) return true;
  return run.ignoreMatching.some((re) => re.test(line));
}

/** The changes printed: with -B or -I, a hunk whose changes are all of lines that do not count is
 * left out (GNU's analyze_hunk; side by side, the normal format and the scripts take each change
 * as its own hunk). */
function shown(run: DiffRun, a: Lines, b: Lines, changes: Change[]): Change[] {
  if (!run.ignoreBlank && run.ignoreMatching.length === 0) return changes;
  const all = (l: Lines, from: number, count: number): boolean =>
    l.lines.slice(from, from + count).every((line) => ignorable(run, line));
  const trivial = (c: Change): boolean => all(a, c.a0, c.aCount) && all(b, c.b0, c.bCount);
  const grouped = run.busybox || run.format === 'unified' || run.format === 'context';
  if (!grouped) return changes.filter((c) => !trivial(c));
  return hunks(a, changes, run.context).flatMap((h) => {
    const mine = changes.slice(h.first, h.last + 1);
    return mine.every(trivial) ? [] : mine;
  });
}
