// Whatever a learner types or pastes, the parser answers with a value and never throws; and on
// random shell-like input it agrees with the bash on this machine, error text included.
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandList, Word } from '../../../src/shell/bash/ast.js';
import { formatSyntaxError, parseCommandLine } from '../../../src/shell/bash/parser.js';

// Fragments that reach deep into the grammar far more often than random characters do.
const SHELL_FRAGMENTS = [
  ' ',
  '\t',
  '\n',
  ';',
  '&',
  '|',
  '<',
  '>',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '$',
  '`',
  '"',
  "'",
  '\\',
  '#',
  '~',
  '*',
  '?',
  '=',
  ':',
  '-',
  '!',
  '/',
  '%',
  '@',
  ',',
  'a',
  'x',
  '0',
  '1',
  '2',
  'if',
  'then',
  'elif',
  'else',
  'fi',
  'for',
  'in',
  'do',
  'done',
  'while',
  'until',
  'case',
  'esac',
  'function',
  '((',
  '))',
  '$(',
  '${',
  '$((',
  '<<',
  '<<-',
  'EOF',
  '[[',
  ']]',
  '2>&1',
  '&>',
  ';;',
];

const shellish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom(...SHELL_FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...SHELL_FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(' ')),
);

/** Every top-level word the learner wrote; its span must cover exactly its raw text. */
function wordsOf(list: CommandList): Word[] {
  return list.items.flatMap(({ command }) =>
    [command.head, ...command.tail.map((link) => link.pipeline)].flatMap((pipeline) =>
      pipeline.commands.flatMap((c) =>
        c.type === 'SimpleCommand' ? [...c.words, ...c.redirects.filter((r) => !r.implied).map((r) => r.target)] : [],
      ),
    ),
  );
}

describe('fuzz', () => {
  it('never throws, at a prompt or at the end of a script', () => {
    fc.assert(
      fc.property(shellish, fc.boolean(), (src, endOfInput) => {
        const result = parseCommandLine(src, { endOfInput });
        expect(['ok', 'error', 'incomplete']).toContain(result.status);
        // Nothing is left to wait for once the input has ended.
        if (endOfInput) expect(result.status).not.toBe('incomplete');
        if (result.status !== 'ok') {
          expect(result.error.message).not.toBe('');
          expect(result.error.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('gives `|&` an implied 2>&1 whose target is not source text', () => {
    // Found by the fuzz below: the implied redirect's span is the operator's, its text is "1".
    const result = parseCommandLine('2>&1|&>/');
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    const first = result.script.items[0]?.command.head.commands[0];
    expect(
      first?.type === 'SimpleCommand' && first.redirects.map((r) => [r.fd, r.op, r.target.text, r.implied ?? false]),
    ).toEqual([
      [2, '>&', '1', false],
      [2, '>&', '1', true],
    ]);
  });

  it('gives words spans that match their text', () => {
    fc.assert(
      fc.property(shellish, (src) => {
        const result = parseCommandLine(src);
        if (result.status !== 'ok') return;
        for (const word of wordsOf(result.script)) expect(src.slice(word.span.start, word.span.end)).toBe(word.text);
      }),
      { numRuns: 3000 },
    );
  });
});

/** Where bash 5.2 says something we knowingly do not: each is bash's quirk or a construct this
 * parser does not model, and none is a line a learner would type. */
const KNOWN_DIVERGENCES: ((src: string, bashSays: string) => boolean)[] = [
  // Bash also warns about an unread here-document; a parse result carries one message.
  (_src, bashSays) => bashSays.includes('warning: here-document'),
  // Under -c bash reads a final backslash as a continuation onto lines that do not exist.
  (src) => /\\\s*$/.test(src),
  // The expression grammar of [[ … ]] is not modelled (its operands arrive as words).
  (src) => src.includes('[['),
  // After a failed `((`, bash echoes its own rewritten `( (` line, not the source line.
  (src, bashSays) =>
    src.includes('((') && bashSays.includes('\n') && !src.split('\n').some((line) => bashSays.endsWith(`\`${line}'`)),
];

const bashVersion = spawnSync('bash', ['--version'], { encoding: 'utf8' }).stdout ?? '';
describe.skipIf(!/version 5\.2\./.test(bashVersion))('agreement with bash -n on random input', () => {
  it("accepts and rejects what bash does, in bash's words", () => {
    const lines = fc.sample(
      fc
        .array(fc.constantFrom(...SHELL_FRAGMENTS, 'echo', 'ls'), { minLength: 1, maxLength: 8 })
        .map((p) => p.join(' ')),
      { numRuns: 300, seed: 20240611 },
    );
    const disagreements: string[] = [];
    for (const src of lines) {
      const bash = spawnSync('bash', ['-n', '-c', '--', src], { encoding: 'utf8' });
      const bashSays = bash.stderr.trimEnd();
      if (KNOWN_DIVERGENCES.some((known) => known(src, bashSays))) continue;
      const result = parseCommandLine(src, { endOfInput: true });
      const ours = result.status === 'ok' ? '' : formatSyntaxError(result.error, 'command-string');
      if ((bash.status === 0) !== (result.status === 'ok') || ours !== bashSays) {
        disagreements.push(`${JSON.stringify(src)}\n  bash: ${bashSays}\n  ours: ${ours}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
