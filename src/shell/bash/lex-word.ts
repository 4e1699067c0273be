// Reads whole shell words: unquoted text, backslashes, tildes, and the quoted and expanded
// parts the lower layers read (lex-quoted.ts, lex-expansion.ts). Also unquoted here-document
// bodies, which are read like double-quoted text without the quotes.
import type { Word, WordPart } from './ast.js';
import { ParseAbort, unexpectedEndOfFile } from './parse-errors.js';
import { appendLiteral, META, type NestedParsers } from './lex-quoted.js';
import { ExpansionReader } from './lex-expansion.js';

export type { NestedParsers } from './lex-quoted.js';

/** Characters that end a run of plain literal text in an unquoted word. */
const UNQUOTED_SPECIAL = META + '\\\'"$`*?[~:';
/** `NAME=`, `NAME+=`, `NAME[index]=` at the start of a word. */
export const ASSIGNMENT_PREFIX = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]\s'"`$\\;&|<>()]*)\])?(\+?)=/;
const ASSIGNMENT_PREFIX_STICKY = new RegExp(ASSIGNMENT_PREFIX.source.slice(1), 'y');
const TILDE_USER = /[A-Za-z0-9._-]*/y;

export class WordReader extends ExpansionReader {
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
        case ' ':
        case '\t':
        case '\n':
        case ';':
        case '&':
        case '|':
        case '(':
        case ')':
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
          while (end < this.limit && !UNQUOTED_SPECIAL.includes(src.charAt(end))) end++;
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
    const next = this.src.charAt(this.pos + 1);
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
    const after = src.charAt(end);
    if (end < this.limit && after !== '/' && !META.includes(after) && !(inAssignment && after === ':')) return false;
    parts.push({ type: 'Tilde', user: src.slice(this.pos + 1, end) });
    this.pos = end;
    return true;
  }
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
      if (c === '\\' && at + 1 < src.length && '$`\\\n'.includes(src.charAt(at + 1))) {
        if (src.charAt(at + 1) !== '\n') appendLiteral(parts, src.charAt(at + 1));
        this.pos += 2;
      } else if (c === '$') this.readDollar(parts, true);
      else if (c === '`') parts.push(this.readBackquoted(false));
      else {
        let end = at + 1;
        while (end < src.length && !'\\$`'.includes(src.charAt(end))) end++;
        appendLiteral(parts, src.slice(at, end));
        this.pos = end;
      }
    }
    return { type: 'Word', parts, text: src, span: { start: offset, end: offset + src.length } };
  }
}
