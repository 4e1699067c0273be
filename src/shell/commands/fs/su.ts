// su (util-linux's, as Ubuntu and Debian ship it): root becomes another user without a password
// — `su nobody -s /bin/sh -c id`, `su - USER -c CMD` — and anyone else is asked for the target's
// password, which a line typed here cannot give: the prompt, then "Authentication failure", as
// the real su prints without a terminal to read a password from. Without -c, su starts the user's
// shell: at the screen, the prompt becomes that shell's (`nobody@host:/tmp$ `) until `exit` or
// Ctrl-D; without a terminal, the shell reads its commands from standard input (`echo id | su
// nobody -s /bin/sh`).
import { isKernelError } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { parseOptions, usage } from '../options.js';

interface Account {
  name: string;
  uid: number;
  gid: number;
  home: string;
  shell: string;
}

function account(ctx: CommandContext, name: string): Account | undefined {
  let text = '';
  try {
    text = new TextDecoder().decode(ctx.proc.readFile('/etc/passwd'));
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f[0] !== name || f.length < 7) continue;
    return { name, uid: Number(f[2]), gid: Number(f[3]), home: f[5] ?? '/', shell: f[6] || '/bin/sh' };
  }
  return undefined;
}

/** The user's groups: the primary one and those /etc/group lists the user in. */
function groupsOf(ctx: CommandContext, who: Account): number[] {
  const out = [who.gid];
  try {
    for (const line of new TextDecoder().decode(ctx.proc.readFile('/etc/group')).split('\n')) {
      const f = line.split(':');
      const gid = Number(f[2]);
      if ((f[3] ?? '').split(',').includes(who.name) && !out.includes(gid)) out.push(gid);
    }
  } catch {
    // no /etc/group: the primary group alone
  }
  return out;
}

async function su(ctx: CommandContext): Promise<number> {
  let p;
  const argv = ctx.argv.slice(1).map((a) => (a === '-' ? '--login' : a));
  try {
    p = parseOptions('su', argv, {
      short: 'lmpP',
      shortArg: 'cs',
      long: {
        login: 'l',
        'command=': 'c',
        'shell=': 's',
        'preserve-environment': 'm',
        pty: 'P',
        'session-command=': 'c',
      },
    });
  } catch (err) {
    return usage(ctx, 'su', err);
  }
  const name = p.operands[0] ?? 'root';
  const who = account(ctx, name);
  if (!who) {
    ctx.stderr(`su: user ${name} does not exist or the user entry does not contain all the required fields\n`);
    return 1;
  }
  if (ctx.proc.cred.uid !== 0) {
    // PAM asks for the password on the terminal; with none to read it from, it fails at once.
    ctx.stderr('Password: su: Authentication failure\n');
    return 1;
  }
  const login = p.flags.has('l');
  const shell = p.flags.get('s') ?? who.shell;
  const command = p.flags.get('c');
  if (/\/nologin$/.test(shell) || shell === '/bin/false') {
    if (shell.endsWith('nologin')) ctx.stderr('This account is currently not available.\n');
    return 1;
  }
  const env: Record<string, string> = login
    ? {
        ...(ctx.env.get('TERM') !== undefined ? { TERM: ctx.env.get('TERM') as string } : {}),
        PATH:
          who.uid === 0
            ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
            : '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games',
      }
    : Object.fromEntries(ctx.env);
  env.HOME = who.home;
  env.SHELL = shell;
  if (login || who.uid !== 0) {
    env.USER = who.name;
    env.LOGNAME = who.name;
  }
  let cwd = ctx.proc.getcwd();
  if (login) {
    const st = (() => {
      try {
        return ctx.proc.stat(who.home);
      } catch {
        return undefined;
      }
    })();
    if (st?.type === 'dir') cwd = who.home;
    else ctx.stderr(`su: warning: cannot change directory to ${who.home}: No such file or directory\n`);
  }
  // bash counts itself in SHLVL (su - clears the environment: 1); dash leaves it.
  const bash = /bash$/.test(shell);
  if (bash) env.SHLVL = String((Number(env.SHLVL) || 0) + 1);
  if (command === undefined) return userShell(ctx, who, shell, env, cwd, login);
  const run = (dir: string) =>
    ctx.shell.runLine(command, ctx, {
      root: ctx.proc.root,
      cwd: dir,
      env,
      shell: true,
      cred: { uid: who.uid, gid: who.gid, groups: groupsOf(ctx, who) },
      ...(/bash$/.test(shell) ? { bash: shell } : {}),
    });
  try {
    return await run(cwd);
  } catch (err) {
    // The real process keeps a directory it may not enter (root's /root) as its cwd; the model's
    // process starts by entering it, so the user's shell starts in / instead.
    if (!isKernelError(err, 'EACCES')) throw err;
    return run('/');
  }
}

/** su without -c: the user's shell, at the prompt when su has a terminal, else on its input. */
async function userShell(
  ctx: CommandContext,
  who: Account,
  shell: string,
  env: Record<string, string>,
  cwd: string,
  login: boolean,
): Promise<number> {
  const bash = /bash$/.test(shell);
  const cred = { uid: who.uid, gid: who.gid, groups: groupsOf(ctx, who) };
  const dialect = bash ? 'bash' : 'dash';
  const dir = enterable(ctx, who, cwd);
  if (ctx.stdinIsTerminal) {
    let hostname = 'localhost';
    try {
      hostname = new TextDecoder().decode(ctx.proc.readFile('/etc/hostname')).trim();
    } catch {
      // keep localhost
    }
    ctx.shell.enterShell({
      root: ctx.proc.root,
      hostname,
      cwd: dir,
      env,
      cred,
      dialect,
      user: who.name,
      ...(bash ? { bash: shell } : {}),
    });
    return 0;
  }
  const script = new TextDecoder().decode(ctx.stdin);
  if (script.trim() === '') return 0;
  return ctx.shell.runLine(
    script,
    { ...ctx, stdin: new Uint8Array(0) },
    {
      root: ctx.proc.root,
      cwd: dir,
      env,
      shell: true,
      cred,
      // su runs the shell by its base name, a login shell's with a dash (`-bash`): its $0.
      args: [`${login ? '-' : ''}${shell.split('/').pop()}`],
      program: { flags: '', options: [], dialect, mode: 'script', stdin: true },
      ...(bash ? { bash: shell } : {}),
    },
  );
}

/** The real process keeps a directory it may not search (root's /root) as its cwd; the model's
 * process starts by entering it, so the user's shell starts in / instead (as with -c). */
function enterable(ctx: CommandContext, who: Account, cwd: string): string {
  try {
    const st = ctx.proc.stat(cwd);
    const mode = st.mode & 0o7777;
    const bits = st.uid === who.uid ? (mode >> 6) & 1 : st.gid === who.gid ? (mode >> 3) & 1 : mode & 1;
    return who.uid === 0 || bits ? cwd : '/';
  } catch {
    return '/';
  }
}

export const suCommand: CommandSpec = {
  name: 'su',
  run: su,
  summary: 'become another user: su USER (its shell; exit or Ctrl-D returns), su - USER, su USER -c CMD',
  flags: ['-', '-l', '-c', '-s', '-m'],
};
