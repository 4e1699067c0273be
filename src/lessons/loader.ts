// Reads lesson files (as text: the caller reads the disk) into validated lessons. Every problem
// is reported as "path:line:column: where: what", the line found by walking the YAML document
// to the node the schema complained about.
import { isCollection, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod/mini';
import { explainIssue, type SchemaIssue } from './schema-issues.js';
import { lessonSchema, textsSchema, type LessonData, type Texts } from './schema.js';
import { behaviourOf } from './step-kinds.js';
import type { Lang, LessonFile, LessonProblem } from './types.js';

export const LANGS: Lang[] = ['en', 'zh-CN'];

export interface Lesson {
  /** The folder, "03-chainid". */
  folder: string;
  data: LessonData;
  texts: Record<Lang, Texts>;
}

/** A YAML file checked against a schema: the data when it fits, and where a path of it is in the
 * file (for problems found after the schema, such as a set naming a step that does not exist). */
export interface ParsedYaml<T> {
  data: T | undefined;
  /** The position of the deepest node of `path` that exists in the document. */
  at(path: readonly PropertyKey[]): { line: number; column: number };
}

export function parseYaml<T>(file: LessonFile, schema: z.ZodMiniType<T>, problems: LessonProblem[]): ParsedYaml<T> {
  const lines = new LineCounter();
  const doc: Document = parseDocument(file.text, { lineCounter: lines, prettyErrors: false });
  const where = (offset: number | undefined) => {
    const p = lines.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  const at = (path: readonly PropertyKey[]) => {
    // The deepest node of the path that exists in the document carries the position.
    let node: unknown = doc.contents;
    for (const key of path) {
      if (!isCollection(node)) break;
      const next = node.get(key as string | number, true);
      if (next === undefined) break;
      node = next;
    }
    return where((node as { range?: [number, number, number] } | null)?.range?.[0]);
  };
  if (doc.errors.length) {
    for (const e of doc.errors)
      problems.push({ path: file.path, ...where(e.pos[0]), message: e.message.replace(/\n.*/s, '') });
    return { data: undefined, at };
  }
  const input: unknown = doc.toJS();
  const result = schema.safeParse(input);
  if (result.success) return { data: result.data, at };
  for (const issue of result.error.issues.flatMap((i) => explainIssue(i as SchemaIssue, input))) {
    problems.push({ path: file.path, ...at(issue.path), message: `${pathText(issue.path)}: ${issue.message}` });
  }
  return { data: undefined, at };
}

/** steps[2].checks[0] */
export function pathText(path: readonly PropertyKey[]): string {
  return (
    path
      .map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))
      .join('')
      .replace(/^\./, '') || '(top)'
  );
}

function parse<T>(file: LessonFile, schema: z.ZodMiniType<T>, problems: LessonProblem[]): T | undefined {
  return parseYaml(file, schema, problems).data;
}

export function formatProblem(p: LessonProblem): string {
  return `${p.path}:${p.line}:${p.column}: ${p.message}`;
}

/** One lesson from its folder's three files; texts are checked against the structure. */
export function loadLesson(
  folder: string,
  files: { lesson: LessonFile; texts: Record<Lang, LessonFile> },
): { lesson?: Lesson; problems: LessonProblem[] } {
  const problems: LessonProblem[] = [];
  const data = parse(files.lesson, lessonSchema, problems);
  const texts = {} as Record<Lang, Texts>;
  for (const lang of LANGS) {
    const t = parse(files.texts[lang], textsSchema, problems);
    if (t) texts[lang] = t;
  }
  if (!data || problems.length) return { problems };
  for (const lang of LANGS) {
    const t = texts[lang];
    const file = files.texts[lang].path;
    const missing = (message: string) => problems.push({ path: file, line: 1, column: 1, message });
    for (const step of data.steps) {
      const st = t.steps[step.id];
      if (!st) {
        missing(`steps.${step.id}: missing (the step is in lesson.yaml)`);
        continue;
      }
      const needs = behaviourOf(step).needs;
      if (needs.hints && !st.hints?.length)
        missing(`steps.${step.id}.hints: a ${step.kind} step needs at least one hint`);
      if (needs.goal && !st.goal) missing(`steps.${step.id}.goal: needed by a step of kind ${step.kind}`);
    }
    for (const id of Object.keys(t.steps))
      if (!data.steps.some((s) => s.id === id)) missing(`steps.${id}: no such step in lesson.yaml`);
  }
  // The languages must match key for key and hint for hint.
  if ((texts.en.recap === undefined) !== (texts['zh-CN'].recap === undefined))
    problems.push({
      path: files.texts[texts.en.recap === undefined ? 'en' : 'zh-CN'].path,
      line: 1,
      column: 1,
      message: 'recap: present in one language only',
    });
  for (const step of data.steps) {
    const [en, zh] = [texts.en.steps[step.id], texts['zh-CN'].steps[step.id]];
    if (en && zh && (en.hints?.length ?? 0) !== (zh.hints?.length ?? 0)) {
      problems.push({
        path: files.texts['zh-CN'].path,
        line: 1,
        column: 1,
        message: `steps.${step.id}.hints: ${zh.hints?.length ?? 0} hints here, ${en.hints?.length ?? 0} in en.yaml`,
      });
    }
    for (const key of ['goal', 'done'] as const) {
      if (en && zh && (en[key] === undefined) !== (zh[key] === undefined))
        problems.push({
          path: files.texts[en[key] === undefined ? 'en' : 'zh-CN'].path,
          line: 1,
          column: 1,
          message: `steps.${step.id}.${key}: present in one language only`,
        });
    }
  }
  if (!folder.endsWith(`-${data.id}`))
    problems.push({
      path: files.lesson.path,
      line: 1,
      column: 1,
      message: `id: "${data.id}" does not match the folder ${folder}`,
    });
  return problems.length ? { problems } : { lesson: { folder, data, texts }, problems };
}
