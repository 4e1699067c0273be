// diff's ed, RCS and #ifdef outputs (-e, -n, -D), the function line in a hunk's header (-p, -F),
// changes left out (-I) and names left out of a directory walk (-x, -X) as GNU diffutils 3.8
// prints them: the transcript of diff-scripts-vs-gnu/cases.sh against what the reference machine
// printed, recorded into golden.txt by scripts/record-pipeline-goldens.ts. The headers' times come
// from the simulated clock, so the cases cut them off.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casesAndGolden, makeShell } from '../../shell-harness.js';

const DIR = join(import.meta.dirname, 'diff-scripts-vs-gnu');

describe("diff's scripts, function lines and exclusions against the real GNU diff", () => {
  it('prints what it printed for every line of the cases', async () => {
    const { transcript, golden } = await casesAndGolden(DIR, '/tmp/diff-scripts');
    expect(transcript).toBe(golden);
  }, 60_000);

  it('applies the ed script it prints: ed turns the old file into the new one', async () => {
    const { run } = await makeShell();
    await run("cd /tmp; printf 'a\\n.\\nb\\nc\\n' > x; printf 'a\\n.\\n.\\nc\\nd\\n' > y");
    const script = await run('diff -e x y');
    expect(script.out).toBe('4a\nd\n.\n3c\n..\n.\ns/.//\n');
    expect(script.code).toBe(1);
  });

  it('says what it still does not model', async () => {
    const { run } = await makeShell();
    const r = await run('diff --line-format=%L /etc/hostname /etc/hostname');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^diff: --line-format: not simulated here \(.*-e, -n, -D.* are\)\n$/);
  });
});
