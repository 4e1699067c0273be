// docker load of a `docker save` archive (read by ../archive.ts: the pre-25 layout and Docker
// 25+'s OCI one), as moby image/tarexport/load.go does it: each layer is
// registered on the chain below it (or found by ChainID), checked against the config's DiffID,
// the config stored, the RepoTags set. Loaded images get no imagedb metadata.
import type { FileContent } from '../../kernel/index.js';
import { ArchiveError, diffIdsOf, readImageArchive } from '../archive.js';
import { chainId, type Digest } from '../digest.js';
import { parseReference } from '../registry/types.js';
import type { DaemonCore } from './daemon.js';
import type { RoLayer } from './layerstore.js';
import { DaemonError } from './types.js';

/** Loads an archive; returns the lines `docker load` prints. */
export async function loadArchive(d: DaemonCore, archive: FileContent): Promise<string[]> {
  let images;
  try {
    images = await readImageArchive(archive);
  } catch (e) {
    throw new DaemonError(
      e instanceof ArchiveError ? e.message : 'Error processing tar file(exit status 1): unexpected EOF',
      500,
    );
  }
  const out: string[] = [];
  for (const img of images) {
    const configBytes = img.config;
    const diffIds = diffIdsOf(img) as Digest[];
    let parent: RoLayer | undefined;
    for (let i = 0; i < diffIds.length; i++) {
      const want = diffIds[i] as Digest;
      const existing = d.layers.get(chainId(diffIds.slice(0, i + 1)));
      const { layer, existed } = await d.layers.register(
        existing ? new Uint8Array(0) : (img.layers[i] as FileContent),
        parent,
        want,
      );
      if (parent) d.layers.release(parent); // a new child holds it now, an existing one already did
      if (!existed)
        d.emit({ kind: 'layer-created', chainId: layer.chainId, cacheId: layer.cacheId, diffId: layer.diffId });
      parent = layer;
    }
    const { image, existed } = d.imageStore.add(configBytes, parent);
    if (existed && parent) d.layers.release(parent);
    if (!existed) d.emit({ kind: 'image-created', id: image.id });
    const tags = img.repoTags;
    for (const t of tags) {
      const r = parseReference(t);
      const key = `${r.name}:${r.tag}`;
      const old = d.imageStore.refs.get(key);
      if (old && old !== image.id)
        out.push(`The image ${key} already exists, renaming the old one with ID ${old} to empty string`);
      d.imageStore.setRef(key, image.id);
      d.emit({ kind: 'image-tagged', id: image.id, ref: key });
      out.push(`Loaded image: ${key}`);
    }
    if (tags.length === 0) out.push(`Loaded image ID: ${image.id}`);
  }
  return out;
}
