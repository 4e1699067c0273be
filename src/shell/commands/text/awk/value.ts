// awk values: numbers, strings, and "strnums" — input that looks numeric (fields, getline,
// split, -v, ARGV, ENVIRON) and so compares as a number. An uninitialised value is both "" and 0.
import { numToStr } from './format.js';

export class StrNum {
  constructor(
    readonly s: string,
    readonly n: number,
  ) {}
}

export type Val = number | string | StrNum;

export const UNINIT = new StrNum('', 0);

const NUMERIC = /^[ \t\n\r\f\v]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\r\f\v]*$/;
const PREFIX = /^[ \t\n\r\f\v]*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/;
const SPECIAL = /^[ \t\n\r\f\v]*([+-])(inf|nan)/i;

/** Input text: a strnum when it looks like a number, else a plain string. */
export function input(s: string): Val {
  return NUMERIC.test(s) ? new StrNum(s, Number(s.trim())) : s;
}

/** awk's string-to-number: the longest numeric prefix, 0 when there is none. */
export function strToNum(s: string): number {
  const m = PREFIX.exec(s);
  if (m) return Number(m[1]);
  const sp = SPECIAL.exec(s);
  const [, sign, word = ''] = sp ?? [];
  if (sp) return word.toLowerCase() === 'inf' ? (sign === '-' ? -Infinity : Infinity) : NaN;
  return 0;
}

export function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  if (v instanceof StrNum) return v.n;
  return strToNum(v);
}

export function toStr(v: Val, convfmt: string): string {
  if (typeof v === 'string') return v;
  if (v instanceof StrNum) return v.s;
  return numToStr(v, convfmt);
}

export function toBool(v: Val): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v instanceof StrNum) return v === UNINIT ? false : v.n !== 0;
  return v !== '';
}

export function isNumeric(v: Val): boolean {
  return typeof v === 'number' || v instanceof StrNum;
}

/** POSIX comparison: numeric when both sides are numbers or strnums, else as strings. */
export function compare(a: Val, b: Val, convfmt: string): number {
  if (isNumeric(a) && isNumeric(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
  }
  const x = toStr(a, convfmt);
  const y = toStr(b, convfmt);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A variable: a scalar, or an array once used as one. Function parameters link to the caller's. */
export interface Cell {
  v: Val;
  arr?: Map<string, Val>;
  /** An untyped argument that becomes an array inside a function becomes one for the caller too. */
  parent?: Cell;
}

export function newCell(): Cell {
  return { v: UNINIT };
}
