// What the docker subcommands share: go-units size and duration texts, the daemon-error prefix,
// the typed command signature.
import type { DockerEngine } from '../../../docker/engine/index.js';
import { DaemonError } from '../../../docker/engine/index.js';
import { BudgetExceeded } from '../../../kernel/index.js';
import type { CommandContext } from '../../command.js';
import { BrokenPipe } from '../../pipe.js';
import { CliError, checkArgs, helpText, parseFlags, type CommandDef, type Parsed } from './flags.js';

export type Sub = (ctx: CommandContext, d: DockerEngine, p: Parsed) => number | Promise<number>;

export interface SubCommand {
  def: CommandDef;
  run: Sub;
}

export { humanSize } from '../../../docker/go-units.js';

/** go-units HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(ms / 3_600_000);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(ms / 3_600_000 / 24 / 365)} years`;
}

/** stringutils.Ellipsis: cut to maxlen runes, the last one "…". */
export function ellipsis(s: string, max: number): string {
  const r = [...s];
  return r.length <= max ? s : `${r.slice(0, max - 1).join('')}…`;
}

/** Go's time.Time String() for CreatedAt columns: "2023-08-04 04:53:23 +0000 UTC". */
export function goTimeString(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

export function daemonMessage(e: unknown): string {
  if (e instanceof DaemonError) return `Error response from daemon: ${e.message}`;
  return `Error response from daemon: ${e instanceof Error ? e.message : String(e)}`;
}

/** Runs a subcommand: flags, --help, argument counts, then the body. */
export async function runSub(
  ctx: CommandContext,
  d: DockerEngine,
  sub: SubCommand,
  args: string[],
  help = helpText(sub.def),
): Promise<number> {
  try {
    const p = parseFlags(sub.def, args);
    if (p.bools.has('help')) {
      ctx.stdout(help);
      return 0;
    }
    checkArgs(sub.def, p.operands.length);
    return await sub.run(ctx, d, p);
  } catch (e) {
    // Ctrl-C or the line's budget (src/kernel/budget.ts): the line stops, not as a daemon error.
    if (e instanceof BudgetExceeded || e instanceof BrokenPipe) throw e;
    if (e instanceof CliError) {
      ctx.stderr(e.message);
      return e.code;
    }
    // Anything else (a learner removed a layer dir by hand, say) is an error the daemon reports.
    ctx.stderr(`${daemonMessage(e)}\n`);
    return 1;
  }
}

export const enc = new TextEncoder();
