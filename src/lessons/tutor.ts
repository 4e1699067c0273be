// The tutor: the lesson map, the sandbox opened from it, the lesson in progress and its recap,
// as one small state machine that both front ends drive (the Ink screen, src/ui/screen-host-tutor.ts,
// and line mode, src/repl/line-tutor.ts). A front end hands it each line the learner typed and
// shows what comes back: shell output through the CommandIO, the tutor's own words through
// say() (markdown), and whether the host changed (the panes follow the new one) or the learner
// quit. Progress is kept through the ProgressStore handed in (src/io/ writes the file).
//
//   map ──number──▶ lesson ──last step done──▶ recap ──Enter──▶ map
//    │  ◀──lessons──┘  ◀──────────lessons──────────┘
//    └──sandbox──▶ sandbox ──lessons / exit──▶ map
//
// Under an exercise set (an exam) there is no map: item after item, each a lesson from a step,
// then `over`. Every line a lesson runs is kept in the transcript, when one is being written.
import type { SimHost } from '../host/sim-host.js';
import type { CommandIO } from '../shell/command.js';
import type { ExerciseSet } from './exercise-set.js';
import { lessonMapText, type MapPlaces } from './lesson-map.js';
import type { Lesson } from './loader.js';
import { type ProgressStore, resumedAid } from './progress.js';
import type { RealPlace, RealSide, SimulatorOnly } from './real-side.js';
import { type FoundValue, LessonRunner, type MakeHost, type ReplayLine } from './session.js';
import { TUTOR_STRINGS } from './tutor-strings.js';
import type { Value } from './schema.js';
import { lessonVersion, type TranscriptWriter } from './transcript.js';
import type { Lang, StepView } from './types.js';

/** The lesson map's prompt (the screen's first frame draws it before the tutor has loaded). */
export const MAP_PROMPT = 'lesson> ';
/** The map's prompt in the learner's language (src/ui/first-prompt.ts draws the same). */
const MAP_PROMPTS: Record<Lang, string> = { en: MAP_PROMPT, 'zh-CN': '课程> ' };

/** A command's streams, and one for the tutor's own words (markdown on the screen). */
export interface TutorIO extends CommandIO {
  say(text: string): void;
}

export interface TutorTurn {
  exitCode: number;
  /** tutor.host is another host (or none): listeners on the old one must let go. */
  hostChanged: boolean;
  /** `q` on the map. */
  quit: boolean;
}

export interface TutorOptions {
  lessons: Lesson[];
  lang: Lang;
  /** Builds every host the tutor runs: a lesson's (and the ones undo rebuilds), the sandbox's. */
  makeHost: MakeHost;
  /** Where progress is read and recorded (src/io/progress-file.ts keeps it on the real disk). */
  progress: ProgressStore;
  /** The map shows each lesson's summary after its title (line mode has the room). */
  summaries?: boolean;
  /** The seed of every lesson's host instead of the lessons' own (a learner's seed in a set, a
   * presenter's, `--seed` with `--at`). */
  seed?: number | undefined;
  /** Where the session's transcript is kept as it goes (src/io/transcript-file.ts). */
  transcript?: TranscriptWriter | undefined;
  /** The transcript's file, to name at the end of a set. */
  transcriptPath?: string | undefined;
  /** An exercise set taken as an exam: its items in order, its rules, its time limit. */
  set?: ExerciseSet | undefined;
  /** Milliseconds, for a set's time limit (Date.now on the real machine). */
  now?: () => number;
  /** `--real`: each lesson on a real host (src/real/lesson-host.ts), the simulated host its twin;
   * else why the lesson runs on the simulated host only (it is taken there). */
  real?:
    | {
        open(lesson: Lesson): Promise<RealSide | SimulatorOnly>;
        /** Where the lesson runs here (the map shows it for each lesson). */
        place?(lesson: Lesson): RealPlace;
        /** The learner left the lesson (the map): what its real side holds is released at once. */
        leave?(): Promise<void>;
      }
    | undefined;
}

