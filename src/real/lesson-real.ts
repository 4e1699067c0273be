// A lesson on a real Docker host: its setup and each step's reference solution run in the
// simulator (the prediction) and in a real bash against the tutor's private dockerd; the step's
// checks are evaluated on the real host through the Host interface — the same checks that judge a
// learner in the simulator — and the two transcripts are compared line by line, normalised as
// `replay --real` compares them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSimHost } from '../host/sim-host.js';
import { describeCheck, emptyRecord, evaluate, type StepRecord } from '../lessons/checks.js';
import type { Lesson } from '../lessons/loader.js';
import { imagePulledBy } from '../lessons/pane-hint.js';
import type { StepData } from '../lessons/schema.js';
import type { CommandTrace } from '../shell/command.js';
import { computeValue, ValueError } from '../lessons/values.js';
import { installTrace, takeTrace } from './command-trace.js';
import type { PrivateDaemon } from './private-daemon.js';
import { kernelSide } from './kernel-side.js';
import { type RealHost, realHost } from './real-host.js';
import { RealShell } from './real-shell.js';
import { type HostFacts, reportNotes } from './compare.js';
import { type ImageArchives, serveArchive } from './image-archives.js';
import type { HostValues } from './normalize.js';
import {
  agreementOf,
  compareLessonLines,
  type Agreement,
  type LineBlock,
  renderExplained,
  thisHost,
  twinMachine,
} from './replay.js';
import { simRun } from './tutorial-images.js';

export interface RealCheck {
  label: string;
  passed: boolean;
}

export interface RealStep {
  id: string;
  kind: StepData['kind'];
  checks: RealCheck[];
}

export interface RealLessonRun {
  folder: string;
  steps: RealStep[];
  /** The lines compared, normalised. */
  blocks: LineBlock[];
  /** Lines not compared, and why (a `docker pull` served from the simulator's archive). */
  notCompared: Array<{ line: string; why: string }>;
  agreement: Agreement;
}

/** A pull the real side served from the archive: there is no registry to compare with. */
const isPull = (line: string) => /^docker\s+(image\s+)?pull\b/.test(line.trim());

/** Serves what a lesson's bash asks of the tutor (src/real/command-trace.ts): `archive REF`, the
 * tutorial image's archive made for a pull; `systemctl restart docker`, the private dockerd
 * restarted with the driver its daemon.json (read by `daemonJson`) names, as systemd restarts
 * docker.service and dockerd reads /etc/docker/daemon.json. */
export function requestServer(d: PrivateDaemon, archives: ImageArchives, daemonJson: () => string | undefined) {
  return async (args: string[]): Promise<{ code: number; message: string }> => {
    if (args[0] === 'archive') return serveArchive(archives, args[1] ?? '');
    return restartAsSystemd(d, daemonJson());
  };
}

/** Back to a fresh host: the overlay2 driver, no containers, images or volumes — but the images
 * named in `keep` (the next lesson's setup pulls them: loading them again would only cost time). */
export async function resetDaemon(d: PrivateDaemon, keep: readonly string[] = []): Promise<void> {
  if (d.storageDriver !== 'overlay2' || d.readsDaemonJson) {
    const why = await d.restart({ storageDriver: 'overlay2' });
    if (why) throw new Error(why);
  }
  const docker = (args: string[]) =>
    spawnSync(d.cli, args, { env: d.env, encoding: 'utf8', timeout: 120_000 }).stdout?.split('\n').filter(Boolean) ??
    [];
  const containers = docker(['ps', '-aq']);
  if (containers.length) docker(['rm', '-f', '-v', ...containers]);
  const kept = new Set(keep.map((r) => (r.includes(':') ? r : `${r}:latest`)));
  const refs = docker(['images', '--format', '{{.Repository}}:{{.Tag}} {{.ID}}']).map((l) => l.split(' '));
  const keepIds = new Set(refs.filter(([ref]) => kept.has(ref ?? '')).map(([, id]) => id));
  const images = [...new Set(docker(['images', '-aq']))].filter((id) => !keepIds.has(id));
  if (images.length) docker(['rmi', '-f', ...images]);
  docker(['volume', 'prune', '-f']);
  // A fresh /root and /etc/docker in the daemon's namespace, as on a fresh host.
  spawnSync(
    'nsenter',
    [
      '-t',
      String(d.pid),
      '-m',
      'sh',
      '-c',
      'for m in /root /etc/docker; do umount -l $m; mount -t tmpfs tmpfs $m; done',
    ],
    { stdio: 'ignore', timeout: 30_000 },
  );
}

