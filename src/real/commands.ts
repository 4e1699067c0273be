// The real-host mode's commands: `overlay-tutor preflight` and `overlay-tutor replay FILE --real`.
// Each starts with the preflight; when the mode cannot run it shows one screen saying what is
// missing and what would work, and exits 2.
import { release } from 'node:os';
import type { HostTime } from '../host/host-time.js';
import { localeIsAscii } from '../i18n/index.js';
import { reportNotes } from './compare.js';
import { type Preflight, decidePreflight, renderCannotRun, renderPreflight, wrapText } from './preflight.js';
import { defaultDaemonDir, type PrivateDaemon, startPrivateDaemon } from './private-daemon.js';
import { KERNEL_SANDBOX } from './kernel-sandbox.js';
import { probeHost } from './probe.js';
import { readScriptFile, realCopyInProblem, replayOnBoth, writeReport } from './replay.js';
import { isSessionTranscript, transcriptScript } from './replay-transcript.js';
import { loadLessons } from '../io/lessons-source.js';

type Write = (s: string) => void;

export async function preflightHere(): Promise<Preflight> {
  return decidePreflight(await probeHost(defaultDaemonDir()));
}

/** `overlay-tutor preflight`: the table; 0 when some real-host mode can run, else 2. */
export async function runPreflight(out: Write = (s) => process.stdout.write(s)): Promise<number> {
  const p = await preflightHere();
  out(renderPreflight(p, localeIsAscii(process.env)));
  return p.modes.some((m) => m.usable) ? 0 : 2;
}

/** What the tutor's `--real` says on a machine without dockerd that can run the kernel lessons. */
export const KERNEL_ONLY =
  '\nNo dockerd here: the kernel lessons (about overlay itself) run on the real kernel, each in a mount ' +
  'namespace of its own with no Docker at all; the others run on the simulator (they need dockerd: ' +
  'apt-get install docker.io).\n\n';

/** What the tutor's `--real=kernel` says: the kernel lessons alone run for real, as asked. */
export const KERNEL_ASKED =
  '\n--real=kernel: the kernel lessons (about overlay itself) run on the real kernel, each in a mount ' +
  'namespace of its own with no Docker at all; the others run on the simulator (`--real` runs them on ' +
  'a private dockerd).\n\n';

/** The preflight for the private daemon, its table written; a string is the screen saying it cannot
 * run. With `kernelToo` (the tutor's lessons), a machine that can run the kernel lessons alone passes,
 * and is told so; with `kernelOnly` (the tutor's --real=kernel), those alone are asked for. */
export async function privatePreflight(
  out: Write,
  o: { kernelToo?: boolean; kernelOnly?: boolean } = {},
): Promise<string | undefined> {
  const p = await preflightHere();
  const ascii = localeIsAscii(process.env);
  const usable = (m: string) => p.modes.find((v) => v.mode === m)?.usable === true;
  if (o.kernelOnly && !usable('kernel')) return renderCannotRun(p, 'kernel', ascii);
  if (!usable('private') && !(o.kernelToo && usable('kernel'))) return renderCannotRun(p, 'private', ascii);
  out(renderPreflight(p, ascii));
  if (o.kernelOnly) out(KERNEL_ASKED);
  else if (!usable('private')) out(KERNEL_ONLY);
  return undefined;
}

/** Which real host `sandbox --real` opens, and what the preflight says of it: the private dockerd, or
 * a kernel lab — asked for (`--real=kernel`), or where no dockerd can start here. `cannot`: the screen
 * saying that the mode asked for cannot run. */
export function sandboxChoice(
  p: Preflight,
  wanted: 'private' | 'kernel',
  ascii = false,
): { on: 'private' | 'kernel'; said: string } | { cannot: string } {
  const verdict = (m: string) => p.modes.find((v) => v.mode === m);
  const privateOk = verdict('private')?.usable === true;
  const kernelOk = verdict('kernel')?.usable === true;
  if (wanted === 'kernel' ? !kernelOk : !privateOk && !kernelOk) return { cannot: renderCannotRun(p, wanted, ascii) };
  const said = (text: string) => `${renderPreflight(p, ascii)}\n${wrapText(text, 79).join('\n')}\n\n`;
  if (wanted === 'private' && privateOk)
    return { on: 'private', said: said('The sandbox: a private dockerd the tutor starts (--real).') };
  const why =
    wanted === 'kernel'
      ? '--real=kernel'
      : `no private dockerd can start here: ${(verdict('private')?.reasons ?? []).join('; ')}`;
  return {
    on: 'kernel',
    said: said(`The sandbox: the real kernel alone, no Docker (${why}). It is ${KERNEL_SANDBOX}.`),
  };
}

