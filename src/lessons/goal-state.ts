// The goal-state compare of the `matches_solution` check: the learner's host against the host the
// reference solution leaves, compared as structures — Learn Git Branching's hash-agnostic compare,
// for container storage. What is compared: each tagged image's layer chain, each layer by what its
// diff dir holds (paths, types, modes, contents, whiteouts, opaque dirs) and by its parent, which
// is a ChainID with the layer's content in place of its DiffID (so two layers committed at other
// times, with other tar bytes, still match when they hold the same files); each container's
// state, image and upper dir, every file there marked new or copied up. Cache-ids, l/ link ids,
// container ids, inode numbers and times never enter it: ids are matched up by the structure.
import { createHash } from 'node:crypto';
import { graphDataDir } from '../docker/engine/graphdriver.js';
import type { RoLayer } from '../docker/engine/layerstore.js';
import type { SimHost } from '../host/sim-host.js';
import { OVL_OPAQUE } from '../kernel/index.js';
import { engine, layersOf, lstat } from './values.js';

/** What one tree holds, a line per entry: "/etc/motd file 644 <sha256 of content>". */
type Tree = string[];

export interface StateShape {
  /** tag → its layers' canonical names, base first. */
  images: Record<string, string[]>;
  /** name → state, the image's top layer's canonical name, the upper dir's entries. */
  containers: Record<string, { state: string; image: string; upper: Tree }>;
  /** canonical layer name → its content. */
  layers: Record<string, Tree>;
}

/** Entries at most walked in one tree: a goal compare is about a lesson's few changes. */
const MAX_ENTRIES = 20_000;
const dec = new TextDecoder();

