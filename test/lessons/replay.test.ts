// Every lesson in lessons/, replayed headless as a learner would type it: each do and exercise
// step fails in the state it starts in and passes after its reference solution; each answer
// step's solution prints the expected value, a wrong answer is refused and the right one taken.
// Then the lesson suite's mutation test (lessons/FORMAT.md): in the state each graded step starts
// in, every attempt listed under `wrong` must leave the step undone (drawing the feedback it
// names), and every attempt under `right` must complete it.
import { afterAll, describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { findLessonsDir, readLessons } from '../../src/io/lesson-files.js';
import { expandAnswer, judgeAnswer } from '../../src/lessons/answers.js';
import { computeValue } from '../../src/lessons/checks.js';
import type { Lesson } from '../../src/lessons/loader.js';
import type { Attempt, StepData } from '../../src/lessons/schema.js';
import { LessonRunner } from '../../src/lessons/session.js';
import type { Lang } from '../../src/lessons/types.js';
import type { CommandIO } from '../../src/shell/command.js';

const dir = findLessonsDir() as string;
const { lessons, problems } = readLessons(dir);
const LANGS: Lang[] = ['en', 'zh-CN'];

function capture(): { io: CommandIO; text: () => string } {
  let out = '';
  const add = (d: string | Uint8Array) => void (out += typeof d === 'string' ? d : new TextDecoder().decode(d));
  return {
    io: { stdin: new Uint8Array(0), stdout: add, stderr: add, stdinIsTerminal: false, stdoutIsTerminal: false },
    text: () => out,
  };
}

const makeHost = (seed: number) => createSimHost({ seed, interactive: false });

function linesOf(a: Attempt): string[] {
  if (typeof a === 'string') return [a];
  if (Array.isArray(a)) return a;
  return typeof a.lines === 'string' ? [a.lines] : a.lines;
}

const graded = (l: Lesson) => l.data.steps.filter((s) => s.kind !== 'explain');
const attemptsOf = (s: StepData, which: 'wrong' | 'right'): Attempt[] => ('wrong' in s ? (s[which] ?? []) : []);

/** Runs one attempt from the state the step starts in, in one language; says whether the step
 * was completed, and what the tutor said. For answer lines, the verdict in the other language is
 * taken on the same state too, so feedback is checked in both. */
async function tryAttempt(
  lesson: Lesson,
  index: number,
  lang: Lang,
  attempt: Attempt,
): Promise<{ passed: boolean; messages: string[]; otherMessages: string[] }> {
  const step = lesson.data.steps[index] as StepData;
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
  const r = await LessonRunner.start(lesson, lang, makeHost, { startAt: index });
  expect(r.view().id).toBe(step.id);
  const messages: string[] = [];
  const otherMessages: string[] = [];
  for (const line of linesOf(attempt)) {
    if (/^answer\b/.test(line)) {
      const given = await expandAnswer(r.host, line.slice('answer'.length), capture().io);
      const v = judgeAnswer(r.host, step, given ?? '', other, lesson.texts[other].steps[step.id]?.feedback);
      if (v.message) otherMessages.push(v.message);
    }
    const turn = await r.submit(line, capture().io);
    messages.push(...turn.messages);
    if (turn.leave === 'finished') return { passed: true, messages, otherMessages };
    if (r.view().id !== step.id) return { passed: true, messages, otherMessages };
  }
  return { passed: false, messages, otherMessages };
}

const wrongCounts: Record<string, { wrong: number; right: number }> = {};

describe('lessons/', () => {
  it('load without problems, in both languages', () => {
    expect(problems).toEqual([]);
    expect(lessons.length).toBeGreaterThan(0);
  });

  it('give every graded step wrong attempts (two for an exercise), and feedback texts in both languages', () => {
    for (const lesson of lessons) {
      for (const step of graded(lesson)) {
        const at = `${lesson.folder} step ${step.id}`;
        expect(attemptsOf(step, 'wrong').length, `${at}: wrong attempts`).toBeGreaterThanOrEqual(
          step.kind === 'exercise' ? 2 : 1,
        );
        const keys = [
          ...('feedback' in step ? (step.feedback ?? []).map((f) => f.say) : []),
          ...attemptsOf(step, 'wrong').flatMap((a) => (typeof a === 'object' && 'says' in a && a.says ? [a.says] : [])),
        ];
        for (const lang of LANGS)
          for (const key of keys)
            expect(
              lesson.texts[lang].steps[step.id]?.feedback?.[key],
              `${at}: feedback.${key} in ${lang}`,
            ).toBeTruthy();
      }
    }
  });

  for (const lesson of lessons) {
    it.each(LANGS)(
      `${lesson.folder} replays its reference solution (%s)`,
      async (lang) => {
        const r = await LessonRunner.start(lesson, lang, makeHost);
        for (const step of lesson.data.steps) {
          const at = `${lesson.folder} step ${step.id}`;
          expect(r.view().id, at).toBe(step.id);
          // Texts render with their values filled in.
          expect(r.view().text, at).not.toMatch(/\{\{\s*(chainid|diffid|cacheid|link|short)/);
          if (step.kind === 'explain') {
            await r.submit('next', capture().io);
            continue;
          }
          if (step.kind === 'answer') {
            const out = capture();
            for (const line of step.solution) await r.submit(line, out.io);
            const expected = computeValue(r.host, step.answer);
            expect(out.text().toLowerCase(), `${at}: the solution shows the answer`).toContain(
              expected.replace(/^sha256:/, '').toLowerCase(),
            );
            expect((await r.submit('answer sha256:0000', capture().io)).exitCode, at).toBe(1);
            expect(r.view().id, at).toBe(step.id);
            await r.submit(`answer ${expected}`, capture().io);
            continue;
          }
          expect(r.passes(), `${at} must not pass before the learner acts`).toBe(false);
          const ask = await r.submit('solution', capture().io);
          expect(ask.confirm, at).toBeTruthy();
          const turn = await r.submit('y', capture().io);
          if (step === lesson.data.steps[lesson.data.steps.length - 1]) {
            expect(turn.leave, `${at}: the lesson ends`).toBe('finished');
            expect(r.grade).toBe('with-solution');
          } else expect(r.view().id, `${at}: the solution completes the step`).not.toBe(step.id);
        }
      },
      60_000,
    );
  }

  // The mutation test. Each attempt runs once, from a host rebuilt to the step's start, in one
  // language (they alternate); whether a step passes does not depend on the language (checks
  // read no text), and what the tutor says to an answer is judged in the other language on the
  // same state, so every wrong answer's diagnosis is checked in both.
  for (const lesson of lessons) {
    it(`${lesson.folder}: wrong attempts fail and other right attempts pass`, async () => {
      let n = 0;
      const counts = { wrong: 0, right: 0 };
      for (const [index, step] of lesson.data.steps.entries()) {
        if (step.kind === 'explain') continue;
        for (const which of ['wrong', 'right'] as const) {
          for (const attempt of attemptsOf(step, which)) {
            const lang = LANGS[n++ % 2] as Lang;
            const at = `${lesson.folder} step ${step.id} (${lang}) ${which}: ${linesOf(attempt).join(' ; ')}`;
            const result = await tryAttempt(lesson, index, lang, attempt);
            expect(result.passed, at).toBe(which === 'right');
            counts[which]++;
            const says = typeof attempt === 'object' && 'says' in attempt ? attempt.says : undefined;
            if (says) {
              const text = (l: Lang) => lesson.texts[l].steps[step.id]?.feedback?.[says] as string;
              expect(result.messages, `${at}: says ${says}`).toContain(text(lang));
              if (linesOf(attempt).some((l) => /^answer\b/.test(l)))
                expect(result.otherMessages, `${at}: says ${says} in the other language`).toContain(
                  text(lang === 'en' ? 'zh-CN' : 'en'),
                );
            }
          }
        }
      }
      wrongCounts[lesson.folder] = counts;
    }, 600_000);
  }

  afterAll(() => {
    const rows = Object.entries(wrongCounts).map(([l, c]) => `  ${l}: ${c.wrong} wrong, ${c.right} right`);
    if (rows.length) console.log(`Mutation test, attempts per lesson:\n${rows.join('\n')}`);
  });
});
