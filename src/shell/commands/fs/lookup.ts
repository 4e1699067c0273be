// Looking a path up without an exception when it is not there.
import type { Proc, Stat } from '../../../kernel/index.js';

/** The path's Stat (following a final symlink unless `follow` is false), or undefined if it has none. */
export function tryStat(proc: Proc, path: string, follow = true): Stat | undefined {
  try {
    return follow ? proc.stat(path) : proc.lstat(path);
  } catch {
    return undefined;
  }
}
