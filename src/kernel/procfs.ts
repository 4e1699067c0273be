// Two generated filesystems: /proc (the processes, mounts, the machine's memory, CPUs, load and
// uptime, the kernel's version and filesystems) made from the kernel's state each time it is read,
// and /dev (null, zero, pts/, shm/). Both refuse changes the way the real ones do, except that
// writes to /dev/null and /dev/zero vanish.
import { seededRandom } from './determinism.js';
import { KernelError } from './errors.js';
import { readCharDevice, writeCharDevice } from './endless.js';
import type { MountedFs } from './filesystem.js';
import type { Kernel } from './kernel.js';
import { formatCpuinfo, formatLoadavg, formatMeminfo, formatUptime } from './machine.js';
import { pidEntry, visiblePids } from './procfs-pids.js';
import { formatCgroups, pidIn } from './tasks.js';
import { formatProcStat, ipv6Conf, type SysOptions, sysEntry } from './procfs-system.js';
import { S_IFCHR, S_IFDIR, S_IFLNK, S_IFREG, makedev, type DirEntry, type Stat } from './types.js';

export type Entry =
  | { kind: 'dir'; children: () => string[]; mode?: number; size?: number; nlink?: number }
  | { kind: 'file'; content: () => string; mode?: number }
  | { kind: 'chr'; rdev: number; mode?: number }
  /** follow: where following it leads, when not its target (a /proc/<pid>/root magic link). */
  | { kind: 'link'; target: string; follow?: string; ns?: string; size?: number; mode?: number };

const FALLBACK_RANDOM = seededRandom(0x72616e64);

/** A read-only filesystem whose entries are computed on every lookup. */
export class GeneratedFs implements MountedFs {
  private inos = new Map<string, number>();

  constructor(
    readonly dev: number,
    private readonly lookup: (rel: string) => Entry | undefined,
    private readonly clock: () => number,
    private readonly writable: (rel: string) => boolean = () => false,
    /** What reading a character device gives, by its number (/dev/zero's zeros by default). */
    private readonly readDevice: (rdev: number) => Uint8Array = (rdev) => readCharDevice(rdev, FALLBACK_RANDOM),
    /** open(2) of a character device: throws where the device refuses (/dev/tty without one, ENXIO). */
    private readonly openDevice?: (rdev: number, rel: string) => void,
  ) {}

  private get(rel: string, syscall: string): Entry {
    const e = this.lookup(rel);
    if (!e) throw new KernelError('ENOENT', syscall, rel);
    return e;
  }

  private ino(rel: string): number {
    let n = this.inos.get(rel);
    if (n === undefined) {
      n = rel === '' ? 1 : 4026531840 + this.inos.size + 1;
      this.inos.set(rel, n);
    }
    return n;
  }

  lstat(rel: string): Stat {
    const e = this.get(rel, 'lstat');
    const now = this.clock();
    const [mode, nlink, rdev] =
      e.kind === 'dir'
        ? [S_IFDIR | (e.mode ?? 0o555), e.nlink ?? 2, 0]
        : e.kind === 'file'
          ? [S_IFREG | (e.mode ?? 0o444), 1, 0]
          : e.kind === 'chr'
            ? [S_IFCHR | (e.mode ?? 0o666), 1, e.rdev]
            : [S_IFLNK | (e.mode ?? 0o777), 1, 0];
    const size = e.kind === 'link' ? (e.size ?? e.target.length) : e.kind === 'dir' ? (e.size ?? 0) : 0;
    return {
      type: e.kind === 'link' ? 'symlink' : e.kind,
      dev: this.dev,
      ino: this.ino(rel),
      mode,
      nlink,
      uid: 0,
      gid: 0,
      rdev,
      size,
      blocks: 0,
      atimeMs: now,
      mtimeMs: now,
      ctimeMs: now,
    };
  }

  readdir(rel: string): DirEntry[] {
    const e = this.get(rel, 'scandir');
    if (e.kind !== 'dir') throw new KernelError('ENOTDIR', 'scandir', rel);
    return e.children().map((name) => {
      const child = this.lookup(rel === '' ? name : `${rel}/${name}`);
      const type =
        child?.kind === 'link' ? 'symlink' : child?.kind === 'chr' ? 'chr' : child?.kind === 'dir' ? 'dir' : 'file';
      return { name, type };
    });
  }

  readlink(rel: string): string {
    const e = this.get(rel, 'readlink');
    if (e.kind !== 'link') throw new KernelError('EINVAL', 'readlink', rel);
    return e.target;
  }

  followLink(rel: string): string {
    const e = this.get(rel, 'readlink');
    if (e.kind !== 'link') throw new KernelError('EINVAL', 'readlink', rel);
    return e.follow ?? e.target;
  }

  linkNamespace(rel: string): string | undefined {
    const e = this.get(rel, 'readlink');
    return e.kind === 'link' ? e.ns : undefined;
  }

