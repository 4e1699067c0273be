// The token-level helpers of the parser: taking and testing tokens, and turning an unexpected
// token into bash's error (or, at the end of input, into "incomplete: awaiting …").
import type { Lexer, Operator, Token } from './lexer.js';
import { type ParseAbort, unexpectedEndOfFile, unexpectedToken } from './parse-errors.js';

/** Words or operators that end a command list, e.g. `then` for an `if` condition. */
export type Terminators = ReadonlySet<string>;

export class TokenCursor {
  /** Closers of the constructs we are inside, innermost last: what incomplete input awaits. */
  protected readonly open: string[] = [];
  /** End offset of the last token taken, for spans. */
  protected lastEnd = 0;

  constructor(protected readonly lexer: Lexer) {}

  protected take(): Token {
    const token = this.lexer.next();
    if (token.kind !== 'end') this.lastEnd = token.end;
    return token;
  }

  protected skipNewlines(): void {
    while (this.lexer.peek().kind === 'newline') this.take();
  }

  protected isWord(token: Token, text: string): boolean {
    return token.kind === 'word' && token.word.text === text;
  }

  protected isOperator(token: Token, op: Operator): boolean {
    return token.kind === 'operator' && token.op === op;
  }

  protected tokenWord(token: Token): string {
    return token.kind === 'word' ? token.word.text : '';
  }

  protected isTerminator(token: Token, terminators: Terminators): boolean {
    if (token.kind === 'word') return terminators.has(token.word.text);
    return token.kind === 'operator' && terminators.has(token.op);
  }

  protected expectWord(text: string): void {
    const token = this.lexer.peek();
    if (!this.isWord(token, text)) throw this.unexpected(token, text);
    this.take();
  }

  protected expectOperator(op: Operator): void {
    const token = this.lexer.peek();
    if (!this.isOperator(token, op)) throw this.unexpected(token, op);
    this.take();
  }

  /** At the end of input this is incomplete input awaiting something; elsewhere an error. */
  protected unexpected(
    token: Token,
    awaiting?: string,
    expecting = awaiting === 'command' ? undefined : awaiting,
  ): ParseAbort {
    const src = this.lexer.src;
    if (token.kind === 'end')
      return unexpectedEndOfFile(src, awaiting ?? this.open[this.open.length - 1] ?? 'command', expecting);
    return unexpectedToken(src, token.start, this.lexer.tokenText(token), expecting);
  }
}
