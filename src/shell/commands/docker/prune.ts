// docker container prune, image prune [-a] and system prune [-a], with the 20.10 CLI's prompts
// and reports (sizes in go-units HumanSize: four significant digits, 1.982MB).
import type { CommandContext } from '../../command.js';
import { networksReport } from './networks.js';
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
    if (!confirmed(ctx, p.bools.has('force'), 'This will remove all stopped containers.')) return declined(ctx);
    const r = d.containerPrune();
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
    if (!confirmed(ctx, p.bools.has('force'), warning)) return declined(ctx);
    const r = d.imagePrune(all);
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
    if (!confirmed(ctx, p.bools.has('force'), warning)) return 0;
    const c = d.containerPrune();
    let out = containersReport(c.deleted) + networksReport(d.networkPrune());
    let total = c.reclaimed;
    if (volumes) {
      const v = d.volumePrune();
      if (v.deleted.length) out += `Deleted Volumes:\n${v.deleted.map((n) => `${n}\n`).join('')}\n`;
      total += v.reclaimed;
    }
    const i = d.imagePrune(all);
    out += imagesReport(i.deleted);
    total += i.reclaimed;
    ctx.stdout(`${out}Total reclaimed space: ${humanSize(total, 4)}\n`);
    return 0;
  },
};
