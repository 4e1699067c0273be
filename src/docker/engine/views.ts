// Read-only views of the daemon's state, shaped as the Engine API returns them: image and
// container inspect, the image/container lists, history, info and disk usage.
import { GO_ZERO_TIME } from '../go-time.js';
import { orderedContainerConfig } from '../image-config.js';
import type { Daemon } from './containers.js';
import { hostConfigObject, logPathOf } from './container-files.js';
import { networkSettings } from './run-settings.js';
import { directorySize } from './daemon-fs.js';
import type { StoredImage } from './imagestore.js';
import type { RoLayer } from './layerstore.js';
import type { Container } from './types.js';

export function chainSize(layer: RoLayer | undefined): number {
  let n = 0;
  for (let l = layer; l; l = l.parent) n += l.size;
  return n;
}

export function imageTags(d: Daemon, img: StoredImage): string[] {
  return d.imageStore
    .refsOf(img.id)
    .filter((r) => !r.includes('@'))
    .sort();
}

export function imageDigests(d: Daemon, img: StoredImage): string[] {
  return d.imageStore
    .refsOf(img.id)
    .filter((r) => r.includes('@'))
    .sort();
}

export function imageInspect(d: Daemon, img: StoredImage): Record<string, unknown> {
  const c = img.config;
  const size = chainSize(img.layer);
  return {
    Id: img.id,
    RepoTags: imageTags(d, img),
    RepoDigests: imageDigests(d, img),
    Parent: img.parent ?? '',
    Comment: c.comment ?? '',
    Created: c.created ?? GO_ZERO_TIME,
    Container: c.container ?? '',
    ContainerConfig: orderedContainerConfig(c.container_config ?? {}),
    DockerVersion: c.docker_version ?? '',
    Author: c.author ?? '',
    Config: c.config ? orderedContainerConfig(c.config) : null,
    Architecture: c.architecture ?? '',
    Os: c.os ?? '',
    Size: size,
    VirtualSize: size,
    GraphDriver: { Data: img.layer ? d.driver.imageGraphData(img.layer.cacheId) : null, Name: d.driver.name },
    RootFS: { Type: 'layers', Layers: c.rootfs?.diff_ids ?? [] },
    Metadata: { LastTagTime: img.lastUpdated ?? GO_ZERO_TIME },
  };
}

export function containerSizeRw(d: Daemon, c: Container): number {
  return d.driver.rwSize(c.rw.mountId, c.rw.initId);
}

export function containerInspect(d: Daemon, c: Container, withSize = false): Record<string, unknown> {
  const dir = d.containerDir(c);
  const started = c.hasBeenStarted;
  // A restarting container is Running to the daemon (its checks of rm, stop, start say so).
  const running = c.state.status === 'running' || c.state.status === 'restarting';
  return {
    Id: c.id,
    Created: c.created,
    Path: c.path,
    Args: c.args,
    State: {
      Status: c.state.paused ? 'paused' : c.state.status,
      Running: running,
      Paused: !!c.state.paused,
      Restarting: c.state.status === 'restarting',
      OOMKilled: false,
      Dead: false,
      Pid: c.state.pid,
      ExitCode: c.state.exitCode,
      Error: '',
      StartedAt: c.state.startedAt,
      FinishedAt: c.state.finishedAt,
    },
    Image: c.image.id,
    ResolvConfPath: started ? `${dir}/resolv.conf` : '',
    HostnamePath: started ? `${dir}/hostname` : '',
    HostsPath: started ? `${dir}/hosts` : '',
    LogPath: logPathOf(d, c),
    Name: c.name,
    RestartCount: c.restartCount ?? 0,
    Driver: d.driver.name,
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: '',
    ExecIDs: null,
    HostConfig: hostConfigObject(c),
    GraphDriver: { Data: d.driver.graphData(c.rw.mountId), Name: d.driver.name },
    ...(withSize
      ? { SizeRw: containerSizeRw(d, c), SizeRootFs: containerSizeRw(d, c) + chainSize(c.image.layer) }
      : {}),
    // types.MountPoint; Name and Driver are omitempty. A named volume given without a mode shows
    // "z" (the daemon's default label mode), an anonymous one from Config.Volumes "".
    Mounts: c.mounts.map((m) => ({
      Type: m.Type,
      ...(m.Name ? { Name: m.Name } : {}),
      Source: m.Source,
      Destination: m.Destination,
      ...(m.Type === 'volume' ? { Driver: 'local' } : {}),
      Mode: m.Mode ?? (m.Type === 'volume' && !(m.anonymous && !m.spec) ? 'z' : ''),
      RW: m.RW !== false,
      Propagation: m.Type === 'bind' ? (m.Propagation ?? 'rprivate') : '',
    })),
    Config: orderedContainerConfig(c.config),
    NetworkSettings: networkSettings(d, c, '/var/run/docker/netns'),
  };
}

export interface ImageSummary {
  image: StoredImage;
  repository: string;
  tag: string;
  digest: string;
  created: number;
  size: number;
}

