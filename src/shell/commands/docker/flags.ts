// Flag parsing as the docker CLI does it (cobra + spf13/pflag): --flag=value, --flag value,
// combined short flags (-it), -v/a:/b, `--` ends flags, and for run/create/exec parsing stops at
// the first operand (SetInterspersed(false)). Errors carry the CLI's texts and exit codes.
import { parseBool } from './mount-flag.js';

export type FlagType = 'bool' | 'string' | 'list' | 'int';

export interface FlagSpec {
  long: string;
  short?: string;
  type: FlagType;
  /** A value the flag itself refuses (pflag's Value.Set failing): the reason, else undefined. */
  check?: (value: string) => string | undefined;
}

export interface CommandDef {
  /** "run", "image inspect" … as shown in "docker run --help". */
  path: string;
  usage: string;
  summary: string;
  flags: FlagSpec[];
  /** none: cobra's NoArgs ("accepts no arguments."), where the CLI uses it rather than a maximum. */
  args?: { min?: number; max?: number; exact?: number; none?: boolean };
  /** false: flags end at the first operand (run, create, exec). */
  interspersed?: boolean;
}

export interface Parsed {
  bools: Set<string>;
  /** Bool flags given as --flag=false: for the few that default to true (history -H). */
  falses: Set<string>;
  strings: Map<string, string>;
  lists: Map<string, string[]>;
  operands: string[];
  /** -h was typed for --help: pflag says the shorthand is deprecated as it parses it. */
  helpShorthand?: boolean;
}

/** What pflag prints (to the CLI's stdout) when -h stands for --help. */
export const HELP_SHORTHAND_DEPRECATED = 'Flag shorthand -h has been deprecated, please use --help\n';

/** A usage failure: `message` is printed to stderr as is; exit with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

const see = (def: CommandDef): string => `See 'docker ${def.path} --help'.`;

export function flagError(def: CommandDef, msg: string): CliError {
  return new CliError(`${msg}\n${see(def)}\n`, 125);
}

export function parseFlags(def: CommandDef, args: string[]): Parsed {
  const p: Parsed = { bools: new Set(), falses: new Set(), strings: new Map(), lists: new Map(), operands: [] };
  const flags = [...def.flags, { long: 'help', type: 'bool' as const }];
  const byLong = new Map(flags.map((f) => [f.long, f]));
  const byShort = new Map(flags.flatMap((f) => (f.short ? [[f.short, f] as const] : [])));
  const set = (f: FlagSpec, value: string | undefined): void => {
    if (f.type === 'bool') {
      // pflag reads a bool's value with strconv.ParseBool: -H=0 and --rm=t are fine.
      const b = value === undefined ? true : parseBool(value);
      if (b === true) {
        p.bools.add(f.long);
        p.falses.delete(f.long);
      } else if (b === false) {
        p.bools.delete(f.long);
        p.falses.add(f.long);
      } else
        throw flagError(
          def,
          `invalid argument "${value}" for "` +
            `${f.short ? `-${f.short}, ` : ''}--${f.long}" flag: ` +
            `strconv.ParseBool: parsing "${value}": invalid syntax`,
        );
      return;
    }
    if (f.type === 'int' && !/^-?\d+$/.test(value ?? '')) {
      throw flagError(
        def,
        `invalid argument "${value}" for "` +
          `${f.short ? `-${f.short}, ` : ''}--${f.long}" flag: ` +
          `strconv.ParseInt: parsing "${value}": invalid syntax`,
      );
    }
    // Only a bool flag is ever set without a value.
    if (value === undefined) throw new Error(`--${f.long}: no value`);
    const refused = f.check?.(value);
    if (refused !== undefined)
      throw flagError(
        def,
        `invalid argument "${value}" for "${f.short ? `-${f.short}, ` : ''}--${f.long}" flag: ${refused}`,
      );
    if (f.type === 'list') p.lists.set(f.long, [...(p.lists.get(f.long) ?? []), value]);
    else p.strings.set(f.long, value);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      p.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const f = byLong.get(name);
      if (!f) throw flagError(def, `unknown flag: --${name}`);
      if (eq >= 0) set(f, a.slice(eq + 1));
      else if (f.type === 'bool') set(f, undefined);
      else if (i + 1 < args.length) set(f, args[++i]);
      else throw flagError(def, `flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a.charAt(j);
        const f = byShort.get(c) ?? (c === 'h' ? byLong.get('help') : undefined);
        if (!f) throw flagError(def, `unknown shorthand flag: '${c}' in ${a}`);
        if (f.long === 'help' && c === 'h') p.helpShorthand = true;
        if (f.type === 'bool') {
          if (a[j + 1] === '=') {
            set(f, a.slice(j + 2));
            break;
          }
          set(f, undefined);
          continue;
        }
        const rest = a.slice(j + 1).replace(/^=/, '');
        if (rest !== '') set(f, rest);
        else if (i + 1 < args.length) set(f, args[++i]);
        else throw flagError(def, `flag needs an argument: '${c}' in ${a}`);
        break;
      }
      continue;
    }
    p.operands.push(a);
    if (def.interspersed === false) {
      p.operands.push(...args.slice(i + 1));
      break;
    }
  }
  return p;
}

/**
 * The operand at i, which the command's def.args makes checkArgs require before the command runs:
 * its absence is a mistake in that def, said as such.
 */
export function operand(p: Parsed, i: number): string {
  const o = p.operands[i];
  if (o === undefined) throw new Error(`operand ${i + 1} is read but not required by the command's args`);
  return o;
}

/** The CLI's cobra Args checks: `"docker run" requires at least 1 argument.` + usage, exit 1. */
export function checkArgs(def: CommandDef, n: number): void {
  const a = def.args;
  if (!a) return;
  const plural = (k: number): string => `${k} argument${k === 1 ? '' : 's'}`;
  let msg: string | undefined;
  if (a.none && n > 0) msg = 'accepts no arguments.';
  else if (a.exact !== undefined && n !== a.exact) msg = `requires exactly ${plural(a.exact)}.`;
  // cli.RequiresRangeArgs: one message for both bounds, "argument" counted by the upper one.
  else if (a.min !== undefined && a.max !== undefined && (n < a.min || n > a.max))
    msg = `requires at least ${a.min} and at most ${plural(a.max)}.`;
  else if (a.min !== undefined && n < a.min) msg = `requires at least ${plural(a.min)}.`;
  else if (a.max !== undefined && n > a.max) msg = `requires at most ${plural(a.max)}.`;
  if (msg)
    throw new CliError(`"docker ${def.path}" ${msg}\n${see(def)}\n\nUsage:  ${def.usage}\n\n${def.summary}\n`, 1);
}

export function helpText(def: CommandDef): string {
  const lines = def.flags.map(
    (f) =>
      `  ${f.short ? `-${f.short}, ` : '    '}--${f.long}` +
      `${f.type === 'bool' ? '' : f.type === 'list' ? ' list' : f.type === 'int' ? ' int' : ' string'}`,
  );
  return `\nUsage:  ${def.usage}\n\n${def.summary}\n${lines.length ? `\nOptions:\n${lines.join('\n')}\n` : ''}`;
}
