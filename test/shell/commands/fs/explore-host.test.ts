// What a learner types off the lesson path on the host (issue 15), against the real tools: each
// expected text was printed by GNU coreutils 9.1 and findutils 4.9.0 as root on a real kernel
// overlay mount made the same way (LANG=C.UTF-8); digits are masked where they are times.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../../shell-harness.js';

const MOUNT =
  'mkdir -p /tmp/o/lower/d /tmp/o/upper /tmp/o/work /tmp/o/merged && echo hi > /tmp/o/lower/f && ' +
  'echo x > /tmp/o/lower/d/x && ln -s f /tmp/o/lower/s && mount -t overlay overlay ' +
  '-o lowerdir=/tmp/o/lower,upperdir=/tmp/o/upper,workdir=/tmp/o/work /tmp/o/merged && cd /tmp/o && ' +
  'echo more >> merged/d/x; ln merged/d/x merged/d/y; mkdir merged/n';

const TIME_STYLE_HELP =
  'ls: invalid argument ‘bogus’ for ‘time style’\nValid arguments are:\n  - [posix-]full-iso\n  - [posix-]long-iso\n' +
  "  - [posix-]iso\n  - [posix-]locale\n  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\n" +
  "Try 'ls --help' for more information.\nrc=2\n";

/** [line, what the real tools printed] */
const REAL: [string, string][] = [
  ["stat -c '%w|%W' merged/f | sed 's/[0-9]/9/g'", '9999-99-99 99:99:99.999999999 +9999|9999999999\n'],
  ["stat merged/f | tail -1 | sed 's/[0-9]/9/g'", ' Birth: 9999-99-99 99:99:99.999999999 +9999\n'],
  [
    "stat -t upper/d/x | awk '{print $1, $2, $3, $4, $5, $6, $9, $10, $11, $16}'",
    'upper/d/x 7 8 81a4 0 0 2 0 0 4096\n',
  ],
  ['find . -samefile merged/d/x | sort', './merged/d/x\n./merged/d/y\n'],
  [
    "find merged -printf '%y %P %n %m %M %s %U %u\\n' | sort",
    'd  1 755 drwxr-xr-x 4096 0 root\nd d 1 755 drwxr-xr-x 4096 0 root\nd n 2 755 drwxr-xr-x 4096 0 root\n' +
      'f d/x 2 644 -rw-r--r-- 7 0 root\nf d/y 2 644 -rw-r--r-- 7 0 root\nf f 1 644 -rw-r--r-- 3 0 root\n' +
      'l s 1 777 lrwxrwxrwx 1 0 root\n',
  ],
  [
    "find merged -type f -printf '%h|%f|%H|%d|%k|%b\\n' | sort",
    'merged/d|x|merged|2|4|8\nmerged/d|y|merged|2|4|8\nmerged|f|merged|1|4|8\n',
  ],
  ["find upper -print0 | sort -z | tr '\\0' ' '; echo", 'upper upper/d upper/d/x upper/d/y upper/n \n'],
  ['find merged -perm 644 -type f | sort', 'merged/d/x\nmerged/d/y\nmerged/f\n'],
  ['find merged -perm -644 -type d | sort', 'merged\nmerged/d\nmerged/n\n'],
  ['find merged -perm /111 -type f | sort', ''],
  ['find merged -perm -u+w -type f | sort', 'merged/d/x\nmerged/d/y\nmerged/f\n'],
  ['find merged -perm g=w; echo rc=$?', 'rc=0\n'],
  ['find merged -user root -type l', 'merged/s\n'],
  ['find merged -user nosuch; echo rc=$?', 'find: ‘nosuch’ is not the name of a known user\nrc=1\n'],
  ['find merged -uid 0 -links +1 -type f | sort', 'merged/d/x\nmerged/d/y\n'],
  ['find merged -links -2 -type f | sort', 'merged/f\n'],
  ['find merged -newer /nosuch; echo rc=$?', 'find: ‘/nosuch’: No such file or directory\nrc=1\n'],
  ['find merged -samefile /nosuch; echo rc=$?', 'find: ‘/nosuch’: No such file or directory\nrc=1\n'],
  ['find merged -perm abc; echo rc=$?', 'find: invalid mode ‘abc’\nrc=1\n'],
  ['find merged -name d -prune -o -type f -print | sort', 'merged/f\n'],
  ['find merged -type f -quit | wc -l', '0\n'],
  ["ls -l --time-style=long-iso merged/f | sed 's/[0-9]/9/g'", '-rw-r--r-- 9 root root 9 9999-99-99 99:99 merged/f\n'],
  [
    "ls -l --time-style=full-iso merged/f | sed 's/[0-9]/9/g'",
    '-rw-r--r-- 9 root root 9 9999-99-99 99:99:99.999999999 +9999 merged/f\n',
  ],
  ["ls -l --time-style=iso merged/f | sed 's/[0-9]/9/g'", '-rw-r--r-- 9 root root 9 99-99 99:99 merged/f\n'],
  ["ls -l --time-style=+%Y merged/f | sed 's/[0-9]/9/g'", '-rw-r--r-- 9 root root 9 9999 merged/f\n'],
  [
    "ls --full-time merged/f | sed 's/[0-9]/9/g'",
    '-rw-r--r-- 9 root root 9 9999-99-99 99:99:99.999999999 +9999 merged/f\n',
  ],
  ['ls -l --time-style=bogus merged/f; echo rc=$?', TIME_STYLE_HELP],
  ['ls -p merged', 'd/\nf\nn/\ns\n'],
  ['ln -s /nonexistent dl; ls -l dl | cut -c1-10; readlink -f dl', 'lrwxrwxrwx\n/nonexistent\n'],
  ['readlink -f /tmp/nodir/x; echo $?', '1\n'],
  ['du --inodes -s merged upper', '6\tmerged\n4\tupper\n'],
  ['du --inodes -a upper | sort -k2', '4\tupper\n2\tupper/d\n1\tupper/d/x\n1\tupper/n\n'],
  ['find -L merged | sort', 'merged\nmerged/d\nmerged/d/x\nmerged/d/y\nmerged/f\nmerged/n\nmerged/s\n'],
  ['find -L merged -type l; echo rc=$?', 'rc=0\n'],
  ["find -H merged/s merged/d -maxdepth 0 -printf '%y %p\\n'", 'f merged/s\nd merged/d\n'],
  ["find merged/s -printf '%y %p\\n'", 'l merged/s\n'],
  [
    'ln -s .. merged/d/up; find -L merged/d 2>&1 | sort; echo rc=${PIPESTATUS[0]}',
    'find: File system loop detected; ‘merged/d/up/d’ is part of the same file system loop as ‘merged/d’.\n' +
      'merged/d\nmerged/d/up\nmerged/d/up/f\nmerged/d/up/n\nmerged/d/up/s\nmerged/d/x\nmerged/d/y\nrc=1\n',
  ],
  ['stat -c %m merged/d/x', '/tmp/o/merged\n'],
  ['df -x overlay merged; echo rc=$?', 'df: no file systems processed\nrc=1\n'],
  [
    'df -t overlay --output=source,fstype merged upper; echo rc=$?',
    'Filesystem     Type\noverlay        overlay\nrc=0\n',
  ],
];

