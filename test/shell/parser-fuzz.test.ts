// Whatever a learner types or pastes, the parser answers with a value and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandList, Word } from '../../src/shell/ast.js';
import { parseCommandLine } from '../../src/shell/parser.js';

// Fragments that reach deep into the grammar far more often than random characters do.
const SHELL_FRAGMENTS = [
  ' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')', '{', '}', '[', ']', '$', '`', '"', "'", '\\',
  '#', '~', '*', '?', '=', ':', '-', '!', '/', '%', '@', ',', 'a', 'x', '0', '1', '2',
  'if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac',
  'function', '((', '))', '$(', '${', '$((', '<<', '<<-', 'EOF', '[[', ']]', '2>&1', '&>', ';;',
];

const shellish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom(...SHELL_FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')),
  fc.array(fc.constantFrom(...SHELL_FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(' ')),
);

/** Every top-level word's span must cover exactly its raw text. */
function wordsOf(list: CommandList): Word[] {
  return list.items.flatMap(({ command }) =>
    [command.head, ...command.tail.map((link) => link.pipeline)].flatMap((pipeline) =>
      pipeline.commands.flatMap((c) => (c.type === 'SimpleCommand' ? [...c.words, ...c.redirects.map((r) => r.target)] : [])),
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
