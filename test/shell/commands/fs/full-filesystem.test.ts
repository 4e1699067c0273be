// What the tools print when a filesystem is full (a tmpfs with size=, /dev/full): dd's error and
// its records (the block that did not fit read, not written), the shell's and coreutils' "write
// error", busybox's words in a container, as a real kernel and Debian's busybox-static print them
// (scripts 76 and 77 run the same lines against them).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../../shell-harness.js';

describe('a full tmpfs on the host', () => {
  it('stops dd with its error and the records that went out; the shell and head say write error', async () => {
    const { run } = await makeShell();
    await run('mkdir -p /tmp/t && mount -t tmpfs -o size=1m tmpfs /tmp/t');
    const dd = await run('dd if=/dev/zero of=/tmp/t/f bs=64k count=100');
    expect(dd.code).toBe(1);
    expect(dd.err).toMatch(
      /^dd: error writing '\/tmp\/t\/f': No space left on device\n17\+0 records in\n16\+0 records out\n1048576 bytes/,
    );
    expect((await run('stat -c %s /tmp/t/f')).out).toBe('1048576\n');
    expect((await run('df /tmp/t')).out).toMatch(/\ntmpfs +1024 +1024 +0 100% \/tmp\/t\n$/);
    const echo = await run('echo x > /tmp/t/g');
    expect(echo).toMatchObject({ err: 'bash: echo: write error: No space left on device\n', code: 1 });
    const head = await run('head -c 10 /dev/zero > /tmp/t/h');
    expect(head).toMatchObject({ err: "head: error writing 'standard output': No space left on device\n", code: 1 });
    const cat = await run('cat /etc/hostname > /tmp/t/i');
    expect(cat).toMatchObject({ err: 'cat: write error: No space left on device\n', code: 1 });
  });

  it('counts a short write in no record (GNU dd)', async () => {
    const { run } = await makeShell();
    await run('mkdir -p /tmp/t && mount -t tmpfs -o size=100k tmpfs /tmp/t');
    const dd = await run('dd if=/dev/urandom of=/tmp/t/f bs=64k count=3');
    expect(dd.err).toMatch(/: No space left on device\n2\+0 records in\n1\+0 records out\n102400 bytes/);
  });

  it('writes to /dev/full fail; a right write to a roomy tmpfs does not', async () => {
    const { run } = await makeShell();
    expect((await run('echo x > /dev/full')).code).toBe(1);
    await run('mkdir -p /tmp/t && mount -t tmpfs -o size=1m tmpfs /tmp/t');
    expect(await run('dd if=/dev/zero of=/tmp/t/f bs=64k count=15 status=none')).toMatchObject({ err: '', code: 0 });
  });
});

describe('a full tmpfs in a busybox container', () => {
  it("prints busybox dd's error and records, ash's write error, ENOSPC for nr_inodes", async () => {
    const { run } = await makeShell();
    await run('docker run -d --name tl --tmpfs /m:size=1m --tmpfs /n:nr_inodes=3 busybox sleep 1000');
    const dd = await run(`docker exec tl sh -c 'dd if=/dev/zero of=/m/f bs=64k count=100 2>&1; echo $?'`);
    // The official image's busybox adds its third status line (Debian's is built without it).
    expect(dd.out).toMatch(
      /^dd: error writing '\/m\/f': No space left on device\n17\+0 records in\n16\+0 records out\n1048576 bytes .*\n1\n$/,
    );
    const echo = await run(`docker exec tl sh -c '{ echo x > /m/g; } 2>&1; echo $?'`);
    expect(echo.out).toBe('sh: write error: No space left on device\n1\n');
    const full = await run(`docker exec tl sh -c '{ echo hi > /dev/full; } 2>&1; echo $?'`);
    expect(full.out).toBe('sh: write error: No space left on device\n1\n');
    const touch = await run(`docker exec tl sh -c 'touch /n/1 /n/2 /n/3 2>&1; ls /n'`);
    expect(touch.out).toBe('touch: /n/3: No space left on device\n1\n2\n');
    expect((await run(`docker exec tl grep ' /n ' /proc/mounts`)).out).toBe(
      'tmpfs /n tmpfs rw,nosuid,nodev,noexec,relatime,nr_inodes=3 0 0\n',
    );
  });
});
