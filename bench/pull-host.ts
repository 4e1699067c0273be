// Run by bench/docker.ts in a process of its own (`node --expose-gc`), so that its figures are
// the simulator's alone: the empty host's memory after GC (the baseline), `docker pull nginx`
// timed (the first in the process, when the registry builds nginx's layers, then again on a
// fresh host), then every tutorial image pulled and the memory after GC again.
import { createSimHost } from '../src/host/sim-host.js';
import type { CommandIO } from '../src/shell/command.js';

/** Every image the tutorial's registry holds (src/docker/registry/tutorial.ts), one tag each. */
const TUTORIAL_IMAGES = [
  'nginx',
  'ubuntu:20.04',
  'ubuntu:22.04',
  'debian:bookworm-slim',
  'alpine',
  'busybox',
  'hello-world',
];

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
let text = '';
const io: CommandIO = {
  stdin: new Uint8Array(0),
  stdout: (d) => void (text += String(d)),
  stderr: (d) => void (text += String(d)),
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
};
const memory = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rssMB: m.rss / 2 ** 20, heapMB: m.heapUsed / 2 ** 20 };
};
const host = createSimHost({ seed: 1, interactive: false });
const run = async (line: string) => {
  text = '';
  const { exitCode } = await host.session.run(line, io);
  if (exitCode !== 0) throw new Error(`${line} failed (${exitCode}): ${text.slice(-300)}`);
};
await run('true');
const empty = memory();
const t0 = performance.now();
await run('docker pull nginx');
const pullMs = [performance.now() - t0];
{
  const fresh = createSimHost({ seed: 1, interactive: false });
  const t1 = performance.now();
  await fresh.session.run('docker pull nginx', io);
  pullMs.push(performance.now() - t1);
}
for (const image of TUTORIAL_IMAGES) await run(`docker pull ${image}`);
const pulled = memory();
process.stdout.write(`${JSON.stringify({ empty, pullMs, pulled })}\n`);
