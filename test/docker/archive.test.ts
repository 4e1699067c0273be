// docker save / docker load archives: the format alone, then against a real daemon.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ArchiveError,
  diffIdsOf,
  fullyQualified,
  readImageArchive,
  writeOciImageArchive,
  type ArchivedImage,
} from '../../src/docker/archive.js';
import { chainIds, contentDigest, diffId, imageId } from '../../src/docker/digest.js';
import { contentBytes } from '../../src/kernel/index.js';
import { writeLayerTar } from '../../src/docker/layer-tar.js';
import { createSimHost } from '../../src/host/sim-host.js';
import type { CommandIO } from '../../src/shell/command.js';
import { buildBusyboxImages, startRealDocker, type RealDocker, realHostUnavailable } from '../support/real-docker.js';

const enc = new TextEncoder();

function sampleImage(tags: string[]): ArchivedImage {
  const layer = writeLayerTar([
    { path: 'etc', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 },
    { path: 'etc/hello', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, content: enc.encode('hi\n') },
  ]);
  const config = enc.encode(
    JSON.stringify({
      architecture: 'amd64',
      config: {},
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [diffId(layer)] },
    }),
  );
  return { repoTags: tags, config, layers: [layer] };
}

describe('image archives', () => {
  it('written archives read back to the same config bytes and layers', async () => {
    const img = sampleImage(['tutor/hello:1.0']);
    const [back] = await readImageArchive(writeOciImageArchive([img]));
    expect(back?.repoTags).toEqual(['tutor/hello:1.0']);
    expect(imageId(back?.config as Uint8Array)).toBe(imageId(img.config));
    expect(back?.layers.map((l) => contentDigest(l))).toEqual(diffIdsOf(img));
  });

  it("Docker 25's archive holds the OCI layout beside manifest.json and repositories", async () => {
    const bytes = writeOciImageArchive([sampleImage(['hello:latest'])]);
    const text = Buffer.from(contentBytes(bytes)).toString('latin1');
    for (const name of ['oci-layout', 'index.json', 'manifest.json', 'repositories', 'blobs/sha256/'])
      expect(text).toContain(name);
  });

  it('writing the same images twice gives the same bytes', () => {
    expect(writeOciImageArchive([sampleImage(['a:1'])])).toEqual(writeOciImageArchive([sampleImage(['a:1'])]));
  });

  it('a layer that does not hash to its DiffID is refused as docker load refuses it', async () => {
    const img = sampleImage(['bad:1']);
    img.layers = [writeLayerTar([{ path: 'other', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0 }])];
    await expect(readImageArchive(writeOciImageArchive([img]))).rejects.toThrow(/invalid diffID for layer 0/);
  });

  it('an archive without manifest.json is refused', async () => {
    await expect(readImageArchive(new Uint8Array(1024))).rejects.toBeInstanceOf(ArchiveError);
  });

  it('names images as containerd does in index.json', () => {
    expect(fullyQualified('busybox')).toBe('docker.io/library/busybox:latest');
    expect(fullyQualified('me/app:2')).toBe('docker.io/me/app:2');
    expect(fullyQualified('localhost:5000/app:2')).toBe('localhost:5000/app:2');
  });
});

function io(): CommandIO & { text: () => string } {
  let out = '';
  return {
    stdin: new Uint8Array(0),
    stdout: (d) => void (out += String(d)),
    stderr: (d) => void (out += String(d)),
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
    text: () => out,
  };
}

/** A simulated host with nginx (which shares its base layer with debian) pulled and saved. */
async function simSaved(): Promise<{
  bytes: Uint8Array;
  ids: Record<string, string>;
  layers: Record<string, string[]>;
}> {
  const host = createSimHost({ seed: 5, interactive: false });
  const sh = async (line: string) => {
    const o = io();
    const r = await host.session.run(line, o);
    if (r.exitCode !== 0) throw new Error(`${line}: ${o.text()}`);
    return o.text();
  };
  await sh('docker pull nginx && docker pull debian:bookworm-slim');
  const ids: Record<string, string> = {};
  const layers: Record<string, string[]> = {};
  for (const t of ['nginx:latest', 'debian:bookworm-slim']) {
    ids[t] = (await sh(`docker image inspect -f '{{.Id}}' ${t}`)).trim();
    layers[t] = JSON.parse(await sh(`docker image inspect -f '{{json .RootFS.Layers}}' ${t}`)) as string[];
  }
  await sh('docker save -o /tmp/both.tar nginx:latest debian:bookworm-slim');
  const bytes = host.rootProc.readFile('/tmp/both.tar');
  // and the simulator takes its own archive back
  await sh('docker rmi nginx:latest debian:bookworm-slim');
  expect(await sh('docker load -i /tmp/both.tar')).toBe(
    'Loaded image: nginx:latest\nLoaded image: debian:bookworm-slim\n',
  );
  expect((await sh(`docker image inspect -f '{{.Id}}' nginx:latest`)).trim()).toBe(ids['nginx:latest']);
  return { bytes, ids, layers };
}

