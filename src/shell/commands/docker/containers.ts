// docker run, create, start, stop, exec, ps, rm, commit, diff.
import type { Container, CreateOptions, DockerEngine, MountSpec } from '../../../docker/engine/index.js';
import {
  attachmentsOf,
  DaemonError,
  type LogRecord,
  NotSimulatedError,
  portMappings,
  restartingError,
} from '../../../docker/engine/index.js';
import { parseReference, RegistryError } from '../../../docker/registry/types.js';
import type { CommandContext } from '../../command.js';
import { DOCKER_LISTS } from '../../../gotemplate/table.js';
import { goStruct } from '../../../gotemplate/index.js';
import { type CommandDef, type FlagSpec, operand, type Parsed } from './flags.js';
import { RUN_OPTION_FLAGS, RunOptionError, runOptions } from './run-options.js';
import { printList, pullImage, pullLines } from './images.js';
import { psFilters } from './ps-filters.js';
import { parseMountFlag, tmpfsFlags } from './mount-flag.js';
import {
  daemonMessage,
  ellipsis,
  forEachRef,
  goTimeString,
  humanDuration,
  humanSize,
  type SubCommand,
} from './util.js';

const CREATE_FLAGS: FlagSpec[] = [
  { long: 'detach', short: 'd', type: 'bool' },
  { long: 'interactive', short: 'i', type: 'bool' },
  { long: 'tty', short: 't', type: 'bool' },
  { long: 'name', type: 'string' },
  { long: 'volume', short: 'v', type: 'list' },
  { long: 'rm', type: 'bool' },
  { long: 'env', short: 'e', type: 'list' },
  { long: 'entrypoint', type: 'string' },
  { long: 'workdir', short: 'w', type: 'string' },
  { long: 'publish', short: 'p', type: 'list' },
  { long: 'hostname', short: 'h', type: 'string' },
  { long: 'user', short: 'u', type: 'string' },
  { long: 'privileged', type: 'bool' },
  { long: 'pull', type: 'string' },
  { long: 'label', short: 'l', type: 'list' },
  { long: 'label-file', type: 'list' },
  ...RUN_OPTION_FLAGS,
  { long: 'mount', type: 'list', check: (v) => mountFlagError(v) },
  { long: 'tmpfs', type: 'list' },
  { long: 'read-only', type: 'bool' },
  { long: 'volumes-from', type: 'list' },
  { long: 'cap-add', type: 'list' },
  { long: 'cap-drop', type: 'list' },
];

/** opts.ConvertKVStringsToMap of --label-file's lines then --label's values ("k" is k with ""),
 * as the CLI builds Config.Labels; a label file that cannot be read stops the command. */
function labelsOf(ctx: CommandContext, p: Parsed): Record<string, string> {
  const kv: string[] = [];
  for (const file of p.lists.get('label-file') ?? []) {
    let text: string;
    try {
      text = new TextDecoder().decode(ctx.proc.readFile(file));
    } catch {
      throw new CliError(`open ${file}: no such file or directory`);
    }
    // opts.ParseEnvFile's reading: blank lines and # comments skipped, the rest trimmed on the left.
    for (const line of text.split('\n')) {
      const l = line.replace(/^[ \t]+/, '');
      if (l !== '' && !l.startsWith('#')) kv.push(l);
    }
  }
  kv.push(...(p.lists.get('label') ?? []));
  const out: Record<string, string> = {};
  for (const e of kv) {
    const at = e.indexOf('=');
    out[at < 0 ? e : e.slice(0, at)] = at < 0 ? '' : e.slice(at + 1);
  }
  return out;
}

/** An error the CLI finds before asking the daemon: printed as "docker: <text>." without the
 * daemon's prefix. */
class CliError extends Error {}

/** reference.ParseAnyReference, which the CLI runs on the image before it asks the daemon. */
function checkReference(ref: string): void {
  try {
    parseReference(ref);
  } catch (e) {
    if (e instanceof RegistryError) throw new CliError(e.message);
    throw e;
  }
}

