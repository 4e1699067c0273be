// `docker build` as Docker 20.10's classic builder runs it (the one seed 000 shows: "Step 1/2 :",
// " ---> Running in …", "Removing intermediate container …"). Each RUN runs in an intermediate
// container and is committed as a layer, COPY and ADD write a layer without one; every other
// instruction only changes the config and is committed as an empty layer ("#(nop)"), which is why
// `docker history` shows 0B rows. A step whose parent image already has a child made by the same instruction is taken
// from the build cache.
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import type { Budget } from '../../kernel/index.js';
import { sha256Hex, shortId, type Digest } from '../digest.js';
import type { ContainerConfig, ImageConfig } from '../image-config.js';
import { cmdText, formatContextSize, nopCommand, parseEnvArgs, parseExecOrShell } from './instructions.js';

/** What the builder needs from the daemon. */
export interface BuildBackend {
  /** A local image, or undefined. */
  findImage(ref: string): { id: Digest; config: ImageConfig } | undefined;
  /** Pulls a missing base image, writing the pull's lines. */
  pull(ref: string, out: (line: string) => void): Promise<{ id: Digest; config: ImageConfig }>;
  /** An intermediate container on the image, with this config (its Cmd is what RUN runs). */
  createContainer(imageId: Digest, config: ContainerConfig): { id: string; mergedRoot: string };
  /** Starts the container's Cmd and waits for it; output goes to out. */
  runContainer(id: string, out: (data: string | Uint8Array) => void): Promise<number>;
  /** Writes files from the build context into the container (for COPY/ADD). */
  copyIntoContainer(id: string, files: Array<{ path: string; data: Uint8Array; mode: number }>, dirs: string[]): void;
  /** Commits: with emptyLayer the new image keeps the parent's layers. */
  commit(id: string, parentImage: Digest, config: ImageConfig, emptyLayer: boolean): Promise<Digest>;
  removeContainer(id: string): void;
  tag(imageId: Digest, ref: string): void;
  /** The classic builder's cache: a child of parent whose config matches. */
  cachedChild(parent: Digest, containerConfig: ContainerConfig): Digest | undefined;
  imageConfig(id: Digest): ImageConfig;
  now(): string;
}

export interface BuildContext {
  /** The Dockerfile's text. */
  dockerfile: string;
  dockerfileName: string;
  /** Files of the context directory, relative paths. */
  files: Map<string, { data: Uint8Array; mode: number }>;
  /** Size of the context as the CLI sends it (a tar). */
  contextBytes: number;
}

export interface BuildOptions {
  tags: string[];
  noCache?: boolean;
  buildArgs?: Record<string, string>;
  /** The line's budget: each step pauses there (Ctrl-C), the parse runs under its slice. */
  budget?: Budget;
}

/** bufio.Scanner's MaxScanTokenSize: the daemon's Dockerfile parser reads one line into it. */
const MAX_LINE = 65536;

/** A line the daemon's parser cannot read (measured against dockerd 20.10: a 65,536-byte line
 * fails, with the context already sent). */
function tooLongLine(dockerfile: string): boolean {
  const enc = new TextEncoder();
  for (const line of dockerfile.split('\n')) {
    if (line.length >= MAX_LINE || (line.length * 3 >= MAX_LINE && enc.encode(line).length >= MAX_LINE)) return true;
  }
  return false;
}

export interface BuildResult {
  exitCode: number;
  imageId?: Digest;
}

export class BuildError extends Error {}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

