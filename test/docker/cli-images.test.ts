// docker pull, images, history, image inspect, rmi, tag as the 20.10 CLI prints them.
import { describe, expect, it } from 'vitest';
import { makeEnv } from './engine-harness.js';

describe('docker pull', () => {
  it('prints the tag line, one line per layer, Digest, Status and the full reference', async () => {
    const e = makeEnv();
    const r = await e.docker('pull', 'nginx');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Using default tag: latest');
    expect(lines[1]).toBe('latest: Pulling from library/nginx');
    // nginx:1.25.2's seven layers, as its real pull lists them.
    expect(lines.slice(2, 9).every((l) => /^[0-9a-f]{12}: Pull complete$/.test(l))).toBe(true);
    expect(lines[9]).toMatch(/^Digest: sha256:[0-9a-f]{64}$/);
    expect(lines[10]).toBe('Status: Downloaded newer image for nginx:latest');
    expect(lines[11]).toBe('docker.io/library/nginx:latest');
  });

  it('prints the full reference alone with -q, the default tag line kept back too (as the 20.10 client does)', async () => {
    const e = makeEnv();
    expect(await e.docker('pull', '-q', 'busybox')).toMatchObject({
      code: 0,
      stdout: 'docker.io/library/busybox:latest\n',
    });
  });

  it('says Already exists for a shared layer and Image is up to date the second time', async () => {
    const e = makeEnv();
    await e.docker('pull', 'debian:bookworm-slim');
    const r = await e.docker('pull', 'nginx:latest');
    expect(r.stdout.split('\n')[1]).toMatch(/^[0-9a-f]{12}: Already exists$/);
    const again = await e.docker('pull', 'nginx:latest');
    expect(again.stdout).toMatch(
      /^latest: Pulling from library\/nginx\nDigest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for nginx:latest\ndocker.io\/library\/nginx:latest\n$/,
    );
  });

  it('gives the registry texts for an unknown repository and an unknown tag', async () => {
    const e = makeEnv();
    const r = await e.docker('pull', 'nosuchimage');
    expect(r).toEqual({
      code: 1,
      stdout: 'Using default tag: latest\n',
      stderr:
        "Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n",
    });
    const t = await e.docker('pull', 'ubuntu:99.04');
    expect(t.stderr).toBe(
      'Error response from daemon: manifest for ubuntu:99.04 not found: manifest unknown: manifest unknown\n',
    );
  });
});

describe('docker images', () => {
  it('lists tags newest first with short IDs and human sizes; -q and --no-trunc and --format', async () => {
    const e = makeEnv();
    await e.docker('pull', 'busybox');
    await e.docker('pull', 'alpine');
    const r = await e.docker('images');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^REPOSITORY +TAG +IMAGE ID +CREATED +SIZE$/);
    expect(lines[1]).toMatch(/^alpine +latest +[0-9a-f]{12} +\d+ years ago +[\d.]+[kM]B$/);
    expect(lines[2]).toMatch(/^busybox +latest +[0-9a-f]{12} /);
    const q = await e.docker('images', '-q');
    expect(q.stdout).toMatch(/^[0-9a-f]{12}\n[0-9a-f]{12}\n$/);
    const full = await e.docker('images', '--no-trunc', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}');
    expect(full.stdout).toMatch(/^alpine:latest sha256:[0-9a-f]{64}\nbusybox:latest sha256:[0-9a-f]{64}\n$/);
  });

  it('shows a committed image and hides nothing when the parent is tagged', async () => {
    const e = makeEnv();
    await e.docker('pull', 'busybox');
    await e.docker('create', '--name', 'c1', 'busybox', 'sleep', '9');
    await e.docker('commit', 'c1', 'mine:v1');
    const r = await e.docker('images', '--format', '{{.Repository}} {{.Tag}}');
    expect(r.stdout).toBe('mine v1\nbusybox latest\n');
  });
});

