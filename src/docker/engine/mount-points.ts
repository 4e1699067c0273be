// A container's mounts besides its rootfs, as the daemon makes them: at create, the -v specs, the
// --mount specs and the image's VOLUMEs become mount points (registerMountPoints, with its errors,
// before anything of the container is made); at start, each is mounted in the container's
// namespace: a bind (read-only with :ro), a volume's _data (or its own tmpfs, for a volume created
// with -o type=tmpfs, mounted on _data while a container uses it), a --tmpfs. The mountpoint is
// made in the rootfs first, so it lands in the upper dir as with Docker.
import { ReadOnlyFs, type Mount, type TmpFs, type TmpfsOptions } from '../../kernel/index.js';
import { bindMount } from './bind.js';
import type { DaemonCore as Daemon } from './daemon.js';
import {
  parseVolumeSpec,
  planMountSpec,
  tmpfsDataOfSpec,
  tmpfsMountOptions,
  validateMountConfig,
  validateTmpfsDestination,
  type MountPlan,
} from './mount-specs.js';
import { checkVolumeName, createVolume, volumeMountOptions } from './volumes.js';
import { DaemonError, type Container, type MountSpec, type VolumeMount } from './types.js';

export interface MountRequest {
  /** -v specs. */
  volumes: readonly string[];
  /** --mount specs. */
  mounts: readonly MountSpec[];
  tmpfs: Record<string, string> | null;
  /** The image's VOLUME paths. */
  imageVolumes: readonly string[];
  /** --volumes-from: CONTAINER[:ro|rw]. */
  volumesFrom?: readonly string[];
}

/** parser.ParseVolumesFrom: the container and whether its mounts stay writable. */
function parseVolumesFrom(spec: string): { ref: string; rw: boolean } {
  if (spec === '') throw new DaemonError('volumes-from specification cannot be an empty string', 400);
  const at = spec.indexOf(':');
  if (at < 0) return { ref: spec, rw: true };
  const mode = spec.slice(at + 1);
  // Only rw or ro (with z/Z labels): no propagation, no copy mode for borrowed volumes.
  const parts = mode.split(',');
  const valid =
    parts.filter((m) => m === 'rw' || m === 'ro').length <= 1 && parts.every((m) => ['rw', 'ro', 'z', 'Z'].includes(m));
  if (!valid) throw new DaemonError(`invalid mode: ${mode}`, 400);
  return { ref: spec.slice(0, at), rw: !parts.includes('ro') };
}

/** The mount points --volumes-from borrows, by destination: each container's as they are (the
 * same volume, the same host path), read-only where it was or where :ro asks. */
function borrowedMounts(d: Daemon, specs: readonly string[]): Map<string, MountPlan> {
  const out = new Map<string, MountPlan>();
  for (const spec of specs) {
    const { ref, rw } = parseVolumesFrom(spec);
    for (const m of d.getContainer(ref).mounts) {
      if (m.Type === 'tmpfs') continue;
      out.set(m.Destination, {
        Type: m.Type,
        Source: m.Type === 'volume' ? (m.Name ?? '') : m.Source,
        Destination: m.Destination,
        RW: m.RW !== false && rw,
        Mode: '',
        Propagation: m.Propagation ?? '',
        ...(m.spec ? { spec: m.spec } : {}),
        ...(m.anonymous ? { anonymous: true } : {}),
        borrowed: true,
      });
    }
  }
  return out;
}

/** verifyContainerSettings' checks of --tmpfs and --mount: before the image is looked up. */
export function verifyMounts(d: Daemon, r: MountRequest): void {
  for (const dest of Object.keys(r.tmpfs ?? {})) validateTmpfsDestination(dest);
  for (const m of r.mounts) validateMountConfig(m, (p) => d.fs.exists(p));
}