  readFile(rel: string): Uint8Array {
    const e = this.get(rel, 'open');
    if (e.kind === 'dir') throw new KernelError('EISDIR', 'read', rel);
    if (e.kind === 'chr') {
      this.openDevice?.(e.rdev, rel);
      return this.readDevice(e.rdev);
    }
    return new TextEncoder().encode(e.kind === 'file' ? e.content() : '');
  }

  private refuse(rel: string, syscall: string): never {
    throw new KernelError(this.lookup(rel) ? 'EACCES' : 'ENOENT', syscall, rel);
  }

  writeFile(rel: string, data: Uint8Array): void {
    if (!this.writable(rel)) this.refuse(rel, 'open');
    const e = this.get(rel, 'open');
    if (e.kind === 'chr') {
      this.openDevice?.(e.rdev, rel);
      writeCharDevice(e.rdev, data, rel);
    }
  }
  open(rel: string, flags: { write: boolean }): void {
    if (flags.write && !this.writable(rel)) this.refuse(rel, 'open');
    const e = this.get(rel, 'open');
    if (e.kind === 'chr') this.openDevice?.(e.rdev, rel);
  }
  mkdir(rel: string): void {
    this.refuse(rel, 'mkdir');
  }
  rmdir(rel: string): void {
    this.refuse(rel, 'rmdir');
  }
  unlink(rel: string): void {
    this.refuse(rel, 'unlink');
  }
  rename(from: string): void {
    this.refuse(from, 'rename');
  }
  symlink(_t: string, rel: string): void {
    this.refuse(rel, 'symlink');
  }
  link(existing: string): void {
    this.refuse(existing, 'link');
  }
  mknod(rel: string): void {
    this.refuse(rel, 'mknod');
  }
  chmod(rel: string): void {
    this.refuse(rel, 'chmod');
  }
  chown(rel: string): void {
    this.refuse(rel, 'chown');
  }
  utimes(rel: string): void {
    this.get(rel, 'utimes');
  }
  truncate(rel: string): void {
    if (!this.writable(rel)) this.refuse(rel, 'truncate');
  }
  getxattr(rel: string): Uint8Array {
    this.get(rel, 'getxattr');
    throw new KernelError('ENODATA', 'getxattr', rel);
  }
  setxattr(rel: string): void {
    this.refuse(rel, 'setxattr');
  }
  removexattr(rel: string): void {
    this.refuse(rel, 'removexattr');
  }
  sameInode(a: string, b: string): boolean {
    return a === b;
  }

  listxattr(rel: string): string[] {
    this.get(rel, 'listxattr');
    return [];
  }
}

export { formatMountinfo, formatMountLine, splitOptions } from './mount-formats.js';

export interface ProcfsOptions {
  /** `uname -r`, shown in /proc/version too. */
  release: string;
}

/** Mounts a procfs at `target` (a host path to an existing directory). The mounts and processes
 * it lists are those of its namespace: the host's, or for a container's /proc (privateTo its
 * merged dir) the container's, its processes by their pids there (src/kernel/procfs-pids.ts). */
export function mountProcfs(kernel: Kernel, options: ProcfsOptions, target = '/proc', privateTo?: string): void {
  const view = privateTo ?? '/';
  const files: Record<string, () => string> = {
    cgroups: () => formatCgroups(1 + kernel.taskList().tasks.filter((t) => t.nsPid === 1).length),
    cmdline: () => `BOOT_IMAGE=/boot/vmlinuz-${options.release} root=/dev/vda1 ro console=tty1 console=ttyS0\n`,
    cpuinfo: () => formatCpuinfo(),
    filesystems: () => FILESYSTEMS,
    loadavg: () => {
      const { tasks } = kernel.taskList();
      return formatLoadavg(tasks.length, Math.max(...tasks.map((t) => t.pid)));
    },
    meminfo: () => formatMeminfo(kernel.features.procFields),
    stat: () => {
      const boot = kernel.bootTime();
      const { tasks } = kernel.taskList();
      return formatProcStat(kernel.clock.now() - boot, boot, Math.max(...tasks.map((t) => t.pid)), 1);
    },
    uptime: () => {
      const boot = kernel.bootTime(); // first: it may read the clock's start
      return formatUptime(kernel.clock.now() - boot);
    },
    version: () =>
      `Linux version ${options.release} (buildd@lcy02-amd64-059) ` +
      '(gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU ' +
      'Binutils for Ubuntu) 2.38) #101-Ubuntu SMP Tue Nov 14 ' +
      '13:30:08 UTC 2023\n',
  };
  const dirs = ['acpi', 'bus', 'driver', 'fs', 'irq', 'sysvipc', 'tty'];
  const empty = ['keys', 'timer_list'];
  const links: Record<string, string> = { mounts: 'self/mounts', net: 'self/net' };
  const lookup = (rel: string): Entry | undefined => {
    if (rel === '')
      return {
        kind: 'dir',
        children: () => [
          ...visiblePids(kernel, view).map(String),
          ...[...Object.keys(files), ...dirs, ...empty, ...Object.keys(links), 'self', 'sys', 'thread-self'].sort(),
        ],
      };
    if (rel === 'self' || rel === 'thread-self') {
      const { self } = kernel.taskList();
      const pid = pidIn(self, view);
      // A process outside this namespace (nsenter -m without -p) has no self here.
      const target = pid === undefined ? '' : rel === 'self' ? String(pid) : `${pid}/task/${pid}`;
      return { kind: 'link', target, size: 0 };
    }
    if (rel === 'sys' || rel.startsWith('sys/')) return sysEntry(rel.slice(4), sysOptions(kernel, options.release));
    const f = files[rel];
    if (f) return { kind: 'file', content: f };
    if (dirs.includes(rel)) return { kind: 'dir', children: () => [] };
    if (empty.includes(rel)) return { kind: 'file', content: () => '' };
    const link = links[rel];
    if (link) return { kind: 'link', target: link };
    return pidEntry(kernel, view, rel);
  };
  const fs = new GeneratedFs(makedev(0, 22), lookup, () => kernel.clock.now());
  kernel.addMount({
    target,
    source: 'proc',
    fstype: 'proc',
    options: 'rw,nosuid,nodev,noexec,relatime',
    fs,
    ...(privateTo === undefined ? {} : { privateTo }),
  });
}

