// The processes of the daemon's running containers as the kernel's /proc lists them: each
// container's main process (nginx: a master and a worker per CPU), its containerd-shim on the
// host, the execs running in it, and the reading command when it runs in one. Pids inside follow
// what busybox's ps shows there (src/shell/commands/busybox/ps.ts): the first exec the namespace's
// next pid (7 where the main process forked nothing), then 6 apart.
import { containerNamespaces, type Task, type TaskReader } from '../../kernel/index.js';
import { capabilitiesOf, containerEnv, isShellLine } from './process.js';
import { type Daemon, hostnameOf } from './containers.js';
import { FIRST_FREE_PID, type Container } from './types.js';
import { networkName, settingsOf } from './run-settings.js';
import { netStackOf } from './container-net.js';

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** A script that is one command (sh -c runs it in place: ash execs the last command of -c). */
const oneCommand = (script: string): boolean => /^(exec\s+)?[^;&|\n`<>()$]*$/.test(script.trim());

/** Where a container's new namespaces are numbered from: apart for each, the same on every read. */
const nsBase = (c: Container): number => 4026532200 + (c.state.pid % 1000) * 8;

function containerTask(d: Daemon, c: Container, t: Partial<Task> & Pick<Task, 'pid' | 'argv'>): Task {
  const started = Date.parse(c.state.startedAt);
  return {
    ppid: c.state.pid - 23,
    nsPid: 1,
    nsPpid: 0,
    root: d.mergedDir(c),
    env: containerEnv(d, c, { tty: !!c.config.Tty }),
    cwd: c.config.WorkingDir || '/',
    exe: exeOf(d, c, t.argv[0] ?? 'sh'),
    state: 'S',
    cgroup: `/docker/${c.id}`,
    caps: capabilitiesOf(c),
    startMs: Number.isFinite(started) ? started : 0,
    vszKib: 2_268,
    rssKib: 1_380,
    fds: [
      [0, '/dev/null'],
      [1, `pipe:[${4_000_000 + (c.state.pid % 1000) * 10}]`],
      [2, `pipe:[${4_000_001 + (c.state.pid % 1000) * 10}]`],
    ],
    ns: containerNamespaces(nsBase(c)),
    hostname: hostnameOf(c),
    network: networkName(settingsOf(c)),
    ...interfacesOf(d, c),
    ...t,
  };
}

/** The interfaces /proc/net shows in the container (none for the host's network, which is the host's). */
function interfacesOf(d: Daemon, c: Container): Pick<Task, 'interfaces'> {
  const stack = netStackOf(d, c);
  return stack === 'host' ? {} : { interfaces: stack };
}

const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** /proc/<pid>/exe: the program found on PATH in the container, its links resolved (busybox's
 * applets are /bin/busybox). */
function exeOf(d: Daemon, c: Container, prog: string): string {
  const p = d.kernel.proc({ root: d.mergedDir(c) });
  for (const path of prog.includes('/') ? [prog] : PATH_DIRS.map((dir) => `${dir}/${prog}`)) {
    try {
      return p.realpath(path);
    } catch {
      // not there: the next directory
    }
  }
  // ash runs its own applets unlinked.
  return '/bin/busybox';
}

/** The host pid of a process in a container, from its pid there. */
const hostPid = (c: Container, nsPid: number): number => (nsPid === 1 ? c.state.pid : c.state.pid + 30 + nsPid);

/** Every running container's processes, and the reader's own when it runs in one. */
export function containerTasks(d: Daemon, reader: TaskReader, now: number): { tasks: Task[]; self?: Task } {
  const tasks: Task[] = [];
  let self: Task | undefined;
  for (const c of d.containers.values()) {
    if (c.state.status !== 'running') continue;
    const argv = base(c.path) === 'docker-entrypoint.sh' ? c.args : [c.path, ...c.args];
    const merged = d.mergedDir(c);
    const shim = c.state.pid - 23;
    tasks.push({
      ...containerTask(d, c, {
        pid: shim,
        argv: [
          '/usr/bin/containerd-shim-runc-v2',
          '-namespace',
          'moby',
          '-id',
          c.id,
          '-address',
          '/run/containerd/containerd.sock',
        ],
        root: '/',
        cgroup: '/',
        ppid: 1,
        env: {},
        exe: '/usr/bin/containerd-shim-runc-v2',
        vszKib: 720_000,
        rssKib: 9_800,
      }),
      nsPid: undefined,
      nsPpid: undefined,
      ns: containerNamespaces(0),
    });
    if (base(argv[0] ?? '') === 'nginx') {
      tasks.push(
        containerTask(d, c, {
          pid: c.state.pid,
          argv: ['nginx: master process', ...argv.slice(1)],
          comm: 'nginx',
          exe: '/usr/sbin/nginx',
          vszKib: 8_976,
          rssKib: 3_840,
        }),
      );
      // The workers' pids as nginx-start.ts counted them; on the host as far after the master.
      for (const nsPid of c.state.workerPids ?? [])
        tasks.push(
          containerTask(d, c, {
            pid: c.state.pid + nsPid - 1,
            nsPid,
            ppid: c.state.pid,
            nsPpid: 1,
            argv: ['nginx: worker process'],
            comm: 'nginx',
            exe: '/usr/sbin/nginx',
            vszKib: 9_436,
            rssKib: 1_632,
          }),
        );
    } else tasks.push(containerTask(d, c, { pid: c.state.pid, argv }));
    const execs = d.execs.get(c.id) ?? [];
    const exec = (pid: number, a: readonly string[], o: Partial<Task> = {}): Task =>
      containerTask(d, c, {
        pid: hostPid(c, pid),
        nsPid: pid,
        ppid: shim,
        argv: a,
        state: 'R',
        startMs: now,
        fds: [
          [0, '/dev/null'],
          [1, `pipe:[${4_100_000 + pid}]`],
          [2, `pipe:[${4_100_001 + pid}]`],
        ],
        ...o,
      });
    for (const e of execs.slice(0, -1)) tasks.push(exec(e.pid, e.argv, { state: 'S' }));
    if (reader.pidNs !== merged) {
      const last = execs[execs.length - 1];
      if (last) tasks.push(exec(last.pid, last.argv, { state: 'S' }));
      continue;
    }
    // The reader runs in this container: as the last exec, or a child of its shell, or (nsenter -p)
    // a process of its own; with no exec running, the container's own command.
    const last = execs[execs.length - 1];
    const o = { env: reader.env, cwd: reader.cwd };
    if (reader.entered) self = exec(c.state.nextPid ?? FIRST_FREE_PID, reader.argv, { ...o, ppid: 0 });
    else if (!last) self = containerTask(d, c, { pid: c.state.pid, argv: reader.argv, ...o });
    else if (isShellLine([...last.argv]) && !oneCommand(last.argv[2] ?? '') && reader.argv[0] !== last.argv[0]) {
      tasks.push(exec(last.pid, last.argv, { state: 'S' }));
      self = exec(last.pid + 6, reader.argv, { ...o, nsPpid: last.pid, ppid: hostPid(c, last.pid) });
    } else self = exec(last.pid, reader.argv, o);
    tasks.push(self);
  }
  return self ? { tasks, self } : { tasks };
}
