// Tar header blocks laid out byte for byte as Go's archive/tar Writer lays them out, because a
// layer's DiffID is the sha256 of the whole tar and Docker's tars come from Go.
//
// Why not tar-stream's pack for this: it writes numbers as "000644 \0" where Go writes
// "0000644\0", ends the checksum "\0" where Go ends it "\0 ", masks away the file-type bits that
// Docker ≤ 23 puts in the mode, splits long names at a different slash, and names its PAX headers
// "PaxHeader" with unsorted records. Every layer would get a DiffID no Docker daemon produces.
// tar-stream still reads every tar (layer-tar.ts); this file only *writes* the two header shapes
// Go uses for Docker's headers, checked against a layer exported by Docker 20.10.24
// (test/fixtures/docker-20.10.24-run-layer.tar).
//
// Go's rule (Header.allowedFormats + Writer.writeHeader, for Format = PAX as Docker asks): write
// plain USTAR when every field fits, else a PAX extended header ("x") followed by the main header.

const enc = new TextEncoder();

export interface GoTarHeader {
  name: string;
  /** Tar type flag character: '0' file, '1' hard link, '2' symlink, '3' char, '4' block, '5' dir, '6' fifo. */
  typeflag: string;
  /** Full st_mode-style value as it goes into the header (permission bits, maybe type bits). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Seconds since the epoch (Docker truncates to whole seconds). */
  mtime: number;
  linkname: string;
  uname: string;
  gname: string;
  devmajor: number;
  devminor: number;
  /** Extended attributes; they force PAX ("SCHILY.xattr.<name>" records). */
  xattrs?: ReadonlyArray<readonly [string, Uint8Array]>;
}

const fitsInOctal = (width: number, x: number) => x >= 0 && (width >= 22 || x < 2 ** ((width - 1) * 3));

// Go's isASCII treats NUL as non-ASCII too.
const isASCII = (b: Uint8Array) => b.every((c) => c !== 0 && c < 0x80);

function toASCII(s: string): Uint8Array {
  return enc.encode([...s].filter((c) => c.charCodeAt(0) < 0x80 && c !== '\0').join(''));
}

function putString(block: Uint8Array, off: number, width: number, b: Uint8Array): void {
  block.set(b.subarray(0, width), off);
  if (b.length > width && block[off + width - 1] === 0x2f) {
    // Go avoids a truncated name ending in "/" (old readers would take it for a directory).
    let n = width - 1;
    while (n > 0 && block[off + n - 1] === 0x2f) n--;
    block[off + n] = 0;
  }
}

function putOctal(block: Uint8Array, off: number, width: number, x: number): void {
  const s = (fitsInOctal(width, x) ? x : 0).toString(8).padStart(width - 1, '0');
  // ASCII digits written as they are (no encoder: thousands of headers a pull); the byte after stays NUL.
  for (let i = 0; i < s.length; i++) block[off + i] = s.charCodeAt(i);
}

/** Go's splitUSTARPath: prefix up to 155 bytes, name up to 100, cut at the last fitting slash. */
function splitUSTARPath(name: Uint8Array): [Uint8Array, Uint8Array] | null {
  let length = name.length;
  if (length <= 100 || !isASCII(name)) return null;
  if (length > 156) length = 156;
  else if (name[length - 1] === 0x2f) length--;
  const i = name.subarray(0, length).lastIndexOf(0x2f);
  const nlen = name.length - i - 1;
  if (i <= 0 || nlen > 100 || nlen === 0 || i > 155) return null;
  return [name.subarray(0, i), name.subarray(i + 1)];
}

const USTAR_MAGIC = enc.encode('ustar\x0000'); // magic "ustar\0", version "00": USTAR and PAX alike

function finish(block: Uint8Array): Uint8Array {
  block.set(USTAR_MAGIC, 257);
  // The checksum field counts as spaces; plain loops (an entries() iterator took most of a pull).
  let sum = 8 * 0x20;
  for (let i = 0; i < 148; i++) sum += block[i] as number;
  for (let i = 156; i < 512; i++) sum += block[i] as number;
  putOctal(block, 148, 7, sum); // six digits, NUL …
  block[155] = 0x20; // … then a space: Go's checksum terminator
  return block;
}

