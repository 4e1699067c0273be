// `docker … --help`: the texts the 20.10 CLI prints (help-texts.ts, recorded from it), with a
// management command's lists of subcommands written from the command table.
import { DOCKER_HELP } from './help-texts.js';

/** A second name's help: the first one's text under its own path, without the Aliases block. */
export function helpAlias(text: string, from: string, to: string): string {
  return text
    .split(`docker ${from} `)
    .join(`docker ${to} `)
    .replace(/\nAliases:\n.*\n/, '');
}

export interface HelpEntry {
  name: string;
  summary: string;
  subcommands?: readonly HelpEntry[];
}

/** cobra's command list: the name padded to the longest (at least 11), then the summary. */
function list(entries: readonly HelpEntry[]): string {
  const pad = Math.max(11, ...entries.map((e) => e.name.length));
  return [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((e) => `  ${e.name.padEnd(pad)} ${e.summary}`)
    .join('\n');
}

/** What `docker <path> --help` prints; undefined for a path Docker 20.10 does not have. */
export function dockerHelp(path: readonly string[], entry: HelpEntry | undefined): string | undefined {
  const key = path.join(' ');
  const text = DOCKER_HELP[key];
  if (text === undefined) return undefined;
  if (text.startsWith('=')) {
    const from = text.slice(1);
    const target = DOCKER_HELP[from];
    if (target === undefined) throw new Error(`docker ${key} --help points at ${from}, which has no help`);
    return helpAlias(target, from, key);
  }
  const subs = entry?.subcommands ?? [];
  return text
    .replace('@management', list(subs.filter((s) => s.subcommands)))
    .replace('@commands', list(subs.filter((s) => !s.subcommands)));
}
