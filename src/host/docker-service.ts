// docker.service on the simulated host: the daemon as systemd runs it. Stopping it stops the
// running containers and unmounts their layers; starting it reads /etc/docker/daemon.json and
// builds a daemon from what /var/lib/docker holds, as a real dockerd does after a restart.
import {
  createDaemon,
  DaemonError,
  type DaemonOptions,
  type DockerEngine,
  validateLogOpts,
} from '../docker/engine/index.js';
import type { DriverName } from '../docker/engine/graphdriver.js';
import type { Proc } from '../kernel/index.js';
import { daemonConfigError, type DaemonFlags } from '../docker/daemon-config.js';
import { DOCKER_VERSION } from '../docker/version.js';

export type ServiceState =
  | { state: 'active'; sinceMs: number; pid: number }
  | { state: 'inactive'; sinceMs: number }
  | { state: 'failed'; sinceMs: number; reason: string; pid: number };

/** Why docker.service fails to start: dockerd refused its config (one plain line, before its
 * logger exists), or the graph driver daemon.json names is neither built in nor a plugin. */
type StartProblem =
  | { kind: 'config'; line: string }
  | { kind: 'graphdriver'; driver: string }
  | { kind: 'log-opts'; line: string };

/** A logrus line as dockerd writes it (TextFormatter, FullTimestamp, RFC3339NanoFixed). */
export function logrusLine(ms: number, msg: string, extra = '', level = 'info'): string {
  const t = new Date(ms).toISOString().replace(/\.(\d+)Z$/, (_, f: string) => `.${f.padEnd(9, '0')}Z`);
  return `time="${t}" level=${level} msg="${msg}"${extra}`;
}

/** One line of systemd's journal: who logged it (systemd[1] or dockerd[pid]) and what. */
export interface JournalEntry {
  ms: number;
  ident: string;
  pid: number;
  text: string;
  /** The catalog entry journalctl -x prints under the line. */
  explain?: string[];
}

const UNIT_DESCRIPTION = 'Docker Application Container Engine';

/** The flags docker.service's ExecStart gives dockerd (-H fd:// --containerd=…), as pflag prints
 * their values: daemon.json may not set them again. */
const DOCKERD_FLAGS = { hosts: '[fd://]', containerd: '/run/containerd/containerd.sock' };

export class DockerService {
  current?: DockerEngine;
  status: ServiceState;
  /** What docker.service wrote to the journal since boot, for journalctl -u docker. */
  readonly journal: JournalEntry[] = [];
  private nextPid = 1021;
  private jobId = 1180;

  constructor(
    private readonly options: DaemonOptions,
    private readonly proc: Proc,
  ) {
    this.status = { state: 'inactive', sinceMs: options.clock.now() };
  }

  /** Why dockerd refuses its config file before it logs anything: the config file's own errors
   * (`path` as dockerd was given it, `flags` those on its command line), or undefined. */
  configRefusal(path: string, flags: DaemonFlags = DOCKERD_FLAGS): string | undefined {
    if (!this.proc.exists(path)) return undefined;
    // dockerd reads the file with Go's json.Decoder and checks its keys against its own flags:
    // its errors, not V8's, reach the journal.
    return daemonConfigError(path, new TextDecoder().decode(this.proc.readFile(path)), flags);
  }

  /** Why the daemon cannot start with /etc/docker/daemon.json as it is, or undefined. */
  private startProblem(): StartProblem | undefined {
    const refused = this.configRefusal('/etc/docker/daemon.json');
    if (refused) return { kind: 'config', line: refused };
    const config = this.proc.exists('/etc/docker/daemon.json') ? this.readConfig() : null;
    const driver = config?.['storage-driver'];
    if (driver === undefined || driver === 'overlay2' || driver === 'overlay') {
      const log = this.logProblem();
      return log ? { kind: 'log-opts', line: log } : undefined;
    }
    if (
      typeof driver === 'string' &&
      ['vfs', 'devicemapper', 'aufs', 'btrfs', 'zfs', 'fuse-overlayfs'].includes(driver)
    ) {
      // A real dockerd would start with this driver; the simulator only has overlay2, and says so
      // rather than pretend.
      const line = `the ${driver} storage driver is not simulated by overlay-tutor (overlay2 and overlay are)`;
      return { kind: 'config', line };
    }
    return { kind: 'graphdriver', driver: String(driver) };
  }

  /** setupDefaultLogConfig: daemon.json's log-opts are checked against its log-driver's. */
  private logProblem(): string | undefined {
    const { Type, Config } = this.logConfig();
    if (Object.keys(Config).length === 0) return undefined;
    try {
      validateLogOpts(Type, Config, this.proc);
    } catch (e) {
      if (e instanceof DaemonError) return `failed to start daemon: failed to set log opts: ${e.message}`;
      throw e;
    }
    return undefined;
  }

  /** daemon.json's log-driver and log-opts (startProblem has vetted their types): the default LogConfig. */
  private logConfig(): { Type: string; Config: Record<string, string> } {
    const config = this.proc.exists('/etc/docker/daemon.json') ? this.readConfig() : null;
    const type = config?.['log-driver'];
    const opts = config?.['log-opts'];
    return {
      Type: typeof type === 'string' && type !== '' ? type : 'json-file',
      Config: opts && typeof opts === 'object' ? { ...(opts as Record<string, string>) } : {},
    };
  }

  /** The driver daemon.json asks for (startProblem has vetted it), overlay2 by default. */
  private storageDriver(): DriverName {
    if (!this.proc.exists('/etc/docker/daemon.json')) return 'overlay2';
    return this.readConfig()?.['storage-driver'] === 'overlay' ? 'overlay' : 'overlay2';
  }

