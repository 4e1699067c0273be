// Runs the parsed AST (ast.ts) the way bash does: lists, and-or chains, pipelines (stages run side
// by side, each stage's stdout a pipe into the next one's stdin: src/shell/pipe.ts), compound
// commands, functions and simple commands with their expansions and redirects. Commands come from the builtins
// (builtins.ts) and the command table (CommandSpec, command.ts).
import {
  type Budget,
  BudgetExceeded,
  contentBytes,
  contentSize,
  isKernelError,
  type Kernel,
  type Proc,
  readRange,
} from '../../kernel/index.js';
import type { AndOrList, Command, CommandList, CompoundCommand, Pipeline, SimpleCommand, Word } from './ast.js';
import {
  TRACE_LIMIT,
  toBytes,
  type CommandIO,
  type CommandSpec,
  type CommandTrace,
  type CommandVariant,
  type ShellServices,
} from '../command.js';
import { Expander, ExpansionError, type ExpandHost } from './expand.js';
import { applyRedirects, RedirectError } from './interpreter-redirect.js';
import {
  type Dialect,
  ExitSignal,
  LoopSignal,
  ReturnSignal,
  type ShellState,
  type SourceText,
} from './interpreter-state.js';
import { runCompound } from './interpreter-compound.js';
import { runScript } from './script-run.js';
import { arrayKeys, arrayValues, assign, indexKey, subscripted } from './arrays.js';
import type { Builtin } from './builtins.js';
import { BASH_BUILTIN_NAMES, NOT_IN_ASH, NOT_IN_DASH } from './builtin-names.js';
import { busyboxBanner } from '../commands/busybox/index.js';
import { ashTraceQuote, bashTraceQuote, dollarDash } from './shell-options.js';
import { errorPrefix, notFoundText, unsetExitStatus, unsetText } from './dialect-texts.js';
import { BUSYBOX_APPLETS_ALL } from '../commands/busybox/usage-texts.js';
import { BrokenPipe, Pipe, RecordingInput, SIGPIPE_STATUS, WriteFailed } from '../pipe.js';
import { takesContent, withContentSink, writeContentTo } from '../content-output.js';

/** What every interpreter of one session shares. */
export interface InterpreterEnv {
  kernel: Kernel;
  commands: ReadonlyMap<string, CommandSpec>;
  builtins: ReadonlyMap<string, Builtin>;
  services: ShellServices;
  /** Where `which` and `type` say a command lives. */
  commandPath(name: string): string;
  /** What the current line may spend (commands, loop rounds, time, output, memory) and its Ctrl-C. */
  budget: Budget;
  /** Told of every builtin and table command that ran, with its input and output. */
  onCommand?: (c: CommandTrace) => void;
  /** Refuses a command before it runs (an exercise set's banned commands): the message to print,
   * or undefined to run it. */
  refuse?: (argv: readonly string[]) => string | undefined;
  /** Commands a real host has that the simulator does not model: they say so when typed. */
  unsimulated?: ReadonlySet<string>;
  /** busybox's applets (commands/busybox): what runs when a container's command is busybox. */
  busybox?: ReadonlyMap<string, CommandSpec>;
  /** Whether the terminal's cursor is at the start of a line: a stopped command's message then
   * needs no newline of its own (after `cat /dev/zero`'s flood it does). */
  atLineStart?: () => boolean;
}

/** Where a container's shell looks when its image sets no PATH (Docker's default). */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const MAX_CALL_DEPTH = 200;

/** The `#!` lines whose program is a shell the tutor runs itself. */
const SHEBANG_SHELLS = /^(\/usr)?\/bin\/(ba|da|a)?sh$|^(\/usr)?\/bin\/env (ba|da)?sh$/;

export class Interpreter implements ExpandHost {
  readonly expander: Expander;

  constructor(
    readonly state: ShellState,
    readonly env: InterpreterEnv,
  ) {
    this.expander = new Expander(this);
  }

  get proc(): Proc {
    return this.state.proc;
  }

  // ---- ExpandHost ----------------------------------------------------------------------------

  getVar(name: string): string | undefined {
    if (name === 'RANDOM') {
      // The shell's own generator (seeded by its pid), so $RANDOM never shifts the host's ids.
      this.state.randomState = (Math.imul(this.state.randomState, 1103515245) + 12345) >>> 0;
      return String((this.state.randomState >>> 16) & 0x7fff);
    }
    if (name === 'PWD') return this.state.vars.get('PWD') ?? this.proc.getcwd();
    if (name.startsWith('PIPESTATUS')) {
      // $PIPESTATUS is its first element; [@] and [*] all of them (the lexer reads no other array).
      const index = /^PIPESTATUS(?:\[(-?\d+|@|\*)\])?$/.exec(name)?.[1] ?? '0';
      if (index === '@' || index === '*') return this.state.pipeStatus.join(' ');
      // A negative index counts from the end, as bash's arrays do.
      const v = this.state.pipeStatus.at(Number(index));
      return v === undefined ? undefined : String(v);
    }
    const sub = subscripted(name);
    if (sub) return this.element(sub.base, sub.index);
    const array = this.state.arrays.get(name);
    // An array's bare name is its element 0.
    if (array) return array.values.get('0');
    return this.state.vars.get(name);
  }

