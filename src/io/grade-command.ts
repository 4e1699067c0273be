// `overlay-tutor grade TRANSCRIPT… [--set FILE] [--key FILE] [--format human|json|junit|tap] [--csv]`:
// reads transcripts and grades each offline (src/lessons/grade.ts replays it in the simulator).
// Exit status: 0 every step passed, 1 some failed, 2 a transcript or the set is invalid or was
// tampered with (or the command line is wrong).
import { createSimHost } from '../host/sim-host.js';
import { type ExerciseSet, learnerSeed } from '../lessons/exercise-set.js';
import { errorReport, type GradeReport, gradeTranscript } from '../lessons/grade.js';
import { formatCsv, formatReport, GRADE_FORMATS, type GradeFormat } from '../lessons/grade-formats.js';
import type { Lesson } from '../lessons/loader.js';
import { readExerciseSet, readKey, readTranscript } from './transcript-file.js';

export interface GradeArgs {
  files: string[];
  set?: string | undefined;
  key?: string | undefined;
  format?: string | undefined;
  csv?: boolean | undefined;
  lessons: readonly Lesson[];
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export async function runGrade(a: GradeArgs): Promise<number> {
  const format = (a.format ?? 'human') as GradeFormat;
  if (!GRADE_FORMATS.includes(format)) {
    a.err(`overlay-tutor: --format wants ${GRADE_FORMATS.join(', ')}, not '${a.format}'\n`);
    return 2;
  }
  if (a.csv && a.format !== undefined) {
    a.err('overlay-tutor: --csv and --format do not go together (the CSV is one row per transcript)\n');
    return 2;
  }
  if (!a.files.length) {
    a.err("overlay-tutor: grade needs a TRANSCRIPT\nTry 'overlay-tutor --help'.\n");
    return 2;
  }
  if (a.files.length > 1 && !a.csv) {
    a.err('overlay-tutor: several transcripts are graded with --csv (one row each)\n');
    return 2;
  }
  const key = readKey(a.key, a.env);
  if (key && !(key instanceof Uint8Array)) {
    a.err(`overlay-tutor: ${key.error}\n`);
    return 2;
  }
  let set: ExerciseSet | undefined;
  if (a.set !== undefined) {
    const r = readExerciseSet(a.set, a.lessons);
    if ('problems' in r) {
      a.err(`${r.problems.join('\n')}\n`);
      return 2;
    }
    set = r;
  }
  const rows: { file: string; report: GradeReport }[] = [];
  for (const file of a.files) {
    const text = readTranscript(file);
    const report =
      typeof text === 'string'
        ? await gradeTranscript(text, {
            lessons: a.lessons,
            set,
            key,
            makeHost: (seed) => createSimHost({ seed, interactive: false }),
          })
        : errorReport(text.error);
    rows.push({ file, report });
  }
  if (a.csv) a.out(formatCsv(rows));
  else a.out(formatReport(rows[0]!.report, format, set?.data.id ?? 'overlay-tutor'));
  if (rows.some((r) => r.report.status === 'error')) {
    if (format !== 'human' || a.csv)
      for (const r of rows) if (r.report.status === 'error') a.err(`overlay-tutor: ${r.file}: ${r.report.message}\n`);
    return 2;
  }
  return rows.every((r) => r.report.status === 'pass') ? 0 : 1;
}

/** `overlay-tutor seed --set FILE --learner ID… [--key FILE]`: each learner's seed, for a
 * teacher to hand out (a learner without the key starts the set with `--seed N`). */
export function runSeeds(a: {
  set?: string | undefined;
  learners: string[];
  key?: string | undefined;
  lessons: readonly Lesson[];
  out: (t: string) => void;
  err: (t: string) => void;
  env: NodeJS.ProcessEnv;
}): number {
  if (a.set === undefined || !a.learners.length) {
    a.err("overlay-tutor: seed needs --set FILE and at least one --learner ID\nTry 'overlay-tutor --help'.\n");
    return 2;
  }
  const key = readKey(a.key, a.env);
  if (key && !(key instanceof Uint8Array)) {
    a.err(`overlay-tutor: ${key.error}\n`);
    return 2;
  }
  const set = readExerciseSet(a.set, a.lessons);
  if ('problems' in set) {
    a.err(`${set.problems.join('\n')}\n`);
    return 2;
  }
  for (const l of a.learners) a.out(`${l}\t${learnerSeed(set.data.id, l, key)}\n`);
  return 0;
}
