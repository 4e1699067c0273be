// Builtins that reach beyond one variable table: they run text (eval and source, from
// builtins-eval-source.ts), look at the command table (type, command, help, which is a command),
// or at the session (history).
import { BASE_BUILTINS, type Builtin } from './builtins.js';
import { SPECIAL_BUILTINS } from './builtin-names.js';
import { builtinErrorPrefix } from './dialect-texts.js';
import { ExitSignal } from './interpreter-state.js';
import { EVAL_AND_SOURCE } from './builtins-eval-source.js';
import type { CommandIO } from '../command.js';
import type { Interpreter } from './interpreter.js';
import { listOptions, optionLetter, SET_LETTERS } from './shell-options.js';

function say(io: CommandIO, text: string): void {
  io.stderr(`bash: ${text}\n`);
}

function describe(sh: Interpreter, name: string): { kind: string; text: string; path?: string } | null {
  const bash = sh.state.dialect === 'bash';
  const alias = sh.state.aliases.get(name);
  if (alias !== undefined)
    return { kind: 'alias', text: bash ? `${name} is aliased to \`${alias}'` : `${name} is an alias for ${alias}` };
  if (KEYWORDS.has(name) && (bash || !BASH_ONLY_KEYWORDS.has(name)))
    return { kind: 'keyword', text: `${name} is a shell keyword` };
  if (sh.state.functions.has(name))
    return { kind: 'function', text: `${name} is a ${sh.state.dialect === 'dash' ? 'shell function' : 'function'}` };
  if (sh.builtinNamed(name)) {
    // dash and ash call POSIX's special builtins so (and ash its `source`).
    const special = !bash && (SPECIAL_BUILTINS.has(name) || (sh.state.dialect === 'ash' && name === 'source'));
    return { kind: 'builtin', text: `${name} is a ${special ? 'special ' : ''}shell builtin` };
  }
  if (sh.proc.root !== '/') {
    // In a container: what its image holds, not the host's table.
    const path = sh.locateInRoot(name);
    return path === undefined ? null : { kind: 'file', text: `${name} is ${path}`, path };
  }
  if (sh.env.commands.has(name) || name === 'sudo')
    return { kind: 'file', text: `${name} is ${sh.env.commandPath(name)}`, path: sh.env.commandPath(name) };
  return null;
}

/** bash's keywords that dash and ash do not have. */
const BASH_ONLY_KEYWORDS = new Set(['function', '[[', ']]', 'time', 'select']);

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'case',
  'esac',
  'for',
  'while',
  'until',
  'do',
  'done',
  'in',
  'function',
  '{',
  '}',
  '!',
  '[[',
  ']]',
  'time',
  'select',
]);

