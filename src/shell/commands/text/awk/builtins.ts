// awk's built-in functions as gawk runs them: length (of strings and arrays), substr with gawk's
// truncation, index, split, sub/gsub with `&` and `\\&`, match (with gawk's array argument),
// sprintf, tolower/toupper, the arithmetic functions, rand/srand, close, system, gensub.
import { strftime } from '../../strftime.js';
import { longestAt, splitAt, withFlags } from '../posix-regex.js';
import type { Expr } from './parse.js';
import type { Interp } from './interp.js';
import { AwkFatal } from './state.js';
import { input, toNum, UNINIT, type Val } from './value.js';

/** gawk's sub/gsub replacement: `&` is the match, `\&` a literal &, `\\&` a backslash then the match. */
function subRepl(repl: string, matched: string): string {
  let out = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i];
    if (c === '\\' && repl[i + 1] === '\\' && repl[i + 2] === '&') {
      out += `\\${matched}`;
      i += 2;
    } else if (c === '\\' && repl[i + 1] === '&') {
      out += '&';
      i++;
    } else if (c === '&') out += matched;
    else out += c;
  }
  return out;
}

/** Replaces matches of re in s: all of them (how = 0), or only the how-th. POSIX empty-match rules. */
export function replaceAll(re: RegExp, s: string, how: number, repl: (m: RegExpExecArray) => string): [string, number] {
  const g = withFlags(re, `${re.flags.replace('g', '')}g`);
  let out = '';
  let last = 0;
  let n = 0;
  let count = 0;
  let prevEnd = -1;
  let m: RegExpExecArray | null;
  while ((m = g.exec(s))) {
    if (m[0] === '' && m.index === prevEnd) {
      g.lastIndex++;
      continue;
    }
    m = longestAt(g, s, m);
    g.lastIndex = Math.max(g.lastIndex, m.index + m[0].length);
    prevEnd = m.index + m[0].length;
    count++;
    if (how === 0 || count === how) {
      out += s.slice(last, m.index) + repl(m);
      last = m.index + m[0].length;
      n++;
      if (how !== 0) break;
    }
    if (m[0] === '') g.lastIndex++;
  }
  return [out + s.slice(last), n];
}

