// /proc's system files a learner reads in a container: /proc/stat's lines, /proc/net/dev and
// /proc/net/route on Docker's default bridge and with --network none, /proc/sys read-only with the
// container's hostname, /proc/<pid>/task (script 77 runs the same against a real dockerd).
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell/shell-harness.js';

describe('/proc in a container', () => {
  it('has /proc/stat with a line a CPU, the bridge in /proc/net, /proc/sys read-only, a task directory', async () => {
    const { run } = await makeShell();
    await run('docker run -d --name pr -h boxname busybox sleep 1000');
    const stat = await run(`docker exec pr sh -c 'cut -d" " -f1 /proc/stat | uniq'`);
    expect(stat.out).toBe('cpu\ncpu0\ncpu1\nintr\nctxt\nbtime\nprocesses\nprocs_running\nprocs_blocked\nsoftirq\n');
    expect((await run(`docker exec pr sh -c 'cut -d: -f1 /proc/net/dev | tail -n +3'`)).out).toBe('    lo\n  eth0\n');
    const route = (await run('docker exec pr cat /proc/net/route')).out.split('\n');
    expect(route[1]).toMatch(/^eth0\t00000000\t010011AC\t0003\t0\t0\t0\t00000000\t0\t0\t0 +$/);
    expect(route[1]).toHaveLength(127);
    expect((await run('docker exec pr cat /proc/sys/kernel/hostname')).out).toBe('boxname\n');
    const write = await run(`docker exec pr sh -c '{ echo x > /proc/sys/kernel/hostname; } 2>&1; echo $?'`);
    expect(write.out).toBe("sh: can't create /proc/sys/kernel/hostname: Read-only file system\n1\n");
    expect((await run('docker exec pr ls /proc/1/task')).out).toBe('1\n');
    const none = await run(`docker run --rm --network none busybox sh -c 'cut -d: -f1 /proc/net/dev | tail -n +3'`);
    expect(none.out).toBe('    lo\n');
  });

  it('gives the host its own /proc/sys/kernel/hostname', async () => {
    const { run } = await makeShell();
    expect((await run('cat /proc/sys/kernel/hostname')).out).toBe((await run('hostname')).out);
  });
});
