// The simulated dockerd: the data-root layout of a 20.10 daemon with the overlay2 (or legacy overlay) driver, and
// the image operations (pull, tag, rmi, commit). Container operations are in containers.ts,
// read-only views (inspect, images, ps, history, info, df) in views.ts. Everything happens on
// the kernel's disk; ids come from the injected random and times from the injected clock.
import type { Clock, Kernel, Random } from '../../kernel/index.js';
import { DOCKER_VERSION } from '../version.js';
import { shortId, type Digest } from '../digest.js';
import { goTimeFromUnix } from '../go-time.js';
import { type ContainerConfig, imageConfigBytes, type ImageConfig } from '../image-config.js';
import { applyConfigChanges, ChangeError } from '../builder/config-changes.js';
import { writeLayerTar } from '../layer-tar.js';
import { parseReference, qualifiedName, RegistryError, type Registry } from '../registry/types.js';
import { DaemonFs } from './daemon-fs.js';
import { ImageStore, type StoredImage } from './imagestore.js';
import { LayerStore, type RoLayer } from './layerstore.js';
import type { GraphDriver } from './graphdriver.js';
import { Overlay } from './overlay-driver.js';
import { Overlay2 } from './overlay2-driver.js';
import { restoreState } from './restore.js';
import { initVolumeStore } from './volumes.js';
import { networksOf } from './networks.js';
import {
  DaemonError,
  type Container,
  type DaemonEvent,
  type DaemonListener,
  type DaemonOptions,
  type PullResult,
  type RunCommand,
} from './types.js';

export class DaemonCore {
  readonly kernel: Kernel;
  readonly clock: Clock;
  readonly random: Random;
  readonly registry: Registry;
  readonly runCommand: RunCommand;
  readonly dataRoot: string;
  readonly hostname: string;
  readonly kernelVersion: string;
  readonly operatingSystem: string;
  readonly fs: DaemonFs;
  readonly driver: GraphDriver;
  readonly layers: LayerStore;
  readonly imageStore: ImageStore;
  readonly containers = new Map<string, Container>();
  /** The docker exec processes running in each container (by id), oldest first, for ps inside it. */
  readonly execs = new Map<string, Array<{ pid: number; argv: readonly string[]; tty: boolean }>>();
  private readonly listeners = new Set<DaemonListener>();
  readonly daemonId: string;
  /** The default LogConfig (daemon.json's log-driver and log-opts). */
  readonly logDefaults: { Type: string; Config: Record<string, string> };
  /** While settle() runs what fell due (restart-loop.ts): the host clock's now it catches up to,
   * the time of what it runs now, which the daemon's timestamps take, and how long the restarted
   * process slept. */
  catchUp?: { targetMs: number; virtualMs: number; sleptMs: number };

