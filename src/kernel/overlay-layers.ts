// The read side of the overlay model: how a path resolves through upper and the lowers
// (ovl_lookup), what a merged directory lists (ovl_dir_read_merged), and the small questions the
// write side asks (is a lower entry positive, is this directory a merge). Results are cached until
// the disk changes.
import type { Disk, Probed } from './disk.js';
import { KernelError } from './errors.js';
import { joinRel, splitRel } from './filesystem.js';
import { OVL_ORIGIN, type DirEntry, type FileType } from './types.js';
import type { OverlayLayers } from './overlayfs.js';

/** One name in the merged tree and where it lives in the layers. */
export interface Layered {
  type: FileType;
  /** The upper entry (never a whiteout), if any. */
  upper?: string;
  /** Lower entries: every merged lower directory, or the one lower non-directory. */
  lowers: string[];
  /** The upper directory carries trusted.overlay.opaque=y. */
  opaque: boolean;
  /** The upper directory's trusted.overlay.redirect, as the kernel keeps it in its inode. */
  redirect?: string;
}

/** Where a name's own inode is: its upper entry, else the topmost lower one (a found name has one). */
export function topOf(e: Layered): string {
  const top = e.upper ?? e.lowers[0];
  if (top === undefined) throw new Error('an overlay entry in no layer');
  return top;
}

/** The upper entry of a name that lives only in upper (nothing below it to white out). */
export function upperOf(e: Layered): string {
  if (e.upper === undefined) throw new Error('an overlay entry of lower layers only, taken for an upper one');
  return e.upper;
}

/**
 * What every overlay on one disk may keep of its lookups, together. A tree walk through 200
 * containers' merged views looks up every name of each; kept per mount until the next write,
 * that was 180 MB of heap after one `find /var/lib/docker`. Past the budget every cache on the
 * disk is emptied (a walk refills the directories it stands in at once).
 */
const LOOKUP_BUDGET = 16_384;

interface LookupCaches {
  caches: Set<Map<string, Layered | null>>;
  entries: number;
}

const cachesOfDisk = new WeakMap<Disk, LookupCaches>();

export class LayerStack {
  private cache = new Map<string, Layered | null>();
  private cacheGeneration = -1;
  private readonly shared: LookupCaches;

  constructor(
    private readonly disk: Disk,
    private readonly layers: OverlayLayers,
  ) {
    let shared = cachesOfDisk.get(disk);
    if (!shared) cachesOfDisk.set(disk, (shared = { caches: new Set(), entries: 0 }));
    this.shared = shared;
  }

  private remember(rel: string, result: Layered | null): void {
    const shared = this.shared;
    if (++shared.entries > LOOKUP_BUDGET) {
      for (const c of shared.caches) c.clear();
      // Caches of unmounted overlays leave the set here; live ones come back with their next entry.
      shared.caches.clear();
      shared.entries = 1;
    }
    if (this.cache.size === 0) shared.caches.add(this.cache);
    this.cache.set(rel, result);
  }

  /** ovl_lookup for one name below an already resolved directory. Each layer's directory is
   * asked for the name (Disk.probeIn); a path is joined only for the layers that hold it. An upper
   * directory with a redirect (redirect_dir=on made it when a lower directory was renamed) is
   * looked for in the lowers under the name it names: one name below the same directories, or a
   * path from each lower root when it starts with '/' (ovl_check_redirect). */
  child(parent: Layered, name: string): Layered | null {
    let upper: string | undefined;
    let redirect: string | undefined;
    if (parent.upper !== undefined) {
      const st = this.disk.probeIn(parent.upper, name);
      if (st) {
        if (st.whiteout) return null;
        const p = joinRel(parent.upper, name);
        if (st.type !== 'dir') return { type: st.type, upper: p, lowers: [], opaque: false };
        if (st.opaque) return { type: 'dir', upper: p, lowers: [], opaque: true };
        upper = p;
        redirect = st.redirect;
      }
    }
    let bases = parent.lowers;
    let want = name;
    if (redirect !== undefined) {
      // redirect_dir=nofollow: "refusing to follow redirect" (ovl_lookup's EPERM).
      if (this.layers.redirectDir === 'nofollow') throw new KernelError('EPERM', 'lookup', name);
      if (redirect.startsWith('/')) {
        bases = this.layers.lower;
        want = redirect.slice(1);
      } else want = redirect;
    }
    const lowers: string[] = [];
    for (let i = 0; i < bases.length; i++) {
      const found = this.walkLower(bases[i] as string, want);
      if (found === undefined) continue;
      if (found === 'stop') break;
      const { st, path } = found;
      if (st.type !== 'dir') {
        // A non-directory is seen only when nothing above it was found; below a directory it
        // ends the merge.
        if (upper === undefined && lowers.length === 0) return { type: st.type, lowers: [path], opaque: false };
        break;
      }
      lowers.push(path);
      if (st.opaque || found.stop) break;
      if (st.redirect !== undefined && this.layers.redirectDir !== 'nofollow') {
        // A lower layer made by an overlay with redirect_dir=on: the layers below look where it says.
        if (st.redirect.startsWith('/')) {
          bases = this.layers.lower.slice(this.layerOf(path) + 1);
          want = st.redirect.slice(1);
          i = -1;
        } else {
          want = joinRel(splitRel(want).dir, st.redirect);
        }
      }
    }
    if (upper === undefined && lowers.length === 0) return null;
    return { type: 'dir', upper, lowers, opaque: false, ...(redirect !== undefined ? { redirect } : {}) };
  }

