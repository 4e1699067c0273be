// docker cp's two halves, as moby's daemon/archive.go and pkg/archive do them: a path in a
// container read out as tar entries (named from the path's last element, parents before children,
// hard links once), and tar entries unpacked into a directory of a container, owned by the
// container's root unless asked to keep their owners. A container that is not running has its
// filesystem mounted for the copy and unmounted after it, so a file copied into a container that
// never ran lands in its upper dir. The same walk and unpack serve the CLI on the host's side.
import { isKernelError, isLazy, type Proc } from '../../kernel/index.js';
import type { LayerEntry } from '../layer-tar.js';
import type { Daemon } from './containers.js';
import { DaemonError } from './types.js';

const baseName = (p: string): string => p.replace(/\/+$/, '').slice(p.replace(/\/+$/, '').lastIndexOf('/') + 1);

/** The stat the daemon's archive endpoints answer with. */
export interface PathStat {
  name: string;
  isDir: boolean;
  isSymlink: boolean;
  /** A symlink's target, as the daemon's stat header carries it (for cp -L). */
  linkTarget?: string;
}

function lstatOrUndefined(proc: Proc, path: string) {
  try {
    return proc.lstat(path);
  } catch (e) {
    if (isKernelError(e)) return undefined;
    throw e;
  }
}

/**
 * TarWithOptions of one path: entries named `rebase` and below it (rebase '' for a dir's
 * contents, as for SRC/.).
 */
export function collectEntries(proc: Proc, path: string, rebase: string): LayerEntry[] {
  const out: LayerEntry[] = [];
  const seen = new Map<number, string>();
  const walk = (p: string, name: string): void => {
    const st = proc.lstat(p);
    const common = {
      mode: st.mode & 0o7777,
      uid: st.uid,
      gid: st.gid,
      mtime: Math.floor(st.mtimeMs / 1000),
    };
    if (st.type === 'dir') {
      if (name !== '') out.push({ path: name, type: 'dir', ...common });
      const children = proc.readdir(p).map((e) => e.name);
      for (const c of children) walk(`${p === '/' ? '' : p}/${c}`, name === '' ? c : `${name}/${c}`);
      return;
    }
    if (st.nlink > 1 && st.type !== 'symlink') {
      const first = seen.get(st.ino);
      if (first !== undefined) {
        out.push({ path: name, type: 'hardlink', linkTarget: first, ...common });
        return;
      }
      seen.set(st.ino, name);
    }
    // A synthetic file (or a slice of an archive) is carried as its description, not its bytes.
    if (st.type === 'file') out.push({ path: name, type: 'file', content: proc.readContent(p), ...common });
    else if (st.type === 'symlink') out.push({ path: name, type: 'symlink', linkTarget: proc.readlink(p), ...common });
    else if (st.type === 'chr' || st.type === 'blk')
      out.push({
        path: name,
        type: st.type === 'chr' ? 'char' : 'block',
        devmajor: Math.floor(st.rdev / 256),
        devminor: st.rdev % 256,
        ...common,
      });
    else if (st.type === 'fifo') out.push({ path: name, type: 'fifo', ...common });
  };
  walk(path, rebase);
  return out;
}

