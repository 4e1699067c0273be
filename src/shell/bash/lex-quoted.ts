// The quoting layer of the word reader: '…', $'…', "…" and glob characters, plus the shared
// state (source, position, limit). Expansions (lex-expansion.ts) and whole words (lex-word.ts)
// build on it; "…" calls back into expansions through the two abstract methods.
import type {
  CommandList,
  CommandSubstitutionPart,
  DoubleQuotedInnerPart,
  DoubleQuotedPart,
  ParseResult,
  SingleQuotedPart,
  WordPart,
} from './ast.js';
import { unmatched } from './parse-errors.js';

/** How the word reader reaches back into the parser, so lexing never imports the grammar. */
export interface NestedParsers {
  /** Parses `$(…)` or `<(…)` in place, from just after the `(` through its `)`. */
  commandSubstitution(src: string, start: number, endOfInput: boolean): { body: CommandList; end: number };
  /** Parses a copied text as a script of its own: bash re-reads backquotes that way. */
  detached(src: string): ParseResult;
}

/** Blanks and the characters that end an unquoted word. */
export const META = ' \t\n;&|<>()';

const ANSI_C_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Adds text to the last part when that is a Literal, so adjacent text stays one part. */
export function appendLiteral(parts: WordPart[], text: string): void {
  const last = parts[parts.length - 1];
  if (last !== undefined && last.type === 'Literal') last.value += text;
  else parts.push({ type: 'Literal', value: text });
}

export abstract class QuotedTextReader {
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

  /** Reads whatever starts with the `$` at pos into parts. */
  protected abstract readDollar(parts: WordPart[], inDoubleQuotes: boolean): void;
  /** Reads the `` `…` `` at pos. */
  protected abstract readBackquoted(inDoubleQuotes: boolean): CommandSubstitutionPart;

  /** `*` and `?` always; `[` only when a `]` closes it within the word, as bash decides. */
  protected readGlobChar(parts: WordPart[]): void {
    const src = this.src;
    const at = this.pos;
    if (src[at] !== '[') {
      parts.push({ type: 'Glob', pattern: src.charAt(at) });
      this.pos++;
      return;
    }
    let j = at + 1;
    if (src[j] === '!' || src[j] === '^') j++;
    if (src[j] === ']') j++; // a leading `]` is a member of the set
    for (; j < this.limit; j++) {
      const c = src.charAt(j);
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

  protected readSingleQuoted(): SingleQuotedPart {
    const open = this.pos;
    const close = this.src.indexOf("'", open + 1);
    if (close === -1 || close >= this.limit) throw unmatched(this.src, "'", open);
    this.pos = close + 1;
    return { type: 'SingleQuoted', value: this.src.slice(open + 1, close) };
  }

  /** `$'…'`: escapes decoded now, since nothing later in expansion touches them. */
  protected readAnsiCQuoted(): SingleQuotedPart {
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
      const e = src.charAt(j + 1);
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

  protected readDoubleQuoted(): DoubleQuotedPart {
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
        const next = src.charAt(at + 1);
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
        while (end < this.limit && !'"\\$`'.includes(src.charAt(end))) end++;
        appendLiteral(parts, src.slice(at, end));
        this.pos = end;
      }
    }
  }
}
