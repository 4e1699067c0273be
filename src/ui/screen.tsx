// The screen once the simulator has loaded: the step's goal pinned at the top, the shell's output
// scrolling under it with the prompt below, the panes for the container or image in focus beside
// it (wide terminals) or below it (80x24), the status line on the last row. One component owns
// the state; panes are drawn from a PaneModel recomputed after every command.
// It arrives with the simulator, after the first frame (src/simulator-entry.ts): none of this
// is parsed before that frame is on the terminal.
import { type Key, useApp, useInput, useStdin } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Strings } from '../i18n/index.js';
import type { PaneModel } from '../panes/model.js';
import { planPull, pullScreenAt, type PullPlan } from '../panes/pull-progress.js';
import { CompareView, compareScrollMax } from './compare-view.js';
import type { FullScreenApp, TerminalApps } from '../shell/command.js';
import { Editor } from './editor.js';
import { HelpOverlay, helpScrollMax } from './help.js';
import { Layout, geometry } from './layout.js';
import * as edit from './line-editor.js';
import { markdownRows, type Row } from './markdown.js';
import { CLEAR, type Chunk, type OutLine, OutputLines, wrapLine } from './output.js';
import { PANE_ORDER, type PaneKind } from './panes.js';
import { PresenterKeys } from './presenter-keys.js';
import type { ScreenHost, ScreenIO } from './screen-host.js';
import { useTerminalSize } from './use-terminal-size.js';

/** Keys typed before the simulator had loaded: the line so far and the lines ended with Enter. */
export interface TypedAhead {
  line: string;
  lines: string[];
}

export interface ScreenProps {
  host: ScreenHost;
  typedAhead: TypedAhead;
  s: Strings;
  /** --screen-reader: one column, no boxes side by side. */
  linear?: boolean;
  /** Called with the exit status when the learner quits. */
  onExit?: (code: number) => void;
  /** About how long a pull's progress takes to play, in ms (tests make it short). */
  pullMs?: number;
  /** false under NO_COLOR or TERM=dumb: lesson text keeps its backticks round code. */
  color?: boolean;
  /** LANG=C: ASCII borders and glyphs. */
  ascii?: boolean;
  /** A presenter's typing speed, in characters a second (0: at once). */
  presentSpeed?: number;
}

/** What a command changes, kept in one state so that a command renders once when it ends (Ink's
 * React root is a legacy one: every separate setState outside an input handler is a render). */
interface Term {
  output: OutLine[];
  history: string[];
  histIndex: number | null;
  scroll: number;
  model: PaneModel;
  chainRevealed: number;
  /** A pull playing its progress: the plan, when it started, the command's output held back,
   * and the status line as it was (the lesson has moved on already: the simulated pull is over). */
  pull?: { plan: PullPlan; started: number; now: number; held: string; status: string | undefined } | undefined;
}

/** Output held back while a command runs is shown at least this often. */
/** No key but text: what was typed after a full-screen program quit, given to the prompt. */
const PLAIN_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};
const FLUSH_MS = 50;
const PULL_FRAME_MS = 80;

const MAX_OUTPUT_LINES = 2000;
/** How long a line runs before its prompt is taken away (a quick one keeps it, with no flicker). */
const WAITING_MS = 300;

/** The output with `lines` added, the oldest dropped past MAX_OUTPUT_LINES; a clear drops all
 * that came before it. */
function withLines(t: Term, lines: OutLine[]): OutLine[] {
  if (!lines.length) return t.output;
  let cleared = -1;
  lines.forEach((l, i) => {
    if (typeof l === 'object' && 'clear' in l) cleared = i;
  });
  return cleared >= 0
    ? lines.slice(cleared + 1).slice(-MAX_OUTPUT_LINES)
    : [...t.output, ...lines].slice(-MAX_OUTPUT_LINES);
}

/** F1 as terminals send it (xterm, vt100, the Linux console, rxvt); Ink names it but hands
 * useInput an empty string and no flag for it, so the screen reads the raw sequence. */
const F1 = new Set(['\u001bOP', '\u001b[11~', '\u001b[[A', '\u001b[1P', '\u001b[P', '\u001b[1;1P']);
/** F2 likewise: on a real host, the simulator's prediction beside what happened. */
const F2 = new Set(['\u001bOQ', '\u001b[12~', '\u001b[[B', '\u001b[1Q', '\u001b[Q', '\u001b[1;1Q']);

