import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sandboxChoice } from '../../src/real/commands.js';
import { processesOfLab } from '../../src/real/kernel-lab.js';
import { decidePreflight, type HostFacts } from '../../src/real/preflight.js';
import { BIN, ended, labsIn, lineModeBin, overlaysOf } from '../support/kernel-labs.js';
import { kernelLabUnavailable } from '../support/real-docker.js';

const LINUX_ROOT: HostFacts = {
  platform: 'linux',
  uid: 0,
  kernelRelease: '6.1.0-18-amd64',
  overlayInKernel: true,
  dockerd: '/usr/sbin/dockerd',
  tutorDirFs: 'ext2/ext3',
  tutorDirDType: true,
  daemons: [],
};
const choice = (f: HostFacts, wanted: 'private' | 'kernel') => sandboxChoice(decidePreflight(f), wanted);

describe('sandbox --real: which real host, and the preflight says why', () => {
  it('with dockerd: the private daemon; --real=kernel: the kernel, as asked', () => {
    const d = choice(LINUX_ROOT, 'private');
    expect(d).toMatchObject({ on: 'private' });
    expect('said' in d && d.said).toMatch(
      /Preflight: [\s\S]*\nThe sandbox: a private dockerd the tutor starts \(--real\)\./,
    );
    const k = choice(LINUX_ROOT, 'kernel');
    expect(k).toMatchObject({ on: 'kernel' });
    expect('said' in k && k.said).toMatch(
      /\nThe sandbox: the real kernel alone, no Docker \(--real=kernel\)\. It is a real/,
    );
  });

  it('without dockerd, or with OVERLAY_TUTOR_DOCKERD=none: the kernel, the reason named', () => {
    const none = choice({ ...LINUX_ROOT, dockerd: undefined }, 'private');
    expect(none).toMatchObject({ on: 'kernel' });
    expect('said' in none && none.said.replace(/\n +/g, ' ')).toMatch(
      /The sandbox: the real kernel alone, no Docker \(no private dockerd can start here: needs a dockerd binary \(Debian\/Ubuntu: apt-get install docker\.io\)\)\./,
    );
    const off = choice({ ...LINUX_ROOT, dockerd: undefined, dockerdOff: true }, 'private');
    expect('said' in off && off.said.replace(/\n +/g, ' ')).toMatch(
      /no private dockerd can start here: OVERLAY_TUTOR_DOCKERD=none: no dockerd is started\)/,
    );
    // What is said after the table fits 80 columns.
    const after = ('said' in off ? off.said : '').slice(('said' in off ? off.said : '').indexOf('The sandbox:'));
    for (const l of after.split('\n')) expect(l.length).toBeLessThanOrEqual(79);
  });

  it('without root: neither, and the screen says what is missing for the mode asked', () => {
    const user = { ...LINUX_ROOT, uid: 1000 };
    expect(choice(user, 'kernel')).toEqual({
      cannot: expect.stringMatching(/overlay-tutor --real=kernel cannot run here\.\n {2}✗ needs root/),
    });
    expect(choice({ ...user, dockerd: undefined }, 'private')).toEqual({
      cannot: expect.stringMatching(/overlay-tutor --real cannot run here\./),
    });
  });
});

const unavailable =
  kernelLabUnavailable('the kernel sandbox on the built bin') ??
  (existsSync(BIN) ? undefined : 'dist/cli.js is not built (npm run build)');
const MOUNT =
  'mount -t overlay overlay -o lowerdir=/tmp/lab/lower,upperdir=/tmp/lab/upper,workdir=/tmp/lab/work /tmp/lab/merged';

/** `sandbox ARGS` in line mode (stdin a pipe), its real dirs under `dir`. */
const sandbox = (dir: string, args: string[], env: Record<string, string> = {}) =>
  lineModeBin(['sandbox', ...args], { ...env, OVERLAY_TUTOR_REAL_DIR: join(dir, 'real') });

const labs = (dir: string) => labsIn(join(dir, 'real'));

