// The overlayfs model against the real kernel: random scenarios run on both, compared after each
// scenario (merged and upper trees with types, modes, contents, whiteouts and overlay xattrs;
// work/; the lowers untouched; the errno of every operation; which stats share an inode).
// Counter-examples that fast-check found and shrank live in conformance-regressions.ts and run
// on every machine, with or without a real kernel.
import { release } from 'node:os';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differences } from './conformance/compare.js';
import { scenarioArb } from './conformance/generators.js';
import { runOnModel } from './conformance/model-runner.js';
import { RealKernel, whyNoRealKernel } from './conformance/real-runner.js';
import { REGRESSIONS } from './conformance-regressions.js';
import { PROPERTY_SEED } from '../support/property-seed.js';
import { reportUnavailable } from '../support/real-docker.js';

const RUNS = Number(process.env.OVERLAY_CONFORMANCE_RUNS ?? 1000);
/** The real side is this machine's kernel: the model follows its release (src/kernel/release.ts). */
const REAL_RELEASE = release();
const skipReason = reportUnavailable('overlay conformance against the real kernel', whyNoRealKernel());

describe.runIf(skipReason === undefined)('overlayfs model against a real overlay mount', () => {
  let real: RealKernel;
  beforeAll(() => {
    real = new RealKernel();
  });
  afterAll(async () => {
    await real.close();
  });

  it('agrees on every regression scenario', async () => {
    for (const [name, scenario] of Object.entries(REGRESSIONS)) {
      const diffs = differences(scenario, runOnModel(scenario, REAL_RELEASE), await real.run(scenario));
      expect(diffs, name).toEqual([]);
    }
  });

  it(`agrees on ${RUNS} random scenarios of up to 30 operations`, async () => {
    const seed = PROPERTY_SEED;
    let ran = 0;
    // The last failing run is fast-check's final, shrunk counter-example.
    let lastFailure = '';
    try {
      await fc.assert(
        fc.asyncProperty(scenarioArb, async (scenario) => {
          ran++;
          let realRun: Awaited<ReturnType<RealKernel['run']>>;
          try {
            realRun = await real.run(scenario);
          } catch (err) {
            // The real side failed (a mount refused, a scenario past its 20 s): say so, not ''.
            lastFailure = `${JSON.stringify(scenario)}\n${(err as Error).message}`;
            throw err;
          }
          const diffs = differences(scenario, runOnModel(scenario, REAL_RELEASE), realRun);
          if (diffs.length > 0) {
            lastFailure = `${JSON.stringify(scenario)}\n${diffs.slice(0, 8).join('\n')}`;
            throw new Error(diffs.slice(0, 8).join('\n'));
          }
        }),
        { numRuns: RUNS, seed, endOnFailure: false },
      );
    } catch (err) {
      throw new Error(
        `conformance failed with seed ${seed} (rerun: OVERLAY_CONFORMANCE_SEED=${seed}).\n` +
          `Shrunk counter-example (add it to conformance-regressions.ts) and its differences:\n${lastFailure}\n\n${(err as Error).message}`,
      );
    }
    process.stdout.write(
      `overlay conformance: ${RUNS} random scenarios agreed with the real kernel (seed ${seed}, ${ran} runs)\n`,
    );
  }, 600_000);
});

describe('regression scenarios on the model', () => {
  it('run without throwing anything but kernel errors, on the default 5.15 and on a 6.18', () => {
    for (const scenario of Object.values(REGRESSIONS)) {
      expect(() => runOnModel(scenario)).not.toThrow();
      expect(() => runOnModel(scenario, '6.18.0')).not.toThrow();
    }
  });
});
