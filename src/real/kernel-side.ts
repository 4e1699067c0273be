// A kernel lesson's real side (src/lessons/real-side.ts): its lines run in the lab's bash
// (src/real/kernel-lab.ts), its checks and values read the lab's files through the Host interface
// (real-host.ts without a daemon, reading through /proc/<pid>/root of the namespace's holder, so
// overlay mounts made there are seen), and a rebuild (opening the lesson, reset, undo) is a fresh
// lab: a new namespace and dir, the setup and the learner's lines so far replayed in it.
import type { RealLineResult, RealSide } from '../lessons/real-side.js';
import type { CommandIO } from '../shell/command.js';
import { takeTrace } from './command-trace.js';
import { KernelLab } from './kernel-lab.js';
import { type RealHost, realHost } from './real-host.js';

export interface KernelLessonSide extends RealSide {
  readonly host: RealHost;
  /** The lab's dir, while there is one. */
  readonly lab: string | undefined;
  /** Ends the lab (its namespace, its mounts) and removes its dir; the next rebuild makes another. */
  close(): Promise<void>;
  /** Makes the lab the lesson will run in (the first rebuild takes it up as it is): why it cannot be
   * made here (unshare refused, no overlay …), if it cannot. */
  prepare(): Promise<string | undefined>;
}

/** The real side of a kernel lesson working in `workdir`, its labs made under `base`. */
export function kernelSide(base: string, workdir: string): KernelLessonSide {
  let lab: KernelLab | undefined;
  /** The lab was made and nothing has run in it yet (prepare's, for the first rebuild). */
  let unused = false;
  let host = realHost({});
  const make = async (): Promise<KernelLab | string> => {
    try {
      return await KernelLab.open(base, workdir);
    } catch (e) {
      return (e as Error).message;
    }
  };
  const adopt = (made: KernelLab) => {
    lab = made;
    unused = true;
    host = realHost({ filesPid: made.pid });
    return made;
  };
  const open = async () => {
    const made = await make();
    if (typeof made === 'string') throw new Error(`the kernel lesson's lab: ${made}`);
    return adopt(made);
  };
  const current = async () => {
    const l = lab ?? (await open());
    unused = false;
    return l;
  };
  const quiet = async (line: string) => {
    const l = await current();
    if ((await (await l.shell()).run(line, () => {})).exited) l.ended();
  };
  return {
    on: 'kernel',
    get host() {
      return host;
    },
    get lab() {
      return lab?.dir;
    },
    prompt: () => {
      const cwd = lab?.cwd ?? '/root';
      return `root@real:${cwd === '/root' ? '~' : cwd.replace(/^\/root\//, '~/')}# `;
    },
    async run(line: string, io: CommandIO): Promise<RealLineResult> {
      const l = await current();
      const sh = await l.shell();
      takeTrace(l.trace.records);
      const r = await sh.run(line, (s) => io.stdout(s), io.signal);
      const commands = takeTrace(l.trace.records);
      // The learner's `exit` ended the bash: another takes up where it left off (its cwd for the
      // prompt at once), as the simulated lesson's shell stays; the runner says so.
      if (r.exited) {
        l.ended();
        await l.shell();
      }
      host.refresh();
      return {
        exitCode: r.exitCode,
        commands,
        ...(r.interrupted ? { interrupted: true } : {}),
        ...(r.exited ? { exited: true } : {}),
      };
    },
    async expand(raw: string): Promise<string> {
      const l = await current();
      let given = '';
      await (await l.shell()).run(`set -- ${raw}; printf '%s' "$*"`, (s) => {
        given += s;
      });
      takeTrace(l.trace.records);
      return given.trim();
    },
    async prepare(): Promise<string | undefined> {
      if (lab) return undefined;
      const made = await make();
      if (typeof made === 'string') return made;
      adopt(made);
      return undefined;
    },
    async rebuild(setup: readonly string[], lines: readonly string[], say?: (s: string) => void): Promise<void> {
      // A lab prepare made, nothing run in it yet, is as fresh as a new one.
      if (!lab || !unused) {
        const old = lab;
        lab = undefined;
        await old?.close();
        await open();
      }
      const l = await current();
      // Each line said as it runs: a rebuild takes a moment the learner waits through.
      for (const line of [...setup, ...lines]) {
        say?.(`  ${line}\n`);
        await quiet(line);
      }
      takeTrace(l.trace.records);
      host.refresh();
    },
    close: async () => {
      const old = lab;
      lab = undefined;
      await old?.close();
    },
  };
}
