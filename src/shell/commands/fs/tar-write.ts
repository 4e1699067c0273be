// The archives `tar -c` writes, byte for byte: GNU tar 1.34's default "gnu" format and busybox 1.35's
// (the same header, with its own long-name header and owner names), or with GNU's --xattrs the
// POSIX format (a PaxHeaders record block before each member). Docker's own tars (save, export, cp)
// come from Go's archive/tar and are written by docker/go-tar.ts, not here.
//
// What both write, checked against the real tools (test/shell/commands/fs/tar-create-vs-gnu):
// - magic "ustar  \0" (GNU's, busybox's too); numbers in octal, 7 digits for mode/uid/gid and 11 for
//   size/mtime, each ending NUL; the checksum six digits, NUL, space; the mode only permission bits;
// - a directory named with a trailing "/"; members in the order readdir gives them, each directory
//   followed by its contents (GNU's --sort=name: bytewise); a file with several links archived once,
//   the later names hard links (type '1') to the first;
// - device numbers only for character and block devices (gnu format; the POSIX format has them for all);
// - a name or link target longer than 100 bytes (busybox: 100 or longer) as a "././@LongLink" member
//   of type 'L' or 'K' first (GNU: mode 0644, owner root by name, mtime 0; busybox: mode 0, no names);
// - the end: two zero blocks, and GNU pads the archive to its 10240-byte record.
// GNU names an owner the passwd/group files do not know with an empty name; busybox with the number.
import { ContentBuilder, type FileContent, type Proc, type Stat } from '../../../kernel/index.js';
import { paxRecord } from '../../../docker/go-tar.js';

export interface TarWriteOptions {
  flavour: 'gnu' | 'busybox';
  /** --numeric-owner: no owner names. */
  numericOwner?: boolean;
  /** --sort=name: each directory's entries bytewise; 'none': as readdir gives them. */
  sort?: 'none' | 'name';
  /** --xattrs: POSIX format, each member after its PAX record (times, SCHILY.xattr.*). */
  xattrs?: boolean;
  /** --mtime=@N: every member's modification time (seconds). */
  mtime?: number;
  userName(uid: number): string | undefined;
  groupName(gid: number): string | undefined;
}

/** One operand: where it is on the disk and the name it has in the archive. */
export interface TarSource {
  path: string;
  name: string;
  /** The operand as typed, which an error about it names. */
  shown?: string;
}

const BLOCK = 512;
const RECORD = 10240;
const enc = new TextEncoder();

function putBytes(block: Uint8Array, off: number, width: number, b: Uint8Array): void {
  block.set(b.subarray(0, width), off);
}

function putOctal(block: Uint8Array, off: number, width: number, n: number): void {
  const s = Math.max(0, Math.floor(n))
    .toString(8)
    .padStart(width - 1, '0');
  for (let i = 0; i < width - 1; i++) block[off + i] = s.charCodeAt(s.length - (width - 1) + i);
}

interface HeaderFields {
  name: Uint8Array;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime: number;
  typeflag: string;
  linkname: Uint8Array;
  uname: string;
  gname: string;
  /** Device numbers, written when given. */
  dev?: [number, number];
  posix: boolean;
}

function header(h: HeaderFields): Uint8Array {
  const block = new Uint8Array(BLOCK);
  putBytes(block, 0, 100, h.name);
  putOctal(block, 100, 8, h.mode);
  putOctal(block, 108, 8, h.uid);
  putOctal(block, 116, 8, h.gid);
  putOctal(block, 124, 12, h.size);
  putOctal(block, 136, 12, h.mtime);
  block[156] = h.typeflag.charCodeAt(0);
  putBytes(block, 157, 100, h.linkname);
  putBytes(block, 257, 8, enc.encode(h.posix ? 'ustar\x0000' : 'ustar  \x00'));
  putBytes(block, 265, 31, enc.encode(h.uname));
  putBytes(block, 297, 31, enc.encode(h.gname));
  if (h.dev) {
    putOctal(block, 329, 8, h.dev[0]);
    putOctal(block, 337, 8, h.dev[1]);
  }
  let sum = 8 * 0x20;
  for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += block[i] as number;
  putOctal(block, 148, 7, sum);
  block[155] = 0x20;
  return block;
}

