// A process's view of the kernel: its root (a container shell's root is the container's merged
// directory), its working directory, credentials and umask. Every syscall resolves its path the
// way namei does — component by component, following symlinks relative to the process root,
// crossing mountpoints — and fails with the errno Linux gives.
import type { BlockRanges } from './allocation.js';
import { KernelError } from './errors.js';
import { checkAccess, checkDirChange, checkOwner, MAY_EXEC, MAY_READ, MAY_WRITE } from './permission.js';
import { FS_IMMUTABLE_FL } from './filesystem.js';
import { capable } from './capabilities.js';
import type { CachedDir, Generations } from './dcache.js';
import type { Kernel, Mount } from './kernel.js';
import { parseTmpfsOptions, TMPFS_DEFAULT_KB } from './tmpfs.js';
import { daemonView, S_IFMT, type Credentials, type DirEntry, type OpenFlags, type Stat } from './types.js';
import { contentBytes, type FileContent, type LazyContent } from './content.js';

export interface ProcOptions {
  /** Host path of the process root; '/' unless chroot'ed. */
  root?: string;
  /** Working directory, as the process sees it. */
  cwd?: string;
  cred?: Credentials;
  umask?: number;
  /** The daemon's view of a container's rootfs (docker cp, export, making mountpoints): the
   * host's mounts and the container's binds and volumes, not runc's own /proc and /dev. */
  hostView?: boolean;
  /** Its pid namespace, when not its root's: `nsenter -m` alone leaves a process in the host's ('/'). */
  pidNs?: string;
  /** Entered another process's namespaces (nsenter): a process of its own there. */
  entered?: boolean;
  /** The host name of its UTS namespace, when it entered one (nsenter -u). */
  uts?: string;
}

/** The command a process runs, as /proc/self shows it. */
export interface ProcCommand {
  argv: readonly string[];
  env: Readonly<Record<string, string>>;
}

interface Resolved {
  host: string;
  mount: Mount;
  rel: string;
  stat?: Stat;
}

const MAX_SYMLINKS = 40;

