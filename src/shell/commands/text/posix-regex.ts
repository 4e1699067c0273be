// POSIX regular expressions (BRE and ERE, with the GNU extensions grep, sed and gawk accept)
// translated into JavaScript RegExp source. One translator serves grep, sed and awk so that
// `[[:alpha:]]`, `\+` in a BRE or `\<word\>` behave the same in all three.
//
// The source runs on the Pike VM of regex-vm.ts (linear time, POSIX's leftmost-longest match);
// only a pattern with a back-reference, which no finite automaton can match, keeps JavaScript's
// backtracking engine (GNU's matcher backtracks there too), run under the line's budget.

import { PosixRegExp } from './regex-vm.js';

export class RegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegexError';
  }
}

export interface RegexOptions {
  /** ERE (grep -E, sed -E, awk) instead of BRE. */
  extended?: boolean;
  ignoreCase?: boolean;
  /** awk: C escapes (\n \t \/ \" …) inside the regex, and \y for a word boundary. */
  awk?: boolean;
  /** sed: \n and \t are newline and tab (grep reads them as plain n and t). */
  sed?: boolean;
  /** `g`, `y` … extra JS flags. */
  flags?: string;
}

export interface Translated {
  source: string;
  /** Number of capture groups. */
  groups: number;
}

// ASCII classes: the tutorial's host runs in the C.UTF-8 locale, where these are ASCII-only.
const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: '0-9a-zA-Z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

export function classRange(name: string): string | undefined {
  return Object.hasOwn(CLASSES, name) ? CLASSES[name] : undefined;
}

const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));

function lit(ch: string): string {
  return JS_SYNTAX.has(ch) ? `\\${ch}` : ch;
}

function classLit(ch: string): string {
  return ch === '\\' || ch === ']' || ch === '[' || ch === '^' || ch === '-' ? `\\${ch}` : ch;
}

const AWK_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  f: '\f',
  v: '\v',
  a: '\x07',
  b: '\b',
  '/': '/',
  '"': '"',
};

/** Parses a bracket expression starting at `[`; returns JS class text and the index after `]`. */
function bracket(p: string, start: number, awk: boolean): [string, number] {
  let i = start + 1;
  // glibc: a `[` with nothing after it is not even an unmatched bracket.
  if (i >= p.length) throw new RegexError('Invalid regular expression');
  let neg = false;
  if (p[i] === '^') {
    neg = true;
    i++;
  }
  const items: string[] = [];
  let first = true;
  let prevChar: string | undefined;
  for (;;) {
    if (i >= p.length) throw new RegexError('Unmatched [, [^, [:, [., or [=');
    const ch = p.charAt(i);
    if (ch === ']' && !first) {
      i++;
      break;
    }
    first = false;
    if (ch === '[' && (p[i + 1] === ':' || p[i + 1] === '=' || p[i + 1] === '.')) {
      const kind = p[i + 1];
      const end = p.indexOf(`${kind}]`, i + 2);
      if (end < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const name = p.slice(i + 2, end);
      i = end + 2;
      if (kind === ':') {
        const r = classRange(name);
        if (r === undefined) throw new RegexError('Invalid character class name');
        items.push(r);
        prevChar = undefined;
      } else {
        items.push(classLit(name));
        prevChar = name;
      }
      continue;
    }
    let c = ch;
    i++;
    // POSIX: a backslash is literal inside brackets; awk treats it as an escape.
    if (awk && c === '\\' && i < p.length) {
      const e = p.charAt(i++);
      c = AWK_ESCAPES[e] ?? e;
    }
    if (p[i] === '-' && p[i + 1] !== undefined && p[i + 1] !== ']') {
      let hi = p.charAt(i + 1);
      i += 2;
      if (awk && hi === '\\' && i < p.length) {
        const e = p.charAt(i++);
        hi = AWK_ESCAPES[e] ?? e;
      } else if (hi === '[' && p[i] === '.') {
        const end = p.indexOf('.]', i + 1);
        hi = p.slice(i + 1, end);
        i = end + 2;
      }
      if (hi.codePointAt(0)! < c.codePointAt(0)!) throw new RegexError('Invalid range end');
      items.push(`${classLit(c)}-${classLit(hi)}`);
      prevChar = undefined;
      continue;
    }
    items.push(classLit(c));
    prevChar = c;
  }
  void prevChar;
  return [`[${neg ? '^' : ''}${items.join('')}]`, i];
}

// `a+?` would be lazy in JS and `a**` a syntax error: in POSIX a repeated repeat adds nothing.
function repeated(out: string): boolean {
  return /(?<!\\)[*+?}]$/.test(out);
}

