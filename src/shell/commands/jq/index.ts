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
// The WebAssembly module is loaded on the first call and kept: 60-200 ms cold (read, compile, first
// run), then about 1 ms a call, twice that for raw output (two runs). Calls run one at a time:
// each is synchronous inside, and jq's own state is set up afresh by each run. The bytes come from
// the source given to setJqWasmSource(): src/io/jq-wasm-loader.ts in the tutor, since the shell
// does not touch the disk. Without one, jq-wasm reads the jq.wasm beside its own module, which
// works from node_modules but not from the bundled bin.
//
// Split: jq-args.ts parses the command line, jq-output.ts restores what jq-wasm trims or renames.
import type { Jq, JqResult as WasmResult } from 'jq-wasm';
import { type Budget, BudgetExceeded } from '../../../kernel/index.js';
import { parseJqArgs, type ParsedJqArgs } from './args.js';
import { jsonRunOptions, restoreLocations, restoreRaw, splitJsonLines, trailingSpace } from './output.js';

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
  /**
   * The line's budget. jq runs synchronously inside WebAssembly, where nothing can count its
   * rounds (`last(range(1e12))`, `def f: f; f`): each run goes through budget.sync(), which V8
   * ends when the slice is over, and the instance, stopped mid-run, is thrown away.
   */
  budget?: Budget;
}

/** Gives jq.wasm's bytes. */
export type JqWasmSource = () => Promise<Uint8Array>;

/** The version the pinned jq-wasm build reports, as `jq --version` prints it. */
export const JQ_VERSION = 'jq-1.8.2';

const ENOENT = 'No such file or directory';

// ---------------------------------------------------------------------------------------------
// Loading

let wasmSource: JqWasmSource | undefined;
let jqPromise: Promise<Jq> | undefined;
// The compiled module outlives an instance thrown away after a stopped run: a new instance of it
// takes a millisecond and runs at once with the code V8 compiled already, where compiling
// the bytes again took 60-600 ms (the first jq after a Ctrl-C'd one waited that long).
let compiled: Promise<WebAssembly.Module> | undefined;

/** Sets where jq.wasm comes from (src/host's loadJqWasmBinary); drops a module loaded before. */
export function setJqWasmSource(source: JqWasmSource | undefined): void {
  wasmSource = source;
  jqPromise = undefined;
  compiled = undefined;
}

// The lib this project compiles against declares WebAssembly's types but not its global.
const wasm = (globalThis as unknown as { WebAssembly: { compile(b: Uint8Array): Promise<WebAssembly.Module> } })
  .WebAssembly;

function getJq(): Promise<Jq> {
  if (jqPromise === undefined) {
    const source = wasmSource;
    const loading = (async () => {
      const { loadJq } = await import('jq-wasm');
      if (!source) return loadJq();
      const compiling = compiled ?? source().then((bytes) => wasm.compile(bytes));
      compiled = compiling;
      compiling.catch(() => {
        if (compiled === compiling) compiled = undefined;
      });
      return loadJq({ wasmModule: await compiling });
    })();
    jqPromise = loading;
    loading.catch(() => {
      if (jqPromise === loading) jqPromise = undefined; // let a later call try again
    });
  }
  return jqPromise;
}

/**
 * Loads the WebAssembly module now, and runs jq a few times the way learners do, so the first
 * `jq` they type does not wait: V8 compiles each WebAssembly function on its first call.
 */
export async function preloadJq(): Promise<void> {
  const jq = await getJq();
  const doc = '[{"Id":"x","GraphDriver":{"Data":{"LowerDir":"/a:/b"},"Name":"overlay2"}}]\n';
  exec(jq, ['-r'], '.[0].GraphDriver.Data.LowerDir | split(":")[]', doc);
  exec(jq, ['-c', '--arg', 'n', 'x'], '.[] | select(.Id == $n) | {Id, l: (.GraphDriver|keys)}', doc);
  exec(jq, ['-S', '--indent', '4'], '.[0]', doc);
  exec(jq, [], '.[0].Id.x', doc); // a runtime error
  exec(jq, [], '.[0', doc); // a compile error
}

class JqAborted extends Error {}

/** Modules that have run once (see runJq). */
const warmed = new WeakSet<Jq>();

/** The budget of the run in progress (runs never overlap: each is synchronous inside). */
let budget: Budget | undefined;

