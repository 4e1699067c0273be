// Reads the lessons/ folder from the real disk (the lesson engine itself reads no files).
// The folder ships in the npm package beside dist/: found relative to this module whether it
// runs bundled (dist/cli.js) or from source (src/host/).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, LANGS, loadLesson, type Lesson } from '../lessons/loader.js';
import type { Lang, LessonFile } from '../lessons/types.js';
import { readBounded, type UnreadableFile } from './bounded-read.js';

/** A lesson file is a few kilobytes; a bigger one (or a FIFO, a device) is a problem, not read. */
export const MAX_LESSON_FILE_BYTES = 256 * 1024;
/** More lesson folders than this in one folder are not read (the tutor has eleven). */
const MAX_LESSONS = 200;

export function findLessonsDir(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const up of ['..', join('..', '..')]) {
    const dir = join(here, up, 'lessons');
    if (existsSync(join(dir, 'FORMAT.md'))) return dir;
  }
  return undefined;
}

/** Every lesson folder (NN-id), in order; problems as "path:line:col: message" lines. A lesson
 * with problems is left out and the others are kept: one broken file spoils only its lesson. */
export function readLessons(dir: string, shownAs = 'lessons'): { lessons: Lesson[]; problems: string[] } {
  const lessons: Lesson[] = [];
  const problems: string[] = [];
  let folders = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d\d-/.test(e.name))
    .map((e) => e.name)
    .sort();
  if (folders.length > MAX_LESSONS) {
    problems.push(`${shownAs}: ${folders.length} lesson folders; only the first ${MAX_LESSONS} are read`);
    folders = folders.slice(0, MAX_LESSONS);
  }
  for (const folder of folders) {
    const unread: string[] = [];
    const file = (name: string): LessonFile => {
      const path = `${shownAs}/${folder}/${name}`;
      try {
        return { path, text: readBounded(join(dir, folder, name), MAX_LESSON_FILE_BYTES).toString('utf8') };
      } catch (e) {
        const u = e as UnreadableFile;
        unread.push(`${path}:1:1: ${u.code === 'ENOENT' ? 'missing' : u.reason}`);
        return { path, text: '' };
      }
    };
    const lesson = file('lesson.yaml');
    const texts = Object.fromEntries(LANGS.map((l) => [l, file(`${l}.yaml`)])) as Record<Lang, LessonFile>;
    if (unread.length) {
      problems.push(...unread);
      continue;
    }
    const r = loadLesson(folder, { lesson, texts });
    if (r.lesson) lessons.push(r.lesson);
    problems.push(...r.problems.map(formatProblem));
  }
  return { lessons: lessons.sort((a, b) => a.data.order - b.data.order), problems };
}

/** The problems of lessons that could not be loaded, under a line that says what that means. */
export function brokenLessons(problems: string[], lang: Lang, othersWork: boolean): string {
  const head = othersWork
    ? lang === 'en'
      ? 'overlay-tutor: these lesson files have problems; those lessons are left out, the others work:'
      : 'overlay-tutor：以下课程文件有问题，这些课程暂不可用，其他课程照常：'
    : '';
  return [...(head ? [head] : []), ...problems.map((p) => (head ? `- ${p}` : p))].join('\n');
}
