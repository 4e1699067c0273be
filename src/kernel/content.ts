// A file's content as a description of its bytes rather than the bytes: a synthetic file
// (synthetic.ts), or pieces laid end to end — bytes held, and ranges of synthetic files. A tar
// that `docker save` writes of a 187 MB image is its headers and padding (a few hundred kB held)
// between ranges of the image's synthetic files; `tar -x` of it makes each member a slice of
// those pieces, and a member that is one whole synthetic file becomes that synthetic file again.
// Reading, hashing and slicing walk the pieces; only a caller that asks for every byte
// (contentBytes) makes them all.
import { isSynthetic, readSynthetic, type SyntheticContent, syntheticContent } from './synthetic.js';

/** Bytes [offset, offset + length) of a synthetic file. */
export interface SyntheticRange {
  readonly source: SyntheticContent;
  readonly offset: number;
  readonly length: number;
}

export type ContentPiece = Uint8Array | SyntheticRange;

export interface ComposedContent {
  readonly composed: true;
  readonly size: number;
  readonly pieces: readonly ContentPiece[];
  /** Where each piece starts in the content (same length as pieces). */
  readonly starts: readonly number[];
}

/** Content whose bytes are made on read: what the disk keeps in place of a buffer. */
export type LazyContent = SyntheticContent | ComposedContent;
/** Any file content: bytes, or a description of them. */
export type FileContent = Uint8Array | LazyContent;

export function isComposed(v: unknown): v is ComposedContent {
  return typeof v === 'object' && v !== null && (v as { composed?: unknown }).composed === true;
}

export function isLazy(v: unknown): v is LazyContent {
  return isSynthetic(v) || isComposed(v);
}

const pieceLength = (p: ContentPiece): number => (p instanceof Uint8Array ? p.length : p.length);

export function contentSize(c: FileContent): number {
  return c instanceof Uint8Array ? c.length : c.size;
}

/**
 * Puts content together piece after piece: adjacent bytes are gathered into one buffer, adjacent
 * ranges of one synthetic file into one range, so the same bytes give the same pieces however
 * they were cut.
 */
export class ContentBuilder {
  private readonly pieces: ContentPiece[] = [];
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  size = 0;

  add(c: FileContent | ContentPiece): this {
    if (c instanceof Uint8Array) {
      if (c.length === 0) return this;
      this.pending.push(c);
      this.pendingLength += c.length;
      this.size += c.length;
    } else if (isSynthetic(c)) this.addRange({ source: c, offset: 0, length: c.size });
    else if (isComposed(c)) for (const p of c.pieces) this.add(p);
    else this.addRange(c);
    return this;
  }

  private addRange(r: SyntheticRange): void {
    if (r.length === 0) return;
    this.flush();
    const last = this.pieces[this.pieces.length - 1];
    if (last && !(last instanceof Uint8Array) && last.source === r.source && last.offset + last.length === r.offset)
      this.pieces[this.pieces.length - 1] = { source: r.source, offset: last.offset, length: last.length + r.length };
    else this.pieces.push(r);
    this.size += r.length;
  }

  private flush(): void {
    if (this.pendingLength === 0) return;
    const last = this.pieces[this.pieces.length - 1];
    const parts = last instanceof Uint8Array ? [last, ...this.pending] : this.pending;
    if (last instanceof Uint8Array) this.pieces.pop();
    this.pieces.push(parts.length === 1 ? (parts[0] as Uint8Array) : concatBytes(parts));
    this.pending = [];
    this.pendingLength = 0;
  }

  /** The content: plain bytes when no piece is synthetic, the synthetic file itself when it is
   * one whole file (or a prefix of one, which is a synthetic file of that size), else pieces. */
  build(): FileContent {
    this.flush();
    const ps = this.pieces;
    if (ps.length === 0) return new Uint8Array(0);
    if (ps.length === 1) {
      const only = ps[0] as ContentPiece;
      if (only instanceof Uint8Array) return only;
      if (only.offset === 0) {
        const s = only.source;
        return only.length === s.size ? s : syntheticContent(only.length, s.seed, s.head);
      }
    }
    const starts: number[] = [];
    let at = 0;
    for (const p of ps) {
      starts.push(at);
      at += pieceLength(p);
    }
    return { composed: true, size: at, pieces: ps, starts };
  }
}

