// docker volume create|inspect|ls|rm|prune, with the 20.10 CLI's outputs and error texts.
import { DaemonError } from '../../../docker/engine/index.js';
import { DOCKER_LISTS } from '../../../gotemplate/table.js';
import { printList } from './images.js';
import { printInspect } from './system.js';
import { daemonMessage, forEachRef, humanSize, type SubCommand } from './util.js';
import { filterArgs } from './filter-args.js';

export const volumeCreateCommand: SubCommand = {
  def: {
    path: 'volume create',
    usage: 'docker volume create [OPTIONS] [VOLUME]',
    summary: 'Create a volume',
    flags: [
      { long: 'driver', short: 'd', type: 'string' },
      { long: 'label', type: 'list' },
      { long: 'opt', short: 'o', type: 'list' },
      { long: 'name', type: 'string' },
    ],
    args: { max: 1 },
  },
  run(ctx, d, p) {
    const driver = p.strings.get('driver') ?? 'local';
    if (driver !== 'local')
      throw new DaemonError(
        `create ${p.operands[0] ?? ''}: error looking up volume plugin ${driver}: plugin "${driver}" not found`,
        404,
      );
    const kv = (list: readonly string[]): Record<string, string> =>
      Object.fromEntries(
        list.map((l) => {
          const eq = l.indexOf('=');
          return eq < 0 ? [l, ''] : [l.slice(0, eq), l.slice(eq + 1)];
        }),
      );
    // The daemon keeps the options as a Go map: they come back sorted.
    const opts = kv(p.lists.get('opt') ?? []);
    const options = Object.fromEntries(
      Object.keys(opts)
        .sort()
        .map((k) => [k, opts[k] as string]),
    );
    ctx.stdout(`${d.volumeCreate(p.operands[0] ?? p.strings.get('name'), kv(p.lists.get('label') ?? []), options)}\n`);
    return 0;
  },
};

export const volumeInspectCommand: SubCommand = {
  def: {
    path: 'volume inspect',
    usage: 'docker volume inspect [OPTIONS] VOLUME [VOLUME...]',
    summary: 'Display detailed information on one or more volumes',
    flags: [{ long: 'format', short: 'f', type: 'string' }],
    args: { min: 1 },
  },
  run(ctx, d, p) {
    const found: unknown[] = [];
    const missing: string[] = [];
    for (const name of p.operands) {
      try {
        found.push(d.volumeInspect(name));
      } catch (e) {
        if (!(e instanceof DaemonError && e.status === 404)) throw e;
        missing.push(name);
      }
    }
    return printInspect(ctx, p, found, missing, (r) => `Error: No such volume: ${r}`);
  },
};

export const volumeLsCommand: SubCommand = {
  def: {
    path: 'volume ls',
    usage: 'docker volume ls [OPTIONS]',
    summary: 'List volumes',
    flags: [
      { long: 'filter', short: 'f', type: 'list' },
      { long: 'format', type: 'string' },
      { long: 'quiet', short: 'q', type: 'bool' },
    ],
    args: { max: 0 },
  },
  run(ctx, d, p) {
    const keep = volumeFilter(d, p.lists.get('filter') ?? [], ['dangling', 'name', 'driver', 'label']);
    if (typeof keep === 'string') {
      ctx.stderr(`${keep}\n`);
      return 1;
    }
    const names = d.volumeNames().filter(keep);
    if (p.bools.has('quiet') && !p.strings.has('format')) {
      for (const n of names) ctx.stdout(`${n}\n`);
      return 0;
    }
    const rows = names.map((n) => {
      const v = d.volumeInspect(n);
      return {
        Name: v.Name,
        Driver: v.Driver,
        Scope: v.Scope,
        Mountpoint: v.Mountpoint,
        Labels: Object.entries(v.Labels ?? {})
          .map(([k, x]) => `${k}=${x}`)
          .join(','),
        Links: 'N/A',
        Size: 'N/A',
      };
    });
    return printList(ctx, p.strings.get('format') ?? '', rows, DOCKER_LISTS.volumes);
  },
};

