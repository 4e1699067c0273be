// Discretionary access control (generic_permission): a process that is not root reads, writes and
// searches by the mode bits of the owner, the group (its own or a supplementary one) or others;
// only the owner changes a file's mode or times, only root its owner; in a sticky directory (/tmp)
// only a name's owner or the directory's removes or renames it. Root (a container's default user,
// with CAP_DAC_OVERRIDE) passes every check.
import { KernelError } from './errors.js';
import type { Credentials, Stat } from './types.js';

export const MAY_READ = 4;
export const MAY_WRITE = 2;
export const MAY_EXEC = 1;

export function mayAccess(st: Stat, cred: Credentials, want: number): boolean {
  if (cred.uid === 0) return true;
  const inGroup = st.gid === cred.gid || (cred.groups?.includes(st.gid) ?? false);
  const bits = st.uid === cred.uid ? (st.mode >> 6) & 7 : inGroup ? (st.mode >> 3) & 7 : st.mode & 7;
  return (bits & want) === want;
}

/** EACCES unless the process may `want` the file. */
export function checkAccess(
  st: Stat | undefined,
  cred: Credentials,
  want: number,
  syscall: string,
  path: string,
): void {
  if (cred.uid !== 0 && st && !mayAccess(st, cred, want)) throw new KernelError('EACCES', syscall, path);
}

/** A name made or removed in dir: write and search on it; with the sticky bit, owners only. */
export function checkDirChange(
  dir: Stat | undefined,
  victim: Stat | undefined,
  cred: Credentials,
  syscall: string,
  path: string,
): void {
  if (cred.uid === 0 || !dir) return;
  checkAccess(dir, cred, MAY_WRITE | MAY_EXEC, syscall, path);
  if (victim && dir.mode & 0o1000 && victim.uid !== cred.uid && dir.uid !== cred.uid)
    throw new KernelError('EPERM', syscall, path);
}

/** chmod and utimes with a time given: the owner only (EPERM). */
export function checkOwner(st: Stat | undefined, cred: Credentials, syscall: string, path: string): void {
  if (cred.uid !== 0 && st && st.uid !== cred.uid) throw new KernelError('EPERM', syscall, path);
}