  /** daemon.json's first value once Go's decoder took it (text after that value is not read). */
  private readConfig(): Record<string, unknown> | null {
    const text = new TextDecoder().decode(this.proc.readFile('/etc/docker/daemon.json'));
    try {
      return JSON.parse(text) as Record<string, unknown> | null;
    } catch {
      return null;
    }
  }

  private log(ident: string, pid: number, text: string, explain?: string[]): void {
    this.journal.push({ ms: this.options.clock.now(), ident, pid, text, ...(explain ? { explain } : {}) });
  }

  /** dockerd's logrus line: time="…" level=info msg="…", the time as RFC3339NanoFixed. */
  private daemonLog(pid: number, msg: string, extra = '', level = 'info'): void {
    this.log('dockerd', pid, logrusLine(this.options.clock.now(), msg, extra, level));
  }

  start(): boolean {
    if (this.current) return true;
    const job = this.jobId++;
    const pid = this.nextPid;
    this.nextPid += 137;
    this.log('systemd', 1, `Starting ${UNIT_DESCRIPTION}...`, [
      'Subject: A start job for unit docker.service has begun execution',
      'Defined-By: systemd',
      'Support: http://www.ubuntu.com/support',
      '',
      'A start job for unit docker.service has begun execution.',
      '',
      `The job identifier is ${job}.`,
    ]);
    const problem = this.startProblem();
    if (problem) {
      let line: string;
      if (problem.kind === 'config')
        line = problem.line; // before dockerd's logger is set up: a plain line
      else {
        // NewDaemon meets it after start-up began (the driver is not built in, so it would be a
        // plugin, which needs experimental mode; or the default log options are refused):
        // dockerd shuts its containerd clients down and exits.
        this.daemonLog(pid, 'Starting up');
        if (problem.kind === 'graphdriver')
          this.daemonLog(
            pid,
            'Failed to GetDriver graph',
            ` driver=${problem.driver} error="graphdriver plugins are only supported with experimental mode"` +
              ' home-dir=/var/lib/docker',
            'error',
          );
        this.daemonLog(pid, 'stopping healthcheck following graceful shutdown', ' module=libcontainerd');
        this.daemonLog(
          pid,
          'stopping event stream following graceful shutdown',
          ' error="context canceled" module=libcontainerd namespace=plugins.moby',
        );
        line =
          problem.kind === 'graphdriver'
            ? 'failed to start daemon: error initializing graphdriver: driver not supported'
            : problem.line;
      }
      this.status = { state: 'failed', sinceMs: this.options.clock.now(), reason: line, pid };
      this.log('dockerd', pid, line);
      this.log('systemd', 1, 'docker.service: Main process exited, code=exited, status=1/FAILURE', [
        'Subject: Unit process exited',
        'Defined-By: systemd',
        'Support: http://www.ubuntu.com/support',
        '',
        'An ExecStart= process belonging to unit docker.service has exited.',
        '',
        "The process' exit code is 'exited' and its exit status is 1.",
      ]);
      this.log('systemd', 1, "docker.service: Failed with result 'exit-code'.", [
        'Subject: Unit failed',
        'Defined-By: systemd',
        'Support: http://www.ubuntu.com/support',
        '',
        "The unit docker.service has entered the 'failed' state with result 'exit-code'.",
      ]);
      this.log('systemd', 1, `Failed to start ${UNIT_DESCRIPTION}.`, [
        'Subject: A start job for unit docker.service has failed',
        'Defined-By: systemd',
        'Support: http://www.ubuntu.com/support',
        '',
        'A start job for unit docker.service has finished with a failure.',
        '',
        `The job identifier is ${job} and the job result is failed.`,
      ]);
      return false;
    }
    const driver = this.storageDriver();
    this.daemonLog(pid, 'Starting up');
    this.current = createDaemon({ ...this.options, storageDriver: driver, logConfig: this.logConfig() });
    this.daemonLog(pid, 'Loading containers: start.');
    this.current.restartByPolicy();
    this.daemonLog(pid, 'Loading containers: done.');
    this.daemonLog(pid, 'Docker daemon', ` commit=5d6db84 graphdriver(s)=${driver} version=${DOCKER_VERSION}`);
    this.daemonLog(pid, 'Daemon has completed initialization');
    this.daemonLog(pid, 'API listen on /run/docker.sock');
    this.log('systemd', 1, `Started ${UNIT_DESCRIPTION}.`, [
      'Subject: A start job for unit docker.service has finished successfully',
      'Defined-By: systemd',
      'Support: http://www.ubuntu.com/support',
      '',
      'A start job for unit docker.service has finished successfully.',
      '',
      `The job identifier is ${job}.`,
    ]);
    this.status = { state: 'active', sinceMs: this.options.clock.now(), pid };
    return true;
  }

  stop(): void {
    const d = this.current;
    const pid = this.status.state === 'active' ? this.status.pid : 0;
    if (d) {
      this.log('systemd', 1, `Stopping ${UNIT_DESCRIPTION}...`);
      this.daemonLog(pid, "Processing signal 'terminated'");
      d.shutdown();
      this.current = undefined;
      this.daemonLog(pid, 'Daemon shutdown complete');
      this.log('systemd', 1, 'docker.service: Deactivated successfully.');
      this.log('systemd', 1, `Stopped ${UNIT_DESCRIPTION}.`);
    }
    this.status = { state: 'inactive', sinceMs: this.options.clock.now() };
  }
}
