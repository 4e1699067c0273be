// /proc's processes and machine files in Linux 5.15's formats (the real kernel's lines were read
// on a Docker 20.10.24 host: conformance script 65 compares them line by line), and the simulated
// host's processes through them: a container's own pid namespace inside, NSpid and the cgroupfs
// path from the host, /proc/<pid>/root into the merged dir, nsenter, nproc, free and uptime.
import { describe, expect, it } from 'vitest';
import { formatCpuinfo, formatMeminfo, MEM_TOTAL_KIB } from '../../src/kernel/machine.js';
import { kernelFeatures } from '../../src/kernel/release.js';
import { containerNamespaces, formatCgroup, formatStatus, initTask, type Task } from '../../src/kernel/tasks.js';
import { makeShell } from '../shell/shell-harness.js';

/** The default release's lines (5.15), and a 6.18's. */
const OLD = kernelFeatures('5.15.0-91-generic').procFields;
const NEW = kernelFeatures('6.18.44').procFields;
const names = (text: string): string[] =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => l.split(':')[0] as string);

const inBox: Task = {
  ...initTask(0),
  pid: 21997,
  ppid: 21974,
  nsPid: 1,
  nsPpid: 0,
  root: '/var/lib/docker/overlay2/x/merged',
  argv: ['sleep', '1000'],
  comm: undefined,
  cgroup: '/docker/abc',
  ns: containerNamespaces(4026532513),
};

describe('/proc formats', () => {
  it("meminfo: each name padded to 16 columns, the value right-aligned in 8, and docker info's total", () => {
    const lines = formatMeminfo(OLD).trimEnd().split('\n');
    expect(lines[0]).toBe(`MemTotal:       ${MEM_TOTAL_KIB} kB`);
    for (const l of lines) expect(l).toMatch(/^[\w()]+: +\d+( kB)?$/);
    for (const l of lines.filter((x) => !x.startsWith('Vmalloc'))) expect(l.replace(/ kB$/, '')).toHaveLength(24);
    // 23.54GiB, as docker info prints Total Memory.
    expect(((MEM_TOTAL_KIB * 1024) / 1024 ** 3).toFixed(2)).toBe('23.54');
  });

  it("meminfo and status have the lines of their release, in the kernel's order", () => {
    const old = names(formatMeminfo(OLD));
    expect(old).not.toContain('Zswap');
    expect(old).not.toContain('SecPageTables');
    expect(old).not.toContain('Balloon');
    const now = names(formatMeminfo(NEW));
    expect(now.slice(now.indexOf('SwapFree'), now.indexOf('SwapFree') + 4)).toEqual([
      'SwapFree',
      'Zswap',
      'Zswapped',
      'Dirty',
    ]);
    expect(now[now.indexOf('PageTables') + 1]).toBe('SecPageTables');
    expect(now[now.indexOf('FilePmdMapped') + 1]).toBe('Balloon');
    // 6.1 has SecPageTables but neither Balloon nor the status lines of 6.4 and 6.10.
    const six1 = kernelFeatures('6.1.0-13-amd64').procFields;
    expect(names(formatMeminfo(six1))).toContain('SecPageTables');
    expect(names(formatMeminfo(six1))).not.toContain('Balloon');
    expect(names(formatStatus(inBox, '/', 1, OLD))).not.toContain('Kthread');
    const status = names(formatStatus(inBox, '/', 1, NEW));
    expect(status[status.indexOf('NSsid') + 1]).toBe('Kthread');
    expect(status.slice(status.indexOf('THP_enabled'), status.indexOf('THP_enabled') + 3)).toEqual([
      'THP_enabled',
      'untag_mask',
      'Threads',
    ]);
    expect(names(formatStatus(inBox, '/', 1, six1))).not.toContain('untag_mask');
  });

  it('cpuinfo: a block per CPU with x86 tab-padded names', () => {
    const text = formatCpuinfo(2);
    expect(text.match(/^processor\t: \d$/gm)).toEqual(['processor\t: 0', 'processor\t: 1']);
    expect(text).toContain('\nmodel\t\t: 1\nmodel name\t: ');
    expect(text).toContain('\npower management:\n\n');
  });

  it('status: NSpid shows both pids from the host and one inside; the container keeps Docker’s capabilities', () => {
    const host = formatStatus(inBox, '/', 21974, OLD);
    expect(host).toContain('Name:\tsleep\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t21997\n');
    expect(host).toContain('\nNStgid:\t21997\t1\nNSpid:\t21997\t1\n');
    expect(host).toContain('\nCapEff:\t00000000a80425fb\n');
    const inside = formatStatus(inBox, inBox.root, 0, OLD);
    expect(inside).toContain('\nPid:\t1\nPPid:\t0\n');
    expect(inside).toContain('\nNSpid:\t1\n');
    expect(inside).toContain('\nGroups:\t0 \n');
  });

  it('cgroup: the v1 hierarchies and the unified one, all at the cgroupfs driver’s /docker/<id>', () => {
    expect(formatCgroup(inBox).split('\n').slice(0, 2)).toEqual(['9:name=systemd:/docker/abc', '8:pids:/docker/abc']);
    expect(formatCgroup(inBox)).toMatch(/\n0::\/docker\/abc\n$/);
  });
});

async function withBox() {
  const shell = await makeShell();
  await shell.run('docker run -d --name box busybox sleep 1000');
  const pid = (await shell.run("docker inspect -f '{{.State.Pid}}' box")).out.trim();
  const id = (await shell.run("docker inspect -f '{{.Id}}' box")).out.trim();
  return { ...shell, pid, id };
}

