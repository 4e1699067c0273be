// The real side of a replay (`replay FILE --real`, and `--real=system`): FILE's lines one by one in
// a real bash (src/real/real-shell.ts), each line's output kept apart. On the private daemon the
// bash is the lesson's (its `docker pull` of a tutorial image served from the simulator's archive:
// src/real/command-trace.ts), so a script pulls as a lesson does; a pull it served is not compared
// (there is no registry to compare with) and says why.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { shellQuote } from '../posix/shell-quote.js';
import { installTrace, PULL_NOTE, SYSTEMCTL_NOT_RUN } from './command-trace.js';
import { openImageArchives, serveArchive } from './image-archives.js';
import type { PrivateDaemon } from './private-daemon.js';
import { RealShell } from './real-shell.js';

/** How long one line may run on the real side before it is stopped as Ctrl-C would. */
export const LINE_LIMIT_MS = 300_000;

/** Runs `lines` in `shell`, what each printed (stdout and stderr together); after the bash's `exit`
 * the rest print nothing. The copy-ins staged under `staged` are copied in first. */
export async function runLinesIn(shell: RealShell, lines: readonly string[], staged?: string): Promise<string[]> {
  if (staged) await shell.run(`cp -a ${shellQuote(staged)}/. / 2>/dev/null; cd /root`, () => undefined);
  const real: string[] = [];
  for (const line of lines) {
    let printed = '';
    const r = await shell.run(line, (s) => (printed += s), AbortSignal.timeout(LINE_LIMIT_MS));
    real.push(printed);
    if (r.exited) break;
  }
  while (real.length < lines.length) real.push('');
  return real;
}

/** `lines` on the private daemon, in a bash with the lesson's pull stand-in: a pull of a tutorial
 * image loads the simulator's archive of it (made the first time, kept in the daemon dir's cache as
 * the lessons keep it); systemctl is not run (replay restarts no dockerd). */
export async function runLinesOnPrivate(
  d: PrivateDaemon,
  lines: readonly string[],
  stage: string,
  staged?: string,
): Promise<string[]> {
  const archives = openImageArchives(join(d.dir, 'archives'));
  const ctl = join(stage, 'ctl');
  rmSync(ctl, { recursive: true, force: true });
  mkdirSync(ctl, { recursive: true });
  const serve = async (args: string[]) =>
    args[0] === 'archive' ? serveArchive(archives, args[1] ?? '') : { code: 1, message: SYSTEMCTL_NOT_RUN };
  // The stand-in is the command wrapper's (its records are not read here, and go with the stage).
  const trace = installTrace(stage);
  const shell = new RealShell(d, { trace, images: archives.dir, ctl }, serve);
  try {
    return await runLinesIn(shell, lines, staged);
  } finally {
    shell.close();
    rmSync(trace.records, { recursive: true, force: true });
  }
}

/** Whether a line is a `docker pull` the stand-in served (its note in what the real side printed):
 * why it is not compared, in the note's words; else undefined. */
export function servedPull(line: string, realOutput: string): string | undefined {
  if (!/^\s*docker\s+(image\s+)?pull\b/.test(line)) return undefined;
  const notes = realOutput.match(PULL_NOTE);
  return notes?.length
    ? notes
        .at(-1)!
        .trim()
        .replace(/^\((.*)\)$/, '$1')
    : undefined;
}
