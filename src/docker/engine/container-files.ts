// containers/<id>/config.v2.json and hostconfig.json: the daemon's own records of a container.
// Field order follows moby's container.Container and container.HostConfig structs; fields the
// tutorial never sets keep Go's zero values.
import { orderedContainerConfig } from '../image-config.js';
import type { Daemon } from './containers.js';
import { attachmentsOf, DEFAULT_SHM_SIZE, portBindings, settingsOf } from './run-settings.js';
import type { Container, MountSpec } from './types.js';

/** containers/<id>/<id>-json.log, which only the json-file driver writes (LogPath is '' with any other). */
export function logPathOf(d: Daemon, c: Container): string {
  return c.hasBeenStarted && settingsOf(c).logDriver === 'json-file' ? `${d.containerDir(c)}/${c.id}-json.log` : '';
}

export function configV2Json(d: Daemon, c: Container): string {
  const dir = d.containerDir(c);
  const started = c.hasBeenStarted;
  const running = c.state.status === 'running' || c.state.status === 'restarting';
  const v = {
    StreamConfig: {},
    State: {
      Running: running,
      Paused: !!c.state.paused,
      Restarting: c.state.status === 'restarting',
      OOMKilled: false,
      RemovalInProgress: false,
      Dead: false,
      Pid: c.state.pid,
      ExitCode: c.state.exitCode,
      Error: '',
      StartedAt: c.state.startedAt,
      FinishedAt: c.state.finishedAt,
      Health: null,
    },
    ID: c.id,
    Created: c.created,
    Managed: false,
    Path: c.path,
    Args: c.args,
    Config: orderedContainerConfig(c.config),
    Image: c.image.id,
    NetworkSettings: {
      Bridge: '',
      SandboxID: '',
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      // What create and connect asked of each network (read back when the daemon restarts).
      Networks: Object.fromEntries(
        Object.entries(attachmentsOf(c)).map(([name, a]) => [
          name,
          {
            IPAMConfig: a.ipv4 ? { IPv4Address: a.ipv4 } : a.connected ? {} : null,
            Links: null,
            Aliases: a.aliases.length ? a.aliases : null,
            NetworkID: '',
            EndpointID: '',
            Gateway: running && name === 'bridge' ? '172.17.0.1' : '',
            IPAddress: '',
            IPPrefixLen: 0,
            IPv6Gateway: '',
            GlobalIPv6Address: '',
            GlobalIPv6PrefixLen: 0,
            MacAddress: '',
            DriverOpts: a.connected ? {} : null,
            IPAMOperational: false,
          },
        ]),
      ),
      Service: null,
      Ports: null,
      SandboxKey: '',
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      IsAnonymousEndpoint: false,
      HasSwarmEndpoint: false,
    },
    LogPath: logPathOf(d, c),
    Name: c.name,
    Driver: d.driver.name,
    OS: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    RestartCount: c.restartCount ?? 0,
    HasBeenStartedBefore: started,
    HasBeenManuallyStopped: !!c.manuallyStopped,
    MountPoints: Object.fromEntries(
      c.mounts.map((m) => [
        m.Destination,
        {
          Source: m.Type === 'bind' ? m.Source : '',
          Destination: m.Destination,
          RW: m.RW !== false,
          Name: m.Name ?? '',
          Driver: m.Type === 'volume' ? 'local' : '',
          Type: m.Type,
          Relabel: m.Mode ?? '',
          Propagation: m.Type === 'bind' ? (m.Propagation ?? 'rprivate') : '',
          Spec: m.spec ?? {
            Type: m.Type,
            Source: m.anonymous ? '' : (m.Name ?? m.Source),
            Target: m.Destination,
            ...(m.RW === false ? { ReadOnly: true } : {}),
          },
          SkipMountpointCreation: false,
        },
      ]),
    ),
    SecretReferences: null,
    ConfigReferences: null,
    AppArmorProfile: '',
    HostnamePath: started ? `${dir}/hostname` : '',
    HostsPath: started ? `${dir}/hosts` : '',
    ShmPath: '',
    ResolvConfPath: started ? `${dir}/resolv.conf` : '',
    SeccompProfile: '',
    NoNewPrivileges: false,
    LocalLogCacheMeta: { HaveNotifyEnabled: false },
  };
  return goJson(v);
}

