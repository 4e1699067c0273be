// The tutor's own dockerd: everything it owns lives under one tutor-owned dir (data-root,
// exec-root, API socket, pidfile, daemon.json, log), so nothing of the user's is read or changed —
// not /var/lib/docker, not /etc/docker/daemon.json, not the host's network. It runs in a mount
// namespace of its own (its overlay mounts never show on the host and vanish with it) and, where
// possible, a network namespace of its own (it keeps Docker's stock bridge there, as a real host
// has it, without touching the host's interfaces or iptables). stop() removes its containers,
// stops it and unmounts; after a crash the next start finds the pidfile and cleans up first. The
// lessons keep its data-root from run to run (keepImages): the images a lesson loaded are there
// for the next run, and a kept data-root the daemon will not start on is made afresh.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellQuote } from '../posix/shell-quote.js';
import { apiGet, findDockerd, findExecutable } from './probe.js';
import { installStandInRuntime } from './stand-in-runtime.js';

export interface PrivateDaemonOptions {
  /** The tutor-owned dir (default $OVERLAY_TUTOR_REAL_DIR, else /var/lib/overlay-tutor/daemon). */
  dir?: string;
  /** Give up waiting for the API after this long (default 60 s). */
  startTimeoutMs?: number;
  /** Run the tutorial images' stand-in programs with a real busybox (src/real/stand-in-runtime.ts;
   * default true, where a static busybox is found). */
  standIns?: boolean;
  /** Keep the data-root between runs (its images; containers and volumes go at stop), instead of
   * starting from an empty one. */
  keepImages?: boolean;
}

/** What a start found left over from a daemon that did not stop (a crash, a kill -9). */
export interface StaleCleanup {
  /** The pid in the pidfile, when that process was still running (then killed). */
  killedPid?: number;
  /** Other processes of the old daemon (containerd, shims) killed. */
  killedOthers: number;
  /** Mount points under the dir unmounted. */
  unmounted: string[];
  /** A pidfile was there. */
  foundPidfile: boolean;
}

export interface PrivateDaemon {
  readonly dir: string;
  readonly dataRoot: string;
  readonly execRoot: string;
  readonly socket: string;
  readonly pidfile: string;
  /** "unix://<socket>" */
  readonly host: string;
  /** dockerd's pid (a new one after restart()). */
  readonly pid: number;
  /** The storage driver it runs. */
  readonly storageDriver: string;
  /** Whether it was last started reading a learner's daemon.json (or failed to: it may be down). */
  readonly readsDaemonJson: boolean;
  /** Whether containers of the tutorial images run their stand-ins with a real busybox. */
  readonly standIns: boolean;
  readonly version: string;
  readonly apiVersion: string;
  /** The docker CLI from dockerd's own package (its messages match the daemon's version). */
  readonly cli: string;
  /** The environment a child (bash, the docker CLI) gets to talk to this daemon and no other. */
  readonly env: NodeJS.ProcessEnv;
  /** What the start cleaned up from an earlier run. */
  readonly stale: StaleCleanup;
  /** Stops dockerd (its containers stop, as `systemctl restart docker` stops them) and starts it
   * again on the same data-root, with another storage driver when asked; a string says why not. */
  restart(opts?: RestartOptions): Promise<string | undefined>;
  stop(): Promise<void>;
}

/** A restart with the tutor's choice of driver, or as the learner's `systemctl restart docker`:
 * dockerd reads their daemon.json (null: there is none) and picks the driver as it would on a stock
 * host (the file's storage-driver, else its own choice), or fails on what it cannot take. */
export type RestartOptions = { storageDriver?: string } | { daemonJson: string | null };

/** The config file dockerd is given for a learner's daemon.json: their keys and the tutor's own
 * (which no stock host has: the key path), or, when it is no JSON object, their text as it is, so
 * dockerd refuses it with its own words. */
