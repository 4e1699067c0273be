// Kernel errors carry the errno name a real syscall would fail with, so the shell can print the
// same words coreutils prints ("No such file or directory") and tests can compare errno values
// with a real overlay mount.

export const ERRNO = {
  EPERM: { no: 1, text: 'Operation not permitted' },
  ENOENT: { no: 2, text: 'No such file or directory' },
  EIO: { no: 5, text: 'Input/output error' },
  ENXIO: { no: 6, text: 'No such device or address' },
  EBADF: { no: 9, text: 'Bad file descriptor' },
  EACCES: { no: 13, text: 'Permission denied' },
  EBUSY: { no: 16, text: 'Device or resource busy' },
  EEXIST: { no: 17, text: 'File exists' },
  EXDEV: { no: 18, text: 'Invalid cross-device link' },
  ENODEV: { no: 19, text: 'No such device' },
  ENOTDIR: { no: 20, text: 'Not a directory' },
  EISDIR: { no: 21, text: 'Is a directory' },
  EINVAL: { no: 22, text: 'Invalid argument' },
  ENOSPC: { no: 28, text: 'No space left on device' },
  EROFS: { no: 30, text: 'Read-only file system' },
  EMLINK: { no: 31, text: 'Too many links' },
  ENAMETOOLONG: { no: 36, text: 'File name too long' },
  ENOTEMPTY: { no: 39, text: 'Directory not empty' },
  ELOOP: { no: 40, text: 'Too many levels of symbolic links' },
  ENODATA: { no: 61, text: 'No data available' },
  EOPNOTSUPP: { no: 95, text: 'Operation not supported' },
  ENOTTY: { no: 25, text: 'Inappropriate ioctl for device' },
} as const;

export type ErrnoCode = keyof typeof ERRNO;

export class KernelError extends Error {
  readonly code: ErrnoCode;
  readonly errno: number;
  readonly syscall: string;
  readonly path?: string;
  /** A write that ran out of room (ENOSPC) after some of its bytes went in: how many did, as
   * write(2)'s short count tells the writer before the next write fails. */
  written = 0;

  constructor(code: ErrnoCode, syscall: string, path?: string) {
    // Failing syscalls are ordinary (every lookup of a missing name is one): skip the stack
    // trace, which costs more than the lookup itself.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${code}: ${ERRNO[code].text}, ${syscall}${path === undefined ? '' : ` '${path}'`}`);
    Error.stackTraceLimit = limit;
    this.name = 'KernelError';
    this.code = code;
    this.errno = ERRNO[code].no;
    this.syscall = syscall;
    this.path = path;
  }

  /** The strerror text, as coreutils prints it after the file name. */
  get text(): string {
    return ERRNO[this.code].text;
  }
}

export function isKernelError(err: unknown, code?: ErrnoCode): err is KernelError {
  return err instanceof KernelError && (code === undefined || err.code === code);
}
