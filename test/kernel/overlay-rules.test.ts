// One test per overlayfs rule the tutorial teaches, on the model alone (the conformance suite
// checks the same rules against the real kernel at random).
import { errno } from '../support/kernel-errno.js';
import { Volume } from 'memfs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  Kernel,
  S_IFCHR,
  makedev,
  seededRandom,
  steppingClock,
  type KernelEvent,
  type Proc,
} from '../../src/kernel/index.js';

let kernel: Kernel;
let p: Proc;
let events: KernelEvent[];
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

/** Two lowers (l1 above l2), an empty upper, mounted at /m. */
beforeEach(() => {
  kernel = new Kernel({ volume: new Volume(), clock: steppingClock(1_700_000_000_000), random: seededRandom(3) });
  p = kernel.proc();
  for (const d of ['/l1', '/l2', '/u', '/w', '/m']) p.mkdir(d);
  p.writeFile('/l2/etc.conf', 'from l2\n');
  p.writeFile('/l1/etc.conf', 'from l1\n');
  p.mkdir('/l2/dir');
  p.writeFile('/l2/dir/low', 'low\n');
  p.mkdir('/l1/dir');
  p.writeFile('/l1/dir/high', 'high\n');
  p.writeFile('/l1/file', 'lower file\n');
  p.link('/l1/file', '/l1/file.hard');
  p.writeFile('/l2/single', 'single\n');
  p.mkdir('/l2/tree');
  p.writeFile('/l2/tree/leaf', 'leaf\n');
  p.mount('/m', 'overlay', 'lowerdir=/l1:/l2,upperdir=/u,workdir=/w');
  events = [];
  kernel.on((e) => events.push(e));
});

describe('lookup and readdir', () => {
  it('a file in a higher lower layer hides the same name below it', () => {
    expect(text(p.readFile('/m/etc.conf'))).toBe('from l1\n');
  });

  it('directories present in several layers merge their entries', () => {
    expect(
      p
        .readdir('/m/dir')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['high', 'low']);
  });

  it('a merged directory reports one link, as the kernel does', () => {
    expect(p.stat('/m/dir').nlink).toBe(1);
  });

  it('the layer directories stay visible on the host, untouched', () => {
    p.writeFile('/m/single', 'changed\n');
    expect(text(p.readFile('/l2/single'))).toBe('single\n');
    expect(text(p.readFile('/u/single'))).toBe('changed\n');
  });
});

describe('creating', () => {
  it('a new file lands in upper, with its parent directories copied up first', () => {
    p.writeFile('/m/tree/new', 'n\n');
    expect(p.lstat('/u/tree').type).toBe('dir');
    expect(text(p.readFile('/u/tree/new'))).toBe('n\n');
    expect(events.filter((e) => e.kind === 'copy-up').map((e) => (e as { merged: string }).merged)).toEqual([
      '/m/tree',
    ]);
  });

  it('mknod of a 0/0 character device through the overlay fails with EPERM', () => {
    expect(errno(() => p.mknod('/m/fake', S_IFCHR | 0o644, 0))).toBe('EPERM');
  });

  it('creating an existing name fails with EEXIST', () => {
    expect(errno(() => p.mkdir('/m/dir'))).toBe('EEXIST');
  });
});

