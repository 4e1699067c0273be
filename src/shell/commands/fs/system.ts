// Commands about the machine and the user: uname, id, whoami, hostname, date, env, which, and a
// non-interactive vim/vi that saves the way vim does (new file renamed over the old: new inode).
import { strftime } from '../strftime.js';
import { shellQuote } from '../../../posix/shell-quote.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { Names, q } from './format.js';
import { tryStat } from './lookup.js';
import { errText, parseOptions, usage } from '../options.js';
import { DEFAULT_KERNEL_RELEASE } from '../../../kernel/index.js';

const dec = new TextDecoder();

export interface MachineInfo {
  /** `uname -r`, e.g. 5.15.0-91-generic: the simulated kernel's release (src/kernel/release.ts). */
  release: string;
  /** `uname -v`. */
  version: string;
}

export const DEFAULT_MACHINE: MachineInfo = {
  release: DEFAULT_KERNEL_RELEASE,
  version: '#101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023',
};

/** The name `hostname` prints: the UTS namespace's, /etc/hostname's, $HOSTNAME. */
export function hostnameOf(ctx: CommandContext): string {
  // A process that entered a UTS namespace (nsenter -u) has that namespace's name.
  if (ctx.proc.uts) return ctx.proc.uts;
  // A container's /etc/hostname is empty in its init layer (Docker bind-mounts the real one), so
  // the HOSTNAME that docker exports to every container process comes next.
  try {
    const name = dec.decode(ctx.proc.readFile('/etc/hostname')).trim();
    if (name) return name;
  } catch {
    // fall through
  }
  return ctx.env.get('HOSTNAME') ?? 'localhost';
}

export function makeUname(machine: MachineInfo): CommandSpec {
  return {
    name: 'uname',
    summary: 'print system information (-a -s -r -n -m -v -o)',
    flags: ['-a', '-s', '-r', '-n', '-m', '-v', '-o'],
    run(ctx) {
      const fields: [string, string][] = [
        ['s', 'Linux'],
        ['n', hostnameOf(ctx)],
        ['r', machine.release],
        ['v', machine.version],
        ['m', 'x86_64'],
        ['p', 'x86_64'],
        ['i', 'x86_64'],
        ['o', 'GNU/Linux'],
      ];
      const want = new Set<string>();
      for (const a of ctx.argv.slice(1)) {
        const long: Record<string, string> = {
          '--all': 'a',
          '--kernel-name': 's',
          '--nodename': 'n',
          '--kernel-release': 'r',
          '--kernel-version': 'v',
          '--machine': 'm',
          '--operating-system': 'o',
        };
        const short = long[a];
        if (short) want.add(short);
        else if (/^-[asnrvmpio]+$/.test(a)) for (const c of a.slice(1)) want.add(c);
        else {
          ctx.stderr(
            a.startsWith('-')
              ? [
                  `uname: invalid option -- '${a.replace(/^-+/, '').replace(/[asnrvmpio]/g, '')[0] ?? a}'`,
                  "Try 'uname --help' for more information.",
                  '',
                ].join('\n')
              : `uname: extra operand ${q(a)}\nTry 'uname --help' for more information.\n`,
          );
          return 1;
        }
      }
      if (want.size === 0) want.add('s');
      const all = want.has('a');
      const out = fields.filter(([k]) => (all ? k !== 'p' && k !== 'i' : want.has(k))).map(([, v]) => v);
      if (all) out.splice(5, 0, 'x86_64', 'x86_64');
      ctx.stdout(`${out.join(' ')}\n`);
      return 0;
    },
  };
}

function id(ctx: CommandContext): number {
  const a = ctx.argv.slice(1);
  const cred = ctx.proc.cred;
  if (cred.uid !== 0 || cred.gid !== 0 || (cred.groups ?? [0]).some((g) => g !== 0)) return userId(ctx, a);
  // A root without passwd and group entries for root (the busybox-static image) shows numbers.
  const names = new Names(ctx.proc);
  const user = names.known('user', 0);
  const group = names.known('group', 0);
  if (user === undefined || group === undefined) return bareId(ctx, a, user, group);
  // Bundled or apart: -un is -u -n.
  const flags = a.filter((x) => /^-[a-zA-Z]+$/.test(x)).join('');
  const operand = a.find((x) => !x.startsWith('-'));
  if (/[ugG]/.test(flags)) ctx.stdout(flags.includes('n') ? 'root\n' : '0\n');
  else if (operand !== undefined && operand !== 'root') {
    ctx.stderr(`id: ${q(operand)}: no such user\n`);
    return 1;
  } else ctx.stdout('uid=0(root) gid=0(root) groups=0(root)\n');
  return 0;
}

