// The simulated host disk: memfs's inode and directory-entry structures, driven directly.
//
// We use memfs's core (links and nodes) rather than its fs API because its fs API checks
// permissions against the Node process's uid with no root bypass, stamps times from the real
// wall clock, and replaces rename targets without dropping their link count. The simulated host
// runs as root, takes its clock from outside, and must count links as ext4 does (a shared
// whiteout's link count is visible in `ls -l`). What memfs has no room for, extended attributes,
// lives beside it keyed by inode.
//
// `_core` is private to memfs: package.json pins memfs exactly, and test/kernel/memfs-contract.test.ts
// holds the shape used here, so an upgrade that changes it fails there first.
import type { Volume } from 'memfs';
import {
  type BlockRanges,
  blockCount,
  blocksOfBytes,
  clipBlocks,
  copyUpBlocks,
  denseBlocks,
  intersectBlocks,
  minusBlocks,
  ext4Sectors,
  unionBlocks,
  withoutBlocks,
} from './allocation.js';
import { KernelError } from './errors.js';
import { joinRel, splitRel, type MountedFs } from './filesystem.js';
import {
  type ComposedContent,
  type ContentPiece,
  composeContent,
  contentBytes,
  type FileContent,
  isComposed,
  type LazyContent,
  sliceContent,
} from './content.js';
import { isSynthetic, type SyntheticContent, syntheticContent } from './synthetic.js';
import {
  S_IFDIR,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
  makedev,
  typeOfMode,
  type Clock,
  type Credentials,
  type DirEntry,
  type FileType,
  type OpenFlags,
  type Stat,
} from './types.js';

/** The parts of memfs's Node (an inode) that the disk uses. */
interface MemNode {
  ino: number;
  mode: number;
  uid: number;
  gid: number;
  nlink: number;
  rdev: number;
  size: number;
  atime: Date;
  mtime: Date;
  ctime: Date;
  /** Birth time: memfs stamps the wall clock; newNode sets the simulated one. */
  btime: Date;
  symlink?: string;
  getBuffer(): Uint8Array;
  setBuffer(buf: Uint8Array): void;
  write(buf: Uint8Array, off?: number, len?: number, pos?: number): number;
  truncate(len?: number): void;
  isDirectory(): boolean;
}

/** The parts of memfs's Link (a directory entry) that the disk uses. */
interface MemLink {
  children: Map<string, MemLink>;
  parent?: MemLink;
  name: string;
  steps: string[];
  getNode(): MemNode;
  setChild(name: string, link: MemLink): MemLink;
  deleteChild(link: MemLink): void;
  createChild(name: string, node: MemNode): MemLink;
}

interface MemCore {
  root: MemLink;
  inodes: Record<number, MemNode>;
  createNode(mode: number): MemNode;
  deleteNode(node: MemNode): void;
  newInoNumber(): number;
}

/** One entry of a tree written at once into an empty directory (Disk.unpack), parents first. */
export interface UnpackItem {
  /** Relative to the directory unpacked into: "usr/bin/env". */
  path: string;
  type: 'dir' | 'file' | 'symlink' | 'hardlink' | 'chr' | 'blk' | 'fifo';
  /** Permission bits (07777). */
  mode: number;
  uid: number;
  gid: number;
  /** atime and mtime; ctime is the time of the unpack. */
  mtimeMs: number;
  content?: FileContent;
  /** A symlink's target; a hard link's other name (relative to the directory unpacked into). */
  target?: string;
  rdev?: number;
  /** Directory only: trusted.overlay.opaque=y. */
  opaque?: boolean;
}

/** ext4 hands out inode numbers in the millions on a used disk; so do we, for realistic `ls -i`. */
const INO_BASE = 1_048_576;
const BLOCK = 4096;

export interface DiskOptions {
  clock: Clock;
  /** st_dev of the disk; 254:0 is what a virtio disk (/dev/vda) shows. */
  dev?: number;
}

/** What a lookup across layers needs to know of one name (see Disk.probe). */
export interface Probed {
  type: FileType;
  whiteout: boolean;
  opaque: boolean;
  /** A directory's trusted.overlay.redirect: where overlayfs looks for it in the lowers. */
  redirect?: string;
}

/** A regular file held by inode (see Disk.pinFile). */
export interface PinnedFile {
  stat(): Stat;
  read(): Uint8Array;
  write(data: Uint8Array, flags: OpenFlags): void;
  truncate(length: number): void;
  chmod(mode: number): void;
  chown(uid: number, gid: number): void;
  utimes(atimeMs: number, mtimeMs: number): void;
  xattrs(): Map<string, Uint8Array>;
}

const utf8 = new TextEncoder();
/** Bytes of a string in UTF-8 (a symlink's size is its target's length in bytes). */
const utf8Length = (s: string) => (/^[\x00-\x7f]*$/.test(s) ? s.length : utf8.encode(s).length);

/** How many directories the disk keeps resolved at most (a walk needs those it stands in). */
const DIR_CACHE_SIZE = 4096;

/** The prefixes ext4 stores as an index number instead of text (fs/ext4/xattr.c). */
const EXT4_XATTR_PREFIXES = [
  'system.posix_acl_access',
  'system.posix_acl_default',
  'user.',
  'trusted.',
  'security.',
  'system.',
];

