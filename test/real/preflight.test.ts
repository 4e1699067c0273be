// The preflight's decisions, from daemon answers recorded here (Docker 20.10) and built from the
// Engine API's and the products' documentation (test/fixtures/preflight, each naming its source).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type DaemonAnswer,
  decidePreflight,
  type HostFacts,
  renderCannotRun,
  renderPreflight,
  summarizeDaemon,
} from '../../src/real/preflight.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'preflight');
interface Fixture {
  source: string;
  expect: Record<string, unknown>;
  info: Record<string, unknown>;
  version: Record<string, unknown>;
}
const fixtures = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Fixture]),
);
const answer = (name: string, source: DaemonAnswer['source'] = 'default socket'): DaemonAnswer => ({
  source,
  endpoint: 'unix:///var/run/docker.sock',
  info: fixtures[name]!.info,
  version: fixtures[name]!.version,
});

const LINUX_ROOT: HostFacts = {
  platform: 'linux',
  uid: 0,
  kernelRelease: '6.1.0-18-amd64',
  overlayInKernel: true,
  overlayParams: { index: 'N', metacopy: 'N', redirect_dir: 'Y', xino_auto: 'N', nfs_export: 'N' },
  dockerd: '/usr/sbin/dockerd',
  tutorDirFs: 'ext2/ext3',
  tutorDirDType: true,
  daemons: [],
};
const mode = (f: HostFacts, m: 'private' | 'system' | 'kernel') => decidePreflight(f).modes.find((v) => v.mode === m)!;

describe('each recorded or documented daemon is read for what it is', () => {
  it('has the eight environments the issue names', () => {
    expect(Object.keys(fixtures).sort()).toEqual([
      'docker-desktop-docs.desktop-4.34.json',
      'engine-api-v1.43-docs.docker-24.0.json',
      'engine-api-v1.47-docs.docker-27.3.json',
      'engine-api-v1.52-docs.docker-29.0-containerd-store.json',
      'engine-api-v1.52-docs.docker-29.0-upgraded-overlay2.json',
      'podman-compat-api-docs.podman-5.2.json',
      'recorded-here.docker-20.10.24-debian.json',
      'rootless-docs.docker-27.3-rootless.json',
    ]);
  });
  it.each(Object.keys(fixtures))('%s', (name) => {
    const s = summarizeDaemon(answer(name))!;
    expect(fixtures[name]!.source.length).toBeGreaterThan(40);
    expect(s).toMatchObject(fixtures[name]!.expect);
  });
});

