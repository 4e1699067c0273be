// C's strftime in UTC (the simulated host's zone, C locale), for `date +FORMAT` and awk's
// strftime(): one table of conversions for both.

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June'].concat([
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]);

export interface StrftimeOptions {
  /** %N (nanoseconds) is GNU date's own; C's strftime, which gawk calls, leaves it as it is. */
  nanoseconds?: boolean;
}

export function strftime(fmt: string, ms: number, o: StrftimeOptions = {}): string {
  const d = new Date(ms);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const conv = (c: string): string => {
    switch (c) {
      case 'a':
        return DAYS[d.getUTCDay()]!.slice(0, 3);
      case 'A':
        return DAYS[d.getUTCDay()]!;
      case 'b':
      case 'h':
        return MONTHS[d.getUTCMonth()]!.slice(0, 3);
      case 'B':
        return MONTHS[d.getUTCMonth()]!;
      case 'c':
        return `${conv('a')} ${conv('b')} ${conv('e')} ${conv('T')} ${conv('Y')}`;
      case 'd':
        return p2(d.getUTCDate());
      case 'e':
        return String(d.getUTCDate()).padStart(2, ' ');
      case 'F':
        return `${conv('Y')}-${conv('m')}-${conv('d')}`;
      case 'H':
        return p2(d.getUTCHours());
      case 'I':
        return p2(((d.getUTCHours() + 11) % 12) + 1);
      case 'j':
        return String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1).padStart(3, '0');
      case 'm':
        return p2(d.getUTCMonth() + 1);
      case 'M':
        return p2(d.getUTCMinutes());
      case 'N':
        return o.nanoseconds ? `${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}000000` : '%N';
      case 'p':
        return d.getUTCHours() < 12 ? 'AM' : 'PM';
      case 'S':
        return p2(d.getUTCSeconds());
      case 's':
        return String(Math.floor(ms / 1000));
      case 'T':
        return `${conv('H')}:${conv('M')}:${conv('S')}`;
      case 'D':
        return `${conv('m')}/${conv('d')}/${conv('y')}`;
      case 'R':
        return `${conv('H')}:${conv('M')}`;
      case 'u':
        return String(d.getUTCDay() || 7);
      case 'w':
        return String(d.getUTCDay());
      case 'y':
        return p2(d.getUTCFullYear() % 100);
      case 'Y':
        return String(d.getUTCFullYear());
      case 'Z':
        return 'UTC';
      case 'z':
        return '+0000';
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case '%':
        return '%';
      default:
        return `%${c}`;
    }
  };
  return fmt.replace(/%(.)/gs, (_, c: string) => conv(c));
}