/** registerMountPoints: every mount point, checked, with no volume made yet. */
export function planMounts(d: Daemon, r: MountRequest): MountPlan[] {
  // Other containers' mount points first: a -v or --mount on the same destination replaces one.
  const borrowed = borrowedMounts(d, r.volumesFrom ?? []);
  const plans: MountPlan[] = [];
  const taken = new Set<string>();
  const add = (p: MountPlan): void => {
    if (taken.has(p.Destination)) throw new DaemonError(`Duplicate mount point: ${p.Destination}`, 400);
    taken.add(p.Destination);
    plans.push(p);
  };
  // The CLI sends -v specs with a source as HostConfig.Binds, the others as Config.Volumes.
  const binds = [...new Set(r.volumes.filter((v) => v.includes(':') && !v.startsWith(':')))];
  for (const b of binds) add(parseVolumeSpec(b));
  for (const m of r.mounts) add(planMountSpec(m, (p) => d.fs.exists(p)));
  for (const p of plans) if (p.Type === 'volume' && p.Source !== '') checkVolumeName(p.Source);
  // populateVolumes mounts each volume at create: a tmpfs volume whose options the kernel refuses
  // fails the create.
  for (const p of plans) {
    const o = p.Type === 'volume' && p.Source !== '' ? volumeMountOptions(d, p.Source) : undefined;
    if (o?.type === 'tmpfs' && !tmpfsMountOptions(o.o ?? '', []))
      throw tmpfsVolumeRefused(o, `${d.dataRoot}/volumes/${p.Source}/_data`, 500);
  }
  for (const [dest, p] of borrowed)
    if (!taken.has(dest)) {
      taken.add(dest);
      plans.push(p);
    }
  // Config.Volumes (-v /path and the image's VOLUMEs): an anonymous volume where nothing else is.
  const anonymous = [...r.volumes.filter((v) => !v.includes(':') || v.startsWith(':')), ...r.imageVolumes];
  for (const v of anonymous) {
    const dest = v.replace(/^:/, '');
    // -v '' reaches runc as a mount with no destination, which fails each time in another way.
    if (dest === '' || taken.has(dest) || (r.tmpfs && dest in r.tmpfs)) continue;
    taken.add(dest);
    plans.push({ Type: 'volume', Source: '', Destination: dest, RW: true, Mode: '', Propagation: '' });
  }
  return plans;
}

/** The plans made real: a volume for each (created, or found), in the container's record. */
export function materialize(d: Daemon, plans: readonly MountPlan[]): VolumeMount[] {
  return plans.map((p): VolumeMount => {
    const base = {
      Destination: p.Destination,
      ...(p.RW ? {} : { RW: false }),
      ...(p.Mode ? { Mode: p.Mode } : {}),
      ...(p.spec ? { spec: p.spec } : {}),
      ...(p.borrowed ? { borrowed: true, Mode: '' } : {}),
    };
    if (p.Type === 'bind') return { Type: 'bind', Source: p.Source, Propagation: p.Propagation, ...base };
    if (p.Type === 'tmpfs') return { Type: 'tmpfs', Source: '', ...base };
    const opts = p.spec?.VolumeOptions;
    const name = createVolume(
      d,
      p.Source === '' ? undefined : p.Source,
      opts?.Labels ?? null,
      opts?.DriverConfig?.Options ?? null,
    );
    return {
      Type: 'volume',
      Name: name,
      Source: `${d.dataRoot}/volumes/${name}/_data`,
      ...(p.Source === '' || p.anonymous ? { anonymous: true } : {}),
      ...base,
    };
  });
}

/** The tmpfs volumes mounted on the host, with how many running containers use each. */
const volumeTmpfs = new WeakMap<Daemon, Map<string, { fs: TmpFs; options: string; users: number }>>();

function tmpfsVolume(d: Daemon, m: VolumeMount): { fs: TmpFs; options: string } | undefined {
  const o = m.Name === undefined ? undefined : volumeMountOptions(d, m.Name);
  if (o?.type !== 'tmpfs') return undefined;
  let held = volumeTmpfs.get(d);
  if (!held) volumeTmpfs.set(d, (held = new Map()));
  const name = m.Name as string;
  let v = held.get(name);
  if (!v) {
    const parsed = tmpfsMountOptions(o.o ?? '', []);
    if (!parsed) throw tmpfsVolumeRefused(o, m.Source, 500, 125);
    v = { fs: newTmpfs(d, parsed.tmpfs), options: parsed.options, users: 0 };
    d.kernel.addMount({ target: m.Source, source: o.device ?? 'tmpfs', fstype: 'tmpfs', options: v.options, fs: v.fs });
    held.set(name, v);
  }
  v.users++;
  return v;
}

function tmpfsVolumeRefused(o: Record<string, string>, at: string, status: 500, exit?: number): DaemonError {
  const text = `failed to mount local volume: mount ${o.device ?? ''}:${at}, data: ${o.o ?? ''}: invalid argument`;
  return new DaemonError(text, status, exit);
}

/** A container stopped: a tmpfs volume no running container uses is unmounted (its files go). */
export function releaseVolumes(d: Daemon, c: Container): void {
  const held = volumeTmpfs.get(d);
  if (!held) return;
  for (const m of c.mounts) {
    const v = m.Name === undefined ? undefined : held.get(m.Name);
    if (!v || --v.users > 0) continue;
    held.delete(m.Name as string);
    if (d.kernel.isMountpoint(m.Source)) d.kernel.umount(m.Source);
  }
}

