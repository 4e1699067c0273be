// The daemon's file access: a root process with umask 0, so the modes written are the modes
// asked for (Docker's os.MkdirAll/WriteFile calls pass explicit modes and dockerd runs umask 022,
// but every mode it asks for survives 022; 0 lets us state them once).
import type { Kernel, Proc, Stat } from '../../kernel/index.js';
import { isKernelError, isLazy, type LazyContent } from '../../kernel/index.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

export class DaemonFs {
  readonly proc: Proc;
  constructor(readonly kernel: Kernel) {
    this.proc = kernel.proc({ root: '/', umask: 0 });
  }

  lstat(path: string): Stat | undefined {
    try {
      return this.proc.lstat(path);
    } catch (e) {
      if (isKernelError(e) && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return undefined;
      throw e;
    }
  }

  exists(path: string): boolean {
    return this.lstat(path) !== undefined;
  }

  /** os.MkdirAll: missing parents get the same mode, existing dirs are left alone. */
  mkdirAll(path: string, mode: number): void {
    const parts = path.split('/').filter(Boolean);
    let cur = '';
    for (const p of parts) {
      cur += `/${p}`;
      if (!this.exists(cur)) this.proc.mkdir(cur, mode);
    }
  }

  mkdir(path: string, mode: number): void {
    this.proc.mkdir(path, mode);
    this.proc.chmod(path, mode); // mkdir(2) drops setuid bits; chmod keeps what was asked
  }

  write(path: string, data: string | Uint8Array, mode: number): void {
    this.proc.writeFile(path, data, { create: true, truncate: true }, mode);
  }

  /** write() of a layer entry's content: a synthetic file stays one (its bytes are made on read). */
  writeContent(path: string, data: string | Uint8Array | LazyContent | undefined, mode: number): void {
    if (isLazy(data)) this.proc.writeSyntheticFile(path, data, mode);
    else this.write(path, data ?? new Uint8Array(0), mode);
  }

  /** ioutils.AtomicWriteFile: the mode is set even when the file already existed. */
  writeAtomic(path: string, data: string | Uint8Array, mode: number): void {
    this.write(path, data, mode);
    this.proc.chmod(path, mode);
  }

  /**
   * An unpacked or copied entry's owner and then its mode, in that order, as pkg/archive's
   * createTarFile does (Lchown, then Chmod): chown(2) drops set-user-ID, and set-group-ID where
   * the group may execute, which the mode then puts back. Root's own entries are not chowned.
   * `mode` is undefined for entries whose mode is not set again (symlinks, devices).
   */
  setOwnerAndMode(path: string, uid: number, gid: number, mode: number | undefined): void {
    if (uid !== 0 || gid !== 0) this.proc.chown(path, uid, gid, false);
    if (mode !== undefined) this.proc.chmod(path, mode);
  }

  read(path: string): Uint8Array {
    return this.proc.readFile(path);
  }

  readText(path: string): string {
    return dec.decode(this.proc.readFile(path));
  }

  readdir(path: string): string[] {
    return this.proc.readdir(path).map((e) => e.name);
  }

  /** os.RemoveAll. */
  removeAll(path: string): void {
    const st = this.lstat(path);
    if (!st) return;
    if (st.type === 'dir') {
      for (const name of this.readdir(path)) this.removeAll(`${path}/${name}`);
      this.proc.rmdir(path);
    } else {
      this.proc.unlink(path);
    }
  }

  static bytes(s: string): Uint8Array {
    return enc.encode(s);
  }
}

/** moby's directory.Size: lstat sizes of everything but directories, each inode once. */
export function directorySize(fs: DaemonFs, root: string): number {
  let total = 0;
  const seen = new Set<number>();
  const walk = (dir: string): void => {
    for (const name of fs.readdir(dir)) {
      const st: Stat = fs.proc.lstat(`${dir}/${name}`);
      if (st.type === 'dir') {
        walk(`${dir}/${name}`);
        continue;
      }
      if (st.nlink > 1) {
        if (seen.has(st.ino)) continue;
        seen.add(st.ino);
      }
      total += st.size;
    }
  };
  walk(root);
  return total;
}
