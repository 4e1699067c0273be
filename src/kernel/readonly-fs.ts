// A read-only view of a mounted filesystem: what MS_RDONLY on one mount does (a `:ro` volume, a
// container run with --read-only). Reads go through; every change fails with EROFS. The same
// filesystem stays writable through its other mounts: the host still writes to a directory a
// container has bound read-only. The VFS (proc.ts) has already found what must exist or must not
// (ENOENT, EEXIST, EISDIR), so those errors still come first, as mnt_want_write comes after lookup.
import type { BlockRanges } from './allocation.js';
import { KernelError } from './errors.js';
import type { FileContent } from './content.js';
import type { MountedFs } from './filesystem.js';
import type { DirEntry, OpenFlags, Stat } from './types.js';

export class ReadOnlyFs implements MountedFs {
  readonly dev: number;
  constructor(readonly inner: MountedFs) {
    this.dev = inner.dev;
  }
  private refuse(syscall: string, rel: string): never {
    throw new KernelError('EROFS', syscall, rel);
  }
  lstat(rel: string): Stat {
    return this.inner.lstat(rel);
  }
  readdir(rel: string): DirEntry[] {
    return this.inner.readdir(rel);
  }
  readlink(rel: string): string {
    return this.inner.readlink(rel);
  }
  readFile(rel: string): Uint8Array {
    return this.inner.readFile(rel);
  }
  readContent(rel: string): FileContent {
    return this.inner.readContent ? this.inner.readContent(rel) : this.inner.readFile(rel);
  }
  allocation(rel: string): BlockRanges | undefined {
    return this.inner.allocation?.(rel);
  }
  unwrittenBlocks(rel: string): BlockRanges {
    return this.inner.unwrittenBlocks?.(rel) ?? [];
  }
  setAllocation(rel: string): void {
    this.refuse('fallocate', rel);
  }
  writeFile(rel: string): void {
    this.refuse('open', rel);
  }
  open(rel: string, flags: OpenFlags & { write: boolean }, mode: number, cred: { uid: number; gid: number }): void {
    let exists = true;
    try {
      this.inner.lstat(rel);
    } catch {
      exists = false;
    }
    // Opening an existing file to read, even with O_CREAT, changes nothing.
    if (flags.write || flags.truncate || !exists) this.refuse('open', rel);
    this.inner.open(rel, flags, mode, cred);
  }
  mkdir(rel: string): void {
    this.refuse('mkdir', rel);
  }
  rmdir(rel: string): void {
    this.refuse('rmdir', rel);
  }
  unlink(rel: string): void {
    this.refuse('unlink', rel);
  }
  rename(from: string): void {
    this.refuse('rename', from);
  }
  symlink(_target: string, rel: string): void {
    this.refuse('symlink', rel);
  }
  link(_existing: string, rel: string): void {
    this.refuse('link', rel);
  }
  mknod(rel: string): void {
    this.refuse('mknod', rel);
  }
  chmod(rel: string): void {
    this.refuse('chmod', rel);
  }
  chown(rel: string): void {
    this.refuse('chown', rel);
  }
  utimes(rel: string): void {
    this.refuse('utimes', rel);
  }
  truncate(rel: string): void {
    this.refuse('truncate', rel);
  }
  getxattr(rel: string, name: string): Uint8Array {
    return this.inner.getxattr(rel, name);
  }
  setxattr(rel: string): void {
    this.refuse('setxattr', rel);
  }
  removexattr(rel: string): void {
    this.refuse('removexattr', rel);
  }
  listxattr(rel: string): string[] {
    return this.inner.listxattr(rel);
  }
  sameInode(a: string, b: string): boolean {
    return this.inner.sameInode(a, b);
  }
}

/** A mount's option string made read-only: its leading rw (or ro) becomes ro. */
export function readOnlyOptions(options: string): string {
  return options.replace(/^(rw|ro)(,|$)/, 'ro$2').replace(/^(?!ro(,|$))/, 'ro,');
}
