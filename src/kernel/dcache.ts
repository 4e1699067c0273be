// namei's cache of resolved directories, as the kernel's dcache spares a path walk its prefix:
// a path's parent, resolved once, is not walked again component by component for each of its
// entries. Without it every lstat of a tree walk (find, du, ls -R, the panes) resolved its whole
// path from / — and located the mount of each prefix — so an entry cost grew with the square of
// its depth.
//
// Valid while the names it went through stay: a name going or moving on the disk (unlink, rmdir,
// rename) or a mount or umount moves the kernel's names generation, which empties it. A
// directory on the disk stays where it was through anything else (a new name, a write, a
// chmod), so an image unpacked entry by entry keeps its parents resolved. A directory seen
// through an overlay is kept only until the next change of any kind: a new name in one of its
// layers (a whiteout, a file over a lower directory) can hide it. Only directories on the disk or
// an overlay are kept (procfs answers afresh each time). Bounded: it empties itself when full,
// which a depth-first walk refills with the few directories it stands in.
import type { Mount } from './kernel.js';
import type { Stat } from './types.js';

/** A directory as a path resolved to it: where it is and what it is. */
export interface CachedDir {
  host: string;
  mount: Mount;
  rel: string;
  stat: Stat;
}

/** The kernel's two generations: of its names (see above) and of everything. */
export interface Generations {
  names: number;
  all: number;
}

const CAPACITY = 4096;

export class DirCache {
  /** Each directory with the generation of everything it was resolved at, or -1 when on the disk. */
  private dirs = new Map<string, { dir: CachedDir; all: number }>();
  private names = -1;

  /** The directory `key` resolved to, if it is kept and still holds at these generations. */
  get(gen: Generations, key: string): CachedDir | undefined {
    if (gen.names !== this.names) {
      this.dirs.clear();
      this.names = gen.names;
      return undefined;
    }
    const e = this.dirs.get(key);
    return e && (e.all === -1 || e.all === gen.all) ? e.dir : undefined;
  }

  set(gen: Generations, key: string, dir: CachedDir, onDisk: boolean): void {
    if (gen.names !== this.names || this.dirs.size >= CAPACITY) {
      this.dirs.clear();
      this.names = gen.names;
    }
    this.dirs.set(key, { dir, all: onDisk ? -1 : gen.all });
  }
}