describe('docker history', () => {
  it('shows <missing> below the image, 0B for empty layers and cuts CREATED BY at 45', async () => {
    const e = makeEnv();
    await e.docker('pull', 'ubuntu:20.04');
    const r = await e.docker('history', 'ubuntu:20.04');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT',
    );
    expect(lines[1]).toMatch(
      /^[0-9a-f]{12} {3}\d years ago {3}\/bin\/sh -c #\(nop\) {2}CMD \["\/bin\/bash"\] +0B {8}$/,
    );
    expect(lines[2]).toMatch(
      /^<missing> {6}\d years ago {3}\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{17}… {3}[\d.]+[kM]B +$/,
    );
    expect(lines.slice(3, 7).every((l) => l.startsWith('<missing>') && /\s0B\s/.test(l))).toBe(true);
    const q = await e.docker('history', '-q', 'ubuntu:20.04');
    expect(q.stdout.split('\n').slice(1, 3)).toEqual(['<missing>', '<missing>']);
    const nt = await e.docker('history', '--no-trunc', '--format', '{{.ID}}|{{.CreatedBy}}', 'ubuntu:20.04');
    expect(nt.stdout.split('\n')[1]).toMatch(/^<missing>\|\/bin\/sh -c #\(nop\) ADD file:[0-9a-f]{64} in \/ $/);
  });

  it('fills in the parent image ID for a committed image', async () => {
    const e = makeEnv();
    await e.docker('pull', 'busybox');
    await e.docker('run', '--name', 'c1', 'busybox', 'sh', '-c', 'echo "Hello world" > /tmp/newfile');
    await e.docker('commit', 'c1', 'hello');
    const r = await e.docker('history', '--format', '{{.ID}} {{.Size}} {{.CreatedBy}}', 'hello');
    const busybox = e.daemon.getImage('busybox').id.slice(7, 19);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^[0-9a-f]{12} 12B sh -c echo "Hello world" > \/tmp\/newfile$/),
      `${busybox} 0B /bin/sh -c #(nop)  CMD ["sh"]`,
      expect.stringMatching(/^<missing> 4\.26MB \/bin\/sh -c #\(nop\) ADD file:/),
    ]);
  });
});

describe('docker image inspect', () => {
  it('prints a 4-space indented array with GraphDriver.Data and RootFS.Layers', async () => {
    const e = makeEnv();
    await e.docker('pull', 'nginx');
    const r = await e.docker('image', 'inspect', 'nginx');
    expect(r.stdout.startsWith('[\n    {\n        "Id": "sha256:')).toBe(true);
    const [obj] = JSON.parse(r.stdout) as [
      { GraphDriver: { Data: Record<string, string>; Name: string }; RootFS: { Layers: string[] } },
    ];
    expect(Object.keys(obj.GraphDriver.Data)).toEqual(['LowerDir', 'MergedDir', 'UpperDir', 'WorkDir']);
    const img = e.daemon.getImage('nginx');
    const top = `/var/lib/docker/overlay2/${img.layer?.cacheId}`;
    expect(obj.GraphDriver.Data.UpperDir).toBe(`${top}/diff`);
    const lowers: string[] = [];
    for (let l = img.layer?.parent; l; l = l.parent) lowers.push(`/var/lib/docker/overlay2/${l.cacheId}/diff`);
    expect(obj.GraphDriver.Data.LowerDir).toBe(lowers.join(':'));
    expect(obj.RootFS.Layers).toHaveLength(7);
    const f = await e.docker('image', 'inspect', '-f', '{{.GraphDriver.Data.WorkDir}}', 'nginx');
    expect(f.stdout).toBe(`${top}/work\n`);
  });

  it('a one-layer image has no LowerDir', async () => {
    const e = makeEnv();
    await e.docker('pull', 'alpine');
    const r = await e.docker('inspect', '-f', '{{json .GraphDriver.Data}}', 'alpine');
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(['MergedDir', 'UpperDir', 'WorkDir']);
  });

  it('prints [] and the error for a missing image', async () => {
    const e = makeEnv();
    expect(await e.docker('image', 'inspect', 'nosuchimage')).toEqual({
      code: 1,
      stdout: '[]\n',
      stderr: 'Error: No such image: nosuchimage\n',
    });
    expect(await e.docker('inspect', 'nosuchcontainer')).toEqual({
      code: 1,
      stdout: '[]\n',
      stderr: 'Error: No such object: nosuchcontainer\n',
    });
  });
});

