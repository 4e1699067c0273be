// docker system df [-v] [--format]: what the daemon's GET /system/df answers (engine views.ts),
// summed up as the 20.10 CLI's formatter/disk_usage.go does. An image's space is reclaimable
// unless a container uses it, and then only its unique part counts as used: a layer that a used
// image shares with an unused one is reclaimable (1.982MB (99%)).
import type { DiskUsage, DockerEngine } from '../../../docker/engine/index.js';
import { GoTemplate, goSlice, goStruct } from '../../../gotemplate/index.js';
import { DOCKER_LISTS, dockerTemplateString, formatDockerList, tabwrite } from '../../../gotemplate/table.js';
import type { CommandContext } from '../../command.js';
import { imageColumn, statusText } from './containers.js';
import { ellipsis, goTimeString, humanDuration, humanSize, type SubCommand } from './util.js';

/** "<size> (<pct>%)" with Go's integer division, or the size alone when the total is 0. */
function reclaimable(part: number, total: number): string {
  return total > 0 ? `${humanSize(part)} (${Math.trunc((part * 100) / total)}%)` : humanSize(part);
}

const ACTIVE_STATES = ['running', 'paused', 'restarting'];

/** The four rows: images, containers, local volumes, build cache (none here). */
function summaryRows(u: DiskUsage): Record<string, string>[] {
  const usedImages = u.images.filter((i) => i.containers > 0);
  const usedBytes = usedImages.reduce((n, i) => n + i.size - i.sharedSize, 0);
  const isActive = (c: DiskUsage['containers'][number]): boolean =>
    ACTIVE_STATES.includes(c.container.state.paused ? 'paused' : c.container.state.status);
  const cTotal = u.containers.reduce((n, c) => n + c.sizeRw, 0);
  const cIdle = u.containers.filter((c) => !isActive(c)).reduce((n, c) => n + c.sizeRw, 0);
  const vTotal = u.volumes.reduce((n, v) => n + v.size, 0);
  const vIdle = u.volumes.filter((v) => v.refCount === 0).reduce((n, v) => n + v.size, 0);
  return [
    {
      Type: 'Images',
      TotalCount: String(u.images.length),
      Active: String(usedImages.length),
      Size: humanSize(u.layersSize),
      Reclaimable: reclaimable(u.layersSize - usedBytes, u.layersSize),
    },
    {
      Type: 'Containers',
      TotalCount: String(u.containers.length),
      Active: String(u.containers.filter(isActive).length),
      Size: humanSize(cTotal),
      Reclaimable: reclaimable(cIdle, cTotal),
    },
    {
      Type: 'Local Volumes',
      TotalCount: String(u.volumes.length),
      Active: String(u.volumes.filter((v) => v.refCount > 0).length),
      Size: humanSize(vTotal),
      Reclaimable: reclaimable(vIdle, vTotal),
    },
    { Type: 'Build Cache', TotalCount: '0', Active: '0', Size: '0B', Reclaimable: '0B' },
  ];
}

/** verboseWriteTable: images (first tag only), containers (no virtual size), volumes, cache. */
function verboseTable(d: DockerEngine, u: DiskUsage): string {
  const now = d.clock.now();
  const images = u.images.map((i) => {
    const tag = i.tag ?? '<none>:<none>';
    const at = tag.lastIndexOf(':');
    return [
      tag.slice(0, at),
      tag.slice(at + 1),
      i.image.id.slice(7, 19),
      `${humanDuration(now - i.created)} ago`,
      humanSize(i.size),
      humanSize(i.sharedSize),
      humanSize(i.size - i.sharedSize),
      String(i.containers),
    ].join('\t');
  });
  const containers = u.containers.map(({ container: c, sizeRw }) => {
    const command = [c.path, ...c.args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' ');
    return [
      c.id.slice(0, 12),
      imageColumn(d, c, false),
      JSON.stringify(ellipsis(command, 20)),
      String(c.mounts.filter((m) => m.Type === 'volume').length),
      humanSize(sizeRw, 3),
      `${humanDuration(now - c.createdMs)} ago`,
      statusText(c, now),
      c.name.slice(1),
    ].join('\t');
  });
  const volumes = u.volumes.map((v) => `${v.name}\t${v.refCount}\t${humanSize(v.size)}`);
  const table = (head: string, rows: string[]): string => tabwrite([head, ...rows].join('\n') + '\n');
  return [
    'Images space usage:\n\n',
    table('REPOSITORY\tTAG\tIMAGE ID\tCREATED\tSIZE\tSHARED SIZE\tUNIQUE SIZE\tCONTAINERS', images),
    '\nContainers space usage:\n\n',
    table('CONTAINER ID\tIMAGE\tCOMMAND\tLOCAL VOLUMES\tSIZE\tCREATED\tSTATUS\tNAMES', containers),
    '\nLocal Volumes space usage:\n\n',
    table('VOLUME NAME\tLINKS\tSIZE', volumes),
    '\nBuild cache usage: 0B\n\n',
    table('CACHE ID\tCACHE TYPE\tSIZE\tCREATED\tLAST USED\tUSAGE\tSHARED', []),
  ].join('');
}