  /** ovl_lookup_layer: a name, or a path of names, below one layer's directory. Undefined when the
   * layer does not hold it; 'stop' when a whiteout or a non-directory on the way ends the lookup;
   * stop: an opaque directory on the way, so no layer below is asked. */
  private walkLower(base: string, want: string): { st: Probed; path: string; stop: boolean } | 'stop' | undefined {
    const parts = want.split('/');
    let dir = base;
    let stop = false;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k] as string;
      const st = this.disk.probeIn(dir, part);
      if (!st) return undefined;
      if (st.whiteout) return 'stop';
      const path = joinRel(dir, part);
      if (k === parts.length - 1) return { st, path, stop };
      if (st.type !== 'dir') return 'stop';
      if (st.opaque) stop = true;
      dir = path;
    }
    return undefined;
  }

  /** The lower layer a lower path lies in (its index in the lowerdir list). */
  private layerOf(path: string): number {
    let best = -1;
    this.layers.lower.forEach((root, i) => {
      const inside = root === '' || path === root || path.startsWith(`${root}/`);
      if (inside && (best < 0 || root.length > (this.layers.lower[best] as string).length)) best = i;
    });
    return best;
  }

  root(): Layered {
    return { type: 'dir', upper: this.layers.upper, lowers: this.layers.lower, opaque: false };
  }

  /** Resolves rel through the layers; null when the name does not exist in the merged view. */
  lookup(rel: string): Layered | null {
    if (rel === '') return this.root();
    if (this.cacheGeneration !== this.disk.generation) {
      this.shared.entries -= this.cache.size;
      this.cache.clear();
      this.cacheGeneration = this.disk.generation;
    }
    const hit = this.cache.get(rel);
    if (hit !== undefined) return hit;
    const { dir, name } = splitRel(rel);
    const parent = this.lookup(dir);
    let result: Layered | null;
    if (parent === null) result = null;
    else if (parent.type !== 'dir') throw new KernelError('ENOTDIR', 'lookup', rel);
    else result = this.child(parent, name);
    this.remember(rel, result);
    return result;
  }

  must(rel: string, syscall: string): Layered {
    const e = this.lookup(rel);
    if (!e) throw new KernelError('ENOENT', syscall, rel);
    return e;
  }

  /** ovl_lower_positive: does some lower layer hold this name below the parent? */
  lowerPositive(rel: string): boolean {
    const e = this.lookup(rel);
    if (e && e.upper === undefined) return true;
    const { dir, name } = splitRel(rel);
    const parent = this.must(dir, 'lookup');
    for (const lowerDir of parent.lowers) {
      const st = this.disk.probeIn(lowerDir, name);
      if (st) return !st.whiteout;
    }
    return false;
  }

  /** ovl_path_type's MERGE: a directory made of more than one layer. */
  isMerge(e: Layered): boolean {
    return e.type === 'dir' && (e.upper !== undefined ? e.lowers.length > 0 : e.lowers.length > 1);
  }

  /** ovl_dir_read_merged: the layers' entries, upper first, without duplicates or whiteouts. */
  mergedEntries(e: Layered): DirEntry[] {
    const seen = new Set<string>();
    const out: DirEntry[] = [];
    const layers = e.upper !== undefined ? [e.upper, ...e.lowers] : e.lowers;
    for (const dir of layers) {
      for (const name of this.disk.names(dir)) {
        if (seen.has(name)) continue;
        seen.add(name);
        const st = this.disk.probeIn(dir, name);
        if (st && !st.whiteout) out.push({ name, type: st.type });
      }
    }
    return out;
  }

  /** OVL_WHITEOUTS: a merged directory, or an upper one copied up from a lower (with an origin). */
  mayHoldWhiteouts(e: Layered): boolean {
    return this.isMerge(e) || (e.upper !== undefined && this.disk.peekXattr(e.upper, OVL_ORIGIN) !== undefined);
  }
}