type State =
  | { at: 'map' }
  | { at: 'sandbox'; host: SimHost }
  | {
      at: 'lesson';
      runner: LessonRunner;
      question?: string | undefined;
      /** A step marked `pause` was just done: its output stays on screen until the learner goes on. */
      paused?: boolean;
    }
  | { at: 'recap'; runner: LessonRunner }
  | { at: 'over' };

export type TutorPlace = State['at'];

export class Tutor {
  private state: State = { at: 'map' };
  /** The last save's failure while it lasts (the next step saves again), and whether it was said. */
  private saveWarning: { text: string; said: boolean } | undefined;
  /** An unfinished shell line (an open `if`, a trailing `|`): the next line continues it. */
  private pending: string | undefined;
  /** The set's item being taken, and when the set began. */
  private item = 0;
  private setStart = 0;
  private ended = false;
  /** What a lesson opened on a real host says first: that it is real, or why it is not. */
  private opening = '';

  constructor(private readonly o: TutorOptions) {}

  /** Starts the exercise set's first item (the session's first words are the set's rules). */
  async startSet(): Promise<void> {
    const set = this.o.set;
    if (!set) return;
    this.setStart = this.o.now?.() ?? 0;
    await this.beginItem(0);
  }

  private async beginItem(i: number): Promise<void> {
    const set = this.o.set as ExerciseSet;
    const item = set.items[i] as ExerciseSet['items'][number];
    this.item = i;
    await this.begin(item.lesson, item.startAt);
  }

  /** The set's header and rules above an item's first step. */
  private itemHead(): string {
    const set = this.o.set;
    if (!set) return '';
    const e = this.m.exam;
    const d = set.data;
    const hints = d.hints.allowed ? e.hintsCost(d.hints.cost) : e.noHints;
    const rules = this.item === 0 ? `\n${e.rules(d.time_limit, hints, d.banned)}\n` : '';
    return `\n${e.head(d.title, this.item + 1, set.items.length)}\n${rules}`;
  }

  /** Ends the transcript (the front end calls this when the tutor closes). */
  close(reason: 'quit' | 'finished' | 'time' = 'quit'): void {
    if (this.ended) return;
    this.ended = true;
    this.o.transcript?.add({ kind: 'end', reason });
  }

  private get m() {
    return TUTOR_STRINGS[this.o.lang];
  }

  get place(): TutorPlace {
    return this.state.at;
  }

  /** The simulated host the learner types into, if any (none on the map). */
  get host(): SimHost | undefined {
    const s = this.state;
    return s.at === 'map' || s.at === 'over' ? undefined : s.at === 'sandbox' ? s.host : s.runner.host;
  }

  /** The lesson being taken (or just finished). */
  get runner(): LessonRunner | undefined {
    const s = this.state;
    return s.at === 'lesson' || s.at === 'recap' ? s.runner : undefined;
  }

  /** Opens a lesson by id, folder name or order number straight away; false when there is none.
   * `at` opens it at a step (0-based), its host brought there by `replay` (by default the
   * reference solutions of the steps before it: a catch-up code's state). */
  async open(id: string, at?: { step: number; replay?: readonly ReplayLine[] }): Promise<boolean> {
    const lesson = this.o.lessons.find((l) => l.data.id === id || l.folder === id || String(l.data.order) === id);
    if (!lesson) return false;
    await this.begin(lesson, at?.step, at?.replay);
    return true;
  }

  /** What the screen shows first: the map, or the lesson's first step. */
  intro(): string {
    const s = this.state;
    return s.at === 'lesson'
      ? this.itemHead() + this.takeOpening() + this.stepText(s.runner.view(), true)
      : this.mapText();
  }

  /** Ctrl-C at a continuation prompt: the unfinished line is dropped, as bash drops it.
   * Whether there was one. */
  get continuing(): boolean {
    return this.pending !== undefined;
  }

  cancelPending(): boolean {
    if (this.pending === undefined) return false;
    this.host?.session.interrupted(this.pending);
    this.pending = undefined;
    return true;
  }

  /** Ctrl-D at an empty prompt: a shell the learner started on the simulated host (su, docker
   * exec -it) ends, and what it says (bash's `exit`); undefined where the screen should close. */
  endOfInput(): string | undefined {
    const s = this.state;
    if (this.pending !== undefined || (s.at === 'lesson' && (s.question || s.runner.onRealHost))) return undefined;
    return s.at === 'sandbox' || s.at === 'lesson' ? this.host?.session.endOfInput() : undefined;
  }

