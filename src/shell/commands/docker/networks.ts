// docker network ls|inspect|create|rm|connect|disconnect|prune, with the 20.10 CLI's outputs, its
// own checks (IPAM flags) and the daemon's error texts.
import { createdAtText, DaemonError, type DockerEngine, type Network } from '../../../docker/engine/index.js';
import { goStruct } from '../../../gotemplate/index.js';
import { DOCKER_LISTS } from '../../../gotemplate/table.js';
import type { CommandContext } from '../../command.js';
import { filterArgs } from './filter-args.js';
import { printList } from './images.js';
import { printInspect } from './system.js';
import { daemonMessage, type SubCommand } from './util.js';

/** filters.Args.Match: an exact value or a match as a regular expression. */
function matches(values: readonly string[], source: string): boolean {
  return values.some((v) => {
    if (v === source) return true;
    try {
      return new RegExp(v).test(source);
    } catch {
      return false;
    }
  });
}

/** The daemon's network filters (driver, id, label, name, scope, type, dangling), or its error line. */
export function networkFilter(
  d: DockerEngine,
  specs: readonly string[],
  accepted = ['driver', 'id', 'label', 'name', 'scope', 'type', 'dangling'],
): ((n: Network) => boolean) | string {
  const by = filterArgs(specs);
  if (typeof by === 'string') return by;
  for (const key of by.keys())
    if (!accepted.includes(key)) return `Error response from daemon: Invalid filter '${key}'`;
  for (const t of by.get('type') ?? [])
    if (t !== 'custom' && t !== 'builtin') return `Error response from daemon: invalid filter: 'type'='${t}'`;
  const has = (key: string): string[] | undefined => by.get(key);
  return (n) => {
    const driver = has('driver');
    if (driver && !matches(driver, n.driver)) return false;
    const name = has('name');
    if (name && !matches(name, n.name)) return false;
    const id = has('id');
    if (id && !id.some((x) => n.id.startsWith(x))) return false;
    const scope = has('scope');
    if (scope && !scope.includes('local')) return false;
    const type = has('type');
    if (type && !type.includes(n.builtin ? 'builtin' : 'custom')) return false;
    const dangling = has('dangling');
    if (dangling) {
      const unused = !n.builtin && d.networkContainers(n).length === 0;
      if (!dangling.some((v) => ['true', '1'].includes(v) === unused)) return false;
    }
    for (const l of [...(has('label') ?? []), ...(has('label!') ?? []).map((x) => `!${x}`)]) {
      const negate = l.startsWith('!');
      const spec = negate ? l.slice(1) : l;
      const at = spec.indexOf('=');
      const k = at < 0 ? spec : spec.slice(0, at);
      const holds = Object.hasOwn(n.labels, k) && (at < 0 || n.labels[k] === spec.slice(at + 1));
      if (holds === negate) return false;
    }
    return true;
  };
}

export const networkLsCommand: SubCommand = {
  def: {
    path: 'network ls',
    usage: 'docker network ls [OPTIONS]',
    summary: 'List networks',
    flags: [
      { long: 'filter', short: 'f', type: 'list' },
      { long: 'format', type: 'string' },
      { long: 'no-trunc', type: 'bool' },
      { long: 'quiet', short: 'q', type: 'bool' },
    ],
    args: { none: true },
  },
  run(ctx, d, p) {
    const keep = networkFilter(d, p.lists.get('filter') ?? []);
    if (typeof keep === 'string') {
      // A spec without '=' is the flag's own error (cobra's, with its See line and 125).
      if (!keep.startsWith('Error response')) {
        ctx.stderr(`${keep}\nSee 'docker network ls --help'.\n`);
        return 125;
      }
      ctx.stderr(`${keep}\n`);
      return 1;
    }
    const nets = d.networks().filter(keep);
    const id = (n: Network): string => (p.bools.has('no-trunc') ? n.id : n.id.slice(0, 12));
    if (p.bools.has('quiet') && !p.strings.has('format')) {
      for (const n of nets) ctx.stdout(`${id(n)}\n`);
      return 0;
    }
    const rows = nets.map((n) =>
      goStruct(
        DOCKER_LISTS.networks.rowType,
        {
          CreatedAt: createdAtText(n),
          Driver: n.driver,
          ID: id(n),
          IPv6: 'false',
          Internal: String(n.internal),
          Labels: Object.entries(n.labels)
            .map(([k, v]) => `${k}=${v}`)
            .join(','),
          Name: n.name,
          Scope: 'local',
        },
        // networkContext.Label: one label's value, '' when the network has none of that name.
        { jsonAsMap: true, methods: { Label: { params: ['string'], fn: (k: string) => n.labels[k] ?? '' } } },
      ),
    );
    return printList(ctx, p.strings.get('format') ?? '', rows, DOCKER_LISTS.networks);
  },
};

