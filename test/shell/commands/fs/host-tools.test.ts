// findmnt, lsattr, stat -f and df against the real tools: each expected text below was printed by
// util-linux 2.38 findmnt, e2fsprogs 1.47 lsattr and GNU coreutils 9.1 stat/df on a real kernel
// overlay mount made the same way (LANG=C.UTF-8), the script run with `bash` as root.
import { describe, expect, it } from 'vitest';
import { utilLinuxSize } from '../../../../src/shell/commands/fs/findmnt.js';
import { makeShell } from '../../shell-harness.js';

const MOUNT =
  'mkdir -p /tmp/o/lower/d /tmp/o/upper /tmp/o/work /tmp/o/merged && echo hi > /tmp/o/lower/f && ' +
  'echo x > /tmp/o/lower/d/x && ln -s f /tmp/o/lower/s && mount -t overlay overlay ' +
  '-o lowerdir=/tmp/o/lower,upperdir=/tmp/o/upper,workdir=/tmp/o/work /tmp/o/merged && cd /tmp/o';

// The real tools ran on 6.18, which adds uuid=on for a new upper; the default host's 5.15 does not.
const OPTIONS = 'rw,relatime,lowerdir=/tmp/o/lower,upperdir=/tmp/o/upper,workdir=/tmp/o/work';

/** [line, what the real tools printed (stdout and stderr as a terminal shows them)] */
const REAL: [string, string][] = [
  ['findmnt -T merged/f', `TARGET        SOURCE  FSTYPE  OPTIONS\n/tmp/o/merged overlay overlay ${OPTIONS}\n`],
  [
    'findmnt -T /tmp/o/merged -o TARGET,SOURCE,FSTYPE,VFS-OPTIONS',
    'TARGET        SOURCE  FSTYPE  VFS-OPTIONS\n/tmp/o/merged overlay overlay rw,relatime\n',
  ],
  ['findmnt -t overlay -n -o TARGET', '/tmp/o/merged\n'],
  ['findmnt -t overlay -o SOURCE,TARGET -r', 'SOURCE TARGET\noverlay /tmp/o/merged\n'],
  ['findmnt /tmp/o; echo rc=$?', 'rc=1\n'],
  ['findmnt -o NOPE; echo rc=$?', 'findmnt: unknown column: NOPE\nrc=1\n'],
  [
    "stat -f -c '%n %T %t %l %s %S' merged merged/f lower",
    'merged overlayfs 794c7630 255 4096 4096\nmerged/f overlayfs 794c7630 255 4096 4096\nlower ext2/ext3 ef53 255 4096 4096\n',
  ],
  [
    'stat -f nope; echo rc=$?',
    "stat: cannot read file system information for 'nope': No such file or directory\nrc=1\n",
  ],
  ['rm merged/f', ''],
  ['lsattr merged/d/x lower/f', '--------------e------- merged/d/x\n--------------e------- lower/f\n'],
  ['lsattr -d merged', '--------------e------- merged\n'],
  ['lsattr -l lower/f', 'lower/f                      Extents\n'],
  ['lsattr merged/s; echo rc=$?', 'lsattr: Operation not supported While reading flags on merged/s\nrc=1\n'],
  ['lsattr upper/f; echo rc=$?', 'lsattr: Operation not supported While reading flags on upper/f\nrc=1\n'],
  ['lsattr nope; echo rc=$?', 'lsattr: No such file or directory while trying to stat nope\nrc=1\n'],
  [
    'df --output=source,fstype,target merged',
    'Filesystem     Type    Mounted on\noverlay        overlay /tmp/o/merged\n',
  ],
  [
    'df --output=nope; echo rc=$?',
    "df: option --output: field ‘nope’ unknown\nTry 'df --help' for more information.\nrc=1\n",
  ],
  [
    'df -i --output=source; echo rc=$?',
    "df: options -i and --output are mutually exclusive\nTry 'df --help' for more information.\nrc=1\n",
  ],
  [
    'df -T --output; echo rc=$?',
    "df: options -T and --output are mutually exclusive\nTry 'df --help' for more information.\nrc=1\n",
  ],
];

