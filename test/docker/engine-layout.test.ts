// The data-root as a 20.10 daemon with overlay2 lays it out (docs/ground-truth.md sections 3, 5, 6):
// modes, link/lower/committed files, l/ symlinks, layerdb files without trailing newlines.
import { describe, expect, it } from 'vitest';
import { chainIds } from '../../src/docker/digest.js';
import { contentBytes } from '../../src/kernel/index.js';
import { parseImageConfig } from '../../src/docker/image-config.js';
import { makeEnv, modeOf } from './engine-harness.js';

const DR = '/var/lib/docker';
const LAYERDB = `${DR}/image/overlay2/layerdb`;

describe('a fresh data-root', () => {
  it('has the 20.10 top-level dirs with their modes and an empty repositories.json', () => {
    const e = makeEnv();
    expect(e.ls(DR)).toEqual([
      'buildkit',
      'containerd',
      'containers',
      'image',
      'network',
      'overlay2',
      'plugins',
      'runtimes',
      'swarm',
      'tmp',
      'trust',
      'volumes',
    ]);
    expect(modeOf(e.proc, DR)).toBe('0710');
    expect(modeOf(e.proc, `${DR}/overlay2`)).toBe('0710');
    expect(modeOf(e.proc, `${DR}/overlay2/l`)).toBe('0700');
    expect(modeOf(e.proc, `${DR}/containers`)).toBe('0710');
    expect(modeOf(e.proc, `${DR}/image`)).toBe('0700');
    expect(e.read(`${DR}/image/overlay2/repositories.json`)).toBe('{"Repositories":{}}');
    expect(modeOf(e.proc, `${DR}/image/overlay2/repositories.json`)).toBe('0600');
    // layerdb/sha256, tmp and mounts come with the first layer and container
    expect(e.ls(LAYERDB)).toEqual([]);
  });
});

describe('after docker pull', () => {
  it('a one-layer image: layerdb entry without parent, layer dir with only diff and link', async () => {
    const e = makeEnv();
    const res = await e.daemon.pull('busybox');
    const cfg = parseImageConfig(
      e.proc.readFile(`${DR}/image/overlay2/imagedb/content/sha256/${res.imageId.slice(7)}`),
    );
    const diffId = cfg.rootfs?.diff_ids?.[0] as string;
    const dir = `${LAYERDB}/sha256/${diffId.slice(7)}`;
    expect(e.ls(LAYERDB)).toEqual(['sha256', 'tmp']);
    expect(modeOf(e.proc, `${LAYERDB}/sha256`)).toBe('0755');
    expect(modeOf(e.proc, dir)).toBe('0700');
    expect(e.ls(dir)).toEqual(['cache-id', 'diff', 'size', 'tar-split.json.gz']);
    expect(e.read(`${dir}/diff`)).toBe(diffId);
    const cacheId = e.read(`${dir}/cache-id`);
    expect(cacheId).toMatch(/^[0-9a-f]{64}$/);
    expect(e.read(`${dir}/size`)).toMatch(/^\d+$/);
    expect(modeOf(e.proc, `${dir}/size`)).toBe('0644');
    const layer = `${DR}/overlay2/${cacheId}`;
    expect(e.ls(layer)).toEqual(['diff', 'link']);
    expect(modeOf(e.proc, layer)).toBe('0710');
    expect(modeOf(e.proc, `${layer}/diff`)).toBe('0755');
    const link = e.read(`${layer}/link`);
    expect(link).toMatch(/^[A-Z2-7]{26}$/);
    expect(e.proc.readlink(`${DR}/overlay2/l/${link}`)).toBe(`../${cacheId}/diff`);
    expect(e.read(`${DR}/image/overlay2/repositories.json`)).toBe(
      `{"Repositories":{"busybox":{"busybox:latest":"${res.imageId}","busybox@${res.digest}":"${res.imageId}"}}}`,
    );
    expect(modeOf(e.proc, `${DR}/image/overlay2/imagedb/content/sha256/${res.imageId.slice(7)}`)).toBe('0600');
  });

  it('a layered image: ChainIDs are chainId(diffIds), lower lists the parents uppermost first, parents are committed', async () => {
    const e = makeEnv();
    const res = await e.daemon.pull('nginx');
    const cfg = parseImageConfig(
      e.proc.readFile(`${DR}/image/overlay2/imagedb/content/sha256/${res.imageId.slice(7)}`),
    );
    const chains = chainIds(cfg.rootfs?.diff_ids ?? []);
    expect(e.ls(`${LAYERDB}/sha256`)).toEqual(chains.map((c) => c.slice(7)).sort());
    const cache = chains.map((c) => e.read(`${LAYERDB}/sha256/${c.slice(7)}/cache-id`));
    const links = cache.map((c) => e.read(`${DR}/overlay2/${c}/link`));
    chains.forEach((c, i) => {
      const dir = `${LAYERDB}/sha256/${c.slice(7)}`;
      if (i === 0) expect(e.ls(dir)).not.toContain('parent');
      else expect(e.read(`${dir}/parent`)).toBe(chains[i - 1]);
      const ldir = `${DR}/overlay2/${cache[i]}`;
      const expected =
        i === 0
          ? ['committed', 'diff', 'link']
          : i === chains.length - 1
            ? ['diff', 'link', 'lower', 'work']
            : ['committed', 'diff', 'link', 'lower', 'work'];
      expect(e.ls(ldir)).toEqual(expected);
      if (i > 0) {
        expect(e.read(`${ldir}/lower`)).toBe(
          links
            .slice(0, i)
            .reverse()
            .map((l) => `l/${l}`)
            .join(':'),
        );
        expect(modeOf(e.proc, `${ldir}/work`)).toBe('0700');
        expect(e.ls(`${ldir}/work`)).toEqual([]);
      }
      if (expected.includes('committed')) {
        expect(modeOf(e.proc, `${ldir}/committed`)).toBe('0600');
        expect(e.read(`${ldir}/committed`)).toBe('');
      }
    });
    expect(e.read(`${DR}/overlay2/${cache[1]}/diff/etc/nginx/nginx.conf`)).toContain('worker_processes  auto;');
  });

  it('records the distribution metadata of each blob', async () => {
    const e = makeEnv();
    await e.daemon.pull('alpine');
    const dist = `${DR}/image/overlay2/distribution`;
    expect(e.ls(dist)).toEqual(['diffid-by-digest', 'v2metadata-by-diffid']);
    const [blob] = e.ls(`${dist}/diffid-by-digest/sha256`);
    const diffId = e.read(`${dist}/diffid-by-digest/sha256/${blob}`);
    expect(diffId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(e.read(`${dist}/v2metadata-by-diffid/sha256/${diffId.slice(7)}`))).toEqual([
      { Digest: `sha256:${blob}`, SourceRepository: 'docker.io/library/alpine', HMAC: '' },
    ]);
  });

  it('keeps a shared base layer once: pulling an image on a present base says Already exists', async () => {
    const e = makeEnv();
    await e.daemon.pull('debian:bookworm-slim');
    const res = await e.daemon.pull('nginx');
    expect(res.layers[0]?.status).toBe('Already exists');
    expect(res.layers.slice(1).every((l) => l.status === 'Pull complete')).toBe(true);
    expect(e.ls(`${LAYERDB}/sha256`)).toHaveLength(7);
  });
});

