// Layer tars, written the way Docker's overlay2 driver exports a layer's diff/ directory
// (moby pkg/archive TarWithOptions + the overlay whiteout converter) and read back with tar-stream.
//
// What Docker writes, checked against a layer exported by Docker 20.10.24:
// - entries in filepath.Walk order: a directory, then its children sorted bytewise, recursively
//   ("a/", "a/x", "a.b" — not a plain sort of full paths, where "a.b" < "a/x");
// - directory names end in "/"; no "./" prefix and no entry for the root;
// - a whiteout (0/0 char device in upper/) becomes an empty regular file ".wh.<name>", mode 0600,
//   keeping the device's owner and mtime, at the position of <name>;
// - an opaque directory (trusted.overlay.opaque=y) is followed by "<dir>/.wh..wh..opq": mode = the
//   directory's permission bits, its owner, mtime 0;
// - hard links: the first path in walk order carries the data, later ones are type '1' to it;
// - mtimes truncated to seconds; only the security.capability xattr is exported;
// - Docker ≤ 23 put the file-type bits in the mode (0100644, 040755) and 20.10 looked up
//   uname/gname on the host ("root"); Docker 24+ writes bare permission bits and empty names.
import { encodeGoTarHeader, type GoTarHeader } from './go-tar.js';
import { compareGoStrings } from './go-json.js';
import {
  concatBytes,
  ContentBuilder,
  contentBytes,
  contentChunks,
  contentSize,
  type FileContent,
  isLazy,
  type LazyContent,
} from '../kernel/index.js';
import { memberContent, tarMembers } from './tar-reader.js';

export type LayerEntryType =
  | 'file'
  | 'dir'
  | 'symlink'
  | 'hardlink'
  | 'char'
  | 'block'
  | 'fifo'
  | 'whiteout'
  | 'opaque';

export interface LayerEntry {
  /** Relative path inside the layer, no leading "/" or "./", no trailing "/": "etc/hosts". */
  path: string;
  /**
   * 'whiteout': `path` was deleted (on disk a 0/0 char device; a char entry 0/0 counts too).
   * 'opaque': a lone "<path>/.wh..wh..opq" marker whose directory has no entry of its own; the
   * usual form is `opaque: true` on the dir entry.
   */
  type: LayerEntryType;
  /** Permission bits including setuid/setgid/sticky (07777). Default 0644, dirs 0755, symlinks 0777. */
  mode?: number;
  uid?: number;
  gid?: number;
  /** Names recorded in the tar; when absent the writer uses the era's rule (see LayerTarOptions). */
  uname?: string;
  gname?: string;
  /** Modification time, seconds since the epoch. Default 0. */
  mtime?: number;
  /** File data; only for 'file'. Synthetic or composed content is made on read (kernel/content.ts). */
  content?: Uint8Array | string | LazyContent;
  /** Symlink target, or for 'hardlink' the path of the entry it is a link to. */
  linkTarget?: string;
  devmajor?: number;
  devminor?: number;
  /** Directory only: the overlay opaque flag. */
  opaque?: boolean;
  xattrs?: Record<string, Uint8Array | string>;
}

export type TarEra = '20.10' | '25.0' | '29.0';

export interface LayerTarOptions {
  /** '20.10' (Docker ≤ 23): type bits in mode, host name lookups. Later: neither. Default '20.10'. */
  era?: TarEra;
  /** Override the era's choice of putting S_IFMT bits in the mode. */
  modeTypeBits?: boolean;
  /**
   * Era 20.10's user/group name lookup for entries without uname/gname. The real daemon asks the
   * *host's* passwd/group (seen: uid 1000 → the host user's name), so a 20.10 layer's DiffID
   * depends on the host. Default: 0 → "root", anything else "".
   */
  lookupName?: (id: number, kind: 'user' | 'group') => string;
  /** 'walk' (default) sorts as Docker's export does; 'given' keeps the caller's order. */
  order?: 'walk' | 'given';
  /** 'docker' (default) keeps only security.capability, as Docker exports; 'all' keeps every xattr. */
  xattrs?: 'docker' | 'all';
}

const enc = new TextEncoder();
const bytes = (v: Uint8Array | string | undefined) =>
  v === undefined ? new Uint8Array(0) : typeof v === 'string' ? enc.encode(v) : v;
