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
import { errText, parseOptions, withUsage } from '../options.js';
import { diffLines, normalFormat, splitLines, unifiedHunks } from './diff-lines.js';

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
  status: number;
}

const dec = new TextDecoder();
const join = (dir: string, name: string): string => (dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`);
const basename = (p: string): string => p.replace(/\/+$/, '').split('/').pop() ?? p;

function trouble(run: DiffRun, message: string): void {
  run.ctx.stderr(`diff: ${message}\n`);
  run.status = 2;
}

/** GNU's words for a file's kind (gnulib's file_type). */
function kindOf(st: Stat): string {
  switch (st.type) {
    case 'file':
      return st.size === 0 ? 'regular empty file' : 'regular file';
    case 'dir':
      return 'directory';
    case 'chr':
      return 'character special file';
    case 'blk':
      return 'block special file';
    case 'fifo':
      return 'fifo';
    case 'sock':
      return 'socket';
    default:
      return 'symbolic link';
  }
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
  if (d1.length === d2.length && d1.every((b, i) => b === d2[i])) return;
  run.status = Math.max(run.status, 1);
  const binary = d1.subarray(0, 4096).includes(0) || d2.subarray(0, 4096).includes(0);
  if (run.brief || (binary && run.busybox)) {
    run.ctx.stdout(`Files ${p1} and ${p2} differ\n`);
    return;
  }
  if (binary) {
    run.ctx.stdout(`Binary files ${p1} and ${p2} differ\n`);
    return;
  }
  const a = splitLines(dec.decode(d1));
  const b = splitLines(dec.decode(d2));
  const changes = diffLines(a, b);
  let out = header && !run.busybox ? `diff${run.switches} ${p1} ${p2}\n` : '';
  if (run.unified || run.busybox) {
    const when = (p: string, side: 1 | 2): string => {
      if (run.busybox) return '';
      if (absent === side) return `\t${fullTime(0)}`;
      const st = p === '-' ? undefined : tryStat(run.ctx.proc, p);
      return `\t${fullTime(st?.mtimeMs ?? run.ctx.proc.kernel.clock.now())}`;
    };
    out += `--- ${absent === 1 && run.busybox ? '/dev/null' : p1}${when(p1, 1)}\n`;
    out += `+++ ${absent === 2 && run.busybox ? '/dev/null' : p2}${when(p2, 2)}\n`;
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
      run.ctx.stdout(`File ${p1} is a ${kindOf(s1)} while file ${p2} is a ${kindOf(s2)}\n`);
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

function diff(ctx: CommandContext): Promise<number> {
  const busybox = isBusybox(ctx);
  return withUsage(ctx, 2, () => {
    const parsed = parseOptions('diff', ctx.argv.slice(1), {
      short: busybox ? 'uqrNabBdiTstw' : 'uqrNs',
      shortArg: 'UL',
      long: busybox
        ? {}
        : { unified: 'u', 'unified=': 'U', brief: 'q', recursive: 'r', 'new-file': 'N', 'report-identical-files': 's' },
    });
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
  });
}

export const diffCommand: CommandSpec = {
  name: 'diff',
  run: diff,
  summary: 'compare files line by line (-u unified, -q brief, -r directories recursively)',
};
