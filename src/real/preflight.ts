// What a real host offers the tutor, decided from facts gathered elsewhere (src/real/probe.ts):
// the platform, root or not, the daemons that answered (their `docker info` and `docker version`
// JSON as the Engine API returns them), the kernel's overlay module and the tutor dir's file
// system. Pure: the tests feed it recorded and documented daemon answers (test/fixtures/preflight).

/** A daemon endpoint tried, and what it answered. */
export interface DaemonAnswer {
  /** How it was found: $DOCKER_HOST, the default socket, the rootless socket. */
  source: 'DOCKER_HOST' | 'default socket' | 'rootless socket';
  endpoint: string;
  /** GET /info and GET /version, as JSON; absent when the endpoint did not answer. */
  info?: Record<string, unknown>;
  version?: Record<string, unknown>;
  /** Why it did not answer (ENOENT, EACCES, …). */
  error?: string;
}

export interface HostFacts {
  /** process.platform */
  platform: string;
  uid?: number;
  kernelRelease?: string;
  /** The kernel lists overlay in /proc/filesystems (or can load it). */
  overlayInKernel: boolean;
  /** /sys/module/overlay/parameters/*, name → value; absent when the module is not loaded. */
  overlayParams?: Record<string, string>;
  /** The dockerd binary a private daemon would run, if any. */
  dockerd?: string;
  /** OVERLAY_TUTOR_DOCKERD=none: dockerd set aside, as if this machine had none. */
  dockerdOff?: boolean;
  /** The file system under the tutor's own dir (statfs type name: ext2/ext3, xfs, overlayfs, tmpfs …). */
  tutorDirFs?: string;
  /** d_type support there: xfs with ftype=0 lacks it, overlay2 refuses such a backing fs. */
  tutorDirDType?: boolean;
  daemons: DaemonAnswer[];
}

/** The storage a daemon uses, as the lessons care about it. */
export type StorageKind =
  | 'overlay2'
  | 'overlay'
  | 'fuse-overlayfs'
  | 'vfs'
  | 'containerd-snapshotter'
  | 'podman-containers-storage'
  | 'other';

export interface DaemonSummary {
  source: DaemonAnswer['source'];
  endpoint: string;
  product: 'Docker Engine' | 'Docker Desktop' | 'Podman';
  version: string;
  apiVersion: string;
  storage: StorageKind;
  /** The driver as docker info names it, with the snapshotter when that is what it is. */
  storageLabel: string;
  rootless: boolean;
  backingFs?: string;
  dType?: boolean;
  dataRoot?: string;
  /** The daemon's storage lives in a VM (Docker Desktop) or elsewhere: only the API is visible. */
  storageVisible: boolean;
}

export type Mark = 'ok' | 'no' | 'note';

export interface PreflightRow {
  what: string;
  value: string;
  mark: Mark;
}

export interface ModeVerdict {
  /** 'private' (default: a daemon the tutor starts), 'system' (the user's own), 'kernel' (mount -t overlay). */
  mode: 'private' | 'system' | 'kernel';
  usable: boolean;
  /** Why not, or what is limited. */
  reasons: string[];
}

