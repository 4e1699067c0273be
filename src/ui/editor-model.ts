// The full-screen programs' state and keys, apart from drawing (src/ui/editor.tsx draws them):
// nano (type, arrows, ^O writes, ^X exits and asks about unsaved changes), vim (normal mode h j k l
// x dd i a o A O, Esc, :w :q :wq :x :q! ZZ, with vim's messages) and a pager for less, more and
// man (↑/↓ j/k, space/PgDn f, b/PgUp, g/G, q). Every key gives a new state; none can block.
import type { FullScreenApp } from '../shell/command.js';

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
  mode: 'normal' | 'insert' | 'command' | 'ask';
  /** What is typed after `:` (vim). */
  command: string;
  /** The bottom line's message. */
  message: string;
  modified: boolean;
  done: boolean;
  /** A pending first key of two (vim's d of dd, Z of ZZ). */
  prefix: string;
}

export function openEditor(app: FullScreenApp): EditorState {
  // nano keeps the empty line after the last newline (its cursor can go there); vim does not.
  const lines = app.kind === 'nano' ? app.text.split('\n') : app.text.replace(/\n$/, '').split('\n');
  const count = app.text === '' ? 0 : app.text.replace(/\n$/, '').split('\n').length;
  const bytes = new TextEncoder().encode(app.text).length;
  const message =
    app.kind === 'vim'
      ? app.name === ''
        ? ''
        : app.newFile
          ? `"${app.name}" [New]`
          : `"${app.name}" ${count}L, ${bytes}B`
      : app.kind === 'nano'
        ? app.newFile
          ? '[ New File ]'
          : `[ Read ${count} line${count === 1 ? '' : 's'} ]`
        : '';
  return {
    app,
    lines,
    row: 0,
    col: 0,
    top: 0,
    mode: app.kind === 'vim' ? 'normal' : 'insert',
    command: '',
    message,
    modified: false,
    done: false,
    prefix: '',
  };
}

/** The buffer as the file: vim ends every line with a newline; nano adds one after a last line
 * that has text. */
function text(s: EditorState): string {
  const body = s.lines.join('\n');
  return s.app.kind === 'nano' ? (body === '' || body.endsWith('\n') ? body : `${body}\n`) : `${body}\n`;
}

function save(s: EditorState): EditorState {
  if (!s.app.save) {
    return { ...s, message: s.app.kind === 'vim' ? 'E32: No file name' : '[ No file name: nothing written ]' };
  }
  const r = s.app.save(text(s));
  return { ...s, message: r.message, modified: r.ok ? false : s.modified };
}

function clampCol(s: EditorState, col: number, insert = s.mode === 'insert'): number {
  const len = (s.lines[s.row] ?? '').length;
  return Math.max(0, Math.min(col, insert ? len : Math.max(0, len - 1)));
}

/** Keeps the cursor's line on a screen of `rows` text lines. */
export function scrolled(s: EditorState, rows: number): EditorState {
  const top = s.row < s.top ? s.row : s.row >= s.top + rows ? s.row - rows + 1 : s.top;
  return top === s.top ? s : { ...s, top };
}

function move(s: EditorState, row: number, col: number): EditorState {
  const r = Math.max(0, Math.min(row, s.lines.length - 1));
  const next = { ...s, row: r };
  return { ...next, col: clampCol(next, col) };
}

function insertText(s: EditorState, input: string): EditorState {
  const line = s.lines[s.row] ?? '';
  const lines = [...s.lines];
  lines[s.row] = line.slice(0, s.col) + input + line.slice(s.col);
  return { ...s, lines, col: s.col + input.length, modified: true };
}

function newline(s: EditorState): EditorState {
  const line = s.lines[s.row] ?? '';
  const lines = [...s.lines];
  lines.splice(s.row, 1, line.slice(0, s.col), line.slice(s.col));
  return { ...s, lines, row: s.row + 1, col: 0, modified: true };
}

