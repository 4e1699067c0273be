// `overlay-tutor replay FILE --real=system [--yes] [--dry-run]`: FILE's lines on the simulated host
// and on the user's own daemon, side by side, as `replay --real` shows them, with `--real=system`'s
// rules (src/real/system-start.ts): each line runs in the session's bash, where docker goes through
// the guard — a change is shown and asked first (read from stdin; --yes runs it, printed;
// --dry-run prints it instead), the user's things are never changed — and what the session made
// is removed at the end, or on Ctrl-C or SIGTERM. What the guard says goes to the tutor's output,
// not into a line's: only what the line itself printed is compared, as `replay --real` compares it.
import { join } from 'node:path';
import { InputLines } from '../io/input-lines.js';
import { type ReplayArgs, replayScript } from './commands.js';
import { reportNotes } from './compare.js';
import { runLinesIn } from './replay-lines.js';
import { compareReplayLines, replayOnSim, stageCopyIn, thisHost, writeReport } from './replay.js';
import { inSystemSession, systemFacts } from './system-lines.js';
import type { SystemOptions } from './system-start.js';

export async function runSystemReplay(
  args: ReplayArgs & SystemOptions & { input?: NodeJS.ReadableStream },
  out: (s: string) => void = (s) => process.stdout.write(s),
): Promise<number> {
  const text = replayScript(args, out);
  if (text === undefined) return 2;
  return inSystemSession(
    {
      yes: args.yes,
      dryRun: args.dryRun,
      bare: !args.images,
      say: out,
      answers: new InputLines(args.input ?? process.stdin),
      signals: { SIGINT: 130, SIGTERM: 130 },
      failed: (e) => {
        process.stderr.write(`overlay-tutor: replay: ${e.message}\n`);
        return 2;
      },
    },
    async (session, shell) => {
      const { lines, sim } = await replayOnSim(text, args);
      // The copy-ins, in the bash's fresh /tmp and /root (the session's dir is bound there too).
      const stage = join(session.runtime, 'replay');
      if (args.copyIn.length) stageCopyIn(stage, args.copyIn);
      const real = await runLinesIn(shell, lines, args.copyIn.length ? join(stage, 'in') : undefined);
      out('\n');
      const dataRoot = session.daemon.dataRoot ?? '/var/lib/docker';
      const blocks = compareReplayLines(lines, sim, real, dataRoot, thisHost());
      return writeReport(blocks, out, reportNotes(blocks, systemFacts(session.daemon)));
    },
  );
}
