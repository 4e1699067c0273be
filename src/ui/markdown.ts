// The little markdown lesson texts use, laid out for the screen: paragraphs wrapped at word
// boundaries, **bold**, `code` spans and ``` fenced blocks (indented, never re-wrapped at spaces,
// so a command line reads as it will be typed). Without colour the marks that carry meaning stay
// visible: code spans keep their backticks and code blocks their indentation; bold is lost.

import { fitChars, textWidth } from './text-width.js';

export interface Segment {
  text: string;
  bold?: boolean;
  /** A code span or a line of a code block. */
  code?: boolean;
}

/** One screen row of laid-out markdown. */
export type Row = Segment[];

const CODE_INDENT = '    ';
/** CJK characters and punctuation, full-width forms: text written without spaces. */
const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
/** Where a run of text may break: after a space, or on either side of a CJK character. */
const BREAKS = /(?<= )|(?<=[\u3000-\u9fff\uff00-\uffef])|(?=[\u3000-\u9fff\uff00-\uffef])/;

/** Splits a line into plain, bold and code segments. An unclosed mark is left as text. */
export function inlineSegments(line: string, color: boolean): Segment[] {
  const out: Segment[] = [];
  const re = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let at = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > at) out.push({ text: line.slice(at, m.index) });
    if (m[1] !== undefined) out.push({ text: color ? m[1] : `\`${m[1]}\``, code: true });
    else out.push({ text: m[2] as string, bold: true });
    at = m.index + m[0].length;
  }
  if (at < line.length) out.push({ text: line.slice(at) });
  return out;
}

/** Segments cut into rows of at most `width` terminal columns, breaking at spaces (or between
 * Chinese characters) where it can. */
function wrapSegments(segs: Segment[], width: number): Row[] {
  const rows: Row[] = [];
  let row: Row = [];
  let used = 0;
  const push = (seg: Segment, text: string) => {
    const last = row[row.length - 1];
    if (last && last.bold === seg.bold && last.code === seg.code) last.text += text;
    else row.push({ ...seg, text });
    used += textWidth(text);
  };
  const breakRow = () => {
    rows.push(row);
    row = [];
    used = 0;
  };
  for (const seg of segs) {
    // Words keep their trailing space; a code span is one unbreakable word unless too long.
    // Chinese has no spaces: a run of it breaks between any two characters.
    const words = seg.code ? [seg.text] : seg.text.split(BREAKS);
    for (const word of words) {
      let rest = word;
      while (rest.length > 0) {
        const len = textWidth(rest);
        if (used + len <= width) {
          push(seg, rest);
          rest = '';
        } else if (used > 0 && len <= width) {
          // Chinese closing punctuation never starts a row: the character before it comes along.
          let carry: Segment | undefined;
          const last = row[row.length - 1];
          if (last && NO_ROW_START.test(rest)) {
            const chars = [...last.text];
            const ch = chars.pop() as string;
            if (chars.length > 0 && ch !== ' ') {
              last.text = chars.join('');
              carry = { ...last, text: ch };
            }
          }
          breakRow();
          if (carry) push(carry, carry.text);
          rest = rest.replace(/^ +/, '');
        } else {
          const chars = [...rest];
          const n = used > 0 ? fitChars(chars, width - used) : fitChars(chars, width);
          if (used > 0 && textWidth(chars.slice(0, n).join('')) > width - used) {
            breakRow();
            continue;
          }
          push(seg, chars.slice(0, n).join(''));
          rest = chars.slice(n).join('');
          breakRow();
        }
      }
    }
  }
  if (row.length || rows.length === 0) rows.push(row);
  // A row's trailing space is not worth a cell.
  for (const r of rows) {
    const last = r[r.length - 1];
    if (last && !last.code) last.text = last.text.replace(/ +$/, '');
  }
  return rows;
}

// Non-ASCII characters in these regexes are written as \u escapes: esbuild keeps a regex literal's
// characters as they are, and one non-ASCII character makes V8 read the whole bin as two-byte text
// (~10 M instructions more before the first frame; scripts/build.mjs now refuses such a bin).

/** A line that starts a block of its own: a list item, a heading, the tutor's step rule (──). */
const BLOCK_START = /^\s*([-*+] |\d+\. |#|\u2500\u2500|```)/;

/** Closing punctuation that never starts a row of Chinese text: 。，、；：！？）」』》〉】… */
const NO_ROW_START = /^[\u3002\uff0c\u3001\uff1b\uff1a\uff01\uff1f\uff09\u300d\u300f\u300b\u3009\u3011\u2026]/;

/** The source's lines with each paragraph's soft line breaks joined, as markdown reads them
 * (lesson files break lines at 80 columns; the output area is narrower or wider). */
function joinParagraphs(text: string): string[] {
  const out: string[] = [];
  let inFence = false;
  let open = false; // the last line of `out` is paragraph text a next line may continue
  let inItem = false; // ...and it is a list item, which only an indented line continues
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    else if (!inFence && open && line.trim() !== '' && !BLOCK_START.test(line) && (!inItem || /^\s/.test(line))) {
      const prev = (out[out.length - 1] as string).replace(/ +$/, '');
      const next = line.trim();
      // Chinese text joins its lines without a space, as it is written.
      const glue = CJK.test(prev.slice(-1)) && CJK.test(next.slice(0, 1)) ? '' : ' ';
      out[out.length - 1] = `${prev}${glue}${next}`;
      continue;
    }
    out.push(line);
    open = !inFence && !/^\s*```/.test(line) && line.trim() !== '' && !/^\s*(#|\u2500\u2500)/.test(line);
    inItem = open && /^\s*([-*+] |\d+\. )/.test(line);
  }
  return out;
}

/** Markdown text laid out in rows of at most `width` terminal columns. */
export function markdownRows(text: string, width: number, color: boolean): Row[] {
  const rows: Row[] = [];
  let inFence = false;
  for (const line of joinParagraphs(text)) {
    if (/^\s*```/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      // Cut, not wrapped at spaces: the learner copies it as it is.
      const chars = [...`${CODE_INDENT}${line}`];
      for (let i = 0; i === 0 || i < chars.length; ) {
        const n = fitChars(chars.slice(i), Math.max(1, width));
        rows.push([{ text: chars.slice(i, i + n).join(''), code: true }]);
        i += Math.max(1, n);
      }
      continue;
    }
    if (line.trim() === '') {
      rows.push([]);
      continue;
    }
    rows.push(...wrapSegments(inlineSegments(line, color), Math.max(1, width)));
  }
  return rows;
}
