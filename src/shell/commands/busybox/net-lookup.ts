// How a program in a container finds an address for a name, as busybox's static build (glibc's
// resolver) does: /etc/hosts first, then the name server of /etc/resolv.conf — Docker's embedded
// DNS server on a user-defined network (engine/container-net.ts answers it), the host's resolvers
// otherwise, which the simulated machine cannot reach: the query times out (5 s, two tries for a
// lookup by getaddrinfo, one for nslookup), as on the CI machine the conformance scripts run on.
import {
  type Container,
  type DockerEngine,
  EMBEDDED_DNS,
  embeddedLookup,
  embeddedReverse,
  netStackOf,
} from '../../../docker/engine/index.js';
import type { CommandContext } from '../../command.js';

const dec = new TextDecoder();

export const isIPv4 = (s: string): boolean =>
  /^\d{1,3}(\.\d{1,3}){3}$/.test(s) && s.split('.').every((b) => Number(b) <= 255);

function readText(ctx: CommandContext, path: string): string {
  try {
    return dec.decode(ctx.proc.readFile(path));
  } catch {
    return '';
  }
}

/** /etc/hosts' IPv4 line for `name`: its address and its names (the first the canonical one). */
export function hostsEntry(ctx: CommandContext, name: string): { ip: string; names: string[] } | undefined {
  const q = name.toLowerCase();
  for (const line of readText(ctx, '/etc/hosts').split('\n')) {
    const [ip, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!ip || !isIPv4(ip)) continue;
    if (names.some((n) => n.toLowerCase() === q)) return { ip, names };
  }
  return undefined;
}

/** The name servers /etc/resolv.conf lists. */
export function nameServers(ctx: CommandContext): string[] {
  return [...readText(ctx, '/etc/resolv.conf').matchAll(/^\s*nameserver\s+(\S+)/gm)].map((m) => m[1] as string);
}

/** The container the command runs in (running), and its daemon. */
export function containerOf(
  ctx: CommandContext,
  docker: () => DockerEngine | undefined,
): { d: DockerEngine; c: Container } | undefined {
  const d = docker();
  if (!d || ctx.proc.root === '/') return undefined;
  const c = [...d.containers.values()].find((x) => x.state.status === 'running' && d.mergedDir(x) === ctx.proc.root);
  return c ? { d, c } : undefined;
}

/** What a DNS query to `server` gets: an address (or a name, for PTR), none (the server answered
 * with nothing), a timeout, or no route to the server. */
export type DnsAnswer =
  | { kind: 'answer'; value: string }
  | { kind: 'empty' }
  | { kind: 'timeout' }
  | { kind: 'unreachable' };

export function dnsQuery(
  where: { d: DockerEngine; c: Container } | undefined,
  server: string | undefined,
  name: string,
  type: 'a' | 'aaaa' | 'ptr',
): DnsAnswer {
  if (!where || server === undefined) return { kind: 'timeout' };
  const stack = netStackOf(where.d, where.c);
  if (stack !== 'host' && stack.length === 0 && !server.startsWith('127.')) return { kind: 'unreachable' };
  if (server !== EMBEDDED_DNS) return { kind: 'timeout' };
  if (type === 'ptr') {
    const ip = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.?$/i.exec(name)?.slice(1, 5).reverse().join('.');
    const found = ip ? embeddedReverse(where.d, where.c, ip) : undefined;
    return found ? { kind: 'answer', value: found } : { kind: 'timeout' };
  }
  const ip = embeddedLookup(where.d, where.c, name);
  if (!ip) return { kind: 'timeout' };
  return type === 'a' ? { kind: 'answer', value: ip } : { kind: 'empty' };
}

/** getaddrinfo's IPv4 address for `name` (an address as given stays itself); undefined when it
 * cannot be found, after the time the lookup took (ms) is added to the host's clock. */
export function resolveHost(
  ctx: CommandContext,
  where: { d: DockerEngine; c: Container } | undefined,
  name: string,
): string | undefined {
  if (isIPv4(name)) return name;
  const entry = hostsEntry(ctx, name);
  if (entry) return entry.ip;
  const server = nameServers(ctx)[0];
  const answer = dnsQuery(where, server, name, 'a');
  if (answer.kind === 'answer') return answer.value;
  // Two tries of 5 s each at the server that does not answer (none at all without a route).
  if (answer.kind === 'timeout') advanceClock(ctx, 10_000);
  return undefined;
}

/** Moves the host's clock on, as sleep does (no real waiting). */
export function advanceClock(ctx: CommandContext, ms: number): void {
  (ctx.proc.kernel.clock as { advance?: (ms: number) => void }).advance?.(ms);
}
