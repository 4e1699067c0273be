// A text command's input: its file operands, `-` (or none) meaning stdin, read whole and decoded.
import { type FileContent, moreOf } from '../../../kernel/index.js';
import type { CommandContext } from '../../command.js';

export type ReadResult = { ok: true; data: Uint8Array } | { ok: false; error: unknown };

/** Reads an operand, `-` meaning stdin (which is consumed once, as a real fd would be). */
export function readOperand(ctx: CommandContext, file: string, stdinState: { used: boolean }): ReadResult {
  if (file === '-') {
    const data = stdinState.used ? new Uint8Array() : ctx.stdin;
    stdinState.used = true;
    return { ok: true, data };
  }
  try {
    return { ok: true, data: ctx.proc.readFile(file) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Standard input whole, as content: what a pipe carried described (docker save nginx | …) stays
 * described, for a command that reads content (sha256sum, wc, tar). Consumed once. */
export async function stdinContent(ctx: CommandContext, stdinState: { used: boolean }): Promise<FileContent> {
  if (stdinState.used) return new Uint8Array();
  stdinState.used = true;
  return ctx.input ? ctx.input.readAllContent(ctx.budget) : ctx.stdin;
}

/**
 * The bytes of a read that never ends (/dev/zero, /dev/urandom) until `enough` says so: a tool
 * that reads on (head -c 1M, wc) gets its input chunk by chunk, and Ctrl-C or the line's budget
 * stops one that never has enough (wc /dev/zero, head -n 1 /dev/zero).
 */
export async function readOn(
  ctx: CommandContext,
  data: Uint8Array,
  enough: (chunk: Uint8Array, total: number) => boolean,
): Promise<Uint8Array> {
  const more = moreOf(data);
  if (!more) return data;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let chunk = data; ; chunk = more()) {
    chunks.push(chunk);
    total += chunk.length;
    if (enough(chunk, total)) break;
    ctx.budget.holding(total);
    await ctx.budget.pause();
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A tool that reads an endless device to its end (tail, wc, head -c -N): it never gets there;
 * it reads on, holding nothing, until Ctrl-C or the line's budget stops it. */
export async function readsForever(ctx: CommandContext, data: Uint8Array): Promise<void> {
  const more = moreOf(data);
  if (!more) return;
  for (;;) {
    more();
    ctx.budget.check(false);
    await ctx.budget.pause();
  }
}

const dec = new TextDecoder();
/** Bytes read as UTF-8 text. */
export function text(data: Uint8Array): string {
  return dec.decode(data);
}
