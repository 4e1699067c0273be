// A lesson being taken: the step the learner is on, what they ran and saw in it, hints shown,
// the solution (asked for, then replayed), undo and reset. The simulated host is deterministic
// for its seed, so undo rebuilds it from the seed, the lesson's setup and the command log minus
// its last line, instead of snapshotting the disk.
import type { SimHost } from '../host/sim-host.js';
import type { CommandIO } from '../shell/command.js';
import { diagnose, expandAnswer, judgeAnswer, wantedValue } from './answers.js';
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
import type { Value } from './schema.js';
import type { Lang, LessonSession, LessonTurn, StepView } from './types.js';

const MESSAGES = {
  en: {
    done: '✓ Step done.',
    lessonDone: '✓ Lesson complete.',
    finishFirst: 'This step is not done yet: try `hint`, or `solution`.',
    noHints: 'No more hints: `solution` shows the answer.',
    confirm: 'Show the solution and run it? [y/N]',
    noUndo: 'Nothing to undo in this step.',
    undone: (l: string) => `Undone: ${l}`,
    reset: 'Step reset.',
    resetLesson: 'Lesson reset.',
    right: '✓ Right.',
    wrong: 'Not quite. Check the value and try again (`hint` helps).',
    notAnswerStep: 'This step does not ask for an answer.',
    first: 'This is the first step.',
    help: 'next · back · hint · solution · undo · reset · reset lesson · answer <value> · lessons',
  },
  'zh-CN': {
    done: '✓ 本步完成。',
    lessonDone: '✓ 本课完成。',
    finishFirst: '这一步还没有完成：可以输入 `hint` 看提示，或输入 `solution` 看答案。',
    noHints: '没有更多提示了：输入 `solution` 查看答案。',
    confirm: '显示并执行参考答案？[y/N]',
    noUndo: '这一步没有可以撤销的命令。',
    undone: (l: string) => `已撤销：${l}`,
    reset: '本步已重置。',
    resetLesson: '本课已重置。',
    right: '✓ 正确。',
    wrong: '不太对。检查一下这个值再试一次（可以输入 `hint`）。',
    notAnswerStep: '这一步不需要提交答案。',
    first: '这已经是第一步。',
    help: 'next · back · hint · solution · undo · reset · reset lesson · answer <值> · lessons',
  },
} as const;

export interface RunnerOptions {
  /** Resume at this step. */
  startAt?: number;
  /** Called when a step is done: its id, the step to resume at, and the grade at the end. */
  onStep?: (stepId: string, next: number, grade?: 'clean' | 'with-hints' | 'with-solution') => void;
}

const QUIET: CommandIO = {
  stdin: new Uint8Array(0),
  stdout: () => {},
  stderr: () => {},
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
};

export class LessonRunner implements LessonSession {
  host!: SimHost;
  index = 0;
  /** Every shell line the learner ran in this lesson, in order, with the step it belonged to. */
  private log: { step: number; line: string }[] = [];
  private record: StepRecord = emptyRecord();
  private hintsShown = 0;
  private usedHints = false;
  private usedSolution = false;
  private confirming = false;
  grade: 'clean' | 'with-hints' | 'with-solution' | undefined;

  private constructor(
    readonly lesson: Lesson,
    readonly lang: Lang,
    private readonly makeHost: (seed: number) => SimHost,
    private readonly opts: RunnerOptions,
  ) {}

  /** A fresh lesson, or one resumed at `startAt`: the steps before it are replayed from their
   * reference solutions, so the host is in the state those steps leave. */
  static async start(
    lesson: Lesson,
    lang: Lang,
    makeHost: (seed: number) => SimHost,
    opts: RunnerOptions = {},
  ): Promise<LessonRunner> {
    const r = new LessonRunner(lesson, lang, makeHost, opts);
    const before = lesson.data.steps.slice(0, Math.min(opts.startAt ?? 0, lesson.data.steps.length - 1));
    const lines = before.flatMap((s, i) =>
      'solution' in s && s.kind !== 'answer' ? s.solution.map((line) => ({ step: i, line })) : [],
    );
    await r.rebuild(lines);
    r.index = before.length;
    return r;
  }

  private get m() {
    return MESSAGES[this.lang];
  }

