// Go encoding/json, as far as Docker's stored JSON needs it, driven by a description of the Go
// types (GoType) because the bytes depend on the Go struct, not on the JS object:
// - fields come out in struct declaration order, never in JS key order;
// - `omitempty` drops false, 0, "", nil pointers and empty/nil slices and maps, but never a struct
//   value (time.Time included), so container_config is always written;
// - maps are written with their keys sorted bytewise;
// - strings are HTML-escaped (< > & as \u003c \u003e \u0026) and U+2028/U+2029 escaped;
// Decoding (json.Unmarshal rules) is in go-json-decode.ts.
// Image ID = sha256 of these bytes, so one byte of difference is a different image.
import { GO_ZERO_TIME, goTimeFromDate, normalizeGoTime } from './go-time.js';

/** Go int/int64 values: a number when it is a safe integer, a bigint beyond 2^53. */
export type GoInt = number | bigint;

export type GoType =
  | { kind: 'string' }
  | { kind: 'bool' }
  | { kind: 'int' }
  | { kind: 'float' }
  /** time.Time value: RFC3339Nano string in JS. */
  | { kind: 'time' }
  /** struct{} (the value type of Docker's port and volume sets): always {}. */
  | { kind: 'empty' }
  /** interface{}: plain JSON values; objects marshal with sorted keys like map[string]any. */
  | { kind: 'any' }
  | { kind: 'slice'; elem: GoType }
  /** map[string]T */
  | { kind: 'map'; elem: GoType }
  | { kind: 'ptr'; elem: GoType }
  /** sortKeys: written as a map of its fields (what image.Image.MarshalJSON does). */
  | { kind: 'struct'; name: string; fields: readonly GoField[]; sortKeys?: boolean };

export interface GoField {
  /** JSON key; also the property name in the JS object. */
  key: string;
  type: GoType;
  omitempty?: boolean;
}

export const goString: GoType = { kind: 'string' };
export const goBool: GoType = { kind: 'bool' };
export const goInt: GoType = { kind: 'int' };
export const goFloat: GoType = { kind: 'float' };
export const goTime: GoType = { kind: 'time' };
export const goEmptyStruct: GoType = { kind: 'empty' };
export const goAny: GoType = { kind: 'any' };
export const sliceOf = (elem: GoType): GoType => ({ kind: 'slice', elem });
export const mapOf = (elem: GoType): GoType => ({ kind: 'map', elem });
export const ptrTo = (elem: GoType): GoType => ({ kind: 'ptr', elem });
export const goStruct = (name: string, fields: readonly GoField[], sortKeys = false): GoType => ({
  kind: 'struct',
  name,
  fields,
  sortKeys,
});

export interface GoJsonOptions {
  /**
   * Go 1.22 started writing \b and \f; earlier releases wrote \u0008 and \u000c. Docker 20.10–24
   * were built with Go < 1.22, so the default is false.
   */
  shortControlEscapes?: boolean;
}

export class GoJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoJsonError';
  }
}

const HEX = '0123456789abcdef';

