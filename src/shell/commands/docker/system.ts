// docker inspect (containers, then images), image inspect, container inspect, info, version.
import { DOCKER_CLI_COMMIT, DOCKER_VERSION } from '../../../docker/engine/index.js';
import type { CommandContext } from '../../command.js';
import { formatDockerInspect } from '../../../gotemplate/table.js';
import type { Parsed } from './flags.js';
import { formatInfo, formatVersion, LOG_PLUGINS, NETWORK_PLUGINS } from './system-format.js';
import type { SubCommand } from './util.js';

/** json.MarshalIndent(v, "", "    ") as the CLI prints inspect output (Go escapes <, >, &). */
export function inspectJson(elements: unknown[]): string {
  if (elements.length === 0) return '[]';
  return JSON.stringify(elements, null, 4).replace(/[<>&]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`);
}

export function printInspect(
  ctx: CommandContext,
  p: Parsed,
  found: unknown[],
  missing: string[],
  missingText: (r: string) => string,
): number {
  const format = p.strings.get('format');
  let code = 0;
  if (format !== undefined) {
    const res = formatDockerInspect(format, found, { docker: '20.10' });
    if (res.exitCode === 64) {
      ctx.stderr(`${res.error?.message}\n`);
      return 64;
    }
    // The CLI's template inspector flushes an empty buffer as one empty line, even when nothing was found.
    ctx.stdout(found.length ? res.output : '\n');
    if (res.error) {
      ctx.stderr(`${res.error.message}\n`);
      code = 1;
    }
  } else {
    ctx.stdout(`${inspectJson(found)}\n`);
  }
  for (const r of missing) ctx.stderr(`${missingText(r)}\n`);
  return missing.length ? 1 : code;
}

const INSPECT_FLAGS = [
  { long: 'format', short: 'f', type: 'string' as const },
  { long: 'size', short: 's', type: 'bool' as const },
];

export const inspectCommand: SubCommand = {
  def: {
    path: 'inspect',
    usage: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]',
    summary: 'Return low-level information on Docker objects',
    flags: [...INSPECT_FLAGS, { long: 'type', type: 'string' }],
    args: { min: 1 },
  },
  run(ctx, d, p) {
    const type = p.strings.get('type') ?? '';
    if (!INSPECT_TYPES.includes(type)) {
      ctx.stderr(`"${type}" is not a valid value for --type\n`);
      return 1;
    }
    if (SWARM_TYPES.includes(type)) {
      // The CLI asks the swarm for these, and a host that is no swarm manager says so for each name.
      const res = printInspect(ctx, p, [], [], () => '');
      for (const _ of p.operands)
        ctx.stderr(
          'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or ' +
            '"docker swarm join" to connect this node to swarm and try again.\n',
        );
      return res === 0 ? 1 : res;
    }
    const found: unknown[] = [];
    const missing: string[] = [];
    // inspectAll's order: a container, an image, a network, a volume of that name.
    const volumes = new Set(d.volumeNames());
    for (const ref of p.operands) {
      const c = ['', 'container'].includes(type) ? d.findContainer(ref) : undefined;
      if (c) found.push(d.containerInspect(c.id, p.bools.has('size')));
      else if (['', 'image'].includes(type) && d.findImage(ref)) found.push(d.imageInspect(ref));
      else if (['', 'network'].includes(type) && d.findNetwork(ref))
        found.push(d.networkInspect(d.findNetwork(ref) as NonNullable<ReturnType<typeof d.findNetwork>>));
      else if (['', 'volume'].includes(type) && volumes.has(ref)) found.push(d.volumeInspect(ref));
      else missing.push(ref);
    }
    const what = type === '' ? 'object' : type;
    return printInspect(ctx, p, found, missing, (r) => `Error: No such ${what}: ${r}`);
  },
};

const INSPECT_TYPES = [
  '',
  'container',
  'image',
  'node',
  'network',
  'service',
  'volume',
  'task',
  'plugin',
  'secret',
  'config',
];
const SWARM_TYPES = ['node', 'service', 'task', 'secret', 'config'];

export const imageInspectCommand: SubCommand = {
  def: {
    path: 'image inspect',
    usage: 'docker image inspect [OPTIONS] IMAGE [IMAGE...]',
    summary: 'Display detailed information on one or more images',
    flags: [INSPECT_FLAGS[0] as (typeof INSPECT_FLAGS)[0]],
    args: { min: 1 },
  },
  run(ctx, d, p) {
    const found = p.operands.filter((r) => d.findImage(r)).map((r) => d.imageInspect(r));
    const missing = p.operands.filter((r) => !d.findImage(r));
    return printInspect(ctx, p, found, missing, (r) => `Error: No such image: ${r}`);
  },
};

export const containerInspectCommand: SubCommand = {
  def: {
    path: 'container inspect',
    usage: 'docker container inspect [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Display detailed information on one or more containers',
    flags: INSPECT_FLAGS,
    args: { min: 1 },
  },
  run(ctx, d, p) {
    const found = p.operands.filter((r) => d.findContainer(r)).map((r) => d.containerInspect(r, p.bools.has('size')));
    const missing = p.operands.filter((r) => !d.findContainer(r));
    return printInspect(ctx, p, found, missing, (r) => `Error: No such container: ${r}`);
  },
};

export const infoCommand: SubCommand = {
  def: {
    path: 'info',
    usage: 'docker info [OPTIONS]',
    summary: 'Display system-wide information',
    flags: [{ long: 'format', short: 'f', type: 'string' }],
    args: { max: 0 },
  },
  run(ctx, d, p) {
    const i = d.info();
    const format = p.strings.get('format');
    if (format !== undefined) return formatInfo(ctx, format, i, new Date(d.clock.now()), d.logDefaults.Type);
    ctx.stdout(
      [
        'Client:',
        ' Context:    default',
        ' Debug Mode: false',
        '',
        'Server:',
        ` Containers: ${i.containers}`,
        `  Running: ${i.running - i.paused}`,
        `  Paused: ${i.paused}`,
        `  Stopped: ${i.stopped}`,
        ` Images: ${i.images}`,
        ` Server Version: ${i.serverVersion}`,
        ` Storage Driver: ${i.driver}`,
        ...i.driverStatus.map(([k, v]) => `  ${k}: ${v}`),
        ` Logging Driver: ${d.logDefaults.Type}`,
        ' Cgroup Driver: cgroupfs',
        ' Cgroup Version: 1',
        ' Plugins:',
        '  Volume: local',
        `  Network: ${NETWORK_PLUGINS.join(' ')}`,
        `  Log: ${LOG_PLUGINS.join(' ')}`,
        ' Swarm: inactive',
        ' Runtimes: io.containerd.runc.v2 io.containerd.runtime.v1.linux runc',
        ' Default Runtime: runc',
        ' Init Binary: docker-init',
        ' containerd version: 1.6.20~ds1-1+deb12u3',
        ' runc version: 1.1.5+ds1-1+deb12u1',
        ' init version: ',
        ' Security Options:',
        '  seccomp',
        '   Profile: default',
        ` Kernel Version: ${i.kernelVersion}`,
        ` Operating System: ${i.operatingSystem}`,
        ' OSType: linux',
        ' Architecture: x86_64',
        ' CPUs: 2',
        ' Total Memory: 23.54GiB',
        ` Name: ${i.name}`,
        ` ID: ${i.id}`,
        ` Docker Root Dir: ${i.dockerRootDir}`,
        ' Debug Mode: false',
        ' Registry: https://index.docker.io/v1/',
        ' Labels:',
        ' Experimental: false',
        ' Insecure Registries:',
        '  127.0.0.0/8',
        ' Live Restore Enabled: false',
        '',
        '',
      ].join('\n'),
    );
    // The daemon's warnings follow the report, on stderr (the legacy overlay driver has one).
    for (const w of i.warnings) ctx.stderr(`${w}\n`);
    return 0;
  },
};

export const versionCommand: SubCommand = {
  def: {
    path: 'version',
    usage: 'docker version [OPTIONS]',
    summary: 'Show the Docker version information',
    flags: [{ long: 'format', short: 'f', type: 'string' }],
    args: { max: 0 },
  },
  run(ctx, d, p) {
    const format = p.strings.get('format');
    if (format !== undefined) return formatVersion(ctx, format, d.info().kernelVersion);
    ctx.stdout(
      [
        'Client:',
        ` Version:           ${DOCKER_VERSION}`,
        ' API version:       1.41',
        ' Go version:        go1.19.8',
        ` Git commit:        ${DOCKER_CLI_COMMIT}`,
        ' Built:             Thu May 18 08:38:34 2023',
        ' OS/Arch:           linux/amd64',
        ' Context:           default',
        ' Experimental:      true',
        '',
        'Server:',
        ' Engine:',
        `  Version:          ${DOCKER_VERSION}`,
        '  API version:      1.41 (minimum version 1.12)',
        '  Go version:       go1.19.8',
        '  Git commit:       5d6db84',
        '  Built:            Thu May 18 08:38:34 2023',
        '  OS/Arch:          linux/amd64',
        '  Experimental:     false',
        ' containerd:',
        '  Version:          1.6.20~ds1',
        '  GitCommit:        1.6.20~ds1-1+deb12u3',
        ' runc:',
        '  Version:          1.1.5+ds1',
        '  GitCommit:        1.1.5+ds1-1+deb12u1',
        ' docker-init:',
        '  Version:          0.19.0',
        '  GitCommit:        ',
        '',
      ].join('\n'),
    );
    return 0;
  },
};
