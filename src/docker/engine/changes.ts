// `docker diff`: the container's upper dir compared with the layers below it (init layer first).
// Order as the 20.10 daemon builds it (pkg/archive ChangesDirs), with Go's random map order
// replaced by name order: in each directory the added/changed children, each followed by its
// subtree, then the deleted ones; a directory gets a C line when something below it changed.
import type { Stat } from '../../kernel/index.js';
import type { DaemonFs } from './daemon-fs.js';
import type { Overlay2 } from './overlay2-driver.js';

export interface Change {
  kind: 'A' | 'C' | 'D';
  /** Absolute path inside the container. */
  path: string;
}

const isWhiteout = (st: Stat): boolean => st.type === 'chr' && st.rdev === 0;

export function containerChanges(fs: DaemonFs, driver: Overlay2, mountId: string): Change[] {
  const upper = `${driver.dir(mountId)}/diff`;
  const lowers = driver.lowerIds(mountId).map((id) => `${driver.dir(id)}/diff`);

  /** What the path is in the lower stack, or undefined when absent or whited out. */
  const lowerLookup = (rel: string): Stat | undefined => {
    const parts = rel.split('/');
    for (const layer of lowers) {
      const st = fs.lstat(`${layer}/${rel}`);
      if (st) return isWhiteout(st) ? undefined : st;
      // An ancestor that is a file, a whiteout or an opaque dir in this layer hides the layers below.
      for (let i = parts.length - 1; i >= 1; i--) {
        const a = `${layer}/${parts.slice(0, i).join('/')}`;
        const ast = fs.lstat(a);
        if (!ast) continue;
        if (ast.type !== 'dir' || driver.isOpaque(a)) return undefined;
        break;
      }
    }
    return undefined;
  };

  const lowerNames = (rel: string): string[] => {
    const names = new Set<string>();
    for (const layer of lowers) {
      const dir = `${layer}/${rel}`;
      const st = fs.lstat(dir);
      if (st?.type !== 'dir') continue;
      for (const n of fs.readdir(dir)) names.add(n);
      if (driver.isOpaque(dir)) break;
    }
    return [...names].filter((n) => lowerLookup(`${rel}/${n}`) !== undefined).sort();
  };

  const allAdded = (rel: string, out: Change[]): void => {
    for (const name of fs.readdir(`${upper}/${rel}`).sort()) {
      const p = `${rel}/${name}`;
      const st = fs.lstat(`${upper}/${p}`) as Stat;
      if (isWhiteout(st)) continue;
      out.push({ kind: 'A', path: `/${p}` });
      if (st.type === 'dir') allAdded(p, out);
    }
  };

  const walk = (rel: string): Change[] => {
    const out: Change[] = [];
    const dels: Change[] = [];
    const dir = rel === '' ? upper : `${upper}/${rel}`;
    const present = new Set<string>();
    for (const name of fs.readdir(dir).sort()) {
      const p = rel === '' ? name : `${rel}/${name}`;
      const st = fs.lstat(`${upper}/${p}`) as Stat;
      const low = lowerLookup(p);
      if (isWhiteout(st)) {
        if (low) dels.push({ kind: 'D', path: `/${p}` });
        continue;
      }
      present.add(name);
      if (!low) {
        out.push({ kind: 'A', path: `/${p}` });
        if (st.type === 'dir') allAdded(p, out);
      } else if (st.type === 'dir' && low.type === 'dir') {
        const below = walk(p);
        const meta = st.mode !== low.mode || st.uid !== low.uid || st.gid !== low.gid;
        if (below.length > 0 || meta || driver.isOpaque(`${upper}/${p}`))
          out.push({ kind: 'C', path: `/${p}` }, ...below);
      } else {
        out.push({ kind: 'C', path: `/${p}` });
        if (st.type === 'dir') allAdded(p, out);
      }
    }
    if (rel !== '' && driver.isOpaque(dir)) {
      for (const n of lowerNames(rel))
        if (!present.has(n) && !dels.some((d) => d.path === `/${rel}/${n}`))
          dels.push({ kind: 'D', path: `/${rel}/${n}` });
    }
    return [...out, ...dels];
  };

  return walk('');
}
