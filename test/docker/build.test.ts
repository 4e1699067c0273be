// docker build with the classic builder, on the simulated host: seed 000's Dockerfile.
import { beforeEach, describe, expect, it } from 'vitest';
import { build, type BuildContext } from '../../src/docker/builder/build.js';
import { engineBuildBackend } from '../../src/docker/builder/engine-backend.js';
import { chainId } from '../../src/docker/digest.js';
import type { DockerEngine } from '../../src/docker/engine/index.js';
import { createSimHost, type SimHost } from '../../src/host/sim-host.js';

const enc = new TextEncoder();
let host: SimHost;
let engine: DockerEngine;

function context(dockerfile: string, files: Record<string, string> = {}): BuildContext {
  const map = new Map(Object.entries(files).map(([k, v]) => [k, { data: enc.encode(v), mode: 0o644 }]));
  map.set('Dockerfile', { data: enc.encode(dockerfile), mode: 0o644 });
  let bytes = 1024;
  for (const f of map.values()) bytes += 512 + Math.ceil(f.data.length / 512) * 512;
  return { dockerfile, dockerfileName: 'Dockerfile', files: map, contextBytes: bytes };
}

async function run(dockerfile: string, tags: string[], files: Record<string, string> = {}, noCache = false) {
  let out = '';
  let err = '';
  const r = await build(
    engineBuildBackend(engine),
    context(dockerfile, files),
    { tags, noCache },
    (s) => (out += s),
    (s) => (err += s),
  );
  return { ...r, out, err };
}

const SEED_000 = 'FROM ubuntu:20.04\n\nRUN echo "Hello world" > /tmp/newfile\n';

beforeEach(async () => {
  host = createSimHost({ seed: 3, interactive: false });
  engine = host.docker as DockerEngine;
  await engine.pull('ubuntu:20.04');
});

describe('docker build (classic builder)', () => {
  it("prints the classic builder's steps for seed 000's Dockerfile", async () => {
    const r = await run(SEED_000, ['hello-ubuntu']);
    const ubuntu = engine.getImage('ubuntu:20.04').id.slice(7, 19);
    const lines = r.out.replace(/\r/g, '').split('\n');
    expect(lines[0]).toBe('Sending build context to Docker daemon  2.048kB');
    expect(lines[1]).toBe('Step 1/2 : FROM ubuntu:20.04');
    expect(lines[2]).toBe(` ---> ${ubuntu}`);
    expect(lines[3]).toBe('Step 2/2 : RUN echo "Hello world" > /tmp/newfile');
    expect(lines[4]).toMatch(/^ ---> Running in [0-9a-f]{12}$/);
    expect(lines[5]).toMatch(/^Removing intermediate container [0-9a-f]{12}$/);
    expect(lines[6]).toBe(` ---> ${r.imageId?.slice(7, 19)}`);
    expect(lines.slice(7, 9)).toEqual([
      `Successfully built ${r.imageId?.slice(7, 19)}`,
      'Successfully tagged hello-ubuntu:latest',
    ]);
    expect(r.exitCode).toBe(0);
  });

  it('a RUN step makes one layer holding just what it wrote: 12 bytes for "Hello world\\n"', async () => {
    const r = await run(SEED_000, ['hello-ubuntu']);
    const img = engine.getImage('hello-ubuntu');
    const base = engine.getImage('ubuntu:20.04');
    const diffIds = img.config.rootfs?.diff_ids ?? [];
    expect(diffIds.length).toBe((base.config.rootfs?.diff_ids ?? []).length + 1);
    expect(img.layer?.size).toBe(12);
    expect(img.layer?.chainId).toBe(chainId(diffIds));
    expect(img.config.history?.at(-1)?.created_by).toBe('/bin/sh -c echo "Hello world" > /tmp/newfile');
    expect(r.imageId).toBe(img.id);
  });

  it('config-only instructions commit empty layers shown as #(nop) in history', async () => {
    await run('FROM ubuntu:20.04\nENV A=1\nCMD ["nginx", "-g", "daemon off;"]\nWORKDIR /app\nEXPOSE 80\n', ['meta']);
    const img = engine.getImage('meta');
    const history = img.config.history ?? [];
    expect(history.slice(-4).map((h) => [h.created_by, h.empty_layer ?? false])).toEqual([
      ['/bin/sh -c #(nop)  ENV A=1', true],
      ['/bin/sh -c #(nop)  CMD ["nginx" "-g" "daemon off;"]', true],
      ['/bin/sh -c #(nop) WORKDIR /app', true],
      ['/bin/sh -c #(nop)  EXPOSE 80', true],
    ]);
    expect(img.config.rootfs?.diff_ids).toEqual(engine.getImage('ubuntu:20.04').config.rootfs?.diff_ids);
    expect(img.config.config?.Cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(img.config.config?.WorkingDir).toBe('/app');
  });

  it('building again uses the cache for every step and gives the same image', async () => {
    const first = await run(SEED_000, ['hello-ubuntu']);
    const second = await run(SEED_000, ['hello-ubuntu']);
    expect(second.out).toContain(' ---> Using cache');
    expect(second.imageId).toBe(first.imageId);
    const third = await run(SEED_000, ['fresh'], {}, true);
    expect(third.out).not.toContain('Using cache');
    expect(third.imageId).not.toBe(first.imageId);
  });

  it('COPY puts context files into a new layer', async () => {
    await run('FROM ubuntu:20.04\nCOPY index.html /usr/share/nginx/html/\n', ['site'], {
      'index.html': '<h1>hi</h1>\n',
    });
    const img = engine.getImage('site');
    expect(img.layer?.size).toBe(12);
    expect(img.config.history?.at(-1)?.created_by).toMatch(
      /^\/bin\/sh -c #\(nop\) COPY file:[0-9a-f]{64} in \/usr\/share\/nginx\/html\/ $/,
    );
  });

  it('a failing RUN stops the build with the code the command returned', async () => {
    const r = await run('FROM ubuntu:20.04\nRUN false\n', ['broken']);
    expect(r.exitCode).toBe(1);
    expect(r.err).toBe("The command '/bin/sh -c false' returned a non-zero code: 1\n");
  });

  it('an unknown instruction is reported with its line', async () => {
    const r = await run('FROM ubuntu:20.04\nBOGUS x\n', ['bad']);
    expect(r.exitCode).toBe(1);
    expect(r.err).toContain('dockerfile parse error line 2: unknown instruction: BOGUS');
  });
});

describe('VOLUME', () => {
  it('adds each path to Config.Volumes; history shows Go’s %v of the list', async () => {
    const r = await run('FROM ubuntu:20.04\nVOLUME /data /cache\nVOLUME ["/logs"]\n', ['vol:1']);
    expect(r.exitCode).toBe(0);
    const image = engine.getImage('vol:1');
    expect(Object.keys(image.config.config?.Volumes ?? {}).sort()).toEqual(['/cache', '/data', '/logs']);
    const history = engine.history('vol:1').map((h) => h.createdBy);
    expect(history).toContain('/bin/sh -c #(nop)  VOLUME [/data /cache]');
    expect(history).toContain('/bin/sh -c #(nop)  VOLUME [/logs]');
  });
});