export interface Preflight {
  rows: PreflightRow[];
  daemons: DaemonSummary[];
  modes: ModeVerdict[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function driverStatus(info: Record<string, unknown>): Map<string, string> {
  const pairs = Array.isArray(info.DriverStatus) ? (info.DriverStatus as unknown[]) : [];
  const m = new Map<string, string>();
  for (const p of pairs) if (Array.isArray(p) && typeof p[0] === 'string') m.set(p[0], String(p[1] ?? ''));
  return m;
}

function componentNames(version: Record<string, unknown> | undefined): string[] {
  const comps = Array.isArray(version?.Components) ? (version.Components as Array<{ Name?: unknown }>) : [];
  return comps.map((c) => String(c.Name ?? ''));
}

/** Reads one daemon's answers: which product, which storage, rootless or not. */
export function summarizeDaemon(d: DaemonAnswer): DaemonSummary | undefined {
  if (!d.info) return undefined;
  const info = d.info;
  const status = driverStatus(info);
  const driver = str(info.Driver) ?? '';
  const os = str(info.OperatingSystem) ?? '';
  const platformName = str((d.version?.Platform as { Name?: unknown } | undefined)?.Name) ?? '';
  const podman = componentNames(d.version).includes('Podman Engine') || /podman/i.test(platformName);
  const desktop = os === 'Docker Desktop' || /Docker Desktop/.test(platformName);
  const security = Array.isArray(info.SecurityOptions) ? (info.SecurityOptions as unknown[]).map(String) : [];
  const rootless = security.some((s) => s.split(',').includes('name=rootless'));
  let storage: StorageKind;
  if (podman) storage = 'podman-containers-storage';
  else if (status.get('driver-type') === 'io.containerd.snapshotter.v1') storage = 'containerd-snapshotter';
  else if (['overlay2', 'overlay', 'fuse-overlayfs', 'vfs'].includes(driver)) storage = driver as StorageKind;
  else storage = 'other';
  const storageLabel =
    storage === 'containerd-snapshotter'
      ? `containerd image store (${driver} snapshotter)`
      : storage === 'podman-containers-storage'
        ? `containers-storage (${driver})`
        : driver || 'unknown';
  const dTypeText = status.get('Supports d_type');
  return {
    source: d.source,
    endpoint: d.endpoint,
    product: podman ? 'Podman' : desktop ? 'Docker Desktop' : 'Docker Engine',
    version: str(d.version?.Version) ?? str(info.ServerVersion) ?? 'unknown',
    apiVersion: str(d.version?.ApiVersion) ?? 'unknown',
    storage,
    storageLabel,
    rootless,
    ...(status.has('Backing Filesystem') ? { backingFs: status.get('Backing Filesystem') } : {}),
    ...(dTypeText !== undefined ? { dType: dTypeText === 'true' } : {}),
    ...(str(info.DockerRootDir) ? { dataRoot: str(info.DockerRootDir) } : {}),
    storageVisible: !desktop,
  };
}

/** What the lessons can show on a daemon with this storage; undefined when all of it. */
function storageLimit(s: DaemonSummary): string | undefined {
  switch (s.storage) {
    case 'overlay2':
      return undefined;
    case 'overlay':
      return (
        'the legacy overlay driver: lessons 1–10 describe overlay2 (l/ links, lower files); ' +
        'lesson 11 is about this one'
      );
    case 'containerd-snapshotter':
      return (
        'the containerd image store: layers are snapshots under ' +
        '/var/lib/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/N/fs, inspect has no GraphDriver, ' +
        'there is no layerdb; the tutor maps ChainIDs to snapshots instead'
      );
    case 'fuse-overlayfs':
      return 'fuse-overlayfs (rootless without kernel overlay): a FUSE mount, no overlay entry in mountinfo options';
    case 'vfs':
      return 'vfs: every layer is a full copy, there is no overlay mount to look at';
    case 'podman-containers-storage':
      return "Podman's containers-storage: layers under ~/.local/share/containers or /var/lib/containers, not layerdb";
    default:
      return `the ${s.storageLabel} driver: not overlay, the lessons' paths do not exist`;
  }
}

const YES = (b: boolean | undefined) => (b === undefined ? 'unknown' : b ? 'yes' : 'no');

/** The table and the verdict for each mode. */
export function decidePreflight(f: HostFacts): Preflight {
  const rows: PreflightRow[] = [];
  const linux = f.platform === 'linux';
  const root = f.uid === 0;
  rows.push({
    what: 'Linux',
    value: linux ? `yes (${f.kernelRelease ?? 'kernel unknown'})` : `no (${f.platform})`,
    mark: linux ? 'ok' : 'no',
  });
  rows.push({
    what: 'root',
    value: f.uid === undefined ? 'unknown' : root ? 'yes' : `no (uid ${f.uid})`,
    mark: root ? 'ok' : 'no',
  });

  const daemons: DaemonSummary[] = [];
  for (const d of f.daemons) {
    const s = summarizeDaemon(d);
    if (!s) {
      rows.push({ what: `daemon (${d.source})`, value: `${d.endpoint}: ${d.error ?? 'no answer'}`, mark: 'note' });
      continue;
    }
    daemons.push(s);
    const limit = storageLimit(s);
    rows.push({
      what: `daemon (${d.source})`,
      value: `${d.endpoint}: ${s.product} ${s.version}, API ${s.apiVersion}${s.rootless ? ', rootless' : ''}`,
      mark: 'ok',
    });
    rows.push({
      what: '  storage',
      value:
        s.storageLabel +
        (s.backingFs ? ` on ${s.backingFs}` : '') +
        (s.dType !== undefined ? `, d_type ${YES(s.dType)}` : '') +
        (s.storageVisible ? '' : ' (inside a VM: not visible from here)'),
      mark: limit || !s.storageVisible ? 'note' : 'ok',
    });
  }
  if (f.daemons.length === 0) rows.push({ what: 'daemon', value: 'none tried', mark: 'note' });

  const params = f.overlayParams;
  rows.push({
    what: 'kernel overlay',
    value: !f.overlayInKernel
      ? 'not available'
      : params
        ? Object.entries(params)
            .filter(([k]) => ['redirect_dir', 'index', 'metacopy', 'xino_auto', 'nfs_export'].includes(k))
            .map(([k, v]) => `${k}=${v}`)
            .join(' ') || 'loaded'
        : 'available (module parameters not readable)',
    mark: f.overlayInKernel ? 'ok' : 'no',
  });
  rows.push({
    what: 'dockerd binary',
    value: f.dockerd ?? (f.dockerdOff ? 'none (OVERLAY_TUTOR_DOCKERD=none)' : 'not found'),
    mark: f.dockerd ? 'ok' : 'no',
  });
  const overlayOnOverlay = f.tutorDirFs === 'overlayfs';
  rows.push({
    what: "tutor dir's fs",
    value: `${f.tutorDirFs ?? 'unknown'}, d_type ${YES(f.tutorDirDType)}`,
    mark: overlayOnOverlay || f.tutorDirDType === false ? 'no' : 'ok',
  });

  // The private daemon: the default, and the only mode that touches nothing of the user's.
  const privateWhy: string[] = [];
  if (!linux) privateWhy.push(`needs Linux: on ${f.platform} the daemon and its storage live inside a VM`);
  if (linux && !root) privateWhy.push('needs root: dockerd mounts overlayfs and owns its data-root');
  if (linux && !f.dockerd)
    privateWhy.push(
      f.dockerdOff
        ? 'OVERLAY_TUTOR_DOCKERD=none: no dockerd is started'
        : 'needs a dockerd binary (Debian/Ubuntu: apt-get install docker.io)',
    );
  if (linux && !f.overlayInKernel) privateWhy.push('needs overlay in the kernel (modprobe overlay)');
  if (overlayOnOverlay)
    privateWhy.push('the tutor dir is on overlayfs (inside a container?): overlay2 cannot stack on it');
  if (f.tutorDirDType === false) privateWhy.push("the tutor dir's file system lacks d_type (xfs with ftype=0)");

  // The user's own daemon: usable when one answered, fully when its storage is overlay2 and visible.
  const systemWhy: string[] = [];
  // Off Linux a daemon answers from a VM (Docker Desktop, colima …): its files are never here.
  const local = linux ? daemons.find((d) => d.storageVisible) : undefined;
  if (!linux) systemWhy.push(`needs Linux: on ${f.platform} a daemon's storage lives inside a VM, not here`);
  if (daemons.length === 0)
    systemWhy.push('no daemon answered (DOCKER_HOST, /var/run/docker.sock, the rootless socket)');
  else if (local) {
    const limit = storageLimit(local);
    if (limit) systemWhy.push(`limited: ${limit}`);
    if (!root && !local.rootless) systemWhy.push("needs root to read the daemon's data-root and the container mounts");
  } else if (linux)
    systemWhy.push('the daemon keeps its storage in a VM (Docker Desktop): only its API output can be compared');
  const systemUsable = local !== undefined && (root || local.rootless);

  // The kernel lessons (`real: kernel`): a mount namespace and mount -t overlay, no daemon at all.
  const kernelWhy: string[] = [];
  if (!linux) kernelWhy.push('needs Linux: overlayfs is a Linux file system');
  if (linux && !root) kernelWhy.push('needs root: mount -t overlay in a mount namespace of its own');
  if (linux && !f.overlayInKernel) kernelWhy.push('needs overlay in the kernel (modprobe overlay)');

  return {
    rows,
    daemons,
    modes: [
      { mode: 'private', usable: privateWhy.length === 0, reasons: privateWhy },
      { mode: 'system', usable: systemUsable, reasons: systemWhy },
      { mode: 'kernel', usable: kernelWhy.length === 0, reasons: kernelWhy },
    ],
  };
}

const MODE_NAMES: Record<ModeVerdict['mode'], string> = {
  private: '--real          a private dockerd the tutor starts (nothing of yours is touched)',
  system: '--real=system   your own daemon (labelled resources only, each change confirmed)',
  kernel: '--real=kernel   the sandbox and the lessons about overlay itself: mount -t overlay, no Docker',
};

/** The preflight as the terminal shows it: the table, then each mode with ✓/✗ and why. */
export function renderPreflight(p: Preflight, ascii = false): string {
  const glyph = (m: Mark) => (m === 'ok' ? (ascii ? 'v' : '✓') : m === 'no' ? (ascii ? 'x' : '✗') : ascii ? '-' : '·');
  const width = Math.max(...p.rows.map((r) => r.what.length));
  const lines = ['Preflight: what this machine offers the real-host mode', ''];
  for (const r of p.rows) lines.push(`${glyph(r.mark)} ${r.what.padEnd(width)}  ${r.value}`);
  lines.push('');
  for (const m of p.modes) {
    lines.push(`${glyph(m.usable ? 'ok' : 'no')} ${MODE_NAMES[m.mode]}`);
    for (const why of m.reasons) lines.push(`    ${why}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `text` cut into lines of at most `width` columns at spaces (a longer word is cut where it
 * must), the lines after the first indented by four more columns than it. The screen's text is ASCII but for the
 * marks, each one column wide. */
export function wrapText(text: string, width: number): string[] {
  // The line's own indent, and two more for the lines it continues on.
  const lead = /^ */.exec(text)?.[0] ?? '';
  const indent = `${lead}    `;
  const out: string[] = [];
  let line = lead;
  for (let word of text.slice(lead.length).split(' ')) {
    for (;;) {
      const room = width - line.length - (line.trim() === '' ? 0 : 1);
      if (word.length <= room) break;
      if (line.trim() !== '' && word.length <= width - indent.length) {
        out.push(line);
        line = indent;
        continue;
      }
      // A word longer than a line (an endpoint's path): cut where the line ends.
      out.push(line.trim() === '' ? `${line}${word.slice(0, room)}` : `${line} ${word.slice(0, room)}`);
      line = indent;
      word = word.slice(room);
    }
    line = line.trim() === '' ? `${line}${word}` : `${line} ${word}`;
  }
  if (line.trim() !== '') out.push(line);
  return out;
}

const FLAG: Record<ModeVerdict['mode'], string> = {
  private: '--real',
  system: '--real=system',
  kernel: '--real=kernel',
};
const SHORT: Record<ModeVerdict['mode'], string> = {
  private: 'a private dockerd the tutor starts',
  system: 'your own daemon, each change asked first',
  kernel: 'the sandbox and the lessons about overlay itself on the real kernel alone (mount -t overlay, no Docker)',
};

/** The machine's facts on a few lines: what it is, then each daemon tried. */
function machineLines(p: Preflight, glyph: (m: Mark) => string): string[] {
  const row = (what: string) => p.rows.find((r) => r.what === what);
  const items: string[] = [];
  const linux = row('Linux');
  if (linux) {
    const said = /\((.*)\)/.exec(linux.value)?.[1] ?? linux.value;
    items.push(`${glyph(linux.mark)} ${linux.mark === 'ok' ? `Linux ${said}` : `not Linux (${said})`}`);
  }
  const root = row('root');
  if (root)
    items.push(`${glyph(root.mark)} ${root.mark === 'ok' ? 'root' : `not root${root.value.replace(/^no/, '')}`}`);
  const overlay = row('kernel overlay');
  if (overlay) items.push(`${glyph(overlay.mark)} ${overlay.mark === 'ok' ? 'kernel overlay' : 'no kernel overlay'}`);
  const dockerd = row('dockerd binary');
  if (dockerd) items.push(`${glyph(dockerd.mark)} ${dockerd.mark === 'ok' ? 'dockerd' : 'no dockerd'}`);
  const fs = row("tutor dir's fs");
  if (fs?.mark === 'no') items.push(`${glyph('no')} tutor dir on ${fs.value}`);
  const lines = [`This machine: ${items.join(', ')}`];
  p.rows.forEach((r, i) => {
    if (!r.what.startsWith('daemon')) return;
    const source = /\((.*)\)/.exec(r.what)?.[1];
    const storage = p.rows[i + 1]?.what === '  storage' ? p.rows[i + 1] : undefined;
    const mark = r.mark === 'ok' && storage?.mark !== 'ok' ? 'note' : r.mark;
    lines.push(`  ${glyph(mark)} ${source ? `${source} ` : ''}${r.value}${storage ? `; ${storage.value}` : ''}`);
  });
  return lines;
}

/** The one screen shown when the mode asked for cannot run: what is missing, what the machine has,
 * what would work. It fits a terminal of 80x24 with the shell's prompt under it (test/real). */
export function renderCannotRun(p: Preflight, wanted: ModeVerdict['mode'], ascii = false): string {
  const glyph = (m: Mark) => (m === 'ok' ? (ascii ? 'v' : '✓') : m === 'no' ? (ascii ? 'x' : '✗') : ascii ? '-' : '·');
  const verdict = p.modes.find((m) => m.mode === wanted)!;
  // What stops it; a limit of a mode that could run is not why it cannot.
  const missing = verdict.reasons.filter((r) => !r.startsWith('limited:'));
  const others = p.modes.filter((m) => m.usable && m.mode !== wanted);
  const lines = [
    `Preflight: overlay-tutor ${FLAG[wanted]} cannot run here.`,
    ...missing.map((r) => `  ${glyph('no')} ${r}`),
    '',
    ...machineLines(p, glyph),
    '',
    'What would work:',
    ...others.map((m) => `  ${glyph('ok')} ${FLAG[m.mode]}: ${SHORT[m.mode]}`),
    `  ${glyph('ok')} overlay-tutor, overlay-tutor sandbox: the lessons on the simulated host`,
    '`overlay-tutor preflight` prints the whole table.',
  ];
  return `${lines.flatMap((l) => (l === '' ? [''] : wrapText(l, 79))).join('\n')}\n`;
}
