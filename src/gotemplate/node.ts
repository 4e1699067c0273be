// The parse tree of Go's text/template (text/template/parse/node.go): node shapes and
// Node.String(), which error texts quote as `executing "" at <NODE>`.

import type { NumberInfo } from './strconv.js';
import { goQuote } from './strconv.js';

export interface ListNode {
  type: 'list';
  pos: number;
  nodes: Node[];
}
export interface PipeNode {
  type: 'pipe';
  pos: number;
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
export interface CommandNode {
  type: 'command';
  pos: number;
  args: Node[];
}
export interface VariableNode {
  type: 'variable';
  pos: number;
  /** The variable's name ($x), then any fields after it: never empty. */
  ident: [string, ...string[]];
}
export interface BranchNode {
  type: 'if' | 'range' | 'with';
  pos: number;
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}
export type Node =
  | ListNode
  | PipeNode
  | CommandNode
  | VariableNode
  | BranchNode
  | { type: 'text'; pos: number; text: string }
  | { type: 'action'; pos: number; line: number; pipe: PipeNode }
  | { type: 'identifier'; pos: number; ident: string }
  | { type: 'field'; pos: number; ident: string[] }
  | { type: 'chain'; pos: number; node: Node; field: string[] }
  | { type: 'dot' | 'nil'; pos: number }
  | { type: 'bool'; pos: number; val: boolean }
  | { type: 'number'; pos: number; text: string; info: NumberInfo }
  | { type: 'string'; pos: number; quoted: string; text: string }
  | { type: 'break' | 'continue' | 'end' | 'else'; pos: number; line: number }
  | { type: 'template'; pos: number; line: number; name: string; pipe: PipeNode | null };

export interface Tree {
  name: string;
  parseName: string;
  root: ListNode;
  text: string;
}

/** Go's Node.String(): the text shown in `executing "" at <...>`. */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(nodeString).join('');
    case 'text':
      return n.text;
    case 'action':
      return `{{${nodeString(n.pipe)}}}`;
    case 'pipe': {
      const decl = n.decl.length > 0 ? n.decl.map(nodeString).join(', ') + ' := ' : '';
      return decl + n.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'identifier':
      return n.ident;
    case 'variable':
      return n.ident.join('.');
    case 'field':
      return n.ident.map((i) => '.' + i).join('');
    case 'chain':
      return (
        (n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)) + n.field.map((f) => '.' + f).join('')
      );
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return n.val ? 'true' : 'false';
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'if':
    case 'range':
    case 'with':
      return (
        `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}` +
        `${n.elseList ? '{{else}}' + nodeString(n.elseList) : ''}` +
        '{{end}}'
      );
    case 'template':
      return `{{template ${goQuote(n.name)}${n.pipe ? ' ' + nodeString(n.pipe) : ''}}}`;
    case 'break':
    case 'continue':
      return `{{${n.type}}}`;
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
  }
}

export function isEmptyTree(n: Node): boolean {
  if (n.type === 'list') return n.nodes.every(isEmptyTree);
  if (n.type === 'text') return n.text.trim() === '';
  return false;
}
