// diff as GNU diffutils and busybox run it. GNU: the normal format (`2c2`), -u/-U N (headers with
// the files' times), -q, -N, and directories (one level, or all with -r): "Only in DIR: NAME",
// "Common subdirectories: …", the `diff -r A B` line before each pair's output, what two files of
// different kinds are. busybox: unified only (headers without times), -r walks both trees as one
// sorted list of files (a directory only one side has is skipped), a file that is neither regular
// nor a directory "was skipped". Status 0 same, 1 different, 2 trouble. Checked against diffutils
// 3.8 and busybox-static 1.35 (test/shell/commands/text/compare-vs-gnu).
import type { Stat } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { isBusybox } from '../busybox/formats.js';
import { fullTime } from '../fs/format.js';
import { tryStat } from '../fs/lookup.js';
import { fileTypeName } from '../fs/stat.js';
import { errText, parseOptions, withUsage } from '../options.js';
import { type LineCompare, diffLines, normalFormat, splitLines, unifiedHunks } from './diff-lines.js';

interface DiffRun {
  ctx: CommandContext;
  busybox: boolean;
  unified: boolean;
  context: number;
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
    if (run.reportIdentical) run.ctx.stdout(`Files ${p1} and ${p2} are identical\n`);
  };
  if (d1.length === d2.length && d1.every((b, i) => b === d2[i])) return same();
  const binary = !run.text && (d1.subarray(0, 4096).includes(0) || d2.subarray(0, 4096).includes(0));
  const a = binary ? splitLines('') : splitLines(dec.decode(d1));
  const b = binary ? splitLines('') : splitLines(dec.decode(d2));
  const changes = binary ? [] : diffLines(a, b, run.compare);
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
  let out = header && !run.busybox ? `diff${run.switches} ${p1} ${p2}\n` : '';
  if (run.unified || run.busybox) {
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
    out += `--- ${label(p1, 1)}\n+++ ${label(p2, 2)}\n`;
    out += unifiedHunks(a, b, changes, run.context);
  } else out += normalFormat(a, b, changes);
  run.ctx.stdout(out);
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