export function learnerConfig(json: string | null, tutor: Record<string, unknown>): string {
  if (json === null) return `${JSON.stringify(tutor, null, 2)}\n`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return json;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return json;
  return `${JSON.stringify({ ...(parsed as Record<string, unknown>), ...tutor }, null, 2)}\n`;
}

/** The storage driver a daemon.json names (overlay2 when it names none, or cannot be read). */
export function driverIn(json: string | null | undefined): string {
  try {
    const d = (JSON.parse(json ?? '{}') as Record<string, unknown>)['storage-driver'];
    return typeof d === 'string' ? d : 'overlay2';
  } catch {
    return 'overlay2';
  }
}

export function defaultDaemonDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.OVERLAY_TUTOR_REAL_DIR || '/var/lib/overlay-tutor/daemon';
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'latin1'));
  } catch {
    return false;
  }
}

function cmdlineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1');
  } catch {
    return '';
  }
}

/** A process's start time (clock ticks after boot): with its pid, it names one process, never a
 * later one given the same pid. */
function startTimeOf(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

/** The tutor process that owns the dir now (its pid), when another live one does. */
export function otherOwner(dir: string): number | undefined {
  let words: string[];
  try {
    words = readFileSync(join(dir, 'owner'), 'utf8').trim().split(' ');
  } catch {
    return undefined;
  }
  const pid = Number(words[0]);
  return pid > 0 && pid !== process.pid && alive(pid) && startTimeOf(pid) === words[1] ? pid : undefined;
}

/** Processes whose command line names the dir: the daemon, its containerd, their shims. */
function processesOf(dir: string): number[] {
  const marker = `${dir}/`;
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e) && Number(e) !== process.pid)
    .map(Number)
    .filter((pid) => cmdlineOf(pid).includes(marker));
}

function unescapeMount(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(Number.parseInt(o, 8)));
}

/** Mount points at or below dir in this mount namespace, deepest first. */
function mountsUnder(dir: string): string[] {
  const points = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => unescapeMount(l.split(' ')[4] ?? ''))
    .filter((p) => p === dir || p.startsWith(`${dir}/`));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

function unmountAll(dir: string): string[] {
  const done: string[] = [];
  for (let round = 0; round < 5; round++) {
    const points = mountsUnder(dir);
    if (points.length === 0) break;
    for (const p of points) {
      spawnSync('umount', ['-l', p], { stdio: 'ignore' });
      done.push(p);
    }
  }
  return [...new Set(done)];
}

function killAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // gone
    }
  }
}

/** Stops whatever an earlier daemon under `dir` left: the pidfile's process (only when its
 * command line names the dir, so a reused pid is never killed), its children, its mounts. */
export async function cleanStale(dir: string): Promise<StaleCleanup> {
  const pidfile = join(dir, 'docker.pid');
  const report: StaleCleanup = { killedOthers: 0, unmounted: [], foundPidfile: existsSync(pidfile) };
  if (report.foundPidfile) {
    const pid = Number(readFileSync(pidfile, 'utf8').trim());
    if (pid > 0 && alive(pid) && cmdlineOf(pid).includes(`${dir}/`)) {
      killAll([pid], 'SIGTERM');
      for (let i = 0; i < 100 && alive(pid); i++) await sleep(100);
      if (alive(pid)) killAll([pid], 'SIGKILL');
      report.killedPid = pid;
    }
    rmSync(pidfile, { force: true });
  }
  for (let i = 0; i < 20; i++) {
    const left = processesOf(dir);
    if (left.length === 0) break;
    if (i === 0) report.killedOthers = left.length;
    killAll(left, i === 0 ? 'SIGTERM' : 'SIGKILL');
    await sleep(100);
  }
  report.unmounted = unmountAll(dir);
  return report;
}

function dockerdMajor(dockerd: string): number {
  const out = spawnSync(dockerd, ['--version'], { encoding: 'utf8' });
  return Number(/version v?(\d+)\./i.exec(out.stdout ?? '')?.[1] ?? 0);
}

