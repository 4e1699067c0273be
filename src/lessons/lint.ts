// `overlay-tutor lint`'s judgement of a lesson that loaded (the schema and the translations are
// the loader's): the lesson suite's own checks, run on a teacher's lesson as rustlings' `dev
// check` runs on its exercises — each graded step fails where it starts and passes after its
// solution (an answer step's solution shows the value asked for), every listed wrong attempt
// leaves the step undone and every right one completes it, and every {{value}} in its texts
// resolves once the step is done. Each problem names the lesson.yaml node it is about.
import type { CommandIO } from '../shell/command.js';
import { computeValue, ValueError } from './checks.js';
import { LANGS, type Lesson, parseYaml, pathText } from './loader.js';
import { type Attempt, lessonSchema } from './schema.js';
import { LessonRunner, type MakeHost } from './session.js';
import { behaviourOf } from './step-kinds.js';
import type { LessonFile, LessonProblem } from './types.js';

const VALUE_PLACEHOLDER =
  /\{\{\s*(diffid|chainid|cacheid|link|image_id|container_id|mount_id|layer_count|short)((?:\s+[^\s}]+)*)\s*\}\}/g;

function capture(): { io: CommandIO; text: () => string } {
  let out = '';
  const dec = new TextDecoder();
  const add = (d: string | Uint8Array) => void (out += typeof d === 'string' ? d : dec.decode(d));
  return {
    io: { stdin: new Uint8Array(0), stdout: add, stderr: add, stdinIsTerminal: false, stdoutIsTerminal: false },
    text: () => out,
  };
}

const linesOf = (a: Attempt): readonly string[] =>
  typeof a === 'string' ? [a] : Array.isArray(a) ? a : typeof a.lines === 'string' ? [a.lines] : a.lines;

/** The problems of a loaded lesson, each at the node of lesson.yaml it is about. */
export async function lintLesson(lesson: Lesson, lessonFile: LessonFile, makeHost: MakeHost): Promise<LessonProblem[]> {
  const problems: LessonProblem[] = [];
  const at = parseYaml(lessonFile, lessonSchema, []).at;
  const say = (path: PropertyKey[], message: string) =>
    problems.push({ path: lessonFile.path, ...at(path), message: `${pathText(path)}: ${message}` });
  const startAt = (i: number) => LessonRunner.start(lesson, 'en', makeHost, { startAt: i });
  for (const [i, step] of lesson.data.steps.entries()) {
    const b = behaviourOf(step);
    if (b.reading) continue;
    const answer = b.answer(step);
    // The step from where it starts: not passed yet; its solution completes it.
    const r = await startAt(i);
    if (step.kind !== 'answer' && r.passes())
      say(['steps', i, 'checks'], 'the step passes before the learner does anything');
    const out = capture();
    for (const line of b.solution(step)) {
      const t = await r.submit(line, out.io);
      if (t.leave || r.isDone(step.id)) break;
    }
    if (step.kind === 'answer' && answer !== undefined) {
      try {
        const want = computeValue(r.host, answer)
          .replace(/^sha256:/, '')
          .toLowerCase();
        if (!out.text().toLowerCase().includes(want))
          say(['steps', i, 'solution'], `the solution does not show the answer (${want.slice(0, 24)})`);
        else await r.submit(`answer ${want}`, capture().io);
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
        say(['steps', i, 'answer'], `the answer cannot be computed after the solution (${e.message})`);
      }
    } else if (!r.isDone(step.id)) say(['steps', i, 'solution'], 'the solution does not complete the step');
    // Every {{value}} of the step's texts, in both languages, once the step is done.
    for (const lang of LANGS) {
      const t = lesson.texts[lang].steps[step.id];
      const texts = [t?.text, t?.goal, t?.done, ...(t?.hints ?? [])].filter((x): x is string => x !== undefined);
      for (const text of texts)
        for (const m of text.matchAll(VALUE_PLACEHOLDER))
          if (r.fill(m[0]) === '…')
            problems.push({
              path: lessonFile.path.replace(/lesson\.yaml$/, `${lang}.yaml`),
              line: 1,
              column: 1,
              message: `steps.${step.id}: ${m[0]} does not resolve once the step is done`,
            });
    }
    // The mutation test: wrong attempts leave the step undone, right ones complete it.
    if (!('wrong' in step)) continue;
    for (const [which, list] of [
      ['wrong', step.wrong],
      ['right', step.right ?? []],
    ] as const) {
      for (const [j, attempt] of list.entries()) {
        const run = await startAt(i);
        for (const line of linesOf(attempt)) {
          const t = await run.submit(line, capture().io);
          if (t.leave || run.isDone(step.id)) break;
        }
        const done = run.isDone(step.id);
        if (which === 'wrong' && done) say(['steps', i, 'wrong', j], 'this wrong attempt completes the step');
        if (which === 'right' && !done) say(['steps', i, 'right', j], 'this right attempt does not complete the step');
      }
    }
  }
  return problems;
}
