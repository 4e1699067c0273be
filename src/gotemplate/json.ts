// A small encoding/json Marshal for template values (kept private to the template engine; a
// sibling module may replace it). Compact output; maps sorted by key, structs in field order;
// Go's string escaping (\u003c\u003e\u0026 when escapeHTML, \u2028 \u2029 always, \b \f \n \r \t,
// other control characters as \u00XX, lone surrogates as \ufffd); floats as Go prints them.

import { GoComplex, goTypeOf, kindOf, mapKeys, num } from './value.js';

export class JsonUnsupportedError extends Error {}

function quote(s: string, escapeHTML: boolean, short: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c < 0x20) {
      const esc: Record<number, string> = short
        ? { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' }
        : { 9: '\\t', 10: '\\n', 13: '\\r' };
      out += esc[c] ?? '\\u00' + c.toString(16).padStart(2, '0');
    } else if (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) out += '\\u00' + c.toString(16);
    else if (c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16);
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += ch + s.charAt(i + 1);
      i++;
    } else if (c >= 0xd800 && c < 0xe000) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

function float(v: number): string {
  if (!Number.isFinite(v))
    throw new JsonUnsupportedError(
      `json: unsupported value: ${v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : 'NaN'}`,
    );
  return Object.is(v, -0) ? '-0' : String(v);
}

function encode(v: unknown, escapeHTML: boolean, short: boolean, depth: number): string {
  if (depth > 1000) throw new JsonUnsupportedError('json: unsupported value: encountered a cycle');
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return 'null';
    case 'bool':
      return String(v);
    case 'int':
      return typeof v === 'bigint' ? v.toString() : BigInt(v as number).toString();
    case 'float':
      return float(num(v));
    case 'complex':
      throw new JsonUnsupportedError('json: unsupported type: complex128');
    case 'string':
      return quote(v as string, escapeHTML, short);
    case 'func':
      throw new JsonUnsupportedError('json: unsupported type: func()');
    case 'slice':
      if (goTypeOf(v as object).nil) return 'null';
      return '[' + (v as unknown[]).map((x) => encode(x, escapeHTML, short, depth + 1)).join(',') + ']';
    default: {
      const rec = v as Record<string, unknown>;
      const t = goTypeOf(rec);
      if (t.nil) return 'null';
      if (t.marshalJson) return t.marshalJson.call(rec);
      const keys = t.kind === 'map' || t.jsonAsMap ? mapKeys(rec) : Object.keys(rec);
      // A formatter context's MarshalJSON is json.Marshal of that map: it escapes < > & whatever
      // the encoder that called it was told (the CLI's json func turns escaping off).
      if (t.jsonAsMap) escapeHTML = true;
      return (
        '{' +
        keys.map((k) => quote(k, escapeHTML, short) + ':' + encode(rec[k], escapeHTML, short, depth + 1)).join(',') +
        '}'
      );
    }
  }
}

/**
 * json.Marshal (escapeHTML true) or an Encoder with SetEscapeHTML(false). shortEscapes: \b and \f
 * as Go 1.22+ writes them (older: \u0008, \u000c). Throws JsonUnsupportedError.
 */
export function marshalJson(v: unknown, escapeHTML = true, shortEscapes = true): string {
  if (v instanceof GoComplex) throw new JsonUnsupportedError('json: unsupported type: complex128');
  return encode(v, escapeHTML, shortEscapes, 0);
}
