// Where a run's lessons come from: a teacher's own folder of YAML (`--lessons DIR`), read and
// checked now; else the lessons compiled beside the bin at build time (src/io/lesson-index.ts),
// which need no YAML parser; else, run from the sources (tests, tsx), the lessons/ folder's YAML.
import { existsSync } from 'node:fs';
import type { Lesson } from '../lessons/loader.js';
import { findLessonsDir, readLessons } from './lesson-files.js';
import { readCompiledLessons } from './lesson-index.js';

/** The lessons and the problems found in them ("path:line:column: message"); undefined when
 * there is no lessons folder at all. */
export function loadLessons(dir?: string): { lessons: Lesson[]; problems: string[] } | undefined {
  if (dir !== undefined) {
    const shownAs = dir.replace(/(.)\/+$/, '$1');
    if (!existsSync(dir)) return { lessons: [], problems: [`${shownAs}: No such file or directory`] };
    const r = readLessons(dir, shownAs);
    if (!r.lessons.length && !r.problems.length) r.problems.push(`${shownAs}: no lesson folders (NN-name) in it`);
    return r;
  }
  // In the bin, import.meta.url is the bin's (scripts/build.mjs); from the sources there is no
  // compiled index beside this module.
  const compiled = readCompiledLessons(import.meta.url);
  if (compiled) return { lessons: compiled, problems: [] };
  const found = findLessonsDir();
  return found ? readLessons(found) : undefined;
}