function createOptions(ctx: CommandContext, def: CommandDef, p: Parsed): CreateOptions {
  let more: ReturnType<typeof runOptions>;
  try {
    more = runOptions(ctx, def, p);
  } catch (e) {
    throw e instanceof RunOptionError ? new CliError(e.message) : e;
  }
  const { envFromFiles, ...settings } = more;
  const image = operand(p, 0);
  const cmd = p.operands.slice(1);
  const ep = p.strings.get('entrypoint');
  const name = p.strings.get('name');
  const workdir = p.strings.get('workdir');
  return {
    image,
    ...(name !== undefined ? { name } : {}),
    ...(cmd.length ? { cmd } : {}),
    ...(ep !== undefined ? { entrypoint: ep === '' ? [] : [ep] } : {}),
    env: [...envFromFiles, ...(p.lists.get('env') ?? [])],
    ...settings,
    tty: p.bools.has('tty'),
    interactive: p.bools.has('interactive'),
    detach: p.bools.has('detach'),
    volumes: p.lists.get('volume') ?? [],
    volumesFrom: p.lists.get('volumes-from') ?? [],
    capAdd: p.lists.get('cap-add') ?? [],
    capDrop: p.lists.get('cap-drop') ?? [],
    privileged: p.bools.has('privileged'),
    publish: p.lists.get('publish') ?? [],
    autoRemove: p.bools.has('rm'),
    labels: labelsOf(ctx, p),
    ...(p.strings.get('hostname') ? { hostname: p.strings.get('hostname') } : {}),
    ...(p.strings.get('user') !== undefined ? { user: p.strings.get('user') } : {}),
    ...(workdir !== undefined ? { workdir } : {}),
    mounts: (p.lists.get('mount') ?? []).map((v) => parseMountFlag(v) as MountSpec),
    tmpfs: tmpfsFlags(p.lists.get('tmpfs') ?? []),
    readOnly: p.bools.has('read-only'),
  };
}

function mountFlagError(v: string): string | undefined {
  const r = parseMountFlag(v);
  return typeof r === 'string' ? r : undefined;
}

/**
 * The image must be local; otherwise the CLI pulls it first, its progress on stderr. --pull
 * always pulls first, never does not pull (the daemon then has no such image); any other value
 * acts as missing, the default, as the 20.10 CLI lets it.
 */
async function ensureImage(ctx: CommandContext, d: DockerEngine, ref: string, pull = 'missing'): Promise<void> {
  let shown = ref;
  try {
    const r = parseReference(ref);
    if (!r.tagged && !r.digest) shown = `${ref}:latest`;
  } catch {
    // the daemon words invalid references itself
  }
  if (pull === 'always') {
    const res = await pullImage(d, ref);
    ctx.stderr(pullLines(res, ref, ctx.stdoutIsTerminal).join('\n') + '\n');
    return;
  }
  if (d.findImage(ref)) return;
  if (pull === 'never') throw new DaemonError(`No such image: ${shown}`, 404);
  ctx.stderr(`Unable to find image '${shown}' locally\n`);
  const res = await pullImage(d, ref);
  ctx.stderr(pullLines(res, ref, ctx.stdoutIsTerminal).join('\n') + '\n');
}

