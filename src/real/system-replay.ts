// `overlay-tutor replay FILE --real=system [--yes] [--dry-run]`: FILE's lines on the simulated host
// and on the user's own daemon, side by side, as `replay --real` shows them, with `--real=system`'s
// rules (src/real/system-start.ts): each line runs in the session's bash, where docker goes through
// the guard — a change is shown and asked first (read from stdin; --yes runs it, printed;
// --dry-run prints it instead), the user's things are never changed — and what the session made
// is removed at the end, or on Ctrl-C or SIGTERM. What the guard says goes to the tutor's output,
// not into a line's: only what the line itself printed is compared.
import { release } from 'node:os';
import { join } from 'node:path';
import { InputLines } from '../io/input-lines.js';
import { type ReplayArgs, replayScript } from './commands.js';
import { reportNotes } from './compare.js';
import type { RealShell } from './real-shell.js';
import { runLinesIn } from './replay-lines.js';
import { normalizeBlocks, replayOnSim, stageCopyIn, thisHost, writeReport } from './replay.js';
import { type SystemOptions, startSystemSession } from './system-start.js';

export async function runSystemReplay(
  args: ReplayArgs & SystemOptions & { input?: NodeJS.ReadableStream },
  out: (s: string) => void = (s) => process.stdout.write(s),
): Promise<number> {
  const err = (s: string) => process.stderr.write(s);
  const text = replayScript(args);
  if (text === undefined) return 2;
  const answers = new InputLines(args.input ?? process.stdin);
  const session = await startSystemSession(
    { yes: args.yes, dryRun: args.dryRun, bare: !args.images },
    {
      say: out,
      confirm: async (shown) => {
        out(`Run on your daemon? ${shown} [y/N] `);
        const a = await answers.next();
        if (a === undefined) out('\n');
        return /^\s*y(es)?\s*$/i.test(a ?? '');
      },
    },
  );
  if (typeof session === 'number') return session;
  out(`\n${session.banner()}`);
  let shell: RealShell | undefined;
  const stop = () => {
    shell?.close();
    void session.cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await session.loadImages();
    const opened = await session.openShell();
    if (typeof opened === 'string') {
      out(`overlay-tutor: ${opened}; stopping\n`);
      return 2;
    }
    shell = opened;
    const { lines, sim } = await replayOnSim(text, args);
    // The copy-ins, in the bash's fresh /tmp and /root (the session's dir is bound there too).
    const stage = join(session.runtime, 'replay');
    if (args.copyIn.length) stageCopyIn(stage, args.copyIn);
    const real = await runLinesIn(shell, lines, args.copyIn.length ? join(stage, 'in') : undefined);
    out('\n');
    const blocks = normalizeBlocks(lines, sim, real, session.daemon.dataRoot, { real: thisHost() });
    const d = session.daemon;
    const facts = {
      dockerVersion: d.version,
      kernel: release(),
      storage: d.storage === 'containerd-snapshotter' ? 'containerd' : d.storage,
      rootless: d.rootless,
    };
    return writeReport(blocks, out, reportNotes(blocks, facts));
  } catch (e) {
    err(`overlay-tutor: replay: ${(e as Error).message}\n`);
    return 2;
  } finally {
    shell?.close();
    await session.cleanup();
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
}
