// Start-up of the modes that print and exit, against Node's own start-up (`node -e 0`): the
// bin's --version, and `overlay-tutor lessons`, which lists the lessons from the index the build
// compiled (no YAML, no simulator). Each is run as a whole process, in turns, the median kept.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchReport } from './report.js';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 21;

function wallMs(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return t;
}

export function benchStartup(report: BenchReport): void {
  const group = 'start-up';
  const contenders = {
    node: ['-e', '0'],
    version: ['dist/cli.js', '--version'],
    lessons: ['dist/cli.js', 'lessons', '--lang', 'en'],
  };
  const xs: Record<keyof typeof contenders, number[]> = { node: [], version: [], lessons: [] };
  const keys = Object.keys(contenders) as Array<keyof typeof contenders>;
  for (const k of keys) wallMs(contenders[k]); // warm the file cache
  for (let i = 0; i < RUNS; i++) for (const k of keys) xs[k].push(wallMs(contenders[k]));
  const median = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
  const [node, version, lessons] = [median(xs.node), median(xs.version), median(xs.lessons)];
  report.add(group, 'node -e 0', node, 'ms');
  report.add(group, 'overlay-tutor --version', version, 'ms');
  report.add(group, 'overlay-tutor lessons', lessons, 'ms');
  report.ratio(group, 'overlay-tutor --version / node -e 0', version / node);
  report.ratio(group, 'overlay-tutor lessons / node -e 0 (target ≤ 1.5)', lessons / node);
}
