// Reading a tar archive in place: its members' headers decoded from the archive's bytes, each
// member's data a range of the archive, never copied out unless asked for. The archive may be
// content whose bytes are made on read (kernel/content.ts): a `docker save` of a 187 MB image is
// listed by reading its headers alone, and a member unpacked is a slice of the same pieces (a
// synthetic file stays synthetic). Headers are decoded as tar-stream 3 decodes them (the library
// this replaces for reading): ustar prefixes, GNU long names, PAX records (path, linkpath and size
// applied, the rest in `pax`), base-256 numbers, the checksum checked, zero blocks skipped.
import { contentSize, type FileContent, readRange, sliceContent } from '../kernel/index.js';

export type TarMemberType =
  | 'file'
  | 'link'
  | 'symlink'
  | 'character-device'
  | 'block-device'
  | 'directory'
  | 'fifo'
  | 'contiguous-file';

/** A member's header, with tar-stream's field names and meanings. */
export interface TarHeader {
  name: string;
  type: TarMemberType | null;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: Date;
  linkname: string | null;
  uname: string;
  gname: string;
  devmajor: number;
  devminor: number;
  pax: Record<string, string> | null;
}

export interface TarMember {
  header: TarHeader;
  /** Where the member's data starts in the archive, and its length (header.size). */
  dataOffset: number;
  /** Where the member's first header block starts (a PAX or long-name block before its own). */
  headerOffset: number;
}

/** What tar-stream would have thrown: a bad checksum, an unknown format, a cut archive. */
export class TarFormatError extends Error {}

const utf8 = new TextDecoder();
const MAX_LONG_HEADER = 1 << 20;

function indexOf(b: Uint8Array, v: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (b[i] === v) return i;
  return end;
}

const str = (b: Uint8Array, off: number, len: number): string =>
  utf8.decode(b.subarray(off, indexOf(b, 0, off, off + len)));

function parse256(v: Uint8Array): number {
  const positive = v[0] === 0x80;
  if (!positive && v[0] !== 0xff) return Number.NaN;
  let sum = 0;
  for (let i = v.length - 1, k = 0; i > 0; i--, k++)
    sum += (positive ? (v[i] as number) : 0xff - (v[i] as number)) * 256 ** k;
  return positive ? sum : -sum;
}

function oct(b: Uint8Array, off: number, len: number): number {
  const v = b.subarray(off, off + len);
  if ((v[0] as number) & 0x80) return parse256(v);
  let i = 0;
  while (i < v.length && v[i] === 32) i++;
  const end = indexOf(v, 32, i, v.length);
  while (i < end && v[i] === 0) i++;
  if (end === i) return 0;
  return Number.parseInt(utf8.decode(v.subarray(i, end)), 8);
}

const TYPES: Record<
  number,
  TarMemberType | 'pax-header' | 'pax-global-header' | 'gnu-long-path' | 'gnu-long-link-path'
> = {
  0: 'file',
  1: 'link',
  2: 'symlink',
  3: 'character-device',
  4: 'block-device',
  5: 'directory',
  6: 'fifo',
  7: 'contiguous-file',
  72: 'pax-header',
  55: 'pax-global-header',
  27: 'gnu-long-link-path',
  28: 'gnu-long-path',
  30: 'gnu-long-path',
};

const isMagic = (b: Uint8Array, last: number) =>
  b[257] === 0x75 && b[258] === 0x73 && b[259] === 0x74 && b[260] === 0x61 && b[261] === 0x72 && b[262] === last;