type Content = FileContent;
const contentOf = (v: LayerEntry['content']): Content => (isLazy(v) ? v : bytes(v));
const sizeOf = contentSize;

/** A file's bytes, whatever kind of content it has (a synthetic one is made here). */
export function entryBytes(e: LayerEntry): Uint8Array {
  return contentBytes(contentOf(e.content));
}

/** A file's content as it is kept: bytes, or the description of bytes made on read. */
export function entryContent(e: LayerEntry): FileContent {
  return contentOf(e.content);
}

/** Where a layer tar's bytes go as they are made: header blocks, a file's data, its padding. */
export interface LayerTarSink {
  /** Header blocks (a PAX header and the header) of the entry named `name`. */
  header(bytes: Uint8Array, name: string): void;
  /** The data of the entry whose header came last. */
  data(content: Content): void;
  /** Padding to a block, and the two zero blocks that end the archive. */
  pad(bytes: Uint8Array): void;
}
const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const dirName = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf('/')));

/** The entry types a tar header is written for; whiteouts and opaque markers become files. */
type TarKind = Exclude<LayerEntryType, 'whiteout' | 'opaque'>;

const TYPEFLAG: Record<TarKind, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
};
const S_IF: Record<TarKind, number> = {
  file: 0o100000,
  hardlink: 0o100000,
  symlink: 0o120000,
  char: 0o020000,
  block: 0o060000,
  dir: 0o040000,
  fifo: 0o010000,
};

export const isWhiteout = (e: LayerEntry) =>
  e.type === 'whiteout' || (e.type === 'char' && (e.devmajor ?? 0) === 0 && (e.devminor ?? 0) === 0);

/** filepath.Walk order: component by component, bytewise, parents before children. */
export function compareWalkOrder(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (const [i, x] of pa.entries()) {
    const y = pb[i];
    if (y === undefined) break;
    if (x !== y) return compareGoStrings(x, y);
  }
  return pa.length - pb.length;
}

function defaultMode(e: LayerEntry): number {
  return e.type === 'dir' ? 0o755 : e.type === 'symlink' ? 0o777 : 0o644;
}

/** Follow hardlink targets to the entry that holds the data. */
function linkRoot(e: LayerEntry, byPath: Map<string, LayerEntry>): LayerEntry {
  const seen = new Set<string>();
  let cur = e;
  while (cur.type === 'hardlink') {
    if (seen.has(cur.path)) throw new Error(`layer tar: hard link loop at ${cur.path}`);
    seen.add(cur.path);
    const next = byPath.get(cur.linkTarget ?? '');
    if (!next) throw new Error(`layer tar: hard link ${e.path} → missing ${cur.linkTarget}`);
    cur = next;
  }
  return cur;
}

/**
 * Serialise entries into the tar bytes Docker's overlay2 driver would export for them. The same
 * entries always give the same bytes (no clock, no host lookups), so the DiffID is stable.
 */
