// The tutor in line mode (no TTY, CI, or a screen reader's choice): the lesson map, then a
// lesson's steps as text with the shell prompt below, tutor commands (next, hint, answer …)
// mixed with shell lines. The same LessonRunner drives the Ink screen's lesson view.
import { createInterface } from 'node:readline';
import { createSimHost } from '../host/sim-host.js';
import { loadLessons } from '../io/lessons-source.js';
import { openProgressFile, ProgressFileError } from '../io/progress-file.js';
import { lessonShape } from '../lessons/progress.js';
import type { Lesson } from '../lessons/loader.js';
import { LessonRunner } from '../lessons/session.js';
import type { Lang, StepView } from '../lessons/types.js';
import type { CommandIO } from '../shell/command.js';

export interface LineTutorOptions {
  lang: Lang;
  lessonId?: string;
  /** A teacher's own lessons, read from this folder's YAML instead of the tutor's. */
  lessonsDir?: string;
  /** Where progress is kept (default: the user's config directory). */
  progressFile?: string;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

const WORDS = {
  en: {
    pick: 'Lesson number, or sandbox for a host with no lesson (q to quit): ',
    sandbox: 'A simulated host with no lesson: try anything. `lessons` goes back to the map.',
    step: 'step',
    of: 'of',
    goal: 'Goal',
    noSuch: (x: string) => `no lesson '${x}'`,
    commands: 'Type shell commands; also next, hint, solution, undo, reset, answer <value>, lessons.',
  },
  'zh-CN': {
    pick: '输入课程编号，或输入 sandbox 进入没有课程的沙盒（q 退出）：',
    sandbox: '没有课程的模拟主机：随便试。输入 `lessons` 回到课程列表。',
    step: '第',
    of: '步，共',
    goal: '目标',
    noSuch: (x: string) => `没有课程 '${x}'`,
    commands: '输入 shell 命令；也可以用 next、hint、solution、undo、reset、answer <值>、lessons。',
  },
} as const;

export function formatStep(v: StepView, lang: Lang): string {
  const w = WORDS[lang];
  const head =
    lang === 'en'
      ? `── ${v.lessonTitle} · ${w.step} ${v.index + 1} ${w.of} ${v.count} ──`
      : `── ${v.lessonTitle} · ${w.step} ${v.index + 1} ${w.of} ${v.count} 步 ──`;
  return `\n${head}\n${v.text.trimEnd()}\n${v.goal ? `\n${w.goal}: ${v.goal.trimEnd()}\n` : ''}`;
}

export async function runLineTutor(o: LineTutorOptions): Promise<number> {
  const output = o.output ?? process.stdout;
  const input = o.input ?? process.stdin;
  const w = WORDS[o.lang];
  const { lessons, problems } = loadLessons(o.lessonsDir) ?? {
    lessons: [],
    problems: ['overlay-tutor: the lessons folder is missing from this installation'],
  };
  if (problems.length) {
    output.write(`${problems.join('\n')}\n`);
    return 1;
  }
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
  const { store } = opened;
  for (const n of opened.notices) output.write(`${n}\n`);
  const mark = (l: Lesson, progress = store.current()) => {
    const p = progress.lessons[l.data.id];
    if (p?.grade) return '✓';
    return p && p.current > 0 ? `${p.current + 1}/${l.data.steps.length}` : ' ';
  };
  const rl = createInterface({ input, output, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (q: string): Promise<string | undefined> => {
    output.write(q);
    const r = await lines.next();
    return r.done ? undefined : (r.value as string);
  };
  const io: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: (d) => void output.write(d),
    stderr: (d) => void output.write(d),
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  };

  let chosen: Lesson | undefined;
  if (o.lessonId !== undefined) {
    chosen = lessons.find((l) => l.data.id === o.lessonId || l.folder === o.lessonId);
    if (!chosen) {
      output.write(`overlay-tutor: ${w.noSuch(o.lessonId)}\n`);
      rl.close();
      return 2;
    }
  }
  for (;;) {
    if (!chosen) {
      const progress = store.current();
      output.write(
        `\n${lessons.map((l, i) => `${String(i + 1).padStart(2)}. [${mark(l, progress).padEnd(5)}] ${l.texts[o.lang].title} — ${l.texts[o.lang].summary}`).join('\n')}\n`,
      );
      const pick = await ask(w.pick);
      if (pick === undefined || /^q(uit)?$/i.test(pick.trim())) break;
      if (pick.trim() === 'sandbox') {
        output.write(`${w.sandbox}\n`);
        if ((await sandbox(ask, io)) === 'end') break;
        continue;
      }
      chosen = lessons[Number(pick.trim()) - 1];
      if (!chosen) continue;
    }
    const id = chosen.data.id;
    const record = store.current().lessons[id];
    const resumeAt = record?.grade ? 0 : (record?.current ?? 0);
    const runner = await LessonRunner.start(chosen, o.lang, (seed) => createSimHost({ seed, interactive: false }), {
      startAt: resumeAt,
      // A save that failed is one line; the lesson goes on and the next step saves both.
      onStep: (stepId, next, grade) => {
        const warning = store.recordStep(id, stepId, next, grade);
        if (warning) output.write(`overlay-tutor: ${warning}\n`);
      },
    });
    output.write(`${formatStep(runner.view(), o.lang)}\n${w.commands}\n`);
    let prompt = runner.prompt();
    let leave = false;
    while (!leave) {
      const line = await ask(prompt);
      if (line === undefined) {
        rl.close();
        return 0;
      }
      const before = runner.view().index;
      const turn = await runner.submit(line, io);
      for (const m of turn.messages) output.write(`${m}\n`);
      if (turn.leave) leave = true;
      else if (runner.view().index !== before) output.write(`${formatStep(runner.view(), o.lang)}\n`);
      prompt = turn.confirm ? `${turn.confirm} ` : runner.prompt();
    }
    chosen = undefined;
  }
  rl.close();
  return 0;
}

/** A host with no lesson, from the map: shell lines (bash's `> ` for unfinished ones) until
 * `lessons` goes back to the map, or the input ends. */
async function sandbox(ask: (prompt: string) => Promise<string | undefined>, io: CommandIO): Promise<'map' | 'end'> {
  const session = createSimHost({ seed: 0, interactive: false }).session;
  let pending: string | null = null;
  for (;;) {
    const line = await ask(pending === null ? session.prompt() : '> ');
    if (line === undefined) return 'end';
    if (pending === null && line.trim() === 'lessons') return 'map';
    const text: string = pending === null ? line : `${pending}\n${line}`;
    if (session.needsMore(text)) {
      pending = text;
      continue;
    }
    pending = null;
    if ((await session.run(text, io)).exited) return 'map';
  }
}
