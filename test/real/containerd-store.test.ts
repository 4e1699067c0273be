// The containerd image store's layout, checked for real: the simulator's nginx archive imported
// with `ctr -n moby images import` into the private dockerd's own containerd gives one committed
// snapshot per layer keyed by its ChainID (parent: the ChainID below), and the tutor maps each to
// its snapshots/N/fs dir, whose files are the layer's.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ctrImport, snapshotDirs, snapshotKeys, type CtrTarget } from '../../src/real/containerd-snapshots.js';
import { type PrivateDaemon, startPrivateDaemon } from '../../src/real/private-daemon.js';
import { findExecutable } from '../../src/real/probe.js';
import { chainIdsOf, type ImageIdentity, simulatorArchive } from '../../src/real/tutorial-images.js';
import { realHostUnavailable } from '../support/real-docker.js';

const unavailable = realHostUnavailable('containerd store suite', { ctr: true });

describe.runIf(!unavailable)('the containerd image store on this machine', () => {
  let d: PrivateDaemon;
  let dir: string;
  let t: CtrTarget;
  let nginx: ImageIdentity;
  beforeAll(async () => {
    dir = mkdtempSync('/tmp/ot-ctr-');
    const started = await startPrivateDaemon({ dir: join(dir, 'd') });
    if (typeof started === 'string') throw new Error(started);
    d = started;
    const { archive, images } = await simulatorArchive(['nginx:latest']);
    nginx = images[0]!;
    writeFileSync(join(dir, 'nginx.tar'), archive);
    t = { ctr: findExecutable('ctr')!, address: join(d.execRoot, 'containerd', 'containerd.sock'), namespace: 'moby' };
    expect(ctrImport(t, join(dir, 'nginx.tar'))).toBeUndefined();
  }, 180_000);
  afterAll(async () => {
    await d?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('has a committed snapshot per layer, keyed by its ChainID, its parent the ChainID below', () => {
    const keys = snapshotKeys(t);
    const chains = chainIdsOf(nginx.diffIds);
    expect(chains.length).toBe(7);
    chains.forEach((c, i) => {
      expect(keys.get(c), c).toBe(i === 0 ? '' : chains[i - 1]);
    });
  });

  it('maps each ChainID to snapshots/N/fs holding that layer', () => {
    const chains = chainIdsOf(nginx.diffIds);
    const dirs = snapshotDirs(t, chains.at(-1)!);
    expect(Array.isArray(dirs)).toBe(true);
    const list = dirs as string[];
    expect(list.length).toBe(7);
    for (const f of list) expect(f).toMatch(/\/io\.containerd\.snapshotter\.v1\.overlayfs\/snapshots\/\d+\/fs$/);
    // The paths are the daemon's: its data-root is bound on /var/lib/docker in its namespace.
    const seen = (f: string) => `/proc/${d.pid}/root${f}`;
    expect(list.every((f) => existsSync(seen(f)))).toBe(true);
    // The base layer is the Debian rootfs; the top one nginx's last COPY.
    expect(readdirSync(seen(list[0]!))).toEqual(expect.arrayContaining(['bin', 'etc', 'usr', 'var']));
    // A view on a middle ChainID lists only the layers up to it.
    expect(snapshotDirs(t, chains[2]!)).toEqual(list.slice(0, 3));
  });
});
