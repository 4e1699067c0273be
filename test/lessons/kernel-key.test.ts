// `real: kernel` in lesson.yaml (lessons/FORMAT.md, "Kernel lessons"): a lesson that needs only the
// kernel's overlayfs on a real host names its workdir; every other lesson is a docker lesson.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/io/lessons-source.js';
import { formatProblem, loadLesson } from '../../src/lessons/loader.js';
import { workdirProblem } from '../../src/lessons/schema.js';
import { numberRanges, Tutor } from '../../src/lessons/tutor.js';
import { createSimHost } from '../../src/host/sim-host.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/kernel-lessons');
const FOLDER = '01-overlay-lab';
const file = (name: string) => ({
  path: `${FOLDER}/${name}`,
  text: readFileSync(join(FIXTURE, FOLDER, name), 'utf8'),
});
/** The fixture's problems once `from` is replaced by `to` in its lesson.yaml. */
const problems = (from: string, to: string) => {
  const lesson = file('lesson.yaml');
  expect(lesson.text).toContain(from);
  const r = loadLesson(FOLDER, {
    lesson: { ...lesson, text: lesson.text.replace(from, to) },
    texts: { en: file('en.yaml'), 'zh-CN': file('zh-CN.yaml') },
  });
  return r.problems.map(formatProblem);
};

describe('real: kernel', () => {
  it('is read with its workdir; a lesson without the key is a docker lesson', () => {
    const kernel = loadLessons(FIXTURE)?.lessons[0];
    expect(kernel?.data).toMatchObject({ real: 'kernel', workdir: '/tmp/lab' });
    const shipped = loadLessons()?.lessons ?? [];
    expect(shipped.find((l) => l.data.id === 'copy-on-write')?.data.real).toBe('docker');
  });

  it('wants a workdir, and a workdir only with it', () => {
    expect(problems('workdir: /tmp/lab\n', '')).toEqual([
      expect.stringContaining('workdir: a lesson with `real: kernel` names its `workdir`'),
    ]);
    expect(problems('real: kernel\n', '')).toEqual([expect.stringContaining('names its `workdir`')]);
    expect(problems('real: kernel\n', 'real: docker\n')).toHaveLength(1);
    expect(problems('real: kernel\n', 'real: podman\n')).toEqual([expect.stringContaining('real')]);
  });

  it('takes a workdir two levels down at least, absolute and normalised', () => {
    expect(workdirProblem('/tmp/lab')).toBeUndefined();
    expect(workdirProblem('/root/a/b')).toBeUndefined();
    for (const bad of ['/lab', '/', 'tmp/lab', '/tmp/../lab', '/tmp//lab', '/tmp/lab/', '/tmp/./lab'])
      expect(workdirProblem(bad), bad).toBeDefined();
    expect(problems('workdir: /tmp/lab', 'workdir: /lab')).toEqual([expect.stringContaining('two levels down')]);
  });

  it('the map under --real tags each lesson with where it runs, the reasons under it', () => {
    const shipped = loadLessons()?.lessons ?? [];
    const kernel = loadLessons(FIXTURE)?.lessons ?? [];
    const lessons = [...shipped.slice(0, 3), ...kernel];
    const tutor = new Tutor({
      lessons,
      lang: 'en',
      makeHost: () => createSimHost({ seed: 1, interactive: false }),
      progress: {
        current: () => ({ version: 1 as const, lessons: {} }),
        recordStep: () => undefined,
        recordAid: () => undefined,
      },
      real: {
        open: async () => ({ why: 'no-dockerd' }),
        place: (l) => (l.data.real === 'kernel' ? { on: 'kernel' } : { on: 'simulator', why: { why: 'no-dockerd' } }),
      },
    });
    const map = tutor.mapText().split('\n');
    expect(map.slice(0, 4)).toEqual([
      ` 1. [     ] simulated ${shipped[0]?.texts.en.title}`,
      ` 2. [     ] simulated ${shipped[1]?.texts.en.title}`,
      ` 3. [     ] simulated ${shipped[2]?.texts.en.title}`,
      ' 4. [     ] kernel    Overlay by hand (test)',
    ]);
    expect(map.join('\n')).toMatch(
      /Under --real: kernel = on the real kernel.*simulated = on the simulator only\n- simulated 1–3: it needs a dockerd, and/,
    );
    expect(numberRanges([1, 2, 3, 5, 7, 8])).toBe('1–3, 5, 7–8');
  });
});
