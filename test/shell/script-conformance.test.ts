// Script mode against a real Docker host: each script in script-conformance/scripts runs line by
// line in the simulator (`overlay-tutor script`) and with bash against a private real dockerd;
// the two transcripts must agree on every line once ids, link ids and times are normalised.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportUnavailable, startRealDocker, realHostUnavailable } from './../support/real-docker.js';
import { whyNoRealKernel } from '../kernel/conformance/real-runner.js';
import { makeScriptFixtures, type ScriptFixtures } from './script-conformance/fixtures.js';
import { normalizeTranscript } from './script-conformance/normalize.js';
import { isKernelOnly, runScriptOnKernel, runScriptOnRealHost, scriptDockerd } from './script-conformance/run-real.js';

const SCRIPTS = join(import.meta.dirname, 'script-conformance', 'scripts');
const BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const all = readdirSync(SCRIPTS)
  .filter((f) => f.endsWith('.sh'))
  .sort();
const kernelOnly = all.filter((f) => isKernelOnly(readFileSync(join(SCRIPTS, f), 'utf8')));
const scripts = all.filter((f) => !kernelOnly.includes(f));

const unavailable = realHostUnavailable('script conformance against a real dockerd', { busybox: true });

/** The simulator runs the real side's kernel (this machine's: its dockerd and its mounts), so that
 * where kernels differ (src/kernel/release.ts) both sides follow the same release. */
function runOnSimulator(script: string, fixtures: ScriptFixtures | undefined): string {
  const args = [BIN, 'script', script, '--seed', '7', '--kernel', release()];
  for (const [from, to] of fixtures?.copyIn ?? []) args.push('--copy-in', `${from}:${to}`);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 120_000 });
  return r.stdout + (r.stderr ? `\n[stderr of the harness]\n${r.stderr}` : '');
}

describe.runIf(!unavailable)('scripts agree with a real Docker host', () => {
  let fixtures: ScriptFixtures;
  beforeAll(async () => {
    fixtures = await makeScriptFixtures();
  }, 180_000);
  afterAll(async () => {
    await fixtures?.stop();
  }, 60_000);

  it.each(scripts)(
    '%s',
    async (name) => {
      const file = join(SCRIPTS, name);
      const d = await startRealDocker(scriptDockerd(fixtures.dir));
      if (typeof d === 'string') throw new Error(`dockerd did not start: ${d}`);
      let real: string;
      try {
        real = normalizeTranscript(runScriptOnRealHost(d, readFileSync(file, 'utf8'), fixtures.copyIn), d.dataRoot);
      } finally {
        await d.stop();
      }
      const sim = normalizeTranscript(runOnSimulator(file, fixtures));
      if (sim !== real)
        writeFileSync(join(fixtures.dir, `${name}.diff.txt`), `--- real\n${real}\n--- simulator\n${sim}\n`);
      expect(sim).toBe(real);
    },
    240_000,
  );
});

// Scripts about the kernel alone (a lesson's plain mount -t overlay, no Docker): plain bash as
// root in a mount namespace of its own against the simulator, line by line.
const noKernel = reportUnavailable('kernel-only scripts against a real overlay mount', whyNoRealKernel());

describe.runIf(!noKernel)('kernel-only scripts agree with a real overlay mount', () => {
  it.each(kernelOnly)(
    '%s',
    (name) => {
      const file = join(SCRIPTS, name);
      const real = normalizeTranscript(runScriptOnKernel(readFileSync(file, 'utf8')));
      const sim = normalizeTranscript(runOnSimulator(file, undefined));
      expect(sim).toBe(real);
    },
    60_000,
  );
});
