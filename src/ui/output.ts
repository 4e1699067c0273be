// The shell's output as the screen keeps it: whole lines of program output, laid out as a terminal
// would show them, and the tutor's words as markdown entries of their own; and how a line is cut to
// the output area's width.
//
// What programs write goes through a small line discipline, the part of a terminal that matters
// for a scrollback of lines: `\r` returns to the line's start (what follows overwrites it), `\b`
// steps back one column, a tab moves to the next multiple of 8, `\v` and `\f` go down a line in
// the same column, `ESC[2J`/`ESC[3J`/`ESC c` clear (the `clear` command), `ESC[K` erases, SGR and
// other sequences are dropped. Every other control character is shown in caret notation (`^@`,
// `^?`, as `cat -v` shows it: a terminal would draw nothing, which hides that it was there), and
// what has no agreed width — C1 controls, invisible format characters, unassigned code points,
// invalid UTF-8 (the decoder's U+FFFD) — as U+FFFD. What is left has a width string-width and the
// terminal agree on, so no byte a command prints can move a pane's border.
import { charWidth, textWidth } from './text-width.js';

/** Everything before it is gone from the output (`clear`, Ctrl-L). */
export interface Clear {
  clear: true;
}
export const CLEAR: Clear = { clear: true };

/** A line of program output, or a piece of the tutor's text laid out as markdown, or a clear. */
export type OutLine = string | { md: string } | Clear;

/** What a running command has written, in order: its output, and the tutor's words. */
export type Chunk = { text: string } | { md: string };

/** A line cut into rows of at most `width` terminal columns. */
export function wrapLine(line: string, width: number): string[] {
  if (width < 1 || (line.length <= width && textWidth(line) <= width)) return [line];
  const rows: string[] = [];
  if (ASCII_LINE.test(line)) {
    for (let i = 0; i < line.length; i += width) rows.push(line.slice(i, i + width));
    return rows;
  }
  let row = '';
  let used = 0;
  for (const ch of line) {
    const w = charWidth(ch);
    if (used + w > width && row !== '') {
      rows.push(row);
      row = '';
      used = 0;
    }
    row += ch;
    used += w;
  }
  if (row !== '' || rows.length === 0) rows.push(row);
  return rows;
}

/** Control characters but the ones handled, C1 controls, format characters (zero-width spaces,
 * bidi marks, joiners), lone surrogates, unassigned and private-use code points, variation
 * selectors: the characters whose width a terminal and string-width may not agree on. */
const UNSHOWABLE = /[\p{Cf}\p{Cs}\p{Cn}\p{Co}\u0080-\u009f]|\p{Variation_Selector}/u;

const ASCII_LINE = /^[\x20-\x7e]*$/;

/** What each character other than printable ASCII is shown as (itself or U+FFFD), once asked. */
const showable = new Map<number, string>();
const PRINTABLE = /[\x20-\x7e]+/y;

/** A program's output as a terminal lays it out, line by line. */
export class OutputLines {
  /** The unfinished line, one entry per column; '' is the right half of a wide character. */
  private cells: string[] = [];
  private col = 0;
  /** An escape sequence cut off at the end of a write, waiting for the rest. */
  private esc = '';

  /** The lines (and clears) `text` completes. */
  take(text: string): OutLine[] {
    const out: OutLine[] = [];
    const s = this.esc + text;
    this.esc = '';
    for (let i = 0; i < s.length; ) {
      // Runs of printable ASCII go in at once (most output is that).
      PRINTABLE.lastIndex = i;
      const run = PRINTABLE.exec(s);
      if (run) {
        for (const ch of run[0]) this.put1(ch);
        i += run[0].length;
        continue;
      }
      const cp = s.codePointAt(i) as number;
      if (cp === 0x1b) {
        const end = escapeEnd(s, i);
        if (end < 0) {
          // Unfinished: wait for the rest, unless it is no sequence at all (then drop it).
          if (s.length - i < 256) this.esc = s.slice(i);
          break;
        }
        this.escape(s.slice(i, end), out);
        i = end;
        continue;
      }
      const ch = String.fromCodePoint(cp);
      i += ch.length;
      if (ch === '\n') out.push(this.finish());
      else if (ch === '\r') this.col = 0;
      else if (ch === '\b') this.col = Math.max(0, this.col - 1);
      else if (ch === '\t') this.col = (Math.floor(this.col / 8) + 1) * 8;
      else if (ch === '\v' || ch === '\f') {
        const col = this.col;
        out.push(this.finish());
        this.col = col;
      } else if (ch === '\u0007') {
        // BEL: a terminal beeps and draws nothing.
      } else if (cp < 0x20 || cp === 0x7f) {
        this.put('^');
        this.put(String.fromCharCode(cp ^ 0x40));
      } else {
        let shown = showable.get(cp);
        if (shown === undefined) {
          shown = UNSHOWABLE.test(ch) ? '\ufffd' : ch;
          showable.set(cp, shown);
        }
        this.put(shown);
      }
    }
    return out;
  }

