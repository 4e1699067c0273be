// docker context ls|inspect|use for the one context a fresh host has, "default" (the CLI's view of
// DOCKER_HOST, unset here): texts and the config file `use` writes as the 20.10 CLI's. Creating
// other contexts is left to "not simulated here" (they would need the CLI's context store).
import { isKernelError } from '../../../kernel/index.js';
import type { CommandContext } from '../../command.js';
import { printList } from './images.js';
import { printInspect } from './system.js';
import { enc, forEachRef, type SubCommand } from './util.js';

const ENDPOINT = 'unix:///var/run/docker.sock';

/** The default context as `docker context inspect` shows it (its store is "in memory"). */
const DEFAULT_CONTEXT = {
  Name: 'default',
  Metadata: { StackOrchestrator: 'swarm' },
  Endpoints: { docker: { Host: ENDPOINT, SkipTLSVerify: false } },
  TLSMaterial: {},
  Storage: { MetadataPath: '<IN MEMORY>', TLSPath: '<IN MEMORY>' },
};

/** The context store's error for a name it has no meta.json for. */
const notFound = (name: string): string => `context "${name}" does not exist`;

const CONTEXT_LIST = {
  rowType: '*formatter.clientContextContext',
  defaultTable:
    'table {{.Name}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.KubernetesEndpoint}}\t{{.StackOrchestrator}}',
  header: {
    Name: 'NAME',
    Description: 'DESCRIPTION',
    DockerEndpoint: 'DOCKER ENDPOINT',
    KubernetesEndpoint: 'KUBERNETES ENDPOINT',
    StackOrchestrator: 'ORCHESTRATOR',
  },
};

export const contextLsCommand: SubCommand = {
  def: {
    path: 'context ls',
    usage: 'docker context ls [OPTIONS]',
    summary: 'List contexts',
    flags: [
      { long: 'format', type: 'string' },
      { long: 'quiet', short: 'q', type: 'bool' },
    ],
    args: { none: true },
  },
  run(ctx, _d, p) {
    if (p.bools.has('quiet')) {
      ctx.stdout('default\n');
      return 0;
    }
    const format = p.strings.get('format') ?? '';
    // The table (and only the table) marks the current context's name with " *".
    const table = format === '' || format === 'table';
    const row = {
      Name: table ? 'default *' : 'default',
      Current: true,
      Description: 'Current DOCKER_HOST based configuration',
      DockerEndpoint: ENDPOINT,
      KubernetesEndpoint: '',
      StackOrchestrator: 'swarm',
    };
    return printList(ctx, format, [row], CONTEXT_LIST);
  },
};

export const contextInspectCommand: SubCommand = {
  def: {
    path: 'context inspect',
    usage: 'docker context inspect [OPTIONS] [CONTEXT] [CONTEXT...]',
    summary: 'Display detailed information on one or more contexts',
    flags: [{ long: 'format', short: 'f', type: 'string' }],
    args: {},
  },
  run(ctx, _d, p) {
    // No name: the current context.
    const names = p.operands.length ? p.operands : ['default'];
    const found = names.filter((n) => n === 'default').map(() => DEFAULT_CONTEXT);
    const missing = names.filter((n) => n !== 'default');
    // The CLI stops at the first name it cannot find, after printing what it found.
    return printInspect(ctx, p, found, missing.slice(0, 1), notFound);
  },
};

/** `docker context use default` clears the current context in the CLI's config file, which it
 * writes (0600, in a 0700 ~/.docker) when there is none. */
function touchClientConfig(ctx: CommandContext): void {
  const dir = `${ctx.env.get('HOME') ?? '/root'}/.docker`;
  try {
    ctx.proc.stat(`${dir}/config.json`);
    return;
  } catch (e) {
    if (!isKernelError(e) || e.code !== 'ENOENT') throw e;
  }
  // os.MkdirAll(dir, 0700): each missing directory on the way.
  let path = '';
  for (const part of dir.split('/').filter(Boolean)) {
    path += `/${part}`;
    try {
      ctx.proc.mkdir(path, 0o700);
    } catch (e) {
      if (!isKernelError(e) || e.code !== 'EEXIST') throw e;
    }
  }
  ctx.proc.writeContent(`${dir}/config.json`, enc.encode('{\n\t"auths": {}\n}'), 0o600);
}

export const contextUseCommand: SubCommand = {
  def: {
    path: 'context use',
    usage: 'docker context use CONTEXT',
    summary: 'Set the current docker context',
    flags: [],
    args: { exact: 1 },
  },
  run(ctx, _d, p) {
    const name = p.operands[0] ?? '';
    if (name !== 'default') {
      ctx.stderr(`${notFound(name)}\n`);
      return 1;
    }
    touchClientConfig(ctx);
    ctx.stdout('default\n');
    ctx.stderr('Current context is now "default"\n');
    return 0;
  },
};

export const contextRmCommand: SubCommand = {
  def: {
    path: 'context rm',
    usage: 'docker context rm CONTEXT [CONTEXT...]',
    summary: 'Remove one or more contexts',
    flags: [{ long: 'force', short: 'f', type: 'bool' }],
    args: { min: 1 },
  },
  run: (ctx, _d, p) =>
    forEachRef(
      ctx,
      p.operands,
      (name) => {
        throw new Error(name === 'default' ? 'context "default" cannot be removed' : notFound(name));
      },
      { text: (e, name) => `${name}: ${(e as Error).message}` },
    ),
};

export const CONTEXT_RUNS: Record<string, SubCommand> = {
  'context ls': contextLsCommand,
  'context inspect': contextInspectCommand,
  'context use': contextUseCommand,
  'context rm': contextRmCommand,
};
