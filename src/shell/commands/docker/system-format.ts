// docker version --format and docker info --format: the 20.10 CLI runs the template on its own
// typed structs (system.versionInfo, system.info embedding types.Info), not on a map, so a wrong
// field reads "can't evaluate field Nope in type system.info"; the output written before an error
// is kept and a newline ends it either way.
import type { InfoData } from '../../../docker/engine/api.js';
import { DOCKER_CLI_COMMIT, DOCKER_VERSION } from '../../../docker/engine/index.js';
import { LOG_DRIVERS } from '../../../docker/engine/log-drivers.js';
import { GoTemplate, goMap, goMarshalJson, goSlice, goStruct } from '../../../gotemplate/index.js';
import { dockerTypedView, tabwrite } from '../../../gotemplate/table.js';
import { goNil } from '../../../gotemplate/value.js';

/** The network drivers a 20.10 daemon has built in (the bridge, host and null ones are modelled). */
export const NETWORK_PLUGINS = ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'];
/** The log drivers a 20.10 daemon has built in, as `docker info` lists them (none is no plugin). */
export const LOG_PLUGINS = LOG_DRIVERS.filter((d) => d !== 'none');
import type { CommandContext } from '../../command.js';

const BUILT = 'Thu May 18 08:38:34 2023';
/** The daemon's build time as its API gives it (the CLI prints it in ANSIC form, as BUILT). */
const BUILT_RFC3339 = '2023-05-18T08:38:34.000000000+00:00';
const GO = 'go1.19.8';

/** A Go struct whose json names differ from its fields (`APIVersion string `json:"ApiVersion"``). */
function jsonStruct(name: string, fields: Record<string, unknown>, json: Record<string, unknown>): object {
  return goStruct(name, fields, { marshalJson: () => goMarshalJson(goStruct(name, json), false) });
}

const PLATFORM = (): object => goStruct('struct { Name string }', { Name: '' });

function versionInfo(kernel: string): unknown {
  const component = (name: string, version: string, details: Record<string, string>) =>
    goStruct('types.ComponentVersion', { Name: name, Version: version, Details: goMap(details, 'string') });
  const components = goSlice(
    [
      // The CLI rewrites the engine's BuildTime in the ANSIC form it prints.
      component('Engine', DOCKER_VERSION, {
        ApiVersion: '1.41',
        Arch: 'amd64',
        BuildTime: BUILT,
        Experimental: 'false',
        GitCommit: '5d6db84',
        GoVersion: GO,
        KernelVersion: kernel,
        MinAPIVersion: '1.12',
        Os: 'linux',
      }),
      component('containerd', '1.6.20~ds1', { GitCommit: '1.6.20~ds1-1+deb12u3' }),
      component('runc', '1.1.5+ds1', { GitCommit: '1.1.5+ds1-1+deb12u1' }),
      component('docker-init', '0.19.0', { GitCommit: '' }),
    ],
    'interface',
    '[]types.ComponentVersion',
  );
  const client = {
    Platform: PLATFORM(),
    Version: DOCKER_VERSION,
    APIVersion: '1.41',
    DefaultAPIVersion: '1.41',
    GitCommit: DOCKER_CLI_COMMIT,
    GoVersion: GO,
    Os: 'linux',
    Arch: 'amd64',
    BuildTime: BUILT,
    Context: 'default',
    Experimental: true,
  };
  const server = {
    Platform: PLATFORM(),
    Components: components,
    Version: DOCKER_VERSION,
    APIVersion: '1.41',
    MinAPIVersion: '1.12',
    GitCommit: '5d6db84',
    GoVersion: GO,
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: kernel,
    Experimental: false,
    BuildTime: BUILT_RFC3339,
  };
  const { APIVersion: ca, ...clientRest } = client;
  const { APIVersion: sa, Experimental: _omitted, ...serverRest } = server;
  return goStruct('system.versionInfo', {
    Client: jsonStruct('system.clientVersion', client, {
      Platform: client.Platform,
      Version: client.Version,
      ApiVersion: ca,
      ...Object.fromEntries(Object.entries(clientRest).filter(([k]) => k !== 'Platform' && k !== 'Version')),
    }),
    Server: jsonStruct('types.Version', server, {
      Platform: server.Platform,
      Components: components,
      Version: server.Version,
      ApiVersion: sa,
      ...Object.fromEntries(
        Object.entries(serverRest).filter(([k]) => !['Platform', 'Components', 'Version'].includes(k)),
      ),
    }),
  });
}

