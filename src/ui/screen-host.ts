// What the Screen needs from the simulated host, behind one small interface: the first frame is
// drawn before the simulator (shell, daemon, kernel) is even loaded, and run.tsx imports the
// implementation lazily, after Ink has painted.
import type { PaneHint } from '../i18n/index.js';
import type { PaneModel } from '../panes/model.js';
import type { PullLayer } from '../panes/tracker.js';
import type { Comparison } from '../real/compare.js';
import type { CommandIO } from '../shell/command.js';
import type { PresenterControl } from './screen-host-present.js';

/** A command's streams on the screen, plus one for the tutor's own words (the lesson's text,
 * hints, verdicts), which the screen lays out as markdown rather than as program output. */
export interface ScreenIO extends CommandIO {
  lesson?: (markdown: string) => void;
  /** Asks the learner while the line runs: `prompt` takes the input line's place until Enter,
   * which resolves with what was typed (undefined: Ctrl-C). What the line wrote so far is shown
   * first. */
  ask?: (prompt: string) => Promise<string | undefined>;
}

export interface ScreenHost {
  prompt(): string;
  /** Runs a line; the pane state is updated when it resolves. With `endOfInput` (Ctrl-D at the
   * continuation prompt, `line` ''), the unfinished command runs as bash runs it at the end of its
   * input: a heredoc ends there (bash's warning first), an open quote or block is a syntax error. */
  run(
    line: string,
    io: ScreenIO,
    o?: { endOfInput?: boolean },
  ): Promise<{ exitCode: number; exited: boolean; fresh?: boolean }>;
  /** Tab: where the word starts, the candidates and what they share. */
  complete(line: string): { from: number; candidates: string[]; common: string };
  panes(): PaneModel;
  /** The last command's kernel events in words, and the layers a pull fetched (the screen
   * plays their progress). */
  log(): string[];
  pulls(): PullLayer[];
  dispose(): void;
  /** Ctrl-C at the continuation prompt (`> `): drops the unfinished command; whether there was one. */
  cancelPending?(): boolean;
  /** Whether a command is unfinished (the prompt is `> `): Ctrl-D then does not leave the tutor. */
  continuing?(): boolean;
  /** Ctrl-D at an empty prompt in a shell above the host's (su, docker exec -it): that shell ends
   * and this is what it wrote (bash's `exit`); undefined: the screen closes instead. */
  endOfInput?(): string | undefined;
  /** What the status line says about where the learner is (a lesson and its step). */
  status?(): string | undefined;
  /** Lines the screen runs as it opens, as if typed first (`images` on the user's own daemon: its
   * question asked in the input line, as every other one). */
  firstLines?: readonly string[];
  /** Shown in the scrollback when the screen opens (the lesson map, or the first step), as
   * markdown. */
  intro?(): string;
  /** In a lesson: the current step's goal, pinned above the output (inline markdown). */
  goal?(): string | undefined;
  /** What the panes suggest while nothing is in focus (none: the free sandbox's hint). */
  paneHint?(): PaneHint;
  /** The pane the current step wants in focus (lesson.yaml's `pane:`), if it names one. */
  pane?(): string | undefined;
  /** Values the open step asks the learner to find: the panes do not show them. */
  secrets?(): string[];
  /** The tutor (lesson commands are listed in the help), not the bare sandbox. */
  tutor?: boolean;
  /** On a real host: the last line as the simulator predicted it beside what the real host did
   * (F2 shows it). */
  compare?(): Comparison | undefined;
  /** A presenter's screen: the keys type each step's lines (src/ui/presenter-keys.ts). */
  present?: PresenterControl;
}

/** The panes with nothing in focus (the tutor's lesson map). */
export const EMPTY_PANES: PaneModel = {
  focus: undefined,
  driver: 'overlay2',
  dataRoot: '/var/lib/docker',
  layers: [],
  upperDir: undefined,
  upper: [],
  work: [],
  merged: [],
  chain: [],
};
