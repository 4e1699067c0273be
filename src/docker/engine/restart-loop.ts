// Restart policies at work, as moby 20.10's restartmanager and daemon/monitor.go run them. When a
// container's main process exits, ShouldRestart decides from the policy, whether it was stopped by
// hand, and how long it ran; a container that restarts is "restarting" (State.Running and
// Restarting true, no pid, RestartCount one more) for the backoff — 100 ms, doubling up to a
// minute, back to 100 ms after a run of 10 s — and is then started again by the daemon itself.
//
// The simulated daemon has no timers: settle() runs, in time order, every restart (and every exit
// of a restarted process that slept) that fell due by the host clock's now, each at its own time,
// before the CLI reads the daemon. A restarted process runs in the container's own time: a `sleep`
// in it moves that time on, not the host's clock.
import type { Daemon } from './containers.js';
import { runMainProcess } from './process.js';
import { settingsOf } from './run-settings.js';
import { DaemonError, type Container, type RunIO } from './types.js';

const BACKOFF_START_MS = 100;
const BACKOFF_MAX_MS = 60_000;
/** A run at least this long sets the backoff back to its start. */
const BACKOFF_RESET_RUN_MS = 10_000;
/** The most restarts one settle() runs: a loop left alone for days catches up over several commands. */
const MAX_RUNS_PER_SETTLE = 500;

/** restartmanager's state for one container; a new one after a start by hand or a daemon restart. */
export interface RestartManager {
  /** The last backoff (0 before the first exit). */
  timeoutMs: number;
  /** Cancel(): a stop, kill or rm ends the loop; the next exit stops the container for good. */
  canceled: boolean;
  /** While restarting: when the daemon starts the container again. */
  dueMs?: number;
}

export function restartManager(c: Container): RestartManager {
  c.restartManager ??= { timeoutMs: 0, canceled: false };
  return c.restartManager;
}

/** ExitOnNext: the container is not restarted after its process ends. */
export function cancelRestart(c: Container): void {
  restartManager(c).canceled = true;
}

/** ResetRestartManager: a start by hand (or the daemon's own at start-up) begins a new loop. */
export function resetRestartManager(c: Container, resetCount: boolean): void {
  c.restartManager = undefined;
  if (resetCount) c.restartCount = 0;
}

/**
 * restartManager.ShouldRestart: the backoff moves on whatever the answer; `always` restarts,
 * `unless-stopped` unless stopped by hand (or by the daemon's shutdown), `on-failure[:N]` after a
 * non-zero exit while fewer than N restarts were made (0: no limit). Sets the due time.
 */
export function shouldRestart(
  c: Container,
  exitCode: number,
  manuallyStopped: boolean,
  runMs: number,
  exitMs: number,
): boolean {
  const p = settingsOf(c).restartPolicy;
  if (p.Name === 'no' || p.Name === '') return false;
  const rm = restartManager(c);
  if (rm.canceled) return false;
  if (runMs >= BACKOFF_RESET_RUN_MS) rm.timeoutMs = 0;
  rm.timeoutMs = rm.timeoutMs === 0 ? BACKOFF_START_MS : Math.min(rm.timeoutMs * 2, BACKOFF_MAX_MS);
  const count = c.restartCount ?? 0;
  const restart =
    p.Name === 'always' ||
    (p.Name === 'unless-stopped' && !manuallyStopped) ||
    (p.Name === 'on-failure' && (p.MaximumRetryCount === 0 || count < p.MaximumRetryCount) && exitCode !== 0);
  if (restart) rm.dueMs = exitMs + rm.timeoutMs;
  return restart;
}