/** id of a process run as another user (docker run -u): its ids, named where the image's passwd
 * and group name them, its groups as the kernel keeps them. */
function userId(ctx: CommandContext, a: string[]): number {
  const { uid, gid } = ctx.proc.cred;
  const groups = ctx.proc.cred.groups ?? [gid];
  const names = new Names(ctx.proc);
  const flags = a.filter((x) => /^-[a-zA-Z]+$/.test(x)).join('');
  const one = (kind: 'user' | 'group', n: number): string =>
    flags.includes('n') ? (names.known(kind, n) ?? String(n)) : String(n);
  if (flags.includes('u')) ctx.stdout(`${one('user', uid)}\n`);
  else if (flags.includes('g')) ctx.stdout(`${one('group', gid)}\n`);
  else if (flags.includes('G')) ctx.stdout(`${groups.map((g) => one('group', g)).join(' ')}\n`);
  else {
    const named = (kind: 'user' | 'group', n: number): string => {
      const name = names.known(kind, n);
      return name === undefined ? String(n) : `${n}(${name})`;
    };
    const list = groups.map((g) => named('group', g)).join(',');
    ctx.stdout(`uid=${named('user', uid)} gid=${named('group', gid)} groups=${list}\n`);
  }
  return 0;
}

/** busybox's whoami: the name of the process's uid, or that it has none. */
function whoami(ctx: CommandContext): number {
  const uid = ctx.proc.cred.uid;
  const name = uid === 0 ? 'root' : new Names(ctx.proc).known('user', uid);
  if (name === undefined) {
    ctx.stderr(`whoami: unknown uid ${uid}\n`);
    return 1;
  }
  ctx.stdout(`${name}\n`);
  return 0;
}

/** id where the image names no user or group 0: numbers, and "cannot find name" for -n. */
function bareId(ctx: CommandContext, a: string[], user?: string, group?: string): number {
  const flags = a.filter((x) => /^-[a-zA-Z]+$/.test(x)).join('');
  const which = flags.includes('u') ? 'u' : flags.includes('g') ? 'g' : flags.includes('G') ? 'G' : '';
  const nameOf = (k: string): string | undefined => (k === 'u' ? user : group);
  if (which) {
    if (!flags.includes('n')) ctx.stdout('0\n');
    else if (nameOf(which) !== undefined) ctx.stdout(`${nameOf(which)}\n`);
    else {
      ctx.stderr(`id: cannot find name for ${which === 'u' ? 'user' : 'group'} ID 0\n`);
      ctx.stdout('0\n');
      return 1;
    }
    return 0;
  }
  const operand = a.find((x) => !x.startsWith('-'));
  if (operand !== undefined && operand !== user) {
    ctx.stderr(`id: ${q(operand)}: no such user\n`);
    return 1;
  }
  const u = user === undefined ? '0' : `0(${user})`;
  const g = group === undefined ? '0' : `0(${group})`;
  ctx.stdout(`uid=${u} gid=${g} groups=${g}\n`);
  return 0;
}

