// nsenter (util-linux 2.38): runs a program in the namespaces of the process -t names. The mount
// namespace is the one that matters here: with -m the program sees the container's merged
// directory as / with its own /proc and /dev; with -p as well it is a process of the container's
// pid namespace (its /proc/self resolves); -u gives it the container's host name. Without a
// program, an interactive shell ($SHELL) where the learner types on, as real nsenter starts one.
import type { Task } from '../../../kernel/index.js';
import { shellQuote } from '../../../posix/shell-quote.js';
import type { CommandContext, CommandSpec } from '../../command.js';

const HELP = `
Usage:
 nsenter [options] [<program> [<argument>...]]

Run a program with namespaces of other processes.

Options:
 -a, --all              enter all namespaces
 -t, --target <pid>     target process to get namespaces from
 -m, --mount[=<file>]   enter mount namespace
 -u, --uts[=<file>]     enter UTS namespace (hostname etc)
 -i, --ipc[=<file>]     enter System V IPC namespace
 -n, --net[=<file>]     enter network namespace
 -p, --pid[=<file>]     enter pid namespace
 -C, --cgroup[=<file>]  enter cgroup namespace
 -U, --user[=<file>]    enter user namespace
 -T, --time[=<file>]    enter time namespace
 -S, --setuid <uid>     set uid in entered namespace
 -G, --setgid <gid>     set gid in entered namespace
     --preserve-credentials do not touch uids or gids
 -r, --root[=<dir>]     set the root directory
 -w, --wd[=<dir>]       set the working directory
 -W. --wdns <dir>       set the working directory in namespace
 -F, --no-fork          do not fork before exec'ing <program>
 -Z, --follow-context   set SELinux context according to --target PID

 -h, --help             display this help
 -V, --version          display version

For more details see nsenter(1).
`;

/** The namespaces in the order nsenter opens them (namespace_files[]), by option letter. */
const NAMESPACES: ReadonlyArray<readonly [string, string, string]> = [
  ['U', 'user', 'user'],
  ['C', 'cgroup', 'cgroup'],
  ['i', 'ipc', 'ipc'],
  ['u', 'uts', 'uts'],
  ['n', 'net', 'net'],
  ['p', 'pid', 'pid'],
  ['m', 'mnt', 'mount'],
  ['T', 'time', 'time'],
];
const WITH_ARG = new Set(['t', 'S', 'G', 'W']);
const OPTIONAL_ARG = new Set(['m', 'u', 'i', 'n', 'p', 'C', 'U', 'T', 'r', 'w']);
const LONG: Record<string, string> = {
  all: 'a',
  target: 't',
  mount: 'm',
  uts: 'u',
  ipc: 'i',
  net: 'n',
  pid: 'p',
  cgroup: 'C',
  user: 'U',
  time: 'T',
  setuid: 'S',
  setgid: 'G',
  root: 'r',
  wd: 'w',
  wdns: 'W',
  'no-fork': 'F',
  'follow-context': 'Z',
  help: 'h',
  version: 'V',
  'preserve-credentials': 'P',
};

class Refused extends Error {
  constructor(
    message: string,
    readonly status = 1,
  ) {
    super(message);
  }
}

interface Parsed {
  opts: Map<string, string>;
  program: string[];
}

/** getopt_long with "+": options end at the first word that is none. */
function parse(argv: readonly string[]): Parsed {
  const opts = new Map<string, string>();
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const matches = Object.keys(LONG).filter((k) => k.startsWith(name));
      const key = LONG[name] ?? (matches.length === 1 ? LONG[matches[0] as string] : undefined);
      if (!key) throw new Refused(`nsenter: unrecognized option '${a}'\nTry 'nsenter --help' for more information.`);
      if (WITH_ARG.has(key) && eq < 0) {
        const v = argv[++i];
        if (v === undefined)
          throw new Refused(
            `nsenter: option '--${name}' requires an argument\nTry 'nsenter --help' for more information.`,
          );
        opts.set(key, v);
      } else opts.set(key, eq < 0 ? '' : a.slice(eq + 1));
      continue;
    }
    if (a.length < 2 || !a.startsWith('-')) break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      if (!'ahVt:m:u:i:n:p:C:U:T:S:G:r:w:W:FZ'.includes(c) || c === ':')
        throw new Refused(`nsenter: invalid option -- '${c}'\nTry 'nsenter --help' for more information.`);
      if (WITH_ARG.has(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (v === undefined)
          throw new Refused(
            `nsenter: option requires an argument -- '${c}'\nTry 'nsenter --help' for more information.`,
          );
        opts.set(c, v);
        break;
      }
      if (OPTIONAL_ARG.has(c) && j + 1 < a.length) {
        opts.set(c, a.slice(j + 1));
        break;
      }
      opts.set(c, '');
    }
  }
  return { opts, program: argv.slice(i) };
}

