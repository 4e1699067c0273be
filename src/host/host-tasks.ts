// The simulated host's processes, as its /proc lists them: systemd, dockerd and containerd while
// the service runs, each running container's shim and processes (src/docker/engine/tasks.ts), the
// login shell, and the command reading /proc — a new pid for each command run on the host.
import { containerTasks, type DockerEngine } from '../docker/engine/index.js';
import {
  HOST_NAMESPACES,
  initTask,
  readerTask,
  type Kernel,
  type Task,
  type TaskList,
  type TaskReader,
} from '../kernel/index.js';

const hostTask = (pid: number, argv: string[], t: Partial<Task> = {}): Task => ({
  ...initTask(0),
  pid,
  ppid: 1,
  argv,
  comm: undefined,
  exe: argv[0] ?? '/',
  ...t,
});

export function hostTaskSource(
  kernel: Kernel,
  engine: () => DockerEngine | undefined,
  daemonPid: () => number | undefined,
): (reader: TaskReader) => TaskList {
  const pids = new WeakMap<object, number>();
  let next = 4200;
  const shellPid = 1987;
  return (reader) => {
    const boot = kernel.bootTime();
    const now = kernel.clock.now();
    const tasks: Task[] = [initTask(boot)];
    const dockerd = daemonPid();
    if (dockerd) {
      tasks.push(
        hostTask(dockerd - 9, ['/usr/bin/containerd'], { startMs: boot + 4_000, vszKib: 1_353_676, rssKib: 45_112 }),
      );
      tasks.push(
        hostTask(dockerd, ['/usr/bin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock'], {
          startMs: boot + 5_000,
          vszKib: 1_641_184,
          rssKib: 86_204,
        }),
      );
    }
    tasks.push(hostTask(shellPid, ['-bash'], { comm: 'bash', exe: '/usr/bin/bash', ppid: 1, startMs: boot + 60_000 }));
    const d = engine();
    const inContainers = d ? containerTasks(d, reader, now) : { tasks: [] };
    tasks.push(...inContainers.tasks);
    let self = inContainers.self;
    if (!self) {
      const key = reader.command ?? reader;
      let pid = pids.get(key);
      if (pid === undefined) pids.set(key, (pid = next++));
      self = {
        ...readerTask(reader, pid, now),
        ppid: shellPid,
        ns: reader.root === '/' ? HOST_NAMESPACES : HOST_NAMESPACES,
      };
      tasks.push(self);
    }
    return { tasks, self };
  };
}
