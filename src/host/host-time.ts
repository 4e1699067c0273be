// When the simulated host's clock starts, and whether it keeps pace with a real one. The CLI
// hands in the real time (the core never reads it): the host starts now, unless `--date` or the
// lesson file pins it, and ids stay reproducible from the seed whatever the time.

/** Where the clock starts when no one says (tests, grading, lint): a fixed, reproducible time. */
export const FIXED_START = Date.UTC(2024, 10, 23, 23, 16, 0);

export interface HostTime {
  /** Epoch ms of the host clock at boot. */
  start: number;
  /** A wall clock to keep pace with (the CLI's Date.now); absent, each read moves on by 10 ms. */
  wall?: () => number;
}

const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A date as `--date` and a lesson's `date:` take it: `2024-11-23`, `2024-11-23T23:16`,
 * `2024-11-23 23:16:05Z`, `2024-11-23T23:16:05+08:00` (UTC when no zone is given). Epoch ms, or
 * undefined when the text is not such a date.
 */
export function parseHostDate(text: string): number | undefined {
  const m = DATE_RE.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', zone = 'Z'] = m;
  const n = (x: string | undefined) => Number(x);
  if (n(mo) < 1 || n(mo) > 12 || n(d) < 1 || n(d) > 31 || n(h) > 23 || n(mi) > 59 || n(s) > 59) return undefined;
  const utc = Date.UTC(n(y), n(mo) - 1, n(d), n(h), n(mi), n(s), n(ms.padEnd(3, '0')));
  // Date.UTC rolls 31 February over into March: a date that does not exist is refused.
  if (new Date(utc).getUTCDate() !== n(d)) return undefined;
  if (zone === 'Z') return utc;
  const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!z) return undefined;
  const offset = (n(z[2]) * 60 + n(z[3])) * 60_000 * (z[1] === '-' ? -1 : 1);
  return utc - offset;
}

/** The host's time for a lesson: the lesson's own pinned date wins over the session's. */
export function lessonTime(time: HostTime | undefined, pinned: number | undefined): HostTime | undefined {
  if (pinned === undefined) return time;
  return { start: pinned, ...(time?.wall ? { wall: time.wall } : {}) };
}

/** The session's time from `--date` (or none), with the wall clock the CLI reads: the host
 * starts at the date, or at the wall's now; a string says why the date is refused. */
export function sessionTime(date: string | undefined, wall: () => number): HostTime | string {
  if (date === undefined) return { start: wall(), wall };
  const start = parseHostDate(date);
  if (start === undefined) return `--date wants a date like 2024-11-23 or 2024-11-23T23:16:00Z, not '${date}'`;
  return { start, wall };
}
