// The full-screen programs' state and keys, apart from drawing (src/ui/editor.tsx draws them):
// nano (type, arrows, ^O writes, ^X exits and asks about unsaved changes, ^K cuts lines and ^U
// pastes them, ^W finds), vim (normal mode h j k l x dd i a o A O, Esc, :w :q :wq :x :q! ZZ,
// /pattern ?pattern n N, u and Ctrl-R, with vim's messages) and a pager for less, more and man
// (↑/↓ j/k, space/PgDn f, b/PgUp, g/G, q). Every key gives a new state; none can block.
import type { FullScreenApp } from '../shell/command.js';
import { type EditorKey, type EditorState, scrolled } from './editor-buffer.js';
import { nanoKey } from './editor-nano.js';
import { emptyHistory } from './editor-search-undo.js';
import { vimKey } from './editor-vim.js';

export { type EditorKey, type EditorState, scrolled } from './editor-buffer.js';

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
    history: emptyHistory(),
    cut: [],
    cutting: false,
    now: Date.now,
  };
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
