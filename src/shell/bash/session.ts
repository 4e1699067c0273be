// A terminal session: the host's login shell and, above it, the container shells that
// `docker exec -it` and `docker run -it` push (ShellServices.enterShell); `exit` pops back.
// The UI, the line REPL and script mode all talk to it through run(), prompt() and needsMore().
import {
  Budget,
  BudgetExceeded,
  type BudgetLimits,
  type Credentials,
  DEFAULT_BUDGET,
  type Kernel,
} from '../../kernel/index.js';
import type { CommandIO, CommandSpec, CommandTrace, ShellServices, TerminalApps } from '../command.js';
import { ALL_BUILTINS } from './builtins-eval-and-lookup.js';
import { setBashVariables } from './bash-build.js';
import { ExpansionError } from './expand.js';
import { Interpreter, type InterpreterEnv } from './interpreter.js';
import { type Dialect, ExitSignal, LoopSignal, ReturnSignal, ShellState } from './interpreter-state.js';
import { formatSyntaxError, formatSyntaxWarning, parseCommandLine } from './parser.js';
import { BrokenPipe } from '../pipe.js';

export interface SessionOptions {
  kernel: Kernel;
  commands: readonly CommandSpec[];
  /** The host's name, as the prompt and $HOSTNAME show it. */
  hostname: string;
  /** Where `which` says a command lives; /usr/bin/<name> by default. */
  commandPath?: (name: string) => string;
  /** Simple commands and loop rounds one line may run before it is stopped. */
  stepLimit?: number;
  /** What one line may spend besides (src/kernel/budget.ts); the defaults suit a learner. */
  budget?: Partial<BudgetLimits>;
  /** An interactive shell prints `exit` when `exit` ends it (default true). */
  interactive?: boolean;
  /** Commands a real host has that the simulator does not model: they say so when typed. */
  unsimulated?: ReadonlySet<string>;
  /** busybox's applets, run where a container's program is busybox. */
  busybox?: readonly CommandSpec[];
}

export interface RunResult {
  exitCode: number;
  /** The host shell ran `exit`: the REPL or script should end. */
  exited: boolean;
}

interface Frame {
  interp: Interpreter;
  hostname: string;
  /** su's shell: the user its prompt names. */
  user?: string;
  onExit?: () => void;
}

/** The slice of a line no screen waits on (see newBudget). */
const UNATTENDED_SLICE_MS = 10_000;

const HOST_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/snap/bin';
const CONTAINER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** Ubuntu's /root/.bashrc aliases that articles rely on (`ll`). */
const UBUNTU_ALIASES: [string, string][] = [
  ['ll', 'ls -alF'],
  ['la', 'ls -A'],
  ['l', 'ls -CF'],
];

export class Session {
  private readonly frames: Frame[] = [];
  private readonly lines: string[] = [];
  /** The lines of input an interactive shell has read: bash numbers a heredoc's warning by them. */
  private linesRead = 0;
  private readonly env: InterpreterEnv;
  private nextPid = 1000;
  /** Lines being run (a child shell outside any line gets a budget of its own). */
  private running = 0;
  readonly services: ShellServices;
  /** The screen's full-screen programs while a line typed on it runs. */
  private terminal: TerminalApps | undefined;

  constructor(private readonly options: SessionOptions) {
    const commands = new Map(options.commands.map((c) => [c.name, c]));
    this.services = {
      runLine: (line, io, o) => this.runChild(line, io, o),
      enterShell: (o) => this.enterShell(o),
      history: () => this.lines,
      terminal: () => this.terminal,
    };
    this.env = {
      kernel: options.kernel,
      commands,
      builtins: ALL_BUILTINS,
      services: this.services,
      commandPath: options.commandPath ?? ((name) => `/usr/bin/${name}`),
      budget: this.newBudget(),
      ...(options.unsimulated ? { unsimulated: options.unsimulated } : {}),
      ...(options.busybox ? { busybox: new Map(options.busybox.map((c) => [c.name, c])) } : {}),
    };
    const proc = options.kernel.proc({ root: '/', cwd: '/root' });
    const interp = new Interpreter(new ShellState(proc, this.nextPid++), this.env);
    this.initVars(interp, { HOME: '/root', PATH: HOST_PATH, HOSTNAME: options.hostname, PWD: '/root', SHLVL: '1' });
    interp.state.vars.set('PPID', '987');
    // The login shell is the host's bash, run by login as /bin/bash.
    setBashVariables(interp, '/bin/bash');
    for (const [k, v] of UBUNTU_ALIASES) interp.state.aliases.set(k, v);
    interp.state.interactiveTop = true;
    this.frames.push({ interp, hostname: options.hostname });
  }

