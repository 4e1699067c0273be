// Output that can take content described rather than its bytes (src/kernel/content.ts): a
// redirect to a file (`docker save nginx > nginx.tar`) keeps a saved image's 187 MB as the disk
// keeps the archive `docker save -o` writes, instead of every byte passing through the shell; so
// does a pipe (src/shell/pipe.ts). An output that cannot (the terminal) gets the bytes.
import { composeContent, contentBytes, type FileContent, isKernelError, type Proc } from '../kernel/index.js';
import type { Output } from './command.js';

/** An output with the optional way in for described content. */
type ContentSink = Output & { content?: (c: FileContent) => ReturnType<Output> };

/** out, able to take described content through `content` as well (a redirect to a file, a pipe). */
export function withContentSink(out: Output, content: (c: FileContent) => ReturnType<Output>): Output {
  return Object.assign(out, { content });
}

/** Whether out takes described content as it is (a file, a pipe), not only bytes (the terminal). */
export function takesContent(out: Output): boolean {
  return (out as ContentSink).content !== undefined;
}

/** Writes content to an output: described where the output keeps it so, else as bytes. */
export function writeContentTo(out: Output, c: FileContent): ReturnType<Output> {
  const sink = out as ContentSink;
  if (sink.content && !(c instanceof Uint8Array)) return sink.content(c);
  return out(contentBytes(c));
}

/** What a redirect to a file does with described content: appended to what the file has. */
export function appendContentToFile(proc: Proc, path: string, c: FileContent): void {
  try {
    const before = proc.readContent(path);
    proc.writeContent(path, composeContent([before, c]));
  } catch (err) {
    // The file went away under the command (rm in the same group): bash's write fails silently.
    if (!isKernelError(err)) throw err;
  }
}
