// The template functions: Go's builtins (and, or, not, len, index, slice, print*, eq..ge, html,
// js, urlquery, call) and the docker CLI's additions (json, split, join, title, lower, upper, pad,
// truncate), plus the docker CLI's table-header variants. Error texts are Go's.

import { sprint, sprintln } from './fmt.js';
import { sprintf } from './printf.js';
import { isPrint } from './token.js';
import {
  type GoComplex,
  goSlice,
  goTypeOf,
  isTrue,
  kindOf,
  lengthOf,
  num,
  typeName,
  utf8Bytes,
  utf8Decode,
  type GoFunc,
  type GoParamType,
} from './value.js';

/** A reflect.Value: undefined v is the invalid value; iface marks a value whose static type is interface {}. */
export class Val {
  constructor(
    readonly v: unknown,
    readonly iface = false,
    readonly t?: string,
  ) {}
}
export const INVALID = new Val(undefined);

/** A Go error result of a template function; becomes "error calling NAME: MESSAGE". */
export class CallError extends Error {}

export const plainValue = (v: Val): unknown => (v.v === undefined ? null : v.v);

export interface InternalFunc {
  readonly params: readonly GoParamType[];
  readonly variadic?: GoParamType;
  readonly call: (args: Val[], self?: unknown) => Val;
}

export function isValid(v: Val): boolean {
  return v.v !== undefined;
}
/** Go's indirect: through an interface; reports a nil interface or nil pointer. */
export function indirect(v: Val): [Val, boolean] {
  if (v.v === null) return [v, true];
  return [v.iface ? new Val(v.v) : v, false];
}
/** The concrete value inside an interface (invalid for a nil interface). */
export function indirectInterface(v: Val): Val {
  if (!v.iface) return v;
  return v.v === null ? INVALID : new Val(v.v);
}
/** Static type name, as Go's reflect.Value.Type().String() would give it. */
export function staticType(v: Val): string {
  if (v.iface) return 'interface {}';
  return v.t ?? typeName(v.v);
}
export function truth(v: Val): boolean {
  return isTrue(indirectInterface(v).v) ?? false;
}
/** Go's element of a slice/map: interface {} elements keep their static type. */
export function elemVal(container: object, x: unknown): Val {
  return new Val(x, goTypeOf(container).elem === 'interface');
}

const plain = plainValue;
const str = (v: Val): string => v.v as string;

/**
 * The arguments a function is called with: evalCall has checked there is one for each fixed parameter
 * (then any variadic ones), so the function sees them as a tuple of that length.
 */
export type Args<P extends readonly GoParamType[]> = [...{ [K in keyof P]: Val }, ...Val[]];

export function fn<const P extends readonly GoParamType[]>(
  params: P,
  call: (args: Args<P>) => unknown,
  variadic?: GoParamType,
): InternalFunc {
  return {
    params,
    variadic,
    call: (args) => {
      const r = call(args as Args<P>);
      return r instanceof Val ? r : new Val(r);
    },
  };
}
function raw<const P extends readonly GoParamType[]>(
  params: P,
  call: (args: Args<P>) => Val,
  variadic?: GoParamType,
): InternalFunc {
  return { params, variadic, call: (args) => call(args as Args<P>) };
}

/** Wrap a public GoFunc: it receives plain values, its undefined result is Go's invalid value. */
export function wrapGoFunc(f: GoFunc): InternalFunc {
  return {
    params: f.params,
    variadic: f.variadic,
    call: (args, self) => {
      const r = (f.fn as (...a: unknown[]) => unknown).apply(self, args.map(plain));
      return r instanceof Val ? r : new Val(r);
    },
  };
}

function indexArg(index: Val, cap: number): number {
  const k = index.iface ? 'interface' : kindOf(index.v);
  if (index.v === undefined) throw new CallError('cannot index slice/array with nil');
  if (k !== 'int') throw new CallError(`cannot index slice/array with type ${staticType(index)}`);
  const x = num(index.v);
  if (x < 0 || x > cap) throw new CallError(`index out of range: ${x}`);
  return x;
}

