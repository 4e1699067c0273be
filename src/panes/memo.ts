// The panes of the simulated host, kept while the host stays as it was. The screen asks for them
// after every command, and most commands change nothing they show (ls, cat, docker ps, a typo):
// those get the model already made — the same object, so the panes' components skip their render.
// What the model reads is the disk and the mount table, which the kernel's generation follows
// (it moves on every change of either, src/kernel/kernel.ts), and the daemon's containers and
// references, which live in its memory: both are in the key. The rows the last command touched
// are flagged afresh each time (withRecent).
import type { DockerEngine } from '../docker/engine/index.js';
import { simHostView } from '../host/sim-host-view.js';
import type { Proc } from '../kernel/index.js';
import { type BasePanes, basePanesOf, type FocusHint, type PaneModel, withRecent } from './model.js';

interface Kept {
  proc: Proc;
  engine: DockerEngine | undefined;
  key: string;
  base: BasePanes;
}

/** One model per kernel (a lesson's undo builds a new host, whose generations start again). */
const kept = new WeakMap<object, Kept>();

/** What the panes depend on that the kernel's generation does not follow: the daemon's state. */
function daemonKey(engine: DockerEngine | undefined): string {
  if (!engine) return '';
  const containers = [...engine.containers.values()].map((c) =>
    [c.id, c.name, c.state.status, c.state.pid, c.createdMs, c.imageRef, c.image.id, c.rw.mountId].join(' '),
  );
  const refs = [...engine.imageStore.refs].map(([ref, id]) => `${ref}=${id}`);
  return [...containers, '', ...refs, '', ...engine.imageStore.images.keys()].join('\n');
}

/** Everything the panes draw for the simulated host (its engine and a root process). */
export function derivePanes(
  engine: DockerEngine | undefined,
  p: Proc,
  hint: FocusHint,
  recentPaths: ReadonlySet<string>,
): PaneModel {
  const key = `${p.kernel.generation}\n${JSON.stringify(hint)}\n${daemonKey(engine)}`;
  const was = kept.get(p.kernel);
  if (was && was.proc === p && was.engine === engine && was.key === key) return withRecent(was.base, recentPaths);
  const base = basePanesOf(simHostView(engine, p), hint);
  kept.set(p.kernel, { proc: p, engine, key, base });
  return withRecent(base, recentPaths);
}
