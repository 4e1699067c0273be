// The daemon's networks as libnetwork keeps them for a 20.10 host: the three built in (bridge on
// docker0 with 172.17.0.0/16, host, none with the null driver) and the user's bridge networks, each
// with its IPAM pool (the first of the default pools, 172.18.0.0/16 … 172.31.0.0/16 then
// 192.168.N.0/20, that overlaps no network, or --subnet), its gateway and the addresses its running
// containers hold. On a real host local-kv.db is a bolt store; here it has the real file's size
// and mode and holds the user networks' records as JSON, so a restarted daemon finds them again.
import { takeIfindex } from './host-links.js';
import { goTimeFromUnix } from '../go-time.js';
import type { DaemonCore as Daemon } from './daemon.js';
import { randomHex } from './overlay2-driver.js';
import { sha256Hex } from '../digest.js';
import { DaemonError, type Container } from './types.js';

export interface Network {
  name: string;
  id: string;
  created: string;
  driver: 'bridge' | 'host' | 'null';
  /** IPAM.Config's one entry (none for host and none). */
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  /** The gateway is shown in IPAM.Config (a user network's; the default bridge shows none). */
  showGateway: boolean;
  internal: boolean;
  attachable: boolean;
  options: Record<string, string>;
  labels: Record<string, string>;
  builtin: boolean;
  /** --subnet was given: only then may a container ask for its own address (--ip). */
  userSubnet: boolean;
}

/** A built-in network's ID, made from the daemon's ID (a host keeps its networks' IDs across restarts). */
export function networkId(daemonId: string, name: string): string {
  return sha256Hex(`network ${daemonId} ${name}`);
}

const KV_SIZE = 65536;
const kvFile = (d: Daemon): string => `${d.dataRoot}/network/files/local-kv.db`;

const DEFAULT_BRIDGE_OPTIONS = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

const stores = new WeakMap<Daemon, Map<string, Network>>();
/** The index in the default pools where the next search for a free one starts. */
const nextPool = new WeakMap<Daemon, number>();

/** The daemon's networks by name: the built-in ones made at start, the user's read back from local-kv.db. */
export function networksOf(d: Daemon): Map<string, Network> {
  let m = stores.get(d);
  if (m) return m;
  m = new Map();
  stores.set(d, m);
  // The daemon's start: no random nanoseconds here, so making the store leaves every later id as it was.
  const ms = d.clock.now();
  const created = goTimeFromUnix(Math.floor(ms / 1000), (ms % 1000) * 1_000_000);
  const builtin = (name: string, driver: Network['driver'], extra: Partial<Network> = {}): Network => ({
    name,
    id: networkId(d.daemonId, name),
    created,
    driver,
    showGateway: false,
    internal: false,
    attachable: false,
    options: {},
    labels: {},
    builtin: true,
    userSubnet: false,
    ...extra,
  });
  m.set(
    'bridge',
    builtin('bridge', 'bridge', { subnet: '172.17.0.0/16', gateway: '172.17.0.1', options: DEFAULT_BRIDGE_OPTIONS }),
  );
  m.set('host', builtin('host', 'host'));
  m.set('none', builtin('none', 'null'));
  const file = kvFile(d);
  if (d.fs.exists(file)) {
    const text = new TextDecoder().decode(d.fs.read(file)).replace(/\0+$/, '');
    for (const line of text.split('\n'))
      if (line.startsWith('{')) {
        const n = JSON.parse(line) as Network;
        m.set(n.name, n);
      }
  } else saveNetworks(d, m);
  return m;
}

function saveNetworks(d: Daemon, m: Map<string, Network>): void {
  const text = [...m.values()]
    .filter((n) => !n.builtin)
    .map((n) => `${JSON.stringify(n)}\n`)
    .join('');
  const bytes = new TextEncoder().encode(text);
  const out = new Uint8Array(Math.max(KV_SIZE, Math.ceil(bytes.length / KV_SIZE) * KV_SIZE));
  out.set(bytes);
  d.fs.write(kvFile(d), out, 0o644);
}

/** A network by name, full ID or unique ID prefix (the daemon's FindNetwork order). */
export function findNetwork(d: Daemon, ref: string): Network | undefined {
  const m = networksOf(d);
  const byName = m.get(ref);
  if (byName) return byName;
  const all = [...m.values()];
  const byId = all.find((n) => n.id === ref);
  if (byId) return byId;
  const hits = all.filter((n) => n.id.startsWith(ref));
  return hits.length === 1 ? hits[0] : undefined;
}

