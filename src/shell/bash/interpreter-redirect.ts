// Redirects: the file descriptors a command runs with. Files opened for `>` are created and
// truncated before the command runs (so `ls > out` lists out), and every write is appended as it
// comes, so the file grows the way it would under bash.
import { isKernelError, type Proc } from '../../kernel/index.js';
import type { Redirect } from './ast.js';
import { toBytes, type CommandIO, type Output } from '../command.js';
import { WriteFailed } from '../pipe.js';
import { appendContentToFile, withContentSink } from '../content-output.js';
import type { Expander } from './expand.js';

/** A redirect that failed: bash prints `bash: <text>` and the command does not run; busybox ash
 * says what it could not do (`sh: can't create /h/f: Read-only file system`). */
export class RedirectError extends Error {
  constructor(
    message: string,
    readonly ash?: string,
  ) {
    super(message);
  }
}

const DEV_ZERO_BYTES = 64 * 1024;

function absolute(proc: Proc, path: string): string {
  if (path.startsWith('/')) return path;
  const cwd = proc.getcwd();
  return cwd === '/' ? `/${path}` : `${cwd}/${path}`;
}

function fileSink(proc: Proc, path: string, append: boolean, target: string): Output {
  if (path === '/dev/null') return () => {};
  try {
    proc.writeFile(path, new Uint8Array(0), append ? { create: true, append: true } : { create: true, truncate: true });
  } catch (err) {
    const why = isKernelError(err) ? err.text : String(err);
    throw new RedirectError(`${target}: ${why}`, `can't create ${target}: ${why}`);
  }
  const abs = absolute(proc, path);
  const sink: Output = (data) => {
    const bytes = toBytes(data);
    if (bytes.length === 0) return;
    try {
      proc.writeFile(abs, bytes, { append: true });
    } catch (err) {
      // A full filesystem (or /dev/full) fails the write: the writer says so.
      if (isKernelError(err, 'ENOSPC')) throw new WriteFailed(err.text);
      // The file went away under the command (rm in the same group): bash's write fails silently.
    }
  };
  // docker save > file: a saved image's tar is kept described, as docker save -o keeps it.
  return withContentSink(sink, (c) => appendContentToFile(proc, abs, c));
}

function readInput(proc: Proc, path: string, target: string): Uint8Array {
  if (path === '/dev/null') return new Uint8Array(0);
  if (path === '/dev/zero') return new Uint8Array(DEV_ZERO_BYTES);
  try {
    return proc.readFile(path);
  } catch (err) {
    const why = isKernelError(err) ? err.text : String(err);
    throw new RedirectError(`${target}: ${why}`, `can't open ${target}: ${why}`);
  }
}

/**
 * Applies a command's redirects in order to `io` and returns the io the command runs with.
 * Throws RedirectError with bash's message on failure.
 */
export async function applyRedirects(
  redirects: readonly Redirect[],
  io: CommandIO,
  proc: Proc,
  expander: Expander,
): Promise<CommandIO> {
  if (redirects.length === 0) return io;
  const out = new Map<number, Output>([
    [1, io.stdout],
    [2, io.stderr],
  ]);
  let stdin = io.stdin;
  // A pipe on stdin stays until a redirect replaces it.
  let input = io.input;
  let stdinIsTerminal = io.stdinIsTerminal;
  // What is opened for reading on a descriptor other than 0 (`3<<EOF`, `3< file`): no command reads
  // it unless it is made its stdin (`<&3`), as bash leaves it.
  const inputs = new Map<number, Uint8Array>();
  const read = (fd: number | null, bytes: Uint8Array): void => {
    if ((fd ?? 0) !== 0) {
      inputs.set(fd as number, bytes);
      return;
    }
    stdin = bytes;
    input = undefined;
    stdinIsTerminal = false;
  };
  const target = async (r: Redirect): Promise<string> => {
    const fields = await expander.word(r.target);
    const [field] = fields;
    if (field === undefined || fields.length !== 1) throw new RedirectError(`${r.target.text}: ambiguous redirect`);
    return field;
  };
  for (const r of redirects) {
    switch (r.op) {
      case '<':
      case '<>': {
        const path = await target(r);
        read(
          r.fd,
          r.op === '<>' && !proc.exists(path)
            ? (proc.writeFile(path, ''), new Uint8Array(0))
            : readInput(proc, path, path),
        );
        break;
      }
      case '<<':
      case '<<-': {
        const doc = r.heredoc;
        const body = !doc
          ? ''
          : doc.quoted
            ? doc.body.parts.map((p) => ('value' in p ? p.value : '')).join('')
            : await expander.string(doc.body);
        read(r.fd, toBytes(body));
        break;
      }
      case '<<<':
        read(r.fd, toBytes(`${await expander.string(r.target)}\n`));
        break;
      case '>':
      case '>|':
      case '>>': {
        const path = await target(r);
        const fd = r.fd ?? 1;
        out.set(fd, specialSink(path, out) ?? fileSink(proc, path, r.op === '>>', path));
        break;
      }
      case '&>':
      case '&>>': {
        const path = await target(r);
        const sink = specialSink(path, out) ?? fileSink(proc, path, r.op === '&>>', path);
        out.set(1, sink);
        out.set(2, sink);
        break;
      }
      case '>&':
      case '<&': {
        const t = await target(r);
        const fd = r.fd ?? (r.op === '>&' ? 1 : 0);
        if (t === '-') {
          if (fd === 0) {
            stdin = new Uint8Array(0);
            input = undefined;
          } else out.set(fd, () => {});
        } else if (/^\d+$/.test(t)) {
          const src = Number(t);
          if (fd === 0 || r.op === '<&') {
            const opened = inputs.get(src);
            if (fd === 0 && opened) read(0, opened);
            else if (src !== 0) throw new RedirectError(`${t}: Bad file descriptor`);
          } else {
            const sink = out.get(src);
            if (!sink) throw new RedirectError(`${t}: Bad file descriptor`);
            out.set(fd, sink);
          }
        } else if (r.op === '>&' && r.fd === null) {
          const sink = specialSink(t, out) ?? fileSink(proc, t, false, t);
          out.set(1, sink);
          out.set(2, sink);
        } else {
          throw new RedirectError(`${t}: ambiguous redirect`);
        }
        break;
      }
    }
  }
  const stdout = out.get(1) as Output;
  return {
    stdin,
    ...(input ? { input } : {}),
    stdout,
    stderr: out.get(2) as Output,
    stdinIsTerminal,
    stdoutIsTerminal: io.stdoutIsTerminal && stdout === io.stdout,
  };
}

function specialSink(path: string, out: Map<number, Output>): Output | null {
  if (path === '/dev/null') return () => {};
  if (path === '/dev/stdout') return out.get(1) ?? null;
  if (path === '/dev/stderr') return out.get(2) ?? null;
  return null;
}