/** Seconds as a PAX time: "1700000000", "1700000000.5" (trailing zeros dropped). */
function paxTime(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const frac = Math.round(ms - whole * 1000);
  return frac === 0 ? String(whole) : `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
}

const TYPEFLAG: Partial<Record<Stat['type'], string>> = {
  file: '0',
  symlink: '2',
  chr: '3',
  blk: '4',
  dir: '5',
  fifo: '6',
};

/** A member the walk could not read: what GNU tar says about it (the caller adds its own words). */
export interface TarWalkError {
  name: string;
  error: unknown;
}

/**
 * The archive of `sources` as `tar -c` writes it. `onMember` hears each member's name as it is
 * archived (for -v); a file that cannot be read is reported in `errors` and left out.
 */
export function writeTarArchive(
  proc: Proc,
  sources: readonly TarSource[],
  opts: TarWriteOptions,
  onMember: (name: string) => void = () => {},
): { content: FileContent; errors: TarWalkError[]; absoluteLinks: boolean } {
  const out = new ContentBuilder();
  const errors: TarWalkError[] = [];
  const gnu = opts.flavour === 'gnu';
  const posix = gnu && opts.xattrs === true;
  const linked = new Map<string, string>(); // dev:ino → first name archived
  // GNU keeps a linked file's name as typed, and says once that it drops a leading "/" from it.
  let absoluteLinks = false;
  const uname = (id: number): string => (opts.numericOwner ? '' : (opts.userName(id) ?? (gnu ? '' : String(id))));
  const gname = (id: number): string => (opts.numericOwner ? '' : (opts.groupName(id) ?? (gnu ? '' : String(id))));

  const longLink = (typeflag: 'L' | 'K', value: Uint8Array): void => {
    const data = new Uint8Array(value.length + 1);
    data.set(value);
    out.add(
      header({
        name: enc.encode('././@LongLink'),
        mode: gnu ? 0o644 : 0,
        uid: 0,
        gid: 0,
        size: data.length,
        mtime: 0,
        typeflag,
        linkname: new Uint8Array(),
        uname: gnu ? uname(0) : '',
        gname: gnu ? gname(0) : '',
        posix: false,
      }),
    );
    out.add(data);
    pad(data.length);
  };
  const pad = (size: number): void => {
    if (size % BLOCK) out.add(new Uint8Array(BLOCK - (size % BLOCK)));
  };
  const tooLong = (b: Uint8Array): boolean => (gnu ? b.length > 100 : b.length >= 100);

  const paxHeader = (name: string, st: Stat, path: string, mtime: number): void => {
    const records: Uint8Array[] = [];
    if (opts.mtime === undefined && st.mtimeMs % 1000 !== 0)
      records.push(paxRecord('mtime', enc.encode(paxTime(st.mtimeMs))));
    records.push(paxRecord('atime', enc.encode(paxTime(st.atimeMs))));
    records.push(paxRecord('ctime', enc.encode(paxTime(st.ctimeMs))));
    let names: string[] = [];
    try {
      names = proc.listxattr(path, false);
    } catch {
      // a filesystem without xattrs: none recorded
    }
    for (const key of names.filter((k) => !k.startsWith('trusted.overlay.')))
      records.push(paxRecord(`SCHILY.xattr.${key}`, proc.getxattr(path, key, false)));
    const size = records.reduce((n, r) => n + r.length, 0);
    const trimmed = name.replace(/\/$/, '');
    const slash = trimmed.lastIndexOf('/');
    const paxName = `${slash < 0 ? '.' : trimmed.slice(0, slash)}/PaxHeaders/${trimmed.slice(slash + 1)}`;
    out.add(
      header({
        name: enc.encode(paxName),
        mode: 0o644,
        uid: 0,
        gid: 0,
        size,
        mtime,
        typeflag: 'x',
        linkname: new Uint8Array(),
        uname: '',
        gname: '',
        posix: true,
      }),
    );
    for (const r of records) out.add(r);
    pad(size);
  };

  const member = (path: string, name: string, shown = name): void => {
    // (shown: the operand as typed, then each child below it; an error names it)
    let st: Stat;
    try {
      st = proc.lstat(path);
    } catch (error) {
      errors.push({ name: shown, error });
      return;
    }
    const typeflag = TYPEFLAG[st.type];
    if (typeflag === undefined) return; // a socket: tar skips it
    const mtime = opts.mtime ?? Math.floor(st.mtimeMs / 1000);
    const isDir = st.type === 'dir';
    const memberName = isDir ? `${name}/` : name;
    let flag = typeflag;
    let linkname = '';
    let content: FileContent = new Uint8Array();
    const key = `${st.dev}:${st.ino}`;
    if (!isDir && st.nlink > 1 && linked.has(key)) {
      flag = '1';
      linkname = linked.get(key) as string;
    } else {
      if (!isDir && st.nlink > 1) {
        linked.set(key, name);
        if (shown.startsWith('/')) absoluteLinks = true;
      }
      if (st.type === 'symlink') linkname = proc.readlink(path);
      if (st.type === 'file') {
        try {
          content = proc.readContent(path);
        } catch (error) {
          errors.push({ name, error });
          return;
        }
      }
    }
    const nameBytes = enc.encode(memberName);
    const linkBytes = enc.encode(linkname);
    if (posix) paxHeader(memberName, st, path, mtime);
    else {
      if (tooLong(linkBytes)) longLink('K', linkBytes);
      if (tooLong(nameBytes)) longLink('L', nameBytes);
    }
    const size = flag === '0' ? (content instanceof Uint8Array ? content.length : content.size) : 0;
    const device = st.type === 'chr' || st.type === 'blk';
    out.add(
      header({
        name: nameBytes,
        mode: st.mode & 0o7777,
        uid: st.uid,
        gid: st.gid,
        size,
        mtime,
        typeflag: flag,
        linkname: linkBytes,
        uname: uname(st.uid),
        gname: gname(st.gid),
        ...(device ? { dev: [Math.floor(st.rdev / 256), st.rdev % 256] as [number, number] } : {}),
        ...(posix && !device ? { dev: [0, 0] as [number, number] } : {}),
        posix,
      }),
    );
    onMember(memberName);
    if (size > 0) {
      out.add(content);
      pad(size);
    }
    if (!isDir) return;
    let children: string[];
    try {
      children = proc.readdir(path).map((e) => e.name);
    } catch (error) {
      errors.push({ name, error });
      return;
    }
    if (opts.sort === 'name') children.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    for (const c of children)
      member(`${path === '/' ? '' : path}/${c}`, `${name}/${c}`, `${shown.replace(/\/$/, '')}/${c}`);
  };

  for (const s of sources) member(s.path, s.name, s.shown);
  out.add(new Uint8Array(2 * BLOCK));
  if (gnu && out.size % RECORD) out.add(new Uint8Array(RECORD - (out.size % RECORD)));
  return { content: out.build(), errors, absoluteLinks };
}