const clear: Builtin = (_sh, _argv, io) => {
  io.stdout('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};

function parseDuration(arg: string): number | null {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return null;
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * mult;
}

const MORE: [string, Builtin][] = [
  [
    'type',
    (sh, argv, io) => {
      let status = 0;
      const brief = argv.includes('-t');
      for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
        const d = describe(sh, name);
        if (!d && sh.state.dialect !== 'bash') {
          // dash and ash say it on standard output, and fail with 127.
          io.stdout(`${name}: not found\n`);
          status = 127;
        } else if (!d) {
          if (!brief) io.stderr(`${sh.errorPrefix()}type: ${name}: not found\n`);
          status = 1;
        } else io.stdout(`${brief ? d.kind : d.text}\n`);
      }
      return status;
    },
  ],
  [
    'command',
    (sh, argv, io) => {
      if (argv[1] === '-v' || argv[1] === '-V') {
        let status = 0;
        for (const name of argv.slice(2)) {
          const d = describe(sh, name);
          // ash's command -v of an unknown name is 127, bash's 1.
          if (!d) {
            // dash and ash: 127, and -V says so on standard output.
            status = sh.state.dialect !== 'bash' || sh.isBusyboxAsh() ? 127 : 1;
            if (argv[1] === '-V' && sh.state.dialect !== 'bash') io.stdout(`${name}: not found\n`);
            else if (argv[1] === '-V') io.stderr(`${sh.errorPrefix()}command: ${name}: not found\n`);
          } else if (argv[1] === '-V') io.stdout(`${d.text}\n`);
          else io.stdout(`${d.kind === 'file' ? (d.path ?? name) : name}\n`);
        }
        return status;
      }
      if (argv.length < 2) return 0;
      const saved = sh.state.functions;
      sh.state.functions = new Map();
      return Promise.resolve(sh.invoke(argv.slice(1), io)).finally(() => {
        sh.state.functions = saved;
      });
    },
  ],
  [
    'history',
    (sh, argv, io) => {
      if (argv[1] === '-c') return 0;
      const lines = sh.env.services.history();
      const n = argv[1] !== undefined && /^\d+$/.test(argv[1]) ? Number(argv[1]) : lines.length;
      const start = Math.max(0, lines.length - n);
      for (let i = start; i < lines.length; i++) io.stdout(`${String(i + 1).padStart(5)}  ${lines[i]}\n`);
      return 0;
    },
  ],
  [
    'alias',
    (sh, argv, io) => {
      let status = 0;
      const print = (name: string): void | Promise<void> =>
        io.stdout(`alias ${name}='${(sh.state.aliases.get(name) ?? '').replace(/'/g, "'\\''")}'\n`);
      const args = argv.slice(1).filter((a) => a !== '-p');
      if (args.length === 0) for (const name of [...sh.state.aliases.keys()].sort()) print(name);
      for (const a of args) {
        const eq = a.indexOf('=');
        if (eq > 0) sh.state.aliases.set(a.slice(0, eq), a.slice(eq + 1));
        else if (sh.state.aliases.has(a)) print(a);
        else {
          say(io, `alias: ${a}: not found`);
          status = 1;
        }
      }
      return status;
    },
  ],
  [
    'unalias',
    (sh, argv, io) => {
      let status = 0;
      for (const a of argv.slice(1)) {
        if (a === '-a') sh.state.aliases.clear();
        else if (!sh.state.aliases.delete(a)) {
          say(io, `unalias: ${a}: not found`);
          status = 1;
        }
      }
      return status;
    },
  ],
  [
    'set',
    (sh, argv, io) => {
      if (argv.length === 1) {
        for (const [k, v] of [...sh.state.vars].sort(([a], [b]) => (a < b ? -1 : 1)))
          io.stdout(`${k}=${/^[A-Za-z0-9_./:@%+=-]*$/.test(v) ? v : `'${v.replace(/'/g, "'\\''")}'`}\n`);
        return 0;
      }
      for (let i = 1; i < argv.length; i++) {
        const a = argv[i] ?? '';
        if (a === '--') {
          sh.state.positional = argv.slice(i + 1);
          return 0;
        }
        if (/^[-+][A-Za-z]+$/.test(a)) {
          const on = a[0] === '-';
          for (const f of a.slice(1)) {
            if (f === 'o') {
              const option = argv[i + 1];
              // `set -o` / `set +o` alone list the options (a table, or commands that restore them).
              if (option === undefined) {
                io.stdout(listOptions(sh.state, !on));
                continue;
              }
              i++;
              const letter = optionLetter(option);
              if (letter === undefined && sh.state.dialect !== 'bash') {
                // dash's set is a special builtin: its error ends a non-interactive shell.
                const dash = sh.state.dialect === 'dash';
                const what = dash ? `Illegal option -o ${option}` : `illegal option -o ${option}`;
                io.stderr(`${builtinErrorPrefix(sh.state, 'set')}${what}\n`);
                if (dash && sh.state.mode !== 'interactive') throw new ExitSignal(2);
                return dash ? 2 : 1;
              }
              if (letter === undefined) {
                io.stderr(`${sh.errorPrefix()}set: ${option}: invalid option name\n`);
                return 2;
              }
              const set = letter.length === 1 ? sh.state.flags : sh.state.options;
              on ? set.add(letter) : set.delete(letter);
            } else if (SET_LETTERS.includes(f)) on ? sh.state.flags.add(f) : sh.state.flags.delete(f);
            else {
              io.stderr(`${sh.errorPrefix()}set: ${a[0]}${f}: invalid option\n`);
              io.stderr(`set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n`);
              return 2;
            }
          }
          continue;
        }
        sh.state.positional = argv.slice(i);
        return 0;
      }
      return 0;
    },
  ],
  [
    'sleep',
    (sh, argv, io) => {
      const args = argv.slice(1);
      if (args.length === 0) {
        io.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
        return 1;
      }
      for (const a of args) {
        if (parseDuration(a) === null) {
          io.stderr(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
          return 1;
        }
      }
      // No real waiting: the host's clock moves on instead, when it can (see sim-host's clock).
      const clock = sh.env.kernel.clock as { advance?: (ms: number) => void };
      clock.advance?.(args.reduce((n, a) => n + (parseDuration(a) ?? 0), 0) * 1000);
      return 0;
    },
  ],
  ['clear', clear],
  [
    'help',
    (sh, argv, io) => {
      const word = argv[1];
      if (word !== undefined) {
        const d = describe(sh, word);
        const spec = sh.env.commands.get(word);
        if (spec) io.stdout(`${spec.name}: ${spec.summary}\n`);
        else if (d) io.stdout(`${d.text}\n`);
        else {
          say(
            io,
            `help: no help topics match \`${argv[1]}'.  Try \`help help' ` +
              `or \`man -k ${argv[1]}' or \`info ${argv[1]}'.`,
          );
          return 1;
        }
        return 0;
      }
      io.stdout('The simulated host understands these shell builtins:\n');
      io.stdout(`  ${[...ALL_BUILTINS.keys()].sort().join(' ')}\n`);
      io.stdout('and these commands:\n');
      for (const spec of [...sh.env.commands.values()].sort((a, b) => (a.name < b.name ? -1 : 1))) {
        io.stdout(`  ${spec.name.padEnd(12)} ${spec.summary}\n`);
      }
      return 0;
    },
  ],
];

export const ALL_BUILTINS: ReadonlyMap<string, Builtin> = new Map([...BASE_BUILTINS, ...EVAL_AND_SOURCE, ...MORE]);
