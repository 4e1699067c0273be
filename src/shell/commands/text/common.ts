// What the text commands share: GNU getopt-style parsing (bundled short options, `--`, options
// after operands), reading operands or stdin, and the error texts coreutils prints.
import { isKernelError } from '../../../kernel/index.js';
import { type CommandContext, toBytes } from '../../command.js';

export interface OptSpec {
  /** Short options without an argument, e.g. 'ivcn'. */
  flags?: string;
  /** Short options that take an argument, e.g. 'ef'. */
  args?: string;
  /** Long options: name -> short letter it stands for (or itself); a trailing '=' takes an argument. */
  long?: Record<string, string>;
}

export interface Parsed {
  /** Options in order, as [letter-or-long-name, value]. */
  opts: [string, string][];
  operands: string[];
}

export class UsageError extends Error {
  /** Whether coreutils follows the message with "Try 'cmd --help'". */
  constructor(
    message: string,
    readonly tryHelp = true,
  ) {
    super(message);
  }
}

export function parseOpts(name: string, argv: readonly string[], spec: OptSpec): Parsed {
  const opts: [string, string][] = [];
  const operands: string[] = [];
  const flags = spec.flags ?? '';
  const args = spec.args ?? '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && spec.long) {
      const eq = a.indexOf('=');
      const key = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const names = Object.keys(spec.long).map((k) => k.replace(/=$/, ''));
      const exact = names.find((k) => k === key);
      const cands = exact ? [exact] : names.filter((k) => k.startsWith(key));
      if (cands.length !== 1) {
        throw new UsageError(
          cands.length === 0 ? `${name}: unrecognized option '${a}'` : `${name}: option '${a}' is ambiguous`,
        );
      }
      const full = cands[0];
      const takes = spec.long[`${full}=`] !== undefined;
      const letter = spec.long[takes ? `${full}=` : full];
      if (takes) {
        let v: string | undefined = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new UsageError(`${name}: option '--${full}' requires an argument`);
        opts.push([letter, v]);
        v = undefined;
      } else {
        if (eq >= 0) throw new UsageError(`${name}: option '--${full}' doesn't allow an argument`);
        opts.push([letter, '']);
      }
      continue;
    }
    if (a.length > 1 && a[0] === '-') {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (args.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) throw new UsageError(`${name}: option requires an argument -- '${c}'`);
          opts.push([c, v]);
          break;
        }
        if (!flags.includes(c)) throw new UsageError(`${name}: invalid option -- '${c}'`);
        opts.push([c, '']);
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, operands };
}

/** coreutils' answer to a bad option: the message, then where to look. Exit status is the caller's. */
export function usage(ctx: CommandContext, err: UsageError, extra = ''): void {
  const name = ctx.argv[0];
  ctx.stderr(err.tryHelp ? `${err.message}\n${extra}Try '${name} --help' for more information.\n` : `${err.message}\n`);
}

/** "No such file or directory" and friends, as strerror gives them. */
export function errText(e: unknown): string {
  if (isKernelError(e)) return e.text;
  return e instanceof Error ? e.message : String(e);
}

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

/** coreutils' `cmd: file: No such file or directory`; a directory reads as EISDIR ("Is a directory"). */
export function reportRead(ctx: CommandContext, file: string, error: unknown): void {
  ctx.stderr(`${ctx.argv[0]}: ${file}: ${errText(error)}\n`);
}

const dec = new TextDecoder();
export function text(data: Uint8Array): string {
  return dec.decode(data);
}

/** Splits text into lines, each without its newline; `last` says whether the final one had one. */
export function splitLines(s: string, sep = '\n'): { lines: string[]; terminated: boolean } {
  if (s === '') return { lines: [], terminated: true };
  const terminated = s.endsWith(sep);
  const lines = (terminated ? s.slice(0, -sep.length) : s).split(sep);
  return { lines, terminated };
}

export function write(ctx: CommandContext, s: string | Uint8Array): void {
  if (typeof s === 'string' ? s.length > 0 : s.length > 0) ctx.stdout(typeof s === 'string' ? s : toBytes(s));
}

/** Runs a command body, turning a UsageError into coreutils' message and the given status. */
export async function withUsage(
  ctx: CommandContext,
  status: number,
  body: () => number | Promise<number>,
  extra = '',
): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      usage(ctx, e, extra);
      return status;
    }
    throw e;
  }
}

/** Quotes a file name the way coreutils' error messages do ('name' when it has spaces). */
export function quoteName(s: string): string {
  return /^[A-Za-z0-9_./:,+@%-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}
