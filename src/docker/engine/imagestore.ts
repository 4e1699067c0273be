// The image store (imagedb: configs by image ID, per-image metadata), the reference store
// (repositories.json) and the distribution metadata a pull leaves behind.
import { compareGoStrings } from '../go-json.js';
import { imageId as idOfConfig, type Digest } from '../digest.js';
import { parseImageConfig, type ImageConfig } from '../image-config.js';
import type { DaemonFs } from './daemon-fs.js';
import type { RoLayer } from './layerstore.js';

export interface StoredImage {
  id: Digest;
  configBytes: Uint8Array;
  config: ImageConfig;
  /** Top layer (undefined for an image with no layers). */
  layer?: RoLayer;
  /** Parent image ID, for images committed here. */
  parent?: Digest;
  /** Set when the image was tagged here (commit with a tag, docker tag). RFC 3339 nano. */
  lastUpdated?: string;
}

export class ImageStore {
  readonly images = new Map<string, StoredImage>();
  /** "name:tag" or "name@sha256:…" → image ID; kept in Go's sorted order when written. */
  readonly refs = new Map<string, Digest>();
  readonly root: string;

  constructor(
    private readonly fs: DaemonFs,
    dataRoot: string,
    driverName: string,
  ) {
    // Each driver keeps its own image metadata: a daemon on another driver sees none of it.
    this.root = `${dataRoot}/image/${driverName}`;
  }

  init(): void {
    for (const d of [
      '',
      '/distribution',
      '/imagedb',
      '/imagedb/content',
      '/imagedb/content/sha256',
      '/imagedb/metadata',
      '/imagedb/metadata/sha256',
    ]) {
      if (!this.fs.exists(this.root + d)) this.fs.mkdirAll(this.root + d, 0o700);
    }
    if (!this.fs.exists(`${this.root}/repositories.json`)) this.saveRefs();
  }

  add(configBytes: Uint8Array, layer: RoLayer | undefined, parent?: Digest): { image: StoredImage; existed: boolean } {
    const id = idOfConfig(configBytes);
    const found = this.images.get(id);
    if (found) return { image: found, existed: true };
    const image: StoredImage = {
      id,
      configBytes,
      config: parseImageConfig(configBytes),
      ...(layer ? { layer } : {}),
      ...(parent ? { parent } : {}),
    };
    this.fs.writeAtomic(`${this.root}/imagedb/content/sha256/${id.slice(7)}`, configBytes, 0o600);
    this.images.set(id, image);
    if (parent) this.setMetadata(image, 'parent', parent);
    return { image, existed: false };
  }

  setMetadata(image: StoredImage, key: 'parent' | 'lastUpdated', value: string): void {
    const dir = `${this.root}/imagedb/metadata/sha256/${image.id.slice(7)}`;
    if (!this.fs.exists(dir)) this.fs.mkdir(dir, 0o700);
    this.fs.writeAtomic(`${dir}/${key}`, value, 0o600);
    if (key === 'lastUpdated') image.lastUpdated = value;
  }

  delete(id: Digest): void {
    this.images.delete(id);
    this.fs.removeAll(`${this.root}/imagedb/content/sha256/${id.slice(7)}`);
    this.fs.removeAll(`${this.root}/imagedb/metadata/sha256/${id.slice(7)}`);
  }

  children(id: Digest): StoredImage[] {
    return [...this.images.values()].filter((i) => i.parent === id);
  }

  refsOf(id: Digest): string[] {
    return [...this.refs].filter(([, v]) => v === id).map(([k]) => k);
  }

  setRef(ref: string, id: Digest): void {
    // moby's reference store returns early when the name already points at the id: an
    // up-to-date pull leaves repositories.json as it was.
    if (this.refs.get(ref) === id) return;
    this.refs.set(ref, id);
    this.saveRefs();
  }

  deleteRef(ref: string): void {
    this.refs.delete(ref);
    this.saveRefs();
  }

  /** repositories.json: {"Repositories":{name:{ref:id}}}, keys sorted as Go's map encoding does. */
  saveRefs(): void {
    const byRepo = new Map<string, [string, string][]>();
    for (const [ref, id] of this.refs) {
      const name = ref.includes('@') ? ref.slice(0, ref.indexOf('@')) : ref.slice(0, ref.lastIndexOf(':'));
      if (!byRepo.has(name)) byRepo.set(name, []);
      byRepo.get(name)?.push([ref, id]);
    }
    const repos = [...byRepo.keys()].sort(compareGoStrings).map((name) => {
      const inner = (byRepo.get(name) ?? [])
        .sort((a, b) => compareGoStrings(a[0], b[0]))
        .map(([r, id]) => `${JSON.stringify(r)}:${JSON.stringify(id)}`);
      return `${JSON.stringify(name)}:{${inner.join(',')}}`;
    });
    this.fs.writeAtomic(`${this.root}/repositories.json`, `{"Repositories":{${repos.join(',')}}}`, 0o600);
  }

  /** distribution/: which blob a DiffID came from, and back. */
  recordDistribution(blobDigest: Digest, diffId: Digest, repository: string): void {
    const base = `${this.root}/distribution`;
    const byDigest = `${base}/diffid-by-digest/sha256`;
    const byDiffId = `${base}/v2metadata-by-diffid/sha256`;
    this.fs.mkdirAll(byDigest, 0o700);
    this.fs.mkdirAll(byDiffId, 0o700);
    this.fs.writeAtomic(`${byDigest}/${blobDigest.slice(7)}`, diffId, 0o644);
    const meta =
      `[{"Digest":${JSON.stringify(blobDigest)},"SourceRepository":` + `${JSON.stringify(repository)},"HMAC":""}]`;
    this.fs.writeAtomic(`${byDiffId}/${diffId.slice(7)}`, meta, 0o644);
  }
}
