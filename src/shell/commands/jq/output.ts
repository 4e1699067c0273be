// Puts back what jq-wasm changes in jq's output, for src/shell/commands/jq/index.ts. jq-wasm trims stdout and
// stderr, and names stdin "/dev/stdin" (it hands jq the input as that file).
import type { ParsedJqArgs } from './args.js';

/** The part of `text` before its first non-whitespace character, as String#trim sees it. */
export function leadingSpace(text: string): string {
  return /^\s*/.exec(text)![0];
}

/** The part of `text` after its last non-whitespace character. */
export function trailingSpace(text: string): string {
  return /\s*$/.exec(text)![0];
}

/**
 * Puts back the whitespace jq-wasm trimmed from raw (-r, -j, --raw-output0) output. `values` are
 * the filter's outputs, from a compact JSON run. Each output is written as its raw text (a string)
 * or as JSON, whose first and last characters are never whitespace, then `sep`. Returns null when
 * the two runs disagree.
 */
export function restoreRaw(trimmed: string, values: unknown[], p: ParsedJqArgs): string | null {
  const pieces = values.map((v) =>
    typeof v === 'string' && !p.ascii ? { text: v + p.sep } : { text: null, sep: p.sep },
  );
  let lead = '';
  for (const piece of pieces) {
    if (piece.text === null) break;
    const space = leadingSpace(piece.text);
    lead += space;
    if (space.length < piece.text.length) break;
  }
  let trail = '';
  for (const piece of pieces.toReversed()) {
    if (piece.text === null) {
      trail = trailingSpace(piece.sep) + trail;
      break;
    }
    const space = trailingSpace(piece.text);
    trail = space + trail;
    if (space.length < piece.text.length) break;
  }
  if (trimmed === '') {
    // Nothing but whitespace was written: then every output was a string, all of them known.
    if (pieces.some((piece) => piece.text === null || piece.text.trim() !== '')) return null;
    return pieces.map((piece) => piece.text).join('');
  }
  const full = lead + trimmed + trail;
  return full.trim() === trimmed ? full : null;
}

/** The options of a compact JSON run that yields the same values as the raw run. */
export function jsonRunOptions(p: ParsedJqArgs): string[] {
  const drop = new Set(['--raw-output', '--join-output', '--raw-output0', '--tab', '--indent', '--color-output']);
  return [...p.options.filter((o) => !drop.has(o[0])).flat(), '-c'];
}

/** The values of a compact run's output (one JSON text a line, after RS with --seq). */
export function splitJsonLines(text: string, seq: boolean): unknown[] | null {
  if (text === '') return [];
  try {
    return text.split('\n').map((line) => JSON.parse(seq ? line.replace(/^\x1e/, '') : line));
  } catch {
    return null;
  }
}

/**
 * jq-wasm reads its input as the file /dev/stdin, so jq's "jq: error (at /dev/stdin:N): ..." lines
 * name it. Put back "<stdin>", or, when the input came from file operands (read as one stream),
 * the file that line N falls in and the line within it.
 */
export function restoreLocations(stderr: string, files: readonly { path: string; text: string }[] | null): string {
  return stderr.replace(/^jq: error \(at \/dev\/stdin:(\d+)\)/gm, (_m, lineText: string) => {
    if (files === null || files.length === 0) return `jq: error (at <stdin>:${lineText})`;
    let line = Number(lineText);
    for (const [k, file] of files.entries()) {
      const lines = file.text.split('\n').length - 1;
      if (line <= lines || k === files.length - 1) return `jq: error (at ${file.path}:${line})`;
      line -= lines;
    }
    return `jq: error (at <stdin>:${lineText})`;
  });
}
