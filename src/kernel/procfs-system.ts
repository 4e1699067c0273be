// /proc's files about the system rather than one process: /proc/stat (the CPUs' times, the
// interrupts, context switches, boot time, forks), /proc/net/dev and /proc/net/route (the reader's
// network namespace: lo, and eth0 on Docker's default bridge with its gateway 172.17.0.1), and the
// /proc/sys settings a learner reads (kernel.hostname of the reader's UTS namespace, ostype,
// osrelease, pid_max, net.ipv4.ip_forward), in Linux 5.15's formats.
import { MACHINE_CPUS } from './machine.js';
import type { Entry } from './procfs.js';
import type { Task, TaskInterface } from './tasks.js';

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

/** The interfaces of a task's network namespace besides lo (the host's: eth0, as before). */
function interfaces(t: Task): readonly TaskInterface[] {
  if (t.interfaces) return t.interfaces;
  if (t.network === 'none') return [];
  return [HOST_ETH0];
}

const HOST_ETH0: TaskInterface = {
  name: 'eth0',
  ip: '172.17.0.2',
  prefix: 16,
  gateway: '172.17.0.1',
  mac: '02:42:ac:11:00:02',
  subnetBase: '172.17.0.0',
};

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
  return head + ['lo', ...interfaces(t).map((i) => i.name)].map(row).join('');
}

/** An IPv4 address as /proc/net/route writes it: its bytes in host (little-endian) order, in hex. */
const routeHex = (ip: string): string =>
  ip
    .split('.')
    .reverse()
    .map((b) => Number(b).toString(16).toUpperCase().padStart(2, '0'))
    .join('');

const routeKey = (ip: string): number => ip.split('.').reduce((n, b) => n * 256 + Number(b), 0);

/** A prefix length as a netmask. */
const maskOf = (prefix: number): string =>
  [0, 1, 2, 3]
    .map((i) => Math.max(0, Math.min(8, prefix - i * 8)))
    .map((bits) => 256 - 2 ** (8 - bits))
    .join('.');

/** /proc/net/route: IPv4 routes in the kernel's hex (little-endian addresses), each line padded
 * to 127 columns: the default route by the gateway of the interface that has it, then each subnet. */
export function formatNetRoute(t: Task): string {
  const pad = (s: string): string => `${s.padEnd(127)}\n`;
  const lines = [pad('Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT')];
  const ifs = interfaces(t);
  const gw = ifs.find((i) => i.defaultRoute) ?? ifs[0];
  if (gw?.gateway) lines.push(pad(`${gw.name}\t00000000\t${routeHex(gw.gateway)}\t0003\t0\t0\t0\t00000000\t0\t0\t0`));
  // The kernel's FIB lists the routes by destination.
  const byDestination = [...ifs].sort((a, b) => routeKey(a.subnetBase) - routeKey(b.subnetBase));
  for (const i of byDestination)
    lines.push(
      pad(`${i.name}\t${routeHex(i.subnetBase)}\t00000000\t0001\t0\t0\t0\t${routeHex(maskOf(i.prefix))}\t0\t0\t0`),
    );
  return lines.join('');
}

/** /proc/net/if_inet6: a container's addresses by IPv6, none, for Docker 20.10 turns IPv6 off in a
 * container whose networks have none (disable_ipv6=1); the file is there, and empty. */
export function formatIfInet6(t: Task): string {
  if (t.interfaces || t.network === 'none') return '';
  return '00000000000000000000000000000001 01 80 10 80       lo\n';
}

/** The interfaces /proc/sys/net/ipv6/conf names (all and default too) and their disable_ipv6. */
export function ipv6Conf(t: Task): { names: string[]; disabled: boolean } {
  const inContainer = t.interfaces !== undefined || t.network === 'none';
  const own = inContainer ? interfaces(t).map((i) => i.name) : ['docker0', 'eth0'];
  return { names: ['all', 'default', 'lo', ...own].sort(), disabled: inContainer };
}

/**
 * /proc/sys: the settings a learner reads, each a file of its value. Written to in a container,
 * they are refused by the read-only mount over /proc/sys (EROFS); on the host by their mode.
 */
export interface SysOptions {
  release: string;
  hostname: () => string;
  /** The reader's network namespace's IPv6 settings. */
  ipv6: () => { names: string[]; disabled: boolean };
}

export function sysEntry(rel: string, o: SysOptions): Entry | undefined {
  const conf = /^net\/ipv6\/conf(?:\/([^/]+)(?:\/([^/]+))?)?$/.exec(rel);
  if (conf) return ipv6ConfEntry(o.ipv6(), conf[1], conf[2]);
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
  // net/ipv6/conf's entries are the reader's interfaces (above): the directory stands for them here.
  for (const path of [...Object.keys(files), 'net/ipv6/conf']) {
    const parts = path.split('/');
    for (let i = 0; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  if (!dirs.has(rel)) return undefined;
  const prefix = rel === '' ? '' : `${rel}/`;
  const children = () => [
    ...new Set(
      [...Object.keys(files), 'net/ipv6/conf']
        .filter((p) => p.startsWith(prefix))
        .map((p) => p.slice(prefix.length).split('/')[0] as string),
    ),
  ];
  return { kind: 'dir', children: () => children().sort() };
}

/** /proc/sys/net/ipv6/conf/IFACE/disable_ipv6 (the one setting of the directory modelled). */
function ipv6ConfEntry(
  v6: { names: string[]; disabled: boolean },
  iface: string | undefined,
  leaf: string | undefined,
): Entry | undefined {
  if (iface === undefined) return { kind: 'dir', children: () => v6.names };
  if (!v6.names.includes(iface)) return undefined;
  if (leaf === undefined) return { kind: 'dir', children: () => ['disable_ipv6'] };
  if (leaf !== 'disable_ipv6') return undefined;
  return { kind: 'file', content: () => (v6.disabled ? '1\n' : '0\n'), mode: 0o644 };
}
