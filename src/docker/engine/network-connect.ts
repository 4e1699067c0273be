// docker network connect / disconnect (daemon.ConnectToNetwork, DisconnectFromNetwork): a running
// container gets (or gives back) an endpoint at once, with its address in its /etc/hosts; a stopped
// or created one only has the network recorded (or dropped) for its next start.
import { sha256Hex } from '../digest.js';
import type { Daemon } from './containers.js';
import { takeIfindex } from './host-links.js';
import { allocateAddress, findNetwork, isIPv4 } from './networks.js';
import { attachmentsOf, settingsOf } from './run-settings.js';
import { DaemonError, type Container } from './types.js';

const ERR_HOST = 'container cannot be disconnected from host network or connected to host network';
const ERR_NONE = 'container cannot be connected to multiple networks with one of the networks in private (none) mode';
const ERR_SHARED =
  'container sharing network namespace with another container or host cannot be connected to any other network';

function rewriteHosts(d: Daemon, c: Container): void {
  if (c.state.status !== 'running') return;
  d.fs.write(`${d.containerDir(c)}/hosts`, d.hostsFile(c), 0o644);
}

export function connectNetwork(
  d: Daemon,
  netRef: string,
  ctrRef: string,
  o: { aliases?: string[]; ip?: string } = {},
): void {
  const c = d.getContainer(ctrRef);
  const mode = settingsOf(c).networkMode;
  // connectToNetwork's first check, before it looks the network up (a running container's).
  if (mode.startsWith('container:') && c.state.status === 'running') throw new DaemonError(ERR_SHARED, 400);
  const n = findNetwork(d, netRef);
  if (!n) throw new DaemonError(`network ${netRef} not found`, 404);
  if (o.ip !== undefined && o.ip !== '' && !isIPv4(o.ip)) throw new DaemonError(`invalid IPv4 address: ${o.ip}`, 400);
  if (mode.startsWith('container:')) throw new DaemonError(ERR_SHARED, 400);
  const nets = attachmentsOf(c);
  if (n.name === 'host' || mode === 'host') throw new DaemonError(ERR_HOST, 400);
  if (n.name === 'none' || mode === 'none' || Object.hasOwn(nets, 'none')) throw new DaemonError(ERR_NONE, 400);
  if (Object.hasOwn(nets, n.name)) {
    if (c.state.status === 'running')
      throw new DaemonError(`endpoint with name ${c.name.slice(1)} already exists in network ${n.name}`, 409);
    throw new DaemonError(`container ${c.id} is already connected to network ${n.name}`, 409);
  }
  const attach = { aliases: [...(o.aliases ?? [])], ...(o.ip ? { ipv4: o.ip } : {}), connected: true };
  if (c.state.status === 'running' && c.endpoint) {
    const ip = allocateAddress(d, n, c, o.ip || undefined);
    c.endpoint.nets = {
      ...(c.endpoint.nets ?? {}),
      [n.name]: {
        ip,
        endpointId: sha256Hex(`endpoint ${c.id} ${c.state.startedAt} ${n.name} ${ip}`),
        ifindex: takeIfindex(d, 2),
      },
    };
    if (n.name === 'bridge') c.endpoint.ip = ip;
  }
  c.nets = { ...nets, [n.name]: attach };
  rewriteHosts(d, c);
  d.saveContainer(c);
  d.emit({ kind: 'network', action: 'connect', name: n.name });
}

export function disconnectNetwork(d: Daemon, netRef: string, ctrRef: string, force = false): void {
  const c = d.getContainer(ctrRef);
  const n = findNetwork(d, netRef);
  const name = n?.name ?? netRef;
  const nets = attachmentsOf(c);
  if (!n && !(force && Object.hasOwn(nets, netRef))) throw new DaemonError(`network ${netRef} not found`, 404);
  if (name === 'host' && Object.hasOwn(nets, 'host')) throw new DaemonError(ERR_HOST, 400);
  if (!Object.hasOwn(nets, name)) throw new DaemonError(`container ${c.id} is not connected to network ${name}`, 400);
  const { [name]: _gone, ...rest } = nets;
  c.nets = rest;
  if (c.endpoint?.nets) {
    const { [name]: _ep, ...left } = c.endpoint.nets;
    c.endpoint.nets = left;
    if (name === 'bridge') c.endpoint.ip = '';
  }
  rewriteHosts(d, c);
  d.saveContainer(c);
  d.emit({ kind: 'network', action: 'disconnect', name });
}
