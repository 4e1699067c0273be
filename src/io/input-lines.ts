// Lines from an input stream, taken one at a time by whoever asks next: a REPL's lines and the
// y/N answers its questions read share one stdin (--real=system's line mode and replay).
import { createInterface } from 'node:readline';

/** Lines from the input, taken one at a time by the REPL and by the questions it asks. */
export class InputLines {
  private readonly queue: string[] = [];
  private waiting: ((l: string | undefined) => void) | undefined;
  private ended = false;
  constructor(input: NodeJS.ReadableStream) {
    const rl = createInterface({ input, terminal: false });
    rl.on('line', (l) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = undefined;
        w(l);
      } else this.queue.push(l);
    });
    rl.on('close', () => {
      this.ended = true;
      this.waiting?.(undefined);
    });
  }
  next(): Promise<string | undefined> {
    if (this.queue.length) return Promise.resolve(this.queue.shift());
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((r) => {
      this.waiting = r;
    });
  }
}
