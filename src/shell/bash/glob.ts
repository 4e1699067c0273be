// Shell patterns: matching (case, ${x#pat}, [[ == ]], find -name) and pathname expansion against
// the simulated filesystem. Patterns are translated to RegExps once and cached.
import type { Proc } from '../../kernel/index.js';

const cache = new Map<string, RegExp>();

/** A bracket expression starting at pattern[i] ('['), as a RegExp class, and where it ends. */
function bracket(pattern: string, i: number): { re: string; end: number } | null {
  let j = i + 1;
  let negate = false;
  if (pattern[j] === '!' || pattern[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let first = true;
  while (j < pattern.length) {
    const c = pattern.charAt(j);
    if (c === ']' && !first) return { re: `[${negate ? '^' : ''}${body}]`, end: j };
    first = false;
    if (c === '[' && pattern[j + 1] === ':') {
      const close = pattern.indexOf(':]', j + 2);
      if (close > 0) {
        const cls = pattern.slice(j + 2, close);
        const map: Record<string, string> = {
          alpha: 'a-zA-Z',
          digit: '0-9',
          alnum: 'a-zA-Z0-9',
          upper: 'A-Z',
          lower: 'a-z',
          space: '\\s',
          xdigit: '0-9a-fA-F',
          punct: '!-\\/:-@\\[-`{-~',
          blank: ' \\t',
        };
        body += map[cls] ?? '';
        j = close + 2;
        continue;
      }
    }
    if (c === '\\' && j + 1 < pattern.length) {
      body += `\\${pattern[j + 1]}`;
      j += 2;
      continue;
    }
    body += /[\]\\^-]/.test(c) && c !== '-' ? `\\${c}` : c;
    j++;
  }
  return null;
}

/** The RegExp source of a shell pattern (whole-string semantics are the caller's). */
export function patternSource(pattern: string): string {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '*') re += '[^]*';
    else if (c === '?') re += '[^]';
    else if (c === '[') {
      const b = bracket(pattern, i);
      if (b) {
        re += b.re;
        i = b.end;
      } else re += '\\[';
    } else if (c === '\\' && i + 1 < pattern.length) {
      re += escapeRe(pattern.charAt(i + 1));
      i++;
    } else re += escapeRe(c);
  }
  return re;
}

function escapeRe(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function matchPattern(pattern: string, text: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(`^${patternSource(pattern)}$`, 'u');
    if (cache.size > 2000) cache.clear();
    cache.set(pattern, re);
  }
  return re.test(text);
}

/** Quotes a literal string so that it matches only itself as a pattern. */
export function quotePattern(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && bracket(pattern, i)) return true;
  }
  return false;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/**
 * Pathname expansion: the sorted matches of a pattern (backslash-quoted literals), or [] when
 * nothing matches (the caller then keeps the word, as bash without nullglob does).
 */
export function expandPathname(pattern: string, proc: Proc): string[] {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let bases: string[] = [absolute ? '/' : ''];
  const comps = absolute ? parts.slice(1) : parts;
  for (const [ci, comp] of comps.entries()) {
    const last = ci === comps.length - 1;
    const next: string[] = [];
    for (const base of bases) {
      const join = (name: string): string =>
        base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`;
      if (!hasGlobChars(comp)) {
        const p = join(unescape(comp));
        if (last ? proc.exists(p) || isLink(proc, p) : isDir(proc, p)) next.push(p);
        continue;
      }
      let names: string[];
      try {
        names = proc.readdir(base === '' ? '.' : base).map((e) => e.name);
      } catch {
        continue;
      }
      const dotOk = comp.startsWith('.') || comp.startsWith('\\.');
      for (const name of names.sort(compareNames)) {
        if (name.startsWith('.') && !dotOk) continue;
        if (!matchPattern(comp, name)) continue;
        const p = join(name);
        if (last || isDir(proc, p)) next.push(p);
      }
    }
    bases = next;
    if (bases.length === 0) return [];
  }
  if (pattern.endsWith('/')) bases = bases.map((b) => `${b}/`);
  return bases;
}

function isDir(proc: Proc, p: string): boolean {
  try {
    return proc.stat(p).type === 'dir';
  } catch {
    return false;
  }
}

function isLink(proc: Proc, p: string): boolean {
  try {
    proc.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** The order of `ls` and glob results in the C/POSIX locale: bytewise. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
