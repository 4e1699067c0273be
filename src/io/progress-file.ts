// The progress file: $XDG_STATE_HOME/overlay-tutor/progress.json (~/.local/state/… by default;
// progress is state, not configuration: an older version kept it under ~/.config, and it is moved
// from there once). Several tutors (and `progress --import`) may share it, so every save reads
// the file, changes one lesson's record and writes it back while holding a lock file; the write
// goes to a temporary file created exclusively and renamed over the old one. A file that cannot
// be read as progress is moved aside, never overwritten, and the learner is told where it went.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  type Aid,
  clampProgress,
  EMPTY_PROGRESS,
  type Grade,
  type LessonShape,
  parseProgress,
  type Progress,
  type ProgressStore,
  recordAid,
  recordStep,
} from '../lessons/progress.js';
import { describeErrno, kindOf, readBounded, type UnreadableFile } from './bounded-read.js';
import { oldProgressPath, progressPath } from './progress-path.js';

/** A progress file is a few kilobytes; an import or a progress file over this is refused. */
export const MAX_PROGRESS_BYTES = 1024 * 1024;
/** How long a save waits for another tutor's lock before giving up (and trying at the next step).
 * A save takes milliseconds, but its fsync can take seconds on a busy disk. */
const LOCK_WAIT_MS = 5000;
/** A lock older than this was left by a tutor that froze mid-save (a dead one's pid is gone). */
const STALE_LOCK_MS = 30_000;

export { oldProgressPath, progressPath };

/** Progress that cannot be read at all (a directory, a FIFO, no permission): the tutor stops
 * with this message, which names the path and what to do, rather than start and lose saves. */
export class ProgressFileError extends Error {}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `fn` holding `<path>.lock` (created with O_EXCL; its holder's pid inside). A lock whose
 * holder is gone, or older than STALE_LOCK_MS, is broken: renamed aside, and removed only if it
 * is still the one judged stale (else put back: another tutor took it in between). */
export function withLock<T>(path: string, fn: () => T): T {
  const lock = `${path}.lock`;
  const mine = `${process.pid} ${randomBytes(6).toString('hex')}\n`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      const fd = openSync(
        lock,
        constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
        0o600,
      );
      try {
        writeSync(fd, mine);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (breakIfStale(lock)) continue;
    if (Date.now() > deadline)
      throw Object.assign(new Error(`another overlay-tutor holds ${lock}`), { code: 'ELOCKED' });
    sleep(pause);
  }
  try {
    return fn();
  } finally {
    try {
      if (readFileSync(lock, 'utf8') === mine) unlinkSync(lock);
    } catch {
      // Gone already (broken as stale by another tutor after a long freeze): nothing to release.
    }
  }
}

function breakIfStale(lock: string): boolean {
  let seen: string;
  let age: number;
  try {
    seen = readFileSync(lock, 'utf8');
    age = Date.now() - lstatSync(lock).mtimeMs;
  } catch {
    return true; // released meanwhile: try again at once
  }
  const pid = Number(/^(\d+) /.exec(seen)?.[1]);
  // A lock being written has no pid yet: stale only by age.
  const stale = age > STALE_LOCK_MS || (pid > 0 && !pidAlive(pid));
  if (!stale) return false;
  const aside = `${lock}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(lock, aside);
  } catch {
    return true;
  }
  try {
    if (readFileSync(aside, 'utf8') !== seen) linkSync(aside, lock);
  } catch {
    // EEXIST: a third tutor took the lock meanwhile; the one put aside is lost to its holder,
    // whose save still lands whole (every write is a rename).
  }
  unlinkSync(aside);
  return true;
}

/** Writes `text` to `path` through `<path>.tmp-<pid>-<random>`, created exclusively (a symlink
 * planted at that name is not followed), synced, then renamed over `path`. */
export function writeAtomically(path: string, text: string, mode = 0o600): void {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
  try {
    const bytes = Buffer.from(text);
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {}
    try {
      unlinkSync(tmp);
    } catch {}
    throw e;
  }
}

/** Removes what interrupted saves left beside `path`: temporary files and broken-lock leftovers.
 * Called holding the lock, so no save of another tutor is writing one. */
function removeLeftovers(path: string): void {
  const dir = dirname(path);
  const name = basename(path);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names)
    if (n.startsWith(`${name}.tmp-`) || n.startsWith(`${name}.lock.stale-`))
      try {
        if (!lstatSync(join(dir, n)).isDirectory()) unlinkSync(join(dir, n));
      } catch {}
}

/** The progress in the file at `path` (none when there is no file). A file that is not progress
 * (bad JSON, too big) is moved aside, with a warning; one that cannot be read at all throws
 * ProgressFileError. */
export function readProgressFile(path: string, now = Date.now()): { progress: Progress; warning?: string } {
  let text: string;
  try {
    text = readBounded(path, MAX_PROGRESS_BYTES).toString('utf8');
  } catch (e) {
    const u = e as UnreadableFile;
    if (u.code === 'ENOENT') return { progress: EMPTY_PROGRESS };
    if (u.code !== 'TOO_BIG') throw new ProgressFileError(cannotRead(path, u));
    return moveAside(path, u.reason, now);
  }
  const r = parseProgress(text);
  if ('progress' in r) return { progress: r.progress };
  return moveAside(path, r.error, now);
}

function moveAside(path: string, why: string, now: number): { progress: Progress; warning: string } {
  const aside = `${path}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(path, aside);
  } catch (e) {
    throw new ProgressFileError(
      `overlay-tutor: your progress file ${path} could not be read (${why}) nor moved aside ` +
        `(${describeErrno(e)}); move it away yourself and start again`,
    );
  }
  return {
    progress: EMPTY_PROGRESS,
    warning:
      `overlay-tutor: your progress file could not be read (${why}` +
      `); it was kept as ${aside} and progress starts afresh`,
  };
}

