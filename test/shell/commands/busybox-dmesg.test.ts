// busybox's dmesg in a container, as a real one (Debian's busybox-static, Docker's default
// capabilities: no CAP_SYSLOG) answers (conformance script 92 holds the same lines): the kernel
// refuses klogctl; options and numbers are checked before it. On the host it is not simulated.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

describe('dmesg', () => {
  it('in a container: klogctl is not permitted; bad options and numbers are refused first', async () => {
    const { run } = await makeShell();
    await run('docker pull busybox >/dev/null 2>&1');
    for (const args of ['', '-c', '-r -s 100', '-n 1', '-n 9'])
      expect(await run(`docker run --rm busybox dmesg ${args}`)).toMatchObject({
        err: 'dmesg: klogctl: Operation not permitted\n',
        code: 1,
      });
    expect((await run('docker run --rm busybox dmesg -n x')).err).toBe("dmesg: invalid number 'x'\n");
    expect((await run('docker run --rm busybox dmesg -s 99999999999')).err).toBe(
      "dmesg: invalid number '99999999999'\n",
    );
    const bad = await run('docker run --rm busybox dmesg -x');
    expect(bad.err).toMatch(
      /^dmesg: invalid option -- 'x'\nBusyBox v.*\n\nUsage: dmesg \[-cr\] \[-n LEVEL\] \[-s SIZE\]\n/,
    );
    expect((await run('docker run --rm busybox dmesg -n')).err).toMatch(/^dmesg: option requires an argument -- 'n'\n/);
  });

  it('on the host: not simulated (the ring buffer is the machine own), never command not found', async () => {
    const { run } = await makeShell();
    expect((await run('dmesg')).err).toContain('not simulated here');
    expect((await run('busybox dmesg')).err).toContain('not simulated here');
  });
});
