// What a stopped daemon may leave behind on this machine: processes whose command line names its
// directory (the daemon, its containerd, shims, a bash) and mounts under it. Tests of cleanup
// ask both to be empty.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** Pids of processes whose command line names a path under `dir`. */
export function processesNaming(dir: string): string[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((e) => {
      try {
        return readFileSync(`/proc/${e}/cmdline`, 'latin1').includes(`${dir}/`);
      } catch {
        return false;
      }
    });
}

/** Lines of this process's mountinfo whose mount point is under `dir`. */
export function mountsUnder(dir: string): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter((l) => (l.split(' ')[4] ?? '').startsWith(dir));
}

/** The mount lines of every mount namespace on this machine (each read once, through one of its
 * processes) some line of which names `needle` (a kernel lesson's lab binds its dirs there, so the
 * lab's name finds its namespace, and with it the overlay the lesson mounted). */
export function namespacesNaming(needle: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const ns = readlinkSync(`/proc/${e}/ns/mnt`);
      if (seen.has(ns)) continue;
      const text = readFileSync(`/proc/${e}/mountinfo`, 'utf8');
      // A process on its way out may read empty: the namespace is read again through another one.
      if (text === '') continue;
      seen.add(ns);
      const lines = text.split('\n');
      if (lines.some((l) => l.includes(needle))) found.push(...lines);
    } catch {
      // Ended while read: its namespace, if another process holds it, is read through that one.
    }
  }
  return found;
}
