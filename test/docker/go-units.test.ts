// go-units HumanSize / HumanSizeWithPrecision and fmt's %.*g under them, against what Go prints
// (strconv's rules: half to even on the exact binary value, the %e form past the precision; the
// sizes the real CLI printed are in conformance script 33).
import { describe, expect, it } from 'vitest';
import { goFormatG, humanSize } from '../../src/docker/go-units.js';

describe('goFormatG (%.*g)', () => {
  it.each([
    [1.982256, 4, '1.982'],
    [1.982256, 3, '1.98'],
    [1.999, 3, '2'],
    [3.9805, 4, '3.981'],
    [12, 3, '12'],
    [100, 3, '100'],
    [999.95, 3, '1e+03'],
    [1.0625, 4, '1.062'], // exactly halfway: to even
    [1.1875, 4, '1.188'], // exactly halfway: to even, upwards
    [1.0875, 4, '1.087'], // 1.0874999… in binary: down
    [123456, 3, '1.23e+05'],
    [0.5, 3, '0.5'],
    [0, 4, '0'],
  ])('%s with precision %s is %s', (v, p, want) => {
    expect(goFormatG(v, p)).toBe(want);
  });
});

describe('humanSize', () => {
  it('uses four significant digits unless told three, in decimal units', () => {
    expect(humanSize(1982256)).toBe('1.982MB');
    expect(humanSize(1982256, 3)).toBe('1.98MB');
    expect(humanSize(1999000, 3)).toBe('2MB');
    expect(humanSize(33)).toBe('33B');
    expect(humanSize(0)).toBe('0B');
    expect(humanSize(999_999, 3)).toBe('1e+03kB');
    expect(humanSize(72_800_000_000_000_000_000)).toBe('72.8EB');
  });
});
