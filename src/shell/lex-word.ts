// Reads shell words into parts: quotes, backslashes, $-expansions, backquotes, tildes and glob
// characters. Substitutions that hold commands are handed back to the parser through
// NestedParsers, so this file never imports the grammar.
import type {
  CommandList,
  CommandSubstitutionPart,
  DoubleQuotedInnerPart,
  DoubleQuotedPart,
  ParameterOperator,
  ParameterPart,
  ParseResult,
  SingleQuotedPart,
  BadSubstitutionPart,
  Word,
  WordPart,
} from './ast.js';
import { ParseAbort, unexpectedEndOfFile, unmatched } from './parse-errors.js';

/** How the word reader reaches back into the parser. */
export interface NestedParsers {
  /** Parses `$(…)` or `<(…)` in place, from just after the `(` through its `)`. */
  commandSubstitution(src: string, start: number, endOfInput: boolean): { body: CommandList; end: number };
  /** Parses a copied text as a script of its own: bash re-reads backquotes that way. */
  detached(src: string): ParseResult;
}

const META = ' \t\n;&|<>()';
/** Characters that end a run of plain literal text in an unquoted word. */
const UNQUOTED_SPECIAL = META + '\\\'"$`*?[~:';
/** `NAME=`, `NAME+=`, `NAME[index]=` at the start of a word. */
export const ASSIGNMENT_PREFIX = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]\s'"`$\\;&|<>()]*)\])?(\+?)=/;
const ASSIGNMENT_PREFIX_STICKY = new RegExp(ASSIGNMENT_PREFIX.source.slice(1), 'y');
const PARAMETER_NAME = /[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!0-]/y;
const TILDE_USER = /[A-Za-z0-9._-]*/y;
// Longest first, so `:-` wins over `:` and `##` over `#`.
const PARAMETER_OPERATORS: ParameterOperator[] = [
  ':-', ':=', ':?', ':+', '##', '%%', '//', '/#', '/%', '^^', ',,',
  '-', '=', '?', '+', '#', '%', '/', '^', ',', ':',
];
const ANSI_C_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

function appendLiteral(parts: WordPart[], text: string): void {
  const last = parts[parts.length - 1];
  if (last !== undefined && last.type === 'Literal') last.value += text;
  else parts.push({ type: 'Literal', value: text });
}

export class WordReader {
  /** Reads stop here: the end of the source, or the `}` of the `${…}` being read. */
  protected limit: number;

  constructor(
    readonly src: string,
    protected readonly nested: NestedParsers,
    /** No more input will follow; see ParseOptions.endOfInput. */
    readonly endOfInput: boolean,
    public pos = 0,
  ) {
    this.limit = src.length;
  }

  /** Reads one unquoted word at `pos`, which must not be a blank or metacharacter (except
   * the `<(`/`>(` of a process substitution). */
  readWord(): Word {
    const src = this.src;
    const start = this.pos;
    const parts: WordPart[] = [];
    // An assignment's prefix is taken whole, so that `a[0]=x` keeps `[0]` out of globbing and
    // the parser can split NAME= off the first Literal part.
    ASSIGNMENT_PREFIX_STICKY.lastIndex = start;
    const valueStart = ASSIGNMENT_PREFIX_STICKY.test(src) ? ASSIGNMENT_PREFIX_STICKY.lastIndex : -1;
    if (valueStart !== -1) {
      appendLiteral(parts, src.slice(start, valueStart));
      this.pos = valueStart;
    }
    let afterColon = false;
    while (this.pos < this.limit) {
      const at = this.pos;
      const c = src[at];
      // Tilde: at the word's start, and after `=` or `:` in an assignment-shaped word.
      if (c === '~' && (at === start || at === valueStart || afterColon) && this.readTilde(parts, valueStart !== -1)) {
        continue;
      }
      afterColon = false;
      switch (c) {
        case '<':
        case '>':
          if (at !== start || src[at + 1] !== '(') return this.finishWord(parts, start);
          parts.push({ type: 'ProcessSubstitution', direction: c, body: this.readCommandSubstitutionBody(at + 2) });
          break;
        case ' ': case '\t': case '\n': case ';': case '&': case '|': case '(': case ')':
          return this.finishWord(parts, start);
        case '\\':
          this.readUnquotedBackslash(parts);
          break;
        case "'":
          parts.push(this.readSingleQuoted());
          break;
        case '"':
          parts.push(this.readDoubleQuoted());
          break;
        case '$':
          this.readDollar(parts, false);
          break;
        case '`':
          parts.push(this.readBackquoted(false));
          break;
        case '*':
        case '?':
        case '[':
          this.readGlobChar(parts);
          break;
        default: {
          let end = at + 1;
          while (end < this.limit && !UNQUOTED_SPECIAL.includes(src[end])) end++;
          appendLiteral(parts, src.slice(at, end));
          this.pos = end;
          afterColon = c === ':' && valueStart !== -1;
        }
      }
    }
    return this.finishWord(parts, start);
  }

