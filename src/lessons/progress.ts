// What the learner has done, kept between runs: per lesson the step reached, the steps done, the
// help used so far in the lesson's current run (so a restart does not make hinted work clean) and
// the grade of the final exercise. The engine only shapes it; where it lives is the host's
// business (src/io/progress-file.ts keeps it under the user's state directory).
import * as z from 'zod/mini';
import type { Lesson } from './loader.js';
import './zod-messages.js';

/** Lesson and step ids as lesson.yaml allows them; anything else in a progress file is refused
 * (ids such as `../../etc`, `__proto__`, or a string of 50 MB). */
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const GRADES = ['clean', 'with-hints', 'with-solution'] as const;
export type Grade = (typeof GRADES)[number];

export const progressSchema = z.strictObject({
  version: z.literal(1),
  lessons: z.record(
    z.string(),
    z.strictObject({
      current: z.int().check(z.nonnegative()),
      done: z.array(z.string()).check(z.maxLength(1000)),
      grade: z.optional(z.enum(GRADES)),
      /** The help used so far in the run not yet finished: the grade it will end with at best.
       * Optional and written only once help is used, so files without it read as before. */
      aid: z.optional(z.enum(['with-hints', 'with-solution'])),
    }),
  ),
});

export type Progress = z.infer<typeof progressSchema>;
export type LessonRecord = Progress['lessons'][string];

export const EMPTY_PROGRESS: Progress = { version: 1, lessons: {} };

/** A lesson as progress knows it: its id and its steps' ids, in order. */
export interface LessonShape {
  id: string;
  steps: string[];
}

/** Where a front end reads and records progress (src/io/progress-file.ts on the real disk). */
export interface ProgressStore {
  /** The progress as last saved by any tutor, with this one's unsaved steps, each lesson's
   * `current` within its steps. */
  current(): Progress;
  /** Records a step done (the lesson's record read, changed and written back under a lock, so
   * another tutor's lessons are kept). A save that failed gives a one-line warning for the
   * status line; the step is kept and saved with the next one. */
  recordStep(lessonId: string, stepId: string, next: number, grade?: Grade): string | undefined;
  /** Records that the learner took a hint or the solution in the lesson's run (saved at once:
   * a learner who quits right after still has it counted). Same warnings as recordStep. */
  recordAid(lessonId: string, aid: Aid): string | undefined;
}

/** Help taken in a lesson's run: its grade at best. */
export type Aid = Exclude<Grade, 'clean'>;

export const lessonShape = (l: Lesson): LessonShape => ({ id: l.data.id, steps: l.data.steps.map((s) => s.id) });

const shown = (s: string) => (s.length > 40 ? `a string of ${s.length} characters` : JSON.stringify(s));

/** Parses progress JSON; the error says what is wrong in words. */
export function parseProgress(text: string): { progress: Progress } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `not JSON (${(e as Error).message})` };
  }
  // Ids are checked on the parsed JSON's own keys: a `__proto__` key would set the prototype of
  // the record the schema builds, and vanish from it.
  const lessons = (raw as { lessons?: unknown } | null)?.lessons;
  if (lessons && typeof lessons === 'object')
    for (const id of Object.keys(lessons))
      if (!ID.test(id)) return { error: `${shown(id)} is not a lesson id (lowercase letters, digits and dashes)` };
  const r = progressSchema.safeParse(raw);
  if (!r.success)
    return {
      error: r.error.issues
        .map((i) => `${i.path.map((k) => shown(String(k))).join('.') || '(top)'}: ${i.message}`)
        .join('; '),
    };
  for (const [id, rec] of Object.entries(r.data.lessons)) {
    const bad = rec.done.find((s) => !ID.test(s));
    if (bad !== undefined) return { error: `lessons.${id}.done: ${shown(bad)} is not a step id` };
  }
  return { progress: r.data };
}

