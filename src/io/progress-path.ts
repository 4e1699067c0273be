// Where the progress file lives (and where it lived), and a look at it for the first frame's
// lesson map: apart from src/io/progress-file.ts, whose reading checks the file with the progress
// schema (zod, in the simulator's half of the bin), so that the first frame can draw the map's
// marks without it.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Grade } from '../lessons/progress.js';

const GRADES: readonly Grade[] = ['clean', 'with-hints', 'with-solution'];

const home = (env: NodeJS.ProcessEnv) => env.HOME || homedir();

export function progressPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME?.startsWith('/') ? env.XDG_STATE_HOME : join(home(env), '.local', 'state');
  return join(base, 'overlay-tutor', 'progress.json');
}

/** Where versions before 0.2 kept progress. */
export function oldProgressPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(home(env), '.config');
  return join(base, 'overlay-tutor', 'progress.json');
}

/** Each lesson's step reached and grade, as the progress file says them, unchecked beyond their
 * types; nothing when it is missing or not JSON (the Screen's own reading says what is wrong). */
export function peekProgress(
  path = progressPath(),
): { lessons: Record<string, { current: number; grade?: Grade }> } | undefined {
  let raw: unknown;
  // Where there is none yet, the Screen will move an older version's file over: look there too.
  for (const p of path === progressPath() ? [path, oldProgressPath()] : [path]) {
    try {
      raw = JSON.parse(readFileSync(p, 'utf8'));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
    }
  }
  const lessons: Record<string, { current: number; grade?: Grade }> = {};
  const given = (raw as { lessons?: unknown } | null)?.lessons;
  if (typeof given !== 'object' || given === null) return undefined;
  for (const [id, r] of Object.entries(given as Record<string, { current?: unknown; grade?: unknown }>)) {
    if (typeof r?.current !== 'number') continue;
    const grade = GRADES.find((g) => g === r.grade);
    lessons[id] = { current: r.current, ...(grade ? { grade } : {}) };
  }
  return { lessons };
}