function backspace(s: EditorState): EditorState {
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
function motion(s: EditorState, key: EditorKey, page: number): EditorState | undefined {
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

function nanoKey(s: EditorState, input: string, key: EditorKey, page: number): EditorState {
  if (s.mode === 'ask') {
    if (/^[yY]$/.test(input)) {
      const saved = save(s);
      return saved.modified ? { ...saved, mode: 'insert' } : { ...saved, done: true };
    }
    if (/^[nN]$/.test(input)) return { ...s, done: true };
    if (key.ctrl && input === 'c') return { ...s, mode: 'insert', message: '[ Cancelled ]' };
    return s;
  }
  const moved = motion(s, key, page);
  if (moved) return { ...moved, message: '' };
  if (key.ctrl && input === 'o') return save(s);
  if (key.ctrl && input === 'x') {
    return s.modified ? { ...s, mode: 'ask', message: 'Save modified buffer?' } : { ...s, done: true };
  }
  if (key.ctrl && input === 'k') {
    const lines = s.lines.length > 1 ? s.lines.filter((_, i) => i !== s.row) : [''];
    return move({ ...s, lines, modified: true }, s.row, 0);
  }
  if (key.ctrl || key.escape) return s;
  if (key.return) return newline(s);
  if (key.backspace || key.delete) return backspace(s);
  if (key.tab) return insertText(s, '\t');
  return input ? insertText(s, input) : s;
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

function vimKey(s: EditorState, input: string, key: EditorKey, page: number): EditorState {
  if (s.mode === 'command') {
    if (key.escape) return { ...s, mode: 'normal', command: '', message: '' };
    if (key.return) return vimCommand(s);
    if (key.backspace || key.delete) {
      return s.command === '' ? { ...s, mode: 'normal' } : { ...s, command: s.command.slice(0, -1) };
    }
    return key.ctrl ? s : { ...s, command: s.command + input };
  }
  if (s.mode === 'insert') {
    if (key.escape) return { ...s, mode: 'normal', col: Math.max(0, s.col - 1), message: '' };
    const moved = motion(s, key, page);
    if (moved) return moved;
    if (key.return) return newline(s);
    if (key.backspace || key.delete) return backspace(s);
    if (key.tab) return insertText(s, '\t');
    return key.ctrl || !input ? s : insertText(s, input);
  }
  const moved = motion(s, key, page);
  if (moved) return { ...moved, prefix: '' };
  if (key.escape || key.ctrl) return { ...s, prefix: '' };
  const two = s.prefix + input;
  const normal = { ...s, prefix: '' };
  const insert = (st: EditorState): EditorState => ({ ...st, mode: 'insert', message: '-- INSERT --', prefix: '' });
  switch (two) {
    case 'dd': {
      const lines = s.lines.length > 1 ? s.lines.filter((_, i) => i !== s.row) : [''];
      return move({ ...normal, lines, modified: true }, s.row, s.col);
    }
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
      const next = { ...normal, lines, modified: true };
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

function pagerKey(s: EditorState, input: string, key: EditorKey, page: number): EditorState {
  const last = Math.max(0, s.lines.length - page);
  const to = (top: number): EditorState => ({ ...s, top: Math.max(0, Math.min(last, top)) });
  if (input === 'q' || input === 'Q' || (key.ctrl && input === 'c')) return { ...s, done: true };
  if (key.downArrow || key.return || input === 'j' || input === 'e') return to(s.top + 1);
  if (key.upArrow || input === 'k' || input === 'y') return to(s.top - 1);
  if (key.pageDown || input === ' ' || input === 'f') return to(s.top + page);
  if (key.pageUp || input === 'b') return to(s.top - page);
  if (input === 'g' || input === '<') return to(0);
  if (input === 'G' || input === '>') return to(last);
  return s;
}

/** One key: `page` is how many text lines the screen shows. */
export function editorKey(s: EditorState, input: string, key: EditorKey, page: number): EditorState {
  if (s.app.kind === 'pager') return pagerKey(s, input, key, page);
  const next = s.app.kind === 'nano' ? nanoKey(s, input, key, page) : vimKey(s, input, key, page);
  return scrolled(next, page);
}
