// What the tests of kernel labs (src/real/kernel-lab.ts) look for after a lesson or a sandbox has
// ended: the labs left under the tutor's real dir, and the overlay a lab's namespace still holds.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { namespacesNaming } from './leftovers.js';

/** The built bin. */
export const BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

/** The built bin in line mode (stdin a pipe) with `args` and `env` on top of this process's
 * environment: what it prints (stdout and stderr as they come), a wait for a pattern in it, and a
 * line typed then waited for. */
export function lineModeBin(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, LANG: 'C.UTF-8', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const take = (c: Buffer) => {
    out += c.toString();
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  /** Waits for `want` in what is printed from `from` on. */
  const waitFor = async (want: string | RegExp, from = 0, what = 'the start') => {
    const seen = () => (typeof want === 'string' ? out.slice(from).includes(want) : want.test(out.slice(from)));
    for (const end = Date.now() + 90_000; !seen() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
    expect(out.slice(from), `after ${what}`).toMatch(want);
  };
  /** Types a line, and waits for `want` in what is printed after it. */
  const type = async (line: string, want: string | RegExp) => {
    const from = out.length;
    child.stdin.write(`${line}\n`);
    await waitFor(want, from, line);
  };
  return { child, type, waitFor, out: () => out };
}

/** The labs under `realDir`/kernel (the tutor's $OVERLAY_TUTOR_REAL_DIR). */
export function labsIn(realDir: string): string[] {
  const k = join(realDir, 'kernel');
  return existsSync(k)
    ? readdirSync(k)
        .filter((n) => n.startsWith('lab-'))
        .map((n) => join(k, n))
    : [];
}

/** The overlay mounts of the lab's namespace over /tmp/lab/upper, wherever it is (none once it has
 * ended), found by its name (kernel/lab-XXXXXX: the root of its binds, on whichever file system holds it). */
export const overlaysOf = (lab: string): string[] =>
  namespacesNaming(lab.split('/').slice(-2).join('/')).filter((l) =>
    / - overlay overlay .*upperdir=\/tmp\/lab\/upper/.test(l),
  );

/** The child's exit status once it has ended. */
export const ended = (child: ChildProcess): Promise<number | null> =>
  new Promise((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('close', r)));

/** Waits until `done()` holds or `ms` have passed (a deadline, however slow a busy machine makes
 * each poll); whether it holds. */
export async function until(done: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; !done(); ) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** A process's command line, its words joined by spaces ('' once it has ended). */
export function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}
