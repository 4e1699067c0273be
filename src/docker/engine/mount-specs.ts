// The daemon's reading of a container's mounts (moby volume/mounts, linux_parser.go, 20.10): -v's
// bind and volume specs (ParseMountRaw), --mount's specs (HostConfig.Mounts, ValidateMountConfig)
// and --tmpfs destinations, with the daemon's own error texts; what each becomes (a MountPoint:
// read-only or not, inspect's Mode and Propagation) and the options a tmpfs is mounted with.
import { parseTmpfsOptions, TMPFS_DEFAULT_KB, type TmpfsOptions } from '../../kernel/index.js';
import { DaemonError, type MountSpec } from './types.js';

export type { MountSpec };

/** What one mount of a container is before a volume is made for it. */
export interface MountPlan {
  Type: 'bind' | 'volume' | 'tmpfs';
  /** A bind's host path (cleaned), a volume's name ('' for a new anonymous one). */
  Source: string;
  Destination: string;
  RW: boolean;
  /** -v's mode text as given ("ro", "ro,z"), "z" for a --mount volume. */
  Mode: string;
  Propagation: string;
  /** --mount's spec, for HostConfig.Mounts. */
  spec?: MountSpec;
  /** A volume another container made without a name (--volumes-from): `rm -v` may remove it. */
  anonymous?: boolean;
  /** Taken from another container (--volumes-from): no mode of its own, and no reference on the
   * volume (the daemon only takes one for a volume it looks up by name, not a local one). */
  borrowed?: boolean;
}

const invalid = (text: string): DaemonError => new DaemonError(text, 400);

const RW_MODES = new Set(['rw', 'ro']);
const LABEL_MODES = new Set(['z', 'Z']);
const PROPAGATION = new Set(['private', 'rprivate', 'slave', 'rslave', 'shared', 'rshared']);
const CONSISTENCY = new Set(['consistent', 'cached', 'delegated']);