/** A string as Go's json.Marshal writes it (with escapeHTML on, the default). */
export function quoteGoString(s: string, opts: GoJsonOptions = {}): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) {
      switch (c) {
        case 0x22:
          rep = '\\"';
          break;
        case 0x5c:
          rep = '\\\\';
          break;
        case 0x0a:
          rep = '\\n';
          break;
        case 0x0d:
          rep = '\\r';
          break;
        case 0x09:
          rep = '\\t';
          break;
        case 0x08:
          rep = opts.shortControlEscapes ? '\\b' : '\\u0008';
          break;
        case 0x0c:
          rep = opts.shortControlEscapes ? '\\f' : '\\u000c';
          break;
        default:
          rep = '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
      }
    } else if (c === 0x2028 || c === 0x2029) {
      rep = c === 0x2028 ? '\\u2028' : '\\u2029';
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate has no UTF-8 form; Go sees invalid UTF-8 there and writes U+FFFD.
      const paired = c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (paired) {
        i++;
        continue;
      }
      rep = '\ufffd';
    }
    if (rep !== null) {
      out += s.slice(start, i) + rep;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

/** An integer as Go writes int64. */
export function formatGoInt(n: GoInt): string {
  if (typeof n === 'bigint') return n.toString();
  if (!Number.isInteger(n)) throw new GoJsonError(`json: ${n} is not an integer`);
  return n.toString();
}

/**
 * A float64 as Go writes it: shortest round-trip digits, exponent form below 1e-6 and from 1e21
 * (the same cut-offs as JS), "e-7" not "e-07", and "-0" kept. NaN and ±Inf are errors in Go.
 */
export function formatGoFloat(n: number): string {
  if (!Number.isFinite(n)) throw new GoJsonError(`json: unsupported value: ${n}`);
  if (Object.is(n, -0)) return '-0';
  return String(n);
}

/**
 * Bytewise UTF-8 order, the order Go's sort.Strings gives map keys. UTF-8 byte order is code point
 * order, which differs from JS's UTF-16 `<` for astral characters against U+E000–U+FFFF.
 */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isEmptyValue(t: GoType, v: unknown): boolean {
  if (v === undefined || v === null) return t.kind !== 'struct' && t.kind !== 'time' && t.kind !== 'empty';
  switch (t.kind) {
    case 'string':
      return v === '';
    case 'bool':
      return v === false;
    case 'int':
    case 'float':
      return v === 0 || v === 0n;
    case 'slice':
      return Array.isArray(v) && v.length === 0;
    case 'map':
      return isObject(v) && Object.keys(v).length === 0;
    default:
      return false; // pointers that are set, structs, time.Time, interfaces holding a value
  }
}

function typeError(t: GoType, v: unknown, where: string): never {
  const name = t.kind === 'struct' ? t.name : t.kind;
  throw new GoJsonError(`json: cannot marshal ${typeof v} ${JSON.stringify(v)} as Go ${name} at ${where}`);
}

/** Marshal a JS value shaped like the Go type `t`. undefined means "the Go zero value". */
export function marshalGo(t: GoType, v: unknown, opts: GoJsonOptions = {}, where = '$'): string {
  switch (t.kind) {
    case 'string':
      if (v === undefined) return '""';
      if (typeof v !== 'string') typeError(t, v, where);
      return quoteGoString(v, opts);
    case 'bool':
      if (v === undefined) return 'false';
      if (typeof v !== 'boolean') typeError(t, v, where);
      return v ? 'true' : 'false';
    case 'int':
      if (v === undefined) return '0';
      if (typeof v !== 'number' && typeof v !== 'bigint') typeError(t, v, where);
      return formatGoInt(v);
    case 'float':
      if (v === undefined) return '0';
      if (typeof v !== 'number') typeError(t, v, where);
      return formatGoFloat(v);
    case 'time':
      if (v === undefined || v === null) return `"${GO_ZERO_TIME}"`;
      if (v instanceof Date) return `"${goTimeFromDate(v)}"`;
      if (typeof v !== 'string') typeError(t, v, where);
      return `"${normalizeGoTime(v)}"`;
    case 'empty':
      return '{}';
    case 'any':
      return marshalAny(v, opts, where);
    case 'slice':
      if (v === undefined || v === null) return 'null';
      if (!Array.isArray(v)) typeError(t, v, where);
      return '[' + v.map((e, i) => marshalGo(t.elem, e, opts, `${where}[${i}]`)).join(',') + ']';
    case 'map': {
      if (v === undefined || v === null) return 'null';
      if (!isObject(v)) typeError(t, v, where);
      const keys = Object.keys(v).sort(compareGoStrings);
      return (
        '{' +
        keys.map((k) => `${quoteGoString(k, opts)}:${marshalGo(t.elem, v[k], opts, `${where}.${k}`)}`).join(',') +
        '}'
      );
    }
    case 'ptr':
      if (v === undefined || v === null) return 'null';
      return marshalGo(t.elem, v, opts, where);
    case 'struct': {
      // A Go struct cannot be nil; treat a JS null like undefined: the zero struct.
      if (v !== undefined && v !== null && !isObject(v)) typeError(t, v, where);
      const obj = (v ?? {}) as Record<string, unknown>;
      const parts: Array<[string, string]> = [];
      for (const f of t.fields) {
        const fv = obj[f.key];
        if (f.omitempty && isEmptyValue(f.type, fv)) continue;
        parts.push([f.key, marshalGo(f.type, fv, opts, `${where}.${f.key}`)]);
      }
      if (t.sortKeys) parts.sort((a, b) => compareGoStrings(a[0], b[0]));
      return '{' + parts.map(([k, s]) => `${quoteGoString(k, opts)}:${s}`).join(',') + '}';
    }
  }
}

/** Marshal a plain JS value as Go marshals interface{} values (objects as sorted maps). */
export function marshalAny(v: unknown, opts: GoJsonOptions = {}, where = '$'): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return quoteGoString(v, opts);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return formatGoFloat(v);
  if (Array.isArray(v)) return '[' + v.map((e, i) => marshalAny(e, opts, `${where}[${i}]`)).join(',') + ']';
  if (isObject(v)) return marshalGo(mapOf(goAny), v, opts, where);
  throw new GoJsonError(`json: unsupported type ${typeof v} at ${where}`);
}
