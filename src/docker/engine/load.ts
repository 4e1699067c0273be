// docker load of a `docker save` archive in the pre-25 layout (manifest.json, <config>.json,
// <v1 id>/layer.tar, repositories), as moby image/tarexport/load.go does it: each layer is
// registered on the chain below it (or found by ChainID), checked against the config's DiffID,
// the config stored, the RepoTags set. Loaded images get no imagedb metadata.
import { chainId, sha256, type Digest } from '../digest.js';
import { parseImageConfig } from '../image-config.js';
import { readLayerTar } from '../layer-tar.js';
import { parseReference } from '../registry/types.js';
import type { DaemonCore } from './daemon.js';
import type { RoLayer } from './layerstore.js';
import { DaemonError } from './types.js';

interface ManifestItem {
  Config: string;
  RepoTags: string[] | null;
  Layers: string[];
}

/** Loads an archive; returns the lines `docker load` prints. */
export async function loadArchive(d: DaemonCore, archive: Uint8Array): Promise<string[]> {
  let entries;
  try {
    entries = await readLayerTar(archive);
  } catch {
    throw new DaemonError('Error processing tar file(exit status 1): unexpected EOF', 500);
  }
  const files = new Map(entries.filter((e) => e.type === 'file').map((e) => [e.path, e.content as Uint8Array]));
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) throw new DaemonError('open /var/lib/docker/tmp/docker-import-000000000/repositories: no such file or directory', 500);
  const manifest = JSON.parse(new TextDecoder().decode(manifestBytes)) as ManifestItem[];
  const out: string[] = [];
  for (const m of manifest) {
    const configBytes = files.get(m.Config);
    if (!configBytes) throw new DaemonError(`open ${m.Config}: no such file or directory`, 500);
    const cfg = parseImageConfig(configBytes);
    const diffIds = (cfg.rootfs?.diff_ids ?? []) as Digest[];
    if (diffIds.length !== m.Layers.length) throw new DaemonError('invalid manifest, layers length mismatch', 500);
    let parent: RoLayer | undefined;
    for (let i = 0; i < diffIds.length; i++) {
      const want = diffIds[i] as Digest;
      const existing = d.layers.get(chainId(diffIds.slice(0, i + 1)));
      let tar: Uint8Array | undefined;
      if (!existing) {
        tar = files.get(m.Layers[i] as string);
        if (!tar) throw new DaemonError(`open ${m.Layers[i]}: no such file or directory`, 500);
        const got = sha256(tar);
        if (got !== want) throw new DaemonError(`invalid diffID for layer ${i}: expected "${want}", got "${got}"`, 500);
      }
      const { layer, existed } = await d.layers.register(tar ?? new Uint8Array(0), parent, want);
      if (parent) d.layers.release(parent); // a new child holds it now, an existing one already did
      if (!existed) d.emit({ kind: 'layer-created', chainId: layer.chainId, cacheId: layer.cacheId, diffId: layer.diffId });
      parent = layer;
    }
    const { image, existed } = d.imageStore.add(configBytes, parent);
    if (existed && parent) d.layers.release(parent);
    if (!existed) d.emit({ kind: 'image-created', id: image.id });
    const tags = m.RepoTags ?? [];
    for (const t of tags) {
      const r = parseReference(t);
      const key = `${r.name}:${r.tag}`;
      const old = d.imageStore.refs.get(key);
      if (old && old !== image.id) out.push(`The image ${key} already exists, renaming the old one with ID ${old} to empty string`);
      d.imageStore.setRef(key, image.id);
      d.emit({ kind: 'image-tagged', id: image.id, ref: key });
      out.push(`Loaded image: ${key}`);
    }
    if (tags.length === 0) out.push(`Loaded image ID: ${image.id}`);
  }
  return out;
}
