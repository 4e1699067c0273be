// The simulated shell's `jq`: the real jq 1.8.2, compiled to WebAssembly (the jq-wasm package,
// pinned), run in-process. Learners type jq as they would on a real Docker host:
//
//   docker inspect nginx | jq -r '.[0].GraphDriver.Data.UpperDir'
//   jq -r '.RootFS.Layers[]' /var/lib/docker/image/overlay2/imagedb/content/sha256/<id>
//
// runJq(args, stdin) takes jq's argv (without "jq") and the bytes on its stdin, and gives back what
// jq would write on stdout and stderr, and its exit status: 0, 1 or 4 with -e, 2 for usage and
// system errors, 3 for a compile error, 5 for a runtime or input parse error, halt_error's own.
// Every text comes from jq itself; this file only fixes what the WebAssembly wrapper changes:
//
// - jq-wasm feeds stdin as the file "/dev/stdin" and trims stdout and stderr. Locations are put
//   back to "<stdin>" (or the file name), and the trimmed whitespace is restored exactly: JSON
//   output always ends in a newline; with -r/-j/--raw-output0 a second, compact run tells which
//   outputs were strings, so the whitespace they began or ended with comes back.
// - Options are parsed here the way jq's main() parses them, only to pick out the filter and the
//   file operands and to report a missing option parameter as jq does (the wrapper appends the
//   filter after the options, which would otherwise be taken as that parameter). Everything else,
//   including unknown options, bad --indent or --argjson values, is left to jq.
// - Files (operands, -f, --rawfile, --slurpfile) come from the caller's readFile, since jq has no
//   disk here. Without one, a file operand fails as a missing file would.
//
// The WebAssembly module is loaded on the first call (about 50-70 ms, then about 1 ms a call) and
// kept. Calls run one at a time: each is synchronous inside, and jq's state is reset by each run.
import type { Jq, JqResult as WasmResult } from 'jq-wasm';

/** What one jq run wrote and how it exited. */
export interface JqResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Reads a file for jq: its contents, null if it does not exist, or the errno text to report. */
export type JqReadFile = (path: string) => string | null | { error: string };

export interface JqOptions {
  /** Reads file operands and the files of -f, --rawfile and --slurpfile from the simulated disk. */
  readFile?: JqReadFile;
  /**
   * True when stdin is the terminal (nothing piped or redirected in). jq with no filter then prints
   * its short usage and exits 2; otherwise it runs `.`, as real jq does.
   */
  stdinIsTerminal?: boolean;
  /** True when stdout is the terminal: jq then colours its JSON output unless given -M. */
  stdoutIsTerminal?: boolean;
}

/** The version the pinned jq-wasm build reports, as `jq --version` prints it. */
export const JQ_VERSION = 'jq-1.8.2';

const DIE =
  'Use jq --help for help with command-line options,\n' +
  'or see the jq manpage, or online docs at https://jqlang.org\n';
const ENOENT = 'No such file or directory';
const WASM_STDIN = '/dev/stdin';

// ---------------------------------------------------------------------------------------------
// Loading

let jqPromise: Promise<Jq> | undefined;

function getJq(): Promise<Jq> {
  jqPromise ??= (async () => {
    const [{ loadJq }, { loadJqWasmBinary }] = await Promise.all([
      import('jq-wasm'),
      import('../host/jq-wasm-loader.js'),
    ]);
    return loadJq({ wasmBinary: await loadJqWasmBinary() });
  })();
  jqPromise.catch(() => {
    jqPromise = undefined; // let a later call try again
  });
  return jqPromise;
}

/** Loads the WebAssembly module now, so the learner's first `jq` does not wait for it. */
export async function preloadJq(): Promise<void> {
  const jq = await getJq();
  exec(jq, ['-n'], 'empty', ''); // the first run compiles most of jq's code: do it here too
}

class JqAborted extends Error {}

/** One run of the wasm jq. The wrapper runs `jq -M <flags> <filter> /dev/stdin`. */
function exec(jq: Jq, flags: string[], filter: string, input: string): WasmResult {
  const exitCodeBefore = process.exitCode;
  const consoleError = console.error;
  // Emscripten reports an abort with console.error; keep it off the learner's terminal.
  console.error = () => {};
  try {
    return jq.raw(input, filter, flags);
  } catch (err) {
    throw new JqAborted(String(err));
  } finally {
    console.error = consoleError;
    // The wrapper resets process.exitCode to 0 after each run; put back what it was.
    process.exitCode = exitCodeBefore;
  }
}

// ---------------------------------------------------------------------------------------------
// Options, parsed the way jq 1.8.2's main() parses them

