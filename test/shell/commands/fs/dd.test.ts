// dd as GNU coreutils and busybox run it: the transcript of dd-vs-coreutils/cases.sh against what
// the real GNU dd and busybox-static's dd printed (golden.txt, recorded by
// scripts/record-pipeline-goldens.ts; the time and the rate come from the simulated clock, so
// they are matched by their form), the 100 MB file that is no 100 MB in memory, and the copy-up
// of a big file a container appends one byte to.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isComposed } from '../../../../src/kernel/index.js';
import { makeShell, transcriptOf } from '../../shell-harness.js';

const DIR = join(import.meta.dirname, 'dd-vs-coreutils');

/** GNU's time and rate ("copied, 0.0123 s, 852 MB/s") by their form. */
const timed = (t: string): string =>
  t.replace(/copied, (\d+(\.\d+)?(e-\d\d)?|0) s, (\d+(\.\d)? [kMGT]?B|Infinity B)\/s$/gm, 'copied, T s, R/s');

describe('dd against the real GNU dd and busybox dd', () => {
  it('prints what they printed for every line of the cases', async () => {
    const { host } = await makeShell();
    const transcript = await transcriptOf(host, join(DIR, 'cases.sh'));
    const golden = readFileSync(join(DIR, 'golden.txt'), 'utf8');
    expect(timed(transcript)).toBe(timed(golden));
    // The form is GNU's and no other: a rate in the wrong unit or a time with the wrong precision fails.
    expect(timed('10485760 bytes (10 MB, 10 MiB) copied, 0.07 s, 150 MB/s')).toContain('copied, T s, R/s');
    expect(timed('10485760 bytes (10 MB, 10 MiB) copied, 0.07s, 150 MB/s')).not.toContain('T s');
  }, 60_000);

  it('a bad operand in busybox dd prints the banner and usage, as busybox does', async () => {
    const { run } = await makeShell();
    const r = await run('busybox dd bogus=1');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^BusyBox v\S+ .*multi-call binary\.\n\nUsage: dd \[if=FILE\] \[of=FILE\]/);
  });

  it('dd of 100 MB from /dev/zero keeps a size on the disk, not 100 MB of bytes', async () => {
    const { host, run } = await makeShell();
    const r = await run('dd if=/dev/zero of=big bs=1M count=100 && ls -l big | cut -d" " -f5');
    expect(r.err).toMatch(/^100\+0 records in\n100\+0 records out\n104857600 bytes \(105 MB, 100 MiB\) copied, /);
    expect(r.out).toBe('104857600\n');
    const kept = host.kernel.disk.syntheticOf('root/big');
    expect(kept?.size).toBe(104857600);
    // Its bytes are zeros wherever they are read.
    expect((await run('tail -c 4 big | od -An -tx1')).out).toBe(' 00 00 00 00\n');
    // From /dev/urandom: a seeded stream, different from zeros, the same on every read.
    await run('dd if=/dev/urandom of=rnd bs=1M count=10 status=none');
    const a = await run('sha256sum rnd');
    expect(a.out).toBe((await run('cat rnd | sha256sum | sed "s/-/rnd/"')).out);
    expect((await run('od -An -tx1 -N 8 rnd')).out).not.toBe(' 00 00 00 00 00 00 00 00\n');
  });

  it('appending to the 100 MB file, or making it longer, keeps it described: a size and the bytes added', async () => {
    const { host, run } = await makeShell();
    await run('dd if=/dev/zero of=big bs=1M count=100 status=none');
    // What GNU coreutils printed for these lines on ext4
    const r = await run('echo x >> big; ls -l big | cut -d" " -f5; tail -c 3 big | od -An -c; du -k big');
    expect(r.out).toBe('104857602\n  \\0   x  \\n\n102404\tbig\n');
    const kept = host.kernel.disk.readContent('root/big');
    expect(isComposed(kept) && kept.pieces.at(-1)).toEqual(new TextEncoder().encode('x\n'));
    // A stream of writes into the redirect: each a piece of its own buffer's growth, not a copy of all.
    await run('yes | head -c 3000000 >> big');
    expect((await run('ls -l big | cut -d" " -f5; tail -c 4 big | od -An -c')).out).toBe(
      '107857602\n   y  \\n   y  \\n\n',
    );
    const after = host.kernel.disk.readContent('root/big');
    expect(isComposed(after) && after.pieces.length).toBe(2); // the zeros, and the 3 MB held
    // Made longer by a seek past the end, and two bytes put in the middle: still described.
    await run('dd if=/dev/null of=big bs=1 seek=107857700 status=none');
    expect((await run('tail -c 4 big | od -An -tx1; du -k --apparent-size big')).out).toBe(
      ' 00 00 00 00\n105330\tbig\n',
    );
    await run('printf AB | dd of=big bs=1 seek=104857600 conv=notrunc status=none');
    expect((await run('tail -c +104857599 big | head -c 6 | od -An -c; du -k big')).out).toBe(
      '  \\0  \\0   A   B   y  \\n\n105332\tbig\n',
    );
    expect(isComposed(host.kernel.disk.readContent('root/big'))).toBe(true);
    // The same bytes as GNU's file of these lines
    const sum = '6f0387bcda9044b53cf8507ab4530b28b8082ef7aaba9d89463668697855a472  big\n';
    expect((await run('sha256sum big')).out).toBe(sum);
  }, 60_000);

  it('a container appending to a copied-up stand-in binary keeps it described in the upper dir', async () => {
    const { host, run } = await makeShell();
    await run('docker run -d --name web nginx');
    await run('docker exec web sh -c "echo x >> /usr/sbin/nginx"');
    const upper = (await run('docker inspect -f "{{.GraphDriver.Data.UpperDir}}" web')).out.trim();
    const c = host.kernel.disk.readContent(`${upper.slice(1)}/usr/sbin/nginx`);
    expect(isComposed(c) && c.pieces.length).toBe(2);
    expect((await run('docker exec web tail -c 2 /usr/sbin/nginx')).out).toBe('x\n');
    expect((await run('docker diff web | grep sbin')).out).toBe('C /usr/sbin\nC /usr/sbin/nginx\n');
  });

  it('busybox dd in a busybox-based container prints busybox words and writes in the upper dir', async () => {
    const { run } = await makeShell();
    await run('docker run -d --name box busybox sleep 1000');
    const r = await run('docker exec box dd if=/dev/zero of=/big bs=1k count=64');
    expect(r.err).toMatch(/^64\+0 records in\n64\+0 records out\n/);
    expect(r.err).not.toContain('MiB');
    const nope = await run('docker exec box dd if=/nope of=/x');
    expect(nope.err).toBe("dd: can't open '/nope': No such file or directory\n");
    const upper = await run('ls -l $(docker inspect -f "{{.GraphDriver.Data.UpperDir}}" box)/big | cut -d" " -f5');
    expect(upper.out).toBe('65536\n');
  });
});
