// Splits a command line into tokens: words, operators, newlines. The parser pulls tokens one at
// a time, because what comes next depends on where it is (here-document bodies are read after
// the newline that ends their command; `((` may be arithmetic).
import type { Redirect, RedirectOperator, ShellSyntaxWarning, Word } from './ast.js';
import { lineAt, ParseAbort, endOfInputLine } from './parse-errors.js';
import { readHereDocumentBody, WordReader } from './lex-word.js';

/** A line ending in an odd number of backslashes, then its newline. */
const ENDS_IN_BACKSLASH = /(?<!\\)(?:\\\\)*\\\n$/;

export type Operator = '&&' | '||' | ';;&' | ';;' | ';&' | ';' | '|&' | '|' | '&' | '(' | ')' | RedirectOperator;

export type Token =
  | { kind: 'word'; word: Word; start: number; end: number }
  | { kind: 'operator'; op: Operator; fd: number | null; start: number; end: number }
  | { kind: 'newline'; start: number; end: number }
  | { kind: 'end'; start: number; end: number };

// Longest first within each leading character.
const OPERATORS_BY_FIRST_CHAR: Record<string, readonly Operator[]> = {
  '&': ['&>>', '&&', '&>', '&'],
  ';': [';;&', ';;', ';&', ';'],
  '|': ['||', '|&', '|'],
  '<': ['<<-', '<<<', '<<', '<&', '<>', '<'],
  '>': ['>>', '>&', '>|', '>'],
  '(': ['('],
  ')': [')'],
};

const REDIRECT_OPERATORS: ReadonlySet<string> = new Set<RedirectOperator>([
  '<',
  '>',
  '>>',
  '>|',
  '<>',
  '<&',
  '>&',
  '&>',
  '&>>',
  '<<',
  '<<-',
  '<<<',
]);

export function isRedirectOperator(op: Operator): op is RedirectOperator {
  return REDIRECT_OPERATORS.has(op);
}

function matchOperator(src: string, pos: number): Operator | null {
  const candidates = OPERATORS_BY_FIRST_CHAR[src.charAt(pos)];
  if (candidates === undefined) return null;
  for (const op of candidates) if (src.startsWith(op, pos)) return op;
  return null;
}

export class Lexer extends WordReader {
  readonly warnings: ShellSyntaxWarning[] = [];
  private peeked: Token | null = null;
  private readonly pendingHereDocuments: Redirect[] = [];
  /** Whether the last token was a newline. Input that does not end in one gets a virtual
   * newline at its end, as bash's reader supplies one: `echo >` then fails at `newline`. */
  private lastWasNewline = true;
  /** After `>&` and `<&` bash takes `1` in `2>&1>x` as the target, not as `1>`. */
  private afterDuplication = false;

  peek(): Token {
    return (this.peeked ??= this.scan());
  }

  next(): Token {
    const token = this.peek();
    this.peeked = null;
    return token;
  }

  /** Continues reading at `pos`, for the parser's own scans of `((…))`. */
  seek(pos: number): void {
    this.pos = pos;
    this.peeked = null;
  }

  /** Registers a `<<` redirect whose body starts after the next newline. */
  queueHereDocument(redirect: Redirect): void {
    this.pendingHereDocuments.push(redirect);
  }

  /** The token as bash names it in "syntax error near unexpected token". */
  tokenText(token: Token): string {
    if (token.kind === 'word') return token.word.text;
    if (token.kind === 'newline') return 'newline';
    // Bash reads the `2` of `2>&1` as a token of its own, and names that one.
    if (token.kind === 'operator' && token.fd !== null) return this.src.slice(token.start, token.end - token.op.length);
    return this.src.slice(token.start, token.end);
  }

  private scan(): Token {
    const src = this.src;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        const newline = src.indexOf('\n', this.pos);
        this.pos = newline === -1 ? src.length : newline;
      } else break;
    }
    const start = this.pos;
    const afterDuplication = this.afterDuplication;
    this.afterDuplication = false;
    if (start >= src.length) {
      if (this.lastWasNewline) return { kind: 'end', start, end: start };
      return this.newline(start, start);
    }
    const c = src.charAt(start);
    if (c === '\n') {
      this.pos++;
      return this.newline(start, start + 1);
    }
    this.lastWasNewline = false;
    if (c >= '0' && c <= '9' && !afterDuplication) {
      // `2>` and `10<`: digits touching a redirect operator name a file descriptor.
      let j = start + 1;
      while (src.charAt(j) >= '0' && src.charAt(j) <= '9') j++;
      const op = src[j] === '<' || src[j] === '>' ? matchOperator(src, j) : null;
      if (op !== null && src[j + 1] !== '(') {
        this.pos = j + op.length;
        this.afterDuplication = op === '>&' || op === '<&';
        return { kind: 'operator', op, fd: Number(src.slice(start, j)), start, end: this.pos };
      }
    }
    const op = (c === '<' || c === '>') && src[start + 1] === '(' ? null : matchOperator(src, start);
    if (op !== null) {
      this.pos = start + op.length;
      this.afterDuplication = op === '>&' || op === '<&';
      return { kind: 'operator', op, fd: null, start, end: this.pos };
    }
    const word = this.readWord();
    if (this.pos === start) throw new Error(`shell lexer made no progress at offset ${start}`);
    return { kind: 'word', word, start, end: this.pos };
  }

  private newline(start: number, end: number): Token {
    this.lastWasNewline = true;
    for (const redirect of this.pendingHereDocuments.splice(0)) this.readHereDocument(redirect);
    return { kind: 'newline', start, end };
  }

  private readLine(): string {
    const newline = this.src.indexOf('\n', this.pos);
    const lineEnd = newline === -1 ? this.src.length : newline + 1;
    const line = this.src.slice(this.pos, lineEnd);
    this.pos = lineEnd;
    return line;
  }

  private readHereDocument(redirect: Redirect): void {
    const src = this.src;
    const doc = redirect.heredoc;
    if (doc === null) return;
    const bodyStart = this.pos;
    let body = '';
    for (;;) {
      if (this.pos >= src.length) {
        const wanted =
          `here-document at line ${lineAt(src, redirect.span.start)} ` +
          `delimited by end-of-file (wanted \`${doc.delimiter}')`;
        // At a prompt the body may still come; at the end of a script bash warns and runs.
        if (!this.endOfInput) {
          const error = {
            message: `warning: ${wanted}`,
            line: endOfInputLine(src),
            offset: src.length,
            sourceLine: null,
          };
          throw new ParseAbort(error, true, doc.delimiter);
        }
        this.warnings.push({ message: wanted, line: lineAt(src, src.length) });
        break;
      }
      let line = this.readLine();
      if (doc.stripTabs) line = line.replace(/^\t+/, '');
      // In an unquoted body a `\` at the end of a line joins the next to it before the line is
      // compared with the delimiter, as bash reads it: `x \` then `EOF` is the line `x EOF`.
      let joined = line;
      while (!doc.quoted && ENDS_IN_BACKSLASH.test(joined) && this.pos < src.length) {
        const next = this.readLine();
        line += next;
        joined = joined.slice(0, -2) + next;
      }
      if (joined === doc.delimiter || joined === `${doc.delimiter}\n`) break;
      body += line;
    }
    doc.body = doc.quoted
      ? {
          type: 'Word',
          parts: [{ type: 'Literal', value: body }],
          text: body,
          span: { start: bodyStart, end: bodyStart + body.length },
        }
      : readHereDocumentBody(body, this.nested, bodyStart);
  }
}
