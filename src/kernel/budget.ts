// What a command line may spend, and the learner's Ctrl-C: the simulator's stand-in for the
// kernel's SIGINT and rlimits. The whole simulator shares one JavaScript thread with the screen,
// so a loop that never ends would freeze the tutor for good: every loop in the shell and in the
// tools (sed, awk, grep, jq, cp, the builder) counts its rounds here and is stopped when
//   - the learner pressed Ctrl-C (an AbortSignal the screen fires),
//   - the line ran too many shell commands, for too long, wrote too much, or grew the heap too far,
//   - one synchronous stretch kept the event loop longer than a slice: the screen cannot even see
//     Ctrl-C until the stretch ends, so no stretch may outlast a fraction of a second.
// The shell's loops are asynchronous: pause() lets the screen read keys every few milliseconds.
// A tool's synchronous core that may loop without counting (a backtracking regular expression,
// jq's WebAssembly) runs through sync(), which V8 itself stops when the slice is over
// (node:vm's timeout, TerminateExecution): the tool's own state is lost, never the session.
import v8 from 'node:v8';
import vm from 'node:vm';

export type BudgetReason = 'interrupt' | 'steps' | 'time' | 'slice' | 'output' | 'memory';

export interface BudgetLimits {
  /** Shell commands and loop rounds in one line. */
  steps: number;
  /** Wall time of one line, in milliseconds. */
  ms: number;
  /** The longest one synchronous stretch may keep the event loop (and the screen's keys). */
  sliceMs: number;
  /** Bytes written to pipes, substitutions and the terminal in one line. */
  outputBytes: number;
  /** Growth of the JavaScript heap during one line. */
  memoryBytes: number;
}

export const DEFAULT_BUDGET: BudgetLimits = {
  steps: 20_000,
  ms: 15_000,
  sliceMs: 500,
  outputBytes: 16 << 20,
  memoryBytes: 768 << 20,
};

/** How far past the slice V8 stops a synchronous stretch that did not stop itself. */
const SYNC_MARGIN_MS = 100;

/** How often the shell lets the screen in (read keys, draw held output). */
const YIELD_MS = 16;

/** Thrown through every frame of the command that overspent; not an Error, so no catch-all in a
 * tool takes it for its own failure. */
export class BudgetExceeded {
  /** Set once a tool has printed its message, so the shell does not print another. */
  reported = false;
  constructor(
    readonly reason: BudgetReason,
    readonly message: string,
  ) {}
  /** The exit status: the command died as if by SIGINT. */
  get status(): number {
    return 130;
  }
}

export interface BudgetHooks {
  now?: () => number;
  /** Bytes of heap in use (V8's used heap plus external memory, by default). */
  heapUsed?: () => number;
}

const script = new vm.Script('run()', { filename: 'overlay-tutor:budget' });
const sandbox = vm.createContext({ run: () => undefined });

// V8's own statistics, not process.memoryUsage(): that one also reads the process's RSS from
// /proc, twenty times the cost, and every line's budget asks at least once.
function defaultHeap(): number {
  const h = v8.getHeapStatistics();
  return h.used_heap_size + h.external_memory;
}

export class Budget {
  readonly limits: BudgetLimits;
  steps = 0;
  output = 0;
  private readonly now: () => number;
  private readonly heapUsed: () => number;
  /** When the line started, moved on by the time it spent waiting (idle). */
  private started: number;
  private sliceStart: number;
  private lastMemoryCheck: number;
  private heapBase: number;
  private work = 0;
  private inSync = false;
  private armed = false;
  /** Why the line was stopped, once it was: the stages of a pipeline run side by side, and when
   * one is stopped every other one stops at its next check (and a wait wakes: onStop). */
  private stoppedBy: BudgetExceeded | undefined;
  private readonly stopListeners = new Set<() => void>();

  constructor(
    limits: Partial<BudgetLimits> = {},
    readonly signal?: AbortSignal,
    hooks: BudgetHooks = {},
  ) {
    this.limits = { ...DEFAULT_BUDGET, ...limits };
    this.now = hooks.now ?? (() => performance.now());
    this.heapUsed = hooks.heapUsed ?? defaultHeap;
    this.started = this.now();
    this.sliceStart = this.started;
    this.lastMemoryCheck = this.started;
    this.heapBase = this.heapUsed();
  }

