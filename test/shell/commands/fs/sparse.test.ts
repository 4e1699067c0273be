// Sparse files: holes held without bytes and counted as ext4 counts blocks (script 88 checks the
// same commands against the real coreutils, util-linux and kernel; these check the model's own
// promises: a 1 GiB hole takes no memory, a copy-up keeps holes but copies a megabyte of data).
import { describe, expect, it } from 'vitest';
import {
  copyUpBlocks,
  extentCount,
  intersectBlocks,
  minusBlocks,
  nonZeroBlocks,
} from '../../../../src/kernel/allocation.js';
import { composeContent, syntheticContent } from '../../../../src/kernel/index.js';
import { makeShell } from '../../shell-harness.js';

describe('sparse files', () => {
  it('truncate -s 1G makes a hole: a size, no blocks, no bytes held', async () => {
    const { host, run } = await makeShell();
    const r = await run("cd /tmp && truncate -s 1G f && stat -c '%s %b' f && du f && du --apparent-size f");
    expect(r.out).toBe('1073741824 0\n0\tf\n1048576\tf\n');
    expect(host.rootProc.readContent('/tmp/f')).not.toBeInstanceOf(Uint8Array);
  });

  it('a write after a hole takes only its own block; a plain write makes the file dense again', async () => {
    const { run } = await makeShell();
    const r = await run(
      "cd /tmp && printf abc > p && dd if=/dev/zero of=p bs=1k seek=100 count=1 conv=notrunc 2>/dev/null && stat -c '%b' p && cat p > q && stat -c '%b' q",
    );
    expect(r.out).toBe('16\n208\n');
  });

  it('fallocate allocates, punches and digs; cp --sparse=always leaves zeros out', async () => {
    const { run } = await makeShell();
    const r = await run(
      'cd /tmp && dd if=/dev/zero of=a bs=1M count=1 2>/dev/null && stat -c %b a && fallocate -p -o 4096 -l 8192 a && stat -c %b a && ' +
        'fallocate -v -d a && stat -c %b a && dd if=/dev/zero of=z bs=64k count=1 2>/dev/null && ' +
        'cp --sparse=always z z2 && cp z z3 && stat -c %b z2 z3',
    );
    expect(r.out).toBe('2048\n2032\na: 1020 KiB (1044480 bytes) converted to sparse holes.\n8\n0\n128\n');
  });

  it('busybox truncate takes k/M/G sizes and no +/-; a bad option prints its usage', async () => {
    const { run } = await makeShell();
    expect((await run("cd /tmp && busybox truncate -s 1M b && stat -c '%s %b' b")).out).toBe('1048576 0\n');
    expect((await run('cd /tmp && busybox truncate -s +1K b')).err).toBe("truncate: invalid number '+1K'\n");
    expect((await run('busybox truncate -x')).err).toMatch(/Usage: truncate \[-c\] -s SIZE FILE/);
  });

  it('copy-up skips holes but copies a megabyte from where data starts', () => {
    expect(copyUpBlocks([], 1 << 30)).toEqual([]);
    expect(copyUpBlocks([[0, 1]], 1 << 30)).toEqual([[0, 256]]);
    expect(
      copyUpBlocks(
        [
          [0, 1],
          [1000, 1001],
        ],
        1 << 30,
      ),
    ).toEqual([
      [0, 256],
      [1000, 1256],
    ]);
    expect(copyUpBlocks([[0, 1]], 10)).toEqual([[0, 1]]);
  });

  it('zeros described or held make no data block; one byte marks its whole block', () => {
    const c = composeContent([new Uint8Array(5000), new Uint8Array([1]), syntheticContent(1 << 20, 0)]);
    expect(nonZeroBlocks(c)).toEqual([[1, 2]]);
    expect(nonZeroBlocks(syntheticContent(8192, 7))).toEqual([[0, 2]]);
  });

  it('what fallocate allocates is unwritten: counted, read as zeros, but a hole to -d and to copy-up', async () => {
    const { run } = await makeShell();
    const r = await run(
      "cd /tmp && fallocate -l 1M d && fallocate -d d && stat -c '%s %b' d && md5sum d | cut -c1-8 && " +
        'fallocate -l 1M k && printf zz | dd of=k bs=1 seek=100000 conv=notrunc 2>/dev/null && fallocate -d k && ' +
        'stat -c %b k && fallocate -l 64K w && dd if=/dev/zero of=w bs=4096 seek=3 count=2 conv=notrunc 2>/dev/null && ' +
        'fallocate -d w && stat -c %b w',
    );
    // the zeros dd wrote are data again, and -d digs them (a block more at the run's end)
    expect(r.out).toBe('1048576 2048\nb6d81b36\n2048\n104\n');
  });

  it("a copy-up passes over a lower file's unwritten blocks as over its holes", async () => {
    const { run } = await makeShell();
    const r = await run(
      'cd /tmp && mkdir L U W M && fallocate -l 1M L/f && fallocate -l 3M L/g && ' +
        'printf x | dd of=L/g bs=1 seek=2M conv=notrunc 2>/dev/null && ' +
        'mount -t overlay overlay -o lowerdir=L,upperdir=U,workdir=W M && echo y >> M/f && echo y >> M/g && ' +
        "stat -c '%n %s %b' U/f U/g L/f",
    );
    expect(r.out).toBe('U/f 1048578 8\nU/g 3145730 2056\nL/f 1048576 2048\n');
  });

  it('tmpfs has no zero range (EOPNOTSUPP) but unwritten pages as ext4 has unwritten extents', async () => {
    const { run } = await makeShell();
    const r = await run(
      'cd /tmp && mkdir T && mount -t tmpfs tmpfs T && touch T/y && fallocate -z -l 4096 T/y; echo $?; ' +
        "fallocate -l 1M T/d && fallocate -d T/d && stat -c '%s %b' T/d",
    );
    expect(r.out).toBe('1\n1048576 2048\n');
    expect(r.err).toBe('fallocate: fallocate failed: Operation not supported\n');
  });

  it('block ranges intersect and subtract', () => {
    expect(
      intersectBlocks(
        [
          [0, 10],
          [20, 30],
        ],
        [[5, 25]],
      ),
    ).toEqual([
      [5, 10],
      [20, 25],
    ]);
    expect(
      minusBlocks(
        [[0, 10]],
        [
          [2, 3],
          [5, 7],
        ],
      ),
    ).toEqual([
      [0, 2],
      [3, 5],
      [7, 10],
    ]);
  });

  it("ext4's extent tree takes a block for a file of more than four extents, once sync allocates it", async () => {
    const { run } = await makeShell();
    const five = 'for i in 0 2 4 6 8; do dd if=/dev/zero of=x1 bs=4k count=1 seek=$i conv=notrunc 2>/dev/null; done';
    const four = 'for i in 0 2 4 6; do dd if=/dev/zero of=x2 bs=4k count=1 seek=$i conv=notrunc 2>/dev/null; done';
    const r = await run(`cd /tmp && ${five} && ${four} && stat -c %b x1 && sync && stat -c %b x1 x2`);
    // delayed allocation counts the data alone; after sync, the index block too (not for four)
    expect(r.out).toBe('40\n48\n32\n');
    // written again, dirty again: the data alone until the file's own fsync (sync FILE)
    expect((await run('cd /tmp && echo z >> x1 && stat -c %b x1 && sync x1 && stat -c %b x1')).out).toBe('48\n56\n');
    expect(extentCount([[0, 70_000]])).toBe(3);
    expect(extentCount([[0, 10]], [[2, 4]])).toBe(3);
  });

  it('sync: its errors as coreutils words them', async () => {
    const { run } = await makeShell();
    expect(await run('sync nonexist')).toMatchObject({
      err: "sync: error opening 'nonexist': No such file or directory\n",
      code: 1,
    });
    expect((await run('sync -d -f /tmp')).err).toBe('sync: cannot specify both --data and --file-system\n');
    expect((await run('sync -x')).err).toBe("sync: invalid option -- 'x'\nTry 'sync --help' for more information.\n");
  });
});
