// Values a lesson asks for or checks against, computed from the simulated host's state when they
// are needed (lessons/FORMAT.md, "Values"): never written into a lesson file, so a lesson stays
// right whatever ids its seed makes. Known mistakes are values too: `{ sha256: … }` over the
// pair without its sha256: prefixes is what a learner who dropped them would have computed.
import { sha256Hex } from '../docker/digest.js';
import type { DockerEngine, StoredImage } from '../docker/engine/index.js';
import type { RoLayer } from '../docker/engine/layerstore.js';
import type { Container } from '../docker/engine/types.js';
import type { SimHost } from '../host/sim-host.js';
import { isKernelError, type Stat } from '../kernel/index.js';
import type { Spot, Value } from './schema.js';

/** Thrown when a value cannot be computed (no such image, layer, container). */
export class ValueError extends Error {}

export function engine(host: SimHost): DockerEngine {
  const d = host.docker;
  if (!d) throw new ValueError('the docker daemon is not running');
  return d;
}

export function image(host: SimHost, ref: string): StoredImage {
  try {
    return engine(host).getImage(ref);
  } catch {
    throw new ValueError(`no image ${ref}`);
  }
}

export function container(host: SimHost, name: string): Container {
  try {
    return engine(host).getContainer(name);
  } catch {
    throw new ValueError(`no container ${name}`);
  }
}

/** Layers base first. */
export function layersOf(img: StoredImage): RoLayer[] {
  const out: RoLayer[] = [];
  for (let l = img.layer; l; l = l.parent) out.unshift(l);
  return out;
}

function layer(host: SimHost, arg: { image: string; layer: number }): RoLayer {
  const l = layersOf(image(host, arg.image))[arg.layer - 1];
  if (!l) throw new ValueError(`${arg.image} has no layer ${arg.layer}`);
  return l;
}

export function lstat(host: SimHost, path: string): Stat | undefined {
  try {
    return host.rootProc.lstat(path);
  } catch (e) {
    if (isKernelError(e)) return undefined;
    throw e;
  }
}

/** A host path for a spot: as given, through a container's merged or upper dir, or the file in
 * the topmost layer of an image that has it (what a container sees before any copy-up). */
export function spotPath(host: SimHost, spot: Spot): string {
  if (typeof spot === 'string') return spot;
  if ('image' in spot) {
    const driver = engine(host).driver;
    for (const l of layersOf(image(host, spot.image)).reverse()) {
      const data = driver.graphData(l.cacheId);
      const path = `${data.UpperDir ?? data.RootDir}${spot.path}`;
      if (lstat(host, path)) return path;
    }
    throw new ValueError(`no layer of ${spot.image} has ${spot.path}`);
  }
  const c = container(host, spot.container);
  const data = engine(host).driver.graphData(c.rw.mountId);
  return `${spot.in === 'upper' ? data.UpperDir : data.MergedDir}${spot.path}`;
}

const dec = new TextDecoder();

export function computeValue(host: SimHost, v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map((p) => computeValue(host, p)).join('');
  if ('diffid' in v) return layer(host, v.diffid).diffId;
  if ('chainid' in v) return layer(host, v.chainid).chainId;
  if ('cacheid' in v) return layer(host, v.cacheid).cacheId;
  if ('link' in v) {
    const l = layer(host, v.link);
    return dec.decode(host.rootProc.readFile(`${engine(host).driver.home}/${l.cacheId}/link`));
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
  if ('file' in v) {
    const path = computeValue(host, v.file);
    try {
      return dec.decode(host.rootProc.readFile(path)).trim();
    } catch (e) {
      if (isKernelError(e)) throw new ValueError(`cannot read ${path}`);
      throw e;
    }
  }
  if ('sha256' in v) {
    // A file is hashed as its bytes, as sha256sum FILE does, not as text.
    const of = v.sha256;
    if (of !== null && typeof of === 'object' && !Array.isArray(of) && 'file' in of) {
      const path = computeValue(host, of.file);
      try {
        return sha256Hex(host.rootProc.readFile(path));
      } catch (e) {
        if (isKernelError(e)) throw new ValueError(`cannot read ${path}`);
        throw e;
      }
    }
    return sha256Hex(computeValue(host, of));
  }
  if ('hex' in v) return computeValue(host, v.hex).replace(/^sha256:/, '');
  if ('word' in v) {
    const w = computeValue(host, v.word.of).trim().split(/\s+/)[v.word.n - 1];
    if (w === undefined) throw new ValueError(`no word ${v.word.n}`);
    return w;
  }
  return computeValue(host, v.short)
    .replace(/^sha256:/, '')
    .slice(0, 12);
}

/** The value, or undefined when the host cannot give it (yet). */
export function tryValue(host: SimHost, v: Value): string | undefined {
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
