// A daemon started on a data-root that already holds images and containers (a restarted dockerd)
// rebuilds its state from the files, as moby's layer store, image store and container loading do
// at start-up. Containers that were running are marked as exited with 255: without live-restore
// their processes died with the old daemon; their merged/ mounts are taken down.
import type { Digest } from '../digest.js';
import { chainId } from '../digest.js';
import { parseImageConfig, type ContainerConfig } from '../image-config.js';
import type { DaemonCore } from './daemon.js';
import type { RoLayer } from './layerstore.js';
import type { StoredImage } from './imagestore.js';
import { DEFAULT_SETTINGS, DEFAULT_SHM_SIZE } from './run-settings.js';
import type { Container, MountSpec, RunSettings, VolumeMount } from './types.js';

interface ConfigV2 {
  ID: string;
  Name: string;
  Created: string;
  Path: string;
  Args: string[];
  Config: ContainerConfig;
  Image: string;
  State: { Running: boolean; Pid: number; ExitCode: number; StartedAt: string; FinishedAt: string };
  HasBeenStartedBefore: boolean;
  RestartCount?: number;
  NetworkSettings?: {
    Networks?: Record<
      string,
      { IPAMConfig: { IPv4Address?: string } | null; Aliases: string[] | null; DriverOpts: object | null }
    >;
  };
  HasBeenManuallyStopped?: boolean;
  MountPoints: Record<
    string,
    {
      Source: string;
      Destination: string;
      Name: string;
      Type: 'bind' | 'volume' | 'tmpfs';
      RW?: boolean;
      Relabel?: string;
      Propagation?: string;
      Spec?: MountSpec;
    }
  >;
}

interface HostConfigFile {
  AutoRemove?: boolean;
  Memory?: number;
  MemorySwap?: number;
  NanoCpus?: number;
  NetworkMode?: string;
  RestartPolicy?: { Name: string; MaximumRetryCount: number };
  PublishAllPorts?: boolean;
  LogConfig?: { Type?: string; Config?: Record<string, string> };
  PortBindings?: Record<string, { HostIp: string; HostPort: string }[]>;
  Binds?: string[] | null;
  Tmpfs?: Record<string, string>;
  VolumesFrom?: string[] | null;
  CapAdd?: string[] | null;
  CapDrop?: string[] | null;
  Privileged?: boolean;
  ReadonlyRootfs?: boolean;
  Mounts?: MountSpec[];
  Dns?: string[];
  DnsSearch?: string[];
  DnsOptions?: string[];
  ExtraHosts?: string[] | null;
  ShmSize?: number;
  CpuShares?: number;
  CpusetCpus?: string;
  PidsLimit?: number | null;
  MemoryReservation?: number;
}

/** The run settings hostconfig.json keeps (none when they are all the defaults). */
function settingsFromFile(h: HostConfigFile): { settings?: RunSettings } {
  const s: RunSettings = {
    memory: h.Memory ?? 0,
    memorySwap: h.MemorySwap ?? 0,
    nanoCpus: h.NanoCpus ?? 0,
    networkMode: h.NetworkMode ?? DEFAULT_SETTINGS.networkMode,
    restartPolicy: h.RestartPolicy ?? DEFAULT_SETTINGS.restartPolicy,
    publishAll: !!h.PublishAllPorts,
    logDriver: h.LogConfig?.Type ?? DEFAULT_SETTINGS.logDriver,
    ...(Object.keys(h.LogConfig?.Config ?? {}).length ? { logOpts: h.LogConfig?.Config } : {}),
    ...(h.ShmSize && h.ShmSize !== DEFAULT_SHM_SIZE ? { shmSize: h.ShmSize } : {}),
    ...(h.CpuShares ? { cpuShares: h.CpuShares } : {}),
    ...(h.CpusetCpus ? { cpusetCpus: h.CpusetCpus } : {}),
    ...(h.PidsLimit ? { pidsLimit: h.PidsLimit } : {}),
    ...(h.MemoryReservation ? { memoryReservation: h.MemoryReservation } : {}),
  };
  return JSON.stringify(s) === JSON.stringify(DEFAULT_SETTINGS) ? {} : { settings: s };
}

