// The ScreenHost over a simulated host: commands through its session, panes from its disk.
import { completionSources, type SimHost } from '../host/sim-host.js';
import { derivePanes } from '../panes/memo.js';
import { PaneTracker } from '../panes/tracker.js';
import { complete } from '../shell/bash/completion.js';
import type { ScreenHost } from './screen-host.js';

export function screenHostFor(host: SimHost): ScreenHost {
  const tracker = new PaneTracker(host);
  // An unfinished command (a here-document, an open quote or `$(`, a trailing `\` or `|`) goes
  // on at bash's PS2, `> `, until it is whole.
  let pending: string | undefined;
  return {
    prompt: () => (pending === undefined ? host.session.prompt() : '> '),
    async run(typed, io, o) {
      // At the end of input the last line typed still ends in its newline (`echo a \` then Ctrl-D: `a`).
      const line = pending === undefined ? typed : o?.endOfInput ? `${pending}\n` : `${pending}\n${typed}`;
      if (!o?.endOfInput && host.session.needsMore(line)) {
        pending = line;
        return { exitCode: 0, exited: false };
      }
      pending = undefined;
      tracker.beginCommand();
      try {
        return await host.session.run(line, io);
      } finally {
        tracker.endCommand();
      }
    },
    complete: (line) => complete(line, line.length, completionSources(host)),
    panes: () => derivePanes(host.docker, host.rootProc, tracker.focus, tracker.recentPaths),
    log: () => tracker.log,
    pulls: () => tracker.pulls,
    dispose: () => tracker.dispose(),
    continuing: () => pending !== undefined,
    endOfInput: () => (pending === undefined ? host.session.endOfInput() : undefined),
    cancelPending() {
      if (pending === undefined) return false;
      host.session.interrupted(pending);
      pending = undefined;
      return true;
    },
  };
}
