// The simulated kernel: a mount table over the simulated disk, path resolution (symlinks, '..',
// mount crossings, a process's root for chroot'ed container shells) and the syscalls the shell
// and the Docker model use, with the errno Linux gives. Filesystem-specific rules live in
// disk.ts and overlayfs.ts.
import type { Volume } from 'memfs';
import { DirCache } from './dcache.js';
import { Disk } from './disk.js';
import { KernelError } from './errors.js';
import type { KernelEvent, KernelListener } from './events.js';
import type { MountedFs } from './filesystem.js';
import { OverlayFs } from './overlayfs.js';
import { TMPFS_STORE, TmpFs } from './tmpfs.js';
import { ReadOnlyFs } from './readonly-fs.js';
import { OVL_IMPURE, OVL_UUID, daemonView, makedev, type Clock, type Credentials, type Random } from './types.js';
import { Proc, type ProcOptions } from './proc.js';
import { UPTIME_AT_START_MS } from './machine.js';
import { initTask, readerTask, type TaskList, type TaskReader, type TaskSource } from './tasks.js';
import { DEFAULT_KERNEL_RELEASE, kernelFeatures, type KernelFeatures } from './release.js';
import { overlayMountOptions } from './overlay-options.js';

export interface Mount {
  /** Host path of the mountpoint, '/' for the disk. */
  target: string;
  source: string;
  fstype: string;
  /** The option string /proc/mounts shows. */
  options: string;
  fs: MountedFs;
  /**
   * The container whose mount namespace holds this mount (Docker's bind mounts of /etc/hosts and
   * volumes). The model has one mount table; the host's /proc/mounts leaves these out, and with
   * privateTo set the host's lookups under merged/ do not cross them either (a host's `cat
   * merged/etc/hostname` reads the -init layer's empty file, as on a real host).
   */
  namespace?: string;
  /**
   * The root (a container's merged dir) of the only processes that see this mount: a container's
   * own /proc and /dev, which runc mounts in the container's namespace. The host does not see
   * them, even under merged/.
   */
  privateTo?: string;
  /** mountinfo's root within its filesystem ('/' unless a subtree is mounted, as /proc/bus is). */
  mountRoot?: string;
  /** mountinfo's super options when the superblock's differ from what the options imply. */
  superOptions?: string;
}

interface MountIndex {
  byTarget: Map<string, Mount>;
  /** The directories that hold a mountpoint (of byTarget's targets). */
  parents: Set<string>;
}

export interface KernelOptions {
  volume: Volume;
  clock: Clock;
  random: Random;
  /** The release the host runs, as `uname -r` prints it (default: release.ts's 5.15): what the
   * model does where kernels differ follows it. */
  release?: string;
}

export interface OverlayMountRequest {
  /** Host paths, already resolved, uppermost lower first. */
  lowerdir: string[];
  /** Both or neither: without them the overlay is read-only (the lowers alone). */
  upperdir?: string;
  workdir?: string;
  target: string;
  /** The source mount(8) was given (overlay, none…): only a name, /proc/mounts lists it. */
  source?: string;
  /** The option string as given to mount(8), for /proc/mounts. */
  options: string;
  userxattr?: boolean;
  /** redirect_dir= as given; absent, the module's default (follow: redirect_always_follow). */
  redirectDir?: 'on' | 'follow' | 'off' | 'nofollow';
}

export class Kernel {
  readonly disk: Disk;
  /** namei's cache of resolved directories (src/kernel/dcache.ts). */
  readonly dcache = new DirCache();
  readonly clock: Clock;
  readonly random: Random;
  /** `uname -r`. */
  readonly release: string;
  /** What this release does where kernels differ (release.ts). */
  readonly features: KernelFeatures;
  private mountTable: Mount[];
  private byTarget: Map<string, Mount> | undefined;
  /** The directories that hold a mountpoint (of byTarget's targets). */
  private mountParents: Set<string> | undefined;
  /** The private mounts (Mount.privateTo) by the root that sees them. */
  private privateIndex: Map<string, MountIndex> | undefined;
  private listeners = new Set<KernelListener>();
  private tempId = 0;
  private nextAnonMinor = 40;
  private readonly diskUuid: Uint8Array;
  /** Bumped on every mount and umount (see generation). */
  private mountGeneration = 0;
  /** Who models the processes /proc lists (the host, with its Docker daemon); none: the reader alone. */
  tasks: TaskSource | undefined;
  /** The process whose syscall is being served (set by each path lookup, all synchronous): whose
   * /proc/self it is. */
  reader: Proc | undefined;
  /** When the host's clock started (read on the first look at /proc, for its uptime). */
  private clockStart: number | undefined;

