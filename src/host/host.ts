// One Host interface for the simulated and the real host: what the panes and the lessons' checks
// and values (src/lessons/checks.ts, values.ts) read off a host — its files as the kernel shows
// them, and the Docker daemon's images, layers and containers as the daemon and its data-root
// record them. The simulated host answers from its disk and engine (simHostView); the real one
// from the real files and the docker CLI (src/real/real-host.ts). Paths are the host's own (on the
// real host: the daemon's data-root, and the learner's bash's files).

export interface HostStat {
  type: 'file' | 'dir' | 'symlink' | 'chr' | 'blk' | 'fifo' | 'socket' | 'other';
  /** Device number of a device node (0 for overlay's whiteout, a 0/0 character device). */
  rdev: number;
  ino: number;
  size: number;
}

/** A read-only layer of an image, in the graph driver's terms. */
export interface HostLayer {
  /** The driver's dir name (overlay2/<cache-id>), as layerdb/sha256/<ChainID>/cache-id records it. */
  cacheId: string;
  size: number;
  /** "sha256:…": the layer's DiffID and ChainID. */
  diffId: string;
  chainId: string;
  /** The dir that holds the layer's own files (overlay2: <cache-id>/diff; overlay: <cache-id>/root). */
  dir: string;
}

export interface HostImage {
  /** "sha256:…" */
  id: string;
  /** RootFS.Layers, base first. */
  diffIds: string[];
  /** The image's layers, base first. */
  layers: HostLayer[];
  /** The image config's history, oldest first. */
  history: Array<{ createdBy: string; emptyLayer: boolean }>;
}

export interface HostContainer {
  id: string;
  /** The driver's dir name of its read-write layer (layerdb/mounts/<id>/mount-id). */
  mountId: string;
  /** Without the leading slash. */
  name: string;
  /** created, running, exited … */
  state: string;
  createdMs: number;
  /** What it was created from, as typed (nginx, nginx:latest, an id). */
  imageRef: string;
  imageId: string;
  /** GraphDriver.Data: the overlay dirs of its read-write layer. */
  lowerDir?: string;
  upperDir: string;
  workDir: string;
  mergedDir: string;
  /** Where what the container itself sees is read, its bind mounts included: /proc/<pid>/root
   * while it runs (binds live in its namespace, not under merged/), else merged/. */
  rootPath: string;
}

export interface HostDocker {
  driver: string;
  /** The daemon's data-root (/var/lib/docker on a stock host). */
  dataRoot: string;
  /** <data-root>/<driver>: where the layers' dirs are. */
  driverHome: string;
  /** <data-root>/image/<driver>/layerdb/sha256 */
  layerdb: string;
  containers(): HostContainer[];
  /** Tagged references (no digests), oldest first. */
  imageRefs(): string[];
  /** An image by reference or ID, as `docker image inspect` finds it (nginx is nginx:latest). */
  image(refOrId: string): HostImage | undefined;
  /** A container by name or ID (or a unique ID prefix), as `docker inspect` finds it. */
  container(nameOrId: string): HostContainer | undefined;
}

/** An overlay mounted on the host, its layers as absolute host paths (uppermost lower first). */
export interface HostOverlayMount {
  target: string;
  lowerdir: string[];
  /** Both absent on a mount of lowerdirs only (read-only). */
  upperdir?: string;
  workdir?: string;
}

export interface Host {
  readonly kind: 'simulated' | 'real';
  lstat(path: string): HostStat | undefined;
  readText(path: string): string | undefined;
  /** A file's bytes (hashed as sha256sum FILE hashes them). */
  readBytes(path: string): Uint8Array | undefined;
  /** Names in a directory, unsorted; undefined when it cannot be read. */
  readdir(path: string): string[] | undefined;
  /** The directory carries trusted.overlay.opaque=y. */
  isOpaque(path: string): boolean;
  isMountpoint(path: string): boolean;
  /** The overlay mounts the host sees (Docker's and those made by hand), in mount order. */
  overlayMounts?(): HostOverlayMount[];
  /** The Docker daemon, when one runs. */
  readonly docker: HostDocker | undefined;
}
