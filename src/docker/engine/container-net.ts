// What a container's network namespace holds and reaches, for the programs that run in it (ping,
// nslookup, hostname -i, ip, /proc/net): an interface on each network it is attached to, eth0 the
// network mode's and eth1… those `network connect` added, with the address IPAM gave it; Docker's
// embedded DNS server (127.0.0.11, on user-defined networks only) answering the names, aliases and
// short ids of the containers on the networks it shares with the asker (also as NAME.NETWORK), and
// forwarding any other name to the host's resolvers, which the simulated machine cannot reach (it
// has no network beyond its own bridges, like the CI machine the conformance scripts run on, where
// the forwarded query times out). What answers: the container itself and loopback, the gateway
// and the other running containers of a network it is on. A stock 20.10 host with its iptables
// rules (DOCKER-ISOLATION) drops what one bridge sends to another, so an address elsewhere gets no
// reply; a container on `none` has no route at all.
import type { TaskInterface } from '../../kernel/tasks.js';
import type { Daemon } from './containers.js';
import { findNetwork, parseCidr, prefixOf } from './networks.js';
import { attachmentsOf, endpointMac, settingsOf } from './run-settings.js';
import type { Container } from './types.js';

/** The embedded DNS server's address, in the resolv.conf of a container on a user network. */
export const EMBEDDED_DNS = '127.0.0.11';

/** An interface of the container's namespace (what its /proc/net shows), and the network it is on. */
export interface NetInterface extends TaskInterface {
  network: string;
  /** Its interface number (its host-side veth peer has the next one). */
  ifindex: number;
}

/** The running container whose root is `root` (a program's process root), if any. */
export function containerAtRoot(d: Daemon, root: string): Container | undefined {
  if (root === '/') return undefined;
  for (const c of d.containers.values()) if (c.state.status === 'running' && d.mergedDir(c) === root) return c;
  return undefined;
}

/** The container whose network namespace `c` uses: itself, or container:NAME's other one. */
export function netOwner(d: Daemon, c: Container): Container {
  const mode = settingsOf(c).networkMode;
  if (!mode.startsWith('container:')) return c;
  const ref = mode.slice('container:'.length);
  return d.containers.get(ref) ?? [...d.containers.values()].find((x) => x.name === `/${ref}`) ?? c;
}

/** The network stack `c` sees: 'host' (the host's own), 'none' (loopback alone) or its interfaces. */
export function netStackOf(d: Daemon, c: Container): 'host' | NetInterface[] {
  const owner = netOwner(d, c);
  if (settingsOf(owner).networkMode === 'host') return 'host';
  const out: NetInterface[] = [];
  for (const [name, e] of Object.entries(owner.endpoint?.nets ?? {})) {
    const n = findNetwork(d, name);
    if (!n || !e.ip) continue;
    const subnet = parseCidr(n.subnet ?? '');
    out.push({
      name: `eth${out.length}`,
      network: n.name,
      ifindex: e.ifindex ?? 4 + 2 * out.length,
      ip: e.ip,
      prefix: prefixOf(n),
      gateway: n.gateway ?? '',
      mac: endpointMac(e),
      subnetBase: subnet ? intToIp(subnet.base) : '',
    });
  }
  // libnetwork's sandbox orders its endpoints (non-internal first, then by network name): the first
  // one's gateway is the default route.
  const gw = out
    .filter((i) => !findNetwork(d, i.network)?.internal)
    .sort((a, b) => (a.network < b.network ? -1 : a.network > b.network ? 1 : 0))[0];
  if (gw) gw.defaultRoute = true;
  return out;
}

const ipToInt = (ip: string): number => ip.split('.').reduce((n, b) => n * 256 + Number(b), 0);
const intToIp = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

export function inSubnet(ip: string, base: string, prefix: number): boolean {
  if (prefix === 0) return true;
  const size = 2 ** (32 - prefix);
  return Math.floor(ipToInt(ip) / size) === Math.floor(ipToInt(base) / size);
}

