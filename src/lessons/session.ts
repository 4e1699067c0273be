// A lesson being taken: the step the learner is on, what they ran and saw in it, hints shown,
// the solution (tried on a copy first, asked for, then replayed), undo and reset. The simulated
// host is deterministic for its seed, so undo rebuilds it from the seed, the lesson's setup and
// the command log minus the last command that changed the host, instead of snapshotting the disk.
import type { SimHost } from '../host/sim-host.js';
import { parseHostDate } from '../host/host-time.js';
import type { CommandIO } from '../shell/command.js';
import { expandAnswer, judgeAnswer, diagnose as toldMistakes } from './answers.js';
import {
  computeValue,
  describeCheck,
  emptyRecord,
  evaluate,
  type StepRecord,
  traceInto,
  ValueError,
} from './checks.js';
import type { Lesson } from './loader.js';
import type { LinePair, RealSide } from './real-side.js';
import type { CheckHost } from './values.js';
import type { Check, StepData, Value } from './schema.js';
import { type Diagnosis, type TrialLine, tryLines, wayOutCandidates } from './solution-trial.js';
import { behaviourOf } from './step-kinds.js';
import { bannedBy, type SessionRules } from './exercise-set.js';
import type { Aid } from './progress.js';
import { type Grade, TUTOR_STRINGS } from './tutor-strings.js';
import type { Lang, LessonSession, LessonTurn, StepView } from './types.js';

/** A fresh host for a lesson: its seed, and the date its file pins the clock at, if any. */
export type MakeHost = (seed: number, pinnedStart?: number) => SimHost;

export interface RunnerOptions {
  /** Resume at this step. */
  startAt?: number;
  /** Called when a step is done: its id, the step to resume at, and the grade at the end. */
  onStep?: (stepId: string, next: number, grade?: Grade) => void;
  /** An exercise set's rules: no solution, maybe no hints, banned commands refused. */
  rules?: SessionRules;
  /** The help this run of the lesson took before it was left (from the progress file). */
  aided?: Aid | undefined;
  /** Called when the learner first takes a hint, and first takes the solution. */
  onAid?: (aid: Aid) => void;
  /** The lines that bring the host to `startAt` (a presenter's rewind: the command log up to
   * there); by default the reference solutions of the steps before it. */
  replay?: readonly ReplayLine[];
  /** A real host the lesson runs on (`--real`): the learner's lines run there and the checks read
   * it; the simulated host runs each line too, as the prediction (src/lessons/real-side.ts). */
  real?: RealSide;
  /** Where a real host's preparation says what it does (it takes seconds); by default the real
   * side's own place. */
  say?: (text: string) => void;
}

/** A shell line and the step (0-based) it was run in. */
export interface ReplayLine {
  step: number;
  line: string;
}

/** What the learner used in a step: hints shown, whether the reference solution ran. */
export interface StepUsage {
  hints: number;
  solution: boolean;
}

/** One shell line the learner ran: for undo (did it change the host?) and for the checks. */
interface LogEntry extends TrialLine {
  step: number;
  /** The disk, the mount table or the daemon moved on while it ran. */
  changed: boolean;
}

/** A value the learner found, for the recap: what it is (when it has a name of its own), the
 * step (1-based) it was found in, and the value itself. */
export interface FoundValue {
  value?: Value;
  step: number;
  shown: string;
}

const QUIET: CommandIO = {
  stdin: new Uint8Array(0),
  stdout: () => {},
  stderr: () => {},
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
};

/** What moves on when a command changes the host: the kernel's disk and mounts, the daemon. */
function stamp(host: SimHost): [number, unknown, number | undefined] {
  return [host.kernel.generation, host.docker, host.docker?.generation];
}

const sameStamp = (a: ReturnType<typeof stamp>, b: ReturnType<typeof stamp>) => a.every((x, i) => x === b[i]);

