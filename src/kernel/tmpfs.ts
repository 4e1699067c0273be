// tmpfs: `mount -t tmpfs [-o size=…,mode=…] SOURCE DIR`. Its files live on the simulated disk,
// in a directory the path walk never reaches (below the disk's own /proc, which procfs covers), so
// an overlay can take its upper and work dirs from a tmpfs as the kernel allows (every layer of
// the model sits on the disk). The mount is its own filesystem: its own device, tmpfs' directory
// sizes (40 bytes and 20 an entry) and block counts (whole 4 KiB pages), a size limit df shows.
import type { FileContent, LazyContent } from './content.js';
import type { Disk } from './disk.js';
import { KernelError } from './errors.js';
import type { MountedFs } from './filesystem.js';
import type { Credentials, DirEntry, OpenFlags, Stat } from './types.js';

/** Where tmpfs mounts keep their files on the disk: under /proc, which procfs always covers. */
export const TMPFS_STORE = 'proc/.tmpfs';

const PAGE = 4096;

/** A tmpfs' size without size=: half the memory, as the host's devtmpfs shows it (size=4018796k). */
export const TMPFS_DEFAULT_KB = 4018796;

export interface TmpfsOptions {
  /** The size limit in KiB (size=; the default is half the memory). */
  sizeKb: number;
  /** The root directory's mode (mode=; 1777 by default). */
  mode: number;
  /** The root directory's owner (uid=, gid=; root by default). */
  uid: number;
  gid: number;
  /** The options /proc/mounts shows after rw,relatime (shmem_show_options: size=, then mode=
   * unless 1777, uid= and gid= unless 0), each with its comma. */
  shown: string;
}

/** Parses tmpfs' own options; undefined for one the kernel refuses (EINVAL). */
export function parseTmpfsOptions(options: Map<string, string>, defaultKb: number): TmpfsOptions | undefined {
  let sizeKb = defaultKb;
  let mode = 0o1777;
  const shown: string[] = [];
  const size = options.get('size');
  if (size !== undefined) {
    const m = /^(\d+)([kKmMgG%]?)$/.exec(size);
    if (!m) return undefined;
    const n = Number(m[1]);
    const unit = (m[2] ?? '').toLowerCase();
    const bytes =
      unit === '%'
        ? (defaultKb * 2 * 1024 * n) / 100
        : n * (unit === 'k' ? 1024 : unit === 'm' ? 1 << 20 : unit === 'g' ? 1 << 30 : 1);
    // shmem rounds the size up to whole pages.
    sizeKb = (Math.ceil(bytes / PAGE) * PAGE) / 1024;
    shown.push(`size=${sizeKb}k`);
  }
  const modeText = options.get('mode');
  if (modeText !== undefined) {
    if (!/^[0-7]{1,4}$/.test(modeText)) return undefined;
    mode = Number.parseInt(modeText, 8);
    if (mode !== 0o1777) shown.push(`mode=${mode.toString(8).padStart(3, '0')}`);
  }
  const ids = { uid: 0, gid: 0 };
  for (const key of ['uid', 'gid'] as const) {
    const text = options.get(key);
    if (text === undefined) continue;
    if (!/^\d+$/.test(text)) return undefined;
    ids[key] = Number(text);
    if (ids[key] !== 0) shown.push(`${key}=${ids[key]}`);
  }
  const known = ['size', 'mode', 'uid', 'gid', 'nr_inodes', 'rw', 'ro', 'relatime', 'nosuid', 'nodev', 'noexec'];
  for (const key of options.keys()) if (!known.includes(key)) return undefined;
  return { sizeKb, mode, ...ids, shown: shown.map((s) => `,${s}`).join('') };
}

export class TmpFs implements MountedFs {
  readonly dev: number;

  constructor(
    private readonly disk: Disk,
    /** The mount's root on the disk (under TMPFS_STORE). */
    readonly store: string,
    dev: number,
    readonly sizeKb: number,
  ) {
    this.dev = dev;
  }

  /** The disk path of a path inside the mount. */
  onDisk(rel: string): string {
    return rel === '' ? this.store : `${this.store}/${rel}`;
  }

