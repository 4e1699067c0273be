// `overlay-tutor sandbox --real=system [--yes] [--dry-run]` in line mode: the learner's lines in a
// real bash against the user's own daemon, every docker command through the guard
// (src/real/system-guard.ts), the session as src/real/system-start.ts starts it: it cleans up
// after sessions that did not end (a kill -9), records what the daemon already holds, loads the
// tutorial images (shown and confirmed); `reset` removes what the session made and loads the
// images again; the end of the REPL (exit, end of input, Ctrl-C, SIGTERM, SIGHUP) removes what
// the session made.
import { InputLines } from '../io/input-lines.js';
import { derivePanesOf } from '../panes/model.js';
import { realHost } from '../real/real-host.js';
import { inSystemSession } from '../real/system-lines.js';
import { focusAfter, panesText } from './real-repl.js';

export interface SystemReplOptions {
  yes?: boolean;
  dryRun?: boolean;
  /** Start without the tutorial images. */
  bare?: boolean;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

export async function runSystemRepl(o: SystemReplOptions = {}): Promise<number> {
  const output = o.output ?? process.stdout;
  const write = (s: string) => void output.write(s);
  const lines = new InputLines(o.input ?? process.stdin);
  const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 143 };
  return inSystemSession({ ...o, say: write, answers: lines, signals }, async (session, shell) => {
    write(
      'Lines run in a real bash against your daemon. `panes` shows the panes,\n' +
        '`reset` removes what this session made (and loads the images again),\n' +
        '`exit` ends and removes it too.\n',
    );
    const host = realHost({ cli: session.d.cli, env: session.d.env });
    let status = 0;
    let focus: string | undefined;
    for (;;) {
      write('real# ');
      const line = await lines.next();
      if (line === undefined) {
        write('\n');
        break;
      }
      const cmd = line.trim();
      if (cmd === 'panes') write(panesText(derivePanesOf(host, focus ? { container: focus } : {}, new Set())));
      else if (cmd === 'reset') {
        await session.reset();
        focus = undefined;
      } else if (cmd !== '') {
        const r = await shell.run(line, write);
        status = r.exitCode;
        focus = focusAfter(line, focus);
        if (r.exited) break;
      }
    }
    return status;
  });
}
