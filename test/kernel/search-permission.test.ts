// A process that is not root needs search (x) on every directory a path walks through and read (r)
// to list one, as may_lookup and generic_permission answer; root passes. Checked against a real
// dockerd with -u 1000 by script 76.
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { Kernel, seededRandom, steppingClock } from '../../src/kernel/index.js';

const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return 'ok';
};

describe('search and read permission on directories', () => {
  it('stops a lookup at a directory without x, lists none without r, opens a known name with x alone', () => {
    const k = new Kernel({ volume: new Volume(), clock: steppingClock(1_700_000_000_000), random: seededRandom(5) });
    const root = k.proc();
    for (const [d, mode] of [
      ['/root', 0o700],
      ['/nox', 0o744],
      ['/nor', 0o711],
    ] as const) {
      root.mkdir(d);
      root.writeFile(`${d}/f`, 'x');
      root.chmod(d, mode);
    }
    root.mkdir('/root/d');
    const app = k.proc({ cred: { uid: 1000, gid: 1000 } });
    // Right work passes for root, and for the user where the bits allow it.
    expect(code(() => root.stat('/root/f'))).toBe('ok');
    expect(code(() => app.readFile('/nor/f'))).toBe('ok');
    expect(app.readdir('/nox').map((e) => e.name)).toEqual(['f']);
    // What the bits refuse.
    expect(code(() => app.stat('/root/f'))).toBe('EACCES');
    expect(code(() => app.stat('/root/d/..'))).toBe('EACCES');
    expect(code(() => app.readdir('/root'))).toBe('EACCES');
    expect(code(() => app.stat('/nox/f'))).toBe('EACCES');
    expect(code(() => app.readdir('/nor'))).toBe('EACCES');
    expect(code(() => app.writeFile('/root/new', 'x'))).toBe('EACCES');
    expect(code(() => app.chdir('/root'))).toBe('EACCES');
    // A lookup root made first (the dcache holds /root) is no shortcut for the user.
    root.stat('/root/d');
    expect(code(() => app.stat('/root/d'))).toBe('EACCES');
  });
});
