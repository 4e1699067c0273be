// A read-only mount (EROFS through it, the same files writable through the disk) and a process
// that is not root (mode bits, the sticky bit, chmod/chown of another's file), as Linux answers.
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { bindMount } from '../../src/docker/engine/bind.js';
import { Kernel, seededRandom, steppingClock } from '../../src/kernel/index.js';

const fresh = (): Kernel =>
  new Kernel({ volume: new Volume(), clock: steppingClock(1_700_000_000_000), random: seededRandom(5) });

const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'ok';
};

describe('a read-only mount', () => {
  it('refuses changes with EROFS after the lookup errors, while the host writes on', () => {
    const k = fresh();
    const root = k.proc();
    root.mkdir('/src');
    root.writeFile('/src/f', 'host\n');
    root.mkdir('/ro');
    bindMount(k, '/src', '/ro', undefined, true);
    expect(k.mounts().find((m) => m.target === '/ro')?.options).toBe('ro,relatime');
    expect(new TextDecoder().decode(root.readFile('/ro/f'))).toBe('host\n');
    expect(code(() => root.writeFile('/ro/f', 'x'))).toBe('EROFS');
    expect(code(() => root.open('/ro/new', { create: true, write: true }))).toBe('EROFS');
    expect(code(() => root.unlink('/ro/nope'))).toBe('ENOENT');
    expect(code(() => root.unlink('/ro/f'))).toBe('EROFS');
    expect(code(() => root.mkdir('/ro/f'))).toBe('EEXIST');
    expect(code(() => root.open('/ro/f', { write: false }))).toBe('ok');
    root.writeFile('/src/g', 'more');
    expect(
      root
        .readdir('/ro')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['f', 'g']);
  });
});

describe('a process that is not root', () => {
  it('is held to the mode bits, the sticky bit and ownership; root is not', () => {
    const k = fresh();
    const root = k.proc();
    root.mkdir('/etc');
    root.writeFile('/etc/secret', 's', { create: true, truncate: true }, 0o600);
    root.mkdir('/tmp');
    root.chmod('/tmp', 0o1777);
    root.writeFile('/tmp/roots', 'r', { create: true, truncate: true }, 0o644);
    const app = k.proc({ cred: { uid: 1000, gid: 1000, groups: [50, 1000] } });
    expect(code(() => app.readFile('/etc/secret'))).toBe('EACCES');
    expect(code(() => app.writeFile('/etc/x', 'x'))).toBe('EACCES');
    expect(code(() => app.unlink('/etc/secret'))).toBe('EACCES');
    expect(code(() => app.chmod('/etc', 0o777))).toBe('EPERM');
    expect(code(() => app.unlink('/tmp/roots'))).toBe('EPERM');
    expect(code(() => app.writeFile('/tmp/roots', 'more', { append: true }))).toBe('EACCES');
    app.writeFile('/tmp/mine', 'm');
    expect(root.stat('/tmp/mine')).toMatchObject({ uid: 1000, gid: 1000 });
    expect(code(() => app.chown('/tmp/mine', 1000, -1))).toBe('ok');
    expect(code(() => app.chown('/tmp/mine', 0, -1))).toBe('EPERM');
    expect(code(() => app.unlink('/tmp/mine'))).toBe('ok');
    root.chown('/etc/secret', 0, 50);
    root.chmod('/etc/secret', 0o640);
    expect(code(() => app.readFile('/etc/secret'))).toBe('ok');
    expect(code(() => root.unlink('/tmp/roots'))).toBe('ok');
  });
});
