// Syntax errors and unfinished input, in bash's own words. Each row's text is what
// `bash -n -c INPUT` prints (bash 5.2.15, checked below against the bash on this machine);
// at a prompt bash prints the same message as `bash: MESSAGE`, without line numbers.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatSyntaxError, parseCommandLine } from '../../../src/shell/bash/parser.js';

/** [input, what `bash -c` prints]. At a prompt these are errors at once. */
const SYNTAX_ERRORS: [string, string][] = [
  ['fi', "bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `fi'"],
  ['then', "bash: -c: line 1: syntax error near unexpected token `then'\nbash: -c: line 1: `then'"],
  ['else', "bash: -c: line 1: syntax error near unexpected token `else'\nbash: -c: line 1: `else'"],
  ['elif', "bash: -c: line 1: syntax error near unexpected token `elif'\nbash: -c: line 1: `elif'"],
  ['do', "bash: -c: line 1: syntax error near unexpected token `do'\nbash: -c: line 1: `do'"],
  ['done', "bash: -c: line 1: syntax error near unexpected token `done'\nbash: -c: line 1: `done'"],
  ['esac', "bash: -c: line 1: syntax error near unexpected token `esac'\nbash: -c: line 1: `esac'"],
  ['in', "bash: -c: line 1: syntax error near unexpected token `in'\nbash: -c: line 1: `in'"],
  ['}', "bash: -c: line 1: syntax error near unexpected token `}'\nbash: -c: line 1: `}'"],
  [']]', "bash: -c: line 1: syntax error near unexpected token `]]'\nbash: -c: line 1: `]]'"],
  [
    'if true; then echo; fi fi',
    "bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `if true; then echo; fi fi'",
  ],
  ['a | ! b', "bash: -c: line 1: syntax error near unexpected token `!'\nbash: -c: line 1: `a | ! b'"],
  ['echo )', "bash: -c: line 1: syntax error near unexpected token `)'\nbash: -c: line 1: `echo )'"],
  ['echo a)', "bash: -c: line 1: syntax error near unexpected token `)'\nbash: -c: line 1: `echo a)'"],
  ['echo a (b)', "bash: -c: line 1: syntax error near unexpected token `('\nbash: -c: line 1: `echo a (b)'"],
  ['x=1 (a)', "bash: -c: line 1: syntax error near unexpected token `('\nbash: -c: line 1: `x=1 (a)'"],
  ['( )', "bash: -c: line 1: syntax error near unexpected token `)'\nbash: -c: line 1: `( )'"],
  ['()', "bash: -c: line 1: syntax error near unexpected token `)'\nbash: -c: line 1: `()'"],
  ['{ }', "bash: -c: line 1: syntax error near unexpected token `}'\nbash: -c: line 1: `{ }'"],
  ['{a; }', "bash: -c: line 1: syntax error near unexpected token `}'\nbash: -c: line 1: `{a; }'"],
  ['echo a; }', "bash: -c: line 1: syntax error near unexpected token `}'\nbash: -c: line 1: `echo a; }'"],
  [';', "bash: -c: line 1: syntax error near unexpected token `;'\nbash: -c: line 1: `;'"],
  ['a; ; b', "bash: -c: line 1: syntax error near unexpected token `;'\nbash: -c: line 1: `a; ; b'"],
  ['&', "bash: -c: line 1: syntax error near unexpected token `&'\nbash: -c: line 1: `&'"],
  ['&& a', "bash: -c: line 1: syntax error near unexpected token `&&'\nbash: -c: line 1: `&& a'"],
  ['|| a', "bash: -c: line 1: syntax error near unexpected token `||'\nbash: -c: line 1: `|| a'"],
  ['|', "bash: -c: line 1: syntax error near unexpected token `|'\nbash: -c: line 1: `|'"],
  ['a | | b', "bash: -c: line 1: syntax error near unexpected token `|'\nbash: -c: line 1: `a | | b'"],
  ['a &&& b', "bash: -c: line 1: syntax error near unexpected token `&'\nbash: -c: line 1: `a &&& b'"],
  ['a ;; b', "bash: -c: line 1: syntax error near unexpected token `;;'\nbash: -c: line 1: `a ;; b'"],
  ['echo a;;', "bash: -c: line 1: syntax error near unexpected token `;;'\nbash: -c: line 1: `echo a;;'"],
  ['a && ; b', "bash: -c: line 1: syntax error near unexpected token `;'\nbash: -c: line 1: `a && ; b'"],
  ['echo >', "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `echo >'"],
  ['echo > ;', "bash: -c: line 1: syntax error near unexpected token `;'\nbash: -c: line 1: `echo > ;'"],
  ['echo 2>&', "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `echo 2>&'"],
  ['echo >&', "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `echo >&'"],
  ['cat <<', "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `cat <<'"],
  ['echo <<<', "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `echo <<<'"],
  ['if; then fi', "bash: -c: line 1: syntax error near unexpected token `;'\nbash: -c: line 1: `if; then fi'"],
  ['if a; then fi', "bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `if a; then fi'"],
  [
    'while a; do done',
    "bash: -c: line 1: syntax error near unexpected token `done'\nbash: -c: line 1: `while a; do done'",
  ],
  ['for', "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `for'"],
  ['function', "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `function'"],
  ['case', "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `case'"],
  ['case x y', "bash: -c: line 1: syntax error near unexpected token `y'\nbash: -c: line 1: `case x y'"],
  ['case x in a', "bash: -c: line 1: syntax error near unexpected token `newline'\nbash: -c: line 1: `case x in a'"],
  ['a() b', "bash: -c: line 1: syntax error near unexpected token `b'\nbash: -c: line 1: `a() b'"],
  ['f(a"b c")', 'bash: -c: line 1: syntax error near unexpected token `a"b c"\'\nbash: -c: line 1: `f(a"b c")\''],
  [
    'echo $( ls ; fi )',
    "bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `echo $( ls ; fi )'",
  ],
  [
    'echo $(( 1 + ) ))',
    "bash: -c: line 1: syntax error near unexpected token `)'\nbash: -c: line 1: `echo $(( 1 + ) ))'",
  ],
  ['a\nb\nfi', "bash: -c: line 3: syntax error near unexpected token `fi'\nbash: -c: line 3: `fi'"],
  ['a\n\n;', "bash: -c: line 3: syntax error near unexpected token `;'\nbash: -c: line 3: `;'"],
];