/**
 * ext4 with 256-byte inodes keeps extended attributes in the inode while they fit in the 96 bytes
 * after its extra fields (a 4-byte header, a 16-byte entry per attribute with its name, a 4-byte
 * end marker, the values; names and values padded to 4 bytes), and otherwise takes a 4 KiB block
 * for them: a directory copied up by overlayfs (trusted.overlay.origin and .impure, 108 bytes) has
 * 16 blocks on a real ext4, not 8, which `du` counts (measured on this kind of host).
 */
function xattrsNeedBlock(xattrs: Map<string, Uint8Array> | undefined): boolean {
  if (!xattrs || xattrs.size === 0) return false;
  let bytes = 4 + 4;
  for (const [name, value] of xattrs) {
    const prefix = EXT4_XATTR_PREFIXES.find((p) => name.startsWith(p)) ?? '';
    bytes += ((utf8Length(name.slice(prefix.length)) + 16 + 3) & ~3) + ((value.length + 3) & ~3);
  }
  return bytes > 96;
}

export class Disk implements MountedFs {
  readonly dev: number;
  readonly volume: Volume;
  private readonly core: MemCore;
  private readonly clock: Clock;
  private readonly xattrs = new WeakMap<MemNode, Map<string, Uint8Array>>();
  /** chattr's inode flags (FS_IMMUTABLE_FL …), beside memfs as the xattrs are. */
  private readonly flags = new WeakMap<MemNode, number>();
  /** Regular files whose bytes are made on read (synthetic.ts, content.ts): memfs holds none of them. */
  private readonly synthetic = new WeakMap<MemNode, LazyContent>();
  /** The blocks of a sparse file (allocation.ts); a file without an entry is dense. */
  private readonly alloc = new WeakMap<MemNode, BlockRanges>();
  /** The sync a file was last written before (sync(2) counts them): written since the last one, it
   * is dirty, its blocks not yet allocated by writeback (ext4's delayed allocation). */
  private readonly writtenBefore = new WeakMap<MemNode, number>();
  private syncs = 0;
  /** Those of a file's allocated blocks that fallocate made and nothing wrote (allocation.ts). */
  private readonly unwritten = new WeakMap<MemNode, BlockRanges>();
  /** Inodes held by bind mounts: they outlive their last name. */
  private readonly pinned = new WeakSet<MemNode>();
  /** Bumped on every change, so caches above the disk (overlay lookups) know when to drop. */
  generation = 0;
  /**
   * Bumped when a name goes or moves (unlink, rmdir, rename): what a path on the disk resolves
   * to changes only then. Creating a name, writing, chmod and the rest leave every directory
   * already resolved where it was, so the caches of resolved directories outlive them (an image
   * unpacked entry by entry is not walked from the root for each).
   */
  namesGeneration = 0;

  constructor(volume: Volume, options: DiskOptions) {
    this.volume = volume;
    // memfs keeps its core (the inode table) private and untyped; the disk needs its nodes, so
    // memfs is pinned to one version and test/kernel checks the contract this read relies on.
    this.core = (volume as unknown as { _core: MemCore })._core;
    this.clock = options.clock;
    this.dev = options.dev ?? makedev(254, 0);
    const root = this.core.root.getNode();
    root.mode = S_IFDIR | 0o755;
    root.uid = 0;
    root.gid = 0;
    this.stamp(root, true, true, true);
    root.btime = root.ctime;
  }

  // ---- lookups -------------------------------------------------------------------------------

  // A path is walked from the root, name by name; the directory holding its last name is kept
  // (until a name goes or moves), so the entries of one directory — a tree walk's, the layers' probes
  // of an overlay lookup — are each one map lookup below it instead of a walk of the whole path.
  private dirs = new Map<string, MemLink>();
  private dirsGeneration = -1;
  private lastDir: { rel: string; link: MemLink } | undefined;

  /** The directory at rel, when it is one (else undefined: the caller walks and says why). */
  private dirLink(rel: string): MemLink | undefined {
    if (this.dirsGeneration !== this.namesGeneration) {
      this.dirs.clear();
      this.lastDir = undefined;
      this.dirsGeneration = this.namesGeneration;
    }
    if (this.lastDir?.rel === rel) return this.lastDir.link;
    let link = this.dirs.get(rel);
    if (!link) {
      link = this.walkFromRoot(rel);
      if (!link?.getNode().isDirectory()) return undefined;
      if (this.dirs.size >= DIR_CACHE_SIZE) this.dirs.clear();
      this.dirs.set(rel, link);
    }
    this.lastDir = { rel, link };
    return link;
  }

  /** The entry named by rel's last component, found in its cached parent directory; undefined
   * when rel has no parent but the root or the parent is not a directory (walk from the root). */
  private fromParent(rel: string): { link: MemLink | undefined } | undefined {
    const i = rel.lastIndexOf('/');
    if (i <= 0) return undefined;
    const dir = this.dirLink(rel.slice(0, i));
    if (!dir) return undefined;
    const name = rel.slice(i + 1);
    return { link: name === '.' || name === '..' ? undefined : dir.children.get(name) };
  }

  private walk(rel: string, syscall: string): MemLink {
    const found = this.fromParent(rel);
    if (found) {
      if (!found.link) throw new KernelError('ENOENT', syscall, rel);
      return found.link;
    }
    let link = this.core.root;
    if (rel === '') return link;
    for (const name of rel.split('/')) {
      if (!link.getNode().isDirectory()) throw new KernelError('ENOTDIR', syscall, rel);
      const next = link.children.get(name);
      if (!next || name === '.' || name === '..') throw new KernelError('ENOENT', syscall, rel);
      link = next;
    }
    return link;
  }

