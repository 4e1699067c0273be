// Terminal cells, not characters: a Chinese character takes two columns (lesson texts and
// hints in zh-CN are mostly such characters). string-width is the measure Ink itself uses.
import stringWidth from 'string-width';

/** The columns one character takes (ASCII and Latin answer without asking). */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x20 && cp < 0x300) return 1;
  // Binary output brings thousands of characters per screen: each asked once.
  let w = widths.get(ch);
  if (w === undefined) {
    w = stringWidth(ch);
    widths.set(ch, w);
  }
  return w;
}
const widths = new Map<string, number>();

/** The columns a string takes. */
export function textWidth(text: string): number {
  return /^[\x20-\x7e]*$/.test(text) ? text.length : stringWidth(text);
}

/** The longest head of `chars` that fits in `width` columns (at least one character). */
export function fitChars(chars: string[], width: number): number {
  let used = 0;
  let n = 0;
  for (const ch of chars) {
    const w = charWidth(ch);
    if (used + w > width && n > 0) break;
    used += w;
    n++;
  }
  return n;
}
