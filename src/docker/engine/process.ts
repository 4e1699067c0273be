// A container's main process. There is no real exec: the command line goes to the shell's runner
// with the container's merged dir as its root. Programs that would run until stopped (sleep,
// nginx, tail -f) are not run at all: the container just stays "Up" until `docker stop`.
import { containerCapabilities, normalizeCapabilities } from '../../kernel/capabilities.js';
import { isKernelError, type Proc } from '../../kernel/index.js';
import { shellQuote } from '../../posix/shell-quote.js';
import { HELLO_MESSAGE } from '../registry/small-images.js';
import type { Daemon } from './containers.js';
import { type LogFileSpec, logConfigOf, logFileSpec, writeLogRecord } from './log-drivers.js';
import { startNginx, startsNginx } from './nginx-start.js';
import { type HttpdArgs, listen, parseHttpd } from './sockets.js';
import { DaemonError, type Container, type RunIO } from './types.js';
import { resolveUser, type ExecUser } from './user.js';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const SERVERS = new Set(['nginx', 'redis-server', 'mysqld', 'postgres', 'top', 'watch']);

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** Whether the argv is `sh -c SCRIPT` (a shell the line runs in), not a program run directly. */
export function isShellLine(argv: readonly string[]): boolean {
  const [shell = '', flag, script] = argv;
  return script !== undefined && SHELLS.has(base(shell)) && flag === '-c';
}

/** `sh -c SCRIPT [NAME ARGS…]`: the shell's $0 (NAME, else the shell as run) and $1 …, and the
 * name bash was run by when the shell is bash; else none. */
export function shellArgs(
  argv: readonly string[],
  root?: Proc,
): { args?: readonly string[]; bash?: string; program?: ShellProgram } {
  if (!isShellLine(argv)) return {};
  const args = [argv[3] ?? argv[0] ?? 'sh', ...argv.slice(4)];
  // Given the container's root, the shell is the program its image holds there: busybox's ash,
  // dash or bash, each with its own words (`sh: 1: foo: not found`, `sh: foo: not found`).
  const dialect = root && dialectIn(root, argv[0] ?? 'sh');
  const program: ShellProgram | undefined = dialect && {
    mode: 'command',
    flags: '',
    options: [],
    dialect,
    ...(argv[3] !== undefined ? { commandName: argv[3] } : {}),
  };
  return {
    args,
    ...(base(argv[0] ?? '') === 'bash' ? { bash: argv[0] as string } : {}),
    ...(program ? { program } : {}),
  };
}

/** Which shell runs the line (the shell's own Dialect; docker/ does not import shell/). */
type Dialect = 'bash' | 'dash' | 'ash';
/** How runLine's shell program is described: a -c string, its shell, and ash's command name. */
interface ShellProgram {
  mode: 'command';
  flags: string;
  options: readonly string[];
  dialect: Dialect;
  commandName?: string;
}

/** Which shell NAME is in ROOT: busybox (by its name or, as the busybox image's hard links, its
 * inode), dash, else bash. */
function dialectIn(root: Proc, name: string): Dialect {
  const path = name.includes('/')
    ? name
    : ['/usr/local/bin', '/usr/bin', '/bin'].map((d) => `${d}/${name}`).find((p) => exists(root, p));
  if (path === undefined) return 'bash';
  try {
    const real = root.realpath(path);
    if (real.endsWith('/busybox')) return 'ash';
    if (real.endsWith('/dash')) return 'dash';
    const st = root.stat(real);
    for (const b of ['/bin/busybox', '/usr/bin/busybox'])
      if (exists(root, b) && root.stat(b).ino === st.ino && root.stat(b).dev === st.dev) return 'ash';
  } catch {
    // unreadable: bash's words
  }
  return 'bash';
}

