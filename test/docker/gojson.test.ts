import { describe, expect, it } from 'vitest';
import {
  compareGoStrings,
  formatGoFloat,
  goAny,
  goBool,
  goInt,
  goString,
  goStruct,
  goTime,
  GoJsonError,
  mapOf,
  marshalAny,
  marshalGo,
  ptrTo,
  quoteGoString,
  sliceOf,
} from '../../src/docker/go-json.js';
import { unmarshalGo } from '../../src/docker/go-json-decode.js';
import { normalizeGoTime } from '../../src/docker/go-time.js';
import { JsonSyntaxError, parseJsonText } from '../../src/docker/json-text.js';

describe('quoteGoString', () => {
  it('escapes < > & as \\u003c \\u003e \\u0026, as Go does by default', () => {
    expect(quoteGoString('echo "Hello world" > /tmp/newfile && cat <x')).toBe(
      '"echo \\"Hello world\\" \\u003e /tmp/newfile \\u0026\\u0026 cat \\u003cx"',
    );
  });

  it('escapes U+2028 and U+2029 but leaves other non-ASCII text alone', () => {
    expect(quoteGoString('a\u2028b\u2029c é 中 😀')).toBe('"a\\u2028b\\u2029c é 中 😀"');
  });

  it('writes \\n \\r \\t and \\u00XX with lowercase hex for other control bytes', () => {
    expect(quoteGoString('\n\r\t\u0001\u001f\u007f')).toBe('"\\n\\r\\t\\u0001\\u001f\u007f"');
  });

  it('writes \\b and \\f as \\u0008 \\u000c before Go 1.22 and short after', () => {
    expect(quoteGoString('\b\f')).toBe('"\\u0008\\u000c"');
    expect(quoteGoString('\b\f', { shortControlEscapes: true })).toBe('"\\b\\f"');
  });

  it('replaces a lone surrogate with U+FFFD, as Go does for invalid UTF-8', () => {
    expect(quoteGoString('a\ud800b')).toBe('"a\ufffdb"');
  });
});

describe('numbers', () => {
  it('formats floats like Go: short exponents, -0 kept, 1e21 cut-off', () => {
    expect(formatGoFloat(1e21)).toBe('1e+21');
    expect(formatGoFloat(1e20)).toBe('100000000000000000000');
    expect(formatGoFloat(1.5e-7)).toBe('1.5e-7');
    expect(formatGoFloat(0.000001)).toBe('0.000001');
    expect(formatGoFloat(-0)).toBe('-0');
    expect(() => formatGoFloat(NaN)).toThrow(GoJsonError);
  });

  it('keeps int64 values beyond 2^53 exact through decode and encode', () => {
    const v = unmarshalGo(goInt, '9223372036854775807');
    expect(v).toBe(9223372036854775807n);
    expect(marshalGo(goInt, v)).toBe('9223372036854775807');
    expect(unmarshalGo(goInt, '42')).toBe(42);
  });

  it('rejects what Go rejects for an int: fractions, exponents, overflow', () => {
    expect(() => unmarshalGo(goInt, '1.0')).toThrow(GoJsonError);
    expect(() => unmarshalGo(goInt, '1e3')).toThrow(GoJsonError);
    expect(() => unmarshalGo(goInt, '9223372036854775808')).toThrow(GoJsonError);
  });
});

describe('structs', () => {
  const T = goStruct('T', [
    { key: 'Zeta', type: goString },
    { key: 'alpha', type: goString, omitempty: true },
    { key: 'List', type: sliceOf(goString) },
    { key: 'Opt', type: sliceOf(goString), omitempty: true },
    { key: 'P', type: ptrTo(goInt), omitempty: true },
    { key: 'M', type: mapOf(goString) },
    { key: 'B', type: goBool, omitempty: true },
  ]);

  it('writes fields in declaration order whatever the JS key order', () => {
    expect(marshalGo(T, { M: { b: '2', a: '1' }, alpha: 'x', Zeta: 'z' })).toBe(
      '{"Zeta":"z","alpha":"x","List":null,"M":{"a":"1","b":"2"}}',
    );
  });

  it('fills Go zero values: "" for strings, null for nil slices and maps', () => {
    expect(marshalGo(T, {})).toBe('{"Zeta":"","List":null,"M":null}');
  });

  it('omitempty drops empty slices, false and nil pointers but keeps a pointer to 0', () => {
    expect(marshalGo(T, { Opt: [], B: false, P: 0, List: [] })).toBe('{"Zeta":"","List":[],"P":0,"M":null}');
  });

  it('never omits a struct or time.Time value even with omitempty', () => {
    const S = goStruct('S', [
      { key: 'inner', type: goStruct('I', [{ key: 'x', type: goString }]), omitempty: true },
      { key: 'when', type: goTime, omitempty: true },
    ]);
    expect(marshalGo(S, {})).toBe('{"inner":{"x":""},"when":"0001-01-01T00:00:00Z"}');
  });

  it('sorts keys bytewise, so uppercase sorts before lowercase', () => {
    const S = goStruct(
      'S',
      [
        { key: 'os', type: goString },
        { key: 'Size', type: goInt },
        { key: 'os.version', type: goString },
        { key: 'architecture', type: goString },
      ],
      true,
    );
    expect(marshalGo(S, { os: 'linux', Size: 1, 'os.version': 'v', architecture: 'amd64' })).toBe(
      '{"Size":1,"architecture":"amd64","os":"linux","os.version":"v"}',
    );
  });

  it('decodes like Go: case-insensitive keys, unknown keys dropped, last duplicate wins', () => {
    const v = unmarshalGo(T, '{"zeta":"a","Unknown":1,"Zeta":"b","M":{"k":"1"},"M":{"j":"2"}}');
    // The second M merges into the map the first one made, as Go's decoder does.
    expect(v).toEqual({ Zeta: 'b', M: { k: '1', j: '2' } });
    expect(marshalGo(T, v)).toBe('{"Zeta":"b","List":null,"M":{"j":"2","k":"1"}}');
  });

  it('keeps null for nil slices and [] for empty ones, both ways', () => {
    expect(unmarshalGo(T, '{"List":null,"Opt":[]}')).toEqual({ List: null, Opt: [] });
  });

  it('refuses a JSON type that does not fit the Go field', () => {
    expect(() => unmarshalGo(T, '{"Zeta":1}')).toThrow(GoJsonError);
    expect(() => marshalGo(T, { Zeta: 1 })).toThrow(GoJsonError);
  });
});

