// A recursive-descent parser for the bash that tutorial articles and learners type. It returns
// our own AST (./ast.ts) and reports syntax errors in bash's words, as values. See
// bench/parser.ts for why this is not sh-syntax (mvdan/sh in WASM).
import type {
  Assignment,
  CaseArm,
  Command,
  CommandList,
  CompoundCommand,
  FunctionDefinition,
  IfBranch,
  ListItem,
  ParseResult,
  Pipeline,
  Redirect,
  SimpleCommand,
  Word,
} from './ast.js';
import { ASSIGNMENT_PREFIX, type NestedParsers } from './lex-word.js';
import { isRedirectOperator, Lexer, type Operator, type Token } from './lexer.js';
import { lineAt, ParseAbort, unexpectedEndOfFile, unexpectedToken, unmatched } from './parse-errors.js';

export { formatSyntaxError, formatSyntaxWarning, type ErrorStyle } from './parse-errors.js';

export interface ParseOptions {
  /**
   * No more input will follow: a script, `bash -c`, or Ctrl-D at a continuation prompt. An
   * unfinished construct is then an error, a trailing backslash is a literal backslash and an
   * unterminated here-document ends with a warning, as in bash. The default (false) is a line
   * typed at a prompt, where unfinished input comes back as 'incomplete'.
   */
  endOfInput?: boolean;
}

/**
 * Parses one command line (or several lines joined with "\n", as a REPL collects them after
 * continuation prompts). Never throws for any input: errors come back as values.
 */
export function parseCommandLine(src: string, options: ParseOptions = {}): ParseResult {
  const endOfInput = options.endOfInput ?? false;
  const lexer = new Lexer(src, NESTED, endOfInput);
  try {
    const script = new Parser(lexer).parseScript();
    return { status: 'ok', script, warnings: lexer.warnings };
  } catch (abort) {
    if (!(abort instanceof ParseAbort)) throw abort;
    if (abort.atEndOfInput && !endOfInput) {
      return { status: 'incomplete', awaiting: abort.awaiting, error: abort.error };
    }
    return { status: 'error', error: abort.error };
  }
}

const GENERIC_END_OF_FILE = 'syntax error: unexpected end of file';

const NESTED: NestedParsers = {
  commandSubstitution(src, start, endOfInput) {
    const lexer = new Lexer(src, NESTED, endOfInput, start);
    try {
      const body = new Parser(lexer).parseSubstitutionBody();
      return { body, end: lexer.pos };
    } catch (abort) {
      // Bash parses $(…) as a nested script; running out inside it is blamed on the `)`.
      if (abort instanceof ParseAbort && abort.error.message === GENERIC_END_OF_FILE) {
        throw unmatched(src, ')', start, 'end');
      }
      throw abort;
    }
  },
  detached(src) {
    return parseCommandLine(src, { endOfInput: true });
  },
};

type Terminators = ReadonlySet<string>;
const NONE: Terminators = new Set();
const CLOSE_PAREN: Terminators = new Set([')']);
const CLOSE_BRACE: Terminators = new Set(['}']);
const THEN: Terminators = new Set(['then']);
const IF_BODY_END: Terminators = new Set(['elif', 'else', 'fi']);
const FI: Terminators = new Set(['fi']);
const DO: Terminators = new Set(['do']);
const DONE: Terminators = new Set(['done']);
const CASE_BODY_END: Terminators = new Set([';;', ';&', ';;&', 'esac']);
/** Reserved words that cannot start a command: bash rejects them right there. */
const MISPLACED_RESERVED_WORDS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}', 'in', '!', ']]']);
/** Words that open a compound command, and so can be a function's body. */
const COMPOUND_OPENERS = new Set(['if', 'for', 'while', 'until', 'case', '{', '[[']);
/** Inside `[[ … ]]` these operators are part of the test expression (`|` for `=~` regexes). */
const TEST_OPERATORS = new Set<Operator>(['&&', '||', '<', '>', '(', ')', '|']);

