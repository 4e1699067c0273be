// Captures a Docker data-root (/var/lib/docker) as a list of entries and rewrites every random
// id and time in it to a placeholder named by its role, so that a simulated data-root and a real
// one can be compared entry by entry. Ids are named in an order that does not depend on their
// values: images by tag, each image's layers base to top, then containers by name.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';

export interface TreeReader {
  lstat(path: string): { type: string; mode: number; nlink: number; size: number; rdev: [number, number] };
  readdir(path: string): string[];
  readFile(path: string): Uint8Array;
  readlink(path: string): string;
  /** trusted.overlay.* attributes only: the ones the storage driver and the kernel write. */
  overlayXattrs(path: string): Record<string, string>;
}

export interface DockerTreeEntry {
  path: string;
  type: string;
  mode: number;
  nlink?: number;
  size?: number;
  content?: string;
  target?: string;
  rdev?: [number, number];
  xattrs?: Record<string, string>;
}

/** The storage driver whose data is compared: <data-root>/<driver> and image/<driver>. */
export type TreeDriver = 'overlay2' | 'overlay';
/** Read for the names they record (container names), then left out of the comparison. */
const READ_ONLY_FOR_ROLES = /^containers\/[0-9a-f]{64}\/config\.v2\.json$/;
/** Contents shown as text up to this size; larger files as a digest. */
const TEXT_LIMIT = 4096;
const dec = new TextDecoder();

