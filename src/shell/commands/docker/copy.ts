// docker cp, as the 20.10 CLI does it (cli/command/container/cp.go with pkg/archive's CopyTo and
// PrepareArchiveCopy): which side is the container, where the copy lands (into an existing
// directory under its own name, else under the destination's name), `-` as a tar stream on
// stdin or stdout, and the CLI's own error texts.
import { collectEntries, DaemonError, extractEntries } from '../../../docker/engine/index.js';
import { layerTarContent, readLayerTar, type LayerEntry } from '../../../docker/layer-tar.js';
import { isKernelError } from '../../../kernel/index.js';
import { writeContentTo } from '../../content-output.js';
import type { CommandContext } from '../../command.js';
import { operand } from './flags.js';
import type { SubCommand } from './util.js';

/** splitCpArg: an absolute or ./-relative path is local; otherwise CONTAINER:PATH when there is a colon. */
function splitCpArg(arg: string): { container?: string; path: string } {
  if (arg.startsWith('/')) return { path: arg };
  const i = arg.indexOf(':');
  if (i < 0 || arg.startsWith('.')) return { path: arg };
  return { container: arg.slice(0, i), path: arg.slice(i + 1) };
}

/** Go's filepath.Clean of an absolute path. */
function clean(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

const dirOf = (p: string): string => clean(p).slice(0, clean(p).lastIndexOf('/')) || '/';
const baseOf = (p: string): string => clean(p).slice(clean(p).lastIndexOf('/') + 1);

/** The entries under another top-level name (the copy's new name). */
function rebase(entries: LayerEntry[], from: string, to: string): LayerEntry[] {
  if (from === '') {
    // SRC/. into a new directory: the contents under the new name, the directory made for them.
    const under = (p: string | undefined) => (p === undefined ? p : `${to}/${p}`);
    return [
      { path: to, type: 'dir', mode: 0o755 },
      ...entries.map((e) => ({
        ...e,
        path: `${to}/${e.path}`,
        ...(e.type === 'hardlink' ? { linkTarget: under(e.linkTarget) } : {}),
      })),
    ];
  }
  return entries.map((e) => {
    const path = e.path === from ? to : e.path.startsWith(`${from}/`) ? to + e.path.slice(from.length) : e.path;
    const linkTarget =
      e.type === 'hardlink' && e.linkTarget?.startsWith(`${from}/`)
        ? to + e.linkTarget.slice(from.length)
        : e.linkTarget;
    return { ...e, path, ...(linkTarget !== undefined ? { linkTarget } : {}) };
  });
}

const notFound = (container: string, path: string): string => `Error: No such container:path: ${container}:${path}\n`;

function localError(e: unknown, op: string, path: string): string {
  if (isKernelError(e) && e.code === 'ENOENT') return `${op} ${path}: no such file or directory\n`;
  if (isKernelError(e) && e.code === 'ENOTDIR') return `${op} ${path}: not a directory\n`;
  throw e;
}

export const cpCommand: SubCommand = {
  def: {
    path: 'cp',
    usage: 'docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-',
    summary: 'Copy files/folders between a container and the local filesystem',
    flags: [
      { long: 'archive', short: 'a', type: 'bool' },
      { long: 'follow-link', short: 'L', type: 'bool' },
    ],
    args: { exact: 2 },
  },
  async run(ctx, d, p) {
    const srcArg = operand(p, 0);
    const dstArg = operand(p, 1);
    const src = splitCpArg(srcArg);
    const dst = splitCpArg(dstArg);
    if (src.container !== undefined && dst.container !== undefined) {
      ctx.stderr('copying between containers is not supported\n');
      return 1;
    }
    const abs = (path: string): string => clean(path.startsWith('/') ? path : `${cwd()}/${path}`);
    // The CLI makes a relative local path absolute (Go's filepath.Abs); in a removed working
    // directory getcwd fails, and the real 20.10 CLI prints Go's error and stops before the daemon.
    const cwd = (): string => {
      const dir = ctx.proc.getcwd();
      try {
        ctx.proc.stat(dir);
      } catch (e) {
        if (isKernelError(e)) throw new GetwdFailed();
        throw e;
      }
      return dir;
    };
    try {
      if (src.container !== undefined) return await fromContainer(ctx, d, src.container, src.path, dstArg, abs);
      if (dst.container !== undefined)
        return await toContainer(ctx, d, srcArg, dst.container, dst.path, abs, p.bools.has('archive'));
    } catch (e) {
      if (e instanceof GetwdFailed) {
        ctx.stderr('getwd: no such file or directory\n');
        return 1;
      }
      if (e instanceof DaemonError && e.status === 404) {
        ctx.stderr(e.message);
        return 1;
      }
      throw e;
    }
    ctx.stderr('must specify at least one container source\n');
    return 1;
  },
};

class GetwdFailed extends Error {}

type Engine = Parameters<SubCommand['run']>[1];

async function fromContainer(
  ctx: CommandContext,
  d: Engine,
  container: string,
  path: string,
  dstArg: string,
  abs: (p: string) => string,
): Promise<number> {
  // The CLI resolves the local path before it asks the daemon for anything.
  const dst = dstArg === '-' ? '' : abs(dstArg);
  let archive: ReturnType<Engine['archive']>;
  try {
    archive = d.archive(container, path);
  } catch (e) {
    if (e instanceof DaemonError && e.status === 404) throw new DaemonError(notFound(container, path), 404);
    throw e;
  }
  if (dstArg === '-') {
    await writeContentTo(ctx.stdout, layerTarContent(archive.entries));
    return 0;
  }
  const proc = ctx.proc;
  let dstIsDir: boolean | undefined;
  try {
    dstIsDir = proc.stat(dst).type === 'dir';
  } catch {
    dstIsDir = undefined;
  }
  const name = /\/\.$/.test(path) ? '' : archive.stat.name;
  // The CLI unpacks without chown: what it writes belongs to whoever runs it.
  const owner = { uid: 0, gid: 0 };
  if (dstIsDir) {
    extractEntries(proc, dst, archive.entries, owner);
    return 0;
  }
  if (dstIsDir === false && archive.stat.isDir) {
    ctx.stderr(`cannot copy directory to file\n`);
    return 1;
  }
  if (dstArg.endsWith('/')) {
    ctx.stderr(`destination directory "${dst}" does not exist\n`);
    return 1;
  }
  try {
    if (proc.stat(dirOf(dst)).type !== 'dir') throw new Error('not a directory');
  } catch {
    ctx.stderr(`invalid output path: directory "${dirOf(dst)}" does not exist\n`);
    return 1;
  }
  const entries = rebase(archive.entries, name, baseOf(dst));
  extractEntries(proc, dirOf(dst), entries, owner);
  return 0;
}

async function toContainer(
  ctx: CommandContext,
  d: Engine,
  srcArg: string,
  container: string,
  path: string,
  abs: (p: string) => string,
  keepOwners: boolean,
): Promise<number> {
  let dstIsDir: boolean | undefined;
  try {
    dstIsDir = d.statPath(container, path).isDir;
  } catch {
    // Ignored as the CLI ignores it: the parent may still exist.
  }
  let entries: LayerEntry[];
  let dir: string;
  if (srcArg === '-') {
    if (!dstIsDir) {
      ctx.stderr(`destination "${container}:${path}" must be a directory\n`);
      return 1;
    }
    entries = await readLayerTar(ctx.stdin);
    dir = path;
  } else {
    const src = abs(srcArg);
    let isDir: boolean;
    try {
      isDir = ctx.proc.lstat(src).type === 'dir';
    } catch (e) {
      ctx.stderr(localError(e, 'lstat', src));
      return 1;
    }
    const contents = /\/\.$/.test(srcArg);
    const name = contents ? '' : baseOf(src);
    entries = collectEntries(ctx.proc, src, name);
    if (dstIsDir) dir = path;
    else {
      if (dstIsDir === false && isDir) {
        ctx.stderr('cannot copy directory to file\n');
        return 1;
      }
      dir = dirOf(path.startsWith('/') ? path : `/${path}`);
      entries = rebase(entries, name, baseOf(path));
    }
  }
  try {
    d.extract(container, dir, entries, keepOwners);
  } catch (e) {
    if (e instanceof DaemonError && e.status === 404) throw new DaemonError(notFound(container, dir), 404);
    throw e;
  }
  return 0;
}
