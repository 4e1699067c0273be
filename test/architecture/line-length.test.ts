// Lines of src/ fit in 120 columns (biome.jsonc's lineWidth): Biome wraps code, but it cannot break
// a string literal or a comment, so a long one stays long unless written as concatenation or as
// an array of lines joined. Files that are data, not code, are listed here with the reason.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
const WIDTH = 120;

/** Data files, exempt: each with why its lines are as long as they are. */
const DATA: Record<string, string> = {
  'shell/commands/docker/help-texts.ts':
    "the docker CLI's --help texts as scripts/record-docker-help.ts recorded them, one string per command",
  'shell/commands/busybox/usage-texts.ts':
    "busybox's usage texts as scripts/record-busybox-usage.ts recorded them, one string per applet",
};

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Columns as a terminal counts them for this code: one per code point (tabs do not occur). */
const columns = (line: string): number => [...line].length;

it(`no line of src/ is over ${WIDTH} columns, outside the data files`, () => {
  const long: string[] = [];
  for (const f of walk(SRC)) {
    const name = relative(SRC, f);
    if (name in DATA) continue;
    readFileSync(f, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (columns(line) > WIDTH) long.push(`src/${name}:${i + 1}: ${columns(line)} columns`);
      });
  }
  expect(long).toEqual([]);
});

it('every data file listed still exists (and still needs the exemption)', () => {
  for (const name of Object.keys(DATA)) {
    const lines = readFileSync(join(SRC, name), 'utf8').split('\n');
    expect(
      lines.some((l) => columns(l) > WIDTH),
      `${name} fits now: drop it from DATA`,
    ).toBe(true);
  }
});