  private finishWord(parts: WordPart[], start: number): Word {
    return { type: 'Word', parts, text: this.src.slice(start, this.pos), span: { start, end: this.pos } };
  }

  private readUnquotedBackslash(parts: WordPart[]): void {
    const next = this.src[this.pos + 1];
    if (this.pos + 1 >= this.limit) {
      // A trailing backslash continues the line at a prompt; at the end of a script it is
      // just a backslash.
      if (!this.endOfInput) throw unexpectedEndOfFile(this.src, 'line');
      appendLiteral(parts, '\\');
      this.pos++;
    } else if (next === '\n') {
      this.pos += 2;
    } else {
      appendLiteral(parts, next);
      this.pos += 2;
    }
  }

  /** `~`, `~user`, `~+`, `~-`, ended by `/`, the word's end or (in assignments) `:`. */
  private readTilde(parts: WordPart[], inAssignment: boolean): boolean {
    const src = this.src;
    let end = this.pos + 1;
    if (src[end] === '+' || src[end] === '-') end++;
    else {
      TILDE_USER.lastIndex = end;
      TILDE_USER.test(src);
      end = Math.min(TILDE_USER.lastIndex, this.limit);
    }
    const after = src[end];
    if (end < this.limit && after !== '/' && !META.includes(after) && !(inAssignment && after === ':')) return false;
    parts.push({ type: 'Tilde', user: src.slice(this.pos + 1, end) });
    this.pos = end;
    return true;
  }

  /** `*` and `?` always; `[` only when a `]` closes it within the word, as bash decides. */
  private readGlobChar(parts: WordPart[]): void {
    const src = this.src;
    const at = this.pos;
    if (src[at] !== '[') {
      parts.push({ type: 'Glob', pattern: src[at] });
      this.pos++;
      return;
    }
    let j = at + 1;
    if (src[j] === '!' || src[j] === '^') j++;
    if (src[j] === ']') j++; // a leading `]` is a member of the set
    for (; j < this.limit; j++) {
      const c = src[j];
      if (c === ']') {
        parts.push({ type: 'Glob', pattern: src.slice(at, j + 1) });
        this.pos = j + 1;
        return;
      }
      if (META.includes(c) || '\\\'"$`'.includes(c)) break;
    }
    appendLiteral(parts, '[');
    this.pos++;
  }

  private readSingleQuoted(): SingleQuotedPart {
    const open = this.pos;
    const close = this.src.indexOf("'", open + 1);
    if (close === -1 || close >= this.limit) throw unmatched(this.src, "'", open);
    this.pos = close + 1;
    return { type: 'SingleQuoted', value: this.src.slice(open + 1, close) };
  }

  /** `$'…'`: escapes decoded now, since nothing later in expansion touches them. */
  private readAnsiCQuoted(): SingleQuotedPart {
    const src = this.src;
    const open = this.pos + 1;
    let value = '';
    let j = open + 1;
    for (;;) {
      if (j >= this.limit) throw unmatched(src, "'", open);
      const c = src[j];
      if (c === "'") break;
      if (c !== '\\' || j + 1 >= this.limit) {
        value += c;
        j++;
        continue;
      }
      const e = src[j + 1];
      const octal = /^[0-7]{1,3}/.exec(src.slice(j + 1, j + 4));
      const hex = e === 'x' ? /^[0-9A-Fa-f]{1,2}/.exec(src.slice(j + 2, j + 4)) : null;
      if (octal) {
        value += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
        j += 1 + octal[0].length;
      } else if (hex) {
        value += String.fromCharCode(parseInt(hex[0], 16));
        j += 2 + hex[0].length;
      } else {
        value += ANSI_C_ESCAPES[e] ?? `\\${e}`;
        j += 2;
      }
    }
    this.pos = j + 1;
    return { type: 'SingleQuoted', value };
  }

