// sed (GNU sed 4.9): runs the script parsed by sed-parse.ts over the input as one stream of
// lines (or per file with -s/-i). `-i[SUFFIX]` writes a NEW file beside the original and
// renames it over the original, as GNU does, so the file's inode changes — a lesson shows that.
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, text } from './common.js';
import { type Addr, type Cmd, parseScript, SedError } from './sed-parse.js';

const USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
  -e script, --expression=script
                 add the script to the commands to be executed
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -s, --separate
                 consider files as separate rather than as a single
                 continuous long stream.
`;

interface Line {
  text: string;
  /** Whether the input line ended with a newline (GNU keeps a missing final one missing). */
  nl: boolean;
}

class Input {
  private idx = 0;
  lineNo = 0;
  constructor(private readonly lines: Line[], startLine: number) {
    this.lineNo = startLine;
  }
  next(): Line | undefined {
    const l = this.lines[this.idx++];
    if (l) this.lineNo++;
    return l;
  }
  get last(): boolean {
    return this.idx >= this.lines.length;
  }
}

function toLines(s: string, sep: string): Line[] {
  if (s === '') return [];
  const parts = s.split(sep);
  const nl = parts[parts.length - 1] === '';
  if (nl) parts.pop();
  return parts.map((t, k) => ({ text: t, nl: k < parts.length - 1 || nl }));
}

/** Expands a replacement: & and \1..\9, \n, and GNU's \U \L \u \l \E case conversions. */
function expand(repl: string, m: RegExpExecArray): string {
  let out = '';
  let mode: '' | 'U' | 'L' = '';
  let once: '' | 'u' | 'l' = '';
  const add = (s: string): void => {
    for (const ch of s) {
      let c = mode === 'U' ? ch.toUpperCase() : mode === 'L' ? ch.toLowerCase() : ch;
      if (once) {
        c = once === 'u' ? c.toUpperCase() : c.toLowerCase();
        once = '';
      }
      out += c;
    }
  };
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '&') add(m[0]);
    else if (c === '\\' && i + 1 < repl.length) {
      const e = repl[++i];
      if (/\d/.test(e)) add(m[Number(e)] ?? '');
      else if (e === 'n') add('\n');
      else if (e === 't') add('\t');
      else if (e === 'U' || e === 'L') mode = e;
      else if (e === 'E') mode = '';
      else if (e === 'u' || e === 'l') once = e;
      else add(e);
    } else add(c);
  }
  return out;
}

interface State {
  ps: string;
  hs: string;
  out: string[];
  quit?: number;
  append: string[];
  lastRe: RegExp | null;
  tflag: boolean;
}

export async function runSed(ctx: CommandContext): Promise<number> {
  const argv = ctx.argv.slice(1);
  const exprs: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let extended = false;
  let inPlace: string | undefined;
  let separate = false;
  let nul = false;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--') {
      files.push(...argv.slice(k + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [key, val] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (key === '--quiet' || key === '--silent') quiet = true;
      else if (key === '--regexp-extended') extended = true;
      else if (key === '--in-place') inPlace = val ?? '';
      else if (key === '--separate') separate = true;
      else if (key === '--expression') exprs.push(val ?? argv[++k] ?? '');
      else if (key === '--null-data') nul = true;
      else if (key === '--posix' || key === '--unbuffered' || key === '--sandbox' || key === '--debug') continue;
      else {
        ctx.stderr(`sed: unrecognized option '${a}'\n${USAGE}`);
        return 1;
      }
      continue;
    }
    if (a.length > 1 && a[0] === '-') {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'n') quiet = true;
        else if (c === 'E' || c === 'r') extended = true;
        else if (c === 's') separate = true;
        else if (c === 'z') nul = true;
        else if (c === 'u') continue;
        else if (c === 'i') {
          inPlace = a.slice(j + 1);
          break;
        } else if (c === 'e' || c === 'f') {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++k];
          if (v === undefined) {
            ctx.stderr(`sed: option requires an argument -- '${c}'\n${USAGE}`);
            return 1;
          }
          if (c === 'e') exprs.push(v);
          else {
            try {
              exprs.push(text(ctx.proc.readFile(v)).replace(/\n$/, ''));
            } catch (e) {
              ctx.stderr(`sed: couldn't open file ${v}: ${errText(e)}\n`);
              return 1;
            }
          }
          break;
        } else {
          ctx.stderr(`sed: invalid option -- '${c}'\n${USAGE}`);
          return 1;
        }
      }
      continue;
    }
    files.push(a);
  }
  if (exprs.length === 0) {
    const s = files.shift();
    if (s === undefined) {
      ctx.stderr(USAGE);
      return 1;
    }
    exprs.push(s);
  }
  let cmds: Cmd[];
  try {
    cmds = parseScript(exprs, { extended });
  } catch (e) {
    if (e instanceof SedError) {
      ctx.stderr(`sed: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const labels = new Map<string, number>();
  cmds.forEach((c, k) => c.name === ':' && labels.set(c.label!, k));
  for (const c of cmds) {
    if ((c.name === 'b' || c.name === 't' || c.name === 'T') && c.label && !labels.has(c.label)) {
      ctx.stderr(`sed: can't find label for jump to \`${c.label}'\n`);
      return 4;
    }
  }
  // GNU opens (and truncates) every `w` file before reading any input.
  for (const c of cmds) {
    const f = c.name === 'w' ? c.text : c.subst?.write;
    if (f !== undefined && !f.startsWith('/dev/std')) {
      try {
        ctx.proc.writeFile(f, '');
      } catch (e) {
        ctx.stderr(`sed: couldn't open file ${f}: ${errText(e)}\n`);
        return 4;
      }
    }
  }
  if (inPlace !== undefined && files.length === 0) {
    ctx.stderr('sed: no input files\n');
    return 1;
  }
  const sep = nul ? '\0' : '\n';
  let status = 0;
  const read = (f: string): Line[] | undefined => {
    if (f === '-') return toLines(text(ctx.stdin), sep);
    try {
      return toLines(text(ctx.proc.readFile(f)), sep);
    } catch (e) {
      const isDir = (e as { code?: string }).code === 'EISDIR';
      ctx.stderr(isDir ? `sed: ${inPlace !== undefined ? `couldn't edit ${f}: not a regular file` : `read error on ${f}: Is a directory`}\n` : `sed: can't read ${f}: ${errText(e)}\n`);
      status = isDir && inPlace === undefined ? 4 : 2;
      return undefined;
    }
  };
  const state: State = { ps: '', hs: '', out: [], append: [], lastRe: null, tflag: false };
  const inputs = files.length > 0 ? files : ['-'];
  if (inPlace !== undefined || separate) {
    let lineNo = 0;
    for (const f of inputs) {
      const lines = read(f);
      if (!lines) continue;
      state.out = [];
      const input = new Input(lines, inPlace !== undefined ? 0 : lineNo);
      execute(ctx, cmds, labels, input, state, quiet, sep);
      lineNo = input.lineNo;
      if (inPlace !== undefined) writeInPlace(ctx, f, state.out.join(''), inPlace);
      else ctx.stdout(state.out.join(''));
      if (state.quit !== undefined) break;
    }
  } else {
    const all: Line[] = [];
    for (const f of inputs) {
      const lines = read(f);
      if (!lines) continue;
      // Files run together: a file without a final newline still ends its last line.
      if (all.length > 0 && !all[all.length - 1].nl) all[all.length - 1].nl = true;
      all.push(...lines);
    }
    execute(ctx, cmds, labels, new Input(all, 0), state, quiet, sep);
    if (state.out.length > 0) ctx.stdout(state.out.join(''));
  }
  return state.quit ?? status;
}

/** GNU sed -i: write a temporary file in the same directory, then rename it over the original. */
function writeInPlace(ctx: CommandContext, file: string, data: string, suffix: string): void {
  const slash = file.lastIndexOf('/');
  const dir = slash < 0 ? '' : file.slice(0, slash + 1);
  const base = file.slice(slash + 1);
  const tmp = `${dir}sed${tmpSuffix(ctx)}`;
  const st = ctx.proc.stat(file);
  ctx.proc.writeFile(tmp, data, { create: true, exclusive: true }, st.mode & 0o7777);
  ctx.proc.chmod(tmp, st.mode & 0o7777);
  if (suffix !== '') {
    const backup = suffix.includes('*') ? suffix.replace(/\*/g, base) : `${base}${suffix}`;
    ctx.proc.rename(file, backup.includes('/') ? backup : `${dir}${backup}`);
  }
  ctx.proc.rename(tmp, file);
}

let tmpCounter = 0;
function tmpSuffix(ctx: CommandContext): string {
  // mkstemp's six characters; deterministic here, unique within the session.
  void ctx;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let n = ++tmpCounter * 7919 + 104729;
  let s = '';
  for (let k = 0; k < 6; k++) {
    s += alphabet[n % alphabet.length];
    n = Math.floor(n / alphabet.length) + k * 31;
  }
  return s;
}

function matchAddr(a: Addr, input: Input, state: State): boolean {
  switch (a.kind) {
    case 'line': return input.lineNo === a.n;
    case 'last': return input.last;
    case 'step': return a.step <= 0 ? input.lineNo === a.first : input.lineNo >= a.first && (input.lineNo - a.first) % a.step === 0;
    case 're': {
      const re = a.re ?? state.lastRe;
      if (!re) return false;
      state.lastRe = re;
      re.lastIndex = 0;
      return re.test(state.ps);
    }
    default: return false;
  }
}

function selected(c: Cmd, input: Input, state: State): boolean {
  if (!c.a1) return true;
  if (!c.a2) return matchAddr(c.a1, input, state);
  const n = input.lineNo;
  if (!c.active) {
    const zero = c.a1.kind === 'line' && c.a1.n === 0;
    if (zero && c.done) return false;
    if (zero) c.done = true;
    if (!zero && !matchAddr(c.a1, input, state)) return false;
    const a2 = c.a2;
    if (a2.kind === 'line') {
      if (a2.n > n) c.active = true;
    } else if (a2.kind === 'plus') {
      c.end = n + a2.n;
      if (a2.n > 0) c.active = true;
    } else if (a2.kind === 'mult') {
      if (a2.n > 0 && n % a2.n !== 0) c.active = true;
    } else if (a2.kind === 're' && zero) {
      if (!matchAddr(a2, input, state)) c.active = true;
    } else if (!(a2.kind === 'last' && input.last)) c.active = true;
    return true;
  }
  const a2 = c.a2;
  let done: boolean;
  if (a2.kind === 'line') done = n >= a2.n;
  else if (a2.kind === 'plus') done = n >= (c.end ?? 0);
  else if (a2.kind === 'mult') done = n % a2.n === 0;
  else done = matchAddr(a2, input, state);
  if (a2.kind === 'line' && n > a2.n) {
    c.active = false;
    return matchAddr(c.a1, input, state) ? selected(c, input, state) : false;
  }
  if (done) c.active = false;
  return true;
}

function execute(ctx: CommandContext, cmds: Cmd[], labels: Map<string, number>, input: Input, state: State, quiet: boolean, sep: string): void {
  const emit = (s: string, nl = true): void => {
    state.out.push(nl ? `${s}${sep}` : s);
  };
  const flushAppend = (): void => {
    for (const a of state.append) state.out.push(a);
    state.append = [];
  };
  let line = input.next();
  while (line && state.quit === undefined) {
    state.ps = line.text;
    state.tflag = false;
    let nl = line.nl;
    let deleted = false;
    let restartNoRead = false;
    for (let pc = 0; pc < cmds.length; pc++) {
      const c = cmds[pc];
      let sel = selected(c, input, state);
      if (c.negate) sel = !sel;
      if (c.name === '}' || c.name === ':') continue;
      if (!sel) {
        if (c.name === '{') pc = c.jump!;
        continue;
      }
      switch (c.name) {
        case '{': break;
        case '=': emit(String(input.lineNo), true); break;
        case 'p': emit(state.ps); break;
        case 'P': emit(state.ps.split('\n')[0]); break;
        case 'l': emit(`${state.ps.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n')}$`); break;
        case 'd': deleted = true; break;
        case 'D': {
          const k = state.ps.indexOf('\n');
          if (k < 0) deleted = true;
          else {
            state.ps = state.ps.slice(k + 1);
            restartNoRead = true;
          }
          break;
        }
        case 'g': state.ps = state.hs; break;
        case 'G': state.ps += `\n${state.hs}`; break;
        case 'h': state.hs = state.ps; break;
        case 'H': state.hs += `\n${state.ps}`; break;
        case 'x': [state.ps, state.hs] = [state.hs, state.ps]; break;
        case 'z': state.ps = ''; break;
        case 'F': emit(ctx.argv.length > 0 ? '-' : '-'); break;
        case 'a': state.append.push(`${c.text}\n`); break;
        case 'i': emit(c.text!, false); state.out.push('\n'); break;
        case 'c':
          // In a range, c prints its text once, at the range's end.
          if (!c.a2 || !c.active) emit(c.text!);
          deleted = true;
          break;
        case 'r':
          try {
            state.append.push(text(ctx.proc.readFile(c.text!)));
          } catch {
            // GNU silently ignores an unreadable r file.
          }
          break;
        case 'w':
          writeTo(ctx, c.text!, `${state.ps}\n`);
          break;
        case 'q':
          if (!quiet) emit(state.ps, nl);
          flushAppend();
          state.quit = c.exit ?? 0;
          return;
        case 'Q':
          state.quit = c.exit ?? 0;
          return;
        case 'n':
          if (input.last) {
            // GNU: with no next line, n quits (printing unless -n).
            if (!quiet) emit(state.ps, nl);
            flushAppend();
            return;
          }
          if (!quiet) emit(state.ps, nl);
          flushAppend();
          line = input.next()!;
          state.ps = line.text;
          nl = line.nl;
          break;
        case 'N':
          if (input.last) {
            if (!quiet) emit(state.ps, nl);
            flushAppend();
            return;
          }
          line = input.next()!;
          state.ps += `\n${line.text}`;
          nl = line.nl;
          break;
        case 'b':
          pc = c.label ? labels.get(c.label)! : cmds.length;
          break;
        case 't':
        case 'T':
          if (state.tflag === (c.name === 't')) {
            state.tflag = false;
            pc = c.label ? labels.get(c.label)! : cmds.length;
          } else if (c.name === 'T') state.tflag = false;
          break;
        case 's': substitute(ctx, c, state, emit); break;
        case 'y': state.ps = [...state.ps].map((ch) => c.y!.get(ch) ?? ch).join(''); break;
      }
      if (deleted || restartNoRead) break;
    }
    if (!deleted && !restartNoRead && !quiet) emit(state.ps, nl);
    flushAppend();
    if (restartNoRead) {
      line = { text: state.ps, nl };
      continue;
    }
    line = input.next();
  }
}