export const runCommand: SubCommand = {
  def: {
    path: 'run',
    usage: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
    summary: 'Run a command in a new container',
    flags: CREATE_FLAGS,
    args: { min: 1 },
    interspersed: false,
  },
  async run(ctx, d, p) {
    let c: Container;
    let o: CreateOptions;
    try {
      o = createOptions(ctx, this.def, p);
      checkReference(o.image);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      ctx.stderr(`docker: ${e.message}.\nSee 'docker run --help'.\n`);
      return 125;
    }
    // The CLI's CheckTty: -i and -t attach the terminal, which a script or a pipe does not have.
    if (o.tty && o.interactive && !o.detach && !ctx.stdinIsTerminal) {
      ctx.stderr('the input device is not a TTY\n');
      return 1;
    }
    try {
      await ensureImage(ctx, d, o.image, p.strings.get('pull'));
      c = d.create(o);
    } catch (e) {
      ctx.stderr(`docker: ${daemonMessage(e).replace(/\.$/, '')}.\nSee 'docker run --help'.\n`);
      return 125;
    }
    // An entrypoint script ends in `exec "$@"`: what it runs is what counts.
    const argv = /(^|\/)docker-entrypoint\.sh$/.test(c.path) ? c.args : [c.path, ...c.args];
    const isShell = argv.length === 1 && /^(\/(usr\/)?bin\/)?(ba|a|da)?sh$/.test(argv[0] ?? '');
    if (o.tty && o.interactive && !o.detach && isShell) {
      // docker run -it: the terminal is attached to the container's shell.
      d.start(c.id);
      let cred: ReturnType<DockerEngine['processUser']>;
      try {
        cred = d.processUser(c.id);
      } catch (e) {
        d.exited(c, 128);
        ctx.stderr(`docker: ${daemonMessage(e)}.\n`);
        return 125;
      }
      ctx.shell.enterShell({
        cred,
        root: d.mergedDir(c),
        hostname: c.config.Hostname || c.id.slice(0, 12),
        cwd: c.config.WorkingDir || '/',
        env: d.processEnv(c.id, { tty: true }),
        ...bashRunBy(argv),
        onExit: () => {
          d.exited(c, 0);
        },
      });
      return 0;
    }
    try {
      const exit = await d.runMain(c.id, o.tty ? terminalIO(ctx) : ctx, !!o.detach);
      if (o.detach) {
        ctx.stdout(`${c.id}\n`);
        return 0;
      }
      return exit === 'running' ? 0 : exit;
    } catch (e) {
      // With -d the CLI prints the new id (in a goroutine, before it starts the container), and
      // it does not wait on the container: no "error waiting" line then.
      if (o.detach && e instanceof DaemonError) ctx.stdout(`${c.id}\n`);
      if (e instanceof DaemonError && e.exitCode !== undefined) {
        const t = new Date(d.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z');
        // With --rm the CLI does not wait on the container the same way: no "error waiting" line.
        const waiting =
          o.autoRemove || o.detach
            ? ''
            : `time="${t}" level=error msg="error waiting for container: context canceled"\n`;
        // An error of the daemon's own, before runc (a user the image lacks), comes back at once,
        // before the CLI's wait is cancelled; runc's come after it.
        const own = `docker: ${daemonMessage(e)}.\n`;
        ctx.stderr(e.exitCode === 125 ? `${own}${waiting}` : `${waiting}${own}`);
        return e.exitCode;
      }
      if (e instanceof NotSimulatedError) {
        ctx.stderr(`docker run: ${e.message}\n`);
        return 125;
      }
      if (e instanceof DaemonError) {
        // The start failed (its network is missing, an address refused, container:NAME not
        // running, its logger cannot be made): the CLI says so, then that its wait ended.
        const t = new Date(d.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z');
        const waiting =
          o.autoRemove || o.detach
            ? ''
            : `time="${t}" level=error msg="error waiting for container: context canceled"\n`;
        ctx.stderr(`docker: ${daemonMessage(e)}.\n${waiting}`);
        return 125;
      }
      throw e;
    }
  },
};

export const createCommand: SubCommand = {
  def: {
    path: 'create',
    usage: 'docker create [OPTIONS] IMAGE [COMMAND] [ARG...]',
    summary: 'Create a new container',
    flags: CREATE_FLAGS.filter((f) => f.long !== 'detach'),
    args: { min: 1 },
    interspersed: false,
  },
  async run(ctx, d, p) {
    let o: CreateOptions;
    try {
      o = { ...createOptions(ctx, this.def, p), detach: false };
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      ctx.stderr(`docker: ${e.message}.\nSee 'docker create --help'.\n`);
      return 125;
    }
    try {
      checkReference(o.image);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      ctx.stderr(`${e.message}\n`);
      return 1;
    }
    await ensureImage(ctx, d, o.image, p.strings.get('pull'));
    ctx.stdout(`${d.create(o).id}\n`);
    return 0;
  },
};

export const startCommand: SubCommand = {
  def: {
    path: 'start',
    usage: 'docker start [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Start one or more stopped containers',
    flags: [
      { long: 'attach', short: 'a', type: 'bool' },
      { long: 'interactive', short: 'i', type: 'bool' },
    ],
    args: { min: 1 },
  },
  async run(ctx, d, p) {
    const attach = p.bools.has('attach') || p.bools.has('interactive');
    if (attach) {
      // The CLI attaches to one container and exits with its status.
      if (p.operands.length > 1) {
        ctx.stderr('you cannot start and attach multiple containers at once\n');
        return 1;
      }
      try {
        const c = d.getContainer(operand(p, 0));
        if (c.state.status === 'running' || c.state.status === 'restarting') return 0;
        const exit = await d.runMain(c.id, ctx, false);
        return exit === 'running' ? 0 : exit;
      } catch (e) {
        ctx.stderr(`${daemonMessage(e)}\n`);
        return 1;
      }
    }
    const failed: string[] = [];
    for (const ref of p.operands) {
      try {
        const c = d.getContainer(ref);
        // A restarting container is running to the daemon: the start changes nothing.
        if (c.state.status !== 'running' && c.state.status !== 'restarting') await d.runMain(c.id, ctx, true);
        ctx.stdout(`${ref}\n`);
      } catch (e) {
        ctx.stderr(`${daemonMessage(e)}\n`);
        failed.push(ref);
      }
    }
    if (failed.length) ctx.stderr(`Error: failed to start containers: ${failed.join(', ')}\n`);
    return failed.length ? 1 : 0;
  },
};

export const stopCommand: SubCommand = {
  def: {
    path: 'stop',
    usage: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Stop one or more running containers',
    flags: [{ long: 'time', short: 't', type: 'int' }],
    args: { min: 1 },
  },
  run: (ctx, d, p) => {
    const t = p.strings.get('time');
    return forEachRef(ctx, p.operands, (r) => d.stop(r, t === undefined ? undefined : Number(t)));
  },
};

export const rmCommand: SubCommand = {
  def: {
    path: 'rm',
    usage: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]',
    summary: 'Remove one or more containers',
    flags: [
      { long: 'force', short: 'f', type: 'bool' },
      { long: 'volumes', short: 'v', type: 'bool' },
      { long: 'link', short: 'l', type: 'bool' },
    ],
    args: { min: 1 },
  },
  run: (ctx, d, p) =>
    forEachRef(ctx, p.operands, (r) => d.rm(r, p.bools.has('force'), p.bools.has('volumes')), {
      // The client words a 404 itself; with -f a missing container is only mentioned.
      text: (e) => (e instanceof DaemonError && e.status === 404 ? `Error: ${e.message}` : daemonMessage(e)),
      inline: (e) => p.bools.has('force') && e instanceof DaemonError && e.status === 404,
    }),
};

export const execCommand: SubCommand = {
  def: {
    path: 'exec',
    usage: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
    summary: 'Run a command in a running container',
    flags: [
      { long: 'detach', short: 'd', type: 'bool' },
      { long: 'interactive', short: 'i', type: 'bool' },
      { long: 'tty', short: 't', type: 'bool' },
      { long: 'env', short: 'e', type: 'list' },
      { long: 'workdir', short: 'w', type: 'string' },
      { long: 'user', short: 'u', type: 'string' },
    ],
    args: { min: 2 },
    interspersed: false,
  },
  async run(ctx, d, p) {
    const ref = operand(p, 0);
    const argv = p.operands.slice(1);
    const c = d.findContainer(ref);
    if (!c) {
      ctx.stderr(`Error: No such container: ${ref}\n`);
      return 1;
    }
    if (p.bools.has('tty') && p.bools.has('interactive') && !p.bools.has('detach') && !ctx.stdinIsTerminal) {
      ctx.stderr('the input device is not a TTY\n');
      return 1;
    }
    if (c.state.status === 'restarting') throw restartingError(c);
    if (c.state.status !== 'running') throw new DaemonError(`Container ${c.id} is not running`, 409);
    if (c.state.paused) throw new DaemonError(`Container ${ref} is paused, unpause the container before exec`, 409);
    // runc looks the program up in the container's own filesystem: an image without bash has none.
    const missing = d.execError(c.id, operand(p, 1));
    if (missing) {
      // The daemon writes the failed start into the exec's stdout stream (postContainerExecStart),
      // ending the line as a terminal would; the CLI copies it there.
      ctx.stdout(`${missing}\r\n`);
      return 126;
    }
    const shell = /^(\/(usr\/)?bin\/)?(ba|a|da)?sh$/.test(argv[0] ?? '') && argv.length === 1;
    const u = p.strings.get('user');
    const user = u !== undefined ? { user: u } : {};
    let cred: ReturnType<DockerEngine['processUser']>;
    try {
      cred = d.processUser(c.id, u);
    } catch (e) {
      // The daemon's exec fails before runc runs: its message alone, status 126.
      if (!(e instanceof DaemonError)) throw e;
      ctx.stderr(`${e.message}\r\n`);
      return 126;
    }
    if (p.bools.has('tty') && p.bools.has('interactive') && shell) {
      ctx.shell.enterShell({
        root: d.mergedDir(c),
        hostname: c.config.Hostname || c.id.slice(0, 12),
        cwd: p.strings.get('workdir') ?? (c.config.WorkingDir || '/'),
        env: d.processEnv(c.id, { tty: true, extra: p.lists.get('env') ?? [], ...user }),
        cred,
        ...bashRunBy(argv),
      });
      return 0;
    }
    const w = p.strings.get('workdir');
    const tty = p.bools.has('tty');
    // Without -i the exec's stdin is /dev/null (nothing piped reaches it), and no terminal.
    const io = p.bools.has('interactive') ? ctx : { ...ctx, stdin: new Uint8Array(0), stdinIsTerminal: false };
    return d.exec(c.id, argv, tty ? terminalIO(io) : io, {
      env: p.lists.get('env') ?? [],
      tty,
      ...user,
      ...(w ? { workdir: w } : {}),
    });
  },
};

export function statusText(c: Container, now: number): string {
  if (c.state.status === 'restarting')
    return `Restarting (${c.state.exitCode}) ${humanDuration(now - Date.parse(c.state.finishedAt))} ago`;
  if (c.state.status === 'running')
    return `Up ${humanDuration(now - Date.parse(c.state.startedAt))}${c.state.paused ? ' (Paused)' : ''}`;
  if (c.state.status === 'created') return 'Created';
  return `Exited (${c.state.exitCode}) ${humanDuration(now - Date.parse(c.state.finishedAt))} ago`;
}

export const psCommand: SubCommand = {
  def: {
    path: 'ps',
    usage: 'docker ps [OPTIONS]',
    summary: 'List containers',
    flags: [
      { long: 'all', short: 'a', type: 'bool' },
      { long: 'filter', short: 'f', type: 'list' },
      { long: 'format', type: 'string' },
      { long: 'last', short: 'n', type: 'int' },
      { long: 'latest', short: 'l', type: 'bool' },
      { long: 'no-trunc', type: 'bool' },
      { long: 'quiet', short: 'q', type: 'bool' },
      { long: 'size', short: 's', type: 'bool' },
    ],
    args: { max: 0 },
  },
  run(ctx, d, p) {
    const now = d.clock.now();
    const noTrunc = p.bools.has('no-trunc');
    const filters = psFilters(d, p.lists.get('filter') ?? []);
    if (typeof filters === 'string') {
      ctx.stderr(`${filters}\n`);
      return filters.startsWith('invalid argument') ? 125 : 1; // a flag error, or the daemon's
    }
    const all = p.bools.has('all') || p.bools.has('latest') || p.strings.has('last') || filters.all;
    // before/since cut the whole list; stopped containers then go unless listed with -a.
    let list = filters
      .apply(d.ps(true))
      .filter((c) => all || c.state.status === 'running' || c.state.status === 'restarting');
    if (p.bools.has('latest')) list = list.slice(0, 1);
    if (p.strings.has('last')) list = list.slice(0, Number(p.strings.get('last')));
    const rows = list.map((c) => {
      // daemon/list.go: arguments with a space are wrapped in single quotes
      const command = [c.path, ...c.args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' ');
      const size = p.bools.has('size') ? d.driver.rwSize(c.rw.mountId, c.rw.initId) : 0;
      return goStruct(
        DOCKER_LISTS.ps.rowType,
        {
          ID: noTrunc ? c.id : c.id.slice(0, 12),
          Image: imageColumn(d, c, noTrunc),
          Command: JSON.stringify(noTrunc ? command : ellipsis(command, 20)),
          CreatedAt: goTimeString(c.createdMs),
          RunningFor: `${humanDuration(now - c.createdMs)} ago`,
          Ports: c.state.status === 'running' ? portsText(c) : '',
          State: c.state.status,
          Status: statusText(c, now),
          Size: `${humanSize(size, 3)} (virtual ${humanSize(size + sizeOfImage(d, c), 3)})`,
          Names: c.name.slice(1),
          // Go ranges over the labels map in random order; name order here.
          Labels: Object.entries(c.config.Labels ?? {})
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => `${k}=${v}`)
            .join(','),
          Mounts: c.mounts.map((m) => ellipsis(m.Name ?? m.Source, 15)).join(','),
          Networks: Object.keys(attachmentsOf(c)).sort().join(','),
          LocalVolumes: String(c.mounts.filter((m) => m.Type === 'volume').length),
        },
        // ContainerContext.Label: one label's value, '' when the container has none of that name.
        { jsonAsMap: true, methods: { Label: { params: ['string'], fn: (k: string) => c.config.Labels?.[k] ?? '' } } },
      );
    });
    if (p.bools.has('quiet') && !p.strings.has('format')) {
      for (const r of rows) ctx.stdout(`${r.ID}\n`);
      return 0;
    }
    let format = p.strings.get('format') ?? '';
    if (!format && p.bools.has('size')) format = `${DOCKER_LISTS.ps.defaultTable}\t{{.Size}}`;
    return printList(ctx, format, rows, DOCKER_LISTS.ps);
  },
};

