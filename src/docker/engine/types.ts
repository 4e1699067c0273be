// Shapes the daemon shares with its front ends: options, records, events, errors.
import type { Clock, Credentials, Kernel, Random } from '../../kernel/index.js';
import type { Digest } from '../digest.js';
import type { ContainerConfig } from '../image-config.js';
import type { DriverName } from './graphdriver.js';
import type { Registry } from '../registry/types.js';
import type { StoredImage } from './imagestore.js';
import type { RwLayer } from './layerstore.js';
import type { RestartManager } from './restart-loop.js';

export interface RunIO {
  stdin: Uint8Array;
  stdout: (data: string | Uint8Array) => void;
  stderr: (data: string | Uint8Array) => void;
  stdinIsTerminal: boolean;
  stdoutIsTerminal: boolean;
}

/** The shell's command runner, handed in (docker/ never imports the interpreter). */
export type RunCommand = (
  line: string,
  options: {
    root: string;
    cwd: string;
    /** The process's whole environment, in its order (nothing else is exported). */
    env: Record<string, string>;
    hostname: string;
    io: RunIO;
    /** The line came from `sh -c SCRIPT`: a shell runs it (and exports PWD and SHLVL as ash does). */
    shell?: boolean;
    /** That shell's $0 and positional parameters (`sh -c SCRIPT NAME ARGS…`). */
    args?: readonly string[];
    /** That shell is GNU bash (`bash -c SCRIPT`), run by this name. */
    bash?: string;
    /** Which shell the image's program is (busybox's ash, dash, bash): it words its errors so. */
    program?: {
      mode: 'command';
      flags: string;
      options: readonly string[];
      dialect: 'bash' | 'dash' | 'ash';
      commandName?: string;
    };
    /** Its pid in the container's namespace ($$): 1 for the container's command, an exec's own. */
    pid?: number;
    /** The process's user and groups (-u); root when absent. */
    cred?: Credentials;
  },
) => Promise<number>;

export interface DaemonOptions {
  kernel: Kernel;
  clock: Clock;
  random: Random;
  registry: Registry;
  runCommand: RunCommand;
  /** Default /var/lib/docker. */
  dataRoot?: string;
  /** The host's name (docker info's Name). */
  hostname?: string;
  /** docker info's Kernel Version and Operating System: the host's, as uname and os-release say. */
  kernelVersion?: string;
  operatingSystem?: string;
  /** /etc/docker/daemon.json's storage-driver: overlay2 (default) or the legacy overlay. */
  storageDriver?: DriverName;
  /** daemon.json's log-driver and log-opts: the default LogConfig (json-file, no options). */
  logConfig?: { Type: string; Config: Record<string, string> };
}

/** An error the API returns; `message` is the daemon's text. */
export class DaemonError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 | 500,
    /** Set for runtime failures that make `docker run` exit 126/127. */
    readonly exitCode?: number,
  ) {
    super(message);
    this.name = 'DaemonError';
  }
}

/** Something Docker 20.10 does that this tutor's daemon does not model: the CLI prints the message
 * as it is (it is the tutor's, not the daemon's). */
export class NotSimulatedError extends DaemonError {
  constructor(message: string) {
    super(message, 500);
    this.name = 'NotSimulatedError';
  }
}

/** mount.Mount, as HostConfig.Mounts carries it (JSON field order, empty fields left out). */
export interface MountSpec {
  Type: string;
  Source?: string;
  Target?: string;
  ReadOnly?: boolean;
  BindOptions?: { Propagation?: string; NonRecursive?: boolean };
  VolumeOptions?: {
    NoCopy?: boolean;
    Labels?: Record<string, string>;
    DriverConfig?: { Name?: string; Options?: Record<string, string> };
  };
  TmpfsOptions?: { SizeBytes?: number; Mode?: number };
}

export interface VolumeMount {
  Type: 'bind' | 'volume' | 'tmpfs';
  Name?: string;
  /** The host path mounted (a volume's _data); '' for a tmpfs. */
  Source: string;
  Destination: string;
  /** A volume given without a name (-v /data): `docker rm -v` removes it with the container. */
  anonymous?: boolean;
  /** false: read-only in the container (-v …:ro, --mount …,readonly). Absent: writable. */
  RW?: boolean;
  /** inspect's Mode: -v's mode as given, "z" for a named or --mount volume. Absent: "". */
  Mode?: string;
  /** A bind's propagation (rprivate unless given). */
  Propagation?: string;
  /** The --mount spec it came from (HostConfig.Mounts). */
  spec?: MountSpec;
  /** From --volumes-from: it does not keep the volume in use. */
  borrowed?: boolean;
}

/** A container's first free pid: runc init runs as pid 1 with five threads (2-6) before it execs
 * the main process, so the first exec of a container whose process forked nothing is 7. */
export const FIRST_FREE_PID = 7;

export interface ContainerState {
  /** restarting: its process exited and the restart policy starts it again after a backoff
   * (State.Running stays true, as the daemon keeps it). */
  status: 'created' | 'running' | 'restarting' | 'exited';
  /** docker pause: the running container's processes are frozen (State.Status "paused"). */
  paused?: boolean;
  pid: number;
  exitCode: number;
  startedAt: string;
  finishedAt: string;
  /** The pid the container's pid namespace hands out next (a thread takes one too): runc init, a Go
   * program, runs as pid 1 with threads 2-6 before it execs the main process, so 7 at first. */
  nextPid?: number;
  /** nginx's worker processes, by their pid in the container's namespace. */
  workerPids?: number[];
}

