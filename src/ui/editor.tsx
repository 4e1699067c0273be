// The full-screen programs on the tutor's screen: nano's title bar and two rows of shortcuts, vim's
// `~` rows and its message line, a pager's `:` and `(END)`. The state and keys are editor-model.ts;
// this draws them at the terminal's size and hands back when the program quits.
import { Box, Text, useInput, useStdin } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { FullScreenApp } from '../shell/command.js';
import { type EditorKey, editorKey, type EditorState, openEditor, scrolled } from './editor-model.js';

export interface EditorProps {
  app: FullScreenApp;
  columns: number;
  rows: number;
  /** The program quit; `typedAfter` is what was typed after it, for the shell's prompt. */
  onDone: (typedAfter: string) => void;
  /** The raw keys that came before this program's key handler was attached, taken once. */
  takeEarlyKeys?: () => string[];
}

const NANO_HELP = [
  '^G Help      ^O Write Out ^W Where Is  ^K Cut       ^T Execute   ^C Location',
  '^X Exit      ^R Read File ^\\ Replace   ^U Paste     ^J Justify   ^/ Go To Line',
];
const NANO_ASK = [' Y Yes', ' N No           ^C Cancel'];
// nano 7.2's shortcuts under its Search prompt at 80 columns.
const NANO_SEARCH = [
  '^G Help         M-C Case Sens   M-B Backwards   ^P Older        ^T Go To Line',
  '^C Cancel       M-R Reg.exp.    ^R Replace      ^N Newer',
];

/** The arrow keys' escape sequences (ESC [ A …), when they come with other keys in one chunk. */
const ARROWS: Record<string, EditorKey> = {
  A: { upArrow: true },
  B: { downArrow: true },
  C: { rightArrow: true },
  D: { leftArrow: true },
};

/** A pager's lines cut to the screen's width, as a terminal wraps them. */
function wrapped(text: string, width: number): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .flatMap((l) => {
      const line = l.replace(/\t/g, '        ');
      if (line.length <= width) return [line];
      const parts: string[] = [];
      for (let i = 0; i < line.length; i += width) parts.push(line.slice(i, i + width));
      return parts;
    })
    .join('\n');
}

function clipTo(s: string, width: number): string {
  return s.length > width ? s.slice(0, width) : s;
}