export const volumeRmCommand: SubCommand = {
  def: {
    path: 'volume rm',
    usage: 'docker volume rm [OPTIONS] VOLUME [VOLUME...]',
    summary: 'Remove one or more volumes',
    flags: [{ long: 'force', short: 'f', type: 'bool' }],
    args: { min: 1 },
  },
  // The daemon refuses a volume in use whatever -f says; -f only makes a missing one no error
  // (the name is printed as if it went). The errors come together after the names, as the CLI
  // gathers them.
  run: (ctx, d, p) =>
    forEachRef(
      ctx,
      p.operands,
      (name) => {
        try {
          d.volumeRemove(name);
        } catch (e) {
          if (!(p.bools.has('force') && e instanceof DaemonError && e.status === 404)) throw e;
        }
      },
      {
        text: (e, name) =>
          e instanceof DaemonError && e.status === 404 ? `Error: No such volume: ${name}` : daemonMessage(e),
      },
    ),
};

export const volumePruneCommand: SubCommand = {
  def: {
    path: 'volume prune',
    usage: 'docker volume prune [OPTIONS]',
    summary: 'Remove all unused local volumes',
    flags: [
      { long: 'filter', type: 'list' },
      { long: 'force', short: 'f', type: 'bool' },
    ],
    args: { max: 0 },
  },
  run(ctx, d, p) {
    if (!p.bools.has('force')) {
      // The CLI asks first; a script's stdin answers nothing, which is "no".
      ctx.stdout(
        'WARNING! This will remove all local volumes not used by at ' +
          'least one container.\n' +
          'Are you sure you want to continue? [y/N] ',
      );
      const answer = new TextDecoder().decode(ctx.stdin).split('\n')[0]?.trim().toLowerCase();
      if (answer !== 'y' && answer !== 'yes') {
        ctx.stdout('Total reclaimed space: 0B\n');
        return 0;
      }
    }
    const keep = volumeFilter(d, p.lists.get('filter') ?? [], ['label', 'label!']);
    if (typeof keep === 'string') {
      ctx.stderr(`${keep}\n`);
      return 1;
    }
    const { deleted, reclaimed } = d.volumePrune(keep);
    if (deleted.length) ctx.stdout(`Deleted Volumes:\n${deleted.map((n) => `${n}\n`).join('')}\n`);
    ctx.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};

/** filters.Args.Match: an exact value, or one that matches as a regular expression. */
function matches(values: string[], source: string): boolean {
  return (
    values.length === 0 ||
    values.includes(source) ||
    values.some((v) => {
      try {
        return new RegExp(v).test(source);
      } catch {
        return false;
      }
    })
  );
}

/** filters.Args.MatchKVList: every `key` or `key=value` holds in the labels. */
export function labelsHold(values: string[], labels: Record<string, string>): boolean {
  if (values.length === 0) return true;
  if (Object.keys(labels).length === 0) return false;
  return values.every((l) => {
    const at = l.indexOf('=');
    const k = at < 0 ? l : l.slice(0, at);
    return Object.hasOwn(labels, k) && (at < 0 || labels[k] === l.slice(at + 1));
  });
}

/** volume/service's filtersToBy: which volumes the filters keep, or the daemon's error line. */
export function volumeFilter(
  d: Parameters<SubCommand['run']>[1],
  specs: readonly string[],
  accepted: string[],
): ((name: string) => boolean) | string {
  const by = filterArgs(specs);
  if (typeof by === 'string') return by;
  for (const key of by.keys())
    if (!accepted.includes(key)) return `Error response from daemon: Invalid filter '${key}'`;
  const values = (key: string): string[] => by.get(key) ?? [];
  let dangling: boolean | undefined;
  if (by.has('dangling')) {
    const v = values('dangling');
    if (v.includes('true') || v.includes('1')) dangling = true;
    else if (v.includes('false') || v.includes('0')) dangling = false;
    else return `Error response from daemon: Invalid filter 'dangling=[${v.join(' ')}]'`;
  }
  return (name) => {
    const labels = d.volumeInspect(name).Labels ?? {};
    if (by.has('driver') && !values('driver').includes('local')) return false;
    if (!matches(values('name'), name)) return false;
    if (!labelsHold(values('label'), labels)) return false;
    if (by.has('label!') && labelsHold(values('label!'), labels)) return false;
    if (dangling !== undefined && (d.volumeUsers(name).length === 0) !== dangling) return false;
    return true;
  };
}
