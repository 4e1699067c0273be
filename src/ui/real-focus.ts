// What the screen shows of a real host after each line, shared by `sandbox --real` and the tutor's
// real lessons: which container or hand-made overlay is in focus (the one a line made or named, or
// the overlay mounted by hand last), the panes read from the real directories with the rows the
// line changed marked, and the line's comparison with the simulator's prediction (F2).
import { spawnSync } from 'node:child_process';
import type { Host, HostOverlayMount } from '../host/host.js';
import type { SimHost } from '../host/sim-host.js';
import { derivePanes } from '../panes/memo.js';
import { derivePanesOf, type FocusHint, type PaneModel, type TreeRow } from '../panes/model.js';
import { type Comparison, changeLines, compareLine, type HostFacts } from '../real/compare.js';

/** The real docker CLI with the tutor's daemon, or none (a kernel lesson's lab has no daemon). */
export type RealDockerCli = { cli: string; env: NodeJS.ProcessEnv } | undefined;

/** What a line printed and its status, on one side. */
export interface LineOutcome {
  output: string;
  exitCode: number;
}

/** The state before a line: to tell what the line made and changed. */
export interface BeforeLine {
  ids: Set<string>;
  prevFocus: string | undefined;
  prevRows: string[];
}

/** A tree row as compared and remembered: its mark, type and path. */
export const rowKey = (r: TreeRow) => `${r.mark} ${r.type} ${r.path}`;
export const rowText = (r: TreeRow) =>
  `${r.mark} ${r.path}${r.type === 'dir' ? '/' : r.type === 'whiteout' ? ' (c 0,0)' : r.type === 'symlink' ? '@' : ''}`;
const WORDS: Record<string, string> = {
  '+': 'new in upper/',
  '~': 'copied up (or changed)',
  x: 'whiteout',
  o: 'opaque dir',
  ' ': 'dir in upper/',
};

/** The panes after a line, the rows it changed in upper/ marked recent, and the events pane's words
 * (the real kernel keeps no log): against the rows before the line while the same container or
 * overlay stays in focus, against none for one the line made (`fresh`); none when the focus moved. */
export function markChanged(
  model: PaneModel,
  o: { focus: string | undefined; prevFocus: string | undefined; prevRows: readonly string[]; fresh: boolean },
): { model: PaneModel; events: string[] } {
  if (!o.focus || (o.focus !== o.prevFocus && !o.fresh)) return { model, events: [] };
  const was = new Set(o.fresh ? [] : o.prevRows);
  return {
    model: { ...model, upper: model.upper.map((row) => ({ ...row, recent: !was.has(rowKey(row)) })) },
    events: upperEvents([...was], model.upper.map(rowKey)),
  };
}

/** The simulator's overlay events for a line, without the mounts runc makes inside merged/ (proc,
 * dev, sys …): what F2 sets beside the changes the real upper dir shows. */
export const overlayEvents = (log: readonly string[]): string[] => log.filter((l) => !/^mount .*\/merged\/./.test(l));

/** The events pane on a real host: what the last line changed in upper/, in words. */
export function upperEvents(before: readonly string[], after: readonly string[]): string[] {
  return changeLines(before, after).map((l) => {
    if (l.startsWith('- ')) return `- ${l.slice(2)}: gone from upper/`;
    const [mark = ' ', type = '', ...path] = l.split(' ');
    const p = path.join(' ');
    return `${mark} ${p}${type === 'dir' ? '/' : ''}: ${WORDS[mark] ?? ''}`;
  });
}

/** The container a line names (--name X, docker exec/start/stop … X) and the image it pulls or tags. */
export function namedInLine(line: string): FocusHint {
  const container =
    /\bdocker\s+(?:container\s+)?(?:run|create)\b.*?--name[= ](\S+)/.exec(line)?.[1] ??
    /\bdocker\s+(?:container\s+)?(?:exec|start|stop|restart|kill|diff|cp|pause|unpause)\s+(?:-\S+\s+)*([\w.-]+)/.exec(
      line,
    )?.[1];
  const image =
    /\bdocker\s+(?:image\s+)?pull\s+(?:-\S+\s+)*(\S+)/.exec(line)?.[1] ??
    /\bdocker\s+(?:image\s+)?tag\s+\S+\s+(\S+)/.exec(line)?.[1] ??
    /\bdocker\s+(?:container\s+)?commit\s+(?:-\S+\s+)*\S+\s+(\S+)/.exec(line)?.[1];
  return { ...(container ? { container } : {}), ...(image ? { image } : {}) };
}

/** The container a pane model is focused on, if any. */
export const focusName = (m: PaneModel): string | undefined =>
  m.focus?.kind === 'container' ? m.focus.name : undefined;

/** The simulator's side of an overlay mounted by hand, as the real one was mounted (the same paths
 * on both hosts): its upper dir's rows as predicted, mounted still or not. */
export function predictedMountSide(
  twin: Pick<SimHost, 'docker' | 'rootProc'> | undefined,
  mount: HostOverlayMount,
): { upper: string[] } {
  if (!twin) return { upper: [] };
  const m = derivePanes(twin.docker, twin.rootProc, { mount }, new Set());
  return { upper: m.upper.map(rowText) };
}

/** The overlay mounted by hand last on a host (not Docker's own, under its data-root), if any. */
export function newestHandMount(h: Host, dataRoot = '/var/lib/docker'): HostOverlayMount | undefined {
  return h
    .overlayMounts?.()
    .filter((m) => !m.target.startsWith(`${dataRoot}/`))
    .pop();
}