function info(i: InfoData, now: Date, loggingDriver: string): unknown {
  const data = {
    ID: i.id,
    Containers: i.containers,
    ContainersRunning: i.running - i.paused,
    ContainersPaused: i.paused,
    ContainersStopped: i.stopped,
    Images: i.images,
    Driver: i.driver,
    DriverStatus: i.driverStatus,
    Plugins: {
      Volume: ['local'],
      Network: NETWORK_PLUGINS,
      Authorization: null,
      Log: LOG_PLUGINS,
    },
    MemoryLimit: true,
    SwapLimit: true,
    KernelMemory: true,
    KernelMemoryTCP: true,
    CpuCfsPeriod: true,
    CpuCfsQuota: true,
    CPUShares: true,
    CPUSet: true,
    PidsLimit: true,
    IPv4Forwarding: true,
    BridgeNfIptables: true,
    BridgeNfIp6tables: true,
    Debug: false,
    NFd: 27,
    OomKillDisable: true,
    NGoroutines: 41,
    SystemTime: now.toISOString(),
    LoggingDriver: loggingDriver,
    CgroupDriver: 'cgroupfs',
    CgroupVersion: '1',
    NEventsListener: 0,
    KernelVersion: i.kernelVersion,
    OperatingSystem: i.operatingSystem,
    OSVersion: '12',
    OSType: 'linux',
    Architecture: 'x86_64',
    IndexServerAddress: 'https://index.docker.io/v1/',
    RegistryConfig: {
      AllowNondistributableArtifactsCIDRs: [],
      AllowNondistributableArtifactsHostnames: [],
      InsecureRegistryCIDRs: ['127.0.0.0/8'],
      IndexConfigs: { 'docker.io': { Name: 'docker.io', Mirrors: [], Secure: true, Official: true } },
      Mirrors: [],
    },
    NCPU: 2,
    MemTotal: 25276157952,
    GenericResources: null,
    DockerRootDir: i.dockerRootDir,
    HttpProxy: '',
    HttpsProxy: '',
    NoProxy: '',
    Name: i.name,
    Labels: [],
    ExperimentalBuild: false,
    ServerVersion: i.serverVersion,
    Runtimes: {
      'io.containerd.runc.v2': { path: 'runc' },
      'io.containerd.runtime.v1.linux': { path: 'runc' },
      runc: { path: 'runc' },
    },
    DefaultRuntime: 'runc',
    Swarm: {
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: 'inactive',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: null,
    },
    LiveRestoreEnabled: false,
    Isolation: '',
    InitBinary: 'docker-init',
    ContainerdCommit: { ID: '1.6.20~ds1-1+deb12u3', Expected: '1.6.20~ds1-1+deb12u3' },
    RuncCommit: { ID: '1.1.5+ds1-1+deb12u1', Expected: '1.1.5+ds1-1+deb12u1' },
    InitCommit: { ID: '', Expected: '' },
    SecurityOptions: ['name=seccomp,profile=default'],
    Warnings: i.warnings.length ? i.warnings : null,
    ClientInfo: { Debug: false, Context: 'default', Plugins: [], Warnings: null },
  };
  const view = dockerTypedView(data, 'system.info', ['Runtimes', 'IndexConfigs']) as Record<string, unknown>;
  // Nil slices of types.Info: printed [] by the template, null by json.
  const nilSlice = (o: Record<string, unknown>, k: string) => {
    if (o[k] === null) o[k] = goNil('slice');
  };
  nilSlice(view, 'Warnings');
  nilSlice(view, 'GenericResources');
  nilSlice(view.Plugins as Record<string, unknown>, 'Authorization');
  nilSlice(view.Swarm as Record<string, unknown>, 'RemoteManagers');
  nilSlice(view.ClientInfo as Record<string, unknown>, 'Warnings');
  return view;
}

/** Runs a --format template of docker version (name "version", through a tabwriter 20/1/1) or
 * docker info (no name); returns the exit status. */
function runFormat(ctx: CommandContext, format: string, name: '' | 'version', data: unknown): number {
  const parsed = GoTemplate.parse(format, { docker: '20.10', name });
  if (!parsed.ok) {
    ctx.stderr(`${parsed.error.message}\n`);
    return 64;
  }
  const res = parsed.template.execute(data);
  const text = `${res.output}\n`;
  ctx.stdout(name === 'version' ? tabwrite(text, { minwidth: 20, tabwidth: 1, padding: 1, padchar: ' ' }) : text);
  if (res.ok) return 0;
  ctx.stderr(`${res.error.goMessage}\n`);
  return 1;
}

export function formatVersion(ctx: CommandContext, format: string, kernel: string): number {
  return runFormat(ctx, format, 'version', versionInfo(kernel));
}

export function formatInfo(ctx: CommandContext, format: string, i: InfoData, now: Date, loggingDriver: string): number {
  return runFormat(ctx, format, '', info(i, now, loggingDriver));
}
