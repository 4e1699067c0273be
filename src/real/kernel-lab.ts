// A kernel lesson on a real host (`real: kernel` in lesson.yaml): no Docker at all, only the
// kernel's overlayfs. Each lesson gets a lab: a directory the tutor makes under its own dir
// (mkdtemp) and a real bash, as root, in a mount namespace of its own where
//  - the lesson's workdir's parent (/tmp for /tmp/lab) is the lab's parent/ and /root its home/,
//    both empty, as on the simulated host: the lesson's absolute paths land in the lab, and nothing
//    of the machine's there is seen or changed;
//  - the machine's overlay mounts (a daemon's containers) are not there, as on a fresh host;
//  - every mount the lesson makes (its overlay) lives and dies with the namespace, which ends with
//    the bash: nothing is ever mounted on the machine itself.
// Closing the lab ends every process started in it (each carries OVERLAY_TUTOR_LAB in its
// environment) and removes the directory. A lab whose tutor is gone (a crash, a kill -9) is found
// by the next start through its owner file and removed the same way.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { shellQuote } from '../posix/shell-quote.js';
import { installTrace, type TraceDirs } from './command-trace.js';
import { findExecutable } from './probe.js';
import { BASH_ARGS, type BashLaunch, RealShell, stateSaver } from './real-shell.js';

const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** The variable that marks every process of a lab (its value: the lab's dir). */
const MARK = 'OVERLAY_TUTOR_LAB';

/** Where kernel lessons keep their labs: beside the private daemon's dir ($OVERLAY_TUTOR_REAL_DIR/kernel
 * when that is set, else /var/lib/overlay-tutor/kernel). */
export function defaultKernelDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.OVERLAY_TUTOR_REAL_DIR ? join(env.OVERLAY_TUTOR_REAL_DIR, 'kernel') : '/var/lib/overlay-tutor/kernel';
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A process's start time (clock ticks after boot, /proc/<pid>/stat's 22nd field): with the pid,
 * it names one process, never a later one that got the same pid. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Every process whose environment names the lab: its bash and whatever was started in it (a
 * background job, a daemonised one included, keeps its environment). */
export function processesOfLab(lab: string): number[] {
  const mark = `${MARK}=${lab}\0`;
  const found: number[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      if (
        readFileSync(`/proc/${e}/environ`, 'latin1')
          .split(/(?<=\0)/)
          .includes(mark)
      )
        found.push(Number(e));
    } catch {
      // Ended while read, or a kernel thread.
    }
  }
  return found;
}

/** Mount points at or below `dir` in the tutor's own namespace (a lab has none there; a user's
 * bind of it would be one), deepest first. */
function mountsUnder(dir: string): string[] {
  const points = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) =>
      (l.split(' ')[4] ?? '').replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(Number.parseInt(o, 8))),
    )
    .filter((p) => p === dir || p.startsWith(`${dir}/`));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

/** SIGKILL to each of `pids` still there. */
function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
}

/** The last resort when the tutor exits without closing the lab: at once, synchronously. */
function removeLabNow(lab: string): void {
  killAll(processesOfLab(lab));
  rmSync(lab, { recursive: true, force: true });
}

/** Ends every process of the lab (its namespace goes with the last, and every mount in it) and
 * removes its dir; how many processes were still there. */
export async function removeLab(lab: string): Promise<number> {
  let killed = 0;
  for (let i = 0; i < 30; i++) {
    const left = processesOfLab(lab);
    if (left.length === 0) break;
    if (i === 0) killed = left.length;
    killAll(left);
    await sleep(50);
  }
  // Outside the namespace the lab holds plain directories; a mount here would be someone's bind.
  // (lazily: whatever holds it, the dir under it can go).
  for (const m of mountsUnder(lab)) spawnSync('umount', ['-l', m], { stdio: 'ignore' });
  rmSync(lab, { recursive: true, force: true });
  return killed;
}

interface Owner {
  tutor: number;
  tutorStart: string;
}

/** What a start found of labs whose tutor is gone. */
export interface LabLeftovers {
  removed: string[];
  killed: number;
}

/** What a start says of the labs it removed (none: nothing). */
export function leftoversSaid(left: LabLeftovers): string {
  const n = left.removed.length;
  return n === 0
    ? ''
    : `Cleaned up after an earlier run that did not stop: ${n} kernel ${n === 1 ? 'lab' : 'labs'} removed, ` +
        `${left.killed} processes ended.\n`;
}

