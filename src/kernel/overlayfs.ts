// A model of the kernel's overlayfs as Docker mounts it: redirect_dir as the module's default
// (follow: a lower directory cannot be renamed), or on where a mount asks; no metacopy,
// index=off, all layers on one filesystem (Documentation/filesystems/overlayfs.rst and
// fs/overlayfs/{namei,readdir,dir,copy_up,inode}.c). Every layer lives on the simulated disk and
// stays visible there, as on a real host. The conformance suite in test/kernel/ checks this model
// against a real overlay mount operation by operation.
import type { BlockRanges } from './allocation.js';
import type { FileContent, LazyContent } from './content.js';
import type { Disk } from './disk.js';
import { KernelError } from './errors.js';
import type { KernelEvent } from './events.js';
import { joinRel, splitRel, type MountedFs } from './filesystem.js';
import { LayerStack, type Layered, topOf, upperOf } from './overlay-layers.js';
import type { KernelFeatures } from './release.js';
import {
  OVL_IMPURE,
  OVL_OPAQUE,
  OVL_ORIGIN,
  OVL_REDIRECT,
  OVL_UUID,
  OVL_XATTR_PREFIX,
  S_IFCHR,
  S_IFMT,
  WHITEOUT_RDEV,
  type Credentials,
  type DirEntry,
  type FileType,
  type OpenFlags,
  type Stat,
  typeOfMode,
} from './types.js';

export interface OverlayLayers {
  /** Lower directories on the disk (paths relative to the disk root), uppermost first. */
  lower: string[];
  /** Absent on a mount of lowerdirs only: the overlay is read-only (the kernel sets SB_RDONLY). */
  upper?: string;
  work?: string;
  /** redirect_dir=: 'on' renames a lower directory and leaves a redirect; 'follow' (the module's
   * default here, as Docker's mounts have it) only follows redirects; 'nofollow' refuses them. */
  redirectDir?: 'on' | 'follow' | 'nofollow';
}

const ROOT_CRED: Credentials = { uid: 0, gid: 0 };
const Y = new TextEncoder().encode('y');

export interface OverlayContext {
  disk: Disk;
  dev: number;
  /** Host path of the mountpoint, for events. */
  mountpoint: string;
  emit(event: KernelEvent): void;
  /** The kernel's global counter behind work/#<hex> temp names. */
  nextTempId(): number;
  randomBytes(n: number): Uint8Array;
  /** The disk's filesystem uuid, which origin file handles carry. */
  diskUuid: Uint8Array;
  /** The host path of a layer path on the disk (a tmpfs keeps its files elsewhere on it). */
  hostPath(rel: string): string;
  /** What the kernel's release does where overlayfs changed (release.ts). */
  features: Pick<KernelFeatures, 'overlayXattrEscape' | 'overlayUuidXattr'>;
}

export class OverlayFs implements MountedFs {
  readonly dev: number;
  readonly layers: OverlayLayers;
  private readonly disk: Disk;
  private readonly ctx: OverlayContext;
  /** work/work, where the kernel stages copy-ups, whiteouts and new entries ('' when read-only). */
  private readonly workwork: string;
  /** The whiteout this mount hard-links for every new whiteout (kernel ≥ 5.8 shares one). */
  private sharedWhiteout?: string;
  private readonly stack: LayerStack;

  constructor(layers: OverlayLayers, ctx: OverlayContext) {
    this.layers = layers;
    this.ctx = ctx;
    this.disk = ctx.disk;
    this.dev = ctx.dev;
    this.workwork = layers.work === undefined ? '' : joinRel(layers.work, 'work');
    this.stack = new LayerStack(this.disk, layers);
    if (layers.upper !== undefined && layers.work !== undefined) this.prepareWorkdir(layers.upper);
  }

