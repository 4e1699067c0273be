// A recursive-descent parser for the bash that tutorial articles and learners type. It returns
// our own AST (./ast.ts) and reports syntax errors in bash's words, as values. This file holds
// the entry point, lists, pipelines and simple commands; compound commands are in
// parse-compound.ts. See bench/parser.ts for why this is not sh-syntax (mvdan/sh in WASM).
import type {
  AndOrList,
  Assignment,
  Command,
  CommandList,
  ListItem,
  ParseResult,
  Pipeline,
  ShellSyntaxError,
  ShellSyntaxWarning,
  Redirect,
  SimpleCommand,
  Word,
} from './ast.js';
import { ASSIGNMENT_PREFIX, type NestedParsers } from './lex-word.js';
import { isRedirectOperator, Lexer, type Token } from './lexer.js';
import { nested, ParseAbort, unmatched } from './parse-errors.js';
import { CLOSE_PAREN, CompoundParser } from './parse-compound.js';
import type { Terminators } from './parse-cursor.js';

export { formatSyntaxError, formatSyntaxWarning, type ErrorStyle } from './parse-errors.js';

export interface ParseOptions {
  /**
   * No more input will follow: a script, `bash -c`, or Ctrl-D at a continuation prompt. An
   * unfinished construct is then an error, a trailing backslash is a literal backslash and an
   * unterminated here-document ends with a warning, as in bash. The default (false) is a line
   * typed at a prompt, where unfinished input comes back as 'incomplete'.
   */
  endOfInput?: boolean;
  /** dash's and ash's grammar (CompoundParser.posix). */
  posix?: boolean;
}

/**
 * Parses one command line (or several lines joined with "\n", as a REPL collects them after
 * continuation prompts). Never throws for any input: errors come back as values.
 */
export function parseCommandLine(src: string, options: ParseOptions = {}): ParseResult {
  const endOfInput = options.endOfInput ?? false;
  const lexer = new Lexer(src, NESTED, endOfInput);
  try {
    const parser = new Parser(lexer);
    parser.posix = options.posix ?? false;
    const script = parser.parseScript();
    return { status: 'ok', script, warnings: lexer.warnings };
  } catch (abort) {
    if (!(abort instanceof ParseAbort)) throw abort;
    if (abort.atEndOfInput && !endOfInput) {
      return { status: 'incomplete', awaiting: abort.awaiting, error: abort.error };
    }
    return { status: 'error', error: abort.error };
  }
}

/** One complete command of a script, as a shell reads it before running it: the rest of the
 * script is not read yet, so a syntax error further on leaves the commands before it to run. */
export type ScriptStep =
  | { status: 'ok'; list: CommandList; warnings: ShellSyntaxWarning[] }
  | { status: 'error'; error: ShellSyntaxError };

/**
 * Reads a script (bash -c's string, a file, standard input, a sourced file) one complete command
 * at a time, as bash's reader does: up to the newline that ends a top-level list (a line with
 * `a; b` is read whole, here-document bodies included). next() is null at the end.
 */
export class ScriptReader {
  private readonly lexer: Lexer;
  private readonly parser: Parser;
  private warned = 0;
  private failed = false;

  constructor(
    readonly src: string,
    options: { posix?: boolean } = {},
  ) {
    this.lexer = new Lexer(src, NESTED, true);
    this.parser = new Parser(this.lexer);
    this.parser.posix = options.posix ?? false;
  }

  next(): ScriptStep | null {
    if (this.failed) return null;
    try {
      const list = this.parser.parseNextCommand();
      if (list === null) return null;
      const warnings = this.lexer.warnings.slice(this.warned);
      this.warned = this.lexer.warnings.length;
      return { status: 'ok', list, warnings };
    } catch (abort) {
      if (!(abort instanceof ParseAbort)) throw abort;
      this.failed = true;
      return { status: 'error', error: abort.error };
    }
  }
}

const GENERIC_END_OF_FILE = 'syntax error: unexpected end of file';

const NESTED: NestedParsers = {
  commandSubstitution(src, start, endOfInput) {
    const lexer = new Lexer(src, NESTED, endOfInput, start);
    try {
      const body = nested(src, start, () => new Parser(lexer).parseSubstitutionBody());
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
    return nested(src, 0, () => parseCommandLine(src, { endOfInput: true }));
  },
};

const NONE: Terminators = new Set();

/** The word dash says it expected when a list's input ends: `then`, `fi`, `do`, `done`, … */
function listCloser(terminators: Terminators): string | undefined {
  return ['then', 'do', 'done', 'fi', '}', ')'].find((w) => terminators.has(w));
}
/** Reserved words that cannot start a command: bash rejects them right there. */
const MISPLACED_RESERVED_WORDS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}', 'in', '!', ']]']);

/** Reserved words that end a construct's list. */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

class Parser extends CompoundParser {
  parseScript(): CommandList {
    const list = this.parseList(NONE, true);
    const token = this.lexer.peek();
    if (token.kind !== 'end') throw this.unexpected(token);
    return list;
  }

  /** The next complete command: a top-level list up to its newline (or the end); null at the end. */
  parseNextCommand(): CommandList | null {
    this.skipNewlines();
    const first = this.lexer.peek();
    if (first.kind === 'end') return null;
    const items: ListItem[] = [];
    for (;;) {
      const command = this.parseAndOr();
      items.push({ command, background: this.takeSeparator(NONE, false) });
      const next = this.lexer.peek();
      if (next.kind === 'newline') this.take();
      if (next.kind === 'newline' || next.kind === 'end') break;
    }
    return { type: 'CommandList', items, span: { start: first.start, end: Math.max(first.start, this.lastEnd) } };
  }

