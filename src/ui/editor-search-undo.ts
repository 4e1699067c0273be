// What vim and nano find and take back, apart from their keys (editor-model.ts): a search from the
// cursor that wraps round the buffer (vim: a pattern, /forward ?backward, n N; nano: ^W Where Is,
// plain text, case ignored as nano's default), and vim's undo tree walked as u and Ctrl-R walk it
// on a line of changes, with vim's messages ("1 line less; before #3  0 seconds ago"). Checked
// against vim 9.0 at 80x24.
import { compileRegex } from '../shell/commands/text/posix-regex.js';

export interface Found {
  row: number;
  col: number;
  /** The search went past the end (or the start) and went on from the other end. */
  wrapped: boolean;
}

/** The column of each match of `pattern` in `line`. */
function matchesIn(line: string, re: RegExp): number[] {
  const out: number[] = [];
  for (let from = 0; from <= line.length; ) {
    re.lastIndex = 0;
    const m = re.exec(line.slice(from));
    if (!m) break;
    out.push(from + m.index);
    from += m.index + 1;
  }
  return out;
}

/** vim's pattern (magic: . * ^ $ [ ] \( \) \| \< \>), or text as it is (nano); undefined if it cannot be. */
export function searchRegex(pattern: string, literal: boolean): RegExp | undefined {
  if (literal) return new RegExp(pattern.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'i');
  try {
    return compileRegex(pattern);
  } catch {
    return undefined;
  }
}

/** The next match after (forward) or before the cursor, going round the buffer once. */
export function findFrom(
  lines: readonly string[],
  row: number,
  col: number,
  re: RegExp,
  forward: boolean,
): Found | undefined {
  const n = lines.length;
  for (let step = 0; step <= n; step++) {
    const r = forward ? (row + step) % n : (row - step + n * 2) % n;
    const wrapped = forward ? row + step >= n : row - step < 0;
    const cols = matchesIn(lines[r] ?? '', re);
    const hit =
      step === 0
        ? forward
          ? cols.find((c) => c > col)
          : cols.filter((c) => c < col).pop()
        : step === n
          ? forward
            ? cols.find((c) => c <= col)
            : cols.filter((c) => c >= col).pop()
          : forward
            ? cols[0]
            : cols[cols.length - 1];
    if (hit !== undefined) return { row: r, col: hit, wrapped };
  }
  return undefined;
}

export interface Snapshot {
  lines: string[];
  row: number;
  col: number;
}

interface Change {
  before: Snapshot;
  after?: Snapshot;
  seq: number;
  at: number;
}

/** vim's undo on one line of changes: what u takes back and Ctrl-R puts again. */
export interface UndoHistory {
  done: Change[];
  undone: Change[];
  /** The last change's number (b_u_seq_last): it never goes back, so a new change after u is #3. */
  seq: number;
}

export const emptyHistory = (): UndoHistory => ({ done: [], undone: [], seq: 0 });

/** A change begins: the buffer as it was before it. */
export function beginChange(h: UndoHistory, before: Snapshot, now: number): UndoHistory {
  return { done: [...h.done, { before, seq: h.seq + 1, at: now }], undone: [], seq: h.seq + 1 };
}

/** An insert that typed nothing leaves no change behind. */
export function dropChange(h: UndoHistory): UndoHistory {
  return { ...h, done: h.done.slice(0, -1), seq: h.seq - 1 };
}

function ago(at: number, now: number): string {
  const s = Math.max(0, Math.floor((now - at) / 1000));
  if (s >= 100) {
    const d = new Date(at);
    return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
  }
  return `${s} second${s === 1 ? '' : 's'} ago`;
}

/** vim's u_undo_end message: lines more or fewer, else how many lines changed. */
function undoMessage(from: string[], to: string[], word: 'before' | 'after', seq: number, at: number, now: number) {
  const diff = from.length - to.length;
  let what: string;
  let count = Math.abs(diff);
  if (diff === -1) what = 'more line';
  else if (diff < 0) what = 'more lines';
  else if (diff === 1) what = 'line less';
  else if (diff > 1) what = 'fewer lines';
  else {
    let head = 0;
    while (head < to.length && from[head] === to[head]) head++;
    let tail = 0;
    while (tail < to.length - head && from[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++;
    count = Math.max(1, to.length - head - tail);
    what = count === 1 ? 'change' : 'changes';
  }
  return `${count} ${what}; ${word} #${seq}  ${ago(at, now)}`;
}

export interface Walked {
  history: UndoHistory;
  to?: Snapshot;
  message: string;
}

/** u: the last change taken back. */
export function undo(h: UndoHistory, current: Snapshot, now: number): Walked {
  const last = h.done[h.done.length - 1];
  if (!last) return { history: h, message: 'Already at oldest change' };
  const change = { ...last, after: current };
  const message = undoMessage(current.lines, last.before.lines, 'before', last.seq, last.at, now);
  return { history: { ...h, done: h.done.slice(0, -1), undone: [...h.undone, change] }, to: last.before, message };
}

/** Ctrl-R: the last change taken back made again. */
export function redo(h: UndoHistory, current: Snapshot, now: number): Walked {
  const next = h.undone[h.undone.length - 1];
  if (!next?.after) return { history: h, message: 'Already at newest change' };
  const message = undoMessage(current.lines, next.after.lines, 'after', next.seq, next.at, now);
  return { history: { ...h, done: [...h.done, next], undone: h.undone.slice(0, -1) }, to: next.after, message };
}
