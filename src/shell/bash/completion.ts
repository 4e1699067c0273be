// Tab completion for the prompt: command names in command position, a command's flags after a
// dash, docker's subcommands, image names and container names where docker takes them, and
// otherwise paths on the simulated disk (directories with a trailing slash), as bash's
// programmable completion does for these commands.
import type { Proc } from '../../kernel/index.js';
import { ALL_BUILTINS } from './builtins-eval-and-lookup.js';
import type { CommandSpec } from '../command.js';
import { DOCKER_COMMANDS, findCommand } from '../commands/docker/command-table.js';

export interface CompletionSources {
  commands: readonly CommandSpec[];
  /** The process whose root and cwd paths are completed against. */
  proc: Proc;
  /** Image references ("ubuntu:20.04") and container names, when the host has docker. */
  docker?: { images(): string[]; containers(): string[] };
}

export interface Completion {
  /** Where the word being completed starts in the line. */
  from: number;
  /** Every candidate, sorted. */
  candidates: string[];
  /** The longest text all candidates share: what Tab inserts at once. */
  common: string;
}

const SEPARATORS = new Set(['|', ';', '&&', '||', '&', '(', '$(', '`']);

function commonPrefix(words: string[]): string {
  let p = words[0];
  if (p === undefined) return '';
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** The words of the simple command the cursor is in, and where the last one starts. */
function currentCommand(before: string): { words: string[]; from: number } {
  const tokens: Array<{ text: string; start: number }> = [];
  const re = /\$\(|&&|\|\||[|;&()`]|(?:[^\s|;&()`'"\\]|\\.|'[^']*'?|"(?:[^"\\]|\\.)*"?)+/g;
  for (const m of before.matchAll(re)) tokens.push({ text: m[0], start: m.index ?? 0 });
  let i = tokens.length;
  while (i > 0 && !SEPARATORS.has((tokens[i - 1] as { text: string }).text)) i--;
  const words = tokens.slice(i).map((t) => t.text);
  const endsInSpace = before === '' || /\s$/.test(before) || SEPARATORS.has(tokens.at(-1)?.text ?? '');
  if (endsInSpace) return { words: [...words, ''], from: before.length };
  return { words, from: (tokens.at(-1) as { start: number }).start };
}

function paths(proc: Proc, word: string, dirsOnly = false): string[] {
  const slash = word.lastIndexOf('/');
  const dirPart = slash < 0 ? '' : word.slice(0, slash + 1);
  const base = slash < 0 ? word : word.slice(slash + 1);
  const dir = dirPart === '' ? '.' : dirPart.replace(/^~\//, '/root/');
  try {
    return proc
      .readdir(dir)
      .filter((e) => e.name.startsWith(base) && (base.startsWith('.') || !e.name.startsWith('.')))
      .map((e) => {
        let isDir = e.type === 'dir';
        if (e.type === 'symlink') {
          try {
            isDir = proc.stat(`${dir}/${e.name}`).type === 'dir';
          } catch {
            isDir = false;
          }
        }
        return { name: e.name, isDir };
      })
      .filter((e) => !dirsOnly || e.isDir)
      .map((e) => `${dirPart}${e.name}${e.isDir ? '/' : ''}`);
  } catch {
    return [];
  }
}

/** After `docker`: commands from the CLI's command table, then what the command takes. */
function dockerCandidates(
  operands: string[],
  word: string,
  docker: NonNullable<CompletionSources['docker']>,
): string[] | undefined {
  const { entry, depth } = findCommand(operands);
  const names = (list: readonly { name: string }[]): string[] =>
    list.map((c) => c.name).filter((n) => n.startsWith(word));
  if (!entry) return operands.length === 0 ? names(DOCKER_COMMANDS) : undefined;
  if (entry.subcommands) return depth === operands.length ? names(entry.subcommands) : undefined;
  const images = (): string[] => docker.images().filter((i) => i.startsWith(word));
  const containers = (): string[] => docker.containers().filter((c) => c.startsWith(word));
  if (entry.operand === 'image') return depth === operands.length ? images() : undefined;
  if (entry.operand === 'container') return containers();
  if (entry.operand === 'any') return [...containers(), ...images()];
  return undefined;
}

export function complete(line: string, cursor: number, src: CompletionSources): Completion {
  const before = line.slice(0, cursor);
  const { words, from } = currentCommand(before);
  const word = words.at(-1) ?? '';
  let candidates: string[];
  if (words.length === 1 && !word.includes('/')) {
    const names = new Set([...src.commands.map((c) => c.name), ...ALL_BUILTINS.keys()]);
    candidates = [...names].filter((n) => n.startsWith(word));
  } else if (word.startsWith('-')) {
    const spec = src.commands.find((c) => c.name === words[0]);
    candidates = (spec?.flags ?? []).filter((f) => f.startsWith(word));
  } else if (words[0] === 'docker' && src.docker) {
    candidates =
      dockerCandidates(
        words.slice(1, -1).filter((w) => !w.startsWith('-')),
        word,
        src.docker,
      ) ?? paths(src.proc, word);
  } else {
    candidates = paths(src.proc, word, words[0] === 'cd');
  }
  candidates = [...new Set(candidates)].sort();
  return { from, candidates, common: commonPrefix(candidates) };
}
