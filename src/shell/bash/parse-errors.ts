// Syntax errors in bash's own words. The parser throws a ParseAbort internally (unwinding a
// recursive descent by hand would bury the grammar) and parseCommandLine turns it into a value.
import type { ShellSyntaxError, ShellSyntaxWarning } from './ast.js';

/** Internal: thrown inside the parser, caught by parseCommandLine. Not an Error, so no stack
 * is captured on paths a REPL takes on every unfinished line. */
export class ParseAbort {
  constructor(
    readonly error: ShellSyntaxError,
    /** True when the input ran out: more input could complete it. */
    readonly atEndOfInput: boolean,
    readonly awaiting: string,
  ) {}
}

/** 1-based line of an offset. */
export function lineAt(src: string, offset: number): number {
  let line = 1;
  for (let i = src.indexOf('\n'); i !== -1 && i < offset; i = src.indexOf('\n', i + 1)) line++;
  return line;
}

/** The line bash blames when input ends early: one past the last line, because bash reads the
 * end of input as a further, empty line (`bash -c 'ls |'` says "line 2"). A trailing
 * backslash continues onto yet another line. */
export function endOfInputLine(src: string): number {
  const lines = lineAt(src, src.length);
  const continued = endsWithContinuation(src) ? 1 : 0;
  return (src.endsWith('\n') || src === '' ? lines : lines + 1) + continued;
}

/** Ends in an unescaped backslash. */
function endsWithContinuation(src: string): boolean {
  let backslashes = 0;
  while (src[src.length - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

function sourceLineAt(src: string, offset: number): string {
  const start = src.lastIndexOf('\n', offset - 1) + 1;
  const end = src.indexOf('\n', offset);
  const line = src.slice(start, end === -1 ? src.length : end);
  // Bash echoes a last line that ends in a continuing backslash with the backslash doubled.
  return end === -1 && endsWithContinuation(src) ? `${line}\\` : line;
}

/** `syntax error near unexpected token `fi'`; tokenText is `newline` for a newline. */
export function unexpectedToken(src: string, offset: number, tokenText: string, expecting?: string): ParseAbort {
  // Bash reads a line ending in a backslash together with the next one, so it blames (and
  // echoes) the last physical line of the continued line.
  let blamed = offset;
  for (
    let end = src.indexOf('\n', blamed);
    end !== -1 && end + 1 < src.length && endsWithContinuation(src.slice(0, end));
    end = src.indexOf('\n', blamed)
  ) {
    blamed = end + 1;
  }
  return new ParseAbort(
    {
      message: `syntax error near unexpected token \`${tokenText}'`,
      line: lineAt(src, blamed),
      offset,
      sourceLine: sourceLineAt(src, blamed),
      found: { token: tokenText },
      readerLine: lineAt(src, blamed),
      ...(expecting ? { expecting } : {}),
    },
    false,
    '',
  );
}

/** `syntax error: unexpected end of file`: a keyword, a command or a `)` never came. */
export function unexpectedEndOfFile(src: string, awaiting: string, expecting?: string): ParseAbort {
  return new ParseAbort(
    {
      message: 'syntax error: unexpected end of file',
      line: endOfInputLine(src),
      offset: src.length,
      sourceLine: null,
      found: { endOfFile: true },
      readerLine: lineAt(src, src.length),
      ...(expecting ? { expecting } : {}),
    },
    true,
    awaiting,
  );
}

/** `unexpected EOF while looking for matching `"'`. Bash blames the line of the opening
 * quote, except for `$(`, which it parses as a nested script and blames at the end. */
export function unmatched(
  src: string,
  closing: string,
  openOffset: number,
  blame: 'opening' | 'end' = 'opening',
): ParseAbort {
  return new ParseAbort(
    {
      message: `unexpected EOF while looking for matching \`${closing}'`,
      line: blame === 'opening' ? lineAt(src, openOffset) : endOfInputLine(src),
      offset: src.length,
      sourceLine: null,
      found: { unterminated: closing },
      readerLine: lineAt(src, src.length),
    },
    true,
    closing,
  );
}

/** A syntax error only dash and ash have, in dash's words (`Bad for loop variable`). */
export function posixSyntaxError(src: string, offset: number, dashText: string): ParseAbort {
  const line = lineAt(src, offset);
  const error = { message: `syntax error: ${dashText}`, line, offset, sourceLine: null, readerLine: line };
  return new ParseAbort({ ...error, found: { dash: dashText } }, false, '');
}

export type ErrorStyle = 'interactive' | 'command-string';

/**
 * The lines bash prints for a syntax error. 'interactive' is the prompt's form
 * (`bash: syntax error near unexpected token `fi'`); 'command-string' is `bash -c`'s, which
 * adds the line number and echoes the offending line.
 */
export function formatSyntaxError(error: ShellSyntaxError, style: ErrorStyle = 'interactive', shell = 'bash'): string {
  if (style === 'interactive') return `${shell}: ${error.message}`;
  const prefix = `${shell}: -c: line ${error.line}: `;
  const echo = error.sourceLine === null ? '' : `\n${prefix}\`${error.sourceLine}'`;
  return `${prefix}${error.message}${echo}`;
}

/** `bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')`. Bash
 * sometimes adds `line N: ` after `bash: ` under -c, depending on where its reader was; the
 * prompt's form has no line number, and that is the form given here. */
export function formatSyntaxWarning(warning: ShellSyntaxWarning, shell = 'bash'): string {
  return `${shell}: warning: ${warning.message}`;
}

/** Constructs nested deeper than this are refused instead of overflowing the stack. */
export const MAX_NESTING = 200;
// Parsing is synchronous and every entry is paired with an exit in `finally`, so one counter
// serves the nested parsers of $(…), backquotes and ${…} too.
let nesting = 0;

/** Runs one level of recursive parsing, failing cleanly past MAX_NESTING. */
export function nested<T>(src: string, offset: number, parse: () => T): T {
  if (nesting >= MAX_NESTING) {
    const error = { message: 'syntax error: nesting too deep', line: lineAt(src, offset), offset, sourceLine: null };
    throw new ParseAbort(error, false, '');
  }
  nesting++;
  try {
    return parse();
  } finally {
    nesting--;
  }
}