/** Translates a POSIX pattern into JS RegExp source (for the 'su' flags). */
export function translate(p: string, opts: RegexOptions = {}): Translated {
  const ere = opts.extended === true;
  const awk = opts.awk === true;
  let out = '';
  let groups = 0;
  const open: number[] = [];
  // Whether a `*` here would have nothing to repeat (literal in BRE; GNU ERE ignores it).
  let atStart = true;
  let i = 0;
  const n = p.length;
  const interval = (from: number, close: string): [string, number] | undefined => {
    const end = p.indexOf(close, from);
    if (end < 0) return undefined;
    const body = p.slice(from, end);
    const m = /^(\d*)(,(\d*))?$/.exec(body);
    if (!m || (m[1] === '' && m[2] === undefined)) return undefined;
    const lo = m[1] === '' ? '0' : m[1];
    if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(lo))
      throw new RegexError('Invalid content of \\{\\}');
    return [`{${lo}${m[2] !== undefined ? `,${m[3] ?? ''}` : ''}}`, end + close.length];
  };
  while (i < n) {
    const ch = p.charAt(i);
    if (ch === '\\') {
      if (i + 1 >= n) throw new RegexError('Trailing backslash');
      const e = p.charAt(i + 1);
      i += 2;
      if (!ere && e === '(') {
        groups++;
        open.push(groups);
        out += '(';
        atStart = true;
        continue;
      }
      if (!ere && e === ')') {
        if (open.length === 0) throw new RegexError('Unmatched ) or \\)');
        open.pop();
        out += ')';
        atStart = false;
        continue;
      }
      if (!ere && e === '|') {
        out += '|';
        atStart = true;
        continue;
      }
      if (!ere && (e === '+' || e === '?')) {
        if (atStart) out += lit(e);
        else if (!repeated(out)) out += e;
        continue;
      }
      if (!ere && e === '{') {
        if (atStart) throw new RegexError('Invalid preceding regular expression');
        const iv = interval(i, '\\}');
        if (!iv) throw new RegexError('Unmatched \\{');
        out += iv[0];
        i = iv[1];
        continue;
      }
      if (e >= '1' && e <= '9' && !awk) {
        if (Number(e) > groups) throw new RegexError('Invalid back reference');
        out += `\\${e}`;
        atStart = false;
        continue;
      }
      atStart = false;
      switch (e) {
        case 'w':
          out += '[0-9A-Za-z_]';
          continue;
        case 'W':
          out += '[^0-9A-Za-z_]';
          continue;
        case 's':
          out += '\\s';
          continue;
        case 'S':
          out += '\\S';
          continue;
        case 'b':
          out += awk ? '\\x08' : '\\b';
          continue;
        case 'y':
          out += awk ? '\\b' : 'y';
          continue;
        case 'B':
          out += '\\B';
          continue;
        case '<':
          out += '\\b(?=\\w)';
          continue;
        case '>':
          out += '\\b(?<=\\w)';
          continue;
        case '`':
          out += '(?<![\\s\\S])';
          continue;
        case "'":
          out += '(?![\\s\\S])';
          continue;
        case 'n':
          out += opts.sed || awk ? '\\n' : 'n';
          continue;
        case 't':
          out += opts.sed || awk ? '\\t' : 't';
          continue;
      }
      const awkEscape = awk ? AWK_ESCAPES[e] : undefined;
      if (awkEscape !== undefined) {
        out += lit(awkEscape);
        continue;
      }
      out += lit(e);
      continue;
    }
    if (ch === '[') {
      const [cls, next] = bracket(p, i, awk);
      out += cls;
      i = next;
      atStart = false;
      continue;
    }
    if (ch === '.') {
      out += '.';
      i++;
      atStart = false;
      continue;
    }
    if (ch === '*') {
      i++;
      if (atStart) {
        // BRE: a leading `*` is literal. ERE: GNU accepts it and treats it as literal too.
        if (!ere || out === '' || out.endsWith('(') || out.endsWith('|')) {
          out += ere ? '' : '\\*';
          if (ere) continue;
          atStart = false;
          continue;
        }
      }
      if (!repeated(out)) out += '*';
      continue;
    }
    if (ch === '^') {
      i++;
      if (ere || (atStart && (out === '' || out.endsWith('(') || out.endsWith('|')))) {
        out += '^';
        continue;
      }
      out += '\\^';
      atStart = false;
      continue;
    }
    if (ch === '$') {
      i++;
      const atEnd = i >= n || (!ere && (p.startsWith('\\)', i) || p.startsWith('\\|', i)));
      out += ere || atEnd ? '$' : '\\$';
      if (!(ere || atEnd)) atStart = false;
      continue;
    }
    if (ere) {
      if (ch === '(') {
        i++;
        groups++;
        open.push(groups);
        out += '(';
        atStart = true;
        continue;
      }
      if (ch === ')') {
        i++;
        if (open.length === 0) {
          out += '\\)';
          atStart = false;
          continue;
        }
        open.pop();
        out += ')';
        atStart = false;
        continue;
      }
      if (ch === '|') {
        i++;
        out += '|';
        atStart = true;
        continue;
      }
      if (ch === '+' || ch === '?') {
        i++;
        if (atStart) {
          if (awk) out += lit(ch);
          continue;
        }
        // `a**`, `a+*` and the like are fine in POSIX but syntax errors in JS.
        if (repeated(out)) continue;
        out += ch;
        continue;
      }
      if (ch === '{') {
        const iv = atStart ? undefined : interval(i + 1, '}');
        if (!iv) {
          out += '\\{';
          i++;
          atStart = false;
          continue;
        }
        out += iv[0];
        i = iv[1];
        continue;
      }
    }
    out += lit(ch);
    i++;
    atStart = false;
  }
  if (open.length > 0) throw new RegexError('Unmatched ( or \\(');
  return { source: out, groups };
}

