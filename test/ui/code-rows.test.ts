// A fenced command wider than the output is broken where bash joins it again: checked by bash
// itself, which must read the broken rows as the same words as the line.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { codeRows, markdownRows } from '../../src/ui/markdown.js';
import { textWidth } from '../../src/ui/text-width.js';

const H1 = '9f54eef412758095c8079ac465d494a2872e02e90bf1fb5f12a1641c0d1bb78b';
const H2 = 'b3cce2ce0405ffbb4971b872588c5b7fc840514b807f18047bf7d486af79884c';
/** The words bash makes of a command line (printf in place of the command). */
const words = (script: string) =>
  spawnSync('bash', ['--norc', '-c', `f() { printf '[%s]' "$@"; }; ${script}`], { encoding: 'utf8' }).stdout;

const LINES = [
  `f echo -n "sha256:${H1} sha256:${H2}" | cat`,
  `f ls -R "$(f inspect -f '{{.GraphDriver.Data.UpperDir}}' web)" and more words here to go on`,
  `f cat /var/lib/docker/image/overlay2/layerdb/sha256/$(f -n "$(f inspect -f '{{index .RootFS.Layers 0}}' nginx) $(f image inspect -f '{{index .RootFS.Layers 1}}' nginx)" | cat)/cache-id; echo`,
  `f '${H1} ${H2} in single quotes'`,
  `f ${H1}${H2}`,
];

describe('fenced commands wider than the output', () => {
  for (const width of [40, 60, 80, 120]) {
    it(`break at ${width} columns where bash reads the same words`, () => {
      for (const line of LINES) {
        const rows = codeRows(line, width);
        for (const r of rows) expect(textWidth(r), r).toBeLessThanOrEqual(width);
        expect(words(rows.join('\n')), rows.join('\n')).toBe(words(line));
      }
    });
  }

  it('end each broken row with " \\" and indent the continuation, and never split a 64-hex digest at 80', () => {
    const rows = codeRows(
      `docker exec web sh -c 'echo hello > /tmp/hello.txt' && docker exec web cat /tmp/hello.txt`,
      60,
    );
    expect(rows[0]).toMatch(/ \\$/);
    expect(rows[1]).toMatch(/^ {6}\S/);
    const digests = codeRows(`echo -n "sha256:${H1} sha256:${H2}" | sha256sum`, 80).join('\n');
    expect(digests).toContain(H1);
    expect(digests).toContain(H2);
  });

  it('render *italics*, and hang a list item under its text', () => {
    const rows = markdownRows(
      '- **upperdir**: the *container* layer where every change of the container lands',
      30,
      true,
    );
    expect(rows[0]?.some((s) => s.italic && s.text === 'container')).toBe(true);
    const text = rows.map((r) => r.map((s) => s.text).join(''));
    expect(text[1]?.startsWith('  ')).toBe(true);
    expect(text[1]?.[2]).not.toBe(' ');
  });

  it('never split a Latin word or leave an opening bracket at a row end in Chinese text', () => {
    const text = (md: string, w: number) => markdownRows(md, w, true).map((r) => r.map((s) => s.text).join(''));
    for (let w = 12; w <= 30; w++) {
      const rows = text('运行中的容器就是一个overlay挂载（merged）。再看upperdir。', w);
      expect(rows.join('')).toBe('运行中的容器就是一个overlay挂载（merged）。再看upperdir。');
      for (const r of rows) {
        expect(r, `${w}: ${rows.join('|')}`).not.toMatch(/（$/);
        expect(r).not.toMatch(/^[。，）]/);
      }
      const joined = rows.join('|');
      for (const word of ['overlay', 'merged', 'upperdir']) expect(joined, `${w}`).toContain(word);
    }
  });
});