/**
 * verboseWrite with a format of one's own: the template runs once on diskUsageContext (Images,
 * Containers, Volumes, BuildCache: lists of the images', ps' and volume ls' row contexts, not
 * truncated since the format is no table), its output written as it is, with no newline after it.
 */
// The lists hold pointers to structs, not interfaces: a range's dot has the struct's own type ('string'
// is goSlice's word for a slice of one concrete type).
function verboseData(d: DockerEngine, u: DiskUsage): object {
  const now = d.clock.now();
  const row = (type: string, fields: Record<string, string>): object => goStruct(type, fields, { jsonAsMap: true });
  const images = u.images.map((i) => {
    const tag = i.tag ?? '<none>:<none>';
    const at = tag.lastIndexOf(':');
    return row('*formatter.imageContext', {
      ID: i.image.id,
      Repository: tag.slice(0, at),
      Tag: tag.slice(at + 1),
      Digest: '',
      CreatedSince: `${humanDuration(now - i.created)} ago`,
      CreatedAt: goTimeString(i.created),
      Size: humanSize(i.size, 3),
      Containers: String(i.containers),
      SharedSize: humanSize(i.sharedSize),
      UniqueSize: humanSize(i.size - i.sharedSize),
      VirtualSize: humanSize(i.size),
    });
  });
  const containers = u.containers.map(({ container: c, sizeRw }) => {
    const command = [c.path, ...c.args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' ');
    return row('*formatter.containerContext', {
      ID: c.id,
      Image: imageColumn(d, c, true),
      Command: JSON.stringify(command),
      CreatedAt: goTimeString(c.createdMs),
      RunningFor: `${humanDuration(now - c.createdMs)} ago`,
      Ports: '',
      State: c.state.status,
      Status: statusText(c, now),
      // The daemon's df gives no SizeRootFs, so there is no "(virtual …)" part.
      Size: humanSize(sizeRw, 3),
      Names: c.name.slice(1),
      Labels: Object.entries(c.config.Labels ?? {})
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
      LocalVolumes: String(c.mounts.filter((m) => m.Type === 'volume').length),
      Mounts: c.mounts.map((m) => m.Name ?? m.Source).join(','),
      Networks: 'bridge',
    });
  });
  const volumes = u.volumes.map((v) => {
    const info = d.volumeInspect(v.name);
    return row('*formatter.volumeContext', {
      Name: v.name,
      Driver: info.Driver,
      Scope: info.Scope,
      Mountpoint: info.Mountpoint,
      Labels: Object.entries(info.Labels ?? {})
        .map(([k, x]) => `${k}=${x}`)
        .join(','),
      Links: String(v.refCount),
      Size: humanSize(v.size),
    });
  });
  return goStruct('*formatter.diskUsageContext', {
    Images: goSlice(images, 'string', '[]*formatter.imageContext'),
    Containers: goSlice(containers, 'string', '[]*formatter.containerContext'),
    Volumes: goSlice(volumes, 'string', '[]*formatter.volumeContext'),
    BuildCache: goSlice([], 'string', '[]*formatter.buildCacheContext'),
  });
}

export const systemDfCommand: SubCommand = {
  def: {
    path: 'system df',
    usage: 'docker system df [OPTIONS]',
    summary: 'Show docker disk usage',
    flags: [
      { long: 'verbose', short: 'v', type: 'bool' },
      { long: 'format', type: 'string' },
    ],
    args: { max: 0 },
  },
  run(ctx: CommandContext, d, p) {
    const u = d.systemDf();
    const format = p.strings.get('format') ?? '';
    if (p.bools.has('verbose')) {
      if (format === '' || format === 'table') {
        ctx.stdout(verboseTable(d, u));
        return 0;
      }
      // A parse error says "template parsing error: " (parseFormat); an execution error is Go's
      // alone (verboseWrite runs tmpl.Execute itself). Either way main prints it and exits 1.
      const parsed = GoTemplate.parse(dockerTemplateString(format), { docker: '20.10' });
      if (!parsed.ok) {
        ctx.stderr(`${parsed.error.message}\n`);
        return 1;
      }
      const res = parsed.template.execute(verboseData(d, u));
      ctx.stdout(res.output);
      if (!res.ok) {
        ctx.stderr(`${res.error.goMessage}\n`);
        return 1;
      }
      return 0;
    }
    const res = formatDockerList(format, summaryRows(u), DOCKER_LISTS.systemDf, '20.10');
    if (res.error) {
      ctx.stderr(`${res.error.message}\n`);
      return 1;
    }
    ctx.stdout(res.output);
    return 0;
  },
};
