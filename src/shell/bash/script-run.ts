// A script run as a shell runs it: read one complete command, run it, read the next. So the
// commands before a syntax error have run when it is reported (`bash -c $'echo a\nif then'`
// prints `a`), an alias defined on one line is used on the next, and the error ends the shell
// with status 2, except in a file bash sources (or eval's string in bash), whose `.` (or eval)
// returns 2 and the shell goes on. eval reads its string the same way: `eval $'echo a\nif'`
// prints `a` before the error (a line `echo a; if` is read whole, so nothing of it runs).
import type { CommandIO } from '../command.js';
import { currentLine, type Reading, syntaxErrorText } from './dialect-texts.js';
import type { Interpreter } from './interpreter.js';
import { ExitSignal, type ShellState, type SourceText } from './interpreter-state.js';
import { ScriptReader } from './parser.js';

export type { Reading } from './dialect-texts.js';

/** Runs TEXT in SH command by command; `reading` is a file `.` reads or eval's string, which
 * become the text errors name (their file and line) while they run. */
export async function runScript(sh: Interpreter, text: string, io: CommandIO, reading?: Reading): Promise<number> {
  const { state } = sh;
  if (reading === undefined) return runCommands(sh, text, io);
  const saved = { source: state.source, dash: state.dashCommandName, ash: state.ashCommandName };
  state.source = readingSource(state, text, reading);
  // dash's and ash's commandname: `eval`, or the file `.` reads.
  const name = reading.kind === 'eval' ? 'eval' : reading.file;
  if (state.dialect === 'dash') state.dashCommandName = name;
  if (state.dialect === 'ash') state.ashCommandName = name;
  try {
    return await runCommands(sh, text, io, reading);
  } finally {
    state.source = saved.source;
    state.dashCommandName = saved.dash;
    state.ashCommandName = saved.ash;
  }
}

/** How the shell numbers the lines of what it reads: a file from 1; eval's string from the line
 * of the eval command in bash and ash (whose line is bash's after the eval's first argument),
 * from 1 in dash. */
function readingSource(state: ShellState, text: string, reading: Reading): SourceText {
  if (reading.kind === 'source')
    return { text, offset: 0, ...(state.dialect === 'bash' ? { file: reading.file } : {}) };
  const firstLine = state.dialect === 'dash' ? 1 : currentLine(state);
  return { text, offset: 0, firstLine, ...(state.source?.file !== undefined ? { file: state.source.file } : {}) };
}

async function runCommands(sh: Interpreter, text: string, io: CommandIO, reading?: Reading): Promise<number> {
  const { state } = sh;
  const reader = new ScriptReader(text, { posix: state.dialect !== 'bash' });
  let status = 0;
  for (let step = reader.next(); step !== null; step = reader.next()) {
    if (step.status === 'error') {
      io.stderr(syntaxErrorText(state, step.error, reading));
      state.status = 2;
      if ((reading !== undefined && state.dialect === 'bash') || state.mode === 'interactive') return 2;
      throw new ExitSignal(2);
    }
    // Only bash warns of a here-document the end of input closed; a script's warning says where.
    if (state.dialect === 'bash')
      for (const w of step.warnings) {
        const where = state.mode === 'script' && reading === undefined;
        io.stderr(`${where ? `${state.scriptName}: line ${w.line}: ` : 'bash: '}warning: ${w.message}\n`);
      }
    status = await sh.list(step.list, io);
  }
  return status;
}
