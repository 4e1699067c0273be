// The reference solution tried on a copy of the learner's host before it is shown: a solution
// written for the state the lesson expects can fail in the state the learner made (`docker run
// --name web` when a `web` is already running). The copy is the host rebuilt from its seed and
// the command log, as undo rebuilds it, so the learner's host is never touched. When the
// solution fails, the failing command's own error names what is in the way (Docker's messages
// name the container; coreutils name the path), and each command that could clear it is tried on
// a fresh copy: only one that then lets the solution complete the step is offered.
import type { SimHost } from '../host/sim-host.js';
import type { CommandIO, CommandTrace } from '../shell/command.js';
import { emptyRecord, traceInto } from './checks.js';

/** One line run on a copy, with its exit status and everything it printed. */
export interface TrialLine {
  line: string;
  exit: number;
  output: string;
  /** The commands it ran (in pipelines, $(…), docker exec …), as the checks see them. */
  commands: CommandTrace[];
}

export type Trial = { kind: 'ok' } | { kind: 'blocked'; line: string; said: string } | { kind: 'not-enough' };

/** What the learner is told before the solution runs, and what the solution then runs first. */
export type Diagnosis =
  | { kind: 'ok' }
  | { kind: 'blocked' | 'not-enough'; line?: string; said?: string; wayOut?: string };

/** Runs `lines` on `host` (a copy), stopping at the first that fails; `passes` judges the end. */
export async function tryLines(
  host: SimHost,
  lines: readonly string[],
  passes: (ran: TrialLine[]) => boolean,
): Promise<Trial> {
  const ran: TrialLine[] = [];
  for (const line of lines) {
    let output = '';
    const dec = new TextDecoder();
    const add = (d: string | Uint8Array) => void (output += typeof d === 'string' ? d : dec.decode(d));
    const io: CommandIO = {
      stdin: new Uint8Array(0),
      stdout: add,
      stderr: add,
      stdinIsTerminal: false,
      stdoutIsTerminal: false,
    };
    const traced = emptyRecord();
    const untrace = traceInto(host, traced);
    const r = await host.session.run(line, io);
    untrace();
    ran.push({ line, exit: r.exitCode, output, commands: traced.commands });
    if (r.exitCode !== 0) return { kind: 'blocked', line, said: output.trim() };
  }
  return passes(ran) ? { kind: 'ok' } : { kind: 'not-enough' };
}

/** Commands that could clear what an error names: a container in the way, one that must stop
 * or start first, a path that exists. The caller tries each before offering it. */
export function wayOutCandidates(said: string, nameOf: (idOrName: string) => string): string[] {
  const out: string[] = [];
  const add = (c: string) => {
    if (!out.includes(c)) out.push(c);
  };
  // docker: Error response from daemon: Conflict. The container name "/web" is already in use …
  for (const m of said.matchAll(/container name "\/([\w.-]+)" is already in use/g)) add(`docker rm -f ${m[1]}`);
  // … image is being used by running container 1a2b…; container 1a2b… is using its referenced image …
  for (const [, id = ''] of said.matchAll(/(?:(?:running|stopped) container|container) ([0-9a-f]{12,64})\b/g))
    add(`docker rm -f ${nameOf(id)}`);
  // You cannot remove a running container 1a2b…. Stop the container before attempting removal …
  for (const [, id = ''] of said.matchAll(/cannot remove a running container ([0-9a-f]{12,64})/g))
    add(`docker stop ${nameOf(id)}`);
  // Error response from daemon: Container 1a2b… is not running
  for (const [, id = ''] of said.matchAll(/Container ([0-9a-f]{12,64}) is not running/g))
    add(`docker start ${nameOf(id)}`);
  // mkdir: cannot create directory '/x': File exists; ln: failed to create … '/x': File exists
  for (const m of said.matchAll(/'([^']+)': File exists/g)) add(`rm -rf '${m[1]}'`);
  return out;
}
