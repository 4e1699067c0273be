// file(1) for what a learner points it at on a Docker host: a file's kind from its inode (directory,
// symbolic link to X, character special (0/0) for a whiteout, empty), else from its first bytes
// (gzip compressed data as layerdb's tar-split.json.gz, POSIX tar archive, an ELF program, #!
// scripts, JSON text data, ASCII/UTF-8/ISO-8859 text with its line terminators, data), in file
// 5.44's words (test/shell/commands/text/compare-vs-gnu has them as Debian 12's file printed them).
import { major, minor, type Stat } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, withUsage } from '../options.js';

const USAGE =
  'Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n' +
  '            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n' +
  '            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n' +
  '            <file> ...\n' +
  '       file -C [-m <magicfiles>]\n' +
  '       file [--help]\n';

const GZIP_OS: Record<number, string> = {
  0: 'from FAT filesystem (MS-DOS, OS/2, NT)',
  3: 'from Unix',
  7: 'from Macintosh',
  11: 'from NTFS filesystem (NT)',
};

/** ctime's form, as file prints a gzip member's time: `Tue Nov 14 22:13:20 2023`. */
function ctimeOf(seconds: number): string {
  const d = new Date(seconds * 1000);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const t = d.toISOString().slice(11, 19);
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${t} ${d.getUTCFullYear()}`;
}

function gzip(b: Uint8Array, size: number, tail: Uint8Array): string {
  const parts = ['gzip compressed data'];
  const flags = b[3] ?? 0;
  if (flags & 0x08) {
    let at = 10 + (flags & 0x04 ? 2 + ((b[10] ?? 0) | ((b[11] ?? 0) << 8)) : 0);
    let name = '';
    while (at < b.length && b[at] !== 0) name += String.fromCharCode(b[at++] ?? 0);
    parts.push(`was "${name}"`);
  }
  const mtime = ((b[4] ?? 0) | ((b[5] ?? 0) << 8) | ((b[6] ?? 0) << 16) | ((b[7] ?? 0) << 24)) >>> 0;
  if (mtime) parts.push(`last modified: ${ctimeOf(mtime)}`);
  if (b[8] === 2) parts.push('max compression');
  else if (b[8] === 4) parts.push('max speed');
  const os = GZIP_OS[b[9] ?? 255];
  if (os) parts.push(os);
  if (size >= 18) {
    const n = ((tail[0] ?? 0) | ((tail[1] ?? 0) << 8) | ((tail[2] ?? 0) << 16) | ((tail[3] ?? 0) << 24)) >>> 0;
    parts.push(`original size modulo 2^32 ${n}`);
  }
  return parts.join(', ');
}

/** An ELF header file can read (x86-64 little-endian, 64-bit): its type, linking, notes, symbols. */
function realElf(b: Uint8Array): string | undefined {
  if (b[4] !== 2 || b[5] !== 1 || b.length < 64) return undefined;
  const v = new DataView(b.buffer, b.byteOffset, b.length);
  const u16 = (at: number): number => (at + 2 <= b.length ? v.getUint16(at, true) : 0);
  const u32 = (at: number): number => (at + 4 <= b.length ? v.getUint32(at, true) : 0);
  const u64 = (at: number): number => (at + 8 <= b.length ? Number(v.getBigUint64(at, true)) : 0);
  const type = u16(16);
  const machine = u16(18);
  if ((type !== 2 && type !== 3) || machine !== 62 || u32(20) !== 1) return undefined;
  const phoff = u64(32);
  const shoff = u64(40);
  const phnum = u16(56);
  let interp: string | undefined;
  let dynamic = false;
  let pie = false;
  const notes: string[] = [];
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * u16(54);
    const ptype = u32(ph);
    const off = u64(ph + 8);
    const size = u64(ph + 32);
    if (ptype === 3) interp = new TextDecoder().decode(b.subarray(off, off + size)).replace(/\0.*$/s, '');
    else if (ptype === 2) {
      dynamic = true;
      // DT_FLAGS_1 with DF_1_PIE: a position-independent executable, not a library.
      for (let at = off; at + 16 <= off + size; at += 16)
        if (u64(at) === 0x6ffffffb) pie = (u64(at + 8) & 0x08000000) !== 0;
    } else if (ptype === 4) {
      for (let at = off; at + 12 <= off + size; ) {
        const namesz = u32(at);
        const descsz = u32(at + 4);
        const ntype = u32(at + 8);
        const name = new TextDecoder().decode(b.subarray(at + 12, at + 12 + namesz)).replace(/\0+$/, '');
        const desc = at + 12 + ((namesz + 3) & ~3);
        const hex = (): string[] => [...b.subarray(desc, desc + descsz)].map((x) => x.toString(16).padStart(2, '0'));
        if (name === 'GNU' && ntype === 3) notes.push(`BuildID[sha1]=${hex().join('')}`);
        if (name === 'GNU' && ntype === 1 && u32(desc) === 0)
          notes.push(`for GNU/Linux ${u32(desc + 4)}.${u32(desc + 8)}.${u32(desc + 12)}`);
        at = desc + ((descsz + 3) & ~3);
      }
    }
  }
  let symtab = false;
  for (let i = 0; i < u16(60); i++) if (u32(shoff + i * u16(58) + 4) === 2) symtab = true;
  const kind = type === 2 ? 'executable' : pie ? 'pie executable' : 'shared object';
  const abi = b[7] === 3 ? 'GNU/Linux' : 'SYSV';
  const link = interp
    ? `dynamically linked, interpreter ${interp}`
    : dynamic
      ? 'dynamically linked'
      : 'statically linked';
  return [
    `ELF 64-bit LSB ${kind}`,
    'x86-64',
    `version 1 (${abi})`,
    link,
    ...notes,
    symtab ? 'not stripped' : 'stripped',
  ].join(', ');
}

/** The tutorial images' programs are stand-ins (an ELF magic, the program's path, made-up bytes):
 * file says what the program it stands for is, as a static busybox or a distribution's PIE. */
function elf(b: Uint8Array, path: string): string {
  const real = realElf(b);
  if (real) return real;
  const bits = b[4] === 1 ? '32-bit' : '64-bit';
  const order = b[5] === 2 ? 'MSB' : 'LSB';
  const base = path.split('/').pop() ?? '';
  if (base === 'busybox' || base === 'hello')
    return `ELF ${bits} ${order} executable, x86-64, version 1 (SYSV), statically linked, stripped`;
  return (
    `ELF ${bits} ${order} pie executable, x86-64, version 1 (SYSV), dynamically linked, ` +
    'interpreter /lib64/ld-linux-x86-64.so.2, for GNU/Linux 3.2.0, stripped'
  );
}

const INTERPRETERS: Record<string, string> = {
  sh: 'POSIX shell script',
  bash: 'Bourne-Again shell script',
  dash: 'POSIX shell script',
  python3: 'Python script',
  python: 'Python script',
};

/** Text: its character set, then how its lines end (file's "ASCII text, with CRLF line terminators"). */
function textKind(b: Uint8Array): string | undefined {
  let ascii = true;
  for (const c of b) {
    if (c >= 0x80) ascii = false;
    else if (c < 0x20 && ![0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(c)) return undefined;
  }
  let set = 'ASCII text';
  if (!ascii) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b);
      set = 'Unicode text, UTF-8 text';
    } catch {
      if (b.some((c) => c >= 0x80 && c < 0xa0)) return undefined;
      set = 'ISO-8859 text';
    }
  }
  const s = new TextDecoder('latin1').decode(b);
  const longest = Math.max(...s.split(/\r?\n/).map((l) => l.length));
  const notes: string[] = [];
  if (longest > 300) notes.push(`with very long lines (${longest})`);
  if (s.includes('\r\n')) notes.push('with CRLF line terminators');
  else if (!s.includes('\n') && !s.includes('\r')) notes.push('with no line terminators');
  return [set, ...notes].join(', ');
}

function contentKind(b: Uint8Array, size: number, tail: Uint8Array, path: string): string {
  if (b[0] === 0x1f && b[1] === 0x8b && b[2] === 8) return gzip(b, size, tail);
  const magic = new TextDecoder('latin1').decode(b.subarray(257, 265));
  if (magic === 'ustar  \0') return 'POSIX tar archive (GNU)';
  if (magic.startsWith('ustar\0')) return 'POSIX tar archive';
  if (b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46) return elf(b, path);
  const text = textKind(b);
  if (text === undefined) return 'data';
  const s = new TextDecoder().decode(b);
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(s);
  if (shebang) {
    const prog = (shebang[1]?.endsWith('/env') ? shebang[2] : shebang[1])?.split('/').pop() ?? '';
    // Some of file's magic names the language with no character set, or after the word.
    if (prog === 'perl') return 'Perl script text executable';
    if (prog === 'node') return `Node.js script executable, ${text}`;
    const kind = INTERPRETERS[prog];
    return kind ? `${kind}, ${text} executable` : `a ${shebang[1]} script, ${text} executable`;
  }
  if (/^\s*[[{]/.test(s)) {
    try {
      JSON.parse(s);
      return 'JSON text data';
    } catch {
      // not JSON: plain text
    }
  }
  return text;
}

function describe(ctx: CommandContext, path: string, follow: boolean): string {
  let st: Stat;
  try {
    st = follow ? ctx.proc.stat(path) : ctx.proc.lstat(path);
  } catch (e) {
    return `cannot open \`${path}' (${errText(e)})`;
  }
  switch (st.type) {
    case 'dir':
      return 'directory';
    case 'symlink': {
      const target = ctx.proc.readlink(path);
      return ctx.proc.exists(path) ? `symbolic link to ${target}` : `broken symbolic link to ${target}`;
    }
    case 'chr':
      return `character special (${major(st.rdev)}/${minor(st.rdev)})`;
    case 'blk':
      return `block special (${major(st.rdev)}/${minor(st.rdev)})`;
    case 'fifo':
      return 'fifo (named pipe)';
    case 'sock':
      return 'socket';
    default:
  }
  if (st.size === 0) return 'empty';
  let bytes: Uint8Array;
  try {
    bytes = ctx.proc.readFile(path);
  } catch (e) {
    return `cannot open \`${path}' (${errText(e)})`;
  }
  if (bytes.length === 0) return 'empty';
  if (bytes.length === 1) return 'very short file (no magic)';
  const head = bytes[0] === 0x7f ? bytes : bytes.subarray(0, 65536); // an ELF's headers may lie past the start
  return contentKind(head, bytes.length, bytes.subarray(bytes.length - 4), path);
}

function file(ctx: CommandContext): Promise<number> {
  return withUsage(ctx, 1, () => {
    const p = parseOptions('file', ctx.argv.slice(1), {
      short: 'bhL',
      long: { brief: 'b', 'no-dereference': 'h', dereference: 'L' },
    });
    if (p.operands.length === 0) {
      ctx.stderr(USAGE);
      return 1;
    }
    const follow = p.opts.filter(([k]) => k === 'L' || k === 'h').pop()?.[0] === 'L';
    const width = Math.max(...p.operands.map((o) => o.length));
    for (const op of p.operands) {
      const what = describe(ctx, op, follow);
      ctx.stdout(p.flags.has('b') ? `${what}\n` : `${op}:${' '.repeat(width - op.length + 1)}${what}\n`);
      ctx.budget.tick();
    }
    return 0;
  });
}

export const fileCommand: CommandSpec = {
  name: 'file',
  run: file,
  summary: 'say what kind of file each is: directory, symbolic link, device, gzip, tar, text … (-b, -L)',
};
