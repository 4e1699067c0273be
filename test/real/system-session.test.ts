// The decisions of `--real=system` that need no daemon: whose a resource is (the session's
// label or record, never what the daemon had before), what a change made is added to the
// record, and which paths the learner's namespace keeps visible under its fresh /tmp and /root.
import { describe, expect, it } from 'vitest';
import { SESSION_LABEL } from '../../src/real/docker-argv.js';
import { type Inventory, ownership, recordNew, type SessionRecord } from '../../src/real/system-session.js';
import { pathsToKeep, systemNamespaceSetup } from '../../src/real/system-shell.js';

const inv = (over: Partial<Inventory> = {}): Inventory => ({
  containers: [],
  images: [],
  tags: [],
  volumes: [],
  networks: [],
  ...over,
});
const record = (): SessionRecord => ({
  version: 1,
  id: 'aaaaaaaaaaaa',
  pid: 1,
  pidStart: '1',
  endpoint: 'unix:///var/run/docker.sock',
  daemonId: 'D',
  startedAt: '2026-01-01T00:00:00Z',
  preexisting: inv({ containers: ['c-user'], images: ['sha256:user'], tags: ['busybox:latest'], volumes: ['data'] }),
  created: inv({ containers: ['c-made'], images: ['sha256:made'], tags: ['nginx:latest', 'mine:latest'] }),
});

describe('ownership', () => {
  const r = record();
  it("the user's things are refused, with the reason", () => {
    expect(ownership(r, 'container', 'box', { id: 'c-user', labels: null, tags: [] })).toMatch(/is yours/);
    expect(ownership(r, 'volume', 'data', { id: 'data', labels: { [SESSION_LABEL]: r.id }, tags: [] })).toMatch(
      /is yours/,
    );
    expect(ownership(r, 'image', 'busybox', { id: 'sha256:user', labels: null, tags: ['busybox:latest'] })).toMatch(
      /is yours/,
    );
  });

  it('a labelled or recorded container is the session’s; another session’s or an unlabelled one is not', () => {
    expect(ownership(r, 'container', 'web', { id: 'c-x', labels: { [SESSION_LABEL]: r.id }, tags: [] })).toBe(
      undefined,
    );
    expect(ownership(r, 'container', 'web', { id: 'c-made', labels: null, tags: [] })).toBe(undefined);
    expect(ownership(r, 'container', 'web', { id: 'c-y', labels: { [SESSION_LABEL]: 'bbbb' }, tags: [] })).toMatch(
      /another tutor session \(bbbb\)/,
    );
    expect(ownership(r, 'container', 'web', { id: 'c-z', labels: {}, tags: [] })).toMatch(/carries no/);
  });

  it('images: by the session’s tag, or by id when every tag is the session’s', () => {
    const made = { id: 'sha256:made', labels: null, tags: ['nginx:latest'] };
    expect(ownership(r, 'image', 'nginx', made)).toBe(undefined);
    expect(ownership(r, 'image', 'docker.io/library/nginx:latest', made)).toBe(undefined);
    expect(ownership(r, 'image', 'sha256:made', made)).toBe(undefined);
    expect(ownership(r, 'image', 'made', { ...made, tags: ['nginx:latest', 'keep:1'] })).toMatch(
      /also has your tag keep:1/,
    );
    expect(ownership(r, 'image', 'other', { id: 'sha256:other', labels: null, tags: ['other:latest'] })).toMatch(
      /not the tutor's/,
    );
    // The session's tag on your image: untagging it is allowed only while another tag keeps the image.
    const userImage = { id: 'sha256:user', labels: null, tags: ['busybox:latest', 'mine:latest'] };
    expect(ownership(r, 'image', 'mine', userImage)).toBe(undefined);
    expect(ownership(r, 'image', 'mine', { ...userImage, tags: ['mine:latest'] })).toMatch(/is yours/);
  });
});

describe('recordNew', () => {
  it('adds what appeared, of the kinds the command makes, and never what the user had', () => {
    const r = record();
    const before = inv({ containers: ['c-user'], images: ['sha256:user'] });
    const now = inv({ containers: ['c-user', 'c-new'], images: ['sha256:user', 'sha256:new'], volumes: ['v-new'] });
    expect(recordNew(r, before, now, ['container'])).toBe(true);
    expect(r.created.containers).toEqual(['c-made', 'c-new']);
    expect(r.created.images).toEqual(['sha256:made']);
    expect(r.created.volumes).toEqual([]);
    expect(recordNew(r, before, now, ['container'])).toBe(false);
    // Something that vanished and came back as it was before the session is still the user's.
    expect(recordNew(r, inv(), inv({ volumes: ['data'] }), ['volume'])).toBe(false);
  });
});

describe("the learner's namespace", () => {
  it('keeps the outermost paths under /tmp and /root visible', () => {
    expect(pathsToKeep(['/tmp/a/b', '/tmp/a', '/var/lib/x', '/root/.nvm/versions/node', '/tmp/ab'])).toEqual([
      '/root/.nvm/versions/node',
      '/tmp/a',
      '/tmp/ab',
    ]);
  });

  it('hides /tmp, /root and /etc/docker, binds the kept paths back after, and makes the data-root read-only', () => {
    const lines = systemNamespaceSetup({
      runtime: '/tmp/sys/sessions/abc',
      realCli: '/usr/bin/docker',
      dockerHost: 'unix:///tmp/otd-x/docker.sock',
      dockerConfig: '/tmp/sys/sessions/abc/cli-config',
      dataRoot: '/tmp/otd-x/root',
    });
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    expect(at(/^mount --rbind \/tmp\/otd-x \/run\/overlay-tutor-keep-\d+\/\d$/)).toBeLessThan(
      at(/^mount -t tmpfs tmpfs \/tmp$/),
    );
    expect(at(/^mount --rbind \/run\/overlay-tutor-keep-\d+\/\d \/tmp\/otd-x$/)).toBeGreaterThan(
      at(/^mount -t tmpfs tmpfs \/root$/),
    );
    expect(lines).toContain('mount --bind /usr/bin/docker /tmp/sys/sessions/abc/docker-real');
    expect(lines).toContain('mount --rbind /tmp/otd-x/root /var/lib/docker');
    expect(lines.filter((l) => /mount -o remount,bind,ro/.test(l)).length).toBe(2);
    expect(lines.at(-1)).toMatch(/^export PATH=\/tmp\/sys\/sessions\/abc\/bin:/);
  });
});