export function hostJoin(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

function hostParent(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export class Proc {
  readonly kernel: Kernel;
  readonly root: string;
  cred: Credentials;
  umask: number;
  /** The pid namespace (a container's root, or '/'); undefined: its root's. */
  readonly pidNs: string | undefined;
  readonly entered: boolean;
  readonly uts: string | undefined;
  /** The command it runs while one runs (the shell sets it), for /proc/self. */
  command: ProcCommand | undefined;
  private cwdHost: string;
  private lastParent: { names: number; all: number; dir: string; root: string; entry: CachedDir } | undefined;

  /** The mount namespace: a process rooted in a container's merged dir sees that container's
   * private mounts (Mount.privateTo); undefined for the host's. */
  private readonly ns: string | undefined;

  constructor(kernel: Kernel, options: ProcOptions) {
    this.kernel = kernel;
    this.root = options.root ?? '/';
    this.ns = this.root === '/' ? undefined : options.hostView ? daemonView(this.root) : this.root;
    this.cred = options.cred ?? { uid: 0, gid: 0 };
    this.umask = options.umask ?? 0o022;
    this.pidNs = options.pidNs;
    this.entered = !!options.entered;
    this.uts = options.uts;
    this.cwdHost = this.root;
    if (options.cwd) this.chdir(options.cwd);
  }

  // ---- paths ---------------------------------------------------------------------------------

  /** A host path as this process names it (inside a container: without the merged prefix). */
  toProcPath(host: string): string {
    if (this.root === '/') return host;
    if (host === this.root) return '/';
    return host.startsWith(`${this.root}/`) ? host.slice(this.root.length) : host;
  }

  /** A path as the process names it, made absolute in host terms, without resolving anything. */
  toHostPath(path: string): string {
    return this.resolve(path, false, 'stat', true).host;
  }

  private lstatHost(host: string): Stat | undefined {
    return this.lstatAt(this.kernel.locate(host, this.ns));
  }

  private lstatAt({ mount, rel }: { mount: Mount; rel: string }): Stat | undefined {
    try {
      return mount.fs.lstat(rel);
    } catch (err) {
      if (err instanceof KernelError && err.code === 'ENOENT') return undefined;
      throw err;
    }
  }

  /** The dcache's entry for `dir`, a path's parent as given; the last one asked for is kept
   * here too, sparing a walk of one directory the hashing of its path for each of its entries. */
  private parentDir(gen: Generations, dir: string, keyOf: (p: string) => string): CachedDir | undefined {
    const last = this.lastParent;
    const fresh = last && last.names === gen.names && (last.all === -1 || last.all === gen.all);
    if (fresh && last.dir === dir && last.root === this.root) return last.entry;
    const entry = this.kernel.dcache.get(gen, keyOf(dir));
    // A relative path's key holds the cwd: keep only absolute ones here.
    const all = entry?.mount.fs === this.kernel.disk ? -1 : gen.all;
    this.lastParent = entry && dir.startsWith('/') ? { names: gen.names, all, dir, root: this.root, entry } : undefined;
    return entry;
  }

  /** Where `next`, the entry `comp` of a directory at `at`, lives: a mountpoint or the same mount
   * one name further (what kernel.locate would find, without walking the path's ancestors). */
  private locateChild(
    at: { mount: Mount; rel: string } | undefined,
    cur: string,
    next: string,
    comp: string,
    ns = this.ns,
  ) {
    if (!at) return this.kernel.locate(next, ns);
    const mounted = this.kernel.mountOn(cur, next, ns);
    if (mounted) return { mount: mounted, rel: '' };
    return { mount: at.mount, rel: at.rel === '' ? comp : `${at.rel}/${comp}` };
  }

  /**
   * namei: walks the path. With allowMissing the last component may be absent (for creation);
   * with follow a symlink in the last component is followed. A parent directory resolved before
   * (and nothing changed since) is taken from the kernel's dcache instead of walked again.
   */
  private resolve(path: string, follow: boolean, syscall: string, allowMissing = false): Resolved {
    // Whose /proc/self: everything from here to the filesystem's answer runs synchronously.
    this.kernel.reader = this;
    if (path === '') throw new KernelError('ENOENT', syscall, path);
    const trailingSlash = path.length > 1 && path.endsWith('/');
    if (trailingSlash) follow = true;
    let pending: string[];
    let at = 0; // the next component of `pending`
    let cur = path.startsWith('/') ? this.root : this.cwdHost;
    let curStat: Stat | undefined;
    let where: { mount: Mount; rel: string } | undefined; // cur's mount, when known
    const gen: Generations = { names: this.kernel.namesGeneration, all: this.kernel.generation };
    const cut = path.lastIndexOf('/');
    const last = path.slice(cut + 1);
    // The dcache's key: the path as given, from where it starts (a chroot, the cwd).
    const keyOf = (p: string) =>
      `${this.ns === undefined ? '' : `${this.ns}\0`}${path.startsWith('/') ? this.root : this.cwdHost}\0${p}`;
    const cacheable = last !== '' && last !== '.' && last !== '..';
    // A process that is not root needs search (x) on every directory it walks through
    // (may_lookup): the cache's shortcut past the ancestors is root's alone.
    const searched = this.cred.uid !== 0;
    const parent = cacheable && cut > 0 && !searched ? this.parentDir(gen, path.slice(0, cut), keyOf) : undefined;
    if (parent) {
      cur = parent.host;
      // Only its type is read (the first step below takes `last`'s own stat): a directory on the
      // disk kept through writes has an older mtime in it, never another type.
      curStat = parent.stat;
      where = parent;
      pending = [last];
    } else pending = path.split('/').filter((c) => c !== '');
    let links = 0;
    // The mount namespace the walk is in: a /proc/<pid>/root link followed enters the task's.
    let ns = this.ns;
    for (let comp = pending[at]; comp !== undefined; comp = pending[at]) {
      at++;
      const lastComp = at === pending.length;
      if (searched) {
        curStat ??= this.lstatHost(cur);
        if (curStat?.type === 'dir') checkAccess(curStat, this.cred, MAY_EXEC, syscall, path);
      }
      if (comp === '.' || comp === '..') {
        // Looking up . or .. needs a directory: file/. and file/.. are ENOTDIR, as on Linux.
        const dirStat = curStat ?? this.lstatHost(cur);
        if (dirStat && dirStat.type !== 'dir') throw new KernelError('ENOTDIR', syscall, path);
        curStat = dirStat;
      }
      if (comp === '.') continue;
      if (comp === '..') {
        if (cur !== this.root) cur = hostParent(cur);
        curStat = undefined;
        where = undefined;
        continue;
      }
      const dirStat = curStat ?? this.lstatAt(this.kernel.locate(cur, ns));
      if (!dirStat) throw new KernelError('ENOENT', syscall, path);
      if (dirStat.type !== 'dir') throw new KernelError('ENOTDIR', syscall, path);
      const next = hostJoin(cur, comp);
      const nextWhere = this.locateChild(where, cur, next, comp, ns);
      const st = this.lstatAt(nextWhere);
      if (!st) {
        if (lastComp && allowMissing) return { host: next, ...nextWhere };
        throw new KernelError('ENOENT', syscall, path);
      }
      if (st.type === 'symlink' && (!lastComp || follow)) {
        if (++links > MAX_SYMLINKS) throw new KernelError('ELOOP', syscall, path);
        const fs = nextWhere.mount.fs;
        const target = fs.followLink ? fs.followLink(nextWhere.rel) : fs.readlink(nextWhere.rel);
        if (target === '') throw new KernelError('ENOENT', syscall, path);
        ns = fs.linkNamespace?.(nextWhere.rel) ?? ns;
        if (target.startsWith('/')) cur = this.root;
        curStat = undefined;
        where = undefined;
        pending = [...target.split('/').filter((c) => c !== ''), ...pending.slice(at)];
        at = 0;
        if (pending.length === 0) pending = ['.'];
        continue;
      }
      cur = next;
      curStat = st;
      where = nextWhere;
    }
    const stat = curStat ?? this.lstatAt(this.kernel.locate(cur, ns));
    if (!stat) throw new KernelError('ENOENT', syscall, path);
    if (trailingSlash && stat.type !== 'dir') throw new KernelError('ENOTDIR', syscall, path);
    const { mount, rel } = where ?? this.kernel.locate(cur, ns);
    const onDisk = mount.fs === this.kernel.disk;
    // A walk that entered another namespace is not cached under this process's key.
    if (cacheable && ns === this.ns && stat.type === 'dir' && (onDisk || mount.fstype === 'overlay'))
      this.kernel.dcache.set(gen, keyOf(path), { host: cur, mount, rel, stat }, onDisk);
    return { host: cur, mount, rel, stat };
  }

  /** Resolves the parent directory and returns the final name, for calls that create or remove. */
  private resolveParent(
    path: string,
    syscall: string,
  ): Resolved & { name: string; parentHost: string; parentStat?: Stat } {
    const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
    const i = trimmed.lastIndexOf('/');
    const dirPart = i < 0 ? '.' : i === 0 ? '/' : trimmed.slice(0, i);
    const name = trimmed.slice(i + 1);
    if (name === '' || trimmed === '/') throw new KernelError('EBUSY', syscall, path);
    const dir = this.resolve(dirPart, true, syscall);
    if (dir.stat?.type !== 'dir') throw new KernelError('ENOTDIR', syscall, path);
    const host = name === '.' || name === '..' ? dir.host : hostJoin(dir.host, name);
    const { mount, rel } = this.kernel.locate(host, this.ns);
    return {
      host,
      mount,
      rel,
      name,
      parentHost: dir.host,
      ...(dir.stat ? { parentStat: dir.stat } : {}),
      stat: name === '.' || name === '..' ? dir.stat : this.lstatHost(host),
    };
  }

  private onDisk(r: { mount: Mount }): boolean {
    return r.mount.fs === this.kernel.disk;
  }

  /** chattr +i: the inode takes no change (EPERM), whoever asks. */
  private refuseImmutable(r: { mount: Mount; rel: string; stat?: Stat | undefined }, syscall: string, path: string) {
    if (r.stat && ((r.mount.fs.getFlags?.(r.rel) ?? 0) & FS_IMMUTABLE_FL) !== 0)
      throw new KernelError('EPERM', syscall, path);
  }

  /** An entry added to or taken from a directory: neither the directory nor the inode may be immutable. */
  private refuseEntryChange(
    p: { parentHost: string; mount: Mount; rel: string; stat?: Stat },
    syscall: string,
    path: string,
  ) {
    const dir = this.kernel.locate(p.parentHost, this.ns);
    this.refuseImmutable({ ...dir, stat: this.lstatHost(p.parentHost) }, syscall, path);
    this.refuseImmutable(p, syscall, path);
  }

  /** open(2) to write: the file must not be immutable; a new one needs its directory not to be. */
  private refuseCreateOrWrite(r: Resolved, path: string): void {
    if (r.stat) return this.refuseImmutable(r, 'open', path);
    const slash = r.host.lastIndexOf('/');
    const parent = slash <= 0 ? '/' : r.host.slice(0, slash);
    this.refuseImmutable({ ...this.kernel.locate(parent, this.ns), stat: this.lstatHost(parent) }, 'open', path);
  }

  /** The ioctl's answer where a filesystem keeps no flags: tmpfs before Linux 6.0 has no fileattr
   * (ENOTTY), proc and the rest refuse with EOPNOTSUPP. */
  private noFlags(r: Resolved, path: string): KernelError {
    return new KernelError(r.mount.fstype === 'tmpfs' ? 'ENOTTY' : 'EOPNOTSUPP', 'ioctl', path);
  }

  /** FS_IOC_GETFLAGS (lsattr): the inode's flags; a filesystem without them refuses the ioctl. */
  getFlags(path: string): number {
    const r = this.resolve(path, true, 'ioctl');
    if (!r.mount.fs.getFlags) throw this.noFlags(r, path);
    if (!r.mount.fs.getFlags || (r.stat?.type !== 'file' && r.stat?.type !== 'dir'))
      throw new KernelError('EOPNOTSUPP', 'ioctl', path);
    return r.mount.fs.getFlags(r.rel);
  }

  /** FS_IOC_SETFLAGS (chattr): through an overlay the file is copied up and the upper inode changed. */
  setFlags(path: string, flags: number): void {
    const r = this.resolve(path, true, 'ioctl');
    if (!r.mount.fs.setFlags) throw this.noFlags(r, path);
    if (!r.mount.fs.setFlags || (r.stat?.type !== 'file' && r.stat?.type !== 'dir'))
      throw new KernelError('EOPNOTSUPP', 'ioctl', path);
    r.mount.fs.setFlags(r.rel, flags);
    this.kernel.emit({ kind: 'attr', path: r.host, what: 'chattr' });
  }

  // ---- reading -------------------------------------------------------------------------------

  stat(path: string): Stat {
    return this.resolve(path, true, 'stat').stat as Stat;
  }

  lstat(path: string): Stat {
    return this.resolve(path, false, 'lstat').stat as Stat;
  }

  /** The mount a path is on, as this process sees the mounts (a container's own /dev/shm too):
   * statfs(2)'s filesystem. */
  mountOf(path: string): Mount {
    return this.resolve(path, true, 'statfs').mount;
  }

  exists(path: string): boolean {
    try {
      this.resolve(path, true, 'access');
      return true;
    } catch {
      return false;
    }
  }

  readdir(path: string): DirEntry[] {
    const r = this.resolve(path, true, 'scandir');
    if (r.stat?.type !== 'dir') throw new KernelError('ENOTDIR', 'scandir', path);
    checkAccess(r.stat, this.cred, MAY_READ, 'scandir', path);
    return r.mount.fs.readdir(r.rel);
  }

  readFile(path: string): Uint8Array {
    const r = this.resolve(path, true, 'open');
    if (r.stat?.type === 'dir') throw new KernelError('EISDIR', 'read', path);
    checkAccess(r.stat, this.cred, MAY_READ, 'open', path);
    return r.mount.fs.readFile(r.rel);
  }

  /** readFile of a file that may keep a description of its bytes (a synthetic file, a saved
   * image's tar): the description, so a reader that walks it (tar, sha256sum, docker load) never
   * holds every byte. Other files give their bytes. */
  readContent(path: string): FileContent {
    const r = this.resolve(path, true, 'open');
    if (r.stat?.type === 'dir') throw new KernelError('EISDIR', 'read', path);
    checkAccess(r.stat, this.cred, MAY_READ, 'open', path);
    return r.mount.fs.readContent ? r.mount.fs.readContent(r.rel) : r.mount.fs.readFile(r.rel);
  }

  /** writeFile of any content: bytes are written, a description kept where the disk can keep one. */
  writeContent(path: string, content: FileContent, mode = 0o666): void {
    if (content instanceof Uint8Array) this.writeFile(path, content, { create: true, truncate: true }, mode);
    else this.writeSyntheticFile(path, content, mode);
  }

  readlink(path: string): string {
    const r = this.resolve(path, false, 'readlink');
    if (r.stat?.type !== 'symlink') throw new KernelError('EINVAL', 'readlink', path);
    return r.mount.fs.readlink(r.rel);
  }

  /** realpath(3), as this process names the result. */
  realpath(path: string): string {
    return this.toProcPath(this.resolve(path, true, 'realpath').host);
  }

  getcwd(): string {
    return this.toProcPath(this.cwdHost);
  }

  /** fork(2)'s cwd: the child shares the parent's working directory, even one since removed
   * (a path lookup there then fails as it would; chdir() to it would fail first). */
  inheritCwd(parent: Proc): void {
    this.cwdHost = parent.cwdHost;
  }

  chdir(path: string): void {
    const r = this.resolve(path, true, 'chdir');
    if (r.stat?.type !== 'dir') throw new KernelError('ENOTDIR', 'chdir', path);
    checkAccess(r.stat, this.cred, MAY_EXEC, 'chdir', path);
    this.cwdHost = r.host;
  }

  getxattr(path: string, name: string, follow = true): Uint8Array {
    const r = this.resolve(path, follow, 'getxattr');
    userXattrAllowed(r.stat, name, 'getxattr', path);
    return r.mount.fs.getxattr(r.rel, name);
  }

  listxattr(path: string, follow = true): string[] {
    const r = this.resolve(path, follow, 'listxattr');
    return r.mount.fs.listxattr(r.rel);
  }

  // ---- writing -------------------------------------------------------------------------------

  private resolveForOpen(path: string, flags: OpenFlags, write = true): Resolved {
    if (flags.create && flags.exclusive) {
      const p = this.resolveParent(path, 'open');
      if (p.stat) throw new KernelError('EEXIST', 'open', path);
      if (path.endsWith('/')) throw new KernelError('EISDIR', 'open', path);
      checkDirChange(p.parentStat, undefined, this.cred, 'open', path);
      return p;
    }
    const r = this.resolve(path, true, 'open', flags.create === true);
    if (!r.stat && path.endsWith('/')) throw new KernelError('EISDIR', 'open', path);
    if (this.cred.uid !== 0) {
      if (!r.stat) checkDirChange(this.lstatHost(hostParent(r.host)), undefined, this.cred, 'open', path);
      else if (r.stat.type !== 'dir') checkAccess(r.stat, this.cred, write ? MAY_WRITE : MAY_READ, 'open', path);
    }
    return r;
  }

  /** open(2) + write(2) + close(2). Default flags are the shell's `>`: create and truncate. */
  writeFile(
    path: string,
    data: Uint8Array | string,
    flags: OpenFlags = { create: true, truncate: true },
    mode = 0o666,
  ): void {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const r = this.resolveForOpen(path, flags);
    if (r.stat?.type === 'dir') throw new KernelError('EISDIR', 'open', path);
    this.refuseCreateOrWrite(r, path);
    r.mount.fs.writeFile(r.rel, bytes, flags, mode & ~this.umask, this.cred);
    if (this.onDisk(r)) {
      if (!r.stat) this.kernel.emit({ kind: 'create', path: r.host, type: 'file' });
      if (bytes.length > 0 || flags.truncate) this.kernel.emit({ kind: 'write', path: r.host });
    }
  }

  /**
   * writeFile(path, bytes) of a file whose bytes are made on read (synthetic.ts): the plain disk
   * keeps the descriptor alone; any other filesystem is handed the bytes.
   */
  writeSyntheticFile(path: string, content: LazyContent, mode = 0o666): void {
    const r = this.resolveForOpen(path, { create: true, truncate: true });
    if (r.stat?.type === 'dir') throw new KernelError('EISDIR', 'open', path);
    this.refuseCreateOrWrite(r, path);
    if (!r.mount.fs.writeSynthetic)
      return this.writeFile(path, contentBytes(content), { create: true, truncate: true }, mode);
    r.mount.fs.writeSynthetic(r.rel, content, mode & ~this.umask, this.cred);
    if (this.onDisk(r)) {
      if (!r.stat) this.kernel.emit({ kind: 'create', path: r.host, type: 'file' });
      this.kernel.emit({ kind: 'write', path: r.host });
    }
  }

  /** open(2) and close(2) with no data: `touch`, or `: >> file`. Opening to write copies up. */
  open(path: string, flags: OpenFlags & { write: boolean }, mode = 0o666): void {
    const r = this.resolveForOpen(path, flags, flags.write || !!flags.truncate);
    if (r.stat?.type === 'dir' && flags.write) throw new KernelError('EISDIR', 'open', path);
    if (flags.write || !r.stat) this.refuseCreateOrWrite(r, path);
    r.mount.fs.open(r.rel, flags, mode & ~this.umask, this.cred);
    if (this.onDisk(r) && !r.stat) this.kernel.emit({ kind: 'create', path: r.host, type: 'file' });
  }

  mkdir(path: string, mode = 0o777): void {
    const p = this.resolveParent(path, 'mkdir');
    if (p.stat) throw new KernelError('EEXIST', 'mkdir', path);
    checkDirChange(p.parentStat, undefined, this.cred, 'mkdir', path);
    this.refuseEntryChange(p, 'mkdir', path);
    p.mount.fs.mkdir(p.rel, mode & ~this.umask & 0o7777, this.cred);
    if (this.onDisk(p)) this.kernel.emit({ kind: 'create', path: p.host, type: 'dir' });
  }

  rmdir(path: string): void {
    const trimmed = path.replace(/\/+$/, '');
    if (baseName(trimmed) === '.') throw new KernelError('EINVAL', 'rmdir', path);
    if (baseName(trimmed) === '..') throw new KernelError('ENOTEMPTY', 'rmdir', path);
    const p = this.resolveParent(path, 'rmdir');
    if (!p.stat) throw new KernelError('ENOENT', 'rmdir', path);
    if (p.stat.type !== 'dir') throw new KernelError('ENOTDIR', 'rmdir', path);
    checkDirChange(p.parentStat, p.stat, this.cred, 'rmdir', path);
    if (this.kernel.isMountpoint(p.host) || p.host === this.root) throw new KernelError('EBUSY', 'rmdir', path);
    this.refuseEntryChange(p, 'rmdir', path);
    p.mount.fs.rmdir(p.rel);
    if (this.onDisk(p)) this.kernel.emit({ kind: 'delete', path: p.host, type: 'dir' });
  }

  unlink(path: string): void {
    const p = this.resolveParent(path, 'unlink');
    if (p.name === '.' || p.name === '..') throw new KernelError('EISDIR', 'unlink', path);
    if (!p.stat) throw new KernelError('ENOENT', 'unlink', path);
    if (p.stat.type === 'dir') throw new KernelError('EISDIR', 'unlink', path);
    if (path.endsWith('/')) throw new KernelError('ENOTDIR', 'unlink', path);
    checkDirChange(p.parentStat, p.stat, this.cred, 'unlink', path);
    this.refuseEntryChange(p, 'unlink', path);
    p.mount.fs.unlink(p.rel);
    if (this.onDisk(p)) this.kernel.emit({ kind: 'delete', path: p.host, type: p.stat.type });
  }

  rename(from: string, to: string): void {
    const o = this.resolveParent(from, 'rename');
    const n = this.resolveParent(to, 'rename');
    if (o.mount !== n.mount) throw new KernelError('EXDEV', 'rename', from);
    if (!o.stat) throw new KernelError('ENOENT', 'rename', from);
    if (o.name === '.' || o.name === '..' || n.name === '.' || n.name === '..')
      throw new KernelError('EBUSY', 'rename', from);
    const isDir = o.stat.type === 'dir';
    if (!isDir && (from.endsWith('/') || to.endsWith('/'))) throw new KernelError('ENOTDIR', 'rename', from);
    if (n.host === o.host) return;
    checkDirChange(o.parentStat, o.stat, this.cred, 'rename', from);
    checkDirChange(n.parentStat, n.stat, this.cred, 'rename', to);
    if (n.host.startsWith(`${o.host}/`)) throw new KernelError('EINVAL', 'rename', from);
    if (o.host.startsWith(`${n.host}/`)) throw new KernelError('ENOTEMPTY', 'rename', to);
    if (n.stat) {
      if (o.mount.fs.sameInode(o.rel, n.rel)) return;
      if (isDir && n.stat.type !== 'dir') throw new KernelError('ENOTDIR', 'rename', to);
      if (!isDir && n.stat.type === 'dir') throw new KernelError('EISDIR', 'rename', to);
    }
    for (const h of [o.host, n.host]) {
      if (this.kernel.isMountpoint(h) || h === this.root) throw new KernelError('EBUSY', 'rename', from);
    }
    this.refuseEntryChange(o, 'rename', from);
    this.refuseEntryChange(n, 'rename', to);
    o.mount.fs.rename(o.rel, n.rel);
    if (this.onDisk(o)) this.kernel.emit({ kind: 'rename', from: o.host, to: n.host });
  }

  symlink(target: string, path: string): void {
    const p = this.resolveParent(path, 'symlink');
    if (p.stat) throw new KernelError('EEXIST', 'symlink', path);
    if (target === '') throw new KernelError('ENOENT', 'symlink', path);
    checkDirChange(p.parentStat, undefined, this.cred, 'symlink', path);
    this.refuseEntryChange(p, 'symlink', path);
    p.mount.fs.symlink(target, p.rel, this.cred);
    if (this.onDisk(p)) this.kernel.emit({ kind: 'create', path: p.host, type: 'symlink' });
  }

  link(existing: string, path: string): void {
    const o = this.resolve(existing, false, 'link');
    const p = this.resolveParent(path, 'link');
    if (p.stat) throw new KernelError('EEXIST', 'link', path);
    if (o.mount !== p.mount) throw new KernelError('EXDEV', 'link', existing);
    if (o.stat?.type === 'dir') throw new KernelError('EPERM', 'link', existing);
    checkDirChange(p.parentStat, undefined, this.cred, 'link', path);
    this.refuseImmutable(o, 'link', existing);
    this.refuseEntryChange(p, 'link', path);
    o.mount.fs.link(o.rel, p.rel);
    if (this.onDisk(p)) this.kernel.emit({ kind: 'create', path: p.host, type: (o.stat as Stat).type });
  }

  mknod(path: string, mode: number, rdev = 0): void {
    const p = this.resolveParent(path, 'mknod');
    if (p.stat) throw new KernelError('EEXIST', 'mknod', path);
    // Only root makes device nodes (CAP_MKNOD); a FIFO or socket needs write on the directory.
    if (!capable(this.cred, 'MKNOD') && (mode & S_IFMT) !== 0o010000 && (mode & S_IFMT) !== 0o140000)
      throw new KernelError('EPERM', 'mknod', path);
    checkDirChange(p.parentStat, undefined, this.cred, 'mknod', path);
    const perm = mode & 0o7777 & ~this.umask;
    this.refuseEntryChange(p, 'mknod', path);
    p.mount.fs.mknod(p.rel, (mode & S_IFMT) | perm, rdev, this.cred);
    if (this.onDisk(p)) this.kernel.emit({ kind: 'create', path: p.host, type: 'chr' });
  }

  chmod(path: string, mode: number): void {
    const r = this.resolve(path, true, 'chmod');
    checkOwner(r.stat, this.cred, 'chmod', path);
    this.refuseImmutable(r, 'chmod', path);
    r.mount.fs.chmod(r.rel, mode & 0o7777);
    this.kernel.emit({ kind: 'attr', path: r.host, what: 'chmod' });
  }

  chown(path: string, uid: number, gid: number, follow = true): void {
    const r = this.resolve(path, follow, follow ? 'chown' : 'lchown');
    // Only root gives a file away (CAP_CHOWN); an owner may only keep it as it is.
    if (!capable(this.cred, 'CHOWN') && ((uid !== -1 && uid !== r.stat?.uid) || (gid !== -1 && gid !== r.stat?.gid)))
      throw new KernelError('EPERM', follow ? 'chown' : 'lchown', path);
    this.refuseImmutable(r, 'chown', path);
    r.mount.fs.chown(r.rel, uid, gid);
    // chown(2) on anything but a directory drops set-user-ID, and set-group-ID where the group
    // may execute — even done by root, even to the same owner (fs/open.c chown_common). The
    // filesystems' own chown (an overlay's copy-up, say) keeps them, as notify_change does.
    // Which is why tar, cp -p, sed -i and dockerd set the owner first and the mode after.
    const mode = (r.stat?.type === 'dir' ? 0 : (r.stat?.mode ?? 0)) & 0o7777;
    const kept = mode & (mode & 0o010 ? ~0o6000 : ~0o4000);
    if (kept !== mode) r.mount.fs.chmod(r.rel, kept);
    this.kernel.emit({ kind: 'attr', path: r.host, what: 'chown' });
  }

  utimes(path: string, atimeMs: number, mtimeMs: number, follow = true): void {
    const r = this.resolve(path, follow, 'utimes');
    // touch sets its times to now: the owner or anyone who may write the file.
    if (this.cred.uid !== 0 && r.stat && r.stat.uid !== this.cred.uid)
      checkAccess(r.stat, this.cred, MAY_WRITE, 'utimes', path);
    this.refuseImmutable(r, 'utimes', path);
    r.mount.fs.utimes(r.rel, atimeMs, mtimeMs);
    this.kernel.emit({ kind: 'attr', path: r.host, what: 'utimes' });
  }

  truncate(path: string, length: number): void {
    const r = this.resolve(path, true, 'truncate');
    if (r.stat?.type === 'dir') throw new KernelError('EISDIR', 'truncate', path);
    checkAccess(r.stat, this.cred, MAY_WRITE, 'truncate', path);
    this.refuseImmutable(r, 'truncate', path);
    r.mount.fs.truncate(r.rel, length);
    this.kernel.emit({ kind: 'attr', path: r.host, what: 'truncate' });
  }

  /** The blocks of a regular file that hold data (SEEK_DATA, FIEMAP): undefined for a dense file. */
  allocation(path: string): BlockRanges | undefined {
    const r = this.resolve(path, true, 'open');
    return r.mount.fs.allocation?.(r.rel);
  }

  /** sync(2) (no path) or fsync(2) of a file: what was written is allocated on the disk. */
  sync(path?: string): void {
    if (path === undefined) {
      this.kernel.disk.sync();
      return;
    }
    const r = this.resolve(path, true, 'open');
    r.mount.fs.fsync?.(r.rel);
  }

  /** Which of its allocated blocks fallocate made and nothing wrote: SEEK_DATA passes them. */
  unwrittenBlocks(path: string): BlockRanges {
    const r = this.resolve(path, true, 'open');
    return r.mount.fs.unwrittenBlocks?.(r.rel) ?? [];
  }

  /** fallocate(2) (allocating, punching holes) or a write that left holes: which blocks of the
   * file now hold data, and which of them are unwritten (without it: those that were and are
   * still allocated). A filesystem without holes ignores it. */
  setAllocation(path: string, blocks: BlockRanges | undefined, unwritten?: BlockRanges): void {
    const r = this.resolve(path, true, 'fallocate');
    if (r.stat?.type === 'dir') throw new KernelError('EISDIR', 'fallocate', path);
    this.refuseImmutable(r, 'fallocate', path);
    r.mount.fs.setAllocation?.(r.rel, blocks, unwritten);
    this.kernel.emit({ kind: 'write', path: r.host });
  }

  setxattr(path: string, name: string, value: Uint8Array | string, follow = true): void {
    const r = this.resolve(path, follow, 'setxattr');
    userXattrAllowed(r.stat, name, 'setxattr', path);
    this.refuseImmutable(r, 'setxattr', path);
    r.mount.fs.setxattr(r.rel, name, typeof value === 'string' ? new TextEncoder().encode(value) : value);
    this.kernel.emit({ kind: 'attr', path: r.host, what: 'xattr' });
  }

  removexattr(path: string, name: string, follow = true): void {
    const r = this.resolve(path, follow, 'removexattr');
    userXattrAllowed(r.stat, name, 'removexattr', path);
    this.refuseImmutable(r, 'removexattr', path);
    r.mount.fs.removexattr(r.rel, name);
    this.kernel.emit({ kind: 'attr', path: r.host, what: 'xattr' });
  }

  // ---- mounts --------------------------------------------------------------------------------

  /**
   * mount(2) for overlay and tmpfs. Layer paths resolve against this process's working directory, as
   * Docker relies on when it passes short relative l/<id> names to keep the options in one page.
   */
  mount(target: string, fstype: string, options: string, source = 'overlay'): void {
    // Without CAP_SYS_ADMIN nothing else is looked at, a missing mount point included.
    if (!capable(this.cred, 'SYS_ADMIN')) throw new KernelError('EPERM', 'mount', target);
    if (fstype !== 'overlay' && fstype !== 'tmpfs') throw new KernelError('ENODEV', 'mount', target);
    const opts = new Map<string, string>();
    for (const part of options.split(',')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      opts.set(eq < 0 ? part : part.slice(0, eq), eq < 0 ? '' : part.slice(eq + 1));
    }
    if (fstype === 'tmpfs') {
      const r = this.resolve(target, true, 'mount');
      if (r.stat?.type !== 'dir') throw new KernelError(r.stat ? 'ENOTDIR' : 'ENOENT', 'mount', target);
      const t = parseTmpfsOptions(opts, TMPFS_DEFAULT_KB);
      if (!t) throw new KernelError('EINVAL', 'mount', target);
      this.kernel.mountTmpfs(r.host, source, t.sizeKb, t.mode, t.shown, t.nrInodes);
      return;
    }
    const lower = opts.get('lowerdir');
    const upper = opts.get('upperdir');
    // workdir= without upperdir= is ignored (the kernel logs that it is useless); upperdir=
    // without workdir= is refused.
    const work = upper === undefined ? undefined : opts.get('workdir');
    if (!lower || upper === '' || (upper !== undefined && !work)) throw new KernelError('EINVAL', 'mount', target);
    // redirect_dir=off still follows (the module's redirect_always_follow=Y); the kernel says what it shows.
    const redirect = opts.get('redirect_dir');
    if (redirect !== undefined && !['on', 'follow', 'nofollow', 'off'].includes(redirect))
      throw new KernelError('EINVAL', 'mount', target);
    const dir = (p: string): string => {
      const r = this.resolve(p, true, 'mount');
      if (r.stat?.type !== 'dir') throw new KernelError('ENOTDIR', 'mount', p);
      return r.host;
    };
    const t = dir(target);
    // The kernel lists the layer options as given, then the options that differ from its
    // defaults (the kernel adds uuid=on when it gives a new upper its uuid). Lowerdirs alone
    // make a read-only superblock: ro.
    const shown = [upper === undefined ? 'ro' : 'rw', 'relatime', `lowerdir=${lower}`];
    if (upper !== undefined) shown.push(`upperdir=${upper}`, `workdir=${work}`);
    this.kernel.mountOverlay({
      lowerdir: lower.split(':').map(dir),
      ...(upper !== undefined && work !== undefined ? { upperdir: dir(upper), workdir: dir(work) } : {}),
      target: t,
      source,
      options: shown.join(','),
      userxattr: opts.has('userxattr'),
      ...(redirect !== undefined ? { redirectDir: redirect as 'on' | 'follow' | 'off' | 'nofollow' } : {}),
    });
  }

  umount(target: string): void {
    if (!capable(this.cred, 'SYS_ADMIN')) throw new KernelError('EPERM', 'umount', target);
    const r = this.resolve(target, true, 'umount');
    if (!this.kernel.isMountpoint(r.host)) throw new KernelError('EINVAL', 'umount', target);
    this.kernel.umount(r.host);
  }
}

/**
 * fs/xattr.c's xattr_permission, for the user.* namespace: its attributes live only on regular
 * files and directories. On anything else (a device, a fifo, a symlink itself) reading finds
 * none and writing is refused, before the filesystem is asked: on an overlay, nothing is copied
 * up. Found by the conformance suite (a user.* xattr set on a character device).
 */
function userXattrAllowed(stat: Stat | undefined, name: string, syscall: string, path: string): void {
  if (!name.startsWith('user.') || !stat || stat.type === 'file' || stat.type === 'dir') return;
  throw new KernelError(syscall === 'getxattr' ? 'ENODATA' : 'EPERM', syscall, path);
}