/** The simulator's side of a container: its upper dir's rows and its docker diff, as predicted. */
export function predictedSide(
  twin: Pick<SimHost, 'docker' | 'rootProc'> | undefined,
  name: string | undefined,
): { upper: string[]; diff: string[] | undefined } {
  if (!name || !twin) return { upper: [], diff: undefined };
  const m = derivePanes(twin.docker, twin.rootProc, { container: name }, new Set());
  if (focusName(m) !== name) return { upper: [], diff: undefined };
  let diff: string[] | undefined;
  try {
    diff = twin.docker?.diff(name).map((c) => `${c.kind} ${c.path}`);
  } catch {
    diff = undefined;
  }
  return { upper: m.upper.map(rowText), diff };
}

const withoutMount = ({ mount: _, ...rest }: FocusHint): FocusHint => rest;

export class RealFocus {
  private hint: FocusHint = {};
  /** The overlay mounted by hand last: kept in focus after its umount, as the simulator's panes
   * keep it, until a line names a container or an image. */
  private handMount: HostOverlayMount | undefined;
  private model: PaneModel | undefined;
  private events: string[] = [];

  constructor(
    private readonly host: () => Host,
    private readonly cli: () => RealDockerCli,
    private readonly dataRoot: string | undefined,
  ) {}

  panes(): PaneModel {
    return (this.model ??= derivePanesOf(this.host(), this.hint, new Set()));
  }

  /** The events pane: the real kernel keeps no log, so what the last line changed in upper/. */
  log(): string[] {
    return this.events;
  }

  /** Forgets the focus (a lesson opened anew, or left). */
  clear(): void {
    this.hint = {};
    this.handMount = undefined;
    this.model = undefined;
    this.events = [];
  }

  /** The panes read again without a line of the learner's (a tutor word, a reset, an undo): the
   * focus kept, except a hand-made overlay, which is the newest one there now. */
  reread(): void {
    this.hint = withoutMount(this.hint);
    this.handMount = !this.hint.container && !this.hint.image ? this.newestHandMount() : undefined;
    this.model = derivePanesOf(this.host(), this.hint, new Set());
    this.events = [];
  }

  before(): BeforeLine {
    const prev = this.panes();
    return {
      ids: new Set(this.containerIds()),
      prevFocus: focusName(prev) ?? (prev.focus?.kind === 'mount' ? prev.focus.target : undefined),
      prevRows: prev.upper.map(rowKey),
    };
  }

  /** After a line ran on the real host: the focus follows it (a container it made, else one or an
   * image it named, else the overlay mounted by hand last), the changed rows marked. */
  follow(line: string, b: BeforeLine): { container: string | undefined; mount: HostOverlayMount | undefined } {
    const made = this.containerIds().find((id) => !b.ids.has(id));
    const named = namedInLine(line);
    this.hint = { ...this.hint, ...named, ...(made ? { container: made } : {}) };
    if (named.container || named.image || made) this.handMount = undefined;
    else this.handMount = this.newestHandMount() ?? this.handMount;
    this.hint =
      this.handMount && !this.hint.container && !this.hint.image
        ? { ...this.hint, mount: this.handMount }
        : withoutMount(this.hint);
    const model = derivePanesOf(this.host(), this.hint, new Set());
    const container = focusName(model);
    const mount = model.focus?.kind === 'mount' ? this.handMount : undefined;
    const fresh = made !== undefined && container !== undefined;
    const focus = container ?? mount?.target;
    ({ model: this.model, events: this.events } = markChanged(model, { focus, ...b, fresh }));
    return { container, mount };
  }

  /** The line's comparison (F2): what the twin predicted beside what the real host printed and holds. */
  compare(
    line: string,
    focus: { container: string | undefined; mount: HostOverlayMount | undefined },
    sim: LineOutcome & { events: string[]; twin: Pick<SimHost, 'docker' | 'rootProc'> | undefined },
    real: LineOutcome,
    facts: HostFacts,
  ): Comparison {
    const { container, mount } = focus;
    const predicted =
      mount && !container
        ? { ...predictedMountSide(sim.twin, mount), diff: undefined }
        : predictedSide(sim.twin, container);
    return compareLine(
      {
        line,
        container,
        mount: container ? undefined : mount?.target,
        sim: { output: sim.output, exitCode: sim.exitCode, events: sim.events, ...predicted },
        real: {
          ...real,
          upper: container || mount ? this.panes().upper.map(rowText) : [],
          diff: container ? this.realLines(['diff', container]) : undefined,
          // The end of a container's log: why it exited (an image whose programs cannot run here).
          logs: container ? this.realText(['logs', '--tail', '5', container]) : undefined,
        },
      },
      facts,
      this.dataRoot ?? '/var/lib/docker',
    );
  }

  private newestHandMount(): HostOverlayMount | undefined {
    return newestHandMount(this.host(), this.dataRoot);
  }

  private docker(args: string[]) {
    const d = this.cli();
    return d
      ? spawnSync(d.cli, args, { env: d.env, encoding: 'utf8', timeout: 15_000 })
      : { status: 1, stdout: '', stderr: '' };
  }

  private containerIds(): string[] {
    return (this.docker(['ps', '-aq', '--no-trunc']).stdout ?? '').split('\n').filter(Boolean);
  }

  private realLines(args: string[]): string[] | undefined {
    const r = this.docker(args);
    return r.status === 0 ? r.stdout.split('\n').filter(Boolean) : undefined;
  }

  private realText(args: string[]): string | undefined {
    const r = this.docker(args);
    return r.status === 0 ? `${r.stdout}${r.stderr}` : undefined;
  }
}
