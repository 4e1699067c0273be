// Archives of images at their real sizes are kept described (src/kernel/content.ts): docker save,
// tar -x, docker export and docker cp carry synthetic files as descriptions, not bytes. Every
// check here reads the same archive byte by byte (through stdout or the disk's readFile) and with
// an independent reader (tar-stream), and finds the bytes the descriptions stand for.
import { createHash } from 'node:crypto';
import { extract } from 'tar-stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSimHost, type SimHost } from '../../src/host/sim-host.js';
import { isComposed, isSynthetic } from '../../src/kernel/index.js';
import type { CommandIO } from '../../src/shell/command.js';

/** Runs a line; stdout as text, and as bytes when asked. */
async function run(host: SimHost, line: string): Promise<{ text: string; bytes: Uint8Array }> {
  const parts: Uint8Array[] = [];
  let err = '';
  const enc = new TextEncoder();
  const io: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: (d) => void parts.push(typeof d === 'string' ? enc.encode(d) : d.slice()),
    stderr: (d) => void (err += String(d)),
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  };
  const { exitCode } = await host.session.run(line, io);
  if (exitCode !== 0) throw new Error(`${line}: exit ${exitCode}: ${err}`);
  const bytes = Buffer.concat(parts);
  return { text: bytes.toString('utf8'), bytes };
}
const sh = async (host: SimHost, line: string) => (await run(host, line)).text;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every member of a tar, read by tar-stream from its bytes: name and data's sha256. */
async function members(bytes: Uint8Array): Promise<{ name: string; sha: string; size: number }[]> {
  const x = extract();
  const out: { name: string; sha: string; size: number }[] = [];
  const feed = (async () => {
    x.write(bytes);
    x.end(undefined);
  })();
  for await (const e of x) {
    const h = createHash('sha256');
    let size = 0;
    for await (const c of e) {
      h.update(c as Uint8Array);
      size += (c as Uint8Array).length;
    }
    out.push({ name: e.header.name, sha: h.digest('hex'), size });
  }
  await feed;
  return out;
}

describe('docker save, tar and docker load with ubuntu:20.04 at its real size', () => {
  let host: SimHost;
  let id: string;
  let layers: string[];
  beforeAll(async () => {
    host = createSimHost({ seed: 3, interactive: false });
    await sh(host, 'docker pull -q ubuntu:20.04');
    id = (await sh(host, "docker image inspect -f '{{.Id}}' ubuntu:20.04")).trim();
    layers = JSON.parse(await sh(host, "docker image inspect -f '{{json .RootFS.Layers}}' ubuntu:20.04")) as string[];
    await sh(host, 'docker save -o /tmp/u.tar ubuntu:20.04');
  }, 120_000);

  it('keeps the saved archive described, and its bytes are the archive', async () => {
    expect(isComposed(host.rootProc.readContent('/tmp/u.tar'))).toBe(true);
    const onDisk = host.rootProc.readFile('/tmp/u.tar');
    // sha256sum walks the description, in chunks.
    const [walked] = (await sh(host, 'sha256sum /tmp/u.tar')).split(' ');
    expect(walked).toBe(sha(onDisk));
    // Redirected to a file, stdout keeps it described too (no 72 MB through the shell).
    await sh(host, 'docker save ubuntu:20.04 > /tmp/u2.tar');
    expect(isComposed(host.rootProc.readContent('/tmp/u2.tar'))).toBe(true);
    expect(await sh(host, 'sha256sum < /tmp/u2.tar')).toBe(`${walked}  -\n`);
    await sh(host, '{ echo first; docker save ubuntu:20.04; } > /tmp/u3.tar');
    const u3 = host.rootProc.readFile('/tmp/u3.tar');
    expect(Buffer.from(u3.subarray(6)).equals(Buffer.from(onDisk))).toBe(true);
    expect(new TextDecoder().decode(u3.subarray(0, 6))).toBe('first\n');
    // Read by an independent reader: each <v1 id>/layer.tar hashes to its DiffID, the config to
    // the image ID it is named by.
    const all = await members(onDisk);
    const tars = all.filter((m) => m.name.endsWith('/layer.tar'));
    expect(tars.map((b) => `sha256:${b.sha}`)).toEqual(layers);
    const config = all.find((m) => m.name === `${id.slice(7)}.json`);
    expect(`sha256:${config?.sha}`).toBe(id);
  }, 120_000);

  it('lists it with tar -t as tar-stream reads its bytes', async () => {
    const names = (await members(host.rootProc.readFile('/tmp/u.tar'))).map((m) => m.name);
    expect(await sh(host, 'tar -tf /tmp/u.tar')).toBe(`${names.join('\n')}\n`);
  }, 60_000);

  it('unpacks it as slices: the layer tar stays described and hashes to its DiffID', async () => {
    await sh(host, 'mkdir -p /tmp/u && tar -xf /tmp/u.tar -C /tmp/u');
    const manifest = JSON.parse(await sh(host, 'cat /tmp/u/manifest.json')) as Array<{ Layers: string[] }>;
    const blob = `/tmp/u/${manifest[0]?.Layers[0]}`;
    expect(isComposed(host.rootProc.readContent(blob))).toBe(true);
    expect((await sh(host, `sha256sum ${blob}`)).split(' ')[0]).toBe((layers[0] as string).slice(7));
    expect(sha(host.rootProc.readFile(blob))).toBe((layers[0] as string).slice(7));
    // The layer's own files: a stand-in binary comes out a synthetic file with the image's bytes.
    await sh(host, `mkdir -p /tmp/root && tar -xf ${blob} -C /tmp/root`);
    const bash = host.rootProc.readContent('/tmp/root/usr/bin/bash');
    expect(isSynthetic(bash)).toBe(true);
    const inImage = await sh(host, 'docker run --rm ubuntu:20.04 sha256sum /usr/bin/bash');
    expect(await sh(host, 'sha256sum /tmp/root/usr/bin/bash')).toBe(
      inImage.replace('/usr/bin/bash', '/tmp/root/usr/bin/bash'),
    );
    expect(await sh(host, `tar -tvf ${blob} usr/bin/bash`)).toMatch(/^-rwxr-xr-x root\/root +\d+ .* usr\/bin\/bash\n$/);
  }, 120_000);

  it('loads it back with the same IDs and layers, its stand-ins synthetic in diff/ again', async () => {
    await sh(host, 'docker rmi ubuntu:20.04');
    expect(await sh(host, 'docker load -i /tmp/u.tar')).toBe('Loaded image: ubuntu:20.04\n');
    expect((await sh(host, "docker image inspect -f '{{.Id}}' ubuntu:20.04")).trim()).toBe(id);
    expect(JSON.parse(await sh(host, "docker image inspect -f '{{json .RootFS.Layers}}' ubuntu:20.04"))).toEqual(
      layers,
    );
    // A loaded layer's stand-ins are synthetic files in diff/ again.
    const diff = (await sh(host, "docker image inspect -f '{{.GraphDriver.Data.UpperDir}}' ubuntu:20.04")).trim();
    expect(isSynthetic(host.rootProc.readContent(`${diff}/usr/bin/bash`))).toBe(true);
  }, 120_000);
});