describe("a container's processes through /proc", () => {
  it('inside: pid 1 is its command, /proc/self the reader, in the container’s pid namespace', async () => {
    const { run } = await withBox();
    expect((await run('docker exec box cat /proc/1/comm')).out).toBe('sleep\n');
    expect((await run('docker exec box sh -c \'cat /proc/1/cmdline | tr "\\0" " "\'')).out).toBe('sleep 1000 ');
    expect((await run('docker exec box cat /proc/self/comm')).out).toBe('cat\n');
    expect((await run('docker exec box readlink /proc/1/root')).out).toBe('/\n');
    expect((await run('docker exec box ls /proc/2')).code).not.toBe(0);
    // An exec's shell is the exec's process ($$), a command it starts a child of it.
    const [self, shell] = (await run("docker exec box sh -c 'readlink /proc/self; echo $$'")).out.split('\n');
    expect(Number(self)).toBeGreaterThan(Number(shell));
    expect((await run("docker exec box sh -c 'grep PPid /proc/self/status; true'")).out).not.toBe('PPid:\t0\n');
    expect((await run('docker exec box grep PPid /proc/self/status')).out).toBe('PPid:\t0\n');
    expect((await run("docker run --rm busybox sh -c 'echo $$'")).out).toBe('1\n');
    // The host's own processes are not in the container's namespace.
    expect((await run('docker exec box ls /proc')).out.match(/^\d+$/gm)?.[0]).toBe('1');
  });

  it('from the host: the inspected pid, NSpid, the cgroup path, root leading into the merged view', async () => {
    const { run, pid, id } = await withBox();
    expect((await run(`grep NSpid /proc/${pid}/status`)).out).toBe(`NSpid:\t${pid}\t1\n`);
    expect((await run(`cat /proc/${pid}/cgroup`)).out).toContain(`\n4:memory:/docker/${id}\n`);
    expect((await run(`readlink /proc/${pid}/root`)).out).toBe('/\n');
    const merged = (await run("docker inspect -f '{{.GraphDriver.Data.MergedDir}}' box")).out.trim();
    expect((await run(`ls /proc/${pid}/root/`)).out).toBe((await run(`ls ${merged}/`)).out);
    const ns = (await run(`ls -l /proc/${pid}/ns`)).out;
    expect(ns).toMatch(/ mnt -> mnt:\[40265\d{5}\]\n/);
    expect(ns).toContain(' user -> user:[4026531837]\n');
    expect((await run(`readlink /proc/${pid}/ns/mnt`)).out).not.toBe((await run('readlink /proc/self/ns/mnt')).out);
    await run('docker stop -t 1 box');
    expect((await run(`test -d /proc/${pid}; echo $?`)).out).toBe('1\n');
  });
});

describe('nsenter', () => {
  it('-m sees the container’s merged view; without -p its /proc has no self for it', async () => {
    const { run, pid } = await withBox();
    expect((await run(`nsenter -t ${pid} -m ls /`)).out).toBe((await run('docker exec box ls /')).out);
    const noPid = await run(`nsenter -t ${pid} -m cat /proc/mounts`);
    expect(noPid.err).toBe("cat: can't open '/proc/mounts': No such file or directory\n");
    expect((await run(`nsenter -t ${pid} -m -p cat /proc/mounts`)).out).toMatch(/^overlay \/ overlay /);
    expect((await run(`nsenter --target ${pid} --mount --uts hostname`)).out).toBe(
      (await run('docker exec box hostname')).out,
    );
  });

  it('says what util-linux says for a bad pid, a missing target, a missing program', async () => {
    const { run, pid } = await withBox();
    expect(await run('nsenter -t 999999 -m ls')).toEqual({
      out: '',
      err: 'nsenter: cannot open /proc/999999/ns/mnt: No such file or directory\n',
      code: 1,
    });
    expect((await run('nsenter -t abc -m ls')).err).toBe("nsenter: failed to parse pid: 'abc'\n");
    expect((await run('nsenter -m ls')).err).toBe('nsenter: neither filename nor target pid supplied for ns/mnt\n');
    expect(await run(`nsenter -t ${pid} -a nosuch`)).toEqual({
      out: '',
      err: 'nsenter: failed to execute nosuch: No such file or directory\n',
      code: 127,
    });
  });
});

describe('nproc, free and uptime', () => {
  it('agree with /proc on the host and in a busybox container', async () => {
    const { run } = await withBox();
    const cpus = (await run('grep -c ^processor /proc/cpuinfo')).out;
    expect((await run('nproc')).out).toBe(cpus);
    expect((await run('docker exec box nproc')).out).toBe(cpus);
    expect((await run('nproc --ignore=99')).out).toBe('1\n');
    const total = (await run("awk '/^MemTotal/{print $2}' /proc/meminfo")).out.trim();
    const free = (await run('free')).out.split('\n');
    expect(free[0]).toBe('               total        used        free      shared  buff/cache   available');
    expect(free[1]?.split(/ +/)[1]).toBe(total);
    expect((await run('docker exec box free')).out.split('\n')[1]).toMatch(new RegExp(`^Mem:  +${total} `));
    expect((await run('free -h')).out.split('\n')[2]).toBe('Swap:             0B          0B          0B');
    expect((await run('uptime')).out).toMatch(
      /^ \d\d:\d\d:\d\d up {2}1:00, {2}0 user, {2}load average: 0\.08, 0\.03, 0\.01\n$/,
    );
  });
});