export function compileRegex(p: string, opts: RegexOptions = {}): RegExp {
  const t = translate(p, opts);
  const flags = `su${opts.ignoreCase ? 'i' : ''}${opts.flags ?? ''}`;
  try {
    new RegExp(t.source, flags);
  } catch {
    // A construct the translator let through that JS rejects: fall back to a literal match.
    return posixRegExp(t.source.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), flags);
  }
  return posixRegExp(t.source, flags);
}

/** Translated source as a RegExp: on the VM, or on JS's engine when it has a back-reference. */
export function posixRegExp(source: string, flags: string): RegExp {
  try {
    return new PosixRegExp(source, flags);
  } catch {
    return new RegExp(source, flags);
  }
}

/** The same pattern with other flags (`g` for a replace loop), on the same engine. */
export function withFlags(re: RegExp, flags: string): RegExp {
  return re instanceof PosixRegExp ? new PosixRegExp(re, flags) : new RegExp(re.source, flags);
}

/** Splits s at every match, as awk's split() and FS do: the pieces only, never the groups. */
export function splitAt(re: RegExp, s: string): string[] {
  const parts = s.split(withFlags(re, `${re.flags.replace(/[gy]/g, '')}g`));
  if (re.source.includes('(')) {
    // JS puts the groups' text between the pieces: keep every (groups+1)-th.
    const groups = new RegExp(`${re.source}|`, re.flags.replace(/[gy]/g, '')).exec('')!.length - 1;
    return parts.filter((_, k) => k % (groups + 1) === 0);
  }
  return parts;
}

const altCache = new Map<string, RegExp | null>();

/** The sticky, end-anchored twin of a pattern with alternation, or null when it has none. */
function altTwin(re: RegExp): RegExp | null {
  const key = `${re.flags}/${re.source}`;
  let twin = altCache.get(key);
  if (twin === undefined) {
    let alt = false;
    let inClass = false;
    for (let i = 0; i < re.source.length; i++) {
      const c = re.source[i];
      if (c === '\\') i++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '|' && !inClass) alt = true;
    }
    twin = alt ? new RegExp(`(?:${re.source})$`, `${re.flags.replace(/[gy]/g, '')}y`) : null;
    altCache.set(key, twin);
  }
  return twin;
}

/**
 * POSIX wants the leftmost-LONGEST match; JS alternation stops at the first alternative that
 * fits (`a|ab` on "ab" gives "a"). Given JS's match, look for a longer one at the same start.
 * Only patterns with `|` can differ; the search looks at most 256 characters further. Only the JS
 * engine needs this (patterns with a back-reference); the VM finds the longest match itself.
 */
export function longestAt(re: RegExp, s: string, m: RegExpExecArray): RegExpExecArray {
  if (re instanceof PosixRegExp) return m;
  const twin = altTwin(re);
  if (!twin) return m;
  const start = m.index;
  const end0 = start + m[0].length;
  for (let e = Math.min(s.length, end0 + 256); e > end0; e--) {
    twin.lastIndex = start;
    const r = twin.exec(s.slice(0, e));
    if (r) {
      r.index = start;
      return r;
    }
  }
  return m;
}