/**
 * daemon/list.go: the reference the container was made from while it still names the
 * container's image; once the tag is gone or moved, the image ID (short unless --no-trunc).
 */
export function imageColumn(d: DockerEngine, c: Container, noTrunc: boolean): string {
  const now = d.findImage(c.imageRef);
  if (now && now.id === c.image.id) return c.imageRef;
  return noTrunc ? c.image.id : c.image.id.slice(7, 19);
}

/** The PORTS column (api/types DisplayablePorts): published ports on both address families, exposed ones bare. */
function portsText(c: Container): string {
  const published = portMappings(c);
  const exposed = Object.keys(c.config.ExposedPorts ?? {}).filter((p) => !published.some((x) => x.port === p));
  return [
    ...exposed,
    ...published.map((x) => `${x.hostIp === '::' ? ':::' : `${x.hostIp}:`}${x.hostPort}->${x.port}`),
  ].join(', ');
}

function sizeOfImage(_d: DockerEngine, c: Container): number {
  let n = 0;
  for (let l = c.image.layer; l; l = l.parent) n += l.size;
  return n;
}

export const commitCommand: SubCommand = {
  def: {
    path: 'commit',
    usage: 'docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
    summary: "Create a new image from a container's changes",
    flags: [
      { long: 'author', short: 'a', type: 'string' },
      { long: 'message', short: 'm', type: 'string' },
      { long: 'pause', short: 'p', type: 'bool' },
      { long: 'change', short: 'c', type: 'list' },
    ],
    args: { min: 1, max: 2 },
  },
  async run(ctx, d, p) {
    const a = p.strings.get('author');
    const m = p.strings.get('message');
    // The client parses the reference before any request (ContainerCommit): its error has no
    // "Error response from daemon" before it.
    const ref = p.operands[1];
    if (ref)
      try {
        parseReference(ref);
      } catch (e) {
        if (!(e instanceof RegistryError)) throw e;
        ctx.stderr(`${e.message}\n`);
        return 1;
      }
    const id = await d.commit(operand(p, 0), p.operands[1], {
      ...(a ? { author: a } : {}),
      ...(m ? { message: m } : {}),
      changes: p.lists.get('change') ?? [],
    });
    ctx.stdout(`${id}\n`);
    return 0;
  },
};

