// The full-screen programs' keys: nano, vim and the pager, each way a learner may go.
import { describe, expect, it } from 'vitest';
import type { FullScreenApp } from '../../src/shell/command.js';
import { type EditorKey, editorKey, type EditorState, openEditor } from '../../src/ui/editor-model.js';

function app(kind: FullScreenApp['kind'], text: string, saved: string[] = []): FullScreenApp {
  return { kind, name: 'f', text, save: (t) => (saved.push(t), { ok: true, message: `wrote ${t.length}` }) };
}

/** Types keys: a string is its characters; an object is one special key. */
function keys(s: EditorState, ...ks: (string | EditorKey)[]): EditorState {
  for (const k of ks) {
    if (typeof k === 'string') for (const ch of k) s = editorKey(s, ch, {}, 20);
    else s = editorKey(s, '', k, 20);
  }
  return s;
}

describe('nano', () => {
  it('types, writes with ^O in place of the text and exits with ^X', () => {
    const saved: string[] = [];
    let s = openEditor(app('nano', 'FROM busybox\n', saved));
    expect(s.message).toBe('[ Read 1 line ]');
    s = keys(s, { downArrow: true }, 'RUN echo hi');
    s = editorKey(s, 'o', { ctrl: true }, 20);
    expect(saved).toEqual(['FROM busybox\nRUN echo hi\n']);
    expect(s.modified).toBe(false);
    s = editorKey(s, 'x', { ctrl: true }, 20);
    expect(s.done).toBe(true);
  });

  it('asks before leaving unsaved changes: N leaves them unwritten, ^C stays', () => {
    const saved: string[] = [];
    let s = keys(openEditor(app('nano', '', saved)), 'x');
    s = editorKey(s, 'x', { ctrl: true }, 20);
    expect([s.done, s.mode, s.message]).toEqual([false, 'ask', 'Save modified buffer?']);
    expect(editorKey(s, 'c', { ctrl: true }, 20).done).toBe(false);
    const left = editorKey(s, 'n', {}, 20);
    expect([left.done, saved]).toEqual([true, []]);
    const yes = editorKey(s, 'y', {}, 20);
    expect([yes.done, saved]).toEqual([true, ['x\n']]);
  });
});

describe('vim', () => {
  it('inserts after o, leaves insert mode with Esc and saves and quits with :wq', () => {
    const saved: string[] = [];
    let s = openEditor(app('vim', 'a\nb\n', saved));
    expect(s.message).toBe('"f" 2L, 4B');
    s = keys(s, 'G', 'o', 'c', { escape: true }, ':wq', { return: true });
    expect(saved).toEqual(['a\nb\nc\n']);
    expect(s.done).toBe(true);
  });

  it('refuses :q with unsaved changes (E37) and quits with :q!; typing in normal mode changes nothing', () => {
    const saved: string[] = [];
    let s = keys(openEditor(app('vim', 'abc\n', saved)), 'q', 'w', 'e');
    expect(s.modified).toBe(false);
    s = keys(s, 'x', ':q', { return: true });
    expect([s.done, s.message]).toEqual([false, 'E37: No write since last change (add ! to override)']);
    s = keys(s, ':q!', { return: true });
    expect([s.done, saved]).toEqual([true, []]);
    expect(keys(openEditor(app('vim', 'a\n')), ':frob', { return: true }).message).toBe(
      'E492: Not an editor command: frob',
    );
  });

  it('deletes a line with dd and saves with ZZ', () => {
    const saved: string[] = [];
    const s = keys(openEditor(app('vim', 'one\ntwo\n', saved)), 'dd', 'ZZ');
    expect([s.done, saved]).toEqual([true, ['two\n']]);
  });
});

// The key sequences below were typed into vim 9.0 (vim -u NONE -N) and nano 7.2 at 80x24 in tmux on
// the project's reference machine; the messages and buffers expected are what their screens showed.
const FIVE = 'alpha\nbeta two\ngamma\ntwo delta\nend\n';
const pinned = (s: EditorState): EditorState => ({ ...s, now: () => 0 });