  private newBudget(signal?: AbortSignal): Budget {
    const limits = { ...this.options.budget };
    if (this.options.stepLimit !== undefined) limits.steps = this.options.stepLimit;
    // The slice keeps a screen's keys (Ctrl-C) answered: a line run with no signal to abort it
    // (script mode, a lesson's setup, undo's replay) has no screen waiting, and a slow or busy
    // machine must not stop its work; the line's time still bounds it.
    if (!signal && limits.sliceMs === undefined) limits.sliceMs = Math.max(DEFAULT_BUDGET.sliceMs, UNATTENDED_SLICE_MS);
    return new Budget(limits, signal);
  }

  /** Login variables; a container's HOSTNAME is exported, as docker sets it in the environment. */
  private initVars(interp: Interpreter, vars: Record<string, string>, container = false): void {
    const base: Record<string, string> = {
      USER: 'root',
      LOGNAME: 'root',
      SHELL: '/bin/bash',
      TERM: 'xterm-256color',
      LANG: 'C.UTF-8',
      ...vars,
    };
    for (const [k, v] of Object.entries(base)) {
      interp.state.vars.set(k, v);
      if (k !== 'HOSTNAME' || container) interp.state.exported.add(k);
    }
  }

  private get top(): Frame {
    return this.frames[this.frames.length - 1] as Frame;
  }

  /** The interpreter of the shell the learner is typing into. */
  get shell(): Interpreter {
    return this.top.interp;
  }

  /** How deep in container shells the session is (0 = the host). */
  get depth(): number {
    return this.frames.length - 1;
  }

  history(): readonly string[] {
    return this.lines;
  }

  /** bash's PS1 on Ubuntu for root: `root@host:~# `, the cwd shortened with ~ like \w. A shell su
   * started: /etc/bash.bashrc's `\u@\h:\w\$ ` for bash (`$` unless root), dash's `$ ` or `# `. */
  prompt(): string {
    const { interp: sh, user, hostname } = this.top;
    const sign = sh.proc.cred.uid === 0 ? '#' : '$';
    if (user !== undefined && sh.state.dialect !== 'bash') return `${sign} `;
    const cwd = sh.getVar('PWD') ?? sh.proc.getcwd();
    const home = sh.getVar('HOME');
    const w = home && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`)) ? `~${cwd.slice(home.length)}` : cwd;
    return user !== undefined ? `${user}@${hostname}:${w}${sign} ` : `root@${hostname}:${w}# `;
  }

  /**
   * Ctrl-D at an empty prompt: a shell above the host's ends as `exit` would end it, and says what
   * the shell writes then (bash's `exit`, nothing from dash); undefined at the host's own shell,
   * which the screen leaves instead.
   */
  endOfInput(): string | undefined {
    if (this.frames.length === 1) return undefined;
    const frame = this.top;
    this.exitFrame(frame, frame.interp.state.status);
    return quietExit(frame) ? '' : 'exit';
  }

  /** The text so far is an unfinished construct: read a continuation line (PS2 `> `). */
  needsMore(text: string): boolean {
    return parseCommandLine(text).status === 'incomplete';
  }

  /** Asked before each command that is not a function or builtin runs: a message refuses it. */
  set refuse(gate: ((argv: readonly string[]) => string | undefined) | undefined) {
    this.env.refuse = gate;
  }

  /** Called with every command that runs in this session (the lesson checks listen). */
  set onCommand(listener: ((c: CommandTrace) => void) | undefined) {
    this.env.onCommand = listener;
  }

