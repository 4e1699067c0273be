// The offline registry: deterministic images (the same bytes in every session), shared layers,
// config history with empty layers, and the registry's error texts.
import { describe, expect, it } from 'vitest';
import { chainIds, sha256 } from '../../src/docker/digest.js';
import { parseImageConfig } from '../../src/docker/image-config.js';
import { readLayerTar } from '../../src/docker/layer-tar.js';
import { gunzipSync } from 'node:zlib';
import { tarSplitLinesOf } from '../../src/docker/engine/tar-split.js';
import { LAYER_DIFF_IDS } from '../../src/docker/registry/layer-digests.js';
import { LAYER_TAR_SPLITS } from '../../src/docker/registry/layer-tar-splits.js';
import { createTutorialRegistry, hashLayerDiffId, tutorialLayers } from '../../src/docker/registry/tutorial.js';
import { parseReference, RegistryError } from '../../src/docker/registry/types.js';

describe('parseReference', () => {
  it('normalises docker.io/library and defaults the tag', () => {
    expect(parseReference('ubuntu')).toEqual({ name: 'ubuntu', tag: 'latest', tagged: false });
    expect(parseReference('docker.io/library/ubuntu:20.04')).toEqual({ name: 'ubuntu', tag: '20.04', tagged: true });
    expect(parseReference('myorg/app:v1')).toMatchObject({ name: 'myorg/app', tag: 'v1' });
    expect(parseReference(`ubuntu@sha256:${'a'.repeat(64)}`)).toMatchObject({
      name: 'ubuntu',
      digest: `sha256:${'a'.repeat(64)}`,
    });
    expect(() => parseReference('Ubuntu')).toThrow(RegistryError);
  });
});

describe('the tutorial registry', () => {
  const reg = createTutorialRegistry();

  it('serves the same bytes every time: DiffIDs are the sha256 of the tars, the config names them', () => {
    for (const ref of ['ubuntu:20.04', 'nginx', 'alpine', 'busybox', 'hello-world']) {
      const a = reg.resolve(ref);
      const b = createTutorialRegistry().resolve(ref);
      expect(b.manifestDigest).toBe(a.manifestDigest);
      const cfg = parseImageConfig(a.config);
      expect(cfg.rootfs?.diff_ids).toEqual(a.layers.map((l) => l.diffId));
      // The whole tar in memory for the small ones; the large ones are hashed a chunk at a time below.
      for (const l of a.layers.filter((x) => x.size < 1e6)) expect(sha256(l.tar())).toBe(l.diffId);
      expect(chainIds(cfg.rootfs?.diff_ids ?? [])).toHaveLength(a.layers.length);
    }
  });

  it('nginx sits on the debian base layer, and its history has empty layers', () => {
    const nginx = reg.resolve('nginx:latest');
    const debian = reg.resolve('debian:bookworm-slim');
    expect(nginx.layers[0]?.diffId).toBe(debian.layers[0]?.diffId);
    expect(nginx.layers[0]?.blobDigest).toBe(debian.layers[0]?.blobDigest);
    const h = parseImageConfig(nginx.config).history ?? [];
    expect(h.filter((x) => !x.empty_layer)).toHaveLength(nginx.layers.length);
    expect(h.filter((x) => x.empty_layer).length).toBeGreaterThan(5);
    expect(h.at(-1)?.created_by).toBe('/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]');
  });

  it('ubuntu:20.04 is a few thousand entries with usrmerge symlinks and a real os-release', async () => {
    const [layer] = reg.resolve('ubuntu:20.04').layers;
    const entries = await readLayerTar(layer?.tar() as Uint8Array);
    expect(entries.length).toBeGreaterThan(1000);
    expect(entries.find((e) => e.path === 'bin')).toMatchObject({ type: 'symlink', linkTarget: 'usr/bin' });
    const os = entries.find((e) => e.path === 'usr/lib/os-release');
    expect(new TextDecoder().decode(os?.content as Uint8Array)).toContain('VERSION="20.04.6 LTS (Focal Fossa)"');
    expect(entries.find((e) => e.path === 'tmp')?.mode).toBe(0o1777);
  });

  it("blobs have the real images' compressed sizes and digests of their own", () => {
    const [layer] = reg.resolve('busybox').layers;
    expect(layer?.blobDigest).not.toBe(layer?.diffId);
    expect(layer?.size).toBe(2_219_949);
    expect(reg.resolve('nginx').layers.map((l) => l.size)).toEqual([
      29_124_181, 41_351_442, 627, 955, 357, 1_209, 1_401,
    ]);
  });

  it('the DiffID table made at build time is the sha256 of every layer tar (npm run layer-digests)', () => {
    const layers = tutorialLayers();
    expect(Object.keys(LAYER_DIFF_IDS).sort()).toEqual(layers.map((l) => l.name).sort());
    // Streamed: 400 MB of stand-in files, never held at once.
    for (const l of layers) expect(hashLayerDiffId(l.entries()), l.name).toBe(LAYER_DIFF_IDS[l.name]);
  }, 300_000);

  it('the tar-split table made at build time is what each layer would make (npm run layer-digests)', () => {
    const layers = tutorialLayers();
    expect(Object.keys(LAYER_TAR_SPLITS).sort()).toEqual(layers.map((l) => l.name).sort());
    for (const l of layers) {
      const gz = Buffer.from((LAYER_TAR_SPLITS[l.name] ?? []).join(''), 'base64');
      expect(gunzipSync(gz).toString(), l.name).toBe(tarSplitLinesOf(l.entries()));
    }
    // and a pull writes it into layerdb as it is
    const nginx = reg.resolve('nginx').layers[1];
    expect(Buffer.from(nginx?.tarSplit() ?? []).toString('base64')).toBe(LAYER_TAR_SPLITS['nginx:latest#6']?.join(''));
  });

  it('words unknown repositories and tags as Docker Hub does', () => {
    expect(() => reg.resolve('nosuchimage')).toThrow(
      "pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    );
    expect(() => reg.resolve('ubuntu:99.04')).toThrow(
      'manifest for ubuntu:99.04 not found: manifest unknown: manifest unknown',
    );
  });
});