  private tryWalk(rel: string): MemLink | undefined {
    const found = this.fromParent(rel);
    return found ? found.link : this.walkFromRoot(rel);
  }

  private walkFromRoot(rel: string): MemLink | undefined {
    let link = this.core.root;
    if (rel === '') return link;
    for (const name of rel.split('/')) {
      if (!link.getNode().isDirectory()) return undefined;
      const next = link.children.get(name);
      if (!next || name === '.' || name === '..') return undefined;
      link = next;
    }
    return link;
  }

  private parentOf(rel: string, syscall: string): { dir: MemLink; name: string } {
    const { dir, name } = splitRel(rel);
    const parent = this.walk(dir, syscall);
    if (!parent.getNode().isDirectory()) throw new KernelError('ENOTDIR', syscall, rel);
    return { dir: parent, name };
  }

  exists(rel: string): boolean {
    return this.tryWalk(rel) !== undefined;
  }

  sameInode(a: string, b: string): boolean {
    const x = this.tryWalk(a);
    const y = this.tryWalk(b);
    return x !== undefined && y !== undefined && x.getNode() === y.getNode();
  }

  /** The inode number as stat reports it; stable for the life of the inode. */
  /**
   * The regular file behind a name, held the way a bind mount (or an open file) holds it: by
   * inode, not by name. Renaming another file over the name, as `sed -i` or an editor does,
   * leaves the holder on the old inode — seed 003's stale single-file bind mount. A pinned
   * inode whose last name goes keeps its number and data.
   */
  pinFile(rel: string): PinnedFile {
    const node = this.walk(rel, 'open').getNode();
    if ((node.mode & S_IFMT) !== S_IFREG) throw new KernelError('EINVAL', 'mount', rel);
    this.pinned.add(node);
    const touch = (a: boolean, m: boolean, c: boolean) => {
      this.stamp(node, a, m, c);
      this.changed();
    };
    return {
      stat: () => this.statNode(node),
      read: () => this.bytesOf(node),
      write: (data, flags) => {
        if (flags.truncate) this.truncateNode(node, 0);
        if (data.length) this.writeNode(node, data, flags.append === true);
        if (flags.truncate || data.length) touch(false, true, true);
      },
      truncate: (length) => {
        this.truncateNode(node, length);
        touch(false, true, true);
      },
      chmod: (mode) => {
        node.mode = (node.mode & S_IFMT) | (mode & 0o7777);
        touch(false, false, true);
      },
      chown: (uid, gid) => {
        if (uid >= 0) node.uid = uid;
        if (gid >= 0) node.gid = gid;
        touch(false, false, true);
      },
      utimes: (atimeMs, mtimeMs) => {
        node.atime = new Date(atimeMs);
        node.mtime = new Date(mtimeMs);
        node.ctime = this.now();
        this.changed();
      },
      xattrs: () => {
        let map = this.xattrs.get(node);
        if (!map) this.xattrs.set(node, (map = new Map()));
        return map;
      },
    };
  }

  inoOf(rel: string): number {
    return this.walk(rel, 'stat').getNode().ino + INO_BASE;
  }

  lstat(rel: string): Stat {
    return this.statNode(this.walk(rel, 'lstat').getNode());
  }

  private statNode(node: MemNode): Stat {
    const type = typeOfMode(node.mode);
    let size = 0;
    let blocks = 0;
    if (type === 'file') {
      size = this.synthetic.get(node)?.size ?? node.size;
      const written = (this.writtenBefore.get(node) ?? -1) < this.syncs;
      blocks = ext4Sectors(this.alloc.get(node) ?? denseBlocks(size), this.unwritten.get(node), written);
    } else if (type === 'dir') {
      size = BLOCK;
      blocks = BLOCK / 512;
    } else if (type === 'symlink') {
      size = utf8Length(node.symlink ?? '');
      // ext4 keeps a target shorter than 60 bytes in the inode (a fast symlink); a longer one,
      // such as overlay2/l/'s `../<64 hex>/diff` (72 bytes), takes a block (fs/ext4/namei.c).
      if (size >= 60) blocks = BLOCK / 512;
    }
    if (xattrsNeedBlock(this.xattrs.get(node))) blocks += BLOCK / 512;
    return {
      type,
      dev: this.dev,
      ino: node.ino + INO_BASE,
      mode: node.mode,
      nlink: node.nlink,
      uid: node.uid,
      gid: node.gid,
      rdev: node.rdev,
      size,
      blocks,
      atimeMs: node.atime.getTime(),
      mtimeMs: node.mtime.getTime(),
      ctimeMs: node.ctime.getTime(),
      btimeMs: node.btime.getTime(),
    };
  }

  readdir(rel: string): DirEntry[] {
    const link = this.walk(rel, 'scandir');
    if (!link.getNode().isDirectory()) throw new KernelError('ENOTDIR', 'scandir', rel);
    const out: DirEntry[] = [];
    for (const [name, child] of link.children) {
      if (name === '.' || name === '..') continue;
      out.push({ name, type: typeOfMode(child.getNode().mode) });
    }
    return out;
  }