export { driverIn } from './private-daemon.js';

/** `systemctl restart docker` (or start) on the real side: the private dockerd restarted reading the
 * learner's /etc/docker/daemon.json, as systemd restarts docker.service and dockerd reads the file —
 * a file dockerd refuses fails the job as systemd reports it, and the daemon stays down until the
 * next restart, as on a stock host. */
export async function restartAsSystemd(
  d: PrivateDaemon,
  daemonJson: string | undefined,
): Promise<{ code: number; message: string }> {
  const why = await d.restart({ daemonJson: daemonJson ?? null });
  return why
    ? {
        code: 1,
        message:
          'Job for docker.service failed because the control process exited with error code.\n' +
          'See "systemctl status docker.service" and "journalctl -xeu docker.service" for details.',
      }
    : { code: 0, message: '' };
}

const isAnswer = (line: string) => /^answer\b/.test(line);

/** The images a lesson's setup pulls. */
export function setupImages(lesson: Lesson): string[] {
  return imagesPulledBy(lesson.data.setup);
}

/** The images these lines pull. */
export function imagesPulledBy(lines: readonly string[]): string[] {
  return lines.flatMap((l) => imagePulledBy(l) ?? []);
}

/** A real bash the lesson's lines run in, and the host its checks read. */
interface RealRunner {
  run(line: string, onOutput: (s: string) => void): Promise<{ exitCode: number; commands: CommandTrace[] }>;
  readonly host: RealHost;
}

/** Runs the lesson on both hosts; the daemon should be fresh (resetDaemon). */
export async function runLessonOnReal(
  d: PrivateDaemon,
  lesson: Lesson,
  archives: ImageArchives,
): Promise<RealLessonRun> {
  const ctl = join(d.dir, 'ctl');
  rmSync(ctl, { recursive: true, force: true });
  mkdirSync(ctl, { recursive: true });
  const trace = installTrace(d.dir);
  takeTrace(trace.records);
  const serve = requestServer(d, archives, () => host.readText('/etc/docker/daemon.json'));
  const shell = new RealShell(d, { trace, images: archives.dir, ctl }, serve);
  await shell.ready;
  const host = realHost({
    cli: d.cli,
    env: d.env,
    daemonPid: () => d.pid,
    ...(shell.pid ? { filesPid: shell.pid } : {}),
  });
  try {
    return await runOnBoth(
      lesson,
      {
        host,
        run: async (line, onOutput) => {
          const r = await shell.run(line, onOutput);
          return { exitCode: r.exitCode, commands: takeTrace(trace.records) };
        },
      },
      d.dataRoot,
      { ...thisHost(), socket: d.socket },
    );
  } finally {
    shell.close();
  }
}

/** Runs a kernel lesson (`real: kernel`) on both hosts: on the real side in a lab of its own under
 * `base` (src/real/kernel-lab.ts), no daemon; the lab is removed at the end. */
export async function runKernelLessonOnReal(lesson: Lesson, base: string): Promise<RealLessonRun> {
  const side = kernelSide(base, lesson.data.workdir ?? '/tmp/lab');
  await side.rebuild([], []);
  const quiet = { stdin: new Uint8Array(), stdinIsTerminal: false, stdoutIsTerminal: false };
  try {
    return await runOnBoth(
      lesson,
      {
        get host() {
          return side.host;
        },
        run: (line, onOutput) =>
          side.run(line, { ...quiet, stdout: (s) => onOutput(String(s)), stderr: (s) => onOutput(String(s)) }),
      },
      '/var/lib/docker',
      thisHost(),
    );
  } finally {
    await side.close();
  }
}