/** ValidMountMode: each kind of option at most once, nothing unknown. */
export function validMountMode(mode: string): boolean {
  if (mode === '') return true;
  const counts = [0, 0, 0, 0, 0];
  for (const o of mode.split(',')) {
    const kind = RW_MODES.has(o)
      ? 0
      : LABEL_MODES.has(o)
        ? 1
        : PROPAGATION.has(o)
          ? 2
          : o === 'nocopy'
            ? 3
            : CONSISTENCY.has(o)
              ? 4
              : -1;
    if (kind < 0) return false;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts.every((n) => n <= 1);
}

/** Go's path.Clean. */
function cleanPath(p: string): string {
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const s = out.join('/');
  return rooted ? `/${s}` : s || '.';
}

const mountConfigError = (type: string, why: string): DaemonError =>
  invalid(`invalid mount config for type ${JSON.stringify(type)}: ${why}`);

function checkTarget(target: string): string | undefined {
  if (target === '/') return "invalid specification: destination can't be '/'";
  if (!target.startsWith('/')) return `invalid mount path: '${target}' mount path must be absolute`;
  return undefined;
}

/** validateMountConfigImpl; bindSourceExists is given for --mount specs (ValidateMountConfig). */
export function validateMountConfig(m: MountSpec, bindSourceExists?: (path: string) => boolean): void {
  const target = m.Target ?? '';
  if (target === '') throw mountConfigError(m.Type, 'field Target must not be empty');
  const bad = checkTarget(target);
  if (bad) throw mountConfigError(m.Type, bad);
  const source = m.Source ?? '';
  switch (m.Type) {
    case 'bind': {
      if (source === '') throw mountConfigError(m.Type, 'field Source must not be empty');
      const p = m.BindOptions?.Propagation;
      if (p && !PROPAGATION.has(p)) throw mountConfigError(m.Type, `invalid propagation mode: ${p}`);
      if (m.VolumeOptions) throw mountConfigError(m.Type, 'field VolumeOptions must not be specified');
      if (!source.startsWith('/'))
        throw mountConfigError(m.Type, `invalid mount path: '${source}' mount path must be absolute`);
      if (bindSourceExists && !bindSourceExists(source))
        throw mountConfigError(m.Type, `bind source path does not exist: ${source}`);
      return;
    }
    case 'volume':
      if (m.BindOptions) throw mountConfigError(m.Type, 'field BindOptions must not be specified');
      if (source === '' && m.ReadOnly)
        throw mountConfigError(m.Type, 'must not set ReadOnly mode when using anonymous volumes');
      return;
    case 'tmpfs':
      if (m.BindOptions) throw mountConfigError(m.Type, 'field BindOptions must not be specified');
      if (source !== '') throw mountConfigError(m.Type, 'field Source must not be specified');
      return;
    default:
      throw mountConfigError(m.Type, 'mount type unknown');
  }
}

/** ValidateTmpfsMountDestination (--tmpfs): not /, absolute. */
export function validateTmpfsDestination(dest: string): void {
  const bad = checkTarget(dest);
  if (bad) throw invalid(bad);
}

/** parseMountSpec after validation: what the mount point is. */
function planOf(m: MountSpec, mode: string): MountPlan {
  const type = m.Type as MountPlan['Type'];
  return {
    Type: type,
    Source: type === 'bind' ? cleanPath(m.Source ?? '') : type === 'volume' ? (m.Source ?? '') : '',
    Destination: cleanPath(m.Target ?? ''),
    RW: !m.ReadOnly,
    Mode: mode,
    Propagation: type === 'bind' ? m.BindOptions?.Propagation || 'rprivate' : '',
  };
}

/** ParseMountRaw: a -v spec with a source (a bind or a named volume), or a destination alone. */
export function parseVolumeSpec(raw: string): MountPlan {
  const spec = (): DaemonError => invalid(`invalid volume specification: '${raw}'`);
  const arr = raw.split(':');
  if (arr.length > 4) arr.splice(3, arr.length - 3, arr.slice(3).join(':'));
  if (arr[0] === '') throw spec();
  let source = '';
  let target = '';
  let mode = '';
  if (arr.length === 1) target = arr[0] as string;
  else if (arr.length === 2) {
    if (validMountMode(arr[1] as string)) throw spec();
    [source = '', target = ''] = arr;
  } else if (arr.length === 3) [source = '', target = '', mode = ''] = arr;
  else throw spec();
  if (!validMountMode(mode)) throw invalid(`invalid mode: ${mode}`);
  const opts = mode.split(',');
  const m: MountSpec = {
    Type: source.startsWith('/') ? 'bind' : 'volume',
    Source: source,
    Target: target,
    ReadOnly: opts.includes('ro'),
  };
  if (opts.includes('nocopy')) m.VolumeOptions = { NoCopy: true };
  const propagation = opts.find((o) => PROPAGATION.has(o));
  if (propagation) m.BindOptions = { Propagation: propagation };
  try {
    validateMountConfig(m);
  } catch (e) {
    throw e instanceof DaemonError ? invalid(`invalid volume specification: '${raw}': ${e.message}`) : e;
  }
  return planOf(m, mode);
}

/** A --mount spec, validated with the bind source checked on the host. */
export function planMountSpec(m: MountSpec, exists: (path: string) => boolean): MountPlan {
  validateMountConfig(m, exists);
  return { ...planOf(m, m.Type === 'volume' ? 'z' : ''), spec: m };
}

/** ConvertTmpfsOptions: a --mount tmpfs's data (ro, mode=%o, size with the largest exact suffix). */
export function tmpfsDataOfSpec(m: MountSpec): string {
  const raw: string[] = [];
  if (m.ReadOnly) raw.push('ro');
  const o = m.TmpfsOptions;
  if (o?.Mode) raw.push(`mode=${o.Mode.toString(8)}`);
  if (o?.SizeBytes) {
    let size = o.SizeBytes;
    let suffix = '';
    for (const [s, div] of [
      ['g', 2 ** 30],
      ['m', 2 ** 20],
      ['k', 2 ** 10],
    ] as const) {
      if (size % div === 0) {
        size /= div;
        suffix = s;
        break;
      }
    }
    raw.push(`size=${size}${suffix}`);
  }
  return raw.join(',');
}

const FLAG_PAIRS: Record<string, [string, boolean]> = {
  ro: ['ro', true],
  rw: ['ro', false],
  nosuid: ['nosuid', true],
  suid: ['nosuid', false],
  nodev: ['nodev', true],
  dev: ['nodev', false],
  noexec: ['noexec', true],
  exec: ['noexec', false],
};

/**
 * A container's tmpfs as runc mounts it: noexec, nosuid, nodev and then the data (MergeTmpfsOptions:
 * a later flag overrides its opposite), shown as /proc/mounts shows the mount. Undefined when the
 * kernel refuses the data (EINVAL).
 */
export function tmpfsMountOptions(
  data: string,
  defaults = ['noexec', 'nosuid', 'nodev'],
): { options: string; tmpfs: TmpfsOptions } | undefined {
  const flags: Record<string, boolean> = { ro: false, nosuid: false, nodev: false, noexec: false };
  const rest = new Map<string, string>();
  for (const o of [...defaults, ...data.split(',').filter(Boolean)]) {
    const pair = FLAG_PAIRS[o];
    if (pair) flags[pair[0]] = pair[1];
    else if (!PROPAGATION.has(o)) {
      const at = o.indexOf('=');
      rest.set(at < 0 ? o : o.slice(0, at), at < 0 ? '' : o.slice(at + 1));
    }
  }
  // A key without a value (size, mode) is refused as mount(2) refuses it.
  if ([...rest.values()].some((v) => v === '')) return undefined;
  const tmpfs = parseTmpfsOptions(rest, TMPFS_DEFAULT_KB);
  if (!tmpfs) return undefined;
  const shown = [flags.ro ? 'ro' : 'rw', ...['nosuid', 'nodev', 'noexec'].filter((f) => flags[f]), 'relatime'];
  return { options: `${shown.join(',')}${tmpfs.shown}`, tmpfs };
}
