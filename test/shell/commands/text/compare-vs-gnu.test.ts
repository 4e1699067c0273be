// expr, cmp, diff, od and file as the host's GNU tools and busybox-static run them: the transcript
// of compare-vs-gnu/cases.sh against what this project's reference machine (Debian 12: coreutils
// 9.1, diffutils 3.8, file 5.44, busybox-static 1.35) printed for it, recorded into golden.txt by
// scripts/record-pipeline-goldens.ts. diff -u's times come from the simulated clock, so the cases
// cut them off.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeShell, transcriptOf } from '../../shell-harness.js';

const DIR = join(import.meta.dirname, 'compare-vs-gnu');

describe('expr, cmp, diff, od and file against the real GNU tools and busybox', () => {
  it('prints what they printed for every line of the cases', async () => {
    const { host } = await makeShell();
    await host.session.run('mkdir -p /tmp/cmp-cases && cd /tmp/cmp-cases', {
      stdin: new Uint8Array(0),
      stdout: () => {},
      stderr: () => {},
      stdinIsTerminal: false,
      stdoutIsTerminal: false,
    });
    const transcript = await transcriptOf(host, join(DIR, 'cases.sh'));
    expect(transcript).toBe(readFileSync(join(DIR, 'golden.txt'), 'utf8'));
  }, 60_000);
});