/** The networks and DNS settings a container was given, back from its files. */
function netsFromFile(v: ConfigV2, h: HostConfigFile): Pick<Container, 'nets' | 'dns'> {
  const out: Pick<Container, 'nets' | 'dns'> = {};
  const nets = v.NetworkSettings?.Networks ?? {};
  if (Object.keys(nets).length)
    out.nets = Object.fromEntries(
      Object.entries(nets).map(([name, e]) => [
        name,
        {
          aliases: e.Aliases ?? [],
          ...(e.IPAMConfig?.IPv4Address ? { ipv4: e.IPAMConfig.IPv4Address } : {}),
          ...(e.DriverOpts ? { connected: true } : {}),
        },
      ]),
    );
  const dns = {
    dns: h.Dns ?? [],
    search: h.DnsSearch ?? [],
    options: h.DnsOptions ?? [],
    extraHosts: h.ExtraHosts ?? [],
  };
  if (Object.values(dns).some((x) => x.length)) out.dns = dns;
  return out;
}

/** -p's specs back from PortBindings. */
function publishOf(b: HostConfigFile['PortBindings']): string[] {
  return Object.entries(b ?? {}).flatMap(([port, binds]) =>
    binds.map((x) =>
      [x.HostIp, x.HostPort, port.replace(/\/tcp$/, '')]
        .filter((part, i) => part !== '' || (i === 1 && x.HostIp !== ''))
        .join(':'),
    ),
  );
}

/** A stand-in for an image that is gone: its ID and the layer the container was made on. */
function goneImage(id: Digest, layer: RoLayer): StoredImage {
  return {
    id,
    configBytes: new Uint8Array(),
    config: { rootfs: { type: 'layers', diff_ids: [] } } as StoredImage['config'],
    layer,
  };
}

