// tmpfs: `mount -t tmpfs [-o size=…,mode=…] SOURCE DIR`. Its files live on the simulated disk,
// in a directory the path walk never reaches (below the disk's own /proc, which procfs covers), so
// an overlay can take its upper and work dirs from a tmpfs as the kernel allows (every layer of
// the model sits on the disk). The mount is its own filesystem: its own device, tmpfs' directory
// sizes (40 bytes and 20 an entry) and block counts (whole 4 KiB pages), a size limit df shows
// and writes meet (ENOSPC once its pages are taken; a write that half fits goes in up to the last
// free page, as write(2)'s short count), and nr_inodes= as a limit on the files it holds.
import type { BlockRanges } from './allocation.js';
import { contentSize, type FileContent, type LazyContent, sliceContent } from './content.js';
import type { Disk } from './disk.js';
import { KernelError } from './errors.js';
import type { MountedFs } from './filesystem.js';
import type { Credentials, DirEntry, OpenFlags, Stat } from './types.js';

/** Where tmpfs mounts keep their files on the disk: under /proc, which procfs always covers. */
export const TMPFS_STORE = 'proc/.tmpfs';

const PAGE = 4096;

/** A tmpfs' size without size=: half the memory, as the host's devtmpfs shows it (size=4018796k). */
export const TMPFS_DEFAULT_KB = 4018796;

/** A tmpfs' inodes without nr_inodes=: half the memory's pages (the host's devtmpfs: 1004699). */
export const TMPFS_DEFAULT_INODES = 1004699;

export interface TmpfsOptions {
  /** The size limit in KiB (size=; the default is half the memory). */
  sizeKb: number;
  /** The root directory's mode (mode=; 1777 by default). */
  mode: number;
  /** How many inodes it may hold, its root's too (nr_inodes=). */
  nrInodes: number;
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
  let nrInodes = TMPFS_DEFAULT_INODES;
  const inodes = options.get('nr_inodes');
  if (inodes !== undefined) {
    // memparse: k, m and g multiply; the kernel shows the number it took (shmem_show_options).
    const m = /^(\d+)([kKmMgG]?)$/.exec(inodes);
    if (!m) return undefined;
    const unit = (m[2] ?? '').toLowerCase();
    nrInodes = Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1 << 20 : unit === 'g' ? 1 << 30 : 1);
    if (nrInodes === 0)
      nrInodes = Number.POSITIVE_INFINITY; // nr_inodes=0: no limit
    else shown.push(`nr_inodes=${nrInodes}`);
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
  return { sizeKb, mode, nrInodes, ...ids, shown: shown.map((s) => `,${s}`).join('') };
}

export class TmpFs implements MountedFs {
  readonly dev: number;
  /** FS_IOC_GETFLAGS/SETFLAGS: shmem answers them since Linux 6.0 (absent before: ENOTTY). */
  readonly getFlags?: (rel: string) => number;
  readonly setFlags?: (rel: string, flags: number) => void;

  constructor(
    private readonly disk: Disk,
    /** The mount's root on the disk (under TMPFS_STORE). */
    readonly store: string,
    dev: number,
    readonly sizeKb: number,
    readonly nrInodes: number = TMPFS_DEFAULT_INODES,
    fileattr = false,
  ) {
    this.dev = dev;
    if (fileattr) {
      this.getFlags = (rel) => this.disk.getFlags(this.onDisk(rel));
      this.setFlags = (rel, flags) => this.disk.setFlags(this.onDisk(rel), flags);
    }
  }

  /** ENOSPC for a new inode when nr_inodes are all taken. */
  private newInode(syscall: string, rel: string): void {
    if (this.nrInodes !== Number.POSITIVE_INFINITY && this.usage().inodes >= this.nrInodes)
      throw new KernelError('ENOSPC', syscall, rel);
  }

  private sizeOf(rel: string): number | undefined {
    const path = this.onDisk(rel);
    return this.disk.exists(path) ? this.disk.lstat(path).size : undefined;
  }

  /** The size a file now `size` bytes long may grow to: shmem takes a page for each 4 KiB a file
   * reaches, and none beyond size=. */
  private limit(size: number): number {
    const free = Math.floor(this.sizeKb / 4) - this.usage().usedKb / 4;
    return (Math.ceil(size / PAGE) + Math.max(0, free)) * PAGE;
  }

  private noSpace(rel: string, written: number): KernelError {
    const err = new KernelError('ENOSPC', 'write', rel);
    err.written = written;
    return err;
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
      if (st.type === 'file') pages += this.disk.allocatedBlocks(rel);
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
    } else if (st.type === 'file')
      st.blocks = this.disk.allocatedBlocks(this.onDisk(rel)) * 8; // a hole takes no page
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
    const before = this.sizeOf(rel);
    if (before === undefined && flags.create) this.newInode('open', rel);
    // Truncation frees the file's pages before the write takes new ones.
    if (flags.truncate && before) this.disk.truncate(this.onDisk(rel), 0);
    const size = flags.truncate ? 0 : (before ?? 0);
    const start = flags.append ? size : 0;
    const end = start + data.length;
    const accepted = end <= size ? data.length : Math.max(0, Math.min(data.length, this.limit(size) - start));
    this.disk.writeFile(this.onDisk(rel), data.subarray(0, accepted), flags, mode, cred);
    if (accepted < data.length) throw this.noSpace(rel, accepted);
  }
  writeSynthetic(rel: string, content: LazyContent, mode: number, cred: Credentials): void {
    const total = contentSize(content);
    const before = this.sizeOf(rel);
    if (before === undefined) this.newInode('open', rel);
    else if (before > 0) this.disk.truncate(this.onDisk(rel), 0);
    const fits = Math.min(total, this.limit(0));
    const part = fits < total ? (sliceContent(content, 0, fits) as LazyContent) : content;
    this.disk.writeSynthetic(this.onDisk(rel), part, mode, cred);
    if (fits < total) throw this.noSpace(rel, fits);
  }
  open(rel: string, flags: OpenFlags & { write: boolean }, mode: number, cred: Credentials): void {
    if (flags.create && this.sizeOf(rel) === undefined) this.newInode('open', rel);
    this.disk.open(this.onDisk(rel), flags, mode, cred);
  }
  mkdir(rel: string, mode: number, cred: Credentials): void {
    this.newInode('mkdir', rel);
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
    this.newInode('symlink', rel);
    this.disk.symlink(target, this.onDisk(rel), cred);
  }
  link(existing: string, rel: string): void {
    this.disk.link(this.onDisk(existing), this.onDisk(rel));
  }
  mknod(rel: string, mode: number, rdev: number, cred: Credentials): void {
    this.newInode('mknod', rel);
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
    // A sparse file takes no pages: growing one by truncate needs no room.
    this.disk.truncate(this.onDisk(rel), length);
  }
  allocation(rel: string): BlockRanges | undefined {
    return this.disk.allocation(this.onDisk(rel));
  }
  unwrittenBlocks(rel: string): BlockRanges {
    return this.disk.unwrittenBlocks(this.onDisk(rel));
  }
  setAllocation(rel: string, blocks: BlockRanges | undefined, unwritten?: BlockRanges): void {
    this.disk.setAllocation(this.onDisk(rel), blocks, unwritten);
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
