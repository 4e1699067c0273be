// What docker run's runtime flags become in the daemon: HostConfig's memory and CPU limits, network
// mode, restart policy, log driver and published ports, checked as verifyContainerSettings and the
// log-driver lookup check them; and the endpoint a started container gets on its network (the
// default bridge's lowest free 172.17.0.N, the host ports -P takes from the kernel's ephemeral
// range), which a normal 20.10 host's inspect, port and ps show.
import { sha256Hex } from '../digest.js';
import type { DaemonCore } from './daemon.js';
import { allocateAddress, findNetwork, prefixOf } from './networks.js';
import { takeIfindex } from './host-links.js';
import {
  DaemonError,
  type Container,
  type Endpoint,
  type NetAttachment,
  type NetEndpoint,
  type RunSettings,
} from './types.js';

export const DEFAULT_SETTINGS: RunSettings = {
  memory: 0,
  memorySwap: 0,
  nanoCpus: 0,
  networkMode: 'default',
  restartPolicy: { Name: 'no', MaximumRetryCount: 0 },
  publishAll: false,
  logDriver: 'json-file',
};

/** The daemon's default ShmSize (config.DefaultShmSize): 64 MiB. */
export const DEFAULT_SHM_SIZE = 64 * 1024 * 1024;

export const settingsOf = (c: Container): RunSettings => c.settings ?? DEFAULT_SETTINGS;

/** verifyContainerSettings' checks of the limits and the restart policy (the log config is checked
 * apart: log-drivers.ts). */
export function checkSettings(s: RunSettings, hostCpus: number): void {
  if (s.memory !== 0 && s.memory < 6 * 1024 * 1024) throw new DaemonError('Minimum memory limit allowed is 6MB', 400);
  if (s.nanoCpus < 0 || s.nanoCpus > hostCpus * 1e9)
    throw new DaemonError(
      `Range of CPUs is from 0.01 to ${hostCpus}.00, as there are only ${hostCpus} CPUs available`,
      400,
    );
  const p = s.restartPolicy;
  if (['always', 'unless-stopped', 'no'].includes(p.Name)) {
    if (p.MaximumRetryCount !== 0)
      throw new DaemonError(`maximum retry count cannot be used with restart policy '${p.Name}'`, 400);
  } else if (p.Name === 'on-failure') {
    if (p.MaximumRetryCount < 0) throw new DaemonError('maximum retry count cannot be negative', 400);
  } else if (p.Name !== '') throw new DaemonError(`invalid restart policy '${p.Name}'`, 400);
}

/** The network a container's mode puts it on: default is the bridge. */
export function networkName(s: RunSettings): string {
  return s.networkMode === 'default' ? 'bridge' : s.networkMode;
}

/** A published port: the container's "80/tcp" on the host's address and port. */
export interface PortMapping {
  port: string;
  hostIp: string;
  hostPort: string;
}

/** -p's specs as HostConfig.PortBindings holds them: [ip:][hostPort:]containerPort[/proto]. */
export function portBindings(publish: readonly string[]): Record<string, { HostIp: string; HostPort: string }[]> {
  const out: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const spec of publish) {
    const [rest = '', proto = 'tcp'] = spec.split('/');
    const parts = rest.split(':');
    const port = `${parts.at(-1)}/${proto}`;
    const hostPort = parts.length >= 2 ? (parts.at(-2) ?? '') : '';
    const hostIp = parts.length === 3 ? (parts[0] ?? '') : '';
    out[port] = [...(out[port] ?? []), { HostIp: hostIp, HostPort: hostPort }];
  }
  return out;
}

/** What a running container publishes: each binding on IPv4 and IPv6 where no address was given
 * (a normal host binds both), a port without a host port on the one the start allocated. */
export function portMappings(c: Container): PortMapping[] {
  const mode = settingsOf(c).networkMode;
  if (c.state.status !== 'running' || !c.endpoint || mode.startsWith('container:') || ['host', 'none'].includes(mode))
    return [];
  const out: PortMapping[] = [];
  for (const [port, binds] of Object.entries(portBindings(c.publish))) {
    for (const b of binds) {
      const hostPort = b.HostPort || String(c.endpoint.allocated[port] ?? '');
      if (b.HostIp) out.push({ port, hostIp: b.HostIp, hostPort });
      else out.push({ port, hostIp: '0.0.0.0', hostPort }, { port, hostIp: '::', hostPort });
    }
  }
  for (const [port, hostPort] of Object.entries(c.endpoint.allocated)) {
    if (c.publish.length && Object.hasOwn(portBindings(c.publish), port)) continue;
    out.push(
      { port, hostIp: '0.0.0.0', hostPort: String(hostPort) },
      { port, hostIp: '::', hostPort: String(hostPort) },
    );
  }
  return out;
}

/** The networks a container is attached to, in order: `network connect`'s after its mode's; none for
 * container:NAME, whose network stack is the other container's. */
export function attachmentsOf(c: Container): Record<string, NetAttachment> {
  if (c.nets) return c.nets;
  const mode = settingsOf(c).networkMode;
  if (mode.startsWith('container:')) return {};
  return { [networkName(settingsOf(c))]: { aliases: [] } };
}

/**
 * The endpoint a start gives: on each network the lowest address the running containers leave
 * free (or the --ip asked), and for each -P port (and -p without a host port) the port allocator's
 * next one free. Throws as the start does for a network that is gone or an address refused.
 */
