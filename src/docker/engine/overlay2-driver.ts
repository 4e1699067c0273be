// The overlay2 graph driver (moby daemon/graphdriver/overlay2/overlay.go) on the kernel's disk:
// one <cache-id>/ per layer with diff/, link, lower, work/, a short l/<LID> symlink per layer,
// mounts with lowerdir=<l/ paths>, and the native diff (apply a tar onto diff/, export diff/ as a
// tar) that turns .wh. entries into 0/0 whiteouts and opaque markers into the xattr.
import type { Random } from '../../kernel/index.js';
import { contentSize, isKernelError, OVL_OPAQUE, S_IFCHR, type UnpackItem } from '../../kernel/index.js';
import { entryContent, type LayerEntry } from '../layer-tar.js';
import { boundPaths, naiveChanges, withMounted, type Change } from './changes.js';
import { directorySize, type DaemonFs } from './daemon-fs.js';
import type { GraphDriver } from './graphdriver.js';

/** A symlink's size: its target's length in bytes. */
const utf8 = new TextEncoder();
const utf8Length = (s: string) => (/^[\x00-\x7f]*$/.test(s) ? s.length : utf8.encode(s).length);

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** base32.StdEncoding of the bytes, as overlayutils.GenerateID uses before cutting to 26. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function randomHex(random: Random, bytes = 32): string {
  return [...random.fill(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface GraphDriverData {
  LowerDir?: string;
  MergedDir: string;
  UpperDir: string;
  WorkDir: string;
}

export class Overlay2 implements GraphDriver {
  readonly name = 'overlay2' as const;
  readonly home: string;
  constructor(
    readonly fs: DaemonFs,
    private readonly random: Random,
    dataRoot: string,
  ) {
    this.home = `${dataRoot}/overlay2`;
  }

  init(): void {
    this.fs.mkdirAll(this.home, 0o710);
    if (!this.fs.exists(`${this.home}/l`)) this.fs.mkdir(`${this.home}/l`, 0o700);
  }

  dir(id: string): string {
    return `${this.home}/${id}`;
  }

  exists(id: string): boolean {
    return this.fs.exists(this.dir(id));
  }

  registerLayer(id: string, parent: string | undefined, entries: readonly LayerEntry[]): number {
    this.create(id, parent);
    const unpacked = this.unpackOnDisk(id, entries);
    if (unpacked !== undefined) return unpacked;
    this.applyEntries(id, entries);
    return this.size(id);
  }

  /**
   * ApplyDiff into a fresh diff/ straight on the disk, as a pull does: the whole layer made at
   * once (Disk.unpack), no entry looked up first and no path walked through the mount table.
   * Only where diff/ is on the plain disk and the layer names each path once (else undefined:
   * applyEntries). Nothing but the daemon sees diff/ before the layer exists: no file events.
   * Returns the layer's size as directorySize would count it (lstat sizes of all but
   * directories, each inode once), from the entries instead of a walk of what was made.
   */
  private unpackOnDisk(id: string, entries: readonly LayerEntry[]): number | undefined {
    const kernel = this.fs.kernel;
    const { mount, rel: diff } = kernel.locate(`${this.dir(id)}/diff`);
    if (mount.fs !== kernel.disk) return undefined;
    const paths = new Set<string>();
    for (const e of entries) {
      if (e.type === 'opaque' || e.path === '' || paths.has(e.path)) return undefined; // (none in a registry's layer)
      paths.add(e.path);
    }
    let size = 0;
    const items = entries.map((e): UnpackItem => {
      const owner = { uid: e.uid ?? 0, gid: e.gid ?? 0, mtimeMs: (e.mtime ?? 0) * 1000 };
      switch (e.type) {
        case 'dir':
          return { path: e.path, type: 'dir', mode: e.mode ?? 0o755, ...owner, ...(e.opaque ? { opaque: true } : {}) };
        case 'file': {
          const content = entryContent(e);
          size += contentSize(content);
          return { path: e.path, type: 'file', mode: e.mode ?? 0o644, ...owner, content };
        }
        case 'symlink':
          size += utf8Length(e.linkTarget ?? '');
          return { path: e.path, type: 'symlink', mode: 0o777, ...owner, target: e.linkTarget ?? '' };
        case 'hardlink': // a hard link shares owner and times with its target, and counts once
          return { path: e.path, type: 'hardlink', mode: 0, ...owner, target: e.linkTarget ?? '' };
        case 'whiteout':
          return { path: e.path, type: 'chr', mode: 0, ...owner };
        case 'char':
        case 'block':
          return {
            path: e.path,
            type: e.type === 'char' ? 'chr' : 'blk',
            mode: e.mode ?? 0o644,
            ...owner,
            rdev: (e.devmajor ?? 0) * 256 + (e.devminor ?? 0),
          };
        default: // 'fifo' ('opaque' sent the layer to applyEntries above)
          return { path: e.path, type: 'fifo', mode: e.mode ?? 0o644, ...owner };
      }
    });
    kernel.disk.unpack(diff, items);
    return size;
  }

  createRw(id: string, parent: string): void {
    this.create(id, parent);
  }

  imageGraphData(id: string): Record<string, string> {
    return this.graphData(id);
  }

  layerFiles(id: string): string {
    return `${this.dir(id)}/diff`;
  }

  /** Changes is the naive diff even where the native one is supported (see changes.ts): the
   * container layer and its -init layer mounted and compared. Diff and DiffSize stay native. */
  changes(mountId: string, initId: string): Change[] {
    return withMounted(this, mountId, initId, (now, before) => {
      const layers = [mountId, ...this.lowerIds(mountId)].map((id) => `${this.dir(id)}/diff`);
      const bound = boundPaths(this.fs, now, (rel) => {
        const found = layers.find((l) => this.fs.exists(`${l}${rel}`));
        return `${found ?? layers[0]}${rel}`;
      });
      return naiveChanges(this.fs, now, before, bound);
    });
  }

  diffEntries(mountId: string): LayerEntry[] {
    return this.exportEntries(mountId);
  }

  rwSize(mountId: string): number {
    return this.size(mountId);
  }

  status(): [string, string][] {
    return [
      ['Backing Filesystem', 'extfs'],
      ['Supports d_type', 'true'],
      ['Native Overlay Diff', 'true'],
      ['userxattr', 'false'],
    ];
  }

  warnings(): string[] {
    return [];
  }

  /** Driver.create: dir 0710, diff 0755, link + l/ symlink; with a parent also work/ and lower. */
  create(id: string, parent?: string): void {
    const dir = this.dir(id);
    this.fs.mkdir(dir, 0o710);
    this.fs.mkdir(`${dir}/diff`, 0o755);
    const lid = base32(this.random.fill(new Uint8Array(17))).slice(0, 26);
    this.fs.proc.symlink(`../${id}/diff`, `${this.home}/l/${lid}`);
    this.fs.write(`${dir}/link`, lid, 0o644);
    if (parent === undefined) return;
    this.fs.mkdir(`${dir}/work`, 0o700);
    this.fs.write(`${dir}/lower`, this.getLower(parent), 0o644);
    // The parent is now an image layer below something: it is committed (read-only from here on).
    if (!this.fs.exists(`${this.dir(parent)}/committed`)) this.fs.write(`${this.dir(parent)}/committed`, '', 0o600);
  }

  private getLower(parent: string): string {
    const pdir = this.dir(parent);
    const lowers = [`l/${this.fs.readText(`${pdir}/link`)}`];
    if (this.fs.exists(`${pdir}/lower`)) lowers.push(...this.fs.readText(`${pdir}/lower`).split(':'));
    if (lowers.length > 128) throw new Error('max depth exceeded');
    return lowers.join(':');
  }

  /** The l/<LID> entries of a layer's lower file, uppermost first ([] for a base layer). */
  lowerLinks(id: string): string[] {
    const f = `${this.dir(id)}/lower`;
    return this.fs.exists(f) ? this.fs.readText(f).split(':') : [];
  }

  /** Resolves l/<LID> to the cache-id dir it points at. */
  private linkTarget(link: string): string {
    const target = this.fs.proc.readlink(`${this.home}/${link}`); // "../<id>/diff"
    const [, cacheId = ''] = target.split('/');
    return cacheId;
  }

  /** Cache-ids of the lower layers, uppermost first. */
  lowerIds(id: string): string[] {
    return this.lowerLinks(id).map((l) => this.linkTarget(l));
  }

  graphData(id: string): Record<string, string> {
    const dir = this.dir(id);
    const lowers = this.lowerIds(id).map((l) => `${this.dir(l)}/diff`);
    return {
      ...(lowers.length ? { LowerDir: lowers.join(':') } : {}),
      MergedDir: `${dir}/merged`,
      UpperDir: `${dir}/diff`,
      WorkDir: `${dir}/work`,
    };
  }

  /** The option string Driver.Get passes to mount(2). */
  mountOptions(id: string): string {
    const dir = this.dir(id);
    const lowers = this.lowerLinks(id).map((l) => `${this.home}/${l}`);
    return `index=off,lowerdir=${lowers.join(':')},upperdir=${dir}/diff,workdir=${dir}/work`;
  }

  isMounted(id: string): boolean {
    return this.fs.kernel.isMountpoint(`${this.dir(id)}/merged`);
  }

  /** Driver.Get: mkdir merged (0700) and mount the overlay there. */
  mount(id: string): string {
    const merged = `${this.dir(id)}/merged`;
    if (this.isMounted(id)) return merged;
    if (!this.fs.exists(merged)) this.fs.mkdir(merged, 0o700);
    this.fs.proc.mount(merged, 'overlay', this.mountOptions(id));
    return merged;
  }

  /** Driver.Put: unmount and remove merged/. */
  unmount(id: string): void {
    const merged = `${this.dir(id)}/merged`;
    if (this.isMounted(id)) this.fs.proc.umount(merged);
    if (this.fs.exists(merged)) this.fs.proc.rmdir(merged);
  }

  /** Driver.Remove: the l/ link and the whole layer dir. */
  remove(id: string): void {
    if (!this.exists(id)) return;
    this.unmount(id);
    const linkFile = `${this.dir(id)}/link`;
    if (this.fs.exists(linkFile)) {
      const lid = this.fs.readText(linkFile);
      if (this.fs.exists(`${this.home}/l/${lid}`)) this.fs.proc.unlink(`${this.home}/l/${lid}`);
    }
    this.fs.removeAll(this.dir(id));
  }

  /** ApplyDiff: unpack entries into diff/, whiteouts as 0/0 devices, opaque dirs as the xattr. */
  applyEntries(id: string, entries: readonly LayerEntry[]): void {
    const diff = `${this.dir(id)}/diff`;
    const p = this.fs.proc;
    const dirTimes: [string, number][] = [];
    for (const e of entries) {
      const path = `${diff}/${e.path}`;
      const parent = path.slice(0, path.lastIndexOf('/'));
      if (!this.fs.exists(parent)) this.fs.mkdirAll(parent, 0o755);
      const existing = this.fs.lstat(path);
      if (existing && !(existing.type === 'dir' && (e.type === 'dir' || e.type === 'opaque'))) this.fs.removeAll(path);
      const mtimeMs = (e.mtime ?? 0) * 1000;
      switch (e.type) {
        case 'dir':
          if (existing?.type !== 'dir') p.mkdir(path, 0o755);
          if (e.opaque) p.setxattr(path, OVL_OPAQUE, 'y');
          dirTimes.push([path, mtimeMs]);
          break;
        case 'opaque':
          if (!existing) p.mkdir(path, 0o755);
          p.setxattr(path, OVL_OPAQUE, 'y');
          break;
        case 'file':
          this.fs.writeContent(path, e.content, e.mode ?? 0o644);
          break;
        case 'symlink':
          p.symlink(e.linkTarget ?? '', path);
          break;
        case 'hardlink':
          p.link(`${diff}/${e.linkTarget}`, path);
          continue; // a hard link shares owner and times with its target
        case 'whiteout':
          p.mknod(path, S_IFCHR, 0);
          break;
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
      if (e.type === 'opaque') continue;
      this.fs.setOwnerAndMode(
        path,
        e.uid ?? 0,
        e.gid ?? 0,
        e.type === 'dir' ? (e.mode ?? 0o755) : e.type === 'file' ? (e.mode ?? 0o644) : undefined,
      );
      if (e.type !== 'dir') p.utimes(path, mtimeMs, mtimeMs, false);
    }
    // Directory times last: creating their children moved them.
    for (const [path, t] of dirTimes.reverse()) p.utimes(path, t, t, false);
  }

  /** The native diff: diff/ as layer entries, in walk order, hard links once, whiteouts as such. */
  exportEntries(id: string): LayerEntry[] {
    const diff = `${this.dir(id)}/diff`;
    const out: LayerEntry[] = [];
    const inodes = new Map<number, string>();
    const walk = (rel: string): void => {
      for (const name of this.fs.readdir(rel === '' ? diff : `${diff}/${rel}`).sort()) {
        const path = rel === '' ? name : `${rel}/${name}`;
        const host = `${diff}/${path}`;
        const st = this.fs.proc.lstat(host);
        const common = { path, uid: st.uid, gid: st.gid, mtime: Math.floor(st.mtimeMs / 1000), mode: st.mode & 0o7777 };
        if (st.type === 'chr' && st.rdev === 0) {
          out.push({ ...common, type: 'whiteout' });
          continue;
        }
        if (st.type === 'dir') {
          out.push({ ...common, type: 'dir', ...(this.isOpaque(host) ? { opaque: true } : {}) });
          walk(path);
          continue;
        }
        if (st.nlink > 1) {
          const first = inodes.get(st.ino);
          if (first !== undefined) {
            out.push({ ...common, type: 'hardlink', linkTarget: first });
            continue;
          }
          inodes.set(st.ino, path);
        }
        if (st.type === 'file') out.push({ ...common, type: 'file', content: this.fs.read(host) });
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
    };
    walk('');
    return out;
  }

  isOpaque(host: string): boolean {
    try {
      return new TextDecoder().decode(this.fs.proc.getxattr(host, OVL_OPAQUE, false)) === 'y';
    } catch (e) {
      if (isKernelError(e)) return false;
      throw e;
    }
  }

  /** directory.Size of diff/. */
  size(id: string): number {
    return directorySize(this.fs, `${this.dir(id)}/diff`);
  }
}
