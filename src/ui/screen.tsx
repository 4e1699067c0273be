// The screen once the simulator has loaded: the shell's output scrolling above a prompt, and the
// panes for the container or image in focus beside it (wide terminals) or below it (80x24). One
// component owns the state; panes are drawn from a PaneModel recomputed after every command.
// It arrives with the simulator, after the first frame (src/simulator-entry.ts): none of this
// is parsed before that frame is on the terminal.
import { useApp, useInput } from 'ink';
import TextInput from 'ink-text-input';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Strings } from '../i18n/index.js';
import type { PaneModel } from '../panes/model.js';
import { planPull, pullScreenAt, type PullPlan } from '../panes/pull-progress.js';
import { HelpOverlay } from './help.js';
import { PANE_ORDER } from './panes.js';
import { Layout, geometry } from './layout.js';
import { markdownRows, type Row } from './markdown.js';
import { type Chunk, type OutLine, OutputLines, wrapLine } from './output.js';
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
const FLUSH_MS = 50;
const PULL_FRAME_MS = 80;

const MAX_OUTPUT_LINES = 2000;
const decoder = new TextDecoder();

/** The output with `lines` added, the oldest dropped past MAX_OUTPUT_LINES. */
const withLines = (t: Term, lines: OutLine[]): OutLine[] =>
  lines.length ? [...t.output, ...lines].slice(-MAX_OUTPUT_LINES) : t.output;