/** The tmpfs mounts of a container: --tmpfs's and --mount type=tmpfs's, destination → data. */
function tmpfsMounts(c: Container): Array<[string, string]> {
  return [
    ...Object.entries(c.tmpfs ?? {}),
    ...c.mounts
      .filter((m) => m.Type === 'tmpfs')
      .map((m): [string, string] => [m.Destination, tmpfsDataOfSpec(m.spec ?? { Type: 'tmpfs' })]),
  ];
}

/** Mounts the container's volumes, binds and tmpfs mounts under merged/ (at start). */
export function mountPoints(d: Daemon, c: Container, merged: string): void {
  // The daemon makes mountpoints in the rootfs itself, below the container's /proc and /dev.
  const inside = d.kernel.proc({ root: merged, umask: 0o022, hostView: true });
  const makeMountpoint = (dest: string, isDir: boolean): void => {
    const parts = dest.split('/').filter(Boolean);
    for (let i = 1; i < parts.length + (isDir ? 1 : 0); i++) {
      const p = `/${parts.slice(0, i).join('/')}`;
      if (!inside.exists(p)) inside.mkdir(p, 0o755);
    }
    if (!isDir && !inside.exists(dest)) inside.writeFile(dest, '', { create: true }, 0o755);
  };
  const at = (dest: string): string => `${merged}${dest === '/' ? '' : dest}`;
  for (const m of c.mounts) {
    if (m.Type === 'tmpfs') continue;
    const tmpfs = m.Type === 'volume' ? tmpfsVolume(d, m) : undefined;
    if (tmpfs) {
      makeMountpoint(m.Destination, true);
      const options = m.RW === false ? tmpfs.options.replace(/^rw/, 'ro') : tmpfs.options;
      d.kernel.addMount(
        namespaced(
          c,
          merged,
          { target: at(m.Destination), source: 'tmpfs', fstype: 'tmpfs', options, fs: tmpfs.fs },
          m.RW === false,
        ),
      );
      continue;
    }
    if (!d.fs.exists(m.Source)) d.fs.mkdirAll(m.Source, 0o755);
    makeMountpoint(m.Destination, d.fs.proc.stat(m.Source).type === 'dir');
    bindMount(d.kernel, m.Source, at(m.Destination), { id: c.id, merged }, m.RW === false);
  }
  for (const [dest, data] of tmpfsMounts(c)) {
    const parsed = tmpfsMountOptions(data);
    if (!parsed) throw tmpfsRefused(dest, data);
    makeMountpoint(dest, true);
    const tmpfs = newTmpfs(d, parsed.tmpfs);
    d.kernel.addMount({
      target: at(dest),
      source: 'tmpfs',
      fstype: 'tmpfs',
      options: parsed.options,
      fs: parsed.options.startsWith('ro,') ? new ReadOnlyFs(tmpfs) : tmpfs,
      namespace: c.id,
      privateTo: merged,
    });
  }
}

function newTmpfs(d: Daemon, o: TmpfsOptions): TmpFs {
  return d.kernel.newTmpfs(o.sizeKb, o.mode, o.uid, o.gid, o.nrInodes);
}

/** A mount in the container's namespace: its processes and the daemon's view of its rootfs see it. */
function namespaced(c: Container, merged: string, m: Omit<Mount, 'namespace'>, readOnly: boolean): Mount {
  return { ...m, namespace: c.id, privateTo: merged, ...(readOnly ? { fs: new ReadOnlyFs(m.fs) } : {}) };
}

/** runc's words when the kernel refuses a tmpfs's data (mount(2)'s EINVAL). */
function tmpfsRefused(dest: string, data: string): DaemonError {
  const flags = ['noexec', 'nosuid', 'nodev', ...data.split(',')];
  let bits = 0;
  const rest: string[] = [];
  const BIT: Record<string, number> = { ro: 1, nosuid: 2, nodev: 4, noexec: 8 };
  const OFF: Record<string, number> = { rw: 1, suid: 2, dev: 4, exec: 8 };
  for (const f of flags) {
    if (f === '') continue;
    if (BIT[f]) bits |= BIT[f];
    else if (OFF[f]) bits &= ~OFF[f];
    else rest.push(f);
  }
  return new DaemonError(
    'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container ' +
      `process: error during container init: error mounting "tmpfs" to rootfs at "${dest}": mount tmpfs:${dest} ` +
      `(via /proc/self/fd/6), flags: 0x${bits.toString(16)}, data: ${rest.join(',')}: invalid argument: unknown`,
    500,
    125,
  );
}
