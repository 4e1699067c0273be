// Whole-tree walks and the memory they leave, with N nginx containers running (200 by default,
// OVERLAY_TUTOR_BENCH_CONTAINERS to change): find, du -s and ls -lR of /var/lib/docker on the
// simulator, and GNU find, du and ls on the same tree built on the real kernel with the same
// overlay mounts, in the same run. Each walk runs ROUNDS times on each side and the fastest is
// kept, in wall time and in CPU time (user + system: on a busy machine the steadier of the two);
// other work on the machine only ever adds time. The simulator's memory is set against an
// empty host's, each in a process of its own (bench/walk-host.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { whyNoRealKernel } from '../test/kernel/conformance/real-runner.js';
import { bundleHost, runHost } from './host-process.js';
import type { BenchReport } from './report.js';
import { WALKS } from './walks.js';

const ROUNDS = 3;

interface Memory {
  rssMB: number;
  heapMB: number;
}

interface Walked {
  name: string;
  entries: number;
  seconds: number[];
  cpuSeconds: number[];
}

interface HostFigures {
  walks: Walked[];
  before: Memory;
  after: Memory;
}

export async function benchWalk(report: BenchReport): Promise<void> {
  const group = 'tree walk';
  const containers = Number(process.env.OVERLAY_TUTOR_BENCH_CONTAINERS ?? 200);
  const n = `${containers} nginx containers`;
  const dir = mkdtempSync(join(tmpdir(), 'ot-bench-walk-'));
  try {
    const host = await bundleHost('walk-host.ts', dir);
    const empty = runHost<HostFigures>(host, ['0']);
    const manifest = join(dir, 'manifest.jsonl');
    const sim = runHost<HostFigures>(host, [String(containers), manifest, String(ROUNDS)]);
    if (typeof sim === 'string') return report.skip(group, 'simulator walk', sim);
    if (typeof empty === 'string') return report.skip(group, 'simulator: the empty host', empty);
    const entries = sim.walks[0]?.entries ?? 0;
    report.add(group, 'model: RSS after GC, the empty host', empty.before.rssMB, 'MB');
    report.add(group, `model: RSS after GC, ${n} (target ≤ 200)`, sim.before.rssMB, 'MB');
    report.add(group, 'model: RSS after GC, after the walks (target ≤ 200)', sim.after.rssMB, 'MB');
    report.add(group, `model: heap after GC, ${n}`, sim.before.heapMB, 'MB');
    report.add(group, 'model: heap after GC, after the walks', sim.after.heapMB, 'MB');
    report.ratio(group, 'model RSS after the walks ÷ the empty host', sim.after.rssMB / empty.before.rssMB);
    for (const w of sim.walks)
      report.add(group, `model: ${w.name} /var/lib/docker, ${n} (${entries} entries)`, best(w), 's');
    const why = whyNoRealKernel();
    if (why) return report.skip(group, 'real kernel: the same tree and mounts', why);
    const script = fileURLToPath(new URL('./real_walk_bench.py', import.meta.url));
    const walks = JSON.stringify(WALKS.map((w) => ({ name: w.name, argv: w.argv('{dir}') })));
    const real = spawnSync('python3', [script, manifest, walks, String(ROUNDS)], { encoding: 'utf8' });
    if (real.status !== 0) return report.skip(group, 'real kernel: the same tree and mounts', real.stderr.trim());
    const r = JSON.parse(real.stdout) as { walks: Walked[] };
    const realEntries = r.walks[0]?.entries ?? 0;
    if (realEntries !== entries)
      report.skip(group, 'entries', `find printed ${entries} on the model, ${realEntries} on the real kernel`);
    for (const w of sim.walks) {
      const rw = r.walks.find((x) => x.name === w.name);
      if (!rw) continue;
      const [model, kernel] = [best(w) / entries, best(rw) / realEntries];
      const [modelCpu, kernelCpu] = [bestCpu(w) / entries, bestCpu(rw) / realEntries];
      report.add(group, `real kernel: ${w.name}, the same tree and mounts`, best(rw), 's');
      report.add(group, `${w.name}: model per entry, wall time`, model * 1e6, 'µs');
      report.add(group, `${w.name}: real kernel per entry, wall time`, kernel * 1e6, 'µs');
      report.ratio(group, `${w.name}: model ÷ real kernel per entry, wall time (target ≤ 2)`, model / kernel);
      report.add(group, `${w.name}: model per entry, CPU time`, modelCpu * 1e6, 'µs');
      report.add(group, `${w.name}: real kernel per entry, CPU time`, kernelCpu * 1e6, 'µs');
      report.ratio(group, `${w.name}: model ÷ real kernel per entry, CPU time (target ≤ 2)`, modelCpu / kernelCpu);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const best = (w: Walked) => Math.min(...w.seconds);
const bestCpu = (w: Walked) => Math.min(...w.cpuSeconds);