  /** Mount time: the kernel empties and recreates work/work (d---------), and since 6.6 tags a
   * new upper with a uuid (ovl_init_uuid_xattr: not an upper already marked impure, an old
   * overlay's). Before 6.6 nothing is written; the bytes are drawn all the same, so the ids a
   * seed makes are the same on every release. */
  private prepareWorkdir(upper: string): void {
    const d = this.disk;
    if (d.exists(this.workwork)) this.removeTree(this.workwork);
    d.mkdir(this.workwork, 0, ROOT_CRED);
    if (!d.peekXattr(upper, OVL_UUID) && !d.peekXattr(upper, OVL_IMPURE)) {
      const uuid = this.ctx.randomBytes(16);
      if (this.ctx.features.overlayUuidXattr) d.setxattr(upper, OVL_UUID, uuid);
    }
  }

  /** No upper layer: every change is refused, as the VFS refuses it on a read-only superblock. */
  get readOnly(): boolean {
    return this.layers.upper === undefined;
  }

  private removeTree(rel: string): void {
    const st = this.disk.lstat(rel);
    if (st.type === 'dir') {
      for (const name of this.disk.names(rel)) this.removeTree(joinRel(rel, name));
      this.disk.rmdir(rel);
    } else {
      this.disk.unlink(rel);
    }
  }

  /** The host path of a path on the disk, as the layer options named it. */
  host(rel: string): string {
    return this.ctx.hostPath(rel);
  }

  private merged(rel: string): string {
    return rel === '' ? this.ctx.mountpoint : `${this.ctx.mountpoint === '/' ? '' : this.ctx.mountpoint}/${rel}`;
  }

  // ---- reading -------------------------------------------------------------------------------

  lstat(rel: string): Stat {
    const e = this.stack.must(rel, 'lstat');
    const top = topOf(e);
    const st = { ...this.disk.lstat(top), dev: this.dev };
    const fh = e.upper !== undefined ? this.disk.peekXattr(e.upper, OVL_ORIGIN) : undefined;
    if (fh && e.type === 'dir') {
      const ost = e.lowers[0] !== undefined ? this.disk.tryLstat(e.lowers[0]) : undefined;
      if (ost) st.ino = ost.ino;
    } else if (fh && fh.length >= 25) {
      // A copied-up file keeps the number of its origin, which the kernel finds by decoding the
      // xattr's file handle (ovl_check_origin), not by name: a hard link made to it in merged, or
      // a name it was renamed to, has the same origin and so the same number. Copy-up writes no
      // origin for a hard-linked lower file (index=off breaks the link).
      st.ino = new DataView(fh.buffer, fh.byteOffset, fh.length).getUint32(21, true);
    }
    if (this.stack.isMerge(e)) st.nlink = 1; // the kernel does not count subdirectories across layers
    return st;
  }

  readdir(rel: string): DirEntry[] {
    const e = this.stack.must(rel, 'scandir');
    if (e.type !== 'dir') throw new KernelError('ENOTDIR', 'scandir', rel);
    if (!this.stack.mayHoldWhiteouts(e)) {
      // The kernel reads a one-layer directory as it is on disk (ovl_dir_is_real): a stray
      // whiteout in it is listed, though looking it up then fails with ENOENT.
      return this.disk.readdir(topOf(e));
    }
    return this.stack.mergedEntries(e);
  }

  /** Overlay inodes of non-directories are keyed by their upper inode; lower-only names are each their own. */
  sameInode(a: string, b: string): boolean {
    const x = this.stack.lookup(a);
    const y = this.stack.lookup(b);
    if (!x || !y) return false;
    if (x.upper !== undefined && y.upper !== undefined) return this.disk.sameInode(x.upper, y.upper);
    return a === b;
  }

  readlink(rel: string): string {
    const e = this.stack.must(rel, 'readlink');
    return this.disk.readlink(topOf(e));
  }

  readFile(rel: string): Uint8Array {
    const e = this.stack.must(rel, 'open');
    return this.disk.readFile(topOf(e));
  }

  readContent(rel: string): FileContent {
    const e = this.stack.must(rel, 'open');
    return this.disk.readContent(topOf(e));
  }

  allocation(rel: string): BlockRanges | undefined {
    return this.disk.allocation(topOf(this.stack.must(rel, 'lseek')));
  }

