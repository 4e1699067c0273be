// Files whose bytes are made on read: a stand-in binary of a tutorial image (a 7 MB libc, a 1 MB
// nginx) is its size, a seed and a short head, not megabytes held in memory. Every read gives the
// same bytes (a xorshift stream from the seed after the head), so a layer tar holding one hashes
// to the same DiffID each time, and a copy of one (copy-up, docker cp) copies the descriptor.

export interface SyntheticContent {
  readonly synthetic: true;
  /** The file's size in bytes. */
  readonly size: number;
  /** Where the generated stream starts (the bytes after the head); 0 is a stream of zero bytes
   * (a file dd wrote from /dev/zero). */
  readonly seed: number;
  /** The first bytes, as given (an ELF magic and the program's name); cut to size. */
  readonly head: Uint8Array;
}

export function syntheticContent(size: number, seed: number, head: Uint8Array = new Uint8Array(0)): SyntheticContent {
  return { synthetic: true, size, seed: seed >>> 0, head: head.subarray(0, size) };
}

export function isSynthetic(v: unknown): v is SyntheticContent {
  return typeof v === 'object' && v !== null && (v as { synthetic?: unknown }).synthetic === true;
}

/** The generated word at index i of the stream (after the head): xorshift32 of seed ⊕ i·φ. */
function word(seed: number, i: number): number {
  let x = (seed ^ Math.imul(i + 1, 0x9e3779b9)) >>> 0 || 0x6d2b79f5;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return x >>> 0;
}

/** Bytes [offset, offset + out.length) of the file, written into out (a read past the end stops there). */
export function readSynthetic(c: SyntheticContent, offset: number, out: Uint8Array): void {
  const end = Math.min(c.size, offset + out.length);
  const base = c.head.length; // the stream's byte 0 is the file's byte `base`
  let at = offset;
  for (; at < end && at < base; at++) out[at - offset] = c.head[at] as number;
  if (c.seed === 0) {
    if (at < end) out.fill(0, at - offset, end - offset);
    return;
  }
  const byteAt = (p: number) => (word(c.seed, (p - base) >>> 2) >>> (((p - base) & 3) * 8)) & 0xff;
  for (; at < end && ((at - base) & 3) !== 0; at++) out[at - offset] = byteAt(at);
  for (; at + 4 <= end; at += 4) {
    const v = word(c.seed, (at - base) >>> 2);
    const o = at - offset;
    out[o] = v & 0xff;
    out[o + 1] = (v >>> 8) & 0xff;
    out[o + 2] = (v >>> 16) & 0xff;
    out[o + 3] = v >>> 24;
  }
  for (; at < end; at++) out[at - offset] = byteAt(at);
}

/** The whole file's bytes (a reader that wants them all: cat, sha256sum, docker save). */
export function syntheticBytes(c: SyntheticContent): Uint8Array {
  const out = new Uint8Array(c.size);
  readSynthetic(c, 0, out);
  return out;
}

/** The file's bytes in chunks of at most chunkSize, for hashing or writing without holding all of them;
 * each chunk is the same buffer refilled, so a caller that keeps one copies it. */
export function* syntheticChunks(c: SyntheticContent, chunkSize = 1 << 20): Generator<Uint8Array> {
  const buf = new Uint8Array(Math.min(chunkSize, Math.max(1, c.size)));
  for (let off = 0; off < c.size; off += buf.length) {
    const part = buf.subarray(0, Math.min(buf.length, c.size - off));
    readSynthetic(c, off, part);
    yield part;
  }
}
