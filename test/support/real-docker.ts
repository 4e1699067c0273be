/**
 * A private, throw-away Docker daemon for the conformance suites.
 *
 * `startRealDocker()` starts its own dockerd (and, through it, its own managed containerd) with
 * every piece of state under one fresh temp dir: --data-root, --exec-root, --pidfile, the API
 * socket and the daemon config. It never talks to a system-wide dockerd, never reads
 * /etc/docker/daemon.json and never touches /var/lib/docker. `stop()` removes containers, stops
 * the daemon, kills whatever it left running (containerd, shims: found by the temp dir in their
 * command line), unmounts leftovers under the temp dir and deletes it.
 *
 * Network: by default dockerd runs in a private network namespace (`unshare --net`), so it can
 * keep its stock default bridge and enable ip_forward there without changing the host's network.
 * This matters for fidelity: with `--bridge=none` Docker writes `"NetworkDisabled":true` into
 * every container config (and so into committed image configs), and with ip_forward=0 every
 * `docker run`/RUN step prints "IPv4 forwarding is disabled" warnings. Where a private netns is
 * not available it falls back to `--bridge=none --ip-forward=false --ip-masq=false`.
 *
 * When the daemon cannot run here (not root, no dockerd, no overlay in the kernel, start-up
 * failure), the functions return a reason string instead of throwing, so a suite can report
 * loudly that it was skipped and why.
 *
 * `buildBusyboxImages()` makes the tutorial's base images without a registry, from Debian's
 * busybox-static: a deterministic rootfs tar imported as `busybox-static:latest`, and a
 * three-layer image `layered:latest` built on it (writes, a deleted file, an opaque dir).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
  accessSync,
  constants as fsConstants,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pack, type Header } from 'tar-stream';

// ---------------------------------------------------------------------------------------------
// Types

export interface CommandResult {
  /** The argv that ran, without the CLI path (e.g. ["run", "--rm", "busybox-static", "true"]). */
  readonly args: readonly string[];
  readonly stdout: string;
  readonly stderr: string;
  /** Exit code; -1 when the process was killed (timeout) or could not be spawned. */
  readonly code: number;
}

export interface CommandOptions {
  /** Written to the command's stdin. */
  input?: string | Buffer;
  cwd?: string;
  /** Extra environment (on top of the private DOCKER_HOST / DOCKER_CONFIG). */
  env?: Record<string, string>;
  /** Kill the command after this long (default 60 s). */
  timeoutMs?: number;
}

export type DockerNetworkMode = 'bridge' | 'none';

export interface RealDockerOptions {
  /** The docker CLI to run. Default: $OVERLAY_TUTOR_DOCKER_CLI, else the CLI shipped beside
   * dockerd (<prefix>/bin/docker, the one from the same package), else `docker` on PATH. */
  cli?: string;
  /** The dockerd binary. Default: $OVERLAY_TUTOR_DOCKERD, else `dockerd` on PATH or in sbin. */
  dockerd?: string;
  /** 'bridge' (default when a private netns is possible) or 'none' (--bridge=none). */
  network?: DockerNetworkMode;
  /** Give up waiting for the API after this long (default 45 s). */
  startTimeoutMs?: number;
  /** --storage-driver: overlay2 (default) or the legacy overlay. */
  storageDriver?: 'overlay2' | 'overlay';
  /** Keep the temp dir after stop() (for debugging). Also $OVERLAY_TUTOR_KEEP_DOCKER=1. */
  keep?: boolean;
}