  /**
   * Expands `words` as bash expands a command's arguments (quotes, $VAR, $(…), globs) in the
   * shell the learner types into, without running a command: `answer $(docker inspect …)`.
   * Only the first simple command of the text counts; undefined when it does not parse.
   */
  async expandWords(words: string, io: CommandIO): Promise<string[] | undefined> {
    const parsed = parseCommandLine(`: ${words}`, { endOfInput: true });
    if (parsed.status !== 'ok') return undefined;
    const cmd = parsed.script.items[0]?.command.head.commands[0];
    if (cmd?.type !== 'SimpleCommand') return undefined;
    // A budget of its own, as a line has: the last line's would count the time since it started.
    this.env.budget = this.newBudget(io.signal);
    try {
      return (await this.top.interp.expandArgs(cmd.words, io)).slice(1);
    } catch (err) {
      if (!(err instanceof ExpansionError)) this.report(err, io);
      return undefined;
    }
  }

  /** Runs one line (or several joined by newlines) as if typed at the prompt. */
  async run(line: string, io: CommandIO): Promise<RunResult> {
    const linesBefore = this.read(line);
    const frame = this.top;
    const parsed = parseCommandLine(line, { endOfInput: true, posix: frame.interp.state.dialect !== 'bash' });
    if (parsed.status !== 'ok') {
      io.stderr(`${formatSyntaxError(parsed.error)}\n`);
      frame.interp.state.status = 2;
      return { exitCode: 2, exited: false };
    }
    for (const w of parsed.warnings) {
      const message = w.message.replace(/^here-document at line (\d+)/, (_m, n: string) => {
        return `here-document at line ${Number(n) + linesBefore}`;
      });
      io.stderr(`${formatSyntaxWarning({ ...w, message })}\n`);
    }
    const budget = this.newBudget(io.signal);
    this.env.budget = budget;
    this.terminal = io.terminal;
    this.running++;
    const terminal = metered(io, budget);
    this.env.atLineStart = terminal.atLineStart;
    let exitCode: number;
    try {
      exitCode = await frame.interp.list(parsed.script, terminal.io);
    } catch (err) {
      if (err instanceof ExitSignal) {
        if ((this.options.interactive ?? true) && !quietExit(frame)) io.stderr('exit\n');
        return this.exitFrame(frame, err.code);
      }
      exitCode = this.report(err, terminal.io, terminal.atLineStart());
    } finally {
      this.running--;
      this.terminal = undefined;
      this.env.atLineStart = undefined;
    }
    frame.interp.state.status = exitCode;
    return { exitCode, exited: false };
  }

  /** Takes typed input into the history and the count of lines read; the count before it. */
  private read(text: string): number {
    const before = this.linesRead;
    if (text.trim() !== '' && !text.startsWith(' ')) this.lines.push(text.replace(/\n$/, ''));
    if (this.options.interactive ?? true) this.linesRead += text.replace(/\n$/, '').split('\n').length;
    return before;
  }

  /** Ctrl-C at the continuation prompt: the unfinished command is dropped, but bash has read its
   * lines (they stay in the history) and $? is 130, as after SIGINT. */
  interrupted(unfinished: string): void {
    this.read(unfinished);
    this.top.interp.state.status = 130;
  }

