// The help overlay at every size from 60x20 up, in both languages: every entry is there whole
// (wrapped under its meaning, never cut with …), the rows fit the screen, and a help taller than
// the screen scrolls to its end (its title says how much lies above and below).
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../src/i18n/index.js';
import { HelpOverlay, helpRows, helpScrollMax } from '../../src/ui/help.js';
import { textWidth } from '../../src/ui/text-width.js';

const squash = (t: string) => t.replace(/\s+/g, '');

describe.each(['en', 'zh-CN'] as const)('the help (%s)', (lang) => {
  const s = STRINGS[lang];

  it('wraps every entry within the width, losing no word, at 60 columns', () => {
    const rows = helpRows(s, true, 56);
    for (const r of rows) expect(textWidth(r), r).toBeLessThanOrEqual(56);
    const all = squash(rows.join(''));
    for (const line of [...s.helpLines, s.lessonHelp, ...s.lessonHelpLines, s.legend])
      expect(all).toContain(squash(line));
    // Outside a lesson, no lesson commands.
    expect(squash(helpRows(s, false, 56).join(''))).not.toContain(squash(s.lessonHelp));
  });

  it('fits 80x24 whole in a lesson, with every lesson command', () => {
    expect(helpScrollMax(s, true, 80, 24)).toBe(0);
    const f = render(<HelpOverlay s={s} width={80} height={24} lesson />).lastFrame() ?? '';
    expect(f.split('\n').length).toBeLessThanOrEqual(24);
    for (const word of ['next', 'back', 'step', 'hint', 'solution', 'undo', 'reset', 'answer', 'lessons'])
      expect(f).toMatch(new RegExp(`\\b${word}\\b`));
    expect(f).not.toContain('…');
  });

  it('scrolls at 60x20: each row is seen, none cut, and the title says what lies beyond', () => {
    const max = helpScrollMax(s, true, 60, 20);
    expect(max).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (let scroll = 0; scroll <= max; scroll++) {
      const f = render(<HelpOverlay s={s} width={60} height={20} lesson scroll={scroll} />).lastFrame() ?? '';
      const lines = f.split('\n');
      expect(lines.length).toBe(20);
      for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(60);
      expect(f).not.toContain('…');
      expect(lines[1]).toContain(s.helpCloseScroll);
      expect(lines[1]).toMatch(scroll === 0 ? /↓\d+ ║$/ : scroll === max ? /↑\d+ ║$/ : /↑\d+ ↓\d+ ║$/);
      for (const l of lines.slice(2, -1)) seen.add(l.replace(/^║ /, '').replace(/ *║$/, ''));
    }
    for (const r of helpRows(s, true, 56)) if (r.trim()) expect(seen, r).toContain(r.trimEnd());
  });

  it("lists the presenter's keys on the presenter's screen only; at 80x24 they are a scroll away", () => {
    const keys = s.presentHelpLines.map(squash);
    const shown = squash(helpRows(s, true, 76, false, true).join(''));
    for (const k of keys) expect(shown).toContain(k);
    expect(squash(helpRows(s, true, 76).join(''))).not.toContain(keys[0]);
    const max = helpScrollMax(s, true, 80, 24, false, true);
    const f = render(<HelpOverlay s={s} width={80} height={24} lesson present scroll={max} />).lastFrame() ?? '';
    expect(f.split('\n').length).toBe(24);
    for (const k of [':7', 'g7', '!']) expect(f).toContain(k);
    expect(f).not.toContain('…');
  });
});