  unwrittenBlocks(rel: string): BlockRanges {
    return this.disk.unwrittenBlocks(topOf(this.stack.must(rel, 'lseek')));
  }

  setAllocation(rel: string, blocks: BlockRanges | undefined, unwritten?: BlockRanges): void {
    this.disk.setAllocation(this.copyUp(rel), blocks, unwritten);
  }

  getxattr(rel: string, name: string): Uint8Array {
    const e = this.stack.must(rel, 'getxattr');
    return this.disk.getxattr(topOf(e), this.ownXattr(name, 'getxattr', rel));
  }

  /** The real inode's names but overlayfs's own (ovl_can_list); since 6.7 an escaped one is
   * listed as the name it was set by through merged. */
  listxattr(rel: string): string[] {
    const e = this.stack.must(rel, 'listxattr');
    const out: string[] = [];
    for (const n of this.disk.listxattr(topOf(e))) {
      if (!n.startsWith(OVL_XATTR_PREFIX)) out.push(n);
      else if (this.ctx.features.overlayXattrEscape && n.startsWith(OVL_ESCAPED_PREFIX))
        out.push(OVL_XATTR_PREFIX + n.slice(OVL_XATTR_PREFIX.length + OVL_ESCAPE.length));
    }
    return out;
  }

  /**
   * The name a getxattr, setxattr or removexattr through merged uses on the real inode.
   * overlayfs's own attributes (trusted.overlay.opaque, origin …) are never seen through merged.
   * Since Linux 6.7 a trusted.overlay.X is trusted.overlay.overlay.X on the real inode, so overlays
   * can be nested: `getfattr -n trusted.overlay.origin merged/f` is ENODATA and `setfattr -n
   * trusted.overlay.opaque` through merged copies up and stores an escaped name that changes
   * nothing. Before 6.7 (ovl_own_xattr_get/set) every such name is EOPNOTSUPP, before any copy-up.
   */
  private ownXattr(name: string, syscall: string, rel: string): string {
    if (!name.startsWith(OVL_XATTR_PREFIX)) return name;
    if (!this.ctx.features.overlayXattrEscape) throw new KernelError('EOPNOTSUPP', syscall, rel);
    return OVL_XATTR_PREFIX + OVL_ESCAPE + name.slice(OVL_XATTR_PREFIX.length);
  }

  /** The real inode's flags (ovl_copyflags); setting them copies the file up first, as
   * ovl_fileattr_set does, and sets them on the upper inode. */
  getFlags(rel: string): number {
    return this.disk.getFlags(topOf(this.stack.must(rel, 'ioctl')));
  }

  setFlags(rel: string, flags: number): void {
    this.disk.setFlags(this.copyUp(rel), flags);
  }

  // ---- copy-up -------------------------------------------------------------------------------

  private tempName(): string {
    return joinRel(this.workwork, `#${this.ctx.nextTempId().toString(16)}`);
  }