describe('the modes', () => {
  it('Linux, root, dockerd, no daemon of the user: the private daemon only', () => {
    const p = decidePreflight(LINUX_ROOT);
    expect(p.modes.map((m) => [m.mode, m.usable])).toEqual([
      ['private', true],
      ['system', false],
      ['kernel', true],
    ]);
    expect(mode(LINUX_ROOT, 'system').reasons.join()).toMatch(/no daemon answered/);
  });

  it('Linux, root, a Docker 20.10 on overlay2: every mode, nothing limited', () => {
    const f = { ...LINUX_ROOT, daemons: [answer('recorded-here.docker-20.10.24-debian.json')] };
    expect(decidePreflight(f).modes.every((m) => m.usable && m.reasons.length === 0)).toBe(true);
    const table = renderPreflight(decidePreflight(f));
    expect(table).toMatch(/Docker Engine 20\.10\.24\+dfsg1, API 1\.41/);
    expect(table).toMatch(/overlay2 on extfs, d_type yes/);
    expect(table).toMatch(/redirect_dir=Y/);
  });

  it('Docker 29 with the containerd image store: usable, and says what differs', () => {
    const f = { ...LINUX_ROOT, daemons: [answer('engine-api-v1.52-docs.docker-29.0-containerd-store.json')] };
    const system = mode(f, 'system');
    expect(system.usable).toBe(true);
    expect(system.reasons.join()).toMatch(/containerd image store.*snapshots\/N\/fs.*no GraphDriver/);
    expect(renderPreflight(decidePreflight(f))).toMatch(/containerd image store \(overlayfs snapshotter\)/);
  });

  it('a rootless daemon without root: no private daemon, the rootless one is usable', () => {
    const f: HostFacts = {
      ...LINUX_ROOT,
      uid: 1000,
      daemons: [answer('rootless-docs.docker-27.3-rootless.json', 'rootless socket')],
    };
    expect(mode(f, 'private')).toMatchObject({ usable: false, reasons: [expect.stringMatching(/needs root/)] });
    expect(mode(f, 'system').usable).toBe(true);
  });

  it('a rootful daemon without root: its data-root cannot be read', () => {
    const f: HostFacts = { ...LINUX_ROOT, uid: 1000, daemons: [answer('engine-api-v1.47-docs.docker-27.3.json')] };
    expect(mode(f, 'system')).toMatchObject({ usable: false });
    expect(mode(f, 'system').reasons.join()).toMatch(/needs root to read/);
  });

  it('macOS with Docker Desktop: nothing runs for real, the screen says why and what would work', () => {
    const f: HostFacts = {
      platform: 'darwin',
      uid: 501,
      overlayInKernel: false,
      daemons: [answer('docker-desktop-docs.desktop-4.34.json')],
    };
    const p = decidePreflight(f);
    expect(p.modes.every((m) => !m.usable)).toBe(true);
    const screen = renderCannotRun(p, 'private');
    expect(screen).toMatch(
      /^Preflight: overlay-tutor --real cannot run here\.\n {2}✗ needs Linux: on darwin the daemon/,
    );
    expect(screen).toMatch(/Docker Desktop 27\.2\.0.*\n.*inside a VM: not visible from here/);
    expect(screen).toMatch(
      /What would work:\n {2}✓ overlay-tutor, overlay-tutor sandbox: the lessons on the simulated host/,
    );
  });

  it("off Linux a daemon that looks local (a VM's, colima's) is no --real=system; with none, both said", () => {
    const daemons = [answer('engine-api-v1.47-docs.docker-27.3.json')];
    const mac: HostFacts = { platform: 'darwin', uid: 501, overlayInKernel: false, daemons };
    expect(mode(mac, 'system')).toMatchObject({
      usable: false,
      reasons: [expect.stringMatching(/^needs Linux: on darwin/)],
    });
    // The same daemon on Linux, as root: usable.
    expect(mode({ ...LINUX_ROOT, daemons }, 'system').usable).toBe(true);
    const none = mode({ ...mac, daemons: [] }, 'system').reasons;
    expect(none).toEqual([expect.stringMatching(/^needs Linux/), expect.stringMatching(/^no daemon answered/)]);
  });

  it('Podman: read as Podman, its storage named, the lessons limited', () => {
    const f = { ...LINUX_ROOT, daemons: [answer('podman-compat-api-docs.podman-5.2.json')] };
    expect(renderPreflight(decidePreflight(f))).toMatch(/Podman 5\.2\.2, API 1\.41/);
    expect(mode(f, 'system').reasons.join()).toMatch(/containers-storage/);
  });

  it('the tutor dir on overlayfs (a container) or xfs without d_type: no private daemon', () => {
    expect(mode({ ...LINUX_ROOT, tutorDirFs: 'overlayfs' }, 'private').reasons.join()).toMatch(/on overlayfs/);
    expect(mode({ ...LINUX_ROOT, tutorDirFs: 'xfs', tutorDirDType: false }, 'private').reasons.join()).toMatch(
      /lacks d_type/,
    );
  });

  it('no dockerd, no overlay module: both named', () => {
    const f: HostFacts = { ...LINUX_ROOT, overlayInKernel: false, dockerd: undefined };
    const reasons = mode(f, 'private').reasons.join('\n');
    expect(reasons).toMatch(/apt-get install docker.io/);
    expect(reasons).toMatch(/modprobe overlay/);
  });

  it('root on Linux without dockerd: the kernel lessons still run for real, and the screen offers them', () => {
    const f: HostFacts = { ...LINUX_ROOT, dockerd: undefined };
    expect(mode(f, 'kernel')).toEqual({ mode: 'kernel', usable: true, reasons: [] });
    expect(mode(f, 'private').usable).toBe(false);
    const screen = renderCannotRun(decidePreflight(f), 'private');
    expect(screen).toMatch(/needs a dockerd binary/);
    expect(screen).toMatch(
      /What would work:\n {2}✓ --real=kernel: the sandbox and the lessons about overlay itself on the real\n\s+kernel alone \(mount -t overlay, no Docker\)\n/,
    );
    expect(renderPreflight(decidePreflight(f))).toMatch(
      /✓ --real=kernel {3}the sandbox and the lessons about overlay itself: mount -t overlay, no Docker\n/,
    );
  });

  it('OVERLAY_TUTOR_DOCKERD=none: the dockerd row and the private mode say so, not that none is installed', () => {
    const f: HostFacts = { ...LINUX_ROOT, dockerd: undefined, dockerdOff: true };
    expect(renderPreflight(decidePreflight(f))).toMatch(/✗ dockerd binary +none \(OVERLAY_TUTOR_DOCKERD=none\)\n/);
    expect(mode(f, 'private').reasons).toEqual(['OVERLAY_TUTOR_DOCKERD=none: no dockerd is started']);
    expect(mode(f, 'kernel').usable).toBe(true);
  });

  it('the kernel lessons need root, Linux and overlay: each named, none offered without them', () => {
    expect(mode({ ...LINUX_ROOT, uid: 1000 }, 'kernel').reasons).toEqual([
      'needs root: mount -t overlay in a mount namespace of its own',
    ]);
    expect(mode({ ...LINUX_ROOT, overlayInKernel: false }, 'kernel').reasons).toEqual([
      'needs overlay in the kernel (modprobe overlay)',
    ]);
    const mac: HostFacts = { platform: 'darwin', uid: 501, overlayInKernel: false, daemons: [] };
    expect(mode(mac, 'kernel').reasons).toEqual(['needs Linux: overlayfs is a Linux file system']);
    expect(renderCannotRun(decidePreflight({ ...LINUX_ROOT, uid: 1000 }), 'private')).not.toMatch(/kernel lessons/);
  });

  it('a daemon that did not answer is listed with why', () => {
    const f: HostFacts = {
      ...LINUX_ROOT,
      daemons: [{ source: 'DOCKER_HOST', endpoint: 'unix:///nowhere.sock', error: 'ENOENT' }],
    };
    expect(renderPreflight(decidePreflight(f))).toMatch(/daemon \(DOCKER_HOST\)\s+unix:\/\/\/nowhere\.sock: ENOENT/);
  });
});

