// The vocabulary shared by both sides of the conformance suite: how the lower layers are laid
// out before the mount, the operations applied through the mount, and what comes back.
// Both the model runner and the real-kernel runner (real_runner.py) read exactly these shapes.

/** One step that builds a lower layer on the host before mounting. */
export type LayerStep =
  | { kind: 'dir'; path: string; mode: number }
  | { kind: 'file'; path: string; data: string; mode: number }
  | { kind: 'symlink'; path: string; target: string }
  | { kind: 'hardlink'; path: string; from: string }
  | { kind: 'whiteout'; path: string }
  | { kind: 'opaque'; path: string };

/** Where a stat looks: through the mount, or straight at a layer directory on the host. */
export type Where = 'merged' | 'upper' | 'lower0' | 'lower1' | 'lower2';

export type Op =
  | { op: 'write'; path: string; data: string; how: 'trunc' | 'append' | 'excl' | 'inplace' }
  | { op: 'open'; path: string }
  | { op: 'mkdir'; path: string; mode: number }
  | { op: 'rmdir'; path: string }
  | { op: 'unlink'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'symlink'; target: string; path: string }
  | { op: 'link'; from: string; to: string }
  | { op: 'chmod'; path: string; mode: number }
  | { op: 'chown'; path: string; uid: number }
  | { op: 'truncate'; path: string; length: number }
  | { op: 'mknod'; path: string; node: 'whiteout' | 'null' }
  | { op: 'setxattr'; path: string; value: string }
  | { op: 'stat'; path: string; where: Where }
  | { op: 'read'; path: string }
  | { op: 'readdir'; path: string };

export interface Scenario {
  /** Lower layers, uppermost first. */
  lowers: LayerStep[][];
  ops: Op[];
  /** Mounted with redirect_dir=on (a lower directory can be renamed); absent, the module's default. */
  redirectDir?: boolean;
}

export type OpResult = { ok: true; value?: unknown } | { ok: false; errno: string };

/** One entry of a tree snapshot; fields that do not apply are absent. */
export interface TreeEntry {
  path: string;
  type: string;
  mode?: number;
  nlink?: number;
  size?: number;
  content?: string;
  target?: string;
  rdev?: [number, number];
  xattrs?: Record<string, string>;
  /** A pinned mtime (seconds) the entry kept, or 'now' for one the run set. */
  mtime?: number | 'now';
}

export interface Snapshot {
  merged: TreeEntry[];
  upper: TreeEntry[];
  /** work/ with the kernel's global #<hex> temp names reduced to '#'. */
  work: TreeEntry[];
  lowersBefore: TreeEntry[][];
  lowersAfter: TreeEntry[][];
}

export interface RunResult {
  results: OpResult[];
  snapshot: Snapshot;
  /** Time spent applying the operations alone, for the benchmark. */
  opsSeconds: number;
}

export const XATTR_NAME = 'user.tutor';
/** Values of these overlay xattrs are file handles or random ids: only their presence is compared. */
export const PRESENCE_ONLY_XATTRS = new Set(['trusted.overlay.origin', 'trusted.overlay.uuid']);

/**
 * Every lower entry and the upper root get an old, distinct mtime before the mount (both sides
 * pin the same values, entry i of layer l in path order at PINNED_BASE_S + 1000 * l + i; the upper
 * root at PINNED_BASE_S + 900), so a snapshot tells which lower time an entry kept (copy-up keeps
 * it, and puts back the upper parent's) from one the run set, which reads 'now'.
 */
export const PINNED_BASE_S = 1_000_000_000;
export const UPPER_ROOT_PIN_S = PINNED_BASE_S + 900;
/** Times before this are pinned ones; the runs happen long after it. */
export const PINNED_LIMIT_S = 1_200_000_000;
export const pinnedTime = (layer: number, i: number): number => PINNED_BASE_S + 1000 * layer + i;
export const mtimeField = (seconds: number): number | 'now' => (seconds < PINNED_LIMIT_S ? seconds : 'now');