/** GNU: one directory pair, entries in name order, subdirectories entered with -r. */
function gnuDirs(run: DiffRun, dir1: string, dir2: string): void {
  const n1 = names(run, dir1);
  const n2 = names(run, dir2);
  const all = [...new Set([...n1, ...n2])].sort(byBytes);
  for (const name of all) {
    const p1 = join(dir1, name);
    const p2 = join(dir2, name);
    const in1 = n1.includes(name);
    const in2 = n2.includes(name);
    if (!in1 || !in2) {
      const st = tryStat(run.ctx.proc, in1 ? p1 : p2);
      if (run.newFile && st?.type === 'file') diffFiles(run, p1, p2, true, in1 ? 2 : 1);
      else {
        run.ctx.stdout(`Only in ${in1 ? dir1 : dir2}: ${name}\n`);
        run.status = Math.max(run.status, 1);
      }
      continue;
    }
    const s1 = statSide(run, p1);
    const s2 = statSide(run, p2);
    if (!s1 || !s2) continue;
    if (s1.type === 'dir' && s2.type === 'dir') {
      if (run.recursive) gnuDirs(run, p1, p2);
      else run.ctx.stdout(`Common subdirectories: ${p1} and ${p2}\n`);
    } else if (s1.type === 'file' && s2.type === 'file') diffFiles(run, p1, p2, true);
    else if (s1.type !== s2.type || s1.rdev !== s2.rdev) {
      run.ctx.stdout(`File ${p1} is a ${fileTypeName(s1)} while file ${p2} is a ${fileTypeName(s2)}\n`);
      run.status = Math.max(run.status, 1);
    }
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

function busyboxDirs(run: DiffRun, dir1: string, dir2: string): void {
  const l1 = busyboxList(run, dir1, dir2);
  const l2 = busyboxList(run, dir2, dir1);
  const all = [...new Set([...l1, ...l2])].sort(byBytes);
  for (const rel of all) {
    const p1 = join(dir1, rel);
    const p2 = join(dir2, rel);
    const in1 = l1.includes(rel);
    const in2 = l2.includes(rel);
    if (!in1 || !in2) {
      if (run.newFile) diffFiles(run, p1, p2, false, in1 ? 2 : 1);
      else {
        run.ctx.stdout(`Only in ${in1 ? dir1 : dir2}: ${rel}\n`);
        run.status = Math.max(run.status, 1);
      }
      continue;
    }
    const s1 = statSide(run, p1);
    const s2 = statSide(run, p2);
    if (!s1 || !s2) continue;
    if (s1.type === 'dir' && s2.type === 'dir') {
      run.ctx.stdout(`Common subdirectories: ${p1} and ${p2}\n`);
      continue;
    }
    const odd = s1.type !== 'file' && s1.type !== 'dir' ? p1 : s2.type !== 'file' && s2.type !== 'dir' ? p2 : undefined;
    if (odd) {
      run.ctx.stdout(`File ${odd} is not a regular file or directory and was skipped\n`);
      continue;
    }
    diffFiles(run, p1, p2, false);
  }
}

/** GNU diff 3.8's options; what is not modelled says so rather than printing another diff. */
const GNU_OPTIONS = {
  short: 'qscuenyptTlrNiEZbwBadv',
  shortArg: 'CUWFxXSIDL',
  long: {
    normal: 'normal',
    brief: 'q',
    'report-identical-files': 's',
    context: 'c',
    'context=': 'C',
    unified: 'u',
    'unified=': 'U',
    ed: 'e',
    rcs: 'n',
    'side-by-side': 'y',
    'width=': 'W',
    'left-column': 'left-column',
    'suppress-common-lines': 'suppress-common-lines',
    'show-c-function': 'p',
    'show-function-line=': 'F',
    'label=': 'L',
    'expand-tabs': 't',
    'initial-tab': 'T',
    'tabsize=': 'tabsize',
    'suppress-blank-empty': 'suppress-blank-empty',
    paginate: 'l',
    recursive: 'r',
    'no-dereference': 'no-dereference',
    'new-file': 'N',
    'unidirectional-new-file': 'unidirectional-new-file',
    'ignore-file-name-case': 'ignore-file-name-case',
    'no-ignore-file-name-case': 'no-ignore-file-name-case',
    'exclude=': 'x',
    'exclude-from=': 'X',
    'starting-file=': 'S',
    'from-file=': 'from-file',
    'to-file=': 'to-file',
    'ignore-case': 'i',
    'ignore-tab-expansion': 'E',
    'ignore-trailing-space': 'Z',
    'ignore-space-change': 'b',
    'ignore-all-space': 'w',
    'ignore-blank-lines': 'B',
    'ignore-matching-lines=': 'I',
    text: 'a',
    'strip-trailing-cr': 'strip-trailing-cr',
    'ifdef=': 'D',
    'line-format=': 'line-format',
    'old-line-format=': 'line-format',
    'new-line-format=': 'line-format',
    'unchanged-line-format=': 'line-format',
    'old-group-format=': 'group-format',
    'new-group-format=': 'group-format',
    'changed-group-format=': 'group-format',
    'unchanged-group-format=': 'group-format',
    minimal: 'd',
    'horizon-lines=': 'horizon-lines',
    'speed-large-files': 'speed-large-files',
    color: 'color',
    'color=': 'color',
    'palette=': 'palette',
    version: 'v',
  },
};
const GNU_MODELLED = new Set(['normal', 'q', 's', 'u', 'U', 'r', 'N', 'i', 'Z', 'b', 'w', 'a', 'L', 'd']);
/** busybox 1.35's diff: unified output only. */
const BUSYBOX_OPTIONS = { short: 'uabBdiNqrTstw', shortArg: 'LSU' }; // -u: unified, as it always is
const BUSYBOX_MODELLED = new Set(['u', 'a', 'b', 'd', 'i', 'N', 'q', 'r', 's', 'w', 'L', 'U']);

function lineCompare(f: Map<string, string>): LineCompare {
  const steps: ((line: string) => string)[] = [];
  if (f.has('i')) steps.push((l) => l.toLowerCase());
  if (f.has('w')) steps.push((l) => l.replace(/[ \t\v\f\r]+/g, ''));
  else if (f.has('b')) steps.push((l) => l.replace(/[ \t\v\f\r]+$/, '').replace(/[ \t\v\f\r]+/g, ' '));
  else if (f.has('Z')) steps.push((l) => l.replace(/[ \t\v\f\r]+$/, ''));
  if (steps.length === 0) return {};
  return { norm: (l) => steps.reduce((x, step) => step(x), l), spaceBlind: f.has('w') || f.has('b') };
}

function diff(ctx: CommandContext): Promise<number> {
  const busybox = isBusybox(ctx);
  return withUsage(
    ctx,
    2,
    () => {
      const parsed = parseOptions('diff', ctx.argv.slice(1), busybox ? BUSYBOX_OPTIONS : GNU_OPTIONS);
      const modelled = busybox ? BUSYBOX_MODELLED : GNU_MODELLED;
      const unmodelled = parsed.opts.find(([key]) => !modelled.has(key));
      if (unmodelled) {
        const [key] = unmodelled;
        const word = key.length === 1 ? `-${key}` : `--${key}`;
        const what = busybox
          ? '-u, -q, -r, -N, -s, -a, -i, -b, -w, -U and -L are'
          : '-u, -q, -r, -N, -s, -a, -i, -b, -w, -Z, -U and --label are';
        ctx.stderr(`diff: ${word}: not simulated here (${what})\n`);
        return 2;
      }
      const f = parsed.flags;
      const optionWords = ctx.argv.slice(1, ctx.argv.length - parsed.operands.length);
      const run: DiffRun = {
        ctx,
        busybox,
        unified: f.has('u') || f.has('U'),
        context: f.has('U') ? Number(f.get('U')) : 3,
        brief: f.has('q'),
        recursive: f.has('r'),
        newFile: f.has('N'),
        switches: optionWords.map((w) => ` ${w}`).join(''),
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
