// The sed script parser (GNU sed 4.9 syntax): addresses (N, $, /re/I, \cREc, first~step,
// addr,+N, addr,~N, 0,/re/), `!`, blocks, and the commands s y p d q Q a i c = l n N g G h H
// x b t T : r w D P z #. Errors carry GNU's text and the 1-based character position GNU reports.
import { compileRegex, RegexError } from '../posix-regex.js';

export class SedError extends Error {}

export type Addr =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  | { kind: 're'; re: RegExp | null }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'plus'; n: number }
  | { kind: 'mult'; n: number };

export interface Subst {
  re: RegExp | null;
  repl: string;
  global: boolean;
  nth: number;
  print: number;
  write?: string;
}

export interface Cmd {
  a1?: Addr;
  a2?: Addr;
  negate: boolean;
  name: string;
  text?: string;
  label?: string;
  subst?: Subst;
  y?: Map<string, string>;
  /** For `{`: index of the matching `}`. */
  jump?: number;
  exit?: number;
  /** Range state: whether inside, and the line the range ends on for numeric ends. */
  active?: boolean;
  end?: number;
  /** A `0,/re/` range runs once, from the first line. */
  done?: boolean;
}

export interface ParseOptions {
  extended: boolean;
}

export function parseScript(exprs: string[], opts: ParseOptions): Cmd[] {
  const cmds: Cmd[] = [];
  const blocks: number[] = [];
  // GNU joins -e pieces with newlines: `-e '1i\' -e 'text'` is one command.
  const joined: string[] = [];
  for (const e of exprs) {
    const prev = joined[joined.length - 1];
    if (prev !== undefined && /(^|[^\\])(\\\\)*\\$/.test(prev)) joined[joined.length - 1] = `${prev}\n${e}`;
    else joined.push(e);
  }
  joined.forEach((src, k) => parseOne(src, k + 1, opts, cmds, blocks));
  if (blocks.length > 0) throw new SedError(`-e expression #${exprs.length}, char 0: unmatched \`{'`);
  return cmds;
}