export class LessonRunner implements LessonSession {
  host!: SimHost;
  index = 0;
  /** Every shell line the learner ran in this lesson, in order, with the step it belonged to. */
  private log: LogEntry[] = [];
  /** Where the current step's record starts in the log (a step revisited starts afresh). */
  private recordFrom = 0;
  /** What the checks see of the current step: its lines, their output and commands, answers. */
  private record: StepRecord = emptyRecord();
  private hintsShown = 0;
  private usedHints = false;
  private usedSolution = false;
  /** `solution` asked: the lines a `y` runs (a way out first, when the state needs one). */
  private confirming: string[] | undefined;
  private readonly doneSteps = new Set<string>();
  private readonly found = new Map<string, FoundValue>();
  private diagnosed: { key: string; diagnosis: Diagnosis } | undefined;
  /** Per step id: hints shown and the solution used, over every visit of the step. */
  private readonly used = new Map<string, StepUsage>();
  grade: Grade | undefined;
  /** On a real host: the last line as the simulator predicted it and as the real host ran it. */
  lastPair: LinePair | undefined;

  private constructor(
    readonly lesson: Lesson,
    readonly lang: Lang,
    private readonly makeHost: MakeHost,
    private readonly opts: RunnerOptions,
  ) {}

  /** A fresh lesson, or one resumed at `startAt`: the steps before it are replayed from their
   * reference solutions, so the host is in the state those steps leave. */
  static async start(lesson: Lesson, lang: Lang, makeHost: MakeHost, opts: RunnerOptions = {}): Promise<LessonRunner> {
    const r = new LessonRunner(lesson, lang, makeHost, opts);
    r.usedSolution = opts.aided === 'with-solution';
    r.usedHints = opts.aided !== undefined;
    const before = lesson.data.steps.slice(0, Math.min(opts.startAt ?? 0, lesson.data.steps.length - 1));
    const lines = (opts.replay?.filter((l) => l.step < before.length) ?? referencePath(lesson, before.length)).map(
      ({ step, line }) => ({ step, line, exit: 0, output: '', commands: [], changed: true }),
    );
    r.host = await r.replay(lines);
    await opts.real?.rebuild(
      lesson.data.setup,
      lines.map((l) => l.line),
      opts.say,
    );
    r.log = lines;
    r.recordFrom = lines.length;
    for (const s of before) r.doneSteps.add(s.id);
    r.index = before.length;
    return r;
  }

  private get m() {
    return TUTOR_STRINGS[this.lang];
  }

  /** The host the checks and values read: the real one when the lesson runs there. */
  get checkHost(): CheckHost {
    return this.opts.real?.host ?? this.host;
  }

  /** Whether the lesson runs on a real host. */
  get onRealHost(): boolean {
    return this.opts.real !== undefined;
  }

  /** Every shell line run in this lesson so far, with its step: the host is these, replayed. */
  loggedLines(): ReplayLine[] {
    return this.log.map(({ step, line }) => ({ step, line }));
  }

  get step(): StepData {
    return this.lesson.data.steps[this.index] as StepData;
  }

  private get texts() {
    return this.lesson.texts[this.lang];
  }

  /** The record again from the step's log entries, after undo took one out (answers given and
   * mistakes already told stay). */
  private rederive(): void {
    const mine = this.log.slice(this.recordFrom);
    this.record = {
      ...this.record,
      ran: mine.map((e) => ({ line: e.line, exit: e.exit })),
      output: mine.map((e) => e.output).join(''),
      commands: mine.flatMap((e) => e.commands),
    };
  }

  /** A fresh host: seed, setup, then the given lines, all silently. */
  private async replay(lines: readonly { line: string }[]): Promise<SimHost> {
    const pinned = this.lesson.data.date === undefined ? undefined : parseHostDate(this.lesson.data.date);
    const host = this.makeHost(this.lesson.data.seed, pinned);
    for (const line of this.lesson.data.setup) await host.session.run(line, QUIET);
    // The learner typed these at the tutor, on a terminal (docker run -it needs one).
    for (const l of lines) await host.session.run(l.line, { ...QUIET, stdinIsTerminal: true });
    return host;
  }

