// diff's outputs that are programs for another tool rather than text for a reader, as diffutils 3.8
// prints them: -e (an ed script, last change first, so that each command's line numbers still hold
// when ed runs it), -n (RCS's `dN M` / `aN M`, first change first, numbered in the old file) and
// -D NAME (both files merged, the changes between #ifndef/#ifdef, #else and #endif), and the
// function line -p and -F RE put in a hunk's header.
import { range } from './diff-formats.js';
import type { Change, Lines } from './diff-lines.js';

const letter = (c: Change): string => (c.aCount === 0 ? 'a' : c.bCount === 0 ? 'd' : 'c');

/** -e: a file whose lines all end in a newline is what ed reads (diff.ts complains of one that does
 * not). A line that is only `.` would end ed's input: GNU writes `..`, leaves input mode and
 * strips the extra dot with `s/.//`, then goes on appending with `a`. */
export function edScript(b: Lines, changes: Change[]): string {
  let out = '';
  for (const c of [...changes].reverse()) {
    out += `${range(c.a0, c.aCount)}${letter(c)}\n`;
    if (c.bCount === 0) continue;
    let inserting = true;
    for (let i = c.b0; i < c.b0 + c.bCount; i++) {
      if (!inserting) out += 'a\n';
      inserting = true;
      const line = b.lines[i] ?? '';
      if (line === '.') {
        out += '..\n.\ns/.//\n';
        inserting = false;
      } else out += `${line}\n`;
    }
    if (inserting) out += '.\n';
  }
  return out;
}

/** -n: deletions then additions, both in the old file's numbers; lines as they are, so a last line
 * without its newline stays without one. */
export function rcsScript(b: Lines, changes: Change[]): string {
  let out = '';
  for (const c of changes) {
    if (c.aCount > 0) out += `d${c.a0 + 1} ${c.aCount}\n`;
    if (c.bCount === 0) continue;
    out += `a${c.a0 + c.aCount} ${c.bCount}\n`;
    for (let i = c.b0; i < c.b0 + c.bCount; i++) {
      const last = b.noEol && i === b.lines.length - 1;
      out += last ? (b.lines[i] ?? '') : `${b.lines[i]}\n`;
    }
  }
  return out;
}

/** -D NAME: the old file's unchanged lines, each change in its #if group; GNU's default line
 * format (`%l\n`) ends every line with a newline, the last one too. */
export function ifdefMerge(a: Lines, b: Lines, changes: Change[], name: string): string {
  let out = '';
  const lines = (l: Lines, from: number, count: number): void => {
    for (let i = from; i < from + count; i++) out += `${l.lines[i]}\n`;
  };
  let next = 0;
  for (const c of changes) {
    lines(a, next, c.a0 - next);
    if (c.bCount === 0) {
      out += `#ifndef ${name}\n`;
      lines(a, c.a0, c.aCount);
      out += `#endif /* ! ${name} */\n`;
    } else if (c.aCount === 0) {
      out += `#ifdef ${name}\n`;
      lines(b, c.b0, c.bCount);
      out += `#endif /* ${name} */\n`;
    } else {
      out += `#ifndef ${name}\n`;
      lines(a, c.a0, c.aCount);
      out += `#else /* ${name} */\n`;
      lines(b, c.b0, c.bCount);
      out += `#endif /* ${name} */\n`;
    }
    next = c.a0 + c.aCount;
  }
  lines(a, next, a.lines.length - next);
  return out;
}

/** -p, -F RE: for a hunk starting at old line `start`, the last line before it that one of the
 * patterns matches, as print_context_function shows it: leading white space dropped, at most 40
 * characters, trailing white space dropped. */
export function functionLines(a: Lines, patterns: RegExp[]): (start: number) => string | undefined {
  if (patterns.length === 0) return () => undefined;
  return (start) => {
    for (let i = start - 1; i >= 0; i--) {
      const line = a.lines[i] ?? '';
      if (!patterns.some((re) => re.test(line))) continue;
      return line
        .replace(/^[ \t\v\f\r]+/, '')
        .slice(0, 40)
        .replace(/[ \t\v\f\r]+$/, '');
    }
    return undefined;
  };
}