export interface RealDocker {
  /** The temp dir that holds everything below. */
  readonly tmpDir: string;
  /** dockerd --data-root: the stand-in for /var/lib/docker. */
  readonly dataRoot: string;
  /** dockerd --exec-root: the stand-in for /var/run/docker. */
  readonly execRoot: string;
  /** Path of the API socket. */
  readonly socket: string;
  /** "unix://<socket>", the DOCKER_HOST the CLI is given. */
  readonly host: string;
  /** Path of the docker CLI used by docker(). */
  readonly cli: string;
  /** dockerd's pid. */
  readonly pid: number;
  /** Server version as reported by the API (e.g. "20.10.24+dfsg1"). */
  readonly serverVersion: string;
  /** Major version of the server (20, 25, 28, …). */
  readonly serverMajor: number;
  readonly network: DockerNetworkMode;
  /** True when dockerd runs in its own network namespace. */
  readonly privateNetns: boolean;
  /** Environment for child processes that should talk to this daemon (docker CLI). */
  readonly env: NodeJS.ProcessEnv;
  /** Runs the docker CLI against this daemon. Never throws on a non-zero exit. */
  docker(args: readonly string[], opts?: CommandOptions): Promise<CommandResult>;
  /** Like docker() but throws (with stderr) on a non-zero exit; returns stdout with the trailing
   * newline removed. */
  dockerOk(args: readonly string[], opts?: CommandOptions): Promise<string>;
  /** Replaces this daemon's machine-specific paths with <data-root>, <exec-root>, <tmp>. */
  normalize(text: string): string;
  /** dockerd's (and the managed containerd's) log so far. */
  log(): string;
  /** Stops everything and cleans up. Safe to call twice. */
  stop(): Promise<void>;
  /** What stop() found and did (for assertions): mounts it had to unmount, pids it killed. */
  readonly cleanup: CleanupReport;
}

export interface CleanupReport {
  stopped: boolean;
  /** Mount points under tmpDir still mounted after dockerd exited (then unmounted by us). */
  leftoverMounts: string[];
  /** Processes (pid + argv0) still running after dockerd exited (then killed by us). */
  leftoverProcesses: string[];
  /** Whether the temp dir was removed. */
  removedTmpDir: boolean;
}

// ---------------------------------------------------------------------------------------------
// Finding binaries, prechecks

