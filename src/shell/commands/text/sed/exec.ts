// sed's execution engine: the pattern and hold spaces, addresses and ranges, the commands, and
// s/// with GNU's replacement escapes. sed.ts feeds it lines and collects the output.
import type { CommandContext } from '../../../command.js';
import { text } from '../operands.js';
import { longestAt, withFlags } from '../posix-regex.js';
import type { Addr, Cmd } from './parse.js';

export interface Line {
  text: string;
  /** Whether the input line ended with a newline (GNU keeps a missing final one missing). */
  nl: boolean;
}

export class Input {
  private idx = 0;
  lineNo = 0;
  constructor(
    private readonly lines: Line[],
    startLine: number,
  ) {
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

export function toLines(s: string, sep: string): Line[] {
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
    const c = repl.charAt(i);
    if (c === '&') add(m[0]);
    else if (c === '\\' && i + 1 < repl.length) {
      const e = repl.charAt(++i);
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

const L_ESC: Record<string, string> = {
  '\\': '\\\\',
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** `l`: C escapes, octal for other bytes, lines wrapped at 69 characters plus `\`, then `$`. */
function listLine(ps: string): string {
  const pieces: string[] = [];
  for (const ch of ps) {
    const code = ch.codePointAt(0)!;
    if (L_ESC[ch] !== undefined) pieces.push(L_ESC[ch]);
    // Anything outside printable ASCII goes out byte by byte in octal, UTF-8 included.
    else if (code < 0x20 || code > 0x7e)
      for (const b of new TextEncoder().encode(ch)) pieces.push(`\\${b.toString(8).padStart(3, '0')}`);
    else pieces.push(ch);
  }
  let out = '';
  let width = 0;
  for (const p of pieces) {
    if (width + p.length > 69) {
      out += '\\\n';
      width = 0;
    }
    out += p;
    width += p.length;
  }
  return `${out}$`;
}

export interface State {
  ps: string;
  hs: string;
  out: string[];
  quit?: number;
  append: string[];
  lastRe: RegExp | null;
  rfiles: Map<string, { lines: string[]; i: number }>;
  tflag: boolean;
}

function matchAddr(a: Addr, input: Input, state: State): boolean {
  switch (a.kind) {
    case 'line':
      return input.lineNo === a.n;
    case 'last':
      return input.last;
    case 'step':
      return a.step <= 0
        ? input.lineNo === a.first
        : input.lineNo >= a.first && (input.lineNo - a.first) % a.step === 0;
    case 're': {
      const re = a.re ?? state.lastRe;
      if (!re) return false;
      state.lastRe = re;
      re.lastIndex = 0;
      return re.test(state.ps);
    }
    default:
      return false;
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

export function execute(
  ctx: CommandContext,
  cmds: Cmd[],
  labels: Map<string, number>,
  input: Input,
  state: State,
  quiet: boolean,
  sep: string,
): void {
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
      // A script that branches forever (`:a;ba`) is stopped by the line's budget.
      ctx.budget.tick();
      const c = cmds[pc];
      if (c === undefined) break;
      let sel = selected(c, input, state);
      if (c.negate) sel = !sel;
      if (c.name === '}' || c.name === ':') continue;
      if (!sel) {
        if (c.name === '{') pc = c.jump!;
        continue;
      }
      switch (c.name) {
        case '{':
          break;
        case '=':
          emit(String(input.lineNo), true);
          break;
        case 'p':
          emit(state.ps);
          break;
        case 'P':
          emit(firstLine(state.ps));
          break;
        case 'l':
          emit(listLine(state.ps));
          break;
        case 'd':
          deleted = true;
          break;
        case 'D': {
          const k = state.ps.indexOf('\n');
          if (k < 0) deleted = true;
          else {
            state.ps = state.ps.slice(k + 1);
            restartNoRead = true;
          }
          break;
        }
        case 'g':
          state.ps = state.hs;
          break;
        case 'G':
          state.ps += `\n${state.hs}`;
          break;
        case 'h':
          state.hs = state.ps;
          break;
        case 'H':
          state.hs += `\n${state.ps}`;
          break;
        case 'x':
          [state.ps, state.hs] = [state.hs, state.ps];
          break;
        case 'z':
          state.ps = '';
          break;
        case 'F':
          emit(ctx.argv.length > 0 ? '-' : '-');
          break;
        case 'a':
          state.append.push(`${c.text}\n`);
          break;
        case 'i':
          emit(c.text!, false);
          state.out.push('\n');
          break;
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
        case 'W':
          writeTo(ctx, c.text!, `${firstLine(state.ps)}\n`);
          break;
        case 'R': {
          // One more line of the file per R, queued like `a` text; nothing once it runs out.
          let r = state.rfiles.get(c.text!);
          if (!r) {
            let lines: string[] = [];
            try {
              lines = text(ctx.proc.readFile(c.text!)).split('\n');
              if (lines[lines.length - 1] === '') lines.pop();
            } catch {
              // An unreadable file reads as empty, as with r.
            }
            r = { lines, i: 0 };
            state.rfiles.set(c.text!, r);
          }
          if (r.i < r.lines.length) state.append.push(`${r.lines[r.i++]}\n`);
          break;
        }
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
        case 's':
          substitute(ctx, c, state, emit);
          break;
        case 'y':
          state.ps = [...state.ps].map((ch) => c.y!.get(ch) ?? ch).join('');
          break;
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
  const re = withFlags(base, base.flags.includes('g') ? base.flags : `${base.flags}g`);
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
    m = longestAt(re, state.ps, m);
    re.lastIndex = Math.max(re.lastIndex, m.index + m[0].length);
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

/** The pattern space up to its first newline (P and W). */
function firstLine(s: string): string {
  const nl = s.indexOf('\n');
  return nl < 0 ? s : s.slice(0, nl);
}