export function Screen({ host, typedAhead, s, linear = false, onExit, pullMs = 1600, color = true }: ScreenProps) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [input, setInputValue] = useState(typedAhead.line);
  // ink-text-input keeps its own cursor: a value set from outside (history, Tab) remounts it,
  // so the cursor lands at the end of the new text instead of where it was.
  const [inputKey, setInputKey] = useState(0);
  // The line as last typed, ahead of renders: text and Enter read in one go from the terminal
  // (typed ahead, pasted, tmux send-keys) reach ink-text-input in one batch, and its onSubmit
  // then still holds the value of the last render, the empty line.
  const typed = useRef(typedAhead.line);
  const setInput = useCallback((v: string) => {
    typed.current = v;
    setInputValue(v);
  }, []);
  const replaceInput = useCallback((v: string) => {
    typed.current = v;
    setInputValue(v);
    setInputKey((k) => k + 1);
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
  const [paneIndex, setPaneIndex] = useState(0);
  const [showHelp, setShowHelp] = useState(false);
  const [ctrlC, setCtrlC] = useState(false);
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
  const run = useCallback(
    async (line: string) => {
      const statusBefore = host.status?.();
      const echo = lines.take(`${host.prompt()}${line}\n`);
      update((t) => ({
        output: withLines(t, echo),
        history: line.trim() ? [...t.history, line] : t.history,
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
      const write = (d: string | Uint8Array) => hold({ text: typeof d === 'string' ? d : decoder.decode(d) });
      const io: ScreenIO = {
        stdin: new Uint8Array(0),
        stdout: write,
        stderr: write,
        stdinIsTerminal: true,
        stdoutIsTerminal: true,
        lesson: (md) => hold({ md }),
        signal: (running.current = new AbortController()).signal,
      };
      const result = await host.run(line, io).finally(() => {
        running.current = undefined;
      });
      if (timer) clearTimeout(timer);
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

  useInput((ch, key) => {
    if (showHelp) {
      setShowHelp(false);
      return;
    }
    if (key.ctrl && ch === 'c' && running.current) {
      // As a terminal's SIGINT: the command stops, and what was typed ahead is dropped.
      running.current.abort();
      queue.current.length = 0;
      return;
    }
    if (key.ctrl && ch === 'c') {
      if (input === '' && ctrlC) return quit(130);
      setInput('');
      setCtrlC(true);
      return;
    }
    if (ctrlC) setCtrlC(false);
    if (key.ctrl && ch === 'd' && input === '' && focus === 'prompt') return quit(0);
    if (ch === '\u001bOP' || ch === '[11~' || ch === 'OP' || (ch === '?' && input === '' && focus === 'prompt')) {
      setShowHelp(true);
      return;
    }
    if (key.escape) {
      setFocus((f) => (f === 'prompt' ? 'panes' : 'prompt'));
      return;
    }
    if (key.pageUp) return update((t) => ({ scroll: Math.min(t.scroll + 10, Math.max(0, t.output.length * 2)) }));
    if (key.pageDown) return update((t) => ({ scroll: Math.max(0, t.scroll - 10) }));
    if (focus === 'panes') {
      if (key.leftArrow) setPaneIndex((i) => (i + PANE_ORDER.length - 1) % PANE_ORDER.length);
      if (key.rightArrow || key.tab) setPaneIndex((i) => (i + 1) % PANE_ORDER.length);
      if (key.return || ch === ' ')
        update((t) => ({ chainRevealed: Math.min(t.model.chain.length, t.chainRevealed + 1) }));
      return;
    }
    if (key.upArrow && history.length) {
      const i = histIndex === null ? history.length - 1 : Math.max(0, histIndex - 1);
      update({ histIndex: i });
      replaceInput(history[i] ?? '');
    } else if (key.downArrow && histIndex !== null) {
      const i = histIndex + 1;
      update({ histIndex: i >= history.length ? null : i });
      replaceInput(i >= history.length ? '' : (history[i] ?? ''));
    } else if (key.tab) {
      const c = host.complete(input);
      if (c.candidates.length === 1)
        replaceInput(`${input.slice(0, c.from)}${c.candidates[0]}${c.candidates[0]?.endsWith('/') ? '' : ' '}`);
      else if (c.candidates.length > 1) {
        if (c.common.length > input.length - c.from) replaceInput(input.slice(0, c.from) + c.common);
        else append([{ text: `${c.candidates.join('  ')}\n` }]);
      }
    }
  });

  // Lines typed while a command runs, or pasted several at once, or before the simulator had
  // loaded, wait their turn.
  const queue = useRef<string[]>(typedAhead.lines);
  const submit = () => {
    const line = typed.current;
    setInput('');
    queue.current.push(line);
    void drain();
  };
  const draining = useRef(false);
  const drain = async () => {
    if (draining.current) return;
    draining.current = true;
    while (queue.current.length) await run(queue.current.shift() as string);
    draining.current = false;
  };
  useEffect(() => {
    void drain();
  }, []);
  const change = (typedValue: string) => {
    // Keys read in one go after a busy stretch can carry a Ctrl-C inside the text: it acts as
    // Ctrl-C does, and what was typed before it is dropped, as a terminal's SIGINT drops it.
    const cut = typedValue.lastIndexOf('\u0003');
    const v = cut >= 0 ? typedValue.slice(cut + 1) : typedValue;
    if (cut >= 0) {
      running.current?.abort();
      queue.current.length = 0;
      replaceInput(v);
    }
    // A paste (or keys sent faster than they are read) can carry Enter inside the text.
    const parts = v.split(/\r\n|\r|\n/);
    if (parts.length === 1) return setInput(v);
    replaceInput(parts.pop() ?? '');
    queue.current.push(...parts);
    void drain();
  };

  const g = geometry(columns, rows, linear, model);
  const { outputWidth, outputRows } = g;
  const toRows = (l: OutLine): Row[] =>
    typeof l === 'string' ? wrapLine(l, outputWidth).map((text) => [{ text }]) : markdownRows(l.md, outputWidth, color);
  // The output is laid out again only when it or the width changes; a playing pull's rows (redrawn
  // every frame) are laid out on their own.
  const laidOut = useMemo(() => output.flatMap(toRows), [output, outputWidth, color]);
  const wrapped = term.pull
    ? [
        ...laidOut,
        ...pullScreenAt(term.pull.held, term.pull.plan, term.pull.now - term.pull.started, outputWidth).flatMap(toRows),
      ]
    : laidOut;
  const visible = wrapped.slice(Math.max(0, wrapped.length - outputRows - scroll), wrapped.length - scroll);
  const focusLabel = model.focus
    ? model.focus.kind === 'container'
      ? `${model.focus.name} (${model.focus.state})`
      : model.focus.ref
    : '-';
  const where = (term.pull ? term.pull.status : host.status?.()) ?? s.sandbox;
  const status = ctrlC
    ? s.ctrlCAgain
    : focus === 'panes'
      ? s.focusPanes
      : `${s.title} | ${where} | ${s.focusOn(focusLabel)} | F1/?`;

  if (showHelp) return <HelpOverlay s={s} width={columns} />;

  const textInput = (
    <TextInput key={inputKey} value={input} onChange={change} onSubmit={submit} focus={focus === 'prompt'} showCursor />
  );
  // A pull holds the prompt back until it is done, as the shell does.
  return (
    <Layout
      columns={columns}
      linear={linear}
      g={g}
      visible={visible}
      model={model}
      log={host.log()}
      chainRevealed={chainRevealed}
      focus={focus}
      paneIndex={paneIndex}
      prompt={term.pull ? '' : host.prompt()}
      input={textInput}
      status={status}
      s={s}
    />
  );
}