  constructor(options: KernelOptions) {
    this.clock = options.clock;
    this.random = options.random;
    this.release = options.release ?? DEFAULT_KERNEL_RELEASE;
    this.features = kernelFeatures(this.release);
    this.disk = new Disk(options.volume, { clock: options.clock });
    // The uuid the kernel's file handles (origin xattrs) carry for the disk: all zero on this
    // machine kind's ext4 (docs/ground-truth.md). The bytes are still drawn, so seeded ids stay.
    this.random.fill(new Uint8Array(16));
    this.diskUuid = new Uint8Array(16);
    this.mountTable = [{ target: '/', source: '/dev/vda', fstype: 'ext4', options: 'rw,relatime', fs: this.disk }];
  }

  /** Moves on whenever the disk or the mount table changes, never otherwise: the tutor's undo
   * tells a command that changed the host from one that only looked (cat, ls, mount). */
  get generation(): number {
    return this.disk.generation + this.mountGeneration;
  }

  /** Moves on whenever a name on the disk goes or moves, or the mount table changes (dcache.ts). */
  get namesGeneration(): number {
    return this.disk.namesGeneration + this.mountGeneration;
  }

  on(listener: KernelListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: KernelEvent): void {
    for (const l of this.listeners) l(event);
  }

  /** Every mount, the ones inside containers' namespaces too (in mount order). */
  mounts(): readonly Mount[] {
    return this.mountTable;
  }

  /** The mounts the host sees, as its /proc/mounts, mount and df list them. */
  hostMounts(): readonly Mount[] {
    return this.mountTable.filter((m) => m.namespace === undefined && m.privateTo === undefined);
  }

  /** The mounts a process rooted at `root` sees, targets as it names them (a container's view:
   * its root overlay as /, its own /proc and /dev, Docker's bind mounts), in mount order. */
  mountsSeenFrom(root: string): Mount[] {
    if (root === '/') return [...this.hostMounts()];
    const inside = this.mountTable.filter(
      (m) =>
        (m.target === root || m.target.startsWith(`${root}/`)) && (m.privateTo === undefined || m.privateTo === root),
    );
    // A remount of the root in the container's namespace (--read-only) is the same mount with other
    // flags: it stands in for the overlay rather than above it.
    const remounted = inside.some((m) => m.target === root && m.privateTo === root);
    return inside
      .filter((m) => !(remounted && m.target === root && m.privateTo === undefined))
      .map((m) => ({ ...m, target: m.target === root ? '/' : m.target.slice(root.length) }));
  }

  /** The mount holding a host path, and the path relative to that mount's root. Every path
   * lookup asks this for each component, so it looks the path's ancestors up in a map of mount
   * targets (longest first) rather than scanning a table that grows by a dozen mounts a container. */
  locate(hostPath: string, ns?: string): { mount: Mount; rel: string } {
    const byTarget = this.mountsByTarget();
    const own = ns === undefined ? undefined : this.privateIndex?.get(ns)?.byTarget;
    if (byTarget.size > 0 || own) {
      for (let p = hostPath; p.length > 1; p = p.slice(0, p.lastIndexOf('/'))) {
        const mount = own?.get(p) ?? byTarget.get(p);
        if (mount) return { mount, rel: p === hostPath ? '' : hostPath.slice(p.length + 1) };
      }
    }
    return { mount: this.mountTable[0] as Mount, rel: hostPath.slice(1) };
  }

  /** The mount on `child`, an entry of the directory `dir`, if any. Asked for each entry of a
   * tree walk: the directory's path, met before, has its hash computed already; the entry's, a new
   * string, is hashed only when the directory holds a mountpoint. */
  mountOn(dir: string, child: string, ns?: string): Mount | undefined {
    this.mountsByTarget();
    const own = ns === undefined ? undefined : this.privateIndex?.get(ns);
    if (own?.parents.has(dir)) {
      const m = own.byTarget.get(child);
      if (m) return m;
    }
    return this.mountParents?.has(dir) ? this.byTarget?.get(child) : undefined;
  }

  /** The mount on each target but /: the latest hides earlier ones, as the kernel's mount stack
   * does. Rebuilt after a mount or umount. */
  private mountsByTarget(): Map<string, Mount> {
    if (!this.byTarget) {
      this.byTarget = new Map();
      this.mountParents = new Set();
      this.privateIndex = new Map();
      for (const m of this.mountTable) {
        if (m.target === '/') continue;
        if (m.privateTo !== undefined) {
          // The container's processes see every mount of its namespace; the daemon's own view of
          // its rootfs (daemonView) sees the mounts it made there (binds, volumes), not runc's.
          const views = m.namespace === undefined ? [m.privateTo] : [m.privateTo, daemonView(m.privateTo)];
          for (const view of views) {
            let index = this.privateIndex.get(view);
            if (!index) this.privateIndex.set(view, (index = { byTarget: new Map(), parents: new Set() }));
            index.byTarget.set(m.target, m);
            index.parents.add(m.target.slice(0, m.target.lastIndexOf('/')) || '/');
          }
          continue;
        }
        this.byTarget.set(m.target, m);
        this.mountParents.add(m.target.slice(0, m.target.lastIndexOf('/')) || '/');
      }
    }
    return this.byTarget;
  }