describe('maps and interface{} values', () => {
  it('orders map keys by UTF-8 bytes, not UTF-16 units', () => {
    expect(['\uffff', '😀', 'a', 'B'].sort(compareGoStrings)).toEqual(['B', 'a', '\uffff', '😀']);
  });

  it('marshals plain objects with sorted keys and numbers as float64', () => {
    expect(marshalAny({ b: [1, 2.5, true, null], a: { d: 'x<y' } })).toBe(
      '{"a":{"d":"x\\u003cy"},"b":[1,2.5,true,null]}',
    );
    expect(marshalGo(goAny, unmarshalGo(goAny, '{"n":1E3}'))).toBe('{"n":1000}');
  });

  it('treats "__proto__" as an ordinary map key', () => {
    const v = unmarshalGo(mapOf(goString), '{"__proto__":"x"}') as Record<string, string>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(marshalGo(mapOf(goString), v)).toBe('{"__proto__":"x"}');
  });
});

describe('time.Time', () => {
  it('writes RFC3339Nano: trailing fraction zeros dropped, zero offset as Z', () => {
    expect(normalizeGoTime('2022-01-17T12:25:14.918900370Z')).toBe('2022-01-17T12:25:14.91890037Z');
    expect(normalizeGoTime('2022-01-17T12:25:14.000Z')).toBe('2022-01-17T12:25:14Z');
    expect(normalizeGoTime('2022-01-17T20:25:14+00:00')).toBe('2022-01-17T20:25:14Z');
    expect(normalizeGoTime('2022-01-17T20:25:14.5+08:00')).toBe('2022-01-17T20:25:14.5+08:00');
    expect(normalizeGoTime('2022-01-17T12:25:14.1234567891Z')).toBe('2022-01-17T12:25:14.123456789Z');
  });

  it('rejects dates Go rejects', () => {
    expect(() => normalizeGoTime('2021-02-29T00:00:00Z')).toThrow(RangeError);
    expect(() => normalizeGoTime('2021-01-01 00:00:00Z')).toThrow(RangeError);
    expect(normalizeGoTime('2020-02-29T00:00:00Z')).toBe('2020-02-29T00:00:00Z');
  });

  it('accepts a JS Date when marshalling', () => {
    expect(marshalGo(goTime, new Date(Date.UTC(2022, 0, 17, 12, 25, 14, 910)))).toBe('"2022-01-17T12:25:14.91Z"');
  });
});

describe('parseJsonText', () => {
  it('keeps number literals and duplicate members as written', () => {
    expect(parseJsonText('{"a":1.50,"a":-0}')).toEqual({
      t: 'obj',
      members: [
        ['a', { t: 'num', raw: '1.50' }],
        ['a', { t: 'num', raw: '-0' }],
      ],
    });
  });

  it('decodes escapes and turns an unpaired surrogate escape into U+FFFD like Go', () => {
    expect(parseJsonText('"\\u003c\\ud83d\\ude00\\ud800x\\/"')).toEqual({ t: 'str', v: '<😀\ufffdx/' });
  });

  it('rejects invalid JSON: trailing data, leading zeros, raw control characters', () => {
    expect(() => parseJsonText('{} x')).toThrow(JsonSyntaxError);
    expect(() => parseJsonText('01')).toThrow(JsonSyntaxError);
    expect(() => parseJsonText('"a\nb"')).toThrow(JsonSyntaxError);
    expect(() => parseJsonText('[1,]')).toThrow(JsonSyntaxError);
  });
});
