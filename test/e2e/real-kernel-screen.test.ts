// `overlay-tutor tutor --lesson overlay-by-hand --real` on the built bin in tmux at 80x24: the kernel
// lesson on the Ink screen, on a machine without dockerd (OVERLAY_TUTOR_DOCKERD=none, as the preflight
// reads it). Its lines run in the lab's real bash; the panes are read from the real overlay the
// learner mounts (merged, and what a copy-up put in upper); F2 puts the simulator's prediction of upper/
// beside the real one; leaving for the map ends the lab at once and q leaves nothing: no process,
// no mount in any namespace, no directory. At 120x40: the solutions typed (a long line wrapped),
// `exit` ends the bash but not the lesson (cwd and mount kept), the map ends the lab, the lesson
// opened again is a fresh lab at the step reached, and q leaves nothing. Needs root on Linux, tmux
// and the built bin; no Docker.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processesOfLab } from '../../src/real/kernel-lab.js';
import { labsIn, overlaysOf } from '../support/kernel-labs.js';
import { kernelLabUnavailable } from '../support/real-docker.js';
import { BIN, killSessions, SCREEN_ENV, TmuxSession, tmuxUnavailable } from '../support/tmux.js';

const unavailable = kernelLabUnavailable('kernel lesson screen e2e') ?? tmuxUnavailable('kernel lesson screen e2e');

const dir = mkdtempSync('/tmp/ot-kernel-screen-');
afterAll(() => {
  killSessions();
  rmSync(dir, { recursive: true, force: true });
});

/** The labs under the tutor's kernel dir. */
const labs = () => labsIn(join(dir, 'real'));

const MOUNT =
  'mount -t overlay overlay -o lowerdir=/tmp/lab/lower1:/tmp/lab/lower2,upperdir=/tmp/lab/upper,' +
  'workdir=/tmp/lab/work /tmp/lab/merged';

