// The processes /proc shows: each a Task, listed by whoever models them (the host's own, the
// Docker daemon's containers and their execs) through Kernel.tasks, and the reading command's own
// (/proc/self). What a /proc/<pid>/ file prints for a task is formatted here, in Linux's words
// (5.15's by default, the lines a later release adds where it adds them): status, cgroup, stat,
// environ, cmdline.
import { ALL_CAPABILITIES, capHex, DOCKER_DEFAULT_CAPABILITIES } from './capabilities.js';
import type { ProcFields } from './release.js';

/** The namespaces /proc/<pid>/ns lists, in its order. */
export const NS_KINDS = [
  'cgroup',
  'ipc',
  'mnt',
  'net',
  'pid',
  'pid_for_children',
  'time',
  'time_for_children',
  'user',
  'uts',
] as const;
export type NsKind = (typeof NS_KINDS)[number];

/**
 * The initial namespaces' inode numbers: cgroup, ipc, pid, time, user and uts are fixed by the
 * kernel (PROC_*_INIT_INO); the first mnt and net namespaces get the first numbers handed out.
 */
export const HOST_NAMESPACES: Readonly<Record<NsKind, number>> = {
  cgroup: 4026531835,
  ipc: 4026531839,
  mnt: 4026531840,
  net: 4026531992,
  pid: 4026531836,
  pid_for_children: 4026531836,
  time: 4026531834,
  time_for_children: 4026531834,
  user: 4026531837,
  uts: 4026531838,
};

/**
 * A container's namespaces as runc makes them (mnt, uts, ipc, pid, net, one number after the
 * other from `base`); cgroup (no cgroupns on cgroup v1), time and user stay the host's.
 */
export function containerNamespaces(base: number): Record<NsKind, number> {
  return {
    ...HOST_NAMESPACES,
    mnt: base,
    uts: base + 1,
    ipc: base + 2,
    pid: base + 3,
    pid_for_children: base + 3,
    net: base + 4,
  };
}

export interface Task {
  /** In the host's pid namespace. */
  pid: number;
  ppid: number;
  /** In its container's pid namespace (undefined: a host process). */
  nsPid?: number;
  nsPpid?: number;
  /** Host path of its root, which names its mount namespace too: '/' or a container's merged dir. */
  root: string;
  argv: readonly string[];
  env: Readonly<Record<string, string>>;
  /** Its working directory and executable, as it names them. */
  cwd: string;
  exe: string;
  state: 'R' | 'S';
  /** Its cgroup path in each hierarchy (cgroupfs driver: /docker/<id>). */
  cgroup: string;
  /** When it started (the host's clock, ms). */
  startMs: number;
  vszKib: number;
  rssKib: number;
  /** Its open descriptors: fd → what the link names (/dev/null, pipe:[N], /dev/pts/0). */
  fds: ReadonlyArray<readonly [number, string]>;
  ns: Readonly<Record<NsKind, number>>;
  /** The task's name (comm), when not its program's base name. */
  comm?: string;
  /** Its capability sets (a container's, src/kernel/capabilities.ts); undefined: all of them. */
  caps?: bigint;
  /** Its UTS namespace's host name, when not the host's. */
  hostname?: string;
  /** Its container's network (bridge, none, host or a network's name); undefined: the host's. */
  network?: string;
  /** Its container's interfaces besides lo, eth0 first (none on `none`); undefined: the host's stack. */
  interfaces?: readonly TaskInterface[];
}

/** An interface of a container's network namespace, with its address on its network. */
export interface TaskInterface {
  name: string;
  ip: string;
  prefix: number;
  gateway: string;
  mac: string;
  /** The subnet's first address (its route's destination). */
  subnetBase: string;
  /** The default route goes out through it. */
  defaultRoute?: boolean;
}

/** The tasks there are, and the reader's own (what /proc/self names). */
export interface TaskList {
  tasks: readonly Task[];
  self: Task;
}

/** What a procfs asks for: every process, and the task of the command reading it. */
export type TaskSource = (reader: TaskReader) => TaskList;

/** The reading command, as its process (src/kernel/proc.ts) describes it. */
export interface TaskReader {
  /** Host path of its root. */
  root: string;
  /** The pid namespace it is in: its root's, unless it entered the mount namespace alone. */
  pidNs: string;
  argv: readonly string[];
  env: Readonly<Record<string, string>>;
  cwd: string;
  /** Entered the namespaces of another process (nsenter): a process of its own there. */
  entered: boolean;
  /** The reading command, the same object for as long as it runs (a source keys its pid by it). */
  command: object | undefined;
}