/** Removes the labs under `base` whose tutor is no longer running (another tutor's running labs
 * are left alone). */
export async function cleanKernelLeftovers(base: string): Promise<LabLeftovers> {
  const report: LabLeftovers = { removed: [], killed: 0 };
  let names: string[];
  try {
    names = readdirSync(base).filter((n) => n.startsWith('lab-'));
  } catch {
    return report;
  }
  for (const name of names) {
    const lab = join(base, name);
    let owner: Owner | undefined;
    try {
      owner = JSON.parse(readFileSync(join(lab, 'owner.json'), 'utf8')) as Owner;
    } catch {
      owner = undefined;
    }
    if (owner && owner.tutor !== process.pid && startTimeOf(owner.tutor) === owner.tutorStart) continue;
    if (owner?.tutor === process.pid) continue;
    report.killed += await removeLab(lab);
    report.removed.push(lab);
  }
  return report;
}

/** A directory of the lab's put over one of the machine's in the namespace. */
export interface Cover {
  at: string;
  src: string;
}

/** The namespace's setup, run by sh before it becomes the namespace's holder: the machine's
 * overlay mounts dropped, then each cover bound over its dir. `keep`: the lab's own tools (trace
 * wrappers) at their path when a cover hides it (a lab under /tmp), bound into that cover's source
 * first (--rbind brings it along); the cover that hides the lab itself goes last, as the others'
 * sources would be hidden after it. The holder then waits for its stdin to end: the tutor's end,
 * or its death. */
export function kernelNamespaceScript(covers: readonly Cover[], keep?: Cover): string {
  const q = shellQuote;
  const hidesLab = (c: Cover) => keep?.src.startsWith(`${c.at}/`) === true;
  const ordered = [...covers.filter((c) => !hidesLab(c)), ...covers.filter(hidesLab)];
  return [
    'set -e',
    'mount --make-rprivate /',
    `awk '$3 == "overlay" { print $2 }' /proc/self/mounts | sort -r | while read -r m; do umount -l "$m" || true; done`,
    ...(keep ? [`mount --bind ${q(keep.src)} ${q(keep.at)}`] : []),
    ...ordered.map((c) => `mount --rbind ${q(c.src)} ${q(c.at)}`),
    'echo ready',
    'exec cat >/dev/null',
  ].join('\n');
}

/** What covers what in a lab at `dir` for a lesson working in `workdir`: /tmp and /root always
 * (fresh and empty, as on the simulated host), and the workdir's parent when it lies elsewhere
 * (/srv for /srv/lab: it must exist on the machine; the tutor creates nothing outside its dir). */
export function labCovers(dir: string, workdir: string): Cover[] {
  const parent = dirname(workdir);
  const inside = (p: string, d: string) => p === d || p.startsWith(`${d}/`);
  return [
    { at: '/tmp', src: join(dir, 'tmp') },
    { at: '/root', src: join(dir, 'home') },
    ...(inside(parent, '/tmp') || inside(parent, '/root') ? [] : [{ at: parent, src: join(dir, 'parent') }]),
  ];
}

/** Starts the namespace's holder: its pid once the namespace is set up, or why it could not be. */
function startHolder(unshare: string, script: string, lab: string): Promise<ChildProcess | string> {
  const holder = spawn(unshare, ['-m', '--propagation', 'private', '--', 'sh', '-c', script], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
    env: { PATH: SYSTEM_PATH, LANG: 'C', [MARK]: lab },
  });
  return new Promise((resolve) => {
    let said = '';
    let err = '';
    holder.stdout.on('data', (c: Buffer) => {
      said += c.toString();
      if (said.includes('ready\n')) resolve(holder);
    });
    holder.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    holder.on('error', (e) => resolve(e.message));
    holder.on('exit', (code) => resolve(`its namespace could not be made (${code}): ${err.trim()}`));
  });
}

/** One lesson's lab: its dir, its namespace (held by a process of its own, so a bash the learner
 * ends with `exit` does not take the lesson's mounts with it), the bash, the trace its checks read. */
export class KernelLab {
  private closing: Promise<void> | undefined;
  private bash: RealShell | undefined;
  private readonly onExit = () => removeLabNow(this.dir);

