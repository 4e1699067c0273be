// The tutor's screen on a real host (`overlay-tutor --real`): the tutor controller drives the
// lessons as on the simulated host (src/ui/screen-host-tutor.ts), each lesson's lines running in
// a real bash against the private dockerd and on the simulated twin (src/lessons/real-side.ts).
// While a lesson runs on the real host, the panes are read from it (as `sandbox --real`'s are)
// and F2 shows the last line's prediction beside what the real host did (src/real/compare.ts);
// on the map, and in a lesson that is simulator-only here, the screen is the simulated tutor's.
import { spawnSync } from 'node:child_process';
import type { Tutor } from '../lessons/tutor.js';
import { derivePanesOf, type FocusHint, type PaneModel } from '../panes/model.js';
import { type Comparison, compareLine } from '../real/compare.js';
import type { RealLessons } from '../real/lesson-host.js';
import type { Host, HostOverlayMount } from '../host/host.js';
import type { ScreenHost } from './screen-host.js';
import {
  focusName,
  markChanged,
  namedInLine,
  newestHandMount,
  predictedMountSide,
  predictedSide,
  rowKey,
  rowText,
} from './screen-host-real.js';
import { tutorScreenHost } from './screen-host-tutor.js';

/** No real host yet (a lesson opened on the simulator): nothing to read. */
const emptyHost: Host = {
  kind: 'real',
  lstat: () => undefined,
  readText: () => undefined,
  readBytes: () => undefined,
  readdir: () => undefined,
  isOpaque: () => false,
  isMountpoint: () => false,
  docker: undefined,
};

const withoutMount = ({ mount: _, ...rest }: FocusHint): FocusHint => rest;

export function realTutorScreenHost(tutor: Tutor, lessons: RealLessons): ScreenHost & { intro(): string } {
  const base = tutorScreenHost(tutor);
  const d = lessons.daemon;
  // The lesson's real side: the daemon's, or a kernel lesson's lab (whose host has no daemon: its
  // panes stay empty, F2 compares what the line printed).
  const side = {
    get host() {
      return lessons.active?.host ?? emptyHost;
    },
  };
  const daemonSide = () => lessons.active?.on === 'daemon' && d !== undefined;
  const docker = (args: string[]) =>
    d && daemonSide()
      ? spawnSync(d.cli, args, { env: d.env, encoding: 'utf8', timeout: 15_000 })
      : { status: 1, stdout: '', stderr: '' };
  const containerIds = () => (docker(['ps', '-aq', '--no-trunc']).stdout ?? '').split('\n').filter(Boolean);
  const onReal = () => (tutor.place === 'lesson' || tutor.place === 'recap') && tutor.runner?.onRealHost === true;
  let hint: FocusHint = {};
  /** The overlay mounted by hand last (a kernel lesson's): kept in focus after its umount, as the
   * simulator's panes keep it, until a line names a container or an image. */
  let handMount: HostOverlayMount | undefined;
  let model: PaneModel | undefined;
  let events: string[] = [];
  let comparison: Comparison | undefined;

  /** The twin's side of a container: its upper rows and docker diff, as the simulator predicts. */
  const simSide = (name: string | undefined) => predictedSide(tutor.host, name);
  const realDiff = (name: string) => {
    const r = docker(['diff', name]);
    return r.status === 0 ? r.stdout.split('\n').filter(Boolean) : undefined;
  };
  const realLogs = (name: string) => {
    const r = docker(['logs', '--tail', '5', name]);
    return r.status === 0 ? `${r.stdout}${r.stderr}` : undefined;
  };

  return {
    ...base,
    async run(line, io) {
      if (!onReal()) {
        const r = await base.run(line, io);
        // A lesson just opened (or rebuilt) on the real host: its panes start from what is there.
        model = undefined;
        events = [];
        comparison = undefined;
        hint = {};
        handMount = undefined;
        return r;
      }
      const runner = tutor.runner;
      const pairBefore = runner?.lastPair;
      const before = new Set(containerIds());
      const prev = model ?? derivePanesOf(side.host, hint, new Set());
      const prevName = focusName(prev);
      const prevRows = prev.upper.map(rowKey);
      const r = await base.run(line, io);
      const pair = tutor.runner?.lastPair;
      if (!onReal() || tutor.runner !== runner || pair === undefined || pair === pairBefore) {
        // A tutor word (hint, next), or a rebuild (reset, undo): the panes as the real host is now.
        if (pair === undefined) comparison = undefined;
        hint = withoutMount(hint);
        handMount = onReal() && !hint.container && !hint.image ? newestHandMount(side.host, d?.dataRoot) : undefined;
        model = onReal() ? derivePanesOf(side.host, hint, new Set()) : undefined;
        events = [];
        return r;
      }
      const made = containerIds().find((id) => !before.has(id));
      const named = namedInLine(line);
      hint = { ...hint, ...named, ...(made ? { container: made } : {}) };
      if (named.container || named.image || made) handMount = undefined;
      else handMount = newestHandMount(side.host, d?.dataRoot) ?? handMount;
      hint = handMount && !hint.container && !hint.image ? { ...hint, mount: handMount } : withoutMount(hint);
      model = derivePanesOf(side.host, hint, new Set());
      const name = focusName(model);
      const mount = model.focus?.kind === 'mount' ? handMount : undefined;
      const fresh = made !== undefined && name !== undefined;
      const prevFocus = prevName ?? (prev.focus?.kind === 'mount' ? prev.focus.target : undefined);
      ({ model, events } = markChanged(model, { focus: name ?? mount?.target, prevFocus, prevRows, fresh }));
      comparison = compareLine(
        {
          line: pair.line,
          container: name,
          mount: mount?.target,
          sim: {
            output: pair.sim.output,
            exitCode: pair.sim.exitCode,
            // The overlay events, without the mounts runc makes inside merged/ (proc, dev, sys …).
            events: base.log().filter((l) => !/^mount .*\/merged\/./.test(l)),
            ...(mount && !name ? { ...predictedMountSide(tutor.host, mount), diff: undefined } : simSide(name)),
          },
          real: {
            output: pair.real.output,
            exitCode: pair.real.exitCode,
            upper: name || mount ? model.upper.map(rowText) : [],
            diff: name ? realDiff(name) : undefined,
            logs: name ? realLogs(name) : undefined,
          },
        },
        daemonSide() ? lessons.facts : { ...lessons.facts, dockerVersion: '' },
        d?.dataRoot ?? '/var/lib/docker',
      );
      return r;
    },
    panes: () => (onReal() ? (model ??= derivePanesOf(side.host, hint, new Set())) : base.panes()),
    // On the real host the kernel keeps no event log: what the last line changed in upper/.
    log: () => (onReal() ? events : base.log()),
    pulls: () => (onReal() ? [] : base.pulls()),
    compare: () => (onReal() ? comparison : undefined),
  };
}