  /**
   * ovl_copy_up: makes sure rel and every directory above it exist in upper, copying each from
   * the lower layer it is seen in. Returns the upper path.
   */
  copyUp(rel: string): string {
    // Every change goes through here (for the name or its parent), after the checks that come
    // first on a read-only mount too (ENOENT, EEXIST, EISDIR): none has anywhere to go.
    if (this.readOnly) throw new KernelError('EROFS', 'copy_up', rel);
    const e = this.stack.must(rel, 'copy_up');
    if (e.upper !== undefined) return e.upper;
    const { dir, name } = splitRel(rel);
    const upperParent = this.copyUp(dir);
    const lower = topOf(e); // no upper: the lower entry
    const st = this.disk.lstat(lower);
    const staged = this.tempName();
    const d = this.disk;
    switch (st.type) {
      case 'dir':
        d.mkdir(staged, st.mode & 0o7777, st);
        break;
      case 'file':
        d.writeFile(staged, new Uint8Array(0), { create: true, exclusive: true }, st.mode & 0o7777, st);
        d.copyContent(lower, staged);
        break;
      case 'symlink':
        d.symlink(d.readlink(lower), staged, st);
        break;
      default:
        d.mknod(staged, st.mode, st.rdev, st);
    }
    for (const x of d.listxattr(lower)) {
      if (!x.startsWith(OVL_XATTR_PREFIX)) d.setxattr(staged, x, d.getxattr(lower, x));
    }
    // No origin for a hard-linked lower file: copy-up breaks the link, and two upper files must
    // not claim one origin (ovl_copy_up_one with index=off).
    if (st.type === 'dir' || st.nlink === 1) d.setxattr(staged, OVL_ORIGIN, this.fileHandle(st.ino));
    d.chown(staged, st.uid, st.gid);
    if (st.type !== 'symlink') d.chmod(staged, st.mode);
    d.utimes(staged, st.atimeMs, st.mtimeMs);
    const upper = joinRel(upperParent, name);
    // The copy-up is not a change the user made to the parent: the kernel takes the upper
    // parent's times before and puts them back after (ovl_copy_up_one's pstat, ovl_set_timestamps),
    // so only its ctime moves.
    const parentTimes = d.lstat(upperParent);
    d.rename(staged, upper);
    this.setImpure(upperParent);
    d.utimes(upperParent, parentTimes.atimeMs, parentTimes.mtimeMs);
    this.ctx.emit({
      kind: 'copy-up',
      merged: this.merged(rel),
      type: st.type,
      lower: this.host(lower),
      staged: st.type === 'file' ? this.host(this.layers.work ?? '') : this.host(staged),
      via: st.type === 'file' ? 'tmpfile' : 'workdir',
      upper: this.host(upper),
    });
    return upper;
  }

  /**
   * The origin xattr holds a file handle of the lower inode (struct ovl_fh: version, magic 0xfb,
   * length, flags, type, the lower filesystem's uuid, then ext4's fid: inode and generation).
   */
  private fileHandle(ino: number): Uint8Array {
    const fh = new Uint8Array(29);
    // flags 0: a little-endian machine (OVL_FH_FLAG_BIG_ENDIAN is 1); type 1, ext4's FILEID_INO32_GEN.
    fh.set([0x00, 0xfb, 29, 0x00, 0x01]);
    fh.set(this.ctx.diskUuid.subarray(0, 16), 5);
    new DataView(fh.buffer).setUint32(21, ino, true);
    return fh;
  }

  /** An upper directory holding entries with an origin is marked impure (for readdir's d_ino). */
  private setImpure(upperDir: string): void {
    if (!this.disk.peekXattr(upperDir, OVL_IMPURE)) this.disk.setxattr(upperDir, OVL_IMPURE, Y);
  }

  // ---- creating ------------------------------------------------------------------------------

  /** ovl_create_or_link: into upper directly, or staged in work/ when a whiteout holds the name. */
  private create(rel: string, type: FileType, make: (path: string) => void): void {
    const { dir, name } = splitRel(rel);
    const upperParent = this.copyUp(dir);
    const target = joinRel(upperParent, name);
    if (this.disk.probe(target)?.whiteout) {
      const staged = this.tempName();
      make(staged);
      if (type === 'dir') this.disk.setxattr(staged, OVL_OPAQUE, Y);
      this.disk.unlink(target);
      this.disk.rename(staged, target);
      this.ctx.emit({ kind: 'create', path: this.merged(rel), type });
      if (type === 'dir') this.ctx.emit({ kind: 'opaque', merged: this.merged(rel), upper: this.host(target) });
      return;
    }
    make(target);
    this.ctx.emit({ kind: 'create', path: this.merged(rel), type });
    // With redirect_dir=on (no offline changes to the lowers allowed) a new directory in a merged
    // one is made opaque at once, an optimisation (ovl_create_upper, ovl_allow_offline_changes).
    if (type === 'dir' && this.layers.redirectDir === 'on' && this.stack.isMerge(this.stack.must(dir, 'mkdir'))) {
      this.disk.setxattr(target, OVL_OPAQUE, Y);
      this.ctx.emit({ kind: 'opaque', merged: this.merged(rel), upper: this.host(target) });
    }
  }

