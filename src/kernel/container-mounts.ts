// The mounts runc makes in a container's own namespace (its OCI spec's defaults, as Docker 20.10
// writes them): /proc, a tmpfs /dev with the device nodes, devpts, sysfs with the cgroup2 tree,
// mqueue and a 64 MiB /dev/shm; after Docker's bind mounts, the masked and read-only /proc paths.
// Only processes rooted in the container see them (Mount.privateTo): the host's view of merged/
// keeps the init layer's /dev/console, /dev/pts and /dev/shm, as on a real host.
import type { Kernel, Mount } from './kernel.js';
import { type Entry, GeneratedFs, mountProcfs, sysOptions } from './procfs.js';
import { sysEntry } from './procfs-system.js';
import { ReadOnlyFs } from './readonly-fs.js';
import { KernelError } from './errors.js';
import { makedev } from './types.js';
import { readCharDevice } from './endless.js';
import { seededRandom } from './determinism.js';

const DEVICES: Record<string, [number, number]> = {
  full: [makedev(1, 7), 0o666],
  null: [makedev(1, 3), 0o666],
  random: [makedev(1, 8), 0o666],
  tty: [makedev(5, 0), 0o666],
  urandom: [makedev(1, 9), 0o666],
  zero: [makedev(1, 5), 0o666],
};

const LINKS: Record<string, string> = {
  fd: '/proc/self/fd',
  ptmx: 'pts/ptmx',
  stderr: '/proc/self/fd/2',
  stdin: '/proc/self/fd/0',
  stdout: '/proc/self/fd/1',
};

const EMPTY_DIR = (mode: number, size: number): Entry => ({ kind: 'dir', children: () => [], mode, size });

function addPrivate(kernel: Kernel, merged: string, m: Omit<Mount, 'privateTo' | 'target'>, at: string): void {
  kernel.addMount({ ...m, target: `${merged}${at}`, privateTo: merged });
}

/** runc's mounts before Docker's own (volumes, /etc/resolv.conf, hostname, hosts). */
export function mountContainerSystem(
  kernel: Kernel,
  merged: string,
  o: { release: string; tty: boolean; shmSize?: number },
): void {
  const clock = () => kernel.clock.now();
  mountProcfs(kernel, { release: o.release }, `${merged}/proc`, merged);
  const urandom = seededRandom(0x75726e64);
  const devices: Record<string, [number, number]> = {
    ...DEVICES,
    // With a terminal, /dev/console is the container's pty (136, 0).
    ...(o.tty ? { console: [makedev(136, 0), 0o620] as [number, number] } : {}),
  };
  const names = [...Object.keys(devices), ...Object.keys(LINKS), 'mqueue', 'pts', 'shm'].sort();
  const dev = new GeneratedFs(
    makedev(0, 80),
    (rel) => {
      if (rel === '')
        return { kind: 'dir', children: () => names, mode: 0o755, size: 40 + 20 * names.length, nlink: 5 };
      if (rel === 'mqueue' || rel === 'shm') return EMPTY_DIR(0o1777, 40);
      if (rel === 'pts') return EMPTY_DIR(0o755, 0);
      const link = LINKS[rel];
      if (link) return { kind: 'link', target: link };
      const d = devices[rel];
      return d ? { kind: 'chr', rdev: d[0], mode: d[1] } : undefined;
    },
    clock,
    (rel) => rel in devices,
    // Its own generator: reading /dev/urandom must not shift the host's random ids.
    (rdev) => readCharDevice(rdev, urandom),
    // A container without -t has no controlling terminal: /dev/tty opens to ENXIO.
    (rdev, rel) => {
      if (rdev === makedev(5, 0) && !o.tty) throw new KernelError('ENXIO', 'open', rel);
    },
  );
  addPrivate(
    kernel,
    merged,
    { source: 'tmpfs', fstype: 'tmpfs', options: 'rw,nosuid,size=65536k,mode=755', fs: dev },
    '/dev',
  );
  const pts = new GeneratedFs(
    makedev(0, 81),
    (rel) =>
      rel === ''
        ? { kind: 'dir', children: () => ['ptmx'], mode: 0o755, size: 0 }
        : rel === 'ptmx'
          ? { kind: 'chr', rdev: makedev(5, 2), mode: 0o666 }
          : undefined,
    clock,
  );
  addPrivate(
    kernel,
    merged,
    { source: 'devpts', fstype: 'devpts', options: 'rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666', fs: pts },
    '/dev/pts',
  );
  const sys = new GeneratedFs(
    makedev(0, 82),
    (rel) => {
      if (rel === '') return { kind: 'dir', children: () => ['fs'] };
      if (rel === 'fs') return { kind: 'dir', children: () => ['cgroup'] };
      if (rel === 'fs/cgroup') return { kind: 'dir', children: () => [] };
      return undefined;
    },
    clock,
  );
  addPrivate(
    kernel,
    merged,
    { source: 'sysfs', fstype: 'sysfs', options: 'ro,nosuid,nodev,noexec,relatime', fs: sys },
    '/sys',
  );
  // Ubuntu 22.04 mounts the unified cgroup2 hierarchy; a container gets its own, read-only.
  const cgroup = new GeneratedFs(makedev(0, 83), (rel) => (rel === '' ? EMPTY_DIR(0o555, 0) : undefined), clock);
  addPrivate(
    kernel,
    merged,
    { source: 'cgroup', fstype: 'cgroup2', options: 'ro,nosuid,nodev,noexec,relatime', fs: cgroup },
    '/sys/fs/cgroup',
  );
  const mq = new GeneratedFs(makedev(0, 84), (rel) => (rel === '' ? EMPTY_DIR(0o1777, 40) : undefined), clock);
  addPrivate(
    kernel,
    merged,
    { source: 'mqueue', fstype: 'mqueue', options: 'rw,nosuid,nodev,noexec,relatime', fs: mq },
    '/dev/mqueue',
  );
  // Docker's /dev/shm: a tmpfs of the container's ShmSize (64 MiB unless --shm-size), written to
  // and filled as any tmpfs; its files go with the container's mounts.
  const shmKb = Math.ceil((o.shmSize ?? 64 << 20) / 4096) * 4;
  const shm = kernel.newTmpfs(shmKb, 0o1777);
  addPrivate(
    kernel,
    merged,
    { source: 'shm', fstype: 'tmpfs', options: `rw,nosuid,nodev,noexec,relatime,size=${shmKb}k`, fs: shm },
    '/dev/shm',
  );
}

