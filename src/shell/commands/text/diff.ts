// diff as GNU diffutils and busybox run it. GNU: the normal format (`2c2`), -u/-U N and -c/-C N
// (headers with the files' times, -p/-F's function line), -y/-W N side by side, -e, -n and -D NAME
// (diff-scripts.ts), -q, -N, -B, -I RE, -t, -T, --color=always, and directories (one level, or all
// with -r; -S FILE starts there, -x PAT and -X FILE leave names out): "Only in DIR: NAME",
// "Common subdirectories: …", the `diff -r A B` line before each pair's output, what two files of
// different kinds are. busybox: unified only (headers without times), -r walks both trees as one
// sorted list of files (a directory only one side has is skipped), a file that is neither regular
// nor a directory "was skipped". Both walks take one step per name (pairStep); diff-pair.ts
// compares and prints a pair. Status 0 same, 1 different, 2 trouble. Checked against diffutils 3.8
// and busybox-static 1.35 (test/shell/commands/text/compare-vs-gnu, diff-formats-vs-gnu,
// diff-scripts-vs-gnu).
import { matchPattern } from '../../bash/glob.js';
import type { Stat } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { isBusybox } from '../busybox/formats.js';
import { tryStat } from '../fs/lookup.js';
import { fileTypeName } from '../fs/stat.js';
import { errText, parseOptions, withUsage } from '../options.js';
import {
  BUSYBOX_OPTIONS,
  GNU_MODELLED,
  GNU_MODELLED_TEXT,
  GNU_OPTIONS,
  lineCompare,
  outputFormat,
  shellWord,
} from './diff-options.js';
import { type DiffRun, diffFiles, trouble } from './diff-pair.js';
import { compileRegex, RegexError } from './posix-regex.js';

const join = (dir: string, name: string): string => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`);
const basename = (p: string): string => p.replace(/\/+$/, '').split('/').pop() ?? p;

function statSide(run: DiffRun, path: string): Stat | undefined {
  try {
    return run.ctx.proc.stat(path);
  } catch (e) {
    trouble(run, `${path}: ${errText(e)}`);
    return undefined;
  }
}

/** A directory's names in byte order, without those -x and -X leave out. */
function names(run: DiffRun, dir: string): string[] {
  try {
    return run.ctx.proc
      .readdir(dir)
      .map((e) => e.name)
      .filter((name) => !run.excluded.some((pattern) => matchPattern(pattern, name)))
      .sort(byBytes);
  } catch (e) {
    trouble(run, `${dir}: ${errText(e)}`);
    return [];
  }
}

const byBytes = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * One name of a directory walk, found in the first directory (in1), the second (in2) or both:
 * compared, or said to be only one side's, or — two directories, or with -N one directory and
 * none — handed back to the walk ('dirs', or the side that lacks it). `only` is the "Only in"
 * line's directory and name for the side that has it.
 */
function pairStep(
  run: DiffRun,
  p1: string,
  p2: string,
  in1: boolean,
  in2: boolean,
  only: (side: 1 | 2) => string,
): 'dirs' | 1 | 2 | undefined {
  if (!in1 || !in2) {
    const side = in1 ? 1 : 2;
    const absent = side === 1 ? 2 : 1;
    // -N: what one side lacks is an empty file, or an empty directory; --unidirectional-new-file
    // only on the first side. busybox's list holds only files with -r.
    const isDir = !run.busybox && tryStat(run.ctx.proc, side === 1 ? p1 : p2)?.type === 'dir';
    if (run.newFile || (run.newFirstFile && absent === 1)) {
      if (isDir) return absent;
      diffFiles(run, p1, p2, !run.busybox, absent);
    } else {
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
 * level's names before FILE skipped); `absent`: the side -N makes an empty directory. */
function gnuDirs(run: DiffRun, dir1: string, dir2: string, top = true, absent?: 1 | 2): void {
  if (run.format === 'ifdef') return trouble(run, '-D option not supported with directories');
  const n1 = absent === 1 ? [] : names(run, dir1);
  const n2 = absent === 2 ? [] : names(run, dir2);
  const start = top ? run.startingFile : undefined;
  const all = [...new Set([...n1, ...n2])].sort(byBytes).filter((n) => start === undefined || byBytes(n, start) >= 0);
  for (const name of all) {
    const p1 = join(dir1, name);
    const p2 = join(dir2, name);
    const in1 = n1.includes(name);
    const step = pairStep(run, p1, p2, in1, n2.includes(name), (side) => `${side === 1 ? dir1 : dir2}: ${name}`);
    if (step === undefined) continue;
    if (run.recursive) gnuDirs(run, p1, p2, false, step === 'dirs' ? undefined : step);
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
    if (step !== undefined) run.ctx.stdout(`Common subdirectories: ${p1} and ${p2}\n`);
  }
}

const MAX_WIDTH = 10_000;

/** GNU's -p: a line that starts with a letter, `$` or `_` starts a function. */
const C_FUNCTION = '^[[:alpha:]$_]';

/** -I and -p/-F's regular expressions and -x/-X's patterns, each taken as GNU takes its option:
 * in order, a bad regular expression or an unreadable -X file ending diff with status 2. */
function patternsOf(
  ctx: CommandContext,
  opts: [string, string][],
): Pick<DiffRun, 'ignoreMatching' | 'functionPatterns' | 'excluded'> | number {
  const out = { ignoreMatching: [] as RegExp[], functionPatterns: [] as RegExp[], excluded: [] as string[] };
  for (const [key, value] of opts) {
    try {
      if (key === 'I') out.ignoreMatching.push(compileRegex(value));
      else if (key === 'F') out.functionPatterns.push(compileRegex(value));
      else if (key === 'p') out.functionPatterns.push(compileRegex(C_FUNCTION));
      else if (key === 'x') out.excluded.push(value);
      else if (key === 'X') {
        const lines = new TextDecoder().decode(ctx.proc.readFile(value)).split('\n');
        out.excluded.push(...lines.filter((line) => line !== ''));
      }
    } catch (e) {
      ctx.stderr(`diff: ${value}: ${e instanceof RegexError ? e.message : errText(e)}\n`);
      return 2;
    }
  }
  return out;
}

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
      const horizon = f.get('horizon-lines');
      if (horizon !== undefined && !/^\d+$/.test(horizon)) return bad(`invalid horizon length '${horizon}'`);
      const found = patternsOf(ctx, parsed.opts);
      if (typeof found === 'number') return found;
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
        ...found,
        ifdefName: f.get('D') ?? '',
        ...(f.has('S') ? { startingFile: f.get('S') } : {}),
        brief: f.has('q'),
        recursive: f.has('r'),
        newFile: f.has('N'),
        newFirstFile: f.has('unidirectional-new-file'),
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
