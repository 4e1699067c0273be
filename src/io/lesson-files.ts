// Reads the lessons/ folder from the real disk (the lesson engine itself reads no files).
// The folder ships in the npm package beside dist/: found relative to this module whether it
// runs bundled (dist/cli.js) or from source (src/host/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, LANGS, loadLesson, type Lesson } from '../lessons/loader.js';
import type { Lang, LessonFile } from '../lessons/types.js';

export function findLessonsDir(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const up of ['..', join('..', '..')]) {
    const dir = join(here, up, 'lessons');
    if (existsSync(join(dir, 'FORMAT.md'))) return dir;
  }
  return undefined;
}

/** Every lesson folder (NN-id), in order; problems as "path:line:col: message" lines. */
export function readLessons(dir: string, shownAs = 'lessons'): { lessons: Lesson[]; problems: string[] } {
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d\d-/.test(e.name))
    .map((e) => e.name)
    .sort();
  for (const folder of folders) {
    const file = (name: string): LessonFile => {
      const path = join(dir, folder, name);
      return { path: `${shownAs}/${folder}/${name}`, text: existsSync(path) ? readFileSync(path, 'utf8') : '' };
    };
    const texts = Object.fromEntries(LANGS.map((l) => [l, file(`${l}.yaml`)])) as Record<Lang, LessonFile>;
    const r = loadLesson(folder, { lesson: file('lesson.yaml'), texts });
    if (r.lesson) lessons.push(r.lesson);
    problems.push(...r.problems.map(formatProblem));
  }
  return { lessons: lessons.sort((a, b) => a.data.order - b.data.order), problems };
}