function index(args: Args<['value']>): Val {
  let item = indirectInterface(args[0]);
  if (!isValid(item)) throw new CallError('index of untyped nil');
  for (const raw of args.slice(1)) {
    const ix = indirectInterface(raw);
    const [it, isNil] = indirect(item);
    if (isNil) throw new CallError('index of nil pointer');
    item = it;
    const k = kindOf(item.v);
    if (k === 'slice' || k === 'string') {
      const x = indexArg(ix, lengthOf(item.v) ?? 0);
      if (k === 'string') {
        const b = utf8Bytes(item.v as string);
        if (x >= b.length) throw new CallError('reflect: string index out of range');
        item = new Val(b[x], false, 'uint8');
      } else {
        const arr = item.v as unknown[];
        if (x >= arr.length) throw new CallError('reflect: slice index out of range');
        item = elemVal(arr, arr[x]);
      }
    } else if (k === 'map') {
      const m = item.v as Record<string, unknown>;
      if (!isValid(ix)) throw new CallError('value is nil; should be of type string');
      if (kindOf(ix.v) !== 'string') throw new CallError(`value has type ${staticType(ix)}; should be string`);
      const key = ix.v as string;
      const elemIsString = goTypeOf(m).elem === 'string';
      if (Object.hasOwn(m, key)) item = elemVal(m, m[key]);
      else item = elemIsString ? new Val('') : new Val(null, true);
    } else throw new CallError(`can't index item of type ${staticType(item)}`);
  }
  return item;
}

function slice(args: Args<['value']>): Val {
  const item = indirectInterface(args[0]);
  const idxs = args.slice(1);
  if (!isValid(item)) throw new CallError('slice of untyped nil');
  if (idxs.length > 3) throw new CallError(`too many slice indexes: ${idxs.length}`);
  const k = kindOf(item.v);
  if (k === 'string' && idxs.length === 3) throw new CallError('cannot 3-index slice a string');
  if (k !== 'string' && k !== 'slice') throw new CallError(`can't slice item of type ${staticType(item)}`);
  const bytes = k === 'string' ? utf8Bytes(item.v as string) : undefined;
  const len = bytes ? bytes.length : (item.v as unknown[]).length;
  const idx: [number, number, number] = [0, len, 0];
  idxs.forEach((x, i) => (idx[i] = indexArg(x, len))); // Go does not look inside interfaces here
  if (idx[0] > idx[1]) throw new CallError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (idxs.length === 3 && idx[1] > idx[2]) throw new CallError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (bytes) return new Val(utf8Decode(bytes.slice(idx[0], idx[1])));
  const src = item.v as unknown[];
  const out = src.slice(idx[0], idx[1]);
  const t = goTypeOf(src);
  if (t.name !== '[]interface {}') goSlice(out, t.elem, t.name);
  return new Val(out, false, item.t);
}

function length(args: Args<['value']>): Val {
  const [item, isNil] = indirect(args[0]);
  if (isNil) throw new CallError('len of nil pointer');
  if (!isValid(item)) throw new CallError('reflect: call of reflect.Value.Type on zero Value');
  const n = lengthOf(item.v);
  if (n === undefined) throw new CallError(`len of type ${staticType(item)}`);
  return new Val(n);
}

type BasicKind = 'bool' | 'int' | 'float' | 'complex' | 'string' | 'invalid';
function basicKind(v: Val): BasicKind {
  const k = kindOf(v.v);
  return k === 'bool' || k === 'int' || k === 'float' || k === 'complex' || k === 'string' ? k : 'invalid';
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ka = kindOf(a);
  if (ka !== kindOf(b)) return false;
  if (ka === 'int' || ka === 'float') return num(a) === num(b);
  if (ka === 'complex')
    return (a as GoComplex).re === (b as GoComplex).re && (a as GoComplex).im === (b as GoComplex).im;
  if (ka !== 'struct' || goTypeOf(a as object).name !== goTypeOf(b as object).name) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return Object.keys(ra).every((k) => deepEqual(ra[k], rb[k]));
}

function comparable(v: unknown): boolean {
  const k = kindOf(v);
  if (k === 'slice' || k === 'map' || k === 'func') return false;
  if (k === 'struct') return Object.values(v as object).every(comparable);
  return true;
}

/** Go 1.25 names the two types in this error; earlier releases do not. */
type Incompatible = (a: Val, b: Val) => CallError;
const namedIncompatible: Incompatible = (a, b) =>
  new CallError(`incompatible types for comparison: ${staticType(a)} and ${staticType(b)}`);
const plainIncompatible: Incompatible = () => new CallError('incompatible types for comparison');

function eq(args: Args<['value']>, incompatible: Incompatible): boolean {
  const a1 = indirectInterface(args[0]);
  if (args.length < 2) throw new CallError('missing argument for comparison');
  const k1 = basicKind(a1);
  for (const raw of args.slice(1)) {
    const a = indirectInterface(raw);
    const k2 = basicKind(a);
    let t = false;
    if (k1 !== k2) {
      if (isValid(a1) && isValid(a)) throw incompatible(a1, a);
    } else if (k1 !== 'invalid') {
      t = k1 === 'int' || k1 === 'float' ? num(a1.v) === num(a.v) : deepEqual(a1.v, a.v);
    } else {
      const c1 = kindOf(a1.v);
      const c2 = kindOf(a.v);
      const nil1 = c1 === 'invalid' || c1 === 'nil';
      const nil2 = c2 === 'invalid' || c2 === 'nil';
      if (c1 !== c2 && !(c1 === 'invalid' || c2 === 'invalid')) {
        throw new CallError(sprintf('non-comparable types %s: %v, %s: %v', [a1.v, staticType(a1), staticType(a), a.v]));
      }
      if (nil1 || nil2) t = nil1 === nil2;
      else if (!comparable(a.v)) throw new CallError(sprintf('non-comparable type %s: %v', [a.v, staticType(a)]));
      else t = deepEqual(a1.v, a.v);
    }
    if (t) return true;
  }
  return false;
}