  isMountpoint(hostPath: string): boolean {
    return this.mountTable.some((m) => m.target === hostPath);
  }

  mountOverlay(req: OverlayMountRequest): OverlayFs {
    const rw =
      req.upperdir !== undefined && req.workdir !== undefined ? { u: req.upperdir, w: req.workdir } : undefined;
    // Every layer must sit on the disk (a tmpfs keeps its files there too): Docker's layers always
    // do, and the model relies on it. An overlay is no upper layer ("filesystem on … not supported
    // as upperdir"), and upper and work must be on one filesystem.
    const layerOnDisk = (p: string): { rel: string; fs: Mount['fs'] } => {
      const { mount, rel } = this.locate(p);
      let onDisk: string;
      if (mount.fs === this.disk) onDisk = p.slice(1);
      else if (mount.fs instanceof TmpFs) onDisk = mount.fs.onDisk(rel);
      else throw new KernelError('EINVAL', 'mount', p);
      if (this.disk.lstat(onDisk).type !== 'dir') throw new KernelError('ENOTDIR', 'mount', p);
      return { rel: onDisk, fs: mount.fs };
    };
    const lowers = req.lowerdir.map(layerOnDisk);
    const upperAt = rw ? layerOnDisk(rw.u) : undefined;
    const workAt = rw ? layerOnDisk(rw.w) : undefined;
    if (upperAt && workAt && upperAt.fs !== workAt.fs) throw new KernelError('EINVAL', 'mount', rw?.w);
    // Without an upper layer the kernel wants two lowerdirs at least ("at least 2 lowerdir are
    // needed while upperdir nonexistent"): one alone would be a bind mount.
    if (req.lowerdir.length < (rw ? 1 : 2)) throw new KernelError('EINVAL', 'mount', req.target);
    const upper = upperAt?.rel;
    const work = workAt?.rel;
    if (upper !== undefined && work !== undefined) {
      if (upper === work || work.startsWith(`${upper}/`) || upper.startsWith(`${work}/`)) {
        throw new KernelError('EINVAL', 'mount', rw?.w);
      }
    }
    const { redirectDir, shown } = overlayMountOptions(this.features, {
      redirectDir: req.redirectDir,
      upper:
        upper === undefined
          ? undefined
          : {
              uuid: this.disk.peekXattr(upper, OVL_UUID) !== undefined,
              impure: this.disk.peekXattr(upper, OVL_IMPURE) !== undefined,
            },
    });
    const options = `${req.options}${shown}${req.userxattr ? ',userxattr' : ''}`;
    const dev = this.anonDev();
    const fs = new OverlayFs(
      {
        lower: lowers.map((l) => l.rel),
        ...(upper !== undefined ? { upper, work } : {}),
        redirectDir,
      },
      {
        disk: this.disk,
        dev,
        mountpoint: req.target,
        emit: (e) => this.emit(e),
        nextTempId: () => ++this.tempId,
        randomBytes: (n) => this.random.fill(new Uint8Array(n)),
        diskUuid: this.diskUuid,
        hostPath: (rel) => this.hostPathOf(rel),
        features: this.features,
      },
    );
    this.mountTable.push({ target: req.target, source: req.source ?? 'overlay', fstype: 'overlay', options, fs });
    this.byTarget = undefined;
    this.mountGeneration++;
    this.emit({ kind: 'mount', target: req.target, options });
    return fs;
  }

  /** The host path of a path on the disk: under a mounted tmpfs' store, its path below the mount. */
  hostPathOf(rel: string): string {
    if (rel.startsWith(`${TMPFS_STORE}/`)) {
      for (const m of this.mountTable) {
        if (!(m.fs instanceof TmpFs)) continue;
        const store = m.fs.store;
        if (rel === store) return m.target;
        if (rel.startsWith(`${store}/`)) return `${m.target === '/' ? '' : m.target}/${rel.slice(store.length + 1)}`;
      }
    }
    return `/${rel}`;
  }

