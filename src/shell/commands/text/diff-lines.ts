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

/** Each line as it compares: normalised, and a last line without its newline marked. */
function keysOf(l: Lines, compare: LineCompare): string[] {
  const { norm = (line: string) => line, spaceBlind = false } = compare;
  return l.lines.map((text, i) => {
    const line = norm(text);
    return l.noEol && i === l.lines.length - 1 && !spaceBlind ? `${line}\0` : line;
  });
}

/** The changes that turn a into b, fewest lines added and removed (Myers), deletions first. */
export function diffLines(a: Lines, b: Lines, compare: LineCompare = {}): Change[] {
  const A = keysOf(a, compare);
  const B = keysOf(b, compare);
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

/**
 * GNU diff's shift_boundaries (analyze.c): each run of changed lines in one file slides back while
 * the line before it equals its last line, then forward while its first line equals the line after
 * it, merging with runs it meets; a run that ends up past a change in the other file is brought
 * back level with it. Where several edit scripts are equally short this picks the one diffutils
 * prints (a blank line removed from a run of blank lines is the last of them, not the first).
 */
export function shiftBoundaries(a: Lines, b: Lines, changes: Change[], compare: LineCompare = {}): Change[] {
  const keys = [keysOf(a, compare), keysOf(b, compare)];
  // changed[f][i + 1] is line i's flag; the sentinels at both ends stay 0.
  const changed = keys.map((k) => new Uint8Array(k.length + 2));
  for (const c of changes) {
    for (let i = 0; i < c.aCount; i++) changed[0]![c.a0 + i + 1] = 1;
    for (let i = 0; i < c.bCount; i++) changed[1]![c.b0 + i + 1] = 1;
  }
  for (let f = 0; f < 2; f++) {
    const ch = changed[f]!;
    const other = changed[1 - f]!;
    const eq = keys[f]!;
    const at = (arr: Uint8Array, i: number): number => arr[i + 1]!;
    const set = (arr: Uint8Array, i: number, v: number): void => {
      arr[i + 1] = v;
    };
    const end = eq.length;
    let i = 0;
    let j = 0;
    for (;;) {
      while (i < end && !at(ch, i)) {
        while (at(other, j++));
        i++;
      }
      if (i === end) break;
      let start = i;
      while (at(ch, ++i));
      while (at(other, j)) j++;
      let runlength: number;
      let corresponding: number;
      do {
        runlength = i - start;
        while (start && eq[start - 1] === eq[i - 1]) {
          set(ch, --start, 1);
          set(ch, --i, 0);
          while (at(ch, start - 1)) start--;
          while (at(other, --j));
        }
        corresponding = at(other, j - 1) ? i : end;
        while (i !== end && eq[start] === eq[i]) {
          set(ch, start++, 0);
          set(ch, i++, 1);
          while (at(ch, i)) i++;
          while (at(other, ++j)) corresponding = i;
        }
      } while (runlength !== i - start);
      while (corresponding < i) {
        set(ch, --start, 1);
        set(ch, --i, 0);
        while (at(other, --j));
      }
    }
  }
  // build_script, forwards: each stretch where either side is changed is one change.
  const out: Change[] = [];
  const [c0, c1] = changed as [Uint8Array, Uint8Array];
  let i0 = 0;
  let i1 = 0;
  while (i0 < keys[0]!.length || i1 < keys[1]!.length) {
    if (c0[i0 + 1] || c1[i1 + 1]) {
      const c: Change = { a0: i0, aCount: 0, b0: i1, bCount: 0 };
      while (c0[i0 + 1]) i0++;
      while (c1[i1 + 1]) i1++;
      c.aCount = i0 - c.a0;
      c.bCount = i1 - c.b0;
      out.push(c);
    } else {
      i0++;
      i1++;
    }
  }
  return out;
}
