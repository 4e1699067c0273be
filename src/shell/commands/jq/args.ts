// jq's command line, parsed the way jq 1.8.2's main() parses it, for src/shell/commands/jq/index.ts. Only enough
// is understood to pick out the filter and the file operands, to know the output mode, and to
// report a missing option parameter as jq words it (jq-wasm appends the filter after the options,
// where jq would take it for that parameter). Everything else, unknown options included, is left
// to jq itself.
/** The last lines of every jq usage error (its die()). */
export const JQ_DIE =
  'Use jq --help for help with command-line options,\n' +
  'or see the jq manpage, or online docs at https://jqlang.org\n';

export interface ParsedJqArgs {
  /** Options to hand to jq, in order, each with its parameters. */
  /** Each option as jq's words: the flag, then its parameters. */
  options: [string, ...string[]][];
  program?: string;
  files: string[];
  fromFile: boolean;
  /** -r, -j or --raw-output0: strings are written raw. */
  raw: boolean;
  /** The text written after each output: "\n", "" with -j, "\0" with --raw-output0. */
  sep: string;
  ascii: boolean;
  seq: boolean;
}

/** A result decided without running the filter: an option error, or a run that stops early. */
export interface EarlyJqResult {
  /** Hand jq these options and let it answer (an unknown option, --help, --version...). */
  passThrough?: string[];
  result?: { stdout: string; stderr: string; exitCode: number };
}

const SHORT_TO_LONG: Record<string, string> = {
  s: 'slurp',
  r: 'raw-output',
  j: 'join-output',
  c: 'compact-output',
  C: 'color-output',
  M: 'monochrome-output',
  a: 'ascii-output',
  S: 'sort-keys',
  R: 'raw-input',
  n: 'null-input',
  f: 'from-file',
  L: 'library-path',
  b: 'binary',
  e: 'exit-status',
  h: 'help',
  V: 'version',
};
const LONG_NO_PARAM = new Set([
  'slurp',
  'raw-output',
  'raw-output0',
  'join-output',
  'compact-output',
  'color-output',
  'monochrome-output',
  'ascii-output',
  'unbuffered',
  'sort-keys',
  'raw-input',
  'null-input',
  'from-file',
  'binary',
  'tab',
  'seq',
  'stream',
  'stream-errors',
  'exit-status',
  'debug-dump-disasm',
  'debug-trace=all',
  'debug-trace',
]);
/** Options after which jq stops reading its arguments: it prints and exits. */
const LONG_STOPS = new Set(['help', 'version', 'build-configuration', 'run-tests']);
const TWO_PARAMS: Record<string, string> = {
  arg: 'jq: --arg takes two parameters (e.g. --arg varname value)',
  argjson: 'jq: --argjson takes two parameters (e.g. --argjson varname text)',
  rawfile: 'jq: --rawfile takes two parameters (e.g. --rawfile varname filename)',
  slurpfile: 'jq: --slurpfile takes two parameters (e.g. --slurpfile varname filename)',
};

function usageError(message: string): EarlyJqResult {
  return { result: { stdout: '', stderr: `${message}\n${JQ_DIE}`, exitCode: 2 } };
}

function isOptish(arg: string): boolean {
  return arg[0] === '-' && (arg[1] === '-' || /^[A-Za-z]$/.test(arg[1] ?? ''));
}

export function parseJqArgs(args: readonly string[]): ParsedJqArgs | EarlyJqResult {
  const p: ParsedJqArgs = {
    options: [],
    files: [],
    fromFile: false,
    raw: false,
    sep: '\n',
    ascii: false,
    seq: false,
  };
  let argsDone = false;
  // (the update reads the word after any parameters the body consumed by moving i)
  for (let i = 0, arg = args[0]; arg !== undefined; arg = args[++i]) {
    if (argsDone || !isOptish(arg)) {
      if (p.program === undefined) p.program = arg;
      else p.files.push(arg);
      continue;
    }
    if (arg === '--') {
      argsDone = true;
      continue;
    }
    // One long option, or a cluster of short ones: expand the cluster into long names.
    const longs: string[] = [];
    if (arg[1] === '-') {
      longs.push(arg.slice(2));
    } else {
      for (let k = 1; k < arg.length; k++) {
        const long = SHORT_TO_LONG[arg.charAt(k)];
        if (long === undefined) return { passThrough: args.slice(0, i + 1) }; // jq: Unknown option
        if (long === 'library-path' && k + 1 < arg.length) {
          longs.push(`library-path=${arg.slice(k + 1)}`); // -Lpath
          break;
        }
        longs.push(long);
      }
    }
    for (const long of longs) {
      if (long.startsWith('library-path=')) {
        p.options.push(['-L', long.slice('library-path='.length)]);
      } else if (LONG_STOPS.has(long)) {
        return { passThrough: args.slice(0, i + 1) };
      } else if (long === 'args' || long === 'jsonargs') {
        // The wrapper always appends "/dev/stdin" after the filter, which would become one more
        // positional argument: these cannot be run faithfully here.
        const stderr = `jq: --${long} is not supported in this shell\n`;
        return { result: { stdout: '', stderr, exitCode: 2 } };
      } else if (LONG_NO_PARAM.has(long)) {
        p.options.push([`--${long}`]);
        if (long === 'raw-output') p.raw = true;
        if (long === 'join-output') {
          p.raw = true;
          p.sep = '';
        }
        if (long === 'raw-output0') {
          p.raw = true;
          p.sep = '\0';
        }
        if (long === 'ascii-output') p.ascii = true;
        if (long === 'seq') p.seq = true;
        if (long === 'from-file') p.fromFile = true;
      } else if (long === 'indent') {
        const width = args[i + 1];
        if (width === undefined) return usageError('jq: --indent takes one parameter');
        p.options.push(['--indent', width]);
        i++;
      } else if (long === 'library-path') {
        const dir = args[i + 1];
        if (dir === undefined) {
          return usageError('-L takes a parameter: (e.g. -L /search/path or -L/search/path)');
        }
        p.options.push(['-L', dir]);
        i++;
      } else if (Object.hasOwn(TWO_PARAMS, long)) {
        const [name, value] = [args[i + 1], args[i + 2]];
        if (name === undefined || value === undefined) return usageError(TWO_PARAMS[long] ?? '');
        p.options.push([`--${long}`, name, value]);
        i += 2;
      } else {
        return { passThrough: args.slice(0, i + 1) }; // jq: Unknown option
      }
    }
  }
  return p;
}
