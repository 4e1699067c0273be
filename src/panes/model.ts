// What the panes show, computed from a host's disk and daemon — never from the UI. Any Host
// (src/host/host.ts) will do: the simulated one, or the real one (src/real/real-host.ts).
// The container (or image) in focus is the one the learner touched last. Every mark is read off
// the disk the learner can `ls`: `x` a 0/0 character device in upper, `o` a directory with
// trusted.overlay.opaque=y, `~` an upper entry that also exists below (copied up, or replaced),
// `+` one that exists only in upper. `recent` flags what the last command's kernel events touched.
import { chainIdSteps, type Digest } from '../docker/digest.js';
import type { DockerEngine } from '../docker/engine/index.js';
import type { Host, HostContainer, HostOverlayMount, HostStat } from '../host/host.js';
import { simHostView } from '../host/sim-host-view.js';
import type { Proc } from '../kernel/index.js';

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
  focus:
    | { kind: 'container'; name: string; state: string }
    | { kind: 'image'; ref: string }
    /** An overlay mounted by hand (mount -t overlay), mounted still or not. */
    | { kind: 'mount'; target: string; mounted: boolean; readOnly: boolean }
    | undefined;
  driver: string;
  dataRoot: string;
  /** Image layers, top first. */
  layers: LayerRow[];
  /** The image whose layers and ChainIDs are shown (its tag, or its short id). */
  layersOf?: string;
  upperDir: string | undefined;
  /** The work and merged dirs shown (an overlay made by hand names them in the panes' titles). */
  workDir?: string;
  mergedDir?: string;
  /** An overlay made by hand: its lowerdirs, uppermost first (it has no image). */
  lowerDirs?: string[];
  upper: TreeRow[];
  work: TreeRow[];
  merged: TreeRow[];
  chain: ChainRow[];
}

const MAX_ROWS = 400;

const rowType = (st: HostStat): TreeRow['type'] =>
  st.type === 'chr' && st.rdev === 0
    ? 'whiteout'
    : st.type === 'file' || st.type === 'dir' || st.type === 'symlink'
      ? st.type
      : 'other';

/** Walks a directory tree depth first, names sorted, at most MAX_ROWS rows. */
export function walkTree(
  h: Host,
  root: string,
  mark: (path: string, st: HostStat) => Mark,
  recent: (host: string) => boolean,
  skip: (path: string) => boolean = () => false,
): TreeRow[] {
  const rows: TreeRow[] = [];
  const rec = (rel: string, depth: number): void => {
    const names = h.readdir(rel === '' ? root : `${root}/${rel}`)?.sort();
    if (!names) return;
    for (const name of names) {
      if (rows.length >= MAX_ROWS) return;
      const path = rel === '' ? name : `${rel}/${name}`;
      if (skip(path)) continue;
      const host = `${root}/${path}`;
      const st = h.lstat(host);
      if (!st) continue;
      rows.push({ depth, name, path, type: rowType(st), mark: mark(path, st), recent: recent(host) });
      if (st.type === 'dir') rec(path, depth + 1);
    }
  };
  rec('', 0);
  return rows;
}

export interface FocusHint {
  container?: string;
  image?: string;
  /** An overlay the learner mounted by hand, as it was mounted (kept after its umount). */
  mount?: HostOverlayMount;
}

/** Everything the panes draw for the simulated host (its engine and a root process). */
export function derivePanes(
  engine: DockerEngine | undefined,
  p: Proc,
  hint: FocusHint,
  recentPaths: ReadonlySet<string>,
): PaneModel {
  return derivePanesOf(simHostView(engine, p), hint, recentPaths);
}

