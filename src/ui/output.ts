// The shell's output as the screen keeps it: whole lines of program output, and the tutor's
// words as markdown entries of their own; and how a line is cut to the output area's width.
import { fitChars, textWidth } from './text-width.js';

/** A line of program output, or a piece of the tutor's text laid out as markdown. */
export type OutLine = string | { md: string };

/** What a running command has written, in order: its output, and the tutor's words. */
export type Chunk = { text: string } | { md: string };

/** A line cut into rows of at most `width` terminal columns. */
export function wrapLine(line: string, width: number): string[] {
  if (width < 1 || textWidth(line) <= width) return [line];
  const chars = [...line];
  const rows: string[] = [];
  for (let i = 0; i < chars.length; ) {
    const n = fitChars(chars.slice(i), width);
    rows.push(chars.slice(i, i + n).join(''));
    i += n;
  }
  return rows;
}

/** The terminal would expand tabs to the next multiple of 8 (ls aligns its columns with them);
 * Ink counts a tab as one cell, so the screen expands them itself. */
export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  return out;
}

/** Cuts what commands write into whole lines: an unfinished last line waits for the rest. */
export class OutputLines {
  private pending = '';

  /** The whole lines `text` completes. */
  take(text: string): string[] {
    const lines = (this.pending + text).split('\n');
    this.pending = lines.pop() ?? '';
    return lines.map(expandTabs);
  }

  /** Entries for what was written, in order; markdown starts on a line of its own. */
  entries(chunks: Chunk[]): OutLine[] {
    return chunks.flatMap((c): OutLine[] =>
      'text' in c ? this.take(c.text) : [...this.close(), { md: c.md.replace(/\n+$/, '') }],
    );
  }

  /** Ends an unfinished last line, if there is one. */
  close(): string[] {
    return this.pending ? this.take('\n') : [];
  }
}