export function captureDockerTree(r: TreeReader, root: string, driver: TreeDriver = 'overlay2'): DockerTreeEntry[] {
  const out: DockerTreeEntry[] = [];
  // Another driver's data (left by an earlier start on it) is compared by name only.
  const deepNames = ['image', driver];
  const otherDriver = driver === 'overlay2' ? 'overlay' : 'overlay2';
  const rec = (rel: string, deep: boolean): void => {
    const path = rel === '' ? root : `${root}/${rel}`;
    const st = r.lstat(path);
    const e: DockerTreeEntry = { path: rel, type: st.type, mode: st.mode & 0o7777 };
    if (deep) {
      if (st.type !== 'dir') e.nlink = st.nlink;
      if (st.type === 'file') {
        e.size = st.size;
        const bytes = r.readFile(path);
        if (rel.endsWith('/tar-split.json.gz')) {
          // Compared by its entries (a file's CRC-64 payload with it), not gzip's bytes.
          e.content = tarSplitText(bytes);
          delete e.size;
        } else
          e.content =
            bytes.length <= TEXT_LIMIT && !bytes.includes(0)
              ? dec.decode(bytes)
              : `<sha256:${createHash('sha256').update(bytes).digest('hex')}>`;
      }
      if (st.type === 'symlink') e.target = r.readlink(path);
      if (st.type === 'chr' || st.type === 'blk') e.rdev = st.rdev;
      const x = r.overlayXattrs(path);
      if (Object.keys(x).length) e.xattrs = Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    if (READ_ONLY_FOR_ROLES.test(rel)) e.content = dec.decode(r.readFile(path));
    out.push(e);
    // A running container's merged/ is the overlay itself: its layers are compared already.
    if (st.type === 'dir' && rel !== `image/${otherDriver}` && !new RegExp(`^${driver}/[^/]+/merged$`).test(rel)) {
      for (const name of r.readdir(path).sort()) {
        const child = rel === '' ? name : `${rel}/${name}`;
        // image/ and overlay2/ are compared in depth. Of the daemon's other state (network,
        // plugins, buildkit, runtime files) only the top-level names count, and each
        // container's config for the names it records.
        if (deep || rel === '' || rel === 'containers' || READ_ONLY_FOR_ROLES.test(child)) {
          if (!deep && rel.startsWith('containers/') && !READ_ONLY_FOR_ROLES.test(child)) continue;
          rec(child, (deep && child !== `image/${otherDriver}`) || (rel === '' && deepNames.includes(name)));
        }
      }
    }
  };
  rec('', false);
  return out;
}

function tarSplitText(gz: Uint8Array): string {
  // Entries by type, name and size; raw segments by length only, since the headers inside hold
  // mtimes (a commit's differ between any two hosts).
  const lines = gunzipSync(gz)
    .toString()
    .split('\n')
    .filter((l) => l.trim() !== '');
  return lines
    .map((l) => {
      const e = JSON.parse(l) as { type: number; name?: string; size?: number; payload: string | null };
      return e.type === 2
        ? `raw ${Buffer.from(e.payload ?? '', 'base64').length}`
        : `file ${e.name} ${e.size ?? 0} ${e.payload}`;
    })
    .join('\n');
}

const HEX64 = /[0-9a-f]{64}/g;
const LINK_ID = /\b[A-Z2-7]{26}\b/g;
const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g;

/** Builds the id → placeholder map from what the tree itself records. */
function roles(entries: DockerTreeEntry[], driver: TreeDriver): Map<string, string> {
  const byPath = new Map(entries.map((e) => [e.path, e]));
  const content = (p: string): string | undefined => byPath.get(p)?.content;
  const names = new Map<string, string>();
  const name = (id: string | undefined, label: string): void => {
    if (id && !names.has(id)) names.set(id, label);
  };
  const layerdb = `image/${driver}/layerdb`;
  const nameLayer = (chain: string, label: string): void => {
    name(chain, `<chain:${label}>`);
    const cache = content(`${layerdb}/sha256/${chain}/cache-id`);
    name(cache, `<cache:${label}>`);
    const link = content(`${driver}/${cache}/link`);
    name(link, `<link:${label}>`);
    const diff = content(`${layerdb}/sha256/${chain}/diff`)?.replace('sha256:', '');
    name(diff, `<diff:${label}>`);
  };
  // Images, by tag.
  const repos = JSON.parse(content(`image/${driver}/repositories.json`) ?? '{"Repositories":{}}') as {
    Repositories: Record<string, Record<string, string>>;
  };
  const tags = Object.values(repos.Repositories)
    .flatMap((m) => Object.entries(m))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [tag, id] of tags) {
    const hex = id.replace('sha256:', '');
    name(hex, `<image:${tag}>`);
    const config = content(`image/${driver}/imagedb/content/sha256/${hex}`);
    const diffIds = config ? ((JSON.parse(config) as { rootfs?: { diff_ids?: string[] } }).rootfs?.diff_ids ?? []) : [];
    // Walk the chain: the layerdb directory whose diff is diffIds[0] and has no parent, then up.
    let parent: string | undefined;
    diffIds.forEach((d, i) => {
      const chain = entries
        .find(
          (e) =>
            e.path.startsWith(`${layerdb}/sha256/`) &&
            e.path.endsWith('/diff') &&
            e.content === d &&
            content(e.path.replace(/\/diff$/, '/parent')) === (parent ? `sha256:${parent}` : undefined),
        )
        ?.path.split('/')[4];
      if (chain) nameLayer(chain, `${tag}#${i}`);
      parent = chain;
    });
  }
  // Containers, by name.
  const containers = entries
    .filter((e) => new RegExp(`^image/${driver}/layerdb/mounts/[0-9a-f]{64}$`).test(e.path))
    .map((e) => e.path.split('/')[4] as string)
    .map((id) => ({ id, name: containerName(content, id) }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const { id, name: n } of containers) {
    name(id, `<container:${n}>`);
    const mount = content(`${layerdb}/mounts/${id}/mount-id`);
    name(mount, `<rw:${n}>`);
    name(content(`${driver}/${mount}/link`), `<link:rw:${n}>`);
    name(content(`${driver}/${mount}-init/link`), `<link:init:${n}>`);
  }
  return names;
}

function containerName(content: (p: string) => string | undefined, id: string): string {
  const cfg = content(`containers/${id}/config.v2.json`);
  if (cfg) {
    const n = (JSON.parse(cfg) as { Name?: string }).Name;
    if (n) return n.replace(/^\//, '');
  }
  return id.slice(0, 12);
}

function rewrite(text: string, names: Map<string, string>): string {
  let t = text.replace(HEX64, (h) => names.get(h) ?? '<hex>');
  // A container's hostname is its id's first 12 hex digits.
  for (const [id, name] of names) if (/^[0-9a-f]{64}$/.test(id)) t = t.split(id.slice(0, 12)).join(`${name}:short`);
  return t
    .replace(LINK_ID, (l) => names.get(l) ?? '<link>')
    .replace(TIME, '<time>')
    .replace(/\/work\/#[0-9a-f]+/g, '/work/#'); // the kernel's global temp-name counter
}

/** The tree with ids and times replaced; sorted by the rewritten path. */
export function normalizeDockerTree(entries: DockerTreeEntry[], driver: TreeDriver = 'overlay2'): DockerTreeEntry[] {
  const names = roles(entries, driver);
  return entries
    .map((e) => {
      const n: DockerTreeEntry = { ...e, path: rewrite(e.path, names) };
      if (READ_ONLY_FOR_ROLES.test(e.path)) delete n.content;
      if (n.content !== undefined && !n.content.startsWith('<sha256:')) {
        n.content = rewrite(n.content, names);
        // Times vary in length (Go drops trailing zeros of the fraction): size the rewritten text.
        n.size = new TextEncoder().encode(n.content).length;
      }
      if (n.target !== undefined) n.target = rewrite(n.target, names);
      return n;
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A reader over the simulated disk, through a kernel process. */
export function simReader(proc: import('../../../src/kernel/index.js').Proc): TreeReader {
  return {
    lstat(path) {
      const st = proc.lstat(path);
      return {
        type: st.type,
        mode: st.mode,
        nlink: st.nlink,
        size: st.size,
        rdev: [Math.floor(st.rdev / 256), st.rdev % 256],
      };
    },
    readdir: (path) => proc.readdir(path).map((e) => e.name),
    readFile: (path) => proc.readFile(path),
    readlink: (path) => proc.readlink(path),
    overlayXattrs(path) {
      const out: Record<string, string> = {};
      for (const x of proc.listxattr(path, false)) {
        if (!x.startsWith('trusted.overlay.')) continue;
        out[x] =
          x.endsWith('.opaque') || x.endsWith('.impure')
            ? new TextDecoder().decode(proc.getxattr(path, x, false))
            : '<present>';
      }
      return out;
    },
  };
}

/** A reader over the real filesystem; xattrs come from one `getfattr -R` over the root. */
export async function realReader(root: string): Promise<TreeReader> {
  const fs = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  const dump = spawnSync(
    'getfattr',
    ['-R', '-P', '-h', '-d', '-m', '^trusted\\.overlay\\.', '-e', 'text', '--absolute-names', root],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const xattrs = new Map<string, Record<string, string>>();
  let current = '';
  for (const line of dump.stdout.split('\n')) {
    if (line.startsWith('# file: ')) {
      current = line.slice(8);
      xattrs.set(current, {});
    } else if (line.includes('=') && current) {
      const i = line.indexOf('=');
      const key = line.slice(0, i);
      // Values other than opaque/impure are binary handles or random ids: presence only.
      const value =
        key.endsWith('.opaque') || key.endsWith('.impure') ? line.slice(i + 1).replace(/^"|"$/g, '') : '<present>';
      (xattrs.get(current) as Record<string, string>)[key] = value;
    }
  }
  const typeOf = (st: import('node:fs').Stats): string =>
    st.isDirectory()
      ? 'dir'
      : st.isSymbolicLink()
        ? 'symlink'
        : st.isCharacterDevice()
          ? 'chr'
          : st.isBlockDevice()
            ? 'blk'
            : st.isFIFO()
              ? 'fifo'
              : st.isSocket()
                ? 'sock'
                : 'file';
  return {
    lstat(path) {
      const st = fs.lstatSync(path);
      const rdev = st.rdev;
      return {
        type: typeOf(st),
        mode: st.mode,
        nlink: st.nlink,
        size: st.size,
        rdev: [(rdev >> 8) & 0xfff, (rdev & 0xff) | ((rdev >> 12) & 0xfff00)],
      };
    },
    readdir: (path) => fs.readdirSync(path),
    readFile: (path) => new Uint8Array(fs.readFileSync(path)),
    readlink: (path) => fs.readlinkSync(path),
    overlayXattrs: (path) => xattrs.get(path) ?? {},
  };
}
