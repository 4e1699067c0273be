// `bash` and `sh` as programs a learner runs: `bash -c LINE`, `bash FILE`, `sh -s`, a script on
// standard input (`echo 'echo hi' | sh`), `bash --version`, and a nested interactive shell when
// the standard input is a terminal. Which shell runs decides what it answers: GNU bash of the
// root's distribution (its version, --help, `invalid option`), dash (Debian's and Ubuntu's
// /bin/sh: `Illegal option --`), or busybox's ash in the busybox images.
import type { CommandContext, CommandSpec } from '../command.js';
import { toText } from '../command.js';
import { type BashBuild, bashBuildOf, MACHTYPE } from '../bash/bash-build.js';
import { optionLetter } from '../bash/shell-options.js';

const LONG_OPTIONS = [
  'debug',
  'debugger',
  'dump-po-strings',
  'dump-strings',
  'help',
  'init-file',
  'login',
  'noediting',
  'noprofile',
  'norc',
  'posix',
  'pretty-print',
  'rcfile',
  'restricted',
  'verbose',
  'version',
];

/** `set`'s option letters in `bash --help`, from builtins/set.def's short doc of that version. */
const setLetters = (b: BashBuild) => (b.version.startsWith('5.2') ? 'abefhkmnptuvxBCEHPT' : 'abefhkmnptuvxBCHP');

/** shell.c's show_shell_usage: `extra` for --help, without for a bad option. */
function bashUsage(b: BashBuild, name: string, extra: boolean): string {
  const lines = [
    ...(extra ? [`GNU bash, version ${b.version}-(${MACHTYPE})`] : []),
    `Usage:\t${name} [GNU long option] [option] ...`,
    `\t${name} [GNU long option] [option] script-file ...`,
    'GNU long options:',
    ...LONG_OPTIONS.map((o) => `\t--${o}`),
    'Shell options:',
    '\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)',
    `\t-${setLetters(b)} or -o option`,
  ];
  if (extra)
    lines.push(
      `Type \`${name} -c "help set"' for more information about shell options.`,
      `Type \`${name} -c help' for more information about shell builtin commands.`,
      "Use the `bashbug' command to report bugs.",
      '',
      'bash home page: <http://www.gnu.org/software/bash>',
      'General help using GNU software: <http://www.gnu.org/gethelp/>',
    );
  return `${lines.join('\n')}\n`;
}

function bashVersionText(b: BashBuild): string {
  return [
    `GNU bash, version ${b.version} (${MACHTYPE})`,
    `Copyright (C) ${b.year} Free Software Foundation, Inc.`,
    'License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>',
    '',
    'This is free software; you are free to change and redistribute it.',
    'There is NO WARRANTY, to the extent permitted by law.',
    '',
  ].join('\n');
}

/** A child shell stays in its parent's root: `sh -c` inside a container runs in the container. */
export function sameRoot(ctx: CommandContext): { root?: string; cwd?: string } {
  return ctx.proc.root === '/' ? {} : { root: ctx.proc.root, cwd: ctx.proc.getcwd() };
}

type Flavor = 'bash' | 'dash' | 'ash';

function flavorOf(ctx: CommandContext, name: string): Flavor {
  if (ctx.variant?.kind === 'busybox') return 'ash';
  if (name === 'bash' || name === 'dash') return name;
  try {
    const real = ctx.proc.realpath('/bin/sh');
    if (real.endsWith('/bash')) return 'bash';
    if (real.endsWith('/busybox')) return 'ash';
  } catch {
    // no /bin/sh: dash, as Debian's and Ubuntu's
  }
  return 'dash';
}

/** A script file the shell cannot read, in its words. */
function cannotOpen(flavor: Flavor, shown: string, file: string, text = 'No such file or directory'): string {
  if (flavor === 'dash')
    return `${shown}: 0: cannot open ${file}: ${text.replace('No such file or directory', 'No such file')}\n`;
  if (flavor === 'ash') return `${shown}: can't open '${file}': ${text}\n`;
  return `${shown}: ${file}: ${text}\n`;
}

/** The invocation read as the shell reads it: its options, then the command string or the file. */
interface Invocation {
  flags: string;
  /** `-o NAME` options that have no letter (pipefail). */
  options: string[];
  command?: string;
  /** $0 and the positional parameters. */
  args: string[];
  file?: string;
  answer?: { out?: string; err?: string; code: number };
}

