// docker save as Docker 20.10 writes it: the layout alone, the simulated host's save and load,
// then byte for byte against what a real dockerd 20.10 saves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImageArchive, writeOciImageArchive } from '../../src/docker/archive.js';
import { contentBytes, type FileContent } from '../../src/kernel/index.js';
import { chainIds, diffId, sha256Hex } from '../../src/docker/digest.js';
import { v1Layers, writeLegacyImageArchive } from '../../src/docker/legacy-archive.js';
import { writeLayerTar } from '../../src/docker/layer-tar.js';
import { createSimHost } from '../../src/host/sim-host.js';
import type { CommandIO } from '../../src/shell/command.js';
import { buildBusyboxImages, type RealDocker, realHostUnavailable, startRealDocker } from '../support/real-docker.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

function layer(name: string): Uint8Array {
  return writeLayerTar([
    { path: name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, content: enc.encode(`${name}\n`) },
  ]);
}

function image(layers: Uint8Array[], created = '2024-11-23T23:16:00.123456789Z') {
  const config = enc.encode(
    JSON.stringify({
      architecture: 'amd64',
      config: { Cmd: ['sh'] },
      created,
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => diffId(l)) },
    }),
  );
  return { config, layers };
}

/** Each header of a tar: name, type flag, mode field, mtime, owner names, link name. */
function headers(
  content: FileContent,
): Array<{ name: string; type: string; mode: string; mtime: number; owner: string }> {
  const out = [];
  const tar = contentBytes(content);
  const text = (o: number, n: number) => dec.decode(tar.subarray(o, o + n)).replace(/\0.*$/s, '');
  for (let off = 0; off + 512 <= tar.length; ) {
    if (tar.subarray(off, off + 512).every((b) => b === 0)) break;
    const size = Number.parseInt(text(off + 124, 12), 8);
    const type = text(off + 156, 1);
    out.push({
      name: text(off, 100),
      type,
      mode: text(off + 100, 8),
      mtime: Number.parseInt(text(off + 136, 12), 8),
      owner: `${text(off + 265, 32)}/${text(off + 297, 32)}${type === '2' ? ` -> ${text(off + 157, 100)}` : ''}`,
    });
    off += 512 + (type === '0' ? Math.ceil(size / 512) * 512 : 0);
  }
  return out;
}

describe('the archive Docker 20.10 saves', () => {
  const base = layer('a');
  const top = layer('b');
  const img = image([base, top]);
  const id = sha256Hex(img.config);
  const v1 = v1Layers(img.config);

  it('has a directory per layer named by its v1 id, the config by the image ID, then manifest.json and repositories', () => {
    const tar = writeLegacyImageArchive([{ ...img, repoTags: ['two:1'] }], { now: 99 });
    const created = Math.floor(Date.parse('2024-11-23T23:16:00Z') / 1000);
    const want = [
      ...v1.flatMap((l) => [`${l.id}/`, `${l.id}/VERSION`, `${l.id}/json`, `${l.id}/layer.tar`]),
      `${id}.json`,
      'manifest.json',
      'repositories',
    ].sort((a, b) => (a.replace(/\/$/, '') < b.replace(/\/$/, '') ? -1 : 1));
    const h = headers(tar);
    expect(h.map((x) => x.name)).toEqual(want);
    expect(h.map((x) => x.mode)).toEqual(h.map((x) => (x.type === '5' ? '0040755' : '0100644')));
    expect(new Set(h.map((x) => x.owner))).toEqual(new Set(['root/root']));
    // Layers and the config take the image's created time (whole seconds); the two lists the epoch.
    expect(h.map((x) => x.mtime)).toEqual(h.map((x) => (/^(manifest\.json|repositories)$/.test(x.name) ? 0 : created)));
  });

  it('chains the v1 ids: an empty config created at the epoch below the top, the image own on top', () => {
    const [lower, upper] = v1.map((l) => JSON.parse(dec.decode(l.json)) as Record<string, unknown>);
    expect(lower).toMatchObject({ id: v1[0]?.id, created: '1970-01-01T00:00:00Z', os: 'linux' });
    expect(lower).not.toHaveProperty('parent');
    expect(upper).toMatchObject({ id: v1[1]?.id, parent: v1[0]?.id, architecture: 'amd64', config: { Cmd: ['sh'] } });
    // Keys in image.V1Image's struct order, container_config written in full.
    expect(Object.keys(lower ?? {})).toEqual(['id', 'created', 'container_config', 'os']);
    // The v1 id depends on the layers below: the same top layer over another base gets another id.
    const other = v1Layers(image([layer('c'), top]).config);
    expect(other[1]?.id).not.toBe(v1[1]?.id);
    expect(chainIds(img.layers.map((l) => diffId(l)))).toHaveLength(2);
  });

  it('writes manifest.json and repositories as json.Encoder does, with a newline', () => {
    const tar = writeLegacyImageArchive([{ ...img, repoTags: ['two:1', 'two:latest'] }], { now: 0 });
    const text = Buffer.from(contentBytes(tar)).toString('latin1');
    expect(text).toContain(
      `[{"Config":"${id}.json","RepoTags":["two:1","two:latest"],"Layers":["${v1[0]?.id}/layer.tar","${v1[1]?.id}/layer.tar"]}]\n`,
    );
    expect(text).toContain(`{"two":{"1":"${v1[1]?.id}","latest":"${v1[1]?.id}"}}\n`);
    const untagged = Buffer.from(
      contentBytes(writeLegacyImageArchive([{ ...img, repoTags: [] }], { now: 0 })),
    ).toString('latin1');
    expect(untagged).toContain('"RepoTags":null');
    expect(headers(new Uint8Array(Buffer.from(untagged, 'latin1'))).map((x) => x.name)).not.toContain('repositories');
  });

  it('links a layer written already (one image top layer, another base) to the first copy, at the time of writing', () => {
    const lone = image([base], '2020-01-01T00:00:00Z');
    const tar = writeLegacyImageArchive(
      [
        { ...img, repoTags: ['two:1'] },
        { ...lone, repoTags: ['one:1'] },
      ],
      { now: 1234 },
    );
    const loneTop = v1Layers(lone.config)[0]?.id as string;
    const h = headers(tar);
    expect(h.find((x) => x.name === `${loneTop}/layer.tar`)).toMatchObject({
      type: '2',
      mode: '0120777',
      mtime: 1234,
      owner: `root/root -> ../${v1[0]?.id}/layer.tar`,
    });
    expect(h.find((x) => x.name === `${loneTop}/json`)?.mtime).toBe(1234);
  });

  it('reads back (docker load takes it) with the same configs and layers, as it takes the OCI layout', async () => {
    for (const tar of [
      writeLegacyImageArchive([{ ...img, repoTags: ['two:1'] }], { now: 0 }),
      writeOciImageArchive([{ ...img, repoTags: ['two:1'] }]),
    ]) {
      const [back] = await readImageArchive(tar);
      expect(back?.repoTags).toEqual(['two:1']);
      expect(sha256Hex(back?.config as Uint8Array)).toBe(id);
      expect(back?.layers.map((l) => diffId(contentBytes(l)))).toEqual(img.layers.map((l) => diffId(l)));
    }
  });
});

