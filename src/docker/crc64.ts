// CRC-64 with the ISO polynomial, as Go's hash/crc64 computes it (crc64.MakeTable(crc64.ISO)):
// the checksum tar-split keeps for each file of a layer (its "payload" in tar-split.json.gz), so
// that the daemon can tell a file in diff/ from the one the layer tar held. Sum is big-endian, as
// Go's Sum appends it. The 64-bit value is kept as two 32-bit halves: BigInt is far too slow for
// the 400 MB of a pull's layers, hashed at build time.

/** The ISO polynomial, reversed (Go's crc64.ISO = 0xD800000000000000). */
const POLY_HI = 0xd8000000;
const POLY_LO = 0;

const TABLE_HI = new Uint32Array(256);
const TABLE_LO = new Uint32Array(256);
for (let i = 0; i < 256; i++) {
  let hi = 0;
  let lo = i;
  for (let k = 0; k < 8; k++) {
    const odd = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi >>>= 1;
    if (odd) {
      hi = (hi ^ POLY_HI) >>> 0;
      lo = (lo ^ POLY_LO) >>> 0;
    }
  }
  TABLE_HI[i] = hi;
  TABLE_LO[i] = lo;
}

/** A running CRC-64/ISO: update with the bytes in order, then sum(). */
export class Crc64 {
  // The register holds the complement, as Go's update does on entry and exit.
  private hi = 0xffffffff;
  private lo = 0xffffffff;

  update(bytes: Uint8Array): this {
    let hi = this.hi;
    let lo = this.lo;
    for (let i = 0; i < bytes.length; i++) {
      const idx = (lo ^ (bytes[i] as number)) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ (TABLE_LO[idx] as number);
      hi = (hi >>> 8) ^ (TABLE_HI[idx] as number);
    }
    this.hi = hi >>> 0;
    this.lo = lo >>> 0;
    return this;
  }

  /** The checksum's 8 bytes, big-endian (Go's Sum(nil)). */
  sum(): Uint8Array {
    const out = new Uint8Array(8);
    const view = new DataView(out.buffer);
    view.setUint32(0, ~this.hi >>> 0);
    view.setUint32(4, ~this.lo >>> 0);
    return out;
  }
}

/** The CRC-64/ISO of bytes handed in pieces, big-endian. */
export function crc64Iso(chunks: Iterable<Uint8Array>): Uint8Array {
  const c = new Crc64();
  for (const chunk of chunks) c.update(chunk);
  return c.sum();
}
