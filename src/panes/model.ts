// What the panes show, computed from the simulated host's disk and daemon — never from the UI.
// The container (or image) in focus is the one the learner touched last. Every mark is read off
// the disk the learner can `ls`: `x` a 0/0 character device in upper, `o` a directory with
// trusted.overlay.opaque=y, `~` an upper entry that also exists below (copied up, or replaced),
// `+` one that exists only in upper. `recent` flags what the last command's kernel events touched.
import { chainIdSteps, type Digest } from '../docker/digest.js';
import type { DockerEngine } from '../docker/engine/index.js';
import type { RoLayer } from '../docker/engine/layerstore.js';
import type { Container } from '../docker/engine/types.js';
import { isKernelError, OVL_OPAQUE, type Proc, type Stat } from '../kernel/index.js';

export type Mark = '+' | '~' | 'x' | 'o' | ' ';

export interface TreeRow {
  depth: number;
  name: string;
  /** Path relative to the tree's root, "etc/nginx/nginx.conf". */
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'whiteout' | 'other';
  mark: Mark;
  recent: boolean;
}

export interface LayerRow {
  /** 1 = the base layer. */
  index: number;
  cacheId: string;
  /** The l/ short name (overlay2 only). */
  link: string;
  size: number;
  createdBy: string;
}

export interface ChainRow {
  index: number;
  diffId: Digest;
  /** The exact string hashed ("sha256:… sha256:…"), null for the base layer. */
  hashed: string | null;
  chainId: Digest;
  /** layerdb/sha256/<chainID>/cache-id as found on the simulated disk. */
  cacheId: string | undefined;
  /** Whether that layerdb directory exists and records this DiffID. */
  verified: boolean;
}

export interface PaneModel {
  focus: { kind: 'container'; name: string; state: string } | { kind: 'image'; ref: string } | undefined;
  driver: string;
  dataRoot: string;
  /** Image layers, top first. */
  layers: LayerRow[];
  /** The image whose layers and ChainIDs are shown (its tag, or its short id). */
  layersOf?: string;
  upperDir: string | undefined;
  upper: TreeRow[];
  work: TreeRow[];
  merged: TreeRow[];
  chain: ChainRow[];
}

const MAX_ROWS = 400;

function lstat(p: Proc, path: string): Stat | undefined {
  try {
    return p.lstat(path);
  } catch (e) {
    if (isKernelError(e)) return undefined;
    throw e;
  }
}

function isOpaque(p: Proc, path: string): boolean {
  try {
    return new TextDecoder().decode(p.getxattr(path, OVL_OPAQUE, false)) === 'y';
  } catch (e) {
    if (isKernelError(e)) return false;
    throw e;
  }
}

function readText(p: Proc, path: string): string | undefined {
  try {
    return new TextDecoder().decode(p.readFile(path));
  } catch (e) {
    if (isKernelError(e)) return undefined;
    throw e;
  }
}

const rowType = (st: Stat): TreeRow['type'] =>
  st.type === 'chr' && st.rdev === 0
    ? 'whiteout'
    : st.type === 'file' || st.type === 'dir' || st.type === 'symlink'
      ? st.type
      : 'other';

/** Walks a directory tree depth first, names sorted, at most MAX_ROWS rows. */
export function walkTree(
  p: Proc,
  root: string,
  mark: (path: string, st: Stat) => Mark,
  recent: (host: string) => boolean,
  skip: (path: string) => boolean = () => false,
): TreeRow[] {
  const rows: TreeRow[] = [];
  const rec = (rel: string, depth: number): void => {
    let names: string[];
    try {
      names = p
        .readdir(rel === '' ? root : `${root}/${rel}`)
        .map((e) => e.name)
        .sort();
    } catch (e) {
      if (isKernelError(e)) return;
      throw e;
    }
    for (const name of names) {
      if (rows.length >= MAX_ROWS) return;
      const path = rel === '' ? name : `${rel}/${name}`;
      if (skip(path)) continue;
      const host = `${root}/${path}`;
      const st = lstat(p, host);
      if (!st) continue;
      rows.push({ depth, name, path, type: rowType(st), mark: mark(path, st), recent: recent(host) });
      if (st.type === 'dir') rec(path, depth + 1);
    }
  };
  rec('', 0);
  return rows;
}

/** The layers below a container's upper dir, uppermost first, as host paths. */
function lowerDirs(container: Container, engine: DockerEngine): string[] {
  const data = engine.driver.graphData(container.rw.mountId);
  return (data.LowerDir ?? '').split(':').filter(Boolean);
}

function existsBelow(p: Proc, lowers: string[], path: string): boolean {
  return lowers.some((l) => lstat(p, `${l}/${path}`) !== undefined);
}

export interface FocusHint {
  container?: string;
  image?: string;
}