describe('host tools print what the real ones print on an overlay mount', () => {
  it.each(REAL)('%s', async (line, expected) => {
    const { run } = await makeShell();
    await run(MOUNT);
    if (line.startsWith('lsattr') || line.startsWith('df --output=source')) await run('rm merged/f');
    const r = await run(`{ ${line}; } 2>&1`);
    expect(r.out).toBe(expected);
  });

  it('lsattr -R lists a directory, then each subdirectory under a heading, as e2fsprogs does', async () => {
    const { run } = await makeShell();
    await run(MOUNT);
    const r = await run('lsattr -R merged/d; lsattr -a merged/d');
    expect(r.out).toBe(
      '--------------e------- merged/d/x\n' +
        '--------------e------- merged/d/.\n--------------e------- merged/d/x\n--------------e------- merged/d/..\n',
    );
    expect((await run('lsattr -R /tmp/o/lower')).out).toBe(
      '--------------e------- /tmp/o/lower/d\n\n/tmp/o/lower/d:\n--------------e------- /tmp/o/lower/d/x\n\n' +
        '--------------e------- /tmp/o/lower/f\n',
    );
    expect((await run('lsattr /proc/version /dev/null')).err).toBe(
      'lsattr: Operation not supported While reading flags on /proc/version\n' +
        'lsattr: Operation not supported While reading flags on /dev/null\n',
    );
  });
});

describe('findmnt over the simulated host', () => {
  it("draws the host's mount table as a tree, a container's overlay under /", async () => {
    const { run } = await makeShell();
    await run(MOUNT);
    const r = await run('findmnt');
    expect(r.out).toBe(
      [
        'TARGET                       SOURCE    FSTYPE   OPTIONS',
        '/                            /dev/vda1 ext4     rw,relatime',
        '├─/sys                       sysfs     sysfs    rw,nosuid,nodev,noexec,relatime',
        '│ └─/sys/fs/cgroup           tmpfs     tmpfs    ro,nosuid,nodev,noexec,mode=755,inode64',
        ...['cpu', 'cpuacct', 'cpuset', 'memory', 'devices', 'freezer', 'blkio', 'pids'].map(
          (c) => `│   ├─${`/sys/fs/cgroup/${c}`.padEnd(22)} cgroup    cgroup   rw,nosuid,nodev,noexec,relatime,${c}`,
        ),
        '│   ├─/sys/fs/cgroup/systemd cgroup    cgroup   rw,nosuid,nodev,noexec,relatime,xattr,name=systemd',
        '│   └─/sys/fs/cgroup/unified cgroup2   cgroup2  rw,nosuid,nodev,noexec,relatime,nsdelegate',
        '├─/proc                      proc      proc     rw,nosuid,nodev,noexec,relatime',
        '├─/dev                       udev      devtmpfs rw,nosuid,relatime,size=4018796k,nr_inodes=1004699,mode=755,inode64',
        `└─/tmp/o/merged              overlay   overlay  ${OPTIONS}`,
        '',
      ].join('\n'),
    );
  });

  it('numbers the mounts as /proc/self/mountinfo does and right-aligns MAJ:MIN as %3u:%-3u', async () => {
    const { run } = await makeShell();
    await run(MOUNT);
    const info =
      (await run('cat /proc/self/mountinfo')).out
        .split('\n')
        .find((l) => l.includes(' /tmp/o/merged '))
        ?.split(' ') ?? [];
    const r = await run('findmnt -n -t overlay -o ID,PARENT,MAJ:MIN,TARGET');
    expect(r.out).toBe(`${info[0]} ${info[1]}   ${info[2]}  /tmp/o/merged\n`);
  });

  it('tells a wrong column, a wrong option and a path that is no mountpoint apart', async () => {
    const { run } = await makeShell();
    expect(await run('findmnt --bogus')).toEqual({
      out: '',
      err: "findmnt: unrecognized option '--bogus'\nTry 'findmnt --help' for more information.\n",
      code: 1,
    });
    expect(await run('findmnt /etc')).toEqual({ out: '', err: '', code: 1 });
    // No overlay mounted: the tree is empty and findmnt succeeds; a list of nothing fails (2.38).
    expect(await run('findmnt -t overlay')).toEqual({ out: '', err: '', code: 0 });
    expect(await run('findmnt -l -t overlay')).toEqual({ out: '', err: '', code: 1 });
    expect((await run('findmnt -n -o TARGET /')).out).toBe('/\n');
    expect((await run('findmnt -t notmpfs,noproc,nodevtmpfs,nosysfs,nocgroup,nocgroup2 -n -o TARGET')).out).toBe('/\n');
  });

  it('sizes as util-linux prints them', () => {
    expect(utilLinuxSize(264212084 * 1024)).toBe('252G');
    expect(utilLinuxSize(36335024 * 1024)).toBe('34.7G');
    expect(utilLinuxSize(70055888 * 1024)).toBe('66.8G');
  });
});

