// docker save: each image's config and its layers' tars — rebuilt byte for byte from
// tar-split.json.gz and diff/, as the daemon does — written as Docker 25+ lays out an archive
// (../archive.ts): an OCI layout plus manifest.json and repositories.
import type { FileContent } from '../../kernel/index.js';
import { writeImageArchive, type ArchivedImage } from '../archive.js';
import { parseReference } from '../registry/types.js';
import type { DaemonCore } from './daemon.js';
import type { RoLayer } from './layerstore.js';
import { assembleLayerTar } from './tar-split.js';

/** The layer's tar as content: headers from tar-split, each file's content as diff/ keeps it (a
 * synthetic file is a range of itself, not its bytes). */
function layerTar(d: DaemonCore, layer: RoLayer): FileContent {
  const gz = d.fs.proc.readFile(`${d.layers.root}/sha256/${layer.chainId.slice(7)}/tar-split.json.gz`);
  const diff = d.driver.layerFiles(layer.cacheId);
  return assembleLayerTar(gz, (name) => d.fs.proc.readContent(`${diff}/${name.replace(/\/$/, '')}`));
}

/** refs: tags or image IDs, as given to `docker save`. */
export function saveImages(d: DaemonCore, refs: string[]): FileContent {
  const images: ArchivedImage[] = [];
  const byId = new Map<string, ArchivedImage>();
  for (const ref of refs) {
    const img = d.getImage(ref);
    const chain: RoLayer[] = [];
    for (let l: RoLayer | undefined = img.layer; l; l = l.parent) chain.unshift(l);
    let entry = byId.get(img.id);
    if (!entry) {
      // Each layer is named by its DiffID, as the daemon knows it (Docker does not hash it again).
      entry = {
        repoTags: [],
        config: img.configBytes,
        layers: chain.map((l) => layerTar(d, l)),
        layerDigests: chain.map((l) => l.diffId),
      };
      byId.set(img.id, entry);
      images.push(entry);
    }
    // A tag given by name is saved with the image; an ID saves it untagged.
    let tag: string | undefined;
    try {
      const r = parseReference(ref);
      if (!r.digest && d.imageStore.refs.get(`${r.name}:${r.tag}`) === img.id) tag = `${r.name}:${r.tag}`;
    } catch {
      // Not a reference (an image ID): saved untagged.
    }
    if (tag && !entry.repoTags.includes(tag)) entry.repoTags.push(tag);
  }
  const created = images.map(
    (i) => Date.parse((JSON.parse(new TextDecoder().decode(i.config)) as { created?: string }).created ?? '') / 1000,
  );
  return writeImageArchive(images, { mtime: Math.floor(Math.max(0, ...created.filter(Number.isFinite))) });
}