function cannotRead(path: string, u: UnreadableFile): string {
  const todo =
    u.code === 'NOT_FILE'
      ? 'move it away: the tutor keeps your progress in a file of that name'
      : u.code === 'EACCES' || u.code === 'EPERM'
        ? `make it readable and writable by you (ls -l ${path}), or move it away`
        : 'move it away, or set XDG_STATE_HOME to another folder';
  return `overlay-tutor: cannot read your progress: ${u.message}; ${todo}`;
}

export interface OpenOptions {
  /** The file (default: progressPath(), with a move from oldProgressPath() once). */
  path?: string;
  env?: NodeJS.ProcessEnv;
  /** The lessons there are: each lesson's `current` is kept within its steps. */
  lessons?: LessonShape[];
  now?: () => number;
}

/** The progress file as a ProgressStore, and what the learner should be told on opening it
 * (progress moved from the old place, a corrupt file kept aside). Throws ProgressFileError when
 * the file cannot be read at all. */
export function openProgressFile(o: OpenOptions = {}): {
  store: ProgressStore & { path: string; flush(): string | undefined };
  notices: string[];
} {
  const env = o.env ?? process.env;
  const path = o.path ?? progressPath(env);
  const now = o.now ?? Date.now;
  const lessons = o.lessons ?? [];
  const notices: string[] = [];
  let onDisk: Progress = EMPTY_PROGRESS;
  const first = () => {
    removeLeftovers(path);
    if (o.path === undefined) {
      const moved = moveFromOldPlace(oldProgressPath(env), path);
      if (moved) notices.push(moved);
    }
    const r = readProgressFile(path, now());
    if (r.warning) notices.push(r.warning);
    onDisk = r.progress;
  };
  try {
    // The folder is made by the first save, or by a move from the old place; opening alone
    // leaves the disk as it is (with no folder there is no lock to take, and nothing to read).
    if (o.path === undefined && wantsMove(oldProgressPath(env), path))
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    withLock(path, first);
  } catch (e) {
    if (e instanceof ProgressFileError) throw e;
    // No lock to be had (a read-only folder): read what is there; saving will say why it cannot.
    const r = readProgressFile(path, now());
    if (r.warning) notices.push(r.warning);
    onDisk = r.progress;
  }
  // Steps recorded here and not yet saved (a save failed): applied again with the next save.
  let pending: Array<(p: Progress) => Progress> = [];
  const withPending = (p: Progress) =>
    clampProgress(
      pending.reduce((acc, f) => f(acc), p),
      lessons,
    );
  const store = {
    path,
    current(): Progress {
      try {
        // Another tutor may have saved since: read again (a few kilobytes).
        onDisk = parseOrKeep(path, onDisk);
      } catch {}
      return withPending(onDisk);
    },
    recordStep(lessonId: string, stepId: string, next: number, grade?: Grade): string | undefined {
      pending.push((p) => recordStep(p, lessonId, stepId, next, grade));
      return save();
    },
    recordAid(lessonId: string, aid: Aid): string | undefined {
      pending.push((p) => recordAid(p, lessonId, aid));
      return save();
    },
    flush: (): string | undefined => (pending.length ? save() : undefined),
  };
  /** Writes the pending steps into the file as it is now; a warning when it could not. */
  function save(): string | undefined {
    // A file someone broke while this tutor ran is moved aside as at start, and the learner told.
    let warning: string | undefined;
    try {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      withLock(path, () => {
        const latest = readProgressFile(path, now());
        warning = latest.warning;
        const updated = pending.reduce((acc, f) => f(acc), latest.progress);
        writeAtomically(path, `${JSON.stringify(updated, null, 2)}\n`);
        onDisk = updated;
        pending = [];
      });
      return warning;
    } catch (e) {
      const why = e instanceof ProgressFileError ? e.message.replace(/^overlay-tutor: /, '') : describeErrno(e);
      // The reason first: a narrow status line cuts the end off.
      return `progress not saved: ${why} (${path}); it is kept and saved again at the next step`;
    }
  }
  return { store, notices };
}

function parseOrKeep(path: string, fallback: Progress): Progress {
  const r = parseProgress(readBounded(path, MAX_PROGRESS_BYTES).toString('utf8'));
  return 'progress' in r ? r.progress : fallback;
}

function wantsMove(old: string, path: string): boolean {
  try {
    lstatSync(path);
    return false;
  } catch {}
  try {
    return statSync(old).isFile();
  } catch {
    return false;
  }
}

/** Moves progress from where versions before 0.2 kept it, when there is none in the new place. */
function moveFromOldPlace(old: string, path: string): string | undefined {
  if (!wantsMove(old, path)) return undefined;
  try {
    writeAtomically(path, readBounded(old, MAX_PROGRESS_BYTES).toString('utf8'));
    unlinkSync(old);
    return `overlay-tutor: your progress moved from ${old} to ${path}`;
  } catch (e) {
    return `overlay-tutor: your progress in ${old} could not be moved to ${path} (${describeErrno(e)}); it stays there`;
  }
}

/** A path's kind when it exists and is not a regular file ("a directory"), for messages. */
export function nonFileKind(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? undefined : kindOf(st);
  } catch {
    return undefined;
  }
}
