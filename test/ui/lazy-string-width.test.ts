// The bundles' `string-width` (scripts/lazy-string-width.mjs) must answer exactly as string-width
// does, for every string and option: it only skips loading string-width for printable ASCII.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { lazyStringWidth } from '../../scripts/lazy-string-width.mjs';

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
    expect(width('层')).toBe(2);
    expect(width('\u001b[1m层\u001b[22m')).toBe(2);
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
});
