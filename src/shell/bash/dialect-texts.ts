// What bash, dash and busybox's ash each print for the same mistakes: the prefix of an error
// (`bash: line 2: `, `sh: 2: `, `sh: `), a command not found, an unset variable under set -u and
// a syntax error. Checked against bash 5.2, dash 0.5.12 and busybox 1.35 (conformance 90 and 91).
import type { ShellSyntaxError } from './ast.js';
import type { ShellState } from './interpreter-state.js';
import { formatSyntaxError } from './parse-errors.js';

/** The line of the script the shell is running, from the command being run. */
export function currentLine(state: ShellState): number {
  if (!state.source) return 1;
  const { text, offset, firstLine = 1 } = state.source;
  let line = firstLine;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** LINE of the text being read (1 for its first line) as the shell numbers it. */
function absoluteLine(state: ShellState, line: number): number {
  return (state.source?.firstLine ?? 1) + line - 1;
}

/** What the shell puts before an error: `bash: line 1: ` (-c), `./s.sh: line 3: ` (a script or a
 * file `.` reads) or `bash: ` (a prompt); dash's `sh: 2: ` (`sh: 2: eval: ` in eval); ash's `sh: `
 * or, with a command name, `s.sh: line 3: `. */
export function errorPrefix(state: ShellState): string {
  if (state.dialect === 'dash') {
    const name = state.dashCommandName === undefined ? '' : `${state.dashCommandName}: `;
    return `${state.scriptName}: ${currentLine(state)}: ${name}`;
  }
  if (state.dialect === 'ash') return ashPrefix(state, state.ashCommandName, currentLine(state));
  if (state.mode === 'interactive' || !state.source) return 'bash: ';
  return `${state.source.file ?? state.scriptName}: line ${currentLine(state)}: `;
}

/** busybox's ash_vmsg: arg0, the command name when it is another, and the line when there is a
 * command name (a -c string counts its lines from 0). */
function ashPrefix(state: ShellState, commandName: string | undefined, line: number): string {
  if (commandName === undefined) return `${state.scriptName}: `;
  const name = commandName === state.scriptName ? '' : `${commandName}: `;
  return `${state.scriptName}: ${name}line ${line}: `;
}

/** Before a builtin's own error: `bash: line 1: set: `, `sh: 1: set: `, ash's `sh: set: line 0: `. */
export function builtinErrorPrefix(state: ShellState, builtin: string): string {
  if (state.dialect === 'ash') return ashPrefix(state, builtin, currentLine(state));
  return `${errorPrefix(state)}${builtin}: `;
}

/** A command found nowhere: bash's `command not found`, dash's and ash's `not found`. */
export function notFoundText(state: ShellState, name: string): string {
  return `${errorPrefix(state)}${name}: ${state.dialect === 'bash' ? 'command not found' : 'not found'}\n`;
}

/** set -u's message for NAME (`$1` for a positional parameter), in the shell's words. */
export function unsetText(state: ShellState, name: string): string {
  return `${name}: ${state.dialect === 'bash' ? 'unbound variable' : 'parameter not set'}`;
}

/** The status a non-interactive shell ends with on set -u: bash -c 127, a bash script 1, dash
 * and ash 2. */
export function unsetExitStatus(state: ShellState): number {
  if (state.dialect !== 'bash') return 2;
  return state.mode === 'command' ? 127 : 1;
}

/** Reserved words and operators, which dash and ash quote in a syntax error; any other word is
 * `word`. */
const QUOTED_TOKENS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do']);
for (const w of ['done', 'in', '{', '}', '!', ';', ';;', '&', '&&', '||', '|', '(', ')', '<', '>'])
  QUOTED_TOKENS.add(w);

function foundText(error: ShellSyntaxError, dialect: 'dash' | 'ash'): string {
  const found = error.found;
  if (!found || 'endOfFile' in found) return 'end of file';
  if ('unterminated' in found || 'dash' in found) return '';
  if (found.token === 'newline') return 'newline';
  return QUOTED_TOKENS.has(found.token) || (dialect === 'ash' && /^[;&|<>()]+$/.test(found.token))
    ? `"${found.token}"`
    : 'word';
}

/** dash's and ash's own words for what went wrong. */
function shMessage(error: ShellSyntaxError, dialect: 'dash' | 'ash'): string {
  const found = error.found;
  if (found && 'dash' in found)
    return dialect === 'dash' ? `Syntax error: ${found.dash}` : `syntax error: ${found.dash.toLowerCase()}`;
  if (found && 'unterminated' in found) {
    if (found.unterminated === '"' || found.unterminated === "'")
      return dialect === 'dash'
        ? 'Syntax error: Unterminated quoted string'
        : 'syntax error: unterminated quoted string';
    if (found.unterminated === '`')
      return dialect === 'dash' ? 'Syntax error: EOF in backquote substitution' : 'syntax error: unexpected EOF';
    const expecting = ` (expecting "${found.unterminated}")`;
    return dialect === 'dash'
      ? `Syntax error: end of file unexpected${expecting}`
      : `syntax error: unexpected end of file${expecting}`;
  }
  const what = foundText(error, dialect);
  const expecting = error.expecting ? ` (expecting "${error.expecting}")` : '';
  return dialect === 'dash'
    ? `Syntax error: ${what} unexpected${expecting}`
    : `syntax error: unexpected ${what}${expecting}`;
}

/** Where the text with a syntax error came from: a file `.` reads, or eval's string. */
export type Reading = { kind: 'source'; file: string } | { kind: 'eval' };

/**
 * The lines a shell prints for a syntax error in what it reads: a -c string, a script file,
 * standard input, a file read by `.` or eval's string (state.source is that text). bash names
 * where and echoes the line; dash says `NAME: LINE: [FILE: |eval: ]Syntax error: …`; ash
 * `NAME: [FILE: |eval: ]line N: syntax error: …`.
 */
export function syntaxErrorText(state: ShellState, error: ShellSyntaxError, reading?: Reading): string {
  const sourced = reading?.kind === 'source' ? reading.file : undefined;
  if (state.dialect === 'dash') {
    const name = reading === undefined ? '' : `${reading.kind === 'eval' ? 'eval' : sourced}: `;
    const line = absoluteLine(state, error.readerLine ?? error.line);
    return `${state.scriptName}: ${line}: ${name}${shMessage(error, 'dash')}\n`;
  }
  if (state.dialect === 'ash') {
    const line = absoluteLine(state, error.readerLine ?? error.line);
    const name = reading === undefined ? state.ashCommandName : reading.kind === 'eval' ? 'eval' : sourced;
    // A file `.` reads names itself and its line even in a -c string.
    return `${ashPrefix(state, name, line)}${shMessage(error, 'ash')}\n`;
  }
  const interactive = state.mode === 'interactive';
  // At a prompt, bash names no line, except in a file `.` reads (and eval's string there).
  if (interactive && state.sourceDepth === 0) return `${formatSyntaxError(error)}\n`;
  const name = sourced ?? state.source?.file ?? state.scriptName;
  // A script (standard input too, as `bash: line 2:`) and a sourced file name the line; -c adds
  // `-c:`, eval's string `eval:` after the name of the file it is in; a prompt puts `bash: ` first.
  const where = reading?.kind === 'eval' ? 'eval: ' : sourced !== undefined || state.mode === 'script' ? '' : '-c: ';
  const prefix = interactive
    ? `${state.scriptName}: ${reading?.kind === 'eval' ? 'eval' : name}: `
    : `${name}: ${where}`;
  const located = { ...error, line: absoluteLine(state, error.line) };
  return `${formatSyntaxError(located, 'command-string', '\0').replaceAll('\0: -c: ', prefix)}\n`;
}