function io(): CommandIO & { text: () => string } {
  let out = '';
  return {
    stdin: new Uint8Array(0),
    stdout: (d) => void (out += typeof d === 'string' ? d : dec.decode(d)),
    stderr: (d) => void (out += typeof d === 'string' ? d : dec.decode(d)),
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
    text: () => out,
  };
}

describe('docker save on the simulated host', () => {
  it('saves every tag of a repository named alone, and loads a Docker 25 archive too', async () => {
    const host = createSimHost({ seed: 5, interactive: false });
    const sh = async (line: string) => {
      const o = io();
      const r = await host.session.run(line, o);
      return { code: r.exitCode, out: o.text() };
    };
    await sh('docker pull busybox && docker tag busybox busybox:two');
    expect((await sh('docker save busybox | tar -xO manifest.json')).out).toMatch(
      /^\[\{"Config":"[0-9a-f]{64}\.json","RepoTags":\["busybox:latest","busybox:two"\],"Layers":\["[0-9a-f]{64}\/layer\.tar"\]\}\]\n$/,
    );
    expect((await sh('docker save busybox | tar -t | grep -c -e VERSION -e /json -e layer.tar')).out).toBe('3\n');
    const saved = host.rootProc;
    await sh('docker save -o /tmp/b.tar busybox:latest');
    const [img] = await readImageArchive(saved.readFile('/tmp/b.tar'));
    saved.writeFile(
      '/tmp/oci.tar',
      contentBytes(writeOciImageArchive([{ ...(img as NonNullable<typeof img>), repoTags: ['oci:1'] }])),
    );
    expect(await sh('docker load -i /tmp/oci.tar')).toEqual({ code: 0, out: 'Loaded image: oci:1\n' });
    expect((await sh('docker save nosuch')).out).toBe('Error response from daemon: No such image: nosuch\n');
  }, 60_000);
});

const unavailable = realHostUnavailable('docker save against a real dockerd', { busybox: true });

describe.runIf(!unavailable)('docker save against a real dockerd 20.10', () => {
  let d: RealDocker;
  beforeAll(async () => {
    const started = await startRealDocker();
    if (typeof started === 'string') throw new Error(`dockerd did not start: ${started}`);
    d = started;
    await buildBusyboxImages(d);
    await d.dockerOk(['tag', 'layered:latest', 'layered:v2']);
  }, 180_000);
  afterAll(async () => {
    await d?.stop();
  }, 60_000);

  it.each([
    ['busybox-static:latest', ['busybox-static:latest']],
    ['layered', ['layered:latest', 'layered:v2']],
  ])(
    'the archive of %s is the real one byte for byte',
    async (name, tags) => {
      const file = join(d.tmpDir, 'saved.tar');
      await d.dockerOk(['save', '-o', file, name]);
      const real = new Uint8Array(readFileSync(file));
      const images = await readImageArchive(real);
      const ours = writeLegacyImageArchive(
        images.map((i) => ({ config: i.config, repoTags: tags, layers: i.layers })),
        { now: 0 },
      );
      expect(headers(ours)).toEqual(headers(real));
      expect(sha256Hex(contentBytes(ours))).toBe(sha256Hex(real));
    },
    120_000,
  );
});