  constructor(o: DaemonOptions) {
    this.kernel = o.kernel;
    this.clock = o.clock;
    this.random = o.random;
    this.registry = o.registry;
    this.runCommand = o.runCommand;
    this.logDefaults = o.logConfig ?? { Type: 'json-file', Config: {} };
    this.dataRoot = o.dataRoot ?? '/var/lib/docker';
    this.hostname = o.hostname ?? 'tutorial';
    this.kernelVersion = o.kernelVersion ?? o.kernel.release;
    this.operatingSystem = o.operatingSystem ?? 'Ubuntu 22.04.3 LTS';
    this.fs = new DaemonFs(o.kernel);
    this.driver =
      o.storageDriver === 'overlay'
        ? new Overlay(this.fs, this.clock, this.dataRoot)
        : new Overlay2(this.fs, this.random, this.dataRoot);
    this.layers = new LayerStore(this.fs, this.random, this.driver, this.dataRoot);
    this.imageStore = new ImageStore(this.fs, this.dataRoot, this.driver.name);
    const idBytes = this.random.fill(new Uint8Array(48));
    const b32 = [...idBytes].map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b & 31]).join('');
    this.daemonId = (b32.match(/.{4}/g) ?? []).slice(0, 12).join(':');
    this.initLayout();
    restoreState(this);
  }

  /** What a fresh 20.10 data-root holds (ground truth section 3), with its modes. */
  private initLayout(): void {
    const r = this.dataRoot;
    this.fs.mkdirAll(r, 0o710);
    this.fs.proc.chmod(r, 0o710);
    const dirs: [string, number][] = [
      ['buildkit', 0o711],
      ['containerd', 0o700],
      ['containers', 0o710],
      ['image', 0o700],
      ['network', 0o750],
      ['network/files', 0o755],
      ['plugins', 0o700],
      ['plugins/storage', 0o700],
      ['plugins/tmp', 0o700],
      ['runtimes', 0o700],
      ['swarm', 0o700],
      ['tmp', 0o700],
      ['trust', 0o700],
      ['volumes', 0o701],
    ];
    for (const [d, mode] of dirs) if (!this.fs.exists(`${r}/${d}`)) this.fs.mkdir(`${r}/${d}`, mode);
    initVolumeStore(this);
    networksOf(this);
    this.driver.init();
    this.imageStore.init();
    this.layers.init();
  }

  on(listener: DaemonListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Moves on with every change to the daemon's images, layers and containers (not with an exec
   * or a pull of what is there already), so a caller can tell a command that changed it. */
  generation = 0;

  emit(e: DaemonEvent): void {
    if (e.kind !== 'pull-layer' && !(e.kind === 'container' && e.action === 'exec')) this.generation++;
    for (const l of this.listeners) l(e);
  }

  /** Now as Go prints a time.Time in JSON: RFC 3339 with nanoseconds, trailing zeros cut. */
  now(): { ms: number; text: string } {
    // During a catch-up each read moves the run's own time on by 1 ms, as the stepping clock does.
    const ms = this.catchUp ? this.catchUp.virtualMs++ : this.clock.now();
    const extra = this.random.fill(new Uint8Array(3));
    const nanos =
      (ms % 1000) * 1_000_000 +
      ((((extra[0] as number) << 16) | ((extra[1] as number) << 8) | (extra[2] as number)) % 1_000_000);
    return { ms, text: goTimeFromUnix(Math.floor(ms / 1000), nanos) };
  }

  // ---- lookups --------------------------------------------------------------------------------

  /** daemon.GetImage: a reference first ("ubuntu" = ubuntu:latest), then a full or short ID. */
  findImage(ref: string): StoredImage | undefined {
    try {
      const r = parseReference(ref);
      const key = r.digest ? `${r.name}@${r.digest}` : `${r.name}:${r.tag}`;
      const id = this.imageStore.refs.get(key);
      if (id) return this.imageStore.images.get(id);
    } catch {
      // not a reference: maybe an ID
    }
    const hex = ref.startsWith('sha256:') ? ref.slice(7) : ref;
    if (!/^[0-9a-f]+$/.test(hex)) return undefined;
    const hits = [...this.imageStore.images.values()].filter((i) => i.id.slice(7).startsWith(hex));
    return hits.length === 1 ? hits[0] : undefined;
  }

  /** The error text the daemon gives for an image it does not have (a tag is added if missing). */
  static noSuchImage(ref: string): DaemonError {
    let shown = ref;
    try {
      const r = parseReference(ref);
      if (!r.tagged && !r.digest && !/^(sha256:)?[0-9a-f]{6,64}$/.test(ref)) shown = `${ref}:latest`;
    } catch {
      // shown as given
    }
    return new DaemonError(`No such image: ${shown}`, 404);
  }

  getImage(ref: string): StoredImage {
    const img = this.findImage(ref);
    if (!img) throw DaemonCore.noSuchImage(ref);
    return img;
  }

  findContainer(ref: string): Container | undefined {
    const byId = this.containers.get(ref);
    if (byId) return byId;
    const name = ref.startsWith('/') ? ref : `/${ref}`;
    for (const c of this.containers.values()) if (c.name === name) return c;
    const hits = [...this.containers.values()].filter((c) => c.id.startsWith(ref));
    return hits.length === 1 ? hits[0] : undefined;
  }

  getContainer(ref: string): Container {
    const c = this.findContainer(ref);
    if (!c) throw new DaemonError(`No such container: ${ref}`, 404);
    return c;
  }

  // ---- images ---------------------------------------------------------------------------------

  async pull(ref: string): Promise<PullResult> {
    let resolved;
    try {
      resolved = this.registry.resolve(ref);
    } catch (e) {
      if (e instanceof RegistryError) throw new DaemonError(e.message, e.kind === 'invalid-reference' ? 400 : 404);
      throw e;
    }
    const r = parseReference(ref);
    const layers: PullResult['layers'] = [];
    let parent: RoLayer | undefined;
    for (const l of resolved.layers) {
      const id = l.blobDigest.slice(7, 19);
      const { layer, existed } = this.layers.registerEntries(
        () => l.entries(),
        parent,
        l.diffId,
        () => l.tarSplit(),
      );
      // Our hold on the parent ends here: a new child holds it, an existing one already did.
      if (parent) this.layers.release(parent);
      if (!existed) {
        this.imageStore.recordDistribution(l.blobDigest, l.diffId, qualifiedName(resolved.name));
        this.emit({ kind: 'layer-created', chainId: layer.chainId, cacheId: layer.cacheId, diffId: layer.diffId });
      }
      layers.push({ id, status: existed ? 'Already exists' : 'Pull complete' });
      this.emit({ kind: 'pull-layer', ref, id, status: existed ? 'Already exists' : 'Pull complete', size: l.size });
      parent = layer;
    }
    const { image, existed } = this.imageStore.add(resolved.config, parent);
    if (existed && parent) this.layers.release(parent); // the image already held its top layer
    if (!existed) this.emit({ kind: 'image-created', id: image.id });
    const tagKey = `${resolved.name}:${r.tag}`;
    const digestKey = `${resolved.name}@${resolved.manifestDigest}`;
    const upToDate = existed && this.imageStore.refs.get(r.digest ? digestKey : tagKey) === image.id;
    if (!r.digest) this.imageStore.setRef(tagKey, image.id);
    this.imageStore.setRef(digestKey, image.id);
    if (!upToDate) this.emit({ kind: 'image-tagged', id: image.id, ref: r.digest ? digestKey : tagKey });
    return {
      name: resolved.name,
      tag: r.digest ?? r.tag,
      layers,
      digest: resolved.manifestDigest,
      imageId: image.id,
      upToDate,
    };
  }

  tag(source: string, target: string): void {
    const img = this.getImage(source);
    const r = parseReference(target);
    if (r.digest) throw new DaemonError('refusing to create a tag with a digest reference', 400);
    this.imageStore.setRef(`${r.name}:${r.tag}`, img.id);
    this.imageStore.setMetadata(img, 'lastUpdated', this.now().text);
    this.emit({ kind: 'image-tagged', id: img.id, ref: `${r.name}:${r.tag}` });
  }

  /** ImageDelete: the lines `docker rmi` prints ({Untagged} / {Deleted}). */
  rmi(ref: string, force = false): { Untagged?: string; Deleted?: string }[] {
    const img = this.findImage(ref);
    if (!img) throw new DaemonError(`No such image: ${ref}`, 404);
    const out: { Untagged?: string; Deleted?: string }[] = [];
    const users = [...this.containers.values()].filter((c) => c.image.id === img.id);
    const byId = /^(sha256:)?[0-9a-f]+$/.test(ref) && img.id.slice(7).startsWith(ref.replace(/^sha256:/, ''));
    const refs = this.imageStore.refsOf(img.id);
    if (!byId) {
      const r = parseReference(ref);
      const key = r.digest ? `${r.name}@${r.digest}` : `${r.name}:${r.tag}`;
      const tagRefs = refs.filter((k) => !k.includes('@'));
      if (users.length && !force && tagRefs.length <= 1) {
        throw new DaemonError(
          `conflict: unable to remove repository reference "${ref}" ` +
            `(must force) - container ${users[0]?.id.slice(0, 12)} is ` +
            `using its referenced image ${shortId(img.id)}`,
          409,
        );
      }
      // Untagging the last tag also drops the image's digest references.
      const drop = tagRefs.length <= 1 ? refs : [key];
      for (const k of drop) {
        this.imageStore.deleteRef(k);
        out.push({ Untagged: k });
        this.emit({ kind: 'image-untagged', id: img.id, ref: k });
      }
      if (tagRefs.length > 1) return out;
    } else {
      if (this.imageStore.children(img.id).length)
        throw new DaemonError(
          `conflict: unable to delete ${shortId(img.id)} (cannot be forced) - image has dependent child images`,
          409,
        );
      if (refs.filter((k) => !k.includes('@')).length > 1 && !force) {
        throw new DaemonError(
          `conflict: unable to delete ${shortId(img.id)} (must be ` +
            'forced) - image is referenced in multiple repositories',
          409,
        );
      }
      const running = users.find((c) => c.state.status === 'running' || c.state.status === 'restarting');
      if (running)
        throw new DaemonError(
          `conflict: unable to delete ${shortId(img.id)} (cannot be forced) - image is being used by ` +
            `running container ${running.id.slice(0, 12)}`,
          409,
        );
      if (users.length && !force)
        throw new DaemonError(
          `conflict: unable to delete ${shortId(img.id)} (must be ` +
            'forced) - image is being used by stopped container ' +
            `${users[0]?.id.slice(0, 12)}`,
          409,
        );
      for (const k of refs) {
        this.imageStore.deleteRef(k);
        out.push({ Untagged: k });
      }
    }
    // imageDeleteHelper after an untag: a running container keeps the image (quietly, as an
    // untagged one); forced, stopped ones do not: the image goes, its layers stay while their
    // container layers stand on them.
    if (users.some((c) => c.state.status === 'running' || c.state.status === 'restarting')) return out;
    if (users.length) {
      this.imageStore.delete(img.id);
      out.push({ Deleted: img.id });
      this.emit({ kind: 'image-deleted', id: img.id });
      if (img.layer) for (const chain of this.layers.release(img.layer)) out.push({ Deleted: chain });
      return out;
    }
    this.deleteImageChain(img, out);
    return out;
  }

  private deleteImageChain(img: StoredImage, out: { Untagged?: string; Deleted?: string }[]): void {
    let cur: StoredImage | undefined = img;
    while (cur) {
      if (this.imageStore.children(cur.id).length || this.imageStore.refsOf(cur.id).length) break;
      if ([...this.containers.values()].some((c) => c.image.id === cur?.id)) break;
      this.imageStore.delete(cur.id);
      out.push({ Deleted: cur.id });
      this.emit({ kind: 'image-deleted', id: cur.id });
      if (cur.layer) {
        for (const chain of this.layers.release(cur.layer)) {
          out.push({ Deleted: chain });
          this.emit({ kind: 'layer-deleted', chainId: chain });
        }
      }
      cur = cur.parent ? this.imageStore.images.get(cur.parent) : undefined;
    }
  }

  /** The owner names a 20.10 daemon writes into a layer's tar headers: Go's tar.FileInfoHeader asks
   * os/user, that is the daemon host's /etc/passwd and /etc/group (uid 101 is Ubuntu's
   * systemd-resolve, another machine's postgres); none where they have none, root for 0 without them. */
  hostOwnerNames(): (id: number, kind: 'user' | 'group') => string {
    const read = (file: string) => {
      const names = new Map<number, string>();
      let text = '';
      try {
        text = this.fs.readText(file);
      } catch {
        // No such file on this host: only root is known.
      }
      for (const line of text.split('\n')) {
        const [name, , id] = line.split(':');
        if (name && id && /^\d+$/.test(id) && !names.has(Number(id))) names.set(Number(id), name);
      }
      if (!names.has(0)) names.set(0, 'root');
      return names;
    };
    const users = read('/etc/passwd');
    const groups = read('/etc/group');
    return (id, kind) => (kind === 'user' ? users : groups).get(id) ?? '';
  }

  /** docker commit: the container's upper dir as a new layer on the image, and a new image. */
  async commit(
    ref: string,
    target?: string,
    opts: { author?: string; message?: string; changes?: readonly string[] } = {},
  ): Promise<Digest> {
    const c = this.getContainer(ref);
    // BuildFromConfig on the container's config, then merge() with it: what the changes leave
    // empty comes from the container, and labels are never null (an empty map).
    let config: ContainerConfig;
    try {
      config = applyConfigChanges(c.config, opts.changes ?? []);
    } catch (e) {
      if (e instanceof ChangeError) throw new DaemonError(e.message, 400);
      throw e;
    }
    config = { ...config, Labels: config.Labels ?? {} };
    // moby's exportContainerRw mounts the container first: for a stopped container that is a
    // fresh overlay mount, and mounting empties work/work, so the shared whiteout goes and the
    // whiteouts in diff/ are left with one link each.
    if (!this.driver.isMounted(c.rw.mountId)) {
      this.driver.mount(c.rw.mountId);
      this.driver.unmount(c.rw.mountId);
    }
    const entries = this.driver.diffEntries(c.rw.mountId, c.rw.initId);
    const tar = writeLayerTar(entries, { lookupName: this.hostOwnerNames() });
    const { layer } = await this.layers.register(tar, c.image.layer);
    this.emit({ kind: 'layer-created', chainId: layer.chainId, cacheId: layer.cacheId, diffId: layer.diffId });
    const base = c.image.config;
    const now = this.now().text;
    const cfg: ImageConfig = {
      architecture: base.architecture ?? 'amd64',
      ...(opts.author ? { author: opts.author } : {}),
      ...(opts.message ? { comment: opts.message } : {}),
      config,
      container: c.id,
      container_config: { ...c.config },
      created: now,
      docker_version: DOCKER_VERSION,
      history: [
        ...(base.history ?? []),
        {
          created: now,
          ...(opts.author ? { author: opts.author } : {}),
          created_by: [c.path, ...c.args].join(' '),
          ...(opts.message ? { comment: opts.message } : {}),
        },
      ],
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [...(base.rootfs?.diff_ids ?? []), layer.diffId] },
    };
    const { image } = this.imageStore.add(imageConfigBytes(cfg), layer, c.image.id);
    this.emit({ kind: 'image-created', id: image.id });
    this.emit({ kind: 'container', action: 'commit', id: c.id });
    if (target) this.tag(image.id, target);
    return image.id;
  }
}
