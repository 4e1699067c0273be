// `docker diff` as a 20.10 daemon computes it, on overlay2 as on the legacy overlay driver: moby
// 20.10's overlay2 Driver.Changes returns d.naiveDiff.Changes(id, parent) whatever the native diff
// check found (the upper-dir walk, archive.OverlayChanges, is used by neither). The NaiveDiffDriver
// mounts the container layer and its -init layer (Driver.Get) and pkg/archive ChangesDirs compares
// the two trees entry by entry. So a copy-up that changed no compared field is not a change: a file
// copied up because a hard link was made to it, chmod to the mode it had, touch -r to its own time,
// any touch of a directory (checked against a real dockerd 20.10 on this kernel, conformance
// script 32).
import type { Stat } from '../../kernel/index.js';
import type { DaemonFs } from './daemon-fs.js';

export interface Change {
  kind: 'A' | 'C' | 'D';
  /** Absolute path inside the container. */
  path: string;
}

const isDir = (st: Stat): boolean => st.type === 'dir';

/** What a driver offers the naive diff: Get and Put of a layer by id. */
export interface MountableLayers {
  readonly fs: DaemonFs;
  isMounted(id: string): boolean;
  mount(id: string): string;
  unmount(id: string): void;
}

/** Runs fn on the merged paths of a container layer and its -init layer, mounting whichever is
 * not mounted and unmounting those again afterwards (Get, then Put). */
export function withMounted<T>(
  driver: MountableLayers,
  mountId: string,
  initId: string,
  fn: (merged: string, initMerged: string) => T,
): T {
  const mountedHere = [mountId, initId].filter((id) => !driver.isMounted(id));
  const merged = driver.mount(mountId);
  const initMerged = driver.mount(initId);
  try {
    return fn(merged, initMerged);
  } finally {
    for (const id of mountedHere) driver.unmount(id);
  }
}

/**
 * The daemon walks merged/ in the host's mount namespace, where the container's bind mounts
 * (/etc/hosts, -v …) are not; the simulator keeps those mounts in one table, so each is mapped to
 * the host path of what the overlay itself has there (`underneath`, given the path in the
 * container).
 */
export function boundPaths(fs: DaemonFs, merged: string, underneath: (rel: string) => string): Map<string, string> {
  const bound = new Map<string, string>();
  for (const m of fs.kernel.mounts()) {
    if (m.namespace === undefined || !m.target.startsWith(`${merged}/`)) continue;
    const rel = m.target.slice(merged.length);
    bound.set(rel, underneath(rel));
  }
  return bound;
}

/** sameFsTimeSpec: the same second, and the same nanoseconds unless either has none (a time that
 * came through a tar header or a filesystem without sub-second times). */
const sameFsTime = (a: number, b: number): boolean =>
  Math.floor(a / 1000) === Math.floor(b / 1000) && (a === b || a % 1000 === 0 || b % 1000 === 0);

/**
 * pkg/archive ChangesDirs(now, before): every entry only in `now` is A (and so is all below it),
 * one whose mode, owner, device or — for non-directories — size or mtime differ is C, one only
 * in `before` is D; a directory with changes below it gets a C line before them. Go walks its
 * maps in random order; names are sorted here so the output is reproducible.
 */
export function naiveChanges(
  fs: DaemonFs,
  now: string,
  before: string,
  bound: ReadonlyMap<string, string> = new Map(),
): Change[] {
  const out: Change[] = [];
  /** The host path to read for a path of the container, around its bind mounts. */
  const hostOf = (rel: string): string => {
    for (const [b, instead] of bound) if (rel === b || rel.startsWith(`${b}/`)) return instead + rel.slice(b.length);
    return `${now}${rel}`;
  };
  const statNow = (rel: string): Stat => fs.proc.lstat(hostOf(rel));
  const differs = (a: Stat, b: Stat): boolean =>
    a.mode !== b.mode ||
    a.uid !== b.uid ||
    a.gid !== b.gid ||
    a.rdev !== b.rdev ||
    (!isDir(a) && (!sameFsTime(a.mtimeMs, b.mtimeMs) || a.size !== b.size));
  const walk = (rel: string, nowSt: Stat, beforeSt: Stat | undefined, reported: boolean): void => {
    const start = out.length;
    const names = isDir(nowSt) ? fs.readdir(hostOf(rel)).sort() : [];
    const beforeNames = new Set(beforeSt && isDir(beforeSt) ? fs.readdir(`${before}${rel}`) : []);
    for (const name of names) {
      const childRel = `${rel}/${name}`;
      const st = statNow(childRel);
      const old = beforeNames.has(name) ? fs.proc.lstat(`${before}${childRel}`) : undefined;
      beforeNames.delete(name);
      let added = false;
      if (!old) {
        out.push({ kind: 'A', path: childRel });
        added = true;
      } else if (differs(st, old)) {
        out.push({ kind: 'C', path: childRel });
        added = true;
      }
      if (isDir(st)) walk(childRel, st, old, added);
    }
    for (const gone of [...beforeNames].sort()) out.push({ kind: 'D', path: `${rel}/${gone}` });
    if (rel !== '' && out.length > start && !reported) out.splice(start, 0, { kind: 'C', path: rel });
  };
  walk('', fs.proc.lstat(now), fs.proc.lstat(before), true);
  return out;
}
