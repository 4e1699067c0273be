// The state one bash process carries: variables (and which are exported), positional
// parameters, functions, aliases, $?, and its process (cwd, umask) in the simulated kernel.
// A subshell, a pipeline stage and $(…) each run on a copy, so nothing they set leaks back.
import type { Proc } from '../../kernel/index.js';
import type { ShellArray } from './arrays.js';
import type { CompoundCommand } from './ast.js';

/** Which shell program this is: GNU bash, dash (Debian's and Ubuntu's /bin/sh) or busybox's ash.
 * They run the same scripts but word their errors, $-, set -o and xtrace each their own way. */
export type Dialect = 'bash' | 'dash' | 'ash';

/** The text the shell is reading (a -c string, a script, a file `.` reads, eval's string) and
 * the command it is running in it, so an error can say its line. */
export interface SourceText {
  text: string;
  /** The offset of the command being run. */
  offset: number;
  /** The number the text's first line has: 1, but 0 for busybox's -c string, and the line of the
   * `eval` command (bash, ash) for eval's string. */
  firstLine?: number;
  /** The file `.` read this text from: bash names it where it names the script (BASH_SOURCE). */
  file?: string;
}

export class ShellState {
  vars = new Map<string, string>();
  exported = new Set<string>();
  readonly = new Set<string>();
  /** bash's arrays (arrays.ts); a name is in `vars` or here, never both. */
  arrays = new Map<string, ShellArray>();
  /** Variables with the integer attribute (`declare -i`): assignments are arithmetic. */
  integers = new Set<string>();
  positional: string[] = [];
  functions = new Map<string, CompoundCommand>();
  aliases = new Map<string, string>();
  /** $? */
  status = 0;
  /** Each command's status in the last pipeline, as bash's PIPESTATUS array holds them. */
  pipeStatus: number[] = [0];
  /** $! never changes: background jobs run in the foreground here. */
  lastBackground = '';
  pid: number;
  /** set -e / -u / -x flags, as $- shows them (plus the interactive defaults). */
  flags = new Set<string>();
  /** set -o options that have no letter (pipefail). */
  options = new Set<string>();
  scriptName = 'bash';
  dialect: Dialect = 'bash';
  /** The commands come from standard input (`echo … | sh`): $- shows s. */
  readsStdin = false;
  /** busybox ash's `commandname`: the script file, or -c's $0 when one was given. Its errors then
   * say `NAME: line N:` (for -c counted from 0). */
  ashCommandName: string | undefined;
  /** dash's `commandname` while eval runs its string (`eval`) or `.` reads a file (its path):
   * its errors then say `sh: 1: eval: …`. */
  dashCommandName: string | undefined;
  /** How the shell was started: at a prompt, by `bash -c`, or on a script file. A non-interactive
   * shell prefixes its errors with `NAME: line N:` and exits on set -e / set -u failures. */
  mode: 'interactive' | 'command' | 'script' = 'interactive';
  /** The session's own prompt shell (not a subshell of it): set -e does not end it here. */
  interactiveTop = false;
  /** The text being run, so an error can say its line (bash's `line N:`). */
  source: SourceText | undefined;
  /** How many enclosing contexts ignore set -e (an if/while condition, a && list, a `!`). */
  errexitIgnored = 0;
  /** xtrace's depth: PS4's first character is repeated this many times (`++` inside $(…)). */
  traceLevel = 1;
  /** How deep function calls go, against runaway recursion. */
  callDepth = 0;
  /** How many `.`/`source` files are being read: `return` leaves the innermost one. */
  sourceDepth = 0;
  /** Per function call: the values `local` hid, restored when the call returns. */
  localFrames: Map<string, string | undefined>[] = [];

  /** $RANDOM's generator state. */
  randomState: number;

  constructor(
    public proc: Proc,
    pid: number,
  ) {
    this.pid = pid;
    this.randomState = pid;
  }

  clone(proc: Proc): ShellState {
    const s = new ShellState(proc, this.pid);
    s.vars = new Map(this.vars);
    s.exported = new Set(this.exported);
    s.readonly = new Set(this.readonly);
    s.arrays = new Map([...this.arrays].map(([k, a]) => [k, { assoc: a.assoc, values: new Map(a.values) }]));
    s.integers = new Set(this.integers);
    s.positional = [...this.positional];
    s.functions = new Map(this.functions);
    s.aliases = new Map(this.aliases);
    s.status = this.status;
    s.pipeStatus = [...this.pipeStatus];
    s.flags = new Set(this.flags);
    s.options = new Set(this.options);
    s.scriptName = this.scriptName;
    s.dialect = this.dialect;
    s.readsStdin = this.readsStdin;
    s.ashCommandName = this.ashCommandName;
    s.dashCommandName = this.dashCommandName;
    s.mode = this.mode;
    s.source = this.source && { ...this.source };
    s.errexitIgnored = this.errexitIgnored;
    s.traceLevel = this.traceLevel;
    s.callDepth = this.callDepth;
    s.sourceDepth = this.sourceDepth;
    s.randomState = this.randomState;
    return s;
  }

  /** The environment a command sees: the exported variables. */
  env(extra?: Map<string, string>): Map<string, string> {
    const env = new Map<string, string>();
    for (const name of this.exported) {
      const v = this.vars.get(name);
      if (v !== undefined) env.set(name, v);
    }
    if (extra) for (const [k, v] of extra) env.set(k, v);
    return env;
  }
}

/** Control flow that unwinds the interpreter: exit, return, break and continue. */
export class ExitSignal {
  constructor(readonly code: number) {}
}
export class ReturnSignal {
  constructor(readonly code: number) {}
}
export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    public levels: number,
  ) {}
}
