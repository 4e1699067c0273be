// What the screen loads after its first frame: the simulated host and, in the tutor, the lessons
// and the learner's progress. Nothing here is needed to draw the first frame, so the build keeps
// this module (and the whole simulator behind it) out of the code the bin compiles at start-up:
// see scripts/build.mjs.
import { type GradedSessionArgs, gradedSession } from '../io/graded-session.js';
import { brokenLessons } from '../io/lesson-files.js';
import { textColumns } from './columns.js';
import { loadLessons } from '../io/lessons-source.js';
import { openProgressFile } from '../io/progress-file.js';
import { createSimHost, type SimHost, timeOptions } from '../host/sim-host.js';
import { type HostTime, lessonTime } from '../host/host-time.js';
import type { Lang } from '../i18n/index.js';
import { Tutor } from '../lessons/tutor.js';
import type { MakeHost } from '../lessons/session.js';
import type { Lesson } from '../lessons/loader.js';
import { EMPTY_PROGRESS, lessonShape } from '../lessons/progress.js';
import { writePresentState } from '../io/workshop-files.js';
import type { ScreenHost } from './screen-host.js';
import { presenterLegend, presenterScreenHost } from './screen-host-present.js';
import { screenHostFor } from './screen-host-sim.js';
import { type RealSession, realScreenHost } from './screen-host-real.js';
import { systemScreenHost } from './screen-host-system.js';
import { tutorScreenHost } from './screen-host-tutor.js';
import type { RealLessonsLater } from '../real/lesson-host.js';
import { realTutorScreenHost } from './screen-host-real-tutor.js';
import { twinMachine } from '../real/replay.js';

export interface LoadOptions {
  seed: number;
  /** Where every host's clock starts (a lesson's own date wins), and the wall clock it follows. */
  time?: HostTime;
  lang: Lang;
  /** The terminal's width, for `ls` (the output area is narrower than the terminal). */
  columns: number | undefined;
  /** The tutor (the lesson map, or one lesson) rather than the sandbox. */
  tutor?:
    | {
        lessonId?: string | undefined;
        lessonsDir?: string | undefined;
        session?: GradedSessionArgs | undefined;
        /** `--at 7.5`: the lesson's step (1-based) to open at, the steps before it solved. */
        atStep?: number | undefined;
        /** `--seed` with `--at` (or a presenter's): every id as the presenter's host has it. */
        seed?: number | undefined;
        /** `present`: the presenter's screen, writing its position for `present --notes`. */
        present?: boolean | undefined;
      }
    | undefined;
  /** `sandbox --real`: the real host the cli prepared (its daemon, bash and twin). */
  real?: RealSession | undefined;
  /** `--real`: the lessons on the private dockerd, started here (after the preflight the cli ran). */
  realLessons?: RealLessonsLater | undefined;
  /** What preparing a real host says meanwhile (the screen shows it above its first prompt). */
  progress?: ((text: string) => void) | undefined;
}

export async function loadScreenHost(o: LoadOptions): Promise<ScreenHost> {
  // Every host the screen runs — the sandbox, a lesson's, one rebuilt by undo — tells `ls` the
  // output area's width (narrower than the terminal beside the panes).
  // With --real every host is a twin of this machine: its kernel release too (twinMachine).
  const machine = o.realLessons ? twinMachine() : {};
  const makeHost = (seed: number, pinned?: number): SimHost => {
    const host = createSimHost({ seed, ...timeOptions(lessonTime(o.time, pinned)), ...machine });
    if (o.columns) {
      host.session.shell.state.vars.set('COLUMNS', String(textColumns(o.columns)));
      host.session.shell.state.exported.add('COLUMNS');
    }
    return host;
  };
  if (o.real) return o.real.system ? systemScreenHost(o.real) : realScreenHost(o.real);
  if (!o.tutor) return screenHostFor(makeHost(o.seed));
  const { lessons, problems } = loadLessons(o.tutor.lessonsDir) ?? {
    lessons: [],
    problems: ['the lessons folder is missing from this installation'],
  };
  // A broken lesson is listed above the map with its problems; the others can still be taken.
  if (!lessons.length) throw new Error(problems.join('\n'));
  if (o.tutor.present) return loadPresenter(lessons, o, makeHost);
  // A progress file that cannot be read at all throws here, its message naming the path.
  const opened = openProgressFile({ lessons: lessons.map(lessonShape) });
  const notices = [...(problems.length ? [brokenLessons(problems, o.lang, true)] : []), ...opened.notices];
  const extras = o.tutor.session ? gradedSession(o.tutor.session, lessons, o.lang, process.env) : {};
  if ('error' in extras) throw new Error(extras.error);
  const seed = o.tutor.seed !== undefined ? { seed: o.tutor.seed } : {};
  const realLessons = o.realLessons ? await o.realLessons.start(o.progress ?? (() => {})) : undefined;
  if (typeof realLessons === 'string') throw new Error(realLessons);
  const real = realLessons ? { real: realLessons } : {};
  const tutor = new Tutor({ ...extras, ...seed, ...real, lessons, lang: o.lang, makeHost, progress: opened.store });
  const wanted = o.tutor.lessonId;
  const at = o.tutor.atStep;
  if (extras.set) await tutor.startSet();
  else if (wanted !== undefined && !(await tutor.open(wanted, at === undefined ? undefined : { step: at - 1 })))
    throw new Error(`no lesson '${wanted}' (overlay-tutor lessons lists them)`);
  const tutorScreen = realLessons ? realTutorScreenHost(tutor, realLessons) : tutorScreenHost(tutor);
  // Steps whose save failed get one more try when the screen closes.
  const screen = {
    ...tutorScreen,
    dispose: () => {
      tutorScreen.dispose();
      tutor.close();
      opened.store.flush();
    },
  };
  // A progress file that could not be read was moved aside, or moved from the old place: say so
  // above the map.
  return notices.length ? { ...screen, intro: () => `${notices.join('\n')}\n${screen.intro()}` } : screen;
}

/** The presenter's screen: the lesson from its first step (its host from `--seed`, else the
 * lesson's own seed), no progress kept, its position written for the notes view. */
async function loadPresenter(lessons: Lesson[], o: LoadOptions, makeHost: MakeHost) {
  const wanted = o.tutor?.lessonId ?? '';
  const lesson = lessons.find((l) => l.data.id === wanted || l.folder === wanted || String(l.data.order) === wanted);
  if (!lesson) throw new Error(`no lesson '${wanted}' (overlay-tutor lessons lists them)`);
  const seed = o.tutor?.seed ?? lesson.data.seed;
  const progress = { current: () => EMPTY_PROGRESS, recordStep: () => undefined, recordAid: () => undefined };
  const tutor = new Tutor({ lessons, lang: o.lang, makeHost, progress, seed });
  await tutor.open(lesson.data.id, { step: Math.max(0, (o.tutor?.atStep ?? 1) - 1) });
  // A position that cannot be written is said above the lesson: the talk goes on without notes.
  let unwritten: string | undefined;
  let first = true;
  const host = presenterScreenHost(tutor, {
    seed,
    lang: o.lang,
    onPosition: (p) => {
      const error = writePresentState(p);
      if (first) unwritten = error;
      first = false;
    },
  });
  const warning = unwritten ? `⚠ overlay-tutor: ${unwritten}\n` : '';
  return { ...host, intro: () => `${warning}${presenterLegend(o.lang)}\n${host.intro?.() ?? ''}` };
}
