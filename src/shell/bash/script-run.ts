// A script run as a shell runs it: read one complete command, run it, read the next. So the
// commands before a syntax error have run when it is reported (`bash -c $'echo a\nif then'`
// prints `a`), an alias defined on one line is used on the next, and the error ends the shell
// with status 2, except in a file bash sources, whose `.` returns 2 and the shell goes on.
import type { CommandIO } from '../command.js';
import { syntaxErrorText } from './dialect-texts.js';
import type { Interpreter } from './interpreter.js';
import { ExitSignal } from './interpreter-state.js';
import { ScriptReader } from './parser.js';

/** Runs TEXT in SH command by command; `sourced` is the file `.` reads (its errors name it). */
export async function runScript(sh: Interpreter, text: string, io: CommandIO, sourced?: string): Promise<number> {
  const reader = new ScriptReader(text);
  const { state } = sh;
  let status = 0;
  for (let step = reader.next(); step !== null; step = reader.next()) {
    if (step.status === 'error') {
      io.stderr(syntaxErrorText(state, step.error, sourced));
      state.status = 2;
      if ((sourced !== undefined && state.dialect === 'bash') || state.mode === 'interactive') return 2;
      throw new ExitSignal(2);
    }
    // Only bash warns of a here-document the end of input closed; a script's warning says where.
    if (state.dialect === 'bash')
      for (const w of step.warnings) {
        const where = state.mode === 'script' && sourced === undefined;
        io.stderr(`${where ? `${state.scriptName}: line ${w.line}: ` : 'bash: '}warning: ${w.message}\n`);
      }
    status = await sh.list(step.list, io);
  }
  return status;
}