export function getNetwork(d: Daemon, ref: string): Network {
  const n = findNetwork(d, ref);
  if (!n) throw new DaemonError(`network ${ref} not found`, 404);
  return n;
}

// ---- addresses ----------------------------------------------------------------------------------

export const ipToInt = (ip: string): number => ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
export const intToIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** A CIDR's first address and its size, or undefined for text net.ParseCIDR refuses. */
export function parseCidr(s: string): { base: number; size: number; prefix: number } | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(s);
  if (!m || !isIPv4(m[1] ?? '') || Number(m[2]) > 32) return undefined;
  const prefix = Number(m[2]);
  const size = 2 ** (32 - prefix);
  return { base: Math.floor(ipToInt(m[1] ?? '') / size) * size, size, prefix };
}

const contains = (cidr: string, ip: string): boolean => {
  const c = parseCidr(cidr);
  return !!c && ipToInt(ip) >= c.base && ipToInt(ip) < c.base + c.size;
};

const overlaps = (a: string, b: string): boolean => {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return !!x && !!y && x.base < y.base + y.size && y.base < x.base + x.size;
};

/** The default address pools: 172.17-31.0.0/16, then 192.168.0.0/16 cut in /20s. */
function* defaultPools(): Generator<string> {
  for (let b = 17; b <= 31; b++) yield `172.${b}.0.0/16`;
  for (let c = 0; c < 256; c += 16) yield `192.168.${c}.0/20`;
}

export function prefixOf(n: Network): number {
  return parseCidr(n.subnet ?? '')?.prefix ?? 0;
}

/** The addresses the network's running containers hold. */
function takenOn(d: Daemon, n: Network, except?: string): Set<string> {
  const taken = new Set<string>();
  for (const c of d.containers.values()) {
    if (c.id === except) continue;
    const ip = c.endpoint?.nets?.[n.name]?.ip;
    if (ip) taken.add(ip);
  }
  return taken;
}

/** IPAM's RequestAddress: the asked address (checked), else the lowest free one of the range (or
 * the subnet, less its own address, the gateway and the broadcast address). */
export function allocateAddress(d: Daemon, n: Network, c: Container, asked?: string): string {
  const taken = takenOn(d, n, c.id);
  const subnet = parseCidr(n.subnet ?? '');
  if (!subnet) return '';
  if (asked) {
    if (!n.userSubnet) {
      throw new DaemonError(
        n.builtin
          ? 'user specified IP address is supported on user defined networks only'
          : 'user specified IP address is supported only when connecting to networks with user configured subnets',
        400,
      );
    }
    if (!contains(n.subnet ?? '', asked))
      throw new DaemonError(`Invalid address ${asked}: It does not belong to any of this network's subnets`, 400);
    if (taken.has(asked) || asked === n.gateway) throw new DaemonError(`Address already in use`, 409);
    return asked;
  }
  const range = parseCidr(n.ipRange ?? '') ?? subnet;
  const last = subnet.base + subnet.size - 1;
  for (let i = range.base; i < range.base + range.size; i++) {
    const ip = intToIp(i);
    if (i === subnet.base || i === last || ip === n.gateway || taken.has(ip)) continue;
    return ip;
  }
  throw new DaemonError(`no available IPv4 addresses on this network's address pools: ${n.name} (${n.id})`, 500);
}

// ---- create, remove ---------------------------------------------------------------------------

export interface NetworkCreate {
  name: string;
  driver: string;
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  internal: boolean;
  attachable: boolean;
  options: Record<string, string>;
  labels: Record<string, string>;
}

