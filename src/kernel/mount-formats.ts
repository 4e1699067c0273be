// The mount table as /proc/mounts and /proc/<pid>/mountinfo write it (proc(5)).
import type { Mount } from './kernel.js';

/** One /proc/mounts line: `overlay /path overlay rw,relatime,lowerdir=… 0 0`. */
export function formatMountLine(m: Pick<Mount, 'source' | 'target' | 'fstype' | 'options'>): string {
  const esc = (s: string): string =>
    s.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
  return `${esc(m.source)} ${esc(m.target)} ${m.fstype} ${m.options} 0 0\n`;
}

/** Mount options split as mountinfo shows them: the per-mount VFS flags, the filesystem's own. */
export function splitOptions(options: string): [string, string] {
  const vfs = new Set(['rw', 'ro', 'nosuid', 'nodev', 'noexec', 'relatime', 'noatime', 'nodiratime']);
  const all = options.split(',');
  const own = all.filter((o) => !vfs.has(o));
  return [all.filter((o) => vfs.has(o)).join(','), [all.includes('ro') ? 'ro' : 'rw', ...own].join(',')];
}

/** /proc/self/mountinfo: mount id, parent id, major:minor, root, mountpoint, options, `-`, type,
 * source, super options (proc(5)). Ids count from the root mount as a fresh namespace's do. */
export function formatMountinfo(
  mounts: readonly Pick<Mount, 'source' | 'target' | 'fstype' | 'options' | 'mountRoot' | 'superOptions'>[],
): string {
  const firstId = 1000;
  return mounts
    .map((m, i) => {
      let parent = firstId - 1;
      for (let j = i - 1; j >= 0; j--) {
        const t = (mounts[j] as Mount).target;
        if (m.target !== t && (t === '/' || m.target.startsWith(`${t}/`))) {
          parent = firstId + j;
          break;
        }
      }
      const [vfs, own] = splitOptions(m.options);
      const root = m.mountRoot ?? '/';
      const fsPart = `${m.fstype} ${m.source} ${m.superOptions ?? own}`;
      return `${firstId + i} ${parent} 0:${40 + i} ${root} ${m.target} ${vfs} - ${fsPart}\n`;
    })
    .join('');
}