function isExecutable(path: string): boolean {
  try {
    accessSync(path, fsConstants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Looks a command up on PATH plus the sbin dirs (root's PATH may lack them under npm). */
export function findExecutable(name: string): string | undefined {
  if (name.includes('/')) return isExecutable(name) ? name : undefined;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const extra of ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    if (!dirs.includes(extra)) dirs.push(extra);
  }
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function resolveDockerd(opts: RealDockerOptions): string | undefined {
  return findExecutable(opts.dockerd ?? process.env.OVERLAY_TUTOR_DOCKERD ?? 'dockerd');
}

function resolveCli(opts: RealDockerOptions, dockerd: string | undefined): string | undefined {
  const explicit = opts.cli ?? process.env.OVERLAY_TUTOR_DOCKER_CLI;
  if (explicit) return findExecutable(explicit);
  // Prefer the CLI from the same package as dockerd (Debian: /usr/sbin/dockerd, /usr/bin/docker):
  // its messages match the daemon's version. A newer CLI earlier on PATH words errors differently.
  if (dockerd) {
    const prefix = dirname(dirname(dockerd));
    for (const candidate of [join(prefix, 'bin', 'docker'), join(dirname(dockerd), 'docker')]) {
      if (isExecutable(candidate)) return candidate;
    }
  }
  return findExecutable('docker');
}

/** The busybox-static binary used for base images ($OVERLAY_TUTOR_BUSYBOX or /bin/busybox). */
export function busyboxPath(): string | undefined {
  const wanted = process.env.OVERLAY_TUTOR_BUSYBOX ?? '/bin/busybox';
  if (!isExecutable(wanted)) return undefined;
  // A dynamically linked busybox would not run in a rootfs without libc.
  const head = readFileSync(wanted).subarray(0, 4096);
  if (head.subarray(0, 4).toString('latin1') !== '\x7fELF') return undefined;
  if (head.includes(Buffer.from('ld-linux'))) return undefined;
  return wanted;
}

/**
 * Cheap synchronous checks, usable at collection time with describe.skipIf(). Returns null when
 * a private dockerd can be tried, else the reason it cannot.
 */
export function realDockerUnavailable(opts: RealDockerOptions = {}): string | null {
  if (process.env.OVERLAY_TUTOR_SKIP_REAL_DOCKER === '1') return 'OVERLAY_TUTOR_SKIP_REAL_DOCKER=1 is set';
  if (process.platform !== 'linux') return `needs Linux (this is ${process.platform})`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return 'needs root (dockerd mounts overlayfs); run the suite as root';
  }
  const dockerd = resolveDockerd(opts);
  if (!dockerd) return 'no dockerd binary (apt-get install docker.io)';
  if (!resolveCli(opts, dockerd)) return 'no docker CLI binary (apt-get install docker.io)';
  if (!findExecutable('containerd')) return 'no containerd binary (apt-get install docker.io pulls it in)';
  if (!findExecutable('runc')) return 'no runc binary (apt-get install docker.io pulls it in)';
  let filesystems = '';
  try {
    filesystems = readFileSync('/proc/filesystems', 'utf8');
  } catch {
    return 'cannot read /proc/filesystems';
  }
  if (!/\toverlay$/m.test(filesystems)) {
    // Not registered yet: it may be a module that mount(2) would autoload. Try once.
    spawnSync('modprobe', ['overlay'], { stdio: 'ignore' });
    if (!/\toverlay$/m.test(readFileSync('/proc/filesystems', 'utf8'))) {
      return 'the kernel has no overlay filesystem (not in /proc/filesystems, modprobe overlay failed)';
    }
  }
  return null;
}

/** Reason the busybox base images cannot be built, or null. */
export function busyboxUnavailable(): string | null {
  return busyboxPath() ? null : 'no static busybox at /bin/busybox (apt-get install busybox-static)';
}

/**
 * Says why a suite cannot run here: under OVERLAY_TUTOR_REQUIRE_REAL=1 (CI: root, docker.io
 * installed) a reason is an error, since a skip there would hide a failure; otherwise it is said
 * loudly on stderr. Gives the reason back, for describe.runIf(!reason).
 */
export function reportUnavailable<T extends string | null | undefined>(what: string, reason: T): T {
  if (reason) {
    if (process.env.OVERLAY_TUTOR_REQUIRE_REAL === '1') throw new Error(`${what} cannot run: ${reason}`);
    process.stderr.write(`\n!!! ${what} SKIPPED: ${reason}\n`);
  }
  return reason;
}

/** What a real-host suite needs besides Linux, root and a dockerd that can run (docker.io). */
export interface RealNeeds {
  /** A static busybox at /bin/busybox (busybox-static), for images of real programs. */
  busybox?: boolean;
  /** containerd's ctr (docker.io pulls it in). */
  ctr?: boolean;
  /** getfattr (attr), to read overlay's xattrs. */
  getfattr?: boolean;
  /** The built bin, dist/cli.js (npm run build). */
  bin?: boolean;
  /** A check of the suite's own: its reason, or nothing. */
  also?: () => string | null | undefined;
}

/**
 * The one guard of the suites that run against the real host (test/real, the real screen's e2e,
 * the conformance suites): the reason `what` cannot run here, reported as reportUnavailable says,
 * or undefined when it can.
 */
export function realHostUnavailable(what: string, needs: RealNeeds = {}): string | undefined {
  const bin = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
  const reason =
    realDockerUnavailable() ??
    (needs.busybox ? busyboxUnavailable() : null) ??
    (needs.ctr && !findExecutable('ctr') ? 'no ctr (apt-get install docker.io pulls in containerd)' : null) ??
    (needs.getfattr && !findExecutable('getfattr') ? 'no getfattr (apt-get install attr)' : null) ??
    (needs.bin && !existsSync(bin) ? 'dist/cli.js is not built (npm run build)' : null) ??
    needs.also?.() ??
    undefined;
  return reportUnavailable(what, reason);
}

function dockerdMajor(dockerd: string): number | undefined {
  const out = spawnSync(dockerd, ['--version'], { encoding: 'utf8' });
  const m = /version v?(\d+)\./i.exec(out.stdout ?? '');
  return m ? Number(m[1]) : undefined;
}

function canUnshareNet(): boolean {
  const unshare = findExecutable('unshare');
  if (!unshare) return false;
  const r = spawnSync(unshare, ['--net', 'true'], { stdio: 'ignore' });
  return r.status === 0;
}

// ---------------------------------------------------------------------------------------------
// Processes and mounts owned by a temp dir

/** Processes whose command line mentions `marker` (our unique temp dir). */
function processesMentioning(marker: string): { pid: number; argv0: string }[] {
  const found: { pid: number; argv0: string }[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      if (cmdline.includes(marker)) found.push({ pid, argv0: cmdline.split('\0')[0] ?? '' });
    } catch {
      // gone already
    }
  }
  return found;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie still answers kill(0); treat it as gone.
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return false;
  }
}

/** Decodes the octal escapes the kernel uses in /proc/mounts and mountinfo (\040 for space). */
export function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

export interface ProcMount {
  source: string;
  mountPoint: string;
  fsType: string;
  options: string;
}

/** Parses /proc/mounts (the host's view, this process's mount namespace). */
export function readProcMounts(): ProcMount[] {
  return readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [source = '', mountPoint = '', fsType = '', options = ''] = line.split(' ');
      return {
        source: unescapeMountField(source),
        mountPoint: unescapeMountField(mountPoint),
        fsType,
        options: unescapeMountField(options),
      };
    });
}

