// A real bash the learner's lines run in, talking to the tutor's private daemon: one long-lived
// bash (cd and variables carry from line to line) in a slave copy of the daemon's mount namespace,
// where the daemon's data-root is bound on /var/lib/docker and /tmp and /root are fresh tmpfs — so
// paths read as on a stock host and nothing written there reaches the machine's own files.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { shellQuote } from '../posix/shell-quote.js';
import { serveRequests, systemctlShim, type TraceDirs } from './command-trace.js';
import type { PrivateDaemon } from './private-daemon.js';

const END = '\u001eOVERLAY-TUTOR-END';

const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** What a lesson's real bash has besides: its commands recorded, tutorial images to `docker pull`
 * from, `systemctl restart docker` served by the tutor (src/real/command-trace.ts). */
export interface LessonExtras {
  trace?: TraceDirs;
  /** The tutorial images' archive cache (src/real/image-archives.ts), for `docker pull`. */
  images?: string;
  /** Where requests to the tutor go (systemctl's, a pull's for an archive). */
  ctl?: string;
  /** Where the bash keeps its state (variables, functions, aliases, options, cwd) after each line
   * and as it exits, so that one started after it can take it up (`exit` in a lesson). */
  state?: string;
  /** Start from the state an earlier bash left in `state`. */
  restore?: boolean;
}

/** Bash's own variables, which a bash started afresh sets itself (or refuses to be given). */
const OWN_VARS =
  'BASH*|EUID|PPID|UID|GROUPS|SHELLOPTS|SHLVL|HISTCMD|LINENO|RANDOM|SRANDOM|SECONDS|EPOCH*|FUNCNAME|' +
  'PIPESTATUS|DIRSTACK|_|COMP_*|OPTIND|OPTERR|__status|__v';

/** `__ot_save`: the bash's state written to `file` as lines that make it again when sourced (with
 * $?, an exit's status when it ran as the bash exited) —
 * builtins only (a traced program would be recorded as the learner's). Run after each line and on
 * EXIT (not in subshells: bash resets the trap there). */
export function stateSaver(file: string): string[] {
  const f = shellQuote(file);
  return [
    `__ot_save() { { printf '__status=%d\\n' "$?"; for __v in $(compgen -v); do` +
      ` case $__v in ${OWN_VARS}) ;; *) declare -p "$__v" ;; esac; done;` +
      ` declare -f; alias -p; set +o; shopt -p; printf 'cd -- %q\\n' "$PWD"; } > ${f} 2>/dev/null; }`,
    "trap '__ot_save' EXIT",
  ];
}

/** The lines that set the bash up before the learner's first line: its home, the daemon to talk
 * to, and systemctl a stand-in (the machine's own docker.service is never restarted by a lesson).
 * The namespace itself (fresh /tmp, /root, /etc/docker; the data-root on /var/lib/docker) is the
 * daemon's own: namespaceScript in private-daemon.ts. */
export function namespaceSetup(d: PrivateDaemon, extras: LessonExtras = {}): string[] {
  mkdirSync(join(d.dir, 'bin'), { recursive: true });
  writeFileSync(join(d.dir, 'bin', 'systemctl'), systemctlShim(extras.ctl), { mode: 0o755 });
  const path = `${join(d.dir, 'bin')}:${dirname(d.cli)}:${SYSTEM_PATH}`;
  return [
    'cd /root',
    `export DOCKER_HOST=${shellQuote(d.host)} DOCKER_CONFIG=${shellQuote(d.env.DOCKER_CONFIG ?? '')}`,
    `export PATH=${shellQuote(extras.trace ? `${extras.trace.bin}:${path}` : path)}`,
    ...(extras.trace ? [`export __OT_PATH=${shellQuote(path)} __OT_TRACE=${shellQuote(extras.trace.records)}`] : []),
    ...(extras.images ? [`export __OT_IMAGES=${shellQuote(extras.images)}`] : []),
    ...(extras.ctl ? [`export __OT_CTL=${shellQuote(extras.ctl)}`] : []),
    ...(extras.state ? stateSaver(extras.state) : []),
    ...(extras.state && extras.restore ? [`[ -f ${shellQuote(extras.state)} ] && . ${shellQuote(extras.state)}`] : []),
  ];
}

/** The bash that runs the learner's lines: interactive, so that a SIGINT to its process group acts
 * as a terminal's Ctrl-C does (the running command dies, a loop or a list stops, the shell reads
 * the next line with its cd and variables kept); no line editing, no history expansion (`!` in a
 * line is a character), no job control (there is no terminal), no prompts. */
