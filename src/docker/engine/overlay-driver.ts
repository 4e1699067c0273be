// The legacy `overlay` graph driver (moby daemon/graphdriver/overlay, deprecated in 20.10): the
// kernel's first overlayfs took one lowerdir only, so every image layer is a complete root
// filesystem. A layer on a parent starts as a copy of the parent's root/ in which every regular
// file is a hard link (directories and symlinks are new), then the layer's tar is applied on top;
// whiteouts delete, so no image layer holds a whiteout. A container's layers (the -init layer and
// the container layer) hold lower-id (the image top's cache-id), upper/ and work/, and mount with
// that one root as lowerdir. Layout as a real dockerd 20.10 writes it (docs/ground-truth.md).
// The driver has no native diff: docker diff and commit compare the mounted container with its
// -init layer, as moby's NaiveDiffDriver does (pkg/archive ChangesDirs / ExportChanges).
import type { Clock, Stat } from '../../kernel/index.js';
import { S_IFCHR } from '../../kernel/index.js';
import type { LayerEntry } from '../layer-tar.js';
import { boundPaths, naiveChanges, withMounted, type Change } from './changes.js';
import type { DaemonFs } from './daemon-fs.js';
import type { GraphDriver } from './graphdriver.js';

const isDir = (st: Stat): boolean => st.type === 'dir';

export class Overlay implements GraphDriver {
  readonly name = 'overlay' as const;
  readonly home: string;

  constructor(
    readonly fs: DaemonFs,
    private readonly clock: Clock,
    dataRoot: string,
  ) {
    this.home = `${dataRoot}/overlay`;
  }

  init(): void {
    this.fs.mkdirAll(this.home, 0o710);
  }

  dir(id: string): string {
    return `${this.home}/${id}`;
  }

  exists(id: string): boolean {
    return this.fs.exists(this.dir(id));
  }

  /** A base layer's root/ is made empty (0755); a layer on a parent hard-links the parent's root. */
  registerLayer(id: string, parent: string | undefined, entries: readonly LayerEntry[]): number {
    const root = `${this.dir(id)}/root`;
    this.fs.mkdir(this.dir(id), 0o710);
    if (parent === undefined) this.fs.mkdir(root, 0o755);
    else this.copyTree(`${this.dir(parent)}/root`, root, 'hardlink');
    return this.apply(root, entries);
  }

  createRw(id: string, parent: string): void {
    const dir = this.dir(id);
    const parentDir = this.dir(parent);
    this.fs.mkdir(dir, 0o710);
    const parentRoot = this.fs.lstat(`${parentDir}/root`);
    if (parentRoot) {
      // On an image layer: an empty upper with the root's mode.
      this.fs.mkdir(`${dir}/upper`, parentRoot.mode & 0o7777);
      this.fs.mkdir(`${dir}/work`, 0o700);
      this.fs.write(`${dir}/lower-id`, parent, 0o600);
      return;
    }
    // On another read-write layer (the container on its -init layer): the same lower, and a
    // copy of the parent's upper (contents, not links).
    this.fs.write(`${dir}/lower-id`, this.fs.readText(`${parentDir}/lower-id`), 0o600);
    this.copyTree(`${parentDir}/upper`, `${dir}/upper`, 'content');
    this.fs.mkdir(`${dir}/work`, 0o700);
  }

  private lowerId(id: string): string {
    return this.fs.readText(`${this.dir(id)}/lower-id`);
  }

  mountOptions(id: string): string {
    const dir = this.dir(id);
    return `lowerdir=${this.dir(this.lowerId(id))}/root,upperdir=${dir}/upper,workdir=${dir}/work`;
  }

  isMounted(id: string): boolean {
    return this.fs.kernel.isMountpoint(`${this.dir(id)}/merged`);
  }

  mount(id: string): string {
    const merged = `${this.dir(id)}/merged`;
    if (this.isMounted(id)) return merged;
    if (!this.fs.exists(merged)) this.fs.mkdir(merged, 0o700);
    this.fs.proc.mount(merged, 'overlay', this.mountOptions(id));
    return merged;
  }

  unmount(id: string): void {
    const merged = `${this.dir(id)}/merged`;
    if (this.isMounted(id)) this.fs.proc.umount(merged);
    if (this.fs.exists(merged)) this.fs.proc.rmdir(merged);
  }

  remove(id: string): void {
    if (!this.exists(id)) return;
    this.unmount(id);
    this.fs.removeAll(this.dir(id));
  }

