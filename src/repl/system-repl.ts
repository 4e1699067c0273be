// `overlay-tutor sandbox --real=system [--yes] [--dry-run]` in line mode: the learner's lines in a
// real bash against the user's own daemon, every docker command through the guard
// (src/real/system-guard.ts). It starts by cleaning up after sessions that did not end (a kill
// -9), records what the daemon already holds, loads the tutorial images (shown and confirmed);
// `reset` removes what the session made and loads the images again; the end of the REPL (exit,
// end of input, Ctrl-C, SIGTERM, SIGHUP) removes what the session made.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { derivePanesOf } from '../panes/model.js';
import { localeIsAscii } from '../i18n/index.js';
import { preflightHere } from '../real/commands.js';
import { type Preflight, renderCannotRun, renderPreflight } from '../real/preflight.js';
import { findExecutable } from '../real/probe.js';
import { realHost } from '../real/real-host.js';
import { RealShell } from '../real/real-shell.js';
import { startGuard, showArgv } from '../real/system-guard.js';
import { describeImagePlan, loadPlannedImages, planTutorialImages } from '../real/system-images.js';
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
} from '../real/system-session.js';
import { SETUP_CHECK, systemLaunch } from '../real/system-shell.js';
import { panesText } from './real-repl.js';

export interface SystemReplOptions {
  yes?: boolean;
  dryRun?: boolean;
  /** Start without the tutorial images. */
  bare?: boolean;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** Lines from the input, taken one at a time by the REPL and by the questions it asks. */
class Lines {
  private readonly queue: string[] = [];
  private waiting: ((l: string | undefined) => void) | undefined;
  private ended = false;
  constructor(input: NodeJS.ReadableStream) {
    const rl = createInterface({ input, terminal: false });
    rl.on('line', (l) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = undefined;
        w(l);
      } else this.queue.push(l);
    });
    rl.on('close', () => {
      this.ended = true;
      this.waiting?.(undefined);
    });
  }
  next(): Promise<string | undefined> {
    if (this.queue.length) return Promise.resolve(this.queue.shift());
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((r) => {
      this.waiting = r;
    });
  }
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

const count = (xs: readonly unknown[], noun: string) => `${xs.length} ${noun}${xs.length === 1 ? '' : 's'}`;

export function describeCleanup(r: CleanupReport, dryRun: boolean): string {
  const out = r.steps.map((s) => `  ${dryRun ? '(dry run) would run: ' : s.ok ? '- ' : '! '}${showArgv(s.args)}`);
  for (const l of r.left) out.push(`  left: ${l}`);
  return out.length ? `${out.join('\n')}\n` : '  nothing to remove\n';
}

