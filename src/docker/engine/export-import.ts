// docker export and docker import (moby daemon/export.go, daemon/images/image_import.go): a
// container's whole filesystem (image layers, init layer and upper dir, as mounted) as one tar,
// and a tar made into a one-layer image with an empty config and "Imported from -".
import type { Digest } from '../digest.js';
import { applyConfigChanges, ChangeError } from '../builder/config-changes.js';
import { type ContainerConfig, emptyContainerConfig, imageConfigBytes, type ImageConfig } from '../image-config.js';
import type { FileContent } from '../../kernel/index.js';
import { layerTarContent } from '../layer-tar.js';
import type { Daemon } from './containers.js';
import { collectEntries, withContainerFs } from './copy.js';
import { DOCKER_VERSION } from '../version.js';
import { DaemonError } from './types.js';

/** The container's filesystem as a tar, as content: its synthetic files described, not made. */
export function exportContainer(d: Daemon, ref: string): FileContent {
  const c = d.getContainer(ref);
  const tar = withContainerFs(d, c.id, (proc) => layerTarContent(collectEntries(proc, '/', '')));
  d.emit({ kind: 'container', action: 'export', id: c.id });
  return tar;
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