function canUnshare(args: string[]): boolean {
  const unshare = findExecutable('unshare');
  return unshare !== undefined && spawnSync(unshare, [...args, 'true'], { stdio: 'ignore' }).status === 0;
}

/** The environment for children: ours, with every DOCKER_* knob that could point elsewhere removed. */
function childEnv(host: string, configDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('DOCKER_')) env[k] = v;
  env.DOCKER_HOST = host;
  env.DOCKER_CONFIG = configDir;
  env.DOCKER_CLI_HINTS = 'false';
  return env;
}

/** Where the data-root is bound in the daemon's namespace: every path it prints (inspect,
 * mount, info) reads as on a stock host. */
export const DATA_ROOT_INSIDE = '/var/lib/docker';

/** The daemon's mount namespace, set up before dockerd starts: its own copies of the machine's
 * mounts, never peers of them (nothing mounted here reaches the machine, whatever its / is), without
 * the overlay mounts other daemons had when it started; fresh tmpfs on /tmp, /root and
 * /etc/docker (a lesson's files, a bind mount's source and a daemon.json stay in here, where the
 * learner's bash sees the same ones); the data-root bound on /var/lib/docker; then shared, so the
 * learner's bash, a slave copy, sees the containers' mounts as they come. */
export function namespaceScript(dir: string, dataRoot: string): string {
  const q = shellQuote;
  const under = /^\/(tmp|root)\//.test(dir);
  return [
    'set -e',
    'mount --make-rprivate /',
    `awk '$3 == "overlay" { print $2 }' /proc/self/mounts | sort -r | while read -r m; do umount -l "$m" || true; done`,
    ...(under ? ['mkdir -p /run/tutor-keep', `mount --bind ${q(dir)} /run/tutor-keep`] : []),
    'mount -t tmpfs tmpfs /tmp',
    'mount -t tmpfs tmpfs /root',
    'mkdir -p /etc/docker',
    'mount -t tmpfs tmpfs /etc/docker',
    ...(under ? [`mkdir -p ${q(dir)}`, `mount --bind /run/tutor-keep ${q(dir)}`, 'umount -l /run/tutor-keep'] : []),
    `mkdir -p ${DATA_ROOT_INSIDE} ${q(dataRoot)}`,
    `mount --bind ${q(dataRoot)} ${DATA_ROOT_INSIDE}`,
    'mount --make-rshared /',
    'exec "$@"',
  ].join('\n');
}

