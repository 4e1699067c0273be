// docker volume create|inspect|ls|rm|prune, with the 20.10 CLI's outputs and error texts.
import { DaemonError } from '../../../docker/engine/index.js';
import { DOCKER_LISTS } from '../../../gotemplate/table.js';
import { printList } from './images.js';
import { printInspect } from './system.js';
import { daemonMessage, humanSize, type SubCommand } from './util.js';

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
    if (p.lists.has('opt')) {
      ctx.stderr("docker volume create -o: not simulated here (the local driver's mount options)\n");
      return 1;
    }
    const labels = Object.fromEntries(
      (p.lists.get('label') ?? []).map((l) => {
        const eq = l.indexOf('=');
        return eq < 0 ? [l, ''] : [l.slice(0, eq), l.slice(eq + 1)];
      }),
    );
    ctx.stdout(`${d.volumeCreate(p.operands[0] ?? p.strings.get('name'), labels)}\n`);
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
    let names = d.volumeNames();
    for (const f of p.lists.get('filter') ?? []) {
      const [key, value] = [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)];
      if (key === 'dangling')
        names = names.filter((n) => (d.volumeUsers(n).length === 0) === (value === 'true' || value === '1'));
      else if (key === 'name') names = names.filter((n) => n.includes(value));
      else if (key === 'driver') names = names.filter(() => value === 'local');
      else {
        ctx.stderr(`Error response from daemon: Invalid filter '${key}'\n`);
        return 1;
      }
    }
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
  run(ctx, d, p) {
    let code = 0;
    for (const name of p.operands) {
      try {
        d.volumeRemove(name, p.bools.has('force'));
        ctx.stdout(`${name}\n`);
      } catch (e) {
        // A missing volume is the client's 404 text; anything else the daemon's own.
        if (e instanceof DaemonError && e.status === 404) {
          if (!p.bools.has('force')) {
            ctx.stderr(`Error: No such volume: ${name}\n`);
            code = 1;
          }
        } else {
          ctx.stderr(`${daemonMessage(e)}\n`);
          code = 1;
        }
      }
    }
    return code;
  },
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
    const { deleted, reclaimed } = d.volumePrune();
    if (deleted.length) ctx.stdout(`Deleted Volumes:\n${deleted.map((n) => `${n}\n`).join('')}\n`);
    ctx.stdout(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
    return 0;
  },
};
