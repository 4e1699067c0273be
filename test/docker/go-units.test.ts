// go-units HumanSize / HumanSizeWithPrecision and fmt's %.*g under them, against what Go prints
// (strconv's rules: half to even on the exact binary value, the %e form past the precision; the
// sizes the real CLI printed are in conformance script 33).
import { describe, expect, it } from 'vitest';
import { formatContextSize } from '../../src/docker/builder/instructions.js';
import { bytesSize, goFormatG, humanSize } from '../../src/docker/go-units.js';

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

// Sizes whose value in the unit is exactly halfway between two 3- or 4-digit results: strconv rounds
// the float64's exact binary value half to even (2125/1000 is 2.125 exactly, so 2.12); JS's
// toPrecision rounds such ties up, which is what the builder and docker stats used to print.
describe('exact halves round to even, as Go prints them', () => {
  it.each([
    [2125, 3, '2.12kB'], // 2.125 exact: the even neighbour is 2.12
    [2135, 3, '2.13kB'], // 2.135 is 2.13499999… in binary: down, not a tie
    [2375, 3, '2.38kB'], // 2.375 exact: to even, upwards
    [1062500, 4, '1.062MB'], // 1.0625 exact
    [1187500, 4, '1.188MB'], // 1.1875 exact
    [12500, 2, '12kB'], // 12.5 exact: to even (12), not 13
    [13500, 2, '14kB'],
  ])('%s bytes at precision %s is %s', (n, p, want) => {
    expect(humanSize(n, p)).toBe(want);
  });

  it('BytesSize (1024-based, 4 digits) rounds the same way', () => {
    // 1.0625 KiB = 1088 bytes exactly: 1.062KiB; 1.1875 KiB = 1216 bytes: 1.188KiB.
    expect(bytesSize(1088)).toBe('1.062KiB');
    expect(bytesSize(1216)).toBe('1.188KiB');
    expect(bytesSize(340 * 1024)).toBe('340KiB');
    expect(bytesSize(2 * 1024 ** 3)).toBe('2GiB');
    expect(bytesSize(1000)).toBe('1000B');
  });

  it('the build context line uses HumanSize too', () => {
    expect(formatContextSize(2125)).toBe('2.125kB');
    expect(formatContextSize(21255)).toBe('21.25kB'); // 21.255 is 21.25499999…: down, not a tie
    expect(formatContextSize(10625)).toBe('10.62kB'); // 10.625 exact: to even
  });
});
