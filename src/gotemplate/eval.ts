// Expression evaluation of Go's text/template (exec.go's eval* functions): pipelines, commands,
// field chains on maps and structs, variables, and function/method calls with Go's argument
// checks (arity, assignability, literal conversion) and error texts.

import {
  CallError,
  INVALID,
  Val,
  elemVal,
  indirect,
  isValid,
  staticType,
  truth,
  wrapGoFunc,
  type InternalFunc,
} from './funcs.js';
import { nodeString, type CommandNode, type Node, type PipeNode, type Tree, type VariableNode } from './parse.js';
import { goQuote } from './strconv.js';
import { GoComplex, GoFloat, goTypeOf, kindOf, utf8Length, type GoFunc, type GoParamType } from './value.js';

export type MissingKey = 'default' | 'invalid' | 'zero' | 'error';

/** An execution failure; `message` is Go's text. `output` is what was written before it. */
export class TemplateExecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateExecError';
  }
}

export interface ExecOptions {
  missingKey: MissingKey;
  /** Upper bound on nodes walked plus range iterations; overlay-tutor's guard against runaway loops. */
  maxSteps: number;
  maxOutput: number;
  /** Maximum {{template}} nesting (Go's maxExecDepth on wasm). */
  maxDepth: number;
  /** Go minor release to follow (19 for go1.19): ranging over an int needs 22. */
  goMinor: number;
}

export const MISSING = new Val(undefined, false, 'missing');

type ArgType = GoParamType | 'nil';
const typeStr = (t: ArgType): string => (t === 'any' ? 'interface {}' : t === 'value' ? 'reflect.Value' : t);

export abstract class Evaluator {
  protected node: Node | null = null;
  protected vars: { name: string; value: Val }[] = [];
  protected name: string;

  constructor(
    protected readonly trees: Map<string, Tree>,
    protected readonly text: string,
    protected readonly parseName: string,
    private readonly funcs: Map<string, InternalFunc>,
    private readonly builtins: Map<string, InternalFunc>,
    protected readonly opts: ExecOptions,
  ) {
    this.name = parseName;
  }

  protected errorf(msg: string): never {
    if (!this.node) throw new TemplateExecError(`template: ${this.name}: ${msg}`);
    const pos = this.node.pos;
    const before = this.text.slice(0, pos);
    const nl = before.lastIndexOf('\n');
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = utf8Length(before.slice(nl + 1));
    throw new TemplateExecError(
      `template: ${this.parseName}:${line}:${col}: executing ` +
        `${goQuote(this.name)} at <${nodeString(this.node)}>: ${msg}`,
    );
  }

  // --- variables ---
  protected mark(): number {
    return this.vars.length;
  }
  protected pop(mark: number): void {
    this.vars.length = mark;
  }
  protected setVar(name: string, value: Val): void {
    const v = this.vars.findLast((x) => x.name === name);
    if (!v) this.errorf(`undefined variable: ${name}`);
    v.value = value;
  }
  protected setTopVar(n: number, value: Val): void {
    const v = this.vars.at(-n);
    if (!v) this.errorf(`no variable ${n} from the top of the stack`);
    v.value = value;
  }
  protected varValue(name: string): Val {
    const v = this.vars.findLast((x) => x.name === name);
    if (!v) this.errorf(`undefined variable: ${name}`);
    return v.value;
  }