export const networkInspectCommand: SubCommand = {
  def: {
    path: 'network inspect',
    usage: 'docker network inspect [OPTIONS] NETWORK [NETWORK...]',
    summary: 'Display detailed information on one or more networks',
    flags: [
      { long: 'format', short: 'f', type: 'string' },
      { long: 'verbose', short: 'v', type: 'bool' },
    ],
    args: { min: 1 },
  },
  run(ctx, d, p) {
    const found: unknown[] = [];
    const missing: string[] = [];
    for (const ref of p.operands) {
      const n = d.findNetwork(ref);
      if (n) found.push(d.networkInspect(n));
      else missing.push(ref);
    }
    return printInspect(ctx, p, found, missing, (r) => `Error: No such network: ${r}`);
  },
};

/** opts.ConvertKVStringsToMap: "k=v" and "k" (with ""). */
function kv(list: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    list.map((l) => {
      const eq = l.indexOf('=');
      return eq < 0 ? [l, ''] : [l.slice(0, eq), l.slice(eq + 1)];
    }),
  );
}

/** consolidateIpam: each --gateway and --ip-range needs a --subnet holding it (the CLI checks). */
function ipamError(subnets: string[], ranges: string[], gateways: string[]): string | undefined {
  if (subnets.length < ranges.length || subnets.length < gateways.length)
    return 'every ip-range or gateway must have a corresponding subnet';
  if (subnets.length > 1) return 'docker network create: more than one --subnet is not simulated here';
  const inside = (cidr: string, ip: string): boolean => {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
    const a = /^(\d+)\.(\d+)\.(\d+)\.(\d+)/.exec(ip);
    if (!m || !a) return false;
    const num = (x: RegExpExecArray) => ((Number(x[1]) * 256 + Number(x[2])) * 256 + Number(x[3])) * 256 + Number(x[4]);
    const size = 2 ** (32 - Number(m[5]));
    return Math.floor(num(a) / size) === Math.floor(num(m) / size);
  };
  for (const r of ranges) if (!subnets.some((s) => inside(s, r))) return `no matching subnet for range ${r}`;
  for (const g of gateways) if (!subnets.some((s) => inside(s, g))) return `no matching subnet for gateway ${g}`;
  return undefined;
}

export const networkCreateCommand: SubCommand = {
  def: {
    path: 'network create',
    usage: 'docker network create [OPTIONS] NETWORK',
    summary: 'Create a network',
    flags: [
      { long: 'driver', short: 'd', type: 'string' },
      { long: 'subnet', type: 'list' },
      { long: 'gateway', type: 'list' },
      { long: 'ip-range', type: 'list' },
      { long: 'label', type: 'list' },
      { long: 'opt', short: 'o', type: 'list' },
      { long: 'internal', type: 'bool' },
      { long: 'attachable', type: 'bool' },
      { long: 'ipv6', type: 'bool' },
    ],
    args: { exact: 1 },
  },
  run(ctx, d, p) {
    if (p.bools.has('ipv6')) {
      // A 20.10 daemon has no default IPv6 pool: --ipv6 needs an IPv6 --subnet, and what that
      // gives a container (its inet6 addresses, hosts lines) is not modelled.
      if (!(p.lists.get('subnet') ?? []).some((s) => s.includes(':')))
        throw new DaemonError(
          'could not find an available, non-overlapping IPv6 address pool among the defaults to assign to the network',
          400,
        );
      ctx.stderr('docker network create --ipv6 with an IPv6 subnet: not simulated here (IPv4 networks are)\n');
      return 1;
    }
    const subnets = p.lists.get('subnet') ?? [];
    const ranges = p.lists.get('ip-range') ?? [];
    const gateways = p.lists.get('gateway') ?? [];
    const bad = ipamError(subnets, ranges, gateways);
    if (bad) {
      ctx.stderr(`${bad}\n`);
      return 1;
    }
    const driver = p.strings.get('driver') ?? 'bridge';
    if (driver === 'macvlan' || driver === 'ipvlan') {
      // Built into a 20.10 daemon, but what they make depends on the host's own interfaces.
      ctx.stderr(`docker network create -d ${driver}: not simulated here (the bridge driver is)\n`);
      return 1;
    }
    const opts = kv(p.lists.get('opt') ?? []);
    const labels = kv(p.lists.get('label') ?? []);
    const sorted = (m: Record<string, string>) =>
      Object.fromEntries(
        Object.keys(m)
          .sort()
          .map((k) => [k, m[k] as string]),
      );
    const n = d.networkCreate({
      name: p.operands[0] as string,
      driver,
      ...(subnets[0] !== undefined ? { subnet: subnets[0] } : {}),
      ...(gateways[0] !== undefined ? { gateway: gateways[0] } : {}),
      ...(ranges[0] !== undefined ? { ipRange: ranges[0] } : {}),
      internal: p.bools.has('internal'),
      attachable: p.bools.has('attachable'),
      options: sorted(opts),
      labels: sorted(labels),
    });
    ctx.stdout(`${n.id}\n`);
    return 0;
  },
};

