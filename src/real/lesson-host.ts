// The lessons on a real host (`overlay-tutor --real`): the tutor's private dockerd, prepared once
// (the command trace the checks read; a lesson's `docker pull` served from the tutorial images'
// archive cache, an archive made when first pulled; `systemctl restart docker` served by
// restarting that daemon), and for each lesson a RealSide
// (src/lessons/real-side.ts): a real bash whose lines the lesson runner runs and whose host its
// checks read. Rebuilding a lesson (opening it, reset, undo) removes what it made on the daemon
// (resetDaemon: containers, images but the setup's, volumes, /root and /etc/docker) and replays
// its setup and the learner's lines so far in a fresh bash — nothing is snapshotted on a real host.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { release } from 'node:os';
import { dirname, join } from 'node:path';
import { localeIsAscii } from '../i18n/index.js';
import type { Lesson } from '../lessons/loader.js';
import type { RealLineResult, RealPlace, RealSide, SimulatorOnly } from '../lessons/real-side.js';
import type { CommandIO } from '../shell/command.js';
import { installTrace, PULL_NOTE, takeTrace, type TraceDirs } from './command-trace.js';
import { KERNEL_ASKED, KERNEL_ONLY, preflightHere, privateDaemonOrScreen } from './commands.js';
import { cleanKernelLeftovers, defaultKernelDir, labCovers, leftoversSaid } from './kernel-lab.js';
import { type KernelLessonSide, kernelSide } from './kernel-side.js';
import { renderCannotRun, renderPreflight } from './preflight.js';
import type { HostFacts } from './compare.js';
import { type ImageArchives, openImageArchives } from './image-archives.js';
import { imagesPulledBy, requestServer, resetDaemon } from './lesson-real.js';
import type { PrivateDaemon } from './private-daemon.js';
import { type RealHost, realHost } from './real-host.js';
import { RealShell } from './real-shell.js';

/** A lesson's real side, with what the screen reads besides (the daemon, for docker diff and ps). */
export interface RealLessonSide extends RealSide {
  readonly host: RealHost;
  readonly daemon: PrivateDaemon;
}

export interface RealLessons {
  /** The private dockerd; absent on a machine without one (the kernel lessons alone run for real). */
  readonly daemon: PrivateDaemon | undefined;
  readonly facts: HostFacts;
  /** The real side of the lesson opened last on the real host, while it is open (the screen reads
   * its host): the daemon's, or a kernel lesson's lab. */
  readonly active: RealLessonSide | KernelLessonSide | undefined;
  /** Where the lesson runs here, and why not on a real host when it does not (the map shows it). */
  place(lesson: Lesson): RealPlace;
  /** The lesson's real side, or why it runs on the simulated host only. */
  open(lesson: Lesson): Promise<RealLessonSide | KernelLessonSide | SimulatorOnly>;
  /** The learner left the lesson: a kernel lesson's lab ends at once (its processes, its mounts, its dir). */
  leave(): Promise<void>;
  /** Ends the bash and the lab, stops the daemon (its containers removed, its mounts gone); once. */
  stop(): Promise<void>;
}

/** The lines of a lesson (setup and reference solutions) that ask for the legacy overlay driver. */
const wantsLegacyOverlay = (lesson: Lesson) =>
  [...lesson.data.setup, ...lesson.data.steps.flatMap((s) => ('solution' in s ? (s.solution ?? []) : []))].some((l) =>
    /"?storage-driver"?\s*:\s*"?overlay"?\s*[},]/.test(l),
  );

/** Lines that start a container of a tutorial image: its stand-in programs need a real busybox. */
const runsContainers = (lesson: Lesson) =>
  [...lesson.data.setup, ...lesson.data.steps.flatMap((s) => ('solution' in s ? (s.solution ?? []) : []))].some((l) =>
    /\bdocker\s+(?:container\s+)?(?:run|start|exec)\b/.test(l),
  );

/** A check that compares with the state the reference solution leaves: a simulated host's. */
const wantsGoalState = (c: unknown): boolean =>
  typeof c === 'object' &&
  c !== null &&
  ('matches_solution' in c ||
    Object.values(c).some((v) => (Array.isArray(v) ? v.some(wantsGoalState) : wantsGoalState(v))));

/** Why a lesson cannot run on this daemon, if it cannot: the legacy overlay driver, gone from
 * Docker 24 on (23 disabled it), containers whose stand-in programs need a static busybox, or a
 * `matches_solution` check (its goal state is built in the simulator only). */
export function simulatorOnlyReason(
  lesson: Lesson,
  d: Pick<PrivateDaemon, 'version' | 'standIns'>,
): SimulatorOnly | undefined {
  const major = Number(/^(\d+)/.exec(d.version)?.[1] ?? 0);
  if (wantsLegacyOverlay(lesson) && major >= 23) return { why: 'legacy-overlay', version: d.version };
  if (runsContainers(lesson) && !d.standIns) return { why: 'no-busybox' };
  if (lesson.data.steps.some((s) => 'checks' in s && (s.checks ?? []).some(wantsGoalState)))
    return { why: 'goal-state' };
  return undefined;
}