export const BASH_ARGS = ['bash', '--norc', '--noprofile', '--noediting', '-i'];
const BASH_ENV = { HOME: '/root', LANG: 'C.UTF-8', TERM: 'dumb', PS1: '', PS2: '', PS4: '+ ', HISTFILE: '' };

/** How to start the bash and the lines that set its namespace up. */
export interface BashLaunch {
  command: string;
  args: string[];
  setup: string[];
  /** Added to the bash's environment (a kernel lesson's lab marks its processes so). */
  env?: Record<string, string>;
}

export interface RealRunResult {
  exitCode: number;
  exited: boolean;
  /** Stopped by interrupt(): its exit status is 130, as bash gives after Ctrl-C. */
  interrupted?: boolean;
}

export class RealShell {
  private readonly bash: ChildProcessWithoutNullStreams;
  private buffer = '';
  private waiting: ((chunk: string) => void) | undefined;
  private exited = false;
  private exitCode = 0;
  private runs = 0;
  private running: { mark: string; interrupted: boolean } | undefined;
  /** The bash's working directory after the last line (for the prompt). */
  cwd = '/root';
  /** Resolves when the namespace is set up and the bash waits for its first line. */
  readonly ready: Promise<void>;
  /** An interactive bash takes Ctrl-C as a terminal's (its whole group is signalled); another
   * has only its children signalled, as SIGINT would end it. */
  private readonly interactive: boolean;