/** One 512-byte header block; null for a block of zeros (tar-stream's test: the checksum sum). */
function decodeBlock(b: Uint8Array): (Omit<TarHeader, 'type'> & { type: (typeof TYPES)[number] | null }) | null {
  const flag = b[156] === 0 ? 0 : (b[156] as number) - 48;
  let name = str(b, 0, 100);
  let sum = 8 * 32;
  for (let i = 0; i < 148; i++) sum += b[i] as number;
  for (let i = 156; i < 512; i++) sum += b[i] as number;
  if (sum === 8 * 32) return null;
  if (sum !== oct(b, 148, 8))
    throw new TarFormatError('Invalid tar header. Maybe the tar is corrupted or it needs to be gunzipped?');
  if (isMagic(b, 0)) {
    if (b[345]) name = `${str(b, 345, 155)}/${name}`;
  } else if (!isMagic(b, 0x20)) throw new TarFormatError('Invalid tar header: unknown format.');
  // (tar-stream reads a name ending in "/" as a directory only after it has taken the type, so
  // Go's ASCII stand-in name of a PAX entry, "tmp/" for "tmp/é", stays a file: so here too.)
  return {
    name,
    mode: oct(b, 100, 8),
    uid: oct(b, 108, 8),
    gid: oct(b, 116, 8),
    size: oct(b, 124, 12),
    mtime: new Date(1000 * oct(b, 136, 12)),
    type: TYPES[flag] ?? null,
    linkname: b[157] === 0 ? null : str(b, 157, 100),
    uname: str(b, 265, 32),
    gname: str(b, 297, 32),
    devmajor: oct(b, 329, 8),
    devminor: oct(b, 337, 8),
    pax: null,
  };
}

/** PAX records ("<len> key=value\n"), read as tar-stream reads them. */
function decodePax(buf: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let b = buf;
  while (b.length) {
    let i = 0;
    while (i < b.length && b[i] !== 32) i++;
    const len = Number.parseInt(utf8.decode(b.subarray(0, i)), 10);
    if (!len) return out;
    const rec = utf8.decode(b.subarray(i + 1, len - 1));
    const eq = rec.indexOf('=');
    if (eq === -1) return out;
    out[rec.slice(0, eq)] = rec.slice(eq + 1);
    b = b.subarray(len);
  }
  return out;
}

const padded = (n: number) => Math.ceil(n / 512) * 512;

/** The archive's members in order; throws TarFormatError where tar-stream would have failed. */
export function* tarMembers(archive: FileContent): Generator<TarMember> {
  const total = contentSize(archive);
  let off = 0;
  let pax: Record<string, string> | null = null;
  let globalPax: Record<string, string> | null = null;
  let longPath: string | null = null;
  let longLink: string | null = null;
  let headerOffset = 0;
  let pending = false; // a long header read, its member not yet
  while (off < total) {
    if (total - off < 512) throw new TarFormatError('Unexpected end of data');
    const h = decodeBlock(readRange(archive, off, 512));
    if (!pending) headerOffset = off;
    off += 512;
    if (!h) continue;
    if (
      h.type === 'pax-header' ||
      h.type === 'pax-global-header' ||
      h.type === 'gnu-long-path' ||
      h.type === 'gnu-long-link-path'
    ) {
      if (h.size > MAX_LONG_HEADER) throw new TarFormatError('Header exceeds max size');
      if (off + h.size > total) throw new TarFormatError('Unexpected end of data');
      const buf = readRange(archive, off, h.size);
      if (h.type === 'gnu-long-path') longPath = str(buf, 0, buf.length);
      else if (h.type === 'gnu-long-link-path') longLink = str(buf, 0, buf.length);
      else if (h.type === 'pax-global-header') globalPax = decodePax(buf);
      else pax = globalPax === null ? decodePax(buf) : { ...globalPax, ...decodePax(buf) };
      off += padded(h.size);
      pending = true;
      continue;
    }
    const header: TarHeader = { ...h, type: h.type };
    if (longPath !== null) header.name = longPath;
    if (longLink !== null) header.linkname = longLink;
    if (pax) {
      if (pax.path) header.name = pax.path;
      if (pax.linkpath) header.linkname = pax.linkpath;
      if (pax.size) header.size = Number.parseInt(pax.size, 10);
      header.pax = pax;
    }
    longPath = longLink = pax = null;
    pending = false;
    if (!(header.size >= 0)) throw new TarFormatError('Invalid header');
    const size = header.type === 'directory' ? 0 : header.size;
    if (off + size > total) throw new TarFormatError('Unexpected end of data');
    yield { header, dataOffset: off, headerOffset };
    off += padded(size);
    if (off > total) throw new TarFormatError('Unexpected end of data');
  }
  if (pending) throw new TarFormatError('Unexpected end of data');
}

/** A member's data, as a slice of the archive (no bytes copied; a synthetic file stays one). */
export function memberContent(archive: FileContent, m: TarMember): FileContent {
  const size = m.header.type === 'directory' ? 0 : m.header.size;
  return sliceContent(archive, m.dataOffset, m.dataOffset + size);
}
