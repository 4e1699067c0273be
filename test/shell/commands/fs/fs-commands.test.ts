// File commands against GNU coreutils 9.1, attr 2.5.1 and bash 5.2: every expected output in
// GNU_CAPTURED was printed by the real tools for the same setup and line (TZ=UTC, LANG=C.UTF-8).
import { describe, expect, it } from 'vitest';
import { columns } from '../../../../src/shell/commands/fs/ls.js';
import { lsDate } from '../../../../src/shell/commands/fs/format.js';
import { makeShell } from '../../shell-harness.js';

const SETUP =
  "rm -rf /tmp/gnu; mkdir -p /tmp/gnu && cd /tmp/gnu && mkdir -p d/sub e && echo hello > f && printf 'x%.0s' {1..5000} > big && echo a > d/sub/deep && ln -s f l && ln -s nowhere dangling && ln f hard && touch .hidden && chmod 755 d/sub/deep && touch -d '2020-01-01 10:00' f hard big d d/sub d/sub/deep e .hidden l dangling . 2>/dev/null; touch -h -d '2020-01-01 10:00' l dangling";

const GNU_CAPTURED: [string, string, string, number][] = [
  ['ls', 'big\nd\ndangling\ne\nf\nhard\nl\nnowhere\n', '', 0],
  ['ls -a', '.\n..\n.hidden\nbig\nd\ndangling\ne\nf\nhard\nl\nnowhere\n', '', 0],
  ['ls -A', '.hidden\nbig\nd\ndangling\ne\nf\nhard\nl\nnowhere\n', '', 0],
  [
    'ls -l',
    'total 24\n-rw-r--r-- 1 root root 5000 Jan  1  2020 big\ndrwxr-xr-x 3 root root 4096 Jan  1  2020 d\nlrwxrwxrwx 1 root root    7 Jan  1  2020 dangling -> nowhere\ndrwxr-xr-x 2 root root 4096 Jan  1  2020 e\n-rw-r--r-- 2 root root    6 Jan  1  2020 f\n-rw-r--r-- 2 root root    6 Jan  1  2020 hard\nlrwxrwxrwx 1 root root    1 Jan  1  2020 l -> f\n-rw-r--r-- 1 root root    0 Jan  1  2020 nowhere\n',
    '',
    0,
  ],
  [
    'ls -la d',
    'total 12\ndrwxr-xr-x 3 root root 4096 Jan  1  2020 .\ndrwxr-xr-x 4 root root 4096 Jan  1  2020 ..\ndrwxr-xr-x 2 root root 4096 Jan  1  2020 sub\n',
    '',
    0,
  ],
  [
    'ls -lh',
    'total 24K\n-rw-r--r-- 1 root root 4.9K Jan  1  2020 big\ndrwxr-xr-x 3 root root 4.0K Jan  1  2020 d\nlrwxrwxrwx 1 root root    7 Jan  1  2020 dangling -> nowhere\ndrwxr-xr-x 2 root root 4.0K Jan  1  2020 e\n-rw-r--r-- 2 root root    6 Jan  1  2020 f\n-rw-r--r-- 2 root root    6 Jan  1  2020 hard\nlrwxrwxrwx 1 root root    1 Jan  1  2020 l -> f\n-rw-r--r-- 1 root root    0 Jan  1  2020 nowhere\n',
    '',
    0,
  ],
  ['ls -1F', 'big\nd/\ndangling@\ne/\nf\nhard\nl@\nnowhere\n', '', 0],
  ['ls -d d', 'd\n', '', 0],
  ['ls -ld d', 'drwxr-xr-x 3 root root 4096 Jan  1  2020 d\n', '', 0],
  ['ls -R', '.:\nbig\nd\ndangling\ne\nf\nhard\nl\nnowhere\n\n./d:\nsub\n\n./d/sub:\ndeep\n\n./e:\n', '', 0],
  [
    'ls -lS',
    'total 24\n-rw-r--r-- 1 root root 5000 Jan  1  2020 big\ndrwxr-xr-x 3 root root 4096 Jan  1  2020 d\ndrwxr-xr-x 2 root root 4096 Jan  1  2020 e\nlrwxrwxrwx 1 root root    7 Jan  1  2020 dangling -> nowhere\n-rw-r--r-- 2 root root    6 Jan  1  2020 f\n-rw-r--r-- 2 root root    6 Jan  1  2020 hard\nlrwxrwxrwx 1 root root    1 Jan  1  2020 l -> f\n-rw-r--r-- 1 root root    0 Jan  1  2020 nowhere\n',
    '',
    0,
  ],
  [
    'ls -lr',
    'total 24\n-rw-r--r-- 1 root root    0 Jan  1  2020 nowhere\nlrwxrwxrwx 1 root root    1 Jan  1  2020 l -> f\n-rw-r--r-- 2 root root    6 Jan  1  2020 hard\n-rw-r--r-- 2 root root    6 Jan  1  2020 f\ndrwxr-xr-x 2 root root 4096 Jan  1  2020 e\nlrwxrwxrwx 1 root root    7 Jan  1  2020 dangling -> nowhere\ndrwxr-xr-x 3 root root 4096 Jan  1  2020 d\n-rw-r--r-- 1 root root 5000 Jan  1  2020 big\n',
    '',
    0,
  ],
  [
    'ls -l l dangling',
    'lrwxrwxrwx 1 root root 7 Jan  1  2020 dangling -> nowhere\nlrwxrwxrwx 1 root root 1 Jan  1  2020 l -> f\n',
    '',
    0,
  ],
  ['ls nope f', 'f\n', "ls: cannot access 'nope': No such file or directory\n", 2],
  ['ls -l d/sub/deep', '-rwxr-xr-x 1 root root 2 Jan  1  2020 d/sub/deep\n', '', 0],
  ['cat f f', 'hello\nhello\n', '', 0],
  [
    'cat -n f big',
    '     1\thello\n     2\txxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    '',
    0,
  ],
  ['cat nope', '', 'cat: nope: No such file or directory\n', 1],
  ['cat d', '', 'cat: d: Is a directory\n', 1],
  [
    'stat -c "%n %s %h %a %A %F %U %G %t %T" f d l dangling',
    'f 6 2 644 -rw-r--r-- regular file root root 0 0\nd 4096 3 755 drwxr-xr-x directory root root 0 0\nl 1 1 777 lrwxrwxrwx symbolic link root root 0 0\ndangling 7 1 777 lrwxrwxrwx symbolic link root root 0 0\n',
    '',
    0,
  ],
  ['stat nope', '', "stat: cannot statx 'nope': No such file or directory\n", 1],
  ['stat -c %N l', "'l' -> 'f'\n", '', 0],
  ['mkdir d', '', 'mkdir: cannot create directory ‘d’: File exists\n', 1],
  ['mkdir -p d/sub/x && ls d/sub', 'deep\nx\n', '', 0],
  ['mkdir a/b', '', 'mkdir: cannot create directory ‘a/b’: No such file or directory\n', 1],
  ['rmdir d', '', "rmdir: failed to remove 'd': Directory not empty\n", 1],
  ['rmdir nope', '', "rmdir: failed to remove 'nope': No such file or directory\n", 1],
  ['rm d', '', "rm: cannot remove 'd': Is a directory\n", 1],
  ['rm nope', '', "rm: cannot remove 'nope': No such file or directory\n", 1],
  ['rm -f nope; echo $?', '0\n', '', 0],
  ['rm -r d && ls', 'big\ndangling\ne\nf\nhard\nl\nnowhere\n', '', 0],
  ['rm -rf e; ls', 'big\nd\ndangling\nf\nhard\nl\nnowhere\n', '', 0],
  ['mv f g && ls', 'big\nd\ndangling\ne\ng\nhard\nl\nnowhere\n', '', 0],
  ['mv nope x', '', "mv: cannot stat 'nope': No such file or directory\n", 1],
  ['mv d e && ls e', 'd\n', '', 0],
  ['cp f d && ls d', 'f\nsub\n', '', 0],
  ['cp d x', '', "cp: -r not specified; omitting directory 'd'\n", 1],
  ['cp -r d x && ls -R x', 'x:\nsub\n\nx/sub:\ndeep\n', '', 0],
  ['cp nope x', '', "cp: cannot stat 'nope': No such file or directory\n", 1],
  ['ln -s f l', '', "ln: failed to create symbolic link 'l': File exists\n", 1],
  ['ln f hard', '', "ln: failed to create hard link 'hard': File exists\n", 1],
  ['ln -s /tmp/gnu/f abs && readlink abs', '/tmp/gnu/f\n', '', 0],
  ['readlink l; readlink f; echo $?', 'f\n1\n', '', 0],
  ['readlink -f l', '/tmp/gnu/f\n', '', 0],
  ['readlink -f nope/x; echo $?', '1\n', '', 0],
  ['realpath l d/../f', '/tmp/gnu/f\n/tmp/gnu/f\n', '', 0],
  ['realpath nope', '/tmp/gnu/nope\n', '', 0],
  ['find d', 'd\nd/sub\nd/sub/deep\n', '', 0],
  ['find nope', '', 'find: ‘nope’: No such file or directory\n', 1],
  ['find . -name deep -exec cat {} \\;', 'a\n', '', 0],
  ['find d -type f -exec ls {} +', 'd/sub/deep\n', '', 0],
  ['find . -mindepth 2 -type f', './d/sub/deep\n', '', 0],
  ['find . -bogus', '', "find: unknown predicate `-bogus'\n", 1],
  ['du -s d', '12\td\n', '', 0],
  ['du d', '8\td/sub\n12\td\n', '', 0],
  ['du -a d', '4\td/sub/deep\n8\td/sub\n12\td\n', '', 0],
  ['du -sh big', '8.0K\tbig\n', '', 0],
  ['touch nope/x', '', "touch: cannot touch 'nope/x': No such file or directory\n", 1],
  ['touch new && ls new', 'new\n', '', 0],
  ['getfattr -d f', '', '', 0],
  ['setfattr -n user.k -v val f && getfattr -d f', '# file: f\nuser.k="val"\n\n', '', 0],
  ['setfattr -n user.k -v val f && getfattr -n user.k -e hex f', '# file: f\nuser.k=0x76616c\n\n', '', 0],
  ['getfattr -n user.none f', '', 'f: user.none: No such attribute\n', 1],
  [
    'setfattr -n user.k -v 1 d/sub && setfattr -n user.k -v 2 d/sub/deep && getfattr -R -d d',
    '# file: d/sub\nuser.k="1"\n\n# file: d/sub/deep\nuser.k="2"\n\n',
    '',
    0,
  ],
  // attr's well_enough_printable: more than an eighth of the bytes not isprint() (bytes from 0x80
  // too) is base64; text writes a tab as it is.
  ['setfattr -n user.b -v 0x4c7ab36f7937 f && getfattr -d f', '# file: f\nuser.b=0sTHqzb3k3\n\n', '', 0],
  ['setfattr -n user.t -v 0x616263646566676809 f && getfattr -d f', '# file: f\nuser.t="abcdefgh\t"\n\n', '', 0],
  ['setfattr -n user.n -v 0x61620a f && getfattr -d f', '# file: f\nuser.n=0sYWIK\n\n', '', 0],
  ['setfattr -n user.z -v 0x616263646566676800 f && getfattr -d -e text f', '# file: f\nuser.z="abcdefgh"\n\n', '', 0],
  ['setfattr -x user.none f', '', 'setfattr: f: No such attribute\n', 1],
  [
    'setfattr -n user.q -v "a\\"b" f && getfattr -d --absolute-names /tmp/gnu/f',
    '# file: /tmp/gnu/f\nuser.q="a\\"b"\n\n',
    '',
    0,
  ],
  ['getfattr -d /tmp/gnu/f', '', '', 0],
  ['echo hi > /dev/null; cat /dev/null; echo $?', '0\n', '', 0],
  ['id; whoami', 'uid=0(root) gid=0(root) groups=0(root)\nroot\n', '', 0],
  ['date -d @0 +"%Y-%m-%d %H:%M:%S %a %b %e %j"', '1970-01-01 00:00:00 Thu Jan  1 001\n', '', 0],
  ['date -d @86400', 'Fri Jan  2 00:00:00 UTC 1970\n', '', 0],
  ['uname -s; uname -sr >/dev/null', 'Linux\n', '', 0],
  ['env -i A=1 B=2', 'A=1\nB=2\n', '', 0],
  ['which ls cat; which nope; echo $?', '/usr/bin/ls\n/usr/bin/cat\n1\n', '', 0],
];