  private readDoubleQuoted(): DoubleQuotedPart {
    const open = this.pos++;
    const src = this.src;
    const parts: WordPart[] = [];
    for (;;) {
      if (this.pos >= this.limit) throw unmatched(src, '"', open);
      const at = this.pos;
      const c = src[at];
      if (c === '"') {
        this.pos++;
        return { type: 'DoubleQuoted', parts: parts as DoubleQuotedInnerPart[] };
      }
      if (c === '\\') {
        // Inside double quotes a backslash escapes only $ ` " \ and newline.
        const next = src[at + 1];
        if (at + 1 >= this.limit) throw unmatched(src, '"', open);
        if (next === '\n') this.pos += 2;
        else if ('$`"\\'.includes(next)) {
          appendLiteral(parts, next);
          this.pos += 2;
        } else {
          appendLiteral(parts, '\\');
          this.pos++;
        }
      } else if (c === '$') this.readDollar(parts, true);
      else if (c === '`') parts.push(this.readBackquoted(true));
      else {
        let end = at + 1;
        while (end < this.limit && !'"\\$`'.includes(src[end])) end++;
        appendLiteral(parts, src.slice(at, end));
        this.pos = end;
      }
    }
  }

  /** Everything that starts with `$`. A `$` that starts nothing is a literal dollar sign. */
  protected readDollar(parts: WordPart[], inDoubleQuotes: boolean): void {
    const src = this.src;
    const at = this.pos;
    const next = at + 1 < this.limit ? src[at + 1] : '';
    if (next === '(') {
      if (src[at + 2] === '(') {
        const close = this.arithmeticEnd(at + 3, at);
        if (close !== -1) {
          parts.push({ type: 'Arithmetic', expression: src.slice(at + 3, close) });
          this.pos = close + 2;
          return;
        }
      }
      const body = this.readCommandSubstitutionBody(at + 2);
      parts.push({ type: 'CommandSubstitution', backquoted: false, body, syntaxError: null });
    } else if (next === '{') {
      parts.push(this.readBraced(inDoubleQuotes));
    } else if (next === '[') {
      const close = this.bracketArithmeticEnd(at + 2, at);
      parts.push({ type: 'Arithmetic', expression: src.slice(at + 2, close) });
      this.pos = close + 1;
    } else if (next === "'" && !inDoubleQuotes) {
      parts.push(this.readAnsiCQuoted());
    } else if (next === '"' && !inDoubleQuotes) {
      this.pos++; // $"…" is a translatable string: without catalogs, plain double quotes
      parts.push(this.readDoubleQuoted());
    } else if (/[A-Za-z_]/.test(next)) {
      PARAMETER_NAME.lastIndex = at + 1;
      PARAMETER_NAME.test(src);
      const end = Math.min(PARAMETER_NAME.lastIndex, this.limit);
      parts.push(parameter(src.slice(at + 1, end), false));
      this.pos = end;
    } else if (next !== '' && '0123456789@*#?-$!'.includes(next)) {
      parts.push(parameter(next, false)); // $10 is ${1}0, as in every shell
      this.pos = at + 2;
    } else {
      appendLiteral(parts, '$');
      this.pos++;
    }
  }

  private readCommandSubstitutionBody(start: number): CommandList {
    const { body, end } = this.nested.commandSubstitution(this.src, start, this.endOfInput);
    this.pos = end;
    return body;
  }

