// The tutor in line mode (no TTY, CI, or a screen reader's choice): a thin driver of the tutor
// controller (src/lessons/tutor.ts), which owns the map, the sandbox, the lesson and its recap.
// This reads lines, prints the prompt the tutor asks for, and writes what it says as text.
import { createInterface } from 'node:readline';
import { createSimHost, timeOptions } from '../host/sim-host.js';
import { type HostTime, lessonTime } from '../host/host-time.js';
import { type GradedSessionArgs, gradedSession } from '../io/graded-session.js';
import { brokenLessons } from '../io/lesson-files.js';
import { loadLessons } from '../io/lessons-source.js';
import { openProgressFile, ProgressFileError } from '../io/progress-file.js';
import { lessonShape } from '../lessons/progress.js';
import { Tutor, type TutorIO, type TutorOptions } from '../lessons/tutor.js';
import type { Lang } from '../lessons/types.js';

export interface LineTutorOptions {
  lang: Lang;
  lessonId?: string;
  /** A teacher's own lessons, read from this folder's YAML instead of the tutor's. */
  lessonsDir?: string;
  /** `--at 7.5 --seed 42`: lessonId's step (1-based) to open at, and the seed of every id. */
  atStep?: number;
  seed?: number;
  /** Where every host's clock starts (a lesson's own date wins), and the wall clock it follows. */
  time?: HostTime;
  /** Where progress is kept (default: the user's config directory). */
  progressFile?: string;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** A recorded session (--transcript), an exercise set (--set, --learner), a seed, a key. */
  session?: GradedSessionArgs;
  /** `--real`: the lessons on a real host (src/real/lesson-host.ts). */
  real?: TutorOptions['real'];
}

const NO_SUCH = {
  en: (x: string) => `no lesson '${x}'`,
  'zh-CN': (x: string) => `没有课程 '${x}'`,
} as const;

export async function runLineTutor(o: LineTutorOptions): Promise<number> {
  const output = o.output ?? process.stdout;
  const input = o.input ?? process.stdin;
  const { lessons, problems } = loadLessons(o.lessonsDir) ?? {
    lessons: [],
    problems: ['overlay-tutor: the lessons folder is missing from this installation'],
  };
  // A broken lesson is listed with its problems (a markdown list on the screen); the others can still be taken.
  if (problems.length) output.write(`${brokenLessons(problems, o.lang, lessons.length > 0)}\n`);
  if (!lessons.length) return 1;
  let opened: ReturnType<typeof openProgressFile>;
  try {
    opened = openProgressFile({
      ...(o.progressFile !== undefined ? { path: o.progressFile } : {}),
      lessons: lessons.map(lessonShape),
    });
  } catch (e) {
    if (!(e instanceof ProgressFileError)) throw e;
    output.write(`${e.message}\n`);
    return 1;
  }
  for (const n of opened.notices) output.write(`${n}\n`);
  const extras = o.session ? gradedSession(o.session, lessons, o.lang, process.env) : {};
  if ('error' in extras) {
    output.write(`overlay-tutor: ${extras.error}\n`);
    return 2;
  }
  const tutor = new Tutor({
    ...extras,
    lessons,
    lang: o.lang,
    makeHost: (seed, pinned) => createSimHost({ seed, interactive: false, ...timeOptions(lessonTime(o.time, pinned)) }),
    progress: opened.store,
    summaries: true,
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.real ? { real: o.real } : {}),
  });
  const at = o.atStep === undefined ? undefined : { step: o.atStep - 1 };
  if (extras.set) await tutor.startSet();
  else if (o.lessonId !== undefined && !(await tutor.open(o.lessonId, at))) {
    output.write(`overlay-tutor: ${NO_SUCH[o.lang](o.lessonId)}\n`);
    return 2;
  }
  const io: TutorIO = {
    stdin: new Uint8Array(0),
    stdout: (d) => void output.write(d),
    stderr: (d) => void output.write(d),
    // docker run -it needs a terminal to attach: the learner's, when they type at one.
    stdinIsTerminal: Boolean((input as { isTTY?: boolean }).isTTY),
    stdoutIsTerminal: false,
    say: (text) => void output.write(text),
  };
  output.write(tutor.intro());
  const rl = createInterface({ input, output, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  // Ctrl-C on a terminal, as bash takes it: a running line stops, an unfinished one (at `> `) is
  // dropped and the prompt comes back; as on the screen, a second Ctrl-C in a row ends the tutor.
  let running: AbortController | undefined;
  let armed = false;
  let quitByCtrlC = false;
  const onInterrupt = (): void => {
    if (running) return running.abort();
    const dropped = tutor.cancelPending();
    if (!dropped && armed && o.real) {
      // On a real host the caller stops the private dockerd: the tutor ends as after `q`.
      quitByCtrlC = true;
      rl.close();
      return;
    }
    if (!dropped && armed) {
      process.off('SIGINT', onInterrupt);
      process.kill(process.pid, 'SIGINT');
      return;
    }
    armed = !dropped;
    output.write(`\n${tutor.prompt()}`);
  };
  const watchInterrupt = input === process.stdin && Boolean(process.stdin.isTTY);
  if (watchInterrupt) process.on('SIGINT', onInterrupt);
  for (;;) {
    output.write(tutor.prompt());
    const next = await lines.next();
    if (next.done) break;
    armed = false;
    running = new AbortController();
    const turn = await tutor.submit(next.value as string, { ...io, signal: running.signal });
    running = undefined;
    if (turn.quit) break;
  }
  if (watchInterrupt) process.off('SIGINT', onInterrupt);
  rl.close();
  tutor.close();
  // Steps whose save failed get one more try on the way out.
  const unsaved = opened.store.flush();
  if (unsaved) output.write(`overlay-tutor: ${unsaved}\n`);
  return quitByCtrlC ? 130 : 0;
}
