// The listening sockets of a container's network namespace and what a connection to an address
// and port meets. busybox's httpd is the server modelled: it binds [IP:]PORT (":::80", IPv6 with
// IPv4 mapped, when no address is given) for as long as the container runs — `httpd -f` as the
// main process (or a shell's last `exec httpd -f …`), or `httpd` without -f forking into the
// background. Docker's embedded DNS server listens in each container on a user-defined network at
// 127.0.0.11 on a TCP and a UDP port of its own (iptables turns port 53 into them), ports picked
// from the ephemeral range. A connection to a held address without a listener is refused (RST);
// to a free address of a subnet the container is on, no one answers ARP: EHOSTUNREACH; what
// DOCKER-ISOLATION drops times out; on `none` there is no route.
import type { Daemon } from './containers.js';
import { inSubnet, netOwner, netStackOf } from './container-net.js';
import { findNetwork } from './networks.js';
import type { Container } from './types.js';

/** A socket bound by a server: its address ('' for any), port, and the server's document root. */
export interface Listener {
  ip: string;
  port: number;
  /** httpd's home directory, inside the container. */
  home: string;
}

interface Bound {
  startedAt: string;
  list: Listener[];
}

const bound = new WeakMap<object, Map<string, Bound>>();

function table(d: Daemon, c: Container): Listener[] {
  const owner = netOwner(d, c);
  let m = bound.get(d);
  if (!m) bound.set(d, (m = new Map()));
  let b = m.get(owner.id);
  if (!b || b.startedAt !== owner.state.startedAt)
    m.set(owner.id, (b = { startedAt: owner.state.startedAt, list: [] }));
  return b.list;
}

/** The listeners of `c`'s namespace while it runs, oldest first. */
export function listenersOf(d: Daemon, c: Container): readonly Listener[] {
  const owner = netOwner(d, c);
  return owner.state.status === 'running' ? table(d, c) : [];
}

/** Binds a listener in `c`'s namespace; false: the port is taken (EADDRINUSE). */
export function listen(d: Daemon, c: Container, l: Listener): boolean {
  const list = table(d, c);
  if (list.some((x) => x.port === l.port && (x.ip === '' || l.ip === '' || x.ip === l.ip))) return false;
  list.push(l);
  return true;
}

/** How httpd's command line binds: -p [IP:]PORT (80) and -h HOME (its working directory). */
export interface HttpdArgs {
  foreground: boolean;
  ip: string;
  port: number;
  home: string;
}

/** httpd's options as getopt32 reads them; a string: what is wrong (an option not modelled). */
export function parseHttpd(args: readonly string[], cwd: string): HttpdArgs | { bad: string } | { usage: string } {
  const o: HttpdArgs = { foreground: false, ip: '', port: 80, home: '.' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('-') || a === '-') return { bad: a };
    for (let j = 1; j < a.length; j++) {
      const f = a[j] as string;
      if (f === 'f' || f === 'v') {
        if (f === 'f') o.foreground = true;
        continue;
      }
      if (!'phcurmed'.includes(f)) return { usage: f };
      const value = a.length > j + 1 ? a.slice(j + 1) : args[++i];
      if (value === undefined) return { usage: f };
      if (f === 'h') o.home = value;
      else if (f === 'p') {
        const colon = value.lastIndexOf(':');
        o.ip = colon < 0 ? '' : value.slice(0, colon);
        o.port = Number(value.slice(colon + 1));
      } else return { bad: `-${f}` };
      break;
    }
  }
  if (!o.home.startsWith('/')) o.home = `${cwd.replace(/\/$/, '')}/${o.home}`.replace(/\/\.$/, '') || '/';
  return o;
}

/** The embedded DNS server's TCP and UDP ports in `c` (on a user network only): fixed by its start. */
export function dnsPorts(d: Daemon, c: Container): { tcp: number; udp: number } | undefined {
  const stack = netStackOf(d, c);
  if (stack === 'host' || !stack.some((i) => !findNetwork(d, i.network)?.builtin)) return undefined;
  const owner = netOwner(d, c);
  let h = 2166136261;
  for (const ch of `${owner.id}${owner.state.startedAt}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const range = 60999 - 32768 + 1;
  return { tcp: 32768 + (h % range), udp: 32768 + ((h >>> 7) % range) };
}

export type Connection =
  | { kind: 'open'; server: Container; listener: Listener }
  | { kind: 'error'; error: 'Connection refused' | 'No route to host' | 'Network is unreachable'; waitMs: number }
  | { kind: 'timeout' };

/** What a TCP connect from `c` to ip:port meets. */
export function connectTo(d: Daemon, c: Container, ip: string, port: number): Connection {
  const stack = netStackOf(d, c);
  const serverAt = (target: Container): Connection => {
    const l = listenersOf(d, target).find(
      (x) => x.port === port && (x.ip === '' || x.ip === ip || ip.startsWith('127.')),
    );
    return l ? { kind: 'open', server: netOwner(d, target), listener: l } : refused;
  };
  const refused: Connection = { kind: 'error', error: 'Connection refused', waitMs: 0 };
  if (ip.startsWith('127.')) return stack === 'host' ? refused : serverAt(c);
  if (stack === 'host') {
    const target = holder(d, ip);
    return target ? serverAt(target) : refused;
  }
  if (stack.length === 0) return { kind: 'error', error: 'Network is unreachable', waitMs: 0 };
  if (stack.some((i) => i.ip === ip)) return serverAt(c);
  for (const i of stack) {
    if (!inSubnet(ip, i.subnetBase, i.prefix)) continue;
    // The gateway is the host: nothing of the host's listens there.
    if (ip === i.gateway) return refused;
    const target = holder(d, ip, i.network);
    // ARP gets no answer: three tries a second apart.
    return target ? serverAt(target) : { kind: 'error', error: 'No route to host', waitMs: 3000 };
  }
  // Through the default route: the host's own bridges' gateways refuse; another bridge's
  // containers are behind the isolation rules, the outside is not there.
  return isHostAddress(d, ip) ? refused : { kind: 'timeout' };
}

/** The running container that holds `ip` (on `network`, if given). */
function holder(d: Daemon, ip: string, network?: string): Container | undefined {
  for (const x of d.containers.values()) {
    if (x.state.status !== 'running') continue;
    for (const [name, e] of Object.entries(x.endpoint?.nets ?? {}))
      if (e.ip === ip && (network === undefined || name === network)) return x;
  }
  return undefined;
}

function isHostAddress(d: Daemon, ip: string): boolean {
  if (ip === '172.17.0.1') return true;
  for (const c of d.containers.values())
    for (const name of Object.keys(c.endpoint?.nets ?? {})) if (findNetwork(d, name)?.gateway === ip) return true;
  return false;
}
