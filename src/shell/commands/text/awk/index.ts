// awk (as gawk 5.2 runs it, invoked as `awk`): options -F -v -f --, the program, then files and
// `var=value` operands. BEGIN, main rules over records split by RS, END; output queued by the
// interpreter and written (or piped to commands) in order at the end. Error texts follow gawk:
// `awk: cmd. line:1: …` with the caret under the offending token.
import { BudgetExceeded } from '../../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../../command.js';
import { AwkSyntaxError, unescape } from './lex.js';
import {
  AwkFatal,
  type CmdResult,
  ExitSignal,
  Interp,
  type Io,
  NeedCommand,
  NextFileSignal,
  NextSignal,
  type Op,
} from './interp.js';
import { type Program, parseAwk } from './parse.js';
import { input, toBool, toNum, toStr } from './value.js';
import { errText } from '../../options.js';
import { text } from '../operands.js';
import { splitAt } from '../posix-regex.js';
import { awkVersion } from '../help-texts.js';

const USAGE_REST = [
  'POSIX options:\t\tGNU long options: (standard)',
  '\t-f progfile\t\t--file=progfile',
  '\t-F fs\t\t\t--field-separator=fs',
  '\t-v var=val\t\t--assign=var=val',
  'Short options:\t\tGNU long options: (extensions)',
  '\t-b\t\t\t--characters-as-bytes',
  '\t-c\t\t\t--traditional',
  '\t-C\t\t\t--copyright',
  '\t-d[file]\t\t--dump-variables[=file]',
  '\t-D[file]\t\t--debug[=file]',
  "\t-e 'program-text'\t--source='program-text'",
  '\t-E file\t\t\t--exec=file',
  '\t-g\t\t\t--gen-pot',
  '\t-h\t\t\t--help',
  '\t-i includefile\t\t--include=includefile',
  '\t-I\t\t\t--trace',
  '\t-l library\t\t--load=library',
  '\t-L[fatal|invalid|no-ext]\t--lint[=fatal|invalid|no-ext]',
  '\t-M\t\t\t--bignum',
  '\t-N\t\t\t--use-lc-numeric',
  '\t-n\t\t\t--non-decimal-data',
  '\t-o[file]\t\t--pretty-print[=file]',
  '\t-O\t\t\t--optimize',
  '\t-p[file]\t\t--profile[=file]',
  '\t-P\t\t\t--posix',
  '\t-r\t\t\t--re-interval',
  '\t-s\t\t\t--no-optimize',
  '\t-S\t\t\t--sandbox',
  '\t-t\t\t\t--lint-old',
  '\t-V\t\t\t--version',
  '',
  "To report bugs, use the `gawkbug' program.",
  "For full instructions, see the node `Bugs' in `gawk.info'",
  "which is section `Reporting Problems and Bugs' in the",
  'printed version.  This same information may be found at',
  'https://www.gnu.org/software/gawk/manual/html_node/Bugs.html.',
  'PLEASE do NOT try to report bugs by posting in comp.lang.awk,',
  'or by using a web forum such as Stack Overflow.',
  '',
  'gawk is a pattern scanning and processing language.',
  'By default it reads standard input and writes standard output.',
  '',
  'Examples:',
  "\tawk '{ sum += $1 }; END { print sum }' file",
  "\tawk -F: '{ print $1 }' /etc/passwd",
  '',
].join('\n');

/** gawk names itself as invoked: `awk: …` or `gawk: …`. */
function usage(me: string): string {
  return [
    `Usage: ${me} [POSIX or GNU style options] -f progfile [--] file ...`,
    `Usage: ${me} [POSIX or GNU style options] [--] 'program' file ...`,
    USAGE_REST,
  ].join('\n');
}

