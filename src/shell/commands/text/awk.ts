// awk (as gawk 5.2 runs it, invoked as `awk`): options -F -v -f --, the program, then files and
// `var=value` operands. BEGIN, main rules over records split by RS, END; output queued by the
// interpreter and written (or piped to commands) in order at the end. Error texts follow gawk:
// `awk: cmd. line:1: …` with the caret under the offending token.
import type { CommandContext, CommandSpec } from '../../command.js';
import { AwkSyntaxError, unescape } from './awk-lex.js';
import { AwkFatal, ExitSignal, Interp, NextFileSignal, NextSignal, type Op } from './awk-interp.js';
import { type Program, parseAwk } from './awk-parse.js';
import { input, toBool, toNum, toStr } from './awk-value.js';
import { errText, text } from './common.js';

const USAGE = `Usage: awk [POSIX or GNU style options] -f progfile [--] file ...
Usage: awk [POSIX or GNU style options] [--] 'program' file ...
`;

/** Splits a file's text into records by RS: newline, paragraph mode (""), a character, or a regex. */
function records(data: string, rs: string, regex: (s: string) => RegExp): string[] {
  if (data === '') return [];
  if (rs === '') {
    const t = data.replace(/^\n+/, '').replace(/\n+$/, '');
    return t === '' ? [] : t.split(/\n\n+/);
  }
  const parts = rs.length === 1 ? data.split(rs) : data.split(new RegExp(regex(rs).source, 'gsu'));
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

class MainInput {
  private argi = 1;
  private recs: string[] = [];
  private ri = 0;
  opened = false;
  constructor(private readonly it: Interp, private readonly ctx: CommandContext) {}

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
        it.set(assign[1], input(unescape(assign[2])));
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
          this.ctx.stderr(`awk: warning: command line argument \`${name}' is a directory: skipped\n`);
          data = '';
        } else throw new AwkFatal(`cannot open file \`${name}' for reading: ${errText(e)}`, { cause: 'nofile' });
      }
    }
    this.it.set('FILENAME', name === '-' && this.argi <= 1 ? '' : name);
    if (name === '-') this.it.set('FILENAME', '-');
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

export async function runAwk(ctx: CommandContext): Promise<number> {
  const argv = ctx.argv.slice(1);
  const assigns: string[] = [];
  let fs: string | undefined;
  let src: string | undefined;
  let srcName = 'cmd. line';
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    const m = /^-([Fvf])(.*)$/s.exec(a);
    if (m) {
      const v = m[2] !== '' ? m[2] : argv[++i];
      if (v === undefined) {
        ctx.stderr(`awk: option requires an argument -- ${m[1]}\n${USAGE}`);
        return 2;
      }
      if (m[1] === 'F') fs = v;
      else if (m[1] === 'v') assigns.push(v);
      else {
        try {
          src = `${src === undefined ? '' : `${src}\n`}${text(ctx.proc.readFile(v))}`;
          srcName = v;
        } catch (e) {
          ctx.stderr(`awk: fatal: can't open source file \`${v}' for reading: ${errText(e)}\n`);
          return 2;
        }
      }
      continue;
    }
    if (a === '--version' || a === '-V') {
      ctx.stdout('GNU Awk 5.2.1, API 3.2, PMA Avon 8-g1, (GNU MPFR 4.2.0, GNU MP 6.2.1)\n');
      return 0;
    }
    ctx.stderr(`awk: ${a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`}\n${USAGE}`);
    return 2;
  }
  if (src === undefined) {
    if (i >= argv.length) {
      ctx.stderr(USAGE);
      return 2;
    }
    src = argv[i++];
  }
  const operands = argv.slice(i);
  const warn = (msg: string): void => ctx.stderr(`awk: ${srcName}:1: warning: ${msg}\n`);
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
    ctx.stderr(`awk: ${srcName}:${lineNo}: ${line}\nawk: ${srcName}:${lineNo}: ${' '.repeat(e.pos - lineStart)}^ ${e.message}\n`);
    return 1;
  }
  let main!: MainInput;
  const it = new Interp(prog, {
    readFile: (p) => text(ctx.proc.readFile(p)),
    writeFile: (p, d, append) => ctx.proc.writeFile(p, d, append ? { create: true, append: true } : { create: true, truncate: true }),
    nextMain: () => main.next(),
  });
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
        ctx.stderr(`awk: fatal: \`${a}' is not a legal variable name\n`);
        return 2;
      }
      it.set(m[1], input(unescape(m[2])));
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
  } catch (e) {
    if (e instanceof AwkFatal) {
      const prefix = e.cause === 'nofile' ? '' : ` ${srcName}:1:${where()}`;
      it.ops.push({ kind: 'err', data: `awk:${prefix} fatal: ${e.message}\n` });
      status = 2;
    } else throw e;
  }
  await flush(ctx, it.ops);
  return status;
}

async function flush(ctx: CommandContext, ops: Op[]): Promise<void> {
  for (const op of ops) {
    if (op.kind === 'out') ctx.stdout(op.data);
    else if (op.kind === 'err') ctx.stderr(op.data);
    else {
      await ctx.shell.runLine(op.cmd, {
        stdin: new TextEncoder().encode(op.stdin),
        stdout: ctx.stdout,
        stderr: ctx.stderr,
        stdinIsTerminal: false,
        stdoutIsTerminal: ctx.stdoutIsTerminal,
      });
    }
  }
}

export const awk: CommandSpec = {
  name: 'awk',
  summary: 'pattern scanning and text processing language (gawk)',
  flags: ['-F', '-v', '-f'],
  run: runAwk,
};
