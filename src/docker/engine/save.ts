// docker save: each image's config and its layers' tars — rebuilt byte for byte from
// tar-split.json.gz and diff/, as the daemon does — written as Docker 20.10 lays out an archive
// (../legacy-archive.ts): <v1 id>/{VERSION,json,layer.tar}, <image id>.json, manifest.json and
// repositories. Which images and tags go in follows moby's tarexporter.parseNames.
import type { FileContent } from '../../kernel/index.js';
import { compareGoStrings } from '../go-json.js';
import { type SavedImage, writeLegacyImageArchive } from '../legacy-archive.js';
import { parseReference } from '../registry/types.js';
import type { DaemonCore } from './daemon.js';
import { DaemonError } from './types.js';
import type { RoLayer } from './layerstore.js';
import type { StoredImage } from './imagestore.js';
import { assembleLayerTar } from './tar-split.js';

/** The layer's tar as content: headers from tar-split, each file's content as diff/ keeps it (a
 * synthetic file is a range of itself, not its bytes). */
function layerTar(d: DaemonCore, layer: RoLayer): FileContent {
  const gz = d.fs.proc.readFile(`${d.layers.root}/sha256/${layer.chainId.slice(7)}/tar-split.json.gz`);
  const diff = d.driver.layerFiles(layer.cacheId);
  return assembleLayerTar(gz, (name) => d.fs.proc.readContent(`${diff}/${name.replace(/\/$/, '')}`));
}

/** The images a list of names selects, each with the tags it is saved under (parseNames). */
function selectImages(d: DaemonCore, refs: string[]): Array<{ image: StoredImage; tags: string[] }> {
  const chosen = new Map<string, { image: StoredImage; tags: string[] }>();
  const add = (image: StoredImage, tag?: string) => {
    let entry = chosen.get(image.id);
    if (!entry) chosen.set(image.id, (entry = { image, tags: [] }));
    if (tag && !entry.tags.includes(tag)) entry.tags.push(tag);
  };
  for (const ref of refs) {
    let named: ReturnType<typeof parseReference> | undefined;
    try {
      named = parseReference(ref);
    } catch {
      named = undefined; // an image ID
    }
    const fullId = /^(sha256:)?[0-9a-f]{64}$/.test(ref);
    if (!named || fullId) {
      add(d.getImage(ref));
      continue;
    }
    // A repository name with no tag or digest ("busybox"): every tag of it is saved; with none,
    // the name is looked up as an image ID prefix (imageStore.Search).
    if (!named.tagged && !named.digest) {
      const tagged = [...d.imageStore.refs]
        .filter(([r]) => r.startsWith(`${named.name}:`))
        .sort(([a], [b]) => compareGoStrings(a, b));
      for (const [r, id] of tagged) add(d.getImage(id), r);
      if (tagged.length) continue;
      const byId = d.findImage(ref);
      if (!byId) throw new DaemonError(`No such image: ${ref}`, 404);
      add(byId);
      continue;
    }
    // A tag or digest reference must be in the reference store (rs.Get).
    const key = named.digest ? `${named.name}@${named.digest}` : `${named.name}:${named.tag}`;
    const id = d.imageStore.refs.get(key);
    if (!id) throw new DaemonError('reference does not exist', 404);
    add(d.getImage(id), named.digest ? undefined : key);
  }
  return [...chosen.values()];
}

/** refs: names, tags or image IDs, as given to `docker save`. */
export function saveImages(d: DaemonCore, refs: string[]): FileContent {
  const selected = selectImages(d, refs);
  const ids = new Set(selected.map((s) => s.image.id));
  const images: SavedImage[] = selected.map(({ image, tags }) => {
    if (!image.layer) throw new DaemonError('empty export - not implemented', 500);
    const chain: RoLayer[] = [];
    for (let l: RoLayer | undefined = image.layer; l; l = l.parent) chain.unshift(l);
    return {
      config: image.configBytes,
      repoTags: tags,
      layers: chain.map((l) => layerTar(d, l)),
      // validatedParentLinks: a parent is named only when it is saved too.
      ...(image.parent && ids.has(image.parent) ? { parent: image.parent } : {}),
    };
  });
  return writeLegacyImageArchive(images, { now: Math.floor(d.clock.now() / 1000) });
}
