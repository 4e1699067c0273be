// docker export and docker import (moby daemon/export.go, daemon/images/image_import.go): a
// container's whole filesystem (image layers, init layer and upper dir, as mounted) as one tar,
// and a tar made into a one-layer image with an empty config and "Imported from -".
import type { Digest } from '../digest.js';
import { applyConfigChanges, ChangeError } from '../builder/config-changes.js';
import { type ContainerConfig, emptyContainerConfig, imageConfigBytes, type ImageConfig } from '../image-config.js';
import type { FileContent, Stat } from '../../kernel/index.js';
import { type LayerEntry, layerTarContent } from '../layer-tar.js';
import type { Daemon } from './containers.js';
import { collectEntries, withContainerFs } from './copy.js';
import { DOCKER_VERSION } from '../version.js';
import { DaemonError } from './types.js';

/** The container's filesystem as a tar, as content: its synthetic files described, not made. */
export function exportContainer(d: Daemon, ref: string): FileContent {
  const c = d.getContainer(ref);
  const tar = withContainerFs(d, c.id, (proc) =>
    layerTarContent(withoutBindMounts(d, d.mergedDir(c), collectEntries(proc, '/', ''))),
  );
  d.emit({ kind: 'container', action: 'export', id: c.id });
  return tar;
}

/**
 * The daemon walks merged/ in its own mount namespace, where the container's bind mounts (/etc/hosts,
 * /etc/hostname, /etc/resolv.conf, volumes) are not: it exports what the overlay has there (the
 * -init layer's empty 0755 files, a volume's empty mountpoint). The model keeps one mount table,
 * so each bound path is read again from the overlay itself, and what is below a bound directory dropped.
 */
function withoutBindMounts(d: Daemon, merged: string, entries: LayerEntry[]): LayerEntry[] {
  const overlay = [...d.kernel.mounts()]
    .reverse()
    .find((m) => m.target === merged && m.namespace === undefined && m.privateTo === undefined);
  const bound = d.kernel
    .mounts()
    .filter((m) => m.namespace !== undefined && m.target.startsWith(`${merged}/`))
    .map((m) => m.target.slice(merged.length + 1));
  if (!overlay || bound.length === 0) return entries;
  const out: LayerEntry[] = [];
  for (const e of entries) {
    if (bound.some((b) => e.path.startsWith(`${b}/`))) continue;
    if (!bound.includes(e.path)) {
      out.push(e);
      continue;
    }
    let st: Stat;
    try {
      st = overlay.fs.lstat(e.path);
    } catch {
      continue; // nothing under the mount: the walk finds nothing there
    }
    const common = {
      path: e.path,
      mode: st.mode & 0o7777,
      uid: st.uid,
      gid: st.gid,
      mtime: Math.floor(st.mtimeMs / 1000),
    };
    if (st.type === 'dir') out.push({ ...common, type: 'dir' });
    else if (st.type === 'file')
      out.push({ ...common, type: 'file', content: overlay.fs.readContent?.(e.path) ?? overlay.fs.readFile(e.path) });
    else if (st.type === 'symlink') out.push({ ...common, type: 'symlink', linkTarget: overlay.fs.readlink(e.path) });
  }
  return out;
}

/** The new image's ID; tagged `ref` when one is given. */
export async function importImage(
  d: Daemon,
  tar: FileContent,
  ref?: string,
  message?: string,
  changes: readonly string[] = [],
): Promise<Digest> {
  // The changes are read before the tar is (BuildFromConfig on an empty config).
  let config: ContainerConfig;
  try {
    config = applyConfigChanges(emptyContainerConfig(), changes);
  } catch (e) {
    if (e instanceof ChangeError) throw new DaemonError(e.message, 400);
    throw e;
  }
  const { layer, existed } = await d.layers.register(tar);
  if (!existed) d.emit({ kind: 'layer-created', chainId: layer.chainId, cacheId: layer.cacheId, diffId: layer.diffId });
  const created = d.now().text;
  const comment = message || 'Imported from -';
  const cfg: ImageConfig = {
    architecture: 'amd64',
    comment,
    config,
    created,
    docker_version: DOCKER_VERSION,
    history: [{ created, comment }],
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [layer.diffId] },
  };
  const { image } = d.imageStore.add(imageConfigBytes(cfg), layer);
  d.emit({ kind: 'image-created', id: image.id });
  if (ref) d.tag(image.id, ref);
  return image.id;
}
