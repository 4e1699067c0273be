// Container operations: create (the -init layer and the container layer), start/stop (mount and
// unmount merged/), the main process (run through the shell's runner in the merged root), exec,
// rm and diff. containers/<id>/ holds what the daemon writes there.
import type { HostPaths } from './log-remote.js';
import {
  isKernelError,
  maskContainerPaths,
  mountContainerSystem,
  ReadOnlyFs,
  readOnlyOptions,
  type Proc,
} from '../../kernel/index.js';
import { sha256Hex, shortId } from '../digest.js';
import { emptyContainerConfig, type ContainerConfig, type GoEmpty } from '../image-config.js';
import type { Change } from './changes.js';
import { DaemonCore } from './daemon.js';
import { randomName, VALID_NAME } from './names.js';
import { randomHex } from './overlay2-driver.js';
import { bindMount } from './bind.js';
import { removeVolume, volumeMountOptions, volumeNames, volumeUsers } from './volumes.js';
import { materialize, mountPoints, planMounts, releaseVolumes, verifyMounts } from './mount-points.js';
import { configV2Json, hostConfigJson } from './container-files.js';
import { stopNginx } from './nginx-start.js';
import {
  containerEnv,
  execLookupError,
  isLongRunning,
  isShellLine,
  processUser,
  runMainProcess,
  shellArgs,
  shellLine,
} from './process.js';
import { isIPv4 } from './networks.js';
import { normalizeCapabilities } from '../../kernel/capabilities.js';
import { type ResourceUpdate, updatedSettings } from './update.js';
import {
  attachmentsOf,
  checkSettings,
  DEFAULT_SETTINGS,
  DEFAULT_SHM_SIZE,
  newEndpoint,
  networkName,
  settingsOf,
} from './run-settings.js';
import {
  DaemonError,
  FIRST_FREE_PID,
  type Container,
  type DnsSettings,
  type MountSpec,
  type RunIO,
  type RunSettings,
} from './types.js';
import type { ExecUser } from './user.js';
import {
  type LogConfig,
  logConfigOf,
  LoggerInitError,
  type LogRecord,
  logFileSpec,
  mergeLogConfig,
  readLogRecords,
} from './log-drivers.js';
import {
  cancelRestart,
  deferExit,
  resetRestartManager,
  restartManager,
  settle,
  shouldRestart,
  untilNextExit,
} from './restart-loop.js';

export interface CreateOptions {
  image: string;
  name?: string;
  /** Arguments after the image: replace the image's Cmd. */
  cmd?: string[];
  entrypoint?: string[];
  env?: string[];
  tty?: boolean;
  interactive?: boolean;
  /** docker run -d: no attach flags in the config. */
  detach?: boolean;
  volumes?: string[];
  /** --volumes-from CONTAINER[:ro|rw]. */
  volumesFrom?: string[];
  /** --cap-add, --cap-drop as given, --privileged. */
  capAdd?: string[];
  capDrop?: string[];
  privileged?: boolean;
  publish?: string[];
  autoRemove?: boolean;
  workdir?: string;
  /** --label and --label-file, on top of the image's labels. */
  labels?: Record<string, string>;
  /** -h: Config.Hostname (else the id's first 12 characters). */
  hostname?: string;
  /** -u: Config.User over the image's. */
  user?: string;
  /** -m, --cpus, --network, --restart, -P, --log-driver (run-settings.ts); --expose's ports. */
  memory?: number;
  /** --shm-size in bytes (0: the daemon's default). */
  shmSize?: number;
  nanoCpus?: number;
  networkMode?: string;
  restartPolicy?: { Name: string; MaximumRetryCount: number };
  publishAll?: boolean;
  expose?: string[];
  logDriver?: string;
  /** --log-opt's options. */
  logOpts?: Record<string, string>;
  /** --mount specs (HostConfig.Mounts). */
  mounts?: MountSpec[];
  /** --tmpfs DEST → options (HostConfig.Tmpfs). */
  tmpfs?: Record<string, string> | null;
  /** --read-only: the rootfs is mounted read-only in the container. */
  readOnly?: boolean;
  /** --network-alias (kept on a user-defined network only, as the CLI does) and --ip. */
  networkAliases?: string[];
  ip?: string;
  /** --dns, --dns-search, --dns-option, --add-host. */
  dns?: DnsSettings;
  /** --mac-address (only checked against the network mode). */
  macAddress?: string;
}

/** validateNetContainerMode's conflicts, in its order. */
function checkNetworkMode(o: CreateOptions): void {
  const mode = o.networkMode ?? 'default';
  if (mode === 'container' || mode === 'container:')
    throw new DaemonError('Invalid network mode: invalid container format container:<name|id>', 400);
  const shared = mode.startsWith('container:');
  const conflict = (what: string): DaemonError => new DaemonError(`conflicting options: ${what}`, 400);
  if (shared && o.hostname) throw conflict('hostname and the network mode');
  if (shared && o.dns?.dns.length) throw conflict('dns and the network mode');
  if (shared && o.dns?.extraHosts.length) throw conflict('custom host-to-IP mapping and the network mode');
  if ((shared || mode === 'host') && o.macAddress) throw conflict('mac-address and the network mode');
  if (shared && (o.publish?.length || o.publishAll))
    throw conflict('port publishing and the container type network mode');
  if (shared && o.expose?.length) throw conflict('port exposing and the container type network mode');
  if (o.ip !== undefined && o.ip !== '' && !isIPv4(o.ip)) throw new DaemonError(`invalid IPv4 address: ${o.ip}`, 400);
}

/** Whether the CLI sends a network's endpoint config (aliases): a user-defined network only. */
const userDefined = (mode: string): boolean =>
  !['default', 'bridge', 'host', 'none'].includes(mode) && !mode.startsWith('container:');

/** The host's CPUs, as the simulated host's docker info counts them. */
const HOST_CPUS = 2;

