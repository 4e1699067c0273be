// The shape of lesson files (lessons/FORMAT.md), as zod schemas: lesson.yaml holds structure,
// checks and solutions; en.yaml and zh-CN.yaml hold every text under the same keys.
import * as z from 'zod/mini';
import './zod-messages.js';
import { parseHostDate } from '../host/host-time.js';
const ref = z.string().check(z.minLength(1));
const absolute = () => z.string().check(z.startsWith('/'));
const count = () => z.int().check(z.nonnegative());
const nonEmpty = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.minLength(1));
const spot = z.union([
  absolute(),
  z.strictObject({ container: z.string(), path: absolute(), in: z.optional(z.enum(['merged', 'upper'])) }),
  z.strictObject({ image: ref, path: absolute() }),
]);
export type Spot = z.infer<typeof spot>;
const layerArg = z.strictObject({ image: ref, layer: z.int().check(z.positive()) });

export type Value =
  | string
  | number
  | Value[]
  | { diffid: z.infer<typeof layerArg> }
  | { chainid: z.infer<typeof layerArg> }
  | { cacheid: z.infer<typeof layerArg> }
  | { link: z.infer<typeof layerArg> }
  | { image_id: string }
  | { container_id: string }
  | { mount_id: string }
  | { layer_count: string }
  | { inode: Spot }
  | { file: Value }
  | { sha256: Value }
  | { hex: Value }
  | { word: { of: Value; n: number } }
  | { short: Value };

export const valueSchema: z.ZodMiniType<Value> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.array(valueSchema),
    z.strictObject({ diffid: layerArg }),
    z.strictObject({ chainid: layerArg }),
    z.strictObject({ cacheid: layerArg }),
    z.strictObject({ link: layerArg }),
    z.strictObject({ image_id: ref }),
    z.strictObject({ container_id: z.string() }),
    z.strictObject({ mount_id: z.string() }),
    z.strictObject({ layer_count: ref }),
    z.strictObject({ inode: spot }),
    z.strictObject({ file: valueSchema }),
    z.strictObject({ sha256: valueSchema }),
    z.strictObject({ hex: valueSchema }),
    z.strictObject({ word: z.strictObject({ of: valueSchema, n: z.int().check(z.positive()) }) }),
    z.strictObject({ short: valueSchema }),
  ]),
);