export async function runSystemRepl(o: SystemReplOptions = {}): Promise<number> {
  const output = o.output ?? process.stdout;
  const write = (s: string) => void output.write(s);
  const ascii = localeIsAscii(process.env);
  const p = await preflightHere();
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
  write(
    `\nSession ${record.id} on your daemon ${daemon.endpoint} (${daemon.product} ${daemon.version}).\n` +
      'What it creates is its own: containers, volumes and networks carry the label\n' +
      `org.overlay-tutor.session=${record.id}; images and tags ${dryRun ? 'would be' : 'are'} listed in\n` +
      `${join(dir, 'sessions', `${record.id}.json`)}.\n` +
      `What you had (${count(record.preexisting.containers, 'container')}, ` +
      `${count(record.preexisting.images, 'image')}, ${count(record.preexisting.volumes, 'volume')}) ` +
      'is never changed or removed.\n' +
      (dryRun ? 'Dry run: nothing on your daemon changes; each change is printed instead.\n' : '') +
      (o.yes ? '--yes: changes run without asking, each printed with + first.\n' : ''),
  );

  const lines = new Lines(o.input ?? process.stdin);
  const confirm = async (shown: string) => {
    write(`Run on your daemon? ${shown} [y/N] `);
    const a = (await lines.next())?.trim().toLowerCase();
    if (a === undefined) write('\n');
    return a === 'y' || a === 'yes';
  };
  const guardOptions = { daemon: d, record, dir, confirm, say: write, yes: Boolean(o.yes), dryRun };
  const realCli = join(runtime, 'docker-real');
  const launch = systemLaunch({
    runtime,
    realCli: cli,
    dockerHost: daemon.endpoint,
    dockerConfig: join(runtime, 'cli-config'),
    ...(daemon.dataRoot ? { dataRoot: daemon.dataRoot } : {}),
  });
  const guard = await startGuard(guardOptions, runtime, realCli);

  const loadImages = async () => {
    if (o.bare) return;
    write('Preparing the tutorial images from the simulator ...\n');
    const plan = await planTutorialImages(d);
    write(describeImagePlan(plan));
    if (plan.load.length === 0) return;
    const shown = `docker load -i tutorial-images.tar   (${plan.load.length} tags)`;
    if (dryRun) write(`  (dry run) would run: ${shown}\n`);
    else if (o.yes || (await confirm(shown))) {
      if (o.yes) write(`  + ${shown}\n`);
      const problems = await loadPlannedImages(d, record, dir, plan);
      write(
        problems.length
          ? `Images differ from the simulator's:\n${problems.map((x) => `  ${x}`).join('\n')}\n`
          : `${plan.load.length} images loaded: the same image IDs as in the simulator.\n`,
      );
    } else write('Not loaded: the lessons use only the images you have.\n');
  };

  let shell: RealShell | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      void guard.close();
      if (dryRun) {
        write('Dry run: nothing was created, nothing to remove.\n');
        forgetSession(dir, record.id);
        return;
      }
      write(`Removing what session ${record.id} created:\n`);
      const r = await cleanupSession(d, record);
      write(describeCleanup(r, false));
      if (r.left.every((l) => !l.startsWith('docker '))) forgetSession(dir, record.id);
    })());
  const onSignal = (sig: NodeJS.Signals) => {
    shell?.close();
    void cleanup().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.once(s, onSignal);
  try {
    await loadImages();
    shell = new RealShell(launch);
    let check = '';
    await shell.run(SETUP_CHECK, (s) => {
      check += s;
    });
    if (!check.startsWith('ro\n') || !check.includes(join(runtime, 'bin', 'docker'))) {
      write(`overlay-tutor: the namespace for your lines could not be set up safely (${check.trim()}); stopping\n`);
      return 2;
    }
    write(
      'Lines run in a real bash against your daemon. `panes` shows the panes,\n' +
        '`reset` removes what this session made (and loads the images again),\n' +
        '`exit` ends and removes it too.\n',
    );
    const host = realHost({ cli, env });
    let status = 0;
    let focus: string | undefined;
    for (;;) {
      write('real# ');
      const line = await lines.next();
      if (line === undefined) {
        write('\n');
        break;
      }
      const cmd = line.trim();
      if (cmd === 'panes') write(panesText(derivePanesOf(host, focus ? { container: focus } : {}, new Set())));
      else if (cmd === 'reset') {
        const planned = await cleanupSession(d, record, true);
        write(
          `Removing what session ${record.id} made:\n` +
            describeCleanup(planned, true).replace(/\(dry run\) would run: /g, ''),
        );
        if (dryRun) write('  (dry run: nothing removed)\n');
        else if (o.yes || planned.steps.length === 0 || (await confirm('the removals above'))) {
          write(describeCleanup(await cleanupSession(d, record), false));
          await forgetRemoved(d, record);
          writeRecord(dir, record);
          await loadImages();
        }
        focus = undefined;
      } else if (cmd !== '') {
        const r = await shell.run(line, write);
        status = r.exitCode;
        focus =
          /--name[= ](\S+)/.exec(line)?.[1] ??
          /docker (?:exec|start|stop|restart|diff)\s+(?:-\S+\s+)*(\S+)/.exec(line)?.[1] ??
          focus;
        if (r.exited) break;
      }
    }
    return status;
  } finally {
    shell?.close();
    await cleanup();
    for (const s of signals) process.removeListener(s, onSignal);
  }
}
