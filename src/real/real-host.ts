// The real host as the Host interface (src/host/host.ts) shows it: the real files (node:fs, and
// getfattr for overlay's opaque mark), the daemon through the docker CLI and its data-root
// (imagedb for the history, layerdb for the layers' cache-ids and sizes), and the overlay mounts
// from the daemon's own mountinfo (the private daemon keeps its mounts in its mount namespace).
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import type { Host, HostContainer, HostDocker, HostImage, HostStat } from '../host/host.js';
import { chainIdsOf } from './tutorial-images.js';
import { findExecutable } from './probe.js';

export interface RealHostOptions {
  /** The docker CLI and the environment that points it at the daemon. */
  cli: string;
  env: NodeJS.ProcessEnv;
  /** The daemon's pid: its /proc/<pid>/mountinfo lists the containers' overlay mounts. */
  daemonPid?: number;
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

export function realHost(opts: RealHostOptions): Host {
  const getfattr = findExecutable('getfattr');
  const cli = (args: string[]) => {
    const r = spawnSync(opts.cli, args, { env: opts.env, encoding: 'utf8', timeout: 30_000 });
    return r.status === 0 ? r.stdout : undefined;
  };
  const inspect = (args: string[]): Array<Record<string, unknown>> => {
    const out = cli(args);
    try {
      return out ? (JSON.parse(out) as Array<Record<string, unknown>>) : [];
    } catch {
      return [];
    }
  };
  const info = inspect(['info', '--format', '[{{json .}}]'])[0];
  let docker: HostDocker | undefined;
  if (info) {
    const driver = String(info.Driver ?? 'overlay2');
    const dataRoot = String(info.DockerRootDir ?? '/var/lib/docker');
    const layerdb = `${dataRoot}/image/${driver}/layerdb/sha256`;
    const image = (ref: string): HostImage | undefined => {
      const img = inspect(['image', 'inspect', ref])[0];
      if (!img) return undefined;
      const id = String(img.Id);
      const diffIds = ((img.RootFS as { Layers?: string[] } | undefined)?.Layers ?? []).slice();
      const config = JSON.parse(text(`${dataRoot}/image/${driver}/imagedb/content/sha256/${id.slice(7)}`) ?? '{}') as {
        history?: Array<{ created_by?: string; empty_layer?: boolean }>;
      };
      return {
        id,
        diffIds,
        layers: chainIdsOf(diffIds).map((chain) => {
          const dir = `${layerdb}/${chain.slice(7)}`;
          return { cacheId: (text(`${dir}/cache-id`) ?? '').trim(), size: Number(text(`${dir}/size`) ?? 0) };
        }),
        history: (config.history ?? []).map((x) => ({
          createdBy: x.created_by ?? '',
          emptyLayer: Boolean(x.empty_layer),
        })),
      };
    };
    docker = {
      driver,
      dataRoot,
      driverHome: `${dataRoot}/${driver}`,
      layerdb,
      containers: () => {
        const ids = (cli(['ps', '-aq', '--no-trunc']) ?? '').split('\n').filter(Boolean);
        if (ids.length === 0) return [];
        return inspect(['inspect', ...ids]).map((c): HostContainer => {
          const data = ((c.GraphDriver as { Data?: Record<string, string> } | undefined)?.Data ?? {}) as Record<
            string,
            string
          >;
          return {
            id: String(c.Id),
            name: String(c.Name).replace(/^\//, ''),
            state: String((c.State as { Status?: string } | undefined)?.Status ?? 'unknown'),
            createdMs: Date.parse(String(c.Created)),
            imageRef: String((c.Config as { Image?: string } | undefined)?.Image ?? ''),
            imageId: String(c.Image),
            ...(data.LowerDir ? { lowerDir: data.LowerDir } : {}),
            upperDir: data.UpperDir ?? '',
            workDir: data.WorkDir ?? '',
            mergedDir: data.MergedDir ?? '',
          };
        });
      },
      imageRefs: () =>
        (cli(['images', '--format', '{{.Repository}}:{{.Tag}}']) ?? '')
          .split('\n')
          .filter((r) => r && !r.includes('<none>'))
          .reverse(),
      image,
    };
  }
  const mountinfo = `/proc/${opts.daemonPid ?? 'self'}/mountinfo`;
  // Paths as the daemon sees them: through its root, in its mount namespace (merged/ is mounted
  // only there).
  const at = (path: string) => (opts.daemonPid ? `/proc/${opts.daemonPid}/root${path}` : path);
  return {
    kind: 'real',
    lstat: (path) => statOf(at(path)),
    readText: (path) => text(at(path)),
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
    isMountpoint: (path) => mountPoints(text(mountinfo) ?? '').has(path),
    docker,
  };
}
