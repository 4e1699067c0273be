// container prune and image prune (moby daemon/prune.go, daemon/images/image_prune.go): every
// container that is not running goes, with the space its layer took; image prune takes the
// dangling heads (no tag, no child), or with -a every top image, deleting each through ImageDelete
// (which refuses what a container uses) and counting the reclaimed space as the DiffSize of each
// layer deleted.
import type { Digest } from '../digest.js';
import { DaemonError } from './types.js';
import { containerSizeRw } from './views.js';
import type { Daemon } from './containers.js';

/** The daemon's prune filters (moby daemon/prune.go): created before `until` (epoch ms), labels. */
export interface PruneFilter {
  until?: number;
  /** matchLabels: every `label` filter matches and not every `label!` one does. */
  labels?: (labels: Readonly<Record<string, string>>) => boolean;
}

export interface ImageDeleteItem {
  Untagged?: string;
  Deleted?: string;
}

export function pruneContainers(d: Daemon, f: PruneFilter = {}): { deleted: string[]; reclaimed: number } {
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const c of [...d.containers.values()].sort((a, b) => a.createdMs - b.createdMs)) {
    if (c.state.status === 'running' || c.state.status === 'restarting') continue;
    if (f.until !== undefined && c.createdMs > f.until) continue;
    if (f.labels && !f.labels(c.config.Labels ?? {})) continue;
    reclaimed += containerSizeRw(d, c);
    d.rm(c.id);
    deleted.push(c.id);
  }
  return { deleted, reclaimed };
}

export function pruneImages(
  d: Daemon,
  all: boolean,
  f: PruneFilter = {},
): { deleted: ImageDeleteItem[]; reclaimed: number } {
  const sizes = new Map<string, number>();
  for (const l of d.layers.layers.values()) sizes.set(l.chainId, l.size);
  const images = [...d.imageStore.images.values()].filter((img) => all || d.imageStore.children(img.id).length === 0);
  const deleted: ImageDeleteItem[] = [];
  for (const img of images) {
    if (!d.imageStore.images.has(img.id)) continue;
    const created = Date.parse(img.config.created ?? '');
    if (f.until !== undefined && created > f.until) continue;
    if (img.config.config && f.labels && !f.labels(img.config.config.Labels ?? {})) continue;
    // The reference store lists an image's references sorted.
    const refs = d.imageStore.refsOf(img.id).sort();
    // An untagged image with children is an intermediate one, not a top image: it goes with the
    // last child ImageDelete removes (the daemon's prune deletes untagged parents).
    if (refs.length === 0 && d.imageStore.children(img.id).length > 0) continue;
    if (refs.length) {
      // Without -a an image is dangling only when no reference is a tag (name@digest only).
      if (!all && refs.some((r) => !r.includes('@'))) continue;
      for (const r of refs) if (d.imageStore.refsOf(img.id).includes(r)) deleted.push(...deleteOrConflict(d, r));
    } else deleted.push(...deleteOrConflict(d, img.id.slice(7)));
  }
  let reclaimed = 0;
  for (const item of deleted) if (item.Deleted) reclaimed += sizes.get(item.Deleted as Digest) ?? 0;
  return { deleted, reclaimed };
}

/**
 * ImageDelete as prune calls it: a conflict (an image a container uses, its last tag) is passed
 * over without a word, so an image a container uses loses every tag but the last one.
 */
function deleteOrConflict(d: Daemon, ref: string): ImageDeleteItem[] {
  try {
    return d.rmi(ref);
  } catch (e) {
    if (e instanceof DaemonError && e.status === 409) return [];
    throw e;
  }
}