export function Editor({ app, columns, rows, onDone, takeEarlyKeys }: EditorProps) {
  const width = Math.max(10, columns);
  const [state, setState] = useState<EditorState>(() =>
    openEditor(app.kind === 'pager' ? { ...app, text: wrapped(app.text, width) } : app),
  );
  const textRows = Math.max(1, app.kind === 'nano' ? rows - 4 : rows - 1);
  // The state as the last key left it, read and written by the key handlers in the same turn: the
  // program hands back in the handler of the key that quit it, not in an effect after the next
  // frame, so no key can fall between its last frame and the shell's first (the keys after the
  // quit in the same read go with it, as typedAfter).
  const current = useRef(state);
  const handedBack = useRef(false);
  const apply = (next: EditorState) => {
    current.current = next;
    setState(next);
    if (next.done && !handedBack.current) {
      handedBack.current = true;
      onDone(next.typedAfter ?? '');
    }
  };
  // The raw keys as read: Ink parses Esc read together with a character (`<Esc>:` of `<Esc>:wq` sent
  // at once) as that character alone, so the Esc is seen here. Subscribed before useInput's handler,
  // this runs first for each key.
  const raw = useRef('');
  const { internal_eventEmitter: keys } = useStdin();
  useEffect(() => {
    const onKey = (data: string) => {
      raw.current = data;
    };
    keys?.on('input', onKey);
    return () => {
      keys?.removeListener('input', onKey);
    };
  }, [keys]);
  const one = (s: EditorState, ch: string, k: EditorKey): EditorState => {
    // Keys after :wq or ^X (in the same read, or before the screen took the keys back) are the
    // shell's: a learner who types `cat f` at once must not lose it.
    if (s.done) {
      const typed = k.return ? '\r' : k.ctrl || k.escape || k.tab || k.backspace ? '' : ch;
      return typed ? { ...s, typedAfter: (s.typedAfter ?? '') + typed } : s;
    }
    if (s.app.kind === 'vim' && k.ctrl && ch === 'c' && s.mode !== 'command') {
      return { ...s, mode: 'normal', message: 'Type  :qa!  and press <Enter> to abandon all changes and exit Vim' };
    }
    return editorKey(s, ch, k, textRows);
  };
  /** Keys typed ahead or pasted arrive as one string: each character is a key of its own. */
  const eachKey = (first: EditorState, input: string): EditorState => {
    let s = first;
    const chars = [...input];
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] ?? '';
      const code = ch.charCodeAt(0);
      const arrow = ch === '\x1b' && chars[i + 1] === '[' ? ARROWS[chars[i + 2] ?? ''] : undefined;
      if (arrow) {
        s = one(s, '', arrow);
        i += 2;
      } else if (ch === '\r' || ch === '\n') s = one(s, '', { return: true });
      else if (ch === '\x7f' || ch === '\b') s = one(s, '', { backspace: true });
      else if (ch === '\t') s = one(s, '', { tab: true });
      else if (ch === '\x1b') s = one(s, '', { escape: true });
      // ^K ^U ^W ^X … typed ahead with other keys: a control key each, not a character in the text.
      else if (code >= 1 && code <= 26) s = one(s, String.fromCharCode(code + 96), { ctrl: true });
      else s = one(s, ch, {});
    }
    return s;
  };
  useInput((input, key) => {
    const r = raw.current;
    // Esc read with what followed it, as vim reads it: the Esc first, then the rest as typed.
    const escThen = r.length > 1 && r[0] === '\x1b' && r[1] !== '[' && r[1] !== 'O' && !key.escape && input !== '';
    const plain = escThen || (!key.ctrl && !key.meta && !key.escape && input.length > 1);
    if (handedBack.current) return;
    const first = current.current;
    apply(plain ? eachKey(escThen ? one(first, '', { escape: true }) : first, input) : one(first, input, key));
  });
  // Keys read after the program opened but before this handler was attached (Ink attaches it in
  // an effect, after the first frame is drawn): the screen kept them raw; they are this program's.
  useEffect(() => {
    const early = takeEarlyKeys?.() ?? [];
    if (early.length) apply(early.reduce(eachKey, current.current));
    // Once, when the program opens (takeEarlyKeys is the screen's one function).
  }, [takeEarlyKeys]);
  const view = app.kind === 'pager' ? state : scrolled(state, textRows);
  const shown = view.lines.slice(view.top, view.top + textRows);
  const body = Array.from({ length: textRows }, (_, i) => {
    const n = view.top + i;
    const line = shown[i];
    if (line === undefined) return <Text key={n}>{app.kind === 'vim' ? '~' : ' '}</Text>;
    const t = clipTo(line.replace(/\t/g, ' '), width);
    const prompting = view.mode === 'command' || view.mode === 'ask' || view.mode === 'search';
    if (app.kind === 'pager' || n !== view.row || prompting) {
      return <Text key={n}>{t === '' ? ' ' : t}</Text>;
    }
    const c = Math.min(view.col, width - 1);
    return (
      <Text key={n}>
        {t.slice(0, c)}
        <Text inverse>{t[c] ?? ' '}</Text>
        {t.slice(c + 1)}
      </Text>
    );
  });
  if (app.kind === 'nano') {
    const title = app.name === '' ? 'New Buffer' : app.name;
    const left = '  GNU nano 6.2';
    const right = view.modified ? 'Modified  ' : '';
    const mid = Math.max(left.length + 1, Math.floor((width - title.length) / 2));
    const bar = `${left.padEnd(mid)}${title}`.padEnd(width - right.length) + right;
    const searching = view.mode === 'search';
    const ask = view.mode === 'ask' || searching;
    const last = view.search ? ` [${view.search.pattern}]` : '';
    const prompt = searching ? `Search${last}: ${view.command}` : view.message;
    const msg = prompt ? (ask ? prompt : `[ ${prompt.replace(/^\[ | \]$/g, '')} ]`) : '';
    const status = ask ? msg.padEnd(width) : msg;
    const help = searching ? NANO_SEARCH : ask ? NANO_ASK : NANO_HELP;
    return (
      <Box flexDirection="column" width={width} height={rows}>
        <Text inverse>{clipTo(bar, width)}</Text>
        {body}
        <Box justifyContent={ask ? 'flex-start' : 'center'}>
          <Text inverse={msg !== ''}>{clipTo(status, width) || ' '}</Text>
        </Box>
        {help.map((h) => (
          <Text key={h}>{clipTo(h, width)}</Text>
        ))}
      </Box>
    );
  }
  const atEnd = view.top + textRows >= view.lines.length;
  const last =
    app.kind === 'pager'
      ? atEnd
        ? '(END)'
        : view.top === 0 && app.name
          ? app.name
          : ':'
      : view.mode === 'command'
        ? `:${view.command}`
        : view.mode === 'search'
          ? view.command
          : view.message;
  const typing = view.mode === 'command' || view.mode === 'search';
  const ruler = app.kind === 'vim' && !typing ? `${view.row + 1},${view.col + 1}` : '';
  const bottom = ruler && width > 40 ? `${clipTo(last, width - 20).padEnd(width - 18)}${ruler}` : clipTo(last, width);
  return (
    <Box flexDirection="column" width={width} height={rows}>
      {body}
      <Text inverse={app.kind === 'pager'}>{bottom || ' '}</Text>
    </Box>
  );
}
