// Writes to a file whose bytes are made on read (a dd'd 100 MB file, a stand-in binary): an
// append, a write at the start and a truncate keep it described, and a copy of its content
// (cp, a copy-up) never sees what is appended to the original afterwards.
import { Volume } from 'memfs';
import { describe, expect, it } from 'vitest';
import { contentSize, Disk, fixedClock, isComposed, readRange, syntheticContent } from '../../src/kernel/index.js';

const root = { uid: 0, gid: 0 };
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const MB = 1 << 20;

function diskWithBig() {
  const d = new Disk(new Volume(), { clock: fixedClock(0) });
  d.writeSynthetic('big', syntheticContent(100 * MB, 0), 0o644, root);
  return d;
}
const tailOf = (d: Disk, rel: string, n: number) => {
  const c = d.readContent(rel);
  return dec(readRange(c, contentSize(c) - n, n));
};
const held = (d: Disk, rel: string) => {
  const c = d.readContent(rel);
  return isComposed(c) ? c.pieces.reduce((n, p) => n + (p instanceof Uint8Array ? p.length : 0), 0) : -1;
};

describe('a described file written to', () => {
  it('appends as a piece of bytes after its description, however many appends', () => {
    const d = diskWithBig();
    for (let i = 0; i < 1000; i++) d.writeFile('big', enc('y\n'), { append: true }, 0, root);
    expect(d.lstat('big').size).toBe(100 * MB + 2000);
    expect(held(d, 'big')).toBe(2000);
    expect(tailOf(d, 'big', 4)).toBe('y\ny\n');
  });

  it('a copy of its content keeps what it had when copied', () => {
    const d = diskWithBig();
    d.writeFile('big', enc('a'), { append: true }, 0, root);
    d.writeSynthetic('copy', d.readContent('big') as never, 0o644, root);
    d.writeFile('big', enc('b'), { append: true }, 0, root);
    d.writeFile('copy', enc('c'), { append: true }, 0, root);
    d.writeFile('big', enc('d'), { append: true }, 0, root);
    expect(tailOf(d, 'big', 3)).toBe('abd');
    expect(tailOf(d, 'copy', 2)).toBe('ac');
  });

  it('a write at the start and truncates keep it described; cut to bytes only, it is bytes', () => {
    const d = diskWithBig();
    d.writeFile('big', enc('HEAD'), {}, 0, root);
    expect(held(d, 'big')).toBe(4);
    expect(dec(readRange(d.readContent('big'), 0, 5))).toBe('HEAD\0');
    d.truncate('big', 200 * MB);
    expect(d.lstat('big').size).toBe(200 * MB);
    expect(held(d, 'big')).toBe(4);
    d.truncate('big', 2);
    expect(d.readContent('big')).toEqual(enc('HE'));
  });
});
