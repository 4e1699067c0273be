// wc (GNU coreutils): -l -w -m -c -L, and GNU's column width: the digits of the summed sizes of
// the regular files named, at least 7 when an input is a pipe (its size is unknown in advance),
// and no padding at all for a single count of a single input.
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, withUsage } from '../options.js';
import { contentChunks, contentSize, type FileContent } from '../../../kernel/index.js';
import { readOperand, readsForever, stdinContent } from './operands.js';
import { busyboxWcLine, isBusybox } from '../busybox/formats.js';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLen: number;
}

/** The counts of content, a chunk at a time (a pipe's 187 MB of docker save is never held), and
 * only those asked for: -c alone is the size. */
function count(content: FileContent, want: ReadonlySet<string> = ALL): Counts {
  const bytes = contentSize(content);
  let lines = 0;
  let words = 0;
  let inWord = false;
  let chars = 0;
  let maxLen = 0;
  let col = 0;
  const scan = want.has('l') || want.has('w');
  const decode = want.has('m') || want.has('L');
  if (!scan && !decode) return { lines, words, chars, bytes, maxLen };
  const dec = new TextDecoder();
  const text = (s: string): void => {
    for (const ch of s) {
      chars++;
      if (ch === '\n' || ch === '\r' || ch === '\f') {
        maxLen = Math.max(maxLen, col);
        col = 0;
      } else if (ch === '\t') col += 8 - (col % 8);
      else col++;
    }
  };
  for (const b of contentChunks(content)) {
    if (scan)
      for (const c of b) {
        if (c === 0x0a) lines++;
        const space = c === 0x20 || (c >= 0x09 && c <= 0x0d);
        if (space) inWord = false;
        else if (!inWord) {
          inWord = true;
          words++;
        }
      }
    if (decode) text(dec.decode(b, { stream: true }));
  }
  if (decode) text(dec.decode());
  maxLen = Math.max(maxLen, col);
  return { lines, words, chars, bytes, maxLen };
}

const ALL: ReadonlySet<string> = new Set(['l', 'w', 'm', 'c', 'L']);

async function run(ctx: CommandContext): Promise<number> {
  return withUsage(ctx, 1, async () => {
    const { opts, operands } = parseOptions('wc', ctx.argv.slice(1), {
      short: 'lwmcL',
      long: { lines: 'l', words: 'w', chars: 'm', bytes: 'c', 'max-line-length': 'L' },
    });
    const want = new Set(opts.map(([o]) => o));
    if (want.size === 0) ['l', 'w', 'c'].forEach((o) => want.add(o));
    const order = ['l', 'w', 'm', 'c', 'L'].filter((o) => want.has(o));
    const files = operands.length > 0 ? operands : ['-'];
    let size = 0;
    let unknown = false;
    for (const f of files) {
      if (f === '-') {
        unknown = true;
        continue;
      }
      try {
        const st = ctx.proc.stat(f);
        if (st.type === 'file') size += st.size;
        else unknown = true;
      } catch {
        // Reported when read.
      }
    }
    let width = Math.max(String(size).length, unknown ? 7 : 1);
    if (order.length === 1 && files.length === 1) width = 1;
    const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLen: 0 };
    const pick = (c: Counts, o: string): number =>
      o === 'l' ? c.lines : o === 'w' ? c.words : o === 'm' ? c.chars : o === 'c' ? c.bytes : c.maxLen;
    const line = (c: Counts, label: string): string =>
      isBusybox(ctx)
        ? busyboxWcLine(
            order.map((o) => pick(c, o)),
            label === '' ? undefined : label,
            !(order.length === 1 && files.length === 1),
          )
        : `${order.map((o) => String(pick(c, o)).padStart(width)).join(' ')}${label === '' ? '' : ` ${label}`}\n`;
    const stdin = { used: false };
    let status = 0;
    for (const f of files) {
      const r = f === '-' ? { ok: true as const, data: await stdinContent(ctx, stdin) } : readOperand(ctx, f, stdin);
      if (!r.ok) {
        ctx.stderr(`wc: ${f}: ${errText(r.error)}\n`);
        status = 1;
        // A directory opens but fails to read: GNU still prints its (zero) counts.
        if ((r.error as { code?: string }).code === 'EISDIR') ctx.stdout(line(count(new Uint8Array()), f));
        continue;
      }
      if (r.data instanceof Uint8Array) await readsForever(ctx, r.data);
      const c = count(r.data, want);
      total.lines += c.lines;
      total.words += c.words;
      total.chars += c.chars;
      total.bytes += c.bytes;
      total.maxLen = Math.max(total.maxLen, c.maxLen);
      ctx.stdout(line(c, operands.length === 0 ? '' : f));
    }
    if (files.length > 1) ctx.stdout(line(total, 'total'));
    return status;
  });
}

export const wc: CommandSpec = {
  name: 'wc',
  summary: 'print newline, word, and byte counts for each file',
  flags: ['-l', '-w', '-m', '-c', '-L'],
  run,
  streaming: true, // (to take a pipe's content described, not to read it as it comes)
};