/** Where a lesson runs on this machine: a kernel lesson on the kernel (when its workdir's parent
 * is here), another on the daemon (when there is one and it can). */
export function placeOf(
  lesson: Lesson,
  d: Pick<PrivateDaemon, 'version' | 'standIns'> | undefined,
  exists: (dir: string) => boolean = existsSync,
): RealPlace {
  if (lesson.data.real === 'kernel') {
    const workdir = lesson.data.workdir ?? '/tmp/lab';
    const outside = labCovers('/', workdir).find((c) => c.at === dirname(workdir));
    if (outside && !exists(outside.at)) return { on: 'simulator', why: { why: 'no-workdir-parent', dir: outside.at } };
    return { on: 'kernel' };
  }
  if (!d) return { on: 'simulator', why: { why: 'no-dockerd' } };
  const why = simulatorOnlyReason(lesson, d);
  return why ? { on: 'simulator', why } : { on: 'daemon' };
}

/** The preflight, the private dockerd (where this machine has one) and what every lesson needs of
 * it, the kernel lessons' labs; a number is the exit status when the mode cannot run (the screen
 * saying why has been said). `say` hears the start and, unless a rebuild is given its own, what
 * each lesson's preparation does. */
export async function startRealLessons(
  say: (s: string) => void,
  o: { preflightShown?: boolean; kernelOnly?: boolean } = {},
): Promise<RealLessons | number> {
  const p = await preflightHere();
  // --real=kernel: no dockerd started, whether this machine has one or not.
  const usable = (m: string) =>
    (m !== 'private' || !o.kernelOnly) && p.modes.find((v) => v.mode === m)?.usable === true;
  if (!o.preflightShown) {
    const ascii = localeIsAscii(process.env);
    if (!usable('private') && !usable('kernel')) {
      say(renderCannotRun(p, o.kernelOnly ? 'kernel' : 'private', ascii));
      return 2;
    }
    say(renderPreflight(p, ascii));
    if (!usable('private')) say(o.kernelOnly ? KERNEL_ASKED : KERNEL_ONLY);
  }
  const kernelBase = defaultKernelDir();
  const left = leftoversSaid(await cleanKernelLeftovers(kernelBase));
  if (left) say(left);
  let d: PrivateDaemon | undefined;
  let side: (RealLessonSide & { close(): void }) | undefined;
  if (usable('private')) {
    const started = await privateDaemonOrScreen(say, { keepImages: true, preflightShown: true });
    if (typeof started === 'string') {
      say(started);
      return 2;
    }
    d = started;
    try {
      // An earlier tutor wrote every image's archive into images/ on each start: gone for the cache.
      rmSync(join(d.dir, 'images'), { recursive: true, force: true });
      const archives = openImageArchives(join(d.dir, 'archives'));
      const trace = installTrace(d.dir);
      const ctl = join(d.dir, 'ctl');
      rmSync(ctl, { recursive: true, force: true });
      mkdirSync(ctl, { recursive: true });
      side = lessonSide(d, { trace, archives, ctl, state: join(d.dir, 'shell-state') }, say);
    } catch (e) {
      await d.stop();
      say(`overlay-tutor: the real host could not be prepared: ${(e as Error).message}\n`);
      return 2;
    }
  } else if (!usable('kernel')) return 2;
  const daemon = d;
  const placeHere = (lesson: Lesson): RealPlace => {
    const place = placeOf(lesson, daemon);
    return o.kernelOnly && place.on === 'simulator' && place.why.why === 'no-dockerd'
      ? { on: 'simulator', why: { why: 'kernel-only' } }
      : place;
  };
  let kernel: KernelLessonSide | undefined;
  let active: RealLessonSide | KernelLessonSide | undefined;
  let stopping: Promise<void> | undefined;
  /** Why the last kernel lesson's lab could not be made, while that holds. */
  let labFailed: string | undefined;
  return {
    daemon,
    facts: { dockerVersion: daemon?.version ?? '', kernel: release(), storage: 'overlay2' },
    get active() {
      return active;
    },
    // After a lab could not be made, the map says the kernel lessons run on the simulator, and why.
    place: (lesson) =>
      labFailed !== undefined && lesson.data.real === 'kernel'
        ? { on: 'simulator', why: { why: 'no-lab', detail: labFailed } }
        : placeHere(lesson),
    open: async (lesson) => {
      const place = placeHere(lesson);
      // One real side at a time: the last lesson's lab goes (its namespace, its mounts, its dir).
      await kernel?.close();
      kernel = undefined;
      side?.close();
      if (place.on === 'simulator') {
        active = undefined;
        return place.why;
      }
      if (place.on === 'kernel') {
        // A lab that cannot be made here (unshare refused, no overlay): the lesson on the simulator, saying why.
        const lab = kernelSide(kernelBase, lesson.data.workdir ?? '/tmp/lab');
        const why = await lab.prepare();
        labFailed = why;
        if (why !== undefined) {
          active = undefined;
          return { why: 'no-lab', detail: why };
        }
        kernel = lab;
      }
      active = place.on === 'kernel' ? kernel : side;
      return active as RealLessonSide | KernelLessonSide;
    },
    leave: async () => {
      const lab = kernel;
      if (!lab) return;
      kernel = undefined;
      if (active === lab) active = undefined;
      await lab.close();
    },
    stop: () =>
      (stopping ??= (async () => {
        await kernel?.close();
        side?.close();
        await daemon?.stop();
      })()),
  };
}