  graphData(id: string): Record<string, string> {
    const dir = this.dir(id);
    return {
      LowerDir: `${this.dir(this.lowerId(id))}/root`,
      MergedDir: `${dir}/merged`,
      UpperDir: `${dir}/upper`,
      WorkDir: `${dir}/work`,
    };
  }

  imageGraphData(id: string): Record<string, string> {
    return { RootDir: `${this.dir(id)}/root` };
  }

  layerFiles(id: string): string {
    return `${this.dir(id)}/root`;
  }

  /** ChangesDirs(container, -init): both mounted, walked and compared entry by entry. */
  changes(mountId: string, initId: string): Change[] {
    return withMounted(this, mountId, initId, (now, before) => this.naive(mountId, now, before));
  }

  /** The daemon walks merged/ in the host's mount namespace, where the container's bind mounts
   * (/etc/hosts, -v …) are not: what is under them is the container layer's own file. */
  private naive(mountId: string, now: string, before: string): Change[] {
    const upper = `${this.dir(mountId)}/upper`;
    const bound = boundPaths(this.fs, now, (rel) =>
      this.fs.exists(`${upper}${rel}`) ? `${upper}${rel}` : `${this.dir(this.lowerId(mountId))}/root${rel}`,
    );
    return naiveChanges(this.fs, now, before, bound);
  }

  /** ExportChanges: changed entries as they are in the container, deletions as whiteouts. */
  diffEntries(mountId: string, initId: string): LayerEntry[] {
    return withMounted(this, mountId, initId, (merged, before) => {
      const changes = this.naive(mountId, merged, before).sort((a, b) =>
        a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
      );
      const out: LayerEntry[] = [];
      const inodes = new Map<number, string>();
      const mtime = Math.floor(this.clock.now() / 1000);
      for (const c of changes) {
        const path = c.path.slice(1);
        if (c.kind === 'D') {
          out.push({ path, type: 'whiteout', mode: 0, mtime });
          continue;
        }
        const host = `${merged}${c.path}`;
        const st = this.fs.proc.lstat(host);
        const common = { path, uid: st.uid, gid: st.gid, mtime: Math.floor(st.mtimeMs / 1000), mode: st.mode & 0o7777 };
        if (st.type !== 'dir' && st.nlink > 1) {
          const first = inodes.get(st.ino);
          if (first !== undefined) {
            out.push({ ...common, type: 'hardlink', linkTarget: first });
            continue;
          }
          inodes.set(st.ino, path);
        }
        if (st.type === 'dir') out.push({ ...common, type: 'dir' });
        else if (st.type === 'file') out.push({ ...common, type: 'file', content: this.fs.read(host) });
        else if (st.type === 'symlink')
          out.push({ ...common, type: 'symlink', linkTarget: this.fs.proc.readlink(host) });
        else if (st.type === 'chr' || st.type === 'blk')
          out.push({
            ...common,
            type: st.type === 'chr' ? 'char' : 'block',
            devmajor: Math.floor(st.rdev / 256),
            devminor: st.rdev % 256,
          });
        else if (st.type === 'fifo') out.push({ ...common, type: 'fifo' });
      }
      return out;
    });
  }

  /** ChangesSize: the sizes of what was added or changed, each inode once. */
  rwSize(mountId: string, initId: string): number {
    return withMounted(this, mountId, initId, (merged, before) => {
      const seen = new Set<number>();
      let total = 0;
      for (const c of this.naive(mountId, merged, before)) {
        if (c.kind === 'D') continue;
        const st = this.fs.proc.lstat(`${merged}${c.path}`);
        if (isDir(st) || seen.has(st.ino)) continue;
        seen.add(st.ino);
        total += st.size;
      }
      return total;
    });
  }

  status(): [string, string][] {
    return [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
    ];
  }

  warnings(): string[] {
    return ['WARNING: the overlay storage-driver is deprecated, and will be removed in a future release.'];
  }