/** Untar into `dir`: parents first, then each entry; owner kept or set to `owner`; mtimes kept. */
export function extractEntries(
  proc: Proc,
  dir: string,
  entries: readonly LayerEntry[],
  owner?: { uid: number; gid: number },
): void {
  const at = (p: string): string => `${dir === '/' ? '' : dir.replace(/\/+$/, '')}/${p}`;
  const dirs: [string, LayerEntry][] = [];
  for (const e of entries) {
    const target = at(e.path);
    const existing = lstatOrUndefined(proc, target);
    const mode = e.mode ?? (e.type === 'dir' ? 0o755 : 0o644);
    if (e.type === 'dir') {
      if (existing?.type !== 'dir') {
        if (existing) proc.unlink(target);
        proc.mkdir(target, mode);
      }
      dirs.push([target, e]);
    } else {
      if (existing?.type === 'dir')
        throw new DaemonError(`cannot overwrite directory "${target}" with non-directory "${e.path}"`, 400);
      if (existing) proc.unlink(target);
      if (e.type === 'file') {
        if (isLazy(e.content)) proc.writeSyntheticFile(target, e.content, mode);
        else proc.writeFile(target, e.content ?? new Uint8Array(0), { create: true }, mode);
      } else if (e.type === 'symlink') proc.symlink(e.linkTarget ?? '', target);
      else if (e.type === 'hardlink') proc.link(at(e.linkTarget ?? ''), target);
      else if (e.type === 'fifo') proc.mknod(target, 0o010000 | mode);
      else if (e.type === 'char' || e.type === 'block')
        proc.mknod(
          target,
          (e.type === 'char' ? 0o020000 : 0o060000) | mode,
          (e.devmajor ?? 0) * 256 + (e.devminor ?? 0),
        );
      else continue;
    }
    const uid = owner?.uid ?? e.uid ?? 0;
    const gid = owner?.gid ?? e.gid ?? 0;
    if (uid !== 0 || gid !== 0) proc.chown(target, uid, gid, false);
    if (e.type !== 'symlink' && e.type !== 'hardlink') {
      proc.chmod(target, mode);
      if (e.type !== 'dir') proc.utimes(target, (e.mtime ?? 0) * 1000, (e.mtime ?? 0) * 1000, false);
    }
  }
  // Directories' times last: unpacking their children changed them.
  for (const [target, e] of dirs.reverse()) proc.utimes(target, (e.mtime ?? 0) * 1000, (e.mtime ?? 0) * 1000, false);
}

/** Runs `fn` on the container's filesystem, mounting it for the time of the call if it is not running. */
export function withContainerFs<T>(d: Daemon, ref: string, fn: (proc: Proc) => T): T {
  const c = d.findContainer(ref);
  if (!c) throw new DaemonError(`No such container: ${ref}`, 404);
  const mounted = d.driver.isMounted(c.rw.mountId);
  const merged = mounted ? d.mergedDir(c) : d.driver.mount(c.rw.mountId);
  try {
    // The daemon's view of the rootfs: not the container's own /proc and /dev.
    return fn(d.kernel.proc({ root: merged, umask: 0o022, hostView: true }));
  } finally {
    if (!mounted) d.driver.unmount(c.rw.mountId);
  }
}

/** HEAD /containers/{id}/archive: what is at the path (a 404 when nothing is). */
export function statContainerPath(d: Daemon, ref: string, path: string): PathStat {
  return withContainerFs(d, ref, (proc) => {
    const st = lstatOrUndefined(proc, path);
    if (!st) throw new DaemonError(`Could not find the file ${path} in container ${ref}`, 404);
    const isSymlink = st.type === 'symlink';
    return {
      name: baseName(path),
      isDir: st.type === 'dir',
      isSymlink,
      ...(isSymlink ? { linkTarget: proc.readlink(path) } : {}),
    };
  });
}

/** GET /containers/{id}/archive: the path's entries, named from its last element. */
export function archiveFromContainer(d: Daemon, ref: string, path: string): { stat: PathStat; entries: LayerEntry[] } {
  return withContainerFs(d, ref, (proc) => {
    const st = lstatOrUndefined(proc, path);
    if (!st) throw new DaemonError(`Could not find the file ${path} in container ${ref}`, 404);
    const stat = { name: baseName(path), isDir: st.type === 'dir', isSymlink: st.type === 'symlink' };
    const contents = /\/\.$/.test(path);
    return { stat, entries: collectEntries(proc, path, contents ? '' : baseName(path) || '.') };
  });
}

/** PUT /containers/{id}/archive: unpack into an existing directory of the container. */
export function extractToContainer(
  d: Daemon,
  ref: string,
  dir: string,
  entries: readonly LayerEntry[],
  keepOwners = false,
): void {
  withContainerFs(d, ref, (proc) => {
    const st = lstatOrUndefined(proc, dir);
    if (!st) throw new DaemonError(`Could not find the file ${dir} in container ${ref}`, 404);
    if (st.type !== 'dir') throw new DaemonError('extraction point is not a directory', 400);
    extractEntries(proc, dir, entries, keepOwners ? undefined : { uid: 0, gid: 0 });
  });
  const c = d.findContainer(ref);
  if (c) d.emit({ kind: 'container', action: 'extract-to-dir', id: c.id });
}
