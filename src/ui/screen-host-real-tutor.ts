// The tutor's screen on a real host (`overlay-tutor --real`): the tutor controller drives the
// lessons as on the simulated host (src/ui/screen-host-tutor.ts), each lesson's lines running in
// a real bash against the private dockerd and on the simulated twin (src/lessons/real-side.ts).
// While a lesson runs on the real host, the panes are read from it (as `sandbox --real`'s are)
// and F2 shows the last line's prediction beside what the real host did (src/real/compare.ts);
// on the map, and in a lesson that is simulator-only here, the screen is the simulated tutor's.
import type { Host } from '../host/host.js';
import type { Tutor } from '../lessons/tutor.js';
import type { Comparison } from '../real/compare.js';
import type { RealLessons } from '../real/lesson-host.js';
import { overlayEvents, RealFocus } from './real-focus.js';
import type { ScreenHost } from './screen-host.js';
import { tutorScreenHost } from './screen-host-tutor.js';

/** No real host yet (a lesson opened on the simulator): nothing to read. */
export const emptyHost: Host = {
  kind: 'real',
  lstat: () => undefined,
  readText: () => undefined,
  readBytes: () => undefined,
  readdir: () => undefined,
  isOpaque: () => false,
  isMountpoint: () => false,
  docker: undefined,
};

export function realTutorScreenHost(tutor: Tutor, lessons: RealLessons): ScreenHost & { intro(): string } {
  const base = tutorScreenHost(tutor);
  const d = lessons.daemon;
  // The lesson's real side: the daemon's, or a kernel lesson's lab (whose host has no daemon: its
  // panes stay empty, F2 compares what the line printed).
  const daemonSide = () => lessons.active?.on === 'daemon' && d !== undefined;
  const focus = new RealFocus(
    () => lessons.active?.host ?? emptyHost,
    () => (daemonSide() ? d : undefined),
    d?.dataRoot,
  );
  const onReal = () => (tutor.place === 'lesson' || tutor.place === 'recap') && tutor.runner?.onRealHost === true;
  let comparison: Comparison | undefined;

  return {
    ...base,
    async run(line, io) {
      if (!onReal()) {
        const r = await base.run(line, io);
        // A lesson just opened (or rebuilt) on the real host: its panes start from what is there.
        focus.clear();
        comparison = undefined;
        return r;
      }
      const runner = tutor.runner;
      const pairBefore = runner?.lastPair;
      const before = focus.before();
      const r = await base.run(line, io);
      const pair = tutor.runner?.lastPair;
      if (!onReal() || tutor.runner !== runner || pair === undefined || pair === pairBefore) {
        // A tutor word (hint, next), or a rebuild (reset, undo): the panes as the real host is now.
        if (pair === undefined) comparison = undefined;
        if (onReal()) focus.reread();
        else focus.clear();
        return r;
      }
      const inFocus = focus.follow(line, before);
      comparison = focus.compare(
        pair.line,
        inFocus,
        {
          output: pair.sim.output,
          exitCode: pair.sim.exitCode,
          events: overlayEvents(base.log()),
          twin: tutor.host,
        },
        { output: pair.real.output, exitCode: pair.real.exitCode },
        daemonSide() ? lessons.facts : { ...lessons.facts, dockerVersion: '' },
      );
      return r;
    },
    panes: () => (onReal() ? focus.panes() : base.panes()),
    // On the real host the kernel keeps no event log: what the last line changed in upper/.
    log: () => (onReal() ? focus.log() : base.log()),
    pulls: () => (onReal() ? [] : base.pulls()),
    compare: () => (onReal() ? comparison : undefined),
  };
}