describe('copy-up', () => {
  it('appending to a lower file copies it up through work/ and leaves the lower as it was', () => {
    p.writeFile('/m/single', 'more\n', { append: true });
    expect(text(p.readFile('/m/single'))).toBe('single\nmore\n');
    expect(text(p.readFile('/l2/single'))).toBe('single\n');
    const copy = events.find((e) => e.kind === 'copy-up');
    expect(copy).toMatchObject({
      kind: 'copy-up',
      merged: '/m/single',
      lower: '/l2/single',
      upper: '/u/single',
      via: 'tmpfile',
    });
  });

  it('chmod, chown, utimes and truncate each copy a lower file up', () => {
    p.chmod('/m/single', 0o600);
    p.chown('/m/etc.conf', 1000, 1000);
    p.utimes('/m/dir/low', 0, 0);
    p.truncate('/m/dir/high', 0);
    expect(['/u/single', '/u/etc.conf', '/u/dir/low', '/u/dir/high'].map((x) => p.lstat(x).type)).toEqual([
      'file',
      'file',
      'file',
      'file',
    ]);
    expect(p.lstat('/u/single').mode & 0o777).toBe(0o600);
  });

  it('opening a lower file to read does not copy it up', () => {
    p.readFile('/m/single');
    p.open('/m/single', { write: false });
    expect(p.exists('/u/single')).toBe(false);
  });

  it('a directory copied up keeps an origin xattr and marks its parent impure', () => {
    p.writeFile('/m/tree/x', '');
    expect(p.listxattr('/u/tree', false)).toContain('trusted.overlay.origin');
    expect(text(p.getxattr('/u', 'trusted.overlay.impure', false))).toBe('y');
  });

  it("a copied-up directory keeps its lower mtime, and the copy-up leaves its parent's mtime alone", () => {
    const old = 1_000_000_000_000;
    for (const d of ['/l2/tree', '/l2/tree/leaf']) p.utimes(d, old, old, false);
    p.utimes('/u', old + 5000, old + 5000, false);
    p.chmod('/m/tree/leaf', 0o600); // copies up /tree (into /u) and then leaf (into /u/tree)
    expect(p.lstat('/u/tree').mtimeMs).toBe(old);
    expect(p.lstat('/u/tree/leaf').mtimeMs).toBe(old);
    expect(p.lstat('/u').mtimeMs).toBe(old + 5000);
    expect(p.lstat('/u').ctimeMs).toBeGreaterThan(old + 5000);
    p.writeFile('/m/tree/new', 'x'); // a new entry changes the directory's mtime as usual
    expect(p.lstat('/u/tree').mtimeMs).toBeGreaterThan(old);
  });

  it('a copy-up passes through the work directory: work/work is left holding nothing', () => {
    p.writeFile('/m/dir/low', 'x', { append: true });
    expect(p.readdir('/w/work')).toEqual([]);
    expect(events.find((e) => e.kind === 'copy-up' && e.type === 'dir')).toMatchObject({
      staged: expect.stringMatching(/^\/w\/work\/#[0-9a-f]+$/),
      via: 'workdir',
    });
  });
});

describe('inode numbers', () => {
  it('through merged a copied-up file keeps its inode number; in upper it has a new one', () => {
    const before = p.stat('/m/single').ino;
    p.writeFile('/m/single', '123\n', { append: true });
    expect(p.stat('/m/single').ino).toBe(before);
    expect(p.stat('/u/single').ino).not.toBe(before);
    expect(p.stat('/l2/single').ino).toBe(before);
  });

  it('a file replaced by rename (as vim and sed -i do) has a new inode everywhere', () => {
    const before = p.stat('/m/single').ino;
    p.writeFile('/m/.single.swp', 'edited\n');
    p.rename('/m/.single.swp', '/m/single');
    expect(p.stat('/m/single').ino).not.toBe(before);
    expect(p.stat('/m/single').ino).toBe(p.stat('/u/single').ino);
  });

  it('copy-up breaks a hard link: the other name still shows the lower file', () => {
    p.writeFile('/m/file', 'changed\n');
    expect(text(p.readFile('/m/file.hard'))).toBe('lower file\n');
    expect(p.stat('/m/file').ino).not.toBe(p.stat('/m/file.hard').ino);
    expect(p.listxattr('/u/file', false)).not.toContain('trusted.overlay.origin');
  });
});

describe('deleting', () => {
  it('deleting a lower file leaves a 0/0 whiteout in upper', () => {
    p.unlink('/m/single');
    const wo = p.lstat('/u/single');
    expect([wo.type, wo.rdev, wo.mode & 0o7777]).toEqual(['chr', makedev(0, 0), 0]);
    expect(p.exists('/m/single')).toBe(false);
    expect(p.readdir('/m').map((e) => e.name)).not.toContain('single');
  });

  it('every whiteout of a mount is a hard link of one shared whiteout kept in work/work', () => {
    p.unlink('/m/single');
    p.unlink('/m/etc.conf');
    expect(p.lstat('/u/single').nlink).toBe(3);
    expect(p.lstat('/u/single').ino).toBe(p.lstat('/u/etc.conf').ino);
    expect(p.readdir('/w/work').map((e) => e.type)).toEqual(['chr']);
  });

  it('deleting a file that exists only in upper removes it without a whiteout', () => {
    p.writeFile('/m/fresh', 'x');
    p.unlink('/m/fresh');
    expect(p.exists('/u/fresh')).toBe(false);
  });

  it('removing a lower directory needs it empty, then leaves a whiteout', () => {
    expect(errno(() => p.rmdir('/m/tree'))).toBe('ENOTEMPTY');
    p.unlink('/m/tree/leaf');
    p.rmdir('/m/tree');
    expect(p.lstat('/u/tree').type).toBe('chr');
  });

  it('unlink of a directory fails with EISDIR, rmdir of a file with ENOTDIR', () => {
    expect(errno(() => p.unlink('/m/dir'))).toBe('EISDIR');
    expect(errno(() => p.rmdir('/m/single'))).toBe('ENOTDIR');
  });
});

describe('opaque directories', () => {
  it('mkdir over a whiteout makes an opaque directory that hides the lower contents', () => {
    p.unlink('/m/tree/leaf');
    p.rmdir('/m/tree');
    p.mkdir('/m/tree');
    expect(text(p.getxattr('/u/tree', 'trusted.overlay.opaque', false))).toBe('y');
    expect(p.readdir('/m/tree')).toEqual([]);
    expect(events.some((e) => e.kind === 'opaque')).toBe(true);
  });

  it('the opaque xattr is hidden from readers of the merged view', () => {
    p.unlink('/m/tree/leaf');
    p.rmdir('/m/tree');
    p.mkdir('/m/tree');
    expect(p.listxattr('/m/tree')).toEqual([]);
    // What reading it by name gives depends on the release: kernel-release.test.ts.
  });
});

describe('rename', () => {
  it('renaming a lower file copies it up, moves it, and whites out the old name', () => {
    p.rename('/m/single', '/m/moved');
    expect(text(p.readFile('/m/moved'))).toBe('single\n');
    expect(p.lstat('/u/single').type).toBe('chr');
    expect(p.exists('/m/single')).toBe(false);
  });

  it('renaming a directory that exists in a lower layer fails with EXDEV', () => {
    expect(errno(() => p.rename('/m/dir', '/m/dir2'))).toBe('EXDEV');
    expect(errno(() => p.rename('/m/tree', '/m/tree2'))).toBe('EXDEV');
  });

  it('a directory created in upper can be renamed', () => {
    p.mkdir('/m/newdir');
    p.rename('/m/newdir', '/m/newdir2');
    expect(p.stat('/m/newdir2').type).toBe('dir');
  });

  it('two lower hard links show one inode number but are two inodes: renaming one onto the other is a real rename', () => {
    expect(p.stat('/m/file').ino).toBe(p.stat('/m/file.hard').ino);
    p.rename('/m/file', '/m/file.hard');
    expect(p.exists('/m/file')).toBe(false);
    expect(p.lstat('/u/file').type).toBe('chr');
    expect(text(p.readFile('/m/file.hard'))).toBe('lower file\n');
  });

  it('renaming a name onto another name of the same upper inode does nothing', () => {
    p.writeFile('/m/x', 'x');
    p.link('/m/x', '/m/y');
    p.rename('/m/x', '/m/y');
    expect([p.exists('/m/x'), p.exists('/m/y')]).toEqual([true, true]);
  });

  it('renaming across mounts fails with EXDEV', () => {
    p.mkdir('/tmp');
    p.writeFile('/tmp/x', 'x');
    expect(errno(() => p.rename('/tmp/x', '/m/x'))).toBe('EXDEV');
  });
});

describe('rename with redirect_dir=on', () => {
  const redirectOf = (path: string): string | undefined =>
    p.listxattr(path, false).includes('trusted.overlay.redirect')
      ? text(p.getxattr(path, 'trusted.overlay.redirect', false))
      : undefined;
  beforeEach(() => {
    p.umount('/m');
    for (const d of ['/u2', '/w2']) p.mkdir(d);
    p.mount('/m', 'overlay', 'lowerdir=/l1:/l2,upperdir=/u2,workdir=/w2,redirect_dir=on');
  });

  it('shows redirect_dir=on; off is the default and not shown; a bad value is EINVAL', () => {
    expect(kernel.mounts().at(-1)?.options).toBe(
      'rw,relatime,lowerdir=/l1:/l2,upperdir=/u2,workdir=/w2,redirect_dir=on',
    );
    p.mkdir('/m3');
    p.mount('/m3', 'overlay', 'lowerdir=/l1,upperdir=/u,workdir=/w,redirect_dir=off');
    expect(kernel.mounts().at(-1)?.options).toBe('rw,relatime,lowerdir=/l1,upperdir=/u,workdir=/w');
    expect(errno(() => p.mount('/m', 'overlay', 'lowerdir=/l1,upperdir=/u,workdir=/w,redirect_dir=yes'))).toBe(
      'EINVAL',
    );
  });

  it('moves a merged lower directory: the dir alone is copied up with a redirect, the old name whited out', () => {
    p.rename('/m/dir', '/m/dir2');
    expect(redirectOf('/u2/dir2')).toBe('dir');
    expect(p.lstat('/u2/dir').type).toBe('chr');
    expect(p.readdir('/u2/dir2')).toEqual([]);
    expect(
      p
        .readdir('/m/dir2')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['high', 'low']);
    expect(text(p.readFile('/m/dir2/low'))).toBe('low\n');
    expect(p.exists('/m/dir')).toBe(false);
  });

  it('a move to another directory leaves an absolute redirect, kept by later moves', () => {
    p.mkdir('/m/sub');
    p.rename('/m/tree', '/m/sub/t');
    expect(redirectOf('/u2/sub/t')).toBe('/tree');
    p.rename('/m/sub/t', '/m/t2');
    expect(redirectOf('/u2/t2')).toBe('/tree');
    expect(text(p.readFile('/m/t2/leaf'))).toBe('leaf\n');
  });

  it('a new directory in a merged one is opaque at once; removing a moved one leaves no whiteout for it', () => {
    p.mkdir('/m/dir/fresh');
    expect(p.listxattr('/u2/dir/fresh', false)).toContain('trusted.overlay.opaque');
    p.rename('/m/tree', '/m/t2');
    p.unlink('/m/t2/leaf');
    p.rmdir('/m/t2');
    expect(p.exists('/u2/t2')).toBe(false);
    expect(p.lstat('/u2/tree').type).toBe('chr');
  });

  it('a mount without redirect_dir=on follows the redirects but refuses to move the directory again', () => {
    p.rename('/m/dir', '/m/dir2');
    p.umount('/m');
    p.mount('/m', 'overlay', 'lowerdir=/l1:/l2,upperdir=/u2,workdir=/w2');
    expect(
      p
        .readdir('/m/dir2')
        .map((e) => e.name)
        .sort(),
    ).toEqual(['high', 'low']);
    expect(errno(() => p.rename('/m/dir2', '/m/dir3'))).toBe('EXDEV');
  });
});

describe('paths', () => {
  it('a missing parent gives ENOENT and a file used as a directory ENOTDIR', () => {
    expect(errno(() => p.writeFile('/m/nope/x', ''))).toBe('ENOENT');
    expect(errno(() => p.writeFile('/m/single/x', ''))).toBe('ENOTDIR');
  });

  it('a process whose root is the merged directory sees it as /', () => {
    const inside = kernel.proc({ root: '/m' });
    expect(text(inside.readFile('/single'))).toBe('single\n');
    inside.chdir('/dir');
    expect(inside.getcwd()).toBe('/dir');
    expect(inside.realpath('../..')).toBe('/');
  });

  it('absolute symlinks inside a container resolve against its root', () => {
    const inside = kernel.proc({ root: '/m' });
    inside.symlink('/dir/high', '/link');
    expect(text(inside.readFile('/link'))).toBe('high\n');
  });

  it('a symlink loop fails with ELOOP', () => {
    p.symlink('/loop2', '/loop1');
    p.symlink('/loop1', '/loop2');
    expect(errno(() => p.readFile('/loop1'))).toBe('ELOOP');
  });
});

describe('mounts', () => {
  it('lists the overlay with the option string the kernel shows', () => {
    expect(kernel.mounts().at(-1)).toMatchObject({
      target: '/m',
      fstype: 'overlay',
      // Linux 5.15 adds nothing of its own here; what 6.5+ adds: kernel-release.test.ts.
      options: 'rw,relatime,lowerdir=/l1:/l2,upperdir=/u,workdir=/w',
    });
  });

  it('after umount the merged directory is an empty directory again and upper keeps the changes', () => {
    p.writeFile('/m/new', 'kept\n');
    p.umount('/m');
    expect(p.readdir('/m')).toEqual([]);
    expect(text(p.readFile('/u/new'))).toBe('kept\n');
  });

  it('mounting again empties work/work, as the kernel does', () => {
    p.unlink('/m/single');
    p.umount('/m');
    expect(p.readdir('/w/work').length).toBe(1);
    p.mount('/m', 'overlay', 'lowerdir=/l1:/l2,upperdir=/u,workdir=/w');
    expect(p.readdir('/w/work')).toEqual([]);
    expect(p.lstat('/u/single').nlink).toBe(1);
  });
});

describe('chown(2) and user.* attributes, on the host disk and through the overlay', () => {
  it('chown drops set-user-ID, and set-group-ID where the group may execute, from all but directories', () => {
    p.writeFile('/su', 'x');
    p.chmod('/su', 0o4755);
    p.writeFile('/sg', 'x');
    p.chmod('/sg', 0o2755);
    p.writeFile('/sg-noexec', 'x');
    p.chmod('/sg-noexec', 0o2745);
    p.mkdir('/d');
    p.chmod('/d', 0o6755);
    for (const f of ['/su', '/sg', '/sg-noexec', '/d']) p.chown(f, 0, 0);
    expect(['/su', '/sg', '/sg-noexec', '/d'].map((f) => (p.stat(f).mode & 0o7777).toString(8))).toEqual([
      '755',
      '755',
      '2745',
      '6755',
    ]);
    // A copy-up keeps the bits (the filesystem sets the owner, not chown(2)); chown through the
    // overlay then drops them on the upper copy only.
    p.chmod('/l1/file', 0o4755);
    p.writeFile('/m/file', 'appended', { append: true });
    expect((p.stat('/u/file').mode & 0o7777).toString(8)).toBe('4755');
    p.chown('/m/file', 0, 0);
    expect((p.stat('/u/file').mode & 0o7777).toString(8)).toBe('755');
    expect((p.stat('/l1/file').mode & 0o7777).toString(8)).toBe('4755');
  });

  it('keeps user.* attributes to regular files and directories: EPERM to set, none to read, no copy-up', () => {
    p.mknod('/dev-null', S_IFCHR | 0o666, makedev(1, 3));
    expect(errno(() => p.setxattr('/dev-null', 'user.x', '1'))).toBe('EPERM');
    expect(errno(() => p.getxattr('/dev-null', 'user.x'))).toBe('ENODATA');
    expect(errno(() => p.removexattr('/dev-null', 'user.x'))).toBe('EPERM');
    p.setxattr('/dev-null', 'trusted.x', '1');
    expect(text(p.getxattr('/dev-null', 'trusted.x'))).toBe('1');
    p.mknod('/l1/tty', S_IFCHR | 0o666, makedev(5, 0));
    expect(errno(() => p.setxattr('/m/tty', 'user.x', '1'))).toBe('EPERM');
    expect(p.exists('/u/tty')).toBe(false);
  });
});

describe('st_blocks of upper entries on ext4', () => {
  it('a copied-up directory takes a block for its origin and impure xattrs; a copied-up file does not', () => {
    p.writeFile('/m/tree/leaf', 'changed\n');
    p.mkdir('/m/tree/new');
    expect(p.lstat('/u/tree').blocks).toBe(16); // origin + impure: 108 bytes, over the inode's 96
    expect(p.lstat('/u/tree/new').blocks).toBe(8); // made in upper: no xattrs
    expect(p.lstat('/u/tree/leaf').blocks).toBe(8); // its origin alone fits in the inode
    p.setxattr('/l1/file', 'user.a', new TextEncoder().encode('x'));
    expect(p.lstat('/l1/file').blocks).toBe(8);
    p.setxattr('/l1/file', 'user.long', new TextEncoder().encode('y'.repeat(80)));
    expect(p.lstat('/l1/file').blocks).toBe(16);
  });
});

describe('an overlay of lowerdirs only (no upperdir): read-only', () => {
  // Checked against a real mount (kernel 6.18): mount -t overlay overlay -o lowerdir=A:B DIR.
  beforeEach(() => {
    p.mkdir('/ro');
    p.mknod('/u/etc.conf', S_IFCHR, 0); // a whiteout in the upper dir, which becomes a lower below
    p.mkdir('/u/dir');
    p.setxattr('/u/dir', 'trusted.overlay.opaque', 'y');
    p.writeFile('/u/dir/only', 'only\n');
  });

  it('mounts ro and ignores workdir', () => {
    p.mount('/ro', 'overlay', 'lowerdir=/l1:/l2,workdir=/w2');
    expect(kernel.mounts().at(-1)?.options).toBe('ro,relatime,lowerdir=/l1:/l2');
    expect(p.exists('/w2')).toBe(false);
  });

  it('needs two lowerdirs at least, and an upperdir needs a workdir', () => {
    expect(errno(() => p.mount('/ro', 'overlay', 'lowerdir=/l1'))).toBe('EINVAL');
    expect(errno(() => p.mount('/ro', 'overlay', 'lowerdir=/l1:/l2,upperdir=/u'))).toBe('EINVAL');
    expect(kernel.isMountpoint('/ro')).toBe(false);
  });

  it('honours whiteouts and opaque directories in its lowers: an upper dir mounted as the top lower', () => {
    p.umount('/m');
    p.mount('/ro', 'overlay', 'lowerdir=/u:/l1:/l2');
    expect(p.exists('/ro/etc.conf')).toBe(false);
    expect(p.readdir('/ro/dir').map((e) => e.name)).toEqual(['only']);
    expect(text(p.readFile('/ro/single'))).toBe('single\n');
  });

  it('refuses every change with EROFS after the errors that come first (ENOENT, EEXIST, EISDIR)', () => {
    p.umount('/m');
    p.mount('/ro', 'overlay', 'lowerdir=/u:/l1:/l2');
    const before = p.readdir('/u').map((e) => e.name);
    expect(errno(() => p.writeFile('/ro/single', 'x', { append: true }))).toBe('EROFS');
    expect(errno(() => p.writeFile('/ro/new', 'x'))).toBe('EROFS');
    expect(errno(() => p.writeFile('/ro/dir', 'x'))).toBe('EISDIR');
    expect(errno(() => p.mkdir('/ro/dir'))).toBe('EEXIST');
    expect(errno(() => p.mkdir('/ro/newdir'))).toBe('EROFS');
    expect(errno(() => p.unlink('/ro/single'))).toBe('EROFS');
    expect(errno(() => p.unlink('/ro/nothere'))).toBe('ENOENT');
    expect(errno(() => p.chmod('/ro/single', 0o600))).toBe('EROFS');
    expect(errno(() => p.rename('/ro/single', '/ro/s2'))).toBe('EROFS');
    expect(errno(() => p.symlink('x', '/ro/link'))).toBe('EROFS');
    expect(p.readdir('/u').map((e) => e.name)).toEqual(before);
    expect(text(p.readFile('/l2/single'))).toBe('single\n');
  });

  it('takes its upper and work from a tmpfs, not from another overlay', () => {
    p.umount('/m');
    for (const d of ['/t', '/ov']) p.mkdir(d);
    p.mount('/t', 'tmpfs', 'size=1m', 'tmpfs');
    expect(kernel.mounts().at(-1)?.options).toBe('rw,relatime,size=1024k');
    expect(p.lstat('/t').mode & 0o7777).toBe(0o1777);
    for (const d of ['/t/u', '/t/w']) p.mkdir(d);
    p.mount('/ov', 'overlay', 'lowerdir=/l1:/l2,upperdir=/t/u,workdir=/t/w');
    p.writeFile('/ov/single', 'more\n', { append: true });
    expect(text(p.readFile('/t/u/single'))).toBe('single\nmore\n');
    expect(p.lstat('/t/u').dev).not.toBe(p.lstat('/l1').dev);
    p.mkdir('/ov/u3');
    p.mkdir('/ov/w3');
    expect(errno(() => p.mount('/m', 'overlay', 'lowerdir=/l1,upperdir=/ov/u3,workdir=/ov/w3'))).toBe('EINVAL');
    expect(errno(() => p.mount('/m', 'overlay', 'lowerdir=/l1,upperdir=/t/u,workdir=/w'))).toBe('EINVAL');
    expect(errno(() => p.mount('/m', 'tmpfs', 'size=lots'))).toBe('EINVAL');
    // The overlay keeps the tmpfs alive after its umount; its files go when the last user does.
    p.umount('/t');
    expect(text(p.readFile('/ov/single'))).toBe('single\nmore\n');
    p.umount('/ov');
    p.mount('/t', 'tmpfs', '', 'tmpfs');
    expect(p.readdir('/t')).toEqual([]);
  });
});
