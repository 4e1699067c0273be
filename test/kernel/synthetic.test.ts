// Files whose bytes are made on read: a stand-in binary of a tutorial image is its size, a seed
// and a head on the disk, and reads the same bytes every time, in parts or whole.
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import {
  Kernel,
  readSynthetic,
  seededRandom,
  steppingClock,
  syntheticBytes,
  syntheticChunks,
  syntheticContent,
} from '../../src/kernel/index.js';

const head = new TextEncoder().encode('\x7fELF usr/bin/bash');
/** Byte equality without the matcher's element-by-element walk (and diff) of megabytes. */
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

describe('synthetic content', () => {
  it('reads the same bytes whole, in parts at any offset, and in chunks', () => {
    const c = syntheticContent(100_003, 42, head);
    const all = syntheticBytes(c);
    expect(all.length).toBe(100_003);
    expect(all.subarray(0, head.length)).toEqual(head);
    for (const [at, n] of [
      [0, 5],
      [3, 17],
      [head.length - 1, 9],
      [12_345, 777],
      [99_990, 50],
    ] as const) {
      const part = new Uint8Array(n);
      readSynthetic(c, at, part);
      const want = all.subarray(at, Math.min(at + n, c.size));
      expect(part.subarray(0, want.length)).toEqual(want);
    }
    // Each chunk is copied as it comes: the generator hands out one buffer, refilled each time.
    const chunks = Array.from(syntheticChunks(c, 4096), (b) => Buffer.from(b));
    expect(sameBytes(Buffer.concat(chunks), all)).toBe(true);
    expect(sameBytes(syntheticBytes(syntheticContent(100_003, 43, head)), all)).toBe(false); // the seed matters
  });
});

describe('a synthetic file on the disk', () => {
  const setup = () => {
    const k = new Kernel({ volume: new Volume(), clock: steppingClock(1_700_000_000_000), random: seededRandom(1) });
    const p = k.proc({ root: '/' });
    p.mkdir('/d', 0o755);
    const c = syntheticContent(5_000_000, 7, head);
    p.writeSyntheticFile('/d/big', c, 0o755);
    return { p, c };
  };

  it('has its size in stat and du-style blocks, and its bytes on read', () => {
    const { p, c } = setup();
    const st = p.lstat('/d/big');
    expect(st.size).toBe(5_000_000);
    expect(st.blocks).toBe(Math.ceil(5_000_000 / 4096) * 8);
    expect(sameBytes(p.readFile('/d/big'), syntheticBytes(c))).toBe(true);
  });

  it('cut shorter stays the same prefix; appended to, it ends in the bytes written', () => {
    const { p, c } = setup();
    p.truncate('/d/big', 1000);
    expect(sameBytes(p.readFile('/d/big'), syntheticBytes(c).subarray(0, 1000))).toBe(true);
    p.writeFile('/d/big', 'xy', { append: true });
    const now = p.readFile('/d/big');
    expect(now.length).toBe(1002);
    expect(sameBytes(now.subarray(0, 1000), syntheticBytes(c).subarray(0, 1000))).toBe(true);
    expect(new TextDecoder().decode(now.subarray(1000))).toBe('xy');
    p.writeFile('/d/big', 'new');
    expect(new TextDecoder().decode(p.readFile('/d/big'))).toBe('new');
  });
});
