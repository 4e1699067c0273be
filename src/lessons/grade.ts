// Grading a transcript: its chain (and signature) verified, then its lines replayed in the
// simulator, deterministically — every lesson's host rebuilt from the seed it was made with, each
// line given to a lesson runner as the learner typed it — and every graded step judged by its own
// checks on the replayed host. A replay that does not do what the transcript says (another exit
// status, another step) means the transcript was not made by this tutor on these lessons: it is
// invalid, as an edited one is. The points come from the exercise set when there is one (per
// check, minus what hints cost), else one per check of every graded step reached.
import type { CommandIO } from '../shell/command.js';
import { describeCheck } from './checks.js';
import { type ExerciseSet, type GradedStep, gradedCheckCount, learnerSeed } from './exercise-set.js';
import type { Lesson } from './loader.js';
import { LessonRunner, type MakeHost } from './session.js';
import { behaviourOf } from './step-kinds.js';
import {
  type LessonEntry,
  type LineEntry,
  lessonVersion,
  type StartEntry,
  type TranscriptEntry,
  verifyTranscript,
} from './transcript.js';
import type { Lang } from './types.js';

/** One graded step, as a test: exercism's fields and the points. */
export interface TestResult {
  /** "chainid/first-chainid" */
  name: string;
  status: 'pass' | 'fail';
  message?: string;
  /** What the learner's lines in the step printed (the last 500 characters). */
  output: string;
  /** The set's item (1-based), or the lesson's place in the transcript. */
  taskId: number;
  points: number;
  maxPoints: number;
  /** Milliseconds from the item's start to the step done, when it was. */
  ms?: number;
  /** Shell lines the learner ran in the step, and the reference solution's. */
  commands: number;
  reference: number;
}

export interface GradeReport {
  status: 'pass' | 'fail' | 'error';
  /** Why the transcript could not be graded (status error). */
  message?: string;
  tests: TestResult[];
  points: number;
  maxPoints: number;
  learner?: string;
  seed?: number;
  set?: string;
  /** Things a teacher should know that do not fail the grading (lines after the time limit …). */
  notes: string[];
}

export interface GradeOptions {
  lessons: readonly Lesson[];
  set?: ExerciseSet | undefined;
  /** The teacher's key: signatures must be its own; learners' seeds are derived with it. */
  key?: Uint8Array | undefined;
  makeHost: MakeHost;
}

const TUTOR_WORDS = new Set(['', 'next', 'back', 'step', 'hint', 'solution', 'undo', 'reset', 'lessons', 'help']);
const OUTPUT_LIMIT = 500;

export class InvalidTranscript extends Error {}

const QUIET: CommandIO = {
  stdin: new Uint8Array(0),
  stdout: () => {},
  stderr: () => {},
  stdinIsTerminal: false,
  stdoutIsTerminal: false,
};

/** A step's record while the transcript replays. */
interface StepLog {
  lines: LineEntry[];
  doneAt?: number;
  skipped: boolean;
}

interface Segment {
  entry: LessonEntry;
  lesson: Lesson;
  runner: LessonRunner;
  startMs: number;
  steps: Map<string, StepLog>;
  taskId: number;
}

export function errorReport(message: string): GradeReport {
  return { status: 'error', message, tests: [], points: 0, maxPoints: 0, notes: [] };
}

/** Grades a transcript's text; an invalid or tampered one gives status error with the reason. */
export async function gradeTranscript(text: string, o: GradeOptions): Promise<GradeReport> {
  const verified = verifyTranscript(text, o.key);
  if (!verified.ok) return errorReport(`invalid transcript: ${verified.problem}`);
  try {
    return await grade(verified.entries, o);
  } catch (e) {
    if (e instanceof InvalidTranscript) return errorReport(e.message);
    throw e;
  }
}