  /** Entries for what was written, in order; markdown starts on a line of its own. */
  entries(chunks: Chunk[]): OutLine[] {
    return chunks.flatMap((c): OutLine[] =>
      'text' in c ? this.take(c.text) : [...this.close(), { md: c.md.replace(/\n+$/, '') }],
    );
  }

  /** Ends an unfinished last line, if there is one. */
  close(): OutLine[] {
    this.esc = '';
    return this.cells.length || this.col > 0 ? [this.finish()] : [];
  }

  /** Forgets the unfinished line (a clear). */
  reset(): void {
    this.cells = [];
    this.col = 0;
    this.esc = '';
  }

  /** One printable ASCII character: one column. */
  private put1(ch: string): void {
    if (this.cells[this.col] === '' && this.col > 0) this.cells[this.col - 1] = ' ';
    if (this.cells[this.col + 1] === '') this.cells[this.col + 1] = ' ';
    while (this.cells.length < this.col) this.cells.push(' ');
    this.cells[this.col++] = ch;
  }

  private put(ch: string): void {
    const w = charWidth(ch);
    if (w === 0) {
      // A combining mark joins the character before it; with none before, it is shown alone.
      const at = this.col - 1;
      if (at >= 0 && this.cells[at]) this.cells[at] += ch;
      else if (at >= 0 && this.cells[at - 1]) this.cells[at - 1] += ch;
      else this.put('\ufffd');
      return;
    }
    // Writing over half of a wide character blanks its other half, as a terminal does.
    if (this.cells[this.col] === '' && this.col > 0) this.cells[this.col - 1] = ' ';
    if (w === 2 && this.cells[this.col + 1] !== undefined && this.cells[this.col + 2] === '')
      this.cells[this.col + 2] = ' ';
    if (w === 1 && this.cells[this.col + 1] === '') this.cells[this.col + 1] = ' ';
    while (this.cells.length < this.col) this.cells.push(' ');
    this.cells[this.col] = ch;
    if (w === 2) this.cells[this.col + 1] = '';
    this.col += w;
  }

  private finish(): string {
    while (this.cells.length < this.col) this.cells.push(' ');
    const line = this.cells.join('');
    this.cells = [];
    this.col = 0;
    return line;
  }

  /** One whole escape sequence: the few that change the output, the rest dropped. */
  private escape(seq: string, out: OutLine[]): void {
    if (seq === '\u001bc') {
      this.reset();
      out.push(CLEAR);
      return;
    }
    const csi = /^\u001b\[([0-9;?]*)[ -/]*([@-~])$/.exec(seq);
    if (!csi) return;
    const params = csi[1] ?? '';
    const n = Number.parseInt(params, 10);
    switch (csi[2]) {
      case 'J':
        if (params === '2' || params === '3') {
          this.reset();
          out.push(CLEAR);
        } else if (params === '' || params === '0') this.cells.length = Math.min(this.cells.length, this.col);
        break;
      case 'K':
        if (params === '' || params === '0') this.cells.length = Math.min(this.cells.length, this.col);
        else if (params === '1') for (let c = 0; c <= this.col && c < this.cells.length; c++) this.cells[c] = ' ';
        else if (params === '2') this.cells = [];
        break;
      case 'C':
        this.col += Number.isNaN(n) || n < 1 ? 1 : Math.min(n, 1000);
        break;
      case 'D':
        this.col = Math.max(0, this.col - (Number.isNaN(n) || n < 1 ? 1 : n));
        break;
      case 'G':
        this.col = Math.max(0, Math.min((Number.isNaN(n) ? 1 : n) - 1, 1000));
        break;
      default:
        break;
    }
  }
}

/** Where the escape sequence starting at `i` ends (exclusive), or -1 when it is not finished. */
function escapeEnd(s: string, i: number): number {
  const next = s[i + 1];
  if (next === undefined) return -1;
  if (next === '[') {
    for (let j = i + 2; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c >= 0x40 && c <= 0x7e) return j + 1;
      // Not a CSI's parameter or intermediate byte: the sequence is broken; drop ESC [ alone.
      if (c < 0x20 || c > 0x3f) return i + 2;
    }
    return -1;
  }
  if (next === ']' || next === 'P' || next === '_' || next === '^') {
    // OSC, DCS, APC, PM: up to BEL or ESC \.
    for (let j = i + 2; j < s.length; j++) {
      if (s[j] === '\u0007') return j + 1;
      if (s[j] === '\u001b') return s[j + 1] === undefined ? -1 : s[j + 1] === '\\' ? j + 2 : j;
    }
    return -1;
  }
  // Two-character sequences (ESC c, ESC 7, ESC =); ESC ( B and friends take one more.
  if ('()*+'.includes(next)) return s[i + 2] === undefined ? -1 : i + 3;
  return i + 2;
}
