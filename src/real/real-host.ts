// The real host as the Host interface (src/host/host.ts) shows it: the real files (node:fs, and
// getfattr for overlay's opaque mark), the daemon through the docker CLI and its data-root
// (imagedb for the history, layerdb for the layers' cache-ids and sizes), and the overlay mounts
// from the daemon's own mountinfo (the private daemon keeps its mounts in its mount namespace).
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import type { Host, HostContainer, HostDocker, HostImage, HostOverlayMount, HostStat } from '../host/host.js';
import { chainIdsOf } from './tutorial-images.js';
import { findExecutable } from './probe.js';

export interface RealHostOptions {
  /** The docker CLI and the environment that points it at the daemon; without one the host has no
   * daemon (a kernel lesson's lab: src/real/kernel-lab.ts). */
  cli?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** The daemon's pid: its /proc/<pid>/mountinfo lists the containers' overlay mounts (a function
   * when the daemon may restart). */
  daemonPid?: number | (() => number);
  /** Files are read as this process sees them (through /proc/<pid>/root): the learner's bash,
   * whose /root, /tmp and /etc/docker are its own; else the daemon's. */
  filesPid?: number;
}

/** The real host, whose daemon answers are kept until refresh() (after each line run). */
export interface RealHost extends Host {
  refresh(): void;
}

function statOf(path: string): HostStat | undefined {
  try {
    const st = lstatSync(path);
    const type: HostStat['type'] = st.isFile()
      ? 'file'
      : st.isDirectory()
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
                  ? 'socket'
                  : 'other';
    return { type, rdev: st.rdev, ino: st.ino, size: st.size };
  } catch {
    return undefined;
  }
}

function text(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const unescapeMount = (f: string) =>
  f.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(Number.parseInt(o, 8)));

/** Mount points listed in a mountinfo file. */
export function mountPoints(mountinfo: string): Set<string> {
  return new Set(
    mountinfo
      .split('\n')
      .filter(Boolean)
      .map((l) => unescapeMount(l.split(' ')[4] ?? '')),
  );
}

/** The overlay mounts a mountinfo file lists, in mount order: their layers from the super options
 * (lowerdir=a:b, upperdir=, workdir=, each escaped as the kernel shows options: \\, and \\: inside a
 * path are not used by the lessons and not undone here). */
export function overlayMountsIn(mountinfo: string): HostOverlayMount[] {
  const out: HostOverlayMount[] = [];
  for (const line of mountinfo.split('\n')) {
    const [left, right] = line.split(' - ');
    const [fstype, , options] = (right ?? '').split(' ');
    if (fstype !== 'overlay' || !left || !options) continue;
    const opt = (k: string) =>
      options
        .split(',')
        .find((o) => o.startsWith(`${k}=`))
        ?.slice(k.length + 1);
    const lower = opt('lowerdir');
    const upper = opt('upperdir');
    const work = opt('workdir');
    out.push({
      target: unescapeMount(left.split(' ')[4] ?? ''),
      lowerdir: (lower ?? '').split(':').filter(Boolean).map(unescapeMount),
      ...(upper !== undefined ? { upperdir: unescapeMount(upper) } : {}),
      ...(work !== undefined ? { workdir: unescapeMount(work) } : {}),
    });
  }
  return out;
}

interface Inspected {
  [key: string]: unknown;
}

