// eval and `.` (bash's `source` too): both read text a complete command at a time, as the shell
// reads a script (script-run.ts), and their errors name where they are: bash's `./lib.sh: line 3:`
// and `bash: eval: line 2:`, dash's `sh: 3: ./lib.sh:` and `sh: 1: eval:`, ash's `sh: eval: line 0:`.
import { isKernelError } from '../../kernel/index.js';
import type { CommandIO } from '../command.js';
import type { Builtin } from './builtins.js';
import { builtinErrorPrefix } from './dialect-texts.js';
import type { Interpreter } from './interpreter.js';
import { ExitSignal, ReturnSignal } from './interpreter-state.js';
import { runScript } from './script-run.js';

/** eval ARG…: the arguments joined by spaces, read and run as a script. */
const evalBuiltin: Builtin = (sh, argv, io) => runScript(sh, argv.slice(1).join(' '), io, { kind: 'eval' });

/** The file `.` reads: a NAME with a slash as it is; else the first on $PATH (bash then tries
 * the current directory; dash and ash do not). */
function findDotFile(sh: Interpreter, name: string): string | undefined {
  if (name.includes('/')) return name;
  for (const dir of (sh.getVar('PATH') ?? '').split(':')) {
    const path = `${dir || '.'}/${name}`;
    try {
      if (sh.proc.stat(path).type === 'file') return path;
    } catch {
      // not in this directory
    }
  }
  return sh.state.dialect === 'bash' ? name : undefined;
}

/** dash's and ash's `.` is a special builtin: its error ends a shell that is not at a prompt. */
function specialFailure(sh: Interpreter, io: CommandIO, name: string, text: string): number {
  io.stderr(`${builtinErrorPrefix(sh.state, name)}${text}\n`);
  if (sh.state.mode !== 'interactive') throw new ExitSignal(2);
  return 2;
}

const dot: Builtin = async (sh, argv, io) => {
  const { dialect } = sh.state;
  const name = argv[0] ?? '.';
  const file = argv[1];
  if (file === undefined) {
    // dash's `.` alone does nothing; ash's fails quietly.
    if (dialect !== 'bash') return dialect === 'dash' ? 0 : 2;
    io.stderr(`${sh.errorPrefix()}${name}: filename argument required\n${name}: usage: ${name} filename [arguments]\n`);
    return 2;
  }
  const path = findDotFile(sh, file);
  if (path === undefined) return specialFailure(sh, io, name, `${file}: not found`);
  let text: string;
  try {
    if (sh.proc.stat(path).type === 'dir') {
      // dash and ash read a directory as an empty file.
      if (dialect !== 'bash') return 0;
      io.stderr(`${sh.errorPrefix()}${name}: ${file}: is a directory\n`);
      return 1;
    }
    text = new TextDecoder().decode(sh.proc.readFile(path));
  } catch (err) {
    const why = isKernelError(err) ? err.text : 'No such file or directory';
    if (dialect === 'dash')
      return specialFailure(sh, io, name, `cannot open ${file}: ${why.replace(/ or directory$/, '')}`);
    if (dialect === 'ash') return specialFailure(sh, io, name, `can't open '${file}': ${why}`);
    io.stderr(`${sh.errorPrefix()}${file}: ${why}\n`);
    return 1;
  }
  // bash and ash make further arguments the positional parameters while the file runs; dash
  // ignores them.
  const saved = sh.state.positional;
  if (argv.length > 2 && dialect !== 'dash') sh.state.positional = argv.slice(2);
  // A `return` outside any function of the file ends the file, with its status (bash, dash).
  sh.state.sourceDepth++;
  try {
    return await runScript(sh, text, io, { kind: 'source', file: path });
  } catch (err) {
    if (err instanceof ReturnSignal) return err.code;
    throw err;
  } finally {
    sh.state.sourceDepth--;
    if (argv.length > 2 && dialect !== 'dash') sh.state.positional = saved;
  }
};

export const EVAL_AND_SOURCE: [string, Builtin][] = [
  ['eval', evalBuiltin],
  ['source', dot],
  ['.', dot],
];