/** The next thing due by `target`: a restart, or the exit of a restarted process that slept. */
function nextDue(d: Daemon, target: number): { c: Container; at: number; kind: 'start' | 'exit' } | undefined {
  let next: { c: Container; at: number; kind: 'start' | 'exit' } | undefined;
  for (const c of d.containers.values()) {
    const due =
      c.state.status === 'restarting'
        ? { at: c.restartManager?.dueMs, kind: 'start' as const }
        : c.state.status === 'running'
          ? { at: c.pendingExit?.atMs, kind: 'exit' as const }
          : undefined;
    if (due?.at === undefined || due.at > target) continue;
    if (!next || due.at < next.at) next = { c, at: due.at, kind: due.kind };
  }
  return next;
}

const quiet: RunIO = {
  stdin: new Uint8Array(),
  stdout: () => {},
  stderr: () => {},
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
};

/** Runs what fell due by the host clock's now, oldest first, each at its own time. */
export async function settle(d: Daemon): Promise<void> {
  if (d.catchUp) return; // a restarted process's own docker command: the outer settle goes on
  const target = d.clock.now();
  try {
    for (let runs = 0; runs < MAX_RUNS_PER_SETTLE; runs++) {
      const next = nextDue(d, target);
      if (!next) break;
      d.catchUp = { targetMs: target, virtualMs: next.at, sleptMs: 0 };
      const { c } = next;
      if (next.kind === 'exit') {
        const code = c.pendingExit?.code ?? 0;
        c.pendingExit = undefined;
        d.exited(c, code);
      } else await restartRun(d, c);
    }
  } finally {
    d.catchUp = undefined;
  }
}

/** The daemon starts a restarting container again (containerStart without a reset) and its process runs. */
async function restartRun(d: Daemon, c: Container): Promise<void> {
  const rm = restartManager(c);
  rm.dueMs = undefined;
  const clock = d.clock as { advance?: (ms: number) => void };
  const hostAdvance = clock.advance;
  // A sleep in the restarted process moves the container's time on, not the host clock.
  if (hostAdvance)
    clock.advance = (ms) => {
      if (!d.catchUp) return;
      d.catchUp.virtualMs += Math.max(0, ms);
      d.catchUp.sleptMs += Math.max(0, ms);
    };
  try {
    d.start(c.id, true);
    await runMainProcess(d, c, quiet, true);
  } catch (e) {
    // A start that fails: the restart goroutine leaves the container stopped.
    if (!(e instanceof DaemonError)) throw e;
    if (c.state.status !== 'exited' && d.containers.has(c.id)) {
      c.state = { ...c.state, status: 'exited', pid: 0 };
      d.saveContainer(c);
    }
  } finally {
    if (hostAdvance) clock.advance = hostAdvance;
  }
}

/**
 * An exit during a catch-up that comes after the host clock's now (the restarted process slept
 * past it): the container runs until then. True when the exit was put off.
 */
export function deferExit(d: Daemon, c: Container, exitCode: number): boolean {
  // Only a sleep puts it off: the run's own reads of the time move it on by a few ms past the target.
  if (!d.catchUp || d.catchUp.sleptMs === 0 || d.catchUp.virtualMs <= d.catchUp.targetMs) return false;
  c.pendingExit = { atMs: d.catchUp.virtualMs, code: exitCode };
  return true;
}

/**
 * docker wait on a container that will exit by itself: the host clock moves on to its next exit
 * (a restarting container's next run ends, or a restarted process's sleep ends), which settle()
 * then runs. False when nothing would end it.
 */
export async function untilNextExit(d: Daemon, c: Container): Promise<boolean> {
  const clock = d.clock as { advance?: (ms: number) => void };
  for (let i = 0; i < 2; i++) {
    const at = c.state.status === 'restarting' ? c.restartManager?.dueMs : c.pendingExit?.atMs;
    if (at === undefined || !clock.advance) return false;
    const wasRestarting = c.state.status === 'restarting';
    clock.advance(Math.max(0, at - d.clock.now()));
    await settle(d);
    // A restart whose run ended at once: that exit is the one waited for.
    if (!(wasRestarting && c.state.status === 'running')) return true;
  }
  return c.state.status !== 'running';
}
