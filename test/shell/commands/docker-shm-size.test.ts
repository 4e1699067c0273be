// docker run/create --shm-size: the size of the container's /dev/shm tmpfs (df, /proc/mounts), its
// HostConfig.ShmSize (64 MiB by default and for 0), kept across a daemon restart, and the CLI's
// error for a size it cannot read (script 87 runs the same against a real dockerd).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

describe('--shm-size', () => {
  it('sizes /dev/shm and shows in HostConfig.ShmSize; 0 and no flag are the 64 MiB default', async () => {
    const { run } = await makeShell();
    const mounts = await run("docker run --rm --shm-size 1.5m busybox sh -c 'grep -w shm /proc/mounts'");
    expect(mounts.out).toBe('shm /dev/shm tmpfs rw,nosuid,nodev,noexec,relatime,size=1536k 0 0\n');
    const df = await run("docker run --rm --shm-size 128m busybox sh -c 'df /dev/shm | tail -1'");
    expect(df.out).toMatch(/^shm +131072 +0 +131072 +0% \/dev\/shm\n$/);
    await run('docker create --name big --shm-size 256m busybox');
    await run('docker create --name zero --shm-size 0 busybox');
    await run('docker create --name plain busybox');
    const sizes = await run("docker inspect -f '{{.HostConfig.ShmSize}}' big zero plain");
    expect(sizes.out).toBe('268435456\n67108864\n67108864\n');
    await run('systemctl restart docker');
    expect((await run("docker inspect -f '{{.HostConfig.ShmSize}}' big")).out).toBe('268435456\n');
  });

  it('a size the CLI cannot read is refused before the daemon is asked', async () => {
    const { run } = await makeShell();
    const r = await run('docker run --rm --shm-size -1 busybox true');
    expect(r.err).toBe(`invalid argument "-1" for "--shm-size" flag: invalid size: '-1'\nSee 'docker run --help'.\n`);
    expect(r.code).toBe(125);
    expect((await run('docker ps -aq')).out).toBe('');
  });
});
