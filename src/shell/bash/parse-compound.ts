// Compound commands: if, for, while/until, case, { }, ( ), (( )), [[ ]] and function
// definitions. Lists, simple commands and redirects come from the concrete Parser (parser.ts).
import type {
  CaseArm,
  Command,
  CommandList,
  CompoundCommand,
  FunctionDefinition,
  IfBranch,
  Redirect,
  Word,
} from './ast.js';
import { isRedirectOperator, type Operator, type Token } from './lexer.js';
import { lineAt, ParseAbort, posixSyntaxError } from './parse-errors.js';
import { TokenCursor, type Terminators } from './parse-cursor.js';

export const CLOSE_PAREN: Terminators = new Set([')']);
const CLOSE_BRACE: Terminators = new Set(['}']);
const THEN: Terminators = new Set(['then']);
const IF_BODY_END: Terminators = new Set(['elif', 'else', 'fi']);
const FI: Terminators = new Set(['fi']);
const DO: Terminators = new Set(['do']);
const DONE: Terminators = new Set(['done']);
const CASE_BODY_END: Terminators = new Set([';;', ';&', ';;&', 'esac']);
/** Words that open a compound command, and so can be a function's body. */
const COMPOUND_OPENERS = new Set(['if', 'for', 'while', 'until', 'case', '{', '[[']);
/** Inside `[[ … ]]` these operators are part of the test expression (`|` for `=~` regexes). */
const TEST_OPERATORS = new Set<Operator>(['&&', '||', '<', '>', '(', ')', '|']);

export abstract class CompoundParser extends TokenCursor {
  /** dash's and busybox ash's grammar: no `(( ))` command (`((x=1))` is a subshell in a
   * subshell) and a for loop's variable must be a name (`for ((` is a syntax error). */
  posix = false;

  protected abstract parseList(terminators: Terminators, allowEmpty: boolean): CommandList;
  protected abstract parseCommand(): Command;
  protected abstract parseRedirect(): Redirect;

  protected parseIf(): CompoundCommand {
    const start = this.take().start;
    this.open.push('fi');
    const branches: IfBranch[] = [];
    let keyword = 'if';
    while (keyword === 'if' || keyword === 'elif') {
      const condition = this.parseList(THEN, false);
      this.expectWord('then');
      branches.push({ condition, body: this.parseList(IF_BODY_END, false) });
      keyword = this.tokenWord(this.lexer.peek());
      if (keyword === 'elif') this.take();
    }
    let elseBody: CommandList | null = null;
    if (keyword === 'else') {
      this.take();
      elseBody = this.parseList(FI, false);
    }
    this.expectWord('fi');
    this.open.pop();
    return this.finishCompound({ type: 'If', branches, elseBody, redirects: [], span: { start, end: start } });
  }

  protected parseLoop(): CompoundCommand {
    const keyword = this.take();
    this.open.push('done');
    const condition = this.parseList(DO, false);
    this.expectWord('do');
    const body = this.parseList(DONE, false);
    this.expectWord('done');
    this.open.pop();
    const until = keyword.kind === 'word' && keyword.word.text === 'until';
    return this.finishCompound({
      type: 'Loop',
      until,
      condition,
      body,
      redirects: [],
      span: { start: keyword.start, end: 0 },
    });
  }

