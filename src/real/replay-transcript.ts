// A learner's saved session transcript (`--transcript FILE`, an exam's: src/lessons/transcript.ts)
// as the shell lines `replay FILE --real` runs: for each lesson, the host the tutor built it on
// (its setup, whose `docker pull` the real side's pull stand-in serves, and the reference solutions
// of the steps before the one it started at), then the lines the learner typed — a line that ran
// a step's solution as that solution's lines. The tutor's own words (hint, next, answer, a y/N
// answer …) are no shell lines and are left out. A replay has one host a side: the lessons run one
// after another on it, where the tutor gave each a fresh host, and `reset` and `undo` (which
// rebuild it) are not replayed; the notes say so.
import type { Lesson } from '../lessons/loader.js';
import { behaviourOf } from '../lessons/step-kinds.js';
import { type LessonEntry, type LineEntry, TRANSCRIPT_FORMAT } from '../lessons/transcript.js';

/** The words the tutor takes itself, never the shell (a line that begins with one). */
const TUTOR_WORDS = new Set([
  'next',
  'back',
  'step',
  'hint',
  'solution',
  'answer',
  'undo',
  'reset',
  'lessons',
  'help',
  'skip',
  'end',
]);
const REBUILDS = new Set(['undo', 'reset']);

/** The JSON objects of a text that is a session transcript (its first line the start entry). */
function entriesOf(text: string): Array<Record<string, unknown>> | undefined {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const parse = (l: string): Record<string, unknown> | undefined => {
    try {
      const v: unknown = JSON.parse(l);
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  const first = lines[0] === undefined ? undefined : parse(lines[0]);
  if (first?.kind !== 'start' || first.format !== TRANSCRIPT_FORMAT) return undefined;
  return lines.map(parse).filter((e): e is Record<string, unknown> => e !== undefined);
}

export function isSessionTranscript(text: string): boolean {
  return entriesOf(text) !== undefined;
}

/** The solution lines of a step that run in the shell (an answer step's `answer` is the tutor's). */
const shellSolution = (lesson: Lesson, index: number): string[] => {
  const step = lesson.data.steps[index];
  return step
    ? behaviourOf(step)
        .solution(step)
        .filter((l) => !/^answer\b/.test(l.trim()))
    : [];
};

/** The transcript's lines as a replay's script, and what the report says about how they were
 * taken; a string says why the transcript cannot be replayed. */
export function transcriptScript(
  text: string,
  lessons: readonly Lesson[],
): { script: string; notes: string[] } | string {
  const entries = entriesOf(text);
  if (!entries) return 'not a session transcript';
  const out: string[] = [];
  const taken: string[] = [];
  let lesson: Lesson | undefined;
  let left = 0;
  let rebuilds = 0;
  for (const e of entries.slice(1)) {
    if (e.kind === 'lesson') {
      const entry = e as unknown as LessonEntry;
      lesson = lessons.find((l) => l.data.id === entry.lesson);
      if (!lesson) return `no lesson ${entry.lesson} here to replay the transcript on`;
      out.push(...lesson.data.setup);
      for (let i = 0; i < entry.startAt; i++)
        if (behaviourOf(lesson.data.steps[i]!).solutionMovesHost) out.push(...shellSolution(lesson, i));
      taken.push(lesson.folder);
    } else if (e.kind === 'line' && lesson) {
      const entry = e as unknown as LineEntry;
      const word = entry.line.trim().split(/\s+/)[0] ?? '';
      if (entry.solution) {
        const index = lesson.data.steps.findIndex((s) => s.id === entry.step);
        out.push(...shellSolution(lesson, index));
      } else if (TUTOR_WORDS.has(word) || /^(y|yes|n|no)$/i.test(entry.line.trim()) || entry.line.trim() === '') {
        left++;
        if (REBUILDS.has(word)) rebuilds++;
      } else out.push(entry.line);
    }
  }
  if (!taken.length) return 'the transcript holds no lesson';
  const notes = [
    `a session transcript: ${taken.length === 1 ? 'lesson' : 'lessons'} ${taken.join(', ')} — each lesson's ` +
      "setup (its pulls served from the simulator's archives on the real side), then the lines typed; " +
      `${left} of the tutor's words left out`,
  ];
  if (taken.length > 1)
    notes.push('the lessons run one after another on the same two hosts (the tutor gave each its own)');
  if (rebuilds) notes.push(`${rebuilds} reset or undo not replayed: the hosts go on from where they were`);
  return { script: `${out.join('\n')}\n`, notes };
}
