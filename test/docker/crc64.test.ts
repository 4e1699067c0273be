// CRC-64/ISO as Go's hash/crc64 computes it, and tar-split's use of it: each file entry's payload.
import { describe, expect, it } from 'vitest';
import { Crc64, crc64Iso } from '../../src/docker/crc64.js';
import { tarSplitLines, tarSplitLinesOf } from '../../src/docker/engine/tar-split.js';
import { writeLayerTar, type LayerEntry } from '../../src/docker/layer-tar.js';
import { syntheticContent } from '../../src/kernel/index.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const bytes = (s: string) => new TextEncoder().encode(s);

describe('CRC-64/ISO', () => {
  it("gives the catalogue's check value and what a real dockerd wrote for small files", () => {
    // CRC-64/GO-ISO's check value (the CRC of "123456789").
    expect(hex(crc64Iso([bytes('123456789')]))).toBe('b90956c775a41001');
    // Payloads read from a real Docker 20.10 layerdb: "new\n" and "hello\n".
    expect(b64(crc64Iso([bytes('new\n')]))).toBe('YVqy3bAAAAA=');
    expect(b64(crc64Iso([bytes('hello\n')]))).toBe('YUw+7uLYEAA=');
    expect(hex(crc64Iso([]))).toBe('0000000000000000');
  });

  it('is the same however the bytes are cut into pieces', () => {
    const all = bytes('the quick brown fox jumps over the lazy dog, twice: the quick brown fox');
    const c = new Crc64();
    for (let i = 0; i < all.length; i += 7) c.update(all.subarray(i, i + 7));
    expect(hex(c.sum())).toBe(hex(crc64Iso([all])));
  });
});

describe('tar-split payloads', () => {
  const entries: LayerEntry[] = [
    { path: 'etc', type: 'dir', mode: 0o755, mtime: 1_700_000_000 },
    { path: 'etc/empty', type: 'file', mode: 0o644, content: '', mtime: 1_700_000_000 },
    { path: 'etc/new', type: 'file', mode: 0o644, content: 'new\n', mtime: 1_700_000_000 },
    { path: 'etc/big', type: 'file', mode: 0o644, content: syntheticContent(3_000_000, 42), mtime: 1_700_000_000 },
    { path: 'etc/link', type: 'symlink', linkTarget: 'new', mode: 0o777, mtime: 1_700_000_000 },
  ];

  it('a file with data carries its CRC-64, one without (empty, dir, link) null; from entries or the tar', () => {
    const lines = tarSplitLinesOf(entries)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: number; name?: string; payload: string | null });
    const files = Object.fromEntries(lines.filter((l) => l.type === 1).map((l) => [l.name, l.payload]));
    expect(files['etc/']).toBeNull();
    expect(files['etc/empty']).toBeNull();
    expect(files['etc/new']).toBe('YVqy3bAAAAA=');
    expect(files['etc/link']).toBeNull();
    expect(files['etc/big']).toMatch(/^[A-Za-z0-9+/]{11}=$/);
    // The tar read back gives the same lines (docker load and commit take this way).
    expect(tarSplitLines(writeLayerTar(entries))).toBe(tarSplitLinesOf(entries));
  });
});