describe('docker rmi and tag', () => {
  it('untags one of two tags, then deletes the image and its layers', async () => {
    const e = makeEnv();
    await e.docker('pull', 'busybox');
    expect((await e.docker('tag', 'busybox', 'mybox:v1')).code).toBe(0);
    expect(e.read('/var/lib/docker/image/overlay2/repositories.json')).toContain('"mybox":{"mybox:v1":"sha256:');
    expect(await e.docker('rmi', 'mybox:v1')).toEqual({ code: 0, stdout: 'Untagged: mybox:v1\n', stderr: '' });
    const r = await e.docker('rmi', 'busybox');
    const img = r.stdout.split('\n');
    expect(img[0]).toBe('Untagged: busybox:latest');
    expect(img[1]).toMatch(/^Untagged: busybox@sha256:[0-9a-f]{64}$/);
    expect(img[2]).toMatch(/^Deleted: sha256:[0-9a-f]{64}$/);
    expect(img[3]).toMatch(/^Deleted: sha256:[0-9a-f]{64}$/);
  });

  it('words errors as the 20.10 CLI does', async () => {
    const e = makeEnv();
    expect(await e.docker('rmi', 'nosuchimage')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error: No such image: nosuchimage\n',
    });
    expect(await e.docker('tag', 'nosuchimage', 'x')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error response from daemon: No such image: nosuchimage:latest\n',
    });
    expect(await e.docker('history', 'nosuchimage')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error response from daemon: No such image: nosuchimage:latest\n',
    });
  });
});

describe('docker pull without a terminal', () => {
  it('prints every status message on its own line', async () => {
    const e = makeEnv();
    e.terminal = false;
    await e.docker('pull', 'debian:bookworm-slim');
    const r = await e.docker('pull', 'nginx');
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .slice(2, -3)
      .map((l) => l.replace(/^[0-9a-f]{12}: /, ''));
    expect(lines).toEqual([
      'Already exists',
      ...Array(6).fill('Pulling fs layer'),
      ...Array(6).fill(['Verifying Checksum', 'Download complete']).flat(),
      ...Array(6).fill('Pull complete'),
    ]);
  });
});

describe('docker load', () => {
  it('loads a 20.10 save archive: layers by ChainID, the tag, no imagedb metadata; again prints the same', async () => {
    const { writeLayerTar } = await import('../../src/docker/layer-tar.js');
    const { createTutorialRegistry } = await import('../../src/docker/registry/tutorial.js');
    const img = createTutorialRegistry().resolve('alpine');
    const cfgName = `${(await import('../../src/docker/digest.js')).sha256Hex(img.config)}.json`;
    const archive = writeLayerTar([
      { path: cfgName, type: 'file', content: img.config },
      { path: 'aaaa', type: 'dir' },
      { path: 'aaaa/layer.tar', type: 'file', content: img.layers[0]?.tar() as Uint8Array },
      {
        path: 'manifest.json',
        type: 'file',
        content: JSON.stringify([{ Config: cfgName, RepoTags: ['mine:v1'], Layers: ['aaaa/layer.tar'] }]),
      },
    ]);
    const e = makeEnv();
    e.proc.mkdir('/tmp');
    e.proc.writeFile('/tmp/mine.tar', archive);
    expect(await e.docker('load', '-i', '/tmp/mine.tar')).toEqual({
      code: 0,
      stdout: 'Loaded image: mine:v1\n',
      stderr: '',
    });
    expect(await e.docker('load', '-i', '/tmp/mine.tar')).toEqual({
      code: 0,
      stdout: 'Loaded image: mine:v1\n',
      stderr: '',
    });
    const id = e.daemon.getImage('mine:v1').id;
    expect(e.ls('/var/lib/docker/image/overlay2/imagedb/metadata/sha256')).toEqual([]);
    expect(e.ls('/var/lib/docker/image/overlay2/layerdb/sha256')).toEqual([img.layers[0]?.diffId.slice(7)]);
    expect((await e.docker('image', 'inspect', '-f', '{{.Metadata.LastTagTime}}', id)).stdout).toBe(
      '0001-01-01 00:00:00 +0000 UTC\n',
    );
    expect(await e.docker('load', '-i', '/tmp/nope.tar')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'open /tmp/nope.tar: no such file or directory\n',
    });
  });
});