  /** The index of the first `)` of the `))` closing `$((` or `((`, or -1 when a lone `)`
   * closes the first parenthesis: then it was `$( (…) )`, a command substitution. */
  arithmeticEnd(from: number, open: number): number {
    let depth = 0;
    for (let j = from; ; j++) {
      if (j >= this.limit) throw unmatched(this.src, ')', open);
      const c = this.src[j];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth > 0) depth--;
        else if (j + 1 >= this.limit) throw unmatched(this.src, ')', open);
        else return this.src[j + 1] === ')' ? j : -1;
      }
    }
  }

  private bracketArithmeticEnd(from: number, open: number): number {
    let depth = 0;
    for (let j = from; ; j++) {
      if (j >= this.limit) throw unmatched(this.src, ']', open);
      const c = this.src[j];
      if (c === '[') depth++;
      else if (c === ']' && depth-- === 0) return j;
    }
  }

  /** `` `…` ``: bash unescapes \$ \` \\ (and \" inside double quotes), then parses the text as
   * a script of its own when the substitution runs, so an error inside is kept, not thrown. */
  protected readBackquoted(inDoubleQuotes: boolean): CommandSubstitutionPart {
    const src = this.src;
    const open = this.pos;
    let text = '';
    let j = open + 1;
    for (;;) {
      if (j >= this.limit) throw unmatched(src, '`', open);
      const c = src[j];
      if (c === '`') break;
      const next = src[j + 1];
      if (c === '\\' && j + 1 < this.limit && ('$`\\'.includes(next) || (inDoubleQuotes && next === '"'))) {
        text += next;
        j += 2;
      } else {
        text += c;
        j++;
      }
    }
    this.pos = j + 1;
    const result = this.nested.detached(text);
    if (result.status === 'ok') {
      return { type: 'CommandSubstitution', backquoted: true, body: result.script, syntaxError: null };
    }
    return { type: 'CommandSubstitution', backquoted: true, body: null, syntaxError: result.error };
  }

  /** `${…}`: find the matching `}` first (bash only matches braces when it parses), then read
   * the inside; what cannot be expanded becomes a BadSubstitution for run time. */
  private readBraced(inDoubleQuotes: boolean): WordPart {
    const open = this.pos;
    const close = this.closingBrace(open + 2, inDoubleQuotes, open);
    const savedLimit = this.limit;
    this.limit = close;
    try {
      return this.readBracedInside(open, close, inDoubleQuotes);
    } finally {
      this.limit = savedLimit;
      this.pos = close + 1;
    }
  }

  private readBracedInside(open: number, close: number, inDoubleQuotes: boolean): WordPart {
    const src = this.src;
    const bad = (unsupported = false): BadSubstitutionPart => ({
      type: 'BadSubstitution',
      text: src.slice(open, close + 1),
      unsupported,
    });
    let p = open + 2;
    const length = src[p] === '#' && p + 1 < close;
    if (length) p++;
    if (src[p] === '!' && p + 1 < close) return bad(true); // ${!name}: indirection
    PARAMETER_NAME.lastIndex = p;
    if (!PARAMETER_NAME.test(src) || PARAMETER_NAME.lastIndex > close) return bad();
    const part = parameter(src.slice(p, PARAMETER_NAME.lastIndex), true);
    part.length = length;
    p = PARAMETER_NAME.lastIndex;
    if (p === close) return part;
    if (length) return bad();
    if (src[p] === '[' || src[p] === '@') return bad(true); // arrays, ${x@Q} transformations
    const op = PARAMETER_OPERATORS.find((candidate) => src.startsWith(candidate, p));
    if (op === undefined) return bad();
    part.op = op;
    this.pos = p + op.length;
    part.argument = this.readParameterArgument(inDoubleQuotes, op.startsWith('/') ? '/' : '');
    if (op.startsWith('/') && this.pos < close) {
      this.pos++; // the `/` between pattern and replacement
      part.replacement = this.readParameterArgument(inDoubleQuotes, '');
    }
    return part;
  }

  /** The word after a `${name op` up to the `}` (the limit) or `stop`. */
  private readParameterArgument(inDoubleQuotes: boolean, stop: string): Word {
    const src = this.src;
    const start = this.pos;
    const parts: WordPart[] = [];
    while (this.pos < this.limit) {
      const at = this.pos;
      const c = src[at];
      if (c === stop) break;
      if (c === '\\') {
        const next = src[at + 1];
        if (at + 1 < this.limit && (!inDoubleQuotes || '$`"\\}'.includes(next))) {
          appendLiteral(parts, next);
          this.pos += 2;
        } else {
          appendLiteral(parts, '\\');
          this.pos++;
        }
      } else if (c === "'" && !inDoubleQuotes) parts.push(this.readSingleQuoted());
      else if (c === '"') parts.push(this.readDoubleQuoted());
      else if (c === '$') this.readDollar(parts, inDoubleQuotes);
      else if (c === '`') parts.push(this.readBackquoted(inDoubleQuotes));
      else if (c === '*' || c === '?' || c === '[') this.readGlobChar(parts);
      else {
        let end = at + 1;
        while (end < this.limit && !'\\\'"$`*?['.includes(src[end]) && src[end] !== stop) end++;
        appendLiteral(parts, src.slice(at, end));
        this.pos = end;
      }
    }
    return { type: 'Word', parts, text: src.slice(start, this.pos), span: { start, end: this.pos } };
  }

  /** The `}` matching a `${`, skipping quotes, nested `${…}`, `$(…)` and backquotes. */
  private closingBrace(from: number, inDoubleQuotes: boolean, open: number): number {
    const src = this.src;
    let depth = 0;
    for (let j = from; ; j++) {
      if (j >= this.limit) throw unmatched(src, '}', open);
      const c = src[j];
      if (c === '\\') j++;
      else if (c === "'" && !inDoubleQuotes) j = this.skipPast("'", j);
      else if (c === '"') j = this.skipPast('"', j);
      else if (c === '`') j = this.skipPast('`', j);
      else if (c === '$' && src[j + 1] === '{') {
        depth++;
        j++;
      } else if (c === '$' && src[j + 1] === '(') j = this.skipParentheses(j + 1);
      else if (c === '}' && depth-- === 0) return j;
    }
  }

  /** The index of the quote closing the one at `open` (backslashes escape, except in '…'). */
  private skipPast(quote: string, open: number): number {
    for (let j = open + 1; j < this.limit; j++) {
      if (this.src[j] === quote) return j;
      if (this.src[j] === '\\' && quote !== "'") j++;
    }
    throw unmatched(this.src, quote, open);
  }

  private skipParentheses(open: number): number {
    let depth = 0;
    for (let j = open; j < this.limit; j++) {
      const c = this.src[j];
      if (c === '\\') j++;
      else if (c === "'" || c === '"' || c === '`') j = this.skipPast(c, j);
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return j;
    }
    throw unmatched(this.src, ')', open);
  }
}