  private report(err: unknown, io: CommandIO, atLineStart = true): number {
    if (err instanceof BudgetExceeded) {
      // Ctrl-C: the terminal echoes ^C and bash starts the next prompt on a line of its own.
      if (err.reason === 'interrupt') io.stdout('^C\n');
      else if (!err.reported) io.stderr(`${atLineStart ? '' : '\n'}bash: ${err.message}\n`);
      return err.status;
    }
    if (err instanceof LoopSignal || err instanceof ReturnSignal) return 0;
    // A write to a pipe whose reader had gone, outside any pipeline that would count it: SIGPIPE.
    if (err instanceof BrokenPipe) return err.status;
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`bash: internal error: ${message}\n`);
    return 1;
  }

  private exitFrame(frame: Frame, code: number): RunResult {
    // The outermost shell is the session's and stays (a lesson's, the sandbox's): its $? is exit's.
    if (this.frames.length === 1) {
      frame.interp.state.status = code;
      return { exitCode: code, exited: true };
    }
    this.frames.splice(this.frames.indexOf(frame), 1);
    frame.onExit?.();
    // The shell that started it (su, docker exec -it) ends with its status: $? in the one below.
    this.top.interp.state.status = code;
    return { exitCode: code, exited: false };
  }

  /** `docker exec -it c bash`: a new shell whose / is the container's merged directory. */
  enterShell(o: {
    root: string;
    hostname: string;
    cwd?: string;
    env?: Record<string, string>;
    cred?: Credentials;
    bash?: string;
    dialect?: Dialect;
    user?: string;
    onExit?: () => void;
  }): void {
    const proc = this.options.kernel.proc({ root: o.root, cwd: o.cwd ?? '/', ...(o.cred ? { cred: o.cred } : {}) });
    const interp = new Interpreter(new ShellState(proc, this.nextPid++), this.env);
    interp.state.interactiveTop = true;
    if (o.env) processEnv(interp, o.env, true);
    else this.initVars(interp, { HOME: '/root', PATH: CONTAINER_PATH, HOSTNAME: o.hostname, PWD: proc.getcwd() }, true);
    if (o.bash !== undefined) setBashVariables(interp, o.bash);
    if (o.dialect !== undefined) interp.state.dialect = o.dialect;
    this.frames.push({
      interp,
      hostname: o.hostname,
      onExit: o.onExit,
      ...(o.user !== undefined ? { user: o.user } : {}),
    });
  }

  /** A child shell for xargs, find -exec and docker's RUN/exec: `bash -c line`. */
  private async runChild(line: string, io: CommandIO, o?: Parameters<ShellServices['runLine']>[2]): Promise<number> {
    if (!o?.program) {
      // xargs', find -exec's and docker's lines: a syntax error is bash -c's, and nothing runs.
      const parsed = parseCommandLine(line, { endOfInput: true });
      if (parsed.status !== 'ok') {
        io.stderr(`${formatSyntaxError(parsed.error, 'command-string', 'bash')}\n`);
        return 2;
      }
    }
    let child: Interpreter;
    if (o?.root !== undefined && o.env) {
      // A process in a container (docker exec, a container's command): its environment is the one
      // docker gave it, nothing of the host's login; a shell (sh -c) adds its PWD and SHLVL.
      const proc = this.options.kernel.proc({
        root: o.root,
        cwd: o.cwd ?? '/',
        ...(o.cred ? { cred: o.cred } : {}),
        ...(o.pidNs !== undefined ? { pidNs: o.pidNs } : {}),
        ...(o.entered ? { entered: true, ...(o.hostname ? { uts: o.hostname } : {}) } : {}),
      });
      child = new Interpreter(new ShellState(proc, o.pid ?? this.nextPid++), this.env);
      processEnv(child, o.env, !!o.shell);
    } else if (o?.root !== undefined) {
      const proc = this.options.kernel.proc({ root: o.root, cwd: o.cwd ?? '/' });
      child = new Interpreter(new ShellState(proc, this.nextPid++), this.env);
      this.initVars(
        child,
        { HOME: '/root', PATH: CONTAINER_PATH, HOSTNAME: o.hostname ?? this.top.hostname, PWD: proc.getcwd() },
        true,
      );
    } else {
      child = this.top.interp.subshell();
      if (o?.cwd) {
        child.proc.chdir(o.cwd);
        child.state.vars.set('PWD', child.proc.getcwd());
      }
    }
    if (o?.envExact && o.env && o.root === undefined)
      for (const k of [...child.state.exported])
        if (!(k in o.env)) {
          child.state.exported.delete(k);
          child.state.vars.delete(k);
        }
    if (!(o?.root !== undefined && o.env))
      for (const [k, v] of Object.entries(o?.env ?? {})) {
        child.state.vars.set(k, v);
        child.state.exported.add(k);
      }
    if (o?.bash !== undefined) setBashVariables(child, o.bash);
    if (o?.args) {
      child.state.scriptName = o.args[0] ?? child.state.scriptName;
      child.state.positional = o.args.slice(1);
    }
    if (o?.program) {
      // A new shell process: only the options it was started with; errors say where they happened.
      const { state } = child;
      state.dialect = o.program.dialect ?? 'bash';
      state.readsStdin = o.program.stdin ?? false;
      state.ashCommandName = o.program.commandName;
      if (o.program.mode) {
        state.mode = o.program.mode;
        // busybox's ash counts a -c string's lines from 0.
        const fromZero = state.dialect === 'ash' && o.program.mode === 'command';
        state.source = { text: line, offset: 0, ...(fromZero ? { firstLine: 0 } : {}) };
      }
      state.flags = new Set(o.program.flags);
      state.options = new Set(o.program.options);
      state.errexitIgnored = 0;
      state.traceLevel = 1;
    }
    // -v: the input echoed as it is read (a -c string is read whole).
    if (o?.program?.flags.includes('v')) io.stderr(line.endsWith('\n') ? line : `${line}\n`);
    // Outside any line (a lesson's check, the daemon at start-up) the child gets a budget of its own.
    const outside = this.running === 0;
    if (outside) this.env.budget = this.newBudget(io.signal);
    this.running++;
    try {
      // A shell program reads its input a command at a time; xargs' and RUN's lines are `bash -c`.
      return await child.runScriptIsolated(line, io);
    } catch (err) {
      // Inside a line, a stopped child stops the line that started it (xargs, RUN, exec).
      if ((err instanceof BudgetExceeded || err instanceof BrokenPipe) && !outside) throw err;
      return this.report(err, io);
    } finally {
      this.running--;
    }
  }
}