  /** Pages its files take, in KiB, and the inodes it uses (df, stat -f). */
  usage(): { usedKb: number; inodes: number } {
    let pages = 0;
    const seen = new Set<number>();
    const walk = (rel: string): void => {
      const st = this.disk.lstat(rel);
      if (seen.has(st.ino)) return;
      seen.add(st.ino);
      if (st.type === 'file') pages += Math.ceil(st.size / PAGE);
      if (st.type === 'dir') for (const name of this.disk.names(rel)) walk(`${rel}/${name}`);
    };
    walk(this.store);
    return { usedKb: (pages * PAGE) / 1024, inodes: seen.size };
  }

  lstat(rel: string): Stat {
    const st = { ...this.disk.lstat(this.onDisk(rel)), dev: this.dev };
    if (st.type === 'dir') {
      st.size = 40 + 20 * this.disk.names(this.onDisk(rel)).length;
      st.blocks = 0;
    } else if (st.type === 'file') st.blocks = Math.ceil(st.size / PAGE) * 8;
    else st.blocks = 0;
    return st;
  }
  readdir(rel: string): DirEntry[] {
    return this.disk.readdir(this.onDisk(rel));
  }
  readlink(rel: string): string {
    return this.disk.readlink(this.onDisk(rel));
  }
  readFile(rel: string): Uint8Array {
    return this.disk.readFile(this.onDisk(rel));
  }
  readContent(rel: string): FileContent {
    return this.disk.readContent(this.onDisk(rel));
  }
  writeFile(rel: string, data: Uint8Array, flags: OpenFlags, mode: number, cred: Credentials): void {
    this.disk.writeFile(this.onDisk(rel), data, flags, mode, cred);
  }
  writeSynthetic(rel: string, content: LazyContent, mode: number, cred: Credentials): void {
    this.disk.writeSynthetic(this.onDisk(rel), content, mode, cred);
  }
  open(rel: string, flags: OpenFlags & { write: boolean }, mode: number, cred: Credentials): void {
    this.disk.open(this.onDisk(rel), flags, mode, cred);
  }
  mkdir(rel: string, mode: number, cred: Credentials): void {
    this.disk.mkdir(this.onDisk(rel), mode, cred);
  }
  rmdir(rel: string): void {
    if (rel === '') throw new KernelError('EBUSY', 'rmdir', rel);
    this.disk.rmdir(this.onDisk(rel));
  }
  unlink(rel: string): void {
    this.disk.unlink(this.onDisk(rel));
  }
  rename(from: string, to: string): void {
    this.disk.rename(this.onDisk(from), this.onDisk(to));
  }
  symlink(target: string, rel: string, cred: Credentials): void {
    this.disk.symlink(target, this.onDisk(rel), cred);
  }
  link(existing: string, rel: string): void {
    this.disk.link(this.onDisk(existing), this.onDisk(rel));
  }
  mknod(rel: string, mode: number, rdev: number, cred: Credentials): void {
    this.disk.mknod(this.onDisk(rel), mode, rdev, cred);
  }
  chmod(rel: string, mode: number): void {
    this.disk.chmod(this.onDisk(rel), mode);
  }
  chown(rel: string, uid: number, gid: number): void {
    this.disk.chown(this.onDisk(rel), uid, gid);
  }
  utimes(rel: string, atimeMs: number, mtimeMs: number): void {
    this.disk.utimes(this.onDisk(rel), atimeMs, mtimeMs);
  }
  truncate(rel: string, length: number): void {
    this.disk.truncate(this.onDisk(rel), length);
  }
  getxattr(rel: string, name: string): Uint8Array {
    return this.disk.getxattr(this.onDisk(rel), name);
  }
  setxattr(rel: string, name: string, value: Uint8Array): void {
    this.disk.setxattr(this.onDisk(rel), name, value);
  }
  removexattr(rel: string, name: string): void {
    this.disk.removexattr(this.onDisk(rel), name);
  }
  listxattr(rel: string): string[] {
    return this.disk.listxattr(this.onDisk(rel));
  }
  sameInode(a: string, b: string): boolean {
    return this.disk.sameInode(this.onDisk(a), this.onDisk(b));
  }
}
