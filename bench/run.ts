// `npm run bench`: every benchmark group, baselines measured in the same run.
import { benchDocker, benchPulls } from './docker.js';
import { benchKernel } from './kernel.js';
import { BenchReport } from './report.js';
import { benchStartup } from './startup.js';
import { benchUi } from './ui.js';
import { benchWalk } from './walk.js';

const report = new BenchReport();
await benchKernel(report);
await benchWalk(report);
await benchPulls(report);
await benchDocker(report);
benchStartup(report);
await benchUi(report);
report.print((s) => process.stdout.write(s));