  private get step() {
    return this.lesson.data.steps[this.index] as (typeof this.lesson.data.steps)[number];
  }

  private get texts() {
    return this.lesson.texts[this.lang];
  }

  /** A fresh host: seed, setup, then the given lines, all silently. */
  private async rebuild(lines: { step: number; line: string }[]): Promise<void> {
    this.host = this.makeHost(this.lesson.data.seed);
    for (const line of this.lesson.data.setup) await this.host.session.run(line, QUIET);
    for (const l of lines) await this.host.session.run(l.line, QUIET);
    this.log = [...lines];
  }

  prompt(): string {
    return this.host.session.prompt();
  }

  /** {{chainid ubuntu:20.04 2}} and friends, filled from the host ("…" while not computable). */
  fill(text: string): string {
    // Only the value names: Go templates such as {{json .RootFS.Layers}} in a text stay as written.
    return text.replace(
      /\{\{\s*(diffid|chainid|cacheid|link|image_id|container_id|mount_id|layer_count|short)((?:\s+[^\s}]+)*)\s*\}\}/g,
      (_all, name: string, args: string) => {
        try {
          return computeValue(this.host, placeholderValue(name, args.trim().split(/\s+/).filter(Boolean)));
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
    const checks =
      'checks' in step
        ? step.checks.map((c) => ({ label: describeCheck(c), passed: evaluate(this.host, c, this.record) }))
        : [];
    return {
      lessonId: this.lesson.data.id,
      lessonTitle: this.texts.title,
      index: this.index,
      count: this.lesson.data.steps.length,
      id: step.id,
      kind: step.kind,
      text: this.fill(t?.text ?? ''),
      ...(t?.goal ? { goal: this.fill(t.goal) } : {}),
      hintsShown: (t?.hints ?? []).slice(0, this.hintsShown).map((h) => this.fill(h)),
      hintsLeft: Math.max(0, (t?.hints?.length ?? 0) - this.hintsShown),
      checks,
      done: false,
    };
  }

  /** Whether the current do/exercise step's checks all pass. */
  passes(): boolean {
    const step = this.step;
    return 'checks' in step && step.checks.every((c) => evaluate(this.host, c, this.record));
  }

  private advance(messages: string[]): LessonTurn {
    const t = this.texts.steps[this.step.id];
    if (this.step.kind !== 'explain') messages.push(this.m.done + (t?.done ? ` ${this.fill(t.done)}` : ''));
    if (this.index === this.lesson.data.steps.length - 1) {
      this.grade = this.usedSolution ? 'with-solution' : this.usedHints ? 'with-hints' : 'clean';
      this.opts.onStep?.(this.step.id, 0, this.grade);
      messages.push(this.m.lessonDone);
      return { messages, leave: 'finished', exitCode: 0 };
    }
    this.opts.onStep?.(this.step.id, this.index + 1);
    this.index++;
    this.record = emptyRecord();
    this.hintsShown = 0;
    return { messages, exitCode: 0 };
  }

  /** A shell line as the learner's: run, recorded for checks, then the step checked. */
  private async shell(line: string, io: CommandIO): Promise<LessonTurn> {
    let out = '';
    const dec = new TextDecoder();
    const tee = (write: (d: string | Uint8Array) => void) => (d: string | Uint8Array) => {
      out += typeof d === 'string' ? d : dec.decode(d);
      write(d);
    };
    const from = this.record.commands.length;
    const untrace = traceInto(this.host, this.record);
    const r = await this.host.session.run(line, { ...io, stdout: tee(io.stdout), stderr: tee(io.stderr) });
    untrace();
    this.log.push({ step: this.index, line });
    this.record.ran.push({ line, exit: r.exitCode });
    this.record.output += out;
    if ((this.step.kind === 'do' || this.step.kind === 'exercise') && this.passes()) return this.advance([]);
    const told = diagnose(this.host, this.step, this.record, from, this.texts.steps[this.step.id]?.feedback);
    return { messages: told, exitCode: r.exitCode };
  }

  async submit(line: string, io: CommandIO): Promise<LessonTurn> {
    const trimmed = line.trim();
    if (this.confirming) {
      this.confirming = false;
      if (!/^y(es)?$/i.test(trimmed)) return { messages: [], exitCode: 0 };
      this.usedSolution = true;
      const step = this.step;
      const lines = 'solution' in step ? step.solution : [];
      let turn: LessonTurn = { messages: [], exitCode: 0 };
      for (const l of lines) {
        io.stdout(`${this.prompt()}${l}\n`);
        turn = await this.shell(l, io);
        if (turn.leave || this.step !== step) return turn;
      }
      return turn;
    }
    const [word, ...rest] = trimmed.split(/\s+/);
    switch (word) {
      case '':
        if (this.step.kind === 'explain') return this.advance([]);
        return { messages: [], exitCode: 0 };
      case 'next':
        if (this.step.kind === 'explain') return this.advance([]);
        if ((this.step.kind === 'do' || this.step.kind === 'exercise') && this.passes()) return this.advance([]);
        return { messages: [this.m.finishFirst], exitCode: 1 };
      case 'back':
        if (this.index === 0) return { messages: [this.m.first], exitCode: 1 };
        this.index--;
        this.record = emptyRecord();
        this.hintsShown = 0;
        return { messages: [], exitCode: 0 };
      case 'hint': {
        const hints = this.texts.steps[this.step.id]?.hints ?? [];
        if (this.hintsShown >= hints.length) return { messages: [this.m.noHints], exitCode: 1 };
        this.usedHints = true;
        return { messages: [`💡 ${this.fill(hints[this.hintsShown++] as string)}`], exitCode: 0 };
      }
      case 'solution':
        if (this.step.kind === 'explain') return this.advance([]);
        this.confirming = true;
        return { messages: [], confirm: this.m.confirm, exitCode: 0 };
      case 'answer': {
        const step = this.step;
        if (wantedValue(step) === undefined) return { messages: [this.m.notAnswerStep], exitCode: 1 };
        const given = await expandAnswer(this.host, trimmed.slice('answer'.length), io);
        if (given === undefined) return { messages: [], exitCode: 1 };
        const verdict = judgeAnswer(this.host, step, given, this.lang, this.texts.steps[step.id]?.feedback);
        this.record.answers.push(given);
        if (step.kind === 'exercise') {
          if (this.passes()) return this.advance([this.m.right]);
          return { messages: verdict.right ? [] : [verdict.message ?? this.m.wrong], exitCode: verdict.right ? 0 : 1 };
        }
        if (verdict.right) return this.advance([this.m.right]);
        return { messages: [verdict.message ?? this.m.wrong], exitCode: 1 };
      }
      case 'undo': {
        const last = this.log[this.log.length - 1];
        if (!last || last.step !== this.index) return { messages: [this.m.noUndo], exitCode: 1 };
        await this.rebuild(this.log.slice(0, -1));
        this.record.ran.pop();
        return { messages: [this.m.undone(last.line)], hostReplaced: true, exitCode: 0 };
      }
      case 'reset':
        if (rest[0] === 'lesson') {
          await this.rebuild([]);
          this.index = 0;
          this.record = emptyRecord();
          this.hintsShown = 0;
          return { messages: [this.m.resetLesson], hostReplaced: true, exitCode: 0 };
        }
        await this.rebuild(this.log.filter((l) => l.step < this.index));
        this.record = emptyRecord();
        return { messages: [this.m.reset], hostReplaced: true, exitCode: 0 };
      case 'lessons':
        return { messages: [], leave: 'map', exitCode: 0 };
      case 'help':
        if (rest.length === 0) return { messages: [this.m.help], exitCode: 0 };
        return this.shell(line, io);
      default:
        return this.shell(line, io);
    }
  }
}

/** "chainid", ["ubuntu:20.04", "2"] → { chainid: { image, layer } }; "short", [...] nests. */
export function placeholderValue(name: string, args: string[]): Value {
  const layerArg = () => ({ image: args[0] as string, layer: Number(args[1]) });
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
      return { image_id: args[0] as string };
    case 'container_id':
      return { container_id: args[0] as string };
    case 'mount_id':
      return { mount_id: args[0] as string };
    case 'layer_count':
      return { layer_count: args[0] as string };
    case 'short':
      return { short: placeholderValue(args[0] as string, args.slice(1)) };
    default:
      throw new ValueError(`unknown value ${name}`);
  }
}
