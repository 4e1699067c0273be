// busybox's `ip route` and `route -n` in a container (networking/libiproute, networking/route.c):
// the default route by the gateway of the interface that has it, then each interface's subnet, from
// the container's network as the engine describes it (container-net.ts). route's name lookups
// are not modelled. (`ip` itself, with addr and link, is ip-command.ts.)
import { type DockerEngine, type NetInterface, netStackOf } from '../../../docker/engine/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { containerOf } from './net-lookup.js';

/** An address as a number, to order routes by destination. */
export const key = (ip: string): number => ip.split('.').reduce((n, b) => n * 256 + Number(b), 0);
/** A prefix length as a netmask. */
export const mask = (prefix: number): string =>
  [0, 1, 2, 3].map((i) => 256 - 2 ** (8 - Math.max(0, Math.min(8, prefix - i * 8)))).join('.');

/** The routes: the default one (if any), then the subnets by destination. */
export function routes(ctx: CommandContext, docker: () => DockerEngine | undefined): NetInterface[] | undefined {
  const where = containerOf(ctx, docker);
  if (!where) return undefined;
  const stack = netStackOf(where.d, where.c);
  return stack === 'host' ? undefined : stack;
}

const notHere = (ctx: CommandContext, what: string): number => {
  ctx.stderr(`${what}: not simulated here (the tutor models a container's own routes)\n`);
  return 1;
};

/** `ip route`'s lines. */
export function ipRouteLines(ifs: readonly NetInterface[]): string {
  const gw = ifs.find((i) => i.defaultRoute);
  let out = gw?.gateway ? `default via ${gw.gateway} dev ${gw.name} \n` : '';
  for (const i of [...ifs].sort((a, b) => key(a.subnetBase) - key(b.subnetBase)))
    out += `${i.subnetBase}/${i.prefix} dev ${i.name} scope link  src ${i.ip} \n`;
  return out;
}

export function busyboxRoute(docker: () => DockerEngine | undefined): CommandSpec {
  return {
    name: 'route',
    summary: "show a container's routes (busybox's route -n)",
    async run(ctx) {
      const args = ctx.argv.slice(1);
      if (args.join(' ') !== '-n') return notHere(ctx, `route ${args.join(' ')}`.trim());
      const ifs = routes(ctx, docker);
      if (!ifs) return notHere(ctx, 'route');
      const row = (dest: string, gw: string, m: string, flags: string, dev: string): string =>
        `${dest.padEnd(15)} ${gw.padEnd(15)} ${m.padEnd(15)} ${flags.padEnd(5)} 0      0        0 ${dev}\n`;
      let out =
        'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
      const gw = ifs.find((i) => i.defaultRoute);
      if (gw?.gateway) out += row('0.0.0.0', gw.gateway, '0.0.0.0', 'UG', gw.name);
      for (const i of [...ifs].sort((a, b) => key(a.subnetBase) - key(b.subnetBase)))
        out += row(i.subnetBase, '0.0.0.0', mask(i.prefix), 'U', i.name);
      ctx.stdout(out);
      return 0;
    },
  };
}