describe.runIf(!unavailable)('a kernel lesson on the real kernel, on the screen (tmux)', () => {
  it('80x24: the panes show the real mount, F2 its upper on both sides, the map ends the lab, q leaves nothing', async () => {
    const t = new TmuxSession(
      `ot-kernel-screen-${process.pid}`,
      `${SCREEN_ENV} LANG=C.UTF-8 OVERLAY_TUTOR_DOCKERD=none OVERLAY_TUTOR_REAL_DIR=${join(dir, 'real')} ` +
        `XDG_STATE_HOME=${join(dir, 'state')} node ${BIN} tutor --lesson overlay-by-hand --real`,
      { width: 80, height: 24 },
    );
    const status = (s: string) => s.split('\n').findLast((l) => l.startsWith('overlay-tutor |')) ?? '';
    const prompt = (s: string) => /^root@real:[^#\n]*#\s*$/m.test(s);
    const line = async (text: string, until: (s: string) => boolean, what: string) => {
      await t.enter(text);
      return t.waitFor(until, what, 60_000);
    };
    await t.waitFor((s) => status(s).includes('1/16 · real') && prompt(s), 'the lesson on the real kernel', 120_000);
    t.keys('Enter');
    await t.waitFor((s) => status(s).includes('2/16 · real'), 'step 2');
    await line('mkdir -p /tmp/lab/{lower1,lower2,upper,work,merged}', (s) => status(s).includes('3/16'), 'step 3');
    await line('cd /tmp/lab', (s) => s.includes('root@real:/tmp/lab#'), 'the cd');
    await line(
      'echo one > lower1/same.txt; echo two > lower2/same.txt; echo hello > lower2/hello.txt',
      (s) => s.includes('hello > lower2/hello.txt') && prompt(s),
      'the files',
    );
    await line('mkdir lower2/dir && echo old > lower2/dir/old.txt', (s) => status(s).includes('4/16'), 'step 4');
    const lab = labs()[0];
    expect(lab).toBeDefined();
    // The real overlay in the panes: merged read from the lab's namespace, the mount in focus.
    const mounted = await line(
      MOUNT,
      (s) => status(s).includes('5/16') && /merged {2}\/tmp\/lab\/merged/.test(s) && s.includes('same.txt'),
      'step 5, merged in the panes',
    );
    expect(status(mounted)).toContain('in focus: /tmp/lab/merged');
    expect(mounted).toMatch(/│ {3}hello\.txt/);
    expect(overlaysOf(lab as string)).toHaveLength(1);
    // A copy-up: merged's hello.txt is upper's now (marked ~), and the events pane says what the real
    // kernel put in upper (it keeps no log: read off the real upper dir).
    const copied = await line(
      'echo world >> /tmp/lab/merged/hello.txt',
      (s) => s.includes('~ hello.txt: copied up'),
      'the copy-up in the panes',
    );
    expect(copied).toMatch(/│ ~ hello\.txt/);
    // F2: upper/ of the hand-made overlay, predicted and real side by side, agreeing.
    t.keys('F2');
    const cmp = await t.waitFor((s) => s.includes('Predict, then verify'), 'the comparison', 30_000);
    expect(cmp).toContain('upper/ of the overlay on /tmp/lab/merged after the line');
    expect(cmp).toMatch(/~ hello\.txt +│ ~ hello\.txt/);
    expect(cmp).toMatch(/(\d+)\/\1 lines agree/);
    expect(cmp).not.toContain('no container in focus');
    t.keys('Escape');
    await t.waitFor((s) => !s.includes('Predict, then verify'), 'the view closed');
    // The map: the lab has ended at once.
    await line('lessons', (s) => /^lesson>\s*$/m.test(s), 'the map');
    expect(labs()).toEqual([]);
    expect(processesOfLab(lab as string)).toEqual([]);
    expect(overlaysOf(lab as string)).toEqual([]);
    t.keys('-l', 'q');
    t.keys('Enter');
    for (let i = 0; i < 200 && t.alive(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(labs()).toEqual([]);
    expect(processesOfLab(lab as string)).toEqual([]);
  }, 300_000);

  it('120x40: solutions typed, `exit` keeps the lesson, the map then back makes a fresh lab, progress kept; q', async () => {
    const t = new TmuxSession(
      `ot-kernel-screen-wide-${process.pid}`,
      `${SCREEN_ENV} LANG=C.UTF-8 OVERLAY_TUTOR_DOCKERD=none OVERLAY_TUTOR_REAL_DIR=${join(dir, 'real')} ` +
        `XDG_STATE_HOME=${join(dir, 'state-wide')} node ${BIN} tutor --lesson overlay-by-hand --real`,
      { width: 120, height: 40 },
    );
    const status = (s: string) => s.split('\n').findLast((l) => l.startsWith('overlay-tutor |')) ?? '';
    const idle = (s: string) =>
      /^root@real:[^#\n]*#\s*$/m.test(s.split('\n').findLast((l) => l.startsWith('root@real:')) ?? '');
    const line = async (text: string, until: (s: string) => boolean, what: string) => {
      await t.enter(text);
      return t.waitFor((s) => until(s) && idle(s), what, 60_000);
    };
    await t.waitFor((s) => status(s).includes('1/16 · real') && idle(s), 'the lesson on the real kernel', 120_000);
    t.keys('Enter');
    await t.waitFor((s) => status(s).includes('2/16 · real'), 'step 2');
    // Step 2's and 3's solutions, as the lesson gives them (a long line wraps in the output column).
    await line('mkdir -p /tmp/lab/{lower1,lower2,upper,work,merged}', (s) => status(s).includes('3/16'), 'step 3');
    await line(
      'cd /tmp/lab && echo one > lower1/same.txt && echo two > lower2/same.txt && echo hello > lower2/hello.txt && ' +
        'mkdir lower2/dir && echo old > lower2/dir/old.txt',
      (s) => status(s).includes('4/16'),
      'step 4',
    );
    const [first] = labs();
    await line(MOUNT, (s) => status(s).includes('5/16') && status(s).includes('in focus: /tmp/lab/merged'), 'step 5');
    // `exit` ends the bash, not the lesson: the next one takes up its cwd, and the mount is still there.
    await line('exit', (s) => s.includes('ended the lesson’s real bash'), 'exit');
    const after = await line(
      'cat merged/same.txt',
      (s) => /cat merged\/same\.txt\none\n/.test(s),
      'the cat after exit',
    );
    expect(after).toContain('root@real:/tmp/lab#');
    expect(labs()).toEqual([first]);
    // The map ends the lab; the lesson opened again is a fresh lab at the same step, the solutions replayed.
    await t.enter('lessons');
    await t.waitFor((s) => /^lesson>\s*$/m.test(s), 'the map');
    expect(labs()).toEqual([]);
    expect(processesOfLab(first as string)).toEqual([]);
    expect(overlaysOf(first as string)).toEqual([]);
    t.keys('-l', '6');
    t.keys('Enter');
    const back = await t.waitFor(
      (s) => status(s).includes('5/16 · real') && status(s).includes('in focus: /tmp/lab/merged') && idle(s),
      'the lesson again',
      120_000,
    );
    expect(back).toMatch(/merged {2}\/tmp\/lab\/merged/);
    const [second] = labs();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(overlaysOf(second as string)).toHaveLength(1);
    await line('answer one', (s) => status(s).includes('6/16'), 'step 6');
    await t.enter('lessons');
    await t.waitFor((s) => /^lesson>\s*$/m.test(s), 'the map again');
    t.keys('-l', 'q');
    t.keys('Enter');
    for (let i = 0; i < 200 && t.alive(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(t.alive()).toBe(false);
    expect(labs()).toEqual([]);
    expect(processesOfLab(second as string)).toEqual([]);
    expect(overlaysOf(second as string)).toEqual([]);
  }, 300_000);
});
