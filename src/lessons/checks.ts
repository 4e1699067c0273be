// Lesson checks and values, evaluated against the simulated host's state (the disk and the
// daemon the learner works on) and the learner's commands and output in the current step.
import type { DockerEngine, StoredImage } from '../docker/engine/index.js';
import type { RoLayer } from '../docker/engine/layerstore.js';
import type { Container } from '../docker/engine/types.js';
import type { SimHost } from '../host/sim-host.js';
import { isKernelError, OVL_OPAQUE, type Stat } from '../kernel/index.js';
import type { Check, Value } from './schema.js';

export interface StepRecord {
  /** Command lines run in this step, with their exit status. */
  ran: { line: string; exit: number }[];
  /** Everything the learner's commands printed in this step. */
  output: string;
}

/** Thrown when a value cannot be computed (no such image, layer, container). */
export class ValueError extends Error {}

function engine(host: SimHost): DockerEngine {
  const d = host.docker;
  if (!d) throw new ValueError('the docker daemon is not running');
  return d;
}

function image(host: SimHost, ref: string): StoredImage {
  try {
    return engine(host).getImage(ref);
  } catch {
    throw new ValueError(`no image ${ref}`);
  }
}

function container(host: SimHost, name: string): Container {
  try {
    return engine(host).getContainer(name);
  } catch {
    throw new ValueError(`no container ${name}`);
  }
}

/** Layers base first. */
function layersOf(img: StoredImage): RoLayer[] {
  const out: RoLayer[] = [];
  for (let l = img.layer; l; l = l.parent) out.unshift(l);
  return out;
}

function layer(host: SimHost, arg: { image: string; layer: number }): RoLayer {
  const l = layersOf(image(host, arg.image))[arg.layer - 1];
  if (!l) throw new ValueError(`${arg.image} has no layer ${arg.layer}`);
  return l;
}

function lstat(host: SimHost, path: string): Stat | undefined {
  try {
    return host.rootProc.lstat(path);
  } catch (e) {
    if (isKernelError(e)) return undefined;
    throw e;
  }
}

function spotPath(host: SimHost, spot: string | { container: string; path: string }): string {
  if (typeof spot === 'string') return spot;
  const c = container(host, spot.container);
  return `${engine(host).driver.graphData(c.rw.mountId).MergedDir}${spot.path}`;
}

export function computeValue(host: SimHost, v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if ('diffid' in v) return layer(host, v.diffid).diffId;
  if ('chainid' in v) return layer(host, v.chainid).chainId;
  if ('cacheid' in v) return layer(host, v.cacheid).cacheId;
  if ('link' in v) {
    const l = layer(host, v.link);
    return new TextDecoder().decode(host.rootProc.readFile(`${engine(host).driver.home}/${l.cacheId}/link`));
  }
  if ('image_id' in v) return image(host, v.image_id).id;
  if ('container_id' in v) return container(host, v.container_id).id;
  if ('mount_id' in v) return container(host, v.mount_id).rw.mountId;
  if ('layer_count' in v) return String(layersOf(image(host, v.layer_count)).length);
  if ('inode' in v) {
    const st = lstat(host, spotPath(host, v.inode));
    if (!st) throw new ValueError(`nothing at ${JSON.stringify(v.inode)}`);
    return String(st.ino);
  }
  return computeValue(host, v.short)
    .replace(/^sha256:/, '')
    .slice(0, 12);
}

