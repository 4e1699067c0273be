// `overlay-tutor sandbox --real=kernel` on the built bin in tmux: the sandbox on the real kernel
// alone, no Docker. Its lines run in a kernel lab's real bash; the panes follow the overlay mounted by
// hand (upper read from the real dir, a copy-up marked ~, an opaque dir o); F2 puts the simulator's
// prediction of that upper beside the real one; Ctrl-D leaves nothing: no process, no mount in any
// namespace, no directory. At 120x40, `sandbox --real` on a machine without dockerd
// (OVERLAY_TUTOR_DOCKERD=none) opens the same, and SIGTERM leaves nothing either. Needs root on
// Linux, tmux and the built bin; no Docker.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processesOfLab } from '../../src/real/kernel-lab.js';
import { labsIn, overlaysOf } from '../support/kernel-labs.js';
import { kernelLabUnavailable } from '../support/real-docker.js';
import { BIN, killSessions, SCREEN_ENV, TmuxSession, tmuxUnavailable } from '../support/tmux.js';

const unavailable = kernelLabUnavailable('kernel sandbox screen e2e') ?? tmuxUnavailable('kernel sandbox screen e2e');

const dir = mkdtempSync('/tmp/ot-kernel-sandbox-screen-');
afterAll(() => {
  killSessions();
  rmSync(dir, { recursive: true, force: true });
});

const labs = () => labsIn(join(dir, 'real'));
const MOUNT =
  'mount -t overlay overlay -o lowerdir=/tmp/lab/lower,upperdir=/tmp/lab/upper,workdir=/tmp/lab/work /tmp/lab/merged';

/** The bin in tmux as the pane's own process (exec: the pane's pid is the bin's). */
function open(name: string, args: string, size: { width: number; height: number }, env = '') {
  return new TmuxSession(
    `${name}-${process.pid}`,
    `exec ${SCREEN_ENV} LANG=C.UTF-8 ${env} OVERLAY_TUTOR_REAL_DIR=${join(dir, 'real')} node ${BIN} sandbox ${args}`,
    size,
  );
}

const status = (s: string) => s.split('\n').findLast((l) => l.startsWith('overlay-tutor |')) ?? '';
const idle = (s: string) =>
  /^root@real:[^#\n]*#\s*(│|$)/m.test(s.split('\n').findLast((l) => l.startsWith('root@real:')) ?? '');

async function gone(t: TmuxSession): Promise<void> {
  for (let i = 0; i < 200 && t.alive(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(t.alive()).toBe(false);
}

describe.runIf(!unavailable)('the kernel sandbox on the screen (tmux)', () => {
  it('80x24: the panes follow the hand-made overlay, F2 its upper on both sides, Ctrl-D leaves nothing', async () => {
    const t = open('ot-ksandbox', '--real=kernel', { width: 80, height: 24 });
    const line = async (text: string, until: (s: string) => boolean, what: string) => {
      await t.enter(text);
      return t.waitFor((s) => until(s) && idle(s), what, 60_000);
    };
    const first = await t.waitFor((s) => status(s).includes('real kernel') && idle(s), 'the sandbox', 120_000);
    expect(first).toContain('Real kernel, no Docker');
    const lab = labs()[0];
    expect(lab).toBeDefined();
    expect(first).toContain(lab?.split('/').pop());
    await line('mkdir -p /tmp/lab/{lower,upper,work,merged}', (s) => s.includes('upper,work,merged}'), 'mkdir');
    await line(
      'echo hi > /tmp/lab/lower/a.txt; mkdir /tmp/lab/lower/d; echo x > /tmp/lab/lower/d/x',
      (s) => s.includes('lower/d/x'),
      'the lower',
    );
    const mounted = await line(MOUNT, (s) => status(s).includes('in focus: /tmp/lab/merged'), 'the mount in focus');
    expect(mounted).toMatch(/│upper {2}\/tmp\/lab\/upper/);
    expect(overlaysOf(lab as string)).toHaveLength(1);
    // A copy-up: upper's a.txt marked ~, read off the real upper dir.
    await line('echo more >> /tmp/lab/merged/a.txt', (s) => /│\*? ?~ a\.txt/.test(s), 'the copy-up');
    // An opaque dir: rm -r then mkdir through merged.
    const opaque = await line(
      'rm -r /tmp/lab/merged/d && mkdir /tmp/lab/merged/d',
      (s) => /│\*?o d\//.test(s),
      'the opaque dir',
    );
    expect(opaque).toMatch(/│ +~ a\.txt/);
    t.keys('F2');
    const cmp = await t.waitFor((s) => s.includes('Predict, then verify'), 'the comparison', 30_000);
    expect(cmp).toContain('upper/ of the overlay on /tmp/lab/merged after the line');
    expect(cmp).toMatch(/o d\/ +│ o d\//);
    expect(cmp).toMatch(/~ a\.txt +│ ~ a\.txt/);
    expect(cmp).toMatch(/(\d+)\/\1 lines agree/);
    expect(cmp).not.toContain('no container in focus');
    t.keys('Escape');
    await t.waitFor((s) => !s.includes('Predict, then verify'), 'the view closed');
    // A typo is bash's, not the tutor's.
    await line('mout -t overlay', (s) => s.includes('bash: mout: command not found'), 'the typo');
    t.keys('C-d');
    await gone(t);
    expect(labs()).toEqual([]);
    expect(processesOfLab(lab as string)).toEqual([]);
    expect(overlaysOf(lab as string)).toEqual([]);
  }, 300_000);

  it('120x40: sandbox --real without dockerd opens it; SIGTERM leaves nothing', async () => {
    const t = open('ot-ksandbox-wide', '--real', { width: 120, height: 40 }, 'OVERLAY_TUTOR_DOCKERD=none');
    await t.waitFor((s) => status(s).includes('real kernel') && idle(s), 'the sandbox', 120_000);
    const lab = labs()[0];
    await t.enter(`mkdir -p /tmp/lab/{lower,upper,work,merged} && ${MOUNT} && touch /tmp/lab/merged/new`);
    await t.waitFor((s) => /│\*? ?\+ new/.test(s) && status(s).includes('in focus: /tmp/lab/merged'), 'a new file');
    expect(overlaysOf(lab as string)).toHaveLength(1);
    process.kill(Number(t.display('#{pane_pid}')), 'SIGTERM');
    await gone(t);
    expect(labs()).toEqual([]);
    expect(processesOfLab(lab as string)).toEqual([]);
    expect(overlaysOf(lab as string)).toEqual([]);
  }, 300_000);
});
