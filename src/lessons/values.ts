// Values a lesson asks for or checks against, computed from the host's state (simulated or
// real) when they are needed (lessons/FORMAT.md, "Values"): never written into a lesson file, so a lesson stays
// right whatever ids its seed makes. Known mistakes are values too: `{ sha256: … }` over the
// pair without its sha256: prefixes is what a learner who dropped them would have computed.
import { sha256Hex } from '../docker/digest.js';
import type { DockerEngine, StoredImage } from '../docker/engine/index.js';
import type { RoLayer } from '../docker/engine/layerstore.js';
import type { Host, HostContainer, HostDocker, HostImage, HostLayer } from '../host/host.js';
import type { SimHost } from '../host/sim-host.js';
import { simHostView } from '../host/sim-host-view.js';
import { isKernelError, type Stat } from '../kernel/index.js';
import type { Spot, Value } from './schema.js';

/** Thrown when a value cannot be computed (no such image, layer, container). */
export class ValueError extends Error {}

/** What checks and values read: the simulated host (as the lesson runner holds it) or any Host —
 * the real one included, so the same checks judge a real Docker host. */
export type CheckHost = SimHost | Host;

/** The Host interface over either. */
export function hostOf(h: CheckHost): Host {
  return 'rootProc' in h ? simHostView(h.docker, h.rootProc) : h;
}

// The simulated daemon's own objects, for the goal state's comparison (goal-state.ts).
export function engine(host: SimHost): DockerEngine {
  const d = host.docker;
  if (!d) throw new ValueError('the docker daemon is not running');
  return d;
}

/** Layers base first. */
export function layersOf(img: StoredImage): RoLayer[] {
  const out: RoLayer[] = [];
  for (let l = img.layer; l; l = l.parent) out.unshift(l);
  return out;
}

export function lstat(host: SimHost, path: string): Stat | undefined {
  try {
    return host.rootProc.lstat(path);
  } catch (e) {
    if (isKernelError(e)) return undefined;
    throw e;
  }
}

export function dockerOf(host: Host): HostDocker {
  const d = host.docker;
  if (!d) throw new ValueError('the docker daemon is not running');
  return d;
}

export function image(host: Host, ref: string): HostImage {
  const img = dockerOf(host).image(ref);
  if (!img) throw new ValueError(`no image ${ref}`);
  return img;
}

export function container(host: Host, name: string): HostContainer {
  const c = dockerOf(host).container(name);
  if (!c) throw new ValueError(`no container ${name}`);
  return c;
}

function layer(host: Host, arg: { image: string; layer: number }): HostLayer {
  const l = image(host, arg.image).layers[arg.layer - 1];
  if (!l) throw new ValueError(`${arg.image} has no layer ${arg.layer}`);
  return l;
}

/** A host path for a spot: as given, through a container's merged or upper dir, or the file in
 * the topmost layer of an image that has it (what a container sees before any copy-up). */
export function spotPath(host: Host, spot: Spot): string {
  if (typeof spot === 'string') return spot;
  if ('image' in spot) {
    for (const l of image(host, spot.image).layers.slice().reverse()) {
      const path = `${l.dir}${spot.path}`;
      if (host.lstat(path)) return path;
    }
    throw new ValueError(`no layer of ${spot.image} has ${spot.path}`);
  }
  const c = container(host, spot.container);
  return `${spot.in === 'upper' ? c.upperDir : c.rootPath}${spot.path}`;
}

function readText(host: Host, path: string): string {
  const t = host.readText(path);
  if (t === undefined) throw new ValueError(`cannot read ${path}`);
  return t;
}

export function computeValue(on: CheckHost, v: Value): string {
  return valueOn(hostOf(on), v);
}

function valueOn(host: Host, v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map((p) => valueOn(host, p)).join('');
  if ('diffid' in v) return layer(host, v.diffid).diffId;
  if ('chainid' in v) return layer(host, v.chainid).chainId;
  if ('cacheid' in v) return layer(host, v.cacheid).cacheId;
  if ('link' in v) return readText(host, `${dockerOf(host).driverHome}/${layer(host, v.link).cacheId}/link`);
  if ('image_id' in v) return image(host, v.image_id).id;
  if ('container_id' in v) return container(host, v.container_id).id;
  if ('mount_id' in v) return container(host, v.mount_id).mountId;
  if ('layer_count' in v) return String(image(host, v.layer_count).layers.length);
  if ('inode' in v) {
    const st = host.lstat(spotPath(host, v.inode));
    if (!st) throw new ValueError(`nothing at ${JSON.stringify(v.inode)}`);
    return String(st.ino);
  }
  if ('file' in v) return readText(host, valueOn(host, v.file)).trim();
  if ('sha256' in v) {
    // A file is hashed as its bytes, as sha256sum FILE does, not as text.
    const of = v.sha256;
    if (of !== null && typeof of === 'object' && !Array.isArray(of) && 'file' in of) {
      const path = valueOn(host, of.file);
      const bytes = host.readBytes(path);
      if (!bytes) throw new ValueError(`cannot read ${path}`);
      return sha256Hex(bytes);
    }
    return sha256Hex(valueOn(host, of));
  }
  if ('hex' in v) return valueOn(host, v.hex).replace(/^sha256:/, '');
  if ('word' in v) {
    const w = valueOn(host, v.word.of).trim().split(/\s+/)[v.word.n - 1];
    if (w === undefined) throw new ValueError(`no word ${v.word.n}`);
    return w;
  }
  return valueOn(host, v.short)
    .replace(/^sha256:/, '')
    .slice(0, 12);
}

/** The value, or undefined when the host cannot give it (yet). */
export function tryValue(host: CheckHost, v: Value): string | undefined {
  try {
    return computeValue(host, v);
  } catch (e) {
    if (e instanceof ValueError) return undefined;
    throw e;
  }
}

/** What kind of value a Value is, for the line that tells a learner what is wanted. */
export type ValueKind = 'digest' | 'cacheid' | 'link' | 'id' | 'number' | 'text';

export function kindOf(v: Value): ValueKind {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return /^\d+$/.test(v) ? 'number' : 'text';
  if (Array.isArray(v)) return 'text';
  if ('diffid' in v || 'chainid' in v || 'image_id' in v || 'sha256' in v) return 'digest';
  if ('cacheid' in v || 'mount_id' in v) return 'cacheid';
  if ('link' in v) return 'link';
  if ('container_id' in v) return 'id';
  if ('layer_count' in v || 'inode' in v) return 'number';
  if ('hex' in v) return kindOf(v.hex);
  if ('word' in v) return 'text';
  if ('short' in v) return kindOf(v.short);
  return 'text';
}
