// Run by bench/walk.ts in a process of its own (`node --expose-gc`), so that its memory figures
// are the simulator's alone: a host with N nginx containers running, its memory after GC, each
// whole-tree walk (find, du -s, ls -lR of /var/lib/docker) timed, the memory after them; and the
// disk under /var/lib/docker written out as a manifest (with the overlay mounts of /proc/mounts)
// for bench/real_walk_bench.py to build the same tree on the real kernel.
// With N = 0 it measures the empty host: the baseline of the memory figures.
import { writeFileSync } from 'node:fs';
import { createSimHost } from '../src/host/sim-host.js';
import type { CommandIO } from '../src/shell/command.js';
import { WALKS } from './walks.js';

const [count = '200', manifestFile, rounds = '3'] = process.argv.slice(2);
const containers = Number(count);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

// Output is counted, not kept (not even a slice, which would hold the whole string): a terminal
// shows it and lets it go, and the figures are the simulator's memory, not the bench's. Errors
// are kept, for the message when a walk fails.
let lines = 0;
let text = '';
const countLines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
};
const io: CommandIO = {
  stdin: new Uint8Array(0),
  stdout: (d) => {
    const s = typeof d === 'string' ? d : new TextDecoder().decode(d);
    lines += countLines(s);
  },
  stderr: (d) => void (text += typeof d === 'string' ? d : new TextDecoder().decode(d)),
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
};
const mb = (n: number) => n / 2 ** 20;
const memory = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rssMB: mb(m.rss), heapMB: mb(m.heapUsed) };
};
const run = async (line: string) => {
  lines = 0;
  text = '';
  const { exitCode } = await host.session.run(line, io);
  if (exitCode !== 0) throw new Error(`${line} failed (${exitCode}): ${text.slice(-300)}`);
  return lines;
};

// The learner's budget (src/kernel/budget.ts) stops a line after 16 MB of output or 15 s: a walk
// through 200 containers writes more than that, and it is the walk that is measured here.
const unlimited = Number.MAX_SAFE_INTEGER;
const host = createSimHost({ seed: 1, budget: { outputBytes: unlimited, ms: unlimited, memoryBytes: unlimited } });
if (containers > 0) await run('docker pull nginx');
for (let i = 0; i < containers; i++) await run(`docker run -d --name c${i} nginx`);
const before = memory();
// Wall time and CPU time (user + system) of each round: on a busy machine the CPU time is the
// steadier measure of what a walk costs.
const walks: Array<{ name: string; entries: number; seconds: number[]; cpuSeconds: number[] }> = [];
if (containers > 0) {
  for (const w of WALKS) {
    const seconds: number[] = [];
    const cpuSeconds: number[] = [];
    let entries = 0;
    for (let r = 0; r < Number(rounds); r++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      entries = await run(w.line('/var/lib/docker'));
      const c = process.cpuUsage(c0);
      seconds.push((performance.now() - t0) / 1000);
      cpuSeconds.push((c.user + c.system) / 1e6);
    }
    walks.push({ name: w.name, entries, seconds, cpuSeconds });
  }
}
const after = memory();

if (manifestFile) {
  // One line per entry of the disk under var/lib/docker: [type, path, mode, size, link target or
  // device number, opaque]; then the overlay mounts, as /proc/mounts lists them.
  const disk = host.kernel.disk;
  const out: string[] = [];
  for (const rel of disk.walkTree('var/lib/docker')) {
    const st = disk.lstat(rel);
    const opaque = st.type === 'dir' && disk.peekXattr(rel, 'trusted.overlay.opaque') !== undefined;
    const whiteout = st.type === 'chr' && st.rdev === 0;
    const what =
      st.type === 'symlink' ? disk.readlink(rel) : st.type === 'blk' || st.type === 'chr' ? st.rdev : st.size;
    out.push(JSON.stringify([whiteout ? 'whiteout' : st.type, `/${rel}`, st.mode & 0o7777, what, opaque]));
  }
  const mounts = host.kernel
    .hostMounts()
    .filter((m) => m.fstype === 'overlay')
    .map((m) => JSON.stringify(['mount', m.target, m.options]));
  writeFileSync(manifestFile, `${[...out, ...mounts].join('\n')}\n`);
}
process.stdout.write(`${JSON.stringify({ containers, walks, before, after })}\n`);
