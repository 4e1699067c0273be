// The pipe between two stages of a pipeline, as the kernel's pipe(2) behaves for them: the stages
// run at the same time, the writer's bytes wait in a buffer of PIPE_CAPACITY (Linux's 64 KiB), a
// writer that fills it waits until the reader takes some (backpressure), the reader waits for
// bytes and sees the end when the writer is done. A reader that exits closes its end: the writer's
// next write raises BrokenPipe, as SIGPIPE kills a real writer (bash reports 128 + 13 = 141).
// Every wait wakes on the line's Ctrl-C or a stopped budget, so no stage waits on a dead one.
// Content written described (docker save's 187 MB archive, kernel/content.ts) goes through as its
// description: a reader that reads as it comes gets its bytes made a pipe's buffer at a time, one
// that takes its input whole and knows content (tar, sha256sum, wc) gets the description.
import {
  type Budget,
  composeContent,
  type FileContent,
  type LazyContent,
  readRange,
  sliceContent,
} from '../kernel/index.js';
import { toBytes } from './command.js';

/** Linux's default pipe buffer. */
export const PIPE_CAPACITY = 64 * 1024;

/** The status of a process SIGPIPE killed. */
export const SIGPIPE_STATUS = 141;

/** Thrown through every frame of a writer whose reader has gone (SIGPIPE): not an Error, so no
 * tool's catch-all takes it for a failure of its own. */
export class BrokenPipe {
  get status(): number {
    return SIGPIPE_STATUS;
  }
}

/** Thrown through a writer whose output file refused the bytes (ENOSPC on a full tmpfs,
 * /dev/full): the command stops and its shell or itself says `write error: <why>`, status 1. Not
 * an Error, for the same reason as BrokenPipe. */
export class WriteFailed {
  constructor(readonly text: string) {}
}

/** A command's standard input read as it comes (a pipe), rather than whole. */
export interface InputStream {
  /** The next bytes (at most max), or null at the end of the input. */
  read(max?: number): Promise<Uint8Array | null>;
  /** Everything up to the end, for a command that needs its input whole (sort, jq, tac …). */
  readAll(): Promise<Uint8Array>;
  /** Bytes up to and including the next newline (or to the end), as bash's `read` takes them,
   * leaving the rest for the next reader; null at the end. */
  readLine(delimiter?: number): Promise<Uint8Array | null>;
  /** Everything up to the end, as content: what was written described stays described. Stops the
   * line (budget.heldInput) once more than the budget's cap of bytes (not descriptions) is held. */
  readAllContent(budget?: Budget): Promise<FileContent>;
  /** The command holding all of this input before it writes (sort), for the writer's message. */
  holder?: string;
}

/** Described content in the pipe, read from `at` on. */
interface Described {
  content: LazyContent;
  at: number;
}

export class Pipe implements InputStream {
  private readonly chunks: (Uint8Array | Described)[] = [];
  holder?: string;
  private buffered = 0;
  private writerDone = false;
  private readerDone = false;
  /** The reader exited while more than the pipe's buffer was still unread: a real writer would
   * have been blocked in write(2) then, and SIGPIPE would have killed it. */
  writerKilled = false;
  private readonly wakeups = new Set<() => void>();

  constructor(
    private readonly budget: Budget,
    readonly capacity = PIPE_CAPACITY,
  ) {}

  /** Writes bytes; a promise when the buffer is full (await it for backpressure; it never rejects). */
  write(data: string | Uint8Array): undefined | Promise<void> {
    if (this.readerDone) throw new BrokenPipe();
    const bytes = toBytes(data);
    if (bytes.length === 0) return undefined;
    this.chunks.push(bytes);
    this.buffered += bytes.length;
    this.wake();
    if (this.buffered < this.capacity) return undefined;
    // Never rejects (a writer may drop the promise): a stopped line ends the wait, and the
    // writer's next write or check throws.
    return this.waitUntil(() => this.buffered < this.capacity || this.readerDone || this.budget.stopped, false);
  }

  /** Writes content described (docker save's archive): it waits in the pipe as its description,
   * counted at its size for backpressure, and the writer waits until it is read (or the reader
   * has gone) as a writer of that many bytes would. */
  writeContent(c: FileContent): undefined | Promise<void> {
    if (c instanceof Uint8Array) return this.write(c);
    if (this.readerDone) throw new BrokenPipe();
    if (c.size === 0) return undefined;
    this.chunks.push({ content: c, at: 0 });
    this.buffered += c.size;
    this.wake();
    if (this.buffered < this.capacity) return undefined;
    return this.waitUntil(() => this.buffered < this.capacity || this.readerDone || this.budget.stopped, false);
  }

  /** The first chunk as bytes: described content gives its next pipe's buffer of bytes, made now
   * and counted as written (docker save nginx | cat > x.tar would hold its 187 MB as bytes). */
  private headBytes(): Uint8Array | undefined {
    const first = this.chunks[0];
    if (first === undefined || first instanceof Uint8Array) return first;
    const n = Math.min(this.capacity, first.content.size - first.at);
    this.budget.wrote(n);
    const bytes = readRange(first.content, first.at, n);
    first.at += n;
    if (first.at >= first.content.size) this.chunks.shift();
    this.chunks.unshift(bytes);
    return bytes;
  }

