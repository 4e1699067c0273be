// What docker run's runtime flags become in the daemon: HostConfig's memory and CPU limits, network
// mode, restart policy, log driver and published ports, checked as verifyContainerSettings and the
// log-driver lookup check them; and the endpoint a started container gets on its network (the
// default bridge's lowest free 172.17.0.N, the host ports -P takes from the kernel's ephemeral
// range), which a normal 20.10 host's inspect, port and ps show.
import { sha256Hex } from '../digest.js';
import { DaemonError, type Container, type Endpoint, type RunSettings } from './types.js';

export const DEFAULT_SETTINGS: RunSettings = {
  memory: 0,
  memorySwap: 0,
  nanoCpus: 0,
  networkMode: 'default',
  restartPolicy: { Name: 'no', MaximumRetryCount: 0 },
  publishAll: false,
  logDriver: 'json-file',
};

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

/** A network's ID, made from the daemon's ID (a host keeps its networks' IDs across restarts). */
export function networkId(daemonId: string, name: string): string {
  return sha256Hex(`network ${daemonId} ${name}`);
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
  if (c.state.status !== 'running' || !c.endpoint || networkName(settingsOf(c)) !== 'bridge') return [];
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

/**
 * The endpoint a start gives: on the bridge the lowest 172.17.0.N the running containers leave
 * free, and for each -P port (and -p without a host port) the port allocator's next one free.
 */
export function newEndpoint(
  c: Container,
  running: readonly Container[],
  nextPort: (proto: string) => number,
): Endpoint {
  const s = settingsOf(c);
  const onBridge = networkName(s) === 'bridge';
  const others = running.filter((x) => x.id !== c.id && x.endpoint);
  let ip = '';
  if (onBridge) {
    const taken = new Set(others.map((x) => x.endpoint?.ip));
    let n = 2;
    while (taken.has(`172.17.0.${n}`)) n++;
    ip = `172.17.0.${n}`;
  }
  const allocated: Record<string, number> = {};
  if (onBridge) {
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
  const seed = `${c.id} ${c.state.startedAt} ${ip}`;
  return {
    ip,
    endpointId: s.networkMode === 'host' || s.networkMode === 'none' || onBridge ? sha256Hex(`endpoint ${seed}`) : '',
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
export function macOf(ip: string): string {
  if (!ip) return '';
  return `02:42:${ip
    .split('.')
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join(':')}`;
}

/** NetworkSettings as inspect prints it. */
export function networkSettings(c: Container, daemonId: string, sandboxDir: string): Record<string, unknown> {
  const s = settingsOf(c);
  const name = networkName(s);
  const e = c.state.status === 'running' ? c.endpoint : undefined;
  const bridge = name === 'bridge' && !!e;
  const ip = bridge ? (e?.ip ?? '') : '';
  const gateway = bridge ? '172.17.0.1' : '';
  const prefix = bridge ? 16 : 0;
  const mac = macOf(ip);
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  if (e && name === 'bridge') {
    for (const p of Object.keys(c.config.ExposedPorts ?? {})) ports[p] = null;
    for (const m of portMappings(c))
      ports[m.port] = [...(ports[m.port] ?? []), { HostIp: m.hostIp, HostPort: m.hostPort }];
  }
  const known = ['bridge', 'host', 'none'].includes(name);
  return {
    Bridge: '',
    SandboxID: e ? e.sandboxId : '',
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    Ports: ports,
    SandboxKey: e ? `${sandboxDir}/${e.sandboxId.slice(0, 12)}` : '',
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: bridge ? (e?.endpointId ?? '') : '',
    Gateway: gateway,
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: ip,
    IPPrefixLen: prefix,
    IPv6Gateway: '',
    MacAddress: mac,
    Networks: {
      [name]: {
        IPAMConfig: null,
        Links: null,
        Aliases: null,
        NetworkID: known ? networkId(daemonId, name) : '',
        EndpointID: e ? e.endpointId : '',
        Gateway: gateway,
        IPAddress: ip,
        IPPrefixLen: prefix,
        IPv6Gateway: '',
        GlobalIPv6Address: '',
        GlobalIPv6PrefixLen: 0,
        MacAddress: mac,
        DriverOpts: null,
      },
    },
  };
}
