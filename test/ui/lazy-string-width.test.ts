// The bundles' `string-width` (scripts/lazy-string-width.mjs) must answer exactly as string-width
// does, for every string and option: it only skips loading string-width for printable ASCII and
// for strings of the characters its FAST_RANGES give a sure width.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FAST_RANGES, fastWidth, lazyStringWidth } from '../../scripts/lazy-string-width.mjs';

const ROOT = join(import.meta.dirname, '../..');

/** Every character FAST_RANGES accepts, each run as [first, last, width]. */
const runs = FAST_RANGES.trim()
  .split(/\s+/)
  .map((run) => {
    const [span = '', width] = run.split(':');
    const [first = 0, last = first] = span.split('-').map((h) => Number.parseInt(h, 16));
    return [first, last, Number(width)] as const;
  });
const charsOf = ([first, last]: readonly [number, number, number]): string[] =>
  Array.from({ length: last - first + 1 }, (_, i) => String.fromCharCode(first + i));

/** Every string value of a parsed YAML document, every line of each too. */
function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v, ...v.split('\n')];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v && typeof v === 'object') return Object.values(v).flatMap(stringsOf);
  return [];
}

/** Files under dir (recursively) whose name ends with one of `ends`. */
function filesUnder(dir: string, ends: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ends.some((x) => e.name.endsWith(x)))
    .map((e) => join(e.parentPath, e.name));
}

describe('lazy string-width', () => {
  it('loads string-width only for a string that is not printable ASCII once escapes are stripped', () => {
    let loads = 0;
    const width = lazyStringWidth(() => {
      loads++;
      return stringWidth;
    });
    expect(width('root@host:~# ls')).toBe(15);
    expect(width('\u001b[2mdim\u001b[22m')).toBe(3);
    expect(width('')).toBe(0);
    expect(loads).toBe(0);
    // Characters of FAST_RANGES: still not loaded.
    expect(width('层 → 上')).toBe(7);
    expect(width('\u001b[1m层\u001b[22m')).toBe(2);
    expect(loads).toBe(0);
    // Anything else loads it: an accent as a combining mark, an emoji, a variation selector.
    expect(width('e\u0301')).toBe(1);
    expect(width('👍')).toBe(2);
    expect(width('⚠\ufe0f')).toBe(2);
    expect(width('层', { ambiguousIsNarrow: false })).toBe(2);
    expect(loads).toBe(1);
  });

  it('agrees with string-width on random text, escapes and options', () => {
    const width = lazyStringWidth(() => stringWidth);
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme-ascii' }),
      fc.constantFrom(
        '\u001b[2m',
        '\u001b[22m',
        '\u001b[36m',
        '\u001b[0m',
        '\u009b1m',
        '\u001b]8;;http://x\u0007',
        '\t',
        '\n',
        '\u0007',
        '\u007f',
      ),
      fc.constantFrom('层', '上', 'é', 'e\u0301', '👍', '👨‍👩‍👧', '1\u20e3', 'ｶﾞ', '\u200b', '\u1100\u1161'),
      fc.string({ unit: 'grapheme' }),
    );
    const options = fc.record(
      { ambiguousIsNarrow: fc.boolean(), countAnsiEscapeCodes: fc.boolean() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), options, (pieces, o) => {
        const s = pieces.join('');
        expect(width(s, o)).toBe(stringWidth(s, o));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives every character of FAST_RANGES the width string-width gives it, alone and among others', () => {
    for (const run of runs) {
      const chars = charsOf(run);
      for (const c of chars) {
        expect([c.codePointAt(0)?.toString(16), fastWidth(c)]).toEqual([c.codePointAt(0)?.toString(16), run[2]]);
        expect(stringWidth(c)).toBe(run[2]);
        // Never joined to a neighbour: between ASCII, an ideograph, a combining accent's base.
        expect(stringWidth(`a${c}\u4e00${c}e`)).toBe(1 + run[2] + 2 + run[2] + 1);
      }
      // The whole run as one string: no two of its characters make one cluster either.
      expect(stringWidth(chars.join(''))).toBe(chars.length * run[2]);
    }
  });

  it('agrees with string-width on random strings of FAST_RANGES characters and ASCII', () => {
    const width = lazyStringWidth(() => stringWidth);
    const fast = runs.flatMap(charsOf);
    const unit = fc.oneof(fc.constantFrom(...fast), fc.string({ unit: 'grapheme-ascii', maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const s = units.join('');
        expect(width(s)).toBe(stringWidth(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with string-width on every string of the lessons and every line of the screen code', () => {
    let loads = 0;
    const width = lazyStringWidth(() => {
      loads++;
      return stringWidth;
    });
    const lessonFiles = filesUnder(join(ROOT, 'lessons'), ['.yaml']);
    const lessons = lessonFiles.flatMap((f) => stringsOf(parse(readFileSync(f, 'utf8'))));
    const screen = filesUnder(join(ROOT, 'src/ui'), ['.ts', '.tsx']).flatMap((f) =>
      readFileSync(f, 'utf8').split('\n'),
    );
    const i18n = filesUnder(join(ROOT, 'src/i18n'), ['.ts']).flatMap((f) => readFileSync(f, 'utf8').split('\n'));
    expect(lessonFiles.some((f) => f.endsWith('zh-CN.yaml'))).toBe(true);
    for (const s of [...lessons, ...screen, ...i18n]) expect([s, width(s)]).toEqual([s, stringWidth(s)]);
    // The lesson map's titles, in both languages, never load string-width (its first frame).
    loads = 0;
    const titles = lessonFiles
      .filter((f) => !f.endsWith('lesson.yaml'))
      .map((f) => (parse(readFileSync(f, 'utf8')) as { title?: string }).title ?? '');
    for (const t of titles) width(t);
    expect([titles.some((t) => t.includes('→')), loads]).toEqual([true, 0]);
  });
});