/** Mount points at or below `dir`, deepest first. */
export function mountsUnder(dir: string): string[] {
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  const points = new Set<string>();
  for (const m of readProcMounts()) {
    if (m.mountPoint === dir || m.mountPoint.startsWith(prefix)) points.add(m.mountPoint);
  }
  return [...points].sort((a, b) => b.split('/').length - a.split('/').length || b.length - a.length);
}

function unmountAllUnder(dir: string): string[] {
  const done: string[] = [];
  // Several rounds: a mount point can be stacked or revealed by unmounting the one above it.
  for (let round = 0; round < 5; round++) {
    const points = mountsUnder(dir);
    if (points.length === 0) break;
    for (const point of points) {
      spawnSync('umount', ['-l', point], { stdio: 'ignore' });
      done.push(point);
    }
  }
  return [...new Set(done)];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Talking to the daemon

function ping(socket: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

function apiVersion(socket: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: '/version', method: 'GET', timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Version?: string };
          resolve(body.Version);
        } catch {
          resolve(undefined);
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

function runCommand(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  opts: CommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(file, [...args], {
      cwd: opts.cwd,
      env: { ...env, ...(opts.env ?? {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 60_000);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ args, stdout: '', stderr: String(e), code: -1 });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({
        args,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: killed ? `${stderr}\n[killed after ${opts.timeoutMs ?? 60_000} ms]` : stderr,
        code: killed ? -1 : (code ?? -1),
      });
    });
    child.stdin.on('error', () => undefined);
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/** The environment for the docker CLI: ours, with every DOCKER_* knob that could redirect it
 * (contexts, TLS, another host) removed. */
function cliEnv(host: string, configDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('DOCKER_') || k === 'BUILDKIT_PROGRESS') continue;
    env[k] = v;
  }
  env.DOCKER_HOST = host;
  env.DOCKER_CONFIG = configDir;
  // Newer CLIs print "What's next" hints; keep output plain.
  env.DOCKER_CLI_HINTS = 'false';
  return env;
}

// ---------------------------------------------------------------------------------------------
// Start and stop

const liveDaemons = new Set<() => void>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort if a test run dies without calling stop(): synchronous cleanup.
  process.on('exit', () => {
    for (const kill of liveDaemons) kill();
  });
}

function pickTmpBase(): string {
  // Unix socket paths are limited to 108 bytes; containerd puts sockets a few levels below the
  // exec-root. Use the system temp dir unless it is long.
  const base = tmpdir();
  return base.length <= 40 ? base : '/tmp';
}

