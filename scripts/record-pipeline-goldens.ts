// Records what real bash and coreutils print for each line of a cases.sh (stdout and stderr
// together, each line in a fresh `bash -c` in one scratch directory, stdin from /dev/null) into
// golden.txt beside it, as `$ line` and its output: the tests run the same lines in the simulator
// and expect the same transcript (times by their form). Lines whose statuses race on a real
// machine (a writer that may or may not finish before its reader exits) do not belong there.
// test/shell/bash/pipelines-vs-bash (pipelines, PIPESTATUS, yes, od) and
// test/shell/commands/fs/dd-vs-coreutils (GNU dd and busybox-static's dd) and
// test/shell/commands/text/compare-vs-gnu (expr, cmp, diff, od, file: GNU and busybox-static) and
// test/shell/commands/text/diff-formats-vs-gnu (diff's -c, -y, -t, -T, -B, -S, --color, both diffs) and
// test/shell/commands/text/diff-scripts-vs-gnu (diff's -e, -n, -D, -p, -F, -I, -x, -X) and
// test/shell/commands/fs/tar-create-vs-gnu (the archives GNU tar and busybox tar -c write, byte for byte).
// Run for one: node --import tsx scripts/record-pipeline-goldens.ts compare-vs-gnu
// Run: node --import tsx scripts/record-pipeline-goldens.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TEST = join(import.meta.dirname, '..', 'test', 'shell');
const DIRS = [
  join(TEST, 'bash', 'pipelines-vs-bash'),
  join(TEST, 'commands', 'fs', 'dd-vs-coreutils'),
  join(TEST, 'commands', 'text', 'compare-vs-gnu'),
  join(TEST, 'commands', 'text', 'diff-formats-vs-gnu'),
  join(TEST, 'commands', 'text', 'diff-scripts-vs-gnu'),
  join(TEST, 'commands', 'fs', 'tar-create-vs-gnu'),
];
const only = process.argv[2];
for (const dir of DIRS.filter((d) => only === undefined || d.endsWith(only))) {
  const cwd = mkdtempSync(join(tmpdir(), 'goldens-'));
  let out = '';
  for (const line of readFileSync(join(dir, 'cases.sh'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = spawnSync('bash', ['-c', `exec 2>&1; ${line}`], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    out += `$ ${line}\n${r.stdout}`;
  }
  rmSync(cwd, { recursive: true, force: true });
  writeFileSync(join(dir, 'golden.txt'), out);
  process.stdout.write(`recorded ${out.split('\n$ ').length} lines into ${join(dir, 'golden.txt')}\n`);
}
