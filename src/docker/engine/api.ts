// The daemon's operations as one object: what `createDaemon` returns and the CLI calls.
import type { FileContent } from '../../kernel/index.js';
import { DOCKER_VERSION } from '../version.js';
import { Daemon, type CreateOptions } from './containers.js';
import { saveImages } from './save.js';
import { archiveFromContainer, extractToContainer, statContainerPath, type PathStat } from './copy.js';
import type { LayerEntry } from '../layer-tar.js';
import type { Digest } from '../digest.js';
import { exportContainer, importImage } from './export-import.js';
import { pruneContainers, pruneImages, type ImageDeleteItem, type PruneFilter } from './prune.js';
import {
  createVolume,
  inspectVolume,
  pruneVolumes,
  removeVolume,
  volumeNames,
  volumeUsers,
  type VolumeInfo,
} from './volumes.js';
import { loadArchive } from './load.js';
import { connectNetwork, disconnectNetwork } from './network-connect.js';
import {
  createNetwork,
  findNetwork,
  inspectNetwork,
  networkContainers,
  networksOf,
  pruneNetworks,
  removeNetwork,
  type Network,
  type NetworkCreate,
} from './networks.js';
import type { Container, RunIO } from './types.js';
import {
  containerInspect,
  diskUsage,
  imageHistory,
  imageInspect,
  listContainers,
  listImages,
  type DiskUsage,
  type HistoryRow,
  type ImageSummary,
} from './views.js';

export interface InfoData {
  containers: number;
  running: number;
  paused: number;
  stopped: number;
  images: number;
  serverVersion: string;
  driver: string;
  driverStatus: [string, string][];
  /** Printed after the report (on stderr), as the 20.10 CLI prints the daemon's warnings. */
  warnings: string[];
  dockerRootDir: string;
  name: string;
  id: string;
  kernelVersion: string;
  operatingSystem: string;
}

export class DockerEngine extends Daemon {
  /** GET /images/json: one row per tag; untagged intermediate images only with all. */
  images(all = false): ImageSummary[] {
    return listImages(this, all);
  }

  imageInspect(ref: string): Record<string, unknown> {
    return imageInspect(this, this.getImage(ref));
  }

  history(ref: string): HistoryRow[] {
    return imageHistory(this, this.getImage(ref));
  }

  ps(all = false): Container[] {
    return listContainers(this, all);
  }

  containerInspect(ref: string, size = false): Record<string, unknown> {
    return containerInspect(this, this.getContainer(ref), size);
  }

  /** create + start + the main process. */
  async run(o: CreateOptions, io: RunIO): Promise<{ container: Container; exit: number | 'running' }> {
    const container = this.create(o);
    const exit = await this.runMain(container.id, io, !!o.detach);
    return { container, exit };
  }

  info(): InfoData {
    const cs = [...this.containers.values()];
    const running = cs.filter((c) => c.state.status === 'running').length;
    return {
      containers: cs.length,
      running,
      paused: cs.filter((c) => c.state.paused).length,
      stopped: cs.length - running,
      images: [...this.imageStore.images.values()].length,
      serverVersion: DOCKER_VERSION,
      driver: this.driver.name,
      driverStatus: this.driver.status(),
      warnings: this.driver.warnings(),
      dockerRootDir: this.dataRoot,
      name: this.hostname,
      id: this.daemonId,
      kernelVersion: this.kernelVersion,
      operatingSystem: this.operatingSystem,
    };
  }

  /** docker load: the lines it prints ("Loaded image: layered:latest"). */
  load(archive: FileContent): Promise<string[]> {
    return loadArchive(this, archive);
  }

  /** docker save: the archive, as content (its layers' synthetic files described, not made). */
  save(refs: string[]): FileContent {
    return saveImages(this, refs);
  }

  /** docker cp's HEAD /containers/{id}/archive. */
  statPath(ref: string, path: string): PathStat {
    return statContainerPath(this, ref, path);
  }

  /** docker cp's GET /containers/{id}/archive: the path's entries, named from its last element. */
  archive(ref: string, path: string): { stat: PathStat; entries: LayerEntry[] } {
    return archiveFromContainer(this, ref, path);
  }

  /** docker cp's PUT /containers/{id}/archive: unpack into a directory that exists in the container. */
  extract(ref: string, dir: string, entries: readonly LayerEntry[], keepOwners = false): void {
    extractToContainer(this, ref, dir, entries, keepOwners);
  }

  /** docker export: the container's filesystem as one tar. */
  export(ref: string): FileContent {
    return exportContainer(this, ref);
  }

  /** docker import: a one-layer image of the tar, tagged ref if given. */
  import(tar: FileContent, ref?: string, message?: string, changes: readonly string[] = []): Promise<Digest> {
    return importImage(this, tar, ref, message, changes);
  }

  volumeCreate(name?: string, labels: Record<string, string> = {}, options: Record<string, string> = {}): string {
    return createVolume(this, name, labels, options);
  }

  volumeInspect(name: string): VolumeInfo {
    return inspectVolume(this, name);
  }

  /** Volume names, sorted. */
  volumeNames(): string[] {
    return volumeNames(this);
  }

  /** The ids of the containers that use the volume. */
  volumeUsers(name: string): string[] {
    return volumeUsers(this, name);
  }

  volumeRemove(name: string, force = false): void {
    removeVolume(this, name, force);
  }

  /** docker volume prune: the unused volumes `keep` (the filters) picks. */
  volumePrune(keep?: (name: string) => boolean): { deleted: string[]; reclaimed: number } {
    return pruneVolumes(this, keep);
  }

  /** The networks, sorted by name. */
  networks(): Network[] {
    return [...networksOf(this).values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  findNetwork(ref: string): Network | undefined {
    return findNetwork(this, ref);
  }

  networkInspect(n: Network): Record<string, unknown> {
    return inspectNetwork(this, n);
  }

  /** The running containers with an endpoint on the network. */
  networkContainers(n: Network): Container[] {
    return networkContainers(this, n);
  }

  networkCreate(o: NetworkCreate): Network {
    return createNetwork(this, o);
  }

  networkRemove(ref: string): void {
    removeNetwork(this, ref);
  }

  /** docker network prune: the names of the networks removed. */
  networkPrune(keep?: (n: Network) => boolean): string[] {
    return pruneNetworks(this, keep);
  }

  networkConnect(net: string, container: string, o: { aliases?: string[]; ip?: string } = {}): void {
    connectNetwork(this, net, container, o);
  }

  networkDisconnect(net: string, container: string, force = false): void {
    disconnectNetwork(this, net, container, force);
  }

  /** docker container prune: the ids removed and the bytes their layers took. */
  containerPrune(f?: PruneFilter): { deleted: string[]; reclaimed: number } {
    return pruneContainers(this, f);
  }

  /** docker image prune [-a]: ImageDelete's lines and the bytes of the layers deleted. */
  imagePrune(all: boolean, f?: PruneFilter): { deleted: ImageDeleteItem[]; reclaimed: number } {
    return pruneImages(this, all, f);
  }

  systemDf(): DiskUsage {
    return diskUsage(this);
  }
}