/** Splits a file's text into records by RS: newline, paragraph mode (""), a character, or a regex. */
function records(data: string, rs: string, regex: (s: string) => RegExp): string[] {
  if (data === '') return [];
  if (rs === '') {
    const t = data.replace(/^\n+/, '').replace(/\n+$/, '');
    return t === '' ? [] : t.split(/\n\n+/);
  }
  const parts = rs.length === 1 ? data.split(rs) : splitAt(regex(rs), data);
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

class MainInput {
  private argi = 1;
  private recs: string[] = [];
  private ri = 0;
  opened = false;
  constructor(
    private readonly it: Interp,
    private readonly ctx: CommandContext,
  ) {}

  /** Moves to the next file operand; false when none is left. */
  private open(): boolean {
    const it = this.it;
    const argv = it.array('ARGV');
    const argc = toNum(it.get('ARGC'));
    while (this.argi < argc) {
      const arg = argv.get(String(this.argi++));
      const a = arg === undefined ? '' : it.str(arg);
      if (a === '') continue;
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a);
      if (assign) {
        const [, name = '', value = ''] = assign;
        it.set(name, input(unescape(value)));
        continue;
      }
      this.load(a);
      return true;
    }
    if (!this.opened) {
      this.load('-');
      return true;
    }
    return false;
  }

  private load(name: string): void {
    this.opened = true;
    let data: string;
    if (name === '-' || name === '/dev/stdin') data = text(this.ctx.stdin);
    else {
      try {
        data = text(this.ctx.proc.readFile(name));
      } catch (e) {
        if ((e as { code?: string }).code === 'EISDIR') {
          const me = programName(this.ctx.argv);
          this.it.ops.push({
            kind: 'err',
            data: `${me}: warning: command line argument \`${name}' is a directory: skipped\n`,
          });
          data = '';
        } else throw new AwkFatal(`cannot open file \`${name}' for reading: ${errText(e)}`, { cause: 'nofile' });
      }
    }
    // gawk 5.2 calls standard input "-" even when no file was named.
    this.it.set('FILENAME', name);
    this.it.set('FNR', 0);
    this.recs = records(data, toStr(this.it.get('RS'), '%.6g'), (s) => this.it.regex(s));
    this.ri = 0;
  }

  next(): string | undefined {
    for (;;) {
      if (this.ri < this.recs.length) return this.recs[this.ri++];
      if (!this.open()) return undefined;
    }
  }

  skipFile(): void {
    this.ri = this.recs.length;
  }
}

/** The name awk was called by, without its directory, for its messages. */
function programName(argv: readonly string[]): string {
  const [path = 'awk'] = argv;
  return path.slice(path.lastIndexOf('/') + 1);
}

