// The awk lexer (gawk's rules): newlines are tokens, `/` starts a regex only where an operand
// may begin, a name directly followed by `(` is a function call, and string escapes warn the
// way gawk does about `\.` and friends.

export type TokKind = 'num' | 'str' | 'ere' | 'name' | 'funcname' | 'builtin' | 'kw' | 'op' | 'nl' | 'eof';

export interface Tok {
  kind: TokKind;
  text: string;
  /** For num: the value; for str/ere: the processed text. */
  value?: number | string;
  /** Offset in the source, for gawk's caret under syntax errors. */
  pos: number;
}

export class AwkSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'function',
  'func',
  'if',
  'else',
  'while',
  'for',
  'do',
  'break',
  'continue',
  'next',
  'nextfile',
  'exit',
  'return',
  'delete',
  'in',
  'getline',
  'print',
  'printf',
]);

export const BUILTINS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'sub',
  'gsub',
  'match',
  'sprintf',
  'tolower',
  'toupper',
  'int',
  'sqrt',
  'exp',
  'log',
  'sin',
  'cos',
  'atan2',
  'rand',
  'srand',
  'system',
  'close',
  'fflush',
  'gensub',
  'systime',
  'strftime',
  'asort',
  'asorti',
]);

const OPS = [
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '**=',
  '==',
  '<=',
  '>=',
  '!=',
  '++',
  '--',
  '&&',
  '||',
  '>>',
  '!~',
  '**',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  '>',
  '<',
  '|',
  '?',
  ':',
  '~',
  '$',
  '=',
];

const ESC: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  '/': '/',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

/** Processes a string literal's escapes (also used for -v values and -F). */
export function unescape(s: string, warn?: (msg: string) => void): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const e = s.charAt(++i);
    const esc = ESC[e];
    if (esc !== undefined) out += esc;
    else if (/[0-7]/.test(e)) {
      let oct = e;
      while (oct.length < 3 && /[0-7]/.test(s.charAt(i + 1))) oct += s.charAt(++i);
      out += String.fromCharCode(parseInt(oct, 8));
    } else if (e === 'x' && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) {
      let hex = '';
      while (hex.length < 2 && /[0-9a-fA-F]/.test(s[i + 1] ?? '')) hex += s[++i];
      out += String.fromCharCode(parseInt(hex, 16));
    } else if (e === '\n') {
      // Backslash-newline inside a string continues it.
    } else {
      warn?.(`escape sequence \`\\${e}' treated as plain \`${e}'`);
      out += e;
    }
  }
  return out;
}

/** Whether a `/` after this token would be division (an operand just ended). */
function operandEnded(prev: Tok | undefined): boolean {
  if (!prev) return false;
  if (
    prev.kind === 'num' ||
    prev.kind === 'str' ||
    prev.kind === 'ere' ||
    prev.kind === 'name' ||
    prev.kind === 'builtin'
  )
    return true;
  if (prev.kind === 'kw') return prev.text === 'getline';
  return (
    prev.kind === 'op' &&
    (prev.text === ')' || prev.text === ']' || prev.text === '$' || prev.text === '++' || prev.text === '--')
  );
}

export function lex(src: string, warn: (msg: string) => void): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && (src[i + 1] === '\n' || (src[i + 1] === '\r' && src[i + 2] === '\n'))) {
      i += src[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (c === '\n') {
      toks.push({ kind: 'nl', text: '\n', pos: i++ });
      continue;
    }
    if (c === '"') {
      i++;
      let raw = '';
      for (;;) {
        if (i >= src.length || src[i] === '\n') throw new AwkSyntaxError('unterminated string', start);
        if (src[i] === '\\' && i + 1 < src.length) {
          raw += src.charAt(i) + src.charAt(i + 1);
          i += 2;
          continue;
        }
        if (src[i] === '"') break;
        raw += src[i++];
      }
      i++;
      toks.push({ kind: 'str', text: src.slice(start, i), value: unescape(raw, warn), pos: start });
      continue;
    }
    if (c === '/' && !operandEnded(toks[toks.length - 1])) {
      i++;
      let raw = '';
      let inBracket = false;
      for (;;) {
        if (i >= src.length || src[i] === '\n') throw new AwkSyntaxError('unterminated regexp', start);
        const d = src[i];
        if (d === '\\' && i + 1 < src.length) {
          raw += src.charAt(i) + src.charAt(i + 1);
          i += 2;
          continue;
        }
        if (d === '[' && !inBracket) {
          inBracket = true;
          raw += d;
          i++;
          if (src[i] === '^') raw += src[i++];
          if (src[i] === ']') raw += src[i++];
          continue;
        }
        if (d === ']' && inBracket) inBracket = false;
        if (d === '/' && !inBracket) break;
        raw += d;
        i++;
      }
      i++;
      toks.push({ kind: 'ere', text: src.slice(start, i), value: raw, pos: start });
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(src.slice(i))!;
      i += m[0].length;
      toks.push({ kind: 'num', text: m[0], value: Number(m[0]), pos: start });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      i += m[0].length;
      const w = m[0];
      if (KEYWORDS.has(w)) toks.push({ kind: 'kw', text: w === 'func' ? 'function' : w, pos: start });
      else if (BUILTINS.has(w)) toks.push({ kind: 'builtin', text: w, pos: start });
      else toks.push({ kind: src[i] === '(' ? 'funcname' : 'name', text: w, pos: start });
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new AwkSyntaxError(`invalid char '${c}' in expression`, i);
    i += op.length;
    toks.push({ kind: 'op', text: op === '**' ? '^' : op === '**=' ? '^=' : op, pos: start });
  }
  toks.push({ kind: 'eof', text: '', pos: src.length });
  return toks;
}
