// Applies a conformance scenario to the kernel model, producing the same shapes as
// real_runner.py does on a real mount.
import { Volume } from 'memfs';
import {
  Kernel,
  KernelError,
  S_IFCHR,
  makedev,
  seededRandom,
  steppingClock,
  type Proc,
} from '../../../src/kernel/index.js';
import {
  mtimeField,
  PRESENCE_ONLY_XATTRS,
  pinnedTime,
  UPPER_ROOT_PIN_S,
  XATTR_NAME,
  type LayerStep,
  type Op,
  type OpResult,
  type RunResult,
  type Scenario,
  type TreeEntry,
} from './scenario.js';

const ROOT = '/t';
const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

function buildLayer(p: Proc, root: string, steps: LayerStep[]): void {
  for (const s of steps) {
    const path = `${root}/${s.path}`;
    switch (s.kind) {
      case 'dir':
        p.mkdir(path);
        p.chmod(path, s.mode);
        break;
      case 'file':
        p.writeFile(path, s.data);
        p.chmod(path, s.mode);
        break;
      case 'symlink':
        p.symlink(s.target, path);
        break;
      case 'hardlink':
        p.link(`${root}/${s.from}`, path);
        break;
      case 'whiteout':
        p.mknod(path, S_IFCHR, 0);
        break;
      case 'opaque':
        p.setxattr(path, 'trusted.overlay.opaque', 'y', false);
        break;
    }
  }
}

/** As real_runner.py's pin_times: entry i of the layer in path order gets pinnedTime(layer, i). */
function pinTimes(p: Proc, root: string, layer: number): void {
  snapshotTree(p, root).forEach((e, i) => {
    const t = pinnedTime(layer, i) * 1000;
    p.utimes(e.path === '' ? root : `${root}/${e.path}`, t, t, false);
  });
}