/** Why `s` is not a JavaScript regular expression ("Unterminated group"), or undefined. */
const regexError = (s: string): string | undefined => {
  try {
    new RegExp(s);
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
};
const regex = () =>
  z.string().check(
    z.refine((s) => regexError(s) === undefined, {
      error: (iss) => `not a valid regular expression (${regexError(String(iss.input))})`,
    }),
  );

const kindOfEntry = z.enum(['file', 'dir', 'symlink', 'whiteout', 'opaque', 'absent']);
const kindOnMerged = z.enum(['file', 'dir', 'symlink', 'absent']);

export type Check =
  | { image: string | { ref: string; layers?: number } }
  | { no_image: string }
  | { container: { name: string; state?: 'created' | 'running' | 'exited' } }
  | { no_container: string }
  | { upper: { container: string; path: string; is: z.infer<typeof kindOfEntry>; contains?: string } }
  | { merged: { container: string; path: string; is: 'file' | 'dir' | 'symlink' | 'absent'; contains?: string } }
  | { host: { path: string; is: z.infer<typeof kindOfEntry>; contains?: string } }
  | { mountpoint: string }
  | { same_inode: { a: Spot; b: Spot; equal: boolean } }
  | { json: { path: string; key: string; equals: string } }
  | { layers: { image: string; count: number } }
  | { driver: 'overlay2' | 'overlay' }
  | { ran: { pattern: string; exit?: number } }
  | { output: { contains: Value } }
  | { printed: { value: Value; by: string; arg?: Value } }
  | { command: { name: string; args?: string; exit?: number } }
  | { answered: Value }
  | { matches_solution: { images?: string[]; containers?: string[] } }
  | { all: Check[] }
  | { any: Check[] }
  | { not: Check };

export const checkSchema: z.ZodMiniType<Check> = z.lazy(() =>
  z.union([
    z.strictObject({ image: z.union([ref, z.strictObject({ ref, layers: z.optional(count()) })]) }),
    z.strictObject({ no_image: ref }),
    z.strictObject({
      container: z.strictObject({ name: z.string(), state: z.optional(z.enum(['created', 'running', 'exited'])) }),
    }),
    z.strictObject({ no_container: z.string() }),
    z.strictObject({
      upper: z.strictObject({
        container: z.string(),
        path: absolute(),
        is: kindOfEntry,
        contains: z.optional(z.string()),
      }),
    }),
    z.strictObject({
      merged: z.strictObject({
        container: z.string(),
        path: absolute(),
        is: kindOnMerged,
        contains: z.optional(z.string()),
      }),
    }),
    z.strictObject({ host: z.strictObject({ path: absolute(), is: kindOfEntry, contains: z.optional(z.string()) }) }),
    z.strictObject({ mountpoint: absolute() }),
    z.strictObject({ same_inode: z.strictObject({ a: spot, b: spot, equal: z.boolean() }) }),
    z.strictObject({ layers: z.strictObject({ image: ref, count: count() }) }),
    z.strictObject({ driver: z.enum(['overlay2', 'overlay']) }),
    z.strictObject({ ran: z.strictObject({ pattern: regex(), exit: z.optional(z.int()) }) }),
    z.strictObject({ output: z.strictObject({ contains: valueSchema }) }),
    z.strictObject({
      printed: z.strictObject({ value: valueSchema, by: regex(), arg: z.optional(valueSchema) }),
    }),
    z.strictObject({
      command: z.strictObject({ name: regex(), args: z.optional(regex()), exit: z.optional(z.int()) }),
    }),
    z.strictObject({ answered: valueSchema }),
    z.strictObject({
      matches_solution: z.strictObject({
        images: z.optional(z.array(ref)),
        containers: z.optional(z.array(z.string())),
      }),
    }),
    z.strictObject({ json: z.strictObject({ path: absolute(), key: z.string(), equals: z.string() }) }),
    z.strictObject({ all: nonEmpty(checkSchema) }),
    z.strictObject({ any: nonEmpty(checkSchema) }),
    z.strictObject({ not: checkSchema }),
  ]),
);

const stepBase = {
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'a step id is lowercase letters, digits and dashes')),
  /** The pane the screen brings into view when the step starts. */
  pane: z.optional(z.enum(['upper', 'layers', 'merged', 'events', 'chain', 'work'])),
  /** The output of the line that completed the step matters: the tutor waits for Enter before
   * the next step's text, so that text does not push it off the screen. */
  pause: z.optional(z.boolean()),
};

const textKey = () =>
  z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'a text key is lowercase letters, digits and dashes'));

/** A known mistake: when an answer (or, in do/exercise steps, a value printed by a command whose
 * name matches `by`) equals `when`, the learner is told the step's text `feedback.<say>`. */
const feedbackRule = z.strictObject({ when: valueSchema, by: z.optional(regex()), say: textKey() });
export type FeedbackRule = z.infer<typeof feedbackRule>;

/** What a learner might type, replayed by test/lessons/replay.test.ts: one line or several, and
 * for a wrong attempt, the feedback key it must draw (the lesson suite's mutation test). */
const attempt = z.union([
  z.string(),
  nonEmpty(z.string()),
  z.strictObject({ lines: z.union([z.string(), nonEmpty(z.string())]), says: z.optional(textKey()) }),
]);
export type Attempt = z.infer<typeof attempt>;

const graded = {
  solution: nonEmpty(z.string()),
  feedback: z.optional(z.array(feedbackRule)),
  wrong: nonEmpty(attempt),
  right: z.optional(z.array(attempt)),
};

export const stepSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...stepBase, kind: z.literal('explain') }),
  z.strictObject({ ...stepBase, kind: z.literal('do'), checks: nonEmpty(checkSchema), ...graded }),
  z.strictObject({
    ...stepBase,
    kind: z.literal('answer'),
    answer: valueSchema,
    /** A unique prefix of at least 12 hex digits is taken for the whole id (docker's short ids). */
    short: z.optional(z.boolean()),
    ...graded,
  }),
  z.strictObject({
    ...stepBase,
    kind: z.literal('exercise'),
    checks: nonEmpty(checkSchema),
    /** With an `answered` check, as for an answer step. */
    short: z.optional(z.boolean()),
    ...graded,
  }),
]);