async function grade(entries: TranscriptEntry[], o: GradeOptions): Promise<GradeReport> {
  const start = entries[0] as TranscriptEntry & StartEntry;
  const lang: Lang = start.lang === 'zh-CN' ? 'zh-CN' : 'en';
  const set = o.set;
  const notes: string[] = [];
  if (set && start.set?.id !== set.data.id)
    throw new InvalidTranscript(
      `this transcript is not of set ${set.data.id} (${start.set ? `it is of ${start.set.id}` : 'it is of no set'})`,
    );
  if (!set && start.set)
    throw new InvalidTranscript(`this transcript is of set ${start.set.id}: grade it with --set FILE`);
  if (set && start.set?.version !== set.version)
    throw new InvalidTranscript(
      `the set or its lessons changed since this transcript was made ` +
        `(version ${start.set?.version}, now ${set.version})`,
    );
  if (set && start.learner !== undefined && start.seed !== learnerSeed(set.data.id, start.learner, o.key)) {
    const hint = o.key ? '' : ' (were the seeds made with a key? --key FILE)';
    throw new InvalidTranscript(`seed ${start.seed} is not learner ${start.learner}'s for set ${set.data.id}${hint}`);
  }
  if (!o.key && !entries.every((e) => e.sig === undefined))
    notes.push('the transcript is signed; give --key FILE to check the signatures');
  const limitMs = set?.data.time_limit !== undefined ? set.data.time_limit * 60_000 : undefined;
  const segments: Segment[] = [];
  let current: Segment | undefined;
  for (const e of entries.slice(1)) {
    const at = `entry ${e.n}`;
    if (limitMs !== undefined && e.ms > limitMs && e.kind !== 'end') {
      notes.push(`lines after the time limit (${set?.data.time_limit} min) are not graded`);
      break;
    }
    if (e.kind === 'start') throw new InvalidTranscript(`${at}: a second start`);
    if (e.kind === 'end') break;
    if (e.kind === 'lesson') {
      const lesson = o.lessons.find((l) => l.data.id === e.lesson);
      if (!lesson) throw new InvalidTranscript(`${at}: no lesson ${e.lesson} here to replay it on`);
      if (lessonVersion(lesson.data) !== e.version)
        throw new InvalidTranscript(`${at}: lesson ${e.lesson} changed since the transcript was made`);
      if (set) {
        const want = segments.length;
        const item = set.items[want];
        if (e.item !== want || !item || item.lesson.data.id !== lesson.data.id || item.startAt !== e.startAt)
          throw new InvalidTranscript(`${at}: not the set's item ${want + 1}`);
        if (e.seed !== start.seed) throw new InvalidTranscript(`${at}: seed ${e.seed}, the session's is ${start.seed}`);
      }
      const runner = await LessonRunner.start(lesson, lang, (_, pinned) => o.makeHost(e.seed, pinned), {
        startAt: e.startAt,
        ...(set ? { rules: set.rules } : {}),
      });
      if (runner.index !== e.startAt)
        throw new InvalidTranscript(`${at}: lesson ${e.lesson} has no step ${e.startAt + 1}`);
      current = { entry: e, lesson, runner, startMs: e.ms, steps: new Map(), taskId: segments.length + 1 };
      segments.push(current);
      continue;
    }
    if (!current) throw new InvalidTranscript(`${at}: a line outside a lesson`);
    const seg = current;
    const view = seg.runner.view();
    const log = seg.steps.get(view.id) ?? { lines: [], skipped: false };
    seg.steps.set(view.id, log);
    if (e.kind === 'skip') {
      if (e.step !== view.id) throw new InvalidTranscript(`${at}: skips step ${e.step}, the replay is at ${view.id}`);
      log.skipped = true;
      current = undefined;
      continue;
    }
    if (e.step !== view.id)
      throw new InvalidTranscript(
        `${at}: typed in step ${e.step}, the replay is at step ${view.id} (the replay differs)`,
      );
    const wasDone = seg.runner.isDone(e.step);
    const t = await seg.runner.submit(e.line, QUIET);
    if (t.exitCode !== e.exit)
      throw new InvalidTranscript(`${at}: \`${e.line}\` exits ${t.exitCode} on replay, ${e.exit} in the transcript`);
    const done = !wasDone && seg.runner.isDone(e.step);
    if (Boolean(e.done) !== done)
      throw new InvalidTranscript(`${at}: step ${e.step} is ${done ? '' : 'not '}done by it on replay`);
    log.lines.push(e);
    if (e.done) log.doneAt = e.ms - seg.startMs;
    if (t.leave) current = undefined;
  }
  const tests = set ? setTests(set, segments) : lessonTests(segments);
  const points = tests.reduce((a, t) => a + t.points, 0);
  const maxPoints = tests.reduce((a, t) => a + t.maxPoints, 0);
  return {
    status: tests.every((t) => t.status === 'pass') ? 'pass' : 'fail',
    tests,
    points,
    maxPoints,
    ...(start.learner !== undefined ? { learner: start.learner } : {}),
    ...(start.seed !== undefined ? { seed: start.seed } : {}),
    ...(set ? { set: set.data.id } : {}),
    notes: [...new Set(notes)],
  };
}