  protected parseFor(): CompoundCommand {
    const start = this.take().start;
    this.open.push('done');
    const token = this.lexer.peek();
    if (this.posix && (token.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(token.word.text)))
      throw posixSyntaxError(this.lexer.src, token.start, 'Bad for loop variable');
    if (token.kind === 'operator' && token.op === '(' && this.lexer.src[token.start + 1] === '(') {
      return this.parseArithmeticFor(start, token);
    }
    if (token.kind !== 'word') throw this.unexpected(token);
    this.take();
    // `{` opens the body only after a `;` or a newline: `for i { …; }` is an error in bash.
    let separated = this.lexer.peek().kind === 'newline';
    this.skipNewlines();
    let items: Word[] | null = null;
    if (this.isWord(this.lexer.peek(), 'in')) {
      this.take();
      items = [];
      for (let next = this.lexer.peek(); next.kind === 'word'; next = this.lexer.peek()) {
        this.take();
        items.push(next.word);
      }
      const end = this.lexer.peek();
      if (end.kind !== 'newline' && !(end.kind === 'operator' && end.op === ';')) throw this.unexpected(end);
      this.take();
      separated = true;
    } else if (this.isOperator(this.lexer.peek(), ';')) {
      this.take();
      separated = true;
    }
    if (!separated && this.isWord(this.lexer.peek(), '{')) throw this.unexpected(this.lexer.peek());
    const body = this.parseLoopBody();
    return this.finishCompound({
      type: 'For',
      variable: token.word.text,
      items,
      body,
      redirects: [],
      span: { start, end: 0 },
    });
  }

  private parseArithmeticFor(start: number, open: Token): CompoundCommand {
    const src = this.lexer.src;
    const close = this.lexer.arithmeticEnd(open.start + 2, open.start);
    if (close === -1) throw this.unexpected(open);
    const clauses = src.slice(open.start + 2, close).split(';');
    if (clauses.length !== 3) {
      // Bash's second line here is "syntax error: `((…))'", not the source line.
      const error = {
        message: 'syntax error: arithmetic expression required',
        line: lineAt(src, open.start),
        offset: open.start,
        sourceLine: null,
      };
      throw new ParseAbort(error, false, '');
    }
    this.lexer.seek(close + 2);
    this.lastEnd = close + 2;
    if (this.isOperator(this.lexer.peek(), ';')) this.take();
    const [init = '', test = '', update = ''] = clauses;
    const body = this.parseLoopBody();
    return this.finishCompound({
      type: 'ArithmeticFor',
      init,
      test,
      update,
      body,
      redirects: [],
      span: { start, end: 0 },
    });
  }

  /** `do list done`, or the older `{ list; }` that bash also takes. */
  private parseLoopBody(): CommandList {
    this.skipNewlines();
    const brace = this.isWord(this.lexer.peek(), '{');
    this.expectWord(brace ? '{' : 'do');
    const body = this.parseList(brace ? CLOSE_BRACE : DONE, false);
    this.expectWord(brace ? '}' : 'done');
    this.open.pop();
    return body;
  }

  protected parseCase(): CompoundCommand {
    const start = this.take().start;
    this.open.push('esac');
    const subject = this.lexer.peek();
    if (subject.kind !== 'word') throw this.unexpected(subject);
    this.take();
    this.skipNewlines();
    this.expectWord('in');
    this.skipNewlines();
    const arms: CaseArm[] = [];
    while (!this.isWord(this.lexer.peek(), 'esac')) {
      if (this.isOperator(this.lexer.peek(), '(')) this.take();
      const patterns: Word[] = [this.casePattern()];
      while (this.isOperator(this.lexer.peek(), '|')) {
        this.take();
        patterns.push(this.casePattern());
      }
      this.expectOperator(')');
      const body = this.parseList(CASE_BODY_END, true);
      const end = this.lexer.peek();
      let terminator: CaseArm['terminator'] = ';;';
      if (end.kind === 'operator' && (end.op === ';;' || end.op === ';&' || end.op === ';;&')) {
        this.take();
        terminator = end.op;
        this.skipNewlines();
      } else if (!this.isWord(end, 'esac')) {
        throw this.unexpected(end);
      }
      arms.push({ patterns, body, terminator });
    }
    this.take();
    this.open.pop();
    return this.finishCompound({ type: 'Case', subject: subject.word, arms, redirects: [], span: { start, end: 0 } });
  }