export async function build(
  backend: BuildBackend,
  ctx: BuildContext,
  opts: BuildOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<BuildResult> {
  out(`Sending build context to Docker daemon  ${formatContextSize(ctx.contextBytes)}\r\r\n`);
  if (tooLongLine(ctx.dockerfile)) {
    err(
      'Error response from daemon: failed to parse Dockerfile: ' +
        'dockerfile line greater than max allowed size of ' +
        `${MAX_LINE - 1}\n`,
    );
    return { exitCode: 1 };
  }
  // dockerfile-ast takes time superlinear in an instruction's length (continuation lines can
  // make one of megabytes): the parse runs under the budget's slice.
  const parse = () => DockerfileParser.parse(ctx.dockerfile);
  const df = opts.budget ? opts.budget.sync(parse) : parse();
  const steps = df.getInstructions();
  if (steps.length === 0) {
    err('Error response from daemon: the Dockerfile (Dockerfile) cannot be empty\n');
    return { exitCode: 1 };
  }
  if (steps[0]?.getKeyword() !== 'FROM') {
    err(
      'Error response from daemon: dockerfile parse error line 1: unknown instruction: ' +
        (steps[0]?.getKeyword() ?? '') +
        '\n',
    );
    return { exitCode: 1 };
  }
  let image: { id: Digest; config: ImageConfig } | undefined;
  let runConfig: ContainerConfig = {} as ContainerConfig;
  for (const [i, step] of steps.entries()) {
    // A step is a commit: a Dockerfile of thousands of them runs for minutes, as on a real daemon.
    // Between steps the screen reads its keys; Ctrl-C or the line's time stops the build there.
    await opts.budget?.pause();
    const keyword = step.getKeyword();
    const args = step.getArgumentsContent() ?? '';
    out(`Step ${i + 1}/${steps.length} : ${keyword} ${args}\n`);
    try {
      if (keyword === 'FROM') {
        const [ref = ''] = args.split(/\s+/);
        image = backend.findImage(ref) ?? (await backend.pull(ref, (l) => out(`${l}\n`)));
        runConfig = clone(image.config.config ?? ({} as ContainerConfig));
        out(` ---> ${shortId(image.id)}\n`);
        continue;
      }
      if (!image) throw new BuildError('no build stage in current context');
      const result = await step_(backend, ctx, opts, image, runConfig, step, out, err);
      if (result.exitCode !== 0) return { exitCode: result.exitCode };
      image = { id: result.imageId as Digest, config: backend.imageConfig(result.imageId as Digest) };
      runConfig = clone(image.config.config ?? ({} as ContainerConfig));
    } catch (e) {
      if (e instanceof BuildError) {
        err(`${e.message}\n`);
        return { exitCode: 1 };
      }
      throw e;
    }
  }
  const id = (image as { id: Digest }).id;
  out(`Successfully built ${shortId(id)}\n`);
  for (const t of opts.tags) {
    const ref = t.includes(':') ? t : `${t}:latest`;
    backend.tag(id, ref);
    out(`Successfully tagged ${ref}\n`);
  }
  return { exitCode: 0, imageId: id };
}

async function step_(
  backend: BuildBackend,
  ctx: BuildContext,
  opts: BuildOptions,
  image: { id: Digest; config: ImageConfig },
  runConfig: ContainerConfig,
  step: Instruction,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<BuildResult> {
  const keyword = step.getKeyword();
  const raw = step.getArgumentsContent() ?? '';
  const config = clone(runConfig);
  let containerCmd: string[];
  let layer = false;
  let copy: ReturnType<typeof collectCopy> | undefined;
  switch (keyword) {
    case 'RUN': {
      const parsed = parseExecOrShell(raw);
      containerCmd = parsed.exec ?? ['/bin/sh', '-c', parsed.shell as string];
      layer = true;
      break;
    }
    case 'CMD':
    case 'ENTRYPOINT': {
      const parsed = parseExecOrShell(raw);
      const value = parsed.exec ?? ['/bin/sh', '-c', parsed.shell as string];
      if (keyword === 'CMD') config.Cmd = value;
      else {
        config.Entrypoint = value;
        if (!image.config.config?.Cmd || runConfig.Cmd === image.config.config?.Cmd) config.Cmd = null as never;
      }
      containerCmd = nopCommand(`${keyword} ${cmdText(value)}`);
      break;
    }
    case 'ENV': {
      const pairs = parseEnvArgs(raw);
      const env = [...(config.Env ?? [])];
      for (const [k, v] of pairs) {
        const at = env.findIndex((e) => e.startsWith(`${k}=`));
        if (at >= 0) env[at] = `${k}=${v}`;
        else env.push(`${k}=${v}`);
      }
      config.Env = env;
      containerCmd = nopCommand(`ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`);
      break;
    }
    case 'LABEL': {
      const pairs = parseEnvArgs(raw);
      config.Labels = { ...(config.Labels ?? {}), ...Object.fromEntries(pairs) };
      const text = `LABEL ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`;
      containerCmd = nopCommand(text);
      break;
    }
    case 'EXPOSE': {
      const ports = raw.split(/\s+/).filter(Boolean);
      const exposed = ports.map((p) => (p.includes('/') ? p : `${p}/tcp`));
      config.ExposedPorts = { ...(config.ExposedPorts ?? {}), ...Object.fromEntries(exposed.map((p) => [p, {}])) };
      containerCmd = nopCommand(`EXPOSE ${ports.join(' ')}`);
      break;
    }
    case 'VOLUME': {
      // dispatchVolume: a JSON array or words; each path a key of Config.Volumes, and the commit
      // message is Go's %v of the list ("VOLUME [/data /cache]").
      const parsed = parseExecOrShell(raw);
      const paths = parsed.exec ?? (parsed.shell ?? '').split(/\s+/).filter(Boolean);
      if (paths.some((v) => v === ''))
        throw new BuildError('Error response from daemon: VOLUME specified can not be an empty string');
      config.Volumes = { ...(config.Volumes ?? {}), ...Object.fromEntries(paths.map((v) => [v, {}])) };
      containerCmd = nopCommand(`VOLUME [${paths.join(' ')}]`);
      break;
    }
    case 'USER':
      config.User = raw.trim();
      containerCmd = nopCommand(`USER ${config.User}`);
      break;
    case 'WORKDIR': {
      const dir = raw.trim().startsWith('/')
        ? raw.trim()
        : `${config.WorkingDir || '/'}/${raw.trim()}`.replace(/\/+/g, '/');
      config.WorkingDir = dir;
      containerCmd = nopCommand(`WORKDIR ${dir}`, true);
      break;
    }
    case 'COPY':
    case 'ADD': {
      const parts = raw.split(/\s+/).filter((p) => p && !p.startsWith('--'));
      const dest = parts.pop() ?? '/';
      copy = collectCopy(ctx, parts, dest, config.WorkingDir || '/');
      // Docker names the source: file:<hash>, dir:<hash>, or multi:<hash> for several sources.
      const what =
        `${parts.length > 1 ? 'multi' : ctx.files.has(parts[0]?.replace(/^\.\//, '') ?? '') ? 'file' : 'dir'}` +
        `:${copy.digest}`;
      containerCmd = nopCommand(`${keyword} ${what} in ${dest} `, true);
      layer = true;
      break;
    }
    case 'ARG':
    case 'MAINTAINER':
    case 'STOPSIGNAL':
    case 'HEALTHCHECK':
    case 'SHELL':
    case 'ONBUILD':
      containerCmd = nopCommand(`${keyword} ${raw}`);
      break;
    default: {
      const line = step.getRange().start.line + 1;
      throw new BuildError(
        `Error response from daemon: dockerfile parse error line ${line}: unknown instruction: ${keyword}`,
      );
    }
  }
  // CREATED BY in docker history is the step container's command, joined with spaces.
  const createdBy = containerCmd.join(' ');
  const containerConfig: ContainerConfig = { ...config, Cmd: containerCmd, Image: image.id };
  if (!opts.noCache) {
    const cached = backend.cachedChild(image.id, containerConfig);
    if (cached) {
      out(' ---> Using cache\n');
      out(` ---> ${shortId(cached)}\n`);
      return { exitCode: 0, imageId: cached };
    }
  }
  // COPY and ADD write a new RW layer on the parent image (performCopy, exportImage): the daemon
  // makes no container for them, so none is announced or removed, and the image names none. The
  // layer is made here through a container all the same, one no one sees.
  const announced = !copy;
  const c = backend.createContainer(image.id, containerConfig);
  if (announced) out(` ---> Running in ${c.id.slice(0, 12)}\n`);
  if (keyword === 'RUN') {
    const code = await backend.runContainer(c.id, (d) => out(typeof d === 'string' ? d : new TextDecoder().decode(d)));
    if (code !== 0) {
      err(`The command '${containerCmd.join(' ')}' returned a non-zero code: ${code}\n`);
      return { exitCode: code };
    }
  }
  if (copy) backend.copyIntoContainer(c.id, copy.files, copy.dirs);
  const now = backend.now();
  const cfg: ImageConfig = clone(image.config);
  cfg.config = { ...config, Image: image.id };
  if (announced) cfg.container = c.id;
  else delete cfg.container;
  cfg.container_config = containerConfig;
  cfg.created = now;
  cfg.history = [
    ...(cfg.history ?? []),
    { created: now, created_by: createdBy, ...(layer ? {} : { empty_layer: true }) },
  ];
  const id = await backend.commit(c.id, image.id, cfg, !layer);
  if (announced) out(`Removing intermediate container ${c.id.slice(0, 12)}\n`);
  backend.removeContainer(c.id);
  out(` ---> ${shortId(id)}\n`);
  return { exitCode: 0, imageId: id };
}

function collectCopy(ctx: BuildContext, sources: string[], dest: string, workdir: string) {
  const abs = dest.startsWith('/') ? dest : `${workdir}/${dest}`.replace(/\/+/g, '/');
  const files: Array<{ path: string; data: Uint8Array; mode: number }> = [];
  const dirs = new Set<string>();
  for (const src of sources) {
    const clean = src.replace(/^\.\//, '').replace(/\/$/, '');
    const matches = [...ctx.files.keys()].filter((f) => clean === '.' || f === clean || f.startsWith(`${clean}/`));
    if (matches.length === 0)
      throw new BuildError(
        `COPY failed: file not found in build context or excluded by .dockerignore: stat ${clean}: file does not exist`,
      );
    for (const f of matches) {
      const rel = f === clean ? (f.split('/').pop() ?? f) : f.slice(clean === '.' ? 0 : clean.length + 1);
      const target =
        abs.endsWith('/') || matches.length > 1 || sources.length > 1 ? `${abs.replace(/\/$/, '')}/${rel}` : abs;
      const entry = ctx.files.get(f) as { data: Uint8Array; mode: number };
      files.push({ path: target, data: entry.data, mode: entry.mode });
      const parts = target.split('/').slice(1, -1);
      for (let i = 1; i <= parts.length; i++) dirs.add(`/${parts.slice(0, i).join('/')}`);
    }
  }
  const digest = contentDigest(files);
  return { files, dirs: [...dirs], digest };
}

function contentDigest(files: Array<{ path: string; data: Uint8Array }>): string {
  // Docker names a COPY source by a tarsum of its tar headers and contents; this hashes the paths
  // and bytes, so the name is stable for the same context but is not Docker's value.
  const parts: Uint8Array[] = [];
  for (const f of files) parts.push(new TextEncoder().encode(`${f.path}\0`), f.data);
  return sha256Hex(parts);
}
