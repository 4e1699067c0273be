// docker images --filter (and its REPOSITORY[:TAG] argument, which the CLI sends as a reference
// filter) as the 20.10 daemon applies them (daemon/images/images.go): dangling, label, before,
// since and reference; any other key is an invalid filter.
import type { DockerEngine, ImageSummary } from '../../../docker/engine/index.js';
import { filterArgs } from './filter-args.js';

const ACCEPTED = ['dangling', 'label', 'before', 'since', 'reference'];

/** Go's path.Match as a regular expression: * and ? stop at /, [...] classes, \ escapes. Undefined
 * for a pattern Go calls bad. */
function pathPattern(pattern: string): RegExp | undefined {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '\\') {
      if (i + 1 >= pattern.length) return undefined;
      re += `\\${pattern[++i]}`;
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return undefined;
      let body = pattern.slice(i + 1, end);
      if (body.startsWith('^')) body = `^${body.slice(1)}`;
      re += `[${body.replace(/\\(?!.)/g, '\\\\')}]`;
      i = end;
    } else re += ch.replace(/[.+^${}()|]/g, '\\$&');
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return undefined;
  }
}

/** The rows (every image's, d.images(true)) the filters keep, or the error line. */
export function filterImages(
  d: DockerEngine,
  rows: ImageSummary[],
  specs: readonly string[],
  all: boolean,
): ImageSummary[] | string {
  const by = filterArgs(specs);
  if (typeof by === 'string') return by;
  const values = (key: string): string[] => by.get(key) ?? [];
  for (const key of by.keys())
    if (!ACCEPTED.includes(key)) return `Error response from daemon: Invalid filter '${key}'`;
  let dangling: boolean | undefined;
  if (by.has('dangling')) {
    if (values('dangling').includes('true')) dangling = true;
    else if (values('dangling').includes('false')) dangling = false;
    else return `Error response from daemon: Invalid filter 'dangling=[${values('dangling').join(' ')}]'`;
  }
  const created = (key: string): number | string | undefined => {
    let out: number | string | undefined;
    for (const v of values(key)) {
      let img: ReturnType<DockerEngine['getImage']>;
      try {
        img = d.getImage(v);
      } catch (e) {
        return `Error response from daemon: ${e instanceof Error ? e.message : String(e)}`;
      }
      out = Date.parse(img.config.created ?? '');
    }
    return out;
  };
  const before = created('before');
  if (typeof before === 'string') return before;
  const since = created('since');
  if (typeof since === 'string') return since;
  const patterns: RegExp[] = [];
  for (const v of values('reference')) {
    const re = pathPattern(v);
    if (!re) return 'Error response from daemon: syntax error in pattern';
    patterns.push(re);
  }
  const labels = values('label');
  return rows.filter((r) => {
    const t = r.created;
    if (before !== undefined && t >= before) return false;
    if (since !== undefined && t <= since) return false;
    if (labels.length) {
      const have = r.image.config.config?.Labels ?? {};
      const ok = labels.every((l) => {
        const at = l.indexOf('=');
        const k = at < 0 ? l : l.slice(0, at);
        return Object.hasOwn(have, k) && (at < 0 || have[k] === l.slice(at + 1));
      });
      if (!ok) return false;
    }
    const untagged = r.tag === '<none>';
    if (untagged) {
      // An untagged image is listed as a head (no image built on it), others only with -a and
      // never as dangling ones.
      if (dangling === false || patterns.length) return false;
      const head = d.imageStore.children(r.image.id).length === 0;
      return head || (all && dangling !== true);
    }
    if (dangling === true) return false;
    if (patterns.length) {
      // reference.FamiliarMatch: the pattern against name:tag, then against the name alone.
      const full = `${r.repository}:${r.tag}`;
      if (!patterns.some((re) => re.test(full) || re.test(r.repository))) return false;
    }
    return true;
  });
}