describe('docker save through stdout, export, import and cp (busybox: stdout carries bytes)', () => {
  it('saves the same bytes to a file and to stdout, and loads them from either', async () => {
    const host = createSimHost({ seed: 4, interactive: false });
    await sh(host, 'docker pull -q busybox && docker save -o /tmp/b.tar busybox');
    const id = await sh(host, "docker image inspect -f '{{.Id}}' busybox");
    const streamed = (await run(host, 'docker save busybox')).bytes;
    expect(Buffer.from(streamed).equals(Buffer.from(host.rootProc.readFile('/tmp/b.tar')))).toBe(true);
    const [sum] = (await sh(host, 'sha256sum /tmp/b.tar')).split(' ');
    expect((await sh(host, 'docker save busybox | sha256sum')).split(' ')[0]).toBe(sum);
    await sh(host, 'docker save busybox > /tmp/b2.tar');
    expect((await sh(host, 'sha256sum /tmp/b2.tar')).split(' ')[0]).toBe(sum);
    await sh(host, 'docker rmi busybox');
    expect(await sh(host, 'cat /tmp/b.tar | docker load')).toBe('Loaded image: busybox:latest\n');
    expect(await sh(host, "docker image inspect -f '{{.Id}}' busybox")).toBe(id);
  }, 120_000);

  it('exports a described tar whose bytes import to the DiffID sha256sum prints', async () => {
    const host = createSimHost({ seed: 4, interactive: false });
    await sh(host, 'docker pull -q busybox && docker create --name box busybox');
    await sh(host, 'docker export -o /tmp/c.tar box');
    expect(isComposed(host.rootProc.readContent('/tmp/c.tar'))).toBe(true);
    const [sum] = (await sh(host, 'sha256sum /tmp/c.tar')).split(' ');
    expect(sha(host.rootProc.readFile('/tmp/c.tar'))).toBe(sum);
    expect((await sh(host, 'docker export box | sha256sum')).split(' ')[0]).toBe(sum);
    await sh(host, 'docker import /tmp/c.tar imp');
    expect(await sh(host, "docker image inspect -f '{{json .RootFS.Layers}}' imp")).toBe(`["sha256:${sum}"]\n`);
    // docker cp: a stand-in out of a container is a synthetic file; a learner's file stays bytes.
    await sh(host, 'docker cp box:/bin/busybox /tmp/bb');
    expect(isSynthetic(host.rootProc.readContent('/tmp/bb'))).toBe(true);
    await sh(host, 'echo hi > /tmp/note && docker cp /tmp/note box:/note && docker cp box:/note /tmp/note2');
    expect(host.rootProc.readContent('/tmp/note2')).toEqual(new TextEncoder().encode('hi\n'));
  }, 120_000);
});
