// Plain line-mode REPL: used when stdin or stdout is not a TTY, or CI is set.
import { createInterface } from 'node:readline';

export interface LineReplOptions {
  seed?: string;
}

export async function runLineRepl(_options: LineReplOptions): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
  process.stdout.write('overlay-tutor: the simulated host is not wired in yet; type exit to leave.\n');
  for await (const line of rl) {
    if (line.trim() === 'exit') break;
  }
  rl.close();
  return 0;
}
