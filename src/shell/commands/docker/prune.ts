// docker container prune, image prune [-a] and system prune [-a], with the 20.10 CLI's prompts
// and reports (sizes in go-units HumanSize: four significant digits, 1.982MB).
import { DaemonError, type DockerEngine, type PruneFilter } from '../../../docker/engine/index.js';
import type { CommandContext } from '../../command.js';
import { logTime } from './containers.js';
import { filterArgs } from './filter-args.js';
import type { Parsed } from './flags.js';
import { networksReport } from './networks.js';
import { labelsHold, volumeFilter } from './volumes.js';
import { humanSize, type SubCommand } from './util.js';

const PRUNE_FLAGS = [
  { long: 'filter', type: 'list' as const },
  { long: 'force', short: 'f', type: 'bool' as const },
];

/** The CLI's confirmation: without -f it asks, and anything but y/yes (an empty stdin too) is no. */
function confirmed(ctx: CommandContext, force: boolean, warning: string): boolean {
  if (force) return true;
  ctx.stdout(`WARNING! ${warning}\nAre you sure you want to continue? [y/N] `);
  const answer = new TextDecoder().decode(ctx.stdin).split('\n')[0]?.trim().toLowerCase();
  return answer === 'y' || answer === 'yes';
}

function declined(ctx: CommandContext): number {
  ctx.stdout('Total reclaimed space: 0B\n');
  return 0;
}

/**
 * The daemon's reading of a prune's --filter (moby's pruneFilters.Validate, getUntilFromPruneFilters,
 * matchLabels), throwing its errors as the daemon's. `accepted` are the names this prune takes.
 */
function pruneFilter(d: DockerEngine, by: Map<string, string[]>, accepted: readonly string[]): PruneFilter {
  for (const name of by.keys()) if (!accepted.includes(name)) throw new DaemonError(`Invalid filter '${name}'`, 400);
  const f: PruneFilter = {};
  const until = by.get('until');
  if (until) {
    if (until.length > 1) throw new DaemonError('more than one until filter specified', 400);
    const t = logTime(until[0] ?? '', d.clock.now());
    if (t === undefined) throw new DaemonError(`failed to parse value as time or duration: "${until[0]}"`, 400);
    f.until = t;
  }
  const label = by.get('label');
  const notLabel = by.get('label!');
  if (label || notLabel) f.labels = (l) => labelsHold(label ?? [], l) && !(notLabel && labelsHold(notLabel, l));
  return f;
}

/** The --filter specs as the CLI reads them, or its error line. */
function filtersOf(p: Parsed): Map<string, string[]> | string {
  // prune's -f is --force: the flag is named alone.
  const by = filterArgs(p.lists.get('filter') ?? []);
  return typeof by === 'string' ? by.replace('"-f, --filter"', '"--filter"') : by;
}

/** image prune's dangling filter (the CLI adds dangling=!all): false or 0 given anywhere prunes
 * every unused image; values among which none is true/1/false/0 are refused. */
function danglingOnly(by: Map<string, string[]>): boolean {
  const v = by.get('dangling') ?? [];
  if (v.includes('false') || v.includes('0')) return false;
  if (!v.some((x) => x === 'true' || x === '1'))
    throw new DaemonError(`Invalid filter 'dangling=[${v.join(' ')}]'`, 400);
  return true;
}

const CONTAINER_FILTERS = ['label', 'label!', 'until'];
const IMAGE_FILTERS = ['dangling', 'label', 'label!', 'until'];

const containersReport = (ids: string[]): string =>
  ids.length ? `Deleted Containers:\n${ids.map((id) => `${id}\n`).join('')}\n` : '';

const imagesReport = (items: { Untagged?: string; Deleted?: string }[]): string =>
  items.length
    ? 'Deleted Images:\n' +
      `${items.map((i) => (i.Untagged ? `untagged: ${i.Untagged}\n` : `deleted: ${i.Deleted}\n`)).join('')}` +
      '\n'
    : '';

