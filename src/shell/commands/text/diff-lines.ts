// The line diff behind diff: a shortest edit script by Myers' O(ND) algorithm (diff-formats.ts
// prints it). A last line without its newline is a line of its own kind (it differs from the same
// text with one), as both GNU diff and busybox's compare it.

/** One run of the edit script: lines of a (from a0, count) replaced by lines of b (from b0). */
export interface Change {
  a0: number;
  aCount: number;
  b0: number;
  bCount: number;
}

export interface Lines {
  lines: string[];
  /** Whether the last line lacks its newline. */
  noEol: boolean;
}

export function splitLines(text: string): Lines {
  if (text === '') return { lines: [], noEol: false };
  const lines = text.split('\n');
  const noEol = lines[lines.length - 1] !== '';
  if (!noEol) lines.pop();
  return { lines, noEol };
}

/** How lines are compared: as `norm` makes them (diff's -i, -b, -w, -Z); with -b or -w a missing
 * last newline is whitespace too, and no difference. */
export interface LineCompare {
  norm?: (line: string) => string;
  spaceBlind?: boolean;
}

/** The changes that turn a into b, fewest lines added and removed (Myers), deletions first. */
export function diffLines(a: Lines, b: Lines, compare: LineCompare = {}): Change[] {
  const { norm = (line: string) => line, spaceBlind = false } = compare;
  const key = (l: Lines, i: number): string => {
    const line = norm(l.lines[i]!);
    return l.noEol && i === l.lines.length - 1 && !spaceBlind ? `${line}\0` : line;
  };
  const A = a.lines.map((_, i) => key(a, i));
  const B = b.lines.map((_, i) => key(b, i));
  // Common head and tail need no search.
  let head = 0;
  while (head < A.length && head < B.length && A[head] === B[head]) head++;
  let tail = 0;
  while (tail < A.length - head && tail < B.length - head && A[A.length - 1 - tail] === B[B.length - 1 - tail]) tail++;
  const a1 = A.slice(head, A.length - tail);
  const b1 = B.slice(head, B.length - tail);
  const n = a1.length;
  const m = b1.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    // The trace grows as D × (N+M): past a bound, the middle is one change (still a correct diff).
    if (d * v.length > TRACE_LIMIT) return n + m === 0 ? [] : [{ a0: head, aCount: n, b0: head, bCount: m }];
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!);
      let x = down ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a1[x] === b1[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the trace: each step is one line deleted or inserted, then a diagonal.
  const edits: ('=' | '-' | '+')[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && vd[max + k - 1]! < vd[max + k + 1]!);
    const pk = down ? k + 1 : k - 1;
    const px = vd[max + pk]!;
    const py = px - pk;
    while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) {
      edits.push('=');
      x--;
      y--;
    }
    edits.push(down ? '+' : '-');
    if (down) y--;
    else x--;
  }
  while (x > 0 && y > 0) {
    edits.push('=');
    x--;
    y--;
  }
  edits.reverse();
  const changes: Change[] = [];
  let ai = head;
  let bi = head;
  for (let i = 0; i < edits.length; ) {
    if (edits[i] === '=') {
      ai++;
      bi++;
      i++;
      continue;
    }
    const c: Change = { a0: ai, aCount: 0, b0: bi, bCount: 0 };
    while (i < edits.length && edits[i] !== '=') {
      if (edits[i] === '-') c.aCount++;
      else c.bCount++;
      i++;
    }
    ai += c.aCount;
    bi += c.bCount;
    changes.push(c);
  }
  return changes;
}

/** Cells of trace kept at most (about 200 MB of Int32). */
const TRACE_LIMIT = 50_000_000;
