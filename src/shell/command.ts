// The contract between the shell's interpreter and the commands it runs (coreutils, docker, jq,
// systemctl …). A command gets its argv, its input as bytes, writers for its output, and the
// process (src/kernel/proc.ts) through which it touches the simulated filesystem. The stages of a
// pipeline run side by side (src/shell/pipe.ts): a command that reads its input as it comes says
// so (CommandSpec.streaming) and reads `input`; any other gets its stdin whole, read to the end
// before it starts, as before.
import type { Budget, Credentials, Proc } from '../kernel/index.js';
import type { InputStream } from './pipe.js';
import type { Dialect } from './bash/interpreter-state.js';

/** Writes to an output. A pipe whose buffer is full returns a promise: a command that writes much
 * awaits it (backpressure); one that never waits just fills the buffer. A pipe whose reader has
 * gone throws BrokenPipe (SIGPIPE). */
export type Output = (data: string | Uint8Array) => void | Promise<void>;

export interface CommandIO {
  /** Standard input, whole. Empty while `input` is set: the stdin is then a pipe, read as it comes. */
  stdin: Uint8Array;
  /** Standard input as a stream, when it is a pipe from a stage running beside this one. */
  input?: InputStream;
  stdout: Output;
  stderr: Output;
  /** Whether stdin/stdout are the terminal (ls columns, docker -t, jq colours). */
  stdinIsTerminal: boolean;
  stdoutIsTerminal: boolean;
  /** Ctrl-C on the screen: the line being run stops (Session.run reads it; commands see `budget`). */
  signal?: AbortSignal;
  /** The terminal's full-screen programs (editors, pagers), when the line is typed on the tutor's
   * screen (Session.run reads it; commands ask ShellServices.terminal). */
  terminal?: TerminalApps;
}

/** A full-screen program on the terminal: an editor (vim, nano) or a pager (less, more, man). */
export interface FullScreenApp {
  kind: 'vim' | 'nano' | 'pager';
  /** The file's name as typed (the editor's title), or what the pager shows. */
  name: string;
  text: string;
  /** A file that does not exist yet (vim says [New], nano "New File"). */
  newFile?: boolean;
  /** Writes the text (:w, Ctrl-O) and returns what the editor says, or an error it shows. */
  save?: (text: string) => { ok: boolean; message: string };
}

export interface TerminalApps {
  /** Shows the program until the user quits it. */
  open(app: FullScreenApp): Promise<void>;
}

/** What a shell session offers its commands beyond their own process. */
export interface ShellServices {
  /**
   * Runs a command line in a child shell of this one (xargs, find -exec, docker's RUN and exec).
   * root is the host path the child's / maps to (a container's merged dir); cwd is as the child
   * sees it.
   */
  runLine(
    line: string,
    io: CommandIO,
    options?: {
      root?: string;
      cwd?: string;
      env?: Record<string, string>;
      /** env is the whole environment (env -i, env -u), not additions to the shell's. */
      envExact?: boolean;
      hostname?: string;
      shell?: boolean;
      /** `sh -c LINE NAME ARGS…`: $0 and the positional parameters. */
      args?: readonly string[];
      /** Its pid namespace when not its root's (nsenter -m without -p: the host's, '/'). */
      pidNs?: string;
      /** Entered another process's namespaces (nsenter): a process of its own there. */
      entered?: boolean;
      /** Its pid ($$), when the one who starts it knows it (a container's command: 1). */
      pid?: number;
      /** The child's user and groups (docker run/exec -u); root when absent. */
      cred?: Credentials;
      /** The child is GNU bash, run by this name (`bash`, `/bin/bash`): it sets its variables
       * ($BASH_VERSION …) from the bash of the root it runs in. */
      bash?: string;
      /** A shell program (`bash -c`, `sh FILE`): how it runs, the options it was given, which shell
       * it is, whether it reads standard input, and (ash) the name its errors give with a line. */
      program?: {
        mode?: 'command' | 'script';
        flags: string;
        options: readonly string[];
        dialect?: Dialect;
        stdin?: boolean;
        commandName?: string;
      };
    },
  ): Promise<number>;
  /** `docker exec -it c sh` and `docker run -it`: the session's prompt moves into a container. */
  enterShell(options: {
    root: string;
    hostname: string;
    cwd?: string;
    /** The container process's environment (docker exec -it c sh); the host's login variables without. */
    env?: Record<string, string>;
    cred?: Credentials;
    /** The shell is GNU bash, run by this name: it sets its variables ($BASH_VERSION …). */
    bash?: string;
    /** Which shell it is (bash when absent). */
    dialect?: Dialect;
    /** A login's shell as this user (su): the prompt is the distribution's for that user and
     * shell (`nobody@host:/tmp$ `, dash's `$ `), not a container's. */
    user?: string;
    onExit?: () => void;
  }): void;
  /** The lines typed so far, for `history`. */
  history(): readonly string[];
  /** The screen's full-screen programs, while a line typed on it runs. */
  terminal?(): TerminalApps | undefined;
}

export interface CommandContext extends CommandIO {
  /** argv[0] is the name as typed. */
  argv: string[];
  proc: Proc;
  /** Exported variables (PATH, HOME, PWD …). */
  env: ReadonlyMap<string, string>;
  shell: ShellServices;
  /** What the line may still spend; every loop of the command ticks it (src/kernel/budget.ts). */
  budget: Budget;
  /** The program that runs this command when it is not the host's own: busybox's applets (in a
   * busybox-based container, or as `busybox APPLET`) print busybox's formats and messages. */
  variant?: CommandVariant;
}

/** busybox's multi-call binary, at `binary` as the command's process sees its root. */
export interface CommandVariant {
  kind: 'busybox';
  binary: string;
}

/** One command as it ran (a table command or a builtin, after expansion), for whoever watches the
 * session: the lesson checks ask which command printed a value, not only whether it was printed. */
export interface CommandTrace {
  argv: string[];
  /** Its input and what it wrote to stdout, as text, cut at TRACE_LIMIT characters. */
  stdin: string;
  stdout: string;
  exitCode: number;
}

export const TRACE_LIMIT = 100_000;

/** Where a command's child line runs (find -exec, xargs): in the command's own root, so a
 * container's find runs the container's programs on its files, with the command's environment. */
export function childLineOptions(ctx: CommandContext): Parameters<ShellServices['runLine']>[2] {
  if (ctx.proc.root === '/') return undefined;
  return {
    root: ctx.proc.root,
    cwd: ctx.proc.getcwd(),
    env: Object.fromEntries(ctx.env),
    ...(ctx.proc.cred.uid !== 0 || ctx.proc.cred.gid !== 0 ? { cred: ctx.proc.cred } : {}),
  };
}

export type CommandFn = (ctx: CommandContext) => number | Promise<number>;

export interface CommandSpec {
  name: string;
  run: CommandFn;
  /** One line for `help`. */
  summary: string;
  /** Flags offered by Tab completion. */
  flags?: readonly string[];
  /** Reads stdin as it comes (ctx.input), so it can end a pipeline early (head) or follow an
   * endless one (grep after docker logs -f); other commands get their stdin whole. */
  streaming?: boolean;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? enc.encode(data) : data;
}

export function toText(data: Uint8Array): string {
  return dec.decode(data);
}
