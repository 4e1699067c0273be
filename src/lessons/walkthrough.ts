// A lesson walked through along its reference path, as a presenter shows it: each step's text
// (its values filled from the host as it is then), the lines its solution types and what they
// printed. `present` types these lines one keypress at a time; `record` and `handout` walk the
// whole lesson at once. Everything runs through the LessonRunner, as a learner's lines do, so
// the host — ids and all — is the one a learner resumed at the same step gets.
import type { SimHost } from '../host/sim-host.js';
import type { CommandIO } from '../shell/command.js';
import { computeValue, ValueError } from './checks.js';
import type { Lesson } from './loader.js';
import type { StepData } from './schema.js';
import { LessonRunner, type MakeHost } from './session.js';
import { behaviourOf } from './step-kinds.js';
import type { Lang, StepView } from './types.js';

/** The lines a presenter types for a step: its solution and, for a step that asks for a value
 * its solution only prints, `answer <the value>` (computed from `host` as it is when typed). */
export function presenterLines(step: StepData, host: SimHost): string[] {
  const b = behaviourOf(step);
  const lines = [...b.solution(step)];
  const answer = b.answer(step);
  if (answer === undefined || lines.some((l) => /^answer\b/.test(l))) return lines;
  try {
    return [...lines, `answer ${computeValue(host, answer)}`];
  } catch (e) {
    if (e instanceof ValueError) return lines;
    throw e;
  }
}

/** A tutor word rather than a shell line (recordings and handouts show the value, not the word). */
export const isAnswerLine = (line: string) => /^answer\b/.test(line);

/** A step's title for markers and headings: the first line of its text, markdown taken out,
 * cut at `max` characters. */
export function stepTitle(text: string, max = 60): string {
  const first =
    text
      .replace(/```[^\n]*\n[\s\S]*?```/g, '')
      .split('\n')
      .find((l) => l.trim()) ?? '';
  const plain = first
    .replace(/\*\*|`|^#+\s*|^[-*]\s+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return [...plain].length > max ? `${[...plain].slice(0, max - 1).join('')}…` : plain;
}

export interface WalkedLine {
  prompt: string;
  line: string;
  /** What the line wrote, stdout and stderr in the order written. */
  output: string;
  exit: number;
}

export interface WalkedStep {
  view: StepView;
  /** The step's speaker notes, if any. */
  notes?: string;
  lines: WalkedLine[];
}

export interface Walked {
  lesson: Lesson;
  seed: number;
  steps: WalkedStep[];
  /** The recap's text, its values filled from the host at the end. */
  recap: string;
}

/** The lesson with its seed replaced (`--seed` for present, record, handout and `--at`). */
export function withSeed(lesson: Lesson, seed: number | undefined): Lesson {
  return seed === undefined ? lesson : { ...lesson, data: { ...lesson.data, seed } };
}

/** Walks the whole lesson along its reference path; throws when a step's lines do not complete
 * it (the lesson suite's replay test would fail too). */
export async function walkLesson(
  lesson: Lesson,
  lang: Lang,
  makeHost: MakeHost,
  o: { terminal?: boolean } = {},
): Promise<Walked> {
  const runner = await LessonRunner.start(lesson, lang, makeHost);
  const steps: WalkedStep[] = [];
  for (;;) {
    const view = runner.view();
    const notes = lesson.texts[lang].steps[view.id]?.notes;
    const walked: WalkedStep = { view, ...(notes ? { notes } : {}), lines: [] };
    steps.push(walked);
    const step = runner.step;
    let finished = false;
    if (behaviourOf(step).reading) finished = (await runner.submit('', quietIO())).leave === 'finished';
    for (let i = 0; !behaviourOf(step).reading && runner.index === view.index; i++) {
      const line = presenterLines(step, runner.host)[i];
      if (line === undefined) throw new Error(`${lesson.folder}: step ${view.id}: its solution does not complete it`);
      const prompt = runner.prompt();
      let output = '';
      const dec = new TextDecoder();
      const add = (d: string | Uint8Array) => {
        output += typeof d === 'string' ? d : dec.decode(d, { stream: true });
      };
      const turn = await runner.submit(line, { ...quietIO(o.terminal), stdout: add, stderr: add });
      walked.lines.push({ prompt, line, output, exit: turn.exitCode });
      if (turn.leave === 'finished') {
        finished = true;
        break;
      }
    }
    if (finished) break;
  }
  const t = lesson.texts[lang];
  return { lesson, seed: lesson.data.seed, steps, recap: runner.fill(t.recap ?? t.summary) };
}

function quietIO(terminal = false): CommandIO {
  return {
    stdin: new Uint8Array(0),
    stdout: () => {},
    stderr: () => {},
    stdinIsTerminal: false,
    stdoutIsTerminal: terminal,
  };
}