export const containerPruneCommand: SubCommand = {
  def: {
    path: 'container prune',
    usage: 'docker container prune [OPTIONS]',
    summary: 'Remove all stopped containers',
    flags: PRUNE_FLAGS,
    args: { max: 0 },
  },
  run(ctx, d, p) {
    // Declined, the 20.10 CLI still reports what it freed: nothing.
    const by = filtersOf(p);
    if (typeof by === 'string') {
      ctx.stderr(`${by}\nSee 'docker container prune --help'.\n`);
      return 125;
    }
    if (!confirmed(ctx, p.bools.has('force'), 'This will remove all stopped containers.')) return declined(ctx);
    const r = d.containerPrune(pruneFilter(d, by, CONTAINER_FILTERS));
    ctx.stdout(`${containersReport(r.deleted)}Total reclaimed space: ${humanSize(r.reclaimed, 4)}\n`);
    return 0;
  },
};

export const imagePruneCommand: SubCommand = {
  def: {
    path: 'image prune',
    usage: 'docker image prune [OPTIONS]',
    summary: 'Remove unused images',
    flags: [{ long: 'all', short: 'a', type: 'bool' }, ...PRUNE_FLAGS],
    args: { max: 0 },
  },
  run(ctx, d, p) {
    const all = p.bools.has('all');
    const warning = all
      ? 'This will remove all images without at least one container associated to them.'
      : 'This will remove all dangling images.';
    const by = filtersOf(p);
    if (typeof by === 'string') {
      ctx.stderr(`${by}\nSee 'docker image prune --help'.\n`);
      return 125;
    }
    if (!confirmed(ctx, p.bools.has('force'), warning)) return declined(ctx);
    by.set('dangling', [...(by.get('dangling') ?? []), String(!all)]);
    const r = d.imagePrune(!danglingOnly(by), pruneFilter(d, by, IMAGE_FILTERS));
    ctx.stdout(`${imagesReport(r.deleted)}Total reclaimed space: ${humanSize(r.reclaimed, 4)}\n`);
    return 0;
  },
};

export const systemPruneCommand: SubCommand = {
  def: {
    path: 'system prune',
    usage: 'docker system prune [OPTIONS]',
    summary: 'Remove unused data',
    flags: [{ long: 'all', short: 'a', type: 'bool' }, ...PRUNE_FLAGS, { long: 'volumes', type: 'bool' }],
    args: { max: 0 },
  },
  run(ctx, d, p) {
    const all = p.bools.has('all');
    const volumes = p.bools.has('volumes');
    const warning = [
      'This will remove:',
      '  - all stopped containers',
      '  - all networks not used by at least one container',
      ...(volumes ? ['  - all volumes not used by at least one container'] : []),
      all ? '  - all images without at least one container associated to them' : '  - all dangling images',
      all ? '  - all build cache' : '  - all dangling build cache',
      '',
    ].join('\n');
    const by = filtersOf(p);
    if (typeof by === 'string') {
      ctx.stderr(`${by}\nSee 'docker system prune --help'.\n`);
      return 125;
    }
    if (volumes && by.has('until')) {
      ctx.stderr('ERROR: The "until" filter is not supported with "--volumes"\n');
      return 1;
    }
    if (!confirmed(ctx, p.bools.has('force'), warning)) return 0;
    const c = d.containerPrune(pruneFilter(d, by, CONTAINER_FILTERS));
    let out = containersReport(c.deleted) + networksReport(d.networkPrune());
    let total = c.reclaimed;
    if (volumes) {
      const keep = volumeFilter(d, p.lists.get('filter') ?? [], ['label', 'label!']);
      if (typeof keep === 'string') {
        ctx.stderr(`${keep}\n`);
        return 1;
      }
      const v = d.volumePrune(keep);
      if (v.deleted.length) out += `Deleted Volumes:\n${v.deleted.map((n) => `${n}\n`).join('')}\n`;
      total += v.reclaimed;
    }
    by.set('dangling', [...(by.get('dangling') ?? []), String(!all)]);
    const i = d.imagePrune(!danglingOnly(by), pruneFilter(d, by, IMAGE_FILTERS));
    out += imagesReport(i.deleted);
    total += i.reclaimed;
    ctx.stdout(`${out}Total reclaimed space: ${humanSize(total, 4)}\n`);
    return 0;
  },
};
