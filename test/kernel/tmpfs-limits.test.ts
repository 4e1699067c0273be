// A tmpfs' size= and nr_inodes= as limits (ENOSPC once its pages or inodes are taken; a write that
// half fits goes in up to the last free page), and a container's /dev/full, /dev/tty and /dev/shm,
// as Linux answers (checked against a real kernel by script 77 and a real dockerd by script 76).
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { Kernel, mountContainerSystem, seededRandom, steppingClock } from '../../src/kernel/index.js';
import type { KernelError } from '../../src/kernel/errors.js';

const fresh = (): Kernel =>
  new Kernel({ volume: new Volume(), clock: steppingClock(1_700_000_000_000), random: seededRandom(5) });

const failure = (f: () => unknown): { code: string; written?: number } => {
  try {
    f();
  } catch (e) {
    return { code: (e as KernelError).code, written: (e as KernelError).written };
  }
  return { code: 'ok' };
};

describe('a tmpfs with size=', () => {
  it('takes blocks until its pages are gone, then refuses the write (ENOSPC)', () => {
    const k = fresh();
    const p = k.proc();
    p.mkdir('/t');
    p.mount('/t', 'tmpfs', 'size=1m', 'tmpfs');
    const block = new Uint8Array(64 * 1024);
    for (let i = 0; i < 16; i++) p.writeFile('/t/f', block, { create: true, append: true });
    expect(failure(() => p.writeFile('/t/f', block, { create: true, append: true }))).toEqual({
      code: 'ENOSPC',
      written: 0,
    });
    expect(p.stat('/t/f').size).toBe(1 << 20);
    // A new file is made (an inode is free), its bytes are not.
    expect(failure(() => p.writeFile('/t/g', 'x')).code).toBe('ENOSPC');
    expect(p.stat('/t/g').size).toBe(0);
    p.unlink('/t/f');
    p.writeFile('/t/g', 'x');
    expect(p.stat('/t/g').size).toBe(1);
  });

  it('takes the part of a write that fits in the last free pages (a short write)', () => {
    const k = fresh();
    const p = k.proc();
    p.mkdir('/t');
    p.mount('/t', 'tmpfs', 'size=100k', 'tmpfs');
    p.writeFile('/t/a', new Uint8Array(1000));
    // a holds one page; 24 are left of 25.
    expect(failure(() => p.writeFile('/t/b', new Uint8Array(200_000))).written).toBe(24 * 4096);
    expect(p.stat('/t/b').size).toBe(24 * 4096);
    // Overwriting within a file's own pages needs no more room.
    expect(failure(() => p.writeFile('/t/a', new Uint8Array(4000), {})).code).toBe('ok');
    // Truncation gives its pages back first.
    expect(failure(() => p.writeFile('/t/b', new Uint8Array(50_000))).code).toBe('ok');
  });

  it('keeps a plain tmpfs (no size=) far from full', () => {
    const k = fresh();
    const p = k.proc();
    p.mkdir('/t');
    p.mount('/t', 'tmpfs', '', 'tmpfs');
    expect(failure(() => p.writeFile('/t/f', new Uint8Array(8 << 20))).code).toBe('ok');
  });
});

describe('a tmpfs with nr_inodes=', () => {
  it('counts its root and refuses a new name past the limit, shown in the mount options', () => {
    const k = fresh();
    const p = k.proc();
    p.mkdir('/t');
    p.mount('/t', 'tmpfs', 'size=1m,nr_inodes=3', 'tmpfs');
    expect(k.mounts().find((m) => m.target === '/t')?.options).toBe('rw,relatime,size=1024k,nr_inodes=3');
    p.open('/t/a', { create: true, write: true });
    p.mkdir('/t/d');
    expect(failure(() => p.open('/t/b', { create: true, write: true })).code).toBe('ENOSPC');
    expect(failure(() => p.mkdir('/t/e')).code).toBe('ENOSPC');
    expect(failure(() => p.symlink('a', '/t/l')).code).toBe('ENOSPC');
    // A hard link is no new inode; writing an existing file needs none.
    expect(failure(() => p.link('/t/a', '/t/a2')).code).toBe('ok');
    expect(failure(() => p.writeFile('/t/a', 'more')).code).toBe('ok');
    p.unlink('/t/a');
    p.unlink('/t/a2');
    expect(failure(() => p.open('/t/b', { create: true, write: true })).code).toBe('ok');
  });

  it('refuses a count that is no number (EINVAL), as mount(2) does', () => {
    const k = fresh();
    const p = k.proc();
    p.mkdir('/t');
    expect(failure(() => p.mount('/t', 'tmpfs', 'nr_inodes=abc', 'tmpfs')).code).toBe('EINVAL');
  });
});

describe("a container's /dev", () => {
  const container = (tty: boolean, shmSize?: number) => {
    const k = fresh();
    k.proc().mkdir('/merged');
    for (const d of ['dev', 'proc', 'sys']) k.proc().mkdir(`/merged/${d}`);
    mountContainerSystem(k, '/merged', { release: '5.15.0-91-generic', tty, ...(shmSize ? { shmSize } : {}) });
    return { k, p: k.proc({ root: '/merged' }) };
  };

  it('has a /dev/full that reads zeros and takes no byte (ENOSPC), and a /dev/null that takes all', () => {
    const { p } = container(false);
    expect([...p.readFile('/dev/full').subarray(0, 4)]).toEqual([0, 0, 0, 0]);
    expect(failure(() => p.writeFile('/dev/full', '')).code).toBe('ok');
    expect(failure(() => p.writeFile('/dev/full', 'x', { append: true })).code).toBe('ENOSPC');
    expect(failure(() => p.writeFile('/dev/null', 'x', { append: true })).code).toBe('ok');
  });

  it('has no terminal behind /dev/tty without -t (ENXIO), and one with it', () => {
    expect(failure(() => container(false).p.readFile('/dev/tty')).code).toBe('ENXIO');
    expect(failure(() => container(true).p.readFile('/dev/tty')).code).toBe('ok');
  });

  it('has a /dev/shm that is a tmpfs of the shm size, written to and filled', () => {
    const { k, p } = container(false, 2 << 20);
    expect(k.mountsSeenFrom('/merged').find((m) => m.target === '/dev/shm')?.options).toBe(
      'rw,nosuid,nodev,noexec,relatime,size=2048k',
    );
    p.writeFile('/dev/shm/a', 'x');
    expect(p.readdir('/dev/shm').map((e) => e.name)).toEqual(['a']);
    expect(failure(() => p.writeFile('/dev/shm/b', new Uint8Array(3 << 20))).written).toBe((2 << 20) - 4096);
  });
});