function settingsFrom(o: CreateOptions, logDefaults: LogConfig, host: HostPaths): RunSettings {
  const memory = o.memory ?? 0;
  const s: RunSettings = {
    memory,
    memorySwap: memory > 0 ? memory * 2 : 0,
    nanoCpus: o.nanoCpus ?? 0,
    networkMode: o.networkMode ?? DEFAULT_SETTINGS.networkMode,
    restartPolicy: o.restartPolicy ?? DEFAULT_SETTINGS.restartPolicy,
    publishAll: !!o.publishAll,
    logDriver: DEFAULT_SETTINGS.logDriver,
  };
  // --shm-size 0 is the daemon's default (adaptContainerSettings), which HostConfig then shows.
  if (o.shmSize && o.shmSize !== DEFAULT_SHM_SIZE) s.shmSize = o.shmSize;
  checkSettings(s, HOST_CPUS);
  const log = mergeLogConfig(
    { ...(o.logDriver ? { type: o.logDriver } : {}), opts: o.logOpts ?? {} },
    logDefaults,
    host,
  );
  s.logDriver = log.Type;
  if (Object.keys(log.Config).length) s.logOpts = log.Config;
  return s;
}

/** The init layer's entries (moby daemon/initlayer): created where the image lacks them. */
const INIT_PATHS: [string, 'dir' | 'file' | string][] = [
  ['/dev/pts', 'dir'],
  ['/dev/shm', 'dir'],
  ['/proc', 'dir'],
  ['/sys', 'dir'],
  ['/.dockerenv', 'file'],
  ['/etc/resolv.conf', 'file'],
  ['/etc/hosts', 'file'],
  ['/etc/hostname', 'file'],
  ['/dev/console', 'file'],
  ['/etc/mtab', '/proc/mounts'],
];

/**
 * Config.Volumes as the CLI and daemon build it: the -v specs without a source (anonymous volumes;
 * named volumes and binds go to HostConfig.Binds), then the image's VOLUME paths
 * (runconfig.Merge); null when there are none.
 */
function configVolumes(
  specs: readonly string[],
  image: Record<string, GoEmpty> | null | undefined,
): Record<string, GoEmpty> | null {
  const out: Record<string, GoEmpty> = Object.fromEntries(specs.filter((s) => !s.includes(':')).map((s) => [s, {}]));
  for (const k of Object.keys(image ?? {})) if (!Object.hasOwn(out, k)) out[k] = {};
  return Object.keys(out).length > 0 ? out : null;
}