  /** `${NAME[INDEX]}` (the index already evaluated: a number, or an associative array's key);
   * `[@]` and `[*]` all the elements joined by spaces. A scalar is an array of one. */
  private element(base: string, index: string): string | undefined {
    const array = this.state.arrays.get(base);
    if (index === '@' || index === '*') {
      if (!array) return this.state.vars.get(base);
      return array.values.size === 0 ? undefined : arrayValues(array).join(' ');
    }
    if (!array) return index === '0' ? this.state.vars.get(base) : undefined;
    if (array.assoc) return array.values.get(index);
    const key = indexKey(array, Number(index));
    if (key === undefined) throw new ExpansionError(`${base}: bad array subscript`);
    return array.values.get(key);
  }

  /** The elements of NAME (its keys with `keys`), one field each in "${a[@]}"; a scalar is one. */
  arrayElements(name: string, keys: boolean): string[] {
    const array = this.state.arrays.get(name);
    if (!array) {
      const v = this.state.vars.get(name);
      return v === undefined ? [] : [keys ? '0' : v];
    }
    return keys ? arrayKeys(array) : arrayValues(array);
  }

  isAssoc(name: string): boolean {
    return this.state.arrays.get(name)?.assoc ?? false;
  }

  setVar(name: string, value: string): void {
    if (this.state.readonly.has(name)) throw new ExpansionError(`${name}: readonly variable`);
    const array = this.state.arrays.get(name);
    if (array) array.values.set('0', value);
    else this.state.vars.set(name, value);
  }

  positional(): string[] {
    return this.state.positional;
  }

