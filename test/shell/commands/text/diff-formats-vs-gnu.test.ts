// diff's other formats and options as GNU diffutils 3.8 and busybox-static 1.35 print them: -c/-C N,
// -y/-W N (with --suppress-common-lines, --left-column), -t, -T, -B, -S, --color, and what busybox
// refuses. The transcript of diff-formats-vs-gnu/cases.sh against what the reference machine printed
// for it, recorded into golden.txt by scripts/record-pipeline-goldens.ts. The headers' times come
// from the simulated clock, so the cases cut them off.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casesAndGolden, makeShell } from '../../shell-harness.js';

const DIR = join(import.meta.dirname, 'diff-formats-vs-gnu');

describe("diff's context, side-by-side and coloured output against the real GNU diff and busybox", () => {
  it('prints what they printed for every line of the cases', async () => {
    const { transcript, golden } = await casesAndGolden(DIR, '/tmp/diff-cases');
    expect(transcript).toBe(golden);
  }, 60_000);

  it('refuses a side-by-side width it would stall on, and takes one a screen could show', async () => {
    const { run } = await makeShell();
    await run("printf 'a\\n' > /tmp/x; printf 'b\\n' > /tmp/y");
    expect(await run('diff -y -W 99999999999 /tmp/x /tmp/y')).toEqual({
      out: '',
      err: 'diff: -W 99999999999: widths over 10000 are not simulated here\n',
      code: 2,
    });
    const wide = await run('diff -y -W 10000 /tmp/x /tmp/y');
    expect(wide.code).toBe(1);
    expect(wide.out).toMatch(/^a\t+ *\|\tb\n$/);
  });
});
