import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processesOfLab } from '../../src/real/kernel-lab.js';
import { BIN, commandLineOf, ended, labsIn, lineModeBin, overlaysOf, until } from '../support/kernel-labs.js';
import { kernelLabUnavailable } from '../support/real-docker.js';

const LESSONS = join(import.meta.dirname, '..', 'fixtures', 'kernel-lessons');
const unavailable =
  kernelLabUnavailable('a kernel lesson on the built bin') ??
  (existsSync(BIN) ? undefined : 'dist/cli.js is not built (npm run build)');
const MOUNT =
  'mount -t overlay overlay -o lowerdir=/tmp/lab/lower,upperdir=/tmp/lab/upper,workdir=/tmp/lab/work /tmp/lab/merged';

/** The line-mode tutor on the fixture's kernel lesson, its state and real dirs under `dir`. */
const tutor = (dir: string, env: Record<string, string> = {}) =>
  lineModeBin(['tutor', '--lesson', '1', '--real', '--lessons', LESSONS], {
    ...env,
    OVERLAY_TUTOR_DOCKERD: 'none',
    OVERLAY_TUTOR_REAL_DIR: join(dir, 'real'),
    XDG_STATE_HOME: join(dir, 'state'),
  });

/** The labs under the tutor's kernel dir. */
const labs = (dir: string) => labsIn(join(dir, 'real'));

describe.runIf(!unavailable)('a kernel lesson on the built bin, no dockerd', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ot-kernel-tutor-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs on the real kernel, judged there, progress saved; q leaves no process, mount or dir', async () => {
    const t = tutor(dir);
    await t.waitFor(/Real kernel, no Docker[\s\S]*step 1 of 6[\s\S]*root@real:~# /);
    expect(t.out()).toMatch(/No dockerd here: the kernel lessons/);
    await t.type('', 'step 2 of 6');
    await t.type('mkdir -p /tmp/lab/lower/dir /tmp/lab/upper /tmp/lab/work /tmp/lab/merged', 'root@real:~#');
    await t.type('echo old > /tmp/lab/lower/file; echo keep > /tmp/lab/lower/dir/a', 'step 3 of 6');
    const [lab] = labs(dir);
    expect(lab).toBeDefined();
    await t.type(MOUNT, 'step 4 of 6');
    // The overlay is mounted in the lab's namespace only, never in the machine's own.
    expect(overlaysOf(lab as string)).toHaveLength(1);
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toMatch(/upperdir=\/tmp\/lab\/upper/);
    await t.type('echo new >> /tmp/lab/merged/file && ls /tmp/lab/upper', /file\n[\s\S]*step 5 of 6/);
    await t.type('answer $(stat -c %i /tmp/lab/upper/file)', 'step 6 of 6');
    const progress = readFileSync(join(dir, 'state', 'overlay-tutor', 'progress.json'), 'utf8');
    expect(JSON.parse(progress).lessons['overlay-lab']).toMatchObject({ current: 5 });
    await t.type('lessons', 'lesson>');
    // Leaving the lesson ends its lab at once: no process, no mount, no dir (not at the next lesson's start).
    expect(labs(dir)).toEqual([]);
    expect(processesOfLab(lab as string)).toEqual([]);
    expect(overlaysOf(lab as string)).toEqual([]);
    t.child.stdin.write('q\n');
    expect(await ended(t.child)).toBe(0);
    expect(labs(dir)).toEqual([]);
    expect(processesOfLab(lab as string)).toEqual([]);
    expect(overlaysOf(lab as string)).toEqual([]);
  }, 240_000);

  it('a lab that cannot be made (unshare refused) puts the lesson on the simulator, saying why', async () => {
    // An unshare that fails as it does without CAP_SYS_ADMIN, first on PATH (the tutor finds it there).
    const fake = join(dir, 'fake-bin');
    mkdirSync(fake, { recursive: true });
    writeFileSync(
      join(fake, 'unshare'),
      '#!/bin/sh\necho "unshare: unshare failed: Operation not permitted" >&2\nexit 1\n',
      {
        mode: 0o755,
      },
    );
    const own = join(dir, 'refused');
    const t = tutor(own, { PATH: `${fake}:${process.env.PATH ?? ''}` });
    await t.waitFor(/step 1 of 6[\s\S]*root@host:~# /);
    expect(t.out()).toMatch(
      /Simulated host only: this lesson cannot run on this real host: its lab on the real kernel could not be made here: its namespace could not be made \(1\): unshare: unshare failed: Operation not permitted\. You take it on the simulator\./,
    );
    // The lesson goes on, on the simulator: a step is judged there.
    await t.type('', 'step 2 of 6');
    await t.type('mkdir -p /tmp/lab/lower/dir /tmp/lab/upper /tmp/lab/work /tmp/lab/merged', 'root@host:~#');
    await t.type('echo old > /tmp/lab/lower/file; echo keep > /tmp/lab/lower/dir/a', 'step 3 of 6');
    // The map says where it runs now, and why.
    await t.type('lessons', /simulated[\s\S]*lab on the real kernel could not be made here[\s\S]*lesson>/);
    t.child.stdin.write('q\n');
    expect(await ended(t.child)).toBe(0);
    expect(labs(own)).toEqual([]);
  }, 240_000);

  it('after a kill -9 the next start ends what the lab left running and removes it', async () => {
    const t = tutor(dir);
    // Resumed at step 6 (the progress above): the steps before it replayed in a fresh lab.
    await t.waitFor(/step 6 of 6[\s\S]*root@real:~# /);
    await t.type('sleep 300 & echo started', 'started');
    const [lab] = labs(dir);
    expect(processesOfLab(lab as string).length).toBeGreaterThan(0);
    t.child.kill('SIGKILL');
    await ended(t.child);
    // The lab's bash and its namespace's holder end on their own once the dead tutor's pipes close,
    // which takes a while on a busy machine: waited for, so the next start finds what a kill -9
    // leaves running for good, the background sleep alone.
    const left = () => processesOfLab(lab as string).map(commandLineOf);
    await until(() => left().join() === 'sleep 300', 60_000);
    expect(left()).toEqual(['sleep 300']);
    // The background sleep keeps the namespace, and the overlay mounted in it, alive.
    expect(existsSync(lab as string)).toBe(true);
    expect(overlaysOf(lab as string)).toHaveLength(1);
    const next = tutor(dir);
    await next.waitFor(/Cleaned up after an earlier run that did not stop: 1 kernel lab removed, 1 processes/);
    expect(existsSync(lab as string)).toBe(false);
    expect(processesOfLab(lab as string)).toEqual([]);
    next.child.stdin.end('lessons\nq\n');
    expect(await ended(next.child)).toBe(0);
    expect(labs(dir)).toEqual([]);
    expect(overlaysOf(lab as string)).toEqual([]);
  }, 240_000);
});
