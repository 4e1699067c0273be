// vim's keys on the shared buffer: normal mode (h j k l 0 $ G x dd i I a A o O ZZ), insert mode,
// : commands (w q wq x q!), / and ? searches with n and N, u and Ctrl-R, with vim 9.0's messages.
import {
  backspace,
  clampCol,
  type EditorKey,
  type EditorState,
  insertText,
  motion,
  move,
  newline,
  save,
} from './editor-buffer.js';
import { beginChange, dropChange, findFrom, redo, type Snapshot, searchRegex, undo } from './editor-search-undo.js';

/** vim's / ? n N: the match from the cursor on, wrapping round with vim's words. */
function vimFind(s: EditorState, pattern: string, forward: boolean): EditorState {
  const search = { pattern, forward: s.search && s.mode === 'normal' ? s.search.forward : forward };
  const base: EditorState = { ...s, mode: 'normal', command: '', search };
  const re = searchRegex(pattern, false);
  const found = re && findFrom(s.lines, s.row, s.col, re, forward);
  if (!found) return { ...base, message: `E486: Pattern not found: ${pattern}` };
  const message = found.wrapped
    ? forward
      ? 'search hit BOTTOM, continuing at TOP'
      : 'search hit TOP, continuing at BOTTOM'
    : `${forward ? '/' : '?'}${pattern}`;
  return { ...base, row: found.row, col: found.col, message };
}

const snapshot = (s: EditorState): Snapshot => ({ lines: s.lines, row: s.row, col: s.col });

/** A change vim can take back with u: the buffer before it is kept. */
function changing(s: EditorState): EditorState {
  return { ...s, history: beginChange(s.history, snapshot(s), s.now()) };
}

function vimCommand(s: EditorState): EditorState {
  const cmd = s.command.trim();
  const base = { ...s, mode: 'normal' as const, command: '' };
  const write = (after: (w: EditorState) => EditorState): EditorState => {
    const w = save(base);
    return w.modified ? w : after(w);
  };
  switch (cmd) {
    case '':
      return base;
    case 'w':
    case 'w!':
      return write((w) => w);
    case 'wq':
    case 'wq!':
    case 'x':
      return !s.modified && cmd === 'x' ? { ...base, done: true } : write((w) => ({ ...w, done: true }));
    case 'q':
      return s.modified
        ? { ...base, message: 'E37: No write since last change (add ! to override)' }
        : { ...base, done: true };
    case 'q!':
    case 'qa!':
      return { ...base, done: true };
    default:
      return { ...base, message: `E492: Not an editor command: ${cmd}` };
  }
}

