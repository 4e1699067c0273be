// /proc's files about the system rather than one process: /proc/stat (the CPUs' times, the
// interrupts, context switches, boot time, forks), /proc/net/dev and /proc/net/route (the reader's
// network namespace: lo, and eth0 on Docker's default bridge with its gateway 172.17.0.1), and the
// /proc/sys settings a learner reads (kernel.hostname of the reader's UTS namespace, ostype,
// osrelease, pid_max, net.ipv4.ip_forward), in Linux 5.15's formats.
import { MACHINE_CPUS } from './machine.js';
import type { Entry } from './procfs.js';
import type { Task } from './tasks.js';

/** /proc/stat: the CPUs' times in USER_HZ ticks, then the system's counters. */
export function formatProcStat(upMs: number, bootMs: number, forks: number, running: number): string {
  const ticks = Math.floor(upMs / 10);
  // A quiet machine: most of its time idle, a little spent in user and system code.
  const cpu = (share: number): string => {
    const t = Math.floor(ticks * share);
    const user = Math.floor(t * 0.02);
    const system = Math.floor(t * 0.01);
    const [nice, iowait, softirq] = [Math.floor(t * 0.0002), Math.floor(t * 0.001), Math.floor(t * 0.0005)];
    return `${user} ${nice} ${system} ${t - user - system} ${iowait} 0 ${softirq} 0 0 0`;
  };
  const lines = [`cpu  ${cpu(MACHINE_CPUS)}`];
  for (let n = 0; n < MACHINE_CPUS; n++) lines.push(`cpu${n} ${cpu(1)}`);
  const irqs = Math.floor(upMs / 4);
  lines.push(
    `intr ${irqs} 0 9 0 0 0 0 0 0 0 0 0 0 156 0 0 0`,
    `ctxt ${irqs * 3}`,
    `btime ${Math.floor(bootMs / 1000)}`,
    `processes ${forks}`,
    `procs_running ${running}`,
    'procs_blocked 0',
    `softirq ${Math.floor(irqs / 2)} 0 ${Math.floor(irqs / 5)} 3 1 0 0 ${Math.floor(irqs / 9)} 0 0 ` +
      `${Math.floor(irqs / 7)}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The interfaces of a task's network namespace. */
function interfaces(t: Task): string[] {
  if (t.network === 'none') return ['lo'];
  return ['lo', 'eth0'];
}

/** /proc/net/dev: the two heading lines, then an interface a line (counters of a quiet one). */
export function formatNetDev(t: Task): string {
  const head =
    'Inter-|   Receive                                                |  Transmit\n' +
    ' face |bytes    packets errs drop fifo frame compressed multicast|' +
    'bytes    packets errs drop fifo colls carrier compressed\n';
  const row = (name: string): string => {
    const [rx, rxp] = name === 'lo' ? [0, 0] : [1042, 11];
    const nums = [rx, rxp, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const widths = [7, 7, 4, 4, 4, 5, 10, 9, 8, 7, 4, 4, 4, 5, 7, 10];
    return `${name.padStart(6)}: ${nums.map((n, i) => String(n).padStart(widths[i] ?? 0)).join(' ')}\n`;
  };
  return head + interfaces(t).map(row).join('');
}

/** /proc/net/route: IPv4 routes in the kernel's hex (little-endian addresses), each line padded
 * to 127 columns. On the default bridge: the default route by 172.17.0.1, and 172.17.0.0/16. */
export function formatNetRoute(t: Task): string {
  const pad = (s: string): string => `${s.padEnd(127)}\n`;
  const lines = [pad('Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT')];
  if (interfaces(t).includes('eth0')) {
    lines.push(pad('eth0\t00000000\t010011AC\t0003\t0\t0\t0\t00000000\t0\t0\t0'));
    lines.push(pad('eth0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0'));
  }
  return lines.join('');
}

/**
 * /proc/sys: the settings a learner reads, each a file of its value. Written to in a container,
 * they are refused by the read-only mount over /proc/sys (EROFS); on the host by their mode.
 */
export function sysEntry(rel: string, o: { release: string; hostname: () => string }): Entry | undefined {
  const files: Record<string, () => string> = {
    'kernel/hostname': () => `${o.hostname()}\n`,
    'kernel/domainname': () => '(none)\n',
    'kernel/ostype': () => 'Linux\n',
    'kernel/osrelease': () => `${o.release}\n`,
    'kernel/pid_max': () => '4194304\n',
    'net/ipv4/ip_forward': () => '1\n',
  };
  const f = files[rel];
  if (f) return { kind: 'file', content: f, mode: 0o644 };
  const dirs = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let i = 0; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  if (!dirs.has(rel)) return undefined;
  const prefix = rel === '' ? '' : `${rel}/`;
  const children = () => [
    ...new Set(
      Object.keys(files)
        .filter((p) => p.startsWith(prefix))
        .map((p) => p.slice(prefix.length).split('/')[0] as string),
    ),
  ];
  return { kind: 'dir', children: () => children().sort() };
}
