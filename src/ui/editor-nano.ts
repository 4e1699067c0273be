// nano's keys on the shared buffer: typing, ^O writes, ^X exits (asking about unsaved changes),
// ^K cuts lines and consecutive ^K add to one cut buffer, ^U pastes it above the cursor, ^W finds
// text from the cursor on (nano 7.2's messages).
import {
  backspace,
  type EditorKey,
  type EditorState,
  insertText,
  motion,
  move,
  newline,
  save,
} from './editor-buffer.js';
import { findFrom, searchRegex } from './editor-search-undo.js';

export function nanoKey(s: EditorState, input: string, key: EditorKey, page: number): EditorState {
  if (s.mode === 'ask') {
    if (/^[yY]$/.test(input)) {
      const saved = save(s);
      return saved.modified ? { ...saved, mode: 'insert' } : { ...saved, done: true };
    }
    if (/^[nN]$/.test(input)) return { ...s, done: true };
    if (key.ctrl && input === 'c') return { ...s, mode: 'insert', message: '[ Cancelled ]' };
    return s;
  }
  if (s.mode === 'search') return nanoSearchKey(s, input, key);
  const next = nanoEdit(s, input, key, page);
  return next.cutting && key.ctrl && input === 'k' ? next : { ...next, cutting: false };
}

function nanoEdit(s: EditorState, input: string, key: EditorKey, page: number): EditorState {
  const moved = motion(s, key, page);
  if (moved) return { ...moved, message: '' };
  if (key.ctrl && input === 'w') return { ...s, mode: 'search', command: '', message: '' };
  if (key.ctrl && input === 'u') {
    if (s.cut.length === 0) return s;
    const lines = [...s.lines];
    lines.splice(s.row, 0, ...s.cut);
    return { ...s, lines, row: s.row + s.cut.length, col: 0, modified: true };
  }
  if (key.ctrl && input === 'o') return save(s);
  if (key.ctrl && input === 'x') {
    return s.modified ? { ...s, mode: 'ask', message: 'Save modified buffer?' } : { ...s, done: true };
  }
  if (key.ctrl && input === 'k') {
    const line = s.lines[s.row] ?? '';
    // The empty line after the last newline has nothing to cut: the buffer stays as it was.
    if (s.row === s.lines.length - 1 && line === '') return { ...s, cutting: s.cutting };
    const lines = s.lines.length > 1 ? s.lines.filter((_, i) => i !== s.row) : [''];
    const cut = s.cutting ? [...s.cut, line] : [line];
    return move({ ...s, lines, modified: true, cut, cutting: true }, s.row, 0);
  }
  if (key.ctrl || key.escape) return s;
  if (key.return) return newline(s);
  if (key.backspace || key.delete) return backspace(s);
  if (key.tab) return insertText(s, '\t');
  return input ? insertText(s, input) : s;
}

/** nano's Search prompt: text typed, Enter finds it (or the last one) from the cursor on. */
function nanoSearchKey(s: EditorState, input: string, key: EditorKey): EditorState {
  if (key.escape || (key.ctrl && input === 'c')) return { ...s, mode: 'insert', command: '', message: '[ Cancelled ]' };
  if (key.backspace || key.delete) return { ...s, command: s.command.slice(0, -1) };
  if (!key.return) return key.ctrl || !input ? s : { ...s, command: s.command + input };
  const pattern = s.command || s.search?.pattern || '';
  const base: EditorState = { ...s, mode: 'insert', command: '' };
  if (pattern === '') return { ...base, message: '[ Cancelled ]' };
  const search = { pattern, forward: true };
  const found = findFrom(s.lines, s.row, s.col, searchRegex(pattern, true) as RegExp, true);
  if (!found) return { ...base, search, message: `[ "${pattern}" not found ]` };
  const only = found.row === s.row && found.col === s.col;
  const message = only ? '[ This is the only occurrence ]' : found.wrapped ? '[ Search Wrapped ]' : '';
  return { ...base, search, row: found.row, col: found.col, message };
}
