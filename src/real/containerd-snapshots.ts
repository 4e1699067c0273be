// Where a layer lives under the containerd image store (Docker 29's default on a fresh install):
// no layerdb, no GraphDriver in inspect; each committed layer is a snapshot whose key is its
// ChainID, its files in <containerd root>/io.containerd.snapshotter.v1.overlayfs/snapshots/N/fs.
// N is containerd's own counter, recorded only in its metadata database; the tutor reads it the
// way containerd hands it out: a view snapshot on the top ChainID, whose mount's lowerdir lists
// every layer's fs dir, top first.
import { spawnSync } from 'node:child_process';

export interface CtrTarget {
  /** The ctr binary, containerd's socket, the namespace (Docker's is "moby"). */
  ctr: string;
  address: string;
  namespace: string;
}

function ctr(t: CtrTarget, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync(t.ctr, ['--address', t.address, '--namespace', t.namespace, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { ok: r.status === 0, out: r.stdout ?? '', err: (r.stderr ?? '').trim() };
}

/** `ctr images import FILE`; the error when it fails. */
export function ctrImport(t: CtrTarget, archive: string): string | undefined {
  const r = ctr(t, ['images', 'import', '--snapshotter', 'overlayfs', archive]);
  return r.ok ? undefined : r.err;
}

/** The committed snapshots' keys (ChainIDs) and their parents. */
export function snapshotKeys(t: CtrTarget): Map<string, string> {
  const keys = new Map<string, string>();
  for (const line of ctr(t, ['snapshots', '--snapshotter', 'overlayfs', 'ls']).out.split('\n').slice(1)) {
    const [key, parent = '', kind] = line.trim().split(/\s+/);
    if (key && kind === 'Committed') keys.set(key, parent);
    else if (key && parent === 'Committed') keys.set(key, '');
  }
  return keys;
}

let views = 0;

/** The fs dirs of the layers under `topChainId`, base first; or why they cannot be read. */
export function snapshotDirs(t: CtrTarget, topChainId: string): string[] | string {
  // A name never used before, even by a call in the same millisecond.
  const view = `overlay-tutor-view-${process.pid}-${Date.now()}-${++views}`;
  // The mount is printed by the call that makes the view: a view holds no lease, so containerd's
  // garbage collector may take it away before a second call could ask for its mounts.
  const mounts = ctr(t, ['snapshots', '--snapshotter', 'overlayfs', 'view', '--target', '/mnt', view, topChainId]);
  if (!mounts.ok) return mounts.err;
  try {
    // One layer: a bind mount of its fs dir; more: an overlay with lowerdir=top:…:base.
    const lower = /lowerdir=([^,\s]+)/.exec(mounts.out)?.[1];
    if (lower) return lower.split(':').reverse();
    const bind = /mount -t bind (\S+) /.exec(mounts.out)?.[1];
    return bind ? [bind] : `no mount for ${topChainId}: ${mounts.out.trim() || mounts.err}`;
  } finally {
    ctr(t, ['snapshots', '--snapshotter', 'overlayfs', 'rm', view]);
  }
}