/** Everything the panes draw, for the container or image in focus, on any host. */
export function derivePanesOf(h: Host, hint: FocusHint, recentPaths: ReadonlySet<string>): PaneModel {
  const docker = h.docker;
  const empty: PaneModel = {
    focus: undefined,
    driver: docker?.driver ?? 'overlay2',
    dataRoot: docker?.dataRoot ?? '/var/lib/docker',
    layers: [],
    upperDir: undefined,
    upper: [],
    work: [],
    merged: [],
    chain: [],
  };
  const recent = (host: string): boolean => recentPaths.has(host);
  const hand = handMountInFocus(h, hint, docker?.dataRoot);
  if (hand) {
    const mounted = h.isMountpoint(hand.target);
    const trees = overlayTrees(
      h,
      { upper: hand.upperdir, work: hand.workdir, merged: hand.target, lowers: hand.lowerdir, mounted, whole: true },
      recent,
    );
    return {
      ...empty,
      ...trees,
      focus: { kind: 'mount', target: hand.target, mounted, readOnly: hand.upperdir === undefined },
      upperDir: hand.upperdir,
      workDir: hand.workdir,
      mergedDir: hand.target,
      lowerDirs: hand.lowerdir,
    };
  }
  if (!docker) return empty;
  // The container the learner touched last; else (a lesson's setup ran it, undo rebuilt the host)
  // the newest running one, or the newest of any when no image was touched since.
  const containers = docker.containers().sort((a, b) => a.createdMs - b.createdMs);
  let container: HostContainer | undefined = hint.container
    ? containers.find((c) => c.id === hint.container || c.name === hint.container)
    : undefined;
  container ??= containers.filter((c) => c.state === 'running').pop() ?? (hint.image ? undefined : containers.pop());
  // The layers of the image touched last (a pull, a commit), else the container's, else the
  // newest tagged image's.
  const hinted = hint.image ? docker.image(hint.image) : undefined;
  const newestRef = docker.imageRefs().pop();
  const image =
    hinted ??
    (container ? docker.image(container.imageId) : undefined) ??
    (newestRef ? docker.image(newestRef) : undefined);
  if (!image) return empty;
  const imageRef =
    hinted && hint.image ? hint.image : container ? container.imageRef : (newestRef ?? image.id.slice(7, 19));
  const model: PaneModel = {
    ...empty,
    layersOf: imageRef,
    focus: container
      ? { kind: 'container', name: container.name, state: container.state }
      : { kind: 'image', ref: imageRef },
  };

  // Layers, top first, with the instruction that made each (history rows that made a layer).
  const made = image.history.filter((x) => !x.emptyLayer).map((x) => x.createdBy);
  model.layers = image.layers
    .map((l, i) => ({
      index: i + 1,
      cacheId: l.cacheId,
      link: h.readText(`${docker.driverHome}/${l.cacheId}/link`) ?? '',
      size: l.size,
      createdBy: made[i] ?? '',
    }))
    .reverse();

  // The ChainID walk, each step checked against layerdb on the host's disk.
  model.chain = chainIdSteps(image.diffIds as Digest[]).map((s) => {
    const dir = `${docker.layerdb}/${s.chainId.slice(7)}`;
    return {
      index: s.index + 1,
      diffId: s.diffId,
      hashed: s.hashed,
      chainId: s.chainId,
      cacheId: h.readText(`${dir}/cache-id`),
      verified: h.readText(`${dir}/diff`) === s.diffId,
    };
  });

  if (!container) return model;
  model.upperDir = container.upperDir;
  const lowers = (container.lowerDir ?? '').split(':').filter(Boolean);
  const merged = container.mergedDir;
  const mounted = h.lstat(merged) !== undefined && h.isMountpoint(merged);
  const dirs = { upper: container.upperDir, work: container.workDir, merged, lowers, mounted, whole: false };
  return { ...model, ...overlayTrees(h, dirs, recent) };
}

/** The overlay made by hand to show: the one the learner mounted last (kept after umount, so
 * upper stays in view), else — after an undo rebuilt the host — the newest still mounted. Never
 * Docker's own mounts (under its data-root), and never over a container or image in focus. */
function handMountInFocus(h: Host, hint: FocusHint, dataRoot: string | undefined): HostOverlayMount | undefined {
  if (hint.mount) return hint.mount;
  if (hint.container || hint.image) return undefined;
  const own = (m: HostOverlayMount) => dataRoot === undefined || !m.target.startsWith(`${dataRoot}/`);
  return h.overlayMounts?.().filter(own).pop();
}

interface OverlayDirs {
  upper: string | undefined;
  work: string | undefined;
  merged: string;
  lowers: string[];
  mounted: boolean;
  /** merged/ whole: a hand-made overlay's few files; a container's image holds thousands. */
  whole: boolean;
}

/** The upper, work and merged trees of an overlay, marked as the module's header says. */
function overlayTrees(
  h: Host,
  d: OverlayDirs,
  recent: (host: string) => boolean,
): Pick<PaneModel, 'upper' | 'work' | 'merged'> {
  const { upper: upperDir, lowers, merged } = d;
  const existsBelow = (path: string) => lowers.some((l) => h.lstat(`${l}/${path}`) !== undefined);
  const upperMark = (path: string, st: HostStat): Mark => {
    if (st.type === 'chr' && st.rdev === 0) return 'x';
    if (st.type === 'dir' && h.isOpaque(`${upperDir}/${path}`)) return 'o';
    if (!existsBelow(path)) return '+';
    return st.type === 'dir' ? ' ' : '~';
  };
  // A new file's event names it as the container sees it (merged/…); a copy-up names upper.
  const upper =
    upperDir === undefined
      ? []
      : walkTree(h, upperDir, upperMark, (host) => recent(host) || recent(`${merged}${host.slice(upperDir.length)}`));
  const work = d.work === undefined ? [] : walkTree(h, d.work, () => ' ', recent);
  if (!d.mounted) return { upper, work, merged: [] };
  // merged/: only while mounted. Of a container, deeper than the top level only what upper holds
  // (and the dirs above it).
  const inUpper = new Set(upper.map((r) => r.path));
  const upperMarks = new Map(upper.map((r) => [r.path, r.mark]));
  const mergedRows = walkTree(
    h,
    merged,
    (path) => upperMarks.get(path) ?? ' ',
    (host) => recent(host) || (upperDir !== undefined && recent(`${upperDir}${host.slice(merged.length)}`)),
    (path) => !d.whole && path.includes('/') && !inUpper.has(path),
  );
  return { upper, work, merged: mergedRows };
}
