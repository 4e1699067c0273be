// The buffer the full-screen editors share (editor-model.ts dispatches their keys): the state,
// the cursor's moves, typing, a line broken or joined, and writing the file through the app.
import type { FullScreenApp } from '../shell/command.js';
import type { UndoHistory } from './editor-search-undo.js';

export interface EditorKey {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  backspace?: boolean;
  delete?: boolean;
  tab?: boolean;
  home?: boolean;
  end?: boolean;
}

export interface EditorState {
  app: FullScreenApp;
  lines: string[];
  row: number;
  col: number;
  /** The first line shown. */
  top: number;
  mode: 'normal' | 'insert' | 'command' | 'ask' | 'search';
  /** What is typed after `:` or `/` (vim), or at nano's Search prompt. */
  command: string;
  /** The last search: its pattern and way (vim's / forward, ? backward), for n, N and nano's ^W Enter. */
  search?: { pattern: string; forward: boolean };
  /** vim's changes, for u and Ctrl-R. */
  history: UndoHistory;
  /** nano's cut buffer (^K, ^U) and whether the last key cut (consecutive ^K add to it). */
  cut: string[];
  cutting: boolean;
  /** The clock for vim's "N seconds ago" (tests pin it). */
  now: () => number;
  /** The bottom line's message. */
  message: string;
  modified: boolean;
  done: boolean;
  /** Keys that came after the program quit (typed ahead, or in the same read): the shell's. */
  typedAfter?: string;
  /** A pending first key of two (vim's d of dd, Z of ZZ). */
  prefix: string;
}

/** The buffer as the file: vim ends every line with a newline; nano adds one after a last line
 * that has text. */
export function text(s: EditorState): string {
  const body = s.lines.join('\n');
  return s.app.kind === 'nano' ? (body === '' || body.endsWith('\n') ? body : `${body}\n`) : `${body}\n`;
}

export function save(s: EditorState): EditorState {
  if (!s.app.save) {
    return { ...s, message: s.app.kind === 'vim' ? 'E32: No file name' : '[ No file name: nothing written ]' };
  }
  const r = s.app.save(text(s));
  return { ...s, message: r.message, modified: r.ok ? false : s.modified };
}

export function clampCol(s: EditorState, col: number, insert = s.mode === 'insert'): number {
  const len = (s.lines[s.row] ?? '').length;
  return Math.max(0, Math.min(col, insert ? len : Math.max(0, len - 1)));
}

/** Keeps the cursor's line on a screen of `rows` text lines. */
export function scrolled(s: EditorState, rows: number): EditorState {
  const top = s.row < s.top ? s.row : s.row >= s.top + rows ? s.row - rows + 1 : s.top;
  return top === s.top ? s : { ...s, top };
}

export function move(s: EditorState, row: number, col: number): EditorState {
  const r = Math.max(0, Math.min(row, s.lines.length - 1));
  const next = { ...s, row: r };
  return { ...next, col: clampCol(next, col) };
}

export function insertText(s: EditorState, input: string): EditorState {
  const line = s.lines[s.row] ?? '';
  const lines = [...s.lines];
  lines[s.row] = line.slice(0, s.col) + input + line.slice(s.col);
  return { ...s, lines, col: s.col + input.length, modified: true };
}

export function newline(s: EditorState): EditorState {
  const line = s.lines[s.row] ?? '';
  const lines = [...s.lines];
  lines.splice(s.row, 1, line.slice(0, s.col), line.slice(s.col));
  return { ...s, lines, row: s.row + 1, col: 0, modified: true };
}

export function backspace(s: EditorState): EditorState {
  const lines = [...s.lines];
  if (s.col > 0) {
    const line = lines[s.row] ?? '';
    lines[s.row] = line.slice(0, s.col - 1) + line.slice(s.col);
    return { ...s, lines, col: s.col - 1, modified: true };
  }
  if (s.row === 0) return s;
  const prev = lines[s.row - 1] ?? '';
  lines.splice(s.row - 1, 2, prev + (lines[s.row] ?? ''));
  return { ...s, lines, row: s.row - 1, col: prev.length, modified: true };
}

/** Arrows, Home/End and the page keys, the same in every program. */
export function motion(s: EditorState, key: EditorKey, page: number): EditorState | undefined {
  if (key.upArrow) return move(s, s.row - 1, s.col);
  if (key.downArrow) return move(s, s.row + 1, s.col);
  if (key.leftArrow) return move(s, s.row, s.col - 1);
  if (key.rightArrow) return move(s, s.row, s.col + 1);
  if (key.pageUp) return move(s, s.row - page, s.col);
  if (key.pageDown) return move(s, s.row + page, s.col);
  if (key.home) return { ...s, col: 0 };
  if (key.end) return { ...s, col: clampCol(s, Number.MAX_SAFE_INTEGER) };
  return undefined;
}
