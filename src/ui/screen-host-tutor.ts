// The ScreenHost for the tutor: a thin driver of the tutor controller (src/lessons/tutor.ts),
// which owns the map, the sandbox, the lesson and its recap. This adds what only the screen
// has: the panes follow whichever host the tutor runs (a lesson's, one undo rebuilt, the
// sandbox's), and the tutor's words go to the output as markdown.
import { completionSources } from '../host/sim-host.js';
import { lessonPaneHint } from '../lessons/pane-hint.js';
import type { Tutor } from '../lessons/tutor.js';
import { derivePanes } from '../panes/memo.js';
import { PaneTracker } from '../panes/tracker.js';
import { complete } from '../shell/bash/completion.js';
import { askedValues, pinnedGoal } from './goal.js';
import { EMPTY_PANES, type ScreenHost } from './screen-host.js';

export function tutorScreenHost(tutor: Tutor): ScreenHost & { intro(): string } {
  let tracker: PaneTracker | undefined;
  const follow = () => {
    tracker?.dispose();
    tracker = tutor.host ? new PaneTracker(tutor.host) : undefined;
  };
  follow();
  return {
    intro: () => tutor.intro(),
    prompt: () => tutor.prompt(),
    status: () => tutor.status(),
    // While a lesson's step is open: its goal pinned on the screen, the pane it names, and the
    // values it asks for (the panes mask them).
    goal: () => (tutor.place === 'lesson' && tutor.runner ? pinnedGoal(tutor.runner.view()) : undefined),
    pane: () => (tutor.place === 'lesson' ? tutor.runner?.view().pane : undefined),
    // The empty panes suggest what the lesson works on; on the map, opening one.
    paneHint: () => {
      const r = tutor.runner;
      if (r) return lessonPaneHint(r.lesson.data, r.index);
      return tutor.place === 'sandbox' ? { kind: 'sandbox' } : { kind: 'map' };
    },
    secrets: () => (tutor.place === 'lesson' && tutor.runner ? askedValues(tutor.runner) : []),
    tutor: true,
    async run(line, io, o) {
      tracker?.beginCommand();
      const say = (text: string) => (io.lesson ? io.lesson(text) : io.stdout(text));
      const turn = await tutor.submit(line, { ...io, say }, o);
      tracker?.endCommand();
      if (turn.hostChanged) follow();
      return { exitCode: turn.exitCode, exited: turn.quit };
    },
    complete: (line) =>
      tutor.host ? complete(line, line.length, completionSources(tutor.host)) : { from: 0, candidates: [], common: '' },
    panes: () =>
      tutor.host && tracker
        ? derivePanes(tutor.host.docker, tutor.host.rootProc, tracker.focus, tracker.recentPaths)
        : EMPTY_PANES,
    log: () => tracker?.log ?? [],
    pulls: () => tracker?.pulls ?? [],
    dispose: () => tracker?.dispose(),
    cancelPending: () => tutor.cancelPending(),
    continuing: () => tutor.continuing,
    endOfInput: () => tutor.endOfInput(),
  };
}
