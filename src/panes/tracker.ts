// Listens to the host's kernel and daemon while a command runs and keeps what the panes
// highlight: the paths the command touched, the container or image it was about, a log of
// overlayfs events in words (a copy-up shown passing through work/), and per-layer pull status.
// The daemon object changes when docker.service restarts, so it is re-attached per command.
import type { DaemonEvent, DockerEngine } from '../docker/engine/index.js';
import { type KernelEvent, OverlayFs } from '../kernel/index.js';
import type { SimHost } from '../host/sim-host.js';
import { overlayMountOf } from '../host/sim-host-view.js';
import type { FocusHint } from './model.js';

export interface PullLayer {
  id: string;
  status: string;
  /** The compressed blob's bytes (what a download bar counts). */
  size: number;
}

/** A host path as the log shows it: the data-root dropped, 64-hex ids cut to 12. */
export function shortPath(path: string): string {
  return path.replace(/^\/var\/lib\/docker\//, '').replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, '$1');
}

/** A path under a container's merged/ as the container sees it; a path in an overlay mounted by
 * hand (outside the data-root) as the host names it. */
function inContainer(merged: string, dataRoot = '/var/lib/docker'): string {
  if (!merged.startsWith(`${dataRoot}/`)) return merged;
  const i = merged.indexOf('/merged/');
  return i < 0 ? merged : merged.slice(i + '/merged'.length);
}

export class PaneTracker {
  recentPaths = new Set<string>();
  focus: FocusHint = {};
  /** Overlay events of the last command, in words, oldest first. */
  log: string[] = [];
  pulls: PullLayer[] = [];
  private offKernel: () => void;
  private offDaemon: (() => void) | undefined;
  private daemon: DockerEngine | undefined;

  constructor(private host: SimHost) {
    this.offKernel = host.kernel.on((e) => this.onKernel(e));
    this.attachDaemon();
  }

  /** A new host (a lesson's undo or reset rebuilt it): listen there instead. */
  replaceHost(host: SimHost): void {
    this.dispose();
    this.host = host;
    this.offKernel = host.kernel.on((e) => this.onKernel(e));
    this.attachDaemon();
    this.focus = {};
  }

  beginCommand(): void {
    this.recentPaths = new Set();
    this.log = [];
    this.pulls = [];
    this.attachDaemon();
  }

  /** After the command: the daemon may have restarted under it. */
  endCommand(): void {
    this.attachDaemon();
  }

  dispose(): void {
    this.offKernel();
    this.offDaemon?.();
    this.offDaemon = undefined;
    this.daemon = undefined;
  }

  private attachDaemon(): void {
    const d = this.host.docker;
    if (d === this.daemon) return;
    this.offDaemon?.();
    this.daemon = d;
    this.offDaemon = d?.on((e) => this.onDaemon(e));
  }

  private onKernel(e: KernelEvent): void {
    const add = (...paths: string[]): void => {
      for (const p of paths) this.recentPaths.add(p);
    };
    const dataRoot = this.host.docker?.dataRoot ?? '/var/lib/docker';
    const seen = (merged: string) => inContainer(merged, dataRoot);
    switch (e.kind) {
      case 'create':
      case 'write':
      case 'delete':
        add(e.path);
        break;
      case 'rename':
        add(e.to);
        break;
      case 'copy-up':
        add(e.upper, e.staged);
        this.log.push(
          `~ copy-up ${seen(e.merged)}: ${shortPath(e.lower)} → ` +
            `${e.via === 'tmpfile' ? `${shortPath(e.staged)}/ (O_TMPFILE)` : shortPath(e.staged)}` +
            ` → ${shortPath(e.upper)}`,
        );
        break;
      case 'whiteout':
        add(e.upper);
        this.log.push(
          `x whiteout ${seen(e.merged)}: ${shortPath(e.upper)} ` + `(0/0 char device, made as ${shortPath(e.staged)})`,
        );
        break;
      case 'opaque':
        add(e.upper);
        this.log.push(`o opaque ${seen(e.merged)}: trusted.overlay.opaque=y on ${shortPath(e.upper)}`);
        break;
      case 'mount': {
        this.log.push(`mount overlay on ${shortPath(e.target)}`);
        // An overlay mounted by hand (not Docker's, under its data-root) comes into focus.
        const m = this.host.kernel.mounts().findLast((x) => x.target === e.target);
        if (m?.fs instanceof OverlayFs && !e.target.startsWith(`${dataRoot}/`))
          this.focus = { mount: overlayMountOf(e.target, m.fs) };
        break;
      }
      case 'umount':
        this.log.push(`umount ${shortPath(e.target)}`);
        break;
      default:
        break;
    }
    if (this.log.length > 200) this.log.splice(0, this.log.length - 200);
  }

  private onDaemon(e: DaemonEvent): void {
    switch (e.kind) {
      case 'container':
        if (e.action !== 'destroy') this.focus = { container: e.id };
        else if (this.focus.container === e.id) this.focus = {};
        break;
      case 'image-tagged':
        // A pull, tag or commit brings that image into focus.
        if (!e.ref.includes('@')) this.focus = { ...this.focus, image: e.ref };
        break;
      case 'pull-layer': {
        const found = this.pulls.find((l) => l.id === e.id);
        if (found) found.status = e.status;
        else this.pulls.push({ id: e.id, status: e.status, size: e.size });
        break;
      }
      default:
        break;
    }
  }
}