export function writeLayerTar(entries: readonly LayerEntry[], opts: LayerTarOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const push = (b: Uint8Array) => {
    chunks.push(b);
    total += b.length;
  };
  emitLayerTar(entries, opts, {
    header: push,
    data: (c) => push(contentBytes(c)),
    pad: push,
  });
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The layer tar's length and sha256 (its DiffID), its synthetic files made a chunk at a time: a
 * 100 MB layer is hashed without being held. */
export function hashLayerTar(
  entries: readonly LayerEntry[],
  update: (chunk: Uint8Array) => void,
  opts: LayerTarOptions = {},
): number {
  let total = 0;
  const feed = (b: Uint8Array) => {
    update(b);
    total += b.length;
  };
  emitLayerTar(entries, opts, {
    header: feed,
    data: (c) => {
      for (const chunk of contentChunks(c)) feed(chunk);
    },
    pad: feed,
  });
  return total;
}

/**
 * The layer tar as content (kernel/content.ts): its headers and padding held, each synthetic
 * file a range of itself. The same bytes as writeLayerTar's, none of a synthetic file made.
 */
export function layerTarContent(entries: readonly LayerEntry[], opts: LayerTarOptions = {}): FileContent {
  const b = new ContentBuilder();
  emitLayerTar(entries, opts, { header: (h) => b.add(h), data: (c) => b.add(c), pad: (p) => b.add(p) });
  return b.build();
}

/** The layer tar, part by part, into sink (see writeLayerTar). */
export function emitLayerTar(entries: readonly LayerEntry[], opts: LayerTarOptions, sink: LayerTarSink): void {
  const era = opts.era ?? '20.10';
  const typeBits = opts.modeTypeBits ?? era === '20.10';
  const lookup = opts.lookupName ?? ((id: number) => (id === 0 ? 'root' : ''));
  const names = (e: LayerEntry, uid: number, gid: number): [string, string] =>
    era === '20.10'
      ? [e.uname ?? lookup(uid, 'user'), e.gname ?? lookup(gid, 'group')]
      : [e.uname ?? '', e.gname ?? ''];

  const byPath = new Map(entries.map((e) => [e.path, e]));
  const list = opts.order === 'given' ? [...entries] : [...entries].sort((a, b) => compareWalkOrder(a.path, b.path));
  const firstOfInode = new Map<LayerEntry, string>(); // data-holding entry → tar name written first

  const owner = (x: LayerEntry) => {
    const uid = x.uid ?? 0;
    const gid = x.gid ?? 0;
    const [uname, gname] = names(x, uid, gid);
    return { uid, gid, uname, gname, mtime: Math.floor(x.mtime ?? 0) };
  };
  const blank = { linkname: '', devmajor: 0, devminor: 0, size: 0 };

  for (const e of list) {
    const base = { ...blank, ...owner(e) };

    // (the type test first tells TypeScript that the kinds below all have a tar type flag)
    if (e.type === 'whiteout' || isWhiteout(e)) {
      // The converter renames the device and rewrites mode/type; owner and mtime stay the device's.
      const name = dirName(e.path) ? `${dirName(e.path)}/.wh.${baseName(e.path)}` : `.wh.${baseName(e.path)}`;
      sink.header(encodeGoTarHeader({ ...base, name, typeflag: '0', mode: 0o600 }), name);
      continue;
    }
    if (e.type === 'opaque') {
      const name = `${e.path}/.wh..wh..opq`;
      sink.header(encodeGoTarHeader({ ...base, name, typeflag: '0', mode: (e.mode ?? 0o755) & 0o777 }), name);
      continue;
    }

    let kind: TarKind = e.type;
    let data: Content = new Uint8Array(0);
    let linkname = '';
    let meta: LayerEntry = e;
    if (e.type === 'file' || e.type === 'hardlink') {
      // One inode, several names: whichever name the walk meets first carries the data.
      const root = linkRoot(e, byPath);
      meta = root;
      const first = firstOfInode.get(root);
      if (first === undefined) {
        firstOfInode.set(root, e.path);
        kind = 'file';
        data = contentOf(root.content);
      } else {
        kind = 'hardlink';
        linkname = first;
      }
    } else if (e.type === 'symlink') {
      linkname = e.linkTarget ?? '';
    }

    const perm = (meta.mode ?? defaultMode(meta)) & 0o7777;
    const xattrs = Object.entries(meta.xattrs ?? {})
      .filter(([k]) => (opts.xattrs === 'all' ? k !== 'trusted.overlay.opaque' : k === 'security.capability'))
      .map(([k, v]) => [k, bytes(v)] as const);
    const isDir = kind === 'dir';
    const h: GoTarHeader = {
      ...blank,
      ...owner(meta), // a hard link is the same inode: owner, names and mtime of the data entry
      name: isDir ? `${e.path}/` : e.path,
      typeflag: TYPEFLAG[kind],
      mode: perm | (typeBits ? S_IF[kind] : 0),
      size: sizeOf(data),
      linkname,
      devmajor: kind === 'char' || kind === 'block' ? (e.devmajor ?? 0) : 0,
      devminor: kind === 'char' || kind === 'block' ? (e.devminor ?? 0) : 0,
      xattrs,
    };
    sink.header(encodeGoTarHeader(h), h.name);
    const size = sizeOf(data);
    if (size > 0) {
      sink.data(data);
      if (size % 512) sink.pad(new Uint8Array(512 - (size % 512)));
    }
    if (isDir && (e.opaque || bytes(e.xattrs?.['trusted.overlay.opaque'])[0] === 0x79)) {
      // tar.Header{Mode: hdr.Mode & ModePerm, …} with no ModTime: Go writes mtime 0.
      const name = `${e.path}/.wh..wh..opq`;
      sink.header(encodeGoTarHeader({ ...h, name, typeflag: '0', mode: perm & 0o777, mtime: 0, xattrs: [] }), name);
    }
  }
  sink.pad(new Uint8Array(1024)); // end of archive: two zero blocks, as Go's Writer.Close writes
}

// ---------------------------------------------------------------- reading

const FROM_TAR_TYPE: Record<string, LayerEntryType> = {
  file: 'file',
  'contiguous-file': 'file',
  link: 'hardlink',
  symlink: 'symlink',
  'character-device': 'char',
  'block-device': 'block',
  directory: 'dir',
  fifo: 'fifo',
};

/** "./etc/", "/etc" and "etc" all name "etc"; "" is the layer root. */
function cleanPath(p: string): string {
  return p
    .split('/')
    .filter((c) => c !== '' && c !== '.')
    .join('/');
}

const paxNumber = (pax: Record<string, string> | null | undefined, key: string): number | undefined => {
  const v = pax?.[key];
  return v === undefined || v === '' ? undefined : Math.floor(Number(v));
};

/**
 * Parse a layer tar into entries, turning ".wh.<name>" back into whiteouts and
 * "<dir>/.wh..wh..opq" into `opaque: true` on the directory (or a lone 'opaque' entry when the
 * directory is not in the tar right before it). Writing the result with the era that made the tar
 * gives back the same bytes.
 *
 * PAX values are decoded as UTF-8 (as tar-stream decodes them), so a binary xattr value
 * (security.capability) that is not valid UTF-8 comes back altered.
 */
export async function readLayerTar(
  tar: FileContent | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<LayerEntry[]> {
  if (tar instanceof Uint8Array || isLazy(tar)) return readLayerTarContent(tar);
  const chunks: Uint8Array[] = [];
  for await (const chunk of tar) chunks.push(chunk);
  return readLayerTarContent(concatBytes(chunks));
}

/** readLayerTar of an archive held whole or described (kernel/content.ts): each file's content a
 * slice of it, so a synthetic file in the tar stays synthetic. */
export function readLayerTarContent(tar: FileContent): LayerEntry[] {
  const out: LayerEntry[] = [];
  for (const m of tarMembers(tar)) {
    const h = m.header;
    const pax = h.pax;
    const path = cleanPath(h.name);
    const common = {
      mode: h.mode & 0o7777,
      uid: paxNumber(pax, 'uid') ?? h.uid,
      gid: paxNumber(pax, 'gid') ?? h.gid,
      mtime: paxNumber(pax, 'mtime') ?? Math.floor(h.mtime.getTime() / 1000),
      ...((pax?.uname ?? h.uname) ? { uname: pax?.uname ?? h.uname } : {}),
      ...((pax?.gname ?? h.gname) ? { gname: pax?.gname ?? h.gname } : {}),
    };
    const base = baseName(path);
    const dir = dirName(path);

    if (base === '.wh..wh..opq') {
      const prev = out[out.length - 1];
      if (prev && prev.type === 'dir' && prev.path === dir && !prev.opaque) prev.opaque = true;
      else out.push({ path: dir, type: 'opaque', ...common });
      continue;
    }
    if (base.startsWith('.wh.')) {
      // On apply overlay2 makes a 0/0 char device owned by the header's uid/gid (mode 0).
      const gone = base.slice(4);
      out.push({ path: dir ? `${dir}/${gone}` : gone, type: 'whiteout', ...common, mode: 0 });
      continue;
    }
    if (path === '') continue; // an entry for the root itself ("./") carries nothing for a layer

    const type = FROM_TAR_TYPE[h.type ?? 'file'] ?? 'file';
    const e: LayerEntry = { path, type, ...common };
    if (type === 'file') e.content = memberContent(tar, m);
    if (type === 'symlink') e.linkTarget = h.linkname ?? '';
    if (type === 'hardlink') e.linkTarget = cleanPath(h.linkname ?? '');
    if (type === 'char' || type === 'block') {
      e.devmajor = h.devmajor;
      e.devminor = h.devminor;
    }
    const xattrs = Object.entries(pax ?? {}).filter(([k]) => k.startsWith('SCHILY.xattr.'));
    if (xattrs.length) e.xattrs = Object.fromEntries(xattrs.map(([k, v]) => [k.slice(13), v]));
    out.push(e);
  }
  return out;
}
