// go-units' HumanSize and HumanSizeWithPrecision, as the docker CLI prints sizes. A leaf module:
// the Screen's pull progress imports it without the rest of the daemon.
// Which the 20.10 CLI uses where (docker/cli cli/command/formatter): 4 digits (HumanSize) in
// system df and its -v image and volume sizes, {{.VirtualSize}}, prune totals and pull progress;
// 3 in images' SIZE, history, ps --size and stats' I/O columns.

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/**
 * fmt's %.*g of a non-negative float64: rounded to `precision` significant digits (half to even
 * on the exact binary value, as strconv does), trailing zeros dropped, and the %e form
 * (1e+03, two exponent digits at least) when the exponent is below -4 or at least the precision.
 */
export function goFormatG(v: number, precision: number): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v) || v < 0 || v >= 1e21) return String(v);
  // toFixed(60) is the exact decimal value of any double from 1e-8 up (at most 52 fraction bits).
  const fixed = v.toFixed(60);
  const point = fixed.indexOf('.');
  const all = fixed.replace('.', '');
  const first = all.search(/[1-9]/);
  let exp = point - first - 1;
  const digits = all.slice(first).split('').map(Number);
  const kept = digits.slice(0, precision);
  while (kept.length < precision) kept.push(0);
  const next = digits[precision] ?? 0;
  const rest = digits.slice(precision + 1).some((d) => d !== 0);
  const roundUp = next > 5 || (next === 5 && (rest || (kept[precision - 1] ?? 0) % 2 === 1));
  if (roundUp) {
    let i = precision - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i < 0) {
      kept.unshift(1);
      kept.pop();
      exp++;
    } else kept[i] = (kept[i] ?? 0) + 1;
  }
  const strip = (s: string): string => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  const ds = kept.join('');
  if (exp < -4 || exp >= precision) {
    const mant = strip(`${ds[0]}.${ds.slice(1)}`);
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${mant}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return strip(`0.${'0'.repeat(-exp - 1)}${ds}`);
  return strip(exp + 1 >= ds.length ? ds : `${ds.slice(0, exp + 1)}.${ds.slice(exp + 1)}`);
}

// CustomSize over getSizeAndUnit: divide by the base while the size is at least one base and a unit
// is left, then %.*g of what remains (a float64 divided as Go divides it: JS numbers are float64 too).
function customSize(size: number, precision: number, base: number, units: string[]): string {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return `${goFormatG(size, precision)}${units[i]}`;
}

/** HumanSizeWithPrecision: decimal units (1000), %.*g of the size in the largest unit below it. */
export function humanSizeWithPrecision(size: number, precision: number): string {
  return customSize(size, precision, 1000, DECIMAL_UNITS);
}

/** BytesSize: binary units (1024), %.4g ("340KiB", "1.953GiB"), as docker stats' MEM USAGE / LIMIT. */
export function bytesSize(size: number): string {
  return customSize(size, 4, 1024, BINARY_UNITS);
}

/** HumanSize: four significant digits ("1.982MB"). Pass 3 where the CLI asks for 3 ("1.98MB"). */
export function humanSize(size: number, precision = 4): string {
  return humanSizeWithPrecision(size, precision);
}