  private constructor(
    readonly dir: string,
    private readonly holder: ChildProcess,
    private readonly launch: BashLaunch,
    readonly trace: TraceDirs,
  ) {
    process.on('exit', this.onExit);
  }

  /** A fresh lab under `base` for a lesson working in `workdir`; a string says why it cannot be made. */
  static async open(base: string, workdir: string): Promise<KernelLab | string> {
    const unshare = findExecutable('unshare');
    const nsenter = findExecutable('nsenter');
    if (!unshare || !nsenter) return 'needs unshare(1) and nsenter(1) (util-linux)';
    const parent = dirname(workdir);
    const outside = labCovers('/', workdir).find((c) => c.at === parent);
    if (outside && !existsSync(parent))
      return `the lesson's ${parent} is not on this machine (the tutor creates nothing outside its dir)`;
    mkdirSync(base, { recursive: true, mode: 0o700 });
    const dir = mkdtempSync(join(base, 'lab-'));
    const owner: Owner = { tutor: process.pid, tutorStart: startTimeOf(process.pid) ?? '' };
    writeFileSync(join(dir, 'owner.json'), `${JSON.stringify(owner)}\n`);
    const covers = labCovers(dir, workdir);
    // As a stock host has them: /tmp sticky and open to all, /root its owner's alone.
    for (const c of covers) {
      mkdirSync(c.src);
      chmodSync(c.src, c.at === '/tmp' ? 0o1777 : c.at === '/root' ? 0o700 : 0o755);
    }
    const tools = join(dir, 'ot');
    const trace = installTrace(tools);
    // The lab's tools stay where they are when a cover would hide them (a base under /tmp).
    const cover = covers.find((c) => tools.startsWith(`${c.at}/`));
    const keep = cover ? { src: tools, at: join(cover.src, relative(cover.at, tools)) } : undefined;
    if (keep) mkdirSync(keep.at, { recursive: true });
    const holder = await startHolder(unshare, kernelNamespaceScript(covers, keep), dir);
    if (typeof holder === 'string') {
      await removeLab(dir);
      return holder;
    }
    const path = `${trace.bin}:${SYSTEM_PATH}`;
    const launch: BashLaunch = {
      command: nsenter,
      // Its stderr on its stdout from the start: what bash says as it starts (no job control without
      // a terminal) comes before the first line's marker, never after it on another pipe.
      args: ['-t', String(holder.pid), '-m', '--', 'sh', '-c', 'exec "$@" 2>&1', 'sh', ...BASH_ARGS],
      env: { [MARK]: dir },
      setup: [
        'cd /root',
        `export PATH=${shellQuote(path)}`,
        `export __OT_PATH=${shellQuote(SYSTEM_PATH)} __OT_TRACE=${shellQuote(trace.records)}`,
        // Its state kept after each line and as it exits, for the bash taken up after `exit`.
        ...stateSaver(join(tools, 'state')),
      ],
    };
    return new KernelLab(dir, holder, launch, trace);
  }

  /** The holder's pid: its /proc/<pid>/root and mountinfo are the namespace's. */
  get pid(): number {
    return this.holder.pid ?? 0;
  }

  /** The bash the lines run in: a new one in the same namespace when the last was ended (`exit`). */
  async shell(): Promise<RealShell> {
    if (!this.bash) {
      // After an `exit`, the new bash takes up the state the last one left: cwd, variables, $?.
      const state = shellQuote(join(this.dir, 'ot', 'state'));
      const restore = this.exits > 0 ? [`[ -f ${state} ] && . ${state}`] : [];
      this.bash = new RealShell({ ...this.launch, setup: [...this.launch.setup, ...restore] });
      await this.bash.ready;
    }
    return this.bash;
  }

  private exits = 0;

  /** The bash ended (`exit`): the next line starts another, the namespace's mounts as they are. */
  ended(): void {
    this.bash?.close();
    this.bash = undefined;
    this.exits++;
  }

  get cwd(): string {
    return this.bash?.cwd ?? '/root';
  }

  /** Ends the bash, the holder and everything started in the lab (the namespace and its mounts go
   * with the last), and removes the dir. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.bash?.close();
      this.holder.stdin?.end();
      await removeLab(this.dir);
      process.removeListener('exit', this.onExit);
    })();
    return this.closing;
  }
}
