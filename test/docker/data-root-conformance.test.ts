// The simulated /var/lib/docker against a real one: the same scenario (load, create, run, exec
// writes and deletes, commit, rmi) on a private real dockerd and on the simulated host — with the
// overlay2 driver, and again with the legacy overlay driver — then
// both data-roots captured and normalised (ids by role, times) and compared entry by entry:
// paths, types, modes, link counts, the contents of link, lower, committed, diff, size, parent,
// cache-id, repositories.json, whiteouts and trusted.overlay.* xattrs.
import { readFileSync } from 'node:fs';
import { release } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { DEFAULT_MACHINE } from '../../src/shell/commands/index.js';
import type { CommandIO } from '../../src/shell/command.js';
import { makeScriptFixtures, type ScriptFixtures } from '../shell/script-conformance/fixtures.js';
import { startRealDocker, realHostUnavailable } from '../support/real-docker.js';
import {
  captureDockerTree,
  normalizeDockerTree,
  realReader,
  simReader,
  type DockerTreeEntry,
  type TreeDriver,
} from './conformance/docker-tree.js';

const SCENARIO = [
  'load -i /tmp/layered.tar',
  'create --name quiet layered:latest',
  'run -d --name busy layered:latest sleep 300',
  'exec busy sh -c "echo hi > /tmp/new && rm /data/a.txt && rm -rf /data/sub && mkdir /data/sub && echo x > /data/sub/y"',
  'stop -t 1 busy',
  'commit busy snap:1',
  'rm quiet',
];

const unavailable = realHostUnavailable('data-root conformance against a real dockerd', { busybox: true });

function quiet(): CommandIO {
  return {
    stdin: new Uint8Array(0),
    stdout: () => {},
    stderr: () => {},
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  };
}

async function onReal(fx: ScriptFixtures, driver: TreeDriver): Promise<DockerTreeEntry[]> {
  const d = await startRealDocker({ storageDriver: driver });
  if (typeof d === 'string') throw new Error(`dockerd did not start: ${d}`);
  try {
    for (const line of SCENARIO) {
      const args =
        line
          .replace('/tmp/layered.tar', fx.copyIn[0]?.[0] as string)
          .match(/"[^"]*"|\S+/g)
          ?.map((a) => a.replace(/^"|"$/g, '')) ?? [];
      await d.dockerOk(args);
    }
    return normalizeDockerTree(captureDockerTree(await realReader(d.dataRoot), d.dataRoot, driver), driver);
  } finally {
    await d.stop();
  }
}

async function onSimulator(fx: ScriptFixtures, driver: TreeDriver): Promise<DockerTreeEntry[]> {
  // The simulator runs the real side's kernel release: what overlayfs writes (trusted.overlay.uuid
  // since 6.6) follows the kernel, and the comparison is of Docker's tree, not of two kernels.
  const host = createSimHost({ seed: 11, interactive: false, machine: { ...DEFAULT_MACHINE, release: release() } });
  if (driver === 'overlay') {
    // The simulated host boots on overlay2; a learner switches as an administrator would.
    host.rootProc.writeFile('/etc/docker/daemon.json', '{ "storage-driver": "overlay" }\n');
    const r = await host.session.run('systemctl restart docker', quiet());
    if (r.exitCode !== 0) throw new Error('simulator: systemctl restart docker failed');
  }
  host.rootProc.writeFile('/tmp/layered.tar', new Uint8Array(readFileSync(fx.copyIn[0]?.[0] as string)));
  for (const line of SCENARIO) {
    const r = await host.session.run(`docker ${line}`, quiet());
    if (r.exitCode !== 0) throw new Error(`simulator: docker ${line} exited ${r.exitCode}`);
  }
  const tree = normalizeDockerTree(captureDockerTree(simReader(host.rootProc), '/var/lib/docker', driver), driver);
  // What the boot on overlay2 left behind is not part of the real daemon's fresh data-root.
  return driver === 'overlay' ? tree.filter((e) => e.path !== 'overlay2' && e.path !== 'image/overlay2') : tree;
}

describe.runIf(!unavailable)('the simulated data-root against a real one', () => {
  let fx: ScriptFixtures;
  beforeAll(async () => {
    fx = await makeScriptFixtures();
  }, 180_000);
  afterAll(async () => {
    await fx?.stop();
  }, 60_000);

  it.each(['overlay2', 'overlay'] as const)(
    'holds the same entries after load, create, run, exec, commit and rm (%s driver)',
    async (driver) => {
      const [real, sim] = [await onReal(fx, driver), await onSimulator(fx, driver)];
      const key = (e: DockerTreeEntry) => e.path;
      const realMap = new Map(real.map((e) => [key(e), e]));
      const simMap = new Map(sim.map((e) => [key(e), e]));
      const diffs: string[] = [];
      for (const [k, e] of realMap)
        if (JSON.stringify(simMap.get(k)) !== JSON.stringify(e))
          diffs.push(`${k}\n  real ${JSON.stringify(e)}\n  sim  ${JSON.stringify(simMap.get(k))}`);
      for (const k of simMap.keys())
        if (!realMap.has(k)) diffs.push(`${k}\n  sim only ${JSON.stringify(simMap.get(k))}`);
      expect(diffs.join('\n')).toBe('');
      expect(real.length).toBeGreaterThan(100);
      // The driver's own tree was compared in depth: layer files, and for the legacy driver the
      // regular files of each image layer's root/ shared as hard links with the layers below.
      expect(real.filter((e) => e.path.startsWith(`${driver}/`)).length).toBeGreaterThan(50);
      if (driver === 'overlay')
        expect(
          real.some((e) => /^overlay\/<cache:[^>]+>\/root\//.test(e.path) && e.type === 'file' && (e.nlink ?? 0) >= 3),
        ).toBe(true);
    },
    240_000,
  );
});