export interface Container {
  id: string;
  /** With the leading slash, as the daemon stores it. */
  name: string;
  created: string;
  createdMs: number;
  image: StoredImage;
  /** The image reference as given to create/run ("ubuntu:20.04"). */
  imageRef: string;
  config: ContainerConfig;
  path: string;
  args: string[];
  autoRemove: boolean;
  mounts: VolumeMount[];
  /** HostConfig.Binds: the -v specs with a source, as given. */
  binds?: string[];
  /** HostConfig.Tmpfs: --tmpfs DEST → options. */
  tmpfs?: Record<string, string> | null;
  /** HostConfig.VolumesFrom: --volumes-from as given. */
  volumesFrom?: string[];
  /** HostConfig.CapAdd, CapDrop (as given) and Privileged. */
  capAdd?: string[];
  capDrop?: string[];
  privileged?: boolean;
  /** HostConfig.ReadonlyRootfs (--read-only). */
  readonlyRootfs?: boolean;
  /** -p specs: "8080:80", "127.0.0.1:8080:80/tcp". */
  publish: string[];
  rw: RwLayer;
  state: ContainerState;
  hasBeenStarted: boolean;
  /** How it runs (HostConfig's limits, network, restart policy, log driver); absent: the defaults. */
  settings?: RunSettings;
  /** docker stop or kill: an unless-stopped container stays stopped when the daemon restarts. */
  manuallyStopped?: boolean;
  /** Its endpoint on its network while it runs (the default bridge's address, the -P ports). */
  endpoint?: Endpoint;
  /** RestartCount: the restarts its restart policy made since it was last started by hand. */
  restartCount?: number;
  /** The restart manager of its restart policy (restart-loop.ts); kept in memory only. */
  restartManager?: RestartManager;
  /** A restarted process that slept past the host clock's now: it exits then, with this code. */
  pendingExit?: { atMs: number; code: number };
  /** The networks it is attached to, in the order given (the network mode's first, then `network
   * connect`'s); absent: the network mode's alone, as asked by docker run. */
  nets?: Record<string, NetAttachment>;
  /** --dns, --dns-search, --dns-option, --add-host (HostConfig's Dns, DnsSearch, DnsOptions, ExtraHosts). */
  dns?: DnsSettings;
}

/** What create or `network connect` asked of a network: its EndpointSettings before the start. */
export interface NetAttachment {
  /** --network-alias / --alias values (without the container's short id, added at the start). */
  aliases: string[];
  /** --ip. */
  ipv4?: string;
  /** Attached by `network connect` (IPAMConfig {} and DriverOpts {} rather than null). */
  connected?: boolean;
}

export interface DnsSettings {
  dns: string[];
  search: string[];
  options: string[];
  extraHosts: string[];
}

/** HostConfig's fields that docker run's flags set beyond the container's files. */
export interface RunSettings {
  memory: number;
  /** The daemon's default with a memory limit: twice the limit. */
  memorySwap: number;
  nanoCpus: number;
  /** default, bridge, host, none, or a network's name. */
  networkMode: string;
  restartPolicy: { Name: string; MaximumRetryCount: number };
  publishAll: boolean;
  logDriver: string;
  /** HostConfig.LogConfig.Config: --log-opt's options, the daemon's defaults for its default driver merged in. */
  logOpts?: Record<string, string>;
  /** HostConfig.ShmSize when --shm-size set it (bytes); absent: the daemon's default, 64 MiB. */
  shmSize?: number;
  /** What `docker update` set (absent: HostConfig's zero values). */
  cpuShares?: number;
  cpusetCpus?: string;
  pidsLimit?: number;
  memoryReservation?: number;
}

/** A container's endpoint on one network: its address, its id, and its eth's interface number (the
 * host's veth peer has the next one). */
export interface NetEndpoint {
  ip: string;
  endpointId: string;
  ifindex?: number;
  /** --mac-address's, on the network of the container's mode; else Docker's from the address. */
  mac?: string;
}

export interface Endpoint {
  /** 172.17.0.N on the bridge; '' on host and none. */
  ip: string;
  /** Each network's address and endpoint (by network name). */
  nets?: Record<string, NetEndpoint>;
  endpointId: string;
  sandboxId: string;
  /** The host port each -P port got ("80/tcp" → 49153). */
  allocated: Record<string, number>;
}

export type DaemonEvent =
  | {
      kind: 'pull-layer';
      ref: string;
      id: string;
      status: 'Pulling fs layer' | 'Already exists' | 'Pull complete' /** The compressed blob's bytes. */;
      size: number;
    }
  | { kind: 'layer-created'; chainId: Digest; cacheId: string; diffId: Digest }
  | { kind: 'layer-deleted'; chainId: Digest }
  | { kind: 'image-created'; id: Digest }
  | { kind: 'image-deleted'; id: Digest }
  | { kind: 'image-tagged'; id: Digest; ref: string }
  | { kind: 'image-untagged'; id: Digest; ref: string }
  | {
      kind: 'container';
      action:
        | 'create'
        | 'start'
        | 'stop'
        | 'die'
        | 'destroy'
        | 'commit'
        | 'exec'
        | 'extract-to-dir'
        | 'update'
        | 'export'
        | 'rename'
        | 'pause'
        | 'unpause'
        | 'kill'
        | 'restart';
      id: string;
    }
  | { kind: 'volume'; action: 'create' | 'destroy'; name: string }
  | { kind: 'network'; action: 'create' | 'destroy' | 'connect' | 'disconnect'; name: string };

export type DaemonListener = (e: DaemonEvent) => void;

export interface PullResult {
  /** The tag line: "20.04: Pulling from library/ubuntu". */
  name: string;
  tag: string;
  layers: { id: string; status: 'Already exists' | 'Pull complete' }[];
  digest: Digest;
  imageId: Digest;
  /** true: "Image is up to date"; false: "Downloaded newer image". */
  upToDate: boolean;
}
