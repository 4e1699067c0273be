// The host's /sys and /sys/fs/cgroup as a cgroup v1 host mounts them (script 91 compares the types
// with the real kernel): sysfs with the overlay module's parameters root may write, a read-only
// tmpfs under which each hierarchy is a cgroup mount, and every tool telling the same story.
import { describe, expect, it } from 'vitest';
import { makeShell } from '../shell/shell-harness.js';

describe('the host /sys', () => {
  it('is a sysfs, its cgroup hierarchies cgroup mounts under a tmpfs, in stat -f, findmnt and df -a', async () => {
    const { run } = await makeShell();
    expect((await run('stat -f -c %T /sys /sys/fs/cgroup /sys/fs/cgroup/cpu /sys/fs/cgroup/unified')).out).toBe(
      'sysfs\ntmpfs\ncgroupfs\ncgroup2fs\n',
    );
    expect((await run('findmnt -n -o FSTYPE /sys')).out).toBe('sysfs\n');
    expect((await run('findmnt -n -o SOURCE,FSTYPE /sys/fs/cgroup/memory')).out).toBe('cgroup cgroup\n');
    expect((await run('df -a | awk \'$NF == "/sys" {print $1, $2}\'')).out).toBe('sysfs 0\n');
    expect((await run("grep -c ' cgroup ' /proc/mounts")).out).toBe('9\n');
    // df without -a lists the tmpfs, not the pseudo filesystems.
    expect((await run("df | grep -c '/sys'")).out).toBe('1\n');
  });

  it("holds the overlay module's parameters, which root can write; the cgroup tmpfs is read-only", async () => {
    const { run } = await makeShell();
    expect((await run('cat /sys/module/overlay/parameters/redirect_dir')).out).toBe('N\n');
    expect((await run('ls -l /sys/module/overlay/parameters/index | cut -c1-10')).out).toBe('-rw-r--r--\n');
    expect(
      (await run('echo Y > /sys/module/overlay/parameters/index; cat /sys/module/overlay/parameters/index')).out,
    ).toBe('Y\n');
    const r = await run('touch /sys/fs/cgroup/x');
    expect(r.err).toBe("touch: cannot touch '/sys/fs/cgroup/x': Read-only file system\n");
  });
});