  private assertAbsent(rel: string, syscall: string): void {
    if (this.stack.lookup(rel)) throw new KernelError('EEXIST', syscall, rel);
  }

  open(rel: string, flags: OpenFlags & { write: boolean }, mode: number, cred: Credentials): void {
    this.openForWrite(rel, flags, mode, cred, flags.write);
  }

  private openForWrite(rel: string, flags: OpenFlags, mode: number, cred: Credentials, write: boolean): string {
    const e = this.stack.lookup(rel);
    if (e) {
      if (flags.create && flags.exclusive) throw new KernelError('EEXIST', 'open', rel);
      if (e.type === 'dir') {
        if (write) throw new KernelError('EISDIR', 'open', rel);
        return topOf(e);
      }
      // Devices and FIFOs are opened through their driver, never copied up (special_file()).
      if ((!write && !flags.truncate) || (e.type !== 'file' && e.type !== 'symlink')) return topOf(e);
      const upper = this.copyUp(rel);
      if (flags.truncate) this.disk.open(upper, { ...flags, create: false, write: true }, mode, cred);
      return upper;
    }
    if (!flags.create) throw new KernelError('ENOENT', 'open', rel);
    this.create(rel, 'file', (p) => this.disk.writeFile(p, new Uint8Array(0), { create: true }, mode, cred));
    return this.copyUp(rel);
  }

  writeFile(rel: string, data: Uint8Array, flags: OpenFlags, mode: number, cred: Credentials): void {
    const upper = this.openForWrite(rel, flags, mode, cred, true);
    this.disk.writeFile(upper, data, { ...flags, create: false, truncate: false, exclusive: false }, mode, cred);
    if (data.length > 0) this.ctx.emit({ kind: 'write', path: this.merged(rel) });
  }

  writeSynthetic(rel: string, content: LazyContent, mode: number, cred: Credentials): void {
    const upper = this.openForWrite(rel, { create: true, truncate: true }, mode, cred, true);
    this.disk.writeSynthetic(upper, content, mode, cred);
    if (content.size > 0) this.ctx.emit({ kind: 'write', path: this.merged(rel) });
  }

  mkdir(rel: string, mode: number, cred: Credentials): void {
    this.assertAbsent(rel, 'mkdir');
    this.create(rel, 'dir', (p) => this.disk.mkdir(p, mode, cred));
  }

  symlink(target: string, rel: string, cred: Credentials): void {
    this.assertAbsent(rel, 'symlink');
    this.create(rel, 'symlink', (p) => this.disk.symlink(target, p, cred));
  }

  mknod(rel: string, mode: number, rdev: number, cred: Credentials): void {
    if ((mode & S_IFMT) === S_IFCHR && rdev === WHITEOUT_RDEV) throw new KernelError('EPERM', 'mknod', rel);
    this.assertAbsent(rel, 'mknod');
    this.create(rel, typeOfMode(mode), (p) => this.disk.mknod(p, mode, rdev, cred));
  }

  link(existing: string, rel: string): void {
    const e = this.stack.must(existing, 'link');
    if (e.type === 'dir') throw new KernelError('EPERM', 'link', existing);
    this.assertAbsent(rel, 'link');
    const upper = this.copyUp(existing);
    const hadOrigin = this.disk.peekXattr(upper, OVL_ORIGIN) !== undefined;
    this.create(rel, e.type, (p) => this.disk.link(upper, p));
    if (hadOrigin) this.setImpure(this.copyUp(splitRel(rel).dir));
  }

  // ---- removing ------------------------------------------------------------------------------

  /** ovl_whiteout: a new name for this mount's shared whiteout, made in work/work. */
  private makeWhiteout(): string {
    const d = this.disk;
    if (this.sharedWhiteout === undefined || !d.exists(this.sharedWhiteout)) {
      this.sharedWhiteout = this.tempName();
      d.mknod(this.sharedWhiteout, S_IFCHR, WHITEOUT_RDEV, ROOT_CRED);
    }
    const staged = this.tempName();
    d.link(this.sharedWhiteout, staged);
    return staged;
  }