/** Everything the panes draw, for the container or image in focus. */
export function derivePanes(
  engine: DockerEngine | undefined,
  p: Proc,
  hint: FocusHint,
  recentPaths: ReadonlySet<string>,
): PaneModel {
  const empty: PaneModel = {
    focus: undefined,
    driver: engine?.driver.name ?? 'overlay2',
    dataRoot: engine?.dataRoot ?? '/var/lib/docker',
    layers: [],
    upperDir: undefined,
    upper: [],
    work: [],
    merged: [],
    chain: [],
  };
  if (!engine) return empty;
  const recent = (host: string): boolean => recentPaths.has(host);
  // The container the learner touched last; else (a lesson's setup ran it, undo rebuilt the host)
  // the newest running one, or the newest of any when no image was touched since.
  const containers = [...engine.containers.values()].sort((a, b) => a.createdMs - b.createdMs);
  let container: Container | undefined = hint.container
    ? containers.find((c) => c.id === hint.container || c.name === `/${hint.container}`)
    : undefined;
  container ??=
    containers.filter((c) => c.state.status === 'running').pop() ?? (hint.image ? undefined : containers.pop());
  // The layers of the image touched last (a pull, a commit), else the container's, else the
  // newest tagged image's.
  const byRef = (ref: string) => engine.imageStore.images.get(engine.imageStore.refs.get(ref) ?? ref);
  const hinted = hint.image ? byRef(hint.image) : undefined;
  const newestRef = [...engine.imageStore.refs.keys()].filter((r) => !r.includes('@')).pop();
  const image = hinted ?? container?.image ?? (newestRef ? byRef(newestRef) : undefined);
  if (!image) return empty;
  const imageRef = hinted
    ? (hint.image as string)
    : container
      ? container.imageRef
      : (newestRef ?? image.id.slice(7, 19));
  const model: PaneModel = {
    ...empty,
    layersOf: imageRef,
    focus: container
      ? { kind: 'container', name: container.name.slice(1), state: container.state.status }
      : { kind: 'image', ref: imageRef },
  };

  // Layers, top first, with the instruction that made each (history rows that made a layer).
  const chain: RoLayer[] = [];
  for (let l = image.layer; l; l = l.parent) chain.unshift(l);
  const made = (image.config.history ?? []).filter((h) => !h.empty_layer).map((h) => h.created_by ?? '');
  model.layers = chain
    .map((l, i) => ({
      index: i + 1,
      cacheId: l.cacheId,
      link: readText(p, `${engine.driver.home}/${l.cacheId}/link`) ?? '',
      size: l.size,
      createdBy: made[i] ?? '',
    }))
    .reverse();

  // The ChainID walk, each step checked against layerdb on the simulated disk.
  const layerdb = `${engine.layers.root}/sha256`;
  model.chain = chainIdSteps(image.config.rootfs?.diff_ids ?? []).map((s) => {
    const dir = `${layerdb}/${s.chainId.slice(7)}`;
    const cacheId = readText(p, `${dir}/cache-id`);
    return {
      index: s.index + 1,
      diffId: s.diffId,
      hashed: s.hashed,
      chainId: s.chainId,
      cacheId,
      verified: readText(p, `${dir}/diff`) === s.diffId,
    };
  });

  if (!container) return model;
  const data = engine.driver.graphData(container.rw.mountId);
  const upperDir = data.UpperDir as string;
  const lowers = lowerDirs(container, engine);
  model.upperDir = upperDir;
  const upperMark = (path: string, st: Stat): Mark => {
    if (st.type === 'chr' && st.rdev === 0) return 'x';
    if (st.type === 'dir' && isOpaque(p, `${upperDir}/${path}`)) return 'o';
    if (!existsBelow(p, lowers, path)) return '+';
    return st.type === 'dir' ? ' ' : '~';
  };
  // A new file's event names it as the container sees it (merged/…); a copy-up names upper.
  const merged = data.MergedDir as string;
  model.upper = walkTree(
    p,
    upperDir,
    upperMark,
    (host) => recent(host) || recent(`${merged}${host.slice(upperDir.length)}`),
  );
  model.work = walkTree(p, data.WorkDir as string, () => ' ', recent);
  // merged/: only while mounted.
  if (lstat(p, merged) && engine.kernel.isMountpoint(merged)) {
    // Deeper than the top level, only what the container layer holds (and the dirs above it).
    const inUpper = new Set(model.upper.map((r) => r.path));
    const upperMarks = new Map(model.upper.map((r) => [r.path, r.mark]));
    model.merged = walkTree(
      p,
      merged,
      (path) => upperMarks.get(path) ?? ' ',
      (host) => recent(host) || recent(`${upperDir}${host.slice(merged.length)}`),
      (path) => path.includes('/') && !inUpper.has(path),
    );
  }
  return model;
}