function parameter(name: string, braced: boolean): ParameterPart {
  return { type: 'Parameter', name, braced, length: false, op: null, argument: null, replacement: null };
}

/** An unquoted here-document body: `$` expansions and backquotes as in double quotes, but
 * quote characters are plain text and a backslash escapes only $ ` \ and newline. */
export function readHereDocumentBody(body: string, nested: NestedParsers, offset: number): Word {
  const reader = new HereDocumentReader(body, nested, true);
  try {
    return reader.readBody(offset);
  } catch (abort) {
    // The body is complete text: running out inside it is an error, never a reason to wait.
    if (abort instanceof ParseAbort) throw new ParseAbort(abort.error, false, '');
    throw abort;
  }
}

class HereDocumentReader extends WordReader {
  readBody(offset: number): Word {
    const src = this.src;
    const parts: WordPart[] = [];
    while (this.pos < src.length) {
      const at = this.pos;
      const c = src[at];
      if (c === '\\' && at + 1 < src.length && '$`\\\n'.includes(src[at + 1])) {
        if (src[at + 1] !== '\n') appendLiteral(parts, src[at + 1]);
        this.pos += 2;
      } else if (c === '$') this.readDollar(parts, true);
      else if (c === '`') parts.push(this.readBackquoted(false));
      else {
        let end = at + 1;
        while (end < src.length && !'\\$`'.includes(src[end])) end++;
        appendLiteral(parts, src.slice(at, end));
        this.pos = end;
      }
    }
    return { type: 'Word', parts, text: src, span: { start: offset, end: offset + src.length } };
  }
}
