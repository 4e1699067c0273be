// Parser for Go's text/template: builds the same tree shape as Go's text/template/parse and reports
// the same error texts ("template: NAME:LINE: ..."), including {{define}}/{{block}}/{{template}},
// variables, else-if/else-with chains, break/continue and parenthesised pipelines.

import { Lexer } from './lex.js';
import {
  isEmptyTree,
  nodeString,
  type BranchNode,
  type CommandNode,
  type ListNode,
  type Node,
  type PipeNode,
  type Tree,
} from './node.js';
import { TokenReader } from './reader.js';
import { analyzeNumber, goQuote, goUnquote } from './strconv.js';
import { T, type Item } from './token.js';

export * from './node.js';
export { TemplateParseError } from './reader.js';

/** Nesting limit for parentheses and control blocks (Go's value on wasm, where stacks are small too). */
const MAX_DEPTH = 1000;

class Parser extends TokenReader {
  tree: Tree;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private depth = 0;

  constructor(
    name: string,
    parseName: string,
    text: string,
    lex: Lexer,
    private hasFunction: (name: string) => boolean,
    private treeSet: Map<string, Tree>,
    private readonly goMinor: number,
  ) {
    super(lex, parseName);
    this.tree = { name, parseName, root: { type: 'list', pos: 0, nodes: [] }, text };
  }

  add(): void {
    const existing = this.treeSet.get(this.tree.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.treeSet.set(this.tree.name, this.tree);
      return;
    }
    if (!isEmptyTree(this.tree.root))
      this.errorf(`template: multiple definition of template ${goQuote(this.tree.name)}`);
  }

  parse(): void {
    this.tree.root = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== T.EOF) {
      if (this.peek().typ === T.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === T.Define) {
          const def = new Parser(
            'definition',
            this.tree.parseName,
            this.tree.text,
            this.lex,
            this.hasFunction,
            this.treeSet,
            this.goMinor,
          );
          def.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      this.tree.root.nodes.push(n);
    }
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const t = this.nextNonSpace();
    if (t.typ !== T.String && t.typ !== T.RawString) this.unexpected(t, context);
    const name = goUnquote(t.val);
    if (name === undefined) this.errorf('invalid syntax');
    this.tree.name = name;
    this.expect(T.RightDelim, context);
    const [list, end] = this.itemList();
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.tree.root = list;
    this.add();
  }

