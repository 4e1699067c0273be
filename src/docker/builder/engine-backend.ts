// The builder's view of the simulated daemon: intermediate containers, commits with the
// builder's own config (and empty layers for config-only steps), the parent/child cache.
import { isDeepStrictEqual } from 'node:util';
import type { Digest } from '../digest.js';
import { imageConfigBytes, type ContainerConfig, type ImageConfig } from '../image-config.js';
import { writeLayerTar } from '../layer-tar.js';
import type { DockerEngine } from '../engine/index.js';
import type { BuildBackend } from './build.js';

/** The fields the classic builder's cache compares (moby image/cache/compare.go). */
const CACHE_FIELDS = [
  'Cmd',
  'Entrypoint',
  'Env',
  'Labels',
  'ExposedPorts',
  'Volumes',
  'WorkingDir',
  'User',
  'OnBuild',
] as const;

function sameForCache(a: ContainerConfig | undefined, b: ContainerConfig): boolean {
  if (!a) return false;
  const pick = (c: ContainerConfig) => CACHE_FIELDS.map((f) => c[f] ?? null);
  return isDeepStrictEqual(pick(a), pick(b));
}

export function engineBuildBackend(engine: DockerEngine): BuildBackend {
  const silent = { stdin: new Uint8Array(0), stdinIsTerminal: false, stdoutIsTerminal: false };
  return {
    findImage(ref) {
      const img = engine.findImage(ref);
      return img ? { id: img.id, config: img.config } : undefined;
    },
    async pull(ref, out) {
      const r = await engine.pull(ref);
      out(`${r.tag}: Pulling from ${r.name.replace(/^docker\.io\//, '')}`);
      for (const l of r.layers) out(`${l.id}: ${l.status}`);
      out(`Digest: ${r.digest}`);
      out(`Status: ${r.upToDate ? 'Image is up to date' : 'Downloaded newer image'} for ${ref}`);
      const img = engine.getImage(r.imageId);
      return { id: img.id, config: img.config };
    },
    createContainer(imageId, config) {
      const c = engine.create({
        image: imageId,
        cmd: config.Cmd ?? [],
        ...(config.WorkingDir ? { workdir: config.WorkingDir } : {}),
        ...(config.Env ? { env: config.Env } : {}),
        detach: true,
      });
      return { id: c.id, mergedRoot: engine.mergedDir(c) };
    },
    async runContainer(id, out) {
      const exit = await engine.runMain(id, { ...silent, stdout: out, stderr: out }, false);
      return exit === 'running' ? 0 : exit;
    },
    copyIntoContainer(id, files, dirs) {
      const c = engine.getContainer(id);
      const merged = engine.driver.mount(c.rw.mountId);
      try {
        const p = engine.kernel.proc();
        for (const d of dirs) if (!p.exists(merged + d)) p.mkdir(merged + d, 0o755);
        for (const f of files) {
          p.writeFile(merged + f.path, f.data, { create: true, truncate: true }, f.mode);
          p.chmod(merged + f.path, f.mode);
        }
      } finally {
        engine.driver.unmount(c.rw.mountId);
      }
    },
    async commit(id, parentImage, config, emptyLayer) {
      const c = engine.getContainer(id);
      const parent = engine.getImage(parentImage);
      let layer = parent.layer;
      if (!emptyLayer) {
        const tar = writeLayerTar(engine.driver.diffEntries(c.rw.mountId, c.rw.initId), {
          lookupName: engine.hostOwnerNames(),
        });
        const registered = await engine.layers.register(tar, parent.layer);
        layer = registered.layer;
        config.rootfs = { type: 'layers', diff_ids: [...(config.rootfs?.diff_ids ?? []), layer.diffId] };
        engine.emit({ kind: 'layer-created', chainId: layer.chainId, cacheId: layer.cacheId, diffId: layer.diffId });
      } else if (layer) {
        layer.refs++; // the new image holds the same top layer as its parent
      }
      const { image, existed } = engine.imageStore.add(imageConfigBytes(config as ImageConfig), layer, parent.id);
      if (existed && layer) engine.layers.release(layer);
      if (!existed) engine.emit({ kind: 'image-created', id: image.id });
      return image.id;
    },
    removeContainer(id) {
      engine.rm(id, true);
    },
    tag(imageId: Digest, ref: string) {
      engine.tag(imageId, ref);
    },
    cachedChild(parent, containerConfig) {
      for (const img of engine.imageStore.images.values()) {
        if (img.parent === parent && sameForCache(img.config.container_config, containerConfig)) return img.id;
      }
      return undefined;
    },
    imageConfig(id) {
      return engine.getImage(id).config;
    },
    now() {
      return engine.now().text;
    },
  };
}
