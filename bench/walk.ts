// A whole-tree walk and the memory it leaves, with N nginx containers running (200 by default,
// OVERLAY_TUTOR_BENCH_CONTAINERS to change): `find /var/lib/docker` on the simulator, and GNU find
// on the same tree built on the real kernel with the same overlay mounts, in the same run.
// The simulator's side runs bundled, as in the bin, in a process of its own (bench/walk-host.ts)
// so that its RSS is its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { whyNoRealKernel } from '../test/kernel/conformance/real-runner.js';
import type { BenchReport } from './report.js';

interface HostFigures {
  containers: number;
  entries: number;
  walkSeconds: number;
  before: { rssMB: number; heapMB: number };
  after: { rssMB: number; heapMB: number };
}

export async function benchWalk(report: BenchReport): Promise<void> {
  const group = 'tree walk';
  const containers = Number(process.env.OVERLAY_TUTOR_BENCH_CONTAINERS ?? 200);
  const dir = mkdtempSync(join(tmpdir(), 'ot-bench-walk-'));
  try {
    const host = join(dir, 'walk-host.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./walk-host.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: host,
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      logLevel: 'error',
    });
    const manifest = join(dir, 'manifest.jsonl');
    const sim = spawnSync(process.execPath, ['--expose-gc', host, String(containers), manifest], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (sim.status !== 0)
      return report.skip(group, 'simulator walk', sim.stderr.trim().split('\n').slice(-3).join(' '));
    const s = JSON.parse(sim.stdout) as HostFigures;
    const n = `${containers} nginx containers`;
    report.add(group, `model: find /var/lib/docker, ${n} (${s.entries} entries)`, s.walkSeconds, 's');
    report.add(group, 'model: per entry', (s.walkSeconds / s.entries) * 1e6, 'µs');
    report.add(group, `model: RSS after GC, ${n} (target ≤ 200)`, s.before.rssMB, 'MB');
    report.add(group, `model: heap after GC, ${n}`, s.before.heapMB, 'MB');
    report.add(group, `model: RSS after GC, after the walk (target ≤ 200)`, s.after.rssMB, 'MB');
    report.add(group, `model: heap after GC, after the walk`, s.after.heapMB, 'MB');
    const why = whyNoRealKernel();
    if (why) return report.skip(group, 'real kernel: the same tree', why);
    const script = fileURLToPath(new URL('./real_walk_bench.py', import.meta.url));
    const real = spawnSync('python3', [script, manifest], { encoding: 'utf8' });
    if (real.status !== 0) return report.skip(group, 'real kernel: the same tree', real.stderr.trim());
    const r = JSON.parse(real.stdout) as { entries: number; walkSeconds: number };
    report.add(group, `real kernel: GNU find over the same tree and mounts (${r.entries} entries)`, r.walkSeconds, 's');
    report.add(group, 'real kernel: per entry', (r.walkSeconds / r.entries) * 1e6, 'µs');
    report.ratio(
      group,
      'model ÷ real time per entry (target ≤ 2)',
      s.walkSeconds / s.entries / (r.walkSeconds / r.entries),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
