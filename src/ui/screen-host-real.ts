// The ScreenHost over a real host (`overlay-tutor sandbox --real`): the learner's lines run in a
// real bash whose docker talks to the tutor's private dockerd (src/real/real-shell.ts), and the
// panes are read from the real directories through the Host interface (src/real/real-host.ts).
// Each line also runs on the simulator's twin of that host — the same tutorial images, loaded
// from the same archive — so F2 can put what the simulator predicted beside what really happened
// (src/real/compare.ts). The real kernel keeps no event log: the events pane says what appeared
// in the container's upper dir since the last line.
import { release } from 'node:os';
import { completionSources, createSimHost, type SimHost } from '../host/sim-host.js';
import { PaneTracker } from '../panes/tracker.js';
import type { Comparison, HostFacts } from '../real/compare.js';
import { privateDaemonOrScreen } from '../real/commands.js';
import type { PrivateDaemon } from '../real/private-daemon.js';
import type { SystemSession } from '../real/system-start.js';
import { type RealHost, realHost } from '../real/real-host.js';
import { RealShell } from '../real/real-shell.js';
import { twinMachine } from '../real/replay.js';
import { loadIntoSim, loadTutorialImages, simulatorArchive } from '../real/tutorial-images.js';
import { complete } from '../shell/bash/completion.js';
import type { CommandIO } from '../shell/command.js';
import { overlayEvents, RealFocus } from './real-focus.js';
import type { ScreenHost } from './screen-host.js';

/** What the screen needs of the daemon: the private one, or the user's own (--real=system). */
export type RealDaemon = Pick<PrivateDaemon, 'cli' | 'env' | 'version' | 'dir' | 'dataRoot'>;

export interface RealSession {
  /** None on the real kernel alone (`sandbox --real=kernel`: a lab, no Docker). */
  daemon: RealDaemon | undefined;
  shell: RealShell;
  /** Its daemon's answers are kept until refresh(), called after each line. */
  host: RealHost;
  /** The simulator's twin of the real host: every line runs there too (the prediction). */
  twin: SimHost;
  facts: HostFacts;
  /** What the start found (the images' report), shown when the screen opens. */
  notes: string[];
  /** Ends the bash and stops the daemon (its containers removed, its mounts gone); once. What it
   * says as it does goes to `out` (none after a SIGHUP: the terminal is gone). */
  stop(out?: (s: string) => void): Promise<void>;
  /** The user's own daemon (`--real=system`): its session, the intro's first paragraph and the
   * status line's word (src/ui/screen-host-system.ts). */
  system?: {
    session: SystemSession;
    describe: string;
    label: string;
    /** The tutorial images are asked on the screen (`images`), not before it (not with --bare). */
    asksImages?: boolean;
  };
  /** The real kernel alone, no daemon (src/ui/screen-host-kernel.ts): the intro's first paragraph. */
  kernel?: { describe: string };
}

/** The preflight, the private dockerd, the tutorial images on it and on the twin, the real bash:
 * written to `out` as they come (before the screen opens); a number is the exit status when the
 * mode cannot run. */
export async function startRealSession(
  out: (s: string) => void,
  o: { preflightShown?: boolean } = {},
): Promise<RealSession | number> {
  const d = await privateDaemonOrScreen(out, o);
  if (typeof d === 'string') {
    out(d);
    return 2;
  }
  try {
    out('Loading the tutorial images from the simulator ...\n');
    const made = await simulatorArchive();
    const report = await loadTutorialImages(d, undefined, made);
    const twin = createSimHost({ seed: 0, ...twinMachine() });
    await loadIntoSim(twin, made.archive);
    const problems = report.images.flatMap((i) => i.problems.map((p) => `${i.ref}: ${p}`));
    const notes = report.identical
      ? [
          `${report.images.length} tutorial images loaded from the simulator: the same image IDs, DiffIDs and ` +
            'ChainIDs on both hosts.',
        ]
      : ['Images differ from the simulator’s:', ...problems];
    const shell = new RealShell(d);
    await shell.ready;
    let stopping: Promise<void> | undefined;
    return {
      daemon: d,
      shell,
      // Read as the learner's bash sees the host: its mounts (a slave of the daemon's, so the
      // containers' too) hold what the learner mounted by hand.
      host: realHost({ cli: d.cli, env: d.env, daemonPid: d.pid, ...(shell.pid ? { filesPid: shell.pid } : {}) }),
      twin,
      facts: { dockerVersion: d.version, kernel: release(), storage: 'overlay2' },
      notes,
      stop: (say) => {
        say?.('Stopping the private dockerd ...\n');
        return (stopping ??= (async () => {
          shell.close();
          await d.stop();
        })());
      },
    };
  } catch (e) {
    await d.stop();
    out(`overlay-tutor: the real host could not be prepared: ${(e as Error).message}\n`);
    return 2;
  }
}

