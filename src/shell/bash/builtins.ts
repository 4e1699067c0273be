// Shell builtins: the commands that change or report the shell's own state (cd, export, exit…)
// and the ones bash answers itself (echo, printf, test). Each returns its exit status.
import { declareBuiltin, letBuiltin, unsetElement } from './builtins-declare.js';
import { isKernelError } from '../../kernel/index.js';
import type { CommandIO } from '../command.js';
import { escapedOutput, expandEscapes, printf } from './builtins-printf.js';
import { evalTestExpression } from './builtins-test.js';
import { quotePattern } from './glob.js';
import type { Interpreter } from './interpreter.js';
import { ExitSignal, LoopSignal, ReturnSignal } from './interpreter-state.js';

export type Builtin = (sh: Interpreter, argv: string[], io: CommandIO) => number | Promise<number>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const dec = new TextDecoder();

/** How far `read` has consumed each stdin buffer, so `while read` walks through the lines. */
const stdinCursor = new WeakMap<Uint8Array, number>();

function say(io: CommandIO, text: string): void {
  io.stderr(`bash: ${text}\n`);
}

function cd(sh: Interpreter, argv: string[], io: CommandIO): number {
  const args = argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P' || a === '--')));
  if (args.length > 1) {
    say(io, 'cd: too many arguments');
    return 1;
  }
  let dir: string | undefined = args[0];
  let print = false;
  if (dir === undefined) {
    const home = sh.getVar('HOME');
    if (home === undefined) {
      say(io, 'cd: HOME not set');
      return 1;
    }
    dir = home;
  } else if (dir === '-') {
    const old = sh.getVar('OLDPWD');
    if (old === undefined) {
      say(io, 'cd: OLDPWD not set');
      return 1;
    }
    dir = old;
    print = true;
  }
  if (dir === '') return 0;
  const old = sh.proc.getcwd();
  try {
    sh.proc.chdir(dir);
  } catch (err) {
    const why = isKernelError(err) ? err.text : 'No such file or directory';
    if (sh.isBusyboxAsh()) {
      // ash's error for a builtin names the line of the -c string it is on (counted from 0 there),
      // and fails with 2.
      io.stderr(`sh: cd: line 0: can't cd to ${dir}: ${why}\n`);
      return 2;
    }
    say(io, `cd: ${dir}: ${why}`);
    return 1;
  }
  sh.state.vars.set('OLDPWD', sh.state.vars.get('PWD') ?? old);
  // bash keeps the logical path (through symlinks) in PWD, as cd -L does.
  sh.state.vars.set('PWD', logicalPath(sh.state.vars.get('PWD') ?? old, dir, sh.proc.getcwd()));
  if (print) io.stdout(`${sh.state.vars.get('PWD')}\n`);
  return 0;
}

function logicalPath(cwd: string, dir: string, physical: string): string {
  const parts = (dir.startsWith('/') ? dir : `${cwd}/${dir}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  const logical = `/${out.join('/')}`;
  return dir.includes('..') ? physical : logical;
}

function echo(sh: Interpreter, argv: string[], io: CommandIO): number {
  let i = 1;
  let newline = true;
  let escapes = false;
  if (sh.state.dialect === 'dash') {
    // dash's echo takes only a first `-n` (so `echo -e` prints -e) and always reads escapes.
    newline = argv[1] !== '-n';
    i = newline ? 1 : 2;
    escapes = true;
  } else
    for (; i < argv.length; i++) {
      const a = argv[i] ?? '';
      if (!/^-[neE]+$/.test(a)) break;
      for (const f of a.slice(1)) {
        if (f === 'n') newline = false;
        else if (f === 'e') escapes = true;
        else escapes = false;
      }
    }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const e = expandEscapes(text, true);
    text = e.text;
    if (e.stop) newline = false;
  }
  io.stdout(escapedOutput(newline ? `${text}\n` : text));
  return 0;
}

function printfBuiltin(sh: Interpreter, argv: string[], io: CommandIO): number {
  let args = argv.slice(1);
  let varName: string | null = null;
  if (args[0] === '-v') {
    varName = args[1] ?? null;
    args = args.slice(2);
  }
  if (args[0] === '--') args = args.slice(1);
  const format = args[0];
  if (format === undefined) {
    say(io, 'printf: usage: printf [-v var] format [arguments]');
    return 2;
  }
  const r = printf(format, args.slice(1));
  if (varName) sh.setVar(varName, r.out);
  else io.stdout(escapedOutput(r.out));
  for (const e of r.errors) say(io, e);
  return r.errors.length ? 1 : 0;
}

function test(sh: Interpreter, argv: string[], io: CommandIO): number {
  let args = argv.slice(1);
  const name = argv[0] ?? 'test';
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      say(io, "[: missing `]'");
      return 2;
    }
    args = args.slice(0, -1);
  }
  const r = evalTestExpression(
    args.map((a) => ({ text: a, pattern: quotePattern(a), raw: a })),
    sh.proc,
    false,
  );
  if (typeof r === 'string') {
    say(io, `${name}: ${r}`);
    return 2;
  }
  return r ? 0 : 1;
}

