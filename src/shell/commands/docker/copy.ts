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
import { outputPathError, type SubCommand } from './util.js';

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

const baseOf = (p: string): string => clean(p).slice(clean(p).lastIndexOf('/') + 1);
/** Go's filepath.Base(p) == "." (a last element `.`, or nothing at all). */
const specifiesCurrentDir = (p: string): boolean => p === '' || (/(^|\/)\.\/*$/.test(p) && !/(^|\/)\.\.\/*$/.test(p));
/** pkg/archive's assertsDirectory: a trailing / or a last element `.`. */
const assertsDirectory = (p: string): boolean => p.endsWith('/') || specifiesCurrentDir(p);

/** pkg/archive's PreserveTrailingDotOrSeparator: the cleaned path keeps the original's /. or /. */
function preserveTrailing(cleaned: string, original: string): string {
  let out = cleaned;
  if (!specifiesCurrentDir(out) && specifiesCurrentDir(original)) out += out.endsWith('/') ? '.' : '/.';
  if (!out.endsWith('/') && original.endsWith('/')) out += '/';
  return out;
}

/** pkg/archive's SplitPathDirEntry: dir and base of the cleaned path, a trailing `.` kept. */
function splitDirEntry(path: string): { dir: string; base: string } {
  const cleaned = specifiesCurrentDir(path) ? `${clean(path)}/.` : clean(path);
  if (cleaned === '/') return { dir: '/', base: '/' };
  const i = cleaned.lastIndexOf('/');
  return { dir: cleaned.slice(0, i) || '/', base: cleaned.slice(i + 1) };
}

/** GetRebaseName: the resolved path with the original's /. or /, and the original's base when a
 * link changed it (the name the copy keeps). */
function rebaseName(path: string, resolved: string): { resolved: string; rebase: string } {
  let r = resolved;
  if (specifiesCurrentDir(path) && !specifiesCurrentDir(r)) r += '/.';
  if (path.endsWith('/') && !r.endsWith('/')) r += '/';
  return { resolved: r, rebase: baseOf(path) !== baseOf(r) ? baseOf(path) : '' };
}

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

/** An error the CLI prints as it is (pkg/archive's and Go's os errors). */
class CopyFailed extends Error {}

function localError(e: unknown, op: string, path: string): never {
  if (isKernelError(e) && e.code === 'ENOENT') throw new CopyFailed(`${op} ${path}: no such file or directory`);
  if (isKernelError(e) && e.code === 'ENOTDIR') throw new CopyFailed(`${op} ${path}: not a directory`);
  if (isKernelError(e) && e.code === 'ELOOP') throw new CopyFailed(`${op} ${path}: too many levels of symbolic links`);
  throw e;
}

/** An empty container path fails the daemon's form check (httputils' badParameterError, its
 * missing space and all). */
const emptyPath = (): never => {
  throw new DaemonError('bad parameter: pathcannot be empty', 400);
};

interface Dest {
  path: string;
  exists: boolean;
  isDir: boolean;
}

/**
 * PrepareArchiveCopy: where the entries are unpacked and under which top-level name, or the
 * error pkg/archive gives. `name` is the entries' own top-level name ('' for a directory's
 * contents, SRC/.); `srcIsDir` what the source is.
 */
function prepareCopy(
  entries: LayerEntry[],
  name: string,
  srcIsDir: boolean,
  dst: Dest,
): { dir: string; entries: LayerEntry[] } {
  if (dst.exists && dst.isDir) return { dir: dst.path, entries };
  if (dst.exists && srcIsDir) throw new CopyFailed('cannot copy directory');
  if (!dst.exists && !srcIsDir && assertsDirectory(dst.path)) throw new CopyFailed('no such directory');
  const { dir, base } = splitDirEntry(dst.path);
  return { dir, entries: rebase(entries, name, base) };
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
    // resolveLocalPath: Go's filepath.Abs, keeping a trailing / or /. of what was typed. In a
    // removed working directory getcwd fails, and the real 20.10 CLI prints Go's error and
    // stops before the daemon.
    const abs = (path: string): string =>
      preserveTrailing(clean(path.startsWith('/') ? path : `${cwd()}/${path}`), path);
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
    const follow = p.bools.has('follow-link');
    try {
      if (src.container !== undefined)
        return await fromContainer(ctx, d, src.container, src.path, dstArg === '-' ? '-' : abs(dstArg), follow);
      if (dst.container !== undefined)
        return await toContainer(ctx, d, srcArg === '-' ? '-' : abs(srcArg), dst.container, dst.path, {
          follow,
          keepOwners: p.bools.has('archive'),
        });
    } catch (e) {
      if (e instanceof GetwdFailed) {
        ctx.stderr('getwd: no such file or directory\n');
        return 1;
      }
      if (e instanceof CopyFailed) {
        ctx.stderr(`${e.message}\n`);
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

/** Go's os.Stat/Lstat as the CLI sees the host: undefined when the path is not there. */
function statOrUndefined(ctx: CommandContext, path: string, follow: boolean) {
  try {
    return follow ? ctx.proc.stat(path) : ctx.proc.lstat(path);
  } catch (e) {
    if (isKernelError(e) && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return undefined;
    throw e;
  }
}

/** CopyInfoDestinationPath on the host: links followed, and the parent checked when the path is
 * not there. */
function hostDestination(ctx: CommandContext, dstPath: string): Dest {
  let path = dstPath;
  for (let n = 0; ; n++) {
    const st = statOrUndefined(ctx, path, false);
    if (!st) break;
    if (st.type !== 'symlink') return { path, exists: true, isDir: st.type === 'dir' };
    if (n > 10) throw new CopyFailed(`too many symlinks in ${dstPath}`);
    const target = ctx.proc.readlink(path);
    path = target.startsWith('/') ? target : clean(`${splitDirEntry(path).dir}/${target}`);
  }
  const parent = splitDirEntry(path).dir;
  let st: ReturnType<typeof statOrUndefined>;
  try {
    st = ctx.proc.stat(parent);
  } catch (e) {
    localError(e, 'stat', parent);
  }
  if (st?.type !== 'dir') throw new CopyFailed('not a directory');
  return { path, exists: false, isDir: false };
}

/**
 * ResolveHostSourcePath without -L: filepath.EvalSymlinks of the source's directory part, whose
 * errors the CLI prints as Go gives them: a file on the way is a bare "not a directory" (file/.
 * too), a missing directory "lstat <that directory>: no such file or directory".
 */
function evalSymlinksDir(ctx: CommandContext, src: string): void {
  const dir = src.slice(0, src.lastIndexOf('/') + 1);
  if (dir === '' || dir === '/') return;
  const parts = dir.split('/');
  for (let i = 0; i < parts.length; i++) {
    const prefix = parts.slice(0, i + 1).join('/');
    if (prefix === '' || prefix.endsWith('/')) continue;
    let st: ReturnType<CommandContext['proc']['stat']>;
    try {
      st = ctx.proc.stat(prefix);
    } catch (e) {
      if (isKernelError(e) && e.code === 'ENOENT') throw new CopyFailed(`lstat ${prefix}: no such file or directory`);
      if (isKernelError(e) && e.code === 'ENOTDIR') throw new CopyFailed('not a directory');
      throw e;
    }
    if (st.type !== 'dir') throw new CopyFailed('not a directory');
  }
}

async function fromContainer(
  ctx: CommandContext,
  d: Engine,
  container: string,
  srcPath: string,
  dst: string,
  follow: boolean,
): Promise<number> {
  // The CLI checks the local side before it asks the daemon for anything.
  const invalid = dst === '-' ? undefined : outputPathError(ctx, dst);
  if (invalid !== undefined) throw new CopyFailed(invalid);
  let path = srcPath;
  let renamed = '';
  if (follow && path !== '') {
    let st: ReturnType<Engine['statPath']> | undefined;
    try {
      st = d.statPath(container, path);
    } catch {
      // The CLI ignores the stat's error: the archive request reports it.
    }
    if (st?.isSymlink && st.linkTarget !== undefined) {
      const target = st.linkTarget.startsWith('/')
        ? st.linkTarget
        : clean(`${splitDirEntry(path).dir}/${st.linkTarget}`);
      ({ resolved: path, rebase: renamed } = rebaseName(path, target));
    }
  }
  if (path === '') emptyPath();
  let archive: ReturnType<Engine['archive']>;
  try {
    archive = d.archive(container, path);
  } catch (e) {
    if (e instanceof DaemonError && e.status === 404) throw new DaemonError(notFound(container, path), 404);
    throw e;
  }
  let name = /\/\.$/.test(path) ? '' : archive.stat.name;
  let entries = archive.entries;
  if (renamed !== '' && name !== '') {
    entries = rebase(entries, name, renamed);
    name = renamed;
  }
  if (dst === '-') {
    await writeContentTo(ctx.stdout, layerTarContent(entries));
    return 0;
  }
  const to = prepareCopy(entries, name, archive.stat.isDir, hostDestination(ctx, dst));
  // The CLI unpacks without chown: what it writes belongs to whoever runs it.
  extractEntries(ctx.proc, to.dir, to.entries, { uid: 0, gid: 0 });
  return 0;
}

async function toContainer(
  ctx: CommandContext,
  d: Engine,
  src: string,
  container: string,
  dstPath: string,
  opts: { follow: boolean; keepOwners: boolean },
): Promise<number> {
  const dst: Dest = { path: dstPath, exists: false, isDir: false };
  const stat = (path: string) => {
    try {
      return d.statPath(container, path);
    } catch {
      // Ignored as the CLI ignores it: the parent may still exist.
      return undefined;
    }
  };
  let st = dstPath === '' ? undefined : stat(dstPath);
  if (st?.isSymlink && st.linkTarget !== undefined) {
    const target = st.linkTarget.startsWith('/')
      ? st.linkTarget
      : clean(`${splitDirEntry(dstPath).dir}/${st.linkTarget}`);
    dst.path = target;
    st = stat(target);
  }
  if (st) {
    dst.exists = true;
    dst.isDir = st.isDir;
  }
  let entries: LayerEntry[];
  let dir: string;
  if (src === '-') {
    if (!dst.isDir) throw new CopyFailed(`destination "${container}:${dstPath}" must be a directory`);
    entries = await readLayerTar(ctx.stdin);
    dir = dst.path;
  } else {
    // CopyInfoSourcePath: with -L the whole path's links are followed, else only its parent's.
    let resolved = src;
    let renamed = '';
    if (opts.follow) {
      let real: string;
      try {
        real = ctx.proc.realpath(src);
      } catch (e) {
        localError(e, 'lstat', src);
      }
      ({ resolved, rebase: renamed } = rebaseName(src, real));
    }
    if (!opts.follow) evalSymlinksDir(ctx, resolved);
    let isDir: boolean;
    try {
      isDir = ctx.proc.lstat(resolved).type === 'dir';
    } catch (e) {
      localError(e, 'lstat', resolved);
    }
    const contents = specifiesCurrentDir(resolved);
    const name = contents ? '' : renamed || baseOf(resolved);
    const to = prepareCopy(collectEntries(ctx.proc, resolved, name), name, isDir, dst);
    entries = to.entries;
    dir = to.dir;
  }
  if (dir === '') emptyPath();
  try {
    d.extract(container, dir, entries, opts.keepOwners);
  } catch (e) {
    if (e instanceof DaemonError && e.status === 404) throw new DaemonError(notFound(container, dir), 404);
    throw e;
  }
  return 0;
}