  /** Names only, without the type lookups: the cheap path for large directories. */
  names(rel: string): string[] {
    const link = this.walk(rel, 'scandir');
    const out: string[] = [];
    for (const name of link.children.keys()) if (name !== '.' && name !== '..') out.push(name);
    return out;
  }

  isEmptyDir(rel: string): boolean {
    return this.walk(rel, 'rmdir').children.size <= 2;
  }

  /** lstat that answers undefined instead of throwing: lookups across layers probe a lot. */
  tryLstat(rel: string): Stat | undefined {
    const link = this.tryWalk(rel);
    return link ? this.statNode(link.getNode()) : undefined;
  }

  /**
   * What a lookup across layers needs to know of one name, from one walk and without building
   * a Stat: its type, whether it is a whiteout (0/0 char device), whether it is an opaque dir.
   */
  probe(rel: string): Probed | undefined {
    const link = this.tryWalk(rel);
    return link ? this.probed(link) : undefined;
  }

  /**
   * probe() of the entry `name` of the directory `dir`. A lookup across layers asks this of
   * each layer's directory in turn: the directory's path is a string met before (its hash is
   * kept), so this is two map lookups, with no path joined or sliced.
   */
  probeIn(dir: string, name: string): Probed | undefined {
    if (name === '.' || name === '..') return undefined;
    const link = this.dirLink(dir)?.children.get(name);
    return link ? this.probed(link) : undefined;
  }

  private probed(link: MemLink): Probed {
    const node = link.getNode();
    const type = typeOfMode(node.mode);
    const whiteout = type === 'chr' && node.rdev === 0;
    let opaque = false;
    if (type === 'dir') {
      const xs = this.xattrs.get(node);
      const v = xs?.get('trusted.overlay.opaque');
      opaque = v !== undefined && v.length === 1 && v[0] === 0x79; // "y"
      const r = xs?.get('trusted.overlay.redirect');
      if (r !== undefined && r.length > 0) return { type, whiteout, opaque, redirect: new TextDecoder().decode(r) };
    }
    return { type, whiteout, opaque };
  }

  /** getxattr that answers undefined instead of ENODATA. */
  peekXattr(rel: string, name: string): Uint8Array | undefined {
    const link = this.tryWalk(rel);
    return link ? this.xattrs.get(link.getNode())?.get(name) : undefined;
  }

  readlink(rel: string): string {
    const node = this.walk(rel, 'readlink').getNode();
    if ((node.mode & S_IFMT) !== S_IFLNK) throw new KernelError('EINVAL', 'readlink', rel);
    return node.symlink ?? '';
  }

  readFile(rel: string): Uint8Array {
    const node = this.walk(rel, 'open').getNode();
    if (node.isDirectory()) throw new KernelError('EISDIR', 'read', rel);
    if ((node.mode & S_IFMT) !== S_IFREG) return new Uint8Array(0);
    return this.bytesOf(node);
  }

  /** What a file that may be synthetic holds, when a whole file is synthetic (undefined if not):
   * a copy or an export can carry the descriptor on instead of the bytes. */
  syntheticOf(rel: string): SyntheticContent | undefined {
    const link = this.tryWalk(rel);
    const c = link ? this.synthetic.get(link.getNode()) : undefined;
    return isSynthetic(c) ? c : undefined;
  }

  /** readFile without making the bytes of a file whose bytes are made on read: its description
   * (a synthetic file, or pieces), else the bytes held. */
  readContent(rel: string): FileContent {
    const node = this.walk(rel, 'open').getNode();
    if (node.isDirectory()) throw new KernelError('EISDIR', 'read', rel);
    if ((node.mode & S_IFMT) !== S_IFREG) return new Uint8Array(0);
    return this.synthetic.get(node) ?? new Uint8Array(node.getBuffer());
  }

  private bytesOf(node: MemNode): Uint8Array {
    const synth = this.synthetic.get(node);
    return synth ? contentBytes(synth) : new Uint8Array(node.getBuffer());
  }

  /** A file's new content: a description kept as one, bytes (or pieces that are all bytes) in
   * memfs's buffer. */
  private setContent(node: MemNode, c: FileContent): void {
    if (c instanceof Uint8Array || (isComposed(c) && c.pieces.every((p) => p instanceof Uint8Array))) {
      this.synthetic.delete(node);
      node.setBuffer(Buffer.from(contentBytes(c)));
    } else this.synthetic.set(node, c);
  }

  /**
   * write(2) of data at the start of the file, or at its end (append). A described file stays
   * described: an append adds a piece of bytes after its pieces (echo x >> big keeps 100 MB a
   * size and one held byte, as ext4 keeps one more block), a write at the start puts bytes over
   * its first ones.
   */
  private writeNode(node: MemNode, data: Uint8Array, append: boolean): void {
    this.writtenBefore.set(node, this.syncs);
    const synth = this.synthetic.get(node);
    const blocks = this.alloc.get(node);
    if (blocks) {
      const at = append ? (synth?.size ?? node.size) : 0;
      const written = blocksOfBytes(at, at + data.length);
      this.alloc.set(node, unionBlocks(blocks, [written]));
      const unwritten = this.unwritten.get(node);
      if (unwritten) this.unwritten.set(node, withoutBlocks(unwritten, written[0], written[1]));
    }
    if (!synth) {
      node.write(Buffer.from(data.buffer, data.byteOffset, data.length), 0, data.length, append ? node.size : 0);
      return;
    }
    if (append) this.synthetic.set(node, this.appended(node, synth, data));
    else this.setContent(node, composeContent([data, sliceContent(synth, data.length, synth.size)]));
  }

