// The real files of graded work: a session's transcript, written entry by entry as the session
// goes (a tutor killed half-way leaves every line it ran), the teacher's key, and exercise set
// files. The format and its checks are src/lessons/transcript.ts's; this only reads and writes.
import { closeSync, openSync, writeSync } from 'node:fs';
import { type ExerciseSet, loadExerciseSet } from '../lessons/exercise-set.js';
import type { Lesson } from '../lessons/loader.js';
import { formatProblem } from '../lessons/loader.js';
import { type StartEntry, TRANSCRIPT_FORMAT, TranscriptWriter } from '../lessons/transcript.js';
import { describeErrno, readBounded, UnreadableFile } from './bounded-read.js';

/** A transcript holds a session's lines and their outputs (each cut at 4,000 characters). */
export const MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;
const MAX_KEY_BYTES = 64 * 1024;
const MAX_SET_BYTES = 256 * 1024;

/** The environment variable that may hold the teacher's key instead of --key FILE. */
export const KEY_ENV = 'OVERLAY_TUTOR_KEY';

/** The key from --key FILE (its bytes, less a trailing newline) or $OVERLAY_TUTOR_KEY; an error
 * message when the file cannot be read or the key is empty. */
export function readKey(file: string | undefined, env: NodeJS.ProcessEnv): Uint8Array | undefined | { error: string } {
  let text: Buffer;
  if (file !== undefined) {
    try {
      text = readBounded(file, MAX_KEY_BYTES);
    } catch (e) {
      return { error: e instanceof UnreadableFile ? e.message : `${file}: ${describeErrno(e)}` };
    }
  } else if (env[KEY_ENV] !== undefined) text = Buffer.from(env[KEY_ENV], 'utf8');
  else return undefined;
  let end = text.length;
  while (end > 0 && (text[end - 1] === 0x0a || text[end - 1] === 0x0d)) end--;
  if (end === 0) return { error: `${file ?? `$${KEY_ENV}`}: the key is empty` };
  return new Uint8Array(text.subarray(0, end));
}

/** A transcript file created (or emptied) now, each entry appended as it is made. */
export function createTranscriptFile(
  path: string,
  start: Omit<StartEntry, 'kind' | 'format'>,
  key?: Uint8Array,
): TranscriptWriter | { error: string } {
  let fd: number;
  try {
    fd = openSync(path, 'w', 0o644);
  } catch (e) {
    return { error: `cannot write the transcript ${path}: ${describeErrno(e)}` };
  }
  let failed = false;
  const writer = new TranscriptWriter({
    write: (line) => {
      if (failed) return;
      try {
        writeSync(fd, line);
      } catch (e) {
        // A full disk must not stop the session; the learner is told once, on stderr.
        failed = true;
        process.stderr.write(`overlay-tutor: cannot write the transcript ${path}: ${describeErrno(e)}\n`);
      }
    },
    now: () => Date.now(),
    key,
  });
  writer.add({ kind: 'start', format: TRANSCRIPT_FORMAT, ...start });
  process.once('exit', () => {
    try {
      closeSync(fd);
    } catch {
      // Closed already.
    }
  });
  return writer;
}

/** A transcript's text, or why it cannot be read. */
export function readTranscript(path: string): string | { error: string } {
  try {
    return readBounded(path, MAX_TRANSCRIPT_BYTES).toString('utf8');
  } catch (e) {
    return { error: e instanceof UnreadableFile ? e.message : `${path}: ${describeErrno(e)}` };
  }
}

/** An exercise set file checked against the lessons; its problems as file:line:column lines. */
export function readExerciseSet(path: string, lessons: readonly Lesson[]): ExerciseSet | { problems: string[] } {
  let text: string;
  try {
    text = readBounded(path, MAX_SET_BYTES).toString('utf8');
  } catch (e) {
    return { problems: [e instanceof UnreadableFile ? e.message : `${path}: ${describeErrno(e)}`] };
  }
  const r = loadExerciseSet({ path, text }, lessons);
  return r.set ?? { problems: r.problems.map(formatProblem) };
}