/** comm: the program's base name, cut to 15 characters (TASK_COMM_LEN). */
export function commOf(t: Pick<Task, 'argv' | 'comm'>): string {
  const a0 = t.comm ?? t.argv[0] ?? '';
  return a0.slice(a0.lastIndexOf('/') + 1).slice(0, 15);
}

/** The pid a task has in the namespace of `view` ('/' for the host's, else a container's root). */
export function pidIn(t: Task, view: string): number | undefined {
  if (view === '/') return t.pid;
  return t.root === view ? t.nsPid : undefined;
}

const STATE_NAMES: Record<Task['state'], string> = { R: 'R (running)', S: 'S (sleeping)' };

/** /proc/<pid>/status as Linux writes it (fs/proc/array.c; the lines of the release, release.ts),
 * seen from the namespace `view`. */
export function formatStatus(t: Task, view: string, ppidInView: number, fields: ProcFields): string {
  const inContainer = t.nsPid !== undefined;
  const caps = capHex(t.caps ?? (inContainer ? DOCKER_DEFAULT_CAPABILITIES : ALL_CAPABILITIES));
  const pid = pidIn(t, view) ?? 0;
  const nsIds = (host: number, ns: number | undefined) =>
    view === '/' && inContainer ? `${host}\t${ns}` : String(view === '/' ? host : ns);
  const kb = (n: number) => `${String(n).padStart(8)} kB`;
  const exeKib = Math.min(1552, Math.round(t.vszKib / 2));
  const lines: ReadonlyArray<readonly [string, string]> = [
    ['Name', commOf(t)],
    ['Umask', '0022'],
    ['State', STATE_NAMES[t.state]],
    ['Tgid', String(pid)],
    ['Ngid', '0'],
    ['Pid', String(pid)],
    ['PPid', String(ppidInView)],
    ['TracerPid', '0'],
    ['Uid', '0\t0\t0\t0'],
    ['Gid', '0\t0\t0\t0'],
    ['FDSize', '64'],
    ['Groups', '0 '],
    ['NStgid', nsIds(t.pid, t.nsPid)],
    ['NSpid', nsIds(t.pid, t.nsPid)],
    ['NSpgid', nsIds(t.pid, t.nsPid)],
    ['NSsid', nsIds(t.pid, t.nsPid)],
    ...(fields.kthread ? ([['Kthread', '0']] as const) : []),
    ['VmPeak', kb(t.vszKib)],
    ['VmSize', kb(t.vszKib)],
    ['VmLck', kb(0)],
    ['VmPin', kb(0)],
    ['VmHWM', kb(t.rssKib)],
    ['VmRSS', kb(t.rssKib)],
    ['RssAnon', kb(Math.round(t.rssKib / 26))],
    ['RssFile', kb(t.rssKib - Math.round(t.rssKib / 26))],
    ['RssShmem', kb(0)],
    ['VmData', kb(176)],
    ['VmStk', kb(132)],
    ['VmExe', kb(exeKib)],
    ['VmLib', kb(8)],
    ['VmPTE', kb(36)],
    ['VmSwap', kb(0)],
    ['HugetlbPages', kb(0)],
    ['CoreDumping', '0'],
    ['THP_enabled', '1'],
    // No LAM asked for: every bit of an address is kept.
    ...(fields.untagMask ? ([['untag_mask', '0xffffffffffffffff']] as const) : []),
    ['Threads', '1'],
    ['SigQ', '0/96367'],
    ['SigPnd', '0000000000000000'],
    ['ShdPnd', '0000000000000000'],
    ['SigBlk', '0000000000000000'],
    ['SigIgn', '0000000000000000'],
    ['SigCgt', '0000000000000000'],
    ['CapInh', '0000000000000000'],
    // Its container's capabilities (Docker's defaults, --cap-add/--cap-drop, --privileged); a root
    // shell on the host has them all.
    ['CapPrm', caps],
    ['CapEff', caps],
    ['CapBnd', caps],
    ['CapAmb', '0000000000000000'],
    ['NoNewPrivs', '0'],
    ['Seccomp', inContainer ? '2' : '0'],
    ['Seccomp_filters', inContainer ? '1' : '0'],
    ['Speculation_Store_Bypass', 'thread vulnerable'],
    ['SpeculationIndirectBranch', 'conditional enabled'],
    ['Cpus_allowed', '3'],
    ['Cpus_allowed_list', '0-1'],
    ['Mems_allowed', `${'00000000,'.repeat(31)}00000001`],
    ['Mems_allowed_list', '0'],
    ['voluntary_ctxt_switches', '15'],
    ['nonvoluntary_ctxt_switches', '3'],
  ];
  return lines.map(([k, v]) => `${k}:\t${v}\n`).join('');
}

