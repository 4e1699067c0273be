// Reading a real file the tutor did not write itself (progress, an import, a lesson file, a
// --copy-in source) without trusting it: only a regular file is read — a FIFO would block the
// tutor for good, /dev/zero never ends — and never more than a cap, checked before reading and
// again while reading (a file may grow, or say it is empty as /proc's files do).
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';

/** Why a file was not read, in words that follow its path ("… is a directory"). */
export class UnreadableFile extends Error {
  constructor(
    readonly path: string,
    /** "is a directory", "is 52428800 bytes (at most 1048576 are read)", "permission denied" */
    readonly reason: string,
    /** ENOENT, EACCES …; TOO_BIG or NOT_FILE when the tutor refused it itself. */
    readonly code: string,
  ) {
    // "p is a directory, not a file", "p: Permission denied"
    super(reason.startsWith('is ') ? `${path} ${reason}` : `${path}: ${reason}`);
  }
}

/** What a file that is not a regular file is, as `stat` names it. */
export function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'a regular file';
}

/** A system error's code in the words of strerror(3), as coreutils print it. */
export function describeErrno(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const words: Record<string, string> = {
    ENOENT: 'No such file or directory',
    EACCES: 'Permission denied',
    EPERM: 'Operation not permitted',
    EROFS: 'Read-only file system',
    ENOSPC: 'No space left on device',
    EDQUOT: 'Disk quota exceeded',
    EISDIR: 'Is a directory',
    ENOTDIR: 'Not a directory',
    ELOOP: 'Too many levels of symbolic links',
    EIO: 'Input/output error',
    EMFILE: 'Too many open files',
    ENAMETOOLONG: 'File name too long',
    EEXIST: 'File exists',
    EBUSY: 'Device or resource busy',
  };
  return (e?.code && words[e.code]) || e?.message || String(err);
}

/** The bytes of the regular file at `path` (symlinks followed), at most `maxBytes` of them;
 * anything else throws UnreadableFile. Opening with O_NONBLOCK means a FIFO planted at the
 * path after the first check still cannot block. */
export function readBounded(path: string, maxBytes: number): Buffer {
  const refuse = (st: Stats) => {
    if (!st.isFile()) throw new UnreadableFile(path, `is ${kindOf(st)}, not a file`, 'NOT_FILE');
    if (st.size > maxBytes)
      throw new UnreadableFile(path, `is ${st.size} bytes (at most ${maxBytes} are read)`, 'TOO_BIG');
  };
  let fd: number;
  try {
    // Checked before opening too: opening some devices does something.
    refuse(statSync(path));
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    if (e instanceof UnreadableFile) throw e;
    throw new UnreadableFile(path, describeErrno(e), (e as NodeJS.ErrnoException).code ?? 'EIO');
  }
  try {
    const st = fstatSync(fd);
    refuse(st);
    // One byte more than the file says it has, to see it end; a file whose stat size is short
    // (/proc) is read on into a bigger buffer, within the cap.
    let buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let got = 0;
    for (;;) {
      if (got === buf.length) {
        if (got > maxBytes) throw new UnreadableFile(path, `is over ${maxBytes} bytes`, 'TOO_BIG');
        const bigger = Buffer.allocUnsafe(Math.min(Math.max(buf.length * 2, 4096), maxBytes + 1));
        buf.copy(bigger);
        buf = bigger;
      }
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) return buf.subarray(0, got);
      got += n;
    }
  } catch (e) {
    if (e instanceof UnreadableFile) throw e;
    throw new UnreadableFile(path, describeErrno(e), (e as NodeJS.ErrnoException).code ?? 'EIO');
  } finally {
    closeSync(fd);
  }
}