/** Ids in `p` that no lesson has: "unknown lesson "x"", "lesson "y" has no step "z"". */
export function unknownIds(p: Progress, lessons: LessonShape[]): string[] {
  const out: string[] = [];
  for (const [id, rec] of Object.entries(p.lessons)) {
    const lesson = lessons.find((l) => l.id === id);
    if (!lesson) out.push(`unknown lesson ${shown(id)}`);
    else for (const s of rec.done) if (!lesson.steps.includes(s)) out.push(`lesson "${id}" has no step ${shown(s)}`);
  }
  return out;
}

/** Each lesson's `current` within its steps (a progress file may say 9999). */
export function clampProgress(p: Progress, lessons: LessonShape[]): Progress {
  let changed = false;
  const out: Progress['lessons'] = {};
  for (const [id, rec] of Object.entries(p.lessons)) {
    const steps = lessons.find((l) => l.id === id)?.steps.length;
    if (steps !== undefined && rec.current > steps - 1) {
      out[id] = { ...rec, current: Math.max(0, steps - 1) };
      changed = true;
    } else out[id] = rec;
  }
  return changed ? { ...p, lessons: out } : p;
}

const better = (a: Grade | undefined, b: Grade | undefined): Grade | undefined =>
  a === undefined ? b : b === undefined ? a : GRADES.indexOf(a) <= GRADES.indexOf(b) ? a : b;

/** The more help of two (undefined: none). */
const moreAid = (a: Aid | undefined, b: Aid | undefined): Aid | undefined =>
  a === undefined ? b : b === undefined ? a : GRADES.indexOf(a) >= GRADES.indexOf(b) ? a : b;

/** One lesson's two records as one: the furthest step, every step done, the better grade, and
 * the help either run took (the furthest step may be the one that took it). */
export function mergeRecords(a: LessonRecord | undefined, b: LessonRecord): LessonRecord {
  if (!a) return b;
  const grade = better(a.grade, b.grade);
  const aid = moreAid(a.aid, b.aid);
  return {
    current: Math.max(a.current, b.current),
    done: [...a.done, ...b.done.filter((s) => !a.done.includes(s))],
    ...(grade ? { grade } : {}),
    ...(aid ? { aid } : {}),
  };
}

/** `incoming` merged into `base` lesson by lesson, keeping the furthest of each. */
export function mergeProgress(base: Progress, incoming: Progress): Progress {
  const lessons = { ...base.lessons };
  for (const [id, rec] of Object.entries(incoming.lessons)) lessons[id] = mergeRecords(base.lessons[id], rec);
  return { version: 1, lessons };
}

/** The record after a step of `lessonId` was done (and the lesson finished, with its grade: the
 * run's help is in the grade then, and the next run starts without any). */
export function recordStep(p: Progress, lessonId: string, stepId: string, next: number, grade?: Grade): Progress {
  const cur = p.lessons[lessonId] ?? { current: 0, done: [] };
  const done = cur.done.includes(stepId) ? cur.done : [...cur.done, stepId];
  const kept = better(grade, cur.grade);
  const aid = grade ? undefined : cur.aid;
  return {
    ...p,
    lessons: {
      ...p.lessons,
      [lessonId]: { current: next, done, ...(kept ? { grade: kept } : {}), ...(aid ? { aid } : {}) },
    },
  };
}

/** The record after the learner took help in `lessonId`'s run (the more help of the two kept). */
export function recordAid(p: Progress, lessonId: string, aid: Aid): Progress {
  const cur = p.lessons[lessonId] ?? { current: 0, done: [] };
  return { ...p, lessons: { ...p.lessons, [lessonId]: { ...cur, aid: moreAid(cur.aid, aid) as Aid } } };
}

/** The help a lesson's unfinished run took, to carry on with when it resumes (none once it was
 * finished: a finished lesson opens at its first step, for a new run). */
export const resumedAid = (rec: LessonRecord | undefined): Aid | undefined => (rec?.grade ? undefined : rec?.aid);
