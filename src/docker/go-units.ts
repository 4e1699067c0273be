// go-units' HumanSizeWithPrecision, as the docker CLI prints sizes. A leaf module: the Screen's
// pull progress imports it without the rest of the daemon.

/** Decimal units; `docker images` uses 3 significant digits, HumanSize (progress bars) 4. */
export function humanSize(size: number, precision = 3): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  while (size >= 1000 && i < units.length - 1) {
    size /= 1000;
    i++;
  }
  return `${Number(size.toPrecision(precision))}${units[i]}`;
}