describe('file commands print what GNU prints', () => {
  it.each(GNU_CAPTURED)('%s', async (line, out, err, code) => {
    const { run } = await makeShell();
    const r = await run(`${SETUP}; cd /tmp/gnu; ${line}`);
    expect({ out: r.out, err: r.err, code: r.code }).toEqual({ out, err, code });
  });
});

describe('ls layout', () => {
  const greek =
    'alpha beta chi delta epsilon eta gamma iota kappa lambda mu nu omega-with-a-long-name omicron phi pi psi rho sigma tau theta upsilon xi zeta'.split(
      ' ',
    );
  it('fills columns top to bottom and pads with tabs as GNU ls -C does (captured at 80 columns)', () => {
    expect(columns(greek, 80)).toBe(
      'alpha  delta\tgamma  lambda  omega-with-a-long-name  pi   sigma  upsilon\n' +
        'beta   epsilon\tiota   mu      omicron\t\t       psi  tau    xi\n' +
        'chi    eta\tkappa  nu      phi\t\t       rho  theta  zeta\n',
    );
  });
  it('uses columns only when stdout is a terminal', async () => {
    const { run } = await makeShell();
    await run('mkdir /c && cd /c && touch a b c');
    expect((await run('ls', { terminal: true })).out).toBe('a  b  c\n');
    expect((await run('ls')).out).toBe('a\nb\nc\n');
  });
  it('shows the time for recent files and the year past six months', () => {
    const now = Date.UTC(2024, 10, 23, 23, 16);
    expect(lsDate(Date.UTC(2024, 10, 23, 23, 16), now)).toBe('Nov 23 23:16');
    expect(lsDate(Date.UTC(2024, 0, 5, 1, 2), now)).toBe('Jan  5  2024');
    expect(lsDate(Date.UTC(2025, 0, 5, 1, 2), now)).toBe('Jan  5  2025');
  });
});

