// The ScreenHost for a presenter (`overlay-tutor present`): the tutor's lesson screen
// (screen-host-tutor.ts) and, for the keys of src/ui/presenter-keys.ts, the lines each step
// types next, jumps to any step, the catch-up code, and the position a notes view follows.
// A jump rebuilds the host from the seed and the command log, as undo does: back to step 2 is
// the host the presenter had there, and a jump forward runs the reference solutions between.
import type { PresentState } from '../io/workshop-files.js';
import { referencePath } from '../lessons/session.js';
import { behaviourOf } from '../lessons/step-kinds.js';
import type { Tutor } from '../lessons/tutor.js';
import { presenterLines, stepTitle } from '../lessons/walkthrough.js';
import type { ScreenHost } from './screen-host.js';
import { tutorScreenHost } from './screen-host-tutor.js';

/** What a presenter's screen shows in the notes view: the position file's own shape. */
export type PresenterPosition = PresentState;

export interface PresenterControl {
  /** The line the next keypress types, if the step has one left (`next` once its lines are
   * typed and it is still open); undefined on a reading step or at the lesson's end. */
  nextLine(): string | undefined;
  /** The step is read and moved on from (Enter on an empty line). */
  reading(): boolean;
  /** The step (1-based) and the number of steps. */
  where(): { step: number; count: number } | undefined;
}

/** The presenter's keys, shown above the lesson when the screen opens. */
export function presenterLegend(lang: 'en' | 'zh-CN'): string {
  return lang === 'en'
    ? '**Presenter keys**: Space or → types the next line, Enter runs it · `p` types it for you to edit · ' +
        '`:7` or `g7` then Enter jumps to step 7 · `b` one step back · `!` a line of your own · ' +
        'the status line shows the catch-up code\n'
    : '**演示按键**：空格或 → 输入下一行，回车执行 · `p` 只输入、可修改 · `:7` 或 `g7` 再回车跳到第 7 步 · ' +
        '`b` 后退一步 · `!` 输入自己的命令 · 状态栏显示跟上进度的代码\n';
}

/** `:7` jumps to step 7 (the keys send `g7` as this too). */
export const JUMP = /^:(\d+)$/;

/** The catch-up code for a position: `npx overlay-tutor <code>` puts a host in that state. */
export const catchUpCode = (order: number, step: number, seed: number) => `--at ${order}.${step} --seed ${seed}`;

export function presenterScreenHost(
  tutor: Tutor,
  o: { seed: number; onPosition?: (p: PresenterPosition) => void; lang: 'en' | 'zh-CN' },
): ScreenHost & { present: PresenterControl } {
  let inner = tutorScreenHost(tutor);
  /** How many of the current step's lines were typed from its script, and which step that is. */
  let typed = { index: -1, count: 0 };
  const runner = () => (tutor.place === 'lesson' ? tutor.runner : undefined);
  const script = () => {
    const r = runner();
    if (!r) return [];
    if (typed.index !== r.index) typed = { index: r.index, count: 0 };
    return presenterLines(r.step, r.host);
  };
  const code = () => {
    const r = tutor.runner;
    if (!r) return '';
    const step = tutor.place === 'recap' ? r.lesson.data.steps.length : r.index + 1;
    return catchUpCode(r.lesson.data.order, step, o.seed);
  };
  let lastPosition = '';
  const tell = () => {
    const r = tutor.runner;
    if (!r || !o.onPosition) return;
    const v = r.view();
    const p: PresenterPosition = {
      lesson: r.lesson.data.id,
      title: v.lessonTitle,
      step: v.index + 1,
      count: v.count,
      stepTitle: stepTitle(v.text, 100),
      notes: r.lesson.texts[o.lang].steps[v.id]?.notes ?? '',
      lines: presenterLines(r.step, r.host),
      code: code(),
    };
    const key = JSON.stringify(p);
    if (key !== lastPosition) o.onPosition(p);
    lastPosition = key;
  };
  tell();

  /** Step `n` (1-based) with its host rebuilt: the log's lines of the steps before it (as far as
   * the presenter has been), then the reference solutions of the steps still between. */
  const jump = async (n: number): Promise<string | undefined> => {
    const r = tutor.runner;
    if (!r) return undefined;
    const count = r.lesson.data.steps.length;
    if (n < 1 || n > count)
      return o.lang === 'en' ? `There is no step ${n} (1 to ${count}).` : `没有第 ${n} 步（1 到 ${count}）。`;
    const target = n - 1;
    const here = tutor.place === 'recap' ? count : r.index;
    const kept = r.loggedLines().filter((l) => l.step < Math.min(target, here));
    const between = referencePath(r.lesson, target).filter((l) => l.step >= here);
    inner.dispose();
    await tutor.open(r.lesson.data.id, { step: target, replay: [...kept, ...between] });
    inner = tutorScreenHost(tutor);
    typed = { index: target, count: 0 };
    return undefined;
  };

  return {
    prompt: () => inner.prompt(),
    status: () => {
      const c = code();
      return c ? `${tutor.status()} | ${c}` : tutor.status();
    },
    goal: () => inner.goal?.(),
    pane: () => inner.pane?.(),
    paneHint: () => inner.paneHint?.() ?? { kind: 'sandbox' },
    secrets: () => [],
    tutor: true,
    intro: () => inner.intro(),
    async run(line, io) {
      const j = JUMP.exec(line.trim());
      if (j && tutor.runner) {
        const refused = await jump(Number(j[1]));
        if (refused) io.lesson?.(`${refused}\n`);
        else {
          // The screen is the step's alone, as if the presenter had come to it directly.
          io.stdout('\u001b[H\u001b[2J');
          const r = tutor.runner;
          if (r) io.lesson?.(tutor.stepText(r.view()));
        }
        tell();
        return { exitCode: refused ? 1 : 0, exited: false, fresh: !refused };
      }
      const expected = script()[typed.count];
      const before = runner()?.index;
      const result = await inner.run(line, io);
      if (line === expected && runner()?.index === before) typed.count++;
      tell();
      return result;
    },
    complete: (line) => inner.complete(line),
    panes: () => inner.panes(),
    log: () => inner.log(),
    pulls: () => inner.pulls(),
    dispose: () => inner.dispose(),
    present: {
      nextLine() {
        const r = runner();
        if (!r) return undefined;
        const lines = script();
        if (!lines.length) return undefined;
        return lines[typed.count] ?? 'next';
      },
      reading: () => {
        const r = runner();
        return r ? behaviourOf(r.step).reading : false;
      },
      where() {
        const r = tutor.runner;
        return r ? { step: r.index + 1, count: r.lesson.data.steps.length } : undefined;
      },
    },
  };
}
