// A session on the user's own daemon (`--real=system`), as the line REPL, the screen and the
// replay share it: the preflight (one screen and exit 2 when it cannot run), the cleanup after
// sessions that did not end (a kill -9), the record of what the daemon already holds, the guard
// every docker command of the learner's goes through (src/real/system-guard.ts), the tutorial
// images (shown and confirmed), `reset`, and at the end the removal of what the session made.
// Where its words go and who answers its questions is the caller's: the line REPL's stdout and
// stdin, the screen's output and input line.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { localeIsAscii } from '../i18n/index.js';
import { preflightHere } from './commands.js';
import { type DaemonSummary, type Preflight, renderCannotRun, renderPreflight } from './preflight.js';
import { findExecutable } from './probe.js';
import { type BashLaunch, RealShell } from './real-shell.js';
import { type Guard, showArgv, startGuard } from './system-guard.js';
import { describeImagePlan, loadPlannedImages, planTutorialImages } from './system-images.js';
import {
  type CleanupReport,
  cleanStaleSessions,
  cleanupSession,
  type DaemonCli,
  daemonId,
  defaultSystemDir,
  forgetRemoved,
  forgetSession,
  newRecord,
  runtimeDir,
  type SessionRecord,
  writeRecord,
} from './system-session.js';
import { SETUP_CHECK, systemLaunch } from './system-shell.js';

export interface SystemOptions {
  yes?: boolean;
  dryRun?: boolean;
  /** Start without the tutorial images. */
  bare?: boolean;
}

/** Where the session's words go, and who answers its y/N questions (a line shown; true to run). */
export interface SystemTalk {
  say: (s: string) => void;
  confirm: (shown: string) => Promise<boolean>;
}

export interface SystemSession {
  d: DaemonCli;
  daemon: DaemonSummary;
  record: SessionRecord;
  dir: string;
  runtime: string;
  yes: boolean;
  dryRun: boolean;
  /** Set by the caller as it goes (the screen: the output and input line of the line running). */
  talk: SystemTalk;
  /** What the session is and promises, said once it has begun. */
  banner(): string;
  /** The tutorial images, as planned: shown, asked, loaded (none with --bare). */
  loadImages(): Promise<void>;
  /** `reset`: what the session made, removed (asked first), and the images loaded again. */
  reset(): Promise<void>;
  /** The learner's bash, checked: the data-root read-only, docker the guard's stand-in; a string
   * says why it cannot be used (the caller stops). */
  openShell(): Promise<RealShell | string>;
  /** Removes what the session made and forgets it; once. */
  cleanup(): Promise<void>;
}

const count = (xs: readonly unknown[], noun: string) => `${xs.length} ${noun}${xs.length === 1 ? '' : 's'}`;

/** What the user had on the daemon when the session began, counted: `2 containers, 1 image, 0 volumes`. */
export const whatYouHad = (r: SessionRecord): string =>
  `${count(r.preexisting.containers, 'container')}, ${count(r.preexisting.images, 'image')}, ` +
  count(r.preexisting.volumes, 'volume');

export function describeCleanup(r: CleanupReport, dryRun: boolean): string {
  const out = r.steps.map((s) => `  ${dryRun ? '(dry run) would run: ' : s.ok ? '- ' : '! '}${showArgv(s.args)}`);
  for (const l of r.left) out.push(`  left: ${l}`);
  return out.length ? `${out.join('\n')}\n` : '  nothing to remove\n';
}

/** The one screen when the mode cannot run: the preflight, what is missing, what would work. */
function cannotRun(p: Preflight, extra: string | undefined, ascii: boolean): string | undefined {
  const system = p.modes.find((m) => m.mode === 'system')!;
  // A reason of the preflight's own is enough, but for root (which it does not ask of a rootless daemon).
  if (extra && (system.usable || extra.startsWith('needs root'))) {
    system.usable = false;
    system.reasons.push(extra);
  }
  return system.usable ? undefined : renderCannotRun(p, 'system', ascii);
}

/** Starts a session, writing the preflight and what it cleaned up to `write`; a number is the exit
 * status when it cannot run (its screen written). */