export function realHost(opts: RealHostOptions): RealHost {
  const getfattr = findExecutable('getfattr');
  const cli = (args: string[]) => {
    if (!opts.cli) return undefined;
    const r = spawnSync(opts.cli, args, { env: opts.env, encoding: 'utf8', timeout: 30_000 });
    return r.status === 0 ? r.stdout : undefined;
  };
  const inspect = (args: string[]): Inspected[] => {
    const out = cli(args);
    try {
      return out ? (JSON.parse(out) as Inspected[]) : [];
    } catch {
      return [];
    }
  };
  const daemonPid = () => (typeof opts.daemonPid === 'function' ? opts.daemonPid() : opts.daemonPid);
  // Paths as the learner's bash (or the daemon) sees them: through its root, in its mount
  // namespace (merged/ is mounted only there).
  const at = (path: string) => {
    // A process's own view (a container's root) is read as is: the pid namespace is the machine's.
    if (/^\/proc\/\d+\/root(\/|$)/.test(path)) return path;
    const pid = opts.filesPid ?? daemonPid();
    return pid ? `/proc/${pid}/root${path}` : path;
  };
  // The daemon's answers for the current state; refresh() forgets them.
  const memo = new Map<string, unknown>();
  const cached = <T>(key: string, f: () => T): T => {
    if (!memo.has(key)) memo.set(key, f());
    return memo.get(key) as T;
  };

  const dockerView = (info: Inspected): HostDocker => {
    const driver = String(info.Driver ?? 'overlay2');
    const dataRoot = String(info.DockerRootDir ?? '/var/lib/docker');
    const driverHome = `${dataRoot}/${driver}`;
    const layerdb = `${dataRoot}/image/${driver}/layerdb/sha256`;
    // overlay2 keeps a layer's files in diff/, the legacy overlay driver in root/.
    const layerDir = (cacheId: string) => `${driverHome}/${cacheId}/${driver === 'overlay' ? 'root' : 'diff'}`;
    const image = (ref: string): HostImage | undefined =>
      cached(`image ${ref}`, () => {
        const img = inspect(['image', 'inspect', ref])[0];
        if (!img) return undefined;
        const id = String(img.Id);
        const diffIds = ((img.RootFS as { Layers?: string[] } | undefined)?.Layers ?? []).slice();
        const configText = text(at(`${dataRoot}/image/${driver}/imagedb/content/sha256/${id.slice(7)}`));
        const config = JSON.parse(configText ?? '{}') as {
          history?: Array<{ created_by?: string; empty_layer?: boolean }>;
        };
        const chains = chainIdsOf(diffIds);
        return {
          id,
          diffIds,
          layers: chains.map((chain, i) => {
            const dir = `${layerdb}/${chain.slice(7)}`;
            const cacheId = (text(at(`${dir}/cache-id`)) ?? '').trim();
            return {
              cacheId,
              size: Number(text(at(`${dir}/size`)) ?? 0),
              diffId: diffIds[i] ?? '',
              chainId: chain,
              dir: layerDir(cacheId),
            };
          }),
          history: (config.history ?? []).map((x) => ({
            createdBy: x.created_by ?? '',
            emptyLayer: Boolean(x.empty_layer),
          })),
        };
      });
    const containerOf = (c: Inspected): HostContainer => {
      const data = ((c.GraphDriver as { Data?: Record<string, string> } | undefined)?.Data ?? {}) as Record<
        string,
        string
      >;
      const id = String(c.Id);
      const ctrPid = Number((c.State as { Pid?: number } | undefined)?.Pid ?? 0);
      return {
        id,
        mountId: (text(at(`${dataRoot}/image/${driver}/layerdb/mounts/${id}/mount-id`)) ?? '').trim(),
        name: String(c.Name).replace(/^\//, ''),
        state: String((c.State as { Status?: string } | undefined)?.Status ?? 'unknown'),
        createdMs: Date.parse(String(c.Created)),
        imageRef: String((c.Config as { Image?: string } | undefined)?.Image ?? ''),
        imageId: String(c.Image),
        ...(data.LowerDir ? { lowerDir: data.LowerDir } : {}),
        upperDir: data.UpperDir ?? '',
        workDir: data.WorkDir ?? '',
        mergedDir: data.MergedDir ?? '',
        rootPath: ctrPid > 0 ? `/proc/${ctrPid}/root` : (data.MergedDir ?? ''),
      };
    };
    return {
      driver,
      dataRoot,
      driverHome,
      layerdb,
      containers: () =>
        cached('containers', () => {
          const ids = (cli(['ps', '-aq', '--no-trunc']) ?? '').split('\n').filter(Boolean);
          return ids.length === 0 ? [] : inspect(['container', 'inspect', ...ids]).map(containerOf);
        }),
      container: (ref) =>
        cached(`container ${ref}`, () => {
          const c = inspect(['container', 'inspect', ref])[0];
          return c ? containerOf(c) : undefined;
        }),
      imageRefs: () =>
        cached('refs', () =>
          (cli(['images', '--format', '{{.Repository}}:{{.Tag}}']) ?? '')
            .split('\n')
            .filter((r) => r && !r.includes('<none>'))
            .reverse(),
        ),
      image,
    };
  };
  // The mounts the learner's bash sees: its namespace is a slave of the daemon's, so it sees the
  // containers' overlays as they come and go, and also what the learner mounted by hand.
  const mountinfo = () => `/proc/${opts.filesPid ?? daemonPid() ?? 'self'}/mountinfo`;
  return {
    kind: 'real',
    lstat: (path) => statOf(at(path)),
    readText: (path) => text(at(path)),
    readBytes: (path) => {
      try {
        return new Uint8Array(readFileSync(at(path)));
      } catch {
        return undefined;
      }
    },
    readdir: (path) => {
      try {
        return readdirSync(at(path));
      } catch {
        return undefined;
      }
    },
    isOpaque: (path) => {
      if (!getfattr) return false;
      const r = spawnSync(getfattr, ['-h', '--only-values', '-n', 'trusted.overlay.opaque', at(path)], {
        encoding: 'utf8',
      });
      return r.status === 0 && r.stdout === 'y';
    },
    isMountpoint: (path) => mountPoints(text(mountinfo()) ?? '').has(path),
    overlayMounts: () => overlayMountsIn(text(mountinfo()) ?? ''),
    get docker() {
      if (!opts.cli) return undefined;
      return cached('docker', () => {
        const info = inspect(['info', '--format', '[{{json .}}]'])[0];
        return info ? dockerView(info) : undefined;
      });
    },
    refresh: () => memo.clear(),
  };
}
