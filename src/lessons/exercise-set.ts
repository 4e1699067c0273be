// An exercise set: what a teacher hands out to be graded (an exam). It names lessons, or single
// steps of them, the points each check is worth, whether hints are allowed and what each costs,
// whether the reference solution may be shown (not in an exam, by default), a time limit and the
// commands that are banned. Sets are data in the lesson files' style (YAML, a schema, problems as
// file:line:column); lessons/FORMAT.md describes them. A learner's seed is derived from the set
// and the learner's id (learnerSeed), so every learner's ids differ and answers cannot be copied.
import { createHash, createHmac } from 'node:crypto';
import * as z from 'zod/mini';
import { canonicalJson } from './transcript.js';
import { type Lesson, parseYaml } from './loader.js';
import type { StepData } from './schema.js';
import { behaviourOf } from './step-kinds.js';
import type { LessonFile, LessonProblem } from './types.js';
import './zod-messages.js';

const id = () => z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lowercase letters, digits and dashes'));
const points = () => z.number().check(z.nonnegative());

const itemSchema = z.strictObject({
  /** A lesson's id (or its folder's name). */
  lesson: z.string().check(z.minLength(1)),
  /** One step of it; without, every do, answer and exercise step of the lesson, from its start. */
  step: z.optional(id()),
  /** What each check is worth: one number for every check, or one per check of a single step. */
  points: z._default(z.union([points(), z.array(points()).check(z.minLength(1))]), 1),
});

export const exerciseSetSchema = z.strictObject({
  id: id(),
  title: z.string().check(z.minLength(1)),
  /** Minutes; past them the session ends and later lines are not graded. */
  time_limit: z.optional(z.number().check(z.positive())),
  hints: z._default(z.strictObject({ allowed: z._default(z.boolean(), true), cost: z._default(points(), 0) }), {
    allowed: true,
    cost: 0,
  }),
  /** Whether `solution` works (a practice set); a step done with it earns nothing. */
  solution: z._default(z.boolean(), false),
  /** Commands refused in the set's sessions: a name, or a name and its subcommand ("docker commit"). */
  banned: z._default(z.array(z.string().check(z.regex(/^\S+( \S+)*$/, 'a command and its subcommand words'))), []),
  items: z.array(itemSchema).check(z.minLength(1)),
});

export type ExerciseSetData = z.infer<typeof exerciseSetSchema>;

/** What a session under a set may and may not do (the lesson runner enforces it). */
export interface SessionRules {
  hints: boolean;
  solution: boolean;
  banned: string[];
}

/** One graded step of an item: its lesson and index, and the points of each of its checks. */
export interface GradedStep {
  stepId: string;
  index: number;
  points: number[];
}

export interface SetItem {
  lesson: Lesson;
  /** Where the item's session starts: the step's index, or 0 for a whole lesson. */
  startAt: number;
  /** The last step of the item: the session of the item ends once it is done. */
  endAt: number;
  steps: GradedStep[];
}

export interface ExerciseSet {
  data: ExerciseSetData;
  /** The set file's path, as shown. */
  path: string;
  version: string;
  items: SetItem[];
  rules: SessionRules;
}

/** The checks a step is judged by, one point entry each: an answer step's answer counts as one. */
export function gradedCheckCount(step: StepData): number {
  const b = behaviourOf(step);
  if (b.reading) return 0;
  const checks = b.checks(step).length;
  return checks || (b.answer(step) !== undefined ? 1 : 0);
}