function date(ctx: CommandContext): number {
  let ms = ctx.proc.kernel.clock.now();
  let fmt = '%a %b %e %H:%M:%S %Z %Y';
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-u' || a === '--utc') continue;
    if (a === '-R') fmt = '%a, %d %b %Y %H:%M:%S %z';
    else if (a === '-I' || a === '--iso-8601') fmt = '%F';
    else if (a === '-d' || a.startsWith('--date=')) {
      const v = a === '-d' ? (args[++i] ?? '') : a.slice(7);
      const t = v.startsWith('@')
        ? Number(v.slice(1)) * 1000
        : Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v} UTC`);
      if (Number.isNaN(t)) {
        ctx.stderr(`date: invalid date ${q(v)}\n`);
        return 1;
      }
      ms = t;
    } else if (a.startsWith('+')) fmt = a.slice(1);
    else {
      ctx.stderr(`date: invalid date ${q(a)}\n`);
      return 1;
    }
  }
  ctx.stdout(`${strftime(fmt, ms, { nanoseconds: true })}\n`);
  return 0;
}

async function env(ctx: CommandContext): Promise<number> {
  const args = ctx.argv.slice(1);
  let clear = false;
  const vars = new Map<string, string>(ctx.env);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-i' || a === '-') clear = true;
    else if (a === '-u') vars.delete(args[++i] ?? '');
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) {
      if (clear) {
        vars.clear();
        clear = false;
      }
      const eq = a.indexOf('=');
      vars.set(a.slice(0, eq), a.slice(eq + 1));
    } else break;
  }
  if (clear) vars.clear();
  if (i >= args.length) {
    ctx.stdout([...vars].map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  return ctx.shell.runLine(args.slice(i).map(shellQuote).join(' '), ctx, {
    env: Object.fromEntries(vars),
    envExact: true,
  });
}

/** coreutils' sync: all filesystems, or each FILE (-d its data, -f its filesystem: both sync here). */
function sync(ctx: CommandContext): number {
  let p;
  try {
    p = parseOptions('sync', ctx.argv.slice(1), { short: 'df', long: { data: 'd', 'file-system': 'f' } });
  } catch (err) {
    return usage(ctx, 'sync', err);
  }
  if (p.flags.has('d') && p.flags.has('f')) {
    ctx.stderr('sync: cannot specify both --data and --file-system\n');
    return 1;
  }
  if (p.operands.length === 0) {
    ctx.proc.sync();
    return 0;
  }
  let status = 0;
  for (const file of p.operands) {
    try {
      ctx.proc.sync(file);
    } catch (err) {
      ctx.stderr(`sync: error opening '${file}': ${errText(err)}\n`);
      status = 1;
    }
  }
  return status;
}

function which(ctx: CommandContext): number {
  const all = ctx.argv.includes('-a');
  const path = (ctx.env.get('PATH') ?? '/usr/bin:/bin').split(':');
  let status = 0;
  for (const name of ctx.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    let found = false;
    const candidates = name.includes('/') ? [name] : path.map((d) => `${d || '.'}/${name}`);
    for (const c of candidates) {
      const st = tryStat(ctx.proc, c);
      if (st?.type === 'file' && st.mode & 0o111) {
        ctx.stdout(`${c}\n`);
        found = true;
        if (!all) break;
      }
    }
    if (!found) status = 1;
  }
  return status;
}

/** seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST, integers and decimals as coreutils prints them. */
function seq(ctx: CommandContext): number {
  const args = ctx.argv.slice(1);
  let sep = '\n';
  let width = false;
  const nums: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-s') sep = args[++i] ?? '';
    else if (a.startsWith('-s')) sep = a.slice(2);
    else if (a === '-w') width = true;
    else nums.push(a);
  }
  if (nums.length === 0 || nums.length > 3) {
    ctx.stderr(
      nums.length === 0
        ? "seq: missing operand\nTry 'seq --help' for more information.\n"
        : `seq: extra operand ${q(nums[3] ?? '')}\nTry 'seq --help' for more information.\n`,
    );
    return 1;
  }
  for (const n of nums) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(n)) {
      ctx.stderr(`seq: invalid floating point argument: ${q(n)}\nTry 'seq --help' for more information.\n`);
      return 1;
    }
  }
  const [first, step, last] =
    nums.length === 1 ? ['1', '1', nums[0]] : nums.length === 2 ? [nums[0], '1', nums[1]] : nums;
  const decimals = Math.max(...[first, step].map((n) => (n ?? '').split('.')[1]?.length ?? 0));
  const a = Number(first);
  const d = Number(step);
  const b = Number(last);
  if (d === 0) {
    ctx.stderr(`seq: invalid Zero increment value: ${q(step ?? '')}\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  const out: string[] = [];
  for (let k = 0; out.length < 1_000_000; k++) {
    const v = a + k * d;
    if ((d > 0 && v > b + 1e-9) || (d < 0 && v < b - 1e-9)) break;
    out.push(v.toFixed(decimals));
  }
  const w = width ? Math.max(...out.map((s) => s.length)) : 0;
  if (out.length) ctx.stdout(`${out.map((s) => (w ? s.padStart(w, '0') : s)).join(sep)}\n`);
  return 0;
}

export function systemCommands(machine: MachineInfo): CommandSpec[] {
  return [
    makeUname(machine),
    { name: 'id', run: id, summary: 'print user and group ids', flags: ['-u', '-g', '-n'] },
    { name: 'whoami', run: whoami, summary: 'print the user name' },
    { name: 'hostname', run: (ctx) => (ctx.stdout(`${hostnameOf(ctx)}\n`), 0), summary: 'print the host name' },
    {
      name: 'date',
      run: date,
      summary: 'print the (simulated) date; +FORMAT, -d DATE, -R, -I',
      flags: ['-d', '-u', '-R', '-I'],
    },
    {
      name: 'env',
      run: env,
      summary: 'print the environment, or run a command with changes (env X=1 cmd)',
      flags: ['-i', '-u'],
    },
    {
      name: 'sync',
      run: sync,
      summary: 'write what files hold to the disk (sync FILE: those files; ext4 allocates then)',
      flags: ['-d', '-f'],
    },
    { name: 'seq', run: seq, summary: 'print a sequence of numbers (-s SEP -w)', flags: ['-s', '-w'] },
    { name: 'which', run: which, summary: 'show where a command lives in $PATH', flags: ['-a'] },
  ];
}