/** HostConfig.Binds: the -v specs with a source as given; a container restored from disk without
 * them has its binds and named volumes written back. */
function bindsOf(c: Container): string[] | null {
  const given =
    c.binds ??
    c.mounts
      .filter((m) => !m.anonymous && !m.spec && m.Type !== 'tmpfs')
      .map((m) => `${m.Name ?? m.Source}:${m.Destination}`);
  return given.length ? given : null;
}

/** HostConfig.Mounts: the --mount specs. */
function mountSpecs(c: Container): MountSpec[] | undefined {
  const specs = c.mounts.flatMap((m) => (m.spec ? [m.spec] : []));
  return specs.length ? specs : undefined;
}

export function hostConfigObject(c: Container): Record<string, unknown> {
  const s = settingsOf(c);
  return {
    Binds: bindsOf(c),
    ContainerIDFile: '',
    LogConfig: { Type: s.logDriver, Config: s.logOpts ?? {} },
    NetworkMode: s.networkMode,
    PortBindings: portBindings(c.publish),
    RestartPolicy: s.restartPolicy,
    AutoRemove: c.autoRemove,
    VolumeDriver: '',
    VolumesFrom: c.volumesFrom?.length ? c.volumesFrom : null,
    CapAdd: c.capAdd ?? null,
    CapDrop: c.capDrop ?? null,
    CgroupnsMode: 'host',
    Dns: c.dns?.dns ?? [],
    DnsOptions: c.dns?.options ?? [],
    DnsSearch: c.dns?.search ?? [],
    ExtraHosts: c.dns?.extraHosts.length ? c.dns.extraHosts : null,
    GroupAdd: null,
    IpcMode: 'private',
    Cgroup: '',
    Links: null,
    OomScoreAdj: 0,
    PidMode: '',
    Privileged: !!c.privileged,
    PublishAllPorts: s.publishAll,
    ReadonlyRootfs: !!c.readonlyRootfs,
    SecurityOpt: null,
    ...(c.tmpfs ? { Tmpfs: c.tmpfs } : {}),
    UTSMode: '',
    UsernsMode: '',
    ShmSize: s.shmSize ?? DEFAULT_SHM_SIZE,
    Runtime: 'runc',
    ConsoleSize: [0, 0],
    Isolation: '',
    CpuShares: s.cpuShares ?? 0,
    Memory: s.memory,
    NanoCpus: s.nanoCpus,
    CgroupParent: '',
    BlkioWeight: 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: null,
    BlkioDeviceWriteBps: null,
    BlkioDeviceReadIOps: null,
    BlkioDeviceWriteIOps: null,
    CpuPeriod: 0,
    CpuQuota: 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: s.cpusetCpus ?? '',
    CpusetMems: '',
    Devices: [],
    DeviceCgroupRules: null,
    DeviceRequests: null,
    KernelMemory: 0,
    KernelMemoryTCP: 0,
    MemoryReservation: s.memoryReservation ?? 0,
    MemorySwap: s.memorySwap,
    MemorySwappiness: null,
    OomKillDisable: false,
    PidsLimit: s.pidsLimit ?? null,
    Ulimits: null,
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    ...(mountSpecs(c) ? { Mounts: mountSpecs(c) } : {}),
    MaskedPaths: [
      '/proc/asound',
      '/proc/acpi',
      '/proc/kcore',
      '/proc/keys',
      '/proc/latency_stats',
      '/proc/timer_list',
      '/proc/timer_stats',
      '/proc/sched_debug',
      '/proc/scsi',
      '/sys/firmware',
    ],
    ReadonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
  };
}

export function hostConfigJson(c: Container): string {
  return goJson(hostConfigObject(c));
}

/** Compact JSON with Go's HTML escaping (json.Marshal). */
export function goJson(v: unknown, indent?: string): string {
  return JSON.stringify(v, null, indent).replace(/[<>&]/g, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`);
}