  /** Puts a whiteout at rel's upper name, replacing whatever upper entry is there. */
  private whiteout(rel: string, e: Layered): void {
    const { dir, name } = splitRel(rel);
    const upperParent = this.copyUp(dir);
    const target = joinRel(upperParent, name);
    const staged = this.makeWhiteout();
    if (e.upper !== undefined) {
      if (e.type === 'dir') this.removeTree(e.upper);
      else this.disk.unlink(e.upper);
    }
    this.disk.rename(staged, target);
    this.ctx.emit({ kind: 'whiteout', merged: this.merged(rel), upper: this.host(target), staged: this.host(staged) });
  }

  unlink(rel: string): void {
    const e = this.stack.must(rel, 'unlink');
    if (e.type === 'dir') throw new KernelError('EISDIR', 'unlink', rel);
    this.copyUp(splitRel(rel).dir);
    if (this.stack.lowerPositive(rel)) this.whiteout(rel, e);
    else this.disk.unlink(upperOf(e));
    this.ctx.emit({ kind: 'delete', path: this.merged(rel), type: e.type });
  }

  /** ovl_check_empty_dir reads the merged entries even of a one-layer directory. */
  private isEmptyMerged(rel: string): boolean {
    return this.stack.mergedEntries(this.stack.must(rel, 'rmdir')).length === 0;
  }

  rmdir(rel: string): void {
    const e = this.stack.must(rel, 'rmdir');
    if (e.type !== 'dir') throw new KernelError('ENOTDIR', 'rmdir', rel);
    if (!this.isEmptyMerged(rel)) throw new KernelError('ENOTEMPTY', 'rmdir', rel);
    this.copyUp(splitRel(rel).dir);
    if (this.stack.lowerPositive(rel)) this.whiteout(rel, e);
    // A renamed lower directory (a redirect) is not under its name below: it goes with the
    // whiteouts of what was removed in it (ovl_remove_upper after ovl_clear_empty).
    else this.removeTree(upperOf(e));
    this.ctx.emit({ kind: 'delete', path: this.merged(rel), type: 'dir' });
  }

  // ---- rename --------------------------------------------------------------------------------

  rename(from: string, to: string): void {
    const old = this.stack.must(from, 'rename');
    const neu = this.stack.lookup(to);
    const isDir = old.type === 'dir';
    // ovl_can_move: without redirect_dir=on a directory that has anything in a lower layer cannot
    // be moved: the kernel answers EXDEV and mv falls back to copying.
    const mergeOrLower = isDir && (old.upper === undefined || this.stack.isMerge(old));
    if (mergeOrLower && this.layers.redirectDir !== 'on') throw new KernelError('EXDEV', 'rename', from);
    if (neu && neu.type === 'dir' && (neu.upper === undefined || this.stack.isMerge(neu))) {
      if (!this.isEmptyMerged(to)) throw new KernelError('ENOTEMPTY', 'rename', to);
    }
    const oldUpper = this.copyUp(from);
    const { dir: newDir, name: newName } = splitRel(to);
    const newUpperParent = this.copyUp(newDir);
    const target = joinRel(newUpperParent, newName);
    const oldParentUpper = splitRel(oldUpper).dir;
    const samedir = oldParentUpper === newUpperParent;
    const newIsWhiteout = !neu && this.disk.tryLstat(target) !== undefined;
    const oldLowerPositive = this.stack.lowerPositive(from);
    const hasOrigin = this.disk.peekXattr(oldUpper, OVL_ORIGIN) !== undefined;

    if (neu && neu.type === 'dir' && neu.upper !== undefined && this.stack.isMerge(neu)) {
      // ovl_clear_empty: the upper directory (holding only whiteouts) is swapped for an empty
      // opaque one, which the rename then replaces.
      this.removeTree(neu.upper);
    }
    if (!samedir && hasOrigin && (!isDir || mergeOrLower)) this.setImpure(newUpperParent);
    if (mergeOrLower) {
      const redirect = this.redirectFor(from, old, samedir);
      if (redirect !== undefined) this.disk.setxattr(oldUpper, OVL_REDIRECT, new TextEncoder().encode(redirect));
    } else if (isDir && !old.opaque) {
      const parent = this.stack.must(newDir, 'rename');
      if (this.stack.isMerge(parent)) {
        this.disk.setxattr(oldUpper, OVL_OPAQUE, Y);
        this.ctx.emit({ kind: 'opaque', merged: this.merged(to), upper: this.host(target) });
      }
    }

    if (oldLowerPositive && newIsWhiteout) {
      // RENAME_EXCHANGE: the whiteout at the new name moves to the old name.
      const staged = this.tempName();
      this.disk.rename(target, staged);
      this.disk.rename(oldUpper, target);
      this.disk.rename(staged, oldUpper);
    } else {
      // A directory moving onto a whiteout: the kernel exchanges the two and drops the whiteout.
      if (newIsWhiteout && isDir) this.disk.unlink(target);
      this.disk.rename(oldUpper, target);
      if (oldLowerPositive) {
        // RENAME_WHITEOUT: the upper filesystem leaves a fresh whiteout (its own inode).
        this.disk.mknod(oldUpper, S_IFCHR, WHITEOUT_RDEV, ROOT_CRED);
        this.ctx.emit({ kind: 'whiteout', merged: this.merged(from), upper: this.host(oldUpper), staged: '' });
      }
    }
    this.ctx.emit({ kind: 'rename', from: this.merged(from), to: this.merged(to) });
  }