export const networkRmCommand: SubCommand = {
  def: {
    path: 'network rm',
    usage: 'docker network rm NETWORK [NETWORK...]',
    summary: 'Remove one or more networks',
    flags: [],
    args: { min: 1 },
  },
  // Each error is printed where it happens (the CLI's loop), the status 1 at the end.
  run(ctx, d, p) {
    let failed = false;
    for (const ref of p.operands) {
      try {
        d.networkRemove(ref);
        ctx.stdout(`${ref}\n`);
      } catch (e) {
        failed = true;
        ctx.stderr(
          e instanceof DaemonError && e.status === 404 ? `Error: No such network: ${ref}\n` : `${daemonMessage(e)}\n`,
        );
      }
    }
    return failed ? 1 : 0;
  },
};

export const networkConnectCommand: SubCommand = {
  def: {
    path: 'network connect',
    usage: 'docker network connect [OPTIONS] NETWORK CONTAINER',
    summary: 'Connect a container to a network',
    flags: [
      { long: 'alias', type: 'list' },
      { long: 'ip', type: 'string' },
    ],
    args: { exact: 2 },
  },
  run(_ctx, d, p) {
    const ip = p.strings.get('ip');
    d.networkConnect(p.operands[0] as string, p.operands[1] as string, {
      aliases: p.lists.get('alias') ?? [],
      ...(ip !== undefined ? { ip } : {}),
    });
    return 0;
  },
};

export const networkDisconnectCommand: SubCommand = {
  def: {
    path: 'network disconnect',
    usage: 'docker network disconnect [OPTIONS] NETWORK CONTAINER',
    summary: 'Disconnect a container from a network',
    flags: [{ long: 'force', short: 'f', type: 'bool' }],
    args: { exact: 2 },
  },
  run(_ctx, d, p) {
    d.networkDisconnect(p.operands[0] as string, p.operands[1] as string, p.bools.has('force'));
    return 0;
  },
};

/** What network prune prints: the names removed under "Deleted Networks:" ('' when none). */
export function networksReport(names: readonly string[]): string {
  return names.length ? `Deleted Networks:\n${names.map((n) => `${n}\n`).join('')}\n` : '';
}

export const networkPruneCommand: SubCommand = {
  def: {
    path: 'network prune',
    usage: 'docker network prune [OPTIONS]',
    summary: 'Remove all unused networks',
    flags: [
      { long: 'filter', type: 'list' },
      { long: 'force', short: 'f', type: 'bool' },
    ],
    args: { none: true },
  },
  run(ctx: CommandContext, d, p) {
    if (!p.bools.has('force')) {
      // The CLI asks first; a script's stdin answers nothing, which is "no", and then prints nothing.
      ctx.stdout(
        'WARNING! This will remove all custom networks not used by at least one container.\n' +
          'Are you sure you want to continue? [y/N] ',
      );
      const answer = new TextDecoder().decode(ctx.stdin).split('\n')[0]?.trim().toLowerCase();
      if (answer !== 'y' && answer !== 'yes') return 0;
    }
    if ((p.lists.get('filter') ?? []).some((f) => f.startsWith('until='))) {
      ctx.stderr('docker network prune --filter until=…: not simulated here (label filters are)\n');
      return 1;
    }
    const keep = networkFilter(d, p.lists.get('filter') ?? [], ['label', 'label!']);
    if (typeof keep === 'string') {
      ctx.stderr(`${keep}\n`);
      return 1;
    }
    ctx.stdout(networksReport(d.networkPrune(keep)));
    return 0;
  },
};
