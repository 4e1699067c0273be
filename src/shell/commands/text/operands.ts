// A text command's input: its file operands, `-` (or none) meaning stdin, read whole and decoded.
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

const dec = new TextDecoder();
/** Bytes read as UTF-8 text. */
export function text(data: Uint8Array): string {
  return dec.decode(data);
}