function lt(args: Args<['value', 'value']>, incompatible: Incompatible): boolean {
  const a1 = indirectInterface(args[0]);
  const a2 = indirectInterface(args[1]);
  const k1 = basicKind(a1);
  const k2 = basicKind(a2);
  if (k1 === 'invalid' || k2 === 'invalid') throw new CallError('invalid type for comparison');
  if (k1 !== k2) throw incompatible(a1, a2);
  if (k1 === 'bool' || k1 === 'complex') throw new CallError('invalid type for comparison');
  if (k1 === 'string') return (a1.v as string) < (a2.v as string);
  return num(a1.v) < num(a2.v);
}
const le = (a: Args<['value', 'value']>, inc: Incompatible): boolean => lt(a, inc) || eq(a, inc);

/** evalArgs of Go's html/js/urlquery: fmt.Sprint of the arguments, <no value> for invalid ones. */
function evalArgs(args: Val[]): string {
  if (args.length === 1 && typeof args[0]?.v === 'string') return args[0].v;
  return sprint(args.map((a) => (a.v === undefined || (a.iface && a.v === null) ? '<no value>' : a.v)));
}

function htmlEscape(s: string): string {
  return s.replace(
    /[\0"'&<>]/g,
    (c) => ({ '\0': '\ufffd', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c,
  );
}

function jsEscape(s: string): string {
  let out = '';
  for (const c of s) {
    const cp = c.codePointAt(0) ?? 0;
    const special: Record<string, string> = {
      '\\': '\\\\',
      "'": "\\'",
      '"': '\\"',
      '<': '\\u003C',
      '>': '\\u003E',
      '&': '\\u0026',
      '=': '\\u003D',
    };
    if (special[c] !== undefined) out += special[c];
    else if (cp < 0x20) out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
    else if (cp >= 0x80 && !isPrint(c)) out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else out += c;
  }
  return out;
}

function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8Bytes(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function call(args: Args<['value']>): Val {
  const f = indirectInterface(args[0]);
  if (!isValid(f) || f.v === null) throw new CallError('call of nil');
  if (typeof f.v !== 'function') throw new CallError(`non-function of type ${staticType(f)}`);
  const r = (f.v as (...a: unknown[]) => unknown)(...args.slice(1).map(plain));
  return new Val(r);
}

/** Go's builtin functions as of Go 1.`goMinor`. */
export function builtinFuncs(goMinor = 25): Map<string, InternalFunc> {
  const inc = goMinor >= 25 ? namedIncompatible : plainIncompatible;
  const cmp =
    <A extends Val[]>(f: (a: A, inc: Incompatible) => boolean) =>
    (a: A): boolean =>
      f(a, inc);
  return new Map<string, InternalFunc>([
    ['and', raw(['value'], () => INVALID, 'value')],
    ['or', raw(['value'], () => INVALID, 'value')],
    ['call', raw(['value'], call, 'value')],
    ['html', fn([], (a) => htmlEscape(evalArgs(a)), 'any')],
    ['index', raw(['value'], index, 'value')],
    ['slice', raw(['value'], slice, 'value')],
    ['js', fn([], (a) => jsEscape(evalArgs(a)), 'any')],
    ['len', raw(['value'], length)],
    ['not', fn(['value'], (a) => !truth(a[0]))],
    ['print', fn([], (a) => sprint(a.map(plain)), 'any')],
    ['printf', fn(['string'], (a) => sprintf(str(a[0]), a.slice(1).map(plain)), 'any')],
    ['println', fn([], (a) => sprintln(a.map(plain)), 'any')],
    ['urlquery', fn([], (a) => queryEscape(evalArgs(a)), 'any')],
    ['eq', fn(['value'], cmp(eq), 'value')],
    [
      'ge',
      fn(
        ['value', 'value'],
        cmp((a, i) => !lt(a, i)),
      ),
    ],
    [
      'gt',
      fn(
        ['value', 'value'],
        cmp((a, i) => !le(a, i)),
      ),
    ],
    ['le', fn(['value', 'value'], cmp(le))],
    ['lt', fn(['value', 'value'], cmp(lt))],
    [
      'ne',
      fn(
        ['value', 'value'],
        cmp((a, i) => !eq(a, i)),
      ),
    ],
  ]);
}