/** The lessons on a real host started once the screen is open (it shows what the start says, in
 * place of a blank wait) and stopped when it closes — also when it closes while they start. */
export interface RealLessonsLater {
  /** The lessons, or why they cannot run (said to `say` already). */
  start(say: (s: string) => void): Promise<RealLessons | string>;
  /** Stops them (after their start, if it is under way); `say` hears it when there was one. */
  stop(say?: (s: string) => void): Promise<void>;
}

export function realLessonsLater(o: { kernelOnly?: boolean } = {}): RealLessonsLater {
  let started: Promise<RealLessons | number> | undefined;
  return {
    start(say) {
      started ??= startRealLessons(say, { ...o, preflightShown: true });
      return started.then((r) => (typeof r === 'number' ? 'the real host could not be prepared' : r));
    },
    async stop(say) {
      const r = await started;
      if (r === undefined || typeof r === 'number') return;
      if (r.daemon) say?.('Stopping the private dockerd ...\n');
      await r.stop();
    },
  };
}

/** The real side every lesson shares: one bash at a time, started afresh by each rebuild and again,
 * where the last left off, after the learner's `exit`. */
function lessonSide(
  d: PrivateDaemon,
  extras: { trace: TraceDirs; archives: ImageArchives; ctl: string; state: string },
  sayByDefault: (s: string) => void,
): RealLessonSide & { close(): void } {
  let shell: RealShell | undefined;
  let host = realHost({ cli: d.cli, env: d.env, daemonPid: () => d.pid });
  const shellExtras = { trace: extras.trace, images: extras.archives.dir, ctl: extras.ctl, state: extras.state };
  // `systemctl restart docker` restarts the private dockerd with the driver its daemon.json names;
  // a pull asks for an archive the cache has not got yet.
  const serve = requestServer(d, extras.archives, () => host.readText('/etc/docker/daemon.json'));
  const fresh = async (restore = false) => {
    shell?.close();
    if (!restore) rmSync(extras.state, { force: true });
    shell = new RealShell(d, { ...shellExtras, restore }, serve);
    await shell.ready;
    host = realHost({ cli: d.cli, env: d.env, daemonPid: () => d.pid, ...(shell.pid ? { filesPid: shell.pid } : {}) });
    return shell;
  };
  const quiet = async (line: string, say: (s: string) => void) => {
    say(`  ${line}\n`);
    let out = '';
    const r = await (shell ?? (await fresh())).run(line, (s) => {
      out += s;
    });
    // What the learner waiting for the rebuild should see: the pull stand-in's notes.
    for (const note of out.match(PULL_NOTE) ?? []) say(`    ${note.trimEnd()}\n`);
    if (r.exited) await fresh(true);
  };
  return {
    on: 'daemon',
    daemon: d,
    get host() {
      return host;
    },
    prompt: () => {
      const cwd = shell?.cwd ?? '/root';
      return `root@real:${cwd === '/root' ? '~' : cwd.replace(/^\/root\//, '~/')}# `;
    },
    async run(line: string, io: CommandIO): Promise<RealLineResult> {
      const sh = shell ?? (await fresh());
      takeTrace(extras.trace.records);
      const r = await sh.run(line, (s) => io.stdout(s), io.signal);
      const commands = takeTrace(extras.trace.records);
      // The learner's `exit` ended the bash: another takes up where it left off (cwd, variables,
      // functions, options), as the simulated lesson's shell stays; the runner says so.
      if (r.exited) await fresh(true);
      host.refresh();
      return {
        exitCode: r.exitCode,
        commands,
        ...(r.interrupted ? { interrupted: true } : {}),
        ...(r.exited ? { exited: true } : {}),
      };
    },
    async expand(raw: string): Promise<string> {
      let given = '';
      const sh = shell ?? (await fresh());
      await sh.run(`set -- ${raw}; printf '%s' "$*"`, (s) => {
        given += s;
      });
      takeTrace(extras.trace.records);
      return given.trim();
    },
    async rebuild(setup: readonly string[], lines: readonly string[], say = sayByDefault): Promise<void> {
      shell?.close();
      shell = undefined;
      await resetDaemon(d, imagesPulledBy(setup));
      await fresh();
      for (const line of [...setup, ...lines]) await quiet(line, say);
      takeTrace(extras.trace.records);
      host.refresh();
    },
    close: () => {
      shell?.close();
      shell = undefined;
    },
  };
}