export function callBuiltin(it: Interp, name: string, args: Expr[]): Val {
  // gawk refuses a call with too few arguments when it parses the program, in these words.
  const arg = (k: number): Expr => {
    const a = args[k];
    if (a === undefined) throw new AwkFatal(`${args.length} is invalid as number of arguments for ${name}`);
    return a;
  };
  const str = (k: number): string => it.str(it.eval(arg(k)));
  const num = (k: number): number => toNum(it.eval(arg(k)));
  switch (name) {
    case 'length': {
      if (args.length === 0) return [...it.getRecord()].length;
      const a = arg(0);
      if (a.t === 'var' && a.name !== 'NF') {
        const c = it.cell(a.name);
        if (c.arr) return c.arr.size;
      }
      return [...str(0)].length;
    }
    case 'substr': {
      const chars = [...str(0)];
      let start = Math.trunc(num(1));
      const len = args.length > 2 ? Math.trunc(num(2)) : Infinity;
      if (Number.isNaN(start)) start = 1;
      if (start < 1) start = 1;
      if (len <= 0) return '';
      return chars.slice(start - 1, start - 1 + len).join('');
    }
    case 'index': {
      const s = str(0);
      const t = str(1);
      const i = s.indexOf(t);
      return i < 0 ? 0 : [...s.slice(0, i)].length + 1;
    }
    case 'split': {
      const s = str(0);
      const target = arg(1);
      if (target.t !== 'var') throw new AwkFatal('split: second argument is not an array');
      const arr = it.array(target.name);
      arr.clear();
      let parts: string[];
      const sep = args[2];
      if (sep?.t === 're') {
        parts = s === '' ? [] : splitAt(it.regex(sep.src), s);
      } else {
        const fs = args.length > 2 ? str(2) : it.str(it.get('FS'));
        parts = it.splitBy(s, fs);
      }
      parts.forEach((p, k) => arr.set(String(k + 1), input(p)));
      return parts.length;
    }
    case 'sub':
    case 'gsub': {
      const re = it.regexOf(arg(0));
      const repl = str(1);
      const target: Expr = args[2] ?? { t: 'field', e: { t: 'num', v: 0 } };
      const s = it.str(it.eval(target));
      const [out, n] = replaceAll(re, s, name === 'gsub' ? 0 : 1, (m) => subRepl(repl, m[0]));
      if (n > 0) it.assign(target, out);
      return n;
    }
    case 'gensub': {
      const re = it.regexOf(arg(0));
      const repl = str(1);
      const howS = args.length > 2 ? str(2) : 'g';
      const how = /^[gG]/.test(howS) ? 0 : Math.max(1, Math.trunc(toNum(input(howS))));
      const s = args.length > 3 ? str(3) : it.getRecord();
      return replaceAll(re, s, how, (m) =>
        repl.replace(/\\(\d)|\\&|&|\\\\/g, (x, d: string | undefined) =>
          d !== undefined ? (m[Number(d)] ?? '') : x === '\\&' ? '&' : x === '\\\\' ? '\\' : m[0],
        ),
      )[0];
    }
    case 'match': {
      const s = str(0);
      const re = it.regexOf(arg(1));
      const first = re.exec(s);
      const m = first && longestAt(re, s, first);
      const start = m ? [...s.slice(0, m.index)].length + 1 : 0;
      const len = m ? [...m[0]].length : -1;
      it.set('RSTART', start);
      it.set('RLENGTH', len);
      if (args[2]?.t === 'var') {
        const arr = it.array(args[2].name);
        arr.clear();
        if (m) {
          const sep = it.str(it.get('SUBSEP'));
          m.forEach((g, k) => {
            if (g === undefined) return;
            arr.set(String(k), input(g));
            const at = s.indexOf(g, k === 0 ? m.index : m.index);
            arr.set(`${k}${sep}start`, [...s.slice(0, at)].length + 1);
            arr.set(`${k}${sep}length`, [...g].length);
          });
        }
      }
      return start;
    }
    case 'sprintf':
      if (args.length === 0) throw new AwkFatal('sprintf: no arguments');
      return it.sprintf(args.map((a) => it.eval(a)));
    case 'tolower':
      return str(0).toLowerCase();
    case 'toupper':
      return str(0).toUpperCase();
    case 'int':
      return Math.trunc(num(0));
    case 'sqrt':
      return Math.sqrt(num(0));
    case 'exp':
      return Math.exp(num(0));
    case 'log':
      return Math.log(num(0));
    case 'sin':
      return Math.sin(num(0));
    case 'cos':
      return Math.cos(num(0));
    case 'atan2':
      return Math.atan2(num(0), num(1));
    case 'rand': {
      // A small deterministic generator: the tutorial replays identically from a seed.
      it.randSeed = (it.randSeed * 1103515245 + 12345) % 2147483648;
      return it.randSeed / 2147483648;
    }
    case 'srand': {
      const prev = it.prevSeed;
      it.prevSeed = args.length > 0 ? num(0) : 0;
      it.randSeed = Math.abs(Math.trunc(it.prevSeed)) % 2147483648;
      return prev;
    }
    case 'close':
      return it.close(str(0));
    case 'fflush':
      return 0;
    case 'system':
      return it.system(str(0));
    case 'systime':
      return Math.floor(it.io.now() / 1000);
    case 'strftime': {
      const fmt = args.length > 0 ? str(0) : '%a %b %e %H:%M:%S %Z %Y';
      const secs = args.length > 1 ? Math.trunc(num(1)) : Math.floor(it.io.now() / 1000);
      return strftime(fmt, secs * 1000);
    }
    case 'asort':
    case 'asorti': {
      const a = args[0];
      if (a?.t !== 'var') throw new AwkFatal(`${name}: first argument is not an array`);
      const src = it.array(a.name);
      const vals = name === 'asorti' ? [...src.keys()].map((k) => input(k)) : [...src.values()];
      vals.sort((x, y) => {
        const nx = typeof x === 'number';
        const ny = typeof y === 'number';
        if (nx !== ny) return nx ? -1 : 1;
        const sx = it.str(x);
        const sy = it.str(y);
        return nx ? toNum(x) - toNum(y) : sx < sy ? -1 : sx > sy ? 1 : 0;
      });
      const dest = args[1]?.t === 'var' ? it.array(args[1].name) : src;
      dest.clear();
      vals.forEach((v, k) => dest.set(String(k + 1), v));
      return vals.length;
    }
  }
  void UNINIT;
  throw new AwkFatal(`function \`${name}' not defined`);
}
