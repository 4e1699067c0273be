// The images every conformance script starts from, made once per run on a real daemon from
// Debian's busybox-static and saved to archives that both the real hosts and the simulator load.
import { join } from 'node:path';
import { buildBusyboxImages, startRealDocker } from '../../support/real-docker.js';

export interface ScriptFixtures {
  dir: string;
  /** [real file, path the script sees] */
  copyIn: Array<[string, string]>;
  stop(): Promise<void>;
}

export async function makeScriptFixtures(): Promise<ScriptFixtures> {
  const d = await startRealDocker();
  if (typeof d === 'string') throw new Error(`dockerd did not start: ${d}`);
  await buildBusyboxImages(d);
  const layered = join(d.tmpDir, 'layered.tar');
  const base = join(d.tmpDir, 'base.tar');
  await d.dockerOk(['save', '-o', layered, 'layered:latest']);
  await d.dockerOk(['save', '-o', base, 'busybox-static:latest']);
  await d.dockerOk(['rmi', 'layered:latest', 'busybox-static:latest']);
  return {
    dir: d.tmpDir,
    copyIn: [
      [layered, '/tmp/layered.tar'],
      [base, '/tmp/base.tar'],
    ],
    // The archives live in the daemon's temp dir: stop it (and delete them) at the very end.
    stop: () => d.stop(),
  };
}
