// The simulated Docker daemon (overlay2 on the kernel's disk). The shell's `docker` command
// (src/shell/commands/docker) is its front end; the host wires both in.
import { DockerEngine } from './api.js';
import type { DaemonOptions } from './types.js';

export { DockerEngine, type InfoData } from './api.js';
export { portOf, restartingError, type CreateOptions } from './containers.js';
export type { ResourceUpdate } from './update.js';
export { attachmentsOf, portMappings, settingsOf } from './run-settings.js';
export { LOG_DRIVERS, LoggerInitError, type LogRecord, validateLogOpts } from './log-drivers.js';
export { createdAtText, type Network, type NetworkCreate, parseCidr } from './networks.js';
export type { Change } from './changes.js';
export type { PruneFilter } from './prune.js';
export type { MountSpec } from './mount-specs.js';
export type { StoredImage } from './imagestore.js';
export type { RoLayer, RwLayer } from './layerstore.js';
export type { GraphDriverData } from './overlay2-driver.js';
export { base32 } from './overlay2-driver.js';
export type { DiskUsage, DiskUsageImage, HistoryRow, ImageSummary } from './views.js';
export { chainSize } from './views.js';
export { DOCKER_CLI_COMMIT, DOCKER_VERSION } from '../version.js';
export {
  DaemonError,
  NotSimulatedError,
  type Container,
  type ContainerState,
  type DaemonEvent,
  type DaemonListener,
  type DaemonOptions,
  type PullResult,
  type RunCommand,
  type RunIO,
} from './types.js';
export { shellLine, isLongRunning } from './process.js';
export { containerTasks } from './tasks.js';
export { connectTo, type Connection, dnsPorts, type Listener, listen, listenersOf, parseHttpd } from './sockets.js';
export { collectEntries, extractEntries, type PathStat } from './copy.js';

/** A daemon on the kernel's disk under dataRoot (/var/lib/docker), laid out as 20.10 lays it out. */
export function createDaemon(options: DaemonOptions): DockerEngine {
  return new DockerEngine(options);
}
export {
  EMBEDDED_DNS,
  embeddedLookup,
  embeddedReverse,
  netStackOf,
  reach,
  type NetInterface,
  type Reach,
} from './container-net.js';