export async function runAwk(ctx: CommandContext): Promise<number> {
  const me = programName(ctx.argv);
  const argv = ctx.argv.slice(1);
  const assigns: string[] = [];
  let fs: string | undefined;
  let src: string | undefined;
  let srcName = 'cmd. line';
  let i = 0;
  // (the update reads the word after any the body consumed as an option's value)
  for (let a = argv[i]; a !== undefined; a = argv[++i]) {
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const m = /^-([Fvf])(.*)$/s.exec(a);
    if (m) {
      const v = m[2] !== '' ? m[2] : argv[++i];
      if (v === undefined) {
        ctx.stderr(`${me}: option requires an argument -- ${m[1]}\n${usage(me)}`);
        return 1;
      }
      if (m[1] === 'F') fs = v;
      else if (m[1] === 'v') assigns.push(v);
      else {
        try {
          src = `${src === undefined ? '' : `${src}\n`}${text(ctx.proc.readFile(v))}`;
          srcName = v;
        } catch (e) {
          ctx.stderr(`${me}: fatal: can't open source file \`${v}' for reading: ${errText(e)}\n`);
          return 2;
        }
      }
      continue;
    }
    if (a === '--version' || a === '-V') {
      ctx.stdout(awkVersion);
      return 0;
    }
    if (a === '--help' || a === '-h') {
      ctx.stdout(usage(me));
      return 0;
    }
    // gawk answers an unknown short option with the usage text alone.
    ctx.stderr(`${a.startsWith('--') ? `${me}: unrecognized option '${a}'\n` : ''}${usage(me)}`);
    return 1;
  }
  if (src === undefined) {
    const program = argv[i++];
    if (program === undefined) {
      ctx.stderr(usage(me));
      return 1;
    }
    src = program;
  }
  const operands = argv.slice(i);
  const warn = (msg: string): void | Promise<void> => ctx.stderr(`${me}: ${srcName}:1: warning: ${msg}\n`);
  let prog: Program;
  try {
    prog = parseAwk(src, warn);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    const before = src.slice(0, e.pos);
    // At a newline gawk has already counted it: the number is the next line's, the text this one's.
    const lineNo = before.split('\n').length + (src[e.pos] === '\n' ? 1 : 0);
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEnd = src.indexOf('\n', e.pos) < 0 ? src.length : src.indexOf('\n', e.pos);
    const line = src.slice(lineStart, lineEnd);
    ctx.stderr(
      [
        `${me}: ${srcName}:${lineNo}: ${line}`,
        `${me}: ${srcName}:${lineNo}: ${' '.repeat(e.pos - lineStart)}^ ${e.message}`,
        '',
      ].join('\n'),
    );
    return 1;
  }
  const cache = new Map<string, CmdResult>();
  let writesDone = 0;
  for (let round = 0; ; round++) {
    let writeIdx = 0;
    const io: Omit<Io, 'nextMain'> = {
      readFile: (p) => text(p === '-' || p === '/dev/stdin' ? ctx.stdin : ctx.proc.readFile(p)),
      now: () => ctx.proc.kernel.clock.now(),
      budget: ctx.budget,
      writeFile: (p, d, append) => {
        if (++writeIdx <= writesDone) return;
        writesDone++;
        ctx.proc.writeFile(p, d, append ? { create: true, append: true } : { create: true, truncate: true });
      },
      command: (key, cmd, stdin) => {
        const r = cache.get(key);
        if (!r) throw new NeedCommand(key, cmd, stdin);
        return r;
      },
    };
    try {
      // Under the budget's preemption: a regex may backtrack where no statement ticks.
      const { status, ops } = ctx.budget.sync(() => runOnce(ctx, prog, { me, srcName, operands, fs, assigns }, io));
      flush(ctx, ops);
      return status;
    } catch (e) {
      if (!(e instanceof NeedCommand) || round >= MAX_COMMANDS) {
        if (e instanceof NeedCommand) {
          ctx.stderr(`${me}: fatal: more than ${MAX_COMMANDS} commands run from one program\n`);
          return 2;
        }
        throw e;
      }
      cache.set(e.key, await capture(ctx, e.cmd, e.stdin));
    }
  }
}

const MAX_COMMANDS = 200;

async function capture(ctx: CommandContext, cmd: string, stdin: string): Promise<CmdResult> {
  let out = '';
  let err = '';
  const dec = new TextDecoder();
  const status = await ctx.shell.runLine(cmd, {
    stdin: new TextEncoder().encode(stdin),
    stdout: (d) => {
      out += typeof d === 'string' ? d : dec.decode(d);
    },
    stderr: (d) => {
      err += typeof d === 'string' ? d : dec.decode(d);
    },
    stdinIsTerminal: false,
    stdoutIsTerminal: false,
  });
  return { out, err, status };
}

function flush(ctx: CommandContext, ops: Op[]): void {
  for (const op of ops) {
    if (op.kind === 'out') ctx.stdout(op.data);
    else ctx.stderr(op.data);
  }
}

interface Setup {
  me: string;
  srcName: string;
  operands: string[];
  fs: string | undefined;
  assigns: string[];
}

/**
 * One run of the program. Commands (system(), `cmd | getline`, closing `print | cmd`) cannot run
 * synchronously: the first time one is reached the run stops with NeedCommand, the caller runs
 * it, and the program is replayed from the start with the result cached — awk is deterministic
 * here (rand is seeded), and writes already made are not made again.
 */
