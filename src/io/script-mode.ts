// `overlay-tutor script FILE`: runs a file of shell lines in one host session and prints a
// transcript (`$ line`, then what the line wrote). Real files can be copied into the simulated
// disk first (--copy-in); nothing is ever written back to the real disk.
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Proc } from '../kernel/index.js';
import type { CommandIO } from '../shell/command.js';
import { createSimHost, type SimHostOptions } from '../host/sim-host.js';
import { kindOf, readBounded, UnreadableFile } from './bounded-read.js';

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

/** All that --copy-in copies into the simulated disk, which lives in memory: files, in bytes. */
export const MAX_COPY_IN_BYTES = 64 * 1024 * 1024;
/** …and entries (files, folders, links). */
const MAX_COPY_IN_ENTRIES = 100_000;

/** What is left of the copy-in allowance, and where skipped entries are told. */
export interface CopyBudget {
  bytes: number;
  entries: number;
  warn: (message: string) => void;
}

export const copyBudget = (warn: (message: string) => void): CopyBudget => ({
  bytes: MAX_COPY_IN_BYTES,
  entries: MAX_COPY_IN_ENTRIES,
  warn,
});

/** Copies a real file or tree into the simulated disk, keeping modes and symlinks. Only files,
 * folders and symlinks: a FIFO would block the read for good and a device never ends, so one
 * given by name is refused and one inside a copied folder is skipped with a warning. A file is
 * read with what is left of the budget as its cap. */
export async function copyIntoSim(
  proc: Proc,
  real: string,
  sim: string,
  budget: CopyBudget = copyBudget(() => {}),
  top = true,
): Promise<void> {
  const st = await lstat(real);
  if (!st.isSymbolicLink() && !st.isDirectory() && !st.isFile()) {
    if (top) throw new Error(`${real} is ${kindOf(st)}: only files, folders and symbolic links are copied in`);
    budget.warn(`overlay-tutor: --copy-in: skipped ${real}: it is ${kindOf(st)}`);
    return;
  }
  if (--budget.entries < 0) throw new Error(`more than ${MAX_COPY_IN_ENTRIES} files and folders to copy in`);
  const parent = sim.replace(/\/[^/]*$/, '') || '/';
  mkdirp(proc, parent);
  if (st.isSymbolicLink()) {
    proc.symlink(await readlink(real), sim);
  } else if (st.isDirectory()) {
    if (!proc.exists(sim)) proc.mkdir(sim, st.mode & 0o7777);
    for (const name of await readdir(real))
      await copyIntoSim(proc, join(real, name), `${sim.replace(/\/$/, '')}/${name}`, budget, false);
    proc.chmod(sim, st.mode & 0o7777);
  } else {
    let bytes: Buffer;
    try {
      bytes = readBounded(real, budget.bytes);
    } catch (e) {
      const u = e as UnreadableFile;
      throw new Error(
        u.code === 'TOO_BIG'
          ? `${real} would take the copy past ` +
              `${MAX_COPY_IN_BYTES / 1024 / 1024} MiB in all (the ` +
              'simulated disk is in memory)'
          : u.message,
      );
    }
    budget.bytes -= bytes.length;
    proc.writeFile(sim, new Uint8Array(bytes), { create: true, truncate: true }, st.mode & 0o777);
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

/** How a transcript shows a command before its output: after `$ `, its further lines after bash's
 * continuation prompt `> `, as a terminal shows a heredoc or a block typed at the prompt. */
export const transcriptCommand = (command: string): string => `$ ${command.split('\n').join('\n> ')}\n`;

/** The largest script file read: far beyond any lesson's or learner's script. */
const MAX_SCRIPT_BYTES = 16 * 1024 * 1024;

export async function runScript(options: ScriptOptions): Promise<number> {
  const out = options.out ?? ((s) => process.stdout.write(s));
  const err = options.err ?? ((s) => process.stderr.write(s));
  let text: string;
  try {
    // A regular file of a sane size: /dev/zero, a FIFO or a huge file is refused, not read forever.
    text = readBounded(options.file, MAX_SCRIPT_BYTES).toString('utf8');
  } catch (e) {
    if (e instanceof UnreadableFile) err(`overlay-tutor: ${e.message}\n`);
    else err(`overlay-tutor: cannot read ${options.file}: ${(e as Error).message}\n`);
    return 2;
  }
  const host = createSimHost({ ...options.host, seed: options.seed ?? 0, interactive: false });
  const budget = copyBudget((m) => err(`${m}\n`));
  for (const [real, sim] of options.copyIn ?? []) {
    try {
      await copyIntoSim(host.rootProc, real, sim, budget);
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
    out(transcriptCommand(line));
    const r = await host.session.run(line, io);
    if (r.exitCode !== 0 && firstFailure === 0) firstFailure = r.exitCode;
    if (r.exited) break;
  }
  return options.strict ? firstFailure : 0;
}
