// The little markdown lesson texts use, laid out for the screen: paragraphs wrapped at word
// boundaries (list items with a hanging indent), **bold**, *italics*, `code` spans and ``` fenced
// blocks (indented; a command wider than the area is broken at a space with a trailing ` \` and
// an indented continuation, as one would type it into bash, so it can be copied and pasted; a
// 64-hex digest is never split). Without colour the marks that carry meaning stay visible: code
// spans keep their backticks and code blocks their indentation; bold and italics are lost.

import { charWidth, fitChars, textWidth } from './text-width.js';

export interface Segment {
  text: string;
  bold?: boolean;
  /** A code span or a line of a code block. */
  code?: boolean;
  italic?: boolean;
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
  // *italics*: a lone star between word characters or spaces (2 * 3) stays a star.
  const re = /`([^`]+)`|\*\*([^*]+)\*\*|(?<![\w*])\*([^*\s](?:[^*]*[^*\s])?)\*(?![\w*])/g;
  let at = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > at) out.push({ text: line.slice(at, m.index) });
    if (m[1] !== undefined) out.push({ text: color ? m[1] : `\`${m[1]}\``, code: true });
    else if (m[2] !== undefined) out.push({ text: m[2], bold: true });
    else out.push({ text: m[3] ?? '', italic: true });
    at = m.index + m[0].length;
  }
  if (at < line.length) out.push({ text: line.slice(at) });
  return out;
}

/** Segments cut into rows of at most `width` terminal columns, breaking at spaces (or between
 * Chinese characters) where it can; rows after the first start with `indent` (a list item's
 * hanging indent). A Latin word inside Chinese text moves whole; a closing mark never starts a
 * row, an opening one never ends it. */
