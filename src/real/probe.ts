// Gathers the facts the preflight decides on (src/real/preflight.ts): reads /proc and /sys, asks
// each daemon endpoint there may be for GET /info and GET /version. Only reads; starts nothing.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { delimiter, join } from 'node:path';
import type { DaemonAnswer, HostFacts } from './preflight.js';

/** Looks a command up on PATH plus the sbin dirs (root's PATH may lack them under npm). */
export function findExecutable(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const extra of ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    if (!dirs.includes(extra)) dirs.push(extra);
  }
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The dockerd a private daemon runs: $OVERLAY_TUTOR_DOCKERD (a path; `none`: as if this machine had
 * none, so the kernel lessons alone run for real), else dockerd on PATH or in the sbin dirs. */
export function findDockerd(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const wanted = env.OVERLAY_TUTOR_DOCKERD;
  if (wanted === 'none') return undefined;
  if (!wanted) return findExecutable('dockerd');
  try {
    accessSync(wanted, constants.X_OK);
    return statSync(wanted).isFile() ? wanted : undefined;
  } catch {
    return undefined;
  }
}

/** Where an endpoint string points: a unix socket path or a TCP host:port (plain HTTP only). */
export function parseEndpoint(endpoint: string): { socketPath: string } | { host: string; port: number } | undefined {
  if (endpoint.startsWith('unix://')) return { socketPath: endpoint.slice('unix://'.length) };
  const tcp = /^tcp:\/\/([^:/]+):(\d+)\/?$/.exec(endpoint);
  if (tcp) return { host: tcp[1]!, port: Number(tcp[2]) };
  return undefined;
}

/** GET `path` from a daemon's API and parse its JSON; rejects with a short reason. */
export function apiGet(endpoint: string, path: string, timeoutMs = 3000): Promise<unknown> {
  const target = parseEndpoint(endpoint);
  if (!target) return Promise.reject(new Error(`cannot reach ${endpoint} (unix:// and tcp:// without TLS only)`));
  return new Promise((resolve, reject) => {
    const req = request({ ...target, path, method: 'GET', timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          reject(new Error(`not a Docker API (HTTP ${res.statusCode})`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error('no answer in time')));
    req.on('error', (e: NodeJS.ErrnoException) => reject(new Error(e.code ?? e.message)));
    req.end();
  });
}

/** Asks one endpoint for /info and /version. */
export async function askDaemon(source: DaemonAnswer['source'], endpoint: string): Promise<DaemonAnswer> {
  try {
    const [info, version] = await Promise.all([apiGet(endpoint, '/info'), apiGet(endpoint, '/version')]);
    return { source, endpoint, info: info as Record<string, unknown>, version: version as Record<string, unknown> };
  } catch (e) {
    return { source, endpoint, error: (e as Error).message };
  }
}

/** The endpoints a docker CLI would try, in its order, without duplicates. */
export function candidateEndpoints(env: NodeJS.ProcessEnv): Array<[DaemonAnswer['source'], string]> {
  const out: Array<[DaemonAnswer['source'], string]> = [];
  if (env.DOCKER_HOST) out.push(['DOCKER_HOST', env.DOCKER_HOST]);
  out.push(['default socket', 'unix:///var/run/docker.sock']);
  if (env.XDG_RUNTIME_DIR) out.push(['rootless socket', `unix://${env.XDG_RUNTIME_DIR}/docker.sock`]);
  return out.filter(([, e], i) => out.findIndex(([, f]) => f === e) === i);
}

function readOverlayParams(): Record<string, string> | undefined {
  const dir = '/sys/module/overlay/parameters';
  try {
    const params: Record<string, string> = {};
    for (const name of readdirSync(dir).sort()) params[name] = readFileSync(join(dir, name), 'utf8').trim();
    return params;
  } catch {
    return undefined;
  }
}

function overlayInKernel(): boolean {
  try {
    return /\toverlay$/m.test(readFileSync('/proc/filesystems', 'utf8')) || existsSync('/sys/module/overlay');
  } catch {
    return false;
  }
}

/** statfs's type name for `dir` (or its nearest existing parent), as stat -f prints it. */
function fsTypeOf(dir: string): string | undefined {
  let d = dir;
  while (!existsSync(d) && d !== '/') d = d.replace(/\/[^/]*$/, '') || '/';
  const r = spawnSync('stat', ['-f', '-c', '%T', d], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** d_type: only xfs can lack it (ftype=0); xfs_info tells. Other Linux file systems have it. */
function dTypeOf(dir: string, fs: string | undefined): boolean | undefined {
  if (fs === undefined) return undefined;
  if (fs !== 'xfs') return true;
  const r = spawnSync('xfs_info', [dir], { encoding: 'utf8' });
  const m = /ftype=(\d)/.exec(r.stdout ?? '');
  return m ? m[1] === '1' : undefined;
}

export async function probeHost(tutorDir: string, env: NodeJS.ProcessEnv = process.env): Promise<HostFacts> {
  const linux = process.platform === 'linux';
  const daemons = await Promise.all(candidateEndpoints(env).map(([s, e]) => askDaemon(s, e)));
  const fs = linux ? fsTypeOf(tutorDir) : undefined;
  const params = linux ? readOverlayParams() : undefined;
  const dockerd = findDockerd(env);
  let kernelRelease: string | undefined;
  try {
    kernelRelease = readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim();
  } catch {
    kernelRelease = undefined;
  }
  return {
    platform: process.platform,
    ...(typeof process.getuid === 'function' ? { uid: process.getuid() } : {}),
    ...(kernelRelease ? { kernelRelease } : {}),
    overlayInKernel: linux && overlayInKernel(),
    ...(params ? { overlayParams: params } : {}),
    ...(dockerd ? { dockerd } : {}),
    ...(env.OVERLAY_TUTOR_DOCKERD === 'none' ? { dockerdOff: true } : {}),
    ...(fs ? { tutorDirFs: fs } : {}),
    ...(linux ? { tutorDirDType: dTypeOf(tutorDir, fs) } : {}),
    daemons,
  };
}