  parseSubstitutionBody(): CommandList {
    this.open.push(')');
    const list = this.parseList(CLOSE_PAREN, true);
    this.expectOperator(')');
    return list;
  }

  // --- lists and pipelines ---------------------------------------------------------------------

  protected parseList(terminators: Terminators, allowEmpty: boolean): CommandList {
    this.skipNewlines();
    const start = this.lexer.peek().start;
    const items: ListItem[] = [];
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind === 'end' || this.isTerminator(token, terminators)) break;
      // A closing keyword that is not this list's, after a command: dash names what the
      // construct needed (`"fi" unexpected (expecting "done")`); bash's words do not change.
      const innermost = this.open[this.open.length - 1];
      if (items.length > 0 && innermost !== undefined && token.kind === 'word' && CLOSERS.has(token.word.text))
        throw this.unexpected(token, innermost);
      const command = this.parseAndOr();
      items.push({ command, background: this.takeSeparator(terminators, true) });
      this.skipNewlines();
    }
    if (!allowEmpty && items.length === 0) {
      // Input that ends where a list was due: dash and ash name the word that would end it
      // (`if` alone: `end of file unexpected (expecting "then")`).
      const token = this.lexer.peek();
      throw this.unexpected(token, undefined, token.kind === 'end' ? listCloser(terminators) : undefined);
    }
    return { type: 'CommandList', items, span: { start, end: Math.max(start, this.lastEnd) } };
  }

  /** What follows a command in a list: `;` or `&` (taken; true for `&`), a newline (taken when
   * `newline`), the end, or one of the terminators; anything else is an error. */
  private takeSeparator(terminators: Terminators, newline: boolean): boolean {
    const separator = this.lexer.peek();
    if (separator.kind === 'operator' && (separator.op === ';' || separator.op === '&')) {
      this.take();
      return separator.op === '&';
    }
    if (separator.kind === 'newline') {
      if (newline) this.take();
    } else if (separator.kind !== 'end' && !this.isTerminator(separator, terminators)) throw this.unexpected(separator);
    return false;
  }

  private parseAndOr(): AndOrList {
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
      const empty: SimpleCommand = {
        type: 'SimpleCommand',
        assignments: [],
        words: [],
        redirects: [],
        span: { start, end: this.lastEnd },
      };
      return { type: 'Pipeline', negated, commands: [empty], span: { start, end: this.lastEnd } };
    }
    let last = this.parseCommand();
    const commands: Command[] = [last];
    for (;;) {
      const token = this.lexer.peek();
      if (token.kind !== 'operator' || (token.op !== '|' && token.op !== '|&')) break;
      this.take();
      // `a |& b` is `a 2>&1 | b`.
      if (token.op === '|&') redirectsOf(last).push(stderrToStdout(token));
      this.skipNewlines();
      const next = this.lexer.peek();
      if (this.isWord(next, '!')) throw this.unexpected(next);
      last = this.parseCommand();
      commands.push(last);
    }
    return { type: 'Pipeline', negated, commands, span: { start, end: this.lastEnd } };
  }

  /** What may follow a bare `!`: bash takes `! ;` and a `!` alone, but not `! &` or `( ! )`. */
  private endsPipeline(token: Token): boolean {
    return token.kind === 'newline' || token.kind === 'end' || (token.kind === 'operator' && token.op === ';');
  }

  protected parseCommand(): Command {
    const token = this.lexer.peek();
    return nested(this.lexer.src, token.start, () => this.parseCommandAt(token));
  }

  private parseCommandAt(token: Token): Command {
    if (token.kind === 'word') {
      switch (token.word.text) {
        case 'if':
          return this.parseIf();
        case 'for':
          return this.parseFor();
        case 'while':
        case 'until':
          return this.parseLoop();
        case 'case':
          return this.parseCase();
        case '{':
          return this.parseBraceGroup();
        case '[[':
          return this.parseTest();
        case 'function':
          return this.parseFunctionKeyword();
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
    const command: SimpleCommand = {
      type: 'SimpleCommand',
      assignments: [],
      words: [],
      redirects: [],
      span: { start, end: start },
    };
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
        if (name && command.words.length === 1 && command.assignments.length === 0 && command.redirects.length === 0) {
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
    const [prefix, name = '', index, plus] = match;
    // The word reader keeps the whole prefix in the first Literal part; strip it off.
    const [first, ...rest] = word.parts;
    const remainder = first?.type === 'Literal' ? first.value.slice(prefix.length) : '';
    const valueStart = word.span.start + prefix.length;
    const value: Word = {
      type: 'Word',
      parts: remainder === '' ? rest : [{ type: 'Literal', value: remainder }, ...rest],
      text: word.text.slice(prefix.length),
      span: { start: valueStart, end: word.span.end },
    };
    let array: Word[] | null = null;
    const next = this.lexer.peek();
    // dash and ash have no arrays: their `(` there is unexpected.
    if (
      !this.posix &&
      value.text === '' &&
      next.kind === 'operator' &&
      next.op === '(' &&
      next.start === word.span.end
    ) {
      array = this.parseArrayElements(next.start);
    }
    return {
      name,
      index: index ?? null,
      append: plus === '+',
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

  protected parseRedirect(): Redirect {
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
}

function redirectsOf(command: Command): Redirect[] {
  return command.type === 'FunctionDefinition' ? command.body.redirects : command.redirects;
}

function stderrToStdout(at: Token): Redirect {
  const span = { start: at.start, end: at.end };
  const target: Word = { type: 'Word', parts: [{ type: 'Literal', value: '1' }], text: '1', span };
  return { type: 'Redirect', fd: 2, op: '>&', target, heredoc: null, implied: true, span };
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