export function snapshotTree(p: Proc, root: string, renameTemps = false): TreeEntry[] {
  const out: TreeEntry[] = [];
  const rec = (rel: string): void => {
    const path = rel === '' ? root : `${root}/${rel}`;
    let st;
    try {
      st = p.lstat(path);
    } catch (err) {
      if (!(err instanceof KernelError) || err.code !== 'ENOENT') throw err;
      // overlayfs lists whiteouts of a directory it reads unmerged, but cannot stat them.
      out.push({ path: rel, type: 'ENOENT' } as TreeEntry);
      return;
    }
    const name = renameTemps
      ? rel
          .split('/')
          .map((x) => (x.startsWith('#') ? '#' : x))
          .join('/')
      : rel;
    const e: TreeEntry = { path: name, type: st.type, mode: st.mode & 0o7777, nlink: st.nlink };
    if (st.type === 'file') {
      e.size = st.size;
      e.content = latin1(p.readFile(path));
    } else if (st.type === 'symlink') {
      e.target = p.readlink(path);
    } else if (st.type === 'chr' || st.type === 'blk') {
      e.rdev = [Math.floor(st.rdev / 256), st.rdev % 256];
    }
    const names = p.listxattr(path, false).sort();
    if (names.length > 0) {
      e.xattrs = {};
      for (const x of names)
        e.xattrs[x] = PRESENCE_ONLY_XATTRS.has(x) ? '<present>' : latin1(p.getxattr(path, x, false));
    }
    e.mtime = mtimeField(Math.floor(st.mtimeMs / 1000));
    out.push(e);
    if (st.type === 'dir')
      for (const n of p
        .readdir(path)
        .map((d) => d.name)
        .sort())
        rec(rel === '' ? n : `${rel}/${n}`);
  };
  rec('');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function apply(p: Proc, op: Op, layer: (where: string) => string): unknown {
  const m = `${ROOT}/m`;
  const at = (rel: string): string => (rel === '' ? m : `${m}/${rel}`);
  switch (op.op) {
    case 'write': {
      const flags = {
        create: true,
        truncate: op.how === 'trunc',
        append: op.how === 'append',
        exclusive: op.how === 'excl',
      };
      p.writeFile(at(op.path), op.data, flags, 0o666);
      return undefined;
    }
    case 'open':
      p.open(at(op.path), { write: true });
      return undefined;
    case 'mkdir':
      p.mkdir(at(op.path), op.mode);
      return undefined;
    case 'rmdir':
      p.rmdir(at(op.path));
      return undefined;
    case 'unlink':
      p.unlink(at(op.path));
      return undefined;
    case 'rename':
      p.rename(at(op.from), at(op.to));
      return undefined;
    case 'symlink':
      p.symlink(op.target, at(op.path));
      return undefined;
    case 'link':
      p.link(at(op.from), at(op.to));
      return undefined;
    case 'chmod':
      p.chmod(at(op.path), op.mode);
      return undefined;
    case 'chown':
      p.chown(at(op.path), op.uid, -1);
      return undefined;
    case 'truncate':
      p.truncate(at(op.path), op.length);
      return undefined;
    case 'mknod':
      p.mknod(at(op.path), S_IFCHR | 0o644, op.node === 'whiteout' ? 0 : makedev(1, 3));
      return undefined;
    case 'setxattr':
      p.setxattr(at(op.path), XATTR_NAME, op.value);
      return undefined;
    case 'stat': {
      const st = p.lstat(`${layer(op.where)}/${op.path}`);
      return {
        type: st.type,
        mode: st.mode & 0o7777,
        nlink: st.nlink,
        ino: st.ino,
        size: st.type === 'file' ? st.size : null,
      };
    }
    case 'read':
      return latin1(p.readFile(at(op.path)));
    case 'readdir':
      return p
        .readdir(at(op.path))
        .map((d) => d.name)
        .sort();
  }
}

/** `release`: the kernel the real side runs (uname -r), whose behaviour the model is to follow. */
export function runOnModel(scenario: Scenario, release?: string): RunResult {
  const kernel = new Kernel({
    volume: new Volume(),
    clock: steppingClock(1_700_000_000_000),
    random: seededRandom(7),
    ...(release ? { release } : {}),
  });
  const p = kernel.proc();
  p.mkdir(ROOT, 0o700);
  const lowers = scenario.lowers.map((_, i) => `${ROOT}/l${i}`);
  scenario.lowers.forEach((steps, i) => {
    p.mkdir(lowers[i] as string);
    buildLayer(p, lowers[i] as string, steps);
    pinTimes(p, lowers[i] as string, i);
  });
  for (const d of ['u', 'w', 'm']) p.mkdir(`${ROOT}/${d}`);
  p.utimes(`${ROOT}/u`, UPPER_ROOT_PIN_S * 1000, UPPER_ROOT_PIN_S * 1000);
  const lowersBefore = lowers.map((l) => snapshotTree(p, l));
  const redirect = scenario.redirectDir ? ',redirect_dir=on' : '';
  p.mount(`${ROOT}/m`, 'overlay', `lowerdir=${lowers.join(':')},upperdir=${ROOT}/u,workdir=${ROOT}/w${redirect}`);
  const layer = (where: string): string =>
    where === 'merged' ? `${ROOT}/m` : where === 'upper' ? `${ROOT}/u` : `${ROOT}/l${where.slice('lower'.length)}`;
  const started = performance.now();
  const results: OpResult[] = scenario.ops.map((op) => {
    try {
      const value = apply(p, op, layer);
      return value === undefined ? { ok: true } : { ok: true, value };
    } catch (err) {
      if (err instanceof KernelError) return { ok: false, errno: err.code };
      throw err;
    }
  });
  const opsSeconds = (performance.now() - started) / 1000;
  const merged = snapshotTree(p, `${ROOT}/m`);
  p.umount(`${ROOT}/m`);
  return {
    results,
    opsSeconds,
    snapshot: {
      merged,
      upper: snapshotTree(p, `${ROOT}/u`),
      work: snapshotTree(p, `${ROOT}/w`, true),
      lowersBefore,
      lowersAfter: lowers.map((l) => snapshotTree(p, l)),
    },
  };
}