function parse(args: string[], flavor: Flavor, name: string, build: BashBuild): Invocation {
  const inv: Invocation = { flags: '', options: [], args: [] };
  let commandMode = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--' || a === '-') {
      i++;
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      if (flavor === 'dash') return { ...inv, answer: { err: `${name}: 0: Illegal option --\n`, code: 2 } };
      if (flavor === 'ash') continue; // busybox's ash takes no long option and says nothing of it
      const long = a.slice(2);
      if (long === 'version') return { ...inv, answer: { out: bashVersionText(build), code: 0 } };
      if (long === 'help') return { ...inv, answer: { out: bashUsage(build, name, true), code: 0 } };
      if (!LONG_OPTIONS.includes(long))
        return { ...inv, answer: { err: `${name}: ${a}: invalid option\n${bashUsage(build, name, false)}`, code: 2 } };
      if (long === 'rcfile' || long === 'init-file') i++;
      continue;
    }
    if (!/^[-+]./.test(a)) break;
    for (const letter of a.slice(1)) {
      if (letter === 'c') commandMode = true;
      else if (letter === 'o') {
        const letterOf = optionLetter(args[++i] ?? '');
        if (a[0] === '-' && letterOf !== undefined)
          letterOf.length === 1 ? (inv.flags += letterOf) : inv.options.push(letterOf);
      } else if (letter === 'O') i++;
      else if (flavor === 'bash' && !`ilrsD${setLetters(build)}`.includes(letter))
        return {
          ...inv,
          answer: { err: `${name}: ${a[0]}${letter}: invalid option\n${bashUsage(build, name, false)}`, code: 2 },
        };
      else if (a[0] === '-' && 'aefuvxnC'.includes(letter)) inv.flags += letter;
    }
  }
  const rest = args.slice(i);
  if (commandMode) {
    if (rest[0] === undefined)
      return { ...inv, answer: { err: `${name}: -c: option requires an argument\n`, code: 2 } };
    return { ...inv, command: rest[0], args: rest.slice(1) };
  }
  if (rest[0] !== undefined && !args.slice(0, i).some((a) => /^-[a-zA-Z]*s/.test(a)))
    return { ...inv, file: rest[0], args: rest };
  return { ...inv, args: rest };
}

/** `bash` or `sh`, as the program the name resolves to in the caller's root. */
export function shellProgram(name: 'bash' | 'sh' | 'dash'): CommandSpec {
  return {
    name,
    summary: 'the shell: -c STRING runs a command line; FILE runs a script; with no arguments, a nested shell',
    async run(ctx) {
      const flavor = flavorOf(ctx, name);
      const build = bashBuildOf(ctx.proc);
      const shown = ctx.argv[0] ?? name;
      const inv = parse(ctx.argv.slice(1), flavor, shown, build);
      if (inv.answer) {
        if (inv.answer.out) ctx.stdout(inv.answer.out);
        if (inv.answer.err) ctx.stderr(inv.answer.err);
        return inv.answer.code;
      }
      const program = flavor === 'bash' ? { bash: shown } : {};
      // The options it was started with (-e, -x, -o pipefail) and how it reads its commands: its
      // errors say where (`NAME: line N:`, dash's `NAME: N:`, ash's `NAME: line N:` with a name).
      const options = (mode: 'command' | 'script', more: { stdin?: boolean; commandName?: string } = {}) => ({
        program: { flags: inv.flags, options: inv.options, dialect: flavor, mode, ...more },
      });
      // bash and busybox's ash count themselves in an inherited SHLVL; dash leaves it.
      const env = Object.fromEntries(ctx.env);
      if (flavor !== 'dash') env.SHLVL = String((Number(env.SHLVL) || 0) + 1);
      if (inv.command !== undefined) {
        // $0 is the name after the line, else the shell's as it was run; then $1 …
        const given = [inv.args[0] ?? shown, ...inv.args.slice(1)];
        const named = inv.args[0] !== undefined ? { commandName: inv.args[0] } : {};
        const o = { env, ...sameRoot(ctx), args: given, ...program, ...options('command', named) };
        return ctx.shell.runLine(inv.command, ctx, o);
      }
      if (inv.file !== undefined) {
        // The shell reads the file itself: its errors name the file and the line.
        let text: string;
        try {
          text = toText(ctx.proc.readFile(inv.file));
        } catch (err) {
          const code = (err as { code?: string }).code;
          // dash and ash read a directory as an empty script.
          if (code === 'EISDIR' && flavor !== 'bash') return 0;
          ctx.stderr(cannotOpen(flavor, shown, inv.file, (err as { text?: string }).text));
          return flavor !== 'bash' ? 2 : code === 'EISDIR' ? 126 : 127;
        }
        const o = { ...sameRoot(ctx), args: inv.args, ...program, ...options('script', { commandName: inv.file }) };
        return ctx.shell.runLine(text, ctx, o);
      }
      if (!ctx.stdinIsTerminal) {
        // No terminal: the shell reads its commands from standard input (none: it exits at once).
        const script = toText(ctx.stdin);
        if (script.trim() === '') return 0;
        const io = { ...ctx, stdin: new Uint8Array(0) };
        return ctx.shell.runLine(script, io, {
          env,
          ...sameRoot(ctx),
          args: [shown, ...inv.args],
          ...program,
          ...options('script', { stdin: true }),
        });
      }
      let hostname = 'localhost';
      try {
        hostname = toText(ctx.proc.readFile('/etc/hostname')).trim();
      } catch {
        // keep localhost
      }
      ctx.shell.enterShell({ root: ctx.proc.root, hostname, cwd: ctx.proc.getcwd(), env, ...program, dialect: flavor });
      return 0;
    },
  };
}
