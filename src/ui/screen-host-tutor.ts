// The ScreenHost for the tutor: first the lesson map (a number picks a lesson, `sandbox` opens a
// host with no lesson until `lessons`), then the lesson being taken — its steps printed into the
// scrollback as they come, tutor commands and shell lines through the LessonRunner, the panes
// following whichever host the lesson runs on (undo and reset rebuild it).
import { completionSources, type SimHost } from '../host/sim-host.js';
import type { Lesson } from '../lessons/loader.js';
import type { Progress } from '../lessons/progress.js';
import { LessonRunner, type RunnerOptions } from '../lessons/session.js';
import type { Lang } from '../lessons/types.js';
import { derivePanes } from '../panes/model.js';
import { PaneTracker } from '../panes/tracker.js';
import { formatStep } from '../repl/line-tutor.js';
import { complete } from '../shell/bash/completion.js';
import { LESSON_MAP_PROMPT } from './first-prompt.js';
import { EMPTY_PANES, type ScreenHost } from './screen-host.js';
import { screenHostFor } from './screen-host-sim.js';

const PICK = {
  en: 'Type a lesson number and Enter, or `sandbox` for a host with no lesson.',
  'zh-CN': '输入课程编号后回车；输入 `sandbox` 进入没有课程的沙盒。',
} as const;
const MAP = { en: 'lesson map', 'zh-CN': '课程列表' } as const;
const SANDBOX = {
  en: { status: 'sandbox', hello: 'A simulated host with no lesson: try anything. `lessons` goes back to the map.\n' },
  'zh-CN': { status: '沙盒', hello: '没有课程的模拟主机：随便试。输入 `lessons` 回到课程列表。\n' },
} as const;

/** Where progress is read and kept (the host's progress file). */
export interface ProgressKeeper {
  current(): Progress;
  /** The last save's failure, while it lasts (the next step saves again). */
  warning?(): string | undefined;
  /** RunnerOptions for a lesson: where to resume, and where to record. */
  runnerOptions(lesson: Lesson): RunnerOptions;
}

export function lessonMap(lessons: Lesson[], lang: Lang, progress?: Progress): string {
  const mark = (l: Lesson) => {
    const p = progress?.lessons[l.data.id];
    return p?.grade ? '✓' : p && p.current > 0 ? `${p.current + 1}/${l.data.steps.length}` : '';
  };
  // One line per lesson, so the whole map fits an 80x24 screen.
  return `${lessons.map((l, i) => `${String(i + 1).padStart(2)}. [${mark(l).padEnd(5)}] ${l.texts[lang].title}`).join('\n')}\n\n${PICK[lang]}\n`;
}

/** `makeHost` builds every host it runs: a lesson's (and the ones undo rebuilds) and the sandbox's. */
export function tutorScreenHost(
  lessons: Lesson[],
  lang: Lang,
  makeHost: (seed: number) => SimHost,
  first?: LessonRunner,
  keeper?: ProgressKeeper,
): ScreenHost & { intro(): string } {
  let runner = first;
  let tracker = runner ? new PaneTracker(runner.host) : undefined;
  const begin = (r: LessonRunner) => {
    runner = r;
    tracker?.dispose();
    tracker = new PaneTracker(r.host);
  };
  // A sandbox opened from the map: a plain simulated host until `lessons`.
  let sandbox: ScreenHost | undefined;
  // The save warning last printed: printed once, on the status line while it lasts.
  let warned: string | undefined;
  return {
    intro: () => (runner ? formatStep(runner.view(), lang) : lessonMap(lessons, lang, keeper?.current())),
    prompt: () => (sandbox ? sandbox.prompt() : runner ? runner.prompt() : LESSON_MAP_PROMPT),
    status: () => {
      const base = sandbox
        ? SANDBOX[lang].status
        : runner
          ? `${runner.view().lessonTitle} · ${runner.view().index + 1}/${runner.view().count}`
          : MAP[lang];
      const warning = keeper?.warning?.();
      return warning ? `${base} · ⚠ ${warning}` : base;
    },
    async run(line, io) {
      // The tutor's own words go to the screen as markdown; the shell's output stays as it is.
      const say = (text: string) => (io.lesson ? io.lesson(text) : io.stdout(text));
      if (sandbox) {
        if (line.trim() !== 'lessons') return sandbox.run(line, io);
        sandbox.dispose();
        sandbox = undefined;
        say(lessonMap(lessons, lang, keeper?.current()));
        return { exitCode: 0, exited: false };
      }
      if (!runner) {
        if (line.trim() === 'sandbox') {
          sandbox = screenHostFor(makeHost(0));
          say(SANDBOX[lang].hello);
          return { exitCode: 0, exited: false };
        }
        const lesson = lessons[Number(line.trim()) - 1];
        if (!lesson) {
          say(lessonMap(lessons, lang, keeper?.current()));
          return { exitCode: 1, exited: false };
        }
        begin(await LessonRunner.start(lesson, lang, makeHost, keeper?.runnerOptions(lesson)));
        say(`${formatStep((runner as unknown as LessonRunner).view(), lang)}\n`);
        return { exitCode: 0, exited: false };
      }
      const r = runner;
      const before = r.view().index;
      tracker?.beginCommand();
      const turn = await r.submit(line, io);
      tracker?.endCommand();
      for (const m of turn.messages) say(`${m}\n`);
      const warning = keeper?.warning?.();
      if (warning && warning !== warned) say(`⚠ ${warning}\n`);
      warned = warning;
      if (turn.confirm) say(`${turn.confirm}\n`);
      if (turn.hostReplaced) tracker?.replaceHost(r.host);
      if (turn.leave) {
        runner = undefined;
        tracker?.dispose();
        tracker = undefined;
        say(lessonMap(lessons, lang, keeper?.current()));
      } else if (r.view().index !== before) say(`${formatStep(r.view(), lang)}\n`);
      return { exitCode: turn.exitCode, exited: false };
    },
    complete: (line) =>
      sandbox
        ? sandbox.complete(line)
        : runner
          ? complete(line, line.length, completionSources(runner.host))
          : { from: 0, candidates: [], common: '' },
    panes: () =>
      sandbox
        ? sandbox.panes()
        : runner && tracker
          ? derivePanes(runner.host.docker, runner.host.rootProc, tracker.focus, tracker.recentPaths)
          : EMPTY_PANES,
    log: () => (sandbox ? sandbox.log() : (tracker?.log ?? [])),
    pulls: () => (sandbox ? sandbox.pulls() : (tracker?.pulls ?? [])),
    dispose: () => {
      tracker?.dispose();
      sandbox?.dispose();
    },
  };
}
