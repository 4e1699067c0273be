// docker update: the daemon's ContainerUpdate for the resources this tutor models (memory, swap,
// reservation, CPUs, shares, cpuset, pids) and the restart policy. The checks and their order are
// 20.10's (daemon/update.go, container.UpdateContainer): the new values alone first, then against
// what the container has.
import { checkSettings, DEFAULT_SETTINGS, settingsOf } from './run-settings.js';
import { type Container, DaemonError, type RunSettings } from './types.js';

/** What `docker update`'s flags ask for (absent: unchanged). */
export interface ResourceUpdate {
  memory?: number;
  memorySwap?: number;
  memoryReservation?: number;
  nanoCpus?: number;
  cpuShares?: number;
  cpusetCpus?: string;
  pidsLimit?: number;
  restartPolicy?: { Name: string; MaximumRetryCount: number };
}

/** The container's settings after the update, or the daemon's error. */
export function updatedSettings(c: Container, u: ResourceUpdate, hostCpus: number): RunSettings {
  // verifyContainerSettings on the update's own HostConfig (its zero values where a flag is absent).
  checkSettings(
    {
      ...DEFAULT_SETTINGS,
      memory: u.memory ?? 0,
      nanoCpus: u.nanoCpus ?? 0,
      restartPolicy: u.restartPolicy ?? { Name: '', MaximumRetryCount: 0 },
    },
    hostCpus,
  );
  const cannot = (why: string): DaemonError => new DaemonError(`Cannot update container ${c.id}: ${why}`, 409);
  const s: RunSettings = { ...settingsOf(c) };
  if (u.restartPolicy && u.restartPolicy.Name !== '' && c.autoRemove)
    throw cannot('Restart policy cannot be updated because AutoRemove is enabled for the container');
  if (u.cpuShares) s.cpuShares = u.cpuShares;
  if (u.nanoCpus) s.nanoCpus = u.nanoCpus;
  if (u.cpusetCpus) s.cpusetCpus = u.cpusetCpus;
  if (u.memory) {
    // Without a new swap limit, the memory limit must stay under the one set (0: none set, which
    // a limit is always over).
    if (u.memory > s.memorySwap && !u.memorySwap)
      throw cannot(
        'Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time',
      );
    s.memory = u.memory;
  }
  if (u.memorySwap) s.memorySwap = u.memorySwap;
  if (u.memoryReservation) s.memoryReservation = u.memoryReservation;
  if (u.pidsLimit) s.pidsLimit = u.pidsLimit;
  if (u.restartPolicy && u.restartPolicy.Name !== '') s.restartPolicy = u.restartPolicy;
  return s;
}
