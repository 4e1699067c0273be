// The shell's set options as bash 5.1 shows them: $-, `set -o`/`set +o`, xtrace's lines, and the
// `NAME: line N:` prefix a non-interactive shell puts before its errors.
import type { ShellState } from './interpreter-state.js';

/** `set -o`'s long names and their letters (bash 5.1's table, in its order). */
const LONG_OPTIONS: [string, string | undefined][] = [
  ['allexport', 'a'],
  ['braceexpand', 'B'],
  ['emacs', undefined],
  ['errexit', 'e'],
  ['errtrace', 'E'],
  ['functrace', 'T'],
  ['hashall', 'h'],
  ['histexpand', 'H'],
  ['history', undefined],
  ['ignoreeof', undefined],
  ['interactive-comments', undefined],
  ['keyword', 'k'],
  ['monitor', 'm'],
  ['noclobber', 'C'],
  ['noexec', 'n'],
  ['noglob', 'f'],
  ['nolog', undefined],
  ['notify', 'b'],
  ['nounset', 'u'],
  ['onecmd', 't'],
  ['physical', 'P'],
  ['pipefail', undefined],
  ['posix', undefined],
  ['privileged', 'p'],
  ['verbose', 'v'],
  ['vi', undefined],
  ['xtrace', 'x'],
];

/** The letter `set -o NAME` sets, or the name itself for an option without a letter. */
export function optionLetter(name: string): string | undefined {
  const entry = LONG_OPTIONS.find(([n]) => n === name);
  if (!entry) return undefined;
  return entry[1] ?? name;
}

/** Letters set -/+ accepts besides o (bash's `set` usage). */
export const SET_LETTERS = 'abefhkmnptuvxBCEHPT';

/** The options on by default in every bash (h, B) and in an interactive one (i, m, H, emacs…). */
function isOn(state: ShellState, name: string, letter: string | undefined): boolean {
  if (letter !== undefined && state.flags.has(letter)) return true;
  if (state.options.has(name)) return true;
  if (name === 'braceexpand' || name === 'hashall' || name === 'interactive-comments') return true;
  if (state.mode === 'interactive') return ['emacs', 'histexpand', 'history', 'monitor'].includes(name);
  return false;
}

/** dash's options (options.h), in its order: `set -o` lists them so, $- shows their letters backwards. */
const DASH_OPTIONS: [string, string | undefined][] = [
  ['errexit', 'e'],
  ['noglob', 'f'],
  ['ignoreeof', 'I'],
  ['interactive', 'i'],
  ['monitor', 'm'],
  ['noexec', 'n'],
  ['stdin', 's'],
  ['xtrace', 'x'],
  ['verbose', 'v'],
  ['vi', 'V'],
  ['emacs', 'E'],
  ['noclobber', 'C'],
  ['allexport', 'a'],
  ['notify', 'b'],
  ['nounset', 'u'],
  ['privileged', 'p'],
  ['nolog', undefined],
  ['debug', undefined],
];

/** busybox ash's optletters_optnames: i, s and c have no long name, so `set -o` leaves them out. */
const ASH_OPTIONS: [string, string | undefined][] = [
  ['errexit', 'e'],
  ['noglob', 'f'],
  ['ignoreeof', 'I'],
  ['', 'i'],
  ['monitor', 'm'],
  ['noexec', 'n'],
  ['', 's'],
  ['', 'c'],
  ['xtrace', 'x'],
  ['verbose', 'v'],
  ['noclobber', 'C'],
  ['allexport', 'a'],
  ['notify', 'b'],
  ['nounset', 'u'],
  ['errtrace', 'E'],
  ['vi', undefined],
  ['pipefail', undefined],
];

/** Whether dash's or ash's option is on: a set letter, pipefail, or how the shell was started. */
function shOptionOn(state: ShellState, name: string, letter: string | undefined): boolean {
  if (letter !== undefined && state.flags.has(letter)) return true;
  if (state.options.has(name)) return true;
  if (letter === 'c') return state.mode === 'command';
  if (letter === 's') return state.mode === 'interactive' || state.readsStdin;
  return state.mode === 'interactive' && (letter === 'i' || letter === 'm');
}

/** `set -o` (a table) or `set +o` (the commands that restore the settings). */
export function listOptions(state: ShellState, restorable: boolean): string {
  if (state.dialect !== 'bash') {
    const table = state.dialect === 'dash' ? DASH_OPTIONS : ASH_OPTIONS;
    const lines = table
      .filter(([name]) => name !== '')
      .map(([name, letter]) => {
        const on = shOptionOn(state, name, letter);
        return restorable ? `set ${on ? '-' : '+'}o ${name}\n` : `${name.padEnd(16)}${on ? 'on' : 'off'}\n`;
      });
    const header = state.dialect === 'dash' && !restorable ? 'Current option settings\n' : '';
    return header + lines.join('');
  }
  return LONG_OPTIONS.map(([name, letter]) => {
    const on = isOn(state, name, letter);
    if (restorable) return `set ${on ? '-' : '+'}o ${name}\n`;
    return `${name.padEnd(15)}\t${on ? 'on' : 'off'}\n`;
  }).join('');
}

/** $-: the set letters in bash's order, h and B always, i m H for a prompt, then s or c. */
export function dollarDash(state: ShellState): string {
  if (state.dialect !== 'bash') {
    const table = state.dialect === 'dash' ? DASH_OPTIONS : ASH_OPTIONS;
    return table
      .filter(([name, letter]) => letter !== undefined && shOptionOn(state, name, letter))
      .map(([, letter]) => letter)
      .reverse()
      .join('');
  }
  const letters = new Set(state.flags);
  letters.add('h');
  letters.add('B');
  if (state.mode === 'interactive') for (const l of 'imH') letters.add(l);
  const order = 'abefhikmnptuvxBCEHPT';
  const tail = state.mode === 'interactive' ? 's' : state.mode === 'command' ? 'c' : '';
  return [...order].filter((l) => letters.has(l)).join('') + tail;
}

const BASH_METAS = /[ \t\n'"\\|&;()<>!{}*[\]?^$`]/;

/** A word as bash's xtrace shows it: bare when safe, else '…', $'…' for control characters. */
export function bashTraceQuote(word: string): string {
  if (word === '') return "''";
  if (/[\x01-\x08\x0b-\x1f\x7f]/.test(word)) return ansiC(word);
  if (!BASH_METAS.test(word) && !/^[~#]/.test(word) && !/[=:]~/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

function ansiC(word: string): string {
  const named: Record<string, string> = {
    '\x07': '\\a',
    '\b': '\\b',
    '\x1b': '\\E',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v',
    "'": "\\'",
    '\\': '\\\\',
  };
  let out = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    if (named[ch] !== undefined) out += named[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `$'${out}'`;
}

/** busybox ash's xtrace quoting (maybe_single_quote): a word with anything but + , - . / digits : @
 * letters ] ^ _ goes in '…', a quote as '"'"'; an empty word shows as nothing. */
export function ashTraceQuote(word: string): string {
  if (/^[+,\-./0-9:@A-Z\]^_a-z]*$/.test(word)) return word;
  return `'${word.replace(/'/g, `'"'"'`)}'`;
}
