// Every fast-check property in the suite draws from one seed. CI derives it from the commit
// (.ci/run), so each commit explores new inputs and a red CI run can be replayed exactly:
//   OVERLAY_CONFORMANCE_SEED=<seed printed by the failing run> npx vitest run <file>
// Without the variable a fresh seed is drawn, as fast-check would.
import fc from 'fast-check';

const fromEnv = process.env.OVERLAY_CONFORMANCE_SEED;
export const PROPERTY_SEED = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : Date.now() % 2 ** 31;

if (!Number.isSafeInteger(PROPERTY_SEED))
  throw new Error(`OVERLAY_CONFORMANCE_SEED must be an integer, not ${JSON.stringify(fromEnv)}`);
fc.configureGlobal({ seed: PROPERTY_SEED });