export function vimKey(s: EditorState, input: string, key: EditorKey, page: number): EditorState {
  if (s.mode === 'command') {
    if (key.escape) return { ...s, mode: 'normal', command: '', message: '' };
    if (key.return) return vimCommand(s);
    if (key.backspace || key.delete) {
      return s.command === '' ? { ...s, mode: 'normal' } : { ...s, command: s.command.slice(0, -1) };
    }
    return key.ctrl ? s : { ...s, command: s.command + input };
  }
  if (s.mode === 'search') {
    if (key.escape) return { ...s, mode: 'normal', command: '', message: '' };
    if (key.backspace || key.delete) {
      return s.command.length <= 1 ? { ...s, mode: 'normal', command: '' } : { ...s, command: s.command.slice(0, -1) };
    }
    if (!key.return) return key.ctrl ? s : { ...s, command: s.command + input };
    const forward = s.command.startsWith('/');
    const pattern = s.command.slice(1) || s.search?.pattern;
    if (!pattern) return { ...s, mode: 'normal', command: '', message: 'E35: No previous regular expression' };
    return vimFind({ ...s, search: undefined }, pattern, forward);
  }
  if (s.mode === 'insert') {
    if (key.escape) {
      const last = s.history.done[s.history.done.length - 1];
      // An insert that typed nothing leaves no change for u to take back.
      const history = last && last.before.lines === s.lines ? dropChange(s.history) : s.history;
      return { ...s, history, mode: 'normal', col: Math.max(0, s.col - 1), message: '' };
    }
    const moved = motion(s, key, page);
    if (moved) return moved;
    if (key.return) return newline(s);
    if (key.backspace || key.delete) return backspace(s);
    if (key.tab) return insertText(s, '\t');
    return key.ctrl || !input ? s : insertText(s, input);
  }
  const moved = motion(s, key, page);
  if (moved) return { ...moved, prefix: '' };
  if (key.ctrl && input === 'r') return walk(s, redo);
  if (key.escape || key.ctrl) return { ...s, prefix: '' };
  const two = s.prefix + input;
  const normal = { ...s, prefix: '' };
  const insert = (st: EditorState): EditorState => ({
    ...st,
    mode: 'insert',
    message: '-- INSERT --',
    prefix: '',
    history: st.history === s.history ? beginChange(s.history, snapshot(s), s.now()) : st.history,
  });
  switch (two) {
    case 'dd': {
      const lines = s.lines.length > 1 ? s.lines.filter((_, i) => i !== s.row) : [''];
      return move({ ...changing(normal), lines, modified: true }, s.row, s.col);
    }
    case '/':
    case '?':
      return { ...normal, mode: 'search', command: two, message: '' };
    case 'n':
    case 'N': {
      if (!s.search) return { ...normal, message: 'E35: No previous regular expression' };
      const forward = two === 'n' ? s.search.forward : !s.search.forward;
      return vimFind(normal, s.search.pattern, forward);
    }
    case 'u':
      return walk(normal, undo);
    case 'ZZ':
      return s.modified ? vimCommand({ ...normal, command: 'x' }) : { ...normal, done: true };
    case 'd':
    case 'Z':
      return { ...s, prefix: two };
    case ':':
      return { ...normal, mode: 'command', command: '', message: '' };
    case 'h':
      return move(normal, s.row, s.col - 1);
    case 'l':
      return move(normal, s.row, s.col + 1);
    case 'j':
      return move(normal, s.row + 1, s.col);
    case 'k':
      return move(normal, s.row - 1, s.col);
    case '0':
      return { ...normal, col: 0 };
    case '$':
      return { ...normal, col: clampCol(normal, Number.MAX_SAFE_INTEGER) };
    case 'G':
      return move(normal, s.lines.length - 1, 0);
    case 'x': {
      const line = s.lines[s.row] ?? '';
      if (line === '') return normal;
      const lines = [...s.lines];
      lines[s.row] = line.slice(0, s.col) + line.slice(s.col + 1);
      const next = { ...changing(normal), lines, modified: true };
      return { ...next, col: clampCol(next, s.col) };
    }
    case 'i':
      return insert(normal);
    case 'I':
      return insert({ ...normal, col: 0 });
    case 'a':
      return insert({ ...normal, col: Math.min((s.lines[s.row] ?? '').length, s.col + 1) });
    case 'A':
      return insert({ ...normal, col: (s.lines[s.row] ?? '').length });
    case 'o':
    case 'O': {
      const at = two === 'o' ? s.row + 1 : s.row;
      const lines = [...s.lines];
      lines.splice(at, 0, '');
      return insert({ ...normal, lines, row: at, col: 0, modified: true });
    }
    default:
      return normal;
  }
}

/** u or Ctrl-R: the buffer as the history says, the cursor where the change was. */
function walk(s: EditorState, how: typeof undo): EditorState {
  const w = how(s.history, snapshot(s), s.now());
  const at = w.to ?? snapshot(s);
  const next = { ...s, history: w.history, lines: at.lines, row: at.row, message: w.message, prefix: '' };
  return w.to ? { ...next, modified: true, col: clampCol(next, at.col, false) } : next;
}