export function restoreState(d: DaemonCore): void {
  const fs = d.fs;
  const sha = `${d.layers.root}/sha256`;
  if (fs.exists(sha)) {
    const parents = new Map<string, string>();
    for (const hex of fs.readdir(sha)) {
      const dir = `${sha}/${hex}`;
      const layer: RoLayer = {
        chainId: `sha256:${hex}`,
        diffId: fs.readText(`${dir}/diff`) as Digest,
        cacheId: fs.readText(`${dir}/cache-id`),
        size: Number(fs.readText(`${dir}/size`)),
        refs: 0,
      };
      if (fs.exists(`${dir}/parent`)) parents.set(layer.chainId, fs.readText(`${dir}/parent`));
      d.layers.layers.set(layer.chainId, layer);
    }
    for (const [child, parent] of parents) {
      const c = d.layers.layers.get(child) as RoLayer;
      const p = d.layers.layers.get(parent);
      if (p) {
        c.parent = p;
        p.refs++;
      }
    }
  }
  const content = `${d.imageStore.root}/imagedb/content/sha256`;
  for (const hex of fs.exists(content) ? fs.readdir(content) : []) {
    const bytes = fs.read(`${content}/${hex}`);
    const cfg = parseImageConfig(bytes);
    const diffIds = cfg.rootfs?.diff_ids ?? [];
    const layer = diffIds.length ? d.layers.layers.get(chainId(diffIds)) : undefined;
    if (layer) layer.refs++;
    const meta = `${d.imageStore.root}/imagedb/metadata/sha256/${hex}`;
    const id = `sha256:${hex}` as Digest;
    d.imageStore.images.set(id, {
      id,
      configBytes: bytes,
      config: cfg,
      ...(layer ? { layer } : {}),
      ...(fs.exists(`${meta}/parent`) ? { parent: fs.readText(`${meta}/parent`) as Digest } : {}),
      ...(fs.exists(`${meta}/lastUpdated`) ? { lastUpdated: fs.readText(`${meta}/lastUpdated`) } : {}),
    });
  }
  const repos = `${d.imageStore.root}/repositories.json`;
  if (fs.exists(repos)) {
    const parsed = JSON.parse(fs.readText(repos)) as { Repositories: Record<string, Record<string, Digest>> };
    for (const refs of Object.values(parsed.Repositories ?? {}))
      for (const [ref, id] of Object.entries(refs)) d.imageStore.refs.set(ref, id);
  }
  const cdir = `${d.dataRoot}/containers`;
  for (const id of fs.exists(cdir) ? fs.readdir(cdir) : []) {
    const mounts = `${d.layers.root}/mounts/${id}`;
    if (!fs.exists(`${cdir}/${id}/config.v2.json`) || !fs.exists(mounts)) continue;
    const v = JSON.parse(fs.readText(`${cdir}/${id}/config.v2.json`)) as ConfigV2;
    const parent = d.layers.layers.get(fs.readText(`${mounts}/parent`));
    if (!parent) continue;
    // An image rmi -f removed while the container used it: the container keeps its ID and its layers.
    const image = d.imageStore.images.get(v.Image) ?? goneImage(v.Image as Digest, parent);
    parent.refs++;
    const rw = {
      containerId: id,
      mountId: fs.readText(`${mounts}/mount-id`),
      initId: fs.readText(`${mounts}/init-id`),
      parent,
    };
    d.layers.mounts.set(id, rw);
    let hostConfig: HostConfigFile = {};
    if (fs.exists(`${cdir}/${id}/hostconfig.json`))
      hostConfig = JSON.parse(fs.readText(`${cdir}/${id}/hostconfig.json`)) as typeof hostConfig;
    const wasRunning = v.State.Running;
    if (wasRunning) {
      const merged = `${d.driver.dir(rw.mountId)}/merged`;
      for (const m of d.kernel
        .mounts()
        .filter((x) => x.target.startsWith(`${merged}/`))
        .reverse())
        d.kernel.umount(m.target);
      d.driver.unmount(rw.mountId);
    }
    const c: Container = {
      id,
      name: v.Name,
      created: v.Created,
      createdMs: Date.parse(v.Created),
      image,
      imageRef: v.Config.Image ?? image.id,
      config: v.Config,
      path: v.Path,
      args: v.Args ?? [],
      autoRemove: !!hostConfig.AutoRemove,
      mounts: Object.values(v.MountPoints ?? {}).map((m): VolumeMount => {
        const fromFlag = hostConfig.Mounts?.find((s) => s.Target === m.Destination);
        return {
          Type: m.Type,
          ...(m.Name ? { Name: m.Name } : {}),
          Source: m.Type === 'volume' ? `${d.dataRoot}/volumes/${m.Name}/_data` : m.Source,
          Destination: m.Destination,
          ...(m.Type === 'volume' && !m.Spec?.Source ? { anonymous: true } : {}),
          ...(m.RW === false ? { RW: false } : {}),
          ...(m.Relabel ? { Mode: m.Relabel } : {}),
          ...(m.Type === 'bind' && m.Propagation ? { Propagation: m.Propagation } : {}),
          ...(fromFlag ? { spec: fromFlag } : {}),
        };
      }),
      binds: hostConfig.Binds ?? [],
      tmpfs: hostConfig.Tmpfs ?? null,
      ...(hostConfig.VolumesFrom?.length ? { volumesFrom: hostConfig.VolumesFrom } : {}),
      ...(hostConfig.CapAdd?.length ? { capAdd: hostConfig.CapAdd } : {}),
      ...(hostConfig.CapDrop?.length ? { capDrop: hostConfig.CapDrop } : {}),
      ...(hostConfig.Privileged ? { privileged: true } : {}),
      readonlyRootfs: !!hostConfig.ReadonlyRootfs,
      publish: publishOf(hostConfig.PortBindings),
      rw,
      state: {
        status: wasRunning || v.HasBeenStartedBefore ? 'exited' : 'created',
        pid: 0,
        exitCode: wasRunning ? 255 : v.State.ExitCode,
        startedAt: v.State.StartedAt,
        finishedAt: wasRunning ? d.now().text : v.State.FinishedAt,
      },
      hasBeenStarted: v.HasBeenStartedBefore,
      ...(v.RestartCount ? { restartCount: v.RestartCount } : {}),
      ...(v.HasBeenManuallyStopped ? { manuallyStopped: true } : {}),
      ...settingsFromFile(hostConfig),
      ...netsFromFile(v, hostConfig),
    };
    d.containers.set(id, c);
  }
}