  /**
   * The bytes appended to a described file, in a buffer with room to grow (as memfs grows a
   * file's): the content's last piece is a view of it, so an append copies only what it adds,
   * not the tail held so far (a stream of writes into a redirect stays linear). Only the node the
   * buffer was made for writes past the view, and only while its content still ends in that view;
   * a copy of the content (cp, a copy-up) keeps its own view, which no write changes.
   */
  private readonly tails = new WeakMap<MemNode, { buf: Uint8Array; view: Uint8Array }>();

  private appended(node: MemNode, c: LazyContent, data: Uint8Array): ComposedContent {
    const pieces: ContentPiece[] = isComposed(c) ? [...c.pieces] : [{ source: c, offset: 0, length: c.size }];
    const starts: number[] = isComposed(c) ? [...c.starts] : [0];
    const last = pieces[pieces.length - 1];
    let held: Uint8Array = new Uint8Array(0);
    if (last instanceof Uint8Array) {
      held = last;
      pieces.pop();
    } else starts.push(c.size);
    const tail = this.tails.get(node);
    let view: Uint8Array;
    if (tail && tail.view === held && held.length + data.length <= tail.buf.length) {
      tail.buf.set(data, held.length);
      view = tail.buf.subarray(0, held.length + data.length);
      tail.view = view;
    } else {
      const buf = new Uint8Array(Math.max(64, 2 * (held.length + data.length)));
      buf.set(held);
      buf.set(data, held.length);
      view = buf.subarray(0, held.length + data.length);
      this.tails.set(node, { buf, view });
    }
    pieces.push(view);
    return { composed: true, size: c.size + data.length, pieces, starts };
  }

  /** truncate(2); a described file stays described: cut shorter, it is a prefix of its pieces;
   * made longer, a hole follows them (zeros to read, no blocks taken: a sparse file). */
  private truncateNode(node: MemNode, length: number): void {
    this.writtenBefore.set(node, this.syncs);
    const synth = this.synthetic.get(node);
    const size = synth?.size ?? node.size;
    if (length === 0) {
      this.alloc.delete(node);
      this.unwritten.delete(node);
    } else if (length > size) this.alloc.set(node, this.alloc.get(node) ?? denseBlocks(size));
    else {
      const blocks = this.alloc.get(node);
      if (blocks) this.alloc.set(node, clipBlocks(blocks, length));
      const unwritten = this.unwritten.get(node);
      if (unwritten) this.unwritten.set(node, clipBlocks(unwritten, length));
    }
    if (length > size) {
      // The zeros of the hole are described, not held: `truncate -s 1G` takes no memory either.
      const before: FileContent = synth ?? new Uint8Array(node.getBuffer());
      this.setContent(node, composeContent([before, syntheticContent(length - size, 0)]));
      return;
    }
    if (!synth) {
      node.truncate(length);
      return;
    }
    if (length === 0) this.synthetic.delete(node);
    else this.setContent(node, sliceContent(synth, 0, length));
  }

  /** The file's allocated blocks: undefined for a dense file (every block of its size). */
  allocation(rel: string): BlockRanges | undefined {
    return this.alloc.get(this.walk(rel, 'lseek').getNode());
  }

  /** Which of the file's allocated blocks are unwritten (allocation.ts): SEEK_DATA's holes too. */
  unwrittenBlocks(rel: string): BlockRanges {
    return this.unwritten.get(this.walk(rel, 'lseek').getNode()) ?? [];
  }

  /** Sets which blocks of a regular file are allocated (undefined: all of them), and which of them
   * are unwritten (without `unwritten`, those that were and are still allocated). fallocate(2), a
   * sparse copy and dd's writes after a seek end here. */
  setAllocation(rel: string, blocks: BlockRanges | undefined, unwritten?: BlockRanges): void {
    const node = this.walk(rel, 'fallocate').getNode();
    if ((node.mode & S_IFMT) !== S_IFREG) return;
    this.writtenBefore.set(node, this.syncs);
    if (blocks === undefined) this.alloc.delete(node);
    else this.alloc.set(node, unionBlocks(blocks, [])); // blocks past the end too (fallocate -n)
    const left = intersectBlocks(unwritten ?? this.unwritten.get(node) ?? [], blocks ?? []);
    if (left.length > 0) this.unwritten.set(node, left);
    else this.unwritten.delete(node);
    this.changed();
  }

  /** sync(2): writeback allocates what every file had written. */
  sync(): void {
    this.syncs++;
    this.changed();
  }

  /** fsync(2): the same for one file. */
  fsync(rel: string): void {
    this.writtenBefore.delete(this.walk(rel, 'fsync').getNode());
    this.changed();
  }

  /** How many 4 KiB blocks (pages, for a tmpfs) a file holds data in. */
  allocatedBlocks(rel: string): number {
    const node = this.walk(rel, 'stat').getNode();
    return blockCount(this.alloc.get(node) ?? denseBlocks(this.synthetic.get(node)?.size ?? node.size));
  }

  // ---- changes -------------------------------------------------------------------------------

  private now(): Date {
    return new Date(this.clock.now());
  }

