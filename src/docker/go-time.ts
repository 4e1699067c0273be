// Go's time.Time JSON form. Docker's config timestamps ("created") go through
// time.Time.UnmarshalJSON / MarshalJSON, which parse RFC 3339 and write RFC3339Nano:
// the wall clock and the UTC offset are kept, the fraction loses its trailing zeros
// (".91890037Z", not ".918900370Z"), and an offset of zero is written "Z".

/** What a zero time.Time (a value field never set) marshals to. */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parse an RFC 3339 timestamp the way Go's strict time.Time.UnmarshalJSON does and return it
 * re-formatted as Go's MarshalJSON would write it. Throws RangeError on what Go rejects.
 */
export function normalizeGoTime(s: string): string {
  const m = RFC3339.exec(s);
  if (!m) throw new RangeError(`not an RFC 3339 time: ${JSON.stringify(s)}`);
  const [, y, mo, d, h, mi, sec, frac, z, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) throw new RangeError(`month out of range in ${s}`);
  // Date.UTC maps years 0..99 to 1900+; the day count only depends on leap-ness, so shift by 400.
  const dim = new Date(Date.UTC(year + 400, month, 0)).getUTCDate();
  if (day < 1 || day > dim) throw new RangeError(`day out of range in ${s}`);
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) throw new RangeError(`time out of range in ${s}`);
  if (!z && (Number(oh) > 23 || Number(om) > 59)) throw new RangeError(`zone offset out of range in ${s}`);
  // Go reads at most nine fraction digits and drops the rest; MarshalJSON trims zeros.
  const f = (frac ?? '').slice(0, 9).replace(/0+$/, '');
  const offsetZero = z !== undefined || (oh === '00' && om === '00');
  const zone = offsetZero ? 'Z' : `${sign}${oh}:${om}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${sec}${f ? '.' + f : ''}${zone}`;
}

/** A JS Date as Go would marshal the same instant in UTC (millisecond precision). */
export function goTimeFromDate(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError('invalid Date');
  return normalizeGoTime(d.toISOString());
}

/** Unix seconds (may be fractional, nanosecond digits kept as given) to Go's UTC form. */
export function goTimeFromUnix(seconds: number, nanos = 0): string {
  const d = new Date(Math.floor(seconds) * 1000);
  const base = d.toISOString().slice(0, 19);
  const ns = nanos ? '.' + String(nanos).padStart(9, '0') : '';
  return normalizeGoTime(`${base}${ns}Z`);
}

/** True when Go's time.Time.UnmarshalJSON would accept the string. */
export function isGoTime(s: string): boolean {
  try {
    normalizeGoTime(s);
    return true;
  } catch {
    return false;
  }
}