/** GET /images/json as `docker images` shows it: one row per tag, untagged images once. */
export function listImages(d: Daemon, all: boolean): ImageSummary[] {
  const rows: ImageSummary[] = [];
  const imgs = [...d.imageStore.images.values()].sort(
    (a, b) => Date.parse(b.config.created ?? '') - Date.parse(a.config.created ?? '') || (a.id < b.id ? -1 : 1),
  );
  for (const img of imgs) {
    const tags = imageTags(d, img);
    const digests = imageDigests(d, img);
    const base = { image: img, created: Date.parse(img.config.created ?? GO_ZERO_TIME), size: chainSize(img.layer) };
    if (tags.length === 0) {
      // Untagged images with children are intermediate: only -a shows them.
      if (!all && d.imageStore.children(img.id).length > 0) continue;
      rows.push({
        ...base,
        repository: digests[0]?.split('@')[0] ?? '<none>',
        tag: '<none>',
        digest: digests[0]?.split('@')[1] ?? '<none>',
      });
      continue;
    }
    for (const t of tags) {
      const i = t.lastIndexOf(':');
      const repo = t.slice(0, i);
      const dg = digests.find((x) => x.startsWith(`${repo}@`));
      rows.push({
        ...base,
        repository: repo,
        tag: t.slice(i + 1),
        digest: dg ? dg.slice(dg.indexOf('@') + 1) : '<none>',
      });
    }
  }
  return rows;
}

export interface HistoryRow {
  id: string;
  created: number;
  createdBy: string;
  size: number;
  comment: string;
  tags: string[];
}

/** ImageHistory: rows newest first; IDs only where a local parent image covers that row. */
export function imageHistory(d: Daemon, img: StoredImage): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const diffIds = img.config.rootfs?.diff_ids ?? [];
  const chain: RoLayer[] = [];
  for (let l = img.layer; l; l = l.parent) chain.unshift(l);
  let counter = 0;
  for (const h of img.config.history ?? []) {
    let size = 0;
    if (!h.empty_layer && counter < diffIds.length) size = chain[counter++]?.size ?? 0;
    rows.unshift({
      id: '<missing>',
      created: Date.parse(h.created ?? GO_ZERO_TIME),
      createdBy: h.created_by ?? '',
      size,
      comment: h.comment ?? '',
      tags: [],
    });
  }
  let cur: StoredImage | undefined = img;
  for (const row of rows) {
    if (!cur) break;
    row.id = cur.id;
    row.tags = imageTags(d, cur);
    cur = cur.parent ? d.imageStore.images.get(cur.parent) : undefined;
  }
  return rows;
}

export function listContainers(d: Daemon, all: boolean): Container[] {
  return [...d.containers.values()]
    .filter((c) => all || c.state.status === 'running' || c.state.status === 'restarting')
    .sort((a, b) => b.createdMs - a.createdMs);
}

/** One image of GET /system/df (types.ImageSummary with its extra attributes). */
export interface DiskUsageImage {
  image: StoredImage;
  /** The first tag, or undefined for an untagged image. */
  tag?: string;
  created: number;
  /** Size and VirtualSize: every layer of its chain. */
  size: number;
  /** The layers of its chain that another listed image has too. */
  sharedSize: number;
  /** Containers made from it, in any state. */
  containers: number;
}

export interface DiskUsageContainer {
  container: Container;
  sizeRw: number;
}

export interface DiskUsageVolume {
  name: string;
  size: number;
  /** Containers that mount it, in any state. */
  refCount: number;
}

/** GET /system/df as a 20.10 daemon answers it; the CLI works out totals and reclaimable space. */
export interface DiskUsage {
  /** LayersSize: each layer once, of those an image that the list shows (or a tagged one) uses. */
  layersSize: number;
  images: DiskUsageImage[];
  containers: DiskUsageContainer[];
  volumes: DiskUsageVolume[];
}

/** The layers of an image's chain, base first. */
function chain(img: StoredImage): RoLayer[] {
  const out: RoLayer[] = [];
  for (let l = img.layer; l; l = l.parent) out.unshift(l);
  return out;
}

/**
 * daemon.SystemDiskUsage (moby 20.10): ImageService.Images(all=false, withExtraAttrs) counts each
 * layer's users among the listed images (tagged or without children) and gives each image the
 * DiffSize of its layers used more than once as SharedSize; LayerDiskUsage adds every layer an
 * image with a reference, or without children, uses.
 */
export function diskUsage(d: Daemon): DiskUsage {
  const all = [...d.imageStore.images.values()];
  const listed = all.filter((i) => d.imageStore.refsOf(i.id).length > 0 || d.imageStore.children(i.id).length === 0);
  const layerRefs = new Map<string, number>();
  for (const img of listed) for (const l of chain(img)) layerRefs.set(l.chainId, (layerRefs.get(l.chainId) ?? 0) + 1);
  const layers = new Map<string, number>();
  for (const img of listed) for (const l of chain(img)) layers.set(l.chainId, l.size);
  const cs = [...d.containers.values()].sort((a, b) => b.createdMs - a.createdMs);
  const images = listed
    .map((img) => ({
      image: img,
      ...(imageTags(d, img)[0] ? { tag: imageTags(d, img)[0] } : {}),
      created: Date.parse(img.config.created ?? GO_ZERO_TIME),
      size: chainSize(img.layer),
      sharedSize: chain(img)
        .filter((l) => (layerRefs.get(l.chainId) ?? 0) > 1)
        .reduce((n, l) => n + l.size, 0),
      containers: cs.filter((c) => c.image.id === img.id).length,
    }))
    .sort((a, b) => b.created - a.created || (a.image.id < b.image.id ? -1 : 1));
  const volDir = `${d.dataRoot}/volumes`;
  const names = d.fs.exists(volDir)
    ? d.fs.readdir(volDir).filter((n) => n !== 'metadata.db' && n !== 'backingFsBlockDev')
    : [];
  return {
    layersSize: [...layers.values()].reduce((a, b) => a + b, 0),
    images,
    containers: cs.map((c) => ({ container: c, sizeRw: containerSizeRw(d, c) })),
    volumes: names.sort().map((name) => ({
      name,
      size: directorySize(d.fs, `${volDir}/${name}/_data`),
      refCount: cs.filter((c) => c.mounts.some((m) => m.Name === name)).length,
    })),
  };
}
