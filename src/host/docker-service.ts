// docker.service on the simulated host: the daemon as systemd runs it. Stopping it stops the
// running containers and unmounts their layers; starting it reads /etc/docker/daemon.json and
// builds a daemon from what /var/lib/docker holds, as a real dockerd does after a restart.
import { createDaemon, type DaemonOptions, type DockerEngine } from '../docker/engine/index.js';
import type { DriverName } from '../docker/engine/graphdriver.js';
import type { Proc } from '../kernel/index.js';
import { goJsonDecodeError } from '../docker/go-json-scan.js';

export type ServiceState =
  | { state: 'active'; sinceMs: number; pid: number }
  | { state: 'inactive'; sinceMs: number }
  | { state: 'failed'; sinceMs: number; reason: string };

export class DockerService {
  current?: DockerEngine;
  status: ServiceState;
  private nextPid = 1021;

  constructor(
    private readonly options: DaemonOptions,
    private readonly proc: Proc,
  ) {
    this.status = { state: 'inactive', sinceMs: options.clock.now() };
  }

  /** Why the daemon cannot start with /etc/docker/daemon.json as it is, or undefined. */
  private configProblem(): string | undefined {
    if (!this.proc.exists('/etc/docker/daemon.json')) return undefined;
    // dockerd reads the file with Go's json.Decoder: its errors, not V8's, reach the journal.
    const syntax = goJsonDecodeError(new TextDecoder().decode(this.proc.readFile('/etc/docker/daemon.json')));
    if (syntax) return `unable to configure the Docker daemon with file /etc/docker/daemon.json: ${syntax}`;
    const config = this.readConfig();
    const driver = (config as Record<string, unknown>)?.['storage-driver'];
    if (driver === undefined || driver === 'overlay2' || driver === 'overlay') return undefined;
    if (
      typeof driver === 'string' &&
      ['vfs', 'devicemapper', 'aufs', 'btrfs', 'zfs', 'fuse-overlayfs'].includes(driver)
    ) {
      // A real dockerd would start with this driver; the simulator only has overlay2, and says so
      // rather than pretend.
      return `the ${driver} storage driver is not simulated by overlay-tutor (overlay2 and overlay are)`;
    }
    return `failed to start daemon: error initializing graphdriver: driver not supported: ${String(driver)}`;
  }

  /** The driver daemon.json asks for (configProblem has vetted it), overlay2 by default. */
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

  start(): boolean {
    if (this.current) return true;
    const problem = this.configProblem();
    if (problem) {
      this.status = { state: 'failed', sinceMs: this.options.clock.now(), reason: problem };
      return false;
    }
    this.current = createDaemon({ ...this.options, storageDriver: this.storageDriver() });
    this.status = { state: 'active', sinceMs: this.options.clock.now(), pid: this.nextPid };
    this.nextPid += 137;
    return true;
  }

  stop(): void {
    const d = this.current;
    if (d) {
      for (const c of d.ps(false)) d.stop(c.id);
      this.current = undefined;
    }
    this.status = { state: 'inactive', sinceMs: this.options.clock.now() };
  }
}
