// Volumes and bind mounts (-v). The kernel model has a call only for overlay mounts, so a bind
// mount is a thin filesystem that forwards to the disk under the source path, put in the kernel's
// mount table as procfs does. Writes through it reach the host path (or the volume's _data), not
// the container's upper dir: the point the tutorial makes about volumes.
import type { Disk, Kernel, Mount } from '../../kernel/index.js';
import type { MountedFs } from '../../kernel/filesystem.js';
import {
  KernelError,
  ReadOnlyFs,
  type Credentials,
  type DirEntry,
  type OpenFlags,
  type PinnedFile,
  type Stat,
} from '../../kernel/index.js';

class BindFs implements MountedFs {
  readonly dev: number;
  constructor(
    private readonly disk: Disk,
    private readonly source: string,
  ) {
    this.dev = disk.dev;
  }
  private p(rel: string): string {
    return rel === '' ? this.source : this.source === '' ? rel : `${this.source}/${rel}`;
  }
  lstat(rel: string): Stat {
    return this.disk.lstat(this.p(rel));
  }
  readdir(rel: string): DirEntry[] {
    return this.disk.readdir(this.p(rel));
  }
  readlink(rel: string): string {
    return this.disk.readlink(this.p(rel));
  }
  readFile(rel: string): Uint8Array {
    return this.disk.readFile(this.p(rel));
  }
  writeFile(rel: string, data: Uint8Array, flags: OpenFlags, mode: number, cred: Credentials): void {
    this.disk.writeFile(this.p(rel), data, flags, mode, cred);
  }
  open(rel: string, flags: OpenFlags & { write: boolean }, mode: number, cred: Credentials): void {
    this.disk.open(this.p(rel), flags, mode, cred);
  }
  mkdir(rel: string, mode: number, cred: Credentials): void {
    this.disk.mkdir(this.p(rel), mode, cred);
  }
  rmdir(rel: string): void {
    this.disk.rmdir(this.p(rel));
  }
  unlink(rel: string): void {
    this.disk.unlink(this.p(rel));
  }
  rename(from: string, to: string): void {
    this.disk.rename(this.p(from), this.p(to));
  }
  symlink(target: string, rel: string, cred: Credentials): void {
    this.disk.symlink(target, this.p(rel), cred);
  }
  link(existing: string, rel: string): void {
    this.disk.link(this.p(existing), this.p(rel));
  }
  mknod(rel: string, mode: number, rdev: number, cred: Credentials): void {
    this.disk.mknod(this.p(rel), mode, rdev, cred);
  }
  chmod(rel: string, mode: number): void {
    this.disk.chmod(this.p(rel), mode);
  }
  chown(rel: string, uid: number, gid: number): void {
    this.disk.chown(this.p(rel), uid, gid);
  }
  utimes(rel: string, a: number, m: number): void {
    this.disk.utimes(this.p(rel), a, m);
  }
  truncate(rel: string, length: number): void {
    this.disk.truncate(this.p(rel), length);
  }
  getxattr(rel: string, name: string): Uint8Array {
    return this.disk.getxattr(this.p(rel), name);
  }
  setxattr(rel: string, name: string, value: Uint8Array): void {
    this.disk.setxattr(this.p(rel), name, value);
  }
  removexattr(rel: string, name: string): void {
    this.disk.removexattr(this.p(rel), name);
  }
  listxattr(rel: string): string[] {
    return this.disk.listxattr(this.p(rel));
  }
  sameInode(a: string, b: string): boolean {
    return this.disk.sameInode(this.p(a), this.p(b));
  }
}

/**
 * A bind-mounted regular file: the mount holds the source's inode, not its name. When the host
 * replaces the file by renaming a new one over it (sed -i, vim), the container keeps the old
 * inode and its old content — a single-file bind mount goes stale.
 */
