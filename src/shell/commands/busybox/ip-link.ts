// busybox's `ip addr`, `ip link` (networking/libiproute/ipaddress.c) and ifconfig
// (networking/ifconfig.c, interface.c) in a container: lo, then each interface of the container's
// namespace (container-net.ts) with the number it kept from the host (`N: eth0@ifN+1`, its veth
// peer left behind on the host, hence M-DOWN), the MAC Docker derives from the address, mtu 1500
// and the /16's broadcast. Docker 20.10 turns IPv6 off in such a container: no inet6 lines. The
// counters ifconfig prints are those of /proc/net/dev (a quiet interface).
import type { NetInterface } from '../../../docker/engine/index.js';
import type { CommandContext } from '../../command.js';

/** The interfaces ip and ifconfig show: lo (ifindex 1), then the container's. */
export interface Link {
  name: string;
  ifindex: number;
  /** eth: its host-side veth peer's number. */
  peer?: number;
  mac: string;
  ip: string;
  prefix: number;
}

export function linksOf(ifs: readonly NetInterface[]): Link[] {
  const lo: Link = { name: 'lo', ifindex: 1, mac: '00:00:00:00:00:00', ip: '127.0.0.1', prefix: 8 };
  return [
    lo,
    ...ifs.map((i) => ({
      name: i.name,
      ifindex: i.ifindex,
      peer: i.ifindex + 1,
      mac: i.mac,
      ip: i.ip,
      prefix: i.prefix,
    })),
  ];
}

const ipInt = (ip: string): number => ip.split('.').reduce((n, b) => n * 256 + Number(b), 0) >>> 0;
const intIp = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const hostBits = (prefix: number): number => (prefix === 0 ? 0xffffffff : 2 ** (32 - prefix) - 1);
const broadcast = (l: Link): string => intIp((ipInt(l.ip) | hostBits(l.prefix)) >>> 0);
const netmask = (prefix: number): string => intIp((0xffffffff - hostBits(prefix)) >>> 0);

function linkLines(l: Link): [string, string] {
  if (l.name === 'lo')
    return [
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000',
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
    ];
  return [
    `${l.ifindex}: ${l.name}@if${l.peer}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue `,
    `    link/ether ${l.mac} brd ff:ff:ff:ff:ff:ff`,
  ];
}

function addrLines(l: Link): [string, string] {
  const scope = l.name === 'lo' ? 'scope host' : `brd ${broadcast(l)} scope global`;
  return [`    inet ${l.ip}/${l.prefix} ${scope} ${l.name}`, '       valid_lft forever preferred_lft forever'];
}

export interface IpShow {
  object: 'addr' | 'link';
  /** -4 (inet only: no link/ lines), -0/-f link (no addresses). */
  family?: 'inet' | 'link';
  oneline: boolean;
  dev?: string;
}

/** `ip addr|link show [[dev] DEV]`'s lines. */
export function ipShow(links: readonly Link[], o: IpShow): string {
  let out = '';
  for (const l of links) {
    if (o.dev !== undefined && l.name !== o.dev) continue;
    const [head, link] = linkLines(l);
    const lines = [head];
    if (o.family !== 'inet') lines.push(link);
    if (o.object === 'addr' && o.family !== 'link') {
      const [inet, life] = addrLines(l);
      if (o.oneline) {
        out += `${l.ifindex}: ${l.name}${inet}\\${life}\n`;
        continue;
      }
      lines.push(inet, life);
    }
    out += o.oneline ? `${lines.join('\\')}\n` : `${lines.join('\n')}\n`;
  }
  return out;
}

/** The byte counts as ifconfig prints them: "6182 (6.0 KiB)". */
function scaled(bytes: number): string {
  let whole = bytes;
  let tenth = 0;
  let unit = 0;
  while (whole >= 1024 && unit < 3) {
    tenth = Math.floor(((whole % 1024) * 10) / 1024);
    whole = Math.floor(whole / 1024);
    unit++;
  }
  return `${bytes} (${whole}.${tenth} ${['', 'Ki', 'Mi', 'Gi'][unit]}B)`;
}

/** One interface's block in ifconfig's output (with the blank line after it). */
export function ifconfigBlock(l: Link): string {
  const lo = l.name === 'lo';
  // The counters /proc/net/dev shows for a quiet interface (procfs-system.ts).
  const [rxp, rxb] = lo ? [0, 0] : [11, 1042];
  return [
    `${l.name.padEnd(10)}Link encap:${lo ? 'Local Loopback  ' : `Ethernet  HWaddr ${l.mac.toUpperCase()}  `}`,
    lo
      ? `          inet addr:${l.ip}  Mask:${netmask(l.prefix)}`
      : `          inet addr:${l.ip}  Bcast:${broadcast(l)}  Mask:${netmask(l.prefix)}`,
    lo
      ? '          UP LOOPBACK RUNNING  MTU:65536  Metric:1'
      : '          UP BROADCAST RUNNING MULTICAST  MTU:1500  Metric:1',
    `          RX packets:${rxp} errors:0 dropped:0 overruns:0 frame:0`,
    '          TX packets:0 errors:0 dropped:0 overruns:0 carrier:0',
    `          collisions:0 txqueuelen:${lo ? 1000 : 0} `,
    `          RX bytes:${scaled(rxb)}  TX bytes:${scaled(0)}`,
    '',
    '',
  ].join('\n');
}

/** ifconfig [-a] [IFACE]: the interfaces by name (busybox keeps its list sorted), or the one asked. */
export function ifconfig(ctx: CommandContext, links: readonly Link[]): number {
  const args = ctx.argv.slice(1).filter((a) => a !== '-a');
  const sorted = [...links].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (args.length === 0) {
    ctx.stdout(sorted.map(ifconfigBlock).join(''));
    return 0;
  }
  const [name = '', ...rest] = args;
  if (rest.length > 0) {
    const word = rest[0] as string;
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(word)) ctx.stderr(`ifconfig: bad address '${word}'\n`);
    // Setting an address needs CAP_NET_ADMIN, which a container lacks by default.
    else ctx.stderr(`ifconfig: ${rest.join(' ')}: setting an interface is not simulated here\n`);
    return 1;
  }
  const l = links.find((x) => x.name === name);
  if (!l) {
    ctx.stderr(`ifconfig: ${name}: error fetching interface information: Device not found\n`);
    return 1;
  }
  ctx.stdout(ifconfigBlock(l));
  return 0;
}