  /** mount -t tmpfs: a new, empty filesystem at target (its files kept on the disk, tmpfs.ts). */
  mountTmpfs(target: string, source: string, sizeKb: number, mode: number, shown: string, nrInodes?: number): void {
    const fs = this.newTmpfs(sizeKb, mode, 0, 0, nrInodes);
    this.addMount({ target, source, fstype: 'tmpfs', options: `rw,relatime${shown}`, fs });
  }

  /** A new, empty tmpfs not mounted yet (a container's --tmpfs, a tmpfs volume): its root's mode
   * and owner as mount's mode=, uid= and gid= give them. */
  newTmpfs(sizeKb: number, mode: number, uid = 0, gid = 0, nrInodes?: number): TmpFs {
    const parts = TMPFS_STORE.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const p = parts.slice(0, i).join('/');
      if (!this.disk.exists(p)) this.disk.mkdir(p, 0o700, Kernel.ROOT);
    }
    const store = `${TMPFS_STORE}/${this.nextAnonMinor}`;
    if (this.disk.exists(store)) this.removeStore(store);
    this.disk.mkdir(store, mode, Kernel.ROOT);
    this.disk.chmod(store, mode);
    this.disk.chown(store, uid, gid);
    const dev = makedev(0, this.nextAnonMinor++);
    return new TmpFs(this.disk, store, dev, sizeKb, nrInodes, this.features.tmpfsFileattr);
  }

  private removeStore(rel: string): void {
    if (this.disk.lstat(rel).type === 'dir') {
      for (const name of this.disk.names(rel)) this.removeStore(`${rel}/${name}`);
      this.disk.rmdir(rel);
    } else this.disk.unlink(rel);
  }

  /** Mounts a filesystem other than overlay (procfs, devtmpfs, a bind mount) at target. */
  addMount(mount: Mount): void {
    this.mountTable.push(mount);
    this.byTarget = undefined;
    this.mountGeneration++;
    this.emit({ kind: 'mount', target: mount.target, options: mount.options });
  }

  /** A device number of its own for a filesystem with no disk under it (tmpfs, overlay). */
  anonDev(): number {
    return makedev(0, this.nextAnonMinor++);
  }

  /** Takes off the topmost mount on target, as umount(2) does when mounts are stacked. */
  umount(target: string): void {
    const i = this.mountTable.findLastIndex((m) => m.target === target);
    if (i <= 0) throw new KernelError('EINVAL', 'umount', target);
    if (this.mountTable.some((m) => m.target.startsWith(`${target}/`)))
      throw new KernelError('EBUSY', 'umount', target);
    const [gone] = this.mountTable.splice(i, 1);
    // A tmpfs' files go with it, unless an overlay still holds a layer there: the overlay keeps
    // the filesystem alive (umount of the tmpfs succeeds, the overlay goes on working).
    if (gone?.fs instanceof TmpFs) {
      const store = gone.fs.store;
      // Another mount of the same tmpfs (a tmpfs volume on the host and in a container) holds it too.
      const tmpfs = gone.fs;
      const held = this.mountTable.some(
        (m) =>
          m.fs === tmpfs ||
          (m.fs instanceof ReadOnlyFs && m.fs.inner === tmpfs) ||
          (m.fs instanceof OverlayFs &&
            [...m.fs.layers.lower, m.fs.layers.upper ?? ''].some((l) => l === store || l.startsWith(`${store}/`))),
      );
      if (!held) this.removeStore(store);
    }
    this.byTarget = undefined;
    this.mountGeneration++;
    this.emit({ kind: 'umount', target });
  }

  /** The processes there are and the reading one's own, as /proc lists them. */
  taskList(): TaskList {
    const r = this.reader;
    const reader: TaskReader = {
      root: r?.root ?? '/',
      pidNs: r?.pidNs ?? r?.root ?? '/',
      argv: r?.command?.argv ?? ['bash'],
      env: r?.command?.env ?? {},
      cwd: r?.getcwd() ?? '/',
      entered: !!r?.entered,
      command: r?.command,
    };
    if (!this.tasks) {
      const self = readerTask(reader, 4242, this.clock.now());
      return { tasks: [initTask(this.bootTime()), self], self };
    }
    try {
      return this.tasks(reader);
    } finally {
      // The source may read files (a container's /etc/passwd): the reader stays the one asking.
      this.reader = r;
    }
  }

  /** When the host booted: an hour before its clock started. */
  bootTime(): number {
    if (this.clockStart === undefined) this.clockStart = this.clock.now();
    return this.clockStart - UPTIME_AT_START_MS;
  }

  /** A process context: syscalls resolve paths against its root and working directory. */
  proc(options: ProcOptions = {}): Proc {
    return new Proc(this, options);
  }

  static readonly ROOT: Credentials = { uid: 0, gid: 0 };
}
