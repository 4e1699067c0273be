// namei's cache of resolved directories, as the kernel's dcache spares a path walk its prefix:
// a path's parent, resolved once, is not walked again component by component for each of its
// entries. Without it every lstat of a tree walk (find, du, ls -R, the panes) resolved its whole
// path from / — and located the mount of each prefix — so an entry cost grew with the square of
// its depth.
//
// Valid while nothing changes: any write to the disk or any mount or umount moves the kernel's
// generation, which empties it. Only directories on the disk or an overlay are kept (procfs
// answers afresh each time). Bounded: it empties itself when full, which a depth-first walk
// refills with the few directories it stands in.
import type { Mount } from './kernel.js';
import type { Stat } from './types.js';

/** A directory as a path resolved to it: where it is and what it is. */
export interface CachedDir {
  host: string;
  mount: Mount;
  rel: string;
  stat: Stat;
}

const CAPACITY = 4096;

export class DirCache {
  private dirs = new Map<string, CachedDir>();
  private generation = -1;

  /** The directory `key` resolved to at this generation of the kernel, if it is kept. */
  get(generation: number, key: string): CachedDir | undefined {
    if (generation !== this.generation) {
      this.dirs.clear();
      this.generation = generation;
      return undefined;
    }
    return this.dirs.get(key);
  }

  set(generation: number, key: string, dir: CachedDir): void {
    if (generation !== this.generation || this.dirs.size >= CAPACITY) {
      this.dirs.clear();
      this.generation = generation;
    }
    this.dirs.set(key, dir);
  }
}
