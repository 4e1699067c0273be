// The lessons as the build ships them: validated and compiled from lessons/*/…yaml by
// scripts/compile-lessons.mjs into dist/lessons/, as JSON the bin reads without a YAML parser or
// a schema (parsing the YAML and checking it with zod was 300 ms of the tutor's start-up).
//
//   dist/lessons/index.json          every lesson's structure (lesson.yaml) and, per language,
//                                    its texts less the steps' (title, summary): all the map needs
//   dist/lessons/<folder>.<lang>.json  one lesson's step texts in one language, read the first
//                                    time the lesson asks for them (when it opens)
//
// Small and free of the simulator: the command line (src/cli-modes.ts) lists the lessons with it
// before the simulator is unpacked. Teachers' own lessons (`--lessons DIR`) are YAML, read by
// src/io/lesson-files.ts at run time.
import { createRequire } from 'node:module';
import type { Lesson } from '../lessons/loader.js';
import type { Texts } from '../lessons/schema.js';
import type { Lang } from '../lessons/types.js';

/** A lesson in index.json: everything but its step texts. */
export interface LessonIndexEntry {
  folder: Lesson['folder'];
  data: Lesson['data'];
  heads: Record<Lang, Omit<Texts, 'steps'>>;
}

export const LESSON_INDEX = 'index.json';

/** The file holding one lesson's step texts in one language. */
export const stepTextsFile = (folder: string, lang: Lang) => `${folder}.${lang}.json`;

/** The compiled lessons' folder beside the bin, `dist/lessons/` when `binUrl` is dist/cli.js. */
const compiledDir = (binUrl: string) => new URL('./lessons/', binUrl);

// node:fs through require(): an import would load it ahead of the first frame in the bin.
const readJson = (url: URL): unknown =>
  JSON.parse(createRequire(import.meta.url)('node:fs').readFileSync(url, 'utf8') as string);

/** The index shipped beside the bin at `binUrl`, or undefined where there is none (run from the
 * sources, as tests and tsx do: they read the YAML). */
export function readLessonIndex(binUrl: string): LessonIndexEntry[] | undefined {
  try {
    return readJson(new URL(LESSON_INDEX, compiledDir(binUrl))) as LessonIndexEntry[];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The compiled lessons beside the bin as the loader's Lessons; each language's `steps` is read
 * from its file on first use. */
export function readCompiledLessons(binUrl: string): Lesson[] | undefined {
  const index = readLessonIndex(binUrl);
  if (!index) return undefined;
  const dir = compiledDir(binUrl);
  return index.map(({ folder, data, heads }) => {
    const texts = {} as Record<Lang, Texts>;
    for (const lang of Object.keys(heads) as Lang[]) {
      let steps: Texts['steps'] | undefined;
      texts[lang] = Object.defineProperty({ ...heads[lang] }, 'steps', {
        enumerable: true,
        get: () => {
          steps ??= readJson(new URL(stepTextsFile(folder, lang), dir)) as Texts['steps'];
          return steps;
        },
      }) as Texts;
    }
    return { folder, data, texts };
  });
}

/** `overlay-tutor lessons`: a line per lesson, "NN  id  title". */
export function lessonList(lessons: Array<{ data: { order: number; id: string }; title: string }>): string {
  return lessons.map((l) => `${String(l.data.order).padStart(2)}  ${l.data.id.padEnd(16)} ${l.title}\n`).join('');
}
