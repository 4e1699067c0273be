// The shape of lesson files (lessons/FORMAT.md), as zod schemas: lesson.yaml holds structure,
// checks and solutions; en.yaml and zh-CN.yaml hold every text under the same keys.
import { z } from 'zod';

const ref = z.string().min(1);
const spot = z.union([z.string().startsWith('/'), z.object({ container: z.string(), path: z.string().startsWith('/') }).strict()]);
const layerArg = z.object({ image: ref, layer: z.number().int().positive() }).strict();

export type Value =
  | string
  | number
  | { diffid: z.infer<typeof layerArg> }
  | { chainid: z.infer<typeof layerArg> }
  | { cacheid: z.infer<typeof layerArg> }
  | { link: z.infer<typeof layerArg> }
  | { image_id: string }
  | { container_id: string }
  | { mount_id: string }
  | { layer_count: string }
  | { inode: z.infer<typeof spot> }
  | { short: Value };

export const valueSchema: z.ZodType<Value> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.object({ diffid: layerArg }).strict(),
    z.object({ chainid: layerArg }).strict(),
    z.object({ cacheid: layerArg }).strict(),
    z.object({ link: layerArg }).strict(),
    z.object({ image_id: ref }).strict(),
    z.object({ container_id: z.string() }).strict(),
    z.object({ mount_id: z.string() }).strict(),
    z.object({ layer_count: ref }).strict(),
    z.object({ inode: spot }).strict(),
    z.object({ short: valueSchema }).strict(),
  ]),
);

const kindOfEntry = z.enum(['file', 'dir', 'symlink', 'whiteout', 'opaque', 'absent']);

export type Check =
  | { image: string | { ref: string; layers?: number } }
  | { no_image: string }
  | { container: { name: string; state?: 'created' | 'running' | 'exited' } }
  | { no_container: string }
  | { upper: { container: string; path: string; is: z.infer<typeof kindOfEntry>; contains?: string } }
  | { merged: { container: string; path: string; is: 'file' | 'dir' | 'symlink' | 'absent'; contains?: string } }
  | { host: { path: string; is: 'file' | 'dir' | 'symlink' | 'absent'; contains?: string } }
  | { same_inode: { a: z.infer<typeof spot>; b: z.infer<typeof spot>; equal: boolean } }
  | { layers: { image: string; count: number } }
  | { driver: 'overlay2' | 'overlay' }
  | { ran: { pattern: string; exit?: number } }
  | { output: { contains: Value } }
  | { all: Check[] }
  | { any: Check[] }
  | { not: Check };

export const checkSchema: z.ZodType<Check> = z.lazy(() =>
  z.union([
    z.object({ image: z.union([ref, z.object({ ref, layers: z.number().int().nonnegative().optional() }).strict()]) }).strict(),
    z.object({ no_image: ref }).strict(),
    z.object({ container: z.object({ name: z.string(), state: z.enum(['created', 'running', 'exited']).optional() }).strict() }).strict(),
    z.object({ no_container: z.string() }).strict(),
    z.object({ upper: z.object({ container: z.string(), path: z.string().startsWith('/'), is: kindOfEntry, contains: z.string().optional() }).strict() }).strict(),
    z.object({ merged: z.object({ container: z.string(), path: z.string().startsWith('/'), is: z.enum(['file', 'dir', 'symlink', 'absent']), contains: z.string().optional() }).strict() }).strict(),
    z.object({ host: z.object({ path: z.string().startsWith('/'), is: z.enum(['file', 'dir', 'symlink', 'absent']), contains: z.string().optional() }).strict() }).strict(),
    z.object({ same_inode: z.object({ a: spot, b: spot, equal: z.boolean() }).strict() }).strict(),
    z.object({ layers: z.object({ image: ref, count: z.number().int().nonnegative() }).strict() }).strict(),
    z.object({ driver: z.enum(['overlay2', 'overlay']) }).strict(),
    z.object({ ran: z.object({ pattern: z.string(), exit: z.number().int().optional() }).strict() }).strict(),
    z.object({ output: z.object({ contains: valueSchema }).strict() }).strict(),
    z.object({ all: z.array(checkSchema).min(1) }).strict(),
    z.object({ any: z.array(checkSchema).min(1) }).strict(),
    z.object({ not: checkSchema }).strict(),
  ]),
);

const stepBase = { id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a step id is lowercase letters, digits and dashes') };

export const stepSchema = z.discriminatedUnion('kind', [
  z.object({ ...stepBase, kind: z.literal('explain') }).strict(),
  z.object({ ...stepBase, kind: z.literal('do'), checks: z.array(checkSchema).min(1), solution: z.array(z.string()).min(1) }).strict(),
  z.object({ ...stepBase, kind: z.literal('answer'), answer: valueSchema, solution: z.array(z.string()).min(1) }).strict(),
  z.object({ ...stepBase, kind: z.literal('exercise'), checks: z.array(checkSchema).min(1), solution: z.array(z.string()).min(1) }).strict(),
]);

export const lessonSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    order: z.number().int().positive(),
    seed: z.number().int().nonnegative().default(1),
    setup: z.array(z.string()).default([]),
    steps: z.array(stepSchema).min(1),
  })
  .strict()
  .refine((l) => new Set(l.steps.map((s) => s.id)).size === l.steps.length, { message: 'step ids must be unique', path: ['steps'] })
  .refine((l) => l.steps[l.steps.length - 1]?.kind === 'exercise', { message: 'a lesson ends with an exercise', path: ['steps'] });

export const textsSchema = z
  .object({
    title: z.string().min(1),
    summary: z.string().min(1),
    steps: z.record(
      z.string(),
      z
        .object({
          text: z.string().min(1),
          hints: z.array(z.string().min(1)).optional(),
          goal: z.string().min(1).optional(),
          done: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

export type LessonData = z.infer<typeof lessonSchema>;
export type StepData = z.infer<typeof stepSchema>;
export type Texts = z.infer<typeof textsSchema>;
