// A daemon started again on the same disk (systemctl restart docker) rebuilds its state from
// /var/lib/docker: images, tags, layers with their sharing, containers.
import { describe, expect, it } from 'vitest';
import { createDaemon } from '../../src/docker/engine/index.js';
import { createTutorialRegistry } from '../../src/docker/registry/tutorial.js';
import { seededRandom, steppingClock } from '../../src/kernel/index.js';
import { makeEnv, T0 } from './engine-harness.js';

const io = {
  stdin: new Uint8Array(),
  stdout: () => {},
  stderr: () => {},
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
};

describe('restarting the daemon', () => {
  it('finds the images, tags and containers it left, and can still remove them all', async () => {
    const e = makeEnv();
    await e.daemon.pull('debian:bookworm-slim');
    await e.daemon.pull('nginx');
    await e.daemon.run({ image: 'nginx', name: 'web', detach: true }, io);
    await e.daemon.commit('web', 'mine:v1');
    const before = {
      images: e.daemon.images(true).map((r) => `${r.repository}:${r.tag} ${r.image.id}`),
      ps: e.daemon.ps(true).map((c) => c.id),
    };
    const d2 = createDaemon({
      kernel: e.kernel,
      clock: steppingClock(T0 + 3_600_000),
      random: seededRandom(99),
      registry: createTutorialRegistry(),
      runCommand: async () => 0,
    });
    expect(d2.images(true).map((r) => `${r.repository}:${r.tag} ${r.image.id}`)).toEqual(before.images);
    expect(d2.ps(true).map((c) => c.id)).toEqual(before.ps);
    const web = d2.getContainer('web');
    expect(web.state).toMatchObject({ status: 'exited', exitCode: 255 });
    expect(e.kernel.mounts()).toHaveLength(1);
    expect(d2.history('mine:v1')[1]?.id).toBe(d2.getImage('nginx').id);
    d2.rm('web');
    d2.rmi('mine:v1');
    d2.rmi('nginx');
    expect(d2.layers.layers.size).toBe(1); // debian's base layer is still held by debian
    d2.rmi('debian:bookworm-slim');
    expect(e.ls('/var/lib/docker/overlay2')).toEqual(['l']);
    expect(e.read('/var/lib/docker/image/overlay2/repositories.json')).toBe('{"Repositories":{}}');
  });
});
