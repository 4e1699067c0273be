// What the docker subcommands share: go-units size and duration texts, the daemon-error prefix,
// the typed command signature.
import type { DockerEngine } from '../../../docker/engine/index.js';
import { DaemonError, NotSimulatedError } from '../../../docker/engine/index.js';
import { BudgetExceeded, type FileContent, isKernelError } from '../../../kernel/index.js';
import type { CommandContext } from '../../command.js';
import { BrokenPipe } from '../../pipe.js';
import {
  CliError,
  checkArgs,
  HELP_SHORTHAND_DEPRECATED,
  helpText,
  parseFlags,
  type CommandDef,
  type Parsed,
} from './flags.js';

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
  if (e instanceof NotSimulatedError) return e.message;
  if (e instanceof DaemonError) return `Error response from daemon: ${e.message}`;
  return `Error response from daemon: ${e instanceof Error ? e.message : String(e)}`;
}

/**
 * The CLI's loop over several containers (stop, rm, kill, pause, unpause, restart): each name on
 * stdout as it succeeds, the errors gathered and printed together at the end, as the one error
 * the command returns. `inline` picks errors printed where they happen and not counted (rm -f of
 * a missing container); `text` words an error (the client's own "Error: No such container: x").
 */
export async function forEachRef(
  ctx: CommandContext,
  refs: string[],
  fn: (ref: string) => unknown,
  opts: { inline?: (e: unknown) => boolean; text?: (e: unknown, ref: string) => string } = {},
): Promise<number> {
  const errs: string[] = [];
  for (const ref of refs) {
    try {
      await fn(ref);
      ctx.stdout(`${ref}\n`);
    } catch (e) {
      if (e instanceof BudgetExceeded || e instanceof BrokenPipe) throw e;
      const text = opts.text?.(e, ref) ?? daemonMessage(e);
      if (opts.inline?.(e)) ctx.stderr(`${text}\n`);
      else errs.push(text);
    }
  }
  if (errs.length) ctx.stderr(`${errs.join('\n')}\n`);
  return errs.length ? 1 : 0;
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
    if (p.helpShorthand) ctx.stdout(HELP_SHORTHAND_DEPRECATED);
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
      ctx.stderr(unmodelledFlag(e.message, sub.def.path, help) ?? e.message);
      return e.code;
    }
    // Anything else (a learner removed a layer dir by hand, say) is an error the daemon reports.
    ctx.stderr(`${daemonMessage(e)}\n`);
    return 1;
  }
}

/** A flag the command's real 20.10 help lists but the simulator does not parse is not "unknown":
 * Docker has it. Said so, as for a command the tutor does not model (the line changes nothing). */
export function unmodelledFlag(message: string, path: string, help: string): string | undefined {
  const m = /^unknown flag: --([\w-]+)\n|^unknown shorthand flag: '(\w)' in /.exec(message);
  if (!m) return undefined;
  const listed =
    m[1] !== undefined ? new RegExp(`^\\s+(-\\w, )?--${m[1]} `, 'm') : new RegExp(`^\\s+-${m[2]}, --`, 'm');
  if (!listed.test(help)) return undefined;
  const flag = m[1] !== undefined ? `--${m[1]}` : `-${m[2]}`;
  return (
    `docker ${path}: the ${flag} flag is not simulated here (Docker 20.10 has it; this tutor's ` +
    'daemon does not model it), so nothing was done.\n'
  );
}

export const enc = new TextEncoder();

/** Go's os.Stat as the CLI sees the host: undefined when nothing is there (ENOENT), Go's error text
 * for any other failure ("stat /f/x: not a directory"). */
function statOrError(ctx: CommandContext, path: string) {
  try {
    return ctx.proc.stat(path);
  } catch (e) {
    if (isKernelError(e) && e.code === 'ENOENT') return undefined;
    if (isKernelError(e) && e.code === 'ENOTDIR') return `stat ${path}: not a directory`;
    throw e;
  }
}

/** Go's filepath.Clean. */
export function goClean(path: string): string {
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part !== '..' || !rooted) out.push(part);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** Go's filepath.Dir. */
export function goDir(path: string): string {
  const i = path.lastIndexOf('/');
  return goClean(i < 0 ? '.' : path.slice(0, i + 1));
}

/** command.ValidateOutputPath (cp, export -o, save -o): the destination's directory must exist, and
 * a destination that is there must be a directory or a regular file. The error text, or undefined. */
export function outputPathError(ctx: CommandContext, path: string): string | undefined {
  const dir = goDir(goClean(path));
  if (dir !== '.' && statOrError(ctx, dir) === undefined)
    return `invalid output path: directory ${JSON.stringify(dir)} does not exist`;
  const st = path === '' ? undefined : statOrError(ctx, path);
  if (typeof st === 'string') return st;
  if (st && st.type !== 'dir' && st.type !== 'file') {
    const what = st.type === 'chr' || st.type === 'blk' ? 'got a device' : 'got an irregular file';
    return `invalid output path: ${JSON.stringify(path)} must be a directory or a regular file: ${what}`;
  }
  return undefined;
}

let tempFiles = 0;

/** command.CopyToFile (export -o, save -o): a temp file in the destination's directory (0600, as
 * Go's os.CreateTemp makes it) renamed over the destination, so the archive is 0600 whatever was
 * there. */
export function copyToFile(ctx: CommandContext, path: string, content: FileContent): void {
  const tmp = `${goDir(path)}/.docker_temp_${++tempFiles}`;
  ctx.proc.writeContent(tmp, content, 0o600);
  try {
    ctx.proc.rename(tmp, path);
  } catch (e) {
    ctx.proc.unlink(tmp);
    throw e;
  }
}