function runOnce(
  ctx: CommandContext,
  prog: Program,
  setup: Setup,
  io: Omit<Io, 'nextMain'>,
): { status: number; ops: Op[] } {
  const { me, srcName, operands, fs, assigns } = setup;
  let main!: MainInput;
  const it = new Interp(prog, { ...io, nextMain: () => main.next() });
  it.buffered = !ctx.stdoutIsTerminal;
  for (const item of prog.items) item.inRange = false;
  main = new MainInput(it, ctx);
  const argvArr = it.array('ARGV');
  argvArr.set('0', 'awk');
  operands.forEach((o, k) => argvArr.set(String(k + 1), input(o)));
  it.set('ARGC', operands.length + 1);
  const env = it.array('ENVIRON');
  for (const [k, v] of ctx.env) env.set(k, input(v));
  let status = 0;
  let where = (): string => '';
  try {
    if (fs !== undefined) it.set('FS', fs === 't' ? 't' : unescape(fs));
    for (const a of assigns) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(a);
      if (!m) {
        it.ops.push({ kind: 'err', data: `${me}: fatal: \`${a}' is not a legal variable name\n` });
        return { status: 2, ops: it.ops };
      }
      const [, name = '', value = ''] = m;
      it.set(name, input(unescape(value)));
    }
    let exiting = false;
    try {
      for (const item of prog.items) if (item.kind === 'BEGIN') it.runAction(item.action!);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      if (e.code >= 0) status = e.code;
      exiting = true;
    }
    const mains = prog.items.filter((x) => x.kind === 'main');
    const needInput = mains.length > 0 || prog.items.some((x) => x.kind === 'END');
    if (!exiting && needInput) {
      where = () => ` (FILENAME=${it.str(it.get('FILENAME')) || '-'} FNR=${it.str(it.get('FNR'))})`;
      try {
        for (let rec = main.next(); rec !== undefined; rec = main.next()) {
          it.set('NR', toNum(it.get('NR')) + 1);
          it.set('FNR', toNum(it.get('FNR')) + 1);
          it.setRecord(rec);
          try {
            for (const item of mains) {
              let sel: boolean;
              if (item.range) {
                if (!item.inRange) {
                  sel = toBool(it.eval(item.range[0]));
                  if (sel) item.inRange = !toBool(it.eval(item.range[1]));
                } else {
                  sel = true;
                  if (toBool(it.eval(item.range[1]))) item.inRange = false;
                }
              } else sel = item.pattern === undefined || toBool(it.eval(item.pattern));
              if (!sel) continue;
              if (item.action) it.runAction(item.action);
              else it.out(it.getRecord() + it.str(it.get('ORS')));
            }
          } catch (e) {
            if (e instanceof NextFileSignal) main.skipFile();
            else if (!(e instanceof NextSignal)) throw e;
          }
        }
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e;
        if (e.code >= 0) status = e.code;
      }
    }
    where = () => '';
    try {
      for (const item of prog.items) if (item.kind === 'END') it.runAction(item.action!);
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e;
      if (e.code >= 0) status = e.code;
    }
    it.closeAll();
    it.flushOut();
  } catch (e) {
    if (e instanceof BudgetExceeded && e.reason !== 'output') {
      // Stopped (Ctrl-C, an endless loop): what it printed reaches the terminal first, unless it
      // is an endless loop's flood (the screen would spend seconds on a million blank lines).
      it.flushOut();
      if (it.ops.reduce((n, op) => n + op.data.length, 0) <= 64 * 1024) flush(ctx, it.ops);
    }
    if (e instanceof AwkFatal) {
      const prefix = e.cause === 'nofile' ? '' : ` ${srcName}:1:${where()}`;
      it.ops.push({ kind: 'err', data: `${me}:${prefix} fatal: ${e.message}\n` });
      it.flushOut();
      status = 2;
    } else throw e;
  }
  return { status, ops: it.ops };
}

export const awk: CommandSpec = {
  name: 'awk',
  summary: 'pattern scanning and text processing language (gawk)',
  flags: ['-F', '-v', '-f'],
  run: runAwk,
};
