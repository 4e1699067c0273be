// The layer store (moby layer/layer_store.go) and its on-disk metadata in
// image/<driver>/layerdb: read-only layers keyed by ChainID, and the read-write layers of
// containers under layerdb/mounts/<container-id>/.
import type { Random } from '../../kernel/index.js';
import { contentBytes, type FileContent } from '../../kernel/index.js';
import { chainId as chainOf, contentDigest, type Digest } from '../digest.js';
import { type LayerEntry, readLayerTarContent } from '../layer-tar.js';
import type { DaemonFs } from './daemon-fs.js';
import type { GraphDriver } from './graphdriver.js';
import { randomHex } from './overlay2-driver.js';
import { tarSplitGz, tarSplitGzOf } from './tar-split.js';

export interface RoLayer {
  chainId: Digest;
  diffId: Digest;
  parent?: RoLayer;
  cacheId: string;
  size: number;
  /** Images (and container layers) holding this layer. */
  refs: number;
}

export interface RwLayer {
  containerId: string;
  mountId: string;
  initId: string;
  parent: RoLayer;
}

export class LayerStore {
  readonly layers = new Map<string, RoLayer>();
  readonly mounts = new Map<string, RwLayer>();
  readonly root: string;

  constructor(
    private readonly fs: DaemonFs,
    private readonly random: Random,
    readonly driver: GraphDriver,
    dataRoot: string,
  ) {
    this.root = `${dataRoot}/image/${driver.name}/layerdb`;
  }

  init(): void {
    this.fs.mkdirAll(this.root, 0o700);
  }

  get(chainId: string): RoLayer | undefined {
    return this.layers.get(chainId);
  }

  /** Whether the layer with this DiffID on this parent is already here. */
  has(parent: RoLayer | undefined, diffId: Digest): RoLayer | undefined {
    return this.layers.get(parent ? chainOf([parent.chainId, diffId]) : diffId);
  }

  /**
   * Register: apply the tar in a new driver dir and write layerdb/sha256/<chainID>/. The caller
   * gets one reference (a hold on the layer); a new layer holds its parent.
   */
  async register(
    tarOrFn: FileContent | (() => FileContent),
    parent?: RoLayer,
    knownDiffId?: Digest,
  ): Promise<{ layer: RoLayer; existed: boolean }> {
    let tar = typeof tarOrFn === 'function' ? undefined : tarOrFn;
    const diffId = knownDiffId ?? contentDigest(tar ?? (tar = (tarOrFn as () => FileContent)()));
    const chainId = parent ? chainOf([parent.chainId, diffId]) : diffId;
    const found = this.layers.get(chainId);
    if (found) {
      found.refs++;
      return { layer: found, existed: true };
    }
    tar ??= (tarOrFn as () => FileContent)();
    const entries = readLayerTarContent(tar);
    const cacheId = randomHex(this.random);
    const size = this.driver.registerLayer(cacheId, parent?.cacheId, entries);
    const layer: RoLayer = { chainId, diffId, cacheId, size, refs: 1, ...(parent ? { parent } : {}) };
    if (parent) parent.refs++;
    this.writeLayerDb(layer, tar);
    this.layers.set(chainId, layer);
    return { layer, existed: false };
  }

  /**
   * register() of a layer known by its files and its DiffID, as a pull from the tutorial registry
   * has it: the entries go straight into the driver's dir and tar-split is made from them, with
   * no layer tar in between (a 100 MB layer is never a tar in memory).
   */
  registerEntries(
    entries: () => LayerEntry[],
    parent: RoLayer | undefined,
    diffId: Digest,
    tarSplit: () => Uint8Array = () => tarSplitGzOf(entries()),
  ): { layer: RoLayer; existed: boolean } {
    const chainId = parent ? chainOf([parent.chainId, diffId]) : diffId;
    const found = this.layers.get(chainId);
    if (found) {
      found.refs++;
      return { layer: found, existed: true };
    }
    const files = entries();
    const cacheId = randomHex(this.random);
    const size = this.driver.registerLayer(cacheId, parent?.cacheId, files);
    const layer: RoLayer = { chainId, diffId, cacheId, size, refs: 1, ...(parent ? { parent } : {}) };
    if (parent) parent.refs++;
    this.writeLayerDb(layer, tarSplit(), true);
    this.layers.set(chainId, layer);
    return { layer, existed: false };
  }

  private writeLayerDb(layer: RoLayer, tarOrSplit: FileContent, split = false): void {
    const sha = `${this.root}/sha256`;
    if (!this.fs.exists(sha)) {
      this.fs.mkdir(sha, 0o755);
      if (!this.fs.exists(`${this.root}/tmp`)) this.fs.mkdir(`${this.root}/tmp`, 0o755);
    }
    const dir = `${sha}/${layer.chainId.slice(7)}`;
    this.fs.mkdir(dir, 0o700);
    this.fs.write(`${dir}/cache-id`, layer.cacheId, 0o644);
    this.fs.write(`${dir}/diff`, layer.diffId, 0o644);
    if (layer.parent) this.fs.write(`${dir}/parent`, layer.parent.chainId, 0o644);
    this.fs.write(`${dir}/size`, String(layer.size), 0o644);
    this.fs.write(`${dir}/tar-split.json.gz`, split ? contentBytes(tarOrSplit) : tarSplitGz(tarOrSplit), 0o644);
  }

  /** Release one reference; returns the ChainIDs actually deleted, top first. */
  release(layer: RoLayer): Digest[] {
    const deleted: Digest[] = [];
    let cur: RoLayer | undefined = layer;
    while (cur) {
      cur.refs--;
      if (cur.refs > 0) break;
      this.driver.remove(cur.cacheId);
      this.fs.removeAll(`${this.root}/sha256/${cur.chainId.slice(7)}`);
      this.layers.delete(cur.chainId);
      deleted.push(cur.chainId);
      cur = cur.parent;
    }
    return deleted;
  }

  /**
   * CreateRWLayer: the -init layer on the image top (its files written through an overlay mount,
   * so an image's /etc is copied up into it), then the container layer on the init layer, which
   * `docker create` mounts once (so work/work exists before the first start).
   */
  createRw(containerId: string, parent: RoLayer, setupInit: (merged: string) => void): RwLayer {
    const mountId = randomHex(this.random);
    const initId = `${mountId}-init`;
    this.driver.createRw(initId, parent.cacheId);
    const initMerged = this.driver.mount(initId);
    try {
      setupInit(initMerged);
    } finally {
      this.driver.unmount(initId);
    }
    this.driver.createRw(mountId, initId);
    this.driver.mount(mountId);
    this.driver.unmount(mountId);
    parent.refs++;
    const mounts = `${this.root}/mounts`;
    if (!this.fs.exists(mounts)) this.fs.mkdir(mounts, 0o755);
    const dir = `${mounts}/${containerId}`;
    this.fs.mkdir(dir, 0o755);
    this.fs.write(`${dir}/init-id`, initId, 0o644);
    this.fs.write(`${dir}/mount-id`, mountId, 0o644);
    this.fs.write(`${dir}/parent`, parent.chainId, 0o644);
    const rw: RwLayer = { containerId, mountId, initId, parent };
    this.mounts.set(containerId, rw);
    return rw;
  }

  removeRw(rw: RwLayer): Digest[] {
    this.driver.remove(rw.mountId);
    this.driver.remove(rw.initId);
    this.fs.removeAll(`${this.root}/mounts/${rw.containerId}`);
    this.mounts.delete(rw.containerId);
    return this.release(rw.parent);
  }
}
