// The lesson suite's mutation test (lessons/FORMAT.md): in the state each graded step starts in,
// every attempt listed under `wrong` must leave the step undone (drawing the feedback it names),
// and every attempt under `right` must complete it — each in both languages. A file of its own,
// so that it runs beside the solutions' replay (test/lessons/replay.test.ts) on another worker.
import { afterAll, describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { findLessonsDir, readLessons } from '../../src/io/lesson-files.js';
import type { Lesson } from '../../src/lessons/loader.js';
import type { Attempt, StepData } from '../../src/lessons/schema.js';
import { LessonRunner } from '../../src/lessons/session.js';
import type { Lang } from '../../src/lessons/types.js';
import type { CommandIO } from '../../src/shell/command.js';

const { lessons } = readLessons(findLessonsDir() as string);
const LANGS: Lang[] = ['en', 'zh-CN'];
const quiet = (): CommandIO => ({
  stdin: new Uint8Array(0),
  stdout: () => {},
  stderr: () => {},
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
});
const makeHost = (seed: number) => createSimHost({ seed, interactive: false });

function linesOf(a: Attempt): string[] {
  if (typeof a === 'string') return [a];
  if (Array.isArray(a)) return a;
  return typeof a.lines === 'string' ? [a.lines] : a.lines;
}

const attemptsOf = (s: StepData, which: 'wrong' | 'right'): Attempt[] => ('wrong' in s ? (s[which] ?? []) : []);

/** Runs one attempt from the state the step starts in, in one language; says whether the step
 * was completed, and what the tutor said. */
async function tryAttempt(
  lesson: Lesson,
  index: number,
  lang: Lang,
  attempt: Attempt,
): Promise<{ passed: boolean; messages: string[] }> {
  const step = lesson.data.steps[index] as StepData;
  const r = await LessonRunner.start(lesson, lang, makeHost, { startAt: index });
  expect(r.view().id).toBe(step.id);
  const messages: string[] = [];
  for (const line of linesOf(attempt)) {
    const turn = await r.submit(line, quiet());
    messages.push(...turn.messages);
    if (turn.leave === 'finished') return { passed: true, messages };
    if (r.view().id !== step.id) return { passed: true, messages };
  }
  return { passed: false, messages };
}

const attemptCounts: Record<string, { counts: { wrong: number; right: number }; langs: Lang[] }> = {};

describe('lessons/ mutation test', () => {
  // The mutation test. Each attempt runs in each language, from a host rebuilt to the step's
  // start: a check that reads text, or feedback missing or wrong in one language, fails there.
  for (const lesson of lessons) {
    it.each(LANGS)(
      `${lesson.folder}: wrong attempts fail and other right attempts pass (%s)`,
      async (lang) => {
        const counts = { wrong: 0, right: 0 };
        for (const [index, step] of lesson.data.steps.entries()) {
          if (step.kind === 'explain') continue;
          for (const which of ['wrong', 'right'] as const) {
            for (const attempt of attemptsOf(step, which)) {
              const at = `${lesson.folder} step ${step.id} (${lang}) ${which}: ${linesOf(attempt).join(' ; ')}`;
              const result = await tryAttempt(lesson, index, lang, attempt);
              expect(result.passed, at).toBe(which === 'right');
              counts[which]++;
              const says = typeof attempt === 'object' && 'says' in attempt ? attempt.says : undefined;
              if (says)
                expect(result.messages, `${at}: says ${says}`).toContain(
                  lesson.texts[lang].steps[step.id]?.feedback?.[says] as string,
                );
            }
          }
        }
        const seen = attemptCounts[lesson.folder];
        if (seen) expect(counts, `${lesson.folder}: the same attempts in both languages`).toEqual(seen.counts);
        attemptCounts[lesson.folder] = { counts, langs: [...(seen?.langs ?? []), lang] };
      },
      600_000,
    );
  }

  afterAll(() => {
    const rows = Object.entries(attemptCounts).map(
      ([l, { counts: c, langs }]) => `  ${l}: ${c.wrong} wrong, ${c.right} right (each in ${langs.join(' and ')})`,
    );
    if (rows.length) console.log(`Mutation test, attempts per lesson:\n${rows.join('\n')}`);
  });
});