/** Every environment the fixtures cover where a mode cannot run: without root, without a daemon,
 * without dockerd or overlay, on macOS, in a container, and each recorded or documented daemon
 * on a machine where the user is not root. */
function failingEnvironments(): Array<[string, HostFacts]> {
  const gone = (source: DaemonAnswer['source'], endpoint: string): DaemonAnswer => ({
    source,
    endpoint,
    error: 'ENOENT',
  });
  const envs: Array<[string, HostFacts]> = [
    ['no daemon', { ...LINUX_ROOT, daemons: [gone('DOCKER_HOST', `unix:///tmp/${'x'.repeat(60)}/nothing.sock`)] }],
    ['no dockerd, no overlay', { ...LINUX_ROOT, dockerd: undefined, overlayInKernel: false, overlayParams: undefined }],
    ['in a container', { ...LINUX_ROOT, tutorDirFs: 'overlayfs', tutorDirDType: true }],
    ['xfs without d_type', { ...LINUX_ROOT, tutorDirFs: 'xfs', tutorDirDType: false }],
  ];
  for (const name of Object.keys(fixtures)) {
    const daemons = [
      answer(name, 'DOCKER_HOST'),
      gone('default socket', 'unix:///var/run/docker.sock'),
      gone('rootless socket', 'unix:///run/user/1000/docker.sock'),
    ];
    envs.push([`${name}, not root`, { ...LINUX_ROOT, uid: 1000, daemons }]);
    envs.push([`${name}, macOS`, { platform: 'darwin', uid: 501, overlayInKernel: false, daemons }]);
  }
  return envs;
}

describe('the cannot-run screen fits 80x24, the shell prompt under it', () => {
  const cases = failingEnvironments().flatMap(([name, f]) =>
    decidePreflight(f)
      .modes.filter((m) => !m.usable && m.mode !== 'kernel')
      .map((m) => [`${name}: ${m.mode}`, f, m.mode] as const),
  );
  it('covers both modes', () => {
    expect(cases.filter((c) => c[2] === 'system').length).toBeGreaterThan(8);
    expect(cases.filter((c) => c[2] === 'private').length).toBeGreaterThan(8);
  });
  it.each(cases)('%s', (_, f, wanted) => {
    for (const ascii of [false, true]) {
      const screen = renderCannotRun(decidePreflight(f), wanted, ascii);
      const rows = screen.replace(/\n$/, '').split('\n');
      // 23 rows of 79 columns at most: the prompt after it is row 24, and no line wraps.
      expect(rows.length).toBeLessThanOrEqual(23);
      expect(Math.max(...rows.map((r) => [...r].length))).toBeLessThanOrEqual(79);
      // What is missing, what the machine has, what would work.
      expect(screen).toMatch(/cannot run here\.\n {2}[✗x] \S/);
      expect(screen).toMatch(/^This machine: /m);
      expect(screen).toMatch(/What would work:\n(.*\n)* {2}[✓v] overlay-tutor, overlay-tutor sandbox/);
      if (ascii) expect(screen).toMatch(/^[\x00-\x7f]*$/);
    }
  });
});