  /** A bash in a copy of the private daemon's mount namespace, or one launched as `launch` says
   * (the user's own daemon: src/real/system-shell.ts). */
  constructor(
    d: PrivateDaemon | BashLaunch,
    private readonly extras: LessonExtras = {},
    /** Serves the requests the bash's stand-ins make (systemctl restart docker, a pull's archive). */
    private readonly onRequest?: (args: string[]) => Promise<{ code: number; message: string }>,
  ) {
    const launch: BashLaunch =
      'command' in d
        ? d
        : {
            command: 'nsenter',
            args: ['-t', String(d.pid), '-m', 'unshare', '-m', '--propagation', 'slave', ...BASH_ARGS],
            setup: namespaceSetup(d, extras),
          };
    this.interactive = launch.args.includes('-i');
    // Its own process group (detached), whose id is bash's pid: nsenter and unshare exec, so the
    // pid spawned is bash's. interrupt() signals that group, and only it.
    // One pipe for both of bash's outputs (sh's exec, so the pid is still bash's): what bash says as
    // it starts (no job control without a terminal) on stderr could come after the first line's
    // marker on stdout when they were two pipes, and be taken for the line's output.
    this.bash = spawn('sh', ['-c', 'exec "$@" 2>&1', 'sh', launch.command, ...launch.args], {
      env: { ...BASH_ENV, ...launch.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const take = (c: Buffer) => {
      this.buffer += c.toString('utf8');
      this.waiting?.(this.buffer);
    };
    this.bash.stdout.on('data', take);
    this.bash.stderr.on('data', take);
    this.bash.on('exit', (code) => {
      this.exited = true;
      this.exitCode = code ?? 128;
      this.waiting?.(this.buffer);
    });
    this.bash.on('error', () => {
      this.exited = true;
      this.exitCode = 127;
      this.waiting?.(this.buffer);
    });
    // What bash says as it starts (no job control without a terminal) and what the setup prints
    // is dropped: the learner's first line starts on a clean slate.
    this.bash.stdin.write(`set +H +m\n{ ${launch.setup.join('\n')}\n} >/dev/null 2>&1; __status=\${__status:-0}\n`);
    // The first marker keeps $? as the setup left it (a bash taking up after `exit 3` has 3).
    this.ready = this.runNow('(exit $__status)', () => {}).then(() => undefined);
  }

  /** The bash's pid (its process group's id too). */
  get pid(): number | undefined {
    return this.bash.pid;
  }

  /** Runs one line (stdout and stderr together, as a terminal shows them); its exit status. The
   * first waits for the setup to be done (its output is not the line's). */
  async run(line: string, onOutput: (s: string) => void, signal?: AbortSignal): Promise<RealRunResult> {
    await this.ready;
    return this.runNow(line, onOutput, signal);
  }

  private async runNow(line: string, onOutput: (s: string) => void, signal?: AbortSignal): Promise<RealRunResult> {
    if (this.exited) return { exitCode: 127, exited: true };
    const mark = `${END}-${process.pid}-${++this.runs}-`;
    this.buffer = '';
    this.running = { mark, interrupted: false };
    // A line of its own, with the last line's $? (the marker's printf would reset it); its status
    // and the working directory printed after the marker; stdin is /dev/null (no terminal here).
    const save = this.extras.state ? '__ot_save; ' : '';
    const after = `__status=$?; ${save}printf '\\n%s%d %s\\n' '${mark}' "$__status" "$PWD"`;
    this.bash.stdin.write(`(builtin exit $__status); { ${line}\n} 2>&1 </dev/null; ${after}\n`);
    const re = new RegExp(`\n${mark}(\\d+) ([^\n]*)\n`);
    // A marker of an earlier line (one whose Ctrl-C came as it ended) is not output.
    const stale = new RegExp(`\n?${END}-\\d+-\\d+-\\d+ [^\n]*\n`, 'g');
    const onAbort = () => this.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    // A `systemctl restart docker` or a pull in the line may wait for the tutor's answer.
    const { ctl } = this.extras;
    const serve = this.onRequest;
    let serving = false;
    const poll =
      ctl && serve
        ? setInterval(() => {
            if (serving) return;
            serving = true;
            void serveRequests(ctl, serve).finally(() => {
              serving = false;
            });
          }, 100)
        : undefined;
    return new Promise<RealRunResult>((resolve) => {
      this.waiting = (all) => {
        const pending = all.replace(stale, (m) => (m.includes(mark) ? m : ''));
        const m = re.exec(pending);
        // Held back: a marker's start (its record separator, and the newline before it), and a
        // last newline, which may be the marker's — unless the bash has ended (`exit` prints
        // "exit\n" and no marker comes).
        const sep = pending.indexOf('\u001e');
        const held = this.exited ? 0 : pending.endsWith('\n') ? 1 : 0;
        const upto = m ? m.index : sep >= 0 ? Math.max(0, sep - 1) : pending.length - held;
        if (upto > 0) onOutput(pending.slice(0, upto));
        this.buffer = pending.slice(upto);
        if (m || this.exited) {
          this.waiting = undefined;
          if (poll) clearInterval(poll);
          signal?.removeEventListener('abort', onAbort);
          const interrupted = this.running?.interrupted ?? false;
          this.running = undefined;
          if (m?.[2]) this.cwd = m[2];
          this.buffer = m ? pending.slice(m.index + m[0].length) : '';
          resolve({
            exitCode: m ? Number(m[1]) : this.exitCode,
            exited: this.exited || /^\s*exit\b/.test(line),
            ...(interrupted ? { interrupted } : {}),
          });
        }
      };
      this.waiting(this.buffer);
    });
  }

  /** Ctrl-C: SIGINT to the bash's process group (the line's commands and the bash itself, which
   * drops the rest of the line); then the line's marker, with 130, as the aborted line cannot
   * print it. A command that ignores SIGINT gets SIGKILL after a while. */
  interrupt(): void {
    const r = this.running;
    if (!r || this.exited || !this.bash.pid) return;
    r.interrupted = true;
    const targets = this.interactive ? [-this.bash.pid] : descendantsOf(this.bash.pid);
    for (const pid of targets) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // Gone already: nothing left to stop.
      }
    }
    setTimeout(() => {
      if (this.running !== r) return;
      this.bash.stdin.write(`__status=130; printf '\\n%s%d %s\\n' '${r.mark}' 130 "$PWD"\n`);
      // Still running after 2 s: the line's own processes (not the bash) are killed.
      setTimeout(() => {
        if (this.running === r) this.killChildren();
      }, 2000);
    }, 100);
  }

  /** SIGKILL to every process under the bash (found by their parent pids). */
  private killChildren(): void {
    const root = this.bash.pid;
    if (!root) return;
    for (const pid of descendantsOf(root)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }

  close(): void {
    if (this.exited) return;
    this.bash.stdin.end('exit\n');
    // A line still running does not keep it alive.
    const pid = this.bash.pid;
    setTimeout(() => {
      if (!this.exited && pid) {
        this.killChildren();
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Gone meanwhile.
        }
      }
    }, 1000).unref();
  }
}

/** Pids under `root`, read from /proc/<pid>/stat's parent field. */
function descendantsOf(root: number): number[] {
  const parent = new Map<number, number>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'latin1');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(e), ppid);
    } catch {
      // Ended while read.
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [pid, pp] of parent)
      if (pp === p) {
        found.push(pid);
        walk(pid);
      }
  };
  walk(root);
  return found;
}
