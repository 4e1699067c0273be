// A lesson taken on a real host (`overlay-tutor --real`): what the lesson runner needs of it. The
// learner's lines run there (in a real bash against the tutor's private dockerd) and the step's
// checks and values read it; the runner's simulated host becomes the twin that runs each line
// too, silently, so the screen can show the prediction beside what happened. The real side lives
// in src/real/ (processes and files); this is only the contract, so the core stays free of them.
import type { Host } from '../host/host.js';
import type { CommandIO, CommandTrace } from '../shell/command.js';

export interface RealLineResult {
  exitCode: number;
  /** The line stopped by Ctrl-C (status 130). */
  interrupted?: boolean;
  /** The line's `exit` ended the bash (another took up where it left off). */
  exited?: boolean;
  /** Every traced command it ran (argv, stdout, exit), for checks like `printed … by sha256sum`. */
  commands: CommandTrace[];
}

export interface RealSide {
  /** Where the lines run: against the tutor's private dockerd, or on the kernel alone (a lesson with
   * `real: kernel`: a mount namespace of the lesson's own, no Docker). */
  readonly on: 'daemon' | 'kernel';
  /** The real host the checks and values read (its daemon's answers fresh after each line). */
  readonly host: Host;
  /** A learner's line, its output written to `io` as it comes; `io.signal` stops it (Ctrl-C). */
  run(line: string, io: CommandIO): Promise<RealLineResult>;
  /** `answer`'s argument expanded by the real bash (`answer $(docker inspect …)`, `"$C2"`). */
  expand(raw: string): Promise<string>;
  /** The lesson's start again: what it made on the daemon removed, a fresh bash, the setup run,
   * then `lines` replayed, silently but for what `say` hears of its progress (reset, undo, opening
   * the lesson at a step: it takes seconds). */
  rebuild(setup: readonly string[], lines: readonly string[], say?: (s: string) => void): Promise<void>;
  prompt(): string;
}

/** What a lesson's line did on both hosts: the screen's F2 view compares them. */
export interface LinePair {
  line: string;
  sim: { output: string; exitCode: number };
  real: { output: string; exitCode: number; interrupted?: boolean };
}

/** Why a lesson runs on the simulated host only on this real one (worded by TUTOR_STRINGS). */
export type SimulatorOnly =
  | { why: 'legacy-overlay'; version: string }
  | { why: 'no-busybox' }
  /** A `matches_solution` check: its goal state is a simulated host's (src/lessons/goal-state.ts). */
  | { why: 'goal-state' }
  /** A docker lesson on a machine without dockerd (the kernel lessons still run for real). */
  | { why: 'no-dockerd' }
  /** A docker lesson under `--real=kernel`: the real kernel alone was asked for, no dockerd started. */
  | { why: 'kernel-only' }
  /** A kernel lesson whose workdir's parent (outside /tmp and /root) is not on this machine. */
  | { why: 'no-workdir-parent'; dir: string }
  /** A kernel lesson whose lab could not be made here (unshare refused, no overlay, the tutor's dir …). */
  | { why: 'no-lab'; detail: string };

/** Where a lesson runs under `--real`, as the lesson map shows it. */
export type RealPlace = { on: 'daemon' } | { on: 'kernel' } | { on: 'simulator'; why: SimulatorOnly };