function exists(root: Proc, path: string): boolean {
  try {
    root.stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The argv as one shell line: `sh -c SCRIPT` becomes SCRIPT, other words are quoted as needed. */
export function shellLine(argv: string[]): string {
  const [shell = '', flag, script] = argv;
  if (script !== undefined && SHELLS.has(base(shell)) && flag === '-c') return script;
  return argv.map(shellQuote).join(' ');
}

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * moby's ReplaceOrAppendEnvValues: KEY=V replaces a default KEY in place, a bare KEY unsets a
 * default; anything else is appended — and, as in Go, the appended ones are not looked up again
 * (`-e FOO=bar -e FOO` keeps FOO=bar).
 */
function replaceOrAppend(defaults: Array<[string, string | undefined]>, overrides: readonly string[]): void {
  const cache = new Map(defaults.map(([k], i) => [k, i]));
  for (const e of overrides) {
    const eq = e.indexOf('=');
    const key = eq < 0 ? e : e.slice(0, eq);
    const at = cache.get(key);
    if (eq < 0) {
      if (at !== undefined) defaults[at] = [key, undefined];
    } else if (at !== undefined) defaults[at] = [key, e.slice(eq + 1)];
    else defaults.push([key, e.slice(eq + 1)]);
  }
}

/**
 * The environment docker gives a container's process, in its order: CreateDaemonEnvironment's
 * PATH, HOSTNAME and (with a terminal) TERM=xterm, the container's Env and an exec's -e over them
 * (ReplaceOrAppendEnvValues), then HOME as runc adds it when none is set — the user's home in the
 * container's /etc/passwd, else "/" (a busybox image without /etc/passwd gets HOME=/).
 */
export function containerEnv(
  d: Daemon,
  c: Container,
  o: { tty: boolean; extra?: readonly string[]; user?: string },
): Record<string, string> {
  const env: Array<[string, string | undefined]> = [
    ['PATH', DEFAULT_PATH],
    ['HOSTNAME', c.config.Hostname || c.id.slice(0, 12)],
  ];
  if (o.tty) env.push(['TERM', 'xterm']);
  replaceOrAppend(env, c.config.Env ?? []);
  replaceOrAppend(env, o.extra ?? []);
  const out: Record<string, string> = {};
  for (const [k, v] of env) if (v !== undefined) out[k] = v;
  if (out.HOME === undefined) out.HOME = homeOf(d, c, o.user ?? c.config.User ?? '');
  return out;
}

/** The home directory of USER (a name or uid; empty is root) in the container's /etc/passwd, else "/". */
function homeOf(d: Daemon, c: Container, user: string): string {
  try {
    return resolveUser(d.kernel.proc({ root: d.mergedDir(c) }), user, d.mergedDir(c)).home;
  } catch {
    return '/';
  }
}

/** The credentials of a container's process run as USER (Config.User, or exec's -u). */
export function processUser(d: Daemon, c: Container, user: string): ExecUser {
  const cred = resolveUser(d.kernel.proc({ root: d.mergedDir(c) }), user, d.mergedDir(c));
  return { ...cred, caps: capabilitiesOf(c) };
}

/** The container's effective capabilities (its names were checked at create). */
export function capabilitiesOf(c: Container): bigint {
  const names = (list: readonly string[] | undefined): string[] => {
    const n = normalizeCapabilities(list ?? []);
    return 'caps' in n ? n.caps : [];
  };
  return containerCapabilities(names(c.capAdd), names(c.capDrop), !!c.privileged);
}

/** busybox's httpd in the foreground, as a script's last command (`… && exec httpd -f -p 80`). */
const HTTPD_LAST = /(?:exec\s+)?httpd\b([^;&|\n]*\s-\w*f[^;&|\n]*)$/;
const ENDLESS = new RegExp(
  `while\\s+true|while\\s+:|sleep\\s+(infinity|\\d{3,})|tail\\s+-f|${HTTPD_LAST.source.slice(0, -1)}\\s*$`,
);

/** The httpd a main process leaves running in the foreground: its bound address and home. */
export function foregroundHttpd(argv: readonly string[], cwd: string): HttpdArgs | undefined {
  let args: readonly string[] | undefined;
  if (base(argv[0] ?? '') === 'httpd') args = argv.slice(1);
  else if (isShellLine(argv))
    args = HTTPD_LAST.exec((argv[2] ?? '').trimEnd())?.[1]
      ?.trim()
      .split(/\s+/);
  const parsed = args && parseHttpd(args, cwd);
  return parsed && 'foreground' in parsed && parsed.foreground ? parsed : undefined;
}

/**
 * What a detached `sh -c SCRIPT` that ends in something endless (sleep 1000, while true) does
 * first, when that is whole commands: `echo started; sleep 1000` writes "started" to its log. Only
 * a cut at a top-level `;`, `&&` or newline with its keywords, brackets and quotes balanced counts.
 */
export function leadingCommands(script: string): string | undefined {
  const m = ENDLESS.exec(script);
  if (!m) return undefined;
  const cut = /^([\s\S]*?)\s*(;|&&|\n)\s*$/.exec(script.slice(0, m.index));
  const head = cut?.[1]?.trim();
  if (!head) return undefined;
  const count = (re: RegExp): number => head.match(re)?.length ?? 0;
  const balanced =
    count(/\bdo\b/g) === count(/\bdone\b/g) &&
    count(/\bif\b/g) === count(/\bfi\b/g) &&
    count(/\bcase\b/g) === count(/\besac\b/g) &&
    count(/\{/g) === count(/\}/g) &&
    count(/\(/g) === count(/\)/g) &&
    count(/'/g) % 2 === 0 &&
    count(/"/g) % 2 === 0;
  return balanced ? head : undefined;
}

/** Whether the program keeps running until stopped. */
export function isLongRunning(argv: string[], detach: boolean): boolean {
  const args = base(argv[0] ?? '') === 'docker-entrypoint.sh' ? argv.slice(1) : argv;
  const prog = base(args[0] ?? '');
  if (SERVERS.has(prog)) return true;
  if (prog === 'httpd') return foregroundHttpd(args, '/') !== undefined;
  if (prog === 'tail' && args.includes('-f')) return true;
  if (!detach) return false;
  if (prog === 'sleep') return true;
  if (SHELLS.has(prog) && args[1] === '-c') return ENDLESS.test(args[2] ?? '');
  return false;
}

/** Why runc could not exec NAME in the container (as its error says it), or undefined when it can. */
export function execLookupError(d: Daemon, c: Container, name: string): string | undefined {
  const p = d.kernel.proc({ root: d.mergedDir(c) });
  if (name.includes('/')) return executableError(p, name);
  const path =
    (c.config.Env ?? []).find((e) => e.startsWith('PATH='))?.slice(5) ??
    '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  return path.split(':').some((dir) => executableError(p, `${dir}/${name}`) === undefined)
    ? undefined
    : 'executable file not found in $PATH';
}

/** Go's exec.findExecutable, as runc looks a program up: stat's error, or EACCES for a directory or
 * a file no one may execute. */
function executableError(p: Proc, path: string): string | undefined {
  let st: ReturnType<Proc['stat']>;
  try {
    st = p.stat(path);
  } catch (e) {
    return `stat ${path}: ${isKernelError(e, 'ENOTDIR') ? 'not a directory' : 'no such file or directory'}`;
  }
  return st.type !== 'dir' && (st.mode & 0o111) !== 0 ? undefined : 'permission denied';
}

function findExecutable(d: Daemon, c: Container, name: string): boolean {
  return execLookupError(d, c, name) === undefined;
}

/** Output goes to the caller (when attached) and to the container's log driver (json-file, local;
 * none keeps nothing), a record per line, as the daemon's logger copies it. */
function loggingIO(d: Daemon, c: Container, io: RunIO, attached: boolean): RunIO {
  let spec: LogFileSpec | undefined;
  try {
    spec = logFileSpec(d.containerDir(c), c, logConfigOf(c), d.fs);
  } catch {
    spec = undefined; // the start checked it already
  }
  const write = (stream: 'stdout' | 'stderr') => (data: string | Uint8Array) => {
    if (attached) io[stream](data);
    if (!spec) return;
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    for (const log of text.split(/(?<=\n)/).filter((l) => l !== ''))
      writeLogRecord(d.fs, spec, { stream, log, time: d.now().text });
  };
  return { ...io, stdout: write('stdout'), stderr: write('stderr') };
}

/** Runs the started container's main process; 'running' when it keeps running. */
export async function runMainProcess(
  d: Daemon,
  c: Container,
  attached: RunIO,
  detach: boolean,
): Promise<number | 'running'> {
  const argv = [c.path, ...c.args];
  // Without -i the process's stdin is /dev/null, and a terminal only with -t as well.
  const io: RunIO = c.config.OpenStdin
    ? { ...attached, stdinIsTerminal: attached.stdinIsTerminal && !!c.config.Tty }
    : { ...attached, stdin: new Uint8Array(0), stdinIsTerminal: false };
  const out = loggingIO(d, c, io, !detach);
  if (!c.path) {
    d.exited(c, 127);
    throw new DaemonError('No command specified', 400, 125);
  }
  let cred: ExecUser;
  try {
    // The daemon reads the user from the image's passwd and group while it writes the spec.
    cred = processUser(d, c, c.config.User ?? '');
  } catch (e) {
    d.unmountAll(c);
    c.state = { ...c.state, status: 'created', pid: 0, exitCode: 128 };
    d.saveContainer(c);
    if (c.autoRemove) d.rm(c.id, true, true);
    throw e;
  }
  if (!findExecutable(d, c, c.path)) {
    // runc fails before the process exists: the container goes back to Created.
    d.unmountAll(c);
    c.state = { ...c.state, status: 'created', pid: 0, exitCode: 127 };
    d.saveContainer(c);
    const why = execLookupError(d, c, c.path);
    // The daemon's start failed: with AutoRemove it removes the container, as for an exit.
    if (c.autoRemove) d.rm(c.id, true, true);
    throw new DaemonError(
      'failed to create shim task: OCI runtime create failed: runc ' +
        'create failed: unable to start container process: exec: "' +
        `${c.path}": ${why}: unknown`,
      500,
      127,
    );
  }
  if (c.path === '/hello') {
    out.stdout(HELLO_MESSAGE);
    d.exited(c, 0);
    return 0;
  }
  if (isLongRunning(argv, detach)) {
    if (startsNginx(argv)) {
      const started = startNginx(d.kernel.proc({ root: d.mergedDir(c) }), argv, {
        now: d.clock.now(),
        env: c.config.Env ?? [],
        kernelRelease: d.kernelVersion,
      });
      if (started.stdout.length) out.stdout(`${started.stdout.join('\n')}\n`);
      out.stderr(`${started.stderr.join('\n')}\n`);
      const last = started.workerPids.at(-1) ?? 0;
      c.state = { ...c.state, workerPids: started.workerPids, nextPid: last + 1 };
    }
    const head = isShellLine(argv) ? leadingCommands(argv[2] ?? '') : undefined;
    if (head !== undefined)
      await d.runCommand(head, {
        root: d.mergedDir(c),
        cwd: c.config.WorkingDir || '/',
        env: containerEnv(d, c, { tty: !!c.config.Tty }),
        shell: true,
        ...shellArgs(argv, d.kernel.proc({ root: d.mergedDir(c) })),
        hostname: c.config.Hostname || c.id.slice(0, 12),
        pid: 1,
        io: out,
        cred,
      });
    const httpd = foregroundHttpd(argv, c.config.WorkingDir || '/');
    if (httpd) listen(d, c, httpd);
    return 'running';
  }
  if (SHELLS.has(base(c.path)) && c.args.length === 0) {
    // A shell with no script and no terminal reads its stdin: with -i, what was piped to the
    // client (`echo 'ls /' | docker run -i busybox sh`); without, nothing, and it exits.
    if (detach && c.config.OpenStdin) return 'running';
    const script = c.config.OpenStdin ? new TextDecoder().decode(io.stdin) : '';
    const code =
      script.trim() === ''
        ? 0
        : await d.runCommand(script, {
            root: d.mergedDir(c),
            cwd: c.config.WorkingDir || '/',
            env: containerEnv(d, c, { tty: !!c.config.Tty }),
            shell: true,
            args: [c.path],
            ...(base(c.path) === 'bash' ? { bash: c.path } : {}),
            hostname: c.config.Hostname || c.id.slice(0, 12),
            pid: 1,
            io: { ...out, stdin: new Uint8Array(0) },
            cred,
          });
    d.exited(c, code);
    return code;
  }
  const code = await d.runCommand(shellLine(argv), {
    root: d.mergedDir(c),
    cwd: c.config.WorkingDir || '/',
    env: containerEnv(d, c, { tty: !!c.config.Tty }),
    shell: isShellLine(argv),
    ...shellArgs(argv, d.kernel.proc({ root: d.mergedDir(c) })),
    hostname: c.config.Hostname || c.id.slice(0, 12),
    pid: 1,
    io: out,
    cred,
  });
  d.exited(c, code);
  return code;
}
