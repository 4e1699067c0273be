// Go encoding/json decoding (json.Unmarshal) into the shapes described by GoType, so that a
// stored config can be read the way the daemon reads it and written back with marshalGo.
import { normalizeGoTime } from './go-time.js';
import { GoJsonError, isObject, type GoField, type GoType } from './go-json.js';
import { parseJsonText, type JsonNode } from './json-text.js';

/** Own-property assignment that treats "__proto__" as an ordinary key, as a Go map would. */
function setKey(obj: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** Go's key matching: exact first, then case-insensitive (with Go's two non-ASCII folds). */
function foldKey(k: string): string {
  return k
    .toLowerCase()
    .replace(/\u212a/g, 'k')
    .replace(/\u017f/g, 's');
}

function findField(t: Extract<GoType, { kind: 'struct' }>, key: string): GoField | undefined {
  const exact = t.fields.find((f) => f.key === key);
  if (exact) return exact;
  const folded = foldKey(key);
  return t.fields.find((f) => foldKey(f.key) === folded);
}

const INT_LITERAL = /^-?(0|[1-9][0-9]*)$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function unmarshalError(t: GoType, n: JsonNode, where: string): never {
  const name = t.kind === 'struct' ? t.name : t.kind;
  throw new GoJsonError(`json: cannot unmarshal ${n.t} into Go value of type ${name} at ${where}`);
}

/**
 * Decode a JsonNode into the shape of Go type `t`, starting from `prev` the way Go decodes into an
 * existing value: null leaves scalars and structs alone, JSON objects merge into an existing
 * struct or map. Keys Go would ignore are dropped, so re-marshalling gives Go's bytes.
 */
export function decodeGo(t: GoType, n: JsonNode, prev?: unknown, where = '$'): unknown {
  if (n.t === 'null') {
    if (t.kind === 'slice' || t.kind === 'map' || t.kind === 'ptr' || t.kind === 'any') return null;
    return prev;
  }
  switch (t.kind) {
    case 'string':
      return n.t === 'str' ? n.v : unmarshalError(t, n, where);
    case 'bool':
      return n.t === 'bool' ? n.v : unmarshalError(t, n, where);
    case 'int': {
      if (n.t !== 'num' || !INT_LITERAL.test(n.raw)) return unmarshalError(t, n, where);
      const b = BigInt(n.raw);
      if (b < INT64_MIN || b > INT64_MAX) unmarshalError(t, n, where);
      return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
    }
    case 'float': {
      if (n.t !== 'num') return unmarshalError(t, n, where);
      const f = Number(n.raw);
      if (!Number.isFinite(f)) unmarshalError(t, n, where);
      return f;
    }
    case 'time':
      if (n.t !== 'str') return unmarshalError(t, n, where);
      try {
        return normalizeGoTime(n.v);
      } catch (e) {
        throw new GoJsonError(`json: ${(e as Error).message} at ${where}`);
      }
    case 'empty':
      return n.t === 'obj' ? {} : unmarshalError(t, n, where);
    case 'any':
      return decodeAny(n);
    case 'slice':
      if (n.t !== 'arr') return unmarshalError(t, n, where);
      return n.items.map((e, i) => decodeGo(t.elem, e, undefined, `${where}[${i}]`));
    case 'map': {
      if (n.t !== 'obj') return unmarshalError(t, n, where);
      const out: Record<string, unknown> = isObject(prev) ? { ...prev } : {};
      for (const [k, e] of n.members) setKey(out, k, decodeGo(t.elem, e, undefined, `${where}.${k}`));
      return out;
    }
    case 'ptr':
      return decodeGo(t.elem, n, prev ?? undefined, where);
    case 'struct': {
      if (n.t !== 'obj') return unmarshalError(t, n, where);
      const out: Record<string, unknown> = isObject(prev) ? { ...prev } : {};
      for (const [k, e] of n.members) {
        const f = findField(t, k);
        if (!f) continue; // Go ignores unknown keys
        const v = decodeGo(f.type, e, out[f.key], `${where}.${f.key}`);
        if (v === undefined) delete out[f.key];
        else out[f.key] = v;
      }
      return out;
    }
  }
}

/** interface{} decoding: numbers become float64, objects map[string]any (last duplicate wins). */
function decodeAny(n: JsonNode): unknown {
  switch (n.t) {
    case 'null':
      return null;
    case 'bool':
      return n.v;
    case 'str':
      return n.v;
    case 'num':
      return Number(n.raw);
    case 'arr':
      return n.items.map(decodeAny);
    case 'obj': {
      const out: Record<string, unknown> = {};
      for (const [k, e] of n.members) setKey(out, k, decodeAny(e));
      return out;
    }
  }
}

/** json.Unmarshal into a value of Go type `t`. */
export function unmarshalGo(t: GoType, input: string | Uint8Array): unknown {
  return decodeGo(t, parseJsonText(input));
}
