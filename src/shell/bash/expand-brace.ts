// Brace expansion ({a,b}, {1..5}, {a..e}, {01..10..2}), the first expansion bash does. It works
// on the unquoted literal text of a word: a brace inside quotes or made by $x never expands.
import type { Word, WordPart } from './ast.js';

/** Finds the first expandable `{…}` in s: its bounds and alternatives, or null. */
function findBrace(s: string): { start: number; end: number; alts: string[] } | null {
  for (let start = s.indexOf('{'); start >= 0; start = s.indexOf('{', start + 1)) {
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < s.length; i++) {
      const c = s[i];
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          const body = s.slice(start + 1, i);
          if (commas.length > 0) {
            const alts: string[] = [];
            let from = start + 1;
            for (const k of commas) {
              alts.push(s.slice(from, k));
              from = k + 1;
            }
            alts.push(s.slice(from, i));
            return { start, end: i, alts };
          }
          const seq = sequence(body);
          if (seq) return { start, end: i, alts: seq };
          break;
        }
      } else if (c === ',' && depth === 1) commas.push(i);
    }
  }
  return null;
}

function sequence(body: string): string[] | null {
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  if (num) {
    const [, from = '', to = '', by] = num;
    const a = Number(from);
    const b = Number(to);
    const step = Math.abs(Number(by ?? 1)) || 1;
    const width = /^-?0\d/.test(from) || /^-?0\d/.test(to) ? Math.max(from.length, to.length) : 0;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
      out.push(
        width ? (v < 0 ? `-${String(-v).padStart(width - 1, '0')}` : String(v).padStart(width, '0')) : String(v),
      );
      if (out.length > 10000) break;
    }
    return out;
  }
  const chr = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
  if (chr) {
    const [, from = '', to = ''] = chr;
    const a = from.charCodeAt(0);
    const b = to.charCodeAt(0);
    const step = Math.abs(Number(chr[3] ?? 1)) || 1;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) out.push(String.fromCharCode(v));
    return out;
  }
  return null;
}

/** The words a word's braces expand to (the word itself when it has none). */
export function expandBraces(word: Word, limit = 10000): Word[] {
  // The parser keeps `\{a,b\}` as the same Literal as `{a,b}`; the raw text tells them apart.
  if (!word.text.includes('{') || /\\[{},]/.test(word.text)) return [word];
  const out: Word[] = [];
  const go = (parts: WordPart[]): void => {
    if (out.length >= limit) return;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as WordPart;
      if (p.type !== 'Literal') continue;
      const b = findBrace(p.value);
      if (!b) continue;
      for (const alt of b.alts) {
        const value = p.value.slice(0, b.start) + alt + p.value.slice(b.end + 1);
        go([...parts.slice(0, i), { type: 'Literal', value }, ...parts.slice(i + 1)]);
      }
      return;
    }
    out.push(parts === word.parts ? word : { ...word, parts });
  };
  go(word.parts);
  return out;
}
