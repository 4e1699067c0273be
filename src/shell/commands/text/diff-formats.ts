// diff's output formats for one pair of files, given the changes diff-lines.ts found: GNU's normal
// (`2c2`), unified (`@@ -1,4 +1,5 @@`), context (`*** 1,4 ****`, -c/-C N) and side-by-side (-y, -W N)
// formats, as diffutils 3.8 prints them, with its -t (tabs expanded), -T (a tab after each line's
// flag) and --color=always (its default palette: headers bold, line numbers cyan, old red, new
// green); busybox's unified format takes the same -t and -T.
import type { Change, Lines } from './diff-lines.js';

export interface LineStyle {
  /** -t: tabs in a line expanded to spaces (from the line's first column). */
  expandTabs: boolean;
  /** -T: a tab, not a space, after the flag (`<`, `!`, `+`…). */
  initialTab: boolean;
  /** --color=always. */
  color: boolean;
  /** GNU's -T in the unified format: a common line is the tab and the line, no space (busybox keeps it). */
  bareCommonTab?: boolean;
}

const SGR = { hd: '\x1b[1m', ad: '\x1b[32m', de: '\x1b[31m', ln: '\x1b[36m' } as const;
type Paint = keyof typeof SGR | undefined;
const RESET = '\x1b[0m';
const NO_EOL = '\\ No newline at end of file';

export function paint(style: LineStyle, kind: Paint, text: string): string {
  return style.color && kind ? `${SGR[kind]}${text}${RESET}` : text;
}

function expandTabs(text: string): string {
  let out = '';
  for (const ch of text) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out;
}

/** One line of a file with its flag; `space` puts GNU's separator after the flag (not unified). */
function lineOut(style: LineStyle, l: Lines, i: number, flag: string, space: boolean, kind: Paint): string {
  const raw = l.lines[i] ?? '';
  const text = style.expandTabs ? expandTabs(raw) : raw;
  const sep = style.initialTab ? '\t' : space ? ' ' : '';
  const body = paint(style, kind, `${flag}${sep}${text}`);
  return l.noEol && i === l.lines.length - 1 ? `${body}\n${NO_EOL}\n` : `${body}\n`;
}

export function range(start: number, count: number): string {
  // GNU's normal format: "3" or "3,5"; an empty side names the line before it.
  if (count === 0) return String(start);
  return count === 1 ? String(start + 1) : `${start + 1},${start + count}`;
}

/** GNU diff's default output: `2c2`, `< old`, `---`, `> new`. */
export function normalFormat(a: Lines, b: Lines, changes: Change[], style: LineStyle): string {
  let out = '';
  for (const c of changes) {
    const op = c.aCount === 0 ? 'a' : c.bCount === 0 ? 'd' : 'c';
    out += `${paint(style, 'ln', `${range(c.a0, c.aCount)}${op}${range(c.b0, c.bCount)}`)}\n`;
    for (let i = 0; i < c.aCount; i++) out += lineOut(style, a, c.a0 + i, '<', true, 'de');
    if (op === 'c') out += '---\n';
    for (let i = 0; i < c.bCount; i++) out += lineOut(style, b, c.b0 + i, '>', true, 'ad');
  }
  return out;
}

