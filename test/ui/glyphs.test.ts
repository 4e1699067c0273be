// LANG=C: ASCII in place of box drawing, bars and arrows, one column for one.
import { describe, expect, it } from 'vitest';
import { localeIsAscii } from '../../src/i18n/index.js';
import { toAscii } from '../../src/ui/glyphs.js';
import { textWidth } from '../../src/ui/text-width.js';

describe('ASCII glyphs', () => {
  it('are chosen by a locale without UTF-8, not by a UTF-8 or an unset one', () => {
    expect(localeIsAscii({ LANG: 'C' })).toBe(true);
    expect(localeIsAscii({ LC_ALL: 'POSIX', LANG: 'en_US.UTF-8' })).toBe(true);
    expect(localeIsAscii({ LANG: 'en_US.ISO-8859-1' })).toBe(true);
    expect(localeIsAscii({ LANG: 'C.UTF-8' })).toBe(false);
    expect(localeIsAscii({ LC_ALL: 'zh_CN.utf8' })).toBe(false);
    expect(localeIsAscii({})).toBe(false);
  });

  it('keep every width as laid out', () => {
    for (const t of ['┌──┐│ 3 █··│└──┘', 'L2 ChainID sha256:6135… ✓ → overlay2', '镜像层 — ok']) {
      const a = toAscii(t);
      expect(a).toMatch(/^[\x20-\x7e]*$/);
      expect(textWidth(a)).toBe(textWidth(t));
    }
    expect(toAscii('┌─┐ █·· ✓ →')).toBe('+-+ #.. v >');
  });
});
