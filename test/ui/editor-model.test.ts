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