describe('overlay mounts through the shell', () => {
  const MOUNT =
    'mkdir -p /o/lower/d /o/upper /o/work /o/merged && echo hi > /o/lower/f && echo x > /o/lower/d/x && mount -t overlay overlay -o lowerdir=/o/lower,upperdir=/o/upper,workdir=/o/work /o/merged';

  it('lists a whiteout as ls -l and stat show a 0/0 character device', async () => {
    const { run } = await makeShell();
    await run(MOUNT);
    await run('rm /o/merged/f');
    expect((await run('ls -l /o/upper')).out).toMatch(/^total 0\nc--------- \d+ root root 0, 0 Nov 23 23:16 f\n$/);
    expect((await run('stat -c "%n %F %t %T %a %A" /o/upper/f')).out).toBe(
      '/o/upper/f character special file 0 0 0 c---------\n',
    );
    expect((await run('stat /o/upper/f')).out).toMatch(
      /^ {2}File: \/o\/upper\/f\n {2}Size: 0 {9}\tBlocks: 0 {10}IO Block: 4096 {3}character special file\nDevice: [0-9a-f]+h\/\d+d\tInode: \d+ +Links: \d+ +Device type: 0,0\nAccess: \(0000\/c---------\)/,
    );
    expect((await run('ls /o/merged')).out).toBe('d\n');
  });

  it('mv of a lower directory falls back to copy + delete (EXDEV) and leaves a whiteout', async () => {
    const { run } = await makeShell();
    await run(MOUNT);
    const r = await run('cd /o/merged && mv d d2 && ls && cat d2/x');
    expect(r).toEqual({ out: 'd2\nf\nx\n', err: '', code: 0 });
    expect((await run('ls -l /o/upper | cut -c1-10')).out).toBe('total 4\nc---------\ndrwxr-xr-x\n');
  });

  it('shows an opaque directory xattr with getfattr', async () => {
    const { run } = await makeShell();
    await run(MOUNT);
    await run('rm -r /o/merged/d && mkdir /o/merged/d');
    const r = await run('getfattr -d -m - /o/upper/d');
    expect(r.out).toBe('# file: o/upper/d\ntrusted.overlay.opaque="y"\n\n');
    expect(r.err).toBe("getfattr: Removing leading '/' from absolute path names\n");
  });

  it('mounts lowerdirs alone read-only: the writes fail as coreutils and bash tell EROFS (real mount, 6.18)', async () => {
    const { run } = await makeShell();
    await run('mkdir -p /r/a /r/b /r/m && echo x > /r/b/f && cd /r');
    expect(await run('mount -t overlay overlay -o lowerdir=a m')).toEqual({
      out: '',
      err:
        'mount: /r/m: wrong fs type, bad option, bad superblock on overlay, missing codepage or helper program, ' +
        'or other error.\n',
      code: 32,
    });
    // 6.18 adds redirect_dir=on here; the default host's 5.15 nothing (kernel-release.test.ts).
    expect((await run('mount -t overlay overlay -o lowerdir=a:b m && findmnt -n -o OPTIONS /r/m')).out).toBe(
      'ro,relatime,lowerdir=a:b\n',
    );
    expect((await run('echo y >> m/f')).err).toBe('bash: m/f: Read-only file system\n');
    expect((await run('chmod 600 m/f')).err).toBe("chmod: changing permissions of 'm/f': Read-only file system\n");
    expect((await run('touch m/f')).err).toBe("touch: cannot touch 'm/f': Read-only file system\n");
    expect((await run('rm m/f')).err).toBe("rm: cannot remove 'm/f': Read-only file system\n");
    expect((await run('mkdir m/d')).err).toBe('mkdir: cannot create directory ‘m/d’: Read-only file system\n');
    expect((await run('cat m/f; ls b')).out).toBe('x\nf\n');
  });

  it('lists the source mount was given, and umount takes it (real mount and umount, util-linux 2.38)', async () => {
    const { run } = await makeShell();
    await run('mkdir -p /r/a /r/b /r/m && mount -t overlay none -o lowerdir=/r/a:/r/b /r/m');
    expect((await run('mount | grep /r/m')).out).toBe('none on /r/m type overlay (ro,relatime,lowerdir=/r/a:/r/b)\n');
    expect(await run('umount none')).toEqual({ out: '', err: '', code: 0 });
    expect(await run('umount /r/m')).toEqual({ out: '', err: 'umount: /r/m: not mounted.\n', code: 32 });
    expect((await run('umount nosuch')).err).toBe('umount: nosuch: no mount point specified.\n');
  });

  it('lists the mount in mount, /proc/mounts and df, and unmounts', async () => {
    const { run } = await makeShell();
    await run(MOUNT);
    expect((await run('mount | grep overlay')).out).toBe(
      'overlay on /o/merged type overlay (rw,relatime,lowerdir=/o/lower,upperdir=/o/upper,workdir=/o/work)\n',
    );
    expect((await run('grep overlay /proc/mounts')).out).toBe(
      'overlay /o/merged overlay rw,relatime,lowerdir=/o/lower,upperdir=/o/upper,workdir=/o/work 0 0\n',
    );
    // /, /sys with /sys/fs/cgroup and its 10 hierarchies, /proc, /dev and the overlay.
    expect((await run('cat /proc/self/mounts | wc -l')).out).toBe('16\n');
    expect((await run('df /o/merged | tail -1')).out).toMatch(/^overlay +\d+ +\d+ +\d+ +\d+% \/o\/merged\n$/);
    expect(await run('cd /o/merged && umount /o/merged')).toEqual({
      out: '',
      err: 'umount: /o/merged: target is busy.\n',
      code: 32,
    });
    await run('cd /');
    expect(await run('umount /o/merged; umount /o/merged')).toEqual({
      out: '',
      err: 'umount: /o/merged: not mounted.\n',
      code: 32,
    });
  });

  it('vim saves by writing a new file and renaming it: the inode changes', async () => {
    const { run } = await makeShell();
    await run(MOUNT);
    const before = (await run('stat -c %i /o/merged/f')).out;
    const r = await run("vim -c 's/hi/hello/' -c wq /o/merged/f");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^"\/o\/merged\/f" 1L, 6B written \(simulated vim: .*inode changes\)\n$/);
    expect((await run('cat /o/merged/f /o/upper/f')).out).toBe('hello\nhello\n');
    expect((await run('stat -c %i /o/merged/f')).out).not.toBe(before);
    expect((await run('ls -A /o/upper')).out).toBe('f\n');
  });

  it('refuses a bad mount as util-linux does', async () => {
    const { run } = await makeShell();
    expect(await run('mount -t overlay overlay -o lowerdir=/nope,upperdir=/tmp,workdir=/tmp /mnt')).toEqual({
      out: '',
      err: 'mount: /mnt: special device overlay does not exist.\n',
      code: 32,
    });
    expect((await run('mount -t overlay overlay -o lowerdir=/a /nowhere')).err).toBe(
      'mount: /nowhere: mount point does not exist.\n',
    );
  });
});

