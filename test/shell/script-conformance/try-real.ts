// Runs conformance scripts against a real dockerd (or, for a `# kernel only` script, plain bash in
// a mount namespace of its own) and the built simulator (dist/cli.js) and prints a diff of the two
// after normalisation: for writing a new script.
// Usage (root, after npm run build): node --import tsx test/shell/script-conformance/try-real.ts FILE…
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRealDocker } from '../../support/real-docker.js';
import { makeScriptFixtures } from './fixtures.js';
import { normalizeTranscript } from './normalize.js';
import { isKernelOnly, runScriptOnKernel, runScriptOnRealHost, scriptDockerd } from './run-real.js';

const BIN = join(import.meta.dirname, '..', '..', '..', 'dist', 'cli.js');
const out = mkdtempSync(join(tmpdir(), 'try-real-'));
const files = process.argv.slice(2);
const kernelOnly = files.every((f) => isKernelOnly(readFileSync(f, 'utf8')));
const fixtures = kernelOnly ? { dir: '', copyIn: [], stop: async () => {} } : await makeScriptFixtures();
try {
  for (const file of files) {
    let real: string;
    if (isKernelOnly(readFileSync(file, 'utf8')))
      real = normalizeTranscript(runScriptOnKernel(readFileSync(file, 'utf8')));
    else {
      const d = await startRealDocker(scriptDockerd(fixtures.dir));
      if (typeof d === 'string') throw new Error(`dockerd did not start: ${d}`);
      try {
        real = normalizeTranscript(runScriptOnRealHost(d, readFileSync(file, 'utf8'), fixtures.copyIn), d.dataRoot);
      } finally {
        await d.stop();
      }
    }
    // The simulated kernel is the real side's release (this machine's), as in the suite.
    const args = [BIN, 'script', file, '--seed', '7', '--kernel', release()];
    for (const [from, to] of fixtures.copyIn) args.push('--copy-in', `${from}:${to}`);
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
    const sim = normalizeTranscript(r.stdout + (r.stderr ? `\n[stderr of the harness]\n${r.stderr}` : ''));
    const name = file.split('/').pop() as string;
    writeFileSync(join(out, `${name}.real`), real);
    writeFileSync(join(out, `${name}.sim`), sim);
    const diff = spawnSync('diff', ['-u', join(out, `${name}.real`), join(out, `${name}.sim`)], { encoding: 'utf8' });
    const lines = real.split('\n').length;
    process.stdout.write(`===== ${name}: ${lines} lines, ${sim === real ? 'AGREE' : 'DIFFER'}\n${diff.stdout}\n`);
  }
} finally {
  await fixtures.stop();
}