  /** memfs stamps its own wall-clock times as a side effect; we overwrite them with ours. */
  private stamp(node: MemNode, a: boolean, m: boolean, c: boolean): void {
    const now = this.now();
    const ctime = node.ctime;
    if (a) node.atime = now;
    if (m) node.mtime = now; // memfs's setter also moves ctime: put it back below
    node.ctime = c ? now : ctime;
  }

  private changed(): void {
    this.generation++;
  }

  private newNode(mode: number, cred: Credentials): MemNode {
    const node = this.core.createNode(mode);
    node.mode = mode;
    node.uid = cred.uid;
    node.gid = cred.gid;
    this.stamp(node, true, true, true);
    node.btime = node.ctime;
    return node;
  }

  private attach(dir: MemLink, name: string, node: MemNode): void {
    dir.createChild(name, node);
    this.stamp(dir.getNode(), false, true, true);
    this.changed();
  }

  /** Drops one name of a node; frees the node with its last name, as the kernel does. */
  private detach(link: MemLink): void {
    const parent = link.parent as MemLink;
    const node = link.getNode();
    this.namesGeneration++;
    parent.deleteChild(link);
    node.nlink -= node.isDirectory() ? 2 : 1;
    if (node.nlink <= 0 && !this.pinned.has(node)) {
      this.xattrs.delete(node);
      this.core.deleteNode(node);
    } else {
      this.stamp(node, false, false, true);
    }
    this.stamp(parent.getNode(), false, true, true);
    this.changed();
  }

  open(rel: string, flags: OpenFlags & { write: boolean }, mode: number, cred: Credentials): void {
    this.openNode(rel, flags, mode, cred);
  }

  private openNode(rel: string, flags: OpenFlags, mode: number, cred: Credentials): MemNode {
    const existing = this.tryWalk(rel);
    if (existing) {
      const node = existing.getNode();
      if (flags.create && flags.exclusive) throw new KernelError('EEXIST', 'open', rel);
      if (node.isDirectory()) throw new KernelError('EISDIR', 'open', rel);
      if (flags.truncate && (node.mode & S_IFMT) === S_IFREG) {
        this.truncateNode(node, 0);
        this.stamp(node, false, true, true);
        this.changed();
      }
      return node;
    }
    if (!flags.create) throw new KernelError('ENOENT', 'open', rel);
    const { dir, name } = this.parentOf(rel, 'open');
    const node = this.newNode(S_IFREG | (mode & 0o7777), cred);
    this.attach(dir, name, node);
    return node;
  }

  writeFile(rel: string, data: Uint8Array, flags: OpenFlags, mode: number, cred: Credentials): void {
    const node = this.openNode(rel, flags, mode, cred);
    if ((node.mode & S_IFMT) !== S_IFREG) return; // a device such as /dev/null swallows the bytes
    if (data.length === 0) return;
    this.writeNode(node, data, flags.append === true);
    this.stamp(node, false, true, true);
    this.changed();
  }

  /** open(O_CREAT|O_TRUNC) and a write of content whose bytes are made on read. */
  writeSynthetic(rel: string, content: LazyContent, mode: number, cred: Credentials): void {
    const node = this.openNode(rel, { create: true, truncate: true }, mode, cred);
    if ((node.mode & S_IFMT) !== S_IFREG) return;
    if (isComposed(content) && content.pieces.every((p) => p instanceof Uint8Array))
      node.setBuffer(Buffer.from(contentBytes(content)));
    else if (content.size > 0) this.synthetic.set(node, content);
    this.stamp(node, false, true, true);
    this.changed();
  }

  /**
   * Writes a tree of new entries under the directory rel at once, as an image layer is unpacked
   * into a fresh diff/: each directory is found in the ones made before it, not walked from the
   * root; each node is made with its final owner, mode and times (one reading of the clock) and
   * with no setter stamping the wall clock. A directory that is not empty, or a name given twice,
   * fails before anything is made; a parent missing from the list is made 0755 root.
   */
  unpack(rel: string, items: readonly UnpackItem[]): void {
    const top = this.walk(rel, 'open');
    if (!top.getNode().isDirectory()) throw new KernelError('ENOTDIR', 'open', rel);
    if (top.children.size > 2) throw new KernelError('ENOTEMPTY', 'open', rel);
    const seen = new Set<string>();
    for (const it of items) {
      if (seen.has(it.path) || it.path === '') throw new KernelError('EEXIST', 'open', joinRel(rel, it.path));
      seen.add(it.path);
    }
    const now = this.now();
    const dirs = new Map<string, MemLink>([['', top]]);
    const links = new Map<string, MemLink>();
    const dirTimes: [MemNode, Date][] = [];
    const dirOf = (path: string): MemLink => {
      const found = dirs.get(path);
      if (found) return found;
      const i = path.lastIndexOf('/');
      const parent = dirOf(i < 0 ? '' : path.slice(0, i));
      const node = this.bareNode(S_IFDIR | 0o755, 0, 0, now, now);
      const link = parent.createChild(path.slice(i + 1), node);
      dirs.set(path, link);
      dirTimes.push([node, now]);
      return link;
    };
    for (const it of items) {
      const i = it.path.lastIndexOf('/');
      const parent = dirOf(i < 0 ? '' : it.path.slice(0, i));
      const name = it.path.slice(i + 1);
      if (it.type === 'hardlink') {
        const other = links.get(it.target ?? '');
        if (!other) throw new KernelError('ENOENT', 'link', joinRel(rel, it.target ?? ''));
        const node = other.getNode();
        node.nlink++;
        (node as unknown as { _ctime: Date })._ctime = now;
        links.set(it.path, parent.createChild(name, node));
        continue;
      }
      const time = new Date(it.mtimeMs);
      const type = { dir: S_IFDIR, file: S_IFREG, symlink: S_IFLNK, chr: 0o020000, blk: 0o060000, fifo: 0o010000 }[
        it.type
      ];
      const node = this.bareNode(type | (it.mode & 0o7777), it.uid, it.gid, time, now);
      if (it.type === 'symlink') node.symlink = it.target ?? '';
      if (it.rdev) node.rdev = it.rdev;
      if (it.type === 'file' && it.content) this.fill(node, it.content);
      const link = parent.createChild(name, node);
      if (it.type === 'dir') {
        dirs.set(it.path, link);
        dirTimes.push([node, time]);
        if (it.opaque) this.xattrs.set(node, new Map([['trusted.overlay.opaque', new Uint8Array([0x79])]]));
      } else links.set(it.path, link);
    }
    // Making a directory's children moved its mtime (memfs's createChild): put the entries' back.
    for (const [node, time] of dirTimes) {
      const n = node as unknown as { _mtime: Date; _ctime: Date };
      n._mtime = time;
      n._ctime = now;
    }
    this.stamp(top.getNode(), false, true, true);
    this.changed();
  }

