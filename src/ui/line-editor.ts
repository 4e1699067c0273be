// The line being typed at the prompt, edited as readline edits it, and laid out as readline draws
// it: the prompt and the text run on across rows at the terminal's width (no indentation, the
// prompt left intact), the cursor where the next character goes. Pure: the Screen owns the keys.
import { charWidth } from './text-width.js';

export interface EditLine {
  value: string;
  /** In characters (code points) from the start of value. */
  cursor: number;
}

export const EMPTY_LINE: EditLine = { value: '', cursor: 0 };

export const lineAt = (value: string): EditLine => ({ value, cursor: [...value].length });

const chars = (s: string): string[] => [...s];

export function insert(l: EditLine, text: string): EditLine {
  const c = chars(l.value);
  const added = chars(text);
  return { value: [...c.slice(0, l.cursor), ...added, ...c.slice(l.cursor)].join(''), cursor: l.cursor + added.length };
}

export function backspace(l: EditLine): EditLine {
  if (l.cursor === 0) return l;
  const c = chars(l.value);
  c.splice(l.cursor - 1, 1);
  return { value: c.join(''), cursor: l.cursor - 1 };
}

export function deleteForward(l: EditLine): EditLine {
  const c = chars(l.value);
  if (l.cursor >= c.length) return l;
  c.splice(l.cursor, 1);
  return { value: c.join(''), cursor: l.cursor };
}

export const move = (l: EditLine, to: number): EditLine => ({
  value: l.value,
  cursor: Math.max(0, Math.min(chars(l.value).length, to)),
});

/** Ctrl-U: the text before the cursor goes. */
export const killBefore = (l: EditLine): EditLine => ({ value: chars(l.value).slice(l.cursor).join(''), cursor: 0 });

/** Ctrl-K: the text from the cursor on goes. */
export const killAfter = (l: EditLine): EditLine => ({
  value: chars(l.value).slice(0, l.cursor).join(''),
  cursor: l.cursor,
});

/** Ctrl-W: the word before the cursor (and the spaces after it) goes, as readline's unix-word-rubout. */
export function killWord(l: EditLine): EditLine {
  const c = chars(l.value);
  let i = l.cursor;
  while (i > 0 && c[i - 1] === ' ') i--;
  while (i > 0 && c[i - 1] !== ' ') i--;
  return { value: [...c.slice(0, i), ...c.slice(l.cursor)].join(''), cursor: i };
}

/** One screen row of the prompt line; `cursor` is the column of the cursor when it is on this row. */
export interface PromptRow {
  text: string;
  cursor?: { before: string; at: string; after: string };
}

/**
 * The prompt and the line cut into rows of `width` columns as a terminal wraps them. The cursor
 * takes a cell of its own after the last character (readline moves to the next row when the line
 * fills one exactly). At most `maxRows` rows are returned: the ones around the cursor.
 */
export function promptRows(
  prompt: string,
  l: EditLine,
  width: number,
  maxRows: number,
  showCursor = true,
): PromptRow[] {
  const cells = [...chars(prompt), ...chars(l.value)];
  const at = chars(prompt).length + l.cursor;
  if (showCursor && at === cells.length) cells.push(' ');
  const rows: { chars: string[]; start: number }[] = [];
  let row: string[] = [];
  let used = 0;
  let start = 0;
  cells.forEach((ch, i) => {
    const w = Math.max(1, charWidth(ch));
    if (used + w > Math.max(1, width) && row.length > 0) {
      rows.push({ chars: row, start });
      row = [];
      used = 0;
      start = i;
    }
    row.push(ch);
    used += w;
  });
  rows.push({ chars: row, start });
  const laid: PromptRow[] = rows.map((r) => {
    const text = r.chars.join('');
    if (!showCursor || at < r.start || at >= r.start + r.chars.length) return { text };
    const k = at - r.start;
    return {
      text,
      cursor: { before: r.chars.slice(0, k).join(''), at: r.chars[k] ?? ' ', after: r.chars.slice(k + 1).join('') },
    };
  });
  if (laid.length <= maxRows) return laid;
  const cursorRow = Math.max(
    0,
    laid.findIndex((r) => r.cursor),
  );
  const first = Math.max(0, Math.min(cursorRow - maxRows + 1, laid.length - maxRows));
  return laid.slice(first, first + Math.max(1, maxRows));
}
