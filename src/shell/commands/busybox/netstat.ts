// busybox's netstat (networking/netstat.c) in a container: the sockets of the container's
// namespace as /proc/net/{tcp,tcp6,udp,udp6,raw,raw6,unix} list them — the embedded DNS server's
// TCP and UDP listeners at 127.0.0.11 on a user network, then httpd's (":::PORT", IPv6 with IPv4
// mapped, or its -p address) — and -r's routing table. Without -n the addresses stay numbers all
// the same: none of these has a name (no PTR for 127.0.0.11, no /etc/services in the image).
// Connections a server has closed (TIME_WAIT, a minute long) are not kept.
import { type DockerEngine, dnsPorts, listenersOf } from '../../../docker/engine/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { key, mask, routes } from './ip-route.js';

const row = (proto: string, local: string, foreign: string, state: string): string =>
  `${proto.padEnd(5)}      0      0 ${local.padEnd(23)} ${foreign.padEnd(23)} ${state.padEnd(12)}\n`;

function routeTable(ctx: CommandContext, docker: () => DockerEngine | undefined, numeric: boolean): string {
  const ifs = routes(ctx, docker) ?? [];
  const line = (dest: string, gw: string, m: string, flags: string, dev: string): string =>
    `${dest.padEnd(15)} ${gw.padEnd(15)} ${m.padEnd(15)} ${flags.padEnd(5)}     0 0          0 ${dev}\n`;
  let out = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n';
  const gw = ifs.find((i) => i.defaultRoute);
  if (gw?.gateway) out += line(numeric ? '0.0.0.0' : 'default', gw.gateway, '0.0.0.0', 'UG', gw.name);
  for (const i of [...ifs].sort((a, b) => key(a.subnetBase) - key(b.subnetBase)))
    out += line(i.subnetBase, numeric ? '0.0.0.0' : '*', mask(i.prefix), 'U', i.name);
  return out;
}

export function busyboxNetstat(docker: () => DockerEngine | undefined): CommandSpec {
  return {
    name: 'netstat',
    summary: "show a container's sockets (busybox's netstat)",
    async run(ctx) {
      const flags = new Set<string>();
      for (const a of ctx.argv.slice(1)) {
        if (!a.startsWith('-') || a === '-') {
          ctx.stderr(`netstat: ${a}: not simulated here (netstat's options are)\n`);
          return 1;
        }
        for (const f of a.slice(1)) {
          if (!'raltuwxenW'.includes(f)) {
            ctx.stderr(`netstat: invalid option -- '${f}'\nTry 'netstat --help' for more information.\n`);
            return 1;
          }
          flags.add(f);
        }
      }
      const where = routes(ctx, docker);
      const d = docker();
      const c =
        d && [...d.containers.values()].find((x) => x.state.status === 'running' && d.mergedDir(x) === ctx.proc.root);
      if (!where || !d || !c) {
        ctx.stderr('netstat: not simulated here (the tutor shows the sockets in a container)\n');
        return 1;
      }
      if (flags.has('r')) {
        ctx.stdout(routeTable(ctx, docker, flags.has('n')));
        return 0;
      }
      if (flags.has('e')) {
        ctx.stderr('netstat -e: not simulated here (netstat without it is)\n');
        return 1;
      }
      const servers = flags.has('l') || flags.has('a');
      const kind = flags.has('a') ? '(servers and established)' : flags.has('l') ? '(only servers)' : '(w/o servers)';
      const any = !['t', 'u', 'w', 'x'].some((f) => flags.has(f));
      const inet = any || flags.has('t') || flags.has('u') || flags.has('w');
      let out = '';
      if (inet) {
        out += `Active Internet connections ${kind}\n`;
        out += 'Proto Recv-Q Send-Q Local Address           Foreign Address         State       \n';
        const dns = servers ? dnsPorts(d, c) : undefined;
        if (any || flags.has('t')) {
          if (dns) out += row('tcp', `127.0.0.11:${dns.tcp}`, '0.0.0.0:*', 'LISTEN');
          if (servers)
            for (const l of listenersOf(d, c)) {
              if (l.ip) out += row('tcp', `${l.ip}:${l.port}`, '0.0.0.0:*', 'LISTEN');
              else out += row('tcp', `:::${l.port}`, ':::*', 'LISTEN');
            }
        }
        if ((any || flags.has('u')) && dns) out += row('udp', `127.0.0.11:${dns.udp}`, '0.0.0.0:*', '');
      }
      if (any || flags.has('x')) {
        out += `Active UNIX domain sockets ${kind}\nProto RefCnt Flags       Type       State         I-Node Path\n`;
      }
      ctx.stdout(out);
      return 0;
    },
  };
}