export class Daemon extends DaemonCore {
  create(o: CreateOptions): Container {
    // verifyContainerSettings, before anything else of the create.
    if (o.workdir !== undefined && o.workdir !== '' && !o.workdir.startsWith('/'))
      throw new DaemonError(`the working directory '${o.workdir}' is invalid, it needs to be an absolute path`, 400);
    const request = {
      volumes: o.volumes ?? [],
      mounts: o.mounts ?? [],
      volumesFrom: o.volumesFrom ?? [],
      tmpfs: o.tmpfs ?? null,
      imageVolumes: [] as string[],
    };
    verifyMounts(this, request);
    // verifyContainerSettings: each capability name must be one the kernel has.
    for (const [list, field] of [
      [o.capAdd, 'CapAdd'],
      [o.capDrop, 'CapDrop'],
    ] as const) {
      const n = normalizeCapabilities(list ?? []);
      if ('unknown' in n) throw new DaemonError(`invalid ${field}: unknown capability: "${n.unknown}"`, 400);
    }
    const image = this.getImage(o.image);
    // mergeAndVerifyConfig: an --entrypoint of the user's (even an empty one) drops the image's
    // CMD along with its ENTRYPOINT; with neither left there is nothing to run.
    const imageConfig = image.config.config ?? emptyContainerConfig();
    const entrypoint =
      o.entrypoint !== undefined ? (o.entrypoint.length ? o.entrypoint : null) : (imageConfig.Entrypoint ?? null);
    const cmd = o.cmd?.length ? o.cmd : o.entrypoint !== undefined ? null : (imageConfig.Cmd ?? null);
    if (!entrypoint?.length && !cmd?.length) throw new DaemonError('No command specified', 400);
    const settings = settingsFrom(o, this.logDefaults, this.fs);
    checkNetworkMode(o);
    if (o.name !== undefined) {
      if (!VALID_NAME.test(o.name))
        throw new DaemonError(`Invalid container name (${o.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`, 400);
      const taken = this.findContainerByName(o.name);
      if (taken)
        throw new DaemonError(
          `Conflict. The container name "/${o.name.replace(/^\//, '')}` +
            `" is already in use by container "${taken.id}". You have to ` +
            'remove (or rename) that container to be able to reuse that ' +
            'name.',
          409,
        );
    }
    if (!image.layer) throw new DaemonError('image has no layers', 500);
    const id = randomHex(this.random);
    let name = o.name?.replace(/^\//, '');
    for (let i = 0; name === undefined || this.findContainerByName(name); i++) name = randomName(this.random, i);
    const base = image.config.config ?? emptyContainerConfig();
    const attach = !o.detach;
    const config: ContainerConfig = {
      ...emptyContainerConfig(),
      ...base,
      Hostname: o.hostname || id.slice(0, 12),
      ...(o.macAddress ? { MacAddress: o.macAddress } : {}),
      User: o.user ?? base.User ?? '',
      AttachStdin: attach && !!o.interactive,
      AttachStdout: attach,
      AttachStderr: attach,
      Tty: !!o.tty,
      OpenStdin: !!o.interactive,
      StdinOnce: attach && !!o.interactive,
      Env: mergeEnv(o.env ?? [], base.Env ?? null),
      Cmd: cmd,
      Image: o.image,
      Volumes: configVolumes(o.volumes ?? [], base.Volumes),
      WorkingDir: o.workdir ?? base.WorkingDir ?? '',
      Entrypoint: entrypoint,
      Labels: { ...(base.Labels ?? {}), ...(o.labels ?? {}) },
      ...(o.publish?.length || o.expose?.length
        ? {
            ExposedPorts: {
              ...(base.ExposedPorts ?? {}),
              ...Object.fromEntries([...(o.expose ?? []), ...(o.publish ?? []).map(portOf)].sort().map((p) => [p, {}])),
            },
          }
        : {}),
    };
    const argv = [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])];
    // Every mount point is checked before anything of the container is made.
    const plans = planMounts(this, { ...request, imageVolumes: Object.keys(base.Volumes ?? {}) });
    const created = this.now();
    const rw = this.layers.createRw(id, image.layer, (merged) => this.setupInitLayer(merged));
    const c: Container = {
      id,
      name: `/${name}`,
      created: created.text,
      createdMs: created.ms,
      image,
      imageRef: o.image,
      config,
      path: argv[0] ?? '',
      args: argv.slice(1),
      autoRemove: !!o.autoRemove,
      // The image's VOLUME paths that nothing else covers get anonymous volumes too.
      mounts: materialize(this, plans),
      binds: [...new Set((o.volumes ?? []).filter((v) => v.includes(':') && !v.startsWith(':')))],
      tmpfs: o.tmpfs ?? null,
      ...(o.volumesFrom?.length ? { volumesFrom: o.volumesFrom } : {}),
      ...(o.capAdd?.length ? { capAdd: o.capAdd } : {}),
      ...(o.capDrop?.length ? { capDrop: o.capDrop } : {}),
      ...(o.privileged ? { privileged: true } : {}),
      readonlyRootfs: !!o.readOnly,
      publish: o.publish ?? [],
      rw,
      state: {
        status: 'created',
        pid: 0,
        exitCode: 0,
        startedAt: '0001-01-01T00:00:00Z',
        finishedAt: '0001-01-01T00:00:00Z',
      },
      hasBeenStarted: false,
      ...(settings !== DEFAULT_SETTINGS ? { settings } : {}),
      ...(o.dns ? { dns: o.dns } : {}),
    };
    // The CLI sends an endpoint config under the mode's own name: aliases for a user network only,
    // --ip for any but "default" (no network has that name, so the start never reads it).
    const mode = settings.networkMode;
    const ip = mode !== 'default' ? o.ip : undefined;
    if ((o.networkAliases?.length && userDefined(mode)) || ip)
      c.nets = {
        [networkName(settings)]: {
          aliases: userDefined(mode) ? [...(o.networkAliases ?? [])] : [],
          ...(ip ? { ipv4: ip } : {}),
        },
      };
    try {
      this.setupWorkingDirectory(c);
    } catch (e) {
      this.layers.removeRw(rw);
      throw e;
    }
    this.populateVolumes(c);
    const dir = this.containerDir(c);
    this.fs.mkdir(dir, 0o710);
    this.fs.mkdir(`${dir}/checkpoints`, 0o700);
    this.containers.set(id, c);
    this.saveContainer(c);
    this.emit({ kind: 'container', action: 'create', id });
    return c;
  }

  private findContainerByName(name: string): Container | undefined {
    const n = name.startsWith('/') ? name : `/${name}`;
    return [...this.containers.values()].find((c) => c.name === n);
  }

  /**
   * SetupWorkingDirectory, run when the container is created: its WorkingDir made (each missing
   * directory 0755, root's) in the container layer, so -w or an image's WORKDIR that the image lacks
   * shows in docker diff; a file on that path fails the create.
   */
  private setupWorkingDirectory(c: Container): void {
    const wd = c.config.WorkingDir;
    if (!wd) return;
    const merged = this.driver.mount(c.rw.mountId);
    try {
      const inside = this.kernel.proc({ root: merged, umask: 0o022, hostView: true });
      const comps = wd.split('/').filter((x) => x !== '' && x !== '.');
      let path = '';
      for (const [i, comp] of comps.entries()) {
        path = comp === '..' ? path.slice(0, path.lastIndexOf('/')) : `${path}/${comp}`;
        let st: ReturnType<Proc['stat']> | undefined;
        try {
          st = inside.stat(path || '/');
        } catch (e) {
          if (!isKernelError(e) || e.code !== 'ENOENT') throw e;
        }
        // The path itself a file is said in moby's words; a file on the way fails GetResourcePath's
        // walk (FollowSymlinkInScope) at the next component's lstat.
        if (st && st.type !== 'dir' && i === comps.length - 1)
          throw new DaemonError(`Cannot mkdir: ${wd} is not a directory`, 500);
        if (st && st.type !== 'dir')
          throw new DaemonError(`lstat ${merged}${path}/${comps[i + 1]}: not a directory`, 500);
        if (!st) inside.mkdir(path, 0o755);
      }
    } finally {
      this.driver.unmount(c.rw.mountId);
    }
  }

  /** setupInitLayer, through the init layer's overlay mount: each path's components are unlinked, then made. */
  private setupInitLayer(merged: string): void {
    const p = this.kernel.proc({ root: merged, umask: 0o022 });
    const exists = (path: string): boolean => {
      try {
        p.stat(path);
        return true;
      } catch (e) {
        if (isKernelError(e)) return false;
        throw e;
      }
    };
    for (const [path, typ] of INIT_PATHS) {
      const parts = path.split('/').slice(1);
      for (let i = 1; i <= parts.length; i++) {
        try {
          p.unlink(`/${parts.slice(0, i).join('/')}`);
        } catch {
          // EISDIR / ENOENT: Docker ignores unlink errors here
        }
      }
      if (exists(path)) continue;
      const dir = path.slice(0, path.lastIndexOf('/')) || '/';
      const comps = dir.split('/').filter(Boolean);
      for (let i = 1; i <= comps.length; i++)
        if (!exists(`/${comps.slice(0, i).join('/')}`)) p.mkdir(`/${comps.slice(0, i).join('/')}`, 0o755);
      if (typ === 'dir') p.mkdir(path, 0o755);
      else if (typ === 'file') p.writeFile(path, '', { create: true }, 0o755);
      else p.symlink(typ, path);
    }
  }

  containerDir(c: Container): string {
    return `${this.dataRoot}/containers/${c.id}`;
  }

  saveContainer(c: Container): void {
    const dir = this.containerDir(c);
    this.fs.writeAtomic(`${dir}/config.v2.json`, configV2Json(this, c), 0o600);
    this.fs.writeAtomic(`${dir}/hostconfig.json`, hostConfigJson(c), 0o644);
  }

  mergedDir(c: Container): string {
    return `${this.driver.dir(c.rw.mountId)}/merged`;
  }

  /** Mount the container layer and write the per-container files a start writes. `byPolicy`: the
   * restart manager's own start of a restarting container (it keeps the loop and its count); a
   * start by hand of a restarting container changes nothing, as the daemon's does. */
  start(ref: string, byPolicy = false): Container {
    const c = this.getContainer(ref);
    if (c.state.status === 'running' || (c.state.status === 'restarting' && !byPolicy)) return c;
    const running = [...this.containers.values()].filter((x) => x.state.status === 'running');
    const startedAt = this.now().text;
    let shared: Container | undefined;
    try {
      shared = this.sharedNetworkOf(c);
    } catch (e) {
      if (c.autoRemove) this.rm(c.id, true, true);
      throw e;
    }
    // A start that fails leaves the container as it was (no endpoint, its old StartedAt).
    const before = c.state;
    const failed = (e: unknown): never => {
      c.state = before;
      c.endpoint = undefined;
      if (c.autoRemove) this.rm(c.id, true, true);
      throw e;
    };
    c.state = { ...c.state, startedAt };
    try {
      c.endpoint = newEndpoint(this, c, running, (proto) => this.nextHostPort(proto));
    } catch (e) {
      failed(e);
    }
    // StartLogger (after the network, as containerStart runs them): a log option its driver cannot
    // read fails the start; the container stays as it was.
    let log: ReturnType<typeof logFileSpec>;
    try {
      log = logFileSpec(this.containerDir(c), c, logConfigOf(c), this.fs);
    } catch (e) {
      failed(e);
    }
    const merged = this.driver.mount(c.rw.mountId);
    try {
      this.mountContainer(c, merged);
    } catch (e) {
      // A mount runc could not make: the container never ran (with --rm it is removed).
      this.unmountAll(c);
      failed(e);
    }
    const dir = this.containerDir(c);
    if (!shared) {
      this.fs.write(`${dir}/hostname`, `${hostnameOf(c)}\n`, 0o644);
      this.fs.write(`${dir}/hosts`, this.hostsFile(c), 0o644);
      const resolv = this.resolvConf(c);
      this.fs.write(`${dir}/resolv.conf`, resolv, 0o644);
      this.fs.write(`${dir}/resolv.conf.hash`, `sha256:${sha256Hex(resolv)}`, 0o644);
    }
    // container:NAME: the other container's files (its name, hosts and resolver) are this one's.
    const filesDir = shared ? this.containerDir(shared) : dir;
    // The local driver's own dir; dual logging's copy lies beside config.v2.json.
    if (log?.path.endsWith('/local-logs/container.log') && !this.fs.exists(`${dir}/local-logs`))
      this.fs.mkdir(`${dir}/local-logs`, 0o700);
    if (log && !this.fs.exists(log.path)) this.fs.write(log.path, '', 0o640);
    if (!this.fs.exists(`${dir}/mounts`)) this.fs.mkdir(`${dir}/mounts`, 0o710);
    // As runc does: the per-container files are bind-mounted over the init layer's empty ones,
    // read-only when the rootfs is.
    // runc makes a mountpoint that is not there (a --tmpfs /etc hides the init layer's).
    const inside = this.kernel.proc({ root: merged, hostView: true });
    for (const f of ['resolv.conf', 'hostname', 'hosts']) {
      if (!this.fs.exists(`${merged}/etc`)) continue;
      if (!inside.exists(`/etc/${f}`)) inside.writeFile(`/etc/${f}`, '', { create: true }, 0o755);
      bindMount(this.kernel, `${filesDir}/${f}`, `${merged}/etc/${f}`, { id: c.id, merged }, !!c.readonlyRootfs);
    }
    maskContainerPaths(this.kernel, merged, this.kernelVersion);
    const pid = this.random.fill(new Uint8Array(2));
    c.state = {
      ...c.state,
      status: 'running',
      pid: 1000 + ((((pid[0] as number) << 8) | (pid[1] as number)) % 30000),
      exitCode: 0,
      startedAt,
      // A new pid namespace: what the last run's processes took is free again.
      nextPid: FIRST_FREE_PID,
      workerPids: undefined,
    };
    c.hasBeenStarted = true;
    if (!byPolicy) {
      resetRestartManager(c, true);
      c.manuallyStopped = false;
    }
    this.saveContainer(c);
    this.emit({ kind: 'container', action: 'start', id: c.id });
    return c;
  }

  /** The port allocator's next port for a protocol: it goes on from the last one it gave (not
   * back to a freed one) through Linux's default ephemeral range, ip_local_port_range's 32768–60999. */
  private readonly lastHostPort = new Map<string, number>();
  private nextHostPort(proto: string): number {
    const last = this.lastHostPort.get(proto) ?? 32767;
    const next = last >= 60999 ? 32768 : last + 1;
    this.lastHostPort.set(proto, next);
    return next;
  }

  /** container:NAME's other container, which must run (its id then stands in the network mode,
   * and its host name is this one's, as initializeNetworking sets them). */
  private sharedNetworkOf(c: Container): Container | undefined {
    const mode = settingsOf(c).networkMode;
    if (!mode.startsWith('container:')) return undefined;
    const other = this.getContainer(mode.slice('container:'.length));
    if (other.state.status !== 'running')
      throw new DaemonError(`cannot join network of a non running container: ${other.id}`, 409);
    c.settings = { ...settingsOf(c), networkMode: `container:${other.id}` };
    c.config = { ...c.config, Hostname: hostnameOf(other) };
    return other;
  }

  /** /etc/hosts for the container: the host's own on the host network, else localhost's lines, the
   * --add-host entries and the container's address on each of its networks. */
  hostsFile(c: Container): string {
    if (settingsOf(c).networkMode === 'host') {
      try {
        return this.fs.readText('/etc/hosts');
      } catch {
        return '';
      }
    }
    const ips = Object.values(c.endpoint?.nets ?? {})
      .map((e) => e.ip)
      .filter((ip) => ip !== '');
    return [
      '127.0.0.1\tlocalhost',
      '::1\tlocalhost ip6-localhost ip6-loopback',
      'fe00::0\tip6-localnet',
      'ff00::0\tip6-mcastprefix',
      'ff02::1\tip6-allnodes',
      'ff02::2\tip6-allrouters',
      ...(c.dns?.extraHosts ?? []).map((h) => {
        const at = h.indexOf(':');
        // host-gateway: the daemon's host-gateway-ip, by default the default bridge's gateway.
        const ip = h.slice(at + 1);
        return `${ip === 'host-gateway' ? '172.17.0.1' : ip}\t${h.slice(0, at)}`;
      }),
      ...ips.map((ip) => `${ip}\t${hostnameOf(c)}`),
      '',
    ].join('\n');
  }

  /** resolvconf.Path(): /etc/resolv.conf, or systemd-resolved's uplink list when the only name
   * server there is its stub 127.0.0.53; '' when the file is missing (then the public resolvers). */
  private hostResolvConf(): string {
    const read = (f: string): string => {
      try {
        return this.fs.readText(f);
      } catch {
        return '';
      }
    };
    const etc = read('/etc/resolv.conf');
    const servers = [...etc.matchAll(/^\s*nameserver\s+(\S+)/gm)].map((m) => m[1]);
    return servers.length === 1 && servers[0] === '127.0.0.53' ? read('/run/systemd/resolve/resolv.conf') : etc;
  }

  /** The container's resolv.conf (libnetwork's setupDNS): the host's without localhost resolvers,
   * or built from --dns, --dns-search and --dns-option; on a user-defined network the embedded DNS
   * server 127.0.0.11 takes the name servers' place and ndots:0 joins the options unless one is set. */
  private resolvConf(c: Container): string {
    const host = this.hostResolvConf();
    const field = (text: string, key: string): string[] =>
      text
        .split('\n')
        .filter((l) => new RegExp(`^\\s*${key}\\s`).test(l))
        .flatMap((l) => l.trim().split(/\s+/).slice(1));
    const dns = c.dns ?? { dns: [], search: [], options: [], extraHosts: [] };
    let text: string;
    if (dns.dns.length || dns.search.length || dns.options.length)
      text = buildResolvConf(
        dns.dns.length ? dns.dns : field(host, 'nameserver'),
        dns.search.length ? dns.search : field(host, 'search'),
        dns.options.length ? dns.options : field(host, 'options'),
      );
    else {
      const kept = host.split('\n').filter((l) => !/^\s*nameserver\s+(127\.|::1)/.test(l));
      text = !kept.some((l) => /^\s*nameserver\s/.test(l))
        ? `${kept
            .filter((l) => l !== '')
            .map((l) => `${l}\n`)
            .join('')}\nnameserver 8.8.8.8\nnameserver 8.8.4.4`
        : kept.join('\n');
    }
    const onUserNetwork = Object.keys(attachmentsOf(c)).some((n) => !['bridge', 'host', 'none'].includes(n));
    if (!onUserNetwork) return text;
    const options = field(text, 'options');
    return buildResolvConf(
      ['127.0.0.11'],
      field(text, 'search'),
      options.some((o) => o.startsWith('ndots:')) ? options : [...options, 'ndots:0'],
    );
  }

  /** runc's mounts, the rootfs remounted read-only for --read-only (in the container's namespace
   * only: the host still writes through merged/), then the volumes, binds and tmpfs mounts. */
  private mountContainer(c: Container, merged: string): void {
    if (c.readonlyRootfs) {
      const root = this.kernel.mounts().findLast((m) => m.target === merged);
      if (root)
        this.kernel.addMount({
          ...root,
          options: readOnlyOptions(root.options),
          fs: new ReadOnlyFs(root.fs),
          privateTo: merged,
        });
    }
    mountContainerSystem(this.kernel, merged, {
      release: this.kernelVersion,
      tty: !!c.config.Tty,
      shmSize: settingsOf(c).shmSize ?? DEFAULT_SHM_SIZE,
    });
    mountPoints(this, c, merged);
  }

  /**
   * populateVolumes, which the daemon runs once, when the container is created (not at start):
   * with the container's rootfs mounted, each volume that is still empty gets a copy of what the
   * rootfs holds at its path (continuity's CopyDir: modes, owners, times, links), and the
   * volume's directory takes that path's mode and owner (copyOwnership). A volume with anything
   * in it is left alone; a path the image lacks copies nothing.
   */
  private populateVolumes(c: Container): void {
    const host = this.fs.proc;
    const empty = c.mounts.filter(
      (m) =>
        m.Type === 'volume' &&
        !(m.Name && volumeMountOptions(this, m.Name)) &&
        host.exists(m.Source) &&
        host.readdir(m.Source).length === 0,
    );
    if (!empty.length) return;
    const merged = this.driver.mount(c.rw.mountId);
    try {
      const inside = this.kernel.proc({ root: merged, umask: 0o022, hostView: true });
      for (const m of empty) {
        let st: ReturnType<Proc['stat']>;
        try {
          st = inside.stat(m.Destination);
        } catch {
          continue;
        }
        if (st.type !== 'dir') continue;
        copyTree(inside, m.Destination, host, m.Source);
        host.chown(m.Source, st.uid, st.gid);
        host.chmod(m.Source, st.mode & 0o7777);
      }
    } finally {
      this.driver.unmount(c.rw.mountId);
    }
  }

  /** Unmount the -v mounts (deepest first), then merged/. */
  unmountAll(c: Container): void {
    const merged = this.mergedDir(c);
    const subs = this.kernel
      .mounts()
      .filter((m) => m.target.startsWith(`${merged}/`))
      .map((m) => m.target);
    for (const t of subs.sort((a, b) => b.length - a.length)) this.kernel.umount(t);
    // --read-only's remount of the rootfs, then the overlay under it.
    if (this.kernel.mounts().some((m) => m.target === merged && m.privateTo === merged)) this.kernel.umount(merged);
    this.driver.unmount(c.rw.mountId);
  }

  /** The main process ended (or was stopped): unmount merged/ and record the exit; the restart
   * policy may start it again after its backoff (restart-loop.ts). */
  exited(c: Container, exitCode: number): void {
    if (c.state.status !== 'running' || deferExit(this, c, exitCode)) return;
    c.pendingExit = undefined;
    this.unmountAll(c);
    releaseVolumes(this, c);
    const finished = this.now();
    const ran = finished.ms - Date.parse(c.state.startedAt);
    const restart = shouldRestart(c, exitCode, !!c.manuallyStopped, ran, finished.ms);
    if (restart) c.restartCount = (c.restartCount ?? 0) + 1;
    const status = restart ? 'restarting' : 'exited';
    c.state = { ...c.state, status, paused: false, pid: 0, exitCode, finishedAt: finished.text };
    c.endpoint = undefined;
    this.saveContainer(c);
    this.emit({ kind: 'container', action: 'die', id: c.id });
    // --rm takes the container's anonymous volumes with it, as docker rm -v does.
    if (!restart && c.autoRemove) this.rm(c.id, true, true);
  }

  /** The restart loop of a restarting container ends (its manager cancelled): it is stopped, with
   * the exit it had. */
  private stopRestarting(c: Container): void {
    cancelRestart(c);
    c.state = { ...c.state, status: 'exited' };
    this.saveContainer(c);
  }

  /** Runs the restarts that fell due by now (restart-loop.ts): the CLI calls it before it reads. */
  settle(): Promise<void> {
    return settle(this);
  }

  /** docker wait: the host clock moves on to the container's next exit, if something would end
   * it (a restarting container's next run, a restarted process's sleep). False when nothing would. */
  untilNextExit(ref: string): Promise<boolean> {
    return untilNextExit(this, this.getContainer(ref));
  }

  /**
   * docker stop: SIGTERM, then SIGKILL after the grace period (-t, 10 s by default). PID 1 ignores
   * a signal it has no handler for, so sleep or a shell without a trap waits out the grace (the
   * clock moves on by it) and dies with 137; nginx, or a shell that traps TERM, exits at once with
   * its own status. `manual`: a learner's stop (false for the daemon's own at shutdown).
   */
  stop(ref: string, timeout?: number, manual = true): Container {
    const c = this.getContainer(ref);
    if (manual && (c.state.status === 'running' || c.state.status === 'restarting')) c.manuallyStopped = true;
    if (c.state.status === 'restarting') {
      this.stopRestarting(c);
      this.emit({ kind: 'container', action: 'stop', id: c.id });
      return c;
    }
    if (c.state.status !== 'running') return c;
    // The stop signal cancels the restart manager (ExitOnNext); a process that slept past now ends now.
    cancelRestart(c);
    c.pendingExit = undefined;
    const handled = termExitCode(c, 15);
    if (handled === undefined)
      (this.clock as { advance?: (ms: number) => void }).advance?.(Math.max(0, timeout ?? 10) * 1000);
    if (handled !== undefined && mainProgram(c) === 'nginx') stopNginx(this.kernel.proc({ root: this.mergedDir(c) }));
    this.exited(c, handled ?? 137);
    this.emit({ kind: 'container', action: 'stop', id: c.id });
    return c;
  }

  /** The daemon's shutdown (systemctl stop/restart docker): every running container stopped at
   * once, the clock moving on by one grace period if any of them waits it out. */
  shutdown(): void {
    for (const c of this.containers.values()) if (c.state.status === 'restarting') this.stopRestarting(c);
    const running = [...this.containers.values()].filter((c) => c.state.status === 'running');
    for (const c of running) {
      cancelRestart(c);
      c.pendingExit = undefined;
    }
    if (running.some((c) => termExitCode(c, 15) === undefined))
      (this.clock as { advance?: (ms: number) => void }).advance?.(10_000);
    for (const c of running) {
      const code = termExitCode(c, 15);
      if (code !== undefined && mainProgram(c) === 'nginx') stopNginx(this.kernel.proc({ root: this.mergedDir(c) }));
      this.exited(c, code ?? 137);
      this.emit({ kind: 'container', action: 'stop', id: c.id });
    }
  }

  /** After a start of the daemon: what the restart policies bring back (restartmanager's
   * ShouldRestart: always; unless-stopped unless a learner stopped it; on-failure after a non-zero
   * exit), started as by hand (a new loop, RestartCount 0). A main process that keeps running starts
   * again with its layers mounted; one that ends runs at the next settle(), its loop going on. */
  restartByPolicy(): void {
    for (const c of this.containers.values()) {
      if (c.state.status !== 'exited') continue;
      const p = settingsOf(c).restartPolicy;
      const again =
        p.Name === 'always' ||
        (p.Name === 'unless-stopped' && !c.manuallyStopped) ||
        (p.Name === 'on-failure' && c.state.exitCode !== 0);
      if (!again) continue;
      if (isLongRunning([c.path, ...c.args], true)) this.start(c.id);
      else {
        resetRestartManager(c, true);
        c.state = { ...c.state, status: 'restarting' };
        restartManager(c).dueMs = this.clock.now();
        this.saveContainer(c);
      }
    }
  }

  /** removeVolumes: docker rm -v, the container's anonymous volumes go with it. */
  rm(ref: string, force = false, removeVolumes = false): Container {
    const c = this.getContainer(ref);
    if (c.state.status === 'running' || c.state.status === 'restarting') {
      const state = c.state.paused ? 'paused' : c.state.status;
      const procedure = c.state.paused
        ? 'Unpause and then stop the container before attempting removal or force remove'
        : 'Stop the container before attempting removal or force remove';
      if (!force) throw new DaemonError(`You cannot remove a ${state} container ${c.id}. ${procedure}`, 409);
      c.autoRemove = false;
      if (c.state.status === 'restarting') this.stopRestarting(c);
      else {
        cancelRestart(c);
        c.pendingExit = undefined;
        this.exited(c, 137);
      }
    }
    if (!this.containers.has(c.id)) return c; // --rm already removed it
    this.layers.removeRw(c.rw);
    this.fs.removeAll(this.containerDir(c));
    this.containers.delete(c.id);
    this.emit({ kind: 'container', action: 'destroy', id: c.id });
    if (removeVolumes)
      // A volume another borrower already removed is no error (the daemon ignores a missing one).
      for (const m of c.mounts)
        if (m.anonymous && m.Name && volumeNames(this).includes(m.Name) && !volumeUsers(this, m.Name).length)
          removeVolume(this, m.Name);
    return c;
  }

  /** docker update (update.ts): the new settings saved to hostconfig.json. */
  update(ref: string, u: ResourceUpdate): void {
    const c = this.getContainer(ref);
    c.settings = updatedSettings(c, u, HOST_CPUS);
    this.saveContainer(c);
    this.emit({ kind: 'container', action: 'update', id: c.id });
  }

  rename(ref: string, newName: string): void {
    const c = this.getContainer(ref);
    const name = newName.replace(/^\//, '');
    if (`/${name}` === c.name)
      throw new DaemonError('Renaming a container with the same name as its current name', 400);
    if (!VALID_NAME.test(name))
      throw new DaemonError(
        `Error when allocating new name: Invalid container name (/${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
        400,
      );
    const taken = this.findContainerByName(name);
    if (taken)
      throw new DaemonError(
        'Error when allocating new name: Conflict. ' +
          `The container name "/${name}" is already in use by container "${taken.id}". ` +
          'You have to remove (or rename) that container to be able to reuse that name.',
        409,
      );
    c.name = `/${name}`;
    this.saveContainer(c);
    this.emit({ kind: 'container', action: 'rename', id: c.id });
  }

  /** docker pause / unpause: the cgroup freezer; the filesystem is untouched. */
  setPaused(ref: string, paused: boolean): void {
    const c = this.getContainer(ref);
    if (c.state.status === 'restarting' && paused) throw restartingError(c);
    if (c.state.status === 'restarting') throw new DaemonError(`Container ${c.id} is not paused`, 409);
    // moby's containerUnpause asks only whether it is paused (an exited container "is not paused").
    if (paused && c.state.status !== 'running') throw new DaemonError(`Container ${c.id} is not running`, 409);
    if (paused && c.state.paused) throw new DaemonError(`Container ${c.id} is already paused`, 409);
    if (!paused && !c.state.paused) throw new DaemonError(`Container ${c.id} is not paused`, 409);
    c.state = { ...c.state, paused };
    this.saveContainer(c);
    this.emit({ kind: 'container', action: paused ? 'pause' : 'unpause', id: c.id });
  }

  /**
   * docker kill: SIGKILL ends any process (137); other signals end only a program that handles
   * them (nginx: TERM, INT, QUIT), since PID 1 ignores a signal it has no handler for.
   */
  kill(ref: string, signal = 'KILL'): void {
    // The API router reads the signal (pkg/signal.ParseSignal: 0 is no signal) before it looks for
    // the container.
    const sig = signal.toUpperCase().replace(/^SIG/, '');
    const num = /^[+-]?\d+$/.test(signal) ? Number(signal) : SIGNALS[sig];
    if (num === undefined || num === 0) throw new DaemonError(`Invalid signal: ${signal}`, 400);
    const c = this.findContainer(ref);
    if (!c) throw new DaemonError(`Cannot kill container: ${ref}: No such container: ${ref}`, 404);
    if (c.state.status !== 'running' && c.state.status !== 'restarting')
      throw new DaemonError(`Cannot kill container: ${ref}: Container ${c.id} is not running`, 409);
    // The stop signal (any, when the image names none) or SIGKILL cancels the restart loop.
    const stopSignal = c.config.StopSignal?.toUpperCase().replace(/^SIG/, '');
    if (num === 9 || !stopSignal || SIGNALS[stopSignal] === num || stopSignal === String(num)) cancelRestart(c);
    c.manuallyStopped = true;
    if (c.state.status === 'restarting') {
      // No process to signal: the loop's end is enough.
      if (c.restartManager?.canceled) this.stopRestarting(c);
      this.emit({ kind: 'container', action: 'kill', id: c.id });
      return;
    }
    this.emit({ kind: 'container', action: 'kill', id: c.id });
    this.saveContainer(c);
    c.pendingExit = undefined;
    const handled = termExitCode(c, num);
    if (num === 9) this.exited(c, 137);
    else if (handled !== undefined) {
      if (mainProgram(c) === 'nginx') stopNginx(this.kernel.proc({ root: this.mergedDir(c) }));
      this.exited(c, handled);
    }
  }

  diff(ref: string): Change[] {
    const c = this.getContainer(ref);
    return this.driver.changes(c.rw.mountId, c.rw.initId);
  }

  /** Start and run the main process; returns its exit code ('running' when it keeps running). */
  async runMain(ref: string, io: RunIO, detach: boolean): Promise<number | 'running'> {
    const c = this.start(ref);
    return runMainProcess(this, c, io, detach);
  }

  /** docker logs: the records of the container's log driver, oldest first; the daemon's errors for
   * a driver that cannot be read (none) or a logger that cannot be made. */
  readLogs(ref: string): LogRecord[] {
    const c = this.getContainer(ref);
    const cfg = logConfigOf(c);
    const unreadable = () => new DaemonError('configured logging driver does not support reading', 500);
    if (cfg.Type === 'none') throw unreadable();
    let spec: ReturnType<typeof logFileSpec>;
    try {
      spec = logFileSpec(this.containerDir(c), c, cfg, this.fs);
    } catch (e) {
      if (e instanceof LoggerInitError) throw new DaemonError(e.reason, 500);
      throw e;
    }
    // A driver that ships its logs with cache-disabled keeps nothing to read.
    if (!spec) throw unreadable();
    return readLogRecords(this.fs, spec);
  }

  /** What runc says when `docker exec` names a program the container's image does not hold. */
  execError(ref: string, program: string): string | undefined {
    const why = execLookupError(this, this.getContainer(ref), program);
    return (
      why &&
      `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": ${why}: unknown`
    );
  }

  /** The environment a process started in the container gets (see containerEnv). */
  processEnv(ref: string, o: { tty: boolean; extra?: readonly string[]; user?: string }): Record<string, string> {
    return containerEnv(this, this.getContainer(ref), o);
  }

  /** The user and groups a process runs as: exec's -u, else Config.User (throws as the daemon
   * does for a name the image's passwd or group lacks). */
  processUser(ref: string, user?: string): ExecUser {
    const c = this.getContainer(ref);
    return processUser(this, c, user ?? c.config.User ?? '');
  }

  /** docker exec without -it: runs the line in the container's merged root. */
  async exec(
    ref: string,
    argv: string[],
    io: RunIO,
    opts: { env?: string[]; workdir?: string; tty?: boolean; user?: string } = {},
  ): Promise<number> {
    const c = this.getContainer(ref);
    if (c.state.status === 'restarting') throw restartingError(c);
    if (c.state.status !== 'running') throw new DaemonError(`Container ${c.id} is not running`, 409);
    this.emit({ kind: 'container', action: 'exec', id: c.id });
    // The exec's process, as ps inside the container lists it while it runs: the namespace's next
    // pid (7 in a container whose main process forked nothing), and then 6 apart: the exec is
    // runc init too, whose five threads take the pids after its own.
    const pid = c.state.nextPid ?? FIRST_FREE_PID;
    c.state = { ...c.state, nextPid: pid + 6 };
    const running = { pid, argv: [...argv], tty: !!opts.tty };
    const list = this.execs.get(c.id) ?? [];
    list.push(running);
    this.execs.set(c.id, list);
    try {
      return await this.runExec(c, argv, io, { ...opts, pid: running.pid });
    } finally {
      list.splice(list.indexOf(running), 1);
    }
  }

  private runExec(
    c: Container,
    argv: string[],
    io: RunIO,
    opts: { env?: string[]; workdir?: string; tty?: boolean; user?: string; pid: number },
  ): Promise<number> {
    return this.runCommand(shellLine(argv), {
      root: this.mergedDir(c),
      cwd: opts.workdir ?? (c.config.WorkingDir || '/'),
      env: containerEnv(this, c, {
        tty: !!opts.tty,
        extra: opts.env ?? [],
        ...(opts.user !== undefined ? { user: opts.user } : {}),
      }),
      shell: isShellLine(argv),
      ...shellArgs(argv, this.kernel.proc({ root: this.mergedDir(c) })),
      hostname: hostnameOf(c),
      pid: opts.pid,
      io,
      cred: processUser(this, c, opts.user ?? c.config.User ?? ''),
    });
  }
}