/** [input, what a prompt awaits, what `bash -c` prints]. At a prompt these ask for a
 * continuation line; at the end of a script (or Ctrl-D) they fail with the text. */
const UNFINISHED: [string, string, string][] = [
  ['echo "abc', '"', 'bash: -c: line 1: unexpected EOF while looking for matching `"\''],
  ["echo 'abc", "'", "bash: -c: line 1: unexpected EOF while looking for matching `''"],
  ['echo `ls', '`', "bash: -c: line 1: unexpected EOF while looking for matching ``'"],
  ['echo $(ls', ')', "bash: -c: line 2: unexpected EOF while looking for matching `)'"],
  ['echo ${a', '}', "bash: -c: line 1: unexpected EOF while looking for matching `}'"],
  ['echo $((1+', ')', "bash: -c: line 1: unexpected EOF while looking for matching `)'"],
  ['echo $[1', ']', "bash: -c: line 1: unexpected EOF while looking for matching `]'"],
  ["echo $'abc", "'", "bash: -c: line 1: unexpected EOF while looking for matching `''"],
  ['ls |', 'command', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['a &&', 'command', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['a ||', 'command', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['(', ')', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['{ echo', '}', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['if true', 'then', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['if true; then', 'fi', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['if a; then b; else', 'fi', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['for i in', 'do', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['for i in a', 'do', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['for i in a b; do echo $i', 'done', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['while true', 'do', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['until false; do', 'done', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['case x', 'in', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['case x in', 'esac', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['case x in a) echo', 'esac', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['f()', 'command', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['function f', 'command', 'bash: -c: line 2: syntax error: unexpected end of file'],
  ['x=(1 2', ')', "bash: -c: line 1: unexpected EOF while looking for matching `)'"],
  ['echo "a\nb', '"', 'bash: -c: line 1: unexpected EOF while looking for matching `"\''],
  ['echo $(a\nb', ')', "bash: -c: line 3: unexpected EOF while looking for matching `)'"],
  ['a\nls |', 'command', 'bash: -c: line 3: syntax error: unexpected end of file'],
  ['for i in a\ndo\n', 'done', 'bash: -c: line 3: syntax error: unexpected end of file'],
  ['echo $(for i in a', ')', "bash: -c: line 2: unexpected EOF while looking for matching `)'"],
  ['echo "$(ls', ')', "bash: -c: line 2: unexpected EOF while looking for matching `)'"],
  ['echo ${a:-"x}', '"', 'bash: -c: line 1: unexpected EOF while looking for matching `"\''],
  ['((', ')', "bash: -c: line 1: unexpected EOF while looking for matching `)'"],
];

describe('syntax errors', () => {
  it.each(SYNTAX_ERRORS)('%j', (input, bashText) => {
    const result = parseCommandLine(input);
    if (result.status !== 'error') throw new Error(`expected an error, got ${result.status}`);
    expect(formatSyntaxError(result.error, 'command-string')).toBe(bashText);
    expect(parseCommandLine(input, { endOfInput: true })).toEqual(result);
  });

  it('prints the prompt form without line numbers', () => {
    const result = parseCommandLine('if true; then echo; fi fi');
    if (result.status !== 'error') throw new Error(result.status);
    expect(formatSyntaxError(result.error)).toBe("bash: syntax error near unexpected token `fi'");
    expect(result.error).toEqual({
      message: "syntax error near unexpected token `fi'",
      line: 1,
      offset: 23,
      sourceLine: 'if true; then echo; fi fi',
      found: { token: 'fi' },
      readerLine: 1,
    });
  });
});

describe('unfinished input', () => {
  it.each(UNFINISHED)('%j awaits %s', (input, awaiting, bashText) => {
    const atPrompt = parseCommandLine(input);
    if (atPrompt.status !== 'incomplete') throw new Error(`expected incomplete, got ${atPrompt.status}`);
    expect(atPrompt.awaiting).toBe(awaiting);
    expect(formatSyntaxError(atPrompt.error, 'command-string')).toBe(bashText);
    const atEnd = parseCommandLine(input, { endOfInput: true });
    if (atEnd.status !== 'error') throw new Error(`expected an error at the end of input, got ${atEnd.status}`);
    expect(atEnd.error).toEqual(atPrompt.error);
  });

  it('prints the prompt form bash shows on Ctrl-D', () => {
    const result = parseCommandLine('echo "abc');
    if (result.status !== 'incomplete') throw new Error(result.status);
    expect(formatSyntaxError(result.error)).toBe('bash: unexpected EOF while looking for matching `"\'');
  });

  // A REPL joins continuation lines with "\n" and parses again, as bash does after PS2.
  const continued = (lines: string[]) => lines.map((_, i) => parseCommandLine(lines.slice(0, i + 1).join('\n')).status);

  it('completes a for loop typed over three lines', () => {
    expect(continued(['for i in a b', 'do echo $i', 'done'])).toEqual(['incomplete', 'incomplete', 'ok']);
  });

  it('completes a here-document at its delimiter line', () => {
    expect(continued(['cat <<EOF', 'hello', 'EOF'])).toEqual(['incomplete', 'incomplete', 'ok']);
    const result = parseCommandLine('cat <<EOF');
    expect(result).toMatchObject({ status: 'incomplete', awaiting: 'EOF' });
  });

  it('completes a quote opened on an earlier line', () => {
    expect(continued(['echo "a', 'b"'])).toEqual(['incomplete', 'ok']);
  });

  it('continues after a trailing backslash', () => {
    expect(continued(['echo a \\', 'b'])).toEqual(['incomplete', 'ok']);
    expect(parseCommandLine('echo a \\')).toMatchObject({ status: 'incomplete', awaiting: 'line' });
  });

  it('waits after a pipe until the next command comes', () => {
    expect(continued(['ls |', '', 'wc -l'])).toEqual(['incomplete', 'incomplete', 'ok']);
  });
});

describe('pathological input', () => {
  it('refuses nesting past the limit instead of overflowing the stack', () => {
    for (const src of ['{ '.repeat(5000), '$('.repeat(5000), 'echo ' + '${a:-'.repeat(5000) + '}'.repeat(5000)]) {
      const result = parseCommandLine(src);
      expect(result).toMatchObject({ status: 'error', error: { message: 'syntax error: nesting too deep' } });
    }
  });
});

const version = spawnSync('bash', ['--version'], { encoding: 'utf8' }).stdout ?? '';
// The texts were taken from bash 5.2; other versions word a few of them differently.
describe.skipIf(!/version 5\.2\./.test(version))('error texts against the bash on this machine', () => {
  const bashSays = (input: string) => spawnSync('bash', ['-n', '-c', input], { encoding: 'utf8' }).stderr.trimEnd();
  it.each(SYNTAX_ERRORS)('%j', (input, bashText) => expect(bashSays(input)).toBe(bashText));
  it.each(UNFINISHED)('%j', (input, _awaiting, bashText) => expect(bashSays(input)).toBe(bashText));
});
