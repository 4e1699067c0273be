// diff's options: GNU diffutils 3.8's table (what is not modelled says so), busybox 1.35's, which
// output format they ask for, and how lines compare under -i, -b, -w, -Z.
import type { LineCompare } from './diff-lines.js';

export type DiffFormat = 'normal' | 'unified' | 'context' | 'side-by-side' | 'ed' | 'rcs' | 'ifdef';

/** GNU diff 3.8's options; what is not modelled says so rather than printing another diff. */
export const GNU_OPTIONS = {
  short: 'qscuenyptTlrNiEZbwBadv',
  shortArg: 'CUWFxXSIDL',
  long: {
    normal: 'normal',
    brief: 'q',
    'report-identical-files': 's',
    context: 'c',
    'context=': 'C',
    unified: 'u',
    'unified=': 'U',
    ed: 'e',
    rcs: 'n',
    'side-by-side': 'y',
    'width=': 'W',
    'left-column': 'left-column',
    'suppress-common-lines': 'suppress-common-lines',
    'show-c-function': 'p',
    'show-function-line=': 'F',
    'label=': 'L',
    'expand-tabs': 't',
    'initial-tab': 'T',
    'tabsize=': 'tabsize',
    'suppress-blank-empty': 'suppress-blank-empty',
    paginate: 'l',
    recursive: 'r',
    'no-dereference': 'no-dereference',
    'new-file': 'N',
    'unidirectional-new-file': 'unidirectional-new-file',
    'ignore-file-name-case': 'ignore-file-name-case',
    'no-ignore-file-name-case': 'no-ignore-file-name-case',
    'exclude=': 'x',
    'exclude-from=': 'X',
    'starting-file=': 'S',
    'from-file=': 'from-file',
    'to-file=': 'to-file',
    'ignore-case': 'i',
    'ignore-tab-expansion': 'E',
    'ignore-trailing-space': 'Z',
    'ignore-space-change': 'b',
    'ignore-all-space': 'w',
    'ignore-blank-lines': 'B',
    'ignore-matching-lines=': 'I',
    text: 'a',
    'strip-trailing-cr': 'strip-trailing-cr',
    'ifdef=': 'D',
    'line-format=': 'line-format',
    'old-line-format=': 'line-format',
    'new-line-format=': 'line-format',
    'unchanged-line-format=': 'line-format',
    'old-group-format=': 'group-format',
    'new-group-format=': 'group-format',
    'changed-group-format=': 'group-format',
    'unchanged-group-format=': 'group-format',
    minimal: 'd',
    'horizon-lines=': 'horizon-lines',
    'speed-large-files': 'speed-large-files',
    color: 'color',
    'color=': 'color',
    'palette=': 'palette',
    version: 'v',
  },
};
export const GNU_MODELLED = new Set(
  ['normal', 'q', 's', 'c', 'C', 'u', 'U', 'y', 'W', 'left-column', 'suppress-common-lines', 'L', 't', 'T', 'r'].concat(
    ['N', 'S', 'i', 'Z', 'b', 'w', 'B', 'a', 'd', 'color', 'e', 'n', 'D', 'p', 'F', 'I', 'x', 'X'],
    // Heuristics of the search only: the small files of a tutorial diff the same with them.
    ['horizon-lines', 'speed-large-files', 'unidirectional-new-file'],
  ),
);
export const GNU_MODELLED_TEXT =
  '-u, -c, -y, -e, -n, -D, -q, -r, -x, -X, -N, --unidirectional-new-file, -S, -s, -a, -i, -b, -w, -Z, -B, ' +
  '-I, -p, -F, -t, -T, -U, -C, -W, ' +
  '--color and --label are';
/** busybox 1.35's diff: unified output only. */
export const BUSYBOX_OPTIONS = { short: 'uabBdiNqrTstw', shortArg: 'LSU' }; // -u: unified, as it always is

/** The output style the options ask for, or GNU's complaint about two of them. */
export function outputFormat(opts: [string, string][]): DiffFormat | 'conflict' {
  const FORMAT: Record<string, DiffFormat> = {
    normal: 'normal',
    c: 'context',
    C: 'context',
    u: 'unified',
    U: 'unified',
    y: 'side-by-side',
    e: 'ed',
    n: 'rcs',
    D: 'ifdef',
  };
  const asked = new Set(opts.map(([k]) => FORMAT[k]).filter((x) => x !== undefined));
  if (asked.size > 1) return 'conflict';
  // -p asks for the context format when no other was asked for (-F does not).
  return [...asked][0] ?? (opts.some(([k]) => k === 'p') ? 'context' : 'normal');
}

/** A word of the `diff -r …` line, quoted as gnulib's shell style quotes it. */
export const shellWord = (w: string): string =>
  /[\s!"#$&'()*;<=>?[\\^`{|}~]/.test(w) ? `'${w.replace(/'/g, `'\\''`)}'` : w;

export function lineCompare(f: Map<string, string>): LineCompare {
  const steps: ((line: string) => string)[] = [];
  if (f.has('i')) steps.push((l) => l.toLowerCase());
  if (f.has('w')) steps.push((l) => l.replace(/[ \t\v\f\r]+/g, ''));
  else if (f.has('b')) steps.push((l) => l.replace(/[ \t\v\f\r]+$/, '').replace(/[ \t\v\f\r]+/g, ' '));
  else if (f.has('Z')) steps.push((l) => l.replace(/[ \t\v\f\r]+$/, ''));
  if (steps.length === 0) return {};
  return { norm: (l) => steps.reduce((x, step) => step(x), l), spaceBlind: f.has('w') || f.has('b') };
}
