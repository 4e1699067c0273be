// busybox's ip (networking/ip.c) in a container: its options (-4, -0, -o, -f FAMILY), the object
// (address, route, link: abbreviations as index_in_substrings takes them) and its command; `show`
// is all that is modelled (changing an interface or a route needs CAP_NET_ADMIN, which a container
// lacks by default). And ifconfig, on the same interfaces.
import type { DockerEngine } from '../../../docker/engine/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { ifconfig, type IpShow, ipShow, linksOf } from './ip-link.js';
import { ipRouteLines, routes } from './ip-route.js';

const OBJECTS = ['address', 'route', 'link', 'tunnel', 'neigh', 'rule'];
const ADDR_COMMANDS = ['add', 'change', 'chg', 'replace', 'delete', 'list', 'flush', 'show', 'lst'];
const LINK_COMMANDS = ['add', 'delete', 'set', 'show', 'lst', 'list'];
const ROUTE_COMMANDS = ['add', 'append', 'change', 'chg', 'delete', 'get', 'list', 'show', 'prepend', 'replace'];

/** The first word of `list` that `word` begins (busybox's index_in_substrings). */
const pick = (list: readonly string[], word: string): string | undefined =>
  word === '' ? undefined : list.find((w) => w.startsWith(word));

const notHere = (ctx: CommandContext, what: string): number => {
  ctx.stderr(`${what}: not simulated here (the tutor shows a container's interfaces and routes)\n`);
  return 1;
};

const usage = (ctx: CommandContext): number => {
  ctx.stderr("Try 'ip --help' for more information.\n");
  return 1;
};

export function busyboxIp(docker: () => DockerEngine | undefined): CommandSpec {
  return {
    name: 'ip',
    summary: "show a container's interfaces and routes (busybox's ip)",
    async run(ctx) {
      const args = ctx.argv.slice(1);
      const show: IpShow = { object: 'addr', oneline: false };
      while (args[0]?.startsWith('-') && args[0] !== '-') {
        const opt = args.shift() as string;
        if (opt === '-4') show.family = 'inet';
        else if (opt === '-0') show.family = 'link';
        else if (opt === '-o' || opt === '-oneline') show.oneline = true;
        else if (opt === '-f' || opt === '-family') {
          const f = args.shift();
          if (f === 'inet') show.family = 'inet';
          else if (f === 'link') show.family = 'link';
          else return notHere(ctx, `ip ${opt} ${f ?? ''}`.trim());
        } else return notHere(ctx, `ip ${opt}`);
      }
      const object = pick(OBJECTS, args.shift() ?? '');
      if (object === undefined) return usage(ctx);
      if (!['address', 'route', 'link'].includes(object)) return notHere(ctx, `ip ${object}`);
      const commands = object === 'address' ? ADDR_COMMANDS : object === 'link' ? LINK_COMMANDS : ROUTE_COMMANDS;
      const word = args.shift();
      const command = word === undefined ? 'show' : pick(commands, word);
      if (command === undefined) {
        ctx.stderr(`ip: invalid argument '${word}' to 'ip'\n`);
        return 1;
      }
      if (!['show', 'list', 'lst'].includes(command)) return notHere(ctx, `ip ${object} ${command}`);
      const ifs = routes(ctx, docker);
      if (!ifs) return notHere(ctx, `ip ${object}`);
      if (object === 'route') {
        if (args.length) return notHere(ctx, `ip route show ${args.join(' ')}`);
        ctx.stdout(ipRouteLines(ifs));
        return 0;
      }
      while (args.length) {
        const a = args.shift() as string;
        if (a === 'up') continue;
        if (a === 'dev') {
          if (args[0] === undefined) {
            ctx.stderr('ip: command line is not complete, try "help"\n');
            return 1;
          }
          show.dev = args.shift();
        } else if (show.dev === undefined && !['to', 'scope', 'label', 'primary', 'secondary'].includes(a))
          show.dev = a;
        else return notHere(ctx, `ip ${object} show ${a}`);
      }
      const links = linksOf(ifs);
      if (show.dev !== undefined && !links.some((l) => l.name === show.dev)) {
        ctx.stderr(`ip: can't find device '${show.dev}'\n`);
        return 1;
      }
      ctx.stdout(ipShow(links, { ...show, object: object === 'link' ? 'link' : 'addr' }));
      return 0;
    },
  };
}

export function busyboxIfconfig(docker: () => DockerEngine | undefined): CommandSpec {
  return {
    name: 'ifconfig',
    summary: "show a container's interfaces (busybox's ifconfig)",
    async run(ctx) {
      const ifs = routes(ctx, docker);
      if (!ifs) return notHere(ctx, 'ifconfig');
      return ifconfig(ctx, linksOf(ifs));
    },
  };
}