  private itemList(): [ListNode, Node] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== T.EOF) {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case T.Text:
        return { type: 'text', pos: t.pos, text: t.val };
      case T.LeftDelim:
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      default:
        this.unexpected(t, 'input');
    }
  }

  private action(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case T.Block:
        return this.blockControl();
      case T.Break:
      case T.Continue: {
        const word = t.typ === T.Break ? 'break' : 'continue';
        const next = this.nextNonSpace();
        if (next.typ !== T.RightDelim) this.unexpected(next, `{{${word}}}`);
        if (this.rangeDepth === 0) this.errorf(`{{${word}}} outside {{range}}`);
        return { type: word, pos: t.pos, line: t.line };
      }
      case T.Else:
        return this.elseControl();
      case T.End:
        return { type: 'end', pos: this.expect(T.RightDelim, 'end').pos, line: t.line };
      case T.If:
        return this.control('if');
      case T.Range:
        return this.control('range');
      case T.Template:
        return this.templateControl();
      case T.With:
        return this.control('with');
    }
    this.backup();
    const start = this.peek();
    return { type: 'action', pos: start.pos, line: start.line, pipe: this.pipeline('command', T.RightDelim) };
  }

  private pipeline(context: string, end: T): PipeNode {
    const start = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: start.pos, line: start.line, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== T.Variable) break;
      this.next();
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === T.Assign || next.typ === T.Declare) {
        pipe.isAssign = next.typ === T.Assign;
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: splitVariable(v.val) });
        this.vars.push(v.val);
      } else if (next.typ === T.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: splitVariable(v.val) });
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === T.Variable || p === T.RightDelim || p === T.RightParen) continue;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === T.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.typ === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.typ) {
        case T.Bool:
        case T.CharConstant:
        case T.Complex:
        case T.Dot:
        case T.Field:
        case T.Identifier:
        case T.Number:
        case T.Nil:
        case T.RawString:
        case T.String:
        case T.Variable:
        case T.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      if (c.args[0] && ['bool', 'dot', 'nil', 'number', 'string'].includes(c.args[0].type)) {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private control(context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.vars.length;
    if (++this.depth > MAX_DEPTH) this.errorf('max expression depth exceeded');
    try {
      const pipe = this.pipeline(context, T.RightDelim);
      if (context === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === 'else') {
        const p = this.peek().typ;
        // {{else with}} arrived in Go 1.23.
        if ((context === 'if' && p === T.If) || (context === 'with' && p === T.With && this.goMinor >= 23)) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.control(context)] };
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
      this.depth--;
    }
  }

  private elseControl(): Node {
    const p = this.peekNonSpace();
    if (p.typ === T.If || (p.typ === T.With && this.goMinor >= 23)) return { type: 'else', pos: p.pos, line: p.line };
    const t = this.expect(T.RightDelim, 'else');
    return { type: 'else', pos: t.pos, line: t.line };
  }

  private templateName(t: Item, context: string): string {
    if (t.typ !== T.String && t.typ !== T.RawString) this.unexpected(t, context);
    const s = goUnquote(t.val);
    if (s === undefined) this.errorf('invalid syntax');
    return s;
  }

  private templateControl(): Node {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== T.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, T.RightDelim);
    }
    return { type: 'template', pos: t.pos, line: t.line, name, pipe };
  }

  private blockControl(): Node {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, T.RightDelim);
    const block = new Parser(
      name,
      this.tree.parseName,
      this.tree.text,
      this.lex,
      this.hasFunction,
      this.treeSet,
      this.goMinor,
    );
    const [list, end] = block.itemList();
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.tree.root = list;
    block.add();
    return { type: 'template', pos: t.pos, line: t.line, name, pipe };
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.typ === T.Space) continue;
      if (t.typ === T.RightDelim || t.typ === T.RightParen) this.backup();
      else if (t.typ !== T.Pipe) this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | null {
    const node = this.term();
    if (!node || this.peek().typ !== T.Field) return node;
    const fields: string[] = [];
    const pos = this.peek().pos;
    while (this.peek().typ === T.Field) fields.push(this.next().val.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
      default:
        return { type: 'chain', pos, node, field: fields };
    }
  }

  private term(): Node | null {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case T.Identifier:
        if (!this.hasFunction(t.val)) this.errorf(`function ${goQuote(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, ident: t.val };
      case T.Dot:
        return { type: 'dot', pos: t.pos };
      case T.Nil:
        return { type: 'nil', pos: t.pos };
      case T.Variable: {
        const ident = splitVariable(t.val);
        if (!this.vars.includes(ident[0])) this.errorf(`undefined variable ${goQuote(ident[0])}`);
        return { type: 'variable', pos: t.pos, ident };
      }
      case T.Field:
        return { type: 'field', pos: t.pos, ident: t.val.slice(1).split('.') };
      case T.Bool:
        return { type: 'bool', pos: t.pos, val: t.val === 'true' };
      case T.CharConstant:
      case T.Complex:
      case T.Number: {
        const info = analyzeNumber(t.val, t.typ === T.CharConstant, t.typ === T.Complex);
        if (typeof info === 'string') this.errorf(info);
        return { type: 'number', pos: t.pos, text: t.val, info };
      }
      case T.LeftParen: {
        if (this.depth >= MAX_DEPTH) this.errorf('max expression depth exceeded');
        this.depth++;
        try {
          return this.pipeline('parenthesized pipeline', T.RightParen);
        } finally {
          this.depth--;
        }
      }
      case T.String:
      case T.RawString: {
        const s = goUnquote(t.val);
        if (s === undefined) this.errorf('invalid syntax');
        return { type: 'string', pos: t.pos, quoted: t.val, text: s };
      }
    }
    this.backup();
    return null;
  }
}

/**
 * Parse `text` as template `name`; returns every tree it defines (the top-level one under `name`).
 * Throws TemplateParseError with Go's text.
 */
export function parseTemplate(
  name: string,
  text: string,
  hasFunction: (name: string) => boolean,
  goMinor = 25,
): Map<string, Tree> {
  const treeSet = new Map<string, Tree>();
  const lex = new Lexer(text, !hasFunction('break'), !hasFunction('continue'), goMinor);
  const p = new Parser(name, name, text, lex, hasFunction, treeSet, goMinor);
  p.parse();
  p.add();
  return treeSet;
}

/** `$x.A.B` as its name and fields; split always gives at least the name. */
function splitVariable(text: string): [string, ...string[]] {
  const [name = '', ...fields] = text.split('.');
  return [name, ...fields];
}
