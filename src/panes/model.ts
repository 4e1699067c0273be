// What the panes show, computed from a host's disk and daemon — never from the UI. Any Host
// (src/host/host.ts) will do: the simulated one, or the real one (src/real/real-host.ts).
// The container (or image) in focus is the one the learner touched last. Every mark is read off
// the disk the learner can `ls`: `x` a 0/0 character device in upper, `o` a directory with
// trusted.overlay.opaque=y, `~` an upper entry that also exists below (copied up, or replaced),
// `+` one that exists only in upper. `recent` flags what the last command's kernel events touched.
import { chainIdSteps, type Digest } from '../docker/digest.js';
import type { Host, HostContainer, HostOverlayMount, HostStat } from '../host/host.js';

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

/** Everything the panes draw, for the container or image in focus, on any host. */
export function derivePanesOf(h: Host, hint: FocusHint, recentPaths: ReadonlySet<string>): PaneModel {
  return withRecent(basePanesOf(h, hint), recentPaths);
}

/** The panes with no row flagged as the last command's, and the dirs their trees were walked
 * from: what stays the same while the host does (src/panes/memo.ts keeps it per host state). */
export interface BasePanes {
  model: PaneModel;
  roots: TreeRoots;
}

/** The host dirs the upper, work and merged trees' paths are relative to. */
interface TreeRoots {
  upper?: string | undefined;
  work?: string | undefined;
  merged?: string | undefined;
}

/** The model with the rows the last command touched flagged (`recent`), by their host paths. A
 * new file's event names it as the container sees it (merged/…), a copy-up names upper/: a row of
 * either tree is flagged by either name. With nothing touched, the model itself. */
export function withRecent(base: BasePanes, recentPaths: ReadonlySet<string>): PaneModel {
  if (recentPaths.size === 0) return base.model;
  const { upper, work, merged } = base.roots;
  const touched = (root: string | undefined, path: string) => root !== undefined && recentPaths.has(`${root}/${path}`);
  const flag = (rows: TreeRow[], a: string | undefined, b: string | undefined): TreeRow[] =>
    rows.map((r) => (touched(a, r.path) || touched(b, r.path) ? { ...r, recent: true } : r));
  const m = base.model;
  return {
    ...m,
    upper: flag(m.upper, upper, merged),
    work: flag(m.work, work, undefined),
    merged: flag(m.merged, merged, upper),
  };
}

/** The panes of the container or image in focus, no row flagged as recent. */
export function basePanesOf(h: Host, hint: FocusHint): BasePanes {
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
  const hand = handMountInFocus(h, hint, docker?.dataRoot);
  if (hand) {
    const mounted = h.isMountpoint(hand.target);
    const dirs = { upper: hand.upperdir, work: hand.workdir, merged: hand.target, lowers: hand.lowerdir, mounted };
    return {
      model: {
        ...empty,
        ...overlayTrees(h, { ...dirs, whole: true }),
        focus: { kind: 'mount', target: hand.target, mounted, readOnly: hand.upperdir === undefined },
        upperDir: hand.upperdir,
        workDir: hand.workdir,
        mergedDir: hand.target,
        lowerDirs: hand.lowerdir,
      },
      roots: dirs,
    };
  }
  const none = { model: empty, roots: {} };
  if (!docker) return none;
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
  if (!image) return none;
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

  if (!container) return { model, roots: {} };
  model.upperDir = container.upperDir;
  const lowers = (container.lowerDir ?? '').split(':').filter(Boolean);
  const merged = container.mergedDir;
  const mounted = h.lstat(merged) !== undefined && h.isMountpoint(merged);
  const dirs = { upper: container.upperDir, work: container.workDir, merged, lowers, mounted };
  return { model: { ...model, ...overlayTrees(h, { ...dirs, whole: false }) }, roots: dirs };
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

/** The upper, work and merged trees of an overlay, marked as the module's header says (no row
 * flagged recent: withRecent does that). */
function overlayTrees(h: Host, d: OverlayDirs): Pick<PaneModel, 'upper' | 'work' | 'merged'> {
  const { upper: upperDir, lowers, merged } = d;
  const never = () => false;
  // The lowers that hold a directory of upper's (its path relative to the layers' roots): a name
  // can be below only in a lower that holds its parent, so each upper dir asks only those (an
  // entry new to the container asks each lower once for its dir, not once per entry).
  const holding = new Map<string, string[]>([['', lowers]]);
  const lowersHolding = (dir: string): string[] => {
    let found = holding.get(dir);
    if (found === undefined) {
      const slash = dir.lastIndexOf('/');
      const parent = lowersHolding(slash < 0 ? '' : dir.slice(0, slash));
      found = parent.filter((l) => h.lstat(`${l}/${dir}`) !== undefined);
      holding.set(dir, found);
    }
    return found;
  };
  const existsBelow = (path: string) => {
    const slash = path.lastIndexOf('/');
    return lowersHolding(slash < 0 ? '' : path.slice(0, slash)).some((l) => h.lstat(`${l}/${path}`) !== undefined);
  };
  const upperMark = (path: string, st: HostStat): Mark => {
    if (st.type === 'chr' && st.rdev === 0) return 'x';
    if (st.type === 'dir' && h.isOpaque(`${upperDir}/${path}`)) return 'o';
    if (!existsBelow(path)) return '+';
    return st.type === 'dir' ? ' ' : '~';
  };
  const upper = upperDir === undefined ? [] : walkTree(h, upperDir, upperMark, never);
  const work = d.work === undefined ? [] : walkTree(h, d.work, () => ' ', never);
  if (!d.mounted) return { upper, work, merged: [] };
  // merged/: only while mounted. Of a container, deeper than the top level only what upper holds
  // (and the dirs above it).
  const inUpper = new Set(upper.map((r) => r.path));
  const upperMarks = new Map(upper.map((r) => [r.path, r.mark]));
  const mergedRows = walkTree(
    h,
    merged,
    (path) => upperMarks.get(path) ?? ' ',
    never,
    (path) => !d.whole && path.includes('/') && !inUpper.has(path),
  );
  return { upper, work, merged: mergedRows };
}