  prompt(): string {
    const s = this.state;
    if (s.at === 'map') return MAP_PROMPTS[this.o.lang];
    if (s.at === 'over') return '';
    if (this.pending !== undefined) return '> ';
    if (s.at === 'lesson' && s.question) return `${s.question} `;
    return s.at === 'sandbox' ? s.host.session.prompt() : s.runner.prompt();
  }

  /** Where the learner is, for a status line. */
  status(): string {
    const s = this.state;
    if (s.at === 'map') return this.o.real ? `${this.m.map} · ${this.m.real.mapStatus}` : this.m.map;
    if (s.at === 'sandbox') return this.m.sandboxStatus;
    if (s.at === 'over') return this.m.exam.overStatus;
    const v = s.runner.view();
    const real = this.o.real ? (s.runner.onRealHost ? ` · ${this.m.real.status}` : ` · ${this.m.real.simStatus}`) : '';
    const where = `${v.lessonTitle} · ${s.at === 'recap' ? '✓' : `${v.index + 1}/${v.count}`}${real}`;
    return this.saveWarning ? `${where} · ⚠ ${this.saveWarning.text}` : where;
  }

  /** A line typed (Enter), or, with `endOfInput`, Ctrl-D at the continuation prompt: bash reads
   * the end of its input and runs the unfinished command as it stands (`line` is then ''). */
  async submit(line: string, io: TutorIO, o: { endOfInput?: boolean } = {}): Promise<TutorTurn> {
    const s = this.state;
    const turn = (exitCode: number, hostChanged = false, quit = false): TutorTurn => ({ exitCode, hostChanged, quit });
    const word = line.trim();
    if (s.at === 'over') {
      if (/^(q|quit|exit|end)$/.test(word)) return turn(0, false, true);
      io.say(`${this.m.exam.over(this.o.transcriptPath)}\n`);
      return turn(0);
    }
    if (this.o.set && this.timeIsUp()) return this.endSet(io, 'time');
    if (s.at === 'map') {
      if (/^(q|quit|exit)$/.test(word)) return turn(0, false, true);
      if (word === 'sandbox') {
        this.state = { at: 'sandbox', host: this.o.makeHost(0) };
        io.say(`${this.m.sandboxHello}\n${this.o.real ? `${this.m.real.sandbox}\n` : ''}`);
        return turn(0, true);
      }
      const lesson = /^\d+$/.test(word) ? this.o.lessons[Number(word) - 1] : undefined;
      if (!lesson) {
        if (word !== '') io.say(`${this.m.noLesson(word)}\n`);
        io.say(this.mapText());
        return turn(word === '' ? 0 : 1);
      }
      await this.begin(lesson, undefined, undefined, io);
      io.say(this.takeOpening() + this.stepText((this.state as { runner: LessonRunner }).runner.view(), true));
      return turn(0, true);
    }
    // After a step marked `pause`, the next step's text waits for the learner: Enter (or `step`)
    // shows it; any other line shows it first, then runs.
    if (s.at === 'lesson' && s.paused && this.pending === undefined) {
      s.paused = false;
      io.say(this.stepText(s.runner.view()));
      if (word === '' || word === 'step') return turn(0);
    }
    // A shell line may go on over several lines, as bash reads them; tutor words are whole lines.
    const text = this.pending === undefined ? line : o.endOfInput ? `${this.pending}\n` : `${this.pending}\n${line}`;
    const asking = s.at === 'lesson' && s.question !== undefined;
    if (!asking && !o.endOfInput && this.host?.session.needsMore(text)) {
      this.pending = text;
      return turn(0);
    }
    this.pending = undefined;
    const tutorWord = text === line ? word : '';
    if (s.at === 'sandbox') {
      if (tutorWord === 'lessons') return this.toMap(io);
      const r = await s.host.session.run(text, io);
      return r.exited ? this.toMap(io) : turn(r.exitCode);
    }
    if (s.at === 'recap') {
      if (tutorWord === 'lessons' || (tutorWord === '' && s.runner.host.session.depth === 0)) return this.toMap(io);
      const r = await s.runner.runLine(text, io);
      if (tutorWord === '') io.say(`${this.m.stillInShell}\n`);
      return turn(r.exitCode);
    }
    if (tutorWord === 'step' && !asking) {
      io.say(this.stepText(s.runner.view(), false, true));
      return turn(0);
    }
    if (this.o.set && !asking) {
      const runner = s.runner;
      const step = runner.view();
      if (tutorWord === 'end') return this.endSet(io, 'quit');
      if (tutorWord === 'lessons') {
        io.say(`${this.m.exam.noMap}\n`);
        return turn(1);
      }
      if (tutorWord === 'skip') {
        this.o.transcript?.add({ kind: 'skip', step: step.id });
        io.say(`${this.m.exam.skipped}\n`);
        return this.nextItem(io);
      }
      if (tutorWord === 'next' && step.kind !== 'explain' && !step.done && !runner.passes()) {
        io.say(`${this.m.exam.finishFirst}\n`);
        return turn(1);
      }
    }
    const before = s.runner.view();
    s.question = undefined;
    const t = await this.recorded(s.runner, text, io);
    for (const m of t.messages) io.say(`${m}\n`);
    // A save that failed is said once; the status line keeps it until a save works.
    if (this.saveWarning && !this.saveWarning.said) {
      io.say(`⚠ overlay-tutor: ${this.saveWarning.text}\n`);
      this.saveWarning.said = true;
    }
    if (t.confirm) s.question = t.confirm;
    if (this.o.set) {
      const item = this.o.set.items[this.item];
      if (t.leave === 'finished' || (item && s.runner.index > item.endAt)) return this.nextItem(io);
    }
    if (t.leave === 'map') return this.toMap(io);
    if (t.leave === 'finished') {
      this.state = { at: 'recap', runner: s.runner };
      io.say(this.recapText(s.runner));
      return turn(t.exitCode, t.hostReplaced ?? false);
    }
    const after = s.runner.view().index;
    if (after !== before.index) {
      // Done by what the learner ran (not by `next` or Enter): a step whose output matters waits.
      const done = s.runner.lesson.data.steps[before.index];
      if (after === before.index + 1 && done?.pause && tutorWord !== 'next' && word !== '') {
        s.paused = true;
        io.say(`\n${this.m.pauseNext}\n`);
      } else io.say(this.stepText(s.runner.view()));
    }
    return turn(t.exitCode, t.hostReplaced ?? false);
  }

