// du's units as GNU coreutils prints them (expected texts recorded from coreutils du on an ext4
// directory holding a 5000-byte file, a hard link to it and a 10-byte file in a subdirectory):
// sizes summed in bytes and rounded up once; -b and --apparent-size switch to apparent sizes for
// good, the last unit option wins, a bare -B unit is printed after the number.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../../shell-harness.js';

const CASES: Array<[string, string]> = [
  ['du -m dut', '1\tdut/sub\n1\tdut\n'],
  ['du -k dut', '8\tdut/sub\n20\tdut\n'],
  ['du --apparent-size dut', '5\tdut/sub\n13\tdut\n'],
  ['du -b dut', '4106\tdut/sub\n13202\tdut\n'],
  ['du --apparent-size -h dut', '4.1K\tdut/sub\n13K\tdut\n'],
  ['du -sm dut', '1\tdut\n'],
  ['du -B 2K dut', '4\tdut/sub\n10\tdut\n'],
  ['du --block-size=1 -s dut', '20480\tdut\n'],
  ['du -bm dut', '1\tdut/sub\n1\tdut\n'],
  ['du -mb dut', '4106\tdut/sub\n13202\tdut\n'],
  ['du -BM dut', '1M\tdut/sub\n1M\tdut\n'],
  ['du -BK dut', '8K\tdut/sub\n20K\tdut\n'],
  ['du -B1 dut', '8192\tdut/sub\n20480\tdut\n'],
  ['du -B 1KB dut', '9\tdut/sub\n21\tdut\n'],
  ['du --si dut', '8.2k\tdut/sub\n21k\tdut\n'],
  ['du -sh --si dut', '21k\tdut\n'],
  ['du -k -h dut', '8.0K\tdut/sub\n20K\tdut\n'],
  ['du -h -k dut', '8\tdut/sub\n20\tdut\n'],
];

describe('du units', () => {
  it.each(CASES)('%s', async (line, want) => {
    const { run } = await makeShell();
    await run('mkdir -p /tmp/dut/sub && head -c 5000 /dev/urandom > /tmp/dut/a && ln /tmp/dut/a /tmp/dut/hl');
    await run('head -c 10 /dev/urandom > /tmp/dut/sub/b && cd /tmp');
    expect((await run(line)).out).toBe(want);
  });

  it('a bad -B is refused as coreutils refuses it', async () => {
    const { run } = await makeShell();
    const r = await run('du -B x /tmp');
    expect(r.err).toBe("du: invalid -B argument 'x'\n");
    expect(r.code).toBe(1);
  });
});

// What du counts once, recorded from coreutils 9.1 and busybox 1.35 du on the same tree: GNU
// remembers a file with more than one link, and everything once it has more than one operand;
// busybox anything with more than one link, a directory too (a walk of a large tree then keeps
// only those, not every inode it met).
const ONCE: Array<[string, string]> = [
  ['du -s dut dut', '20\tdut\n'],
  ['du -s dut/a dut/hl', '8\tdut/a\n'],
  ['du -s dut dut/sub', '20\tdut\n'],
  ['du dut/sub dut', '8\tdut/sub\n12\tdut\n'],
  ['du -s dut', '20\tdut\n'],
  ['busybox du -s dut dut', '20\tdut\n'],
  ['busybox du -s dut dut/sub', '20\tdut\n'],
  ['busybox du dut/sub dut', '8\tdut/sub\n12\tdut\n'],
];

describe('du counts a file once', () => {
  it.each(ONCE)('%s', async (line, want) => {
    const { run } = await makeShell();
    await run('mkdir -p /tmp/dut/sub && head -c 5000 /dev/urandom > /tmp/dut/a && ln /tmp/dut/a /tmp/dut/hl');
    await run('head -c 10 /dev/urandom > /tmp/dut/sub/b && cd /tmp');
    expect((await run(line)).out).toBe(want);
  });
});