interface Parsed {
  /** Options to hand to jq, in order, each with its parameters. */
  options: string[][];
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
interface Early {
  /** Hand jq these options and let it answer (an unknown option, --help, --version...). */
  passThrough?: string[];
  result?: JqResult;
}

const SHORT_TO_LONG: Record<string, string> = {
  s: 'slurp', r: 'raw-output', j: 'join-output', c: 'compact-output', C: 'color-output',
  M: 'monochrome-output', a: 'ascii-output', S: 'sort-keys', R: 'raw-input', n: 'null-input',
  f: 'from-file', L: 'library-path', b: 'binary', e: 'exit-status', h: 'help', V: 'version',
};
const LONG_NO_PARAM = new Set([
  'slurp', 'raw-output', 'raw-output0', 'join-output', 'compact-output', 'color-output',
  'monochrome-output', 'ascii-output', 'unbuffered', 'sort-keys', 'raw-input', 'null-input',
  'from-file', 'binary', 'tab', 'seq', 'stream', 'stream-errors', 'exit-status',
  'debug-dump-disasm', 'debug-trace=all', 'debug-trace',
]);
/** Options after which jq stops reading its arguments: it prints and exits. */
const LONG_STOPS = new Set(['help', 'version', 'build-configuration', 'run-tests']);
const TWO_PARAMS: Record<string, string> = {
  arg: 'jq: --arg takes two parameters (e.g. --arg varname value)',
  argjson: 'jq: --argjson takes two parameters (e.g. --argjson varname text)',
  rawfile: 'jq: --rawfile takes two parameters (e.g. --rawfile varname filename)',
  slurpfile: 'jq: --slurpfile takes two parameters (e.g. --slurpfile varname filename)',
};

function usageError(message: string): Early {
  return { result: { stdout: '', stderr: `${message}\n${DIE}`, exitCode: 2 } };
}

function isOptish(arg: string): boolean {
  return arg[0] === '-' && (arg[1] === '-' || /^[A-Za-z]$/.test(arg[1] ?? ''));
}

function parseArgs(args: readonly string[]): Parsed | Early {
  const p: Parsed = {
    options: [], files: [], fromFile: false, raw: false, sep: '\n', ascii: false, seq: false,
  };
  const n = args.length;
  let argsDone = false;
  for (let i = 0; i < n; i++) {
    const arg = args[i];
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
        const long = SHORT_TO_LONG[arg[k]];
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
        return {
          result: { stdout: '', stderr: `jq: --${long} is not supported in this shell\n`, exitCode: 2 },
        };
      } else if (LONG_NO_PARAM.has(long)) {
        p.options.push([`--${long}`]);
        if (long === 'raw-output') p.raw = true;
        if (long === 'join-output') { p.raw = true; p.sep = ''; }
        if (long === 'raw-output0') { p.raw = true; p.sep = '\0'; }
        if (long === 'ascii-output') p.ascii = true;
        if (long === 'seq') p.seq = true;
        if (long === 'from-file') p.fromFile = true;
      } else if (long === 'indent') {
        if (i >= n - 1) return usageError('jq: --indent takes one parameter');
        p.options.push(['--indent', args[++i]]);
      } else if (long === 'library-path') {
        if (i >= n - 1) {
          return usageError('-L takes a parameter: (e.g. -L /search/path or -L/search/path)');
        }
        p.options.push(['-L', args[++i]]);
      } else if (long in TWO_PARAMS) {
        if (i >= n - 2) return usageError(TWO_PARAMS[long]);
        p.options.push([`--${long}`, args[i + 1], args[i + 2]]);
        i += 2;
      } else {
        return { passThrough: args.slice(0, i + 1) }; // jq: Unknown option
      }
    }
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Files

type FileRead = { ok: true; text: string } | { ok: false; reason: string };

function readWith(readFile: JqReadFile | undefined, path: string): FileRead {
  const got = readFile ? readFile(path) : null;
  if (got === null) return { ok: false, reason: ENOENT };
  if (typeof got === 'string') return { ok: true, text: got };
  return { ok: false, reason: got.error };
}

/** How jq reports a file operand it cannot read. */
function openError(path: string, reason: string): string {
  // A directory opens fine and fails on read, where jq prints the bare errno text.
  if (reason === 'Is a directory') return `jq: error: ${reason}\n`;
  return `jq: error: Could not open file ${path}: ${reason}\n`;
}

/** jq's jv_load_file() words a directory as "It's a directory". */
function loadFileReason(reason: string): string {
  return reason === 'Is a directory' ? "It's a directory" : reason;
}

/**
 * Replaces --rawfile and --slurpfile by the --arg / --argjson jq would have built from the file,
 * and -f's file by its text. Returns an error result as jq words it when a file cannot be read.
 */
function resolveFileOptions(jq: Jq, p: Parsed, readFile: JqReadFile | undefined): JqResult | null {
  for (let k = 0; k < p.options.length; k++) {
    const [flag, name, path] = p.options[k];
    if (flag !== '--rawfile' && flag !== '--slurpfile') continue;
    const which = flag.slice(2);
    const bad = (msg: string): JqResult => ({
      stdout: '', stderr: `jq: Bad JSON in --${which} ${name} ${path}: ${msg}\n`, exitCode: 2,
    });
    const file = readWith(readFile, path);
    if (!file.ok) return bad(`Could not open ${path}: ${loadFileReason(file.reason)}`);
    if (flag === '--rawfile') {
      p.options[k] = ['--arg', name, file.text];
      continue;
    }
    const slurped = exec(jq, ['-c', '-s'], '.', file.text);
    if (slurped.exitCode !== 0) return bad(slurped.stderr.replace(/^jq: (?:parse )?error[^:]*: /, ''));
    p.options[k] = ['--argjson', name, slurped.stdout];
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Output

/** The part of `text` before its first non-whitespace character, as String#trim sees it. */
function leadingSpace(text: string): string {
  return /^\s*/.exec(text)![0];
}

function trailingSpace(text: string): string {
  return /\s*$/.exec(text)![0];
}

/**
 * Puts back the whitespace jq-wasm trimmed from raw (-r, -j, --raw-output0) output. `values` are
 * the filter's outputs, from a compact JSON run. Each output is written as its raw text (a string)
 * or as JSON, whose first and last characters are never whitespace, then `sep`. Returns null when
 * the two runs disagree.
 */
function restoreRaw(trimmed: string, values: unknown[], p: Parsed): string | null {
  const pieces = values.map((v) =>
    typeof v === 'string' && !p.ascii ? { text: v + p.sep } : { text: null, sep: p.sep },
  );
  let lead = '';
  for (const piece of pieces) {
    if (piece.text === null) break;
    const space = leadingSpace(piece.text);
    lead += space;
    if (space.length < piece.text.length) break;
  }
  let trail = '';
  for (let k = pieces.length - 1; k >= 0; k--) {
    const piece = pieces[k];
    if (piece.text === null) {
      trail = trailingSpace(piece.sep) + trail;
      break;
    }
    const space = trailingSpace(piece.text);
    trail = space + trail;
    if (space.length < piece.text.length) break;
  }
  if (trimmed === '') {
    // Nothing but whitespace was written: then every output was a string, all of them known.
    if (pieces.some((piece) => piece.text === null || piece.text.trim() !== '')) return null;
    return pieces.map((piece) => piece.text).join('');
  }
  const full = lead + trimmed + trail;
  return full.trim() === trimmed ? full : null;
}

/** The options of a compact JSON run that yields the same values as the raw run. */
function jsonRunOptions(p: Parsed): string[] {
  const drop = new Set([
    '--raw-output', '--join-output', '--raw-output0', '--tab', '--indent', '--color-output',
  ]);
  return [...p.options.filter((o) => !drop.has(o[0])).flat(), '-c'];
}

function splitJsonLines(text: string, seq: boolean): unknown[] | null {
  if (text === '') return [];
  try {
    return text.split('\n').map((line) => JSON.parse(seq ? line.replace(/^\x1e/, '') : line));
  } catch {
    return null;
  }
}

function restoreStdout(jq: Jq, p: Parsed, filter: string, input: string, run: WasmResult): string {
  const trimmed = run.stdout;
  if (!p.raw) return trimmed === '' ? '' : `${trimmed}\n`; // JSON texts, each ending in "\n"
  const plain = trimmed === '' ? '' : trimmed + trailingSpace(p.sep);
  if (run.exitCode === 2 || run.exitCode === 3) return plain; // it stopped before any output
  const json = exec(jq, jsonRunOptions(p), filter, input);
  const values = splitJsonLines(json.stdout, p.seq);
  return (values && restoreRaw(trimmed, values, p)) ?? plain;
}

/**
 * jq-wasm reads its input as the file /dev/stdin: put back "<stdin>", or the operand's name with
 * the line counted within it when the input came from files.
 */
function restoreLocations(stderr: string, files: { path: string; text: string }[] | null): string {
  return stderr.replace(/\(at \/dev\/stdin:(\d+)\)/g, (_m, lineText: string) => {
    if (files === null || files.length === 0) return `(at <stdin>:${lineText})`;
    let line = Number(lineText);
    for (let k = 0; k < files.length; k++) {
      const lines = files[k].text.split('\n').length - 1;
      if (line <= lines || k === files.length - 1) return `(at ${files[k].path}:${line})`;
      line -= lines;
    }
    return `(at <stdin>:${lineText})`;
  });
}

// ---------------------------------------------------------------------------------------------
// The command

/**
 * The options for the run whose output the learner sees. jq-wasm puts -M (no colour, which beats
 * -C) in front of the options unless they contain the word "-M"; for colour it gets one, as a
 * library directory that does not exist, which only changes what `get_search_list` shows.
 */
function colourOptions(p: Parsed, options: JqOptions): string[][] {
  const flags = new Set(p.options.map((o) => o[0]));
  if (flags.has('--monochrome-output')) return p.options;
  if (!flags.has('--color-output') && !options.stdoutIsTerminal) return p.options;
  return [['--color-output'], ...p.options, ['-L', '-M']];
}

/** jq's usage(2, 1): the head of its --help, then a pointer to --help. */
function shortUsage(jq: Jq): string {
  const help = exec(jq, ['-h'], '.', '').stdout;
  const cut = help.indexOf('Command options:');
  return `${cut >= 0 ? help.slice(0, cut) : `${help}\n\n`}For listing the command options, use jq --help.\n`;
}

/**
 * Runs jq with `args` (jq's argv without "jq": options, the filter, file operands) on `stdin`.
 * Never throws for anything jq itself would report; the result is what jq would print and return.
 */
export async function runJq(
  args: readonly string[],
  stdin: string,
  options: JqOptions = {},
): Promise<JqResult> {
  let jq: Jq;
  try {
    jq = await getJq();
  } catch (err) {
    return { stdout: '', stderr: `jq: cannot load jq: ${(err as Error).message}\n`, exitCode: 127 };
  }
  try {
    return run(jq, args, stdin, options);
  } catch (err) {
    if (!(err instanceof JqAborted)) throw err;
    // The wasm aborted: in practice memory ran out (a runaway recursion, a huge array), where the
    // real jq prints this and dies of SIGABRT. Start from a fresh module next time.
    jqPromise = undefined;
    return { stdout: '', stderr: 'jq: error: cannot allocate memory\n', exitCode: 134 };
  }
}

function run(jq: Jq, args: readonly string[], stdin: string, options: JqOptions): JqResult {
  const parsed = parseArgs(args);
  if ('result' in parsed && parsed.result) return parsed.result;
  if ('passThrough' in parsed && parsed.passThrough) {
    // jq stops at this option (unknown, --help, --version...) before it reads anything else.
    const out = exec(jq, parsed.passThrough, '.', '');
    return {
      stdout: out.stdout === '' ? '' : `${out.stdout}\n`,
      stderr: out.stderr === '' ? '' : `${out.stderr}\n`,
      exitCode: out.exitCode,
    };
  }
  const p = parsed as Parsed;

  let filter = p.program;
  if (p.fromFile && filter !== undefined) {
    const file = readWith(options.readFile, filter);
    if (!file.ok) {
      return {
        stdout: '',
        stderr: `jq: Could not open ${filter}: ${loadFileReason(file.reason)}\n`,
        exitCode: 2,
      };
    }
    filter = file.text;
  }
  if (filter === undefined) {
    // jq runs `.` when no filter is given, unless both ends are a terminal or -f lacks its file.
    if (options.stdinIsTerminal || p.fromFile) {
      return { stdout: '', stderr: shortUsage(jq), exitCode: 2 };
    }
    filter = '.';
  }
  // The filter's text is in hand now: jq must not take it for a file name.
  p.options = p.options.filter((o) => o[0] !== '--from-file');

  const fileError = resolveFileOptions(jq, p, options.readFile);
  if (fileError) return fileError;

  // File operands replace stdin; jq reads them one after the other as one stream.
  let input = stdin;
  let read: { path: string; text: string }[] | null = null;
  const openErrors: string[] = [];
  if (p.files.length > 0) {
    read = [];
    for (const path of p.files) {
      if (path === '-') {
        read.push({ path: '<stdin>', text: stdin });
        continue;
      }
      const file = readWith(options.readFile, path);
      if (file.ok) read.push({ path, text: file.text });
      else openErrors.push(openError(path, file.reason));
    }
    input = read.map((f) => f.text).join('');
  }

  const result = exec(jq, colourOptions(p, options).flat(), filter, input);
  const stdout = restoreStdout(jq, p, filter, input, result);
  let stderr = result.stderr === '' ? '' : `${restoreLocations(result.stderr, read)}\n`;
  let exitCode = result.exitCode;
  if (openErrors.length > 0 && exitCode !== 2 && exitCode !== 3) {
    stderr = openErrors.join('') + stderr;
    exitCode = 2;
  }
  return { stdout, stderr, exitCode };
}