/** Answers compare as digests do: case, surrounding space and a sha256: prefix do not matter. */
export function sameAnswer(given: string, expected: string): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .replace(/^["']|["']$/g, '')
      .toLowerCase()
      .replace(/^sha256:/, '');
  return norm(given) !== '' && norm(given) === norm(expected);
}

function entryIs(host: SimHost, path: string, is: string, contains: string | undefined): boolean {
  const st = lstat(host, path);
  if (is === 'absent') return st === undefined;
  if (!st) return false;
  let ok: boolean;
  if (is === 'whiteout') ok = st.type === 'chr' && st.rdev === 0;
  else if (is === 'opaque') {
    try {
      ok = st.type === 'dir' && new TextDecoder().decode(host.rootProc.getxattr(path, OVL_OPAQUE, false)) === 'y';
    } catch {
      ok = false;
    }
  } else ok = st.type === is;
  if (ok && contains !== undefined)
    ok = st.type === 'file' && new TextDecoder().decode(host.rootProc.readFile(path)).includes(contains);
  return ok;
}

export function evaluate(host: SimHost, check: Check, step: StepRecord): boolean {
  try {
    if ('all' in check) return check.all.every((c) => evaluate(host, c, step));
    if ('any' in check) return check.any.some((c) => evaluate(host, c, step));
    if ('not' in check) return !evaluate(host, check.not, step);
    if ('ran' in check) {
      const re = new RegExp(check.ran.pattern);
      return step.ran.some(
        (r) => re.test(r.line.trim()) && (check.ran.exit === undefined || r.exit === check.ran.exit),
      );
    }
    if ('output' in check) return step.output.includes(computeValue(host, check.output.contains));
    if ('driver' in check) return host.docker?.driver.name === check.driver;
    if ('image' in check) {
      const spec = typeof check.image === 'string' ? { ref: check.image } : check.image;
      const img = image(host, spec.ref);
      return spec.layers === undefined || layersOf(img).length === spec.layers;
    }
    if ('no_image' in check) {
      try {
        engine(host).getImage(check.no_image);
        return false;
      } catch {
        return true;
      }
    }
    if ('layers' in check) return layersOf(image(host, check.layers.image)).length === check.layers.count;
    if ('container' in check) {
      const c = container(host, check.container.name);
      return check.container.state === undefined || c.state.status === check.container.state;
    }
    if ('no_container' in check) {
      try {
        engine(host).getContainer(check.no_container);
        return false;
      } catch {
        return true;
      }
    }
    if ('upper' in check) {
      const c = container(host, check.upper.container);
      return entryIs(
        host,
        `${engine(host).driver.graphData(c.rw.mountId).UpperDir}${check.upper.path}`,
        check.upper.is,
        check.upper.contains,
      );
    }
    if ('merged' in check) {
      const c = container(host, check.merged.container);
      if (c.state.status !== 'running') return false;
      return entryIs(
        host,
        `${engine(host).driver.graphData(c.rw.mountId).MergedDir}${check.merged.path}`,
        check.merged.is,
        check.merged.contains,
      );
    }
    if ('host' in check) return entryIs(host, check.host.path, check.host.is, check.host.contains);
    if ('same_inode' in check) {
      const [a, b] = [lstat(host, spotPath(host, check.same_inode.a)), lstat(host, spotPath(host, check.same_inode.b))];
      return a !== undefined && b !== undefined && (a.ino === b.ino) === check.same_inode.equal;
    }
    return false;
  } catch (e) {
    // A check about something that is not there (yet) does not pass.
    if (e instanceof ValueError) return false;
    throw e;
  }
}

/** A short line describing a check, for the step's checklist. */
export function describeCheck(check: Check): string {
  if ('all' in check) return check.all.map(describeCheck).join(' and ');
  if ('any' in check) return check.any.map(describeCheck).join(' or ');
  if ('not' in check) return `not (${describeCheck(check.not)})`;
  if ('ran' in check) return `run a command matching /${check.ran.pattern}/`;
  if ('output' in check) return 'show the value asked for';
  if ('driver' in check) return `docker runs the ${check.driver} driver`;
  if ('image' in check) return `image ${typeof check.image === 'string' ? check.image : check.image.ref}`;
  if ('no_image' in check) return `no image ${check.no_image}`;
  if ('layers' in check) return `${check.layers.image} has ${check.layers.count} layers`;
  if ('container' in check)
    return `container ${check.container.name}${check.container.state ? ` ${check.container.state}` : ''}`;
  if ('no_container' in check) return `no container ${check.no_container}`;
  if ('upper' in check) return `${check.upper.is} ${check.upper.path} in ${check.upper.container}'s upper`;
  if ('merged' in check) return `${check.merged.path} ${check.merged.is} in ${check.merged.container}'s merged view`;
  if ('host' in check) return `${check.host.path} ${check.host.is}`;
  return `inodes ${check.same_inode.equal ? 'equal' : 'different'}`;
}