  /** A shell step: a simple command or a loop round. */
  step(what: string): void {
    if (++this.steps > this.limits.steps) {
      throw this.stop('steps', `stopped after ${this.limits.steps} commands in one line (an endless ${what} loop?)`);
    }
    // Not the slice: the shell lets the screen in at every command (pause), and what it did since
    // (expanding a long $(…), say) is bounded work, not a loop.
    this.check(false);
  }

  /** One round of a tool's loop: cheap; every 128th looks at the signal, the clock and the heap. */
  tick(): void {
    if ((++this.work & 127) === 0) this.check();
  }

  /** Notices the next turn of the event loop, whoever awaits it (a tool loading jq's WebAssembly
   * holds nothing while it waits): the slice starts again there. */
  private arm(): void {
    if (this.armed) return;
    this.armed = true;
    setImmediate(() => {
      this.armed = false;
      this.sliceStart = this.now();
    });
  }

  /** Records why the line stops (the first reason wins) and wakes whoever waits (onStop). A
   * stretch over its slice stops only itself: the next turn of the event loop starts a new one. */
  private stop(reason: BudgetReason | BudgetExceeded, message = ''): BudgetExceeded {
    const err = reason instanceof BudgetExceeded ? reason : new BudgetExceeded(reason, message);
    if (!this.stoppedBy && err.reason !== 'slice') {
      this.stoppedBy = err;
      for (const listener of [...this.stopListeners]) listener();
    }
    return err;
  }

  /** The line was stopped already (another stage of its pipeline overspent): this one stops too,
   * without saying so again. */
  private stoppedAgain(): BudgetExceeded | undefined {
    const first = this.stoppedBy;
    if (!first) return undefined;
    const again = new BudgetExceeded(first.reason, first.message);
    again.reported = true;
    return again;
  }

  /** Whether the line was stopped (Ctrl-C or a limit), by any of its stages. */
  get stopped(): boolean {
    return this.stoppedBy !== undefined || this.signal?.aborted === true;
  }

  /** Calls back once the line is stopped (Ctrl-C or a limit passed): a wait for another stage
   * of a pipeline wakes then. Returns the way to stop listening. */
  onStop(listener: () => void): () => void {
    if (this.stopped) {
      queueMicrotask(listener);
      return () => {};
    }
    const signal = this.signal;
    const once = (): void => {
      off();
      listener();
    };
    const off = (): void => {
      this.stopListeners.delete(once);
      signal?.removeEventListener('abort', once);
    };
    this.stopListeners.add(once);
    signal?.addEventListener('abort', once, { once: true });
    return off;
  }

  /** Stops the command if Ctrl-C came or any limit is passed (the slice too, unless told not to). */
  check(slice = true): void {
    this.arm();
    const again = this.stoppedAgain();
    if (again) throw again;
    if (this.signal?.aborted) throw this.stop('interrupt', '');
    const t = this.now();
    if (t - this.started > this.limits.ms) {
      throw this.stop('time', `stopped after ${seconds(this.limits.ms)} (an endless loop?)`);
    }
    if (slice && t - this.sliceStart > this.limits.sliceMs) throw this.stop(this.sliceExceeded());
    if (t - this.lastMemoryCheck > 20) {
      this.lastMemoryCheck = t;
      if (this.heapUsed() - this.heapBase > this.limits.memoryBytes) {
        throw this.stop('memory', `stopped: out of memory (it took over ${mb(this.limits.memoryBytes)})`);
      }
    }
  }

  private sliceExceeded(): BudgetExceeded {
    return new BudgetExceeded('slice', `stopped after ${seconds(this.limits.sliceMs)} of work (an endless loop?)`);
  }

  /** Counts bytes a command wrote (to a pipe, a substitution or the terminal). `into` names the
   * command reading the pipe when it holds all its input before it writes (sort): the message
   * says so, since its reader is why a pipe's bytes were kept at all. */
  wrote(bytes: number, into?: string): void {
    // Not stoppedAgain(): a stopped tool still writes what it had (sed, awk), as a killed one's
    // last write reaches the terminal.
    this.output += bytes;
    if (this.output > this.limits.outputBytes) {
      const why = into ? ` (${into} reads all its input before it writes anything)` : '';
      throw this.stop('output', `${outputMessage(this.limits.outputBytes)}${why}`);
    }
  }