describe('docker save on the simulated host', () => {
  it('saves two images sharing a layer, and loads them back with the same IDs', async () => {
    const { bytes, ids, layers } = await simSaved();
    const back = await readImageArchive(bytes);
    expect(back.map((i) => imageId(i.config))).toEqual([ids['nginx:latest'], ids['debian:bookworm-slim']]);
    expect(back.map((i) => i.layers.map((l) => contentDigest(l)))).toEqual([
      layers['nginx:latest'],
      layers['debian:bookworm-slim'],
    ]);
    // nginx at its real size: a 187 MB archive made and read back.
  }, 180_000);
});

const unavailable = realHostUnavailable('archive conformance against a real dockerd', { busybox: true });

describe.runIf(!unavailable)('image archives against a real dockerd', () => {
  let d: RealDocker;
  let ids: { base: string; layered: string };
  beforeAll(async () => {
    const started = await startRealDocker();
    if (typeof started === 'string') throw new Error(`dockerd did not start: ${started}`);
    d = started;
    const images = await buildBusyboxImages(d);
    ids = { base: images.baseId, layered: images.layeredId };
  }, 180_000);
  afterAll(async () => {
    await d?.stop();
  }, 60_000);

  it('reads what the real docker save wrote: same image IDs, DiffIDs and ChainIDs', async () => {
    const file = join(d.tmpDir, 'saved.tar');
    await d.dockerOk(['save', '-o', file, 'busybox-static:latest', 'layered:latest']);
    const images = await readImageArchive(new Uint8Array(readFileSync(file)));
    const byTag = new Map(images.flatMap((img) => img.repoTags.map((t) => [t, img] as const)));
    for (const [tag, id] of [
      ['busybox-static:latest', ids.base],
      ['layered:latest', ids.layered],
    ] as const) {
      const img = byTag.get(tag) as ArchivedImage;
      expect(imageId(img.config)).toBe(id);
      const layers = JSON.parse(
        await d.dockerOk(['image', 'inspect', '-f', '{{json .RootFS.Layers}}', tag]),
      ) as string[];
      expect(img.layers.map((l) => contentDigest(l))).toEqual(layers);
      // The ChainID of the top layer names its layerdb directory on the real host.
      const top = chainIds(layers).at(-1) as string;
      expect(readFileSync(join(d.dataRoot, 'image/overlay2/layerdb/sha256', top.slice(7), 'diff'), 'utf8')).toBe(
        layers.at(-1),
      );
    }
  }, 120_000);

  it('loads what the simulator saved with the same image IDs and layers', async () => {
    const { bytes, ids, layers } = await simSaved();
    const file = join(d.tmpDir, 'from-sim.tar');
    writeFileSync(file, bytes);
    expect(await d.dockerOk(['load', '-i', file])).toBe(
      'Loaded image: nginx:latest\nLoaded image: debian:bookworm-slim',
    );
    for (const tag of ['nginx:latest', 'debian:bookworm-slim']) {
      expect(await d.dockerOk(['image', 'inspect', '-f', '{{.Id}}', tag])).toBe(ids[tag]);
      expect(JSON.parse(await d.dockerOk(['image', 'inspect', '-f', '{{json .RootFS.Layers}}', tag]))).toEqual(
        layers[tag],
      );
    }
  }, 300_000);

  it('writes archives the real docker load accepts, keeping image IDs and layers', async () => {
    const file = join(d.tmpDir, 'saved2.tar');
    await d.dockerOk(['save', '-o', file, 'layered:latest']);
    const [img] = await readImageArchive(new Uint8Array(readFileSync(file)));
    const out = join(d.tmpDir, 'sim-written.tar');
    writeFileSync(
      out,
      contentBytes(writeOciImageArchive([{ ...(img as ArchivedImage), repoTags: ['sim-written:1'] }])),
    );
    const loaded = await d.dockerOk(['load', '-i', out]);
    expect(loaded).toContain('Loaded image: sim-written:1');
    expect(await d.dockerOk(['image', 'inspect', '-f', '{{.Id}}', 'sim-written:1'])).toBe(ids.layered);
  }, 120_000);
});
