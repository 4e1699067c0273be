// Shared set-up for the docker engine and CLI tests: a kernel on a fresh memfs volume, a seeded
// random and a stepping clock, the tutorial registry, and a tiny stand-in for the shell's command
// runner (enough for `echo x > f`, `rm`, `cat`, `mkdir`, `touch`, `ln -s`, `exit n`, joined by &&).
import { Volume } from 'memfs';
import { Budget, Kernel, seededRandom, steppingClock, type Proc } from '../../src/kernel/index.js';
import { createDaemon, type DockerEngine, type RunCommand } from '../../src/docker/engine/index.js';
import { createTutorialRegistry } from '../../src/docker/registry/tutorial.js';
import { createDockerCommand } from '../../src/shell/commands/docker/index.js';
import type { CommandContext } from '../../src/shell/command.js';

export const T0 = Date.parse('2026-11-23T23:00:00Z');

function runSimple(p: Proc, line: string, out: (s: string) => void): number {
  for (const part of line.split('&&').map((s) => s.trim())) {
    const m = /^echo (.*?)(?: (>>?) (\S+))?$/.exec(part);
    const w = part.split(/\s+/);
    if (m) {
      const text = `${(m[1] ?? '').replace(/^["']|["']$/g, '')}\n`;
      if (m[3])
        p.writeFile(m[3], text, m[2] === '>>' ? { create: true, append: true } : { create: true, truncate: true });
      else out(text);
    } else if (w[0] === 'rm') {
      for (const f of w.slice(1).filter((a) => !a.startsWith('-'))) rmrf(p, f);
    } else if (w[0] === 'cat') out(new TextDecoder().decode(p.readFile(w[1] as string)));
    else if (w[0] === 'mkdir') for (const f of w.slice(1).filter((a) => !a.startsWith('-'))) p.mkdir(f);
    else if (w[0] === 'touch') p.open(w[1] as string, { write: true, create: true });
    else if (w[0] === 'ln' && w[1] === '-s') p.symlink(w[2] as string, w[3] as string);
    else if (w[0] === 'ln') p.link(w[1] as string, w[2] as string);
    else if (w[0] === 'exit') return Number(w[1]);
    else if (w[0] === 'true' || w[0] === 'sleep') continue;
    else if (w[0] === 'ls')
      out(
        p
          .readdir(w.slice(1).find((a) => !a.startsWith('-')) ?? '.')
          .map((e) => e.name)
          .sort()
          .join('\n') + '\n',
      );
    else return 127;
  }
  return 0;
}

function rmrf(p: Proc, path: string): void {
  const st = p.lstat(path);
  if (st.type === 'dir') {
    for (const e of p.readdir(path)) rmrf(p, `${path}/${e.name}`);
    p.rmdir(path);
  } else p.unlink(path);
}

export interface Env {
  kernel: Kernel;
  daemon: DockerEngine;
  proc: Proc;
  lines: string[];
  entered: { root: string; hostname: string; onExit?: () => void }[];
  /** Whether docker's stdout is a terminal (pull progress differs); default true. */
  terminal: boolean;
  docker(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  ls(dir: string): string[];
  read(path: string): string;
}

export function makeEnv(seed = 1): Env {
  const clock = steppingClock(T0, 1000);
  const random = seededRandom(seed);
  const kernel = new Kernel({ volume: new Volume(), clock, random });
  const lines: string[] = [];
  const runCommand: RunCommand = async (line, o) => {
    lines.push(line);
    return runSimple(kernel.proc({ root: o.root, cwd: o.cwd }), line, (s) => o.io.stdout(s));
  };
  const daemon = createDaemon({ kernel, clock, random, registry: createTutorialRegistry(), runCommand });
  const cmd = createDockerCommand(daemon);
  const proc = kernel.proc({});
  const entered: Env['entered'] = [];
  const env: Env = {
    terminal: true,
    kernel,
    daemon,
    proc,
    lines,
    entered,
    async docker(...args: string[]) {
      let stdout = '';
      let stderr = '';
      const dec = new TextDecoder();
      const text = (d: string | Uint8Array): string => (typeof d === 'string' ? d : dec.decode(d));
      const ctx: CommandContext = {
        budget: new Budget(),
        argv: ['docker', ...args],
        stdin: new Uint8Array(),
        stdout: (d) => void (stdout += text(d)),
        stderr: (d) => void (stderr += text(d)),
        // Typed at the tutor: docker run -it and exec -it have a terminal to attach.
        stdinIsTerminal: true,
        stdoutIsTerminal: env.terminal,
        proc,
        env: new Map(),
        shell: {
          runLine: async () => 0,
          enterShell: (o) => void entered.push(o),
          history: () => [],
        },
      };
      const code = await cmd.run(ctx);
      return { code, stdout, stderr };
    },
    ls: (dir) =>
      proc
        .readdir(dir)
        .map((e) => e.name)
        .sort(),
    read: (path) => new TextDecoder().decode(proc.readFile(path)),
  };
  return env;
}

/** `ls -l`'s mode string for a path. */
export function modeOf(p: Proc, path: string): string {
  return (p.lstat(path).mode & 0o7777).toString(8).padStart(4, '0');
}