  /** Checks the input a command holds whole before it starts (sort, gzip after docker save's
   * 187 MB went through the pipe as a description) against the output cap: past it the command
   * stops, as a real one would run out of memory. */
  heldInput(bytes: number): void {
    if (bytes > this.limits.outputBytes) {
      throw this.stop(
        'output',
        `stopped: its input is over ${mb(this.limits.outputBytes)}, the tutor's limit for what one command ` +
          'holds (it reads all its input before it writes anything)',
      );
    }
  }

  /** Checks what a tool holds before writing it (awk's queued output) against the output cap. */
  holding(bytes: number): void {
    if (this.output + bytes > this.limits.outputBytes) {
      throw this.stop('output', outputMessage(this.limits.outputBytes));
    }
  }

  /** Whether someone can stop the line (a screen's or REPL's Ctrl-C): a command that would wait
   * forever (docker logs -f, docker stats) waits only then. */
  get interruptible(): boolean {
    return this.signal !== undefined;
  }

  /**
   * Waits `ms` of real time, as a command that waits for something to happen (docker logs -f,
   * docker stats between frames): Ctrl-C ends the wait at once (and the command, as an interrupt);
   * the time waited does not count against the line's time, which bounds work, not waiting.
   */
  async idle(ms: number): Promise<void> {
    this.check(false);
    const t0 = this.now();
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        off();
        resolve();
      };
      const timer = setTimeout(done, ms);
      const off = this.onStop(done);
    });
    const now = this.now();
    this.started += now - t0;
    this.sliceStart = now;
    this.check(false);
  }

  /** Waits for the user (an editor open on the screen): the time spent waiting is not the line's. */
  async waitFor<T>(wait: Promise<T>): Promise<T> {
    const before = this.now();
    try {
      return await wait;
    } finally {
      const waited = this.now() - before;
      this.started += waited;
      this.sliceStart = this.now();
      this.lastMemoryCheck = this.sliceStart;
    }
  }

  /** Lets the screen in (keys, drawing) when the shell has held the thread for a while. */
  async pause(): Promise<void> {
    this.check(false);
    if (this.now() - this.sliceStart < YIELD_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.check(false);
  }

  /**
   * Runs a synchronous stretch that may loop where it cannot count (a regular expression, a
   * WebAssembly call); V8 ends it when the slice is over. Its state is then lost: the caller must
   * not reuse it (a regex object is fine; a WebAssembly instance is not).
   */
  sync<T>(fn: () => T): T {
    this.check();
    if (this.inSync) return fn();
    // A margin past the slice, so that a stretch that ticks stops itself first, cleanly (its
    // catch blocks run; V8's termination skips them).
    const left = Math.max(1, Math.ceil(this.limits.sliceMs - (this.now() - this.sliceStart))) + SYNC_MARGIN_MS;
    this.inSync = true;
    (sandbox as { run: () => unknown }).run = fn;
    try {
      return script.runInContext(sandbox, { timeout: left }) as T;
    } catch (err) {
      if ((err as { code?: string })?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw this.stop(this.sliceExceeded());
      throw err;
    } finally {
      (sandbox as { run: () => unknown }).run = () => undefined;
      this.inSync = false;
    }
  }

  /** Whether sync() is running right now (a stretch inside it need not wrap itself again). */
  get preempting(): boolean {
    return this.inSync;
  }
}

/** A budget for work outside any command line (a lesson's check, a test). */
export function freshBudget(): Budget {
  return new Budget();
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} seconds` : `${(ms / 1000).toFixed(1)} seconds`;
}

/** Why a line that wrote too much stopped: `cat /dev/zero` and `yes` are no loops, and a real one
 * would run on, so the message names the tutor's limit rather than guessing at a bug. */
function outputMessage(bytes: number): string {
  return `stopped after writing ${mb(bytes)}, the tutor's limit for one line`;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1 << 20))} MB`;
}
