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
}

/** The real side of a kernel lesson working in `workdir`, its labs made under `base`. */
export function kernelSide(base: string, workdir: string): KernelLessonSide {
  let lab: KernelLab | undefined;
  let host = realHost({});
  const open = async () => {
    const made = await KernelLab.open(base, workdir);
    if (typeof made === 'string') throw new Error(`the kernel lesson's lab: ${made}`);
    lab = made;
    host = realHost({ filesPid: made.pid });
    return made;
  };
  const current = async () => lab ?? (await open());
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
      host.refresh();
      if (r.exited) l.ended();
      return { exitCode: r.exitCode, commands, ...(r.interrupted ? { interrupted: true } : {}) };
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
    async rebuild(setup: readonly string[], lines: readonly string[], say?: (s: string) => void): Promise<void> {
      const old = lab;
      lab = undefined;
      await old?.close();
      const l = await open();
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
