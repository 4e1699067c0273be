// GNU getopt_long, as coreutils, grep and findutils parse their command lines: bundled short
// options (`-laR`), a short option's argument attached or next (`-n3`, `-n 3`), long options
// abbreviated to any unambiguous prefix, `--name=value` or `--name value`, options after operands,
// and `--` ending the options. One parser for every command family, and the messages glibc prints.
import { isKernelError } from '../../kernel/index.js';
import type { CommandContext } from '../command.js';

export interface OptionSpec {
  /** Short options without an argument, e.g. 'laAihdR1FtSr'. */
  short?: string;
  /** Short options that take an argument, e.g. 'm'. */
  shortArg?: string;
  /**
   * Long options: name → the key they set (a short letter or a word). A trailing `=` takes an
   * argument; a name listed both with and without `=` takes an optional one (`--color` or
   * `--color=always`, never `--color always`), as getopt_long's optional_argument.
   */
  long?: Record<string, string>;
}

export interface ParsedOptions {
  /** Options in the order given, as [key, value] (value '' for an option without one). */
  opts: [string, string][];
  /** The same options by key, the last one given winning. */
  flags: Map<string, string>;
  operands: string[];
}

/** A bad command line: the message (with the command's name), and whether a `Try …` line follows. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** Whether coreutils follows the message with "Try 'cmd --help' for more information." */
    readonly tryHelp = true,
  ) {
    super(message);
  }
}

type Arg = 'none' | 'required' | 'optional';
interface LongOption {
  name: string;
  key: string;
  arg: Arg;
}

function longOptions(long: Record<string, string>): LongOption[] {
  const byName = new Map<string, LongOption>();
  for (const [k, key] of Object.entries(long)) {
    const name = k.replace(/=$/, '');
    const arg: Arg = k.endsWith('=') ? 'required' : 'none';
    const seen = byName.get(name);
    if (seen) seen.arg = seen.arg === arg ? arg : 'optional';
    else byName.set(name, { name, key, arg });
  }
  return [...byName.values()];
}

/** glibc's choice among long options for `--key`: the exact name, or the only one it abbreviates. */
function findLong(name: string, word: string, key: string, table: LongOption[]): LongOption {
  const exact = table.find((o) => o.name === key);
  if (exact) return exact;
  const cands = table.filter((o) => o.name.startsWith(key));
  if (cands.length === 0) throw new UsageError(`${name}: unrecognized option '${word}'`);
  // Names that stand for the same option (--color, --colour) are no ambiguity.
  const first = cands[0]!;
  if (cands.some((o) => o.key !== first.key || o.arg !== first.arg)) {
    const list = cands.map((o) => ` '--${o.name}'`).join('');
    throw new UsageError(`${name}: option '${word}' is ambiguous; possibilities:${list}`);
  }
  return first;
}

export function parseOptions(name: string, argv: readonly string[], spec: OptionSpec): ParsedOptions {
  const opts: [string, string][] = [];
  const operands: string[] = [];
  const short = spec.short ?? '';
  const shortArg = spec.shortArg ?? '';
  const table = longOptions(spec.long ?? {});
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const opt = findLong(name, a, eq < 0 ? a.slice(2) : a.slice(2, eq), table);
      if (opt.arg === 'none' && eq >= 0) {
        throw new UsageError(`${name}: option '--${opt.name}' doesn't allow an argument`);
      }
      if (opt.arg === 'required' && eq < 0) {
        const v = argv[++i];
        if (v === undefined) throw new UsageError(`${name}: option '--${opt.name}' requires an argument`);
        opts.push([opt.key, v]);
      } else opts.push([opt.key, eq < 0 ? '' : a.slice(eq + 1)]);
      continue;
    }
    if (a.length > 1 && a[0] === '-') {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (shortArg.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined) throw new UsageError(`${name}: option requires an argument -- '${c}'`);
          opts.push([c, v]);
          break;
        }
        if (!short.includes(c)) throw new UsageError(`${name}: invalid option -- '${c}'`);
        opts.push([c, '']);
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, flags: new Map(opts), operands };
}

/**
 * coreutils' answer to a bad command line: the message, then where to look (`extra` goes between,
 * as grep's usage line). Anything but a UsageError is not ours to print: it is thrown on.
 */
export function reportUsage(ctx: CommandContext, err: unknown, name = ctx.argv[0], extra = ''): void {
  if (!(err instanceof UsageError)) throw err;
  ctx.stderr(err.tryHelp ? `${err.message}\n${extra}Try '${name} --help' for more information.\n` : `${err.message}\n`);
}

/** Prints a bad command line's message (see reportUsage) and gives the exit status to return. */
export function usage(ctx: CommandContext, name: string, err: unknown, status = 1): number {
  reportUsage(ctx, err, name);
  return status;
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
    reportUsage(ctx, e, ctx.argv[0], extra);
    return status;
  }
}

/**
 * "No such file or directory" and friends, as strerror gives them. Only the kernel's errors are
 * a file's fault; anything else (a bug, an interrupt) is thrown on, not printed as if it were.
 */
export function errText(err: unknown): string {
  if (isKernelError(err)) return err.text;
  throw err;
}
