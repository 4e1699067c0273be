// Sparse files: holes held without bytes and counted as ext4 counts blocks (script 88 checks the
// same commands against the real coreutils, util-linux and kernel; these check the model's own
// promises: a 1 GiB hole takes no memory, a copy-up keeps holes but copies a megabyte of data).
import { describe, expect, it } from 'vitest';
import { copyUpBlocks, nonZeroBlocks } from '../../../../src/kernel/allocation.js';
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
});