/**
 * overlayfs's own xattrs through merged: [line, what Linux 6.18 printed (since 6.7 such a name is
 * stored escaped), what 5.15 prints (every trusted.overlay.* name is EOPNOTSUPP: super.c's
 * ovl_own_xattr_get/set; listxattr hides them all)]. The default host runs 5.15.
 */
const OWN_XATTRS: [string, string, string][] = [
  [
    'setfattr -n trusted.overlay.opaque -v y merged/d; echo rc=$?; getfattr -m - merged/d upper/d | sort; ls merged/d',
    'rc=0\n\n\n# file: merged/d\n# file: upper/d\ntrusted.overlay.impure\ntrusted.overlay.opaque\n' +
      'trusted.overlay.origin\ntrusted.overlay.overlay.opaque\nx\ny\n',
    'setfattr: merged/d: Operation not supported\nrc=1\n\n# file: upper/d\ntrusted.overlay.impure\n' +
      'trusted.overlay.origin\nx\ny\n',
  ],
  [
    'getfattr -n trusted.overlay.origin merged/d/x; echo rc=$?',
    'merged/d/x: trusted.overlay.origin: No such attribute\nrc=1\n',
    'merged/d/x: trusted.overlay.origin: Operation not supported\nrc=1\n',
  ],
  [
    'setfattr -x trusted.overlay.nosuch merged/f; echo rc=$?',
    'setfattr: merged/f: No such attribute\nrc=1\n',
    'setfattr: merged/f: Operation not supported\nrc=1\n',
  ],
];

describe("overlayfs's own xattrs through merged, by the host's kernel release", () => {
  it.each(OWN_XATTRS)('%s', async (line, on618, on515) => {
    for (const [release, expected] of [
      ['6.18.44-fc-v1272', on618],
      [undefined, on515],
    ]) {
      const { run } = await makeShell(release ? { machine: { release, version: '#1 SMP' } } : {});
      await run(MOUNT);
      expect((await run(`{ ${line}; } 2>&1`)).out, release ?? 'the default host').toBe(expected);
    }
  });
});

describe('host tools off the lesson path print what the real ones print', () => {
  it.each(REAL)('%s', async (line, expected) => {
    const { run } = await makeShell();
    await run(MOUNT);
    expect((await run(`{ ${line}; } 2>&1`)).out).toBe(expected);
  });

  it('a symlink of 60 bytes or more takes a block on ext4; a shorter one lives in its inode', async () => {
    // Measured on ext4: `ln -s <59 a's> s59; ln -s <60 a's> s60; stat -c '%s %b'` printed 59 0 and 60 8.
    const { run } = await makeShell();
    const out = await run(
      "cd /root && ln -s $(printf 'a%.0s' $(seq 59)) s59 && ln -s $(printf 'a%.0s' $(seq 60)) s60 && " +
        "stat -c '%s %b' s59 s60",
    );
    expect(out.out).toBe('59 0\n60 8\n');
  });

  it("stat's birth time is when the inode was made: a copy-up makes a new one, a write keeps it", async () => {
    const { run } = await makeShell();
    await run('mkdir -p /tmp/b && echo a > /tmp/b/f');
    const born = (await run('stat -c %W /tmp/b/f')).out;
    await run('sleep 2; echo b >> /tmp/b/f');
    expect((await run('stat -c %W /tmp/b/f')).out).toBe(born);
    expect(Number((await run('stat -c %Y /tmp/b/f')).out)).toBeGreaterThan(Number(born));
    expect((await run('stat -c %w /proc/version; stat -c %W /proc/version')).out).toBe('-\n0\n');
  });
});