describe('tree, xfs_info, uname and /dev', () => {
  it('draws a tree with the tree package footer', async () => {
    const { run } = await makeShell();
    await run('mkdir -p /t/a/b && touch /t/a/b/f /t/g && ln -s g /t/l');
    expect((await run('tree /t')).out).toBe(
      '/t\n├── a\n│   └── b\n│       └── f\n├── g\n└── l -> g\n\n2 directories, 3 files\n',
    );
    expect((await run('tree -L 1 /t')).out).toBe('/t\n├── a\n├── g\n└── l -> g\n\n1 directory, 2 files\n');
  });
  it('answers xfs_info only for declared XFS mounts', async () => {
    const { run } = await makeShell({ xfsMounts: ['/var/lib/docker'] });
    expect((await run('xfs_info /var/lib/docker | grep ftype')).out).toBe(
      'naming   =version 2              bsize=4096   ascii-ci=0, ftype=1\n',
    );
    expect(await run('xfs_info /tmp')).toEqual({
      out: '',
      err: 'xfs_info: /tmp is not a mounted XFS filesystem\n',
      code: 1,
    });
  });
  it('reports the kernel release the host is given', async () => {
    const { run } = await makeShell({ machine: { release: '4.19.0-1-amd64', version: '#1 SMP' } });
    expect((await run('uname -sr')).out).toBe('Linux 4.19.0-1-amd64\n');
  });
  it('has /dev/null and /dev/zero', async () => {
    const { run } = await makeShell();
    expect((await run('ls -l /dev/null')).out).toBe('crw-rw-rw- 1 root root 1, 3 Nov 23 23:16 /dev/null\n');
    expect((await run('echo x > /dev/null; cat /dev/null | wc -c; head -c 4 /dev/zero | wc -c')).out).toBe('0\n4\n');
  });
});