function exportBuiltin(sh: Interpreter, argv: string[], io: CommandIO): number {
  const args = argv.slice(1).filter((a) => a !== '-p' && a !== '--');
  if (args.length === 0) {
    for (const name of [...sh.state.exported].sort()) {
      const v = sh.state.vars.get(name);
      io.stdout(v === undefined ? `declare -x ${name}\n` : `declare -x ${name}="${v.replace(/(["\\$`])/g, '\\$1')}"\n`);
    }
    return 0;
  }
  let status = 0;
  const unexport = argv[1] === '-n';
  for (const a of args) {
    if (a === '-n') continue;
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!NAME.test(name)) {
      say(io, `${argv[0]}: \`${a}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (eq >= 0) sh.state.vars.set(name, a.slice(eq + 1));
    if (argv[0] === 'export') {
      if (unexport) sh.state.exported.delete(name);
      else sh.state.exported.add(name);
    }
  }
  return status;
}

async function unset(sh: Interpreter, argv: string[], io: CommandIO): Promise<number> {
  let fn = false;
  let status = 0;
  for (const a of argv.slice(1)) {
    const element = fn || sh.state.dialect !== 'bash' ? false : await unsetElement(sh, a, io);
    if (element !== false) status ||= element;
    else if (a === '-f') fn = true;
    else if (a === '-v') fn = false;
    else if (fn) sh.state.functions.delete(a);
    else if (!NAME.test(a)) {
      say(io, `unset: \`${a}': not a valid identifier`);
      status = 1;
    } else if (sh.state.readonly.has(a)) {
      say(io, `unset: ${a}: cannot unset: readonly variable`);
      status = 1;
    } else {
      sh.state.vars.delete(a);
      sh.state.arrays.delete(a);
      sh.state.integers.delete(a);
      sh.state.exported.delete(a);
      if (!sh.state.vars.has(a)) sh.state.functions.delete(a);
    }
  }
  return status;
}

function numberArg(sh: Interpreter, name: string, arg: string | undefined, io: CommandIO): number | null {
  if (arg === undefined) return sh.state.status;
  if (!/^[-+]?\d+$/.test(arg)) {
    say(io, `${name}: ${arg}: numeric argument required`);
    return null;
  }
  return Number(arg) & 0xff;
}

function exit(sh: Interpreter, argv: string[], io: CommandIO): number {
  if (argv.length > 2) {
    say(io, 'exit: too many arguments');
    return 1;
  }
  const n = numberArg(sh, 'exit', argv[1], io);
  throw new ExitSignal(n ?? 2);
}

/** The next line of stdin (the newline included when there is one), or null at its end: from a
 * pipe as bash reads one (a byte at a time, leaving the rest to the next reader), else from the
 * whole stdin where the last read stopped. */
async function nextLine(io: CommandIO): Promise<Uint8Array | null> {
  if (io.input) return io.input.readLine();
  const data = io.stdin;
  const pos = stdinCursor.get(data) ?? 0;
  if (pos >= data.length) return null;
  const nl = data.indexOf(10, pos);
  const end = nl < 0 ? data.length : nl + 1;
  stdinCursor.set(data, end);
  return data.subarray(pos, end);
}

async function read(sh: Interpreter, argv: string[], io: CommandIO): Promise<number> {
  let raw = false;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-r') raw = true;
    else if (a === '-p') io.stderr(argv[++i] ?? '');
    else if (a.startsWith('-')) continue;
    else names.push(a);
  }
  const got = await nextLine(io);
  if (got === null) {
    for (const n of names.length ? names : ['REPLY']) sh.state.vars.set(n, '');
    return 1;
  }
  const complete = got.at(-1) === 10;
  let line = dec.decode(complete ? got.subarray(0, got.length - 1) : got);
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const targets = names.length ? names : ['REPLY'];
  if (names.length === 0) {
    sh.state.vars.set('REPLY', line);
    return complete ? 0 : 1;
  }
  const ifs = sh.getVar('IFS') ?? ' \t\n';
  const white = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('');
  const trimWhite = (t: string): string => {
    let a = 0;
    let b = t.length;
    while (a < b && white.includes(t.charAt(a))) a++;
    while (b > a && white.includes(t.charAt(b - 1))) b--;
    return t.slice(a, b);
  };
  // Each name but the last takes one field; the last takes the rest of the line, as bash does.
  let rest = trimWhite(line);
  targets.forEach((n, idx) => {
    if (idx === targets.length - 1) {
      sh.state.vars.set(n, rest);
      return;
    }
    let k = 0;
    while (k < rest.length && !ifs.includes(rest.charAt(k))) k++;
    sh.state.vars.set(n, rest.slice(0, k));
    rest = rest.slice(k);
    let j = 0;
    while (j < rest.length && white.includes(rest.charAt(j))) j++;
    if (j < rest.length && ifs.includes(rest.charAt(j)) && !white.includes(rest.charAt(j))) j++;
    rest = trimWhite(rest.slice(j));
  });
  return complete ? 0 : 1;
}

