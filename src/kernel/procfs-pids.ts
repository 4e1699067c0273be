// /proc/<pid>/: what a process's directory holds, for the tasks the kernel's TaskSource lists,
// named by their pids in the procfs's namespace (`view`: '/' for the host's, a container's merged
// dir for its own /proc). The links a process names its root, cwd and executable by print as the
// process names them and lead, followed, where they are: the host reading /proc/<pid>/root of a
// container's process lands in the container's merged directory.
import type { Kernel } from './kernel.js';
import { type FileIdentity, formatMaps, HOST_LIBS, type Libraries } from './procfs-maps.js';
import { formatIfInet6, formatNetDev, formatNetRoute } from './procfs-system.js';
import { major, minor } from './types.js';
import { formatMountinfo, formatMountLine } from './mount-formats.js';
import type { Entry } from './procfs.js';
import {
  commOf,
  formatCgroup,
  formatStat,
  formatStatus,
  NS_KINDS,
  nulList,
  pidIn,
  type NsKind,
  type Task,
} from './tasks.js';

/** The tasks of a namespace, self among them, by their pid there. */
function tasksIn(kernel: Kernel, view: string): Map<number, Task> {
  const { tasks, self } = kernel.taskList();
  const out = new Map<number, Task>();
  for (const t of [...tasks, self]) {
    const pid = pidIn(t, view);
    if (pid !== undefined && !out.has(pid)) out.set(pid, t);
  }
  return out;
}

export function visiblePids(kernel: Kernel, view: string): number[] {
  return [...tasksIn(kernel, view).keys()].sort((a, b) => a - b);
}

const FILES = ['cgroup', 'cmdline', 'comm', 'environ', 'maps', 'mountinfo', 'mounts', 'stat', 'statm', 'status'];
const LINKS = ['cwd', 'exe', 'root'];

/** A path as the reader names it: a path in the task's root, read from the reader's root. */
function asSeenBy(readerRoot: string, taskRoot: string, path: string): string | undefined {
  if (readerRoot === taskRoot) return path;
  if (readerRoot === '/') return taskRoot === '/' ? path : path === '/' ? taskRoot : `${taskRoot}${path}`;
  return undefined;
}

export function pidEntry(kernel: Kernel, view: string, rel: string): Entry | undefined {
  const [first = '', sub, leaf, ...more] = rel.split('/');
  if (!/^[1-9]\d*$/.test(first) || more.length > 0) return undefined;
  const pid = Number(first);
  const t = tasksIn(kernel, view).get(pid);
  if (!t) return undefined;
  if (sub === undefined)
    return { kind: 'dir', children: () => [...FILES, ...LINKS, 'fd', 'net', 'ns', 'task'].sort(), nlink: 9 };
  // Its network namespace's files (/proc/net is a link to /proc/self/net).
  if (sub === 'net') {
    if (leaf === undefined) return { kind: 'dir', children: () => ['dev', 'if_inet6', 'route'] };
    if (leaf === 'dev') return { kind: 'file', content: () => formatNetDev(t) };
    if (leaf === 'route') return { kind: 'file', content: () => formatNetRoute(t) };
    if (leaf === 'if_inet6') return { kind: 'file', content: () => formatIfInet6(t) };
    return undefined;
  }
  // Its threads: one, itself (what a thread's own directory holds is not modelled).
  if (sub === 'task') {
    if (leaf === undefined) return { kind: 'dir', children: () => [first], mode: 0o555 };
    return leaf === first ? { kind: 'dir', children: () => [], mode: 0o555 } : undefined;
  }
  const ppid = (): number => {
    if (view === '/') return t.ppid;
    return t.nsPpid ?? 0;
  };
  if (leaf === undefined) {
    const content = fileContent(kernel, view, t, sub, ppid);
    if (content) return { kind: 'file', content, ...(sub === 'environ' ? { mode: 0o400 } : {}) };
    if (sub === 'fd')
      return { kind: 'dir', children: () => fdsOf(kernel, t).map(([fd]) => String(fd)), mode: 0o500, size: 4 };
    if (sub === 'ns') return { kind: 'dir', children: () => [...NS_KINDS], mode: 0o511 };
    if (!LINKS.includes(sub)) return undefined;
    const shown = sub === 'root' ? '/' : sub === 'cwd' ? t.cwd : t.exe;
    const readerRoot = kernel.reader?.root ?? '/';
    const follow = asSeenBy(readerRoot, t.root, shown);
    // Followed from outside, the link leads into the task's mount namespace (its root's binds).
    const ns = t.root !== '/' && readerRoot !== t.root ? t.root : undefined;
    return { kind: 'link', target: shown, follow: follow ?? '', ...(ns ? { ns } : {}), size: 0 };
  }
  if (sub === 'fd') {
    const fd = fdsOf(kernel, t).find(([n]) => String(n) === leaf);
    // stdin open for reading and writing, stdout and stderr for writing (as runc leaves them).
    return fd ? { kind: 'link', target: fd[1], size: 64, mode: fd[0] === 0 ? 0o700 : 0o300 } : undefined;
  }
  if (sub === 'ns' && (NS_KINDS as readonly string[]).includes(leaf)) {
    const kind = leaf as NsKind;
    const type = kind.replace(/_for_children$/, '');
    return { kind: 'link', target: `${type}:[${t.ns[kind]}]`, size: 0 };
  }
  return undefined;
}

