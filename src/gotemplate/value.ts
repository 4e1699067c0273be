// The value model of the Go template engine: how plain JS data stands in for Go's reflect.Value.
//
// Plain data is read the way the docker CLI reads `docker inspect` output when it falls back to
// the raw JSON: an object is a map[string]interface {}, an array a []interface {}, a string a
// string, a boolean a bool, a whole number an int, any other number a float64, null a nil
// interface. Data that must behave like a Go struct (a missing field is an error, `%v` prints
// `{a b}`, `json` keeps field order), or like a typed map or slice (map[string]string: a missing
// `index` key is "" not <nil>), is tagged with goStruct / goMap / goSlice. Tags live in a WeakMap,
// so tagging never changes the object.

/** Parameter types a template function can declare; they drive Go's argument checks and texts. */
export type GoParamType = 'any' | 'value' | 'string' | 'int' | 'bool' | 'float64' | '[]string';

/**
 * A function callable from a template (a FuncMap entry, or a method of a tagged struct/map).
 * `fn` receives plain JS values (Go nil is null); throwing an Error is Go's non-nil error result
 * and becomes `error calling NAME: MESSAGE`.
 */
export interface GoFunc {
  readonly params: readonly GoParamType[];
  /** When set, the function is variadic and this is the type of each extra argument. */
  readonly variadic?: GoParamType;
  readonly fn: (...args: never[]) => unknown;
}

export interface GoTypeInfo {
  readonly kind: 'struct' | 'map' | 'slice';
  /** The Go type name used in error texts and %T / %#v, e.g. "types.ContainerJSON", "map[string]string". */
  readonly name: string;
  /** map/slice element type: 'string' elements are concrete strings, 'interface' elements are interface {}. */
  readonly elem: 'string' | 'interface';
  readonly methods?: Readonly<Record<string, GoFunc>>;
  /** struct only: the Go type of fields that may be null (nil pointers), for "nil pointer evaluating T.X". */
  readonly fieldTypes?: Readonly<Record<string, string>>;
  /** struct only: `json` prints it as a map (keys sorted), as the docker CLI's formatter contexts do. */
  readonly jsonAsMap?: boolean;
  /** map/slice only: a nil map or slice, which prints as `map[]` / `[]` but marshals to `null`. */
  readonly nil?: boolean;
  /** struct only: what encoding/json writes for it (a MarshalJSON method, as time.Time has). */
  readonly marshalJson?: () => string;
}

/** A float64 whose value happens to be whole (JS can't tell 1.0 from 1; Go prints them differently). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A complex128, produced only by complex literals such as 1i in a template. */
export class GoComplex {
  constructor(
    readonly re: number,
    readonly im: number,
  ) {}
}

const tags = new WeakMap<object, GoTypeInfo>();
const PLAIN_MAP: GoTypeInfo = { kind: 'map', name: 'map[string]interface {}', elem: 'interface' };
const PLAIN_SLICE: GoTypeInfo = { kind: 'slice', name: '[]interface {}', elem: 'interface' };
const STRING_SLICE: GoTypeInfo = { kind: 'slice', name: '[]string', elem: 'string' };

export interface GoStructExtra {
  methods?: Record<string, GoFunc>;
  fieldTypes?: Record<string, string>;
  jsonAsMap?: boolean;
  marshalJson?: () => string;
}

/** Tag `fields` as a Go struct named `name` (fields keep their insertion order). Returns the same object. */
export function goStruct<T extends object>(name: string, fields: T, extra: GoStructExtra = {}): T {
  tags.set(fields, { kind: 'struct', name, elem: 'interface', ...extra });
  return fields;
}

/** Tag `entries` as a Go map; elem 'string' makes it a map[string]string. Returns the same object. */
export function goMap<T extends object>(
  entries: T,
  elem: 'string' | 'interface' = 'interface',
  name?: string,
  methods?: Record<string, GoFunc>,
): T {
  const typeName = name ?? (elem === 'string' ? 'map[string]string' : PLAIN_MAP.name);
  tags.set(entries, { kind: 'map', name: typeName, elem, methods });
  return entries;
}

