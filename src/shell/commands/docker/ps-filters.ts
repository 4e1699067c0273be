// docker ps --filter as the 20.10 daemon applies it (daemon/list.go, api/types/filters): values of
// one key are alternatives (any matches), different keys must all match, except label, where every
// value must hold; name, id and status match exactly or as an unanchored regular expression.
import type { Container } from '../../../docker/engine/index.js';

const ACCEPTED = [
  'ancestor',
  'before',
  'exited',
  'id',
  'isolation',
  'label',
  'name',
  'status',
  'health',
  'since',
  'volume',
  'network',
  'is-task',
  'publish',
  'expose',
];
const SIMULATED = ['id', 'label', 'name', 'status'];
const STATES = ['paused', 'restarting', 'removing', 'running', 'dead', 'created', 'exited'];

/** filters.Args.Match: an exact value, or one that matches as a regular expression. */
function matches(values: string[], source: string): boolean {
  if (values.length === 0 || values.includes(source)) return true;
  return values.some((v) => {
    try {
      return new RegExp(v).test(source);
    } catch {
      return false;
    }
  });
}

/** A predicate for the containers to keep, or the error line to print (exit status 1). */
export function psFilters(specs: readonly string[]): ((c: Container) => boolean) | string {
  const by = new Map<string, string[]>();
  for (const spec of specs) {
    const at = spec.indexOf('=');
    if (at < 0)
      return (
        `invalid argument "${spec}" for "-f, --filter" flag: bad format of filter (expected name=value)\n` +
        "See 'docker ps --help'."
      );
    const key = spec.slice(0, at).trim().toLowerCase();
    by.set(key, [...(by.get(key) ?? []), spec.slice(at + 1).trim()]);
  }
  for (const key of by.keys())
    if (!ACCEPTED.includes(key)) return `Error response from daemon: Invalid filter '${key}'`;
  for (const key of by.keys())
    if (!SIMULATED.includes(key))
      return `docker ps --filter ${key}=…: not simulated here (id, label, name, status are)`;
  for (const s of by.get('status') ?? [])
    if (!STATES.includes(s)) return `Error response from daemon: Invalid filter 'status=${s}'`;
  const labels = by.get('label') ?? [];
  return (c) => {
    const state = c.state.paused ? 'paused' : c.state.status;
    if (!matches(by.get('status') ?? [], state)) return false;
    if (!matches(by.get('name') ?? [], c.name)) return false;
    if (!matches(by.get('id') ?? [], c.id)) return false;
    const have = c.config.Labels ?? {};
    if (labels.length > 0 && Object.keys(have).length === 0) return false;
    return labels.every((l) => {
      const at = l.indexOf('=');
      const k = at < 0 ? l : l.slice(0, at);
      if (!Object.hasOwn(have, k)) return false;
      return at < 0 || have[k] === l.slice(at + 1);
    });
  };
}