export async function startSystemSession(
  o: SystemOptions,
  talk: SystemTalk,
  preflight: Promise<Preflight> = preflightHere(),
): Promise<SystemSession | number> {
  const write = (s: string) => talk.say(s);
  const ascii = localeIsAscii(process.env);
  const p = await preflight;
  const root = process.getuid?.() === 0;
  const cli = findExecutable('docker');
  // As the docker CLI does: $DOCKER_HOST when it is set (never another daemon in its place), else
  // the default socket, else the rootless one.
  const named = process.env.DOCKER_HOST;
  const daemon = p.daemons.find((x) => x.storageVisible && (!named || x.source === 'DOCKER_HOST'));
  const screen = cannotRun(
    p,
    !root
      ? 'needs root: your lines run in a mount namespace of their own, with the data-root read-only'
      : named && !daemon
        ? `DOCKER_HOST=${named} did not answer, and the tutor uses no other daemon in its place`
        : !cli
          ? 'needs the docker CLI (apt-get install docker.io)'
          : !findExecutable('unshare')
            ? 'needs unshare(1) (util-linux)'
            : undefined,
    ascii,
  );
  if (screen || !daemon || !cli) {
    write(screen ?? renderCannotRun(p, 'system', ascii));
    return 2;
  }
  write(renderPreflight(p, ascii));
  const dir = defaultSystemDir();
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('DOCKER_')) env[k] = v;
  env.DOCKER_HOST = daemon.endpoint;
  env.DOCKER_CLI_HINTS = 'false';
  const d: DaemonCli = { endpoint: daemon.endpoint, cli, env };
  const dryRun = Boolean(o.dryRun);
  const yes = Boolean(o.yes);
  env.DOCKER_CONFIG = join(dir, 'cli-config');
  let record: SessionRecord;
  try {
    mkdirSync(env.DOCKER_CONFIG, { recursive: true, mode: 0o700 });
    const stale = await cleanStaleSessions(dir, d, await daemonId(d), dryRun);
    for (const s of stale.cleaned)
      write(
        `${dryRun ? 'Would clean up' : 'Cleaned up'} after session ${s.id} ` +
          `(started ${s.startedAt}), which did not end:\n` +
          describeCleanup(s.report, dryRun),
      );
    for (const s of stale.skipped) write(`Left alone: ${s}\n`);
    record = await newRecord(d, daemon.endpoint);
  } catch (e) {
    write(`overlay-tutor: your daemon at ${daemon.endpoint} did not answer as expected: ${(e as Error).message}\n`);
    return 2;
  }
  const runtime = runtimeDir(dir, record.id);
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  if (!dryRun) writeRecord(dir, record);

  const session: SystemSession = {
    d,
    daemon,
    record,
    dir,
    runtime,
    yes,
    dryRun,
    talk,
    banner: () =>
      `Session ${record.id} on your daemon ${daemon.endpoint} (${daemon.product} ${daemon.version}).\n` +
      'What it creates is its own: containers, volumes and networks carry the label\n' +
      `org.overlay-tutor.session=${record.id}; images and tags ${dryRun ? 'would be' : 'are'} listed in\n` +
      `${join(dir, 'sessions', `${record.id}.json`)}.\n` +
      `What you had (${whatYouHad(record)}) is never changed or removed.\n` +
      (dryRun ? 'Dry run: nothing on your daemon changes; each change is printed instead.\n' : '') +
      (yes ? '--yes: changes run without asking, each printed with + first.\n' : ''),
    loadImages: async () => {
      if (o.bare) return;
      session.talk.say('Preparing the tutorial images from the simulator ...\n');
      const plan = await planTutorialImages(d);
      session.talk.say(describeImagePlan(plan));
      if (plan.load.length === 0) return;
      const shown = `docker load -i tutorial-images.tar   (${plan.load.length} tags)`;
      if (dryRun) session.talk.say(`  (dry run) would run: ${shown}\n`);
      else if (yes || (await session.talk.confirm(shown))) {
        if (yes) session.talk.say(`  + ${shown}\n`);
        const problems = await loadPlannedImages(d, record, dir, plan);
        session.talk.say(
          problems.length
            ? `Images differ from the simulator's:\n${problems.map((x) => `  ${x}`).join('\n')}\n`
            : `${plan.load.length} images loaded: the same image IDs as in the simulator.\n`,
        );
      } else session.talk.say('Not loaded: the lessons use only the images you have.\n');
    },
    reset: async () => {
      const planned = await cleanupSession(d, record, true);
      session.talk.say(
        `Removing what session ${record.id} made:\n` +
          describeCleanup(planned, true).replace(/\(dry run\) would run: /g, ''),
      );
      if (dryRun) session.talk.say('  (dry run: nothing removed)\n');
      else if (yes || planned.steps.length === 0 || (await session.talk.confirm('the removals above'))) {
        session.talk.say(describeCleanup(await cleanupSession(d, record), false));
        await forgetRemoved(d, record);
        writeRecord(dir, record);
        await session.loadImages();
      }
    },
    openShell: async () => {
      guard ??= await startGuard(
        {
          daemon: d,
          record,
          dir,
          confirm: (shown) => session.talk.confirm(shown),
          say: (s) => session.talk.say(s),
          yes,
          dryRun,
        },
        runtime,
        join(runtime, 'docker-real'),
      );
      const shell = new RealShell(launch());
      let check = '';
      await shell.run(SETUP_CHECK, (s) => {
        check += s;
      });
      if (check.startsWith('ro\n') && check.includes(join(runtime, 'bin', 'docker'))) return shell;
      shell.close();
      return `the namespace for your lines could not be set up safely (${check.trim()})`;
    },
    cleanup: () =>
      (cleaning ??= (async () => {
        void guard?.close();
        if (dryRun) {
          session.talk.say('Dry run: nothing was created, nothing to remove.\n');
          forgetSession(dir, record.id);
          return;
        }
        session.talk.say(`Removing what session ${record.id} created:\n`);
        const r = await cleanupSession(d, record);
        session.talk.say(describeCleanup(r, false));
        if (r.left.every((l) => !l.startsWith('docker '))) forgetSession(dir, record.id);
      })()),
  };
  let guard: Guard | undefined;
  let cleaning: Promise<void> | undefined;
  const launch = (): BashLaunch =>
    systemLaunch({
      runtime,
      realCli: cli,
      dockerHost: daemon.endpoint,
      dockerConfig: join(runtime, 'cli-config'),
      ...(daemon.dataRoot ? { dataRoot: daemon.dataRoot } : {}),
    });
  return session;
}
