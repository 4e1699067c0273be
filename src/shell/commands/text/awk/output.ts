// awk's input and output beyond the main records: stdout (buffered as gawk buffers it), files
// written with > and >>, `getline < file`, and commands — system(), `print | cmd`, `cmd | getline`
// — whose results come from io.command (awk.ts runs them and replays the program).
import type { Budget } from '../../../../kernel/index.js';
import { AwkFatal, AwkState } from './state.js';
import { errText } from '../../options.js';

export type Op = { kind: 'out' | 'err'; data: string };

export interface CmdResult {
  out: string;
  err: string;
  status: number;
}

/** A command the program needs run before it can go on (see runOnce in awk.ts). */
export class NeedCommand {
  constructor(
    readonly key: string,
    readonly cmd: string,
    readonly stdin: string,
  ) {}
}

export interface Io {
  readFile(path: string): string;
  writeFile(path: string, data: string, append: boolean): void;
  /** Next record from the main input (plain getline), or undefined at its end. */
  nextMain(): string | undefined;
  /** The simulated host's clock, in milliseconds (systime, strftime). */
  now(): number;
  /** A command's result, by a key unique within the run; throws NeedCommand until it has run. */
  command(key: string, cmd: string, stdin: string): CmdResult;
  /** The line's budget (src/kernel/budget.ts): each statement ticks it, queued output is held to it. */
  budget: Budget;
}

export class AwkOutput extends AwkState {
  readonly ops: Op[] = [];
  private opened = new Set<string>();
  private pipes = new Map<string, string>();
  private readers = new Map<string, { recs: string[]; i: number }>();
  private cmdReaders = new Map<string, { recs: string[]; i: number; status: number }>();
  private runs = 0;

  constructor(readonly io: Io) {
    super();
  }

  /** Output to a redirection: `> file` truncates on first use, then appends; `| cmd` collects. */
  emitTo(data: string, mode: string, target: string): void {
    if (mode === '|') {
      this.pipes.set(target, (this.pipes.get(target) ?? '') + data);
      return;
    }
    if (target === '/dev/stdout' || target === '-') this.out(data);
    else if (target === '/dev/stderr') this.ops.push({ kind: 'err', data });
    else {
      const append = mode === '>>' || this.opened.has(target);
      try {
        this.io.writeFile(target, data, append);
      } catch (e) {
        throw new AwkFatal(`cannot redirect to \`${target}': ${errText(e)}`);
      }
      this.opened.add(target);
    }
  }

  /**
   * gawk's own stdout is line-buffered on a terminal but block-buffered into a pipe or file:
   * there, what it printed waits until system() or exit, after the pipes it opened have been
   * closed — so `print | "sort"` output comes first. `buffered` says which case this is.
   */
  buffered = false;
  private pending = '';

  out(data: string): void {
    if (this.buffered) {
      this.pending += data;
      this.io.budget.holding(this.pending.length);
    } else this.queue(data);
  }

  private queued = 0;

  private queue(data: string): void {
    this.queued += data.length;
    this.io.budget.holding(this.queued);
    const last = this.ops[this.ops.length - 1];
    if (last?.kind === 'out') last.data += data;
    else this.ops.push({ kind: 'out', data });
  }

  flushOut(): void {
    if (this.pending !== '') this.queue(this.pending);
    this.pending = '';
  }

  /** Runs a command (once per run position) and queues what it printed. */
  private run(cmd: string, stdin: string): CmdResult {
    const r = this.io.command(String(this.runs++), cmd, stdin);
    if (r.out !== '') this.queue(r.out);
    if (r.err !== '') this.ops.push({ kind: 'err', data: r.err });
    return r;
  }

  close(name: string): number {
    const p = this.pipes.get(name);
    if (p !== undefined) {
      this.pipes.delete(name);
      return this.run(name, p).status;
    }
    const cr = this.cmdReaders.get(name);
    if (cr) {
      this.cmdReaders.delete(name);
      return cr.status;
    }
    const had = this.opened.delete(name) || this.readers.delete(name);
    return had ? 0 : -1;
  }

  closeAll(): void {
    for (const name of [...this.pipes.keys()]) this.close(name);
  }

  system(cmd: string): number {
    this.flushOut();
    return this.run(cmd, '').status;
  }

  /** `cmd | getline [var]`: the command runs once, its output read line by line until close(). */
  getlineCmd(cmd: string): string | number {
    let r = this.cmdReaders.get(cmd);
    if (!r) {
      const res = this.io.command(String(this.runs++), cmd, '');
      if (res.err !== '') this.ops.push({ kind: 'err', data: res.err });
      const recs = res.out.split('\n');
      if (recs[recs.length - 1] === '') recs.pop();
      r = { recs, i: 0, status: res.status };
      this.cmdReaders.set(cmd, r);
    }
    const rec = r.recs[r.i];
    if (rec === undefined) return 0;
    r.i++;
    return rec;
  }

  /** `getline [var] < file`: 1, 0 at end of file, -1 when it cannot be read. */
  getlineFile(name: string): string | number {
    let r = this.readers.get(name);
    if (!r) {
      let data: string;
      try {
        data = this.io.readFile(name);
      } catch {
        return -1;
      }
      const recs = data.split('\n');
      if (recs[recs.length - 1] === '') recs.pop();
      r = { recs, i: 0 };
      this.readers.set(name, r);
    }
    const rec = r.recs[r.i];
    if (rec === undefined) return 0;
    r.i++;
    return rec;
  }
}