function parseOne(s: string, exprNo: number, opts: ParseOptions, cmds: Cmd[], blocks: number[]): void {
  let i = 0;
  // (typed as a never-returning function so that a failed check narrows what follows)
  const fail: (msg: string, at?: number) => never = (msg, at = i) => {
    throw new SedError(`-e expression #${exprNo}, char ${at}: ${msg}`);
  };
  const skipWs = (): void => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  };
  const regex = (delim: string, what: string): string => {
    let out = '';
    for (;;) {
      if (i >= s.length || s[i] === '\n') fail(what);
      const c = s[i++];
      if (c === delim) return out;
      if (c === '\\') {
        if (i >= s.length) fail(what);
        const e = s[i++];
        if (e === delim) out += delim === '&' ? '\\&' : e;
        else if (e === 'n') out += '\\n';
        else out += `\\${e}`;
        continue;
      }
      if (c === '[') {
        // A bracket expression may hold the delimiter unescaped.
        let j = i;
        if (s[j] === '^') j++;
        if (s[j] === ']') j++;
        while (j < s.length && s[j] !== ']' && s[j] !== '\n') {
          if (s[j] === '[' && /[:.=]/.test(s[j + 1] ?? '')) {
            const end = s.indexOf(`${s[j + 1]}]`, j + 2);
            j = end < 0 ? s.length : end + 2;
          } else j++;
        }
        if (j < s.length && s[j] === ']') {
          out += s.slice(i - 1, j + 1);
          i = j + 1;
          continue;
        }
      }
      out += c;
    }
  };
  const compile = (pat: string, flags: string): RegExp | null => {
    if (pat === '') return null;
    try {
      return compileRegex(pat, {
        sed: true,
        extended: opts.extended,
        ignoreCase: flags.includes('I'),
        flags: flags.includes('M') ? 'm' : '',
      });
    } catch (e) {
      if (e instanceof RegexError) fail(e.message);
      throw e;
    }
  };
  const address = (): Addr | undefined => {
    const c = s[i];
    if (c === undefined) return undefined;
    if (/\d/.test(c)) {
      const m = /^(\d+)(?:~(\d+))?/.exec(s.slice(i))!;
      i += m[0].length;
      if (m[2] !== undefined) return { kind: 'step', first: Number(m[1]), step: Number(m[2]) };
      return { kind: 'line', n: Number(m[1]) };
    }
    if (c === '$') {
      i++;
      return { kind: 'last' };
    }
    if (c === '/' || c === '\\') {
      i++;
      const delim = c === '/' ? '/' : s.charAt(i++);
      const pat = regex(delim, 'unterminated address regex');
      let flags = '';
      while (s[i] === 'I' || s[i] === 'M') flags += s[i++];
      return { kind: 're', re: compile(pat, flags) };
    }
    return undefined;
  };
  const label = (): string => {
    skipWs();
    const start = i;
    while (i < s.length && s[i] !== '\n' && s[i] !== ';') i++;
    return s.slice(start, i).trim();
  };
  const endOfCommand = (): void => {
    skipWs();
    if (i < s.length && s[i] !== '\n' && s[i] !== ';' && s[i] !== '}' && s[i] !== '#')
      fail('extra characters after command', i + 1);
  };
  /** a, i, c text: GNU's one-line form `a text`, or `a\` then lines ending in `\` to continue. */
  const textArg = (): string => {
    skipWs();
    if (s[i] === '\\') {
      i++;
      if (s[i] === '\n') i++;
      else skipWs();
    } else if (i >= s.length) fail("expected \\ after `a', `c' or `i'");
    let out = '';
    while (i < s.length) {
      const c = s[i++];
      if (c === '\\') {
        if (i < s.length) out += s[i++];
        continue;
      }
      if (c === '\n') break;
      out += c;
    }
    return out;
  };
  while (i < s.length) {
    while (i < s.length && /[\s;]/.test(s.charAt(i))) i++;
    if (i >= s.length) break;
    if (s[i] === '#') {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    const cmd: Cmd = { negate: false, name: '' };
    cmd.a1 = address();
    if (cmd.a1 && s[i] === ',') {
      i++;
      skipWs();
      if (s[i] === '+' || s[i] === '~') {
        const kind = s[i] === '+' ? 'plus' : 'mult';
        i++;
        const m = /^\d+/.exec(s.slice(i));
        if (!m) fail("unexpected `,'");
        i += m![0].length;
        cmd.a2 = { kind, n: Number(m![0]) };
      } else {
        cmd.a2 = address();
        if (!cmd.a2) fail("unexpected `,'");
      }
    }
    skipWs();
    while (s[i] === '!') {
      cmd.negate = true;
      i++;
      skipWs();
    }
    if (i >= s.length) fail('missing command');
    const name = s.charAt(i++);
    cmd.name = name;
    if (cmd.a1?.kind === 'line' && cmd.a1.n === 0 && !(cmd.a2?.kind === 're')) fail('invalid usage of line address 0');
    switch (name) {
      case '{':
        blocks.push(cmds.length);
        cmds.push(cmd);
        continue;
      case '}': {
        if (cmd.a1) fail("} doesn't want any addresses");
        const open = blocks.pop();
        if (open === undefined) fail("unexpected `}'");
        const block = cmds[open];
        if (block === undefined) fail("unexpected `}'");
        block.jump = cmds.length;
        cmds.push(cmd);
        endOfCommand();
        continue;
      }
      case '=':
      case 'd':
      case 'D':
      case 'g':
      case 'G':
      case 'h':
      case 'H':
      case 'l':
      case 'n':
      case 'N':
      case 'p':
      case 'P':
      case 'x':
      case 'z':
      case 'F':
        endOfCommand();
        break;
      case 'q':
      case 'Q': {
        skipWs();
        const m = /^\d+/.exec(s.slice(i));
        if (m) {
          cmd.exit = Number(m[0]);
          i += m[0].length;
        }
        endOfCommand();
        break;
      }
      case 'a':
      case 'i':
      case 'c':
        cmd.text = textArg();
        break;
      case ':':
        if (cmd.a1) fail(": doesn't want any addresses");
        cmd.label = label();
        if (cmd.label === '') fail('":" lacks a label');
        break;
      case 'b':
      case 't':
      case 'T':
        cmd.label = label();
        break;
      case 'r':
      case 'R':
      case 'w':
      case 'W': {
        skipWs();
        const start = i;
        while (i < s.length && s[i] !== '\n') i++;
        cmd.text = s.slice(start, i);
        break;
      }
      case 's': {
        const delim = s[i++];
        if (delim === undefined || delim === '\n' || delim === '\\') fail("unterminated `s' command");
        const pat = regex(delim, "unterminated `s' command");
        let repl = '';
        for (;;) {
          if (i >= s.length) fail("unterminated `s' command");
          const c = s[i++];
          if (c === delim) break;
          if (c === '\\' && i < s.length) {
            const e = s[i++];
            repl += e === delim ? (delim === '&' ? '\\&' : e) : e === '\n' ? '\n' : `\\${e}`;
            continue;
          }
          repl += c;
        }
        const sub: Subst = { re: null, repl, global: false, nth: 1, print: 0 };
        let flags = '';
        for (;;) {
          const c = s[i];
          if (c === 'g') sub.global = true;
          else if (c === 'p') sub.print++;
          else if (c === 'i' || c === 'I') flags += 'I';
          else if (c === 'm' || c === 'M') flags += 'M';
          else if (c === 'e') {
            /* not run: there is no shell for sed to call */
          } else if (c !== undefined && /\d/.test(c)) {
            const m = /^\d+/.exec(s.slice(i))!;
            sub.nth = Number(m[0]);
            if (sub.nth === 0) fail("number option to `s' command may not be zero", i + 1);
            i += m[0].length - 1;
          } else if (c === 'w') {
            i++;
            skipWs();
            const start = i;
            while (i < s.length && s[i] !== '\n') i++;
            sub.write = s.slice(start, i);
            break;
          } else if (c === undefined || c === '\n' || c === ';' || c === '}' || c === '#' || c === ' ' || c === '\t')
            break;
          else fail("unknown option to `s'", i + 1);
          i++;
        }
        sub.re = compile(pat, flags);
        const groups = sub.re ? new RegExp(`${sub.re.source}|`).exec('')!.length - 1 : 9;
        const ref = /\\(\d)/g;
        let m: RegExpExecArray | null;
        while ((m = ref.exec(repl.replace(/\\\\/g, '')))) {
          if (Number(m[1]) > groups) fail(`invalid reference \\${m[1]} on \`s' command's RHS`);
        }
        cmd.subst = sub;
        endOfCommand();
        break;
      }
      case 'y': {
        const delim = s.charAt(i++);
        const part = (): string[] => {
          const out: string[] = [];
          for (;;) {
            if (i >= s.length) fail("unterminated `y' command");
            const c = s.charAt(i++);
            if (c === delim) return out;
            if (c === '\\') {
              const e = s.charAt(i++);
              out.push(e === 'n' ? '\n' : e === 't' ? '\t' : e);
            } else out.push(c);
          }
        };
        const a = part();
        const b = part();
        if (a.length !== b.length) fail("strings for `y' command are different lengths");
        cmd.y = new Map(a.map((c, k) => [c, b[k] ?? c]));
        endOfCommand();
        break;
      }
      default:
        fail(`unknown command: \`${name}'`);
    }
    cmds.push(cmd);
  }
}
