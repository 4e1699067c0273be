// The data-root comparison itself: two real daemons that run the same scenario must give equal
// trees once ids and times are normalised — otherwise a difference found against the simulator
// could be the normaliser's fault.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { busyboxRootfsTar, startRealDocker, realHostUnavailable } from '../support/real-docker.js';
import { captureDockerTree, normalizeDockerTree, realReader } from './conformance/docker-tree.js';
import { writeFileSync } from 'node:fs';

const unavailable = realHostUnavailable('docker tree comparison', { busybox: true });

/** load, create, run with writes and deletes, stop: the storage a lesson walks through. */
async function scenario(): Promise<ReturnType<typeof normalizeDockerTree>> {
  const d = await startRealDocker();
  if (typeof d === 'string') throw new Error(`dockerd did not start: ${d}`);
  try {
    const tarPath = join(d.tmpDir, 'rootfs.tar');
    writeFileSync(tarPath, await busyboxRootfsTar());
    await d.dockerOk(['import', '--change', 'CMD ["/bin/sh"]', tarPath, 'base:1']);
    await d.dockerOk(['create', '--name', 'quiet', 'base:1']);
    await d.dockerOk(['run', '-d', '--name', 'busy', 'base:1', 'sleep', '300']);
    await d.dockerOk([
      'exec',
      'busy',
      'sh',
      '-c',
      'echo hi > /tmp/new && rm /bin/ls && mkdir -p /data/sub && chmod 700 /bin/busybox',
    ]);
    const tree = normalizeDockerTree(captureDockerTree(await realReader(d.dataRoot), d.dataRoot));
    return tree;
  } finally {
    await d.stop();
  }
}

describe.runIf(!unavailable)('normalised data-root trees', () => {
  it('are equal for two real daemons running the same scenario', async () => {
    const [a, b] = [await scenario(), await scenario()];
    expect(a.length).toBeGreaterThan(50);
    expect(a).toEqual(b);
    // and the normaliser left no raw id behind
    expect(JSON.stringify(a).replace(/<sha256:[0-9a-f]{64}>/g, '')).not.toMatch(/[0-9a-f]{64}|\b[A-Z2-7]{26}\b/);
  }, 240_000);
});