/** One run of the wasm jq. jq-wasm runs `jq -M <flags> <filter> /dev/stdin`. */
function exec(jq: Jq, flags: string[], filter: string, input: string): WasmResult {
  const exitCodeBefore = process.exitCode;
  const consoleError = console.error;
  // Emscripten reports an abort with console.error; keep it off the learner's terminal.
  console.error = () => {};
  try {
    return budget ? budget.sync(() => jq.raw(input, filter, flags)) : jq.raw(input, filter, flags);
  } catch (err) {
    if (err instanceof BudgetExceeded) throw err;
    throw new JqAborted(String(err));
  } finally {
    console.error = consoleError;
    // jq-wasm sets process.exitCode to 0 after each run; put back what it was.
    process.exitCode = exitCodeBefore;
  }
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
function resolveFileOptions(jq: Jq, p: ParsedJqArgs, readFile: JqReadFile | undefined): JqResult | null {
  for (const [k, [flag, name, path]] of p.options.entries()) {
    if ((flag !== '--rawfile' && flag !== '--slurpfile') || name === undefined || path === undefined) continue;
    const which = flag.slice(2);
    const bad = (msg: string): JqResult => ({
      stdout: '',
      stderr: `jq: Bad JSON in --${which} ${name} ${path}: ${msg}\n`,
      exitCode: 2,
    });
    const file = readWith(readFile, path);
    if (!file.ok) return bad(`Could not open ${path}: ${loadFileReason(file.reason)}`);
    if (flag === '--rawfile') {
      p.options[k] = ['--arg', name, file.text];
      continue;
    }
    const slurped = exec(jq, ['-c', '-s'], '.', file.text);
    if (slurped.exitCode !== 0) {
      return bad(slurped.stderr.replace(/^jq: (?:parse )?error[^:]*: /, ''));
    }
    p.options[k] = ['--argjson', name, slurped.stdout];
  }
  return null;
}

function restoreStdout(jq: Jq, p: ParsedJqArgs, filter: string, input: string, run: WasmResult): string {
  const trimmed = run.stdout;
  if (!p.raw) return trimmed === '' ? '' : `${trimmed}\n`; // JSON texts, each ending in "\n"
  // A usage or compile error stops jq before any output: nothing to restore.
  if (trimmed === '' && (run.exitCode === 2 || run.exitCode === 3)) return '';
  const plain = trimmed === '' ? '' : trimmed + trailingSpace(p.sep);
  const json = exec(jq, jsonRunOptions(p), filter, input);
  const values = splitJsonLines(json.stdout, p.seq);
  return (values && restoreRaw(trimmed, values, p)) ?? plain;
}

// ---------------------------------------------------------------------------------------------
// The command

/**
 * The options for the run whose output the learner sees. jq-wasm puts -M (no colour, which beats
 * -C) in front of the options unless they contain the word "-M"; for colour it gets one, as a
 * library directory that does not exist, which only changes what `get_search_list` shows.
 */
function colourOptions(p: ParsedJqArgs, options: JqOptions): string[][] {
  const flags = new Set(p.options.map((o) => o[0]));
  if (flags.has('--monochrome-output')) return p.options;
  if (!flags.has('--color-output') && !options.stdoutIsTerminal) return p.options;
  return [['--color-output'], ...p.options, ['-L', '-M']];
}

/** jq's usage(2, 1): the head of its --help, then a pointer to --help. */
function shortUsage(jq: Jq): string {
  const help = exec(jq, ['-h'], '.', '').stdout;
  const cut = help.indexOf('Command options:');
  const head = cut >= 0 ? help.slice(0, cut) : `${help}\n\n`;
  return `${head}For listing the command options, use jq --help.\n`;
}

/**
 * Runs jq with `args` (jq's argv without "jq": options, the filter, file operands) on `stdin`.
 * Never throws for anything jq itself would report; the result is what jq would print and return.
 */
export async function runJq(args: readonly string[], stdin: string, options: JqOptions = {}): Promise<JqResult> {
  let jq: Jq;
  try {
    jq = await getJq();
  } catch (err) {
    return { stdout: '', stderr: `jq: cannot load jq: ${(err as Error).message}\n`, exitCode: 127 };
  }
  if (!warmed.has(jq)) {
    // V8 compiles a WebAssembly function on its first call: a fresh module's first run costs up
    // to a few hundred ms, which must not count against the learner's slice.
    warmed.add(jq);
    exec(jq, [], '.', 'null');
    // Let the screen in before the learner's run, whose slice starts then.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  budget = options.budget;
  try {
    return run(jq, args, stdin, options);
  } catch (err) {
    if (err instanceof BudgetExceeded) {
      // Stopped mid-run: the instance's memory is in whatever state the run left it.
      jqPromise = undefined;
      throw err;
    }
    if (!(err instanceof JqAborted)) throw err;
    // The wasm aborted: in practice memory ran out (a runaway recursion, a huge array), where the
    // real jq prints this and dies of SIGABRT. Start from a fresh module next time.
    jqPromise = undefined;
    return { stdout: '', stderr: 'jq: error: cannot allocate memory\n', exitCode: 134 };
  } finally {
    budget = undefined;
  }
}

function run(jq: Jq, args: readonly string[], stdin: string, options: JqOptions): JqResult {
  const parsed = parseJqArgs(args);
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
  const p = parsed as ParsedJqArgs;

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
