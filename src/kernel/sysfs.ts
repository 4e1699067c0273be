// The host's /sys: a sysfs (stat -f says sysfs, findmnt and df -a list it) holding what the
// simulator models of it, the overlay module's parameters, and under /sys/fs/cgroup the cgroup v1
// hierarchies the host's processes belong to (/proc/<pid>/cgroup, docker info's Cgroup Version 1):
// a tmpfs with a cgroup mount for each controller and the unified cgroup2 one, as systemd mounts a
// hybrid host's. The parameters are files root may write (0644), as on a real host.
import { GeneratedFs } from './procfs.js';
import { Kernel } from './kernel.js';
import { ReadOnlyFs } from './readonly-fs.js';
import { CGROUP_HIERARCHIES } from './tasks.js';
import { TMPFS_DEFAULT_KB } from './tmpfs.js';

/** The overlay module's parameters as this kernel kind has them (Docker's overlay2 mounts pass none
 * of them, so a lower directory's rename is EXDEV: redirect_dir=N). */
export const OVERLAY_PARAMETERS: ReadonlyArray<readonly [string, string]> = [
  ['check_copy_up', 'N'],
  ['index', 'N'],
  ['metacopy', 'N'],
  ['nfs_export', 'N'],
  ['redirect_always_follow', 'Y'],
  ['redirect_dir', 'N'],
  ['redirect_max', '256'],
  ['xino_auto', 'N'],
];

/** sysfs' top directories on an x86 virtual machine. */
const SYSFS_DIRS = ['block', 'bus', 'class', 'dev', 'devices', 'firmware', 'fs', 'kernel', 'module'];

/** Mounts /sys (made a directory first) and /sys/fs/cgroup's hierarchies. */
export function mountSysfs(kernel: Kernel): void {
  const root = kernel.proc({ root: '/', cwd: '/' });
  // Kept as a tmpfs' files (root writes the parameters), shown as sysfs, which statfs counts none of.
  const sys = kernel.newTmpfs(1_024, 0o555);
  kernel.addMount({
    target: '/sys',
    source: 'sysfs',
    fstype: 'sysfs',
    options: 'rw,nosuid,nodev,noexec,relatime',
    fs: sys,
  });
  for (const d of [...SYSFS_DIRS, 'power', 'fs/cgroup', 'module/overlay', 'module/overlay/parameters']) {
    root.mkdir(`/sys/${d}`, 0o755);
  }
  for (const [name, value] of OVERLAY_PARAMETERS) {
    const path = `/sys/module/overlay/parameters/${name}`;
    root.writeFile(path, new TextEncoder().encode(`${value}\n`), { create: true }, 0o644);
  }
  // systemd's tmpfs, read-only once it made a directory for each hierarchy.
  const cgroupRoot = kernel.newTmpfs(TMPFS_DEFAULT_KB, 0o755);
  // Mounted in the order of their ids (cpu is 1), the unified one last.
  const hierarchies = [...CGROUP_HIERARCHIES.map(([, names]) => names).filter((n) => n !== '')].reverse();
  hierarchies.push('unified');
  const dirOf = (names: string): string => names.replace(/^name=/, '');
  for (const names of hierarchies) cgroupRoot.mkdir(dirOf(names), 0o555, Kernel.ROOT);
  kernel.addMount({
    target: '/sys/fs/cgroup',
    source: 'tmpfs',
    fstype: 'tmpfs',
    options: 'ro,nosuid,nodev,noexec,mode=755,inode64',
    fs: new ReadOnlyFs(cgroupRoot),
  });
  const clock = () => kernel.clock.now();
  for (const names of hierarchies) {
    const dir = dirOf(names);
    const fs = new GeneratedFs(
      kernel.anonDev(),
      (rel) => (rel === '' ? { kind: 'dir', children: () => [], mode: 0o555 } : undefined),
      clock,
    );
    const v2 = names === 'unified';
    kernel.addMount({
      target: `/sys/fs/cgroup/${dir}`,
      source: v2 ? 'cgroup2' : 'cgroup',
      fstype: v2 ? 'cgroup2' : 'cgroup',
      options: `rw,nosuid,nodev,noexec,relatime${cgroupOptions(v2, names)}`,
      fs,
    });
  }
}

/** A cgroup hierarchy's own mount options: v2's nsdelegate, a named v1 one's xattr and name=. */
function cgroupOptions(v2: boolean, names: string): string {
  if (v2) return ',nsdelegate';
  return names.startsWith('name=') ? `,xattr,${names}` : `,${names}`;
}