/** `sandboxChoice` on this machine, what it says written to `out`; a string is the screen saying it cannot run. */
export async function sandboxPreflight(
  out: Write,
  wanted: 'private' | 'kernel',
): Promise<'private' | 'kernel' | string> {
  const choice = sandboxChoice(await preflightHere(), wanted, localeIsAscii(process.env));
  if ('cannot' in choice) return choice.cannot;
  out(choice.said);
  return choice.on;
}

/** Starts the private daemon after a preflight that allows it (unless `preflightShown`: passed
 * already); a string is the screen to show. */
export async function privateDaemonOrScreen(
  out: Write,
  o: { preflightShown?: boolean; keepImages?: boolean } = {},
): Promise<PrivateDaemon | string> {
  if (!o.preflightShown) {
    const cannot = await privatePreflight(out);
    if (cannot) return cannot;
  }
  out("Starting the tutor's private dockerd ...\n");
  const d = await startPrivateDaemon(o.keepImages ? { keepImages: true } : {});
  if (typeof d === 'string') return `The tutor's private dockerd did not start: ${d}\n`;
  if (d.stale.foundPidfile)
    out(
      'Cleaned up after an earlier run that did not stop: ' +
        `${d.stale.killedPid ? `killed dockerd ${d.stale.killedPid}, ` : ''}` +
        `${d.stale.killedOthers} other processes, ${d.stale.unmounted.length} mounts.\n`,
    );
  out(`Private dockerd ${d.version} (API ${d.apiVersion}) under ${d.dir}\n\n`);
  return d;
}

export interface ReplayArgs {
  file: string;
  copyIn: Array<[string, string]>;
  seed?: number;
  images: boolean;
  time?: HostTime;
}

/** FILE's lines (a session transcript's as replayTranscript takes them, said to `say`), its copy-ins
 * checked for the real side; undefined once it has said on stderr why not. */
export function replayScript(args: ReplayArgs, say: Write = () => undefined): string | undefined {
  const err = (s: string) => process.stderr.write(s);
  for (const [, target] of args.copyIn) {
    const problem = realCopyInProblem(target);
    if (problem) {
      err(`overlay-tutor: --copy-in ${problem}\n`);
      return undefined;
    }
  }
  let text: string;
  try {
    text = readScriptFile(args.file);
  } catch (e) {
    err(`overlay-tutor: ${(e as Error).message}\n`);
    return undefined;
  }
  if (!isSessionTranscript(text)) return text;
  const taken = transcriptScript(text, loadLessons()?.lessons ?? []);
  if (typeof taken === 'string') {
    err(`overlay-tutor: ${args.file}: ${taken}\n`);
    return undefined;
  }
  for (const note of taken.notes) say(`${args.file}: ${note}.\n`);
  return taken.script;
}

/** `overlay-tutor replay FILE --real`: 0 when every line agrees, 1 when not, 2 when it cannot run. */
export async function runReplay(args: ReplayArgs, out: Write = (s) => process.stdout.write(s)): Promise<number> {
  const err = (s: string) => process.stderr.write(s);
  const text = replayScript(args, out);
  if (text === undefined) return 2;
  const d = await privateDaemonOrScreen(out);
  if (typeof d === 'string') {
    out(d);
    return 2;
  }
  const stop = () => void d.stop().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const blocks = await replayOnBoth(d, text, {
      copyIn: args.copyIn,
      images: args.images,
      ...(args.time ? { time: args.time } : {}),
      ...(args.seed !== undefined ? { seed: args.seed } : {}),
    });
    return writeReport(blocks, out, reportNotes(blocks, { dockerVersion: d.version, kernel: release() }));
  } catch (e) {
    err(`overlay-tutor: replay: ${(e as Error).message}\n`);
    return 2;
  } finally {
    await d.stop();
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
}