  /** The host again from the lesson's start and `entries`; on a real host that takes seconds, which
   * `io` is told first. */
  private async rebuild(entries: LogEntry[], io?: CommandIO): Promise<void> {
    if (this.opts.real) io?.stdout(`${this.m.real.rebuilding}\n`);
    this.host = await this.replay(entries);
    await this.opts.real?.rebuild(
      this.lesson.data.setup,
      entries.map((e) => e.line),
      io ? (text) => io.stdout(text) : () => {},
    );
    this.lastPair = undefined;
    this.log = entries;
  }

  prompt(): string {
    return this.opts.real?.prompt() ?? this.host.session.prompt();
  }

  /** {{chainid ubuntu:20.04 2}} and friends, filled from the host ("…" while not computable). */
  fill(text: string): string {
    // Only the value names: Go templates such as {{json .RootFS.Layers}} in a text stay as written.
    return text.replace(
      /\{\{\s*(diffid|chainid|cacheid|link|image_id|container_id|mount_id|layer_count|short)((?:\s+[^\s}]+)*)\s*\}\}/g,
      (_all, name: string, args: string) => {
        try {
          return computeValue(this.checkHost, placeholderValue(name, args.trim().split(/\s+/).filter(Boolean)));
        } catch (e) {
          if (e instanceof ValueError) return '…';
          throw e;
        }
      },
    );
  }

  view(): StepView {
    const step = this.step;
    const t = this.texts.steps[step.id];
    const record = this.record;
    const checks = behaviourOf(step)
      .checks(step)
      .map((c) => ({ label: describeCheck(c), passed: evaluate(this.checkHost, c, record) }));
    return {
      lessonId: this.lesson.data.id,
      lessonTitle: this.texts.title,
      index: this.index,
      count: this.lesson.data.steps.length,
      id: step.id,
      kind: step.kind,
      text: this.fill(t?.text ?? ''),
      ...(t?.goal ? { goal: this.fill(t.goal) } : {}),
      ...(step.pane ? { pane: step.pane } : {}),
      hintsShown: (t?.hints ?? []).slice(0, this.hintsShown).map((h) => this.fill(h)),
      hintsLeft: Math.max(0, (t?.hints?.length ?? 0) - this.hintsShown),
      checks,
      done: this.doneSteps.has(step.id),
    };
  }

  /** What the learner used in the step: hints, the solution. */
  usage(stepId: string): StepUsage {
    return this.used.get(stepId) ?? { hints: 0, solution: false };
  }

  /** Whether the step was completed (in this session, or replayed as done when it resumed). */
  isDone(stepId: string): boolean {
    return this.doneSteps.has(stepId);
  }

  private use(change: Partial<StepUsage>): void {
    const u = this.usage(this.step.id);
    this.used.set(this.step.id, { hints: u.hints + (change.hints ?? 0), solution: u.solution || !!change.solution });
  }

  /** A step judged against the state its solution leaves (`matches_solution`) gets that state
   * built once: the lesson's reference path to the step, then the step's solution. */
  private async ensureGoal(): Promise<void> {
    const step = this.step;
    if (this.record.goal || !behaviourOf(step).checks(step).some(wantsGoal)) return;
    const before = this.lesson.data.steps.slice(0, this.index);
    const lines = [
      ...before.flatMap((s) => (behaviourOf(s).solutionMovesHost ? behaviourOf(s).solution(s) : [])),
      ...behaviourOf(step).solution(step),
    ];
    this.record.goal = await this.replay(lines.map((line) => ({ line })));
  }

  /** Whether the current step's checks all pass (a step without checks never does). */
  passes(): boolean {
    const checks = behaviourOf(this.step).checks(this.step);
    return this.passesWith(checks, this.record);
  }

  private passesWith(checks: readonly Check[], record: StepRecord, host: CheckHost = this.checkHost): boolean {
    return checks.length > 0 && checks.every((c) => evaluate(host, c, record));
  }

  /** The values the learner found so far (answers taken, values a step asked to show). */
  foundValues(): FoundValue[] {
    return [...this.found.values()];
  }

  private noteFound(step: StepData): void {
    const b = behaviourOf(step);
    const answer = b.answer(step);
    const values = answer === undefined ? b.checks(step).flatMap(shownValues) : [answer];
    for (const v of values) {
      try {
        const shown = computeValue(this.checkHost, v);
        const named = typeof v === 'object' && !Array.isArray(v);
        this.found.set(named ? JSON.stringify(v) : `step ${this.index}`, {
          ...(named ? { value: v } : {}),
          step: this.index + 1,
          shown,
        });
      } catch (e) {
        if (!(e instanceof ValueError)) throw e;
      }
    }
  }

  private advance(messages: string[], again = false): LessonTurn {
    const step = this.step;
    const t = this.texts.steps[step.id];
    if (!again) {
      if (!behaviourOf(step).reading) messages.push(this.m.done + (t?.done ? ` ${this.fill(t.done)}` : ''));
      if (this.lesson.data.efficiency && !behaviourOf(step).reading) {
        const used = this.log.filter((e) => e.step === this.index).length;
        messages.push(this.m.efficiency(used, behaviourOf(step).solution(step).length));
      }
      this.noteFound(step);
    }
    this.doneSteps.add(step.id);
    if (this.index === this.lesson.data.steps.length - 1) {
      this.grade = this.usedSolution ? 'with-solution' : this.usedHints ? 'with-hints' : 'clean';
      this.opts.onStep?.(step.id, 0, this.grade);
      messages.push(this.m.lessonDone);
      return { messages, leave: 'finished', exitCode: 0 };
    }
    this.opts.onStep?.(step.id, this.index + 1);
    this.moveTo(this.index + 1);
    return { messages, exitCode: 0 };
  }

  private moveTo(index: number): void {
    this.index = index;
    this.recordFrom = this.log.length;
    this.hintsShown = 0;
    this.diagnosed = undefined;
    this.record = emptyRecord();
  }

  /** A shell line as the learner's: run, logged, recorded for checks, then the step checked. */
  private async shell(line: string, io: CommandIO): Promise<LessonTurn> {
    let out = '';
    const dec = new TextDecoder();
    const tee = (write: (d: string | Uint8Array) => void) => (d: string | Uint8Array) => {
      out += typeof d === 'string' ? d : dec.decode(d);
      write(d);
    };
    const from = this.record.commands.length;
    if (this.opts.real) return this.realShell(this.opts.real, line, io, from);
    const before = stamp(this.host);
    const untrace = traceInto(this.host, this.record);
    const banned = this.opts.rules?.banned ?? [];
    // Only the learner's own lines are refused: setup and the solutions replayed under undo may use them.
    if (banned.length)
      this.host.session.refuse = (argv) => {
        const ban = bannedBy(argv, banned);
        return ban === undefined ? undefined : this.m.banned(ban);
      };
    const r = await this.host.session
      .run(line, { ...io, stdout: tee(io.stdout), stderr: tee(io.stderr) })
      .finally(() => {
        this.host.session.refuse = undefined;
      });
    untrace();
    const commands = this.record.commands.slice(from);
    const changed = !sameStamp(before, stamp(this.host));
    const turn = await this.judgeLine(
      { step: this.index, line, exit: r.exitCode, output: out, commands, changed },
      from,
    );
    return r.exited ? { ...turn, messages: [this.m.exitStays, ...turn.messages] } : turn;
  }

  /** A line on a real host: run there for the learner to see, and on the simulated twin at the
   * same time, silently (the prediction, and whether the line changed the host, for undo). */
  private async realShell(real: RealSide, line: string, io: CommandIO, from: number): Promise<LessonTurn> {
    let out = '';
    let predicted = '';
    const dec = new TextDecoder();
    const simDec = new TextDecoder();
    const tee = (write: (d: string | Uint8Array) => void) => (d: string | Uint8Array) => {
      out += typeof d === 'string' ? d : dec.decode(d, { stream: true });
      write(d);
    };
    const keep = (d: string | Uint8Array) => {
      predicted += typeof d === 'string' ? d : simDec.decode(d, { stream: true });
    };
    const before = stamp(this.host);
    // The twin stops when the real line is stopped, and in any case after 10 s (a line that follows
    // a log or waits for input must not hold the learner's prompt).
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), 10_000);
    const onAbort = () => stop.abort();
    io.signal?.addEventListener('abort', onAbort, { once: true });
    const [sim, r] = await Promise.all([
      this.host.session
        .run(line, { ...QUIET, stdout: keep, stderr: keep, signal: stop.signal })
        .catch((e: Error) => ({ exitCode: 1, exited: false, failed: e.message })),
      real.run(line, { ...io, stdout: tee(io.stdout), stderr: tee(io.stderr) }),
    ]).finally(() => {
      clearTimeout(timer);
      io.signal?.removeEventListener('abort', onAbort);
    });
    if ('failed' in sim) predicted += `(the simulator stopped: ${sim.failed})\n`;
    this.lastPair = {
      line,
      sim: { output: predicted, exitCode: sim.exitCode },
      real: { output: out, exitCode: r.exitCode, ...(r.interrupted ? { interrupted: true } : {}) },
    };
    const changed = !sameStamp(before, stamp(this.host));
    this.record.commands.push(...r.commands);
    const entry = { step: this.index, line, exit: r.exitCode, output: out, commands: r.commands, changed };
    const turn = await this.judgeLine(entry, from);
    return r.exited ? { ...turn, messages: [this.m.real.exitStays, ...turn.messages] } : turn;
  }

  /** A line that ran: logged, recorded for the checks, then the step checked. */
  private async judgeLine(entry: LogEntry, from: number): Promise<LessonTurn> {
    const { line, exit, output } = entry;
    this.log.push(entry);
    this.record.ran.push({ line, exit });
    this.record.output += output;
    await this.ensureGoal();
    // A step done before and come back to waits for `next`: the learner is looking again.
    if (!this.doneSteps.has(this.step.id) && this.passes()) return this.advance([]);
    const step = this.step;
    const told = toldMistakes(this.checkHost, step, this.record, from, this.texts.steps[step.id]?.feedback);
    return { messages: told, exitCode: exit };
  }

  /** A line after the lesson (at its recap): run where the lesson ran, nothing judged. */
  async runLine(line: string, io: CommandIO): Promise<{ exitCode: number }> {
    return this.opts.real ? this.opts.real.run(line, io) : this.host.session.run(line, io);
  }

  /** The reference solution tried on a copy of the host as it is now (cached until the log or
   * the step changes): does it complete the step, and if not, what would clear its way? */
  async diagnose(): Promise<Diagnosis> {
    const key = `${this.index}:${this.recordFrom}:${this.log.length}`;
    if (this.diagnosed?.key === key) return this.diagnosed.diagnosis;
    await this.ensureGoal();
    const step = this.step;
    const lines = behaviourOf(step).solution(step);
    const trial = (base: readonly LogEntry[], first: string[]) =>
      this.replay(base).then((copy) => tryLines(copy, [...first, ...lines], (ran) => this.trialPasses(copy, ran)));
    let diagnosis: Diagnosis = { kind: 'ok' };
    const t = lines.length ? await trial(this.log, []) : ({ kind: 'ok' } as const);
    if (t.kind !== 'ok') {
      diagnosis = t.kind === 'blocked' ? { kind: 'blocked', line: t.line, said: t.said } : { kind: 'not-enough' };
      const nameOf = (id: string) => {
        try {
          return this.host.docker?.getContainer(id).name.replace(/^\//, '') ?? id.slice(0, 12);
        } catch {
          return id.slice(0, 12);
        }
      };
      for (const cmd of wayOutCandidates(t.kind === 'blocked' ? t.said : '', nameOf).slice(0, 3)) {
        if ((await trial(this.log, [cmd])).kind === 'ok') {
          diagnosis = { ...diagnosis, wayOut: cmd };
          break;
        }
      }
      // Else the step as it started, if that is not where the learner is already.
      if (!diagnosis.wayOut && this.log.length > this.recordFrom) {
        const atStart = this.log.filter((e) => e.step < this.index);
        if ((await trial(atStart, [])).kind === 'ok') diagnosis = { ...diagnosis, wayOut: 'reset' };
      }
    }
    this.diagnosed = { key, diagnosis };
    return diagnosis;
  }

  private trialPasses(copy: SimHost, ran: TrialLine[]): boolean {
    const step = this.step;
    const b = behaviourOf(step);
    const answer = b.answer(step);
    const output = this.record.output + ran.map((r) => r.output).join('');
    if (answer !== undefined) {
      try {
        const want = computeValue(copy, answer)
          .replace(/^sha256:/, '')
          .toLowerCase();
        return output.toLowerCase().includes(want);
      } catch (e) {
        if (e instanceof ValueError) return false;
        throw e;
      }
    }
    const record: StepRecord = {
      ...this.record,
      ran: [...this.record.ran, ...ran.map((r) => ({ line: r.line, exit: r.exit }))],
      output,
      commands: [...this.record.commands, ...ran.flatMap((r) => r.commands)],
      told: new Set(),
    };
    return this.passesWith(b.checks(step), record, copy);
  }

  /** The diagnosis in words, for a hint or before the solution; on a real host it says where the
   * solution was tried (the simulated twin's copy). */
  private explain(d: Diagnosis): string[] {
    if (d.kind === 'ok') return [];
    const head = d.kind === 'blocked' ? this.m.blockedAt(d.line ?? '', d.said ?? '') : this.m.notEnough;
    return [
      head,
      d.wayOut ? this.m.wayOut(d.wayOut) : this.m.noWayOut,
      ...(this.opts.real ? [this.m.real.trialOnTwin] : []),
    ];
  }

  /** On a real host, a step whose checks pass there now (a container that moved on by itself, a
   * file its process wrote after the line) is done: `hint` and `solution` judge the real host first. */
  private doneOnRealHost(): boolean {
    return (
      this.opts.real !== undefined &&
      !behaviourOf(this.step).reading &&
      !this.doneSteps.has(this.step.id) &&
      this.passes()
    );
  }

  async submit(line: string, io: CommandIO): Promise<LessonTurn> {
    const trimmed = line.trim();
    if (this.confirming) {
      const lines = this.confirming;
      this.confirming = undefined;
      if (/^y(es)?$/i.test(trimmed)) return this.runSolution(lines, io);
      if (/^(no?)?$/i.test(trimmed)) return { messages: [this.m.solutionNotRun], exitCode: 0 };
      // Anything else is the learner moving on (`undo`, a command): the question is dropped and
      // the line runs as typed, rather than being swallowed as a "no".
      const turn = await this.submit(line, io);
      return { ...turn, messages: [this.m.solutionNotRun, ...turn.messages] };
    }
    const [word, ...rest] = trimmed.split(/\s+/);
    const step = this.step;
    const b = behaviourOf(step);
    switch (word) {
      case '':
        if (b.reading) return this.advance([]);
        return { messages: [], exitCode: 0 };
      case 'next':
        if (this.doneSteps.has(step.id)) return this.advance([], true);
        if (b.reading || this.passes()) return this.advance([]);
        return { messages: [this.m.finishFirst], exitCode: 1 };
      case 'back':
        if (this.index === 0) return { messages: [this.m.first], exitCode: 1 };
        this.moveTo(this.index - 1);
        return { messages: [], exitCode: 0 };
      case 'hint': {
        if (this.doneOnRealHost()) return this.advance([]);
        const hints = this.texts.steps[step.id]?.hints ?? [];
        if (this.opts.rules && !this.opts.rules.hints) return { messages: [this.m.noHintsInSet], exitCode: 1 };
        const next = hints[this.hintsShown];
        if (next === undefined) return { messages: [b.reading ? this.m.noHintsReading : this.m.noHints], exitCode: 1 };
        if (!this.usedHints) this.opts.onAid?.('with-hints');
        this.usedHints = true;
        this.use({ hints: 1 });
        this.hintsShown++;
        const hint = `💡 ${this.fill(next)}`;
        // Under a set's rules the solution is closed: a hint does not say what it would do.
        const diagnosis = this.opts.rules ? [] : this.explain(await this.diagnose());
        return { messages: [hint, ...diagnosis], exitCode: 0 };
      }
      case 'solution': {
        if (b.reading) return this.advance([]);
        if (this.opts.rules && !this.opts.rules.solution) return { messages: [this.m.noSolutionInSet], exitCode: 1 };
        if (this.doneOnRealHost()) return this.advance([]);
        const d = await this.diagnose();
        const solution = b.solution(step);
        if (d.kind === 'ok') {
          this.confirming = [...solution];
          return { messages: [], confirm: this.opts.real ? this.m.real.confirm : this.m.confirm, exitCode: 0 };
        }
        this.confirming = d.wayOut ? [d.wayOut, ...solution] : [...solution];
        return {
          messages: this.explain(d),
          confirm: d.wayOut ? this.m.confirmWayOut(d.wayOut) : this.m.confirmAnyway,
          exitCode: 0,
        };
      }
      case 'answer': {
        if (b.answer(step) === undefined) return { messages: [this.m.notAnswerStep], exitCode: 1 };
        const raw = trimmed.slice('answer'.length);
        const real = this.opts.real;
        const given = real ? await real.expand(raw) : await expandAnswer(this.host, raw, io);
        if (given === undefined) return { messages: [], exitCode: 1 };
        const verdict = judgeAnswer(this.checkHost, step, given, this.lang, this.texts.steps[step.id]?.feedback);
        this.record.answers.push(given);
        if (this.doneSteps.has(step.id) && verdict.right) return this.advance([this.m.right], true);
        // A step with checks besides its answer (an exercise) is done when they all pass.
        if (b.checks(step).length) {
          await this.ensureGoal();
          if (this.passes()) return this.advance([this.m.right]);
          return { messages: verdict.right ? [] : [verdict.message ?? this.m.wrong], exitCode: verdict.right ? 0 : 1 };
        }
        if (verdict.right) return this.advance([this.m.right]);
        return { messages: [verdict.message ?? this.m.wrong], exitCode: 1 };
      }
      case 'undo':
        return this.undo(io);
      case 'reset':
        if (rest[0] === 'lesson') {
          await this.rebuild([], io);
          this.doneSteps.clear();
          this.found.clear();
          this.moveTo(0);
          return { messages: [this.m.resetLesson, ...this.rebuiltNote()], hostReplaced: true, exitCode: 0 };
        }
        await this.rebuild(
          this.log.filter((l) => l.step < this.index),
          io,
        );
        this.moveTo(this.index);
        return { messages: [this.m.reset, ...this.rebuiltNote()], hostReplaced: true, exitCode: 0 };
      case 'lessons':
        return { messages: [], leave: 'map', exitCode: 0 };
      case 'help':
        if (rest.length === 0) return { messages: [this.m.help], exitCode: 0 };
        return this.shell(line, io);
      default:
        return this.shell(line, io);
    }
  }

  /** Undoes the last command of this step that changed the host; the ones after it that only
   * looked (cat, ls, docker ps …) stay in the log, and are replayed. */
  private async undo(io: CommandIO): Promise<LessonTurn> {
    let at = -1;
    for (let i = this.log.length - 1; i >= this.recordFrom; i--) {
      if (this.log[i]?.changed) {
        at = i;
        break;
      }
    }
    const undone = this.log[at];
    if (!undone) return { messages: [this.m.noUndo], exitCode: 1 };
    const after = this.log.length - 1 - at;
    await this.rebuild(
      this.log.filter((_, i) => i !== at),
      io,
    );
    this.rederive();
    const said = after ? this.m.undoneSkipping(undone.line, after) : this.m.undone(undone.line);
    return { messages: [said, ...this.rebuiltNote()], hostReplaced: true, exitCode: 0 };
  }

  /** On a real host, a rebuild is said: nothing there is undone in place (src/real/lesson-host.ts). */
  private rebuiltNote(): string[] {
    return this.opts.real ? [this.m.real.rebuilt(this.log.length, this.opts.real.on)] : [];
  }

  /** The solution's lines, as if typed (a way out first, when the state needed one). */
  private async runSolution(lines: string[], io: CommandIO): Promise<LessonTurn> {
    if (!this.usedSolution) this.opts.onAid?.('with-solution');
    this.usedSolution = true;
    this.use({ solution: true });
    const step = this.step;
    let turn: LessonTurn = { messages: [], exitCode: 0 };
    let hostReplaced = false;
    for (const l of lines) {
      if (l === 'reset') {
        turn = await this.submit('reset', io);
        hostReplaced = true;
      } else {
        io.stdout(`${this.prompt()}${l}\n`);
        // A solution may end with the tutor's own `answer` (an exercise that asks for a value).
        turn = /^answer\b/.test(l) ? await this.submit(l, io) : await this.shell(l, io);
      }
      if (turn.leave || this.step !== step) break;
    }
    return hostReplaced ? { ...turn, hostReplaced } : turn;
  }
}

