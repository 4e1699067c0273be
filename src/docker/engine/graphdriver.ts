// What the daemon asks of a storage driver (moby daemon/graphdriver: Driver, DiffDriver), so the
// layer store, containers, inspect, diff and commit work the same over overlay2 and the legacy
// overlay driver. Both keep their layers on the kernel's disk under <data-root>/<name>/.
import type { LayerEntry } from '../layer-tar.js';
import type { Change } from './changes.js';

export type DriverName = 'overlay2' | 'overlay';

export interface GraphDriver {
  readonly name: DriverName;
  /** <data-root>/<name>. */
  readonly home: string;
  init(): void;
  dir(id: string): string;
  exists(id: string): boolean;
  /** Create + ApplyDiff of an image layer; returns the size layerdb records. */
  registerLayer(id: string, parent: string | undefined, entries: readonly LayerEntry[]): number;
  /** Create of a read-write layer: a container's -init layer on the image top, or the container
   * layer on its -init layer. */
  createRw(id: string, parent: string): void;
  /** Get of a read-write layer: mounts <id>/merged and returns its path. */
  mount(id: string): string;
  /** Put: unmounts and removes merged/. */
  unmount(id: string): void;
  isMounted(id: string): boolean;
  remove(id: string): void;
  /** GraphDriver.Data of a container's layer, and of an image's top layer. */
  graphData(id: string): Record<string, string>;
  imageGraphData(id: string): Record<string, string>;
  /** Where an image layer's files are read back from (docker save rebuilds the tar from them). */
  layerFiles(id: string): string;
  /** docker diff: the container layer against its -init layer. */
  changes(mountId: string, initId: string): Change[];
  /** The container layer as tar entries, for docker commit and a build step's layer. */
  diffEntries(mountId: string, initId: string): LayerEntry[];
  /** The container layer's size (docker ps --size, system df). */
  rwSize(mountId: string, initId: string): number;
  /** docker info's lines under "Storage Driver", and its warnings. */
  status(): [string, string][];
  warnings(): string[];
}

/**
 * A directory GraphDriver.Data names, by the first of `keys` it has (UpperDir for overlay2's
 * layers and the legacy driver's container layers, RootDir for the legacy driver's image layers).
 */
export function graphDataDir(data: Record<string, string>, ...keys: string[]): string {
  for (const key of keys) {
    const dir = data[key];
    if (dir !== undefined) return dir;
  }
  throw new Error(`GraphDriver.Data has no ${keys.join(' or ')}: ${JSON.stringify(data)}`);
}
