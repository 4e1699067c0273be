// Output that can take content described rather than its bytes (src/kernel/content.ts): a
// redirect to a file (`docker save nginx > nginx.tar`) keeps a saved image's 187 MB as the disk
// keeps the archive `docker save -o` writes, instead of every byte passing through the shell. An
// output that cannot (a pipe, the terminal) gets the bytes.
import { composeContent, contentBytes, type FileContent, isKernelError, type Proc } from '../kernel/index.js';
import type { Output } from './command.js';

/** An output with the optional way in for described content. */
type ContentSink = Output & { content?: (c: FileContent) => void };

/** out, able to take described content through `content` as well. */
export function withContentSink(out: Output, content: (c: FileContent) => void): Output {
  return Object.assign(out, { content });
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
