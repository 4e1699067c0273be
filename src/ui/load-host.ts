// What the screen loads after its first frame: the simulated host and, in the tutor, the lessons
// and the learner's progress. Nothing here is needed to draw the first frame, so the build keeps
// this module (and the whole simulator behind it) out of the code the bin compiles at start-up:
// see scripts/build.mjs.
import { type GradedSessionArgs, gradedSession } from '../io/graded-session.js';
import { brokenLessons } from '../io/lesson-files.js';
import { textColumns } from './columns.js';
import { loadLessons } from '../io/lessons-source.js';
import { openProgressFile } from '../io/progress-file.js';
import { lessonShape } from '../lessons/progress.js';
import { createSimHost, type SimHost } from '../host/sim-host.js';
import type { Lang } from '../i18n/index.js';
import { Tutor } from '../lessons/tutor.js';
import type { ScreenHost } from './screen-host.js';
import { screenHostFor } from './screen-host-sim.js';
import { tutorScreenHost } from './screen-host-tutor.js';

export interface LoadOptions {
  seed: number;
  lang: Lang;
  /** The terminal's width, for `ls` (the output area is narrower than the terminal). */
  columns: number | undefined;
  /** The tutor (the lesson map, or one lesson) rather than the sandbox. */
  tutor?:
    | { lessonId?: string | undefined; lessonsDir?: string | undefined; session?: GradedSessionArgs | undefined }
    | undefined;
}

export async function loadScreenHost(o: LoadOptions): Promise<ScreenHost> {
  // Every host the screen runs — the sandbox, a lesson's, one rebuilt by undo — tells `ls` the
  // output area's width (narrower than the terminal beside the panes).
  const makeHost = (seed: number): SimHost => {
    const host = createSimHost({ seed });
    if (o.columns) {
      host.session.shell.state.vars.set('COLUMNS', String(textColumns(o.columns)));
      host.session.shell.state.exported.add('COLUMNS');
    }
    return host;
  };
  if (!o.tutor) return screenHostFor(makeHost(o.seed));
  const { lessons, problems } = loadLessons(o.tutor.lessonsDir) ?? {
    lessons: [],
    problems: ['the lessons folder is missing from this installation'],
  };
  // A broken lesson is listed above the map with its problems; the others can still be taken.
  if (!lessons.length) throw new Error(problems.join('\n'));
  // A progress file that cannot be read at all throws here, its message naming the path.
  const opened = openProgressFile({ lessons: lessons.map(lessonShape) });
  const notices = [...(problems.length ? [brokenLessons(problems, o.lang, true)] : []), ...opened.notices];
  const extras = o.tutor.session ? gradedSession(o.tutor.session, lessons, o.lang, process.env) : {};
  if ('error' in extras) throw new Error(extras.error);
  const tutor = new Tutor({ ...extras, lessons, lang: o.lang, makeHost, progress: opened.store });
  const wanted = o.tutor.lessonId;
  if (extras.set) await tutor.startSet();
  else if (wanted !== undefined && !(await tutor.open(wanted)))
    throw new Error(`no lesson '${wanted}' (overlay-tutor lessons lists them)`);
  const tutorScreen = tutorScreenHost(tutor);
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