  /** copy.DirCopy: directories and symlinks anew with mode, owner, times and extended attributes
   * (so a container layer's copy of its -init upper keeps trusted.overlay.origin, as on a real
   * host); regular files as hard links ('hardlink') or copies ('content'); devices and fifos
   * with mknod. */
  private copyTree(src: string, dst: string, how: 'hardlink' | 'content'): void {
    const p = this.fs.proc;
    const dirTimes: [string, number][] = [];
    const copyXattrs = (from: string, to: string): void => {
      for (const name of p.listxattr(from, false)) p.setxattr(to, name, p.getxattr(from, name, false), false);
    };
    const copy = (from: string, to: string): void => {
      const st = p.lstat(from);
      switch (st.type) {
        case 'dir':
          this.fs.mkdir(to, st.mode & 0o7777);
          for (const name of this.fs.readdir(from)) copy(`${from}/${name}`, `${to}/${name}`);
          copyXattrs(from, to);
          dirTimes.push([to, st.mtimeMs]);
          break;
        case 'file':
          if (how === 'hardlink') {
            p.link(from, to);
            return; // one inode: owner and times are already the source's
          }
          this.fs.write(to, this.fs.read(from), st.mode & 0o7777);
          copyXattrs(from, to);
          break;
        case 'symlink':
          p.symlink(p.readlink(from), to);
          break;
        default:
          p.mknod(
            to,
            (st.type === 'chr' ? S_IFCHR : st.type === 'blk' ? 0o060000 : 0o010000) | (st.mode & 0o7777),
            st.rdev,
          );
      }
      this.fs.setOwnerAndMode(
        to,
        st.uid,
        st.gid,
        st.type === 'file' || st.type === 'dir' ? st.mode & 0o7777 : undefined,
      );
      if (st.type !== 'dir') p.utimes(to, st.mtimeMs, st.mtimeMs, false);
    };
    copy(src, dst);
    for (const [path, t] of dirTimes) p.utimes(path, t, t, false);
  }

  /** archive.UnpackLayer onto a full root: whiteouts remove, an opaque marker empties the
   * directory of what the layers below put there; returns the bytes of regular files unpacked. */
  private apply(root: string, entries: readonly LayerEntry[]): number {
    const p = this.fs.proc;
    const fs = this.fs;
    let size = 0;
    const unpacked = new Set<string>();
    const dirTimes: [string, number][] = [];
    for (const e of entries) {
      const path = `${root}/${e.path}`;
      if (e.type === 'whiteout') {
        fs.removeAll(path);
        continue;
      }
      if (e.type === 'opaque' || (e.type === 'dir' && e.opaque)) {
        // Keep only what this layer itself unpacked into the directory.
        if (fs.exists(path))
          for (const name of fs.readdir(path)) if (!unpacked.has(`${e.path}/${name}`)) fs.removeAll(`${path}/${name}`);
        if (e.type === 'opaque') continue;
      }
      unpacked.add(e.path);
      const parent = path.slice(0, path.lastIndexOf('/'));
      if (!fs.exists(parent)) fs.mkdirAll(parent, 0o755);
      const existing = fs.lstat(path);
      // A name that exists is replaced (unlinked first, so a hard-linked lower file keeps its
      // data), except a directory over a directory, which is kept and re-stamped.
      if (existing && !(isDir(existing) && e.type === 'dir')) fs.removeAll(path);
      const mtimeMs = (e.mtime ?? 0) * 1000;
      switch (e.type) {
        case 'dir':
          if (!existing || !isDir(existing)) p.mkdir(path, 0o755);
          dirTimes.push([path, mtimeMs]);
          break;
        case 'file': {
          fs.writeContent(path, e.content, e.mode ?? 0o644);
          size += fs.proc.lstat(path).size;
          break;
        }
        case 'symlink':
          p.symlink(e.linkTarget ?? '', path);
          break;
        case 'hardlink':
          p.link(`${root}/${e.linkTarget}`, path);
          continue;
        case 'char':
        case 'block':
          p.mknod(
            path,
            (e.type === 'char' ? S_IFCHR : 0o060000) | (e.mode ?? 0o644),
            (e.devmajor ?? 0) * 256 + (e.devminor ?? 0),
          );
          break;
        case 'fifo':
          p.mknod(path, 0o010000 | (e.mode ?? 0o644), 0);
          break;
      }
      fs.setOwnerAndMode(
        path,
        e.uid ?? 0,
        e.gid ?? 0,
        e.type === 'dir' ? (e.mode ?? 0o755) : e.type === 'file' ? (e.mode ?? 0o644) : undefined,
      );
      if (e.type !== 'dir') p.utimes(path, mtimeMs, mtimeMs, false);
    }
    for (const [path, t] of dirTimes.reverse()) p.utimes(path, t, t, false);
    return size;
  }
}
