// The first frame draws the lesson map from the compiled index and a look at the progress file,
// before the simulator (and the progress schema) has loaded: it must be the map the Screen then
// shows from the loaded lessons and the checked progress.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a JavaScript build script, without types
import { compileLessons } from '../../scripts/compile-lessons.mjs';
import { readLessons } from '../../src/io/lesson-files.js';
import { readLessonIndex } from '../../src/io/lesson-index.js';
import { peekProgress } from '../../src/io/progress-path.js';
import { parseProgress } from '../../src/lessons/progress.js';
import { lessonMapText } from '../../src/lessons/lesson-map.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'ot-first-map-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROGRESS = JSON.stringify({
  version: 1,
  lessons: {
    'storage-drivers': { current: 3, done: ['a'], grade: 'clean' },
    chainid: { current: 2, done: ['x', 'y'] },
  },
});

describe("the first frame's lesson map", () => {
  it("is the Screen's map: the same lessons, titles and progress marks, in both languages", async () => {
    await compileLessons(join(ROOT, 'lessons'), join(dir, 'lessons'));
    const index = readLessonIndex(pathToFileURL(join(dir, 'cli.js')).href) ?? [];
    const lessons = readLessons(join(ROOT, 'lessons')).lessons;
    const file = join(dir, 'progress.json');
    writeFileSync(file, PROGRESS);
    const checked = parseProgress(PROGRESS);
    if (!('progress' in checked)) throw new Error(checked.error);
    for (const lang of ['en', 'zh-CN'] as const) {
      const first = lessonMapText(
        index.map((l) => ({ data: l.data, texts: l.heads })),
        lang,
        peekProgress(file) ?? { lessons: {} },
      );
      expect(first).toBe(lessonMapText(lessons, lang, checked.progress));
      expect(first).toMatch(/\[✓ +\]/);
      expect(first).toMatch(/ 3\. \[3\/\d+ *\]/);
    }
  });

  it('reads a missing or broken progress file as no marks, and skips records it cannot read', () => {
    expect(peekProgress(join(dir, 'none.json'))).toBeUndefined();
    const bad = join(dir, 'bad', 'progress.json');
    mkdirSync(join(dir, 'bad'));
    writeFileSync(bad, '{"version":1,"lessons":');
    expect(peekProgress(bad)).toBeUndefined();
    writeFileSync(
      bad,
      '{"version":1,"lessons":{"a":{"current":"x"},"b":{"current":1,"grade":7},"c":{"current":2,"grade":"clean"}}}',
    );
    expect(peekProgress(bad)).toEqual({ lessons: { b: { current: 1 }, c: { current: 2, grade: 'clean' } } });
  });
});