/** The program as execvp finds it on PATH under the root it will have. */
function findProgram(ctx: CommandContext, root: string, name: string): boolean {
  const proc = ctx.proc.kernel.proc({ root });
  const dirs = name.includes('/') ? [''] : (ctx.env.get('PATH') ?? '/usr/bin:/bin').split(':');
  for (const dir of dirs) {
    try {
      const st = proc.stat(dir === '' ? name : `${dir}/${name}`);
      if (st.type !== 'dir' && (st.mode & 0o111) !== 0) return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

async function nsenter(ctx: CommandContext): Promise<number> {
  let p: Parsed;
  try {
    p = parse(ctx.argv.slice(1));
  } catch (err) {
    if (!(err instanceof Refused)) throw err;
    ctx.stderr(`${err.message}\n`);
    return err.status;
  }
  if (p.opts.has('h')) {
    ctx.stdout(HELP);
    return 0;
  }
  if (p.opts.has('V')) {
    ctx.stdout('nsenter from util-linux 2.38.1\n');
    return 0;
  }
  const target = p.opts.get('t');
  let task: Task | undefined;
  if (target !== undefined) {
    if (!/^\s*\d+$/.test(target) || Number(target) === 0) {
      ctx.stderr(`nsenter: failed to parse pid: '${target}'\n`);
      return 1;
    }
    task = ctx.proc.kernel.taskList().tasks.find((t) => t.pid === Number(target));
  }
  const all = p.opts.has('a');
  const chosen = NAMESPACES.filter(([letter]) => p.opts.has(letter) || (all && letter !== 'U'));
  for (const [letter, file, name] of chosen) {
    const given = p.opts.get(letter);
    if (given) {
      ctx.stderr(`nsenter: ${name} namespace from a file (${given}) is not simulated here; nothing was done\n`);
      return 1;
    }
    if (target === undefined) {
      ctx.stderr(`nsenter: neither filename nor target pid supplied for ns/${file}\n`);
      return 1;
    }
    if (!task) {
      ctx.stderr(`nsenter: cannot open /proc/${target}/ns/${file}: No such file or directory\n`);
      return 1;
    }
  }
  const has = (l: string) => chosen.some(([letter]) => letter === l);
  const root = task && has('m') ? task.root : ctx.proc.root;
  const cwd = task && has('m') ? task.cwd : ctx.proc.getcwd();
  const env = Object.fromEntries(ctx.env);
  const program = p.program.length > 0 ? p.program : [env.SHELL ?? '/bin/sh'];
  if (!findProgram(ctx, root, program[0] as string)) {
    ctx.stderr(`nsenter: failed to execute ${program[0]}: No such file or directory\n`);
    return 127;
  }
  const hostname = task && has('u') ? task.hostname : undefined;
  if (p.program.length === 0) {
    // An interactive shell there; with nothing to read (a script's stdin), it ends at once.
    if (ctx.stdinIsTerminal) ctx.shell.enterShell({ root, cwd, env, hostname: hostname ?? env.HOSTNAME ?? 'host' });
    return 0;
  }
  return ctx.shell.runLine(program.map(shellQuote).join(' '), ctx, {
    root,
    cwd,
    env,
    ...(hostname ? { hostname } : {}),
    pidNs: task && has('p') ? task.root : '/',
    entered: true,
  });
}

export const nsenterCommand: CommandSpec = {
  name: 'nsenter',
  run: nsenter,
  summary: 'run a program in the namespaces of another process',
  flags: ['-t', '-m', '-u', '-i', '-n', '-p', '-a', '--target', '--mount', '--all'],
};