  // --- evaluation ---
  protected evalPipeline(dot: Val, pipe: PipeNode | null): Val {
    if (!pipe) return INVALID;
    this.node = pipe;
    let value = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value.iface) value = value.v === null ? INVALID : new Val(value.v);
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value);
      else this.vars.push({ name: v.ident[0], value });
    }
    return value;
  }

  private notAFunction(first: Node, args: Node[], final: Val): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(first)}`);
  }

  private evalCommand(dot: Val, cmd: CommandNode, final: Val): Val {
    const first = cmd.args[0];
    if (!first) this.errorf('empty command');
    switch (first.type) {
      case 'field':
        return this.evalFieldChain(dot, dot, (this.node = first), first.ident, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(first, cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(first, cmd.args, final);
    switch (first.type) {
      case 'bool':
        return new Val(first.val);
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return new Val(first.text);
    }
    this.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
  }

  private idealConstant(n: Node & { type: 'number' }): Val {
    this.node = n;
    const { info, text } = n;
    if (info.isComplex) return new Val(new GoComplex(info.re, info.im));
    const hexInt = /^0[xX]/.test(text) && text.length > 2 && !/[pP]/.test(text);
    if (info.isFloat && !hexInt && text[0] !== "'" && /[.eEpP]/.test(text)) return new Val(new GoFloat(info.float));
    if (info.isInt) return new Val(info.int);
    if (info.isUint) this.errorf(`${text} overflows int`);
    return INVALID;
  }

  private evalChainNode(dot: Val, chain: Node & { type: 'chain' }, args: Node[] | null, final: Val): Val {
    this.node = chain;
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, 'nil', chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: Val, v: VariableNode, args: Node[] | null, final: Val): Val {
    this.node = v;
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args?.[0] ?? v, args ?? [v], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: Val, receiver: Val, node: Node, ident: string[], args: Node[] | null, final: Val): Val {
    const last = ident.at(-1);
    if (last === undefined) this.errorf(`no field name in ${nodeString(node)}`);
    let r = receiver;
    for (const name of ident.slice(0, -1)) r = this.evalField(dot, name, node, null, MISSING, r);
    return this.evalField(dot, last, node, args, final, r);
  }

  private evalFunction(dot: Val, node: Node & { type: 'identifier' }, cmd: Node, args: Node[] | null, final: Val): Val {
    this.node = node;
    const f = this.funcs.get(node.ident);
    if (!f) this.errorf(`${goQuote(node.ident)} is not a defined function`);
    return this.evalCall(dot, f, this.builtins.get(node.ident) === f, cmd, node.ident, args, final);
  }

  private evalField(dot: Val, name: string, node: Node, args: Node[] | null, final: Val, receiver: Val): Val {
    if (!isValid(receiver)) {
      if (this.opts.missingKey === 'error') this.errorf(`nil data; no entry for key ${goQuote(name)}`);
      return INVALID;
    }
    const typ = staticType(receiver);
    const [r, isNil] = indirect(receiver);
    if (receiver.iface && isNil) this.errorf(`nil pointer evaluating ${typ}.${name}`);
    const obj = r.v;
    const k = kindOf(obj);
    const info = typeof obj === 'object' && obj !== null ? goTypeOf(obj) : undefined;
    const method = info?.methods && Object.hasOwn(info.methods, name) ? info.methods[name] : undefined;
    if (method) return this.evalCall(dot, wrapMethod(method), false, node, name, args, final, obj);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (k === 'struct' && Object.hasOwn(obj as object, name)) {
      if (!/^\p{Lu}/u.test(name)) this.errorf(`${name} is an unexported field of struct type ${typ}`);
      if (hasArgs) this.errorf(`${name} has arguments but cannot be invoked as function`);
      const x = (obj as Record<string, unknown>)[name];
      return x === null ? new Val(null, false, info?.fieldTypes?.[name] ?? 'interface {}') : new Val(x);
    }
    if (k === 'map') {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      const m = obj as Record<string, unknown>;
      if (Object.hasOwn(m, name)) return elemVal(m, m[name]);
      switch (this.opts.missingKey) {
        case 'zero':
          return info?.elem === 'string' ? new Val('') : new Val(null, true);
        case 'error':
          this.errorf(`map has no entry for key ${goQuote(name)}`);
        default:
          return INVALID;
      }
    }
    if (isNil) this.errorf(`nil pointer evaluating ${typ}.${name}`);
    this.errorf(`can't evaluate field ${name} in type ${typ}`);
  }

  private evalCall(
    dot: Val,
    f: InternalFunc,
    isBuiltin: boolean,
    node: Node,
    name: string,
    allArgs: Node[] | null,
    final: Val,
    self?: unknown,
  ): Val {
    const args = allArgs ? allArgs.slice(1) : [];
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    let numFixed = args.length;
    if (f.variadic !== undefined) {
      numFixed = f.params.length;
      if (numIn < numFixed)
        this.errorf(`wrong number of args for ${name}: want at least ${f.params.length} got ${args.length}`);
    } else if (numIn !== f.params.length)
      this.errorf(`wrong number of args for ${name}: want ${f.params.length} got ${numIn}`);
    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v = INVALID;
      for (const a of args) {
        v = this.evalArg(dot, 'value', a);
        if (truth(v) === (name === 'or')) return v;
      }
      return final !== MISSING ? final : v;
    }
    const argv: Val[] = [];
    const wrongCount = (): never =>
      this.errorf(`wrong number of args for ${name}: want ${f.params.length} got ${numIn}`);
    for (const [i, a] of args.entries()) {
      const t = i < numFixed ? f.params[i] : f.variadic;
      argv.push(this.evalArg(dot, t ?? wrongCount(), a));
    }
    if (final !== MISSING) {
      const t = f.variadic === undefined || numIn - 1 < numFixed ? f.params[numIn - 1] : f.variadic;
      argv.push(this.validateType(final, t ?? wrongCount()));
    }
    try {
      return f.call(argv, self);
    } catch (e) {
      this.node = node;
      const msg = e instanceof CallError || e instanceof Error ? e.message : String(e);
      this.errorf(`error calling ${name}: ${msg}`);
    }
  }

  private validateType(value: Val, typ: ArgType): Val {
    if (!isValid(value)) {
      if (typ === 'nil' || typ === 'value') return INVALID;
      if (typ === 'any') return new Val(null, true);
      if (typ === '[]string') return new Val([], false, '[]string');
      this.errorf(`invalid value; expected ${typeStr(typ)}`);
    }
    if (typ === 'nil' || typ === 'value' || typ === 'any' || assignable(value, typ)) return value;
    let v = value;
    if (v.iface && v.v !== null) {
      v = new Val(v.v);
      if (assignable(v, typ)) return v;
    }
    this.errorf(`wrong type for value; expected ${typeStr(typ)}; got ${staticType(v)}`);
  }

  private evalArg(dot: Val, typ: ArgType, n: Node): Val {
    this.node = n;
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === 'nil' || typ === 'value') return INVALID;
        if (typ === 'any') return new Val(null, true);
        if (typ === '[]string') return new Val([], false, '[]string');
        this.errorf(`cannot assign nil to ${typeStr(typ)}`);
      case 'field':
        this.node = n;
        return this.validateType(this.evalFieldChain(dot, dot, n, n.ident, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    switch (typ) {
      case 'bool':
        if (n.type === 'bool') return new Val(n.val);
        this.errorf(`expected bool; found ${nodeString(n)}`);
      case 'float64':
        if (n.type === 'number' && n.info.isFloat) return new Val(new GoFloat(n.info.float));
        this.errorf(`expected float; found ${nodeString(n)}`);
      case 'int':
        if (n.type === 'number' && n.info.isInt) return new Val(n.info.int);
        this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'string':
        if (n.type === 'string') return new Val(n.text);
        this.errorf(`expected string; found ${nodeString(n)}`);
      case 'any':
      case 'value':
        return this.evalEmptyInterface(n);
    }
    this.errorf(`can't handle ${nodeString(n)} for arg of type ${typeStr(typ)}`);
  }

  private evalEmptyInterface(n: Node): Val {
    this.node = n;
    switch (n.type) {
      case 'bool':
        return new Val(n.val);
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return new Val(n.text);
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }
}

function assignable(v: Val, typ: GoParamType): boolean {
  if (v.iface) return false;
  const k = kindOf(v.v);
  switch (typ) {
    case 'string':
      return k === 'string';
    case 'int':
      return k === 'int' && (v.t === undefined || v.t === 'int');
    case 'bool':
      return k === 'bool';
    case 'float64':
      return k === 'float';
    case '[]string':
      return k === 'slice' && goTypeOf(v.v as object).elem === 'string';
    default:
      return true;
  }
}

const methodCache = new WeakMap<GoFunc, InternalFunc>();
function wrapMethod(m: GoFunc): InternalFunc {
  let f = methodCache.get(m);
  if (!f) methodCache.set(m, (f = wrapGoFunc(m)));
  return f;
}
