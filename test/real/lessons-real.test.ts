// Every lesson in real mode, on this machine's kernel and a real dockerd 20.10 (issue 16): the
// lesson's setup and each step's reference solution run in a real bash against one private
// daemon, every check of every step passes on the real host (the same checks that judge a
// learner in the simulator, through the Host interface), and each lesson prints how many of the
// simulator's predicted lines agree with the real ones. Root on Linux with dockerd is needed; CI
// sets OVERLAY_TUTOR_REQUIRE_REAL=1, where a skip is a failure. Kernel lessons (`real: kernel`: the
// shipped ones and the fixture's) run in kernel mode instead: a lab of their own, no daemon at all.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/io/lessons-source.js';
import type { Lesson } from '../../src/lessons/loader.js';
import { type ImageArchives, openImageArchives } from '../../src/real/image-archives.js';
import { placeOf } from '../../src/real/lesson-host.js';
import {
  lessonReport,
  type RealLessonRun,
  resetDaemon,
  runKernelLessonOnReal,
  runLessonOnReal,
  setupImages,
} from '../../src/real/lesson-real.js';
import { type PrivateDaemon, startPrivateDaemon } from '../../src/real/private-daemon.js';
import { staticBusybox } from '../../src/real/stand-in-runtime.js';
import { kernelLabUnavailable, realHostUnavailable } from '../support/real-docker.js';

const unavailable = realHostUnavailable('lessons on a real host', {
  also: () =>
    staticBusybox() ? null : 'no static busybox to run the tutorial images with (apt-get install busybox-static)',
});

const shipped = loadLessons()?.lessons ?? [];
const lessons = shipped.filter((l) => l.data.real !== 'kernel');
const kernelLessons = [
  ...shipped.filter((l) => l.data.real === 'kernel'),
  ...(loadLessons(join(import.meta.dirname, '../fixtures/kernel-lessons'))?.lessons ?? []),
];
const kernelUnavailable = kernelLabUnavailable('kernel lessons on the real kernel');

/** The lesson's agreement line, what differs and why where the tutor knows (every line with
 * OVERLAY_TUTOR_SHOW_REAL=1), and its checks that failed on the real host. */
function judged(lesson: Lesson, run: RealLessonRun, figures: string[], dockerVersion: string): string[] {
  const a = run.agreement;
  figures.push(`  ${lesson.folder}: ${a.agree}/${a.total} lines agree (${a.commandsAgree}/${a.commands} commands)`);
  const all = process.env.OVERLAY_TUTOR_SHOW_REAL === '1';
  const report = lessonReport(run, { dockerVersion, kernel: release() }, { all });
  if (report) process.stdout.write(`\n== ${lesson.folder}\n${report}\n`);
  return run.steps.flatMap((s) => s.checks.filter((c) => !c.passed).map((c) => `${s.id}: ${c.label}`));
}

/** No failed check is no proof when nothing was judged: every step but a reading one was judged by
 * at least one check on the real host, and lines were compared. */
function expectJudged(lesson: Lesson, run: RealLessonRun) {
  const judgedSteps = lesson.data.steps.filter((s) => s.kind !== 'explain').map((s) => s.id);
  expect(run.steps.map((s) => s.id)).toEqual(judgedSteps);
  for (const s of run.steps) expect([s.id, s.checks.length > 0]).toEqual([s.id, true]);
  expect(run.agreement.total).toBeGreaterThan(0);
}

describe.runIf(!kernelUnavailable)('every kernel lesson on the real kernel, no daemon', () => {
  let dir: string;
  const figures: string[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ot-kernel-lessons-'));
  });
  afterAll(() => {
    process.stdout.write(`\nKernel lessons on the real kernel (lines that agree):\n${figures.join('\n')}\n`);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds the kernel lessons', () => {
    expect(kernelLessons.length).toBeGreaterThanOrEqual(1);
  });

  for (const lesson of kernelLessons) {
    it(`${lesson.folder}: every step's solution passes every check on the real kernel`, async () => {
      const run = await runKernelLessonOnReal(lesson, join(dir, 'kernel'));
      const failed = judged(lesson, run, figures, '');
      expect(failed, `${lesson.folder}: checks that fail on the real kernel`).toEqual([]);
      // The simulator runs this kernel's release: no line differs by its version (6.6+'s uuid=on).
      const byVersion = run.blocks.filter(
        (b) =>
          b.sim.join('\n') !== b.real.join('\n') && /uuid=|trusted\.overlay\.uuid/.test([...b.sim, ...b.real].join()),
      );
      expect(byVersion.map((b) => b.line)).toEqual([]);
      expectJudged(lesson, run);
      // The lab is gone with its namespace: nothing of it left under the tutor's dir.
      expect(readdirSync(join(dir, 'kernel'))).toEqual([]);
    }, 60_000);
  }
});

describe.runIf(!unavailable)('every lesson on a real host', () => {
  let d: PrivateDaemon;
  let dir: string;
  let archives: ImageArchives;
  const figures: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ot-lessons-real-'));
    const started = await startPrivateDaemon({ dir: join(dir, 'd') });
    if (typeof started === 'string') throw new Error(started);
    d = started;
    archives = openImageArchives(join(d.dir, 'archives'));
  }, 180_000);
  afterAll(async () => {
    process.stdout.write(
      `\nLessons on a real host (simulator's lines that agree with the real ones):\n${figures.join('\n')}\n`,
    );
    await d?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('loads every lesson', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(10);
  });

  for (const lesson of lessons) {
    it(`${lesson.folder}: every step's solution passes every check on the real host`, async () => {
      // Runs for real here (20.10: lesson 11's legacy overlay driver and lesson 1's daemon.json and
      // systemctl too); a lesson the tutor would run on the simulator instead shows its reason here.
      expect([lesson.folder, placeOf(lesson, d)]).toEqual([lesson.folder, { on: 'daemon' }]);
      await resetDaemon(d, setupImages(lesson));
      const run = await runLessonOnReal(d, lesson, archives);
      const failed = judged(lesson, run, figures, d.version);
      expect(failed, `${lesson.folder}: checks that fail on the real host`).toEqual([]);
      expectJudged(lesson, run);
    }, 240_000);
  }
});