  /** The writer is done (it exited): the reader sees the end after the buffered bytes. */
  closeWrite(): void {
    this.writerDone = true;
    this.wake();
  }

  /** The reader is done (it exited): what it left unread is dropped, the writer's next write breaks. */
  closeRead(): void {
    if (this.readerDone) return;
    this.readerDone = true;
    if (this.buffered > this.capacity) this.writerKilled = true;
    this.chunks.length = 0;
    this.buffered = 0;
    this.wake();
  }

  async read(max = Number.POSITIVE_INFINITY): Promise<Uint8Array | null> {
    await this.waitUntil(() => this.chunks.length > 0 || this.writerDone);
    const first = this.headBytes();
    if (!first) return null;
    // A read takes no more than a pipe holds: a writer's one big write is not all there at once.
    const n = Math.min(max, first.length, this.capacity);
    if (n === first.length) this.chunks.shift();
    else this.chunks[0] = first.subarray(n);
    this.buffered -= n;
    this.wake();
    return n === first.length ? first : first.subarray(0, n);
  }

  async readAll(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    for (let c = await this.read(); c; c = await this.read()) parts.push(c);
    return join(parts);
  }

  async readAllContent(budget?: Budget): Promise<FileContent> {
    const parts: FileContent[] = [];
    let held = 0;
    for (;;) {
      await this.waitUntil(() => this.chunks.length > 0 || this.writerDone);
      if (this.chunks.length === 0) break;
      for (const c of this.chunks.splice(0)) {
        parts.push(c instanceof Uint8Array ? c : sliceContent(c.content, c.at, c.content.size));
        if (c instanceof Uint8Array) held += c.length;
      }
      this.buffered = 0;
      this.wake();
      budget?.heldInput(held);
    }
    return composeContent(parts);
  }

  async readLine(delimiter = 0x0a): Promise<Uint8Array | null> {
    const parts: Uint8Array[] = [];
    for (;;) {
      await this.waitUntil(() => this.chunks.length > 0 || this.writerDone);
      const first = this.headBytes();
      if (!first) return parts.length ? join(parts) : null;
      const at = first.indexOf(delimiter);
      const part = await this.read(at < 0 ? first.length : at + 1);
      if (part) parts.push(part);
      if (at >= 0) return join(parts);
    }
  }

  private wake(): void {
    const waiting = [...this.wakeups];
    this.wakeups.clear();
    for (const w of waiting) w();
  }

  /** Waits until ready() holds; Ctrl-C or a stopped budget ends the wait by throwing (or, when
   * told not to throw, by returning). */
  private async waitUntil(ready: () => boolean, throws = true): Promise<void> {
    if (throws) this.budget.check(false);
    while (!ready()) {
      await new Promise<void>((resolve) => {
        const stop = this.budget.onStop(() => done());
        const done = (): void => {
          stop();
          this.wakeups.delete(done);
          resolve();
        };
        this.wakeups.add(done);
      });
      if (throws) this.budget.check(false);
      else if (this.budget.stopped) return;
    }
  }
}

/** Standard input given whole (a file, a here-string, a script's stdin) read as a stream. */
export class BytesInput implements InputStream {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  async read(max = Number.POSITIVE_INFINITY): Promise<Uint8Array | null> {
    if (this.at >= this.bytes.length) return null;
    const end = Math.min(this.bytes.length, this.at + max);
    const out = this.bytes.subarray(this.at, end);
    this.at = end;
    return out;
  }
  async readAll(): Promise<Uint8Array> {
    const out = this.bytes.subarray(this.at);
    this.at = this.bytes.length;
    return out;
  }
  async readAllContent(): Promise<FileContent> {
    return this.readAll();
  }
  async readLine(delimiter = 0x0a): Promise<Uint8Array | null> {
    if (this.at >= this.bytes.length) return null;
    const nl = this.bytes.indexOf(delimiter, this.at);
    return this.read(nl < 0 ? Number.POSITIVE_INFINITY : nl + 1 - this.at);
  }
}

export function join(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of parts) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** An input that keeps the first `limit` bytes read through it (a command's trace of its stdin). */
export class RecordingInput implements InputStream {
  private readonly seen: Uint8Array[] = [];
  private kept = 0;
  constructor(
    private readonly inner: InputStream,
    private readonly limit: number,
  ) {}
  private keep(b: Uint8Array | null): Uint8Array | null {
    if (b && this.kept < this.limit) {
      const part = b.subarray(0, this.limit - this.kept);
      this.seen.push(part.slice());
      this.kept += part.length;
    }
    return b;
  }
  async read(max?: number): Promise<Uint8Array | null> {
    return this.keep(await this.inner.read(max));
  }
  async readAll(): Promise<Uint8Array> {
    return this.keep(await this.inner.readAll()) ?? new Uint8Array(0);
  }
  async readLine(delimiter?: number): Promise<Uint8Array | null> {
    return this.keep(await this.inner.readLine(delimiter));
  }
  async readAllContent(budget?: Budget): Promise<FileContent> {
    const c = await this.inner.readAllContent(budget);
    this.keep(readRange(c, 0, this.limit - this.kept));
    return c;
  }
  get holder(): string | undefined {
    return this.inner.holder;
  }
  set holder(name: string | undefined) {
    this.inner.holder = name;
  }
  /** What was read so far, up to the limit. */
  recorded(): Uint8Array {
    return join(this.seen);
  }
}
