// The contract between the path walk (kernel.ts) and a mounted filesystem: the plain simulated disk
// (disk.ts) or an overlay mount (overlayfs.ts). Paths are '/'-joined and relative to the mount's
// root ('' is the root). The VFS has already resolved symlinks and checked that every component
// but the last is a directory; the filesystem still owns the rules only it can know (an overlay's
// EXDEV for directory renames, ENOTEMPTY across layers, EPERM for a 0/0 device).
import type { BlockRanges } from './allocation.js';
import type { FileContent, LazyContent } from './content.js';
import type { Credentials, DirEntry, OpenFlags, Stat } from './types.js';

export interface MountedFs {
  readonly dev: number;
  lstat(rel: string): Stat;
  readdir(rel: string): DirEntry[];
  readlink(rel: string): string;
  /** Where following the link leads, when not where readlink says (/proc/<pid>/root: readlink
   * prints the process's '/', following it reaches the container's merged directory). */
  followLink?(rel: string): string;
  /** The mount namespace a followed link enters (/proc/<pid>/root and cwd of a container's process:
   * its root, whose binds the rest of the walk crosses); undefined: the walker's own. */
  linkNamespace?(rel: string): string | undefined;
  readFile(rel: string): Uint8Array;
  /** readFile of a file whose bytes are made on read, as its description (content.ts); absent,
   * readFile's bytes. */
  readContent?(rel: string): FileContent;
  /** open(2) with the flags, write the bytes (append or at 0), close. */
  writeFile(rel: string, data: Uint8Array, flags: OpenFlags, mode: number, cred: Credentials): void;
  /** writeFile of content made on read (the disk's own kind of file); absent, the bytes are written. */
  writeSynthetic?(rel: string, content: LazyContent, mode: number, cred: Credentials): void;
  /** open(2) for reading or writing without transferring data: copy-up still happens. */
  open(rel: string, flags: OpenFlags & { write: boolean }, mode: number, cred: Credentials): void;
  mkdir(rel: string, mode: number, cred: Credentials): void;
  rmdir(rel: string): void;
  unlink(rel: string): void;
  rename(from: string, to: string): void;
  symlink(target: string, rel: string, cred: Credentials): void;
  link(existing: string, rel: string): void;
  mknod(rel: string, mode: number, rdev: number, cred: Credentials): void;
  chmod(rel: string, mode: number): void;
  chown(rel: string, uid: number, gid: number): void;
  utimes(rel: string, atimeMs: number, mtimeMs: number): void;
  truncate(rel: string, length: number): void;
  getxattr(rel: string, name: string): Uint8Array;
  setxattr(rel: string, name: string, value: Uint8Array): void;
  removexattr(rel: string, name: string): void;
  listxattr(rel: string): string[];
  /** FS_IOC_GETFLAGS / SETFLAGS (chattr, lsattr): the inode's flags, e.g. FS_IMMUTABLE_FL. Absent
   * where the filesystem has none (the ioctl fails). */
  getFlags?(rel: string): number;
  /** Which blocks of a regular file hold data (undefined: every block, a dense file); absent where
   * the filesystem keeps no holes (the file reads as dense). */
  allocation?(rel: string): BlockRanges | undefined;
  /** Which of them fallocate made and nothing wrote since (unwritten: holes to SEEK_DATA). */
  unwrittenBlocks?(rel: string): BlockRanges;
  /** fallocate(2)'s and a sparse write's change to them (unwritten: see Disk.setAllocation). */
  setAllocation?(rel: string, blocks: BlockRanges | undefined, unwritten?: BlockRanges): void;
  setFlags?(rel: string, flags: number): void;
  /** fsync(2) of a file: its writes allocated (Disk: ext4's delayed allocation done). */
  fsync?(rel: string): void;
  /**
   * Whether two names are one inode, as the VFS sees it for rename(2)'s "same file, do nothing"
   * rule. Not the same as equal st_ino: through overlayfs two lower hard links report one st_ino
   * but are two inodes (index=off), and a copied-up file keeps its lower's st_ino.
   */
  sameInode(a: string, b: string): boolean;
}

export function joinRel(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

export function splitRel(rel: string): { dir: string; name: string } {
  const i = rel.lastIndexOf('/');
  return i < 0 ? { dir: '', name: rel } : { dir: rel.slice(0, i), name: rel.slice(i + 1) };
}

/** The inode flag chattr +i sets: no write, no rename, no unlink, no new link (EPERM). */
export const FS_IMMUTABLE_FL = 0x10;
