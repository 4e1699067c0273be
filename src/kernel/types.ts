// Shapes shared by the simulated disk, the overlay model and the VFS in front of them.

export type FileType = 'file' | 'dir' | 'symlink' | 'chr' | 'blk' | 'fifo' | 'sock';

export const S_IFMT = 0o170000;
export const S_IFSOCK = 0o140000;
export const S_IFLNK = 0o120000;
export const S_IFREG = 0o100000;
export const S_IFBLK = 0o060000;
export const S_IFDIR = 0o040000;
export const S_IFCHR = 0o020000;
export const S_IFIFO = 0o010000;

const TYPE_BITS: Record<FileType, number> = {
  file: S_IFREG,
  dir: S_IFDIR,
  symlink: S_IFLNK,
  chr: S_IFCHR,
  blk: S_IFBLK,
  fifo: S_IFIFO,
  sock: S_IFSOCK,
};

export function typeBits(type: FileType): number {
  return TYPE_BITS[type];
}

export function typeOfMode(mode: number): FileType {
  switch (mode & S_IFMT) {
    case S_IFDIR:
      return 'dir';
    case S_IFLNK:
      return 'symlink';
    case S_IFCHR:
      return 'chr';
    case S_IFBLK:
      return 'blk';
    case S_IFIFO:
      return 'fifo';
    case S_IFSOCK:
      return 'sock';
    default:
      return 'file';
  }
}

export function makedev(major: number, minor: number): number {
  return major * 256 + minor;
}
export function major(dev: number): number {
  return Math.floor(dev / 256);
}
export function minor(dev: number): number {
  return dev % 256;
}

/** What stat(2) returns; times in milliseconds since the epoch. */
export interface Stat {
  type: FileType;
  dev: number;
  ino: number;
  /** Type bits and permission bits, as st_mode. */
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: number;
  size: number;
  blocks: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  /** statx's btime, set when the inode was made; undefined where the filesystem keeps none (proc). */
  btimeMs?: number;
}

export interface DirEntry {
  name: string;
  type: FileType;
}

/** The host's clock and randomness come in from outside so a seed reproduces every id. */
export interface Clock {
  now(): number;
}

export interface Random {
  /** Fills the array with random bytes. */
  fill(bytes: Uint8Array): Uint8Array;
}

export interface Credentials {
  uid: number;
  gid: number;
  /** Supplementary groups (getgroups). */
  groups?: readonly number[];
  /** The effective capability set (src/kernel/capabilities.ts); absent: all of them (the host's root). */
  caps?: bigint;
}

export interface OpenFlags {
  /** O_CREAT */
  create?: boolean;
  /** O_EXCL */
  exclusive?: boolean;
  /** O_TRUNC */
  truncate?: boolean;
  /** O_APPEND */
  append?: boolean;
}

/** A whiteout is a character device with device number 0/0 (kernel overlayfs.rst). */
export const WHITEOUT_RDEV = 0;
export const OVL_XATTR_PREFIX = 'trusted.overlay.';
export const OVL_OPAQUE = 'trusted.overlay.opaque';
export const OVL_ORIGIN = 'trusted.overlay.origin';
export const OVL_IMPURE = 'trusted.overlay.impure';
export const OVL_UUID = 'trusted.overlay.uuid';
export const OVL_REDIRECT = 'trusted.overlay.redirect';

/**
 * The mount namespace key of the daemon's view of a container's rootfs (docker cp, export): the
 * mounts the daemon makes there for the operation (the container's binds and volumes, Mount.namespace),
 * without runc's /proc and /dev.
 */
export function daemonView(merged: string): string {
  return `daemon:${merged}`;
}
