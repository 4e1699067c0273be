// `--filter NAME=VALUE`, as the CLI's FilterOpt takes it: NAME lower-cased, both sides trimmed, the
// values of one name kept together (filters.Args), for ps, images and volume ls/prune alike.

/** The filters by name, or the CLI's error line for a spec without `=`. */
export function filterArgs(specs: readonly string[]): Map<string, string[]> | string {
  const by = new Map<string, string[]>();
  for (const spec of specs) {
    const at = spec.indexOf('=');
    if (at < 0) return `invalid argument "${spec}" for "-f, --filter" flag: bad format of filter (expected name=value)`;
    const key = spec.slice(0, at).trim().toLowerCase();
    by.set(key, [...(by.get(key) ?? []), spec.slice(at + 1).trim()]);
  }
  return by;
}