export function composeContent(parts: Iterable<FileContent | ContentPiece>): FileContent {
  const b = new ContentBuilder();
  for (const p of parts) b.add(p);
  return b.build();
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The index of the piece holding byte `offset` (binary search over starts). */
function pieceAt(c: ComposedContent, offset: number): number {
  let lo = 0;
  let hi = c.pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((c.starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The pieces covering [start, end) of composed content, cut at the ends. */
function* piecesIn(c: ComposedContent, start: number, end: number): Generator<ContentPiece> {
  if (start >= end) return;
  for (let i = pieceAt(c, start); i < c.pieces.length; i++) {
    const p = c.pieces[i] as ContentPiece;
    const pStart = c.starts[i] as number;
    if (pStart >= end) break;
    const from = Math.max(start, pStart) - pStart;
    const to = Math.min(end, pStart + pieceLength(p)) - pStart;
    if (p instanceof Uint8Array) yield p.subarray(from, to);
    else yield { source: p.source, offset: p.offset + from, length: to - from };
  }
}

/** Bytes [start, end) of the content, as content (bytes held stay shared, not copied). */
export function sliceContent(c: FileContent, start: number, end: number): FileContent {
  const size = contentSize(c);
  const s = Math.max(0, Math.min(start, size));
  const e = Math.max(s, Math.min(end, size));
  if (c instanceof Uint8Array) return c.subarray(s, e);
  if (isSynthetic(c)) return composeContent([{ source: c, offset: s, length: e - s }]);
  return composeContent(piecesIn(c, s, e));
}

/** Bytes [offset, offset + out.length) of the content into out; returns how many there were. */
export function readContentAt(c: FileContent, offset: number, out: Uint8Array): number {
  const n = Math.max(0, Math.min(out.length, contentSize(c) - offset));
  if (n === 0) return 0;
  if (c instanceof Uint8Array) out.set(c.subarray(offset, offset + n));
  else if (isSynthetic(c)) readSynthetic(c, offset, out.subarray(0, n));
  else {
    let at = 0;
    for (const p of piecesIn(c, offset, offset + n)) {
      if (p instanceof Uint8Array) out.set(p, at);
      else readSynthetic(p.source, p.offset, out.subarray(at, at + p.length));
      at += pieceLength(p);
    }
  }
  return n;
}

/** Bytes [offset, offset + length) as a buffer of their own. */
export function readRange(c: FileContent, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, Math.min(length, contentSize(c) - offset)));
  readContentAt(c, offset, out);
  return out;
}

/** Every byte, in one buffer (cat, an editor, a small file's text). */
export function contentBytes(c: FileContent): Uint8Array {
  if (c instanceof Uint8Array) return c;
  return readRange(c, 0, c.size);
}

/**
 * The content's bytes in order, at most chunkSize at a time: bytes held are handed out as they
 * are, synthetic ranges are made into one buffer that is refilled for each chunk (a caller that
 * keeps a chunk copies it).
 */
export function* contentChunks(c: FileContent, chunkSize = 1 << 20): Generator<Uint8Array> {
  if (c instanceof Uint8Array) {
    if (c.length > 0) yield c;
    return;
  }
  const pieces: Iterable<ContentPiece> = isSynthetic(c) ? [{ source: c, offset: 0, length: c.size }] : c.pieces;
  let buf: Uint8Array | undefined;
  for (const p of pieces) {
    if (p instanceof Uint8Array) {
      yield p;
      continue;
    }
    buf ??= new Uint8Array(chunkSize);
    for (let off = 0; off < p.length; off += chunkSize) {
      const part = buf.subarray(0, Math.min(chunkSize, p.length - off));
      readSynthetic(p.source, p.offset + off, part);
      yield part;
    }
  }
}

/**
 * A description that names the bytes: two contents with the same key hold the same bytes (the
 * generator is a function of seed and head), so a digest can be kept per key instead of made
 * again. Bytes held are fed as they are, a synthetic range as its seed, head and bounds.
 */
export function contentKey(c: FileContent, update: (b: Uint8Array | string) => void): void {
  const b = new ContentBuilder().add(c).build();
  const pieces = b instanceof Uint8Array ? [b] : isSynthetic(b) ? [b] : b.pieces;
  for (const p of pieces) {
    if (p instanceof Uint8Array) {
      update(`\0B${p.length}\0`);
      update(p);
    } else {
      const r = isSynthetic(p) ? { source: p, offset: 0, length: p.size } : p;
      const s = r.source;
      update(`\0S${s.seed}:${s.size}:${s.head.length}:${r.offset}:${r.length}\0`);
      update(s.head);
    }
  }
}
