// The contract between the lesson engine (src/lessons/) and whoever shows it (the Ink screen,
// the line-mode REPL, the replay test). The engine imports no UI and no real I/O: lesson files
// arrive as text, progress is read and written through the ProgressStore handed in.
import type { CommandIO } from '../shell/command.js';
import type { SimHost } from '../host/sim-host.js';
import type { Lang } from '../i18n/index.js';
import type { StepKind } from './step-kinds.js';

/** The interface languages, defined once with their strings in src/i18n/. */
export type { Lang };

/** A lesson file as read from disk: the loader never touches the filesystem itself. */
export interface LessonFile {
  /** Shown in error messages: "lessons/03-chainid/lesson.yaml". */
  path: string;
  text: string;
}

/** One problem found while loading, with where it is. */
export interface LessonProblem {
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface CheckView {
  /** A short human line for the check, in the session's language ("file /etc/x in web's upper"). */
  label: string;
  passed: boolean;
}

export interface StepView {
  lessonId: string;
  lessonTitle: string;
  /** 0-based; the screen shows "step index+1 of count". */
  index: number;
  count: number;
  id: string;
  kind: StepKind;
  /** The step's text with {{…}} values filled in from the host. */
  text: string;
  goal?: string;
  /** The pane the step wants in focus on the screen (lesson.yaml's `pane:`). */
  pane?: string;
  hintsShown: string[];
  hintsLeft: number;
  checks: CheckView[];
  /** Done before (the learner came back to it with `back`): `next` moves on. */
  done: boolean;
}

/** What happened after a line: the screen prints `output`, then redraws from view(). */
export interface LessonTurn {
  /** Tutor messages for the learner ("✓ Step done", a hint, "Not quite: …"); shell output goes
   * through the CommandIO handed to submit(), as it is written. */
  messages: string[];
  /** The learner asked to leave the lesson (`lessons`) or the last step was completed. */
  leave?: 'map' | 'finished';
  /** The host was rebuilt (undo, reset): listeners on the old host's kernel and daemon must
   * re-attach to session.host. */
  hostReplaced?: boolean;
  /** `solution` asks first: the next line is the learner's y/n answer. */
  confirm?: string;
  exitCode: number;
}

export interface LessonSession {
  readonly host: SimHost;
  view(): StepView;
  /** A line typed at the prompt: a tutor command (next, hint, answer …) or a shell line. */
  submit(line: string, io: CommandIO): Promise<LessonTurn>;
  /** The shell's prompt for the current host. */
  prompt(): string;
}
