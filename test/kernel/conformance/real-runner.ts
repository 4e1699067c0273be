// Drives real_runner.py: one long-lived Python process that applies scenarios to real overlay
// mounts. canUseRealKernel() says why the real side cannot run here, if it cannot.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { RunResult, Scenario } from './scenario.js';

const SCRIPT = fileURLToPath(new URL('./real_runner.py', import.meta.url));

/** undefined when real overlay mounts work here; otherwise the reason they do not. */
export function whyNoRealKernel(): string | undefined {
  if (process.platform !== 'linux') return `real overlay mounts need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'real overlay mounts need root';
  const py = spawnSync('python3', ['-c', 'print(1)'], { encoding: 'utf8' });
  if (py.status !== 0) return 'python3 is not installed (the real-kernel runner is a Python script)';
  const probe = spawnSync('python3', [SCRIPT], { input: '{"probe":true}\n', encoding: 'utf8' });
  const line = probe.stdout.trim();
  try {
    const ans = JSON.parse(line) as { error?: string };
    if (ans.error) return `a trial overlay mount failed: ${ans.error}`;
  } catch {
    return `the real-kernel runner did not answer: ${probe.stderr || line}`;
  }
  return undefined;
}

export class RealKernel {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<(line: string) => void> = [];

  constructor() {
    this.child = spawn('python3', [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.child.stdout }).on('line', (line) => this.waiting.shift()?.(line));
    this.child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
  }

  run(scenario: Scenario): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push((line) => {
        const ans = JSON.parse(line) as RunResult & { error?: string };
        if (ans.error) reject(new Error(`real kernel runner: ${ans.error}`));
        else resolve(ans);
      });
      this.child.stdin.write(`${JSON.stringify(scenario)}\n`);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.child.on('close', () => resolve());
      this.child.stdin.end();
    });
  }
}