/** A task's descriptors; the reader's own has one more, on what it opened to read (fd 3). */
function fdsOf(kernel: Kernel, t: Task): ReadonlyArray<readonly [number, string]> {
  const { self } = kernel.taskList();
  if (self.pid !== t.pid) return t.fds;
  const dir = kernel.reader?.root === t.root ? `/proc/${t.nsPid ?? t.pid}/fd` : `/proc/${t.pid}/fd`;
  return [...t.fds, [3, dir]];
}

function fileContent(
  kernel: Kernel,
  view: string,
  t: Task,
  name: string,
  ppid: () => number,
): (() => string) | undefined {
  const mounts = () => kernel.mountsSeenFrom(t.root);
  switch (name) {
    case 'cgroup':
      return () => formatCgroup(t);
    case 'cmdline':
      return () => nulList(t.argv);
    case 'comm':
      return () => `${commOf(t)}\n`;
    case 'environ':
      return () => nulList(Object.entries(t.env).map(([k, v]) => `${k}=${v}`));
    case 'mounts':
      return () => mounts().map(formatMountLine).join('');
    case 'mountinfo':
      return () => formatMountinfo(mounts());
    case 'stat':
      return () => formatStat(t, view, ppid(), kernel.bootTime());
    case 'statm': {
      const pages = (kib: number) => Math.round(kib / 4);
      return () => `${pages(t.vszKib)} ${pages(t.rssKib)} ${pages(t.rssKib) - 13} 388 0 77 0\n`;
    }
    case 'status':
      return () => formatStatus(t, view, ppid(), kernel.features.procFields);
    case 'maps':
      return () => mapsOf(kernel, t);
    default:
      return undefined;
  }
}

/**
 * /proc/<pid>/maps: its files found in its root, by the device of the disk that holds them (a file
 * of an overlay shows its layer's ext4, as the kernel maps the real file) and their inodes. The
 * host's glibc and locale are not among the simulated host's files: their areas show the root
 * disk and an inode of their own. Looked up by a process of its own, so the reader's /proc/self
 * stays the reader's.
 */
function mapsOf(kernel: Kernel, t: Task): string {
  const reader = kernel.reader;
  try {
    const p = kernel.proc({ root: t.root });
    const real = (path: string): string | undefined => {
      try {
        return p.stat(path).type === 'file' ? p.realpath(path) : undefined;
      } catch {
        return undefined;
      }
    };
    let libs: Libraries | undefined = HOST_LIBS;
    if (t.root !== '/') {
      const libc = ['/usr/lib/x86_64-linux-gnu/libc.so.6', '/lib/x86_64-linux-gnu/libc.so.6', '/lib/libc.so.6']
        .map(real)
        .find((x) => x !== undefined);
      const ld = real('/lib64/ld-linux-x86-64.so.2');
      libs = libc && ld ? { libc, ld } : undefined;
    }
    const identity: FileIdentity = (path) => {
      try {
        const st = p.stat(path);
        const dev = p.mountOf(path).fstype === 'overlay' ? kernel.disk.dev : st.dev;
        return { major: major(dev), minor: minor(dev), ino: st.ino };
      } catch {
        let ino = 0;
        for (const c of path) ino = (Math.imul(ino, 31) + c.charCodeAt(0)) >>> 0;
        return { major: major(kernel.disk.dev), minor: minor(kernel.disk.dev), ino: 1_048_576 + (ino % 1_000_000) };
      }
    };
    return formatMaps(t, libs, identity, { vvarVclock: kernel.features.procFields.vvarVclock });
  } finally {
    kernel.reader = reader;
  }
}