  /** A line given to the lesson, with what it printed and did, kept in the transcript. */
  private async recorded(runner: LessonRunner, text: string, io: TutorIO) {
    const w = this.o.transcript;
    if (!w) return runner.submit(text, io);
    let output = '';
    const dec = new TextDecoder();
    const tee = (write: (d: string | Uint8Array) => void) => (d: string | Uint8Array) => {
      output += typeof d === 'string' ? d : dec.decode(d, { stream: true });
      write(d);
    };
    const step = runner.view();
    const used = runner.usage(step.id);
    const wasDone = runner.isDone(step.id);
    const t = await runner.submit(text, { ...io, stdout: tee(io.stdout), stderr: tee(io.stderr) });
    const now = runner.usage(step.id);
    const said = t.messages.length ? `${t.messages.join('\n')}\n` : '';
    w.add({
      kind: 'line',
      step: step.id,
      line: text,
      exit: t.exitCode,
      output: output + said,
      ...(now.hints > used.hints ? { hint: now.hints } : {}),
      ...(now.solution && !used.solution ? { solution: true } : {}),
      ...(!wasDone && runner.isDone(step.id) ? { done: step.id } : {}),
    });
    return t;
  }

  private timeIsUp(): boolean {
    const limit = this.o.set?.data.time_limit;
    return limit !== undefined && (this.o.now?.() ?? 0) - this.setStart > limit * 60_000;
  }

  private async nextItem(io: TutorIO): Promise<TutorTurn> {
    const set = this.o.set as ExerciseSet;
    if (this.item + 1 >= set.items.length) return this.endSet(io, 'finished');
    await this.beginItem(this.item + 1);
    io.say(this.intro());
    return { exitCode: 0, hostChanged: true, quit: false };
  }