/** Why `p` cannot be a kernel lesson's workdir: its parent is what the tutor's directory covers on a
 * real host, so it must be an absolute path below a directory other than / (not /, not /lab). */
export function workdirProblem(p: string): string | undefined {
  const parts = p.split('/');
  if (!p.startsWith('/') || p.endsWith('/') || parts.slice(1).some((x) => x === '' || x === '.' || x === '..'))
    return 'not an absolute, normalised path';
  return parts.length < 3 ? 'directly under /: its parent would be / itself' : undefined;
}

export const lessonSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/)),
    order: z.int().check(z.positive()),
    seed: z._default(count(), 1),
    /** Pins the host's clock where the lesson needs a fixed time (else it starts at the real now). */
    date: z.optional(
      z.string().check(
        z.refine((d) => parseHostDate(d) !== undefined, {
          message: "a date like '2024-11-23' or '2024-11-23T23:16:00Z'",
        }),
      ),
    ),
    /** Tell the learner, as each step is done, how many commands they used and the solution uses. */
    efficiency: z.optional(z.boolean()),
    setup: z._default(z.array(z.string()), []),
    /** What the lesson needs on a real host (`--real`): `docker`, the tutor's private dockerd (the
     * default); `kernel`, only the kernel's overlayfs — a plain `mount -t overlay`, no Docker at all. */
    real: z._default(z.enum(['docker', 'kernel']), 'docker'),
    /** A kernel lesson's directory (/tmp/lab): on a real host its parent is the tutor's own directory
     * inside a mount namespace of the lesson's own, so everything the lesson makes lands there. */
    workdir: z.optional(
      z.string().check(
        z.refine((p) => workdirProblem(p) === undefined, {
          message: 'an absolute, normalised path two levels down at least, like /tmp/lab',
        }),
      ),
    ),
    steps: nonEmpty(stepSchema),
  })
  .check(
    z.refine((l) => (l.real === 'kernel') === (l.workdir !== undefined), {
      message: 'a lesson with `real: kernel` names its `workdir` (like /tmp/lab), and only such a lesson does',
      path: ['workdir'],
    }),
    z.refine((l) => new Set(l.steps.map((s) => s.id)).size === l.steps.length, {
      message: 'step ids must be unique',
      path: ['steps'],
    }),
    z.refine((l) => l.steps[l.steps.length - 1]?.kind === 'exercise', {
      message: 'a lesson ends with an exercise',
      path: ['steps'],
    }),
    z.refine((l) => l.steps.every((s) => s.kind !== 'exercise' || s.wrong.length >= 2), {
      message: 'an exercise lists at least two wrong attempts',
      path: ['steps'],
    }),
  );

/** The longest text a lesson may show at once: the screen lays out a step's whole text on each
 * frame, and a quarter-megabyte step took it 25 s (the lessons' longest is ~600 bytes). */
export const MAX_TEXT_CHARS = 16 * 1024;
const text = () =>
  z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(MAX_TEXT_CHARS, `a text is at most ${MAX_TEXT_CHARS} characters (the screen shows it whole)`),
    );
export const textsSchema = z.strictObject({
  title: text(),
  summary: text(),
  /** What the lesson taught, shown when it ends ({{…}} values filled in from the host). */
  recap: z.optional(text()),
  steps: z.record(
    z.string(),
    z.strictObject({
      text: text(),
      hints: z.optional(z.array(text())),
      goal: z.optional(text()),
      done: z.optional(z.string()),
      feedback: z.optional(z.record(z.string(), text())),
      /** Speaker notes for `overlay-tutor present --notes` (a presenter's own words, so one
       * language may have them and the other not). */
      notes: z.optional(text()),
    }),
  ),
});

export type LessonData = z.infer<typeof lessonSchema>;
export type StepData = z.infer<typeof stepSchema>;
export type Texts = z.infer<typeof textsSchema>;