/** Starts the daemon, or says why it cannot. */
export async function startPrivateDaemon(opts: PrivateDaemonOptions = {}): Promise<PrivateDaemon | string> {
  if (process.platform !== 'linux') return `needs Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'needs root: dockerd mounts overlayfs';
  const dockerd = findDockerd();
  if (!dockerd) return 'no dockerd binary (apt-get install docker.io)';
  const cliBeside = join(dockerd, '..', '..', 'bin', 'docker');
  const cli = existsSync(cliBeside) ? cliBeside : findExecutable('docker');
  if (!cli) return 'no docker CLI (apt-get install docker.io)';
  const unshare = findExecutable('unshare');
  if (!unshare || !canUnshare(['-m'])) return 'needs unshare(1) and mount namespaces (util-linux)';

  const dir = opts.dir ?? defaultDaemonDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // One tutor a dir: a second would take the first one's daemon for a crashed one and stop it.
  const owner = otherOwner(dir);
  if (owner !== undefined) return `another overlay-tutor (pid ${owner}) runs its private dockerd under ${dir}`;
  writeFileSync(join(dir, 'owner'), `${process.pid} ${startTimeOf(process.pid)}\n`);
  const stale = await cleanStale(dir);
  const dataRoot = join(dir, 'data');
  const execRoot = join(dir, 'exec');
  // A fresh host each time, as the simulator's: the old daemon's state is removed — but for the
  // lessons' images, when kept (the legacy overlay driver's, a lesson's excursion, go).
  if (opts.keepImages)
    for (const d of ['overlay', 'image/overlay']) rmSync(join(dataRoot, d), { recursive: true, force: true });
  else rmSync(dataRoot, { recursive: true, force: true });
  rmSync(execRoot, { recursive: true, force: true });
  const socket = join(dir, 'docker.sock');
  const pidfile = join(dir, 'docker.pid');
  const host = `unix://${socket}`;
  const configDir = join(dir, 'cli-config');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(join(configDir, 'config.json'), '{}\n');
  const major = dockerdMajor(dockerd);
  const config: Record<string, unknown> = {};
  // Docker before 23 writes a key to /etc/docker/key.json unless told otherwise.
  if (major > 0 && major < 23) config['deprecated-key-path'] = join(dir, 'key.json');
  // The lessons are about the graph driver's layout, not the containerd image store (29's default).
  if (major >= 24) config.features = { 'containerd-snapshotter': false };
  const configFile = join(dir, 'daemon.json');
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);

  const netns = canUnshare(['--net']);
  const runtimeBin = opts.standIns === false ? undefined : installStandInRuntime(dir);
  const argsFor = (driver: string | undefined) => {
    const args = [
      `--config-file=${configFile}`,
      `--data-root=${DATA_ROOT_INSIDE}`,
      `--exec-root=${execRoot}`,
      `--pidfile=${pidfile}`,
      '-H',
      host,
      ...(driver ? [`--storage-driver=${driver}`] : []),
      '--iptables=false',
      '--ip6tables=false',
      '--userland-proxy=false',
      '--shutdown-timeout=3',
      '--group=root',
    ];
    if (!netns) args.push('--bridge=none', '--ip-forward=false', '--ip-masq=false');
    return args;
  };
  // dockerd (through containerd and its shim) finds runc on its PATH: the stand-in wrapper first.
  const daemonEnv = runtimeBin ? { ...process.env, PATH: `${runtimeBin}:${process.env.PATH ?? ''}` } : process.env;

  let pid = -1;
  let exited: number | undefined;
  let storageDriver = 'overlay2';
  let readsDaemonJson = false;
  /** driver: the --storage-driver flag; none when dockerd is to choose (the learner's daemon.json). */
  const launch = (driver: string | undefined, recorded = driver ?? 'overlay2') => {
    const logFd = openSync(join(dir, 'dockerd.log'), 'a');
    // unshare without --fork, and sh's exec: the child's pid is dockerd's.
    const ns = ['-m', '--propagation', 'private', ...(netns ? ['--net'] : [])];
    const child = spawn(
      unshare,
      [...ns, '--', 'sh', '-c', namespaceScript(dir, dataRoot), 'sh', dockerd, ...argsFor(driver)],
      {
        cwd: dir,
        stdio: ['ignore', logFd, logFd],
        detached: true,
        env: daemonEnv,
      },
    );
    closeSync(logFd);
    child.unref();
    exited = undefined;
    // Only this launch's daemon counts: an old one's exit may be reported after a restart.
    child.on('exit', (code) => {
      if (child.pid === pid) exited = code ?? 128;
    });
    child.on('error', () => {
      if (child.pid === undefined || child.pid === pid) exited = -1;
    });
    pid = child.pid ?? -1;
    storageDriver = recorded;
  };
  const logTail = () => readFileSync(join(dir, 'dockerd.log'), 'utf8').trim().split('\n').slice(-10).join('\n');
  const waitForApi = async (): Promise<Record<string, unknown> | undefined> => {
    const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
    while (Date.now() < deadline && exited === undefined) {
      const v = (await apiGet(host, '/version', 1000).catch(() => undefined)) as Record<string, unknown> | undefined;
      if (v) return v;
      await sleep(150);
    }
    return undefined;
  };
  writeFileSync(join(dir, 'dockerd.log'), '');
  launch('overlay2');

  // The last resort when the tutor dies without stop(): kill synchronously on exit.
  const killSync = () => {
    killAll([pid, ...processesOf(dir)], 'SIGKILL');
    unmountAll(dir);
    rmSync(join(dir, 'owner'), { force: true });
  };
  process.on('exit', killSync);

  let stopping: Promise<void> | undefined;
  const env = childEnv(host, configDir);
  const stopDockerd = async () => {
    if (!alive(pid)) return;
    killAll([pid], 'SIGTERM');
    for (let i = 0; i < 150 && exited === undefined && alive(pid); i++) await sleep(100);
  };
  const stop = () =>
    (stopping ??= (async () => {
      if (alive(pid)) {
        const ids = spawnSync(cli, ['ps', '-aq'], { env, encoding: 'utf8', timeout: 15_000 }).stdout ?? '';
        const list = ids.split('\n').filter(Boolean);
        if (list.length) spawnSync(cli, ['rm', '-f', ...list], { env, stdio: 'ignore', timeout: 30_000 });
        if (opts.keepImages) spawnSync(cli, ['volume', 'prune', '-f'], { env, stdio: 'ignore', timeout: 30_000 });
        await stopDockerd();
      }
      await cleanStale(dir);
      // Nothing of it is kept but the images, when asked: the next start would empty it anyway.
      if (!opts.keepImages) rmSync(dataRoot, { recursive: true, force: true });
      rmSync(execRoot, { recursive: true, force: true });
      rmSync(socket, { force: true });
      rmSync(join(dir, 'owner'), { force: true });
      process.removeListener('exit', killSync);
    })());
  const restart = async (o: RestartOptions = {}): Promise<string | undefined> => {
    if (stopping) return 'the daemon is stopping';
    await stopDockerd();
    // What the old daemon left (its containerd and shims name the exec-root) goes; the data stays.
    // Not cleanStale(dir): the learner's `systemctl restart docker` that asked for this may run
    // from under the dir.
    for (let i = 0; i < 30; i++) {
      const left = processesOf(execRoot);
      if (left.length === 0) break;
      killAll(left, i < 10 ? 'SIGTERM' : 'SIGKILL');
      await sleep(100);
    }
    rmSync(pidfile, { force: true });
    readsDaemonJson = 'daemonJson' in o;
    if ('daemonJson' in o) {
      writeFileSync(configFile, learnerConfig(o.daemonJson, config));
      launch(undefined, driverIn(o.daemonJson));
    } else {
      writeFileSync(configFile, learnerConfig(null, config));
      launch(o.storageDriver ?? storageDriver);
    }
    if (await waitForApi()) return undefined;
    const why = exited !== undefined ? `exited with ${exited}` : 'did not answer in time';
    return `dockerd ${why}; its log ends:\n${logTail()}`;
  };

  let version = await waitForApi();
  if (!version && opts.keepImages && exited !== undefined) {
    // A kept data-root it will not start on (a crash mid-write, another dockerd's): made afresh.
    rmSync(dataRoot, { recursive: true, force: true });
    writeFileSync(join(dir, 'dockerd.log'), '');
    launch('overlay2');
    version = await waitForApi();
  }
  if (!version) {
    const log = logTail();
    await stop();
    const why = exited !== undefined ? `exited with ${exited}` : 'did not answer in time';
    return `dockerd ${why}; its log ends:\n${log}`;
  }
  return {
    dir,
    dataRoot,
    execRoot,
    socket,
    pidfile,
    host,
    get pid() {
      return pid;
    },
    get storageDriver() {
      return storageDriver;
    },
    get readsDaemonJson() {
      return readsDaemonJson;
    },
    standIns: runtimeBin !== undefined,
    version: String(version.Version ?? 'unknown'),
    apiVersion: String(version.ApiVersion ?? 'unknown'),
    cli,
    env,
    stale,
    restart,
    stop,
  };
}
