// Under LANG=C (or any locale whose character set is not UTF-8) the terminal cannot be trusted
// to draw box-drawing characters, bars or arrows: the screen draws ASCII instead (borders with
// + - |, bars with # and ., arrows as > and <), one character for one, so that every width
// stays as laid out; what has no ASCII form becomes '?' (a wide character, '??').

import { charWidth } from './text-width.js';

const ASCII: Record<string, string> = {
  '─': '-',
  '━': '-',
  '│': '|',
  '┃': '|',
  '║': '|',
  '═': '=',
  '┌': '+',
  '┐': '+',
  '└': '+',
  '┘': '+',
  '╔': '+',
  '╗': '+',
  '╚': '+',
  '╝': '+',
  '█': '#',
  '▌': '#',
  '·': '.',
  '•': '*',
  '→': '>',
  '←': '<',
  '↑': '^',
  '↓': 'v',
  '✓': 'v',
  '✗': 'X',
  '…': '.',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '—': '-',
  '–': '-',
  '×': 'x',
  '≠': '#',
  '⇒': '>',
};

/** `text` in ASCII: known glyphs by their ASCII stand-ins, anything else non-ASCII as '?'. */
export function toAscii(text: string): string {
  if (/^[\u0000-\u007f]*$/.test(text)) return text;
  let out = '';
  for (const ch of text) out += ch.charCodeAt(0) < 0x80 ? ch : (ASCII[ch] ?? (charWidth(ch) === 2 ? '??' : '?'));
  return out;
}