export function newEndpoint(
  d: DaemonCore,
  c: Container,
  running: readonly Container[],
  nextPort: (proto: string) => number,
): Endpoint {
  const s = settingsOf(c);
  const nets: Record<string, NetEndpoint> = {};
  const seedOf = `${c.id} ${c.state.startedAt}`;
  for (const [name, a] of Object.entries(attachmentsOf(c))) {
    const n = findNetwork(d, name);
    if (!n) throw new DaemonError(`network ${name} not found`, 404);
    const ip = allocateAddress(d, n, c, a.ipv4);
    nets[name] = { ip, endpointId: sha256Hex(`endpoint ${seedOf} ${name} ${ip}`) };
    if (ip) (nets[name] as NetEndpoint).ifindex = takeIfindex(d, 2);
    if (ip && c.config.MacAddress && !a.connected) (nets[name] as NetEndpoint).mac = c.config.MacAddress;
  }
  const onBridge = networkName(s) === 'bridge';
  const others = running.filter((x) => x.id !== c.id && x.endpoint);
  const allocated: Record<string, number> = {};
  if (!s.networkMode.startsWith('container:') && !['host', 'none'].includes(s.networkMode)) {
    const used = new Set(
      others.flatMap((x) => Object.entries(x.endpoint?.allocated ?? {}).map(([p, n]) => `${n}/${p.split('/')[1]}`)),
    );
    const bindings = portBindings(c.publish);
    const wanted = [
      ...Object.entries(bindings)
        .filter(([, b]) => b.some((x) => x.HostPort === ''))
        .map(([p]) => p),
      ...(s.publishAll ? Object.keys(c.config.ExposedPorts ?? {}).filter((p) => !Object.hasOwn(bindings, p)) : []),
    ];
    for (const port of wanted.sort(comparePorts)) {
      const proto = port.split('/')[1] ?? 'tcp';
      let next = nextPort(proto);
      while (used.has(`${next}/${proto}`)) next = nextPort(proto);
      allocated[port] = next;
      used.add(`${next}/${proto}`);
    }
  }
  const ip = onBridge ? (nets.bridge?.ip ?? '') : '';
  const seed = `${c.id} ${c.state.startedAt} ${ip}`;
  return {
    ip,
    nets,
    endpointId: nets[networkName(s)]?.endpointId ?? '',
    sandboxId: sha256Hex(`sandbox ${seed}`),
    allocated,
  };
}

/** nat.Sort's order: by port number, then protocol. */
function comparePorts(a: string, b: string): number {
  const [pa = '', qa = ''] = a.split('/');
  const [pb = '', qb = ''] = b.split('/');
  return Number(pa) - Number(pb) || (qa < qb ? -1 : qa > qb ? 1 : 0);
}

/** 02:42 and the IPv4 address's bytes, as the bridge driver makes a MAC. */
/** The MAC of an endpoint's interface: --mac-address's, or the one Docker derives from its address. */
export function endpointMac(e: NetEndpoint): string {
  return e.ip ? (e.mac ?? macOf(e.ip)) : '';
}

export function macOf(ip: string): string {
  if (!ip) return '';
  return `02:42:${ip
    .split('.')
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join(':')}`;
}

/** NetworkSettings.Networks' entry for one network: the endpoint while the container runs; what
 * create or connect asked (IPAMConfig, aliases) while it does not. */
function endpointSettings(d: DaemonCore, c: Container, name: string, a: NetAttachment): Record<string, unknown> {
  const e = c.state.status === 'running' ? c.endpoint?.nets?.[name] : undefined;
  const n = findNetwork(d, name);
  const user = !!n && !n.builtin;
  const ipam = a.ipv4 ? { IPv4Address: a.ipv4 } : a.connected ? {} : null;
  const started = c.hasBeenStarted || !!e;
  // The container's short id joins the aliases on a user network once it has started.
  const aliases =
    user && (started || a.connected) ? [...a.aliases, c.id.slice(0, 12)] : a.aliases.length ? a.aliases : null;
  const running = !!e;
  return {
    IPAMConfig: ipam,
    Links: null,
    Aliases: aliases,
    NetworkID: started ? (n?.id ?? '') : '',
    EndpointID: e?.endpointId ?? '',
    Gateway: running && e?.ip ? (n?.gateway ?? '') : '',
    IPAddress: e?.ip ?? '',
    IPPrefixLen: running && e?.ip && n ? prefixOf(n) : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    MacAddress: e ? endpointMac(e) : '',
    DriverOpts: a.connected ? {} : null,
  };
}

/** NetworkSettings as inspect prints it: the top-level address fields are the default bridge's. */
export function networkSettings(d: DaemonCore, c: Container, sandboxDir: string): Record<string, unknown> {
  const e = c.state.status === 'running' ? c.endpoint : undefined;
  const onBridge = e?.nets?.bridge;
  const ip = onBridge?.ip ?? '';
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  const mode = settingsOf(c).networkMode;
  if (e && !mode.startsWith('container:') && !['host', 'none'].includes(mode)) {
    for (const p of Object.keys(c.config.ExposedPorts ?? {})) ports[p] = null;
    for (const m of portMappings(c))
      ports[m.port] = [...(ports[m.port] ?? []), { HostIp: m.hostIp, HostPort: m.hostPort }];
  }
  const nets = Object.entries(attachmentsOf(c)).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  const shared = mode.startsWith('container:');
  return {
    Bridge: '',
    SandboxID: e && !shared ? e.sandboxId : '',
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    Ports: ports,
    SandboxKey: e && !shared ? `${sandboxDir}/${e.sandboxId.slice(0, 12)}` : '',
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: onBridge?.endpointId ?? '',
    Gateway: ip ? '172.17.0.1' : '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: ip,
    IPPrefixLen: ip ? 16 : 0,
    IPv6Gateway: '',
    MacAddress: onBridge ? endpointMac(onBridge) : '',
    Networks: Object.fromEntries(nets.map(([name, a]) => [name, endpointSettings(d, c, name, a)])),
  };
}
