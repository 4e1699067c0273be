// What a stopped daemon may leave behind on this machine: processes whose command line names its
// directory (the daemon, its containerd, shims, a bash) and mounts under it. Tests of cleanup
// ask both to be empty.
import { readdirSync, readFileSync } from 'node:fs';

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