class FileBindFs implements MountedFs {
  readonly dev: number;
  constructor(
    disk: Disk,
    private readonly file: PinnedFile,
  ) {
    this.dev = disk.dev;
  }
  private only(rel: string, syscall: string): void {
    if (rel !== '') throw new KernelError('ENOTDIR', syscall, rel);
  }
  private notDir(syscall: string, rel: string): never {
    throw new KernelError(rel === '' ? 'EBUSY' : 'ENOTDIR', syscall, rel);
  }
  lstat(rel: string): Stat {
    this.only(rel, 'lstat');
    return this.file.stat();
  }
  readdir(rel: string): DirEntry[] {
    throw new KernelError('ENOTDIR', 'scandir', rel);
  }
  readlink(rel: string): string {
    throw new KernelError(rel === '' ? 'EINVAL' : 'ENOTDIR', 'readlink', rel);
  }
  readFile(rel: string): Uint8Array {
    this.only(rel, 'open');
    return this.file.read();
  }
  writeFile(rel: string, data: Uint8Array, flags: OpenFlags): void {
    this.only(rel, 'open');
    this.file.write(data, flags);
  }
  open(rel: string, flags: OpenFlags & { write: boolean }): void {
    this.only(rel, 'open');
    if (flags.truncate) this.file.write(new Uint8Array(0), flags);
  }
  mkdir(rel: string): void {
    this.notDir('mkdir', rel);
  }
  rmdir(rel: string): void {
    this.notDir('rmdir', rel);
  }
  unlink(rel: string): void {
    this.notDir('unlink', rel);
  }
  rename(from: string): void {
    this.notDir('rename', from);
  }
  symlink(_target: string, rel: string): void {
    this.notDir('symlink', rel);
  }
  link(_existing: string, rel: string): void {
    this.notDir('link', rel);
  }
  mknod(rel: string): void {
    this.notDir('mknod', rel);
  }
  chmod(rel: string, mode: number): void {
    this.only(rel, 'chmod');
    this.file.chmod(mode);
  }
  chown(rel: string, uid: number, gid: number): void {
    this.only(rel, 'chown');
    this.file.chown(uid, gid);
  }
  utimes(rel: string, a: number, m: number): void {
    this.only(rel, 'utimes');
    this.file.utimes(a, m);
  }
  truncate(rel: string, length: number): void {
    this.only(rel, 'truncate');
    this.file.truncate(length);
  }
  getxattr(rel: string, name: string): Uint8Array {
    this.only(rel, 'getxattr');
    const v = this.file.xattrs().get(name);
    if (!v) throw new KernelError('ENODATA', 'getxattr', rel);
    return v;
  }
  setxattr(rel: string, name: string, value: Uint8Array): void {
    this.only(rel, 'setxattr');
    this.file.xattrs().set(name, new Uint8Array(value));
  }
  removexattr(rel: string, name: string): void {
    this.only(rel, 'removexattr');
    if (!this.file.xattrs().delete(name)) throw new KernelError('ENODATA', 'removexattr', rel);
  }
  listxattr(rel: string): string[] {
    this.only(rel, 'listxattr');
    return [...this.file.xattrs().keys()];
  }
  sameInode(a: string, b: string): boolean {
    return a === '' && b === '';
  }
}

/**
 * mount --bind source target (host paths; both must exist and be of the same kind). Docker makes
 * these mounts inside the container's mount namespace: the entry carries `namespace: <container
 * id>` so /proc/mounts of the host leaves it out, and `privateTo: <merged>` so that only the
 * container's processes (and the daemon's view of its rootfs) cross it, not the host's.
 */
export function bindMount(
  kernel: Kernel,
  source: string,
  target: string,
  namespace?: { id: string; merged: string },
  readOnly = false,
): void {
  const rel = source.replace(/^\/+/, '');
  const fs =
    kernel.disk.lstat(rel).type === 'file'
      ? new FileBindFs(kernel.disk, kernel.disk.pinFile(rel))
      : new BindFs(kernel.disk, rel);
  const mount: Mount = {
    target,
    source: '/dev/vda',
    fstype: 'ext4',
    // A read-only bind (MS_RDONLY on this mount alone): the host's own path stays writable.
    options: readOnly ? 'ro,relatime' : 'rw,relatime',
    fs: readOnly ? new ReadOnlyFs(fs) : fs,
    mountRoot: source,
    ...(namespace ? { namespace: namespace.id, privateTo: namespace.merged } : {}),
  };
  kernel.addMount(mount);
}