  private casePattern(): Word {
    const pattern = this.lexer.peek();
    // Input that ends before a pattern: dash and ash expected its `)`.
    if (pattern.kind !== 'word') throw this.unexpected(pattern, undefined, pattern.kind === 'end' ? ')' : undefined);
    this.take();
    return pattern.word;
  }

  protected parseBraceGroup(): CompoundCommand {
    const start = this.take().start;
    this.open.push('}');
    const body = this.parseList(CLOSE_BRACE, false);
    this.expectWord('}');
    this.open.pop();
    return this.finishCompound({ type: 'BraceGroup', body, redirects: [], span: { start, end: 0 } });
  }

  protected parseSubshell(): CompoundCommand {
    const start = this.take().start;
    this.open.push(')');
    const body = this.parseList(CLOSE_PAREN, false);
    this.expectOperator(')');
    this.open.pop();
    return this.finishCompound({ type: 'Subshell', body, redirects: [], span: { start, end: 0 } });
  }

  /** `(( expression ))`, or null when the parentheses close apart: then it is `( (…) )`. */
  protected parseArithmeticCommand(open: Token): CompoundCommand | null {
    const src = this.lexer.src;
    if (this.posix || src[open.start + 1] !== '(') return null;
    const close = this.lexer.arithmeticEnd(open.start + 2, open.start);
    if (close === -1) return null;
    this.lexer.seek(close + 2);
    this.lastEnd = close + 2;
    const expression = src.slice(open.start + 2, close);
    return this.finishCompound({
      type: 'ArithmeticCommand',
      expression,
      redirects: [],
      span: { start: open.start, end: 0 },
    });
  }

  protected parseTest(): CompoundCommand {
    const start = this.take().start;
    this.open.push(']]');
    const words: Word[] = [];
    for (;;) {
      const token = this.take();
      if (token.kind === 'word' && token.word.text === ']]') break;
      if (token.kind === 'word') words.push(token.word);
      else if (token.kind === 'operator' && TEST_OPERATORS.has(token.op)) {
        words.push({
          type: 'Word',
          parts: [{ type: 'Literal', value: token.op }],
          text: token.op,
          span: { start: token.start, end: token.end },
        });
      } else if (token.kind !== 'newline') throw this.unexpected(token);
    }
    this.open.pop();
    return this.finishCompound({ type: 'TestCommand', words, redirects: [], span: { start, end: 0 } });
  }

  protected parseFunctionKeyword(): FunctionDefinition {
    const start = this.take().start;
    const name = this.lexer.peek();
    if (name.kind !== 'word') throw this.unexpected(name);
    this.take();
    // `function f ()` has empty parentheses; in `function f ( … )` they are a subshell body.
    const next = this.lexer.peek();
    if (this.isOperator(next, '(') && /^[ \t]*\)/.test(this.lexer.src.slice(next.end, next.end + 80))) {
      return this.parseFunctionRest(name.word.text, start);
    }
    return this.parseFunctionBody(name.word.text, start);
  }

  /** After `name`: `( )`, then the body. */
  protected parseFunctionRest(name: string, start: number): FunctionDefinition {
    this.take();
    this.expectOperator(')');
    return this.parseFunctionBody(name, start);
  }

  private parseFunctionBody(name: string, start: number): FunctionDefinition {
    this.skipNewlines();
    const token = this.lexer.peek();
    const opensCompound = token.kind === 'word' ? COMPOUND_OPENERS.has(token.word.text) : this.isOperator(token, '(');
    if (!opensCompound) throw this.unexpected(token, 'command');
    const body = this.parseCommand() as CompoundCommand;
    return { type: 'FunctionDefinition', name, body, span: { start, end: this.lastEnd } };
  }

  protected finishCompound<T extends CompoundCommand>(node: T): T {
    while (this.lexer.peek().kind === 'operator') {
      const token = this.lexer.peek();
      if (token.kind !== 'operator' || !isRedirectOperator(token.op)) break;
      node.redirects.push(this.parseRedirect());
    }
    node.span.end = this.lastEnd;
    return node;
  }
}
