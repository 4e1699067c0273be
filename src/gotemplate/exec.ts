// Executor for parsed Go templates, following Go's text/template exec.go: walking text, actions,
// if/with/range (with else, break, continue, ranging over ints), {{template}}, printing values,
// with Go's error texts ("template: NAME:LINE:COL: executing "NAME" at <NODE>: ...").

import { sprint } from './fmt.js';
import { sprintf } from './printf.js';
import { INVALID, Val, elemVal, indirect, indirectInterface, isValid, staticType } from './funcs.js';
import { nodeString, type BranchNode, type Node } from './parse.js';
import { goQuote } from './strconv.js';
import { isTrue, kindOf, mapKeys, num } from './value.js';
import { Evaluator } from './eval.js';

export { TemplateExecError, type ExecOptions, type MissingKey } from './eval.js';

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

export class Executor extends Evaluator {
  private out: string[] = [];
  private outLen = 0;
  private steps = 0;
  private depth = 0;

  get output(): string {
    return this.out.join('');
  }

  execute(name: string, data: unknown): void {
    this.name = name;
    const value = data === undefined || data === null ? INVALID : new Val(data);
    this.vars = [{ name: '$', value }];
    const tree = this.trees.get(name);
    if (!tree) this.errorf(`${goQuote(name)} is an incomplete or empty template`);
    this.walk(value, tree.root);
  }

  private step(): void {
    if (++this.steps > this.opts.maxSteps)
      this.errorf(`overlay-tutor: template execution exceeded ${this.opts.maxSteps} steps`);
  }

  private write(s: string): void {
    this.outLen += s.length;
    if (this.outLen > this.opts.maxOutput)
      this.errorf(`overlay-tutor: template output exceeded ${this.opts.maxOutput} characters`);
    this.out.push(s);
  }

  // --- walking ---
  private walk(dot: Val, node: Node): void {
    this.node = node;
    this.step();
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'if':
      case 'with':
        return this.walkIfOrWith(node, dot);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        return this.write(node.text);
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(node: BranchNode, dot: Val): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      const t = isTrue(indirectInterface(val).v);
      if (t === undefined) this.errorf(`if/with can't use ${sprintf('%v', [val.v])}`);
      if (t) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: Val, r: BranchNode): void {
    this.node = r;
    const outer = this.mark();
    try {
      const [val] = indirect(this.evalPipeline(dot, r.pipe));
      const mark = this.mark();
      const decl = r.pipe.decl;
      const one = (index: Val, elem: Val): void => {
        this.step();
        const [first, second] = decl;
        if (first) {
          if (r.pipe.isAssign) this.setVar(first.ident[0], second ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (second) {
          if (r.pipe.isAssign) this.setVar(second.ident[0], elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
      };
      let ran = false;
      switch (kindOf(val.v)) {
        case 'int': {
          if (this.opts.goMinor < 22) this.errorf(`range can't iterate over ${sprintf('%v', [val.v])}`);
          if (decl.length > 1) this.errorf(`can't use ${sprint([val.v])} to iterate over more than one variable`);
          const n = num(val.v);
          for (let i = 0; i < n; i++, ran = true) one(INVALID, new Val(i));
          break;
        }
        case 'slice': {
          const arr = val.v as unknown[];
          arr.forEach((x, i) => one(new Val(i), elemVal(arr, x)));
          ran = arr.length > 0;
          break;
        }
        case 'map': {
          const m = val.v as Record<string, unknown>;
          const keys = mapKeys(m);
          for (const k of keys) one(new Val(k), elemVal(m, m[k]));
          ran = keys.length > 0;
          break;
        }
        case 'invalid':
          break;
        default:
          this.errorf(`range can't iterate over ${sprintf('%v', [val.v])}`);
      }
      if (!ran && r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (e !== BREAK) throw e;
    } finally {
      this.pop(outer);
    }
  }

  private walkTemplate(dot: Val, t: Node & { type: 'template' }): void {
    this.node = t;
    const tree = this.trees.get(t.name);
    if (!tree) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth >= this.opts.maxDepth) this.errorf(`exceeded maximum template depth (${this.opts.maxDepth})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const saved = { vars: this.vars, name: this.name };
    this.depth++;
    this.vars = [{ name: '$', value: newDot }];
    this.name = t.name;
    try {
      this.walk(newDot, tree.root);
    } finally {
      this.depth--;
      this.vars = saved.vars;
      this.name = saved.name;
    }
  }

  private printValue(node: Node, v: Val): void {
    this.node = node;
    if (!isValid(v)) return this.write('<no value>');
    if (kindOf(v.v) === 'func') this.errorf(`can't print ${nodeString(node)} of type ${staticType(v)}`);
    this.write(sprint([v.v]));
  }
}