  private endSet(io: TutorIO, reason: 'quit' | 'finished' | 'time'): TutorTurn {
    this.close(reason);
    this.state = { at: 'over' };
    this.pending = undefined;
    if (reason === 'time') io.say(`${this.m.exam.timeUp}\n`);
    io.say(`\n${this.m.exam.over(this.o.transcriptPath)}\n`);
    return { exitCode: reason === 'time' ? 1 : 0, hostChanged: true, quit: false };
  }

  /** `replay`: the lines that bring the host to `startAt` (a presenter's jump), by default the
   * reference solutions of the steps before it. */
  private async begin(lesson: Lesson, startAt?: number, replay?: readonly ReplayLine[], io?: TutorIO): Promise<void> {
    const id = lesson.data.id;
    let real: RealSide | undefined;
    if (this.o.real) {
      // Preparing the real host takes seconds: the learner is told before it starts.
      io?.say(`${this.m.real.preparing}\n`);
      const side = await this.o.real.open(lesson);
      if ('why' in side) this.opening = `\n${this.m.real.simulatorOnly(side)}\n`;
      else {
        real = side;
        this.opening = `\n${side.on === 'kernel' ? this.m.real.onKernel : this.m.real.onReal}\n`;
      }
    }
    const p = this.o.progress.current().lessons[id];
    const seed = this.o.seed ?? lesson.data.seed;
    const from = startAt ?? (p?.grade ? 0 : (p?.current ?? 0));
    const saved = (warning: string | undefined) => {
      if (warning !== this.saveWarning?.text) this.saveWarning = warning ? { text: warning, said: false } : undefined;
    };
    const runner = await LessonRunner.start(lesson, this.o.lang, (_, pinned) => this.o.makeHost(seed, pinned), {
      startAt: from,
      ...(replay ? { replay } : {}),
      ...(this.o.set ? { rules: this.o.set.rules } : {}),
      ...(real ? { real } : {}),
      // Plain output, not markdown: the lines a real host runs to prepare the lesson.
      ...(io ? { say: (text: string) => io.stdout(text) } : {}),
      // Help taken before a restart still counts in the grade (a set's session starts afresh).
      ...(this.o.set ? {} : { aided: resumedAid(p) }),
      onStep: (stepId, next, grade) => {
        // A set's session is graded from its transcript; the learner's own progress stays as it was.
        if (this.o.set) return;
        saved(this.o.progress.recordStep(id, stepId, next, grade));
      },
      onAid: (aid) => {
        if (!this.o.set) saved(this.o.progress.recordAid(id, aid));
      },
    });
    this.o.transcript?.add({
      kind: 'lesson',
      lesson: id,
      version: lessonVersion(lesson.data),
      seed,
      startAt: runner.index,
      ...(this.o.set ? { item: this.item } : {}),
    });
    this.state = { at: 'lesson', runner };
    this.pending = undefined;
  }

  /** What the lesson just opened says first, once. */
  private takeOpening(): string {
    const o = this.opening;
    this.opening = '';
    return o;
  }

  private async toMap(io: TutorIO): Promise<TutorTurn> {
    // A kernel lesson's lab (its processes, its namespace's mounts, its dir) ends as the lesson is left.
    if (this.state.at === 'lesson' || this.state.at === 'recap') await this.o.real?.leave?.();
    this.state = { at: 'map' };
    this.pending = undefined;
    io.say(`\n${this.mapText()}`);
    return { exitCode: 0, hostChanged: true, quit: false };
  }

  /** The lesson map (src/lessons/lesson-map.ts, which the screen's first frame draws too). */
  mapText(): string {
    return lessonMapText(this.o.lessons, this.o.lang, this.o.progress.current(), this.o.summaries, this.places());
  }

