// Every lesson in real mode, on this machine's kernel and a real dockerd 20.10 (issue 16): the
// lesson's setup and each step's reference solution run in a real bash against one private
// daemon, every check of every step passes on the real host (the same checks that judge a
// learner in the simulator, through the Host interface), and each lesson prints how many of the
// simulator's predicted lines agree with the real ones. Root on Linux with dockerd is needed; CI
// sets OVERLAY_TUTOR_REQUIRE_REAL=1, where a skip is a failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/io/lessons-source.js';
import { type ImageArchives, openImageArchives } from '../../src/real/image-archives.js';
import { lessonReport, resetDaemon, runLessonOnReal, setupImages } from '../../src/real/lesson-real.js';
import { type PrivateDaemon, startPrivateDaemon } from '../../src/real/private-daemon.js';
import { staticBusybox } from '../../src/real/stand-in-runtime.js';
import { realHostUnavailable } from '../support/real-docker.js';

const unavailable = realHostUnavailable('lessons on a real host', {
  also: () =>
    staticBusybox() ? null : 'no static busybox to run the tutorial images with (apt-get install busybox-static)',
});

const lessons = loadLessons()?.lessons ?? [];

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
    expect(lessons.length).toBeGreaterThanOrEqual(11);
  });

  for (const lesson of lessons) {
    it(`${lesson.folder}: every step's solution passes every check on the real host`, async () => {
      await resetDaemon(d, setupImages(lesson));
      const run = await runLessonOnReal(d, lesson, archives);
      const a = run.agreement;
      figures.push(`  ${lesson.folder}: ${a.agree}/${a.total} lines agree (${a.commandsAgree}/${a.commands} commands)`);
      // What differs, and why where the tutor knows (every line with OVERLAY_TUTOR_SHOW_REAL=1).
      const all = process.env.OVERLAY_TUTOR_SHOW_REAL === '1';
      const report = lessonReport(run, { dockerVersion: d.version, kernel: release() }, { all });
      if (report) process.stdout.write(`\n== ${lesson.folder}\n${report}\n`);
      const failed = run.steps.flatMap((s) => s.checks.filter((c) => !c.passed).map((c) => `${s.id}: ${c.label}`));
      expect(failed, `${lesson.folder}: checks that fail on the real host`).toEqual([]);
    }, 240_000);
  }
});
