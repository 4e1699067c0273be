// The expansion layer of the word reader: everything that starts with `$`, and backquotes.
// Command substitutions are parsed in place by the parser (through NestedParsers); `${…}` is
// matched first and read second, because bash only matches braces when it parses.
import type {
  BadSubstitutionPart,
  CommandList,
  CommandSubstitutionPart,
  ParameterOperator,
  ParameterPart,
  Word,
  WordPart,
} from './ast.js';
import { nested, unmatched } from './parse-errors.js';
import { appendLiteral, QuotedTextReader } from './lex-quoted.js';

const PARAMETER_NAME = /[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!0-]/y;
// Longest first, so `:-` wins over `:` and `##` over `#`.
const PARAMETER_OPERATORS: ParameterOperator[] = [
  ':-',
  ':=',
  ':?',
  ':+',
  '##',
  '%%',
  '//',
  '/#',
  '/%',
  '^^',
  ',,',
  '-',
  '=',
  '?',
  '+',
  '#',
  '%',
  '/',
  '^',
  ',',
  ':',
];

export abstract class ExpansionReader extends QuotedTextReader {
  /** Everything that starts with `$`. A `$` that starts nothing is a literal dollar sign. */
  protected readDollar(parts: WordPart[], inDoubleQuotes: boolean): void {
    const src = this.src;
    const at = this.pos;
    const next = at + 1 < this.limit ? src.charAt(at + 1) : '';
    if (next === '(') {
      if (src[at + 2] === '(') {
        const close = this.arithmeticEnd(at + 3, at);
        if (close !== -1) {
          parts.push({ type: 'Arithmetic', expression: src.slice(at + 3, close) });
          this.pos = close + 2;
          return;
        }
        // Not arithmetic after all: bash finds the `)` of the `$(` before parsing `( … ) …`.
        this.skipParentheses(at + 1);
      }
      const body = this.readCommandSubstitutionBody(at + 2);
      parts.push({ type: 'CommandSubstitution', backquoted: false, body, syntaxError: null });
    } else if (next === '{') {
      parts.push(nested(src, at, () => this.readBraced(inDoubleQuotes)));
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

  protected readCommandSubstitutionBody(start: number): CommandList {
    const { body, end } = this.nested.commandSubstitution(this.src, start, this.endOfInput);
    this.pos = end;
    return body;
  }

  /** The index of the first `)` of the `))` closing `$((` or `((`, or -1 when a lone `)`
   * closes the first parenthesis: then it was `$( (…) )`, a command substitution. */
  arithmeticEnd(from: number, open: number): number {
    const src = this.src;
    let depth = 0;
    for (let j = from; ; j++) {
      if (j >= this.limit) throw unmatched(src, ')', open);
      const c = src[j];
      // Like bash, skip quotes and parse $(…) inside, so their parentheses do not count.
      if (c === '\\') j++;
      else if (c === "'" || c === '"' || c === '`') j = this.skipPast(c, j);
      else if (c === '$' && src[j + 1] === '(' && src[j + 2] !== '(') j = this.skipDollarParenthesis(j);
      else if (c === '(') depth++;
      else if (c === ')') {
        if (depth > 0) depth--;
        else return j + 1 < this.limit && src[j + 1] === ')' ? j : -1;
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
      const next = src.charAt(j + 1);
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
    const close = this.closingBrace(open + 2, open);
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
    // ${!a[@]}: an array's keys; any other ${!name} is indirection, not simulated.
    const keys = src[p] === '!' && p + 1 < close && /^[A-Za-z_][A-Za-z0-9_]*\[[@*]\]$/.test(src.slice(p + 1, close));
    if (src[p] === '!' && p + 1 < close && !keys) return bad(true);
    if (keys) p++;
    PARAMETER_NAME.lastIndex = p;
    if (!PARAMETER_NAME.test(src) || PARAMETER_NAME.lastIndex > close) return bad();
    const part = parameter(src.slice(p, PARAMETER_NAME.lastIndex), true);
    part.length = length;
    p = PARAMETER_NAME.lastIndex;
    if (keys) part.keys = true;
    if (/^[A-Za-z_]/.test(part.name) && src[p] === '[') {
      // An array's element: ${a[N]}, ${a[@]}, ${#a[@]}, ${m[key]}; an indexed array's index is
      // arithmetic (${a[i+1]}), evaluated when expanded.
      const index = /\[([^\]]+)\]/y;
      index.lastIndex = p;
      const m = index.exec(src);
      if (!m || index.lastIndex > close) return bad(true);
      part.name = `${part.name}[${m[1]}]`;
      p = index.lastIndex;
    }
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
        const next = src.charAt(at + 1);
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
        while (end < this.limit && !'\\\'"$`*?['.includes(src.charAt(end)) && src[end] !== stop) end++;
        appendLiteral(parts, src.slice(at, end));
        this.pos = end;
      }
    }
    return { type: 'Word', parts, text: src.slice(start, this.pos), span: { start, end: this.pos } };
  }

  /** The `}` matching a `${`, skipping quotes, nested `${…}`, `$(…)` and backquotes. */
  private closingBrace(from: number, open: number): number {
    const src = this.src;
    let depth = 0;
    for (let j = from; ; j++) {
      if (j >= this.limit) throw unmatched(src, '}', open);
      const c = src[j];
      if (c === '\\') j++;
      // Even inside "…", bash matches '…' when it looks for the brace (the quotes stay text).
      else if (c === "'") j = this.skipPast("'", j);
      else if (c === '"') j = this.skipPast('"', j);
      else if (c === '`') j = this.skipPast('`', j);
      else if (c === '$' && src[j + 1] === '{') {
        depth++;
        j++;
      } else if (c === '$' && src[j + 1] === '(') j = this.skipDollarParenthesis(j);
      else if (c === '}' && depth-- === 0) return j;
    }
  }

  /** The index of the quote closing the one at `open`. Backslashes escape except in '…';
   * inside "…" a `$(` or `${` is skipped whole, as bash does when it scans. */
  private skipPast(quote: string, open: number): number {
    const src = this.src;
    for (let j = open + 1; j < this.limit; j++) {
      const c = src[j];
      if (c === quote) return j;
      if (quote === "'") continue;
      if (c === '\\') j++;
      else if (quote === '"' && c === '$' && src[j + 1] === '(') j = this.skipDollarParenthesis(j);
      else if (quote === '"' && c === '$' && src[j + 1] === '{') j = this.closingBrace(j + 2, j);
    }
    throw unmatched(src, quote, open);
  }

  /** The `)` matching the `(` at `open`, found by scanning: bash checks that much before it
   * falls back from `$((` to `$( (`. */
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

  /** The last index of the `$(…)` or `$((…))` at `at`. Bash parses a `$(` wherever it meets
   * one, even while only looking for the end of something else, so errors inside surface. */
  private skipDollarParenthesis(at: number): number {
    if (this.src[at + 2] === '(') {
      const close = this.arithmeticEnd(at + 3, at);
      if (close !== -1) return close + 1;
      this.skipParentheses(at + 1);
    }
    return this.nested.commandSubstitution(this.src, at + 2, this.endOfInput).end - 1;
  }
}

function parameter(name: string, braced: boolean): ParameterPart {
  return { type: 'Parameter', name, braced, length: false, op: null, argument: null, replacement: null };
}