/** Tag an array as a []string (elem 'string') or a []interface {}. Returns the same array. */
export function goSlice<T extends unknown[]>(items: T, elem: 'string' | 'interface' = 'string', name?: string): T {
  tags.set(
    items,
    elem === 'string' && name === undefined
      ? STRING_SLICE
      : { kind: 'slice', name: name ?? (elem === 'string' ? '[]string' : PLAIN_SLICE.name), elem },
  );
  return items;
}

/** A nil slice or map of a typed field ([]string, map[string]string …): empty, printed `[]` or
 * `map[]` as Go prints a nil one, but `null` in JSON. */
export function goNil(kind: 'slice' | 'map', elem: 'string' | 'interface' = 'string'): unknown[] | object {
  const v = kind === 'slice' ? [] : {};
  const name =
    kind === 'slice'
      ? elem === 'string'
        ? '[]string'
        : PLAIN_SLICE.name
      : elem === 'string'
        ? 'map[string]string'
        : PLAIN_MAP.name;
  tags.set(v, { kind, name, elem, nil: true });
  return v;
}

/** The Go type information of an object or array (plain ones are map[string]interface {} / []interface {}). */
export function goTypeOf(v: object): GoTypeInfo {
  return tags.get(v) ?? (Array.isArray(v) ? PLAIN_SLICE : PLAIN_MAP);
}

export type Kind =
  | 'invalid'
  | 'nil'
  | 'bool'
  | 'int'
  | 'float'
  | 'complex'
  | 'string'
  | 'slice'
  | 'map'
  | 'struct'
  | 'func';

const INT_LIMIT = 2 ** 63;

export function kindOf(v: unknown): Kind {
  switch (typeof v) {
    case 'undefined':
      return 'invalid';
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'bigint':
      return 'int';
    case 'number':
      return Number.isInteger(v) && Math.abs(v) < INT_LIMIT ? 'int' : 'float';
    case 'function':
      return 'func';
    case 'object':
      if (v === null) return 'nil';
      if (v instanceof GoFloat) return 'float';
      if (v instanceof GoComplex) return 'complex';
      return goTypeOf(v).kind;
    default:
      return 'invalid';
  }
}

/** Go's name for the dynamic type of a value (what %T prints and error texts quote). */
export function typeName(v: unknown): string {
  switch (kindOf(v)) {
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float64';
    case 'complex':
      return 'complex128';
    case 'string':
      return 'string';
    case 'func':
      return 'func()';
    case 'slice':
    case 'map':
    case 'struct':
      return goTypeOf(v as object).name;
    default:
      return 'interface {}';
  }
}

/** The numeric value of an int or float (bigint ints are narrowed). */
export function num(v: unknown): number {
  if (v instanceof GoFloat) return v.value;
  if (typeof v === 'bigint') return Number(v);
  return v as number;
}

/** Go's string order: bytewise UTF-8, i.e. code point order (JS's < differs for astral characters). */
export function compareGoStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(i) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

/** A map's keys in the order Go's fmtsort (printing, range) and encoding/json use. */
export function mapKeys(m: object): string[] {
  return Object.keys(m).sort(compareGoStrings);
}

export function lengthOf(v: unknown): number | undefined {
  switch (kindOf(v)) {
    case 'string':
      return utf8Length(v as string);
    case 'slice':
      return (v as unknown[]).length;
    case 'map':
      return Object.keys(v as object).length;
    default:
      return undefined;
  }
}

/** Go's truth: not the zero value of its type. `undefined` is Go's invalid value (false). */
export function isTrue(v: unknown): boolean | undefined {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'bool':
      return v as boolean;
    case 'int':
    case 'float':
      return num(v) !== 0;
    case 'complex':
      return (v as GoComplex).re !== 0 || (v as GoComplex).im !== 0;
    case 'string':
    case 'slice':
    case 'map':
      return (lengthOf(v) ?? 0) > 0;
    case 'struct':
      return true;
    default:
      return undefined;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** Go strings are UTF-8 bytes: len, index, slice and truncate count bytes. */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

export function utf8Decode(b: Uint8Array): string {
  return decoder.decode(b);
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