class Parser {
  /** Closers of the constructs we are inside, innermost last: what incomplete input awaits. */
  private readonly open: string[] = [];
  private lastEnd = 0;

  constructor(private readonly lexer: Lexer) {}

  parseScript(): CommandList {
    const list = this.parseList(NONE, true);
    const token = this.lexer.peek();
    if (token.kind !== 'end') throw this.unexpected(token);
    return list;
  }

  parseSubstitutionBody(): CommandList {
    this.open.push(')');
    const list = this.parseList(CLOSE_PAREN, true);
    this.expectOperator(')');
    return list;
  }

  // --- lists and pipelines ---------------------------------------------------------------------

  private parseList(terminators: Terminators, allowEmpty: boolean): CommandList {
    this.skipNewlines();
    const start = this.lexer.peek().start;
    const items: ListItem[] = [];
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind === 'end' || this.isTerminator(token, terminators)) break;
      const command = this.parseAndOr();
      const separator = this.lexer.peek();
      let background = false;
      if (separator.kind === 'operator' && (separator.op === ';' || separator.op === '&')) {
        this.take();
        background = separator.op === '&';
      } else if (separator.kind === 'newline') {
        this.take();
      } else if (separator.kind !== 'end' && !this.isTerminator(separator, terminators)) {
        throw this.unexpected(separator);
      }
      items.push({ command, background });
      this.skipNewlines();
    }
    if (!allowEmpty && items.length === 0) throw this.unexpected(this.lexer.peek());
    return { type: 'CommandList', items, span: { start, end: Math.max(start, this.lastEnd) } };
  }

  private parseAndOr(): ListItem['command'] {
    const head = this.parsePipeline();
    const tail: { op: '&&' | '||'; pipeline: Pipeline }[] = [];
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind !== 'operator' || (token.op !== '&&' && token.op !== '||')) break;
      this.take();
      this.skipNewlines();
      tail.push({ op: token.op, pipeline: this.parsePipeline() });
    }
    return { type: 'AndOrList', head, tail };
  }

  private parsePipeline(): Pipeline {
    const start = this.lexer.peek().start;
    let negated = false;
    let bang = false;
    while (this.isWord(this.lexer.peek(), '!')) {
      this.take();
      negated = !negated;
      bang = true;
    }
    // `!` alone is a valid (empty, negated) pipeline in bash.
    if (bang && this.endsPipeline(this.lexer.peek())) {
      const empty: SimpleCommand = { type: 'SimpleCommand', assignments: [], words: [], redirects: [], span: { start, end: this.lastEnd } };
      return { type: 'Pipeline', negated, commands: [empty], span: { start, end: this.lastEnd } };
    }
    const commands: Command[] = [this.parseCommand()];
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind !== 'operator' || (token.op !== '|' && token.op !== '|&')) break;
      this.take();
      // `a |& b` is `a 2>&1 | b`.
      if (token.op === '|&') redirectsOf(commands[commands.length - 1]).push(stderrToStdout(token));
      this.skipNewlines();
      const next = this.lexer.peek();
      if (this.isWord(next, '!')) throw this.unexpected(next);
      commands.push(this.parseCommand());
    }
    return { type: 'Pipeline', negated, commands, span: { start, end: this.lastEnd } };
  }

  private endsPipeline(token: Token): boolean {
    if (token.kind === 'newline' || token.kind === 'end') return true;
    return token.kind === 'operator' && [';', '&', ')', ';;', ';&', ';;&'].includes(token.op);
  }

  // --- commands --------------------------------------------------------------------------------

  private parseCommand(): Command {
    const token = this.lexer.peek();
    if (token.kind === 'word') {
      switch (token.word.text) {
        case 'if': return this.parseIf();
        case 'for': return this.parseFor();
        case 'while': case 'until': return this.parseLoop();
        case 'case': return this.parseCase();
        case '{': return this.parseBraceGroup();
        case '[[': return this.parseTest();
        case 'function': return this.parseFunctionKeyword();
      }
      if (MISPLACED_RESERVED_WORDS.has(token.word.text)) throw this.unexpected(token);
      return this.parseSimpleCommand();
    }
    if (token.kind === 'operator') {
      if (token.op === '(') return this.parseArithmeticCommand(token) ?? this.parseSubshell();
      if (isRedirectOperator(token.op)) return this.parseSimpleCommand();
    }
    throw this.unexpected(token, 'command');
  }

  private parseSimpleCommand(): Command {
    const start = this.lexer.peek().start;
    const command: SimpleCommand = { type: 'SimpleCommand', assignments: [], words: [], redirects: [], span: { start, end: start } };
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind === 'operator') {
        if (isRedirectOperator(token.op)) {
          command.redirects.push(this.parseRedirect());
          continue;
        }
        if (token.op !== '(') break;
        // `name ( )` defines a function; a `(` anywhere else in a command is an error.
        const [name] = command.words;
        if (command.words.length === 1 && command.assignments.length === 0 && command.redirects.length === 0) {
          return this.parseFunctionRest(name.text, start);
        }
        throw this.unexpected(token);
      }
      if (token.kind !== 'word') break;
      this.take();
      const assignment = command.words.length === 0 ? this.assignmentFrom(token.word) : null;
      if (assignment !== null) command.assignments.push(assignment);
      else command.words.push(token.word);
    }
    command.span.end = this.lastEnd;
    return command;
  }

  private assignmentFrom(word: Word): Assignment | null {
    const match = ASSIGNMENT_PREFIX.exec(word.text);
    if (match === null) return null;
    const prefix = match[0];
    // The word reader keeps the whole prefix in the first Literal part; strip it off.
    const [first, ...rest] = word.parts;
    const remainder = first.type === 'Literal' ? first.value.slice(prefix.length) : '';
    const valueStart = word.span.start + prefix.length;
    const value: Word = {
      type: 'Word',
      parts: remainder === '' ? rest : [{ type: 'Literal', value: remainder }, ...rest],
      text: word.text.slice(prefix.length),
      span: { start: valueStart, end: word.span.end },
    };
    let array: Word[] | null = null;
    const next = this.lexer.peek();
    if (value.text === '' && next.kind === 'operator' && next.op === '(' && next.start === word.span.end) {
      array = this.parseArrayElements(next.start);
    }
    return {
      name: match[1],
      index: match[2] ?? null,
      append: match[3] === '+',
      value,
      array,
      span: { start: word.span.start, end: this.lastEnd },
    };
  }

  /** `NAME=( a b c )`: words, newlines allowed, up to `)`. */
  private parseArrayElements(open: number): Word[] {
    this.take();
    const elements: Word[] = [];
    for (;;) {
      this.skipNewlines();
      const token = this.lexer.peek();
      if (token.kind === 'end') throw unmatched(this.lexer.src, ')', open);
      this.take();
      if (token.kind === 'word') elements.push(token.word);
      else if (token.kind === 'operator' && token.op === ')') return elements;
      else throw this.unexpected(token);
    }
  }

  private parseRedirect(): Redirect {
    const operator = this.take();
    if (operator.kind !== 'operator' || !isRedirectOperator(operator.op)) throw this.unexpected(operator);
    const target = this.lexer.peek();
    if (target.kind !== 'word') throw this.unexpected(target);
    this.take();
    const redirect: Redirect = {
      type: 'Redirect',
      fd: operator.fd,
      op: operator.op,
      target: target.word,
      heredoc: null,
      span: { start: operator.start, end: target.end },
    };
    if (operator.op === '<<' || operator.op === '<<-') {
      const text = target.word.text;
      redirect.heredoc = {
        delimiter: removeQuotes(text),
        quoted: /['"\\]/.test(text),
        stripTabs: operator.op === '<<-',
        body: { type: 'Word', parts: [], text: '', span: { start: target.end, end: target.end } },
      };
      this.lexer.queueHereDocument(redirect);
    }
    return redirect;
  }

  // --- compound commands -----------------------------------------------------------------------

  private parseIf(): CompoundCommand {
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

  private parseLoop(): CompoundCommand {
    const keyword = this.take();
    this.open.push('done');
    const condition = this.parseList(DO, false);
    this.expectWord('do');
    const body = this.parseList(DONE, false);
    this.expectWord('done');
    this.open.pop();
    const until = keyword.kind === 'word' && keyword.word.text === 'until';
    return this.finishCompound({ type: 'Loop', until, condition, body, redirects: [], span: { start: keyword.start, end: 0 } });
  }

  private parseFor(): CompoundCommand {
    const start = this.take().start;
    this.open.push('done');
    const token = this.lexer.peek();
    if (token.kind === 'operator' && token.op === '(' && this.lexer.src[token.start + 1] === '(') {
      return this.parseArithmeticFor(start, token);
    }
    if (token.kind !== 'word') throw this.unexpected(token);
    this.take();
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
    } else if (this.isOperator(this.lexer.peek(), ';')) {
      this.take();
    }
    const body = this.parseLoopBody();
    return this.finishCompound({ type: 'For', variable: token.word.text, items, body, redirects: [], span: { start, end: 0 } });
  }

  private parseArithmeticFor(start: number, open: Token): CompoundCommand {
    const src = this.lexer.src;
    const close = this.lexer.arithmeticEnd(open.start + 2, open.start);
    if (close === -1) throw this.unexpected(open);
    const clauses = src.slice(open.start + 2, close).split(';');
    if (clauses.length !== 3) {
      // Bash's second line here is "syntax error: `((…))'", not the source line.
      const error = { message: 'syntax error: arithmetic expression required', line: lineAt(src, open.start), offset: open.start, sourceLine: null };
      throw new ParseAbort(error, false, '');
    }
    this.lexer.seek(close + 2);
    this.lastEnd = close + 2;
    if (this.isOperator(this.lexer.peek(), ';')) this.take();
    const [init, test, update] = clauses;
    const body = this.parseLoopBody();
    return this.finishCompound({ type: 'ArithmeticFor', init, test, update, body, redirects: [], span: { start, end: 0 } });
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

  private parseCase(): CompoundCommand {
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
    if (pattern.kind !== 'word') throw this.unexpected(pattern);
    this.take();
    return pattern.word;
  }

  private parseBraceGroup(): CompoundCommand {
    const start = this.take().start;
    this.open.push('}');
    const body = this.parseList(CLOSE_BRACE, false);
    this.expectWord('}');
    this.open.pop();
    return this.finishCompound({ type: 'BraceGroup', body, redirects: [], span: { start, end: 0 } });
  }

  private parseSubshell(): CompoundCommand {
    const start = this.take().start;
    this.open.push(')');
    const body = this.parseList(CLOSE_PAREN, false);
    this.expectOperator(')');
    this.open.pop();
    return this.finishCompound({ type: 'Subshell', body, redirects: [], span: { start, end: 0 } });
  }

  /** `(( expression ))`, or null when the parentheses close apart: then it is `( (…) )`. */
  private parseArithmeticCommand(open: Token): CompoundCommand | null {
    const src = this.lexer.src;
    if (src[open.start + 1] !== '(') return null;
    const close = this.lexer.arithmeticEnd(open.start + 2, open.start);
    if (close === -1) return null;
    this.lexer.seek(close + 2);
    this.lastEnd = close + 2;
    const expression = src.slice(open.start + 2, close);
    return this.finishCompound({ type: 'ArithmeticCommand', expression, redirects: [], span: { start: open.start, end: 0 } });
  }

  private parseTest(): CompoundCommand {
    const start = this.take().start;
    this.open.push(']]');
    const words: Word[] = [];
    for (;;) {
      const token = this.take();
      if (token.kind === 'word' && token.word.text === ']]') break;
      if (token.kind === 'word') words.push(token.word);
      else if (token.kind === 'operator' && TEST_OPERATORS.has(token.op)) {
        words.push({ type: 'Word', parts: [{ type: 'Literal', value: token.op }], text: token.op, span: { start: token.start, end: token.end } });
      } else if (token.kind !== 'newline') throw this.unexpected(token);
    }
    this.open.pop();
    return this.finishCompound({ type: 'TestCommand', words, redirects: [], span: { start, end: 0 } });
  }

  private parseFunctionKeyword(): FunctionDefinition {
    const start = this.take().start;
    const name = this.lexer.peek();
    if (name.kind !== 'word') throw this.unexpected(name);
    this.take();
    if (this.isOperator(this.lexer.peek(), '(')) return this.parseFunctionRest(name.word.text, start);
    return this.parseFunctionBody(name.word.text, start);
  }

  /** After `name`: `( )`, then the body. */
  private parseFunctionRest(name: string, start: number): FunctionDefinition {
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

  private finishCompound<T extends CompoundCommand>(node: T): T {
    while (this.lexer.peek().kind === 'operator') {
      const token = this.lexer.peek();
      if (token.kind !== 'operator' || !isRedirectOperator(token.op)) break;
      node.redirects.push(this.parseRedirect());
    }
    node.span.end = this.lastEnd;
    return node;
  }

  // --- tokens ----------------------------------------------------------------------------------

  private take(): Token {
    const token = this.lexer.next();
    if (token.kind !== 'end') this.lastEnd = token.end;
    return token;
  }

  private skipNewlines(): void {
    while (this.lexer.peek().kind === 'newline') this.take();
  }

  private isWord(token: Token, text: string): boolean {
    return token.kind === 'word' && token.word.text === text;
  }

  private isOperator(token: Token, op: Operator): boolean {
    return token.kind === 'operator' && token.op === op;
  }

  private tokenWord(token: Token): string {
    return token.kind === 'word' ? token.word.text : '';
  }

  private isTerminator(token: Token, terminators: Terminators): boolean {
    if (token.kind === 'word') return terminators.has(token.word.text);
    return token.kind === 'operator' && terminators.has(token.op);
  }

  private expectWord(text: string): void {
    const token = this.lexer.peek();
    if (!this.isWord(token, text)) throw this.unexpected(token, text);
    this.take();
  }

  private expectOperator(op: Operator): void {
    const token = this.lexer.peek();
    if (!this.isOperator(token, op)) throw this.unexpected(token, op);
    this.take();
  }

  /** At the end of input this is incomplete input awaiting something; elsewhere an error. */
  private unexpected(token: Token, awaiting?: string): ParseAbort {
    const src = this.lexer.src;
    if (token.kind === 'end') return unexpectedEndOfFile(src, awaiting ?? this.open[this.open.length - 1] ?? 'command');
    return unexpectedToken(src, token.start, this.lexer.tokenText(token));
  }
}

function redirectsOf(command: Command): Redirect[] {
  return command.type === 'FunctionDefinition' ? command.body.redirects : command.redirects;
}

function stderrToStdout(at: Token): Redirect {
  const span = { start: at.start, end: at.end };
  const target: Word = { type: 'Word', parts: [{ type: 'Literal', value: '1' }], text: '1', span };
  return { type: 'Redirect', fd: 2, op: '>&', target, heredoc: null, span };
}

/** A here-document delimiter as bash compares it: quotes and backslashes removed. */
function removeQuotes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) out += text[++i];
    else if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close === -1) continue;
      out += text.slice(i + 1, close);
      i = close;
    } else if (c === '$' && (text[i + 1] === "'" || text[i + 1] === '"')) continue;
    else out += c;
  }
  return out;
}
