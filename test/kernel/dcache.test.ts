// The cache of resolved directories (src/kernel/dcache.ts) keeps a directory on the disk through
// writes and new names, and drops it when a name goes or moves, or a mount changes; a directory
// seen through an overlay is dropped on any change (a new name in a layer can hide it).
import { errno } from '../support/kernel-errno.js';
import { Volume } from 'memfs';
import { beforeEach, describe, expect, it } from 'vitest';
import { Kernel, S_IFCHR, seededRandom, steppingClock, type Proc } from '../../src/kernel/index.js';

let kernel: Kernel;
let p: Proc;

beforeEach(() => {
  kernel = new Kernel({ volume: new Volume(), clock: steppingClock(1_700_000_000_000), random: seededRandom(5) });
  p = kernel.proc();
});

describe('directories on the disk', () => {
  it('stay resolved through writes and new names, which leave the names generation alone', () => {
    p.mkdir('/a');
    p.mkdir('/a/b');
    expect(p.readdir('/a/b')).toEqual([]); // /a/b is now resolved and kept
    expect(errno(() => p.lstat('/a/b/f'))).toBe('ENOENT');
    const names = kernel.namesGeneration;
    const all = kernel.generation;
    p.writeFile('/a/b/f', 'x');
    p.chmod('/a/b', 0o700);
    p.mkdir('/a/b/c');
    expect(kernel.namesGeneration).toBe(names);
    expect(kernel.generation).toBeGreaterThan(all);
    expect(p.lstat('/a/b/f').size).toBe(1);
    expect(p.lstat('/a/b/c').type).toBe('dir');
    // The directory's own stat is read afresh, not the one kept when it was first resolved.
    expect(p.lstat('/a/b').mode & 0o777).toBe(0o700);
  });

  it('are dropped when a name moves: the old path no longer resolves, the new one does', () => {
    p.mkdir('/a');
    p.mkdir('/a/b');
    p.writeFile('/a/b/f', 'x');
    expect(p.readdir('/a/b').map((e) => e.name)).toEqual(['f']); // /a/b is now resolved and kept
    expect(p.lstat('/a/b/f').type).toBe('file');
    p.rename('/a/b', '/a/c');
    expect(errno(() => p.lstat('/a/b/f'))).toBe('ENOENT');
    expect(p.lstat('/a/c/f').type).toBe('file');
  });

  it('are dropped when a name goes, and a file made in its place is no directory', () => {
    p.mkdir('/a');
    p.mkdir('/a/b');
    p.writeFile('/a/b/f', 'x');
    expect(p.readdir('/a/b').map((e) => e.name)).toEqual(['f']); // /a/b is now resolved and kept
    expect(p.lstat('/a/b/f').type).toBe('file');
    p.unlink('/a/b/f');
    p.rmdir('/a/b');
    p.writeFile('/a/b', 'now a file');
    expect(errno(() => p.lstat('/a/b/f'))).toBe('ENOTDIR');
  });

  it('through a symlink, are dropped when the link is replaced', () => {
    p.mkdir('/x');
    p.mkdir('/y');
    p.writeFile('/y/f', 'y');
    p.symlink('/x', '/link');
    expect(p.readdir('/link')).toEqual([]);
    expect(errno(() => p.lstat('/link/f'))).toBe('ENOENT');
    p.unlink('/link');
    p.symlink('/y', '/link');
    expect(p.lstat('/link/f').type).toBe('file');
  });
});

describe('directories seen through an overlay', () => {
  beforeEach(() => {
    for (const d of ['/l', '/u', '/w', '/m', '/l/d']) p.mkdir(d);
    p.writeFile('/l/d/f', 'lower');
    p.mount('/m', 'overlay', 'lowerdir=/l,upperdir=/u,workdir=/w');
  });

  it('are dropped when a whiteout made in upper on the disk hides them', () => {
    expect(p.readdir('/m/d').map((e) => e.name)).toEqual(['f']); // /m/d is now resolved and kept
    expect(p.lstat('/m/d/f').type).toBe('file');
    const names = kernel.namesGeneration;
    p.mknod('/u/d', S_IFCHR, 0);
    expect(kernel.namesGeneration).toBe(names);
    expect(errno(() => p.lstat('/m/d/f'))).toBe('ENOENT');
  });

  it('are dropped when a file made in upper on the disk covers the lower directory', () => {
    expect(p.readdir('/m/d').map((e) => e.name)).toEqual(['f']); // /m/d is now resolved and kept
    expect(p.lstat('/m/d/f').type).toBe('file');
    p.writeFile('/u/d', 'a file over the directory');
    expect(errno(() => p.lstat('/m/d/f'))).toBe('ENOTDIR');
  });

  it('are dropped when a symlink made in upper on the disk covers the lower directory: it is followed', () => {
    p.mkdir('/elsewhere');
    p.writeFile('/elsewhere/f', 'elsewhere');
    expect(p.readdir('/m/d').map((e) => e.name)).toEqual(['f']);
    expect(new TextDecoder().decode(p.readFile('/m/d/f'))).toBe('lower');
    p.symlink('/elsewhere', '/u/d');
    expect(new TextDecoder().decode(p.readFile('/m/d/f'))).toBe('elsewhere');
  });

  it("are dropped on umount: the mountpoint is the disk's empty directory again", () => {
    expect(p.readdir('/m/d').map((e) => e.name)).toEqual(['f']); // /m/d is now resolved and kept
    expect(p.lstat('/m/d/f').type).toBe('file');
    p.umount('/m');
    expect(errno(() => p.lstat('/m/d/f'))).toBe('ENOENT');
  });
});