describe.runIf(!unavailable)('the kernel sandbox on the built bin (line mode)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ot-kernel-sandbox-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('sandbox --real with OVERLAY_TUTOR_DOCKERD=none: the kernel, its panes the hand-made overlay; exit leaves nothing', async () => {
    const s = sandbox(dir, ['--real'], { OVERLAY_TUTOR_DOCKERD: 'none' });
    await s.waitFor(/real# $/);
    expect(s.out().replace(/\n +/g, ' ')).toMatch(
      /The sandbox: the real kernel alone, no Docker \(no private dockerd can start here: OVERLAY_TUTOR_DOCKERD=none: no dockerd is started\)/,
    );
    const [lab] = labs(dir);
    expect(lab).toBeDefined();
    await s.type('mkdir -p /tmp/lab/{lower,upper,work,merged} && echo hi > /tmp/lab/lower/a.txt', /real# $/);
    await s.type(MOUNT, /real# $/);
    await s.type('echo more >> /tmp/lab/merged/a.txt; cat /tmp/lab/merged/a.txt', /hi\nmore\nreal# $/);
    await s.type(
      'panes',
      /In focus: mount \/tmp\/lab\/merged\nmerged \/tmp\/lab\/merged:\n {2}~ a\.txt\nupper \(diff\) \/tmp\/lab\/upper:\n {2}~ a\.txt\nreal# $/,
    );
    expect(overlaysOf(lab as string)).toHaveLength(1);
    s.child.stdin.write('exit\n');
    expect(await ended(s.child)).toBe(0);
    expect(labs(dir)).toEqual([]);
    expect(processesOfLab(lab as string)).toEqual([]);
    expect(overlaysOf(lab as string)).toEqual([]);
  }, 120_000);

  it('SIGTERM ends the lab; after a kill -9 the next start removes what it left', async () => {
    const s = sandbox(dir, ['--real=kernel']);
    await s.waitFor(/--real=kernel\)\. It is a real[\s\S]*real# $/);
    await s.type(`mkdir -p /tmp/lab/{lower,upper,work,merged} && ${MOUNT} && echo ok`, /ok\nreal# $/);
    const [lab] = labs(dir);
    s.child.kill('SIGTERM');
    expect(await ended(s.child)).toBe(143);
    expect(labs(dir)).toEqual([]);
    expect(processesOfLab(lab as string)).toEqual([]);

    const k = sandbox(dir, ['--real=kernel']);
    await k.waitFor(/real# $/);
    await k.type(`mkdir -p /tmp/lab/{lower,upper,work,merged} && ${MOUNT} && sleep 300 & echo started`, /started/);
    const [left] = labs(dir);
    k.child.kill('SIGKILL');
    await ended(k.child);
    // The background sleep keeps the namespace, and the overlay mounted in it, alive.
    for (let i = 0; i < 40 && overlaysOf(left as string).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(left as string)).toBe(true);
    expect(overlaysOf(left as string)).toHaveLength(1);
    const next = sandbox(dir, ['--real=kernel']);
    await next.waitFor(
      /Cleaned up after an earlier run that did not stop: 1 kernel lab removed, [1-9]\d* processes ended\.[\s\S]*real# $/,
    );
    expect(existsSync(left as string)).toBe(false);
    expect(processesOfLab(left as string)).toEqual([]);
    expect(overlaysOf(left as string)).toEqual([]);
    next.child.stdin.end();
    expect(await ended(next.child)).toBe(0);
    expect(labs(dir)).toEqual([]);
  }, 180_000);

  it('the tutor with --real=kernel starts no dockerd, even where there is one: the docker lessons say so', async () => {
    const own = join(dir, 'tutor');
    const { child, out } = lineModeBin(['tutor', '--lesson', 'overlay-by-hand', '--real=kernel'], {
      OVERLAY_TUTOR_REAL_DIR: join(own, 'real'),
      XDG_STATE_HOME: join(own, 'state'),
    });
    child.stdin.end('lessons\nq\n');
    expect(await ended(child)).toBe(0);
    expect(out()).toMatch(/\n--real=kernel: the kernel lessons \(about overlay itself\) run on the real kernel/);
    expect(out()).toMatch(/Overlayfs by hand · step 1 of 16/);
    expect(out()).toMatch(/ 6\. \[ +\] kernel +Overlayfs by hand/);
    expect(out()).toMatch(/- simulated 1–5, 7–12: it needs a dockerd, and --real=kernel starts none/);
    expect(existsSync(join(own, 'real', 'daemon'))).toBe(false);
    expect(labsIn(join(own, 'real'))).toEqual([]);
  }, 120_000);
});
