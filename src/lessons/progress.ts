// What the learner has done, kept between runs: per lesson the step reached, the steps done and
// the grade of the final exercise. The engine only shapes it; where it lives is the host's
// business (src/io/progress-file.ts writes it under the user's config directory).
import * as z from 'zod/mini';
import './zod-messages.js';

export const progressSchema = z.strictObject({
  version: z.literal(1),
  lessons: z.record(
    z.string(),
    z.strictObject({
      current: z.int().check(z.nonnegative()),
      done: z.array(z.string()),
      grade: z.optional(z.enum(['clean', 'with-hints', 'with-solution'])),
    }),
  ),
});

export type Progress = z.infer<typeof progressSchema>;
export type LessonRecord = Progress['lessons'][string];

export const EMPTY_PROGRESS: Progress = { version: 1, lessons: {} };

/** Parses progress JSON; the error says what is wrong in words. */
export function parseProgress(text: string): { progress: Progress } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `not JSON (${(e as Error).message})` };
  }
  const r = progressSchema.safeParse(raw);
  if (!r.success)
    return { error: r.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`).join('; ') };
  return { progress: r.data };
}

/** The record after a step of `lessonId` was done (and the lesson finished, with its grade). */
export function recordStep(
  p: Progress,
  lessonId: string,
  stepId: string,
  next: number,
  grade?: LessonRecord['grade'],
): Progress {
  const cur = p.lessons[lessonId] ?? { current: 0, done: [] };
  const done = cur.done.includes(stepId) ? cur.done : [...cur.done, stepId];
  return {
    ...p,
    lessons: {
      ...p.lessons,
      [lessonId]: { current: next, done, ...((grade ?? cur.grade) ? { grade: grade ?? cur.grade } : {}) },
    },
  };
}
