// The docker CLI's template functions (templates.basicFunctions: json, split, join, title, lower,
// upper, pad, truncate) and its table-header variants (templates.HeaderFunctions), per CLI era:
// 29.0 made json fail loudly on unencodable values, 29.2 let join take any slice or map.

import { sprint } from './fmt.js';
import { type Args, CallError, type Val, fn, plainValue, type InternalFunc } from './funcs.js';
import { marshalJson } from './json.js';
import { goSlice, kindOf, mapKeys, num, typeName, utf8Bytes, utf8Decode } from './value.js';

/** docker CLI releases whose template behaviour differs: the Go they were built with, and their functions. */
export type DockerCliEra = '20.10' | '25.0' | '29.0' | 'latest';

/** The Go minor release each docker CLI era was built with (Dockerfile GO_VERSION: 1.19.7, 1.21.6, 1.25.4). */
export const DOCKER_GO_MINOR: Readonly<Record<DockerCliEra, number>> = {
  '20.10': 19,
  '25.0': 21,
  '29.0': 25,
  latest: 25,
};

/** strings.Title: upper-case the first letter of each word (words split at non letters/digits/_). */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const c of s) {
    const sep = /[\p{L}\p{Nd}_]/u.test(prev) ? false : /[\x00-\x7f]/.test(prev) || /\s/u.test(prev);
    out += sep ? upper(c) : c;
    prev = c;
  }
  return out;
}
function mapRunes(s: string, f: (c: string) => string): string {
  let out = '';
  for (const c of s) {
    const m = f(c);
    out += Array.from(m).length === 1 ? m : c; // Go maps rune to rune; keep runes with no 1:1 mapping
  }
  return out;
}
const upper = (s: string): string => mapRunes(s, (c) => c.toUpperCase());
const lower = (s: string): string => mapRunes(s, (c) => c.toLowerCase());

function split(s: string, sep: string): string[] {
  return goSlice(sep === '' ? Array.from(s) : s.split(sep), 'string');
}

function pad(s: string, prefix: number, suffix: number): string {
  if (s === '') return s;
  if (prefix < 0 || suffix < 0) throw new CallError('strings: negative Repeat count');
  return ' '.repeat(prefix) + s + ' '.repeat(suffix);
}

function truncate(s: string, n: number): string {
  const b = utf8Bytes(s);
  if (b.length < n) return s;
  if (n < 0) throw new CallError(`runtime error: slice bounds out of range [:${n}]`);
  return utf8Decode(b.slice(0, n));
}

/**
 * docker json: encoding/json with SetEscapeHTML(false), newline trimmed. Before 29.0 an encoding
 * error gave ""; since, it panics, which Go's template reports as "error calling json: ...".
 */
function dockerJson(v: unknown, era: DockerCliEra): string {
  const short = DOCKER_GO_MINOR[era] >= 22; // Go 1.22 writes \b and \f instead of \u0008 and \u000c
  if (era === '29.0' || era === 'latest') return marshalJson(v, false, short);
  try {
    return marshalJson(v, false, short);
  } catch {
    return '';
  }
}

/** docker 29.2+ join: []string as strings.Join, other slices and map values via fmt.Sprint. */
function joinElements(elems: Val, sep: string): string {
  const v = elems.v;
  if (v === undefined || v === null) return '';
  const k = kindOf(v);
  if (k === 'slice') return (v as unknown[]).map((x) => sprint([x])).join(sep);
  if (k === 'map') {
    const m = v as Record<string, unknown>;
    return mapKeys(m)
      .map((key) => sprint([m[key]]))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .join(sep);
  }
  throw new CallError(`expected slice, got ${typeName(v)}`);
}

/** The docker CLI's templates.basicFunctions, as of `era`. */
export function dockerFuncs(era: DockerCliEra = 'latest'): Map<string, InternalFunc> {
  const s = (v: Val): string => v.v as string;
  const i = (v: Val): number => num(v.v);
  const join =
    era === 'latest'
      ? fn(['any', 'string'], (a) => joinElements(a[0], s(a[1])))
      : fn(['[]string', 'string'], (a) => (a[0].v as string[]).join(s(a[1])));
  return new Map<string, InternalFunc>([
    ['json', fn(['any'], (a) => dockerJson(plainValue(a[0]), era))],
    ['split', fn(['string', 'string'], (a) => split(s(a[0]), s(a[1])))],
    ['join', join],
    ['title', fn(['string'], (a) => title(s(a[0])))],
    ['lower', fn(['string'], (a) => lower(s(a[0])))],
    ['upper', fn(['string'], (a) => upper(s(a[0])))],
    ['pad', fn(['string', 'int', 'int'], (a) => pad(s(a[0]), i(a[1]), i(a[2])))],
    ['truncate', fn(['string', 'int'], (a) => truncate(s(a[0]), i(a[1])))],
  ]);
}

/** The docker CLI's templates.HeaderFunctions: leave header names intact (pad is not replaced). */
export function dockerHeaderFuncs(): Map<string, InternalFunc> {
  const id = ([first]: Args<['string']>): unknown => first.v;
  return new Map<string, InternalFunc>([
    ['json', fn(['string'], id)],
    ['split', fn(['string', 'string'], id)],
    ['join', fn(['string', 'string'], id)],
    ['title', fn(['string'], id)],
    ['lower', fn(['string'], id)],
    ['upper', fn(['string'], id)],
    ['truncate', fn(['string', 'int'], id)],
  ]);
}