/** Reads a set file against the lessons it names; problems as file:line:column. */
export function loadExerciseSet(
  file: LessonFile,
  lessons: readonly Lesson[],
): { set?: ExerciseSet; problems: LessonProblem[] } {
  const problems: LessonProblem[] = [];
  const parsed = parseYaml(file, exerciseSetSchema, problems);
  const data = parsed.data;
  if (!data) return { problems };
  const problem = (path: PropertyKey[], message: string) =>
    problems.push({ path: file.path, ...parsed.at(path), message: `${pathFor(path)}: ${message}` });
  const items: SetItem[] = [];
  for (const [i, item] of data.items.entries()) {
    const lesson = lessons.find((l) => l.data.id === item.lesson || l.folder === item.lesson);
    if (!lesson) {
      problem(['items', i, 'lesson'], `no lesson "${item.lesson}" (${lessons.map((l) => l.data.id).join(', ')})`);
      continue;
    }
    const steps = lesson.data.steps;
    const graded = (s: StepData, index: number, pts: number[]): GradedStep => ({ stepId: s.id, index, points: pts });
    if (item.step !== undefined) {
      const index = steps.findIndex((s) => s.id === item.step);
      const step = steps[index];
      if (!step) {
        problem(['items', i, 'step'], `no step "${item.step}" in lesson ${lesson.data.id}`);
        continue;
      }
      const n = gradedCheckCount(step);
      if (n === 0) {
        problem(['items', i, 'step'], `step "${item.step}" is an explain step: it has nothing to grade`);
        continue;
      }
      const pts = typeof item.points === 'number' ? Array<number>(n).fill(item.points) : item.points;
      if (pts.length !== n) {
        problem(
          ['items', i, 'points'],
          `step "${item.step}" has ${n} check${n === 1 ? '' : 's'}; points lists ${pts.length}`,
        );
        continue;
      }
      items.push({ lesson, startAt: index, endAt: index, steps: [graded(step, index, pts)] });
      continue;
    }
    if (typeof item.points !== 'number') {
      problem(
        ['items', i, 'points'],
        'a list of points needs a single step (step:); for a whole lesson give one number',
      );
      continue;
    }
    const pts = item.points;
    const stepsGraded = steps.flatMap((s, index) =>
      gradedCheckCount(s) ? [graded(s, index, Array<number>(gradedCheckCount(s)).fill(pts))] : [],
    );
    items.push({ lesson, startAt: 0, endAt: steps.length - 1, steps: stepsGraded });
  }
  if (problems.length) return { problems };
  return {
    set: {
      data,
      path: file.path,
      // The set's version covers the lessons' too: a set graded against changed lessons is refused.
      version: createHash('sha256')
        .update(canonicalJson({ data, lessons: items.map((it) => it.lesson.data) }))
        .digest('hex')
        .slice(0, 16),
      items,
      rules: { hints: data.hints.allowed, solution: data.solution, banned: data.banned },
    },
    problems,
  };
}

function pathFor(path: PropertyKey[]): string {
  return path
    .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
    .join('')
    .replace(/^\./, '');
}

/**
 * A learner's seed for a set: the first four bytes, big-endian, of
 * HMAC-SHA256(secret, "overlay-tutor seed v1\n" + set id + "\n" + learner id), a number below 2^32
 * as the simulator's seeds are. Without a secret, of the plain SHA-256 of the same text: every
 * learner still gets their own ids, but anyone can compute anyone's seed.
 */
export function learnerSeed(setId: string, learner: string, secret?: Uint8Array): number {
  const text = `overlay-tutor seed v1\n${setId}\n${learner}`;
  const digest = secret
    ? createHmac('sha256', secret).update(text).digest()
    : createHash('sha256').update(text).digest();
  return digest.readUInt32BE(0);
}

/** Whether argv is a command a rule bans: the name (its last path part) and then the ban's
 * subcommand words among the command's first words that are not options (`docker container
 * commit` is `docker commit`). */
export function bannedBy(argv: readonly string[], banned: readonly string[]): string | undefined {
  const name = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
  const words = argv.slice(1).filter((a) => !a.startsWith('-'));
  for (const ban of banned) {
    const [cmd, ...sub] = ban.split(' ');
    if (cmd !== name) continue;
    const head = words.slice(0, sub.length + 1);
    let at = 0;
    for (const w of head) if (w === sub[at]) at++;
    if (at === sub.length) return ban;
  }
  return undefined;
}
