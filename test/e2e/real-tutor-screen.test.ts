// `overlay-tutor tutor --lesson 8 --real` on the built bin in tmux: the lesson on the Ink screen
// over the tutor's private dockerd. A step's solution runs in the real bash and its check passes
// on the real host; the upper pane is the real container's upper dir; F2 shows the simulator's
// prediction beside what the real host did; `reset` rebuilds the real host (what the step made is
// gone); progress is kept; leaving stops the daemon and leaves nothing running or mounted. Needs
// root, dockerd, a static busybox (the tutorial images' stand-ins run on it) and tmux.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mountsUnder, processesNaming } from '../support/leftovers.js';
import { realHostUnavailable } from '../support/real-docker.js';
import { BIN, killSessions, SCREEN_ENV, TmuxSession, tmuxUnavailable } from '../support/tmux.js';

const realUnavailable = realHostUnavailable('real tutor screen e2e', { busybox: true });
const unavailable = realUnavailable ?? tmuxUnavailable('real tutor screen e2e');

const dir = mkdtempSync('/tmp/ot-real-tutor-');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const gone = async (daemonDir: string) => {
  for (let i = 0; i < 150 && (processesNaming(daemonDir).length || mountsUnder(daemonDir).length); i++)
    await sleep(200);
  return { processes: processesNaming(daemonDir), mounts: mountsUnder(daemonDir) };
};

afterAll(() => {
  killSessions();
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(!unavailable)('a lesson on the real host, on the screen (tmux)', () => {
  it('runs a step’s solution for real, passes its check, F2 compares, reset rebuilds, leaving cleans up', async () => {
    const daemonDir = join(dir, 'd');
    const state = join(dir, 'state');
    const t = new TmuxSession(
      `ot-real-tutor-${process.pid}`,
      `${SCREEN_ENV} LANG=C.UTF-8 OVERLAY_TUTOR_REAL_DIR=${daemonDir} XDG_STATE_HOME=${state} ` +
        `node ${BIN} tutor --lesson 8 --real`,
      { width: 120, height: 40 },
    );
    const typeLine = async (line: string, until: (s: string) => boolean, what: string, ms = 120_000) => {
      t.keys('-l', line);
      await t.waitFor((s) => s.includes(line.slice(-20)), `the typed line (${what})`, 60_000);
      t.keys('Enter');
      return t.waitFor(until, what, ms);
    };
    const status = (s: string) => s.split('\n').findLast((l) => l.startsWith('overlay-tutor |')) ?? '';
    await t.waitFor((s) => status(s).includes('· 1/10 · real') && /^root@real:~#$/m.test(s), 'the lesson', 300_000);
    expect(t.screen()).toContain('Real host: your lines run in a real bash');
    t.keys('Enter');
    await t.waitFor((s) => status(s).includes('· 2/10 · real'), 'step 2');
    await typeLine('docker run -d --name web nginx', (s) => status(s).includes('· 3/10 · real'), 'step 2 done');
    const done = await typeLine(
      "docker exec web sh -c 'echo hello > /tmp/hello.txt'",
      (s) => status(s).includes('· 4/10 · real') && s.includes('hello.txt'),
      'step 3 done, the file in the upper pane',
    );
    expect(done.split('✓ Step done.').length).toBeGreaterThanOrEqual(3);
    expect(status(done)).toContain('in focus: web (running)');
    // The upper pane is the real container's upper dir, under the private daemon's data-root.
    expect(done).toMatch(/upper \(diff\) {2}overlay2\/[0-9a-f]{12}…\/diff/);
    expect(done).toMatch(/\+ {3}hello\.txt/);
    // F2: the simulator's prediction beside what the real host did, for the last line.
    t.keys('F2');
    const cmp = await t.waitFor((s) => s.includes('Predict, then verify'), 'the comparison', 60_000);
    expect(cmp).toContain("docker exec web sh -c 'echo hello");
    expect(cmp).toMatch(/simulator predicted +│ real host did/);
    expect(cmp).toMatch(/A \/tmp\/hello\.txt +│ A \/tmp\/hello\.txt/);
    // The count closes the view, below nginx's own files in upper: PgDn until it shows.
    for (let i = 0; i < 3; i++) t.keys('PageDown');
    await t.waitFor((s) => /\d+\/\d+ lines agree/.test(s), 'the count at the end of the view');
    t.keys('F2');
    await t.waitFor((s) => !s.includes('Predict, then verify') && status(s).includes('F1/? help'), 'the view closed');
    // Something the step did not ask for, then reset: the real host is rebuilt without it.
    const stray = (s: string) => s.split('\n').some((l) => /│.*\+ oops/.test(l));
    await typeLine('docker exec web touch /oops', stray, 'the stray file in the upper pane');
    const reset = await typeLine(
      'reset',
      (s) => s.includes('The real host was rebuilt') && /^root@real:~#\s*$/m.test(s),
      'the rebuild',
      240_000,
    );
    expect(reset).toContain('Rebuilding the real host');
    expect(reset).toContain('Step reset.');
    const after = await t.waitFor((s) => /\+ {3}hello\.txt/.test(s), 'the rebuilt upper pane');
    expect(stray(after)).toBe(false);
    expect(status(after)).toContain('· 4/10 · real');
    // Progress is kept as in the simulator: step 4 of copy-on-write.
    const progress = JSON.parse(readFileSync(join(state, 'overlay-tutor', 'progress.json'), 'utf8'));
    expect(progress.lessons['copy-on-write']).toMatchObject({ current: 3 });
    // Back to the map, q: the daemon stops and nothing of it is left.
    await typeLine('lessons', (s) => /^lesson>\s*$/m.test(s), 'the map');
    t.keys('-l', 'q');
    t.keys('Enter');
    await t.waitFor((s) => s.includes('Stopping the private dockerd') || !existsSync(daemonDir), 'the stop', 60_000);
    expect(await gone(daemonDir)).toEqual({ processes: [], mounts: [] });
  }, 600_000);
});
