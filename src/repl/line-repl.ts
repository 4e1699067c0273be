// Plain line-mode REPL: a prompt, a line, the output. Used when stdin or stdout is not a TTY
// (and for now on a TTY too, until the Ink UI lands). Unfinished input (an open quote, a
// trailing |, an if without fi) gets bash's continuation prompt `> `; Ctrl-D leaves.
import { createInterface } from 'node:readline';
import { completionSources, createSimHost, timeOptions } from '../host/sim-host.js';
import type { HostTime } from '../host/host-time.js';
import { complete } from '../shell/bash/completion.js';
import type { CommandIO } from '../shell/command.js';

export interface LineReplOptions {
  seed?: string;
  /** Where the host's clock starts, and the wall clock it keeps pace with. */
  time?: HostTime;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  errorOutput?: NodeJS.WritableStream;
}

export async function runLineRepl(options: LineReplOptions): Promise<number> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const errorOutput = options.errorOutput ?? process.stderr;
  const seed = options.seed !== undefined && /^\d+$/.test(options.seed) ? Number(options.seed) : 0;
  const host = createSimHost({ seed, ...timeOptions(options.time) });
  const session = host.session;
  const columns = (output as { columns?: number }).columns;
  if (columns) {
    // ls asks the terminal for its width; here the shell hands it over as COLUMNS.
    session.shell.state.vars.set('COLUMNS', String(columns));
    session.shell.state.exported.add('COLUMNS');
  }
  const terminal = Boolean((input as { isTTY?: boolean }).isTTY && output.isTTY);
  // Tab: readline wants the full replacements for the word the cursor is on.
  const completer = (line: string): [string[], string] => {
    const c = complete(line, line.length, completionSources(host));
    return [c.candidates, line.slice(c.from)];
  };
  const rl = createInterface({ input, output, terminal, historySize: 1000, ...(terminal ? { completer } : {}) });
  const io: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: (d) => {
      output.write(d);
    },
    stderr: (d) => {
      errorOutput.write(d);
    },
    stdinIsTerminal: terminal,
    stdoutIsTerminal: Boolean(output.isTTY),
  };
  let pending: string | null = null;
  let exitCode = 0;
  const prompt = (): void => {
    rl.setPrompt(pending === null ? session.prompt() : '> ');
    rl.prompt();
  };
  // The line running now: Ctrl-C stops it (docker logs -f, docker stats, cat /dev/zero) and the
  // prompt comes back, as bash does.
  let running: AbortController | undefined;
  rl.on('SIGINT', () => {
    if (running) {
      running.abort();
      return;
    }
    // Ctrl-C: drop the line being typed (readline keeps it otherwise) and what came before it at
    // `> `, as bash does, and prompt again.
    output.write('^C\n');
    pending = null;
    Object.assign(rl, { line: '', cursor: 0 });
    prompt();
  });
  prompt();
  let done = false;
  for await (const line of rl) {
    const text: string = pending === null ? line : `${pending}\n${line}`;
    if (session.needsMore(text)) {
      pending = text;
      prompt();
      continue;
    }
    pending = null;
    running = new AbortController();
    const r = await session.run(text, { ...io, signal: running.signal });
    running = undefined;
    exitCode = r.exitCode;
    if (r.exited) {
      done = true;
      break;
    }
    prompt();
  }
  if (!done && pending !== null) {
    // End of input at `> `: bash runs what it has, warning of a here-document cut short (or
    // telling the syntax error of an open quote), then leaves.
    output.write('\n');
    exitCode = (await session.run(pending, io)).exitCode;
  }
  // Ctrl-D (end of input) at the prompt: bash says `exit` and leaves with the last status.
  if (!done) output.write('exit\n');
  rl.close();
  return exitCode;
}
