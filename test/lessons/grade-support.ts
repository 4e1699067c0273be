// Shared by the grading tests: the graded fixture lessons and set, a tutor that keeps its
// transcript in memory on a clock the test moves, and the grader on the same lessons.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createSimHost } from '../../src/host/sim-host.js';
import { readLessons } from '../../src/io/lesson-files.js';
import { type ExerciseSet, learnerSeed, loadExerciseSet } from '../../src/lessons/exercise-set.js';
import { gradeTranscript } from '../../src/lessons/grade.js';
import { EMPTY_PROGRESS, type ProgressStore } from '../../src/lessons/progress.js';
import { TRANSCRIPT_FORMAT, TranscriptWriter } from '../../src/lessons/transcript.js';
import { Tutor, type TutorIO } from '../../src/lessons/tutor.js';

export const GRADED = join(import.meta.dirname, '../fixtures/graded');

export function gradedLessons() {
  const { lessons, problems } = readLessons(join(GRADED, 'lessons'), 'lessons');
  expect(problems).toEqual([]);
  return lessons;
}

export function shopSet(text = readFileSync(join(GRADED, 'sets/shop-exam.yaml'), 'utf8')): ExerciseSet {
  const r = loadExerciseSet({ path: 'sets/shop-exam.yaml', text }, gradedLessons());
  expect(r.problems).toEqual([]);
  return r.set as ExerciseSet;
}

const noProgress: ProgressStore = {
  current: () => EMPTY_PROGRESS,
  recordStep: () => undefined,
  recordAid: () => undefined,
};

/** A tutor recording into memory; `type` a line, `clock.ms` moves time. */
export async function recordedTutor(o: { set?: ExerciseSet; learner?: string; key?: Uint8Array; seed?: number } = {}) {
  const clock = { ms: 1_000_000 };
  const now = () => clock.ms;
  let text = '';
  const learner = o.learner ?? 'ada';
  const seed = o.set ? (o.seed ?? learnerSeed(o.set.data.id, learner, o.key)) : o.seed;
  const writer = new TranscriptWriter({ write: (l) => void (text += l), now, key: o.key });
  writer.add({
    kind: 'start',
    format: TRANSCRIPT_FORMAT,
    tool: 'test',
    lang: 'en',
    ...(seed !== undefined ? { seed } : {}),
    ...(o.set ? { learner, set: { id: o.set.data.id, version: o.set.version } } : {}),
  });
  const tutor = new Tutor({
    lessons: gradedLessons(),
    lang: 'en',
    makeHost: (s) => createSimHost({ seed: s, interactive: false }),
    progress: noProgress,
    transcript: writer,
    seed,
    set: o.set,
    now,
  });
  let out = '';
  const add = (d: string | Uint8Array) => void (out += typeof d === 'string' ? d : new TextDecoder().decode(d));
  const io: TutorIO = {
    stdin: new Uint8Array(0),
    stdout: add,
    stderr: add,
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
    say: add,
  };
  if (o.set) await tutor.startSet();
  const type = async (line: string) => {
    clock.ms += 5000;
    out = '';
    const t = await tutor.submit(line, io);
    return { ...t, out };
  };
  return { tutor, type, clock, transcript: () => text, seed, intro: () => tutor.intro() };
}

export function grade(text: string, o: { set?: ExerciseSet; key?: Uint8Array } = {}) {
  return gradeTranscript(text, {
    lessons: gradedLessons(),
    set: o.set,
    key: o.key,
    makeHost: (seed) => createSimHost({ seed, interactive: false }),
  });
}
