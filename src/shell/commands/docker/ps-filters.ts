// docker ps --filter as the 20.10 daemon applies it (daemon/list.go, api/types/filters): values of
// one key are alternatives (any matches), different keys must all match, except label, where every
// value must hold; name, id and status match exactly or as an unanchored regular expression. A
// status filter lists stopped containers too; before and since cut the list (newest first) at a
// container; exited needs a container that ran; ancestor takes an image and every image built on it.
import { attachmentsOf, type Container, type DockerEngine } from '../../../docker/engine/index.js';
import { filterArgs } from './filter-args.js';

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
const NOT_SIMULATED = ['isolation', 'publish', 'expose'];
const STATES = ['paused', 'restarting', 'removing', 'running', 'dead', 'created', 'exited'];
const HEALTH = ['starting', 'healthy', 'unhealthy', 'none'];

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

export interface PsFilter {
  /** A status filter lists stopped containers as -a does. */
  all: boolean;
  /** The containers (newest first, as the daemon walks them) the filters keep. */
  apply(list: Container[]): Container[];
}

/** The filters, or the error line to print (exit status 1, or 125 for a flag error). */
export function psFilters(d: DockerEngine, specs: readonly string[]): PsFilter | string {
  const by = filterArgs(specs);
  if (typeof by === 'string') return `${by}\nSee 'docker ps --help'.`;
  const values = (key: string): string[] => by.get(key) ?? [];
  for (const key of by.keys())
    if (!ACCEPTED.includes(key)) return `Error response from daemon: Invalid filter '${key}'`;
  // foldFilter's checks, in its order.
  const exited: number[] = [];
  for (const v of values('exited')) {
    if (!/^[+-]?\d+$/.test(v))
      return `Error response from daemon: strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`;
    exited.push(Number(v));
  }
  for (const s of values('status'))
    if (!STATES.includes(s)) return `Error response from daemon: Invalid filter 'status=${s}'`;
  const task = values('is-task');
  if (task.length && !task.includes('true') && !task.includes('false'))
    return `Error response from daemon: Invalid filter 'is-task=[${task.join(' ')}]'`;
  for (const h of values('health'))
    if (!HEALTH.includes(h)) return `Error response from daemon: Unrecognised filter value for health: ${h}`;
  const pick = (key: string): Container | string | undefined => {
    let found: Container | string | undefined;
    for (const v of values(key)) {
      const c = d.findContainer(v);
      // container.View's own error, in its words.
      found = c ?? `Error response from daemon: no such container ${v}`;
      if (!c) return found;
    }
    return found;
  };
  const before = pick('before');
  if (typeof before === 'string') return before;
  const since = pick('since');
  if (typeof since === 'string') return since;
  for (const key of by.keys())
    if (NOT_SIMULATED.includes(key))
      return `docker ps --filter ${key}=…: not simulated here (the tutor's containers publish no real ports)`;
  // Each ancestor's image ID; a container matches when its image is one of them or built on one.
  const ancestors = new Set(values('ancestor').flatMap((a) => d.findImage(a)?.id ?? []));
  const builtOn = (c: Container): boolean => {
    let img: ReturnType<DockerEngine['findImage']> = c.image;
    for (; img; img = img.parent ? d.findImage(img.parent) : undefined) if (ancestors.has(img.id)) return true;
    return false;
  };
  const labels = values('label');
  const keep = (c: Container): boolean => {
    if (!matches(values('name'), c.name) && !matches(values('name'), c.name.slice(1))) return false;
    if (!matches(values('id'), c.id)) return false;
    if (task.length && !task.includes('false')) return false;
    const have = c.config.Labels ?? {};
    if (labels.length > 0 && Object.keys(have).length === 0) return false;
    const labelsHold = labels.every((l) => {
      const at = l.indexOf('=');
      const k = at < 0 ? l : l.slice(0, at);
      if (!Object.hasOwn(have, k)) return false;
      return at < 0 || have[k] === l.slice(at + 1);
    });
    if (!labelsHold) return false;
    if (exited.length && !(c.state.status === 'exited' && exited.includes(c.state.exitCode))) return false;
    const state = c.state.paused ? 'paused' : c.state.status;
    if (!matches(values('status'), state)) return false;
    if (values('health').length && !values('health').includes('none')) return false;
    if (by.has('volume')) {
      const hit = values('volume').some((v) =>
        c.mounts.some((m) => m.Destination === v || (m.Name ? m.Name === v : m.Source === v)),
      );
      if (!hit) return false;
    }
    if (by.has('ancestor') && !builtOn(c)) return false;
    if (by.has('network')) {
      // A network's name, or a prefix of the ID its endpoint settings hold (set once the container ran).
      const nets = Object.keys(attachmentsOf(c));
      const ids = c.hasBeenStarted ? nets.flatMap((n) => d.findNetwork(n)?.id ?? []) : [];
      if (!values('network').some((v) => nets.includes(v) || ids.some((id) => id.startsWith(v)))) return false;
    }
    return true;
  };
  return {
    all: by.has('status'),
    apply(list) {
      const out: Container[] = [];
      let skipping = before !== undefined;
      for (const c of list) {
        // Newer than `before`: skipped, the container itself too.
        if (skipping) {
          if (c.id === before?.id) skipping = false;
          continue;
        }
        if (since && c.id === since.id) break;
        if (keep(c)) out.push(c);
      }
      return out;
    },
  };
}