  /** A file's content as unpack() keeps it: described (synthetic), or bytes in memfs's buffer. */
  private fill(node: MemNode, content: FileContent): void {
    if (
      content instanceof Uint8Array ||
      (isComposed(content) && content.pieces.every((p) => p instanceof Uint8Array))
    ) {
      const bytes = contentBytes(content);
      if (bytes.length === 0) return;
      const n = node as unknown as { buf: Buffer; capacity: number; size: number };
      n.buf = Buffer.from(bytes);
      n.capacity = n.size = bytes.length;
    } else if (content.size > 0) this.synthetic.set(node, content);
  }

  /**
   * A node as memfs's createNode makes one, without what its constructor does on top: two
   * getuid(2)/getgid(2) calls (5 µs each where they are real system calls) and four wall-clock
   * Dates, when an image's three thousand entries are made at once. test/kernel/memfs-contract
   * holds its fields equal to a constructed node's.
   */
  private bareNode(mode: number, uid: number, gid: number, time: Date, now: Date): MemNode {
    this.nodeTemplate ??= this.core.createNode(S_IFREG);
    const t = this.nodeTemplate as unknown as Record<string, unknown> & { changes: object };
    const n = Object.create(Object.getPrototypeOf(t)) as Record<string, unknown>;
    n.changes = new (t.changes.constructor as new () => object)();
    n._uid = uid;
    n._gid = gid;
    n._atime = time;
    n._mtime = time;
    n._ctime = now;
    n._btime = now;
    n.buf = t.buf;
    n.capacity = 0;
    n.size = 0;
    n.rdev = 0;
    n._nlink = 1;
    n.mode = mode;
    n.ino = this.core.newInoNumber();
    const node = n as unknown as MemNode;
    this.core.inodes[node.ino] = node;
    return node;
  }

  private nodeTemplate: MemNode | undefined;

  mkdir(rel: string, mode: number, cred: Credentials): void {
    const { dir, name } = this.parentOf(rel, 'mkdir');
    if (dir.children.has(name)) throw new KernelError('EEXIST', 'mkdir', rel);
    this.attach(dir, name, this.newNode(S_IFDIR | (mode & 0o7777), cred));
  }

  rmdir(rel: string): void {
    const link = this.walk(rel, 'rmdir');
    if (!link.getNode().isDirectory()) throw new KernelError('ENOTDIR', 'rmdir', rel);
    if (link.children.size > 2) throw new KernelError('ENOTEMPTY', 'rmdir', rel);
    this.detach(link);
  }

  unlink(rel: string): void {
    const link = this.walk(rel, 'unlink');
    if (link.getNode().isDirectory()) throw new KernelError('EISDIR', 'unlink', rel);
    this.detach(link);
  }

  rename(from: string, to: string): void {
    const link = this.walk(from, 'rename');
    const { dir: newDir, name } = this.parentOf(to, 'rename');
    const target = newDir.children.get(name);
    if (target === link) return;
    const node = link.getNode();
    if (target) {
      const targetNode = target.getNode();
      if (targetNode === node) return; // two names of one inode: rename(2) does nothing
      if (targetNode.isDirectory()) {
        if (!node.isDirectory()) throw new KernelError('EISDIR', 'rename', to);
        if (target.children.size > 2) throw new KernelError('ENOTEMPTY', 'rename', to);
      } else if (node.isDirectory()) {
        throw new KernelError('ENOTDIR', 'rename', to);
      }
      this.detach(target);
    }
    const oldParent = link.parent as MemLink;
    this.namesGeneration++;
    oldParent.deleteChild(link);
    link.name = name;
    newDir.setChild(name, link);
    link.steps = [...newDir.steps, name];
    this.stamp(oldParent.getNode(), false, true, true);
    this.stamp(newDir.getNode(), false, true, true);
    this.stamp(node, false, false, true);
    this.changed();
  }

