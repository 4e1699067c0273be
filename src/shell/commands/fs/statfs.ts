// statfs(2) for the simulated mounts: what df, stat -f and findmnt read. The disk is a 30 GiB
// ext4 with an Ubuntu install on it; an overlay answers with its upper layer's filesystem (the
// disk), as the kernel's ovl_statfs does, under its own magic and fsid.
import { type Kernel, type Mount, OverlayFs, ReadOnlyFs, TmpFs } from '../../../kernel/index.js';

/** The simulated disk's size: 30 GiB with a 4.1 GiB Ubuntu install on it. */
const DISK_KB = 30298176;
const BASE_USED_KB = 4301292;
/** The simulated ext4's inode table: mkfs.ext4's default of one inode per 16 KiB. */
const DISK_INODES = Math.floor((DISK_KB * 1024) / 16384);
/** Inodes the host's own system uses outside what the simulated disk holds. */
const BASE_USED_INODES = 176_412;

export interface FsUsage {
  /** In KiB: size, used, available to an unprivileged user (ext4 keeps 5% for root). */
  totalKb: number;
  usedKb: number;
  availKb: number;
  inodes: number;
  iused: number;
  ifree: number;
}

function diskUsedKb(kernel: Kernel): number {
  let kb = 0;
  const walk = (rel: string): void => {
    for (const e of kernel.disk.readdir(rel)) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      const st = kernel.disk.lstat(child);
      kb += st.blocks / 2;
      if (st.type === 'dir') walk(child);
    }
  };
  walk('');
  return BASE_USED_KB + kb;
}

/** Distinct inodes on the simulated disk (hard links count once, as the inode table does). */
function diskUsedInodes(kernel: Kernel): number {
  const seen = new Set<number>();
  const walk = (rel: string): void => {
    for (const e of kernel.disk.readdir(rel)) {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      const st = kernel.disk.lstat(child);
      seen.add(st.ino);
      if (st.type === 'dir') walk(child);
    }
  };
  walk('');
  return BASE_USED_INODES + seen.size;
}

const ZERO: FsUsage = { totalKb: 0, usedKb: 0, availKb: 0, inodes: 0, iused: 0, ifree: 0 };

/** The usage of the filesystem a mount shows. `want` skips the walk a caller does not need. */
export function fsUsage(kernel: Kernel, mount: Mount, want: { blocks?: boolean; inodes?: boolean }): FsUsage {
  switch (mount.fstype) {
    case 'devtmpfs':
      return { totalKb: 4018796, usedKb: 0, availKb: 4018796, inodes: 1004699, iused: 412, ifree: 1004287 };
    case 'tmpfs': {
      // A read-only mount's tmpfs (the host's /sys/fs/cgroup, a container's ro tmpfs) is the same tmpfs.
      const fs = mount.fs instanceof ReadOnlyFs ? mount.fs.inner : mount.fs;
      if (!(fs instanceof TmpFs))
        return { totalKb: 65536, usedKb: 0, availKb: 65536, inodes: 1004699, iused: 17, ifree: 1004682 };
      // A mounted tmpfs: its size limit, the pages its files take, its nr_inodes (half the memory's
      // pages by default; with nr_inodes=0, no limit, statfs says 0 of 0).
      const { usedKb, inodes } = fs.usage();
      const totalKb = fs.sizeKb;
      const total = Number.isFinite(fs.nrInodes) ? fs.nrInodes : 0;
      const ifree = total === 0 ? 0 : total - inodes;
      return { totalKb, usedKb, availKb: totalKb - usedKb, inodes: total, iused: total === 0 ? 0 : inodes, ifree };
    }
    case 'overlay':
    case 'ext4':
    case 'xfs': {
      // ovl_statfs answers for the upper layer's filesystem: a tmpfs, where the upper is on one.
      const upper = mount.fs instanceof OverlayFs ? mount.fs.layers.upper : undefined;
      const tmpfs =
        upper === undefined
          ? undefined
          : kernel
              .mounts()
              .find((m) => m.fs instanceof TmpFs && (upper === m.fs.store || upper.startsWith(`${m.fs.store}/`)));
      if (tmpfs) return fsUsage(kernel, tmpfs, want);
      const usedKb = want.blocks ? diskUsedKb(kernel) : 0;
      const iused = want.inodes ? diskUsedInodes(kernel) : 0;
      return {
        totalKb: DISK_KB,
        usedKb,
        availKb: Math.max(0, DISK_KB - usedKb - Math.floor(DISK_KB * 0.05)),
        inodes: DISK_INODES,
        iused,
        ifree: DISK_INODES - iused,
      };
    }
    default:
      return ZERO;
  }
}

/** statfs's f_type as stat -f names it (%T) and prints it in hex (%t): coreutils' table. */
export function fsTypeName(fstype: string): { name: string; magic: string } {
  switch (fstype) {
    case 'ext4':
      return { name: 'ext2/ext3', magic: 'ef53' };
    case 'overlay':
      return { name: 'overlayfs', magic: '794c7630' };
    case 'proc':
      return { name: 'proc', magic: '9fa0' };
    case 'devtmpfs':
    case 'tmpfs':
      return { name: 'tmpfs', magic: '1021994' };
    case 'xfs':
      return { name: 'xfs', magic: '58465342' };
    case 'sysfs':
      return { name: 'sysfs', magic: '62656572' };
    case 'devpts':
      return { name: 'devpts', magic: '1cd1' };
    case 'mqueue':
      return { name: 'mqueue', magic: '19800202' };
    case 'cgroup2':
      return { name: 'cgroup2fs', magic: '63677270' };
    case 'cgroup':
      return { name: 'cgroupfs', magic: '27e0eb' };
    default:
      return { name: fstype, magic: '0' };
  }
}

/** statfs's f_fsid in stat -f's hex: ext4's comes from its UUID, an overlay's from its own
 * (uuid=on); here both are made from the mount, the same on every run. Pseudo filesystems have 0. */
export function fsId(mount: Mount): string {
  if (!['ext4', 'xfs', 'overlay'].includes(mount.fstype)) return '0';
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const c of `${mount.fstype}:${mount.source}:${mount.target}:${mount.options}`) {
    h1 = Math.imul(h1 ^ c.charCodeAt(0), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c.charCodeAt(0), 0x5bd1e995) >>> 0;
  }
  return h1.toString(16) + h2.toString(16).padStart(8, '0');
}