function v7Plus(h: GoTarHeader, str: (s: string) => Uint8Array): Uint8Array {
  const block = new Uint8Array(512);
  putString(block, 0, 100, str(h.name));
  putOctal(block, 100, 8, h.mode);
  putOctal(block, 108, 8, h.uid);
  putOctal(block, 116, 8, h.gid);
  putOctal(block, 124, 12, h.size);
  putOctal(block, 136, 12, h.mtime);
  block[156] = h.typeflag.charCodeAt(0);
  putString(block, 157, 100, str(h.linkname));
  putString(block, 265, 32, str(h.uname));
  putString(block, 297, 32, str(h.gname));
  putOctal(block, 329, 8, h.devmajor);
  putOctal(block, 337, 8, h.devminor);
  return block;
}

/** One PAX record, "<len> <key>=<value>\n", where <len> counts itself. */
export function paxRecord(key: string, value: Uint8Array): Uint8Array {
  const body = enc.encode(` ${key}=`);
  let size = body.length + value.length + 1;
  size += String(size).length;
  if (String(size).length + body.length + value.length + 1 !== size) size++;
  const out = new Uint8Array(size);
  out.set(enc.encode(String(size)), 0);
  out.set(body, String(size).length);
  out.set(value, String(size).length + body.length);
  out[size - 1] = 0x0a;
  return out;
}

/** path.Join(dir, "PaxHeaders.0", file) from Go, for the names used here. */
function paxHeaderName(name: string): string {
  const slash = name.lastIndexOf('/');
  const parts = [name.slice(0, slash + 1), 'PaxHeaders.0', name.slice(slash + 1)];
  return parts
    .join('/')
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/');
}

const bytewise = (a: [string, Uint8Array], b: [string, Uint8Array]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * The header bytes Go writes for `h`: one USTAR block, or a PAX "x" block + its records (padded to
 * 512) + the main block. File data and padding are the caller's.
 */
export function encodeGoTarHeader(h: GoTarHeader): Uint8Array {
  for (const [what, v, w] of [
    ['mode', h.mode, 8],
    ['devmajor', h.devmajor, 8],
    ['devminor', h.devminor, 8],
  ] as const) {
    if (!fitsInOctal(w, v)) throw new RangeError(`tar: ${what} ${v} cannot be encoded`);
  }
  const pax: Array<[string, Uint8Array]> = [];
  let ustar = true;
  const name = enc.encode(h.name);
  if (!isASCII(name) || name.length > 100) {
    if (!splitUSTARPath(name)) ustar = false;
    pax.push(['path', name]);
  }
  for (const [key, s, width] of [
    ['linkpath', h.linkname, 100],
    ['uname', h.uname, 32],
    ['gname', h.gname, 32],
  ] as const) {
    const b = enc.encode(s);
    if (b.length > 0 && (!isASCII(b) || b.length > width)) {
      ustar = false;
      pax.push([key, b]);
    }
  }
  for (const [key, v, width] of [
    ['uid', h.uid, 8],
    ['gid', h.gid, 8],
    ['size', h.size, 12],
    ['mtime', h.mtime, 12],
  ] as const) {
    if (!fitsInOctal(width, v)) {
      ustar = false;
      pax.push([key, enc.encode(String(v))]);
    }
  }
  for (const [k, v] of h.xattrs ?? []) {
    ustar = false;
    pax.push([`SCHILY.xattr.${k}`, v]);
  }

  if (ustar) {
    const split = splitUSTARPath(name);
    const block = v7Plus(h, (s) => enc.encode(s));
    if (split) {
      block.fill(0, 0, 100);
      putString(block, 0, 100, split[1]);
      putString(block, 345, 155, split[0]);
    }
    return finish(block);
  }

  const records = pax.sort(bytewise).map(([k, v]) => paxRecord(k, v));
  const dataLen = records.reduce((n, r) => n + r.length, 0);
  const padded = Math.ceil(dataLen / 512) * 512;
  const out = new Uint8Array(512 + padded + 512);

  const x = new Uint8Array(512);
  const xName = toASCII(paxHeaderName(h.name)).subarray(0, 100);
  let end = xName.length;
  while (end > 0 && xName[end - 1] === 0x2f) end--;
  putString(x, 0, 100, xName.subarray(0, end));
  for (const off of [100, 108, 116]) putOctal(x, off, 8, 0);
  putOctal(x, 124, 12, dataLen);
  putOctal(x, 136, 12, 0);
  x[156] = 0x78; // 'x'
  out.set(finish(x), 0);

  let at = 512;
  for (const r of records) {
    out.set(r, at);
    at += r.length;
  }
  out.set(finish(v7Plus(h, toASCII)), 512 + padded);
  return out;
}