export function createNetwork(d: Daemon, o: NetworkCreate): Network {
  const m = networksOf(d);
  if (m.has(o.name)) throw new DaemonError(`network with name ${o.name} already exists`, 409);
  if (o.driver === 'overlay')
    throw new DaemonError(
      'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to ' +
        'swarm and try again.',
      500,
    );
  if (o.driver === 'host' || o.driver === 'null')
    throw new DaemonError(`only one instance of "${o.driver}" network is allowed`, 409);
  if (o.driver !== 'bridge') throw new DaemonError(`plugin "${o.driver}" not found`, 404);
  const used = [...m.values()].flatMap((n) => (n.subnet ? [n.subnet] : []));
  let subnet = o.subnet;
  if (subnet !== undefined) {
    if (!parseCidr(subnet)) throw new DaemonError(`Invalid subnet ${subnet} : invalid CIDR address: ${subnet}`, 400);
    if (used.some((u) => overlaps(u, subnet as string)))
      throw new DaemonError('Pool overlaps with other one on this address space', 409);
  } else {
    // The allocator goes on from the pool after the last one it gave (not back to a freed one), and
    // wraps around; a restarted daemon starts at the first again.
    const pools = [...defaultPools()];
    const start = nextPool.get(d) ?? 0;
    const order = [...pools.keys()].map((i) => (start + i) % pools.length);
    const i = order.find((k) => !used.some((u) => overlaps(u, pools[k] as string)));
    subnet = i === undefined ? undefined : pools[i];
    if (i !== undefined) nextPool.set(d, i + 1);
    if (!subnet)
      throw new DaemonError(
        'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network',
        409,
      );
  }
  const base = parseCidr(subnet)?.base ?? 0;
  const n: Network = {
    name: o.name,
    id: randomHex(d.random),
    created: d.now().text,
    driver: 'bridge',
    subnet,
    gateway: o.gateway ?? intToIp(base + 1),
    ...(o.ipRange ? { ipRange: o.ipRange } : {}),
    showGateway: true,
    internal: o.internal,
    attachable: o.attachable,
    options: o.options,
    labels: o.labels,
    builtin: false,
    userSubnet: o.subnet !== undefined,
  };
  m.set(n.name, n);
  saveNetworks(d, m);
  takeIfindex(d, 1); // its bridge, br-<id>
  d.emit({ kind: 'network', action: 'create', name: n.name });
  return n;
}

/** The running containers with an endpoint on the network. */
export function networkContainers(d: Daemon, n: Network): Container[] {
  return [...d.containers.values()].filter((c) => c.state.status === 'running' && c.endpoint?.nets?.[n.name]);
}

export function removeNetwork(d: Daemon, ref: string): void {
  const n = findNetwork(d, ref);
  if (!n) throw new DaemonError(`network ${ref} not found`, 404);
  if (n.builtin) throw new DaemonError(`${n.name} is a pre-defined network and cannot be removed`, 409);
  if (networkContainers(d, n).length)
    throw new DaemonError(`error while removing network: network ${n.name} id ${n.id} has active endpoints`, 409);
  const m = networksOf(d);
  m.delete(n.name);
  saveNetworks(d, m);
  d.emit({ kind: 'network', action: 'destroy', name: n.name });
}

/** docker network prune: the user networks no running container is on, by name, in the order the
 * network store lists them (its keys: the networks' IDs). */
export function pruneNetworks(d: Daemon, keep: (n: Network) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const n of [...networksOf(d).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (n.builtin || networkContainers(d, n).length || !keep(n)) continue;
    removeNetwork(d, n.name);
    out.push(n.name);
  }
  return out;
}

/** NetworkResource as GET /networks/{id} gives it. */
export function inspectNetwork(d: Daemon, n: Network): Record<string, unknown> {
  const macOf = (ip: string): string =>
    `02:42:${ip
      .split('.')
      .map((x) => Number(x).toString(16).padStart(2, '0'))
      .join(':')}`;
  const containers: Record<string, unknown> = {};
  for (const c of networkContainers(d, n)) {
    const e = c.endpoint?.nets?.[n.name];
    if (!e) continue;
    containers[c.id] = {
      Name: c.name.slice(1),
      EndpointID: e.endpointId,
      MacAddress: e.ip ? (e.mac ?? macOf(e.ip)) : '',
      IPv4Address: e.ip ? `${e.ip}/${prefixOf(n)}` : '',
      IPv6Address: '',
    };
  }
  const config = n.subnet
    ? [
        {
          Subnet: n.subnet,
          ...(n.ipRange ? { IPRange: n.ipRange } : {}),
          ...(n.showGateway && n.gateway ? { Gateway: n.gateway } : {}),
        },
      ]
    : [];
  return {
    Name: n.name,
    Id: n.id,
    Created: n.created,
    Scope: 'local',
    Driver: n.driver,
    EnableIPv6: false,
    IPAM: { Driver: 'default', Options: n.builtin ? null : {}, Config: config },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: Object.fromEntries(Object.entries(containers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    Options: n.options,
    Labels: n.labels,
  };
}

/** "2026-12-07 10:26:30.123456789 +0000 UTC", the CreatedAt of network ls's --format. */
export function createdAtText(n: Network): string {
  const ms = Date.parse(n.created);
  const nanos = /\.(\d+)Z$/.exec(n.created)?.[1] ?? '';
  const base = goTimeFromUnix(Math.floor(ms / 1000))
    .slice(0, 19)
    .replace('T', ' ');
  return `${base}${nanos ? `.${nanos}` : ''} +0000 UTC`;
}
