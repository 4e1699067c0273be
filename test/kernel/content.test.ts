// Content described rather than held (src/kernel/content.ts): pieces of bytes and ranges of
// synthetic files read, slice and hash as the bytes they stand for.
import { createHash } from 'node:crypto';
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import {
  composeContent,
  contentBytes,
  contentChunks,
  contentKey,
  isComposed,
  isSynthetic,
  Kernel,
  readRange,
  seededRandom,
  sliceContent,
  steppingClock,
  syntheticBytes,
  syntheticContent,
} from '../../src/kernel/index.js';

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
const enc = new TextEncoder();
const a = syntheticContent(70_001, 5, enc.encode('\x7fELF a'));
const b = syntheticContent(3_333, 6);
const parts = [enc.encode('header-1'), a, new Uint8Array(511), enc.encode('header-2'), b, new Uint8Array(7)];
const whole = Buffer.concat(parts.map((p) => (p instanceof Uint8Array ? p : syntheticBytes(p))));

describe('composed content', () => {
  const c = composeContent(parts);

  it('reads as the bytes it stands for: whole, at any offset, in chunks', () => {
    expect(isComposed(c)).toBe(true);
    expect(sameBytes(contentBytes(c), whole)).toBe(true);
    for (const [at, n] of [
      [0, 3],
      [5, 20],
      [8, 70_001],
      [70_000, 600],
      [whole.length - 10, 50],
    ] as const)
      expect(sameBytes(readRange(c, at, n), whole.subarray(at, at + n))).toBe(true);
    const chunks = Array.from(contentChunks(c, 4096), (x) => Buffer.from(x));
    expect(sameBytes(Buffer.concat(chunks), whole)).toBe(true);
  });

  it('slices without copying: a slice that is one whole synthetic file is that file again', () => {
    expect(sliceContent(c, 8, 8 + a.size)).toBe(a);
    const prefix = sliceContent(c, 8, 8 + 100);
    expect(isSynthetic(prefix) && prefix.size === 100).toBe(true);
    for (const [from, to] of [
      [3, 9],
      [8, 70_020],
      [70_000, whole.length],
    ] as const)
      expect(sameBytes(contentBytes(sliceContent(c, from, to)), whole.subarray(from, to))).toBe(true);
    expect(contentBytes(sliceContent(c, 0, 8))).toEqual(enc.encode('header-1'));
  });

  it('names its bytes by a key that does not depend on how the bytes were cut', () => {
    const key = (x: Parameters<typeof contentKey>[0]) => {
      const h = createHash('sha256');
      contentKey(x, (u) => h.update(u));
      return h.digest('hex');
    };
    const recut = composeContent(
      [enc.encode('head'), enc.encode('er-1'), c].slice(0, 2).concat(sliceContent(c, 8, whole.length)),
    );
    expect(key(recut)).toBe(key(c));
    expect(key(composeContent([enc.encode('header-X'), ...parts.slice(1)]))).not.toBe(key(c));
    expect(key(composeContent([...parts.slice(0, 4), syntheticContent(3_333, 7), parts[5] as Uint8Array]))).not.toBe(
      key(c),
    );
  });

  it('is kept described on the disk: stat has its size, truncate keeps a prefix, an append adds a piece', () => {
    const k = new Kernel({ volume: new Volume(), clock: steppingClock(1_700_000_000_000), random: seededRandom(1) });
    const p = k.proc({ root: '/' });
    p.writeContent('/f', c, 0o644);
    expect(p.lstat('/f').size).toBe(whole.length);
    expect(isComposed(p.readContent('/f'))).toBe(true);
    expect(sameBytes(p.readFile('/f'), whole)).toBe(true);
    p.truncate('/f', 9_000);
    expect(isComposed(p.readContent('/f'))).toBe(true);
    expect(sameBytes(p.readFile('/f'), whole.subarray(0, 9_000))).toBe(true);
    p.writeFile('/f', enc.encode('!'), { append: true });
    expect(isComposed(p.readContent('/f'))).toBe(true);
    expect(sameBytes(p.readFile('/f'), Buffer.concat([whole.subarray(0, 9_000), enc.encode('!')]))).toBe(true);
  });
});
