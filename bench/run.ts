// `npm run bench`: every benchmark group, baselines measured in the same run.
// `npm run bench -- --only walk,ui` runs the named groups alone (names: GROUPS' keys).
import { benchDocker, benchPulls } from './docker.js';
import { benchKernel } from './kernel.js';
import { BenchReport } from './report.js';
import { benchStartup } from './startup.js';
import { benchUi } from './ui.js';
import { benchWalk } from './walk.js';

const GROUPS: Record<string, (r: BenchReport) => void | Promise<void>> = {
  kernel: benchKernel,
  walk: benchWalk,
  pull: benchPulls,
  docker: benchDocker,
  startup: benchStartup,
  ui: benchUi,
};

const args = process.argv.slice(2);
const at = args.findIndex((a) => a === '--only' || a.startsWith('--only='));
const only = at < 0 ? undefined : (args[at]?.split('=')[1] ?? args[at + 1] ?? '').split(',').filter(Boolean);
const unknown = only?.filter((g) => !(g in GROUPS)) ?? [];
if (unknown.length > 0 || only?.length === 0) {
  process.stderr.write(`bench: --only takes group names among: ${Object.keys(GROUPS).join(', ')}\n`);
  process.exit(2);
}

const report = new BenchReport();
for (const [name, group] of Object.entries(GROUPS)) if (!only || only.includes(name)) await group(report);
report.print((s) => process.stdout.write(s));
