// The local volume driver (moby volume/local, volume/service): a volume is
// <data-root>/volumes/<name>/_data, the store keeps its own metadata.db beside them and the
// quota code a block device node of the backing filesystem (backingFsBlockDev). A volume in use
// by any container, running or not, cannot be removed; `docker rm -v` removes a container's
// anonymous volumes (those given without a name, -v /path), never named ones.
import { goTimeFromUnix } from '../go-time.js';
import type { DaemonCore as Daemon } from './daemon.js';
import { directorySize } from './daemon-fs.js';
import { randomHex } from './overlay2-driver.js';
import { DaemonError } from './types.js';

/** Not volumes: the files the volume store and the quota code keep in volumes/. */
const STORE_FILES = new Set(['metadata.db', 'backingFsBlockDev']);

export interface VolumeInfo {
  CreatedAt: string;
  Driver: 'local';
  Labels: Record<string, string> | null;
  Mountpoint: string;
  Name: string;
  Options: Record<string, string> | null;
  Scope: 'local';
}

const root = (d: Daemon): string => `${d.dataRoot}/volumes`;

/** What a fresh volumes/ holds: the (empty) bolt store and the backing device node. */
export function initVolumeStore(d: Daemon): void {
  const r = root(d);
  if (!d.fs.exists(`${r}/metadata.db`)) d.fs.write(`${r}/metadata.db`, new Uint8Array(32768), 0o600);
  // The quota code's node for the filesystem holding volumes/: a block device, mode 0600, whose
  // number is that directory's st_dev (the disk's 254,0 here, /dev/vda's as on a virtio host).
  if (!d.fs.exists(`${r}/backingFsBlockDev`))
    d.fs.proc.mknod(`${r}/backingFsBlockDev`, 0o060600, d.fs.proc.stat(r).dev);
}

export function volumeNames(d: Daemon): string[] {
  if (!d.fs.exists(root(d))) return [];
  return d.fs.proc
    .readdir(root(d))
    .filter((e) => e.type === 'dir' && !STORE_FILES.has(e.name))
    .map((e) => e.name)
    .sort();
}

/** Labels and options are kept while the daemon runs; a volume found on disk has empty ones. */
const meta = new WeakMap<
  Daemon,
  Map<string, { labels: Record<string, string> | null; options: Record<string, string> | null }>
>();

function metaOf(d: Daemon) {
  let m = meta.get(d);
  if (!m) meta.set(d, (m = new Map()));
  return m;
}

/** The local driver's name rule, checked before anything of a create is made. */
export function checkVolumeName(n: string): void {
  // Go's len: the name's bytes.
  if (new TextEncoder().encode(n).length === 1)
    throw new DaemonError(
      `create ${n}: volume name is too short, names should be at least two alphanumeric characters`,
      400,
    );
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(n))
    throw new DaemonError(
      `create ${n}: "${n}" includes invalid characters for a local ` +
        'volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. ' +
        'If you intended to pass a host directory, use absolute path',
      400,
    );
}

/** The local driver's options (validateOpts): type, device and o, each of the first two wanting the
 * other and o wanting device. */
function checkVolumeOptions(n: string, options: Record<string, string>): void {
  for (const k of Object.keys(options))
    if (!['type', 'device', 'o'].includes(k)) throw new DaemonError(`create ${n}: invalid option: "${k}"`, 400);
  const wants: Record<string, string> = { device: 'type', type: 'device', o: 'device' };
  for (const [k, want] of Object.entries(wants))
    if (k in options && !(want in options))
      throw new DaemonError(`create ${n}: missing required option: "${want}"`, 400);
}

/** Creates the volume unless it exists (create is idempotent, as with Docker); returns its name. */
export function createVolume(
  d: Daemon,
  name?: string,
  labels: Record<string, string> | null = {},
  options: Record<string, string> | null = {},
): string {
  const n = name ?? randomHex(d.random);
  checkVolumeName(n);
  const dir = `${root(d)}/${n}`;
  if (!d.fs.exists(`${dir}/_data`)) {
    checkVolumeOptions(n, options ?? {});
    if (!d.fs.exists(dir)) d.fs.mkdir(dir, 0o701);
    d.fs.mkdir(`${dir}/_data`, 0o755);
    if (options && Object.keys(options).length) d.fs.write(`${dir}/opts.json`, optsJson(options), 0o600);
    metaOf(d).set(n, { labels, options });
    d.emit({ kind: 'volume', action: 'create', name: n });
  }
  return n;
}

/** The local driver's opts.json (optsConfig): what it mounts, read back when the daemon restarts. */
function optsJson(o: Record<string, string>): string {
  return JSON.stringify({
    MountType: o.type ?? '',
    MountOpts: o.o ?? '',
    MountDevice: o.device ?? '',
    Quota: { Size: 0 },
  });
}

/** A volume's mount options (type, device, o), or undefined for a plain directory. */
export function volumeMountOptions(d: Daemon, name: string): Record<string, string> | undefined {
  const o = metaOf(d).get(name)?.options;
  if (o?.type !== undefined) return o;
  const file = `${root(d)}/${name}/opts.json`;
  if (!d.fs.exists(file)) return undefined;
  const j = JSON.parse(d.fs.readText(file)) as { MountType: string; MountOpts: string; MountDevice: string };
  return { type: j.MountType, device: j.MountDevice, o: j.MountOpts };
}

export function inspectVolume(d: Daemon, name: string): VolumeInfo {
  const dir = `${root(d)}/${name}`;
  if (STORE_FILES.has(name) || !d.fs.exists(`${dir}/_data`)) throw new DaemonError(`get ${name}: no such volume`, 404);
  const m = metaOf(d).get(name) ?? { labels: {}, options: {} };
  return {
    CreatedAt: goTimeFromUnix(Math.floor(d.fs.proc.stat(dir).mtimeMs / 1000)),
    Driver: 'local',
    Labels: m.labels,
    Mountpoint: `${dir}/_data`,
    Name: name,
    Options: m.options,
    Scope: 'local',
  };
}

/** The containers (full ids) whose mounts use the volume. */
export function volumeUsers(d: Daemon, name: string): string[] {
  return [...d.containers.values()]
    .filter((c) => c.mounts.some((m) => m.Name === name && !m.borrowed))
    .map((c) => c.id);
}

export function removeVolume(d: Daemon, name: string, force = false): void {
  inspectVolume(d, name);
  const users = volumeUsers(d, name);
  if (users.length && !force) throw new DaemonError(`remove ${name}: volume is in use - [${users.join(', ')}]`, 409);
  d.fs.removeAll(`${root(d)}/${name}`);
  metaOf(d).delete(name);
  d.emit({ kind: 'volume', action: 'destroy', name });
}

/** docker volume prune: every volume no container uses; the names and the bytes freed. */
export function pruneVolumes(
  d: Daemon,
  keep: (name: string) => boolean = () => true,
): { deleted: string[]; reclaimed: number } {
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const name of volumeNames(d)) {
    if (volumeUsers(d, name).length || !keep(name)) continue;
    reclaimed += directorySize(d.fs, `${root(d)}/${name}/_data`);
    removeVolume(d, name);
    deleted.push(name);
  }
  return { deleted, reclaimed };
}
