// Disk.unpack (a layer written at once into a fresh diff/) against the same tree written one
// system call at a time: every entry's stat, the hard link's count, the directories' times.
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import {
  Disk,
  fixedClock,
  KernelError,
  S_IFCHR,
  S_IFDIR,
  S_IFLNK,
  S_IFREG,
  syntheticContent,
  type UnpackItem,
} from '../../src/kernel/index.js';

const NOW = 1_700_000_000_000;
const root = { uid: 0, gid: 0 };
const bytes = (s: string) => new TextEncoder().encode(s);
const big = syntheticContent(5 << 20, 7, bytes('\x7fELF'));

const ITEMS: UnpackItem[] = [
  { path: 'etc', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtimeMs: 1_000_000 },
  { path: 'etc/hosts', type: 'file', mode: 0o644, uid: 0, gid: 0, mtimeMs: 2_000_000, content: bytes('127.0.0.1\n') },
  { path: 'usr', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtimeMs: 3_000_000, opaque: true },
  { path: 'usr/bin/su', type: 'file', mode: 0o4755, uid: 0, gid: 0, mtimeMs: 4_000_000, content: big },
  { path: 'usr/bin/su2', type: 'hardlink', mode: 0, uid: 0, gid: 0, mtimeMs: 0, target: 'usr/bin/su' },
  { path: 'bin', type: 'symlink', mode: 0o777, uid: 0, gid: 0, mtimeMs: 5_000_000, target: 'usr/bin' },
  { path: 'gone', type: 'chr', mode: 0, uid: 101, gid: 101, mtimeMs: 6_000_000 },
  { path: 'var', type: 'dir', mode: 0o700, uid: 101, gid: 102, mtimeMs: 7_000_000 },
  { path: 'var/empty', type: 'file', mode: 0o600, uid: 101, gid: 102, mtimeMs: 8_000_000 },
];

/** The same tree, one call at a time, as the driver wrote layers before Disk.unpack (a parent
 * the list lacks made 0755 root, directory times put back last). */
function oneByOne(d: Disk, dir: string): void {
  const parentOf = (rel: string) => rel.slice(0, rel.lastIndexOf('/'));
  const mkdirs = (rel: string): void => {
    if (d.exists(rel)) return;
    mkdirs(parentOf(rel));
    d.mkdir(rel, 0o755, root);
  };
  for (const it of ITEMS) {
    const rel = `${dir}/${it.path}`;
    mkdirs(parentOf(rel));
    if (it.type === 'dir') d.mkdir(rel, it.mode, root);
    else if (it.type === 'file') {
      if (it.content === undefined || it.content instanceof Uint8Array)
        d.writeFile(rel, it.content ?? new Uint8Array(0), { create: true, truncate: true }, it.mode, root);
      else d.writeSynthetic(rel, big, it.mode, root);
    } else if (it.type === 'hardlink') {
      d.link(`${dir}/${it.target}`, rel);
      continue;
    } else if (it.type === 'symlink') d.symlink(it.target ?? '', rel, root);
    else d.mknod(rel, S_IFCHR | it.mode, 0, root);
    if (it.uid || it.gid) d.chown(rel, it.uid, it.gid);
    if (it.type === 'dir' || it.type === 'file') d.chmod(rel, it.mode);
    if (it.type !== 'dir') d.utimes(rel, it.mtimeMs, it.mtimeMs);
    if (it.opaque) d.setxattr(rel, 'trusted.overlay.opaque', bytes('y'));
  }
  for (const it of [...ITEMS].reverse()) if (it.type === 'dir') d.utimes(`${dir}/${it.path}`, it.mtimeMs, it.mtimeMs);
  d.utimes(`${dir}/usr/bin`, NOW, NOW);
}

const disk = () => new Disk(new Volume(), { clock: fixedClock(NOW) });
const stat = (d: Disk, rel: string) => {
  const { ino: _ino, ...rest } = d.lstat(rel);
  return rest;
};

describe('Disk.unpack', () => {
  it('makes the tree a call at a time would make: owners, modes, sizes, times, links, xattrs', () => {
    const a = disk();
    a.mkdir('diff', 0o755, root);
    a.unpack('diff', ITEMS);
    const b = disk();
    b.mkdir('diff', 0o755, root);
    oneByOne(b, 'diff');
    const paths = ['diff', ...ITEMS.map((i) => `diff/${i.path}`), 'diff/usr/bin'];
    for (const p of paths) expect(stat(a, p), p).toEqual(stat(b, p));
    expect(a.lstat('diff/usr/bin/su')).toMatchObject({ mode: S_IFREG | 0o4755, size: 5 << 20, nlink: 2 });
    expect(a.sameInode('diff/usr/bin/su', 'diff/usr/bin/su2')).toBe(true);
    expect(a.lstat('diff/etc').mode).toBe(S_IFDIR | 0o755);
    expect(a.lstat('diff/bin').mode).toBe(S_IFLNK | 0o777);
    expect(a.lstat('diff/gone')).toMatchObject({ mode: S_IFCHR, rdev: 0, uid: 101 });
    expect(new TextDecoder().decode(a.readFile('diff/etc/hosts'))).toBe('127.0.0.1\n');
    expect(a.syntheticOf('diff/usr/bin/su')).toBe(big); // kept described, not made
    expect(a.getxattr('diff/usr', 'trusted.overlay.opaque')).toEqual(bytes('y'));
    expect(a.readlink('diff/bin')).toBe('usr/bin');
  });

  it('an unpacked file is an ordinary inode afterwards: written, renamed, removed', () => {
    const d = disk();
    d.mkdir('diff', 0o755, root);
    d.unpack('diff', ITEMS);
    d.writeFile('diff/etc/hosts', bytes('x'), { create: false, truncate: false, append: true }, 0, root);
    expect(new TextDecoder().decode(d.readFile('diff/etc/hosts'))).toBe('127.0.0.1\nx');
    expect(new TextDecoder().decode(ITEMS[1]?.content as Uint8Array)).toBe('127.0.0.1\n'); // the layer's bytes untouched
    d.rename('diff/etc/hosts', 'diff/hosts');
    d.unlink('diff/usr/bin/su2');
    expect(d.lstat('diff/usr/bin/su').nlink).toBe(1);
  });

  it('refuses a directory that is not empty and a name given twice, before making anything', () => {
    const d = disk();
    d.mkdir('diff', 0o755, root);
    d.mkdir('diff/x', 0o755, root);
    expect(() => d.unpack('diff', ITEMS)).toThrow(KernelError);
    d.mkdir('fresh', 0o755, root);
    expect(() => d.unpack('fresh', [ITEMS[0] as UnpackItem, ITEMS[0] as UnpackItem])).toThrow(/EEXIST/);
    expect(d.names('fresh')).toEqual([]);
  });
});
