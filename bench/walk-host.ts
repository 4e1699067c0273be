// Run by bench/walk.ts in a process of its own (`node --expose-gc`), so that its memory figures
// are the simulator's alone: a host with N nginx containers running, its memory after GC, a
// `find /var/lib/docker` timed, the memory after it; and the disk under /var/lib/docker written
// out as a manifest (with the overlay mounts of /proc/mounts) for bench/real_walk_bench.py to
// build the same tree on the real kernel.
import { writeFileSync } from 'node:fs';
import { createSimHost } from '../src/host/sim-host.js';
import type { CommandIO } from '../src/shell/command.js';

const [count = '200', manifestFile] = process.argv.slice(2);
const containers = Number(count);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

let out = '';
const text = new TextDecoder();
const keep = (d: string | Uint8Array) => void (out += typeof d === 'string' ? d : text.decode(d));
const io: CommandIO = {
  stdin: new Uint8Array(0),
  stdout: keep,
  stderr: keep,
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
};
const mb = (n: number) => n / 2 ** 20;
const memory = () => {
  gc();
  const m = process.memoryUsage();
  return { rssMB: mb(m.rss), heapMB: mb(m.heapUsed) };
};

const host = createSimHost({ seed: 1 });
await host.session.run('docker pull nginx', io);
for (let i = 0; i < containers; i++) await host.session.run(`docker run -d --name c${i} nginx`, io);
out = '';
const before = memory();
const t0 = performance.now();
const { exitCode } = await host.session.run('find /var/lib/docker', io);
const walkSeconds = (performance.now() - t0) / 1000;
if (exitCode !== 0) throw new Error(`find failed (${exitCode}): ${out.slice(-300)}`);
const entries = out.split('\n').length - 1;
out = '';
const after = memory();

if (manifestFile) {
  // One line per entry of the disk under var/lib/docker: [type, path, mode, size, link target or
  // device number, opaque]; then the overlay mounts, as /proc/mounts lists them.
  const disk = host.kernel.disk;
  const lines: string[] = [];
  for (const rel of disk.walkTree('var/lib/docker')) {
    const st = disk.lstat(rel);
    const opaque = st.type === 'dir' && disk.peekXattr(rel, 'trusted.overlay.opaque') !== undefined;
    const whiteout = st.type === 'chr' && st.rdev === 0;
    const what =
      st.type === 'symlink' ? disk.readlink(rel) : st.type === 'blk' || st.type === 'chr' ? st.rdev : st.size;
    lines.push(JSON.stringify([whiteout ? 'whiteout' : st.type, `/${rel}`, st.mode & 0o7777, what, opaque]));
  }
  await host.session.run('cat /proc/mounts', io);
  const mounts = out
    .split('\n')
    .filter((l) => l.startsWith('overlay '))
    .map((l) => l.split(' '));
  for (const [, target, , options] of mounts) lines.push(JSON.stringify(['mount', target, options]));
  writeFileSync(manifestFile, `${lines.join('\n')}\n`);
}
process.stdout.write(`${JSON.stringify({ containers, entries, walkSeconds, before, after })}\n`);