export async function startRealDocker(opts: RealDockerOptions = {}): Promise<RealDocker | string> {
  const unavailable = realDockerUnavailable(opts);
  if (unavailable) return unavailable;
  const dockerd = resolveDockerd(opts) as string;
  const cli = resolveCli(opts, dockerd) as string;
  const major = dockerdMajor(dockerd) ?? 0;

  const netnsPossible = canUnshareNet();
  const network: DockerNetworkMode = opts.network ?? (netnsPossible ? 'bridge' : 'none');
  if (network === 'bridge' && !netnsPossible) {
    return 'network "bridge" needs a private network namespace (unshare --net failed); use network "none"';
  }
  const privateNetns = netnsPossible;

  const tmpDir = mkdtempSync(join(pickTmpBase(), 'otd-'));
  const dataRoot = join(tmpDir, 'root');
  const execRoot = join(tmpDir, 'exec');
  const socket = join(tmpDir, 'docker.sock');
  const host = `unix://${socket}`;
  const configDir = join(tmpDir, 'cli-config');
  mkdirSync(configDir, { recursive: true });
  writeFileSync(join(configDir, 'config.json'), '{}\n');

  // Our own daemon.json, so /etc/docker/daemon.json is never read. Docker < 23 also writes a
  // libtrust key to /etc/docker/key.json unless told otherwise (a hidden option).
  const daemonConfig: Record<string, unknown> = {};
  if (major > 0 && major < 23) daemonConfig['deprecated-key-path'] = join(tmpDir, 'key.json');
  if (major >= 24) daemonConfig.features = { 'containerd-snapshotter': false };
  const configFile = join(tmpDir, 'daemon.json');
  writeFileSync(configFile, `${JSON.stringify(daemonConfig, null, 2)}\n`);

  const runContainerdExisted = existsSync('/run/containerd');
  const args = [
    `--config-file=${configFile}`,
    `--data-root=${dataRoot}`,
    `--exec-root=${execRoot}`,
    `--pidfile=${join(tmpDir, 'docker.pid')}`,
    '-H',
    host,
    `--storage-driver=${opts.storageDriver ?? 'overlay2'}`,
    '--iptables=false',
    '--ip6tables=false',
    '--userland-proxy=false',
    '--shutdown-timeout=3',
    '--group=root',
    '--log-level=info',
  ];
  if (network === 'none') args.push('--bridge=none', '--ip-forward=false', '--ip-masq=false');

  const logPath = join(tmpDir, 'dockerd.log');
  const logFd = openSync(logPath, 'a');
  const file = privateNetns ? (findExecutable('unshare') as string) : dockerd;
  const argv = privateNetns ? ['--net', '--', dockerd, ...args] : args;
  // `unshare` without --fork execs dockerd, so child.pid is dockerd's pid.
  const child = spawn(file, argv, { cwd: tmpDir, stdio: ['ignore', logFd, logFd], detached: true });
  closeSync(logFd);
  child.unref();
  let exited: number | null | undefined;
  child.on('exit', (code, signal) => {
    exited = code ?? (signal ? 128 : -1);
  });
  child.on('error', () => {
    exited = -1;
  });

  const readLog = () => {
    try {
      return readFileSync(logPath, 'utf8');
    } catch {
      return '';
    }
  };

  const cleanup: CleanupReport = { stopped: false, leftoverMounts: [], leftoverProcesses: [], removedTmpDir: false };
  const keep = opts.keep ?? process.env.OVERLAY_TUTOR_KEEP_DOCKER === '1';

  const killEverythingSync = () => {
    if (child.pid && isAlive(child.pid)) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    for (const p of processesMentioning(`${tmpDir}/`)) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    unmountAllUnder(tmpDir);
    if (!keep) rmSync(tmpDir, { recursive: true, force: true });
  };
  liveDaemons.add(killEverythingSync);
  installExitHook();

  const env = cliEnv(host, configDir);
  const normalize = (text: string) =>
    text.split(dataRoot).join('<data-root>').split(execRoot).join('<exec-root>').split(tmpDir).join('<tmp>');

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // 1. Containers first: a stopping daemon would otherwise wait for each one's timeout.
      if (child.pid && isAlive(child.pid) && (await ping(socket, 2000))) {
        const ids = await runCommand(cli, ['ps', '-aq'], env, { timeoutMs: 15_000 });
        const list = ids.stdout.split('\n').filter(Boolean);
        if (list.length > 0) await runCommand(cli, ['rm', '-f', ...list], env, { timeoutMs: 30_000 });
      }
      // 2. SIGTERM dockerd; it stops its containerd and unmounts what it mounted.
      if (child.pid && isAlive(child.pid)) {
        try {
          process.kill(child.pid, 'SIGTERM');
        } catch {
          /* gone */
        }
        // Wait for the 'exit' event (Node reaps the child then) rather than only for the pid.
        for (let i = 0; i < 200 && exited === undefined && isAlive(child.pid); i++) await sleep(100);
        if (isAlive(child.pid)) {
          try {
            process.kill(child.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }
      }
      for (let i = 0; i < 20 && exited === undefined; i++) await sleep(50);
      // 3. Whatever still runs from our temp dir (containerd, shims) is ours: kill it by pid.
      for (let i = 0; i < 30; i++) {
        const left = processesMentioning(`${tmpDir}/`);
        if (left.length === 0) break;
        for (const p of left) {
          if (!cleanup.leftoverProcesses.includes(`${p.pid} ${p.argv0}`))
            cleanup.leftoverProcesses.push(`${p.pid} ${p.argv0}`);
          try {
            process.kill(p.pid, i === 0 ? 'SIGTERM' : 'SIGKILL');
          } catch {
            /* gone */
          }
        }
        await sleep(100);
      }
      // 4. Mounts dockerd left behind (after a crash: overlay merged dirs, netns, shm, the
      //    data-root bind mount).
      cleanup.leftoverMounts = unmountAllUnder(tmpDir);
      // 5. The temp dir, and the shim socket dir containerd creates under /run/containerd if it
      //    was not there before (only if empty: someone else may be using it now).
      if (!keep) {
        rmSync(tmpDir, { recursive: true, force: true });
        cleanup.removedTmpDir = !existsSync(tmpDir);
      }
      if (!runContainerdExisted) {
        for (const dir of ['/run/containerd/s', '/run/containerd']) {
          try {
            rmdirSync(dir);
          } catch {
            /* not empty or not there */
          }
        }
      }
      cleanup.stopped = true;
      liveDaemons.delete(killEverythingSync);
    })();
    return stopping;
  };

  // Wait for the API.
  const deadline = Date.now() + (opts.startTimeoutMs ?? 45_000);
  let up = false;
  while (Date.now() < deadline) {
    if (exited !== undefined) break;
    if (await ping(socket, 1000)) {
      up = true;
      break;
    }
    await sleep(150);
  }
  if (!up) {
    const log = readLog();
    await stop();
    const tail = log.trim().split('\n').slice(-15).join('\n');
    const why = exited !== undefined ? `dockerd exited with ${exited}` : 'dockerd did not answer in time';
    return `${why}; last log lines:\n${normalize(tail)}`;
  }
  const serverVersion = (await apiVersion(socket)) ?? 'unknown';
  const serverMajor = Number(/^(\d+)/.exec(serverVersion)?.[1] ?? major);

  const docker = (dockerArgs: readonly string[], o?: CommandOptions) => runCommand(cli, dockerArgs, env, o);
  const dockerOk = async (dockerArgs: readonly string[], o?: CommandOptions) => {
    const r = await docker(dockerArgs, o);
    if (r.code !== 0) {
      throw new Error(`docker ${dockerArgs.join(' ')} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
    }
    return r.stdout.replace(/\n$/, '');
  };

  return {
    tmpDir,
    dataRoot,
    execRoot,
    socket,
    host,
    cli,
    pid: child.pid ?? -1,
    serverVersion,
    serverMajor,
    network,
    privateNetns,
    env,
    docker,
    dockerOk,
    normalize,
    log: readLog,
    stop,
    cleanup,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the data-root

/** Extended attributes of a path (not following symlinks), via getfattr; null when getfattr is
 * missing (Debian package "attr"). Values are raw bytes. */
export function readXattrs(path: string): Record<string, Buffer> | null {
  const getfattr = findExecutable('getfattr');
  if (!getfattr) return null;
  const r = spawnSync(getfattr, ['-h', '-d', '-m', '-', '-e', 'hex', '--absolute-names', path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`getfattr ${path}: ${r.stderr}`);
  const attrs: Record<string, Buffer> = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^([^#=][^=]*)=0x([0-9a-f]*)$/.exec(line.trim());
    if (m) attrs[m[1] as string] = Buffer.from(m[2] as string, 'hex');
  }
  return attrs;
}

/** Every entry under `dir`, as a line each: its path, mode, owner, size and content's sha256 (a
 * symlink's target): what "the same byte for byte" compares. */
export function treeFingerprint(dir: string): string[] {
  const files: string[] = [];
  const walk = (p: string, rel: string) => {
    const st = lstatSync(p);
    const body = st.isFile() ? sha256Hex(readFileSync(p)) : st.isSymbolicLink() ? readlinkSync(p) : '';
    files.push(`${rel} ${st.mode.toString(8)} ${st.uid}:${st.gid} ${st.size} ${body}`);
    if (st.isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e), `${rel}/${e}`);
  };
  walk(dir, '.');
  return files;
}

/** sha256 hex of a buffer. */
export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** ChainID per the image spec: ChainID(L0)=DiffID(L0); ChainID(Ln)=sha256(ChainID(Ln-1)+" "+DiffID(Ln)). */
export function chainIds(diffIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const diffId of diffIds) {
    const prev = out[out.length - 1];
    out.push(prev === undefined ? diffId : `sha256:${sha256Hex(`${prev} ${diffId}`)}`);
  }
  return out;
}

/** Follows an l/<LID> link of the overlay2 driver home to its cache-id. */
export function cacheIdOfLink(overlayHome: string, lid: string): string {
  const target = readlinkSync(join(overlayHome, 'l', lid));
  const m = /^\.\.\/([^/]+)\/diff$/.exec(target);
  if (!m) throw new Error(`unexpected l/${lid} target ${target}`);
  return m[1] as string;
}

// ---------------------------------------------------------------------------------------------
// Base images from busybox-static

/** Applets linked in the base rootfs (symlinks to busybox in /bin). */
export const DEFAULT_APPLETS: readonly string[] = [
  'cat',
  'chmod',
  'cp',
  'echo',
  'false',
  'find',
  'grep',
  'head',
  'hostname',
  'id',
  'ln',
  'ls',
  'mkdir',
  'mv',
  'readlink',
  'rm',
  'rmdir',
  'sh',
  'sleep',
  'stat',
  'tail',
  'touch',
  'true',
  'wc',
];

export interface RootfsTarOptions {
  /** The static busybox binary (default /bin/busybox). */
  busybox?: string;
  applets?: readonly string[];
  /** mtime of every entry (default the Unix epoch), so the tar and its DiffID are reproducible. */
  mtime?: Date;
}

/**
 * A deterministic rootfs tar: bin/ (0755) with bin/busybox (0755) and applet symlinks
 * bin/<applet> -> busybox, etc/ (0755), tmp/ (1777). Entries in lexical order, uid/gid 0 with
 * uname/gname "root", ustar headers. No dev/, proc/ or sys/: Docker's init layer adds them.
 */
export async function busyboxRootfsTar(opts: RootfsTarOptions = {}): Promise<Buffer> {
  const busybox = opts.busybox ?? busyboxPath();
  if (!busybox) throw new Error('no static busybox (apt-get install busybox-static)');
  const mtime = opts.mtime ?? new Date(0);
  const applets = [...new Set(opts.applets ?? DEFAULT_APPLETS)].filter((a) => a !== 'busybox').sort();
  const binary = readFileSync(busybox);
  const base = { uid: 0, gid: 0, uname: 'root', gname: 'root', mtime };
  const entries: { name: string; header: Partial<Header> & Pick<Header, 'name'>; data?: Buffer }[] = [
    { name: 'bin/', header: { ...base, name: 'bin/', type: 'directory', mode: 0o755 } },
    {
      name: 'bin/busybox',
      header: { ...base, name: 'bin/busybox', type: 'file', mode: 0o755, size: binary.length },
      data: binary,
    },
    ...applets.map((a) => ({
      name: `bin/${a}`,
      header: { ...base, name: `bin/${a}`, type: 'symlink' as const, linkname: 'busybox', mode: 0o777 },
    })),
    { name: 'etc/', header: { ...base, name: 'etc/', type: 'directory', mode: 0o755 } },
    { name: 'tmp/', header: { ...base, name: 'tmp/', type: 'directory', mode: 0o1777 } },
  ];
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const p = pack();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    p.on('data', (c: unknown) => {
      chunks.push(c as Buffer);
    });
    p.on('end', () => resolve(Buffer.concat(chunks)));
    p.on('error', reject);
  });
  for (const e of entries) {
    await new Promise<void>((resolve, reject) => {
      if (e.data) p.entry(e.header, e.data, (err) => (err ? reject(err) : resolve()));
      else p.entry(e.header, (err) => (err ? reject(err) : resolve()));
    });
  }
  p.finalize();
  return done;
}

/** The Dockerfile of `layered:latest`: two RUN layers on the base plus an empty CMD layer.
 * Layer 2 writes /data/a.txt, /data/sub/old.txt, /etc/doomed. Layer 3 deletes /etc/doomed
 * (whiteout), replaces /data/sub (opaque dir) and writes /tmp/newfile ("Hello world\n"). */
export const LAYERED_DOCKERFILE = [
  'FROM busybox-static:latest',
  'RUN mkdir -p /data/sub && echo hello > /data/a.txt && echo old > /data/sub/old.txt && echo doomed > /etc/doomed',
  'RUN rm /etc/doomed && rm -rf /data/sub && mkdir /data/sub && echo new > /data/sub/new.txt && echo "Hello world" > /tmp/newfile',
  'CMD ["/bin/sh"]',
  '',
].join('\n');

export interface BusyboxImages {
  /** "busybox-static:latest" */
  readonly baseRef: string;
  /** "sha256:…" image ID of the base. */
  readonly baseId: string;
  /** The rootfs tar on disk (inside the daemon's temp dir) and its DiffID (sha256 of the tar). */
  readonly rootfsTar: string;
  readonly baseDiffId: string;
  /** "layered:latest" */
  readonly layeredRef: string;
  readonly layeredId: string;
  readonly dockerfile: string;
  /** stdout of the import and of the build, as printed. */
  readonly importOutput: string;
  readonly buildOutput: string;
}

export interface BuildImagesOptions extends RootfsTarOptions {
  /** 'import' (default): `docker import --change 'CMD ["/bin/sh"]' rootfs.tar busybox-static:latest`.
   * 'add': `FROM scratch` + `ADD rootfs.tar /` + `CMD ["/bin/sh"]` with the legacy builder. */
  method?: 'import' | 'add';
  baseTag?: string;
  layeredTag?: string;
  /** Build `layered` too (default true). */
  layered?: boolean;
}

/** Builds busybox-static:latest and layered:latest in the private daemon (legacy builder,
 * DOCKER_BUILDKIT=0, as the seed articles show). */
export async function buildBusyboxImages(d: RealDocker, opts: BuildImagesOptions = {}): Promise<BusyboxImages> {
  const baseRef = opts.baseTag ?? 'busybox-static:latest';
  const layeredRef = opts.layeredTag ?? 'layered:latest';
  const dir = join(d.tmpDir, 'images');
  mkdirSync(dir, { recursive: true });
  const tar = await busyboxRootfsTar(opts);
  const rootfsTar = join(dir, 'rootfs.tar');
  writeFileSync(rootfsTar, tar);
  const baseDiffId = `sha256:${sha256Hex(tar)}`;
  const legacy = { env: { DOCKER_BUILDKIT: '0' } };

  let importOutput: string;
  if ((opts.method ?? 'import') === 'import') {
    importOutput = await d.dockerOk(['import', '--change', 'CMD ["/bin/sh"]', rootfsTar, baseRef]);
  } else {
    const ctx = join(dir, 'base-ctx');
    mkdirSync(ctx, { recursive: true });
    writeFileSync(join(ctx, 'rootfs.tar'), tar);
    writeFileSync(join(ctx, 'Dockerfile'), 'FROM scratch\nADD rootfs.tar /\nCMD ["/bin/sh"]\n');
    importOutput = await d.dockerOk(['build', '-t', baseRef, ctx], legacy);
  }
  const baseId = await d.dockerOk(['image', 'inspect', '--format', '{{.Id}}', baseRef]);

  let buildOutput = '';
  let layeredId = '';
  const dockerfile = LAYERED_DOCKERFILE.replace('busybox-static:latest', baseRef);
  if (opts.layered ?? true) {
    const ctx = join(dir, 'layered-ctx');
    mkdirSync(ctx, { recursive: true });
    writeFileSync(join(ctx, 'Dockerfile'), dockerfile);
    buildOutput = await d.dockerOk(['build', '-t', layeredRef, ctx], legacy);
    layeredId = await d.dockerOk(['image', 'inspect', '--format', '{{.Id}}', layeredRef]);
  }
  return { baseRef, baseId, rootfsTar, baseDiffId, layeredRef, layeredId, dockerfile, importOutput, buildOutput };
}

/** Why a kernel lesson's lab (src/real/kernel-lab.ts: a mount namespace, a plain overlay mount, no
 * Docker) cannot be made here, reported as reportUnavailable says; undefined when it can. */
export function kernelLabUnavailable(what: string): string | undefined {
  let reason: string | null = null;
  if (process.platform !== 'linux') reason = `needs Linux (this is ${process.platform})`;
  else if (process.getuid?.() !== 0) reason = 'needs root (mount -t overlay); run the suite as root';
  else if (!findExecutable('unshare') || !findExecutable('nsenter')) reason = 'no unshare/nsenter (util-linux)';
  else if (!findExecutable('getfattr')) reason = 'no getfattr (apt-get install attr)';
  else if (!/\toverlay$/m.test(readFileSync('/proc/filesystems', 'utf8'))) {
    spawnSync('modprobe', ['overlay'], { stdio: 'ignore' });
    if (!/\toverlay$/m.test(readFileSync('/proc/filesystems', 'utf8'))) reason = 'the kernel has no overlay filesystem';
  }
  return reportUnavailable(what, reason) ?? undefined;
}