function wrapSegments(segs: Segment[], width: number, indent = ''): Row[] {
  const rows: Row[] = [];
  let row: Row = [];
  let used = 0;
  const room = () => (rows.length ? width - textWidth(indent) : width);
  const push = (seg: Segment, text: string) => {
    const last = row[row.length - 1];
    if (last && last.bold === seg.bold && last.code === seg.code && last.italic === seg.italic) last.text += text;
    else row.push({ ...seg, text });
    used += textWidth(text);
  };
  /** Takes the row's last unit (a Chinese character, or a word with no space in it) off the row. */
  const takeTail = (): Segment[] => {
    const taken: Segment[] = [];
    while (row.length) {
      const last = row[row.length - 1] as Segment;
      const m = /(?:[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+)$/.exec(last.text);
      if (!m || m.index === 0) {
        if (!m || row.length === 1) break;
        row.pop();
        taken.unshift(last);
        if (m[0].length === 1 && CJK.test(m[0])) break;
        continue;
      }
      last.text = last.text.slice(0, m.index);
      taken.unshift({ ...last, text: m[0] });
      break;
    }
    used = row.reduce((n, sg) => n + textWidth(sg.text), 0);
    return taken;
  };
  const breakRow = () => {
    rows.push(row);
    row = indent ? [{ text: indent }] : [];
    used = textWidth(indent) * (indent ? 1 : 0);
  };
  const rowEmpty = () => used <= (rows.length ? textWidth(indent) : 0);
  for (const seg of segs) {
    // Words keep their trailing space; a code span is one word unless wider than a row (then it
    // breaks at its spaces). Chinese has no spaces: a run of it breaks between any two characters.
    const words = seg.code && textWidth(seg.text) <= room() ? [seg.text] : seg.text.split(seg.code ? /(?<= )/ : BREAKS);
    for (const word of words) {
      let rest = word;
      while (rest.length > 0) {
        const len = textWidth(rest.replace(/ +$/, ''));
        if (used + len <= width) {
          push(seg, rest);
          rest = '';
        } else if (!rowEmpty() && len <= room()) {
          // What may not be parted from the row's end moves with the word: the unit before a
          // closing mark, an opening mark before its text.
          let carry: Segment[] = [];
          if (NO_ROW_START.test(rest)) {
            carry = takeTail();
            // The unit taken may itself be a closing mark: the one before it comes too.
            for (let n = 0; n < 4 && carry.length && NO_ROW_START.test(carry[0]?.text ?? ''); n++) {
              const more = takeTail();
              if (!more.length) break;
              carry = [...more, ...carry];
            }
          }
          for (let n = 0; n < 4 && NO_ROW_END.test(row.map((x) => x.text).join('')); n++) {
            const more = takeTail();
            if (!more.length) break;
            carry = [...more, ...carry];
          }
          if (rowEmpty()) {
            // Nothing would be left on the row: keep it as it was.
            for (const c of carry) push(c, c.text);
            carry = [];
          }
          breakRow();
          for (const c of carry) push(c, c.text);
          rest = rest.replace(/^ +/, '');
        } else {
          // Wider than a whole row: cut it where the row ends.
          const chars = [...rest];
          const n = fitChars(chars, Math.max(1, width - used));
          if (!rowEmpty() && textWidth(chars.slice(0, n).join('')) > width - used) {
            breakRow();
            continue;
          }
          push(seg, chars.slice(0, n).join(''));
          rest = chars.slice(n).join('');
          if (rest) breakRow();
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
  return rows.filter((r, i) => i === 0 || r.some((sg) => sg.text.trim() !== ''));
}

/** For each character of a command line, the quote it stands in ('"' or "'"), or '' outside quotes
 * (a command substitution `$(…)` inside double quotes is outside again). */
function quoteContext(chars: string[]): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const top = stack[stack.length - 1];
    out.push(top === '"' || top === "'" ? top : '');
    if (top === "'") {
      if (ch === "'") stack.pop();
    } else if (ch === '\\') {
      out.push(out.at(-1) ?? '');
      i++;
    } else if (ch === '$' && chars[i + 1] === '(') {
      stack.push('(');
      out.push(out.at(-1) ?? '');
      i++;
    } else if (top === '"') {
      if (ch === '"') stack.pop();
    } else if (ch === '"' || ch === "'") stack.push(ch);
    else if (ch === '(') stack.push('(');
    else if (ch === ')' && top === '(') stack.pop();
  }
  return out;
}

/**
 * A fenced command line cut to rows of `width` columns as it can be pasted into bash: broken at a
 * space outside quotes, the row ending in ` \` and the next indented; where only a quoted space is
 * in reach, the quote is closed after the space and opened again at the next row's start
 * (`"a "\` then `"b"`: bash joins them into one word, so that row cannot be indented). A word
 * wider than a row (a 64-hex digest on a very narrow screen) is cut as a last resort.
 */
export function codeRows(line: string, width: number): string[] {
  const first = `${CODE_INDENT}${line}`;
  if (textWidth(first) <= width) return [first];
  const chars = [...line];
  const ctx = quoteContext(chars);
  const rows: string[] = [];
  let pos = 0;
  let lead = CODE_INDENT;
  const cont = `${CODE_INDENT}  `;
  while (pos < chars.length && textWidth(lead + chars.slice(pos).join('')) > width) {
    const breakFor = (l: string): number => {
      const room = width - textWidth(l) - 2; // for " \" or the closing quote and "\"
      let best = -1;
      let unquoted = -1;
      let used = 0;
      for (let i = pos; i < chars.length && used <= room + 1; i++) {
        used += charWidth(chars[i] ?? '');
        if (chars[i] !== ' ' || i === pos) continue;
        if (ctx[i] === '' ? used - 1 <= room : used <= room) best = i;
        if (ctx[i] === '' && used - 1 <= room) unquoted = i;
      }
      // A break outside quotes reads better; it is taken when it leaves the row half full.
      return unquoted >= 0 && unquoted - pos >= room / 2 ? unquoted : best;
    };
    let best = breakFor(lead);
    // An unquoted continuation may give up its indentation to keep a word whole.
    for (const l of [CODE_INDENT, '']) {
      if (best >= 0 || lead !== cont) break;
      lead = l;
      best = breakFor(lead);
    }
    if (best < 0) {
      // No space in reach: the word itself is cut, a backslash-newline joining its halves again
      // (inside single quotes, where a backslash is a backslash, the quote is closed and reopened).
      const n = Math.max(1, fitChars(chars.slice(pos), Math.max(1, width - textWidth(lead) - 2)));
      const qEnd = ctx[pos + n] === "'" ? "'" : '';
      rows.push(`${lead}${chars.slice(pos, pos + n).join('')}${qEnd}\\`);
      pos += n;
      lead = qEnd;
    } else if (ctx[best] === '') {
      rows.push(`${lead}${chars.slice(pos, best).join('')} \\`);
      pos = best + 1;
      while (chars[pos] === ' ') pos++;
      lead = cont;
    } else {
      const q = ctx[best] ?? '';
      rows.push(`${lead}${chars.slice(pos, best + 1).join('')}${q}\\`);
      pos = best + 1;
      lead = q;
    }
  }
  if (pos < chars.length) rows.push(lead + chars.slice(pos).join(''));
  return rows;
}

// Non-ASCII characters in these regexes are written as \u escapes: esbuild keeps a regex literal's
// characters as they are, and one non-ASCII character makes V8 read the whole bin as two-byte text
// (~10 M instructions more before the first frame; scripts/build.mjs now refuses such a bin).

/** A line that starts a block of its own: a list item, a heading, the tutor's step rule (──). */
const BLOCK_START = /^\s*([-*+] |\d+\. |#|\u2500\u2500|```)/;

/** Closing punctuation that never starts a row of Chinese text: 。，、；：！？）」』》〉】… */
const NO_ROW_START = /^[\u3002\uff0c\u3001\uff1b\uff1a\uff01\uff1f\uff09\u300d\u300f\u300b\u3009\u3011\u2026]/;
/** Opening brackets that never end a row: （「『《〈【“‘ and ( [. */
const NO_ROW_END = /[\uff08\u300c\u300e\u300a\u3008\u3010\u201c\u2018([]$/;

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
      const prev = (out.at(-1) ?? '').replace(/ +$/, '');
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

/** Plain text (no markup) in rows of at most `width` columns, wrapped as a paragraph is: at
 * spaces, between Chinese characters, never starting a row with closing punctuation. */
export function wrapProse(text: string, width: number, indent = ''): string[] {
  return wrapSegments([{ text }], Math.max(1, width), indent).map((r) => r.map((sg) => sg.text).join(''));
}

/** The tutor's step rule (`── title · step 3 of 7 ──`) on one row of `width` columns: without its
 * closing `──`, then with the title cut (by display width: a Chinese character takes two columns)
 * and an ellipsis, so that where the learner is stays on the row. Other lines as they are. */
export function fitStepRule(line: string, width: number): string {
  const m = /^(\u2500\u2500 )(.+?)( \u00b7 .*?)( \u2500\u2500)?$/.exec(line);
  if (!m || textWidth(line) <= width) return line;
  const [, head = '', title = '', where = ''] = m;
  if (textWidth(head + title + where) <= width) return head + title + where;
  const room = width - textWidth(head + where) - 1;
  // Too narrow for a few columns of the title: the rule wraps as a paragraph does.
  if (room < 4) return line;
  const chars = [...title];
  let n = fitChars(chars, room);
  if (textWidth(chars.slice(0, n).join('')) > room) n = 0;
  return `${head}${chars.slice(0, n).join('').trimEnd()}\u2026${where}`;
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
      for (const text of codeRows(line, Math.max(1, width))) rows.push([{ text, code: true }]);
      continue;
    }
    if (line.trim() === '') {
      rows.push([]);
      continue;
    }
    if (line.startsWith('\u2500\u2500 ')) {
      rows.push(...wrapSegments(inlineSegments(fitStepRule(line, width), color), Math.max(1, width), ''));
      continue;
    }
    // A list item's continuation rows hang under its text, not under its bullet.
    const bullet = /^(\s*(?:[-*+]|\d+\.) )/.exec(line)?.[1];
    const indent = bullet !== undefined && textWidth(bullet) < width / 2 ? ' '.repeat(textWidth(bullet)) : '';
    rows.push(...wrapSegments(inlineSegments(line, color), Math.max(1, width), indent));
  }
  return rows;
}
