// The parts of running lessons on a real host that need no real host: every program a lesson's
// checks name is recorded by the real bash's trace, the tutorial images' stand-ins are told from
// real programs, the trace's records read back in order, and the lesson comparison's
// normalisation (find's order, inode numbers, tar's minutes, ids numbered per command).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../../src/io/lessons-source.js';
import type { Check } from '../../src/lessons/schema.js';
import { takeTrace, TRACED_COMMANDS } from '../../src/real/command-trace.js';
import { placeOf } from '../../src/real/lesson-host.js';
import { setupImages } from '../../src/real/lesson-real.js';
import { compareLessonLines } from '../../src/real/replay.js';
import { isStandIn } from '../../src/real/stand-in-runtime.js';

function namedPrograms(check: Check): RegExp[] {
  if ('all' in check) return check.all.flatMap(namedPrograms);
  if ('any' in check) return check.any.flatMap(namedPrograms);
  if ('not' in check) return namedPrograms(check.not);
  if ('printed' in check) return [new RegExp(check.printed.by)];
  if ('command' in check) return [new RegExp(check.command.name)];
  return [];
}

describe('lessons on a real host, without one', () => {
  it('every program a lesson check names is one the real bash records', () => {
    const lessons = loadLessons()?.lessons ?? [];
    expect(lessons.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const l of lessons)
      for (const s of l.data.steps)
        for (const c of 'checks' in s ? s.checks : [])
          for (const re of namedPrograms(c))
            if (!TRACED_COMMANDS.some((n) => re.test(n))) missing.push(`${l.folder} ${s.id}: ${re}`);
    expect(missing).toEqual([]);
  });

  it("tells the simulator's stand-ins from real programs", () => {
    const standIn = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0x2f, 0x62, 0x69, 0x6e]);
    const realElf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0]);
    expect(isStandIn(standIn)).toBe(true);
    expect(isStandIn(realElf)).toBe(false);
    expect(isStandIn(new TextEncoder().encode('#!/bin/sh\necho hi\n'))).toBe(false);
  });

  it('reads the trace back in the order the commands started, and empties it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ot-trace-'));
    try {
      const put = (stamp: string, argv: string[], out: string, exit: string) => {
        writeFileSync(join(dir, `${stamp}.1.2.argv`), `${argv.join('\0')}\0`);
        writeFileSync(join(dir, `${stamp}.1.2.out`), out);
        writeFileSync(join(dir, `${stamp}.1.2.exit`), exit);
      };
      put('1700000000200000', ['sha256sum'], 'abc  -\n', '0');
      put('1700000000100000', ['docker', 'image', 'inspect', 'nginx'], '[]\n', '1');
      expect(takeTrace(dir)).toEqual([
        { argv: ['docker', 'image', 'inspect', 'nginx'], stdin: '', stdout: '[]\n', exitCode: 1 },
        { argv: ['sha256sum'], stdin: '', stdout: 'abc  -\n', exitCode: 0 },
      ]);
      expect(takeTrace(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('compares what differs only at random as equal, and what differs for real as different', () => {
    const a = 'a'.repeat(64);
    const b = 'b'.repeat(64);
    const c = 'c'.repeat(64);
    const blocks = compareLessonLines(
      [
        'docker pull x',
        'docker create x',
        'find /d',
        'docker exec web ls -i /f',
        'tar -tvf t',
        'cat f',
        'docker diff w',
        'docker history i',
        'ls -la up/etc',
        'stat up/etc',
        'tar -tvf old',
      ],
      [
        `${c}: Pull complete\n`,
        `${a}\n`,
        '/d\n/d/b\n/d/a\n',
        '1049975 /f\n',
        'd root 2024-11-23 23:17 etc/\n',
        'v1\n',
        'C /a\nC /a/b\nA /a/c\n',
        'IMAGE   CREATED          SIZE\nx       15 months ago    0B\n',
        'drwxr-xr-x 2 root root 4096 Nov 23 23:17 .\ndrwxr-xr-x 3 root root 4096 Nov 23 23:17 ..\n',
        'Modify: 2024-11-23 23:17:01.000000000 +0000\n',
        'd root 2023-08-08 13:06 etc/\n',
      ],
      [
        'Loaded image: x\n',
        `${b}\n`,
        '/d\n/d/a\n/d/b\n',
        '2510939 /f\n',
        'd root 2026-12-06 22:10 etc/\n',
        'v2\n',
        'C /a\nA /a/c\nC /a/b\n',
        'IMAGE   CREATED      SIZE\nx       2 days ago   0B\n',
        'drwxr-xr-x 2 root root 4096 Aug  8  2023 .\ndrwxr-xr-x 3 root root 4096 Dec  6 22:10 ..\n',
        'Modify: 2023-08-08 13:06:40.000000000 +0000\n',
        'd root 2024-01-01 10:00 etc/\n',
      ],
      '/data',
    );
    const same = blocks.map((x) => x.sim.join('\n') === x.real.join('\n'));
    // A copied-up directory keeps the time it had in the image (before the simulator's clock
    // starts): one side showing the time of the run instead is a real difference.
    expect(same).toEqual([false, true, true, true, true, false, true, true, false, false, false]);
  });

  it('ls -i compares which names share an inode, not the numbers each host gave them', () => {
    const line = 'ls -i lower/f merged/f upper/f';
    const [agree, differ] = [
      compareLessonLines(
        [line],
        ['11 lower/f\n11 merged/f\n15 upper/f\n'],
        ['913 upper/f\n306 lower/f\n306 merged/f\n'],
        '/srv/data-root',
      ),
      // merged showing upper's inode where the real one keeps the lower's: a real difference.
      compareLessonLines(
        [line],
        ['11 lower/f\n15 merged/f\n15 upper/f\n'],
        ['306 lower/f\n306 merged/f\n913 upper/f\n'],
        '/srv/data-root',
      ),
    ].map(([x]) => x);
    expect(agree?.sim).toEqual(['<ino:1> lower/f', '<ino:1> merged/f', '<ino:2> upper/f']);
    expect(agree?.real).toEqual(agree?.sim);
    expect(differ?.sim).not.toEqual(differ?.real);
    const [long] = compareLessonLines(
      ['ls -li d'],
      ['total 4\n7 -rw-r--r-- 1 root root 2 a\n'],
      ['total 4\n9 -rw-r--r-- 1 root root 2 a\n'],
      '/srv/data-root',
    );
    expect(long?.sim).toEqual(long?.real);
  });

  it("knows the images a lesson's setup pulls", () => {
    const lessons = loadLessons()?.lessons ?? [];
    const inodes = lessons.find((l) => l.folder === '08-inodes')!;
    expect(setupImages(inodes)).toEqual(['nginx']);
  });

  it('places each lesson: a kernel lesson on the kernel, the others on the daemon, or the simulator and why', () => {
    const shipped = loadLessons()?.lessons ?? [];
    const kernel = loadLessons(join(import.meta.dirname, '../fixtures/kernel-lessons'))?.lessons[0];
    const cow = shipped.find((l) => l.data.id === 'copy-on-write');
    const legacy = shipped.find((l) => l.folder.startsWith('10-'));
    if (!kernel || !cow || !legacy) throw new Error('lessons missing');
    const d = { version: '20.10.24', standIns: true };
    expect(placeOf(kernel, d)).toEqual({ on: 'kernel' });
    expect(placeOf(kernel, undefined)).toEqual({ on: 'kernel' });
    expect(placeOf(cow, d)).toEqual({ on: 'daemon' });
    expect(placeOf(cow, undefined)).toEqual({ on: 'simulator', why: { why: 'no-dockerd' } });
    expect(placeOf(legacy, { version: '27.3.1', standIns: true })).toMatchObject({ why: { why: 'legacy-overlay' } });
    // A workdir whose parent lies outside /tmp and /root, missing on this machine.
    const srv = { ...kernel, data: { ...kernel.data, workdir: '/srv/nowhere/lab' } };
    expect(placeOf(srv, d, () => false)).toEqual({
      on: 'simulator',
      why: { why: 'no-workdir-parent', dir: '/srv/nowhere' },
    });
    expect(placeOf(srv, d, () => true)).toEqual({ on: 'kernel' });
  });
});