/** The cgroup v1 hierarchies of the host, as /proc/<pid>/cgroup numbers them (and the v2 line). */
export const CGROUP_HIERARCHIES: ReadonlyArray<readonly [number, string]> = [
  [9, 'name=systemd'],
  [8, 'pids'],
  [7, 'blkio'],
  [6, 'freezer'],
  [5, 'devices'],
  [4, 'memory'],
  [3, 'cpuset'],
  [2, 'cpuacct'],
  [1, 'cpu'],
  [0, ''],
];

/** /proc/<pid>/cgroup: `ID:CONTROLLERS:PATH` for each hierarchy (no cgroup namespace on v1). */
export function formatCgroup(t: Pick<Task, 'cgroup'>): string {
  return CGROUP_HIERARCHIES.map(([id, names]) => `${id}:${names}:${t.cgroup}\n`).join('');
}

/** /proc/cgroups: each v1 controller, its hierarchy, how many cgroups it has, enabled. */
export function formatCgroups(cgroups: number): string {
  const rows: Array<[string, number]> = [
    ['cpuset', 3],
    ['cpu', 1],
    ['cpuacct', 2],
    ['blkio', 7],
    ['memory', 4],
    ['devices', 5],
    ['freezer', 6],
    ['net_cls', 0],
    ['perf_event', 0],
    ['net_prio', 0],
    ['hugetlb', 0],
    ['pids', 8],
  ];
  return `#subsys_name\thierarchy\tnum_cgroups\tenabled\n${rows
    .map(([name, h]) => `${name}\t${h}\t${cgroups}\t1\n`)
    .join('')}`;
}

/** A NUL after each word, as the kernel keeps argv and the environment. */
export const nulList = (words: readonly string[]): string => words.map((w) => `${w}\0`).join('');

/** /proc/<pid>/stat's 52 fields (proc(5)); times in clock ticks of 100 Hz since boot. */
export function formatStat(t: Task, view: string, ppidInView: number, bootMs: number): string {
  const pid = pidIn(t, view) ?? 0;
  const start = Math.max(0, Math.round((t.startMs - bootMs) / 10));
  const fields = [
    pid,
    `(${commOf(t)})`,
    t.state,
    ppidInView,
    pid,
    pid,
    0,
    -1,
    4194560,
    996,
    0,
    0,
    0,
    3,
    3,
    0,
    0,
    20,
    0,
    1,
    0,
    start,
    t.vszKib * 1024,
    Math.round(t.rssKib / 4),
    '18446744073709551615',
    ...Array.from({ length: 27 }, () => 0),
  ];
  return `${fields.join(' ')}\n`;
}

/** The host's pid 1. */
export function initTask(bootMs: number): Task {
  return {
    pid: 1,
    ppid: 0,
    root: '/',
    argv: ['/sbin/init'],
    comm: 'systemd',
    env: {},
    cwd: '/',
    exe: '/usr/lib/systemd/systemd',
    state: 'S',
    cgroup: '/',
    startMs: bootMs,
    vszKib: 167_744,
    rssKib: 12_988,
    fds: [
      [0, '/dev/null'],
      [1, '/dev/null'],
      [2, '/dev/null'],
    ],
    ns: HOST_NAMESPACES,
  };
}

/** The reading command as a host process with the given pid (its parent the shell, pid - 1). */
export function readerTask(reader: TaskReader, pid: number, now: number): Task {
  const prog = reader.argv[0] ?? 'bash';
  return {
    pid,
    ppid: pid - 1,
    root: reader.root,
    argv: reader.argv,
    env: reader.env,
    cwd: reader.cwd,
    exe: prog.includes('/') ? prog : `/usr/bin/${prog}`,
    state: 'R',
    cgroup: '/',
    startMs: now,
    vszKib: 5_512,
    rssKib: 1_956,
    fds: [
      [0, '/dev/pts/0'],
      [1, '/dev/pts/0'],
      [2, '/dev/pts/0'],
    ],
    ns: HOST_NAMESPACES,
  };
}