function substitute(ctx: CommandContext, c: Cmd, state: State, emit: (s: string, nl?: boolean) => void): void {
  const sub = c.subst!;
  const base = sub.re ?? state.lastRe;
  if (!base) return;
  state.lastRe = base;
  const re = new RegExp(base.source, base.flags.includes('g') ? base.flags : `${base.flags}g`);
  let out = '';
  let last = 0;
  let count = 0;
  let did = false;
  let m: RegExpExecArray | null;
  let prevEnd = -1;
  while ((m = re.exec(state.ps))) {
    // POSIX: no empty match right where the previous match ended (`s/a*/x/g` on baaac: xbxcx).
    if (m[0] === '' && m.index === prevEnd) {
      re.lastIndex++;
      continue;
    }
    prevEnd = m.index + m[0].length;
    count++;
    if (count >= sub.nth && (sub.global || count === sub.nth)) {
      out += state.ps.slice(last, m.index) + expand(sub.repl, m);
      last = m.index + m[0].length;
      did = true;
      if (!sub.global) break;
    }
    if (m[0] === '') re.lastIndex++;
  }
  if (!did) return;
  state.ps = out + state.ps.slice(last);
  state.tflag = true;
  for (let k = 0; k < sub.print; k++) emit(state.ps);
  if (sub.write) writeTo(ctx, sub.write, `${state.ps}\n`);
}

function writeTo(ctx: CommandContext, file: string, data: string): void {
  if (file === '/dev/stdout') ctx.stdout(data);
  else if (file === '/dev/stderr') ctx.stderr(data);
  else ctx.proc.writeFile(file, data, { create: true, append: true });
}

export const sed: CommandSpec = {
  name: 'sed',
  summary: 'stream editor for filtering and transforming text',
  flags: ['-n', '-e', '-E', '-r', '-i', '-s', '-z', '--in-place', '--expression='],
  run: runSed,
};
