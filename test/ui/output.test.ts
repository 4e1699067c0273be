// Program output laid out as a terminal shows it: what each control byte does to the line, and
// that nothing a command prints leaves a character whose width the screen and the terminal
// could disagree on.
import { describe, expect, it } from 'vitest';
import { CLEAR, OutputLines } from '../../src/ui/output.js';
import { textWidth } from '../../src/ui/text-width.js';

const lay = (text: string) => {
  const o = new OutputLines();
  return [...o.take(text), ...o.close()];
};

describe('a line as a terminal shows it', () => {
  it('returns to the start of the line on \\r, what follows overwriting it', () => {
    expect(lay('abc\rXY\n')).toEqual(['XYc']);
    // A progress counter rewritten in place keeps its last state.
    expect(lay('10%\r50%\r100%\n')).toEqual(['100%']);
    expect(lay('line\r\n')).toEqual(['line']);
  });

  it('steps back on \\b, and never before the line', () => {
    expect(lay('abc\b\bX\n')).toEqual(['aXc']);
    expect(lay('\b\b\bok\n')).toEqual(['ok']);
  });

  it('moves to the next multiple of 8 on a tab', () => {
    expect(lay('a\tbc\td\n')).toEqual(['a       bc      d']);
    expect(lay('12345678\tx\n')).toEqual(['12345678        x']);
  });

  it('goes down a line in the same column on \\v and \\f', () => {
    expect(lay('ab\vcd\n')).toEqual(['ab', '  cd']);
    expect(lay('x\fy\n')).toEqual(['x', ' y']);
  });

  it('shows other control bytes in caret notation, and DEL as ^?', () => {
    expect(lay('a\u0000b\u0001c\u001fd\u007fe\n')).toEqual(['a^@b^Ac^_d^?e']);
    expect(lay('bell\u0007\n')).toEqual(['bell']);
  });

  it('shows bytes that are not UTF-8 as U+FFFD, a character split across writes whole', () => {
    const d = new TextDecoder();
    const o = new OutputLines();
    const bytes = new Uint8Array([0x61, 0xff, 0xe9, 0x62, 0xe4, 0xb8]); // a, two bad bytes, b, half of 中
    const rest = new Uint8Array([0xad, 0x0a]);
    const lines = [...o.take(d.decode(bytes, { stream: true })), ...o.take(d.decode(rest, { stream: true }))];
    expect(lines).toEqual(['a\ufffd\ufffdb中']);
  });

  it('replaces characters of no agreed width: C1 controls, zero-width and bidi marks, private use', () => {
    expect(lay('a\u009bb\u200bc\u202ed\ue000e\ufe0f\n')).toEqual(['a\ufffdb\ufffdc\ufffdd\ufffde\ufffd']);
  });

  it('drops colours and cursor sequences, erases on ESC[K, and clears on ESC[2J, ESC[3J and ESC c', () => {
    expect(lay('\u001b[1;31mred\u001b[0m plain\n')).toEqual(['red plain']);
    expect(lay('\u001b]0;title\u0007text\n')).toEqual(['text']);
    expect(lay('abcdef\r\u001b[Kxy\n')).toEqual(['xy']);
    expect(lay('old\n\u001b[H\u001b[2J\u001b[3Jnew\n')).toEqual(['old', CLEAR, CLEAR, 'new']);
    expect(lay('x\n\u001bcy\n')).toEqual(['x', CLEAR, 'y']);
  });

  it('waits for the rest of an escape sequence cut between two writes', () => {
    const o = new OutputLines();
    expect(o.take('a\u001b[3')).toEqual([]);
    expect(o.take('1mb\n')).toEqual(['ab']);
  });

  it('leaves no byte of 0-255 or of a random binary without a width the terminal agrees on', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    let seed = 7;
    const noise = new Uint8Array(20000).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >> 16;
    });
    for (const bytes of [all, noise]) {
      for (const line of lay(new TextDecoder().decode(bytes))) {
        if (typeof line !== 'string') continue;
        for (const ch of line) {
          const cp = ch.codePointAt(0) as number;
          expect(cp >= 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp < 0xa0), `U+${cp.toString(16)}`).toBe(true);
        }
        // Every character is one or two columns; combining marks have joined the one before.
        expect(textWidth(line)).toBeGreaterThanOrEqual(
          [...line].length - [...line].filter((c) => /\p{M}/u.test(c)).length,
        );
      }
    }
  });
});
