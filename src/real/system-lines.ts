// A session on the user's own daemon (`--real=system`) driven by lines of text, as the line REPL
// (src/repl/system-repl.ts) and the replay (src/real/system-replay.ts) drive it: its y/N questions
// answered by the next input line, and its course — started (one screen and 2 when it cannot run),
// its banner said, the tutorial images loaded (asked first), the learner's bash opened and checked,
// then the caller's lines; at the end, or on a signal, what the session made is removed.
import { release } from 'node:os';
import type { InputLines } from '../io/input-lines.js';
import type { HostFacts } from './compare.js';
import type { DaemonSummary } from './preflight.js';
import type { RealShell } from './real-shell.js';
import { type SystemOptions, type SystemSession, type SystemTalk, startSystemSession } from './system-start.js';

/** The answer that runs a change: y or yes, in any case, spaces around it; anything else is no. */
export const isYes = (answer: string | undefined): boolean => /^\s*y(es)?\s*$/i.test(answer ?? '');

/** Each question written to `say` and answered by the next line of `answers` (no line left: no). */
export function askFromLines(answers: InputLines, say: (s: string) => void): SystemTalk['confirm'] {
  return async (shown) => {
    say(`Run on your daemon? ${shown} [y/N] `);
    const a = await answers.next();
    if (a === undefined) say('\n');
    return isYes(a);
  };
}

/** What a comparison with the simulator needs to know of the user's daemon. */
export function systemFacts(daemon: DaemonSummary): HostFacts {
  return {
    dockerVersion: daemon.version,
    kernel: release(),
    storage: daemon.storage === 'containerd-snapshotter' ? 'containerd' : daemon.storage,
    rootless: daemon.rootless,
  };
}

export interface LineSessionOptions extends SystemOptions {
  /** Where the session's words go. */
  say: (s: string) => void;
  /** The answers to its questions. */
  answers: InputLines;
  /** The signals that end the session, each with the status the process then exits with. */
  signals: Partial<Record<NodeJS.Signals, number>>;
  /** What an error thrown on the way (after the start) says; its status. Without: thrown on. */
  failed?: (e: Error) => number;
}

/** Runs `lines` with the session and its bash; the status is theirs, or 2 when the session could
 * not start or its bash could not be set up safely. What the session made is removed after. */
export async function inSystemSession(
  o: LineSessionOptions,
  lines: (session: SystemSession, shell: RealShell) => Promise<number>,
): Promise<number> {
  const { say } = o;
  const session = await startSystemSession(o, { say, confirm: askFromLines(o.answers, say) });
  if (typeof session === 'number') return session;
  say(`\n${session.banner()}`);
  let shell: RealShell | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    shell?.close();
    void session.cleanup().finally(() => process.exit(o.signals[sig] ?? 130));
  };
  const signals = Object.keys(o.signals) as NodeJS.Signals[];
  for (const s of signals) process.once(s, onSignal);
  try {
    await session.loadImages();
    const opened = await session.openShell();
    if (typeof opened === 'string') {
      say(`overlay-tutor: ${opened}; stopping\n`);
      return 2;
    }
    shell = opened;
    return await lines(session, shell);
  } catch (e) {
    if (!o.failed) throw e;
    return o.failed(e as Error);
  } finally {
    shell?.close();
    await session.cleanup();
    for (const s of signals) process.removeListener(s, onSignal);
  }
}