describe('layer size', () => {
  it('is the sum of non-directory sizes, hard links counted once', async () => {
    const e = makeEnv();
    const res = await e.daemon.pull('busybox');
    const img = e.daemon.getImage(res.imageId);
    // busybox's applets are hard links of bin/busybox: the layer is one binary, the C library
    // it is linked against (the glibc variant) and /etc files: 4.26MB, as the real image
    const diff = `${DR}/overlay2/${img.layer?.cacheId}/diff`;
    const bin = e.proc.lstat(`${diff}/bin/busybox`);
    expect(bin.nlink).toBeGreaterThan(100);
    const etc = ['group', 'passwd', 'shadow', 'localtime'].reduce(
      (n, f) => n + e.proc.lstat(`${diff}/etc/${f}`).size,
      0,
    );
    const libs = ['lib/libc.so.6', 'lib/libm.so.6', 'lib/libresolv.so.2', 'lib/libnss_files.so.2']
      .concat(['lib/libnss_dns.so.2', 'lib64/ld-linux-x86-64.so.2'])
      .reduce((n, f) => n + e.proc.lstat(`${diff}/${f}`).size, 0);
    expect(img.layer?.size).toBe(bin.size + etc + libs);
    expect(img.layer?.size).toBe(4_261_550);
    expect(e.read(`${LAYERDB}/sha256/${img.layer?.chainId.slice(7)}/size`)).toBe(String(bin.size + etc + libs));
  });
});

describe('tar-split.json.gz', () => {
  it('holds the raw headers so that headers + file data from diff/ give back the layer tar byte for byte', async () => {
    const { gunzipSync } = await import('node:zlib');
    const { createTutorialRegistry } = await import('../../src/docker/registry/tutorial.js');
    const e = makeEnv();
    await e.daemon.pull('busybox');
    const img = e.daemon.getImage('busybox');
    const gz = e.proc.readFile(`${LAYERDB}/sha256/${img.layer?.chainId.slice(7)}/tar-split.json.gz`);
    const lines = gunzipSync(gz)
      .toString()
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { type: number; name?: string; size?: number; payload?: string | null; position: number },
      );
    expect(lines[1]).toEqual({ type: 1, name: 'bin/', payload: null, position: 1 });
    expect(lines.at(-1)).toEqual({ type: 2, payload: '', position: lines.length - 1 });
    const { assembleLayerTar } = await import('../../src/docker/engine/tar-split.js');
    const rebuilt = assembleLayerTar(gz, (name) =>
      e.proc.readFile(`${DR}/overlay2/${img.layer?.cacheId}/diff/${name}`),
    );
    const tar = createTutorialRegistry().resolve('busybox').layers[0]?.tar() as Uint8Array;
    expect(Buffer.compare(Buffer.from(contentBytes(rebuilt)), Buffer.from(tar))).toBe(0);
  });
});