/** What /proc/sys/kernel answers: the release, and the reader's UTS namespace's name (a
 * container's, or the host's /etc/hostname). */
export function sysOptions(kernel: Kernel, release: string): SysOptions {
  const hostname = (): string => {
    const own = kernel.taskList().self.hostname;
    if (own) return own;
    try {
      return new TextDecoder().decode(kernel.disk.readFile('etc/hostname')).trim();
    } catch {
      return 'localhost';
    }
  };
  return { release, hostname, ipv6: () => ipv6Conf(kernel.taskList().self) };
}

/** The filesystems Ubuntu 22.04's kernel has registered at boot, as /proc/filesystems lists them. */
const FILESYSTEMS = [
  'nodev\tsysfs',
  'nodev\ttmpfs',
  'nodev\tbdev',
  'nodev\tproc',
  'nodev\tcgroup',
  'nodev\tcgroup2',
  'nodev\tcpuset',
  'nodev\tdevtmpfs',
  'nodev\tconfigfs',
  'nodev\tdebugfs',
  'nodev\ttracefs',
  'nodev\tsecurityfs',
  'nodev\tsockfs',
  'nodev\tbpf',
  'nodev\tpipefs',
  'nodev\tramfs',
  'nodev\thugetlbfs',
  'nodev\tdevpts',
  '\text3',
  '\text2',
  '\text4',
  '\tsquashfs',
  '\tvfat',
  'nodev\tecryptfs',
  '\tfuseblk',
  'nodev\tfuse',
  'nodev\tfusectl',
  'nodev\tmqueue',
  'nodev\tpstore',
  '\tbtrfs',
  'nodev\tautofs',
  'nodev\toverlay',
  '\txfs',
  '',
].join('\n');

/** Mounts a devtmpfs-like /dev with null, zero, pts/ and shm/. */
export function mountDevfs(kernel: Kernel, target = '/dev'): void {
  const devices: Record<string, number> = {
    null: makedev(1, 3),
    zero: makedev(1, 5),
    full: makedev(1, 7),
    random: makedev(1, 8),
    urandom: makedev(1, 9),
    tty: makedev(5, 0),
  };
  // The devices' own generator, seeded: reading them never moves the host's ids (the kernel's
  // generator), and a run is reproducible.
  const urandom = seededRandom(0x75726e64);
  const lookup = (rel: string): Entry | undefined => {
    if (rel === '')
      return {
        kind: 'dir',
        children: () => [...Object.keys(devices), 'fd', 'pts', 'shm', 'stderr', 'stdin', 'stdout'].sort(),
      };
    if (rel === 'pts' || rel === 'shm') return { kind: 'dir', children: () => [] };
    if (rel === 'fd') return { kind: 'link', target: '/proc/self/fd' };
    if (rel === 'stdin' || rel === 'stdout' || rel === 'stderr')
      return { kind: 'link', target: `/proc/self/fd/${['stdin', 'stdout', 'stderr'].indexOf(rel)}` };
    const rdev = devices[rel];
    return rdev === undefined ? undefined : { kind: 'chr', rdev };
  };
  const fs = new GeneratedFs(
    makedev(0, 5),
    lookup,
    () => kernel.clock.now(),
    (rel) => rel in devices,
    // A read gives 64 KiB, and more to a command that reads on (src/kernel/endless.ts).
    (rdev) => readCharDevice(rdev, urandom),
  );
  kernel.addMount({
    target,
    source: 'udev',
    fstype: 'devtmpfs',
    options: 'rw,nosuid,relatime,size=4018796k,nr_inodes=1004699,mode=755,inode64',
    fs,
  });
}