/** Whether a check compares with the state the solution leaves. */
function wantsGoal(c: Check): boolean {
  if ('all' in c) return c.all.some(wantsGoal);
  if ('any' in c) return c.any.some(wantsGoal);
  if ('not' in c) return wantsGoal(c.not);
  return 'matches_solution' in c;
}

/** The reference solutions' lines of the first `steps` steps that move the host: where a lesson
 * resumed at that step starts (and a catch-up code's `--at`). */
export function referencePath(lesson: Lesson, steps: number): ReplayLine[] {
  return lesson.data.steps.slice(0, steps).flatMap((s, step) =>
    behaviourOf(s).solutionMovesHost
      ? behaviourOf(s)
          .solution(s)
          .map((line) => ({ step, line }))
      : [],
  );
}

/** The values an `output` check asks the learner to show (not literal strings). */
function shownValues(c: Check): Value[] {
  if ('all' in c) return c.all.flatMap(shownValues);
  if ('any' in c) return [];
  if ('output' in c && typeof c.output.contains === 'object') return [c.output.contains];
  if ('printed' in c) return [c.printed.value];
  return [];
}

/** "chainid", ["ubuntu:20.04", "2"] → { chainid: { image, layer } }; "short", [...] nests. */
export function placeholderValue(name: string, args: string[]): Value {
  const arg = (k: number): string => {
    const a = args[k];
    if (a === undefined) throw new ValueError(`value ${name} wants ${k + 1} argument${k ? 's' : ''}`);
    return a;
  };
  const layerArg = () => ({ image: arg(0), layer: Number(arg(1)) });
  switch (name) {
    case 'diffid':
      return { diffid: layerArg() };
    case 'chainid':
      return { chainid: layerArg() };
    case 'cacheid':
      return { cacheid: layerArg() };
    case 'link':
      return { link: layerArg() };
    case 'image_id':
      return { image_id: arg(0) };
    case 'container_id':
      return { container_id: arg(0) };
    case 'mount_id':
      return { mount_id: arg(0) };
    case 'layer_count':
      return { layer_count: arg(0) };
    case 'short':
      return { short: placeholderValue(arg(0), args.slice(1)) };
    default:
      throw new ValueError(`unknown value ${name}`);
  }
}
