// expr, cmp, diff, od and file as the host's GNU tools and busybox-static run them: the transcript
// of compare-vs-gnu/cases.sh against what this project's reference machine (Debian 12: coreutils
// 9.1, diffutils 3.8, file 5.44, busybox-static 1.35) printed for it, recorded into golden.txt by
// scripts/record-pipeline-goldens.ts. diff -u's times come from the simulated clock, so the cases
// cut them off.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casesAndGolden, makeShell } from '../../shell-harness.js';

const DIR = join(import.meta.dirname, 'compare-vs-gnu');

describe('expr, cmp, diff, od and file against the real GNU tools and busybox', () => {
  it('prints what they printed for every line of the cases', async () => {
    const { transcript, golden } = await casesAndGolden(DIR, '/tmp/cmp-cases');
    expect(transcript).toBe(golden);
  }, 60_000);

  it("says which of diff's options it does not model instead of printing another diff", async () => {
    const { run } = await makeShell();
    await run("printf 'a\\n' > /tmp/x; printf 'b\\n' > /tmp/y");
    for (const [line, word] of [
      ['diff -E /tmp/x /tmp/y', '-E'],
      ['diff --strip-trailing-cr /tmp/x /tmp/y', '--strip-trailing-cr'],
      ['diff --new-line-format=%L /tmp/x /tmp/y', '--line-format'],
      ['diff -l -u /tmp/x /tmp/y', '-l'],
      ['diff --tabsize=4 -y /tmp/x /tmp/y', '--tabsize'],
    ] as const) {
      const r = await run(line);
      expect(r.out, line).toBe('');
      expect(r.err, line).toMatch(new RegExp(`^diff: ${word}\\S*: not simulated here \\(-u, `));
      expect(r.code, line).toBe(2);
    }
    // Options GNU lacks stay getopt's error, as real diff prints it.
    const bad = await run('diff -j /tmp/x /tmp/y');
    expect(bad.err).toBe("diff: invalid option -- 'j'\ndiff: Try 'diff --help' for more information.\n");
  });
});