export type Reach = { reply: true; ttl: number } | { reply: false; why: 'drop' | 'unreachable' };
const REPLY: Reach = { reply: true, ttl: 64 };
const NO_REPLY: Reach = { reply: false, why: 'drop' };

/** What a packet from `c` to `ip` meets: a reply (and its TTL), no reply, or no route (ENETUNREACH). */
export function reach(d: Daemon, c: Container, ip: string): Reach {
  if (ip.startsWith('127.')) return REPLY;
  const stack = netStackOf(d, c);
  if (stack === 'host') return runningIps(d).has(ip) || isGateway(d, ip) ? REPLY : NO_REPLY;
  if (stack.length === 0) return { reply: false, why: 'unreachable' };
  for (const i of stack) {
    if (!inSubnet(ip, i.subnetBase, i.prefix)) continue;
    if (ip === i.ip || ip === i.gateway) return REPLY;
    return onNetwork(d, i.network).some((p) => p.ip === ip) ? REPLY : NO_REPLY;
  }
  // Out through the default route (eth0's gateway): the host answers for its own bridges' gateways;
  // the other bridges' containers are behind DOCKER-ISOLATION, the outside is not there.
  return isGateway(d, ip) ? REPLY : NO_REPLY;
}

function isGateway(d: Daemon, ip: string): boolean {
  for (const c of d.containers.values()) {
    for (const name of Object.keys(c.endpoint?.nets ?? {})) if (findNetwork(d, name)?.gateway === ip) return true;
  }
  return ip === '172.17.0.1';
}

function runningIps(d: Daemon): Set<string> {
  const out = new Set<string>();
  for (const c of d.containers.values()) {
    if (c.state.status !== 'running') continue;
    for (const e of Object.values(c.endpoint?.nets ?? {})) if (e.ip) out.add(e.ip);
  }
  return out;
}

/** The running containers on a network, with their address there and the names DNS knows them by. */
function onNetwork(d: Daemon, network: string): { c: Container; ip: string; names: string[] }[] {
  const out: { c: Container; ip: string; names: string[] }[] = [];
  for (const c of d.containers.values()) {
    const ip = c.state.status === 'running' ? c.endpoint?.nets?.[network]?.ip : undefined;
    if (!ip) continue;
    const aliases = attachmentsOf(c)[network]?.aliases ?? [];
    out.push({ c, ip, names: [c.name.slice(1), ...aliases, c.id.slice(0, 12)] });
  }
  return out;
}

/** The networks of `c`'s stack that have the embedded DNS server (user-defined ones). */
function dnsNetworks(d: Daemon, c: Container): string[] {
  const stack = netStackOf(d, c);
  if (stack === 'host') return [];
  return stack.map((i) => i.network).filter((n) => !findNetwork(d, n)?.builtin);
}

/** The embedded DNS server's A answer for `name` asked from `c` (NAME, ALIAS, SHORT-ID, or any of
 * them followed by .NETWORK); undefined: it forwards the query. */
export function embeddedLookup(d: Daemon, c: Container, name: string): string | undefined {
  const q = name.toLowerCase().replace(/\.$/, '');
  for (const network of dnsNetworks(d, c)) {
    for (const p of onNetwork(d, network)) {
      for (const n of p.names) {
        const lower = n.toLowerCase();
        if (q === lower || q === `${lower}.${network.toLowerCase()}`) return p.ip;
      }
    }
  }
  return undefined;
}

/** The embedded DNS server's PTR answer for an address of a network `c` is on: NAME.NETWORK. */
export function embeddedReverse(d: Daemon, c: Container, ip: string): string | undefined {
  for (const network of dnsNetworks(d, c)) {
    const p = onNetwork(d, network).find((x) => x.ip === ip);
    if (p) return `${p.c.name.slice(1)}.${network}`;
  }
  return undefined;
}