/** A hunk: changes[first..last] with `context` lines around them, as line ranges of a and b. */
interface Hunk {
  first: number;
  last: number;
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Changes closer than 2 × context lines share a hunk (GNU's and busybox's rule). */
export function hunks(a: Lines, changes: Change[], context: number): Hunk[] {
  const out: Hunk[] = [];
  let i = 0;
  while (i < changes.length) {
    let j = i;
    while (j + 1 < changes.length) {
      const gap = changes[j + 1]!.a0 - (changes[j]!.a0 + changes[j]!.aCount);
      if (gap > 2 * context) break;
      j++;
    }
    const first = changes[i]!;
    const last = changes[j]!;
    const aStart = Math.max(0, first.a0 - context);
    const aEnd = Math.min(a.lines.length, last.a0 + last.aCount + context);
    const bStart = first.b0 - (first.a0 - aStart);
    const bEnd = last.b0 + last.bCount + (aEnd - (last.a0 + last.aCount));
    out.push({ first: i, last: j, aStart, aEnd, bStart, bEnd });
    i = j + 1;
  }
  return out;
}

/** -p, -F: the function line a hunk starts in (diff-scripts.ts finds it), after the header. */
export type FunctionLine = (aStart: number) => string | undefined;

/** How the unified and context formats print hunks: context lines around each change (-U N, -C N). */
export interface HunkOptions {
  context: number;
  style: LineStyle;
  fn?: FunctionLine;
}
const named = (line: string | undefined): string => (line === undefined ? '' : ` ${line}`);

function unifiedRange(start: number, count: number): string {
  if (count === 0) return `${start},0`;
  return count === 1 ? String(start + 1) : `${start + 1},${count}`;
}

/** The `@@ -1,4 +1,5 @@` hunks. */
export function unifiedHunks(a: Lines, b: Lines, changes: Change[], o: HunkOptions): string {
  const { context, style, fn = () => undefined } = o;
  let out = '';
  const context1 = style.initialTab && style.bareCommonTab ? '' : ' ';
  for (const h of hunks(a, changes, context)) {
    const head = `@@ -${unifiedRange(h.aStart, h.aEnd - h.aStart)} +${unifiedRange(h.bStart, h.bEnd - h.bStart)} @@`;
    out += `${paint(style, 'ln', head)}${named(fn(h.aStart))}\n`;
    let ai = h.aStart;
    for (let k = h.first; k <= h.last; k++) {
      const c = changes[k]!;
      for (; ai < c.a0; ai++) out += lineOut(style, a, ai, context1, false, undefined);
      for (let n = 0; n < c.aCount; n++) out += lineOut(style, a, c.a0 + n, '-', false, 'de');
      for (let n = 0; n < c.bCount; n++) out += lineOut(style, b, c.b0 + n, '+', false, 'ad');
      ai = c.a0 + c.aCount;
    }
    for (; ai < h.aEnd; ai++) out += lineOut(style, a, ai, context1, false, undefined);
  }
  return out;
}

/** print_context_number_range: "3", "1,4", or for no lines the line before them. */
function contextRange(start: number, end: number): string {
  return end - start <= 1 ? String(end) : `${start + 1},${end}`;
}

/** GNU's context format (-c, -C N): each hunk's old lines, then its new lines, marked `!`, `-`, `+`. */
export function contextHunks(a: Lines, b: Lines, changes: Change[], o: HunkOptions): string {
  const { context, style, fn = () => undefined } = o;
  let out = '';
  for (const h of hunks(a, changes, context)) {
    const mine = changes.slice(h.first, h.last + 1);
    out += `***************${named(fn(h.aStart))}\n`;
    out += `${paint(style, 'ln', `*** ${contextRange(h.aStart, h.aEnd)} ****`)}\n`;
    // A side is printed only when the hunk takes lines from it (GNU's `changes & OLD`).
    if (mine.some((c) => c.aCount > 0))
      for (let i = h.aStart; i < h.aEnd; i++) {
        const c = mine.find((x) => x.a0 <= i && i < x.a0 + x.aCount);
        out += lineOut(style, a, i, c ? (c.bCount > 0 ? '!' : '-') : ' ', true, 'de');
      }
    out += `${paint(style, 'ln', `--- ${contextRange(h.bStart, h.bEnd)} ----`)}\n`;
    if (mine.some((c) => c.bCount > 0))
      for (let i = h.bStart; i < h.bEnd; i++) {
        const c = mine.find((x) => x.b0 <= i && i < x.b0 + x.bCount);
        out += lineOut(style, b, i, c ? (c.aCount > 0 ? '!' : '+') : ' ', true, 'ad');
      }
  }
  return out;
}

export interface SideBySide {
  /** -W: the output's width (130). */
  width: number;
  suppressCommon: boolean;
  /** --left-column: a common line printed once, `(` after it. */
  leftColumn: boolean;
}

/**
 * GNU's -y: each line of a on the left, b's on the right, `|` between changed lines, `<` and `>`
 * beside a line only one side has (new ones before old ones within a change), `/` or `\` where
 * only one of a changed pair ends in a newline. Columns as side.c computes them: the right half
 * starts at a multiple of the tab size (or, with -t, of 1), the gutter in the middle; padding is
 * tabs unless -t.
 */
export function sideBySide(a: Lines, b: Lines, changes: Change[], sbs: SideBySide, style: LineStyle): string {
  const t = style.expandTabs ? 1 : 8;
  const off = Math.floor((sbs.width + t + 3) / (2 * t)) * t;
  const hw = Math.max(0, Math.min(off - 3, sbs.width - off));
  const c2o = hw ? off : sbs.width;
  let out = '';
  const tabTo = (from: number, to: number): number => {
    if (!style.expandTabs)
      for (let tab = from + 8 - (from % 8); tab <= to; tab += 8) {
        out += '\t';
        from = tab;
      }
    if (from < to) out += ' '.repeat(to - from);
    return to;
  };
  /** print_half_line: the line cut at `bound` columns, tabs kept (or expanded) as columns allow. */
  const half = (text: string, bound: number): number => {
    let inPos = 0;
    let outPos = 0;
    for (const ch of text) {
      if (ch === '\t') {
        const spaces = 8 - (inPos % 8);
        if (inPos === outPos) {
          let stop = outPos + spaces;
          if (style.expandTabs) {
            stop = Math.min(stop, bound);
            if (stop > outPos) out += ' '.repeat(stop - outPos);
            outPos = Math.max(outPos, stop);
          } else if (stop < bound) {
            outPos = stop;
            out += '\t';
          }
        }
        inPos += spaces;
      } else if (inPos++ < bound) {
        outPos = inPos;
        out += ch;
      }
    }
    return outPos;
  };
  const ends = (l: Lines, i: number): boolean => !(l.noEol && i === l.lines.length - 1);
  const row = (ai: number | undefined, sep: string, bi: number | undefined): void => {
    // GNU colours a row only one side has, from its start to just after its newline.
    const kind = sep === '<' ? 'de' : sep === '>' ? 'ad' : undefined;
    if (style.color && kind) out += SGR[kind];
    let col = 0;
    let newline = false;
    if (ai !== undefined) {
      newline ||= ends(a, ai);
      col = half(a.lines[ai] ?? '', hw);
    }
    if (sep !== ' ') {
      col = tabTo(col, Math.floor((hw + c2o - 1) / 2)) + 1;
      let mark = sep;
      if (sep === '|' && bi !== undefined && newline !== ends(b, bi)) mark = newline ? '/' : '\\';
      out += mark; // (GNU paints no part of a side-by-side line)
    }
    if (bi !== undefined) {
      newline ||= ends(b, bi);
      if ((b.lines[bi] ?? '') !== '' || !ends(b, bi)) {
        col = tabTo(col, c2o);
        half(b.lines[bi] ?? '', hw);
      }
    }
    if (newline) out += '\n';
    if (style.color && kind) out += RESET;
  };
  let ai = 0;
  let bi = 0;
  const common = (aUntil: number): void => {
    for (; ai < aUntil; ai++, bi++) {
      if (sbs.suppressCommon) continue;
      if (sbs.leftColumn) row(ai, '(', undefined);
      else row(ai, ' ', bi);
    }
  };
  for (const c of changes) {
    common(c.a0);
    let i = 0;
    for (; i < c.aCount && i < c.bCount; i++) row(c.a0 + i, '|', c.b0 + i);
    for (let j = i; j < c.bCount; j++) row(undefined, '>', c.b0 + j);
    for (let j = i; j < c.aCount; j++) row(c.a0 + j, '<', undefined);
    ai = c.a0 + c.aCount;
    bi = c.b0 + c.bCount;
  }
  common(a.lines.length);
  return out;
}
