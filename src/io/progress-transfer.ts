// `overlay-tutor progress --export FILE` and `--import FILE [--replace]`: progress carried to and
// from another machine. An export never leaves a half-written file (a temporary file renamed
// over FILE); an import is read with a cap, refused whole when it names a lesson or step this
// version does not have, merged lesson by lesson (the furthest step, every step done, the better
// grade) unless --replace, written under the same lock as a tutor's saves, and what it replaced
// is kept beside the progress file.
import { closeSync, constants, mkdirSync, openSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  clampProgress,
  type LessonShape,
  mergeProgress,
  parseProgress,
  type Progress,
  unknownIds,
} from '../lessons/progress.js';
import { describeErrno, readBounded, type UnreadableFile } from './bounded-read.js';
import {
  MAX_PROGRESS_BYTES,
  openProgressFile,
  ProgressFileError,
  readProgressFile,
  withLock,
  writeAtomically,
} from './progress-file.js';

export interface TransferResult {
  code: number;
  /** Lines for stderr: what was done, or why not. */
  messages: string[];
}

const json = (p: Progress) => `${JSON.stringify(p, null, 2)}\n`;

export function exportProgress(target: string, lessons: LessonShape[], path?: string): TransferResult {
  let progress: Progress;
  const messages: string[] = [];
  try {
    const { store, notices } = openProgressFile({ lessons, ...(path ? { path } : {}) });
    messages.push(...notices);
    progress = store.current();
  } catch (e) {
    if (e instanceof ProgressFileError) return { code: 1, messages: [...messages, e.message] };
    throw e;
  }
  const cannot = (why: string) => ({
    code: 1,
    messages: [...messages, `overlay-tutor: cannot export to ${target}: ${why}`],
  });
  let real = target;
  try {
    const st = statSync(target);
    if (st.isDirectory()) return cannot(`it is a directory; give a file name, such as ${target}/progress.json`);
    if (!st.isFile()) {
      // /dev/stdout, a pipe: written as it is, there is no file to keep whole. A FIFO that
      // nothing reads would block the open: asked first without blocking (ENXIO).
      closeSync(openSync(target, constants.O_WRONLY | constants.O_NONBLOCK));
      writeFileSync(target, json(progress));
      return { code: 0, messages };
    }
    // A symlink stays a symlink: the file it points to is replaced.
    real = realpathSync(target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENXIO') return cannot('it is a FIFO (named pipe) that nothing reads');
    if (code !== 'ENOENT') return cannot(describeErrno(e));
  }
  try {
    writeAtomically(real, json(progress), 0o666);
  } catch (e) {
    return cannot(`${describeErrno(e)} (any earlier ${target} is as it was)`);
  }
  return { code: 0, messages };
}

export function importProgress(
  from: string,
  lessons: LessonShape[],
  o: { replace?: boolean; path?: string; now?: number } = {},
): TransferResult {
  const refuse = (why: string) => ({ code: 1, messages: [`overlay-tutor: ${why}; nothing was imported`] });
  let text: string;
  try {
    text = readBounded(from, MAX_PROGRESS_BYTES).toString('utf8');
  } catch (e) {
    return refuse(`cannot import ${from}: ${(e as UnreadableFile).reason.replace(/^is /, 'it is ')}`);
  }
  const parsed = parseProgress(text);
  if ('error' in parsed) return refuse(`${from} is not an overlay-tutor progress file: ${parsed.error}`);
  const unknown = unknownIds(parsed.progress, lessons);
  if (unknown.length)
    return refuse(
      `${from} has progress this version does not know: ${unknown.slice(0, 5).join(', ')}` +
        (unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''),
    );
  const incoming = clampProgress(parsed.progress, lessons);
  let store: ReturnType<typeof openProgressFile>;
  try {
    store = openProgressFile({ lessons, ...(o.path ? { path: o.path } : {}) });
  } catch (e) {
    if (e instanceof ProgressFileError) return refuse(e.message.replace(/^overlay-tutor: /, ''));
    throw e;
  }
  const path = store.store.path;
  const messages = [...store.notices];
  const stamp = new Date(o.now ?? Date.now()).toISOString().replace(/[:.]/g, '-');
  try {
    // The first import on a machine makes the folder, as the first save does.
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    withLock(path, () => {
      const { progress: before, warning } = readProgressFile(path);
      if (warning) messages.push(warning);
      const after = o.replace ? incoming : mergeProgress(before, incoming);
      if (Object.keys(before.lessons).length && json(before) !== json(after)) {
        const backup = `${path}.before-import-${stamp}`;
        writeAtomically(backup, json(before));
        messages.push(`overlay-tutor: the progress this import replaced is kept in ${backup}`);
      }
      writeAtomically(path, json(after));
      const n = Object.keys(incoming.lessons).length;
      messages.push(
        `overlay-tutor: ${n} lesson${n === 1 ? '' : 's'} imported from ${from}` +
          (o.replace ? ' (replacing all progress)' : ' (each lesson at the further of the two)'),
      );
    });
  } catch (e) {
    const why = e instanceof ProgressFileError ? e.message.replace(/^overlay-tutor: /, '') : describeErrno(e);
    return refuse(`cannot write ${path}: ${why}`);
  }
  return { code: 0, messages };
}
