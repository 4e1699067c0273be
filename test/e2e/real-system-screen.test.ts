// `overlay-tutor sandbox --real=system` on the built bin's screen in tmux. A private dockerd
// (test/support/real-docker.ts) stands for the user's own daemon, reached through DOCKER_HOST, and
// already holds a running container with a file written in it, an image and a volume with data.
// On the screen each change a line would make is shown and asked in the input line: `n` runs
// nothing, `y` runs it (labelled), a line that would touch the user's container is refused without
// a question; the upper pane shows the new container's real upper dir and F2 the simulator beside
// it. Ctrl-D (and, with --yes, Ctrl-C twice) ends the screen and removes what the session made.
// Afterwards the user's things are the same byte for byte (inspect JSON, `docker export` and
// `docker save` hashes, the volume's files) and nothing labelled is left.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  busyboxRootfsTar,
  type RealDocker,
  realHostUnavailable,
  startRealDocker,
  treeFingerprint,
} from '../support/real-docker.js';
import { BIN, killSessions, SCREEN_ENV, TmuxSession, tmuxUnavailable } from '../support/tmux.js';

const unavailable =
  realHostUnavailable('--real=system screen e2e', { busybox: true, bin: true }) ??
  tmuxUnavailable('--real=system screen e2e');

const LABEL = 'org.overlay-tutor.session';
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe.runIf(!unavailable)('sandbox --real=system on the screen (tmux)', () => {
  let user: RealDocker;
  let dir: string;
  let before: Awaited<ReturnType<typeof fingerprint>>;

  /** The user's things as bytes and JSON, and the daemon's whole inventory. */
  async function fingerprint() {
    const inspect = async (...args: string[]) => JSON.parse(await user.dockerOk(args)) as unknown[];
    const volume = (await inspect('volume', 'inspect', 'user-data'))[0] as { Mountpoint: string };
    const files = treeFingerprint(volume.Mountpoint);
    const raw = (args: string[]) => spawnSync(user.cli, args, { env: user.env, maxBuffer: 1 << 28 }).stdout;
    const list = async (...args: string[]) => (await user.dockerOk(args)).split('\n').filter(Boolean).sort();
    return {
      container: await inspect('container', 'inspect', 'user-ctr'),
      image: await inspect('image', 'inspect', 'busybox:latest'),
      volume: await inspect('volume', 'inspect', 'user-data'),
      exported: sha(raw(['export', 'user-ctr'])),
      saved: sha(raw(['save', 'busybox:latest'])),
      volumeFiles: files,
      inventory: {
        containers: await list('ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Names}} {{.Image}} {{.State}}'),
        images: await list('images', '-a', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}'),
        volumes: await list('volume', 'ls', '--format', '{{.Name}} {{.Labels}}'),
      },
    };
  }

  /** Nothing labelled, no session record, and the user's things as they were. */
  async function expectUntouched() {
    for (const args of [
      ['ps', '-aq', '--filter', `label=${LABEL}`],
      ['volume', 'ls', '-q', '--filter', `label=${LABEL}`],
    ])
      expect([args.join(' '), await user.dockerOk(args)]).toEqual([args.join(' '), '']);
    expect(readdirSync(join(dir, 'sessions')).filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }

  const open = (name: string, flags: string, width: number, height: number) =>
    new TmuxSession(
      `${name}-${process.pid}`,
      `${SCREEN_ENV} LANG=C.UTF-8 DOCKER_HOST=${user.host} OVERLAY_TUTOR_SYSTEM_DIR=${dir} ` +
        `node ${BIN} sandbox --real=system --bare ${flags}; echo "[exit $?]"; sleep 600`,
      { width, height },
    );

  beforeAll(async () => {
    dir = mkdtempSync('/tmp/ot-realsys-screen-');
    const started = await startRealDocker();
    if (typeof started === 'string') throw new Error(started);
    user = started;
    await user.dockerOk(['import', '-', 'busybox:latest'], { input: await busyboxRootfsTar() });
    await user.dockerOk(['run', '-d', '--name', 'user-ctr', 'busybox:latest', 'sleep', '3600']);
    await user.dockerOk(['exec', 'user-ctr', 'sh', '-c', 'echo precious > /keep.txt']);
    await user.dockerOk(['volume', 'create', 'user-data']);
    await user.dockerOk(['run', '--rm', '-v', 'user-data:/d', 'busybox:latest', 'sh', '-c', 'echo data > /d/v.txt']);
    before = await fingerprint();
  }, 180_000);
  afterAll(async () => {
    killSessions();
    await user?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('asks each change in the input line (n, y), refuses the user’s container, Ctrl-D removes what it made', async () => {
    const t = open('ot-realsys-screen', '', 120, 40);
    const screen = await t.waitFor(
      (s) => s.includes('| your daemon |') && s.includes('F1/? help'),
      'the screen',
      240_000,
    );
    expect(screen).toMatch(/Your own daemon \(--real=system\): session [0-9a-f]{12}/);
    expect(screen).toMatch(/^root@real:~#/m);

    // n: the change is shown, asked, and not made.
    await t.enter('docker volume create asked-no');
    let s = await t.waitFor((x) => /Run it\? \[y\/N\] *$/m.test(x), 'the question', 60_000);
    expect(s).toMatch(
      /Run on your daemon\? docker volume create --label org\.overlay-tutor\.session=[0-9a-f]{12} asked-no/,
    );
    // The question stands in the input line: no prompt while the line waits for it.
    expect(s.split('\n').findLast((l) => l.trim() !== '' && !/[│┌└]/.test(l[0] ?? ''))).not.toMatch(/^root@real/);
    await t.enter('n');
    s = await t.waitFor((x) => x.includes('asked-no: not run (you said no)'), 'the refusal', 60_000);
    expect(s).toContain('Run it? [y/N] n');

    // y: a container from the user's image runs, labelled; the pane shows its real upper dir.
    await t.enter("docker run --name c1 busybox sh -c 'echo hi > /hi.txt'");
    await t.waitFor((x) => /Run it\? \[y\/N\] *$/m.test(x), 'the second question', 60_000);
    await t.enter('y');
    s = await t.waitFor((x) => x.includes('in focus: c1 (exited)') && x.includes('hi.txt'), 'c1 in focus', 120_000);
    expect(s).toMatch(/Run on your daemon\? docker run --label org\.overlay-tutor\.session=\S+ --name c1 busybox/);
    const upper = (await user.dockerOk(['inspect', '-f', '{{.GraphDriver.Data.UpperDir}}', 'c1'])).trim();
    expect(readFileSync(join(upper, 'hi.txt'), 'utf8')).toBe('hi\n');
    expect(s).toMatch(/[*│ ]\+ hi\.txt/);
    expect(await user.dockerOk(['inspect', '-f', `{{index .Config.Labels "${LABEL}"}}`, 'c1'])).toMatch(
      /^[0-9a-f]{12}$/,
    );

    // The user's container: refused, nothing asked.
    await t.enter('docker rm -f user-ctr');
    s = await t.waitFor((x) => x.includes('docker rm -f user-ctr: not run: container user-ctr'), 'refused', 60_000);
    expect(s).toMatch(/is yours/);

    // F2: the simulator's prediction beside what the real daemon did.
    t.keys('F2');
    const cmp = await t.waitFor((x) => x.includes('Predict, then verify'), 'the comparison', 60_000);
    expect(cmp).toMatch(/\d+\/\d+ lines agree/);
    t.keys('F2');
    await t.waitFor((x) => !x.includes('Predict, then verify') && x.includes('F1/? help'), 'the view closed');

    // Ctrl-D: the screen ends and what the session made is removed; only that.
    t.keys('C-d');
    s = await t.waitFor((x) => x.includes('[exit 0]'), 'the exit', 120_000);
    expect(s).toMatch(/Removing what session [0-9a-f]{12} created:\n {2}- docker rm -f -v [0-9a-f]{64}/);
    await expectUntouched();
  }, 600_000);

  it('--yes at 80x24: a change runs unasked, printed; Ctrl-C twice removes it', async () => {
    const t = open('ot-realsys-yes', '--yes', 80, 24);
    await t.waitFor((s) => s.includes('F1/? help'), 'the screen', 240_000);
    await t.enter('docker volume create made-here');
    const s = await t.waitFor((x) => /^made-here$/m.test(x), 'the volume', 60_000);
    // Printed, wrapped at 80 columns.
    expect(s.replace(/\n/g, '')).toMatch(
      /\+ docker volume create --label org\.overlay-tutor\.session=[0-9a-f]{12} made-here/,
    );
    expect(s).not.toContain('Run it?');
    expect(await user.dockerOk(['volume', 'ls', '-q', '--filter', `label=${LABEL}`])).toBe('made-here');
    await t.quit((x) => x.includes('[exit 130]'));
    expect(t.screen()).toMatch(/- docker volume rm made-here/);
    await expectUntouched();
  }, 600_000);
});