  symlink(target: string, rel: string, cred: Credentials): void {
    const { dir, name } = this.parentOf(rel, 'symlink');
    if (dir.children.has(name)) throw new KernelError('EEXIST', 'symlink', rel);
    const node = this.newNode(S_IFLNK | 0o777, cred);
    node.symlink = target;
    this.attach(dir, name, node);
  }

  link(existing: string, rel: string): void {
    const node = this.walk(existing, 'link').getNode();
    if (node.isDirectory()) throw new KernelError('EPERM', 'link', existing);
    const { dir, name } = this.parentOf(rel, 'link');
    if (dir.children.has(name)) throw new KernelError('EEXIST', 'link', rel);
    node.nlink++;
    this.stamp(node, false, false, true);
    this.attach(dir, name, node);
  }

  mknod(rel: string, mode: number, rdev: number, cred: Credentials): void {
    const { dir, name } = this.parentOf(rel, 'mknod');
    if (dir.children.has(name)) throw new KernelError('EEXIST', 'mknod', rel);
    const node = this.newNode(mode, cred);
    node.rdev = rdev;
    this.attach(dir, name, node);
  }

  chmod(rel: string, mode: number): void {
    const node = this.walk(rel, 'chmod').getNode();
    node.mode = (node.mode & S_IFMT) | (mode & 0o7777);
    this.stamp(node, false, false, true);
    this.changed();
  }

  chown(rel: string, uid: number, gid: number): void {
    const node = this.walk(rel, 'chown').getNode();
    if (uid >= 0) node.uid = uid;
    if (gid >= 0) node.gid = gid;
    this.stamp(node, false, false, true);
    this.changed();
  }

  utimes(rel: string, atimeMs: number, mtimeMs: number): void {
    const node = this.walk(rel, 'utimes').getNode();
    node.atime = new Date(atimeMs);
    node.mtime = new Date(mtimeMs);
    node.ctime = this.now();
    this.changed();
  }

  truncate(rel: string, length: number): void {
    const node = this.walk(rel, 'truncate').getNode();
    if (node.isDirectory()) throw new KernelError('EISDIR', 'truncate', rel);
    if (length < 0) throw new KernelError('EINVAL', 'truncate', rel);
    if ((node.mode & S_IFMT) !== S_IFREG) throw new KernelError('EINVAL', 'truncate', rel);
    this.truncateNode(node, length);
    this.stamp(node, false, true, true);
    this.changed();
  }

  getxattr(rel: string, name: string): Uint8Array {
    const value = this.xattrs.get(this.walk(rel, 'getxattr').getNode())?.get(name);
    if (!value) throw new KernelError('ENODATA', 'getxattr', rel);
    return value;
  }

  setxattr(rel: string, name: string, value: Uint8Array): void {
    const node = this.walk(rel, 'setxattr').getNode();
    let map = this.xattrs.get(node);
    if (!map) this.xattrs.set(node, (map = new Map()));
    map.set(name, new Uint8Array(value));
    this.stamp(node, false, false, true);
    this.changed();
  }

  removexattr(rel: string, name: string): void {
    const node = this.walk(rel, 'removexattr').getNode();
    if (!this.xattrs.get(node)?.delete(name)) throw new KernelError('ENODATA', 'removexattr', rel);
    this.stamp(node, false, false, true);
    this.changed();
  }

  listxattr(rel: string): string[] {
    return [...(this.xattrs.get(this.walk(rel, 'listxattr').getNode())?.keys() ?? [])];
  }

  getFlags(rel: string): number {
    return this.flags.get(this.walk(rel, 'ioctl').getNode()) ?? 0;
  }

  setFlags(rel: string, flags: number): void {
    const node = this.walk(rel, 'ioctl').getNode();
    if (flags) this.flags.set(node, flags);
    else this.flags.delete(node);
    this.stamp(node, false, false, true);
    this.changed();
  }

  /** Copies the bytes and attributes a copy-up carries from one disk inode to a new one. */
  copyContent(from: string, to: string): void {
    const src = this.walk(from, 'copy_up').getNode();
    const dst = this.walk(to, 'copy_up').getNode();
    if ((src.mode & S_IFMT) === S_IFREG) {
      const synth = this.synthetic.get(src);
      if (synth) {
        this.truncateNode(dst, 0);
        this.synthetic.set(dst, synth); // a copy-up copies the descriptor, not megabytes
      } else {
        this.synthetic.delete(dst);
        dst.setBuffer(src.getBuffer());
      }
      // The kernel skips a lower file's holes (its unwritten blocks among them: SEEK_DATA passes
      // them), but copies a megabyte from where each run of data starts.
      const blocks = this.alloc.get(src);
      const data = blocks && minusBlocks(blocks, this.unwritten.get(src) ?? []);
      if (data) this.alloc.set(dst, copyUpBlocks(data, synth?.size ?? src.size));
      else this.alloc.delete(dst);
      this.unwritten.delete(dst);
    }
    this.changed();
  }

  /** Lists every path under rel (itself included), parents before children: for tree walks. */
  *walkTree(rel: string): Generator<string> {
    yield rel;
    const link = this.tryWalk(rel);
    if (!link?.getNode().isDirectory()) return;
    for (const name of [...link.children.keys()]) {
      if (name === '.' || name === '..') continue;
      yield* this.walkTree(joinRel(rel, name));
    }
  }
}
