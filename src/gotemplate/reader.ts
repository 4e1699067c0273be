// Token lookahead and error reporting of Go's template parser (three-token pushback, errors
// stamped with the line of the most recently lexed token, as Go's Tree.errorf does).

import type { Lexer } from './lex.js';
import { goQuote } from './strconv.js';
import { T, type Item } from './token.js';

/** A parse failure; `message` is Go's text, e.g. `template: :1: function "foo" not defined`. */
export class TemplateParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateParseError';
  }
}

/** Go's item.String(), used in "unexpected X in Y". */
function itemString(i: Item): string {
  if (i.typ === T.EOF) return 'EOF';
  if (i.typ === T.Error) return i.val;
  if (i.typ > T.Keyword) return `<${i.val}>`;
  const runes = Array.from(i.val);
  if (new TextEncoder().encode(i.val).length > 10) return goQuote(runes.slice(0, 10).join('')) + '...';
  return goQuote(i.val);
}

const EOF_ITEM: Item = { typ: T.EOF, pos: 0, val: '', line: 0 };

export abstract class TokenReader {
  /** Go's token [3]item: token[0] is the latest lexed, the others hold pushed-back items. */
  protected token: [Item, Item, Item] = [EOF_ITEM, EOF_ITEM, EOF_ITEM];
  protected peekCount = 0;
  protected actionLine = 0;

  constructor(
    protected readonly lex: Lexer,
    protected readonly parseName: string,
  ) {}

  protected next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.lookahead(this.peekCount);
  }
  protected backup(): void {
    this.peekCount++;
  }
  protected backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  protected backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  protected peek(): Item {
    if (this.peekCount > 0) return this.lookahead(this.peekCount - 1);
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }
  /** The token in slot i; peekCount never exceeds the three slots the backups fill. */
  private lookahead(i: number): Item {
    const t = this.token[i];
    if (t === undefined) throw new TemplateParseError(`template: ${this.parseName}: parser lookahead ${i} is empty`);
    return t;
  }
  protected nextNonSpace(): Item {
    let t: Item;
    do t = this.next();
    while (t.typ === T.Space);
    return t;
  }
  protected peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  errorf(msg: string): never {
    throw new TemplateParseError(`template: ${this.parseName}:${this.token[0].line}: ${msg}`);
  }
  protected expect(typ: T, context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== typ) this.unexpected(t, context);
    return t;
  }
  protected unexpected(t: Item, context: string): never {
    if (t.typ === T.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${t.val}${extra}`);
    }
    this.errorf(`unexpected ${itemString(t)} in ${context}`);
  }
}