/** The container's main program, through an entrypoint script that ends in exec "$@". */
function mainProgram(c: Container): string {
  return (c.path.split('/').pop() ?? '').replace(/^docker-entrypoint\.sh$/, c.args[0] ?? '');
}

/**
 * The status PID 1 exits with on signal `num`, when it handles it: nginx on INT, QUIT and TERM
 * (0); a shell whose script traps the signal with `exit N` (N). Undefined: no handler, and PID 1
 * ignores any signal it does not handle (SIGKILL aside).
 */
export function termExitCode(c: Container, num: number): number | undefined {
  if (mainProgram(c) === 'nginx') return [2, 3, 15].includes(num) ? 0 : undefined;
  if (!isShellLine([c.path, ...c.args])) return undefined;
  const script = c.args[1] ?? '';
  const name = Object.entries(SIGNALS).find(([, n]) => n === num)?.[0];
  if (!name) return undefined;
  for (const m of script.matchAll(/\btrap\s+(["'])\s*exit\s+(\d+)\s*;?\s*\1((?:\s+(?:SIG)?[A-Z0-9]+)+)/g)) {
    const sigs = (m[3] ?? '')
      .trim()
      .split(/\s+/)
      .map((x) => x.replace(/^SIG/, ''));
    if (sigs.includes(name) || sigs.includes(String(num))) return Number(m[2]);
  }
  return undefined;
}

/** errContainerIsRestarting. */
export function restartingError(c: Container): DaemonError {
  return new DaemonError(`Container ${c.id} is restarting, wait until the container is running`, 409);
}

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15 };

/**
 * Config.Env as the daemon's merge() makes it: the run's -e values first, then each of the
 * image's whose name no -e gave; the image's list alone when the run gave none.
 */
function mergeEnv(user: readonly string[], image: readonly string[] | null): string[] | null {
  if (user.length === 0) return image ? [...image] : null;
  const key = (e: string): string => e.split('=')[0] ?? e;
  const given = new Set(user.map(key));
  return [...user, ...(image ?? []).filter((e) => !given.has(key(e)))];
}

/** resolvconf.Build: search, nameserver and options lines ("search ." is left out). */
function buildResolvConf(servers: readonly string[], search: readonly string[], options: readonly string[]): string {
  let out = '';
  if (search.length && search.join(' ').trim() !== '.') out += `search ${search.join(' ')}\n`;
  for (const s of servers) out += `nameserver ${s}\n`;
  if (options.length && options.join(' ').trim() !== '') out += `options ${options.join(' ')}\n`;
  return out;
}

/** The container's host name: -h's, else its id's first 12 characters. */
export function hostnameOf(c: Container): string {
  return c.config.Hostname || shortId(c.id);
}

/** "8080:80" → "80/tcp". */
export function portOf(spec: string): string {
  const last = spec.split(':').pop() ?? spec;
  return last.includes('/') ? last : `${last}/tcp`;
}

/** continuity's CopyDir of a directory's contents, from one process's view to another's (a volume's
 * first fill): each entry with its mode, owner and mtime; a file linked twice stays one inode. */
function copyTree(from: Proc, src: string, to: Proc, dst: string, links = new Map<string, string>()): void {
  let entries;
  try {
    if (from.stat(src).type !== 'dir') return;
    entries = from.readdir(src);
  } catch {
    return; // nothing at the mountpoint in the image
  }
  for (const e of entries) {
    const s = `${src === '/' ? '' : src}/${e.name}`;
    const d = `${dst}/${e.name}`;
    const st = from.lstat(s);
    const inode = `${st.dev}:${st.ino}`;
    const first = st.type === 'file' && st.nlink > 1 ? links.get(inode) : undefined;
    if (first !== undefined) {
      to.link(first, d);
      continue;
    }
    if (st.type === 'dir') {
      to.mkdir(d, st.mode & 0o7777);
      copyTree(from, s, to, d, links);
    } else if (st.type === 'symlink') to.symlink(from.readlink(s), d);
    else if (st.type === 'file') {
      to.writeFile(d, from.readFile(s), { create: true, truncate: true }, st.mode & 0o7777);
      if (st.nlink > 1) links.set(inode, d);
    } else continue;
    to.chown(d, st.uid, st.gid, false);
    if (st.type !== 'symlink') to.chmod(d, st.mode & 0o7777);
    to.utimes(d, st.atimeMs, st.mtimeMs, false);
  }
}