/** The setup and each step's solution on the simulator and on the real runner, the checks judged
 * on the real host, the lines compared. */
async function runOnBoth(
  lesson: Lesson,
  real: RealRunner,
  dataRoot: string,
  hostValues: HostValues,
): Promise<RealLessonRun> {
  const sim = createSimHost({ seed: lesson.data.seed, interactive: false, ...twinMachine(hostValues.kernel) });
  const lines: string[] = [];
  const simOut: string[] = [];
  const realOut: string[] = [];
  const run = async (line: string, record: StepRecord) => {
    if (isAnswer(line)) {
      // The tutor's word: its argument is expanded by the shell, as the tutor expands it.
      let given = '';
      await real.run(`set -- ${line.replace(/^answer\s*/, '')}; printf '%s' "$*"`, (s) => {
        given += s;
      });
      record.answers.push(given.trim());
      return;
    }
    lines.push(line);
    let out = '';
    // The simulator computes while the real bash waits on the daemon.
    const [predicted, r] = await Promise.all([
      simRun(sim, line),
      real.run(line, (s) => {
        out += s;
      }),
    ]);
    simOut.push(predicted.out);
    realOut.push(out);
    record.ran.push({ line, exit: r.exitCode });
    record.output += out;
    record.commands.push(...r.commands);
    real.host.refresh();
  };
  for (const line of lesson.data.setup) await run(line, emptyRecord());
  const steps: RealStep[] = [];
  for (const step of lesson.data.steps) {
    if (step.kind === 'explain') continue;
    const record = emptyRecord();
    for (const line of step.solution) await run(line, record);
    const host = real.host;
    host.refresh();
    const checks: RealCheck[] =
      step.kind === 'answer'
        ? [answerShown(host, step.answer, record)]
        : step.checks.map((c) => ({ label: describeCheck(c), passed: evaluate(host, c, record) }));
    steps.push({ id: step.id, kind: step.kind, checks });
  }
  const all = compareLessonLines(lines, simOut, realOut, dataRoot, hostValues);
  const blocks = all.filter((b) => !isPull(b.line));
  const notCompared = all
    .filter((b) => isPull(b.line))
    .map((b) => ({ line: b.line, why: "no registry here: the image was loaded from the simulator's archive" }));
  return { folder: lesson.folder, steps, blocks, notCompared, agreement: agreementOf(blocks) };
}

/** A lesson run as a report shows it: every compared line (or only those that differ), each with why
 * it differs where the tutor knows; the lines not compared and why; what the host-specific
 * placeholders stand for. */
export function lessonReport(run: RealLessonRun, facts: HostFacts, o: { all?: boolean } = {}): string {
  const notes = reportNotes(run.blocks, facts);
  const shown = o.all ? run.blocks : run.blocks.filter((b) => !sameLines(b));
  const out = shown.map((b) => renderExplained(b, notes));
  for (const n of run.notCompared) out.push(`$ ${n.line}\n  not compared: ${n.why}`);
  if (notes.legend?.length)
    out.push(`Each host's own values, compared as placeholders:\n  ${notes.legend.join('\n  ')}`);
  return out.join('\n');
}

const sameLines = (b: LineBlock) => b.sim.length === b.real.length && b.sim.every((l, i) => l === b.real[i]);

/** An answer step on the real host: its solution printed the value the real host gives. */
function answerShown(host: RealHost, answer: Parameters<typeof computeValue>[1], record: StepRecord) {
  try {
    const want = computeValue(host, answer)
      .replace(/^sha256:/, '')
      .toLowerCase();
    return { label: `the solution shows the answer (${want})`, passed: record.output.toLowerCase().includes(want) };
  } catch (e) {
    if (e instanceof ValueError) return { label: `the answer cannot be computed: ${e.message}`, passed: false };
    throw e;
  }
}
