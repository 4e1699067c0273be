// A container's binds, volumes and tmpfs mounts are in its own mount namespace: the host walking
// merged/ sees what the overlay has there (the -init layer's empty 0755 files, a volume's empty
// mountpoint), as conformance script 83 and a real dockerd 20.10 show; the container, the
// daemon's view of its rootfs (docker cp) and /proc/<pid>/root followed from the host see the mounts.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell-harness.js';

async function withBox() {
  const shell = await makeShell();
  await shell.run('echo on-host > /root/app.conf');
  await shell.run('docker run -d --name box -v vol1:/vol -v /root/app.conf:/etc/app.conf busybox sleep 1000');
  await shell.run("docker exec box sh -c 'echo v > /vol/f'");
  await shell.run("MG=$(docker inspect -f '{{.GraphDriver.Data.MergedDir}}' box)");
  await shell.run("PID=$(docker inspect -f '{{.State.Pid}}' box)");
  return shell;
}

describe("a container's mounts seen from the host and from inside", () => {
  it('the host reads merged/ without them: empty mountpoints, du counting no bound file', async () => {
    const { run } = await withBox();
    expect((await run("stat -c '%s %a' $MG/etc/hostname $MG/etc/app.conf")).out).toBe('0 755\n0 755\n');
    expect((await run('ls -A $MG/vol; cat $MG/etc/app.conf; echo end')).out).toBe('end\n');
    expect((await run('findmnt -n $MG/etc/hostname; echo $?')).out).toBe('1\n');
  });

  it('the container, docker cp and /proc/<pid>/root see the bind and the volume', async () => {
    const { run } = await withBox();
    const id = (await run("docker inspect -f '{{.Id}}' box")).out.slice(0, 12);
    expect((await run('docker exec box cat /etc/app.conf /vol/f /etc/hostname')).out).toBe(`on-host\nv\n${id}\n`);
    expect((await run('cat /proc/$PID/root/etc/app.conf /proc/$PID/root/vol/f')).out).toBe('on-host\nv\n');
    expect((await run('docker cp box:/etc/hostname - | tar -xO')).out).toBe(`${id}\n`);
    expect((await run('docker cp box:/vol/f - | tar -xO')).out).toBe('v\n');
    // The daemon's view (docker export) did not leave its lookups in the container's own cache.
    await run('docker export box > /dev/null');
    expect((await run('docker exec box grep -c " /etc/app.conf " /proc/mounts')).out).toBe('1\n');
  });
});