describe('vim search and undo, as vim 9.0 answered the same keys', () => {
  it('/pattern finds from the cursor, n and N go on (wrapping with its words), E486 when nothing matches', () => {
    let s = keys(openEditor(app('vim', FIVE)), '/two', { return: true });
    expect([s.row, s.col, s.message]).toEqual([1, 5, '/two']);
    s = keys(s, 'n');
    expect([s.row, s.col, s.message]).toEqual([3, 0, '/two']);
    s = keys(s, 'n');
    expect([s.row, s.col, s.message]).toEqual([1, 5, 'search hit BOTTOM, continuing at TOP']);
    s = keys(s, 'N');
    expect([s.row, s.col, s.message]).toEqual([3, 0, 'search hit TOP, continuing at BOTTOM']);
    s = keys(s, 'N');
    expect([s.row, s.col, s.message]).toEqual([1, 5, '?two']);
    const none = keys(s, '/zzz', { return: true });
    expect([none.row, none.col, none.message]).toEqual([1, 5, 'E486: Pattern not found: zzz']);
    const back = keys(s, '?al', { return: true });
    expect([back.row, back.col, back.message]).toEqual([0, 0, '?al']);
    // A pattern, not only text: a class and an anchor.
    expect(keys(openEditor(app('vim', FIVE)), '/^t[wx]', { return: true }).row).toBe(3);
    expect(keys(openEditor(app('vim', FIVE)), 'n').message).toBe('E35: No previous regular expression');
  });

  it('u takes back x, dd and an insert one at a time and Ctrl-R puts one back, with their messages', () => {
    let s = pinned(openEditor(app('vim', FIVE)));
    s = keys(s, 'x', 'u');
    expect([s.lines[0], s.message]).toEqual(['alpha', '1 change; before #1  0 seconds ago']);
    s = editorKey(s, 'r', { ctrl: true }, 20);
    expect([s.lines[0], s.message]).toEqual(['lpha', '1 change; after #1  0 seconds ago']);
    s = keys(s, 'dd', 'u');
    expect([s.lines.length, s.message]).toEqual([5, '1 more line; before #2  0 seconds ago']);
    s = keys(s, 'o', 'new', { escape: true }, 'u');
    expect([s.lines.length, s.message]).toEqual([5, '1 line less; before #3  0 seconds ago']);
    s = keys(s, 'u');
    expect([s.lines[0], s.message]).toEqual(['alpha', '1 change; before #1  0 seconds ago']);
    s = keys(s, 'u', 'u');
    expect(s.message).toBe('Already at oldest change');
    // An insert that typed nothing is no change; the time is vim's "N seconds ago".
    let t = keys(pinned(openEditor(app('vim', FIVE))), 'i', { escape: true }, 'u');
    expect(t.message).toBe('Already at oldest change');
    t = keys(pinned(openEditor(app('vim', FIVE))), 'x');
    expect(keys({ ...t, now: () => 1000 }, 'u').message).toBe('1 change; before #1  1 second ago');
    expect(editorKey(t, 'r', { ctrl: true }, 20).message).toBe('Already at newest change');
    // The buffer u gave back is what :wq writes.
    const written: string[] = [];
    keys(pinned(openEditor(app('vim', FIVE, written))), 'dd', 'x', 'u', ':wq', { return: true });
    expect(written).toEqual(['beta two\ngamma\ntwo delta\nend\n']);
  });
});

describe('nano Where Is and paste, as nano 7.2 answered the same keys', () => {
  const ctrl = (s: EditorState, ch: string): EditorState => editorKey(s, ch, { ctrl: true }, 20);
  it('^W finds text from the cursor on, Enter alone the last text again; wrapped, only, not found', () => {
    let s = ctrl(openEditor(app('nano', FIVE)), 'w');
    expect(s.mode).toBe('search');
    s = keys(s, 'TWO', { return: true });
    expect([s.row, s.col, s.message]).toEqual([1, 5, '']);
    s = keys(ctrl(s, 'w'), { return: true });
    expect([s.row, s.col, s.message]).toEqual([3, 0, '']);
    s = keys(ctrl(s, 'w'), { return: true });
    expect([s.row, s.col, s.message]).toEqual([1, 5, '[ Search Wrapped ]']);
    expect(keys(ctrl(s, 'w'), 'zzz', { return: true }).message).toBe('[ "zzz" not found ]');
    const g = keys(ctrl(s, 'w'), 'gamma', { return: true });
    expect(keys(ctrl(g, 'w'), { return: true }).message).toBe('[ This is the only occurrence ]');
    expect(ctrl(keys(ctrl(s, 'w'), 'x'), 'c').message).toBe('[ Cancelled ]');
  });

  it('^K cuts lines (one after another into one buffer) and ^U pastes them above the cursor', () => {
    let s = openEditor(app('nano', FIVE));
    s = ctrl(ctrl(s, 'k'), 'k');
    s = ctrl(keys(s, { downArrow: true }), 'u');
    expect(s.lines).toEqual(['gamma', 'alpha', 'beta two', 'two delta', 'end', '']);
    expect([s.row, s.modified]).toEqual([3, true]);
    // A ^K after another key starts a new buffer; ^K on the empty last line cuts nothing.
    s = ctrl(keys(s, { upArrow: true }), 'k');
    s = ctrl(keys(s, { downArrow: true }, { downArrow: true }), 'k');
    s = ctrl(s, 'u');
    expect(s.lines).toEqual(['gamma', 'alpha', 'two delta', 'end', 'beta two', '']);
  });
});

describe('the pager', () => {
  it('scrolls a page with space and back with b, and quits with q', () => {
    const text = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    let s = openEditor({ kind: 'pager', name: '', text });
    s = editorKey(s, ' ', {}, 20);
    expect(s.top).toBe(20);
    s = editorKey(s, 'G', {}, 20);
    expect(s.top).toBe(30);
    s = editorKey(s, 'b', {}, 20);
    expect(s.top).toBe(10);
    expect(editorKey(s, 'x', {}, 20).done).toBe(false);
    expect(editorKey(s, 'q', {}, 20).done).toBe(true);
  });
});
