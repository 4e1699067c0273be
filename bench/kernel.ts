// Kernel model benchmarks: the same operation sequences on the model and on a real overlay
// mount (a ratio from one run), and lookup/readdir costs through 125 lower layers and in a
// directory of 100,000 entries, beside the real kernel's figures for the same layout.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { Volume } from 'memfs';
import { Kernel, seededRandom, steppingClock } from '../src/kernel/index.js';
import { scenarioArb } from '../test/kernel/conformance/generators.js';
import { runOnModel } from '../test/kernel/conformance/model-runner.js';
import { RealKernel, whyNoRealKernel } from '../test/kernel/conformance/real-runner.js';
import type { BenchReport } from './report.js';

const LAYERS = 125;
const BIG = 100_000;

function perOpUs(fn: () => void, n: number): number {
  const t = performance.now();
  for (let i = 0; i < n; i++) fn();
  return ((performance.now() - t) / n) * 1000;
}

async function sequences(report: BenchReport, why: string | undefined): Promise<void> {
  const scenarios = fc.sample(scenarioArb, { seed: 42, numRuns: 300 });
  const ops = scenarios.reduce((n, s) => n + s.ops.length, 0);
  let modelSeconds = 0;
  for (const s of scenarios) modelSeconds += runOnModel(s).opsSeconds;
  report.add('kernel', `model: ${ops} ops from 300 random scenarios`, ops / modelSeconds, 'ops/s');
  if (why) return report.skip('kernel', 'real overlay mount: same ops', why);
  const real = new RealKernel();
  let realSeconds = 0;
  for (const s of scenarios) realSeconds += (await real.run(s)).opsSeconds;
  await real.close();
  report.add('kernel', `real overlay mount: same ${ops} ops (syscalls from Python)`, ops / realSeconds, 'ops/s');
  report.ratio('kernel', 'model ops/s ÷ real kernel ops/s', realSeconds / modelSeconds);
}

function layersModel(report: BenchReport): Record<string, number> {
  const kernel = new Kernel({ volume: new Volume(), clock: steppingClock(0), random: seededRandom(1) });
  const p = kernel.proc();
  p.mkdir('/b');
  const lowers: string[] = [];
  for (let i = 0; i < LAYERS; i++) {
    const l = `/b/${i}`;
    p.mkdir(l);
    p.mkdir(`${l}/usr`);
    p.mkdir(`${l}/usr/lib`);
    for (let j = 0; j < 20; j++) p.writeFile(`${l}/usr/lib/f${i}_${j}`, '');
    lowers.push(l);
  }
  p.writeFile(`${lowers[LAYERS - 1]}/usr/lib/bottom`, '');
  p.mkdir(`${lowers[0]}/big`);
  for (let j = 0; j < BIG; j++) p.writeFile(`${lowers[0]}/big/e${j}`, '');
  for (const x of ['u', 'w', 'm']) p.mkdir(`/b/${x}`);
  p.mount('/b/m', 'overlay', `lowerdir=${lowers.join(':')},upperdir=/b/u,workdir=/b/w`);
  // A change anywhere on the disk drops the lookup cache: bumping the generation measures the
  // uncached walk through every layer, which is what the first command after a write pays.
  const cold = (fn: () => void) => () => {
    kernel.disk.generation++;
    fn();
  };
  const figures = {
    lookupBottomUs: perOpUs(
      cold(() => p.lstat('/b/m/usr/lib/bottom')),
      2000,
    ),
    lookupBottomWarmUs: perOpUs(() => p.lstat('/b/m/usr/lib/bottom'), 20000),
    lookupMissUs: perOpUs(
      cold(() => p.exists('/b/m/usr/lib/nothing')),
      2000,
    ),
    readdirLayersUs: perOpUs(() => p.readdir('/b/m/usr/lib'), 50),
    readdirBigUs: perOpUs(() => p.readdir('/b/m/big'), 5),
  };
  report.add(
    'kernel',
    `model: lstat of a file in the bottom of ${LAYERS} lowers (uncached)`,
    figures.lookupBottomUs,
    'µs',
  );
  report.add('kernel', `model: the same lstat, cached`, figures.lookupBottomWarmUs, 'µs');
  report.add(
    'kernel',
    `model: lookup of a missing name through ${LAYERS} lowers (uncached)`,
    figures.lookupMissUs,
    'µs',
  );
  report.add(
    'kernel',
    `model: readdir merging ${LAYERS} lowers (${LAYERS * 20 + 1} entries)`,
    figures.readdirLayersUs,
    'µs',
  );
  report.add('kernel', `model: readdir of a directory of ${BIG} entries`, figures.readdirBigUs, 'µs');
  return figures;
}

function layersReal(report: BenchReport, model: Record<string, number>, why: string | undefined): void {
  if (why) return report.skip('kernel', `real kernel: ${LAYERS} lowers and ${BIG} entries`, why);
  const script = fileURLToPath(new URL('./real_kernel_bench.py', import.meta.url));
  const r = spawnSync('python3', [script, String(LAYERS), String(BIG)], { encoding: 'utf8' });
  if (r.status !== 0) return report.skip('kernel', 'real kernel layer benchmark', r.stderr.trim());
  const real = JSON.parse(r.stdout) as Record<string, number>;
  for (const [key, label] of [
    ['lookupBottomUs', `lstat through ${LAYERS} lowers`],
    ['lookupMissUs', `missing name through ${LAYERS} lowers`],
    ['readdirLayersUs', `readdir merging ${LAYERS} lowers`],
    ['readdirBigUs', `readdir of ${BIG} entries`],
  ] as const) {
    report.add('kernel', `real kernel: ${label}`, real[key] as number, 'µs');
    report.ratio('kernel', `model ÷ real time: ${label}`, (model[key] as number) / (real[key] as number));
  }
}

export async function benchKernel(report: BenchReport): Promise<void> {
  const why = whyNoRealKernel();
  await sequences(report, why);
  layersReal(report, layersModel(report), why);
}