export function Screen({
  host,
  typedAhead,
  s,
  linear = false,
  onExit,
  pullMs = 1600,
  color = true,
  ascii = false,
  presentSpeed = 40,
}: ScreenProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  // The line being typed. The ref is the truth, ahead of renders: text and Enter read in one go
  // from the terminal (typed ahead, pasted, tmux send-keys) arrive as separate key events before
  // React has rendered the first.
  const lineRef = useRef<edit.EditLine>(edit.lineAt(typedAhead.line));
  const [line, setLineState] = useState<edit.EditLine>(lineRef.current);
  const setLine = useCallback((l: edit.EditLine) => {
    lineRef.current = l;
    setLineState(l);
  }, []);
  // Cuts what commands write into lines; outlives renders.
  const lines = useRef(new OutputLines()).current;
  const [term, setTerm] = useState<Term>(() => ({
    output: lines.entries(host.intro ? [{ md: host.intro() }] : []),
    history: [],
    histIndex: null,
    scroll: 0,
    model: host.panes(),
    chainRevealed: 1,
  }));
  const { output, history, histIndex, scroll, model, chainRevealed } = term;
  const update = useCallback(
    (patch: Partial<Term> | ((t: Term) => Partial<Term>)) =>
      setTerm((t) => ({ ...t, ...(typeof patch === 'function' ? patch(t) : patch) })),
    [],
  );
  const [focus, setFocus] = useState<'prompt' | 'panes'>('prompt');
  const wanted = (): number => {
    const i = PANE_ORDER.indexOf(host.pane?.() as PaneKind);
    return Math.max(0, i);
  };
  const [paneIndex, setPaneIndex] = useState(wanted);
  /** How far the pane in focus is scrolled from where it would show itself (rows; + is down). */
  const [paneScroll, setPaneScroll] = useState(0);
  const [showHelp, setShowHelp] = useState(false);
  // A full-screen program a command opened (vim, nano, less): it has the keys until it quits.
  const [app, setApp] = useState<{ app: FullScreenApp; done: (typedAfter: string) => void } | undefined>(undefined);
  const appOpen = useRef(false);
  /** Keys read while a program is open but before it took the keys (its handler is attached in an
   * effect after its first frame): kept raw for it, not dropped. Undefined once it has them. */
  const earlyAppKeys = useRef<string[] | undefined>(undefined);
  const takeEarlyAppKeys = useRef(() => {
    const keys = earlyAppKeys.current ?? [];
    earlyAppKeys.current = undefined;
    return keys;
  }).current;
  /** What was typed after the program quit goes to the prompt, as keys typed there (set below). */
  const typedAfterApp = useRef<(text: string) => void>(() => {});
  const terminal = useRef<TerminalApps>({
    open: (opened) =>
      new Promise<void>((resolve) => {
        appOpen.current = true;
        earlyAppKeys.current = [];
        setApp({
          app: opened,
          done: (typedAfter: string) => {
            // Handed back in the handler of the key that quit it: that key is not the prompt's too.
            closedOnKey.current = keySeq.current;
            appOpen.current = false;
            earlyAppKeys.current = undefined;
            setApp(undefined);
            resolve();
            if (typedAfter) typedAfterApp.current(typedAfter);
          },
        });
      }),
  }).current;
  /** Rows the help is scrolled down (it scrolls when it is taller than the screen). */
  const [helpScroll, setHelpScroll] = useState(0);
  const [ctrlC, setCtrlC] = useState(false);
  /** F2 on a real host: the comparison view, and how far it is scrolled. */
  const [showCompare, setShowCompare] = useState(false);
  const [compareScroll, setCompareScroll] = useState(0);
  const append = useCallback(
    (chunks: Chunk[]) => {
      const added = lines.entries(chunks);
      if (added.length) update((t) => ({ output: withLines(t, added) }));
    },
    [update, lines],
  );

  const quit = useCallback(
    (code: number) => {
      onExit?.(code);
      exit();
    },
    [exit, onExit],
  );

  // The line running now: Ctrl-C aborts it (the shell stops it at its next step, src/kernel/budget.ts).
  const running = useRef<AbortController | undefined>(undefined);
  /** A question the running line asks (ScreenIO.ask): its prompt stands in the input line, and
   * Enter answers it instead of queueing a line. */
  const question = useRef<{ prompt: string; answer: (a: string | undefined) => void } | undefined>(undefined);
  const [asking, setAsking] = useState<string | undefined>(undefined);
  const [waiting, setWaiting] = useState(false);
  const run = useCallback(
    async (cmd: string, endOfInput = false) => {
      const statusBefore = host.status?.();
      const paneBefore = host.pane?.();
      const echo = lines.take(`${host.prompt()}${cmd}\n`);
      update((t) => ({
        output: withLines(t, echo),
        history: cmd.trim() ? [...t.history, cmd] : t.history,
        histIndex: null,
        scroll: 0,
      }));
      // What the command writes is held and shown in one go when it ends (or every FLUSH_MS if
      // it takes its time), so that a command costs one render, not one per write.
      let held: Chunk[] = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const flush = () => {
        timer = undefined;
        const chunks = held;
        held = [];
        append(chunks);
      };
      const hold = (c: Chunk) => {
        const last = held[held.length - 1];
        if ('text' in c && last && 'text' in last) last.text += c.text;
        else held.push(c);
        timer ??= setTimeout(flush, FLUSH_MS);
      };
      // One decoder for the command: a character split across two writes is still one character;
      // bytes that are not UTF-8 come out as U+FFFD, as a terminal shows them.
      const decoder = new TextDecoder();
      const write = (d: string | Uint8Array) =>
        hold({ text: typeof d === 'string' ? d : decoder.decode(d, { stream: true }) });
      const io: ScreenIO = {
        stdin: new Uint8Array(0),
        stdout: write,
        stderr: write,
        stdinIsTerminal: true,
        stdoutIsTerminal: true,
        lesson: (md) => hold({ md }),
        signal: (running.current = new AbortController()).signal,
        terminal,
        ask: (prompt) =>
          new Promise<string | undefined>((resolve) => {
            if (timer) clearTimeout(timer);
            flush();
            question.current = {
              prompt,
              answer: (a) => {
                question.current = undefined;
                setAsking(undefined);
                append([{ text: `${prompt}${a ?? '^C'}\n` }]);
                resolve(a);
              },
            };
            setAsking(prompt);
          }),
      };
      // A line that keeps running (docker logs -f, docker stats, cat /dev/zero) has no prompt
      // under its output, as in a terminal, until it ends or Ctrl-C stops it.
      const slow = setTimeout(() => setWaiting(true), WAITING_MS);
      const result = await host.run(cmd, io, endOfInput ? { endOfInput } : undefined).finally(() => {
        running.current = undefined;
        clearTimeout(slow);
        setWaiting(false);
      });
      if (timer) clearTimeout(timer);
      const rest = decoder.decode();
      if (rest) hold({ text: rest });
      const fresh = host.pulls().filter((p) => p.status === 'Pull complete');
      const printed = held.map((c) => ('text' in c ? c.text : '')).join('');
      if (fresh.length && pullMs > 0) await playPull(host, printed, pullMs, statusBefore);
      const next = host.panes();
      // A command's last line without a newline still ends before the next prompt.
      const added = [...lines.entries(held), ...lines.close()];
      update((t) => ({
        output: withLines(t, added),
        pull: undefined,
        model: next,
        chainRevealed:
          next.chain.length && next.chain[0]?.chainId !== t.model.chain[0]?.chainId
            ? 1
            : Math.min(t.chainRevealed, Math.max(1, next.chain.length)),
      }));
      setPaneScroll(0);
      // A new step that names a pane brings it into view; otherwise the learner's choice stays.
      const paneAfter = host.pane?.();
      if (paneAfter && (paneAfter !== paneBefore || host.status?.() !== statusBefore)) setPaneIndex(wanted());
      // A presenter's jump: the screen as if the step had been opened directly.
      if (result.fresh) {
        setPaneIndex(wanted());
        update({ chainRevealed: 1 });
      }
      if (result.exited) quit(result.exitCode);
    },
    [host, append, update, lines, quit, pullMs],
  );

  /** Plays a pull's progress over the held output's layer lines, then resolves. */
  const pullTick = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  useEffect(() => () => clearInterval(pullTick.current), []);
  const playPull = (host: ScreenHost, held: string, ms: number, status: string | undefined) =>
    new Promise<void>((resolve) => {
      const plan = planPull(host.pulls(), { totalMs: ms });
      const started = Date.now();
      update({ pull: { plan, started, now: started, held, status } });
      pullTick.current = setInterval(() => {
        const now = Date.now();
        if (now - started >= plan.end) {
          clearInterval(pullTick.current);
          resolve();
        } else update((t) => (t.pull ? { pull: { ...t.pull, now } } : {}));
      }, PULL_FRAME_MS);
    });

  // Lines typed while a command runs, or pasted several at once, or before the simulator had
  // loaded, wait their turn. The queue is typedAhead's own array, not a copy: keys the first frame
  // still takes while the screen replaces it land there too. The host's first lines go before them.
  const queue = useRef<string[]>(typedAhead.lines);
  const firstLinesQueued = useRef(false);
  if (!firstLinesQueued.current) {
    firstLinesQueued.current = true;
    queue.current.unshift(...(host.firstLines ?? []));
  }
  const draining = useRef(false);
  const drain = async () => {
    if (draining.current) return;
    draining.current = true;
    for (let line = queue.current.shift(); line !== undefined; line = queue.current.shift()) await run(line);
    draining.current = false;
  };
  useEffect(() => {
    void drain();
  }, []);
  const submit = (extra: string[] = []) => {
    const q = question.current;
    if (q) {
      // The answer to the running line's question; lines after it in a paste wait their turn.
      const answer = lineRef.current.value;
      setLine(edit.EMPTY_LINE);
      q.answer(answer);
      queue.current.push(...extra);
      return;
    }
    queue.current.push(lineRef.current.value, ...extra);
    setLine(edit.EMPTY_LINE);
    void drain();
  };
  const submitRef = useRef(submit);
  submitRef.current = submit;
  // A presenter's screen: the keys type the step's lines (src/ui/presenter-keys.ts).
  const presenter = useRef<PresenterKeys | undefined>(undefined);
  if (host.present && !presenter.current)
    presenter.current = new PresenterKeys(
      host.present,
      {
        line: () => lineRef.current.value,
        setLine: (text) => setLine(edit.lineAt(text)),
        submit: () => submitRef.current(),
        busy: () => draining.current || queue.current.length > 0,
      },
      presentSpeed,
    );
  useEffect(() => () => presenter.current?.dispose(), []);

  // The raw sequence of each key, read before useInput's handler (this listener is added first
  // and never re-added): F1, and Delete (ESC [3~) told apart from Backspace (DEL), which Ink
  // both names "delete".
  const { internal_eventEmitter: keys } = useStdin();
  const lastRaw = useRef('');
  /** Keys read so far, and the one during which a program handed the keys back. */
  const keySeq = useRef(0);
  const closedOnKey = useRef(-1);
  const openHelp = useRef(() => {});
  openHelp.current = () => {
    live.current.showHelp = true;
    setHelpScroll(0);
    setShowHelp(true);
  };
  const toggleCompare = useRef(() => {});
  toggleCompare.current = () => {
    if (!host.compare) return;
    live.current.showCompare = !live.current.showCompare;
    setCompareScroll(0);
    setShowCompare(live.current.showCompare);
  };
  useEffect(() => {
    const onKey = (data: string) => {
      lastRaw.current = data;
      keySeq.current++;
      if (F1.has(data) && !appOpen.current) openHelp.current();
      if (F2.has(data) && !appOpen.current) toggleCompare.current();
    };
    keys?.on('input', onKey);
    return () => {
      keys?.removeListener('input', onKey);
    };
  }, [keys]);

  // What the key handlers read. Ink re-attaches useInput's handler after each render, in a passive
  // effect: a key that arrives between a render and that effect reaches the handler of the render
  // before. So the handlers read the state from here, written by every render, never from their
  // closure.
  const live = useRef({ showHelp, showCompare, focus, ctrlC, history, histIndex, paneRows: 0 });
  live.current = { ...live.current, showHelp, showCompare, focus, ctrlC, history, histIndex };

  const paneKeys = (ch: string, key: Key) => {
    const page = Math.max(1, live.current.paneRows - 4);
    if (key.leftArrow || key.rightArrow || key.tab) {
      setPaneIndex((i) => (i + (key.leftArrow ? PANE_ORDER.length - 1 : 1)) % PANE_ORDER.length);
      setPaneScroll(0);
    } else if (key.upArrow) setPaneScroll((n) => n - 1);
    else if (key.downArrow) setPaneScroll((n) => n + 1);
    else if (key.pageUp) setPaneScroll((n) => n - page);
    else if (key.pageDown) setPaneScroll((n) => n + page);
    else if (key.return || ch === ' ')
      update((t) => ({ chainRevealed: Math.min(t.model.chain.length, t.chainRevealed + 1) }));
  };

  typedAfterApp.current = (text) => promptKeys(text, PLAIN_KEY);
  const promptKeys = (ch: string, key: Key) => {
    const l = lineRef.current;
    if (key.pageUp) return update((t) => ({ scroll: Math.min(t.scroll + 10, Math.max(0, t.output.length * 2)) }));
    if (key.pageDown) return update((t) => ({ scroll: Math.max(0, t.scroll - 10) }));
    if (key.return) return submit();
    if (key.upArrow || key.downArrow) {
      const { history, histIndex } = live.current;
      if (key.upArrow && history.length) {
        const i = histIndex === null ? history.length - 1 : Math.max(0, histIndex - 1);
        update({ histIndex: i });
        setLine(edit.lineAt(history[i] ?? ''));
      } else if (key.downArrow && histIndex !== null) {
        const i = histIndex + 1;
        update({ histIndex: i >= history.length ? null : i });
        setLine(edit.lineAt(i >= history.length ? '' : (history[i] ?? '')));
      }
      return;
    }
    if (key.leftArrow) return setLine(edit.move(l, l.cursor - 1));
    if (key.rightArrow) return setLine(edit.move(l, l.cursor + 1));
    if (key.home || (key.ctrl && ch === 'a')) return setLine(edit.move(l, 0));
    if (key.end || (key.ctrl && ch === 'e')) return setLine(edit.move(l, Number.MAX_SAFE_INTEGER));
    if (key.backspace || (key.ctrl && ch === 'h')) return setLine(edit.backspace(l));
    if (key.delete) return setLine(lastRaw.current === '\u001b[3~' ? edit.deleteForward(l) : edit.backspace(l));
    if (key.ctrl && ch === 'd') return setLine(edit.deleteForward(l));
    if (key.ctrl && ch === 'u') return setLine(edit.killBefore(l));
    if (key.ctrl && ch === 'k') return setLine(edit.killAfter(l));
    if (key.ctrl && ch === 'w') return setLine(edit.killWord(l));
    if (key.ctrl && ch === 'l') {
      lines.reset();
      return update({ output: [CLEAR], scroll: 0 });
    }
    if (key.tab) {
      const before = [...l.value].slice(0, l.cursor).join('');
      const after = [...l.value].slice(l.cursor).join('');
      const c = host.complete(before);
      if (c.candidates.length === 1) {
        const word = `${c.candidates[0]}${c.candidates[0]?.endsWith('/') ? '' : ' '}`;
        const head = before.slice(0, c.from) + word;
        setLine({ value: head + after, cursor: [...head].length });
      } else if (c.candidates.length > 1) {
        if (c.common.length > before.length - c.from) {
          const head = before.slice(0, c.from) + c.common;
          setLine({ value: head + after, cursor: [...head].length });
        } else append([{ text: `${c.candidates.join('  ')}\n` }]);
      }
      return;
    }
    if (key.ctrl || key.meta || !ch) return;
    // Keys read in one go after a busy stretch can carry a Ctrl-C inside the text: it acts as
    // Ctrl-C does, and what was typed before it is dropped, as a terminal's SIGINT drops it.
    const cut = ch.lastIndexOf('\u0003');
    if (cut >= 0) {
      running.current?.abort();
      queue.current.length = 0;
      setLine(edit.EMPTY_LINE);
      return promptKeys(ch.slice(cut + 1), key);
    }
    // Other control characters in typed text are not part of a command line.
    const text = ch.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
    if (!text) return;
    // A paste (or keys sent faster than they are read) can carry Enter inside the text.
    const parts = text.split(/\r\n|\r|\n/);
    if (parts.length === 1) return setLine(edit.insert(lineRef.current, text));
    lineRef.current = edit.insert(lineRef.current, parts.shift() ?? '');
    const last = parts.pop() ?? '';
    submit(parts);
    setLine(edit.lineAt(last));
  };

  useInput((ch, key) => {
    // F1 and F2 were handled as they came in (above); an open editor or pager takes every key.
    if (closedOnKey.current === keySeq.current) return;
    if (appOpen.current) {
      earlyAppKeys.current?.push(lastRaw.current);
      return;
    }
    if (F1.has(lastRaw.current) || F2.has(lastRaw.current)) return;
    const { showHelp, showCompare, focus, ctrlC } = live.current;
    if (showCompare && !showHelp) {
      // Ctrl-C still stops a running command; ↑/↓/PgUp/PgDn scroll; any other key closes the view.
      if (key.ctrl && ch === 'c' && running.current) {
        running.current.abort();
        queue.current.length = 0;
        return;
      }
      const max = compareScrollMax(host.compare?.(), s, columns, rows);
      const by = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -(rows - 4) : key.pageDown ? rows - 4 : 0;
      if (by) return setCompareScroll((n) => Math.max(0, Math.min(max, n + by)));
      live.current.showCompare = false;
      setShowCompare(false);
      return;
    }
    if (showHelp) {
      // ↑/↓/PgUp/PgDn scroll a help taller than the screen; any other key closes it.
      const max = helpScrollMax(s, !!host.tutor, columns, rows, !!host.compare, !!host.present);
      const by = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -(rows - 4) : key.pageDown ? rows - 4 : 0;
      if (by && max > 0) return setHelpScroll((n) => Math.max(0, Math.min(max, n + by)));
      live.current.showHelp = false;
      setShowHelp(false);
      return;
    }
    // Ctrl-C stops a presenter's typing too.
    if (key.ctrl && ch === 'c') presenter.current?.dispose();
    if (key.ctrl && ch === 'c' && running.current) {
      // As a terminal's SIGINT: the command stops, and what was typed ahead is dropped; a question
      // it asked is answered no.
      if (question.current) {
        setLine(edit.EMPTY_LINE);
        question.current.answer(undefined);
      }
      running.current.abort();
      queue.current.length = 0;
      return;
    }
    if (key.ctrl && ch === 'c' && host.cancelPending?.()) {
      // At the continuation prompt, as bash: the partial command is dropped, `^C` shows where.
      const echo = lines.take(`> ${lineRef.current.value}^C\n`);
      update((t) => ({ output: withLines(t, echo), scroll: 0 }));
      setLine(edit.EMPTY_LINE);
      return;
    }
    if (key.ctrl && ch === 'c') {
      if (lineRef.current.value === '' && ctrlC) return quit(130);
      setLine(edit.EMPTY_LINE);
      live.current.ctrlC = true;
      setCtrlC(true);
      return;
    }
    if (ctrlC) {
      live.current.ctrlC = false;
      setCtrlC(false);
    }
    if (focus === 'prompt' && presenter.current?.key(ch, key)) return;
    // Ctrl-D leaves from the prompt; at the continuation prompt (a here-document's `> `) it ends
    // bash's input there, and the unfinished command runs as it stands, as bash runs it.
    if (key.ctrl && ch === 'd' && lineRef.current.value === '' && focus === 'prompt') {
      if (host.continuing?.()) {
        if (draining.current || queue.current.length > 0) return;
        draining.current = true;
        void run('', true).finally(() => {
          draining.current = false;
          void drain();
        });
        return;
      }
      // In a shell above the host's (su, docker exec -it) it ends that shell alone: the prompt stays
      // on its line and bash writes `exit` under it, as on a terminal.
      const prompt = host.prompt();
      const said = draining.current ? undefined : host.endOfInput?.();
      if (said === undefined) return quit(0);
      const echo = lines.take(`${prompt}\n${said ? `${said}\n` : ''}`);
      update((t) => ({ output: withLines(t, echo), scroll: 0 }));
      return;
    }
    // ? on an empty line is help; in a command it is a character (a glob, a regex's ?).
    if (ch === '?' && lineRef.current.value === '' && focus === 'prompt') return openHelp.current();
    if (key.escape) {
      live.current.focus = focus === 'prompt' ? 'panes' : 'prompt';
      setFocus(live.current.focus);
      return;
    }
    if (focus === 'panes') return paneKeys(ch, key);
    promptKeys(ch, key);
  });

  // The same array while its values are: the panes are memoised, and a new [] each render (each key
  // typed) would draw every pane again.
  const asked = host.secrets?.() ?? [];
  const secretsRef = useRef<string[]>(asked);
  if (asked.length !== secretsRef.current.length || asked.some((v, i) => v !== secretsRef.current[i]))
    secretsRef.current = asked;
  const secrets = secretsRef.current;

  const goal = host.goal?.();
  const g = geometry({
    columns,
    rows,
    linear,
    model,
    prompt: asking ?? host.prompt(),
    line,
    goal,
    s,
    pulling: (!!term.pull || waiting) && asking === undefined,
  });
  const { outputWidth, outputRows } = g;
  live.current.paneRows = g.paneRows;
  const toRows = (l: OutLine): Row[] =>
    typeof l === 'string'
      ? wrapLine(l, outputWidth).map((text) => [{ text }])
      : 'md' in l
        ? markdownRows(l.md, outputWidth, color)
        : [];
  // The output is laid out again only when it or the width changes; a playing pull's rows (redrawn
  // every frame) are laid out on their own.
  const laidOut = useMemo(() => output.flatMap(toRows), [output, outputWidth, color]);
  const wrapped = term.pull
    ? [
        ...laidOut,
        ...pullScreenAt(term.pull.held, term.pull.plan, term.pull.now - term.pull.started, outputWidth).flatMap(toRows),
      ]
    : laidOut;
  const maxScroll = Math.max(0, wrapped.length - outputRows);
  const shownScroll = Math.min(scroll, maxScroll);
  const visible = wrapped.slice(Math.max(0, wrapped.length - outputRows - shownScroll), wrapped.length - shownScroll);
  const focusLabel = !model.focus
    ? '-'
    : model.focus.kind === 'container'
      ? `${model.focus.name} (${model.focus.state})`
      : model.focus.kind === 'mount'
        ? s.handMount(model.focus.target, model.focus.mounted)
        : model.focus.ref;
  const where = (term.pull ? term.pull.status : host.status?.()) ?? s.sandbox;
  const status = ctrlC
    ? s.ctrlCAgain
    : focus === 'panes'
      ? s.focusPanes
      : host.present
        ? // A presenter's: the catch-up code (in `where`) keeps its room; the keys were shown at the start.
          `${where} | ${s.focusOn(focusLabel)}`
        : `${s.title} | ${where} | ${s.focusOn(focusLabel)} | ${s.helpKey}`;

  if (showHelp)
    return (
      <HelpOverlay
        s={s}
        width={columns}
        height={rows}
        lesson={!!host.tutor}
        real={!!host.compare}
        present={!!host.present}
        scroll={helpScroll}
        ascii={ascii}
      />
    );
  if (showCompare)
    return (
      <CompareView
        comparison={host.compare?.()}
        s={s}
        width={columns}
        height={rows}
        scroll={compareScroll}
        ascii={ascii}
      />
    );

  if (app) {
    return <Editor app={app.app} columns={columns} rows={rows} onDone={app.done} takeEarlyKeys={takeEarlyAppKeys} />;
  }
  // A pull holds the prompt back until it is done, as the shell does.
  return (
    <Layout
      columns={columns}
      rows={rows}
      linear={linear}
      g={g}
      visible={visible}
      model={model}
      log={host.log()}
      chainRevealed={chainRevealed}
      focus={focus}
      paneIndex={paneIndex}
      paneScroll={paneScroll}
      status={status}
      secrets={secrets}
      noFocus={s.noFocus(host.paneHint?.() ?? { kind: 'sandbox' })}
      ascii={ascii}
      color={color}
      s={s}
    />
  );
}