function walk(host: SimHost, root: string, lower?: (rel: string) => boolean): Tree {
  const out: Tree = [];
  const visit = (rel: string) => {
    if (out.length > MAX_ENTRIES) return;
    let entries: { name: string }[];
    try {
      entries = host.rootProc.readdir(`${root}${rel}`);
    } catch {
      return;
    }
    for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${rel}/${e.name}`;
      const st = lstat(host, `${root}${path}`);
      if (!st) continue;
      const perm = (st.mode & 0o7777).toString(8);
      const origin = lower ? (lower(path) ? ' copy-up' : ' new') : '';
      if (st.type === 'chr' && st.rdev === 0) out.push(`${path} whiteout`);
      else if (st.type === 'dir') {
        let opaque = false;
        try {
          opaque = dec.decode(host.rootProc.getxattr(`${root}${path}`, OVL_OPAQUE, false)) === 'y';
        } catch {
          opaque = false;
        }
        out.push(`${path} dir ${perm}${opaque ? ' opaque' : ''}`);
        visit(path);
      } else if (st.type === 'file') {
        const sum = createHash('sha256')
          .update(host.rootProc.readFile(`${root}${path}`))
          .digest('hex');
        out.push(`${path} file ${perm} ${sum.slice(0, 16)}${origin}`);
      } else if (st.type === 'symlink')
        out.push(`${path} symlink -> ${host.rootProc.readlink(`${root}${path}`)}${origin}`);
      else out.push(`${path} ${st.type}${origin}`);
    }
  };
  visit('');
  return out;
}

/** The last shape taken of each host, while its disk and daemon have not moved on (checks are
 * evaluated after every command and for every redraw of the checklist). */
const cache = new WeakMap<SimHost, { key: string; shape: StateShape }>();

/** The structure of a host's images and containers (only those named, when names are given). */
export function stateShape(host: SimHost, only?: { images?: string[]; containers?: string[] }): StateShape {
  const key = `${host.kernel.generation}:${host.docker?.generation}:${JSON.stringify(only ?? {})}`;
  const had = cache.get(host);
  if (had?.key === key) return had.shape;
  const shape = takeShape(host, only);
  cache.set(host, { key, shape });
  return shape;
}

function takeShape(host: SimHost, only?: { images?: string[]; containers?: string[] }): StateShape {
  const docker = engine(host);
  const driver = docker.driver;
  const names = new Map<RoLayer, string>();
  const layers: Record<string, Tree> = {};
  const dirOf = (id: string) => {
    return graphDataDir(driver.graphData(id), 'UpperDir', 'RootDir');
  };
  const nameOf = (l: RoLayer): string => {
    const had = names.get(l);
    if (had) return had;
    const parent = l.parent ? nameOf(l.parent) : '';
    const tree = walk(host, dirOf(l.cacheId));
    const name = createHash('sha256')
      .update(`${parent}\n${tree.join('\n')}`)
      .digest('hex')
      .slice(0, 12);
    names.set(l, name);
    layers[name] = tree;
    return name;
  };
  const images: StateShape['images'] = {};
  const refs = [...docker.imageStore.refs.keys()].filter((r) => !r.includes('@')).sort();
  for (const ref of refs) {
    const short = ref.replace(/^docker\.io\/library\//, '').replace(/:latest$/, '');
    if (only?.images && !only.images.some((i) => i === short || i === ref || `${i}:latest` === short)) continue;
    const img = docker.findImage(ref);
    if (img) images[short] = layersOf(img).map(nameOf);
  }
  const containers: StateShape['containers'] = {};
  for (const c of [...docker.containers.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = c.name.replace(/^\//, '');
    if (only?.containers && !only.containers.includes(name)) continue;
    const lowers = layersOf(c.image).map((l) => dirOf(l.cacheId));
    const inLower = (rel: string) => lowers.some((d) => lstat(host, `${d}${rel}`) !== undefined);
    containers[name] = {
      state: c.state.status,
      image: c.image.layer ? nameOf(c.image.layer) : '',
      upper: walk(host, dirOf(c.rw.mountId), inLower),
    };
  }
  return { images, containers, layers };
}

/** How `got` differs from `want`, in words (empty when they match). */
export function compareShapes(want: StateShape, got: StateShape): string[] {
  const out: string[] = [];
  const diff = (a: Tree, b: Tree) => {
    const [sa, sb] = [new Set(a), new Set(b)];
    const missing = a.filter((x) => !sb.has(x)).map((x) => `missing ${x}`);
    const extra = b.filter((x) => !sa.has(x)).map((x) => `unexpected ${x}`);
    return [...missing, ...extra].slice(0, 3).join('; ');
  };
  for (const [tag, layers] of Object.entries(want.images)) {
    const mine = got.images[tag];
    if (!mine) {
      out.push(`no image ${tag}`);
      continue;
    }
    if (mine.length !== layers.length) {
      out.push(`image ${tag} has ${mine.length} layers, the solution's ${layers.length}`);
      continue;
    }
    layers.forEach((l, i) => {
      const m = mine[i];
      if (m === l) return;
      const what =
        diff(want.layers[l] ?? [], (m === undefined ? undefined : got.layers[m]) ?? []) || 'its parent differs';
      out.push(`image ${tag}: layer ${i + 1} differs (${what})`);
    });
  }
  for (const tag of Object.keys(got.images))
    if (!(tag in want.images)) out.push(`image ${tag} is not in the solution's state`);
  for (const [name, c] of Object.entries(want.containers)) {
    const mine = got.containers[name];
    if (!mine) {
      out.push(`no container ${name}`);
      continue;
    }
    if (mine.state !== c.state) out.push(`container ${name} is ${mine.state}, the solution's is ${c.state}`);
    if (mine.image !== c.image) out.push(`container ${name} runs another image than the solution's`);
    const d = diff(c.upper, mine.upper);
    if (d) out.push(`container ${name}'s upper dir: ${d}`);
  }
  for (const name of Object.keys(got.containers))
    if (!(name in want.containers)) out.push(`container ${name} is not in the solution's state`);
  return out;
}
