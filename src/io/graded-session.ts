// What a tutor session needs besides its lessons when it is recorded or graded: the transcript
// file (--transcript FILE), the teacher's key that signs it (--key FILE or $OVERLAY_TUTOR_KEY),
// an exercise set taken as an exam (--set FILE) with the learner's id and seed. Both front ends
// (line mode, the screen) ask this, so a session is recorded the same way on both.
import { learnerSeed } from '../lessons/exercise-set.js';
import type { Lesson } from '../lessons/loader.js';
import type { TutorOptions } from '../lessons/tutor.js';
import type { Lang } from '../lessons/types.js';
import { createTranscriptFile, readExerciseSet, readKey } from './transcript-file.js';

export interface GradedSessionArgs {
  /** The tool's version, written in the transcript. */
  tool: string;
  transcript?: string | undefined;
  key?: string | undefined;
  set?: string | undefined;
  learner?: string | undefined;
  seed?: number | undefined;
}

export type SessionExtras = Pick<TutorOptions, 'seed' | 'transcript' | 'transcriptPath' | 'set' | 'now'>;

/** A learner id: what a class list holds (letters, digits, . _ @ -), short. */
const LEARNER = /^[\w.@-]{1,64}$/;

/** The tutor's options for the session, or why it cannot start (one line per problem). */
export function gradedSession(
  a: GradedSessionArgs,
  lessons: readonly Lesson[],
  lang: Lang,
  env: NodeJS.ProcessEnv,
): SessionExtras | { error: string } {
  const key = readKey(a.key, env);
  if (key && !(key instanceof Uint8Array)) return { error: key.error };
  if (a.learner !== undefined && !LEARNER.test(a.learner))
    return { error: `--learner wants an id of letters, digits, '.', '_', '@' or '-', not '${a.learner}'` };
  let extras: SessionExtras = { ...(a.seed !== undefined ? { seed: a.seed } : {}), now: () => Date.now() };
  if (a.set !== undefined) {
    const set = readExerciseSet(a.set, lessons);
    if ('problems' in set) return { error: set.problems.join('\n') };
    if (a.learner === undefined) return { error: '--set needs --learner ID (the id your teacher grades you by)' };
    // The seed the teacher handed out, or the one the key (or the set alone) derives.
    const seed = a.seed ?? learnerSeed(set.data.id, a.learner, key);
    const path = a.transcript ?? `${set.data.id}-${a.learner}.transcript.jsonl`;
    const writer = createTranscriptFile(
      path,
      {
        tool: a.tool,
        lang,
        seed,
        learner: a.learner,
        set: { id: set.data.id, version: set.version },
        ...(set.data.time_limit !== undefined ? { limit: set.data.time_limit } : {}),
      },
      key,
    );
    if ('error' in writer) return { error: writer.error };
    return { ...extras, seed, set, transcript: writer, transcriptPath: path };
  }
  if (a.learner !== undefined) return { error: '--learner goes with --set FILE' };
  if (a.transcript !== undefined) {
    const writer = createTranscriptFile(
      a.transcript,
      { tool: a.tool, lang, ...(a.seed !== undefined ? { seed: a.seed } : {}) },
      key,
    );
    if ('error' in writer) return { error: writer.error };
    extras = { ...extras, transcript: writer, transcriptPath: a.transcript };
  }
  return extras;
}