/** The OCI spec's maskedPaths and readonlyPaths that exist in /proc and /sys, mounted last. */
export function maskContainerPaths(kernel: Kernel, merged: string, release = ''): void {
  const clock = () => kernel.clock.now();
  const empty = () => new GeneratedFs(makedev(0, 86), (rel) => (rel === '' ? EMPTY_DIR(0o555, 0) : undefined), clock);
  // /proc/sys stays readable (the container's hostname, ip_forward …); it takes no write (EROFS).
  const sys = new ReadOnlyFs(
    new GeneratedFs(makedev(0, 86), (rel) => sysEntry(rel, sysOptions(kernel, release)), clock),
  );
  for (const p of ['bus', 'fs', 'irq', 'sys'])
    addPrivate(
      kernel,
      merged,
      // A read-only bind of /proc's own subtree: the proc superblock stays rw.
      {
        source: 'proc',
        fstype: 'proc',
        options: 'ro,nosuid,nodev,noexec,relatime',
        fs: p === 'sys' ? sys : empty(),
        mountRoot: `/${p}`,
        superOptions: 'rw',
      },
      `/proc/${p}`,
    );
  addPrivate(kernel, merged, { source: 'tmpfs', fstype: 'tmpfs', options: 'ro,relatime', fs: empty() }, '/proc/acpi');
  for (const p of ['keys', 'timer_list']) {
    // /dev/null bound over the file: it reads as nothing.
    const nul = new GeneratedFs(
      makedev(0, 80),
      (rel) => (rel === '' ? { kind: 'chr', rdev: makedev(1, 3) } : undefined),
      clock,
    );
    addPrivate(
      kernel,
      merged,
      { source: 'tmpfs', fstype: 'tmpfs', options: 'rw,nosuid,size=65536k,mode=755', fs: nul, mountRoot: '/null' },
      `/proc/${p}`,
    );
  }
  addPrivate(
    kernel,
    merged,
    { source: 'tmpfs', fstype: 'tmpfs', options: 'ro,relatime', fs: empty() },
    '/sys/firmware',
  );
}