export function realScreenHost(
  session: RealSession,
): ScreenHost & { compare(): Comparison | undefined; refresh(): void } {
  const { daemon: d, shell, host, twin } = session;
  const tracker = new PaneTracker(twin);
  const focus = new RealFocus(
    () => host,
    () => d,
    d?.dataRoot,
  );
  let comparison: Comparison | undefined;

  /** The line on the twin, its output kept (not shown): the prediction. A line Ctrl-C stopped on
   * the real host is stopped on the twin too. */
  const predict = async (line: string, interrupted: boolean) => {
    let output = '';
    const dec = new TextDecoder();
    const write = (s: string | Uint8Array) => {
      output += typeof s === 'string' ? s : dec.decode(s, { stream: true });
    };
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), interrupted ? 0 : 10_000);
    const io: CommandIO = {
      stdin: new Uint8Array(0),
      stdout: write,
      stderr: write,
      stdinIsTerminal: false,
      stdoutIsTerminal: false,
      signal: stop.signal,
    };
    tracker.beginCommand();
    try {
      const r = await twin.session.run(line, io);
      // The overlay events, without the mounts runc makes inside merged/ (proc, dev, sys …).
      return { output, exitCode: r.exitCode, events: overlayEvents(tracker.log) };
    } catch (e) {
      return { output: `${output}(the simulator stopped: ${(e as Error).message})\n`, exitCode: 1, events: [] };
    } finally {
      clearTimeout(timer);
      tracker.endCommand();
    }
  };

  return {
    prompt: () => `root@real:${shell.cwd === '/root' ? '~' : shell.cwd.replace(/^\/root\//, '~/')}# `,
    // Short enough for 80 columns beside the focus and the help key; the version is in the intro.
    status: () => session.system?.label ?? (d ? 'real host' : 'real kernel'),
    // Without a daemon (the real kernel alone) there is nothing to pull: an overlay by hand.
    paneHint: () => (d ? { kind: 'sandbox' } : { kind: 'overlay' }),
    intro: () =>
      [
        session.kernel?.describe ??
          session.system?.describe ??
          `**Real host**: a private dockerd ${d?.version} under \`${d?.dir}\` (nothing of yours is touched). ` +
            'Your lines run in a real bash whose `docker` talks to it; the panes are read from its real directories.',
        ...session.notes,
        ...(d
          ? [
              'The simulator runs each line too: **F2** shows what it predicted beside what the real host did. ' +
                "The tutorial images hold the simulator's stand-in files, not programs: to run a container here, " +
                'import real ones, e.g. `tar -C / -c bin/busybox | docker import - bb`, then ' +
                "`docker run --name c1 bb busybox sh -c 'echo hi > /hi.txt'`.",
            ]
          : []),
        '',
      ].join('\n\n'),
    async run(line, io) {
      if (line.trim() === '') return { exitCode: 0, exited: false };
      const before = focus.before();
      let printed = '';
      const r = await shell.run(
        line,
        (s) => {
          printed += s;
          io.stdout(s);
        },
        io.signal,
      );
      if (r.exited) return { exitCode: r.exitCode, exited: true };
      host.refresh();
      const inFocus = focus.follow(line, before);
      const sim = await predict(line, r.interrupted ?? false);
      comparison = focus.compare(
        line,
        inFocus,
        { ...sim, twin },
        { output: printed, exitCode: r.exitCode },
        session.facts,
      );
      return { exitCode: r.exitCode, exited: false };
    },
    complete: (line) => complete(line, line.length, completionSources(twin)),
    panes: () => focus.panes(),
    log: () => focus.log(),
    pulls: () => [],
    compare: () => comparison,
    /** The panes read again (after the tutor itself changed the host: `reset`). */
    refresh: () => {
      host.refresh();
      focus.reread();
    },
    dispose: () => {
      tracker.dispose();
      void session.stop();
    },
  };
}