  /** Under `--real`: where each lesson runs here, and why a lesson runs on the simulator only. */
  private places(): MapPlaces | undefined {
    const place = this.o.real?.place;
    if (!place) return undefined;
    const r = this.m.real;
    const all = this.o.lessons.map((l) => place(l));
    // Each reason once, with the lessons it keeps on the simulator.
    const why = new Map<string, number[]>();
    all.forEach((p, i) => {
      if (p.on === 'simulator') why.set(r.shortWhy(p.why), [...(why.get(r.shortWhy(p.why)) ?? []), i + 1]);
    });
    return {
      tags: all.map((p) => r.place[p.on]),
      legend: r.placeLegend([...why].map(([w, n]) => `${r.place.simulator} ${numberRanges(n)}: ${w}`)),
    };
  }

  /** A step as the learner reads it: header, text, goal; `step` adds the hints shown so far. */
  stepText(v: StepView, first = false, withHints = false): string {
    const goal = v.goal ? `\n${this.m.goal}${this.o.lang === 'en' ? ': ' : '：'}${v.goal.trimEnd()}\n` : '';
    const hints = withHints && v.hintsShown.length ? `\n${v.hintsShown.map((h) => `💡 ${h}`).join('\n')}\n` : '';
    const done = v.done ? `\n${this.m.alreadyDone}\n` : '';
    const commands = first ? `\n${this.o.set ? this.m.exam.commands : this.m.commands}\n` : '';
    return [
      '',
      this.m.stepHead(v.lessonTitle, v.index + 1, v.count),
      v.text.trimEnd(),
      `${goal}${hints}${done}${commands}`,
    ].join('\n');
  }

  /** The end of a lesson: what it taught, the grade, the values the learner found; then Enter. */
  recapText(r: LessonRunner): string {
    const t = r.lesson.texts[this.o.lang];
    const m = this.m;
    const colon = this.o.lang === 'en' ? ': ' : '：';
    const values = r.foundValues().map((f) => `- ${this.valueLabel(f)}${colon}${f.shown}`);
    const parts = [
      `\n${m.recapHead(t.title)}`,
      `${m.learned}${colon.trimEnd()}\n${r.fill(t.recap ?? t.summary).trimEnd()}`,
      `${m.grade}${colon}${r.grade ? m.gradeWords[r.grade] : ''}`,
      ...(values.length ? [`${m.values}${colon.trimEnd()}\n${values.join('\n')}`] : []),
      r.host.session.depth > 0 ? m.stillInShell : m.pressEnter,
    ];
    return `${parts.join('\n\n')}\n`;
  }

  private valueLabel(f: FoundValue): string {
    const stepLabel = this.o.lang === 'en' ? `Step ${f.step}` : `第 ${f.step} 步`;
    return (f.value !== undefined && this.describeValue(f.value)) || stepLabel;
  }

  /** "ChainID of nginx's layer 2"; undefined for a value with no name of its own (a literal). */
  private describeValue(v: Value): string | undefined {
    const l = this.m.valueLabel;
    if (typeof v !== 'object' || Array.isArray(v)) return undefined;
    if ('diffid' in v) return l.diffid(v.diffid.image, v.diffid.layer);
    if ('chainid' in v) return l.chainid(v.chainid.image, v.chainid.layer);
    if ('cacheid' in v) return l.cacheid(v.cacheid.image, v.cacheid.layer);
    if ('link' in v) return l.link(v.link.image, v.link.layer);
    if ('image_id' in v) return l.image_id(v.image_id);
    if ('container_id' in v) return l.container_id(v.container_id);
    if ('mount_id' in v) return l.mount_id(v.mount_id);
    if ('layer_count' in v) return l.layer_count(v.layer_count);
    if ('inode' in v) {
      const at = v.inode;
      return l.inode(
        typeof at === 'string' ? at : 'container' in at ? `${at.container}:${at.path}` : `${at.image}:${at.path}`,
      );
    }
    if ('short' in v) return this.describeValue(v.short);
    return undefined;
  }
}

/** 1, 2, 3, 5 as "1–3, 5". */
export function numberRanges(ns: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ns.length; i++) {
    let j = i;
    while (j + 1 < ns.length && (ns[j + 1] as number) === (ns[j] as number) + 1) j++;
    out.push(j > i ? `${ns[i]}–${ns[j]}` : String(ns[i]));
    i = j;
  }
  return out.join(', ');
}
