// `overlay-tutor script FILE`: runs a file of shell lines in one host session and prints a
// transcript (`$ line`, then what the line wrote). Real files can be copied into the simulated
// disk first (--copy-in); nothing is ever written back to the real disk.
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Proc } from '../kernel/index.js';
import type { CommandIO } from '../shell/command.js';
import { createSimHost, type SimHostOptions } from '../host/sim-host.js';

export interface ScriptOptions {
  file: string;
  seed?: number;
  /** [real path, simulated path] pairs. */
  copyIn?: Array<[string, string]>;
  /** Exit with the first non-zero status instead of 0. */
  strict?: boolean;
  out?: (s: string | Uint8Array) => void;
  err?: (s: string | Uint8Array) => void;
  stdoutIsTerminal?: boolean;
  host?: Omit<SimHostOptions, 'seed'>;
}

function mkdirp(proc: Proc, dir: string): void {
  let cur = '';
  for (const part of dir.split('/').filter(Boolean)) {
    cur += `/${part}`;
    if (!proc.exists(cur)) proc.mkdir(cur, 0o755);
  }
}

/** Copies a real file or tree into the simulated disk, keeping modes and symlinks. */
export async function copyIntoSim(proc: Proc, real: string, sim: string): Promise<void> {
  const st = await lstat(real);
  const parent = sim.replace(/\/[^/]*$/, '') || '/';
  mkdirp(proc, parent);
  if (st.isSymbolicLink()) {
    proc.symlink(await readlink(real), sim);
  } else if (st.isDirectory()) {
    if (!proc.exists(sim)) proc.mkdir(sim, st.mode & 0o7777);
    for (const name of await readdir(real))
      await copyIntoSim(proc, join(real, name), `${sim.replace(/\/$/, '')}/${name}`);
    proc.chmod(sim, st.mode & 0o7777);
  } else if (st.isFile()) {
    proc.writeFile(sim, new Uint8Array(await readFile(real)), { create: true, truncate: true }, st.mode & 0o777);
    proc.chmod(sim, st.mode & 0o7777);
  }
  proc.utimes(sim, st.atimeMs, st.mtimeMs, false);
}

/** Splits a script into the lines to run: comments and blank lines dropped, continuations joined. */
export function scriptLines(text: string, needsMore: (s: string) => boolean): string[] {
  const out: string[] = [];
  let pending: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (pending !== null) {
      pending += `\n${line}`;
      if (!needsMore(pending)) {
        out.push(pending);
        pending = null;
      }
      continue;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (needsMore(line)) pending = line;
    else out.push(line);
  }
  if (pending !== null) out.push(pending);
  return out;
}

export async function runScript(options: ScriptOptions): Promise<number> {
  const out = options.out ?? ((s) => process.stdout.write(s));
  const err = options.err ?? ((s) => process.stderr.write(s));
  let text: string;
  try {
    text = await readFile(options.file, 'utf8');
  } catch (e) {
    err(`overlay-tutor: cannot read ${options.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  const host = createSimHost({ ...options.host, seed: options.seed ?? 0, interactive: false });
  for (const [real, sim] of options.copyIn ?? []) {
    try {
      await copyIntoSim(host.rootProc, real, sim);
    } catch (e) {
      err(`overlay-tutor: --copy-in ${real}:${sim}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  // A transcript, as `{ line; } 2>&1` gives on a real host: the line's stderr goes in with its
  // stdout, in the order written. Only the tutor's own complaints go to the real stderr.
  const io: CommandIO = {
    stdin: new Uint8Array(0),
    stdout: out,
    stderr: out,
    stdinIsTerminal: false,
    stdoutIsTerminal: options.stdoutIsTerminal ?? false,
  };
  let firstFailure = 0;
  for (const line of scriptLines(text, (s) => host.session.needsMore(s))) {
    out(`$ ${line}\n`);
    const r = await host.session.run(line, io);
    if (r.exitCode !== 0 && firstFailure === 0) firstFailure = r.exitCode;
    if (r.exited) break;
  }
  return options.strict ? firstFailure : 0;
}
