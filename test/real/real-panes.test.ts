// The panes computed from the real host agree with the simulator's: the same image (a real
// busybox, built on the tutor's private dockerd and loaded into the simulator from its `docker
// save`), the same commands on both, then the layer stack, the ChainID walk (checked against each
// layerdb) and the container's upper, work and merged trees compared row by row. Only the random
// names (cache-ids, l/ links, container ids) may differ.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimHost, type SimHost } from '../../src/host/sim-host.js';
import { simHostView } from '../../src/host/sim-host-view.js';
import { derivePanesOf, type PaneModel } from '../../src/panes/model.js';
import { type PrivateDaemon, startPrivateDaemon } from '../../src/real/private-daemon.js';
import { mountPoints, realHost } from '../../src/real/real-host.js';
import { simRun } from '../../src/real/tutorial-images.js';
import { busyboxRootfsTar, LAYERED_DOCKERFILE, realHostUnavailable } from '../support/real-docker.js';

const unavailable = realHostUnavailable('real panes suite', { busybox: true, getfattr: true });

const COMMANDS = [
  'docker run -d --name ctr layered:latest sleep 1000',
  "docker exec ctr sh -c 'echo more >> /data/a.txt && rm /tmp/newfile && mkdir -p /new/deep && echo x > /new/deep/f'",
  'docker exec ctr rm -rf /data/sub',
];

/** What must agree: everything but the random names. */
function comparable(m: PaneModel) {
  return {
    focus: m.focus,
    driver: m.driver,
    layers: m.layers.map((l) => ({ index: l.index, size: l.size, createdBy: l.createdBy, linked: l.link.length })),
    chain: m.chain.map((c) => ({ ...c, cacheId: c.cacheId?.length })),
    upper: m.upper.map((r) => `${r.mark} ${r.type} ${r.path}`),
    // The kernel names work/'s whiteouts after an inode (#5 here, #1177c there).
    work: m.work.map((r) => `${r.type} ${r.path.replace(/#[0-9a-f]+$/, '#<n>')}`),
    merged: m.merged.map((r) => `${r.mark} ${r.type} ${r.path}`),
  };
}

describe.runIf(!unavailable)('panes on the real host', () => {
  let d: PrivateDaemon;
  let dir: string;
  let sim: SimHost;
  beforeAll(async () => {
    dir = mkdtempSync('/tmp/ot-panes-');
    const started = await startPrivateDaemon({ dir: join(dir, 'd') });
    if (typeof started === 'string') throw new Error(started);
    d = started;
    const run = (args: string[], input?: Buffer) => {
      const r = spawnSync(d.cli, args, { env: { ...d.env, DOCKER_BUILDKIT: '0' }, encoding: 'utf8', input });
      if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    run(['import', '--change', 'CMD ["/bin/sh"]', '-', 'busybox-static:latest'], await busyboxRootfsTar());
    const ctx = join(dir, 'ctx');
    mkdirSync(ctx);
    writeFileSync(join(ctx, 'Dockerfile'), LAYERED_DOCKERFILE);
    run(['build', '-q', '-t', 'layered:latest', ctx]);
    const tar = join(dir, 'layered.tar');
    run(['save', '-o', tar, 'layered:latest']);
    sim = createSimHost({ seed: 3, interactive: false });
    sim.rootProc.writeFile(
      '/root/layered.tar',
      new Uint8Array(readFileSync(tar)),
      { create: true, truncate: true },
      0o644,
    );
    expect((await simRun(sim, 'docker load -q -i /root/layered.tar')).code).toBe(0);
    for (const line of COMMANDS) {
      const s = await simRun(sim, line);
      expect(s.code, `simulator: ${line}: ${s.out}`).toBe(0);
      const r = spawnSync('sh', ['-c', line], { env: d.env, encoding: 'utf8' });
      expect(r.status, `real: ${line}: ${r.stderr}`).toBe(0);
    }
  }, 240_000);
  afterAll(async () => {
    await d?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('the layer stack, the ChainID walk and the upper, work and merged trees agree with the simulator', () => {
    const hint = { container: 'ctr' };
    const simModel = derivePanesOf(simHostView(sim.docker, sim.rootProc), hint, new Set());
    const real = realHost({ cli: d.cli, env: d.env, daemonPid: d.pid });
    const realModel = derivePanesOf(real, hint, new Set());
    expect(realModel.dataRoot).toBe('/var/lib/docker');
    expect(realModel.chain.length).toBe(3);
    expect(realModel.chain.every((c) => c.verified)).toBe(true);
    expect(realModel.upper.map((r) => `${r.mark} ${r.path}`)).toEqual(
      expect.arrayContaining(['~ data/a.txt', 'x tmp/newfile', '+ new/deep/f']),
    );
    expect(realModel.merged.length).toBeGreaterThan(0);
    expect(comparable(realModel)).toEqual(comparable(simModel));
  });

  it("merged/ is a mount point only in the daemon's namespace, read through its root", () => {
    const real = realHost({ cli: d.cli, env: d.env, daemonPid: d.pid });
    const c = real.docker!.containers().find((x) => x.name === 'ctr')!;
    expect(real.isMountpoint(c.mergedDir)).toBe(true);
    expect(mountPoints(readFileSync('/proc/self/mountinfo', 'utf8')).has(c.mergedDir)).toBe(false);
    const ownLine = readFileSync(`/proc/${d.pid}/mountinfo`, 'utf8')
      .split('\n')
      .find((l) => l.split(' ')[4] === c.mergedDir)!;
    expect(ownLine).toMatch(/ - overlay overlay .*upperdir=.*\/diff,workdir=.*\/work/);
    expect(ownLine).toContain(c.upperDir);
  });
});