function umask(sh: Interpreter, argv: string[], io: CommandIO): number {
  const arg = argv.filter((a) => a !== '-S')[1];
  if (arg === undefined) {
    const m = sh.proc.umask;
    if (argv.includes('-S')) {
      const r = (shift: number): string => ['r', 'w', 'x'].filter((_, k) => ((~m >> shift) & (4 >> k)) !== 0).join('');
      io.stdout(`u=${r(6)},g=${r(3)},o=${r(0)}\n`);
    } else io.stdout(`${m.toString(8).padStart(4, '0')}\n`);
    return 0;
  }
  if (!/^[0-7]{1,4}$/.test(arg)) {
    say(io, `umask: ${arg}: octal number out of range`);
    return 1;
  }
  sh.proc.umask = parseInt(arg, 8);
  return 0;
}

function loopControl(kind: 'break' | 'continue'): (sh: Interpreter, argv: string[], io: CommandIO) => number {
  return (sh, argv, io) => {
    const n = numberArg(sh, kind, argv[1] ?? '1', io);
    if (n === null) return 1;
    if (n < 1) {
      say(io, `${kind}: ${argv[1]}: loop count out of range`);
      return 1;
    }
    throw new LoopSignal(kind, n);
  };
}

export const BASE_BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['cd', cd],
  [
    'pwd',
    (sh, argv, io) => {
      io.stdout(`${argv.includes('-P') ? sh.proc.getcwd() : (sh.getVar('PWD') ?? sh.proc.getcwd())}\n`);
      return 0;
    },
  ],
  ['echo', echo],
  ['printf', printfBuiltin],
  ['test', test],
  ['[', test],
  ['export', exportBuiltin],
  [
    'readonly',
    (sh, argv, io) => {
      if (argv.slice(1).some((a) => /^-[aA]+$/.test(a)))
        return declareBuiltin(exportBuiltin)(sh, ['readonly', '-r', ...argv.slice(1)], io);
      const s = exportBuiltin(sh, argv, io);
      for (const a of argv.slice(1)) sh.state.readonly.add(a.replace(/=.*/s, ''));
      return s;
    },
  ],
  ['local', declareBuiltin(exportBuiltin, true)],
  [
    'time',
    async (sh, argv, io) => {
      // `time` is a keyword in bash; here it times one command, and the simulation takes no time.
      const status = argv.length > 1 ? await sh.invoke(argv.slice(1), io) : 0;
      io.stderr('\nreal\t0m0.001s\nuser\t0m0.000s\nsys\t0m0.000s\n');
      return status;
    },
  ],
  ['declare', declareBuiltin(exportBuiltin)],
  ['typeset', declareBuiltin(exportBuiltin)],
  ['let', letBuiltin],
  ['unset', unset],
  ['true', () => 0],
  [':', () => 0],
  ['false', () => 1],
  ['exit', exit],
  ['logout', exit],
  [
    'return',
    (sh, argv, io) => {
      if (sh.state.callDepth === 0 && sh.state.sourceDepth === 0) {
        say(io, "return: can only `return' from a function or sourced script");
        return 1;
      }
      throw new ReturnSignal(numberArg(sh, 'return', argv[1], io) ?? 2);
    },
  ],
  ['break', loopControl('break')],
  ['continue', loopControl('continue')],
  [
    'shift',
    (sh, argv, io) => {
      const n = numberArg(sh, 'shift', argv[1] ?? '1', io);
      if (n === null) return 1;
      if (n > sh.state.positional.length) return 1;
      sh.state.positional = sh.state.positional.slice(n);
      return 0;
    },
  ],
  ['read', read],
  ['umask', umask],
  ['wait', () => 0],
  // Traps are accepted and kept quiet: nothing here delivers signals, and EXIT traps are rare in
  // the lines learners copy.
  ['trap', () => 0],
  ['jobs', () => 0],
]);