/** dash, which su may start, leaves without a word; bash (and the container shells, as the tutor
 * has always had them) say `exit`. */
const quietExit = (frame: Frame): boolean => frame.user !== undefined && frame.interp.state.dialect !== 'bash';

/** The line's standard output, counted against its output budget (its stderr carries the
 * messages of a stopped command, so it is not), and whether the terminal's last character was a
 * newline. */
function metered(io: CommandIO, budget: Budget): { io: CommandIO; atLineStart: () => boolean } {
  let atLineStart = true;
  const track = (d: string | Uint8Array): void => {
    if (d.length > 0) atLineStart = (typeof d === 'string' ? d.charCodeAt(d.length - 1) : d[d.length - 1]) === 10;
  };
  return {
    io: {
      ...io,
      stdout: (d) => {
        budget.wrote(d.length);
        track(d);
        return io.stdout(d);
      },
      stderr: (d) => {
        track(d);
        return io.stderr(d);
      },
    },
    atLineStart: () => atLineStart,
  };
}

/**
 * A container process's variables: exactly ENV, exported. A shell started on it (sh -c, or the
 * prompt of docker exec -it c sh) also exports PWD and SHLVL=1, and ash and dash list their
 * environment by their variable table, bucket by bucket (hashvar: first byte << 4 plus every
 * byte, modulo 39; a later variable first within a bucket), which is the order `env` prints.
 */
function processEnv(interp: Interpreter, env: Record<string, string>, shell: boolean): void {
  const vars: Array<[string, string]> = Object.entries(env);
  const pwd = interp.proc.getcwd();
  interp.state.vars.set('PWD', pwd);
  if (shell) {
    const shellVars: Array<[string, string]> = [
      ['SHLVL', '1'],
      ['PWD', pwd],
    ];
    for (const [k, v] of shellVars) if (!(k in env)) vars.push([k, v]);
    const bucket = (name: string): number => {
      let h = (name.charCodeAt(0) & 0xff) << 4;
      for (let i = 0; i < name.length; i++) h += name.charCodeAt(i) & 0xff;
      return h % 39;
    };
    const index = new Map(vars.map(([k], i) => [k, i]));
    vars.sort(([a], [b]) => bucket(a) - bucket(b) || (index.get(b) ?? 0) - (index.get(a) ?? 0));
  }
  for (const [k, v] of vars) {
    interp.state.vars.set(k, v);
    interp.state.exported.add(k);
  }
}