export const diffCommand: SubCommand = {
  def: {
    path: 'diff',
    usage: 'docker diff CONTAINER',
    summary: "Inspect changes to files or directories on a container's filesystem",
    flags: [],
    args: { exact: 1 },
  },
  run(ctx, d, p) {
    for (const ch of d.diff(operand(p, 0))) ctx.stdout(`${ch.kind} ${ch.path}\n`);
    return 0;
  },
};

/** The daemon's timetypes.GetTimestamp: a Go duration before now, a Unix time, or an RFC 3339 date
 * or date-time (local time when it has no zone; the host's zone is UTC). Epoch ms, or undefined. */
export function logTime(value: string, now: number): number | undefined {
  if (/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(value)) {
    const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
    let ms = 0;
    for (const [, amount, u] of value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g))
      ms += Number(amount) * (unit[u ?? ''] ?? Number.NaN);
    return now - ms;
  }
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const m = /^(\d{4}-\d\d-\d\d)(?:T(\d\d:\d\d(?::\d\d(?:\.\d+)?)?)(Z|[+-]\d\d:\d\d)?)?$/.exec(value);
  if (!m) return undefined;
  const t = Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}${m[3] ?? 'Z'}`);
  return Number.isNaN(t) ? undefined : t;
}

/** Go's url.QueryEscape, as --details writes the attrs. */
function queryEscape(s: string): string {
  return [...new TextEncoder().encode(s)]
    .map((b) => {
      const ch = String.fromCharCode(b);
      if (/[A-Za-z0-9\-_.~]/.test(ch)) return ch;
      return ch === ' ' ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

export const logsCommand: SubCommand = {
  def: {
    path: 'logs',
    usage: 'docker logs [OPTIONS] CONTAINER',
    summary: 'Fetch the logs of a container',
    flags: [
      { long: 'details', type: 'bool' },
      { long: 'follow', short: 'f', type: 'bool' },
      { long: 'since', type: 'string' },
      { long: 'tail', short: 'n', type: 'string' },
      { long: 'timestamps', short: 't', type: 'bool' },
      { long: 'until', type: 'string' },
    ],
    args: { exact: 1 },
  },
  async run(ctx, d, p) {
    const ref = operand(p, 0);
    const c = d.findContainer(ref);
    if (!c) {
      ctx.stderr(`Error: No such container: ${ref}\n`);
      return 1;
    }
    let records: LogRecord[];
    try {
      records = d.readLogs(c.id);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      ctx.stderr(`${daemonMessage(e)}\n`);
      return 1;
    }
    const bounds: Record<string, number | undefined> = {};
    for (const k of ['since', 'until']) {
      const v = p.strings.get(k);
      // The daemon takes --until 0 as no bound at all (daemon/logs.go).
      if (v === undefined || (k === 'until' && v === '0')) continue;
      bounds[k] = logTime(v, d.clock.now());
      if (bounds[k] === undefined) {
        ctx.stderr(`invalid value for "${k}": failed to parse value as time or duration: "${v}"\n`);
        return 1;
      }
    }
    let entries = records.filter((e) => {
      const t = Date.parse(e.time);
      return !(t < (bounds.since ?? -Infinity) || t > (bounds.until ?? Infinity));
    });
    // A --tail that is not a number shows everything, as the daemon's strconv fallback does.
    const tail = Number.parseInt(p.strings.get('tail') ?? 'all', 10);
    if (tail >= 0) entries = entries.slice(Math.max(0, entries.length - tail));
    // --details: the record's attrs (json-file's labels, env and tag), query-escaped, then a space.
    const details = (en: LogRecord): string =>
      p.bools.has('details')
        ? `${Object.keys(en.attrs ?? {})
            .sort()
            .map((k) => `${queryEscape(k)}=${queryEscape(en.attrs?.[k] ?? '')}`)
            .join(',')} `
        : '';
    const show = (en: LogRecord): void | Promise<void> =>
      ctx[en.stream](`${p.bools.has('timestamps') ? `${en.time} ` : ''}${details(en)}${en.log}`);
    for (const en of entries) show(en);
    if (!p.bools.has('follow') || c.state.status !== 'running') return 0;
    if (!ctx.budget.interruptible) {
      // A script, a lesson's check: no Ctrl-C could ever end the wait.
      ctx.stderr('(docker logs -f follows until Ctrl-C; with no terminal to press it on, the tutor stops here)\n');
      return 0;
    }
    // Follow: new lines as the container writes them, until Ctrl-C (the budget's interrupt, 130)
    // or the container stops, as the real CLI does.
    let seen = records.length;
    for (;;) {
      await ctx.budget.idle(250);
      await d.settle();
      if (!d.findContainer(c.id)) return 0;
      const now = d.readLogs(c.id);
      // A rotation drops the oldest records: what is new is what follows the last one shown.
      const last = records[seen - 1];
      const from = last ? now.findIndex((r) => r.time === last.time && r.log === last.log) + 1 : 0;
      for (const en of now.slice(from > 0 ? from : Math.min(seen, now.length))) show(en);
      records = now;
      seen = now.length;
      if (d.findContainer(c.id)?.state.status !== 'running') return 0;
    }
  },
};

/** What a program writes through a terminal (docker exec -t): one stream, each newline as CR LF (the
 * tty's ONLCR), which is what the CLI copies out. */
function terminalIO<T extends CommandContext>(ctx: T): T {
  const dec = new TextDecoder();
  const crlf = (d: string | Uint8Array): string =>
    (typeof d === 'string' ? d : dec.decode(d)).replace(/\r?\n/g, '\r\n');
  return {
    ...ctx,
    stdout: (d: string | Uint8Array) => ctx.stdout(crlf(d)),
    stderr: (d: string | Uint8Array) => ctx.stdout(crlf(d)),
  };
}

/** A shell the terminal attaches to that is GNU bash: the name it was run by (it sets $BASH …). */
function bashRunBy(argv: readonly string[]): { bash?: string } {
  return /(^|\/)bash$/.test(argv[0] ?? '') ? { bash: argv[0] as string } : {};
}
