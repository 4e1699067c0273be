// The status line at 80 columns: a long lesson title gives way first, the step (and a real host's
// mark after it) stays.
import { describe, expect, it } from 'vitest';
import { fitStatus } from '../../src/ui/layout.js';
import { textWidth } from '../../src/ui/text-width.js';

describe('the status line cut to the width', () => {
  it('keeps the step of a lesson on the simulated host', () => {
    const s = fitStatus('overlay-tutor | DiffID → ChainID → cache-id · 1/8 | in focus: - | F1/? help', 60);
    expect(s).toMatch(/^overlay-tutor \| DiffID → .*… · 1\/8 \| in focus: - \| F1\/\? help$/);
    expect(textWidth(s)).toBeLessThanOrEqual(60);
  });

  it('keeps the step and the real host’s mark', () => {
    const s = fitStatus('overlay-tutor | DiffID → ChainID → cache-id · 1/8 · real | in focus: - | F1/? help', 64);
    expect(s).toMatch(/… · 1\/8 · real \| in focus: - \| F1\/\? help$/);
    expect(textWidth(s)).toBeLessThanOrEqual(64);
    expect(fitStatus('overlay-tutor | Building images · ✓ · simulated | in focus: - | F1/? help', 64)).toMatch(
      /… · ✓ · simulated \| in focus/,
    );
  });
});