  /**
   * ovl_set_redirect: what a moved lower directory's redirect says, or undefined to keep the one it
   * has (a redirect within the same directory, or an absolute one). Within its directory it names
   * its old name; elsewhere the old path from the root, each ancestor named by its own redirect
   * where it has one, back to the first absolute one (ovl_get_redirect).
   */
  private redirectFor(from: string, old: Layered, samedir: boolean): string | undefined {
    if (old.redirect !== undefined && (samedir || old.redirect.startsWith('/'))) return undefined;
    if (samedir) return splitRel(from).name;
    const parts: string[] = [];
    let rel = from;
    while (rel !== '') {
      const own = this.stack.lookup(rel)?.redirect;
      const name = own ?? splitRel(rel).name;
      parts.unshift(name);
      if (name.startsWith('/')) return parts.join('/');
      rel = splitRel(rel).dir;
    }
    return `/${parts.join('/')}`;
  }

  // ---- attributes ----------------------------------------------------------------------------

  chmod(rel: string, mode: number): void {
    this.disk.chmod(this.copyUp(rel), mode);
  }

  chown(rel: string, uid: number, gid: number): void {
    this.disk.chown(this.copyUp(rel), uid, gid);
  }

  utimes(rel: string, atimeMs: number, mtimeMs: number): void {
    this.disk.utimes(this.copyUp(rel), atimeMs, mtimeMs);
  }

  truncate(rel: string, length: number): void {
    const e = this.stack.must(rel, 'truncate');
    if (e.type === 'dir') throw new KernelError('EISDIR', 'truncate', rel);
    this.disk.truncate(this.copyUp(rel), length);
  }

  setxattr(rel: string, name: string, value: Uint8Array): void {
    const real = this.ownXattr(name, 'setxattr', rel);
    this.disk.setxattr(this.copyUp(rel), real, value);
  }

  removexattr(rel: string, name: string): void {
    const real = this.ownXattr(name, 'removexattr', rel);
    this.disk.removexattr(this.copyUp(rel), real);
  }
}

/** What overlayfs writes after its prefix to escape a name (fs/overlayfs/xattrs.c). */
const OVL_ESCAPE = 'overlay.';
/** An escaped name on a layer: the kernel compares the prefix without its last dot. */
const OVL_ESCAPED_PREFIX = `${OVL_XATTR_PREFIX}${OVL_ESCAPE.slice(0, -1)}`;
