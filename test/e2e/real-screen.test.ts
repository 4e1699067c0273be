// `overlay-tutor sandbox --real` on the built bin in tmux: the Ink screen over a private dockerd.
// A real image is made from this machine's busybox, a container writes a file and deletes one,
// and the upper pane shows the real upper dir (its path as the daemon reports it, the new file
// and the whiteout as they are on disk); F2 puts the simulator's prediction beside it; Ctrl-C
// stops a running command and the screen goes on; Ctrl-D, and in a second run SIGTERM, stop the
// daemon and leave nothing running or mounted. Needs root, dockerd, busybox and tmux.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mountsUnder, processesNaming } from '../support/leftovers.js';
import { BIN, killSessions, SCREEN_ENV, TmuxSession, tmuxUnavailable } from '../support/tmux.js';
import { realHostUnavailable } from '../support/real-docker.js';

const realUnavailable = realHostUnavailable('real screen e2e', { busybox: true });
const unavailable = realUnavailable ?? tmuxUnavailable('real screen e2e');

const dir = mkdtempSync('/tmp/ot-real-screen-');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The bin's sandbox --real in tmux, on its own private daemon directory. */
function open(name: string, daemonDir: string, width: number, height: number) {
  const t = new TmuxSession(
    `${name}-${process.pid}`,
    `${SCREEN_ENV} LANG=C.UTF-8 OVERLAY_TUTOR_REAL_DIR=${daemonDir} node ${BIN} sandbox --real`,
    { width, height },
  );
  /** Types a line, waits for it to show, presses Enter and waits for `until`. */
  const typeLine = async (line: string, until: (s: string) => boolean, what: string, ms?: number) => {
    t.keys('-l', line);
    await t.waitFor((s) => s.includes(line.slice(-20)), `the typed line (${what})`, 60_000);
    t.keys('Enter');
    return t.waitFor(until, what, ms ?? 60_000);
  };
  return Object.assign(t, { typeLine, pid: () => Number(t.display('#{pane_pid}')) });
}

const gone = async (daemonDir: string) => {
  for (let i = 0; i < 150 && (processesNaming(daemonDir).length || mountsUnder(daemonDir).length); i++)
    await sleep(200);
  return { processes: processesNaming(daemonDir), mounts: mountsUnder(daemonDir) };
};

afterAll(() => {
  killSessions();
  rmSync(dir, { recursive: true, force: true });
});

describe.runIf(!unavailable)('sandbox --real on the screen (tmux)', () => {
  it('shows a real container’s upper dir in the pane, F2 beside the simulator, Ctrl-C, Ctrl-D cleans up', async () => {
    const daemonDir = join(dir, 'd1');
    const t = open('ot-real-screen', daemonDir, 120, 40);
    await t.waitFor((s) => s.includes('| real host |') && s.includes('F1/? help'), 'the screen', 240_000);
    expect(t.screen()).toMatch(/^root@real:~#$/m);
    await t.typeLine('tar -C / -c bin/busybox | docker import - bb', (s) => /^sha256:[0-9a-f]{64}$/m.test(s), 'import');
    const s = await t.typeLine(
      "docker run --name c1 bb busybox sh -c 'echo hi > /hi.txt; rm /bin/busybox'",
      (x) => x.includes('in focus: c1 (exited)') && x.includes('hi.txt'),
      'the container in focus',
    );
    // The pane is the real upper dir: the path the daemon reports, holding what the container left.
    const env = { ...process.env, DOCKER_HOST: `unix://${daemonDir}/docker.sock` };
    const upper = execFileSync('docker', ['inspect', '-f', '{{.GraphDriver.Data.UpperDir}}', 'c1'], {
      env,
      encoding: 'utf8',
    }).trim();
    // The daemon's data-root is bound on /var/lib/docker in its namespace: it prints stock paths,
    // and the files are on this machine under the tutor's directory.
    expect(upper.startsWith('/var/lib/docker/overlay2/')).toBe(true);
    const onMachine = join(daemonDir, 'data', upper.slice('/var/lib/docker/'.length));
    expect(readFileSync(join(onMachine, 'hi.txt'), 'utf8')).toBe('hi\n');
    const cacheId = upper.split('/').slice(-2)[0]!;
    // Named under the data-root, as the real bash sees it at /var/lib/docker.
    expect(s).toContain(`upper (diff)  overlay2/${cacheId.slice(0, 12)}…/diff`);
    expect(s).toMatch(/[*│ ]\+ hi\.txt/);
    expect(s).toMatch(/x {3}busybox \(c 0,0\)/);
    // The simulator's prediction beside it: the real column has the container's changes.
    t.keys('F2');
    const cmp = await t.waitFor((x) => x.includes('Predict, then verify'), 'the comparison', 60_000);
    expect(cmp).toMatch(/│ A \/hi\.txt/);
    expect(cmp).toMatch(/│ D \/bin\/busybox/);
    expect(cmp).toContain('≠');
    expect(cmp).toMatch(/\d+\/\d+ lines agree/);
    t.keys('F2');
    await t.waitFor((x) => !x.includes('Predict, then verify') && x.includes('F1/? help'), 'the view closed', 60_000);
    // Ctrl-C stops a running real command; the next line runs with $? = 130.
    await t.typeLine('sleep 300; echo not-reached', (x) => x.includes('sleep 300; echo not-reached'), 'sleep');
    await sleep(1000);
    t.keys('C-c');
    await t.typeLine('echo "after=$?"', (x) => x.includes('after=130'), 'the line after Ctrl-C', 30_000);
    expect(t.screen()).not.toMatch(/^not-reached$/m);
    // Ctrl-D: the screen closes, the daemon stops, nothing of it is left.
    t.keys('C-d');
    await t.waitFor((x) => x.includes('Stopping the private dockerd'), 'the stop', 60_000);
    expect(await gone(daemonDir)).toEqual({ processes: [], mounts: [] });
  }, 420_000);

  it('SIGTERM at 80x24 stops the daemon and unmounts, leaving nothing running', async () => {
    const daemonDir = join(dir, 'd2');
    const t = open('ot-real-term', daemonDir, 80, 24);
    await t.waitFor((s) => s.includes('F1/? help'), 'the screen', 240_000);
    await t.typeLine('docker create --name web nginx', (s) => s.includes('in focus: web (created)'), 'web');
    expect(processesNaming(daemonDir).length).toBeGreaterThan(0);
    process.kill(t.pid(), 'SIGTERM');
    expect(await gone(daemonDir)).toEqual({ processes: [], mounts: [] });
  }, 420_000);
});