describe('df as coreutils lays it out', () => {
  it('pads each column to coreutils minimum widths (Filesystem 14, numbers 5, Use% 4)', async () => {
    const { run } = await makeShell();
    const lines = (await run('df -h')).out.split('\n');
    expect(lines[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
    expect(lines[1]).toMatch(/^\/dev\/vda1 {6,}\d+G +[\d.]+G +\d+G +\d+% \/$/);
    expect(lines[1]?.indexOf('% /')).toBe(lines[0]?.indexOf('% Mounted'));
    expect((await run('df -hT /')).out.split('\n')[0]).toBe('Filesystem     Type  Size  Used Avail Use% Mounted on');
    expect((await run('df')).out.split('\n')[0]).toBe('Filesystem     1K-blocks    Used Available Use% Mounted on');
  });

  it('--output prints the fields asked for, in order, with the operand as File', async () => {
    const { run } = await makeShell();
    expect((await run('df --output=file,target,fstype /etc')).out).toBe('File Mounted on Type\n/etc /          ext4\n');
    expect((await run('df -h --output=size,pcent /')).out).toMatch(/^ Size Use%\n {2}29G +\d+%\n$/);
    expect((await run('df -t overlay; echo $?')).out).toBe('1\n');
    expect((await run('df -t overlay')).err).toBe('df: no file systems processed\n');
  });
});

describe('stat in the coreutils of the system it runs on', () => {
  it('prints the host (Ubuntu 22.04, coreutils 8.32) Device as hex/decimal', async () => {
    const { run } = await makeShell();
    expect((await run('stat /etc/passwd')).out.split('\n')[2]).toMatch(
      /^Device: fe00h\/65024d\tInode: \d{7} {5}Links: 1$/,
    );
    expect((await run('stat /dev/null')).out.split('\n')[2]).toMatch(
      /^Device: [0-9a-f]+h\/\d+d\tInode: \d+ +Links: 1 {5}Device type: 1,3$/,
    );
  });

  it('prints coreutils 9 (Device as major,minor) where os-release says Debian 12', async () => {
    const { run } = await makeShell();
    await run('rm /etc/os-release && printf \'ID=debian\\nVERSION_ID="12"\\n\' > /etc/os-release');
    expect((await run('stat /etc/passwd')).out.split('\n')[2]).toMatch(/^Device: 254,0\tInode: \d{7} {5}Links: 1$/);
  });
});

describe('findmnt options the tutor does not model', () => {
  it('are findmnt’s own, so they say "not simulated here" rather than "invalid option"', async () => {
    const { run } = await makeShell();
    for (const line of ['findmnt -p', 'findmnt --poll', 'findmnt -s']) {
      const r = await run(line);
      expect(r.err, line).toMatch(/^findmnt: -[ps]\/--(poll|fstab): not simulated here/);
      expect(r.code, line).toBe(1);
    }
    expect((await run('findmnt -Z')).err).toMatch(/^findmnt: invalid option -- 'Z'\n/);
    expect((await run('findmnt -n /')).out).toMatch(/^\/ +\S+ +ext4 /);
  });
});

describe('tmpfs and findmnt -J, -P, -D (util-linux 2.38 and the kernel on a real host)', () => {
  it('mounts a tmpfs that df, stat -f and findmnt show, and an overlay with its upper there', async () => {
    const { run } = await makeShell();
    await run('mkdir -p /tmp/t /tmp/l /tmp/m && echo hi > /tmp/l/f');
    expect((await run('mount -t tmpfs -o size=1M tmpfs /tmp/t')).code).toBe(0);
    expect((await run('grep /tmp/t /proc/mounts')).out).toBe('tmpfs /tmp/t tmpfs rw,relatime,size=1024k 0 0\n');
    expect((await run("stat -f -c '%T %S %b' /tmp/t")).out).toBe('tmpfs 4096 256\n');
    await run('mkdir /tmp/t/u /tmp/t/w');
    await run('mount -t overlay overlay -o lowerdir=/tmp/l,upperdir=/tmp/t/u,workdir=/tmp/t/w /tmp/m');
    await run('echo more >> /tmp/m/f');
    expect((await run('df /tmp/m')).out.split('\n')[1]).toBe('overlay             1024     4      1020   1% /tmp/m');
    expect((await run('findmnt -D /tmp/t')).out).toBe(
      'SOURCE FSTYPE SIZE USED AVAIL USE% TARGET\ntmpfs  tmpfs    1M   4K 1020K   0% /tmp/t\n',
    );
    const d = await run('findmnt -D -t overlay');
    expect([d.out, d.code]).toEqual(['', 1]);
    expect((await run('findmnt -P -o TARGET,USE%,FS-OPTIONS /tmp/t')).out).toBe(
      'TARGET="/tmp/t" USE%="0%" FS-OPTIONS="rw,size=1024k"\n',
    );
    expect((await run('findmnt -J -o TARGET,ID,USE% /tmp/t')).out).toMatch(
      /^\{\n {3}"filesystems": \[\n {6}\{\n {9}"target": "\/tmp\/t",\n {9}"id": \d+,\n {9}"use%": "0%"\n {6}\}\n {3}\]\n\}\n$/,
    );
    const bad = await run('mount -t tmpfs -o size=lots tmpfs /tmp/t');
    expect([bad.err.split(',')[0], bad.code]).toEqual(['mount: /tmp/t: wrong fs type', 32]);
    expect((await run('umount /tmp/t; cat /tmp/m/f')).out).toBe('hi\nmore\n');
  });

  it('nests a JSON tree under the picked parents, prints an empty one with status 0, refuses -J with -r', async () => {
    const { run } = await makeShell();
    await run('mkdir -p /tmp/a && mount -t tmpfs tmpfs /tmp/a && mkdir /tmp/a/b && mount -t tmpfs none /tmp/a/b');
    // The host's /sys/fs/cgroup is a tmpfs too (systemd's, on a cgroup v1 host).
    expect((await run('findmnt -J -t tmpfs -o TARGET')).out).toBe(
      [
        '{',
        '   "filesystems": [',
        '      {',
        '         "target": "/sys/fs/cgroup"',
        '      },{',
        '         "target": "/tmp/a",',
        '         "children": [',
        '            {',
        '               "target": "/tmp/a/b"',
        '            }',
        '         ]',
        '      }',
        '   ]',
        '}',
        '',
      ].join('\n'),
    );
    const empty = await run('findmnt -J -t xfs');
    expect([empty.out, empty.code]).toEqual(['{\n   "filesystems": [\n\n   ]\n}\n', 0]);
    const both = await run('findmnt -J -r');
    expect([both.err, both.code]).toEqual([
      'findmnt: mutually exclusive arguments: --json --pairs --raw --verify\n',
      1,
    ]);
    expect((await run('findmnt -P -t tmpfs -o TARGET')).out).toBe(
      'TARGET="/sys/fs/cgroup"\nTARGET="/tmp/a"\nTARGET="/tmp/a/b"\n',
    );
  });
});

describe('mv of a directory from a lower layer (EXDEV without redirect_dir)', () => {
  it('copies it and removes the old one as GNU mv does, -v naming each step; redirect_dir=on renames it', async () => {
    const { run } = await makeShell();
    await run('mkdir -p /tmp/r/l/d /tmp/r/u /tmp/r/w /tmp/r/m && echo x > /tmp/r/l/d/f');
    await run('mount -t overlay overlay -o lowerdir=/tmp/r/l,upperdir=/tmp/r/u,workdir=/tmp/r/w /tmp/r/m');
    expect((await run('cat /sys/module/overlay/parameters/redirect_dir')).out).toBe('N\n');
    expect((await run('mv -v /tmp/r/m/d /tmp/r/m/e')).out).toBe(
      [
        "created directory '/tmp/r/m/e'",
        "copied '/tmp/r/m/d/f' -> '/tmp/r/m/e/f'",
        "removed '/tmp/r/m/d/f'",
        "removed directory '/tmp/r/m/d'",
        '',
      ].join('\n'),
    );
    expect((await run("stat -c '%F' /tmp/r/u/d /tmp/r/u/e/f")).out).toBe('character special file\nregular file\n');
    await run('umount /tmp/r/m && rm -rf /tmp/r/u/* && mkdir /tmp/r/l/d2');
    await run(
      'mount -t overlay overlay -o lowerdir=/tmp/r/l,upperdir=/tmp/r/u,workdir=/tmp/r/w,redirect_dir=on /tmp/r/m',
    );
    expect((await run('mv -v /tmp/r/m/d2 /tmp/r/m/e2')).out).toBe("renamed '/tmp/r/m/d2' -> '/tmp/r/m/e2'\n");
    expect((await run('getfattr -n trusted.overlay.redirect --only-values /tmp/r/u/e2')).out).toBe('d2');
  });
});

describe('mount beyond a new overlay or tmpfs', () => {
  it('says a bind, move, remount or propagation change is not simulated, and changes nothing', async () => {
    const { run } = await makeShell();
    await run('mkdir -p /tmp/a /tmp/b; touch /tmp/a/f');
    for (const [line, what] of [
      ['mount --bind /tmp/a /tmp/b', '--bind'],
      ['mount -o bind,ro /tmp/a /tmp/b', '-o bind'],
      ['mount -B /tmp/a /tmp/b', '-B'],
      ['mount --rbind /tmp/a /tmp/b', '--rbind'],
      ['mount -o remount,ro /', '-o remount'],
      ['mount --make-private /', '--make-private'],
    ] as const) {
      const r = await run(`${line} 2>&1; echo $?`);
      expect(r.out).toBe(
        `mount: ${what}: not simulated here (this tutor's kernel mounts a new overlay or tmpfs); nothing was done\n1\n`,
      );
    }
    expect((await run('ls /tmp/b; grep -c /tmp/b /proc/mounts')).out).toBe('0\n');
    expect((await run('mount -t tmpfs none /tmp/b && echo mounted')).out).toBe('mounted\n');
  });
});
