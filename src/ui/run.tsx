// Starts the Ink screen on a TTY. Imported lazily by the CLI, only when interactive, so the
// other modes never load React.
import { render } from 'ink';
import { STRINGS, type Lang } from '../i18n/index.js';
import { App } from './app.js';

export interface ScreenOptions {
  seed: number;
  lang: Lang;
  screenReader: boolean;
  /** The tutor (the lesson map, or one lesson) rather than the sandbox. */
  tutor?: { lessonId?: string | undefined };
}

export async function runScreen(o: ScreenOptions): Promise<number> {
  // The simulator loads after the first frame: Ink paints the layout, then this runs.
  const load = async () => {
    const [{ createSimHost }, { screenHostFor }] = await Promise.all([import('../host/sim-host.js'), import('./screen-host-sim.js')]);
    const host = createSimHost({ seed: o.seed });
    const columns = process.stdout.columns;
    if (columns) {
      // ls asks the terminal for its width; the output area is narrower than the terminal.
      host.session.shell.state.vars.set('COLUMNS', String(columns >= 120 ? Math.floor(columns * 0.45) : columns));
      host.session.shell.state.exported.add('COLUMNS');
    }
    if (!o.tutor) return screenHostFor(host);
    const [{ findLessonsDir, readLessons }, { tutorScreenHost }, { LessonRunner }] = await Promise.all([import('../host/lesson-files.js'), import('./screen-host-tutor.js'), import('../lessons/session.js')]);
    const dir = findLessonsDir();
    const { lessons, problems } = dir ? readLessons(dir) : { lessons: [], problems: ['the lessons folder is missing from this installation'] };
    if (problems.length) throw new Error(problems.join('\n'));
    const chosen = o.tutor.lessonId === undefined ? undefined : lessons.find((l) => l.data.id === o.tutor?.lessonId || l.folder === o.tutor?.lessonId);
    if (o.tutor.lessonId !== undefined && !chosen) throw new Error(`no lesson '${o.tutor.lessonId}' (overlay-tutor lessons lists them)`);
    const [{ loadProgress, progressPath, saveProgress }, { recordStep }] = await Promise.all([import('../host/progress-file.js'), import('../lessons/progress.js')]);
    const file = progressPath();
    const loaded = loadProgress(file);
    let progress = loaded.progress;
    const keeper = {
      current: () => progress,
      runnerOptions: (l: (typeof lessons)[number]) => ({
        startAt: progress.lessons[l.data.id]?.grade ? 0 : (progress.lessons[l.data.id]?.current ?? 0),
        onStep: (stepId: string, next: number, grade?: 'clean' | 'with-hints' | 'with-solution') => {
          progress = recordStep(progress, l.data.id, stepId, next, grade);
          saveProgress(file, progress);
        },
      }),
    };
    const first = chosen ? await LessonRunner.start(chosen, o.lang, (seed) => createSimHost({ seed }), keeper.runnerOptions(chosen)) : undefined;
    const screen = tutorScreenHost(lessons, o.lang, first, keeper);
    // A progress file that could not be read was moved aside: say so above the map.
    return loaded.warning ? { ...screen, intro: () => `${loaded.warning}\n${screen.intro()}` } : screen;
  };
  let code = 0;
  const instance = render(<App load={load} s={STRINGS[o.lang]} linear={o.screenReader} onExit={(c) => (code = c)} />, {
    exitOnCtrlC: false,
    isScreenReaderEnabled: o.screenReader,
  });
  await instance.waitUntilExit();
  return code;
}
