// Starts the Ink screen on a TTY. Imported lazily by the CLI, only when interactive, so the
// other modes never load React.
import type { HostTime } from '../host/host-time.js';
import * as Ink from 'ink';
import * as React from 'react';
import * as JsxRuntime from 'react/jsx-runtime';
import { STRINGS, type Lang } from '../i18n/index.js';
import type { GradedSessionArgs } from '../io/graded-session.js';
import { readLessonIndex } from '../io/lesson-index.js';
import { peekProgress } from '../io/progress-path.js';
import { lessonMapText } from '../lessons/lesson-map.js';
import { App } from './app.js';
import { firstPrompt } from './first-prompt.js';
import { enterFullScreen, leaveFullScreen } from './full-screen.js';
import type { RealLessonsLater } from '../real/lesson-host.js';
import type { RealSession } from './screen-host-real.js';

export interface ScreenOptions {
  seed: number;
  /** Where the host's clock starts and the wall clock it keeps pace with. */
  time?: HostTime;
  lang: Lang;
  screenReader: boolean;
  /** LANG=C and other locales without UTF-8: ASCII borders and glyphs. */
  ascii?: boolean;
  /** The tutor (the lesson map, or one lesson) rather than the sandbox. */
  tutor?: {
    lessonId?: string | undefined;
    lessonsDir?: string | undefined;
    /** A recorded session: transcript, exercise set, learner, seed, key (src/io/graded-session.ts). */
    session?: GradedSessionArgs | undefined;
    /** `--at 7.5`: the step to open lessonId at (1-based), and `--seed`. */
    atStep?: number | undefined;
    seed?: number | undefined;
    /** `present`: the presenter's screen. */
    present?: boolean | undefined;
  };
  /** `present --speed`: characters typed a second. */
  presentSpeed?: number | undefined;
  /** `sandbox --real`: the real host, prepared before the screen opened; stopped when it closes. */
  real?: RealSession | undefined;
  /** `--real`: the lessons on the tutor's private dockerd, started once the screen is open (it shows
   * the progress); stopped when it closes. */
  realLessons?: RealLessonsLater | undefined;
}

/** How the screen asks Ink to render (bench/ui.ts measures with the same).
 * - maxFps: Ink draws at most that many frames a second and defers a frame that comes sooner; at
 *   its default of 30, a command's result could wait up to 33 ms behind the frame before it. The
 *   screen only draws on keys, commands and a pull's progress, so a high cap costs nothing.
 * - not concurrent: React's concurrent root would batch a command into one frame, but it defers
 *   the render that hands ink-text-input its new value, so Enter right after typed-ahead text
 *   (a paste, tmux send-keys) submitted the old, empty line. Found driving the bin in tmux. */
export const SCREEN_RENDER_OPTIONS = { exitOnCtrlC: false, maxFps: 1000, patchConsole: false } as const;

/** The lesson map for the first frame: the tutor's own lessons, from the index the build compiled
 * beside the bin, marked from the progress file as it stands (the Screen that follows reads it
 * with its checks). None from the sources, or for one lesson or a teacher's folder. */
function firstMap(o: ScreenOptions): string | undefined {
  if (!o.tutor || o.tutor.lessonId !== undefined || o.tutor.lessonsDir !== undefined || o.tutor.session?.set)
    return undefined;
  const index = readLessonIndex(import.meta.url);
  if (!index) return undefined;
  const map = lessonMapText(
    index.map((l) => ({ data: l.data, texts: l.heads })),
    o.lang,
    peekProgress() ?? { lessons: {} },
  );
  // The Screen draws `code` in colour without its backticks; the first frame is plain text.
  return map.replace(/`([^`\n]*)`/g, '$1');
}

export async function runScreen(o: ScreenOptions): Promise<number> {
  // In the bin the Screen comes with the simulator, bundled apart, and must draw with this
  // Ink and this React, not copies of its own (scripts/build.mjs hands it these).
  (globalThis as { __overlayTutorShared?: Record<string, unknown> }).__overlayTutorShared = {
    ink: Ink,
    react: React,
    'react/jsx-runtime': JsxRuntime,
  };
  // The simulator and the Screen load after the first frame: Ink paints the prompt, then this runs.
  const load = async (progress: (text: string) => void) => {
    const { loadScreenHost, loadScreen } = await import('../simulator-entry.js');
    const [host, { Screen }] = await Promise.all([
      loadScreenHost({
        seed: o.seed,
        ...(o.time ? { time: o.time } : {}),
        lang: o.lang,
        columns: process.stdout.columns,
        tutor: o.tutor,
        real: o.real,
        realLessons: o.realLessons,
        progress,
      }),
      loadScreen(),
    ]);
    return { host, Screen };
  };
  let code = 0;
  if (!o.screenReader) enterFullScreen(process.stdout);
  const instance = Ink.render(
    <App
      load={load}
      s={STRINGS[o.lang]}
      // An exercise set opens on its first item, as one lesson does: no map first.
      firstPrompt={
        o.real || (o.realLessons && o.tutor?.lessonId !== undefined)
          ? 'root@real:~# '
          : firstPrompt(o.tutor?.session?.set ? { lessonId: 'set' } : o.tutor, o.lang)
      }
      firstIntro={firstMap(o)}
      linear={o.screenReader}
      ascii={o.ascii ?? false}
      onExit={(c) => (code = c)}
      {...(o.presentSpeed !== undefined ? { presentSpeed: o.presentSpeed } : {})}
      color={process.env.FORCE_COLOR !== '0'}
    />,
    {
      ...SCREEN_RENDER_OPTIONS,
      isScreenReaderEnabled: o.screenReader,
    },
  );
  const stopReal = async () => {
    if (o.real) return o.real.stop((s) => process.stdout.write(s));
    await o.realLessons?.stop((s) => process.stdout.write(s));
  };
  // On a signal nothing is written: after SIGHUP the terminal is gone.
  restoreOnSignals(
    () => instance.unmount(),
    async () => (o.real ?? o.realLessons)?.stop(),
  );
  await instance.waitUntilExit();
  leaveFullScreen(process.stdout);
  await stopReal();
  return code;
}

/**
 * SIGTERM and SIGHUP end the bin at once, the terminal as it was found: Ink's own handling left
 * raw mode on after SIGHUP (found driving the bin in tmux). No line keeps the event loop longer
 * than the budget's slice (src/kernel/budget.ts), so the handler runs within a second; a real
 * host's daemon is then stopped before the exit.
 */
function restoreOnSignals(unmount: () => void, cleanUp: () => Promise<void>): void {
  for (const [signal, number] of [
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const) {
    process.once(signal, () => {
      try {
        unmount();
      } catch {
        // Already unmounted: the terminal is restored below regardless.
      }
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      process.stdout.write('\u001b[?25h');
      // A real host's daemon is stopped and unmounted first (its own exit hook kills it at once
      // should that take longer than 20 s).
      const limit = new Promise<void>((r) => setTimeout(r, 20_000).unref());
      void Promise.race([cleanUp().catch(() => undefined), limit]).finally(() => process.exit(128 + number));
    });
  }
}