/** Every graded step of every item of the set, reached or not. */
function setTests(set: ExerciseSet, segments: Segment[]): TestResult[] {
  return set.items.flatMap((item, i) =>
    item.steps.map((g) => judge(segments[i], item.lesson, g, i + 1, set.data.hints.cost)),
  );
}

/** Without a set: each graded step from where each lesson started, one point a check. */
function lessonTests(segments: Segment[]): TestResult[] {
  const best = new Map<string, TestResult>();
  for (const seg of segments) {
    seg.lesson.data.steps.forEach((step, index) => {
      const n = gradedCheckCount(step);
      if (index < seg.entry.startAt || n === 0) return;
      const t = judge(seg, seg.lesson, { stepId: step.id, index, points: Array<number>(n).fill(1) }, seg.taskId, 0);
      const had = best.get(t.name);
      if (!had || t.points > had.points || (t.status === 'pass' && had.status !== 'pass')) best.set(t.name, t);
    });
  }
  return [...best.values()];
}

function judge(seg: Segment | undefined, lesson: Lesson, g: GradedStep, taskId: number, hintCost: number): TestResult {
  const step = lesson.data.steps[g.index];
  const name = `${lesson.data.id}/${g.stepId}`;
  const maxPoints = g.points.reduce((a, b) => a + b, 0);
  const reference = step ? behaviourOf(step).solution(step).length : 0;
  const base = { name, taskId, maxPoints, reference };
  const log = seg?.steps.get(g.stepId);
  const lines = log?.lines ?? [];
  const commands = lines.filter(
    (l) => !TUTOR_WORDS.has(l.line.trim().split(/\s+/)[0] ?? '') && !/^(y|yes|n|no)$/i.test(l.line.trim()),
  ).length;
  const output = lines
    .map((l) => `$ ${l.line}\n${l.output}`)
    .join('')
    .slice(-OUTPUT_LIMIT);
  if (!seg || !step || !seg.runner || (!log && !seg.runner.isDone(g.stepId) && seg.runner.view().id !== g.stepId)) {
    return { ...base, status: 'fail', message: 'not reached', output, points: 0, commands, maxPoints };
  }
  const runner = seg.runner;
  const usage = runner.usage(g.stepId);
  const done = runner.isDone(g.stepId);
  // Each check: all pass once the step is done; else as they stand where the learner left it.
  const checks =
    done || runner.view().id !== g.stepId
      ? g.points.map((p, i) => ({ label: `check ${i + 1}`, passed: done, points: p }))
      : checkStates(runner, g);
  let points = checks.reduce((a, c) => a + (c.passed ? c.points : 0), 0);
  const why: string[] = [];
  if (!done) {
    const failed = checks.filter((c) => !c.passed).map((c) => c.label);
    why.push(`${log?.skipped ? 'skipped; ' : ''}not done: ${failed.join('; ')}`);
  }
  if (usage.solution) {
    points = 0;
    why.push('done with the reference solution (no points)');
  }
  if (usage.hints && hintCost) {
    points = Math.max(0, points - usage.hints * hintCost);
    why.push(`${usage.hints} hint${usage.hints === 1 ? '' : 's'} (−${usage.hints * hintCost})`);
  }
  if (done) why.push(`you used ${commands} command${commands === 1 ? '' : 's'}; the reference uses ${reference}`);
  const pass = done && !usage.solution;
  return {
    ...base,
    status: pass ? 'pass' : 'fail',
    ...(why.length ? { message: why.join('; ') } : {}),
    output,
    points,
    ...(log?.doneAt !== undefined ? { ms: log.doneAt } : {}),
    commands,
  };
}

/** The step's checks as they stand on the replayed host, each with its points. */
function checkStates(runner: LessonRunner, g: GradedStep): { label: string; passed: boolean; points: number }[] {
  const view = runner.view();
  const step = runner.step;
  const b = behaviourOf(step);
  if (view.checks.length === 0) {
    // An answer step: its one check is the answer.
    return [{ label: 'the answer', passed: false, points: g.points[0] ?? 0 }];
  }
  return b.checks(step).map((c, i) => ({
    label: describeCheck(c),
    passed: view.checks[i]?.passed ?? false,
    points: g.points[i] ?? 0,
  }));
}