  special(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.state.status);
      case '#':
        return String(this.state.positional.length);
      case '$':
        return String(this.state.pid);
      case '!':
        return this.state.lastBackground || undefined;
      case '0':
        return this.state.scriptName;
      case '-':
        return dollarDash(this.state);
      default:
        return undefined;
    }
  }

  async substitute(body: CommandList): Promise<string> {
    const chunks: Uint8Array[] = [];
    const child = this.subshell();
    // bash (not in posix mode, inherit_errexit off) runs $(…) without -e; its trace is one deeper.
    child.state.flags.delete('e');
    child.state.traceLevel++;
    const io: CommandIO = {
      stdin: new Uint8Array(0),
      stdout: (d) => {
        const bytes = toBytes(d);
        this.env.budget.wrote(bytes.length);
        chunks.push(bytes);
      },
      stderr: this.currentStderr,
      stdinIsTerminal: false,
      stdoutIsTerminal: false,
    };
    this.state.status = await child.runIsolated(body, io);
    return new TextDecoder().decode(concat(chunks));
  }

  /** Where $(…)'s stderr goes: the stderr of the command being expanded. */
  private currentStderr: (d: string | Uint8Array) => void = () => {};

  // ---- running -------------------------------------------------------------------------------

  /** A copy of this shell in a new process (same root and cwd): subshells, pipeline stages. */
  subshell(): Interpreter {
    const { root, cred, umask, pidNs, entered, uts } = this.proc;
    const ns = { ...(pidNs ? { pidNs } : {}), ...(uts ? { uts } : {}), entered };
    const proc = this.env.kernel.proc({ root, cred: { ...cred }, umask, ...ns });
    // As fork(2): the same directory, even when it has been removed (found by the session fuzz).
    proc.inheritCwd(this.proc);
    return new Interpreter(this.state.clone(proc), this.env);
  }

  /** Runs a list where `exit` ends only this (sub)shell. */
  runIsolated(list: CommandList, io: CommandIO): Promise<number> {
    return this.isolated(() => this.list(list, io));
  }

  /** Runs a script's text (bash -c's string, a file, standard input) command by command, as the
   * shell reads it, where `exit` (and a syntax error) ends only this shell. */
  runScriptIsolated(text: string, io: CommandIO): Promise<number> {
    return this.isolated(() => runScript(this, text, io));
  }

  private async isolated(body: () => Promise<number>): Promise<number> {
    try {
      return await body();
    } catch (err) {
      if (err instanceof ExitSignal) return err.code;
      if (err instanceof LoopSignal || err instanceof ReturnSignal) return this.state.status;
      throw err;
    }
  }

  async list(list: CommandList, io: CommandIO): Promise<number> {
    let status = this.state.status;
    for (const item of list.items) {
      status = await this.andOr(item.command, io);
      if (item.background) this.state.lastBackground = String(this.state.pid + 1);
    }
    return status;
  }

  private async andOr(chain: AndOrList, io: CommandIO): Promise<number> {
    // set -n: read, not run (a prompt ignores it, as bash does).
    if (this.state.flags.has('n') && this.state.mode !== 'interactive') return 0;
    // set -e ignores every pipeline of a && / || list but the last.
    const last = chain.tail.length;
    let status = await this.ignoringErrexit(last > 0, () => this.pipeline(chain.head, io));
    let ranLast = last === 0;
    for (let i = 0; i < last; i++) {
      const link = chain.tail[i] as (typeof chain.tail)[number];
      if ((link.op === '&&') === (status === 0)) {
        status = await this.ignoringErrexit(i < last - 1, () => this.pipeline(link.pipeline, io));
        ranLast = i === last - 1;
      }
    }
    const negated = (last === 0 ? chain.head : chain.tail[last - 1]?.pipeline)?.negated;
    if (ranLast && !negated && status !== 0) this.errexit(status);
    return status;
  }

  /** Runs `body` where set -e does not apply (conditions, all but the last of a && list, `!`). */
  async ignoringErrexit<T>(ignore: boolean, body: () => Promise<T>): Promise<T> {
    if (!ignore) return body();
    this.state.errexitIgnored++;
    try {
      return await body();
    } finally {
      this.state.errexitIgnored--;
    }
  }

  /** set -e: a command that failed where it counts ends a non-interactive shell with its status.
   * The learner's own prompt stays (a real one closes the terminal, which would end the tutor). */
  private errexit(status: number): void {
    if (!this.state.flags.has('e') || this.state.errexitIgnored > 0) return;
    if (this.state.mode === 'interactive' && this.state.interactiveTop) return;
    throw new ExitSignal(status);
  }

  /** What this shell puts before an error message (`bash: `, `bash: line 2: `, `./s.sh: line 3: `). */
  errorPrefix(): string {
    return errorPrefix(this.state);
  }

  private async pipeline(p: Pipeline, io: CommandIO): Promise<number> {
    const statuses = await this.ignoringErrexit(p.negated, async () =>
      p.commands.length === 1 ? [await this.command(p.commands[0] as Command, io)] : await this.stages(p.commands, io),
    );
    this.state.pipeStatus = statuses;
    let status = statuses.at(-1) ?? 0;
    // set -o pipefail: the last stage that failed, else 0.
    if (this.state.options.has('pipefail')) status = statuses.findLast((s) => s !== 0) ?? 0;
    if (p.negated) status = status === 0 ? 1 : 0;
    this.state.status = status;
    return status;
  }

  /**
   * Runs a pipeline's stages side by side, each in a subshell, joined by pipes. A stage that ends
   * closes its ends: the next one sees the end of its input, the one before gets SIGPIPE at its
   * next write (141). Ctrl-C or a limit that stops one stage stops all (the budget is shared).
   */
  private async stages(commands: readonly Command[], io: CommandIO): Promise<number[]> {
    const budget = this.env.budget;
    const pipes = commands.slice(1).map(() => new Pipe(budget));
    let failure: { err: unknown } | undefined;
    const run = async (command: Command, i: number): Promise<number> => {
      const into = pipes[i];
      const from = pipes[i - 1];
      const input = i === 0 ? io.input : from;
      const stage: CommandIO = {
        stdin: i === 0 ? io.stdin : new Uint8Array(0),
        ...(input ? { input } : {}),
        stdout: into
          ? withContentSink(
              (d) => {
                budget.wrote(d.length, into.holder);
                return into.write(d);
              },
              // Described content (docker save's archive) goes through as it is: no bytes made.
              (c) => into.writeContent(c),
            )
          : io.stdout,
        stderr: io.stderr,
        stdinIsTerminal: i === 0 && io.stdinIsTerminal,
        stdoutIsTerminal: !into && io.stdoutIsTerminal,
      };
      const child = this.subshell();
      try {
        return await child.command(command, stage);
      } catch (err) {
        if (err instanceof ExitSignal) return err.code;
        if (err instanceof LoopSignal || err instanceof ReturnSignal) return child.state.status;
        if (err instanceof BrokenPipe) return SIGPIPE_STATUS;
        failure ??= { err };
        return 1;
      } finally {
        into?.closeWrite();
        from?.closeRead();
      }
    };
    const statuses = await Promise.all(commands.map(run));
    if (failure) throw failure.err;
    // A writer that ended while its reader left more than a pipe's buffer unread would have been
    // blocked in write(2) when the reader exited: SIGPIPE, as for one that wrote after.
    return statuses.map((s, i) => (pipes[i]?.writerKilled ? SIGPIPE_STATUS : s));
  }

  async command(c: Command, io: CommandIO): Promise<number> {
    let status: number;
    if (c.type === 'SimpleCommand') status = await this.simple(c, io);
    else if (c.type === 'FunctionDefinition') {
      this.state.functions.set(c.name, c.body);
      if (this.state.source) FUNCTION_SOURCES.set(c.body, this.state.source);
      status = 0;
    } else {
      let cio: CommandIO;
      try {
        cio = await applyRedirects(c.redirects, io, this.proc, this.expander);
      } catch (err) {
        return this.fail(err, io);
      }
      try {
        status = await runCompound(this, c, cio);
      } catch (err) {
        if (err instanceof ExpansionError) return this.fail(err, cio);
        throw err;
      }
    }
    this.state.status = status;
    return status;
  }

  /** An expansion or redirect error: bash's message, status 1. */
  private fail(err: unknown, io: CommandIO): number {
    if (err instanceof RedirectError && err.ash !== undefined && this.isBusyboxAsh()) {
      io.stderr(`sh: ${err.ash}\n`);
      this.state.status = 1;
      return 1;
    }
    if (err instanceof ExpansionError || err instanceof RedirectError) {
      const unset = err instanceof ExpansionError ? /^(.*): unbound variable$/.exec(err.message)?.[1] : undefined;
      io.stderr(`${this.errorPrefix()}${unset !== undefined ? unsetText(this.state, unset) : err.message}\n`);
      this.state.status = 1;
      // set -u: an unset variable ends a non-interactive shell (bash -c's run_one_command says 127).
      if (unset !== undefined && this.state.mode !== 'interactive') throw new ExitSignal(unsetExitStatus(this.state));
      return 1;
    }
    throw err;
  }

  tick(what: string): void {
    this.env.budget.step(what);
  }

  // ---- simple commands -----------------------------------------------------------------------

  private async simple(c: SimpleCommand, io: CommandIO): Promise<number> {
    this.tick('command');
    // Every command lets the screen read keys (Ctrl-C) and draw, when the line has held it a while.
    await this.env.budget.pause();
    this.currentStderr = io.stderr;
    if (this.state.source) this.state.source.offset = commandLineOffset(c, this.state.dialect);
    // xtrace's PS4 as it was before the command's own assignments (`PS4='> '` is traced with `+ `).
    const ps4 = this.state.flags.has('x') ? (this.state.vars.get('PS4') ?? '+ ') : undefined;
    let argv: string[];
    const assigned = new Map<string, string>();
    try {
      argv = await this.expander.words(c.words);
      argv = await this.expandAlias(c, argv);
      for (const a of c.assignments) {
        if (argv.length === 0 && this.state.dialect === 'bash') {
          // An assignment statement: arrays, subscripts, integer variables (arrays.ts). Its error
          // (a readonly variable, a bad subscript) ends a non-interactive bash with 1.
          try {
            await assign(this, a);
          } catch (err) {
            if (!(err instanceof ExpansionError) || this.state.mode === 'interactive') throw err;
            this.fail(err, io);
            throw new ExitSignal(1);
          }
          assigned.set(a.name, a.array ? `(${a.array.map((w) => w.text).join(' ')})` : (this.getVar(a.name) ?? ''));
          continue;
        }
        let value = a.array ? (await this.expander.words(a.array)).join(' ') : await this.expander.string(a.value);
        if (a.append) value = (assigned.get(a.name) ?? this.getVar(a.name) ?? '') + value;
        assigned.set(a.name, value);
        if (argv.length === 0) this.setVar(a.name, value);
      }
    } catch (err) {
      return this.fail(err, io);
    }
    if (ps4 !== undefined && this.state.flags.has('x')) this.trace(ps4, argv, assigned, io);
    let cio: CommandIO;
    try {
      cio = await applyRedirects(c.redirects, io, this.proc, this.expander);
    } catch (err) {
      return this.fail(err, io);
    }
    if (argv.length === 0) return c.words.length > 0 || c.assignments.length === 0 ? 0 : this.state.status;
    const status = await this.invoke(argv, cio, assigned);
    this.state.vars.set('_', argv.at(-1) ?? '');
    return status;
  }

  /** set -x: each assignment on a line of its own, then the words, after PS4 (to the shell's stderr,
   * before the command's redirections). */
  private trace(ps4: string, argv: readonly string[], assigned: ReadonlyMap<string, string>, io: CommandIO): void {
    const assignments = [...assigned];
    if (this.state.dialect !== 'bash' || this.isBusyboxAsh()) {
      // dash and ash: one line, assignments first, PS4 as it is now, no deeper levels for $(…);
      // ash quotes what needs it, dash prints the words as they are.
      const quote = this.state.dialect === 'dash' ? (w: string) => w : ashTraceQuote;
      const words = [...assignments.map(([k, v]) => `${k}=${quote(v)}`), ...argv.map(quote)];
      if (words.length > 0) io.stderr(`${this.state.vars.get('PS4') ?? '+ '}${words.join(' ')}\n`);
      return;
    }
    const lead = (ps4[0] ?? '').repeat(Math.max(0, this.state.traceLevel - 1)) + ps4;
    let out = '';
    for (const [k, v] of assignments) out += `${lead}${k}=${bashTraceQuote(v)}\n`;
    if (argv.length > 0) out += `${lead}${argv.map(bashTraceQuote).join(' ')}\n`;
    if (out) io.stderr(out);
  }

  /** set -x of a compound command as bash 5 shows it (`+ for i in 1 2`, `+ [[ a == a ]]`,
   * `+ (( i++ ))`); dash and ash trace only simple commands. */
  traceCompound(text: string, io: CommandIO): void {
    if (!this.state.flags.has('x') || this.state.dialect !== 'bash' || this.isBusyboxAsh()) return;
    const ps4 = this.state.vars.get('PS4') ?? '+ ';
    io.stderr(`${(ps4[0] ?? '').repeat(Math.max(0, this.state.traceLevel - 1))}${ps4}${text}\n`);
  }

  /** A command's words expanded as its arguments would be; an expansion error is said on stderr. */
  async expandArgs(words: readonly Word[], io: CommandIO): Promise<string[]> {
    this.currentStderr = io.stderr;
    try {
      return await this.expander.words(words);
    } catch (err) {
      this.fail(err, io);
      throw err;
    }
  }

  private async expandAlias(c: SimpleCommand, argv: string[]): Promise<string[]> {
    const first = c.words[0];
    if (!first || argv.length === 0 || this.state.aliases.size === 0) return argv;
    // A non-interactive bash does not expand aliases (expand_aliases is off); dash and ash do.
    if (this.state.dialect === 'bash' && this.state.mode !== 'interactive') return argv;
    const text = this.state.aliases.get(first.text);
    if (text === undefined) return argv;
    const { parseCommandLine } = await import('./parser.js');
    const parsed = parseCommandLine(text, { endOfInput: true });
    if (parsed.status !== 'ok') return argv;
    const cmd = parsed.script.items[0]?.command.head.commands[0];
    if (cmd?.type !== 'SimpleCommand') return argv;
    return [...(await this.expander.words(cmd.words)), ...argv.slice(1)];
  }

  /** The builtin NAME is in this shell: dash has no `source` or `declare`, ash no `declare`. */
  builtinNamed(name: string): Builtin | undefined {
    const { dialect } = this.state;
    if (dialect === 'dash' ? NOT_IN_DASH.has(name) : dialect === 'ash' && NOT_IN_ASH.has(name)) return undefined;
    return this.env.builtins.get(name);
  }

  /** Runs argv: a function, a builtin, sudo, a path, or a command from the table. */
  async invoke(argv: string[], io: CommandIO, assigned = new Map<string, string>()): Promise<number> {
    const name = argv[0] ?? '';
    const fn = this.state.functions.get(name);
    if (fn) return this.callFunction(fn, argv, io);
    const builtin = this.builtinNamed(name);
    if (builtin) return this.traced(argv, io, (tio) => this.runBuiltin(builtin, argv, tio));
    if (name === 'exec') return this.exec(argv, io, assigned);
    if (name === 'sudo') {
      let i = 1;
      while (i < argv.length && argv[i]!.startsWith('-')) i++;
      if (i >= argv.length && argv.slice(1).some((a) => /^-[a-zA-Z]*[is]/.test(a))) {
        // sudo -i / sudo -s: a root shell inside this one; `exit` comes back.
        this.env.services.enterShell({
          root: this.proc.root,
          hostname: this.getVar('HOSTNAME') ?? 'host',
          cwd: argv.includes('-i') ? '/root' : this.proc.getcwd(),
        });
        return 0;
      }
      if (i >= argv.length) {
        io.stderr(
          [
            'usage: sudo -h | -K | -k | -V',
            'usage: sudo [-AbEHknPS] [-C num] [-D directory] [-g group] ' +
              '[-h host] [-p prompt] [-R directory] [-T timeout] [-u user] ' +
              '[VAR=value] [-i | -s] [<command>]',
            '',
          ].join('\n'),
        );
        return 1;
      }
      return this.invoke(argv.slice(i), io, assigned);
    }
    const refused = this.env.refuse?.(argv);
    if (refused !== undefined) {
      io.stderr(`${refused}\n`);
      return 126;
    }
    if (name.includes('/')) return this.runPath(argv, io, assigned);
    const spec = this.env.commands.get(name);
    if (this.proc.root !== '/') {
      // A container runs what its image holds: the program on its PATH, busybox's applet when
      // that program is busybox.
      let found = this.findInRoot(name);
      if (!found) {
        // busybox's ash runs its own applets first, linked or not (Debian's busybox-static is
        // built with FEATURE_SH_STANDALONE): `tr` works in an image that has no /bin/tr.
        const ash = this.busyboxAt('/bin/sh');
        if (ash !== undefined && BUSYBOX_APPLETS_ALL.includes(name)) found = { path: ash, busybox: ash };
      }
      if (!found) {
        io.stderr(this.notFoundInRoot(name));
        return 127;
      }
      const applet = found.busybox !== undefined ? this.env.busybox?.get(name) : undefined;
      const variant = found.busybox !== undefined ? ({ kind: 'busybox', binary: found.busybox } as const) : undefined;
      if (applet) return this.traced(argv, io, (tio) => this.runSpec(applet, argv, tio, assigned, variant));
      if (spec) return this.traced(argv, io, (tio) => this.runSpec(spec, argv, tio, assigned, variant));
      io.stderr(`${name}: not simulated here (the image has this program; the tutor does not model it)\n`);
      return 127;
    }
    if (!spec) {
      const { dialect } = this.state;
      const lacks = dialect === 'dash' ? NOT_IN_DASH.has(name) : dialect === 'ash' && NOT_IN_ASH.has(name);
      if (BASH_BUILTIN_NAMES.includes(name) && !lacks)
        io.stderr(`bash: ${name}: this bash builtin is not simulated here\n`);
      else if (this.env.unsimulated?.has(name))
        io.stderr(
          `bash: ${name}: not simulated here (a real host has this command; the tutor's host does not model it)\n`,
        );
      else io.stderr(notFoundText(this.state, name));
      return 127;
    }
    return this.traced(argv, io, (tio) => this.runSpec(spec, argv, tio, assigned));
  }

  /**
   * `exec CMD…`: the shell becomes CMD, so nothing after it runs and the shell's status is CMD's —
   * here CMD runs and the shell then ends with its status (an image's entrypoint ends in
   * `exec "$@"`). With no command, exec only makes its redirections the shell's own, which is not
   * modelled: it succeeds and changes nothing.
   */
  private async exec(argv: string[], io: CommandIO, assigned: Map<string, string>): Promise<number> {
    let i = 1;
    for (; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') || a === '-') break;
      if (a === '-a') i++;
      else if (/^-[cl]+$/.test(a)) {
        if (a.includes('c')) {
          io.stderr('bash: exec: -c (an empty environment) is not simulated here\n');
          return 1;
        }
      } else {
        io.stderr(
          `bash: exec: ${a.slice(0, 2)}: invalid option\n` +
            'exec: usage: exec [-cl] [-a name] [command [argument ...]] [redirection ...]\n',
        );
        return 2;
      }
    }
    if (i >= argv.length) return 0;
    throw new ExitSignal(await this.invoke(argv.slice(i), io, assigned));
  }

  /** Runs a command, telling env.onCommand (when someone listens) what it read and printed. */
  /** A builtin whose output file refused its bytes: bash names it (`bash: echo: write error: …`),
   * busybox's ash does not (`sh: write error: …`). */
  private async runBuiltin(builtin: Builtin, argv: string[], io: CommandIO): Promise<number> {
    try {
      return await builtin(this, argv, io);
    } catch (err) {
      if (!(err instanceof WriteFailed)) throw err;
      io.stderr(
        this.isBusyboxAsh() ? `sh: write error: ${err.text}\n` : `bash: ${argv[0]}: write error: ${err.text}\n`,
      );
      return 1;
    }
  }

  private async traced(
    argv: string[],
    io: CommandIO,
    run: (io: CommandIO) => number | Promise<number>,
  ): Promise<number> {
    const listener = this.env.onCommand;
    if (!listener) return run(io);
    const dec = new TextDecoder();
    let stdout = '';
    const record = (d: string | Uint8Array): void => {
      if (stdout.length < TRACE_LIMIT) stdout += typeof d === 'string' ? d : dec.decode(d, { stream: true });
    };
    const out = (d: string | Uint8Array) => {
      record(d);
      return io.stdout(d);
    };
    const tio: CommandIO = {
      ...io,
      // Described content stays described through the trace, which keeps only its first bytes.
      stdout: takesContent(io.stdout)
        ? withContentSink(out, (c) => {
            record(readRange(c, 0, TRACE_LIMIT));
            return writeContentTo(io.stdout, c);
          })
        : out,
    };
    const recording = io.input ? new RecordingInput(io.input, TRACE_LIMIT) : undefined;
    if (recording) tio.input = recording;
    const exitCode = await run(tio);
    const stdin = dec.decode((recording?.recorded() ?? io.stdin).subarray(0, TRACE_LIMIT));
    listener({ argv: [...argv], stdin, stdout: stdout.slice(0, TRACE_LIMIT), exitCode });
    return exitCode;
  }

  /** The program NAME names in a container's root ($PATH, or Docker's default), and whether it
   * is busybox (a link to it, or the binary itself under an applet's name). */
  /** Where `type` and `command -v` find a program in a container: ash's own applet first (as
   * busybox's standalone shell names it, by its bare name), then PATH in the container's root. */
  /** Whether this shell is a container's busybox ash (its builtins' statuses differ from bash's). */
  isBusyboxAsh(): boolean {
    if (this.state.dialect !== 'bash') return this.state.dialect === 'ash';
    return this.proc.root !== '/' && this.busyboxAt('/bin/sh') !== undefined;
  }

  locateInRoot(name: string): string | undefined {
    const ash = this.busyboxAt('/bin/sh');
    // Debian's and Ubuntu's busybox-static are built with FEATURE_SH_STANDALONE; the official image's is not.
    const standalone = ash !== undefined && /\((Debian|Ubuntu) /.test(busyboxBanner(this.proc, ash));
    if (standalone && BUSYBOX_APPLETS_ALL.includes(name)) return name;
    return this.findInRoot(name)?.path;
  }

  private findInRoot(name: string): { path: string; busybox?: string } | undefined {
    for (const dir of (this.getVar('PATH') ?? DEFAULT_PATH).split(':')) {
      const path = `${dir || '.'}/${name}`;
      try {
        const st = this.proc.stat(path);
        if (st.type !== 'file' || (st.mode & 0o111) === 0) continue;
        const busybox = this.busyboxAt(path);
        return busybox === undefined ? { path } : { path, busybox };
      } catch {
        // not in this directory
      }
    }
    return undefined;
  }

  /** The busybox binary PATH is (by its real name, or by inode as the busybox image's hard links). */
  private busyboxAt(path: string): string | undefined {
    try {
      const real = this.proc.realpath(path);
      if (real.endsWith('/busybox')) return real;
      const st = this.proc.stat(real);
      for (const b of ['/bin/busybox', '/usr/bin/busybox']) {
        try {
          const bb = this.proc.stat(b);
          if (bb.ino === st.ino && bb.dev === st.dev) return b;
        } catch {
          // no busybox there
        }
      }
    } catch {
      // a path that does not resolve is no busybox
    }
    return undefined;
  }

  /** What the container's /bin/sh says of a program it cannot find: ash's words, dash's, bash's. */
  private notFoundInRoot(name: string): string {
    if (this.state.dialect !== 'bash') return notFoundText(this.state, name);
    if (this.busyboxAt('/bin/sh') !== undefined) return `sh: ${name}: not found\n`;
    let sh = '';
    try {
      sh = this.proc.realpath('/bin/sh');
    } catch {
      // no /bin/sh: bash's words
    }
    if (sh.endsWith('/dash')) return `sh: 1: ${name}: not found\n`;
    return `bash: ${name}: command not found\n`;
  }

  private async runSpec(
    spec: CommandSpec,
    argv: string[],
    io: CommandIO,
    assigned: Map<string, string>,
    variant?: CommandVariant,
  ): Promise<number> {
    try {
      const { budget, services: shell } = this.env;
      if (io.input && !spec.streaming) {
        // A command that needs its input whole gets it when the writer is done, within the
        // line's cap on what one command holds (yes | sort, docker save nginx | gzip).
        const { input, ...rest } = io;
        input.holder = spec.name;
        const all = await input.readAllContent(budget);
        budget.heldInput(contentSize(all));
        io = { ...rest, stdin: contentBytes(all) };
      }
      const env = this.state.env(assigned);
      const ctx = { ...io, argv, proc: this.proc, env, shell, budget };
      // What /proc/self shows while it runs: this command, in this shell's process.
      const before = this.proc.command;
      this.proc.command = { argv: [...argv], env: Object.fromEntries(env) };
      try {
        return await spec.run(variant ? { ...ctx, variant } : ctx);
      } finally {
        this.proc.command = before;
      }
    } catch (err) {
      if (err instanceof BudgetExceeded && !err.reported && err.message) {
        // The tool that overspent says so under its own name; the line stops.
        err.reported = true;
        io.stderr(`${(this.env.atLineStart?.() ?? true) ? '' : '\n'}${spec.name}: ${err.message}\n`);
      }
      if (err instanceof ExitSignal || err instanceof BudgetExceeded || err instanceof BrokenPipe) throw err;
      if (err instanceof WriteFailed) {
        // coreutils' close_stdout words it so; head and tail name what they wrote to.
        const gnuOwn = variant === undefined && (spec.name === 'head' || spec.name === 'tail');
        io.stderr(
          gnuOwn
            ? `${spec.name}: error writing 'standard output': ${err.text}\n`
            : `${spec.name}: write error: ${err.text}\n`,
        );
        return 1;
      }
      const msg = isKernelError(err) ? err.text : ((err as Error)?.message ?? String(err));
      io.stderr(`bash: internal error in ${spec.name}: ${msg}\n`);
      return 1;
    }
  }

  private async runPath(argv: string[], io: CommandIO, assigned: Map<string, string>): Promise<number> {
    const path = argv[0] ?? '';
    let st;
    try {
      st = this.proc.stat(path);
    } catch (err) {
      // dash and ash say `not found` of a path that is not there, as of a name.
      if (this.state.dialect !== 'bash' && isKernelError(err, 'ENOENT')) {
        io.stderr(notFoundText(this.state, path));
        return 127;
      }
      io.stderr(`${this.errorPrefix()}${path}: ${isKernelError(err) ? err.text : 'No such file or directory'}\n`);
      return isKernelError(err, 'EACCES') ? 126 : 127;
    }
    if (st.type === 'dir') {
      io.stderr(`${this.errorPrefix()}${path}: Is a directory\n`);
      return 126;
    }
    if ((st.mode & 0o111) === 0) {
      io.stderr(`${this.errorPrefix()}${path}: Permission denied\n`);
      return 126;
    }
    const base = path.slice(path.lastIndexOf('/') + 1);
    const busybox = this.proc.root === '/' ? undefined : this.busyboxAt(path);
    const applet = busybox !== undefined ? this.env.busybox?.get(base) : undefined;
    if (applet) return this.runSpec(applet, argv, io, assigned, { kind: 'busybox', binary: busybox as string });
    // busybox run by path under the name of one of ash's builtins (/bin/echo, /bin/printf): the
    // applet is that builtin, so run it by its name.
    if (busybox !== undefined) return this.invoke([base, ...argv.slice(1)], io, assigned);
    const spec = this.env.commands.get(base);
    if (spec && /^\/(usr\/)?s?bin\//.test(path)) return this.runSpec(spec, argv, io, assigned);
    const text = new TextDecoder().decode(this.proc.readFile(path));
    // `#!/bin/sh` and the like: that shell runs the file (dash, ash or bash, as its root has it).
    const shebang = /^#![ \t]*(\S+)(?:[ \t]+(\S+))?/.exec(text);
    if (shebang && SHEBANG_SHELLS.test(`${shebang[1]} ${shebang[2] ?? ''}`.trim()))
      return this.invoke([...shebang.slice(1).filter((a) => a !== undefined), ...argv], io, assigned);
    // A script without one: this shell runs its text in a child with $0 and the positional parameters set.
    const child = this.subshell();
    child.state.scriptName = path;
    child.state.positional = argv.slice(1);
    // A new shell on the file: no options of ours, its errors say `path: line N:`.
    child.state.mode = 'script';
    child.state.readsStdin = false;
    child.state.ashCommandName = path;
    child.state.source = { text, offset: 0 };
    child.state.flags.clear();
    child.state.options.clear();
    child.state.errexitIgnored = 0;
    child.state.traceLevel = 1;
    for (const [k, v] of assigned) child.state.vars.set(k, v);
    return child.runScriptIsolated(text, io);
  }

  private async callFunction(body: CompoundCommand, argv: string[], io: CommandIO): Promise<number> {
    if (this.state.callDepth >= MAX_CALL_DEPTH) {
      io.stderr(`bash: ${argv[0]}: maximum function nesting level exceeded (${MAX_CALL_DEPTH})\n`);
      return 1;
    }
    const saved = this.state.positional;
    const savedSource = this.state.source;
    // Its commands' lines are those of the text that defined it (bash names that file too).
    const defined = FUNCTION_SOURCES.get(body);
    if (defined) this.state.source = { ...defined, offset: body.span.start };
    this.state.positional = argv.slice(1);
    this.state.callDepth++;
    this.state.localFrames.push(new Map());
    try {
      return await this.command(body, io);
    } catch (err) {
      if (err instanceof ReturnSignal) return err.code;
      throw err;
    } finally {
      this.state.callDepth--;
      this.state.positional = saved;
      this.state.source = savedSource;
      for (const [name, value] of this.state.localFrames.pop() ?? []) {
        if (value === undefined) this.state.vars.delete(name);
        else this.state.vars.set(name, value);
      }
    }
  }
}

/** The text each function was defined in (functions outlive the `.` or eval that read them). */
const FUNCTION_SOURCES = new WeakMap<CompoundCommand, SourceText>();

/** Where a simple command is, for its errors' line: bash's parser takes the line it has read to
 * when it makes the command, the end of its second word (`nosuch "a<newline>b"` is line 2); dash
 * and ash the command's start. */
function commandLineOffset(c: SimpleCommand, dialect: Dialect): number {
  if (dialect !== 'bash') return c.span.start;
  const elements = [...c.assignments, ...c.words].sort((a, b) => a.span.start - b.span.start);
  const second = elements[1];
  return second ? Math.max(c.span.start, second.span.end - 1) : c.span.start;
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
