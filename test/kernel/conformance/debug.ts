// Runs one scenario (JSON on the command line) on the model and the real kernel and prints the
// differences: node --import tsx test/kernel/conformance/debug.ts '<scenario json>'
import { release } from 'node:os';
import { differences } from './compare.js';
import { runOnModel } from './model-runner.js';
import { RealKernel } from './real-runner.js';
import type { Scenario } from './scenario.js';

const scenario = JSON.parse(process.argv[2] ?? '{}') as Scenario;
const real = new RealKernel();
const r = await real.run(scenario);
await real.close();
const m = runOnModel(scenario, release()); // the real side's kernel: this machine's
const diffs = differences(scenario, m, r);
console.log(diffs.length === 0 ? 'agree' : diffs.join('\n'));
if (process.argv.includes('-v')) console.log(JSON.stringify({ model: m, real: r }, null, 1));
