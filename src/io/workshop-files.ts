// What the workshop commands write to the real disk: a recording or a handout (`--out FILE`,
// else stdout), and the presenter's position, which `present --notes` in another terminal
// follows (presenterm's speaker notes, over a small file instead of a socket).
import { mkdirSync, readFileSync, renameSync, unwatchFile, watchFile, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { progressPath } from './progress-path.js';

/** Writes `text` to `path`; the reason it could not, as coreutils word it, or undefined. */
export function writeOutFile(path: string, text: string): string | undefined {
  try {
    writeFileSync(path, text);
    return undefined;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why: Record<string, string> = {
      ENOENT: 'No such file or directory',
      EACCES: 'Permission denied',
      EISDIR: 'Is a directory',
      ENOTDIR: 'Not a directory',
      EROFS: 'Read-only file system',
      ENOSPC: 'No space left on device',
    };
    return `cannot write '${path}': ${why[err.code ?? ''] ?? err.message}`;
  }
}

/** Where the presenter is, for the notes view: everything it shows, so it needs no lessons. */
export interface PresentState {
  lesson: string;
  title: string;
  /** 1-based. */
  step: number;
  count: number;
  stepTitle: string;
  notes: string;
  /** The lines the step types, for the presenter to glance at. */
  lines: string[];
  /** The catch-up code (`--at 7.5 --seed 42`). */
  code: string;
}

/** The presenter's position file, beside the progress file (the state folder). */
export function presentStatePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(dirname(progressPath(env)), 'present.json');
}

/** Writes the position through a temporary file renamed over it, so a reader never sees half;
 * not synced: a position lost in a crash is rewritten by the next step. Errors are the caller's
 * to show (a read-only state folder must not stop the talk). */
export function writePresentState(state: PresentState, path = presentStatePath()): string | undefined {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, `${JSON.stringify(state)}\n`);
    renameSync(tmp, path);
    return undefined;
  } catch (e) {
    return `cannot write the presenter's position (${(e as Error).message})`;
  }
}

export function readPresentState(path = presentStatePath()): PresentState | undefined {
  try {
    const s = JSON.parse(readFileSync(path, 'utf8')) as PresentState;
    return typeof s.lesson === 'string' && typeof s.step === 'number' ? s : undefined;
  } catch {
    return undefined;
  }
}

/** Calls `onChange` with the position now and whenever it changes; gives the function that stops
 * watching. Polls the file's stat (fs.watch misses a file renamed over, and a file not there yet). */
export function watchPresentState(
  onChange: (s: PresentState | undefined) => void,
  path = presentStatePath(),
  intervalMs = 200,
): () => void {
  let last = '';
  const look = () => {
    const s = readPresentState(path);
    const key = JSON.stringify(s ?? null);
    if (key !== last) {
      last = key;
      onChange(s);
    }
  };
  look();
  watchFile(path, { interval: intervalMs }, look);
  return () => unwatchFile(path, look);
}
