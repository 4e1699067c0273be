// /proc/<pid>/maps: the areas of memory a process has mapped, as show_map_vma prints each (start-end,
// permissions, file offset, the file's device and inode, then its path padded to column 74, or a
// trailing space for an anonymous area). The process is a model: a program of the host's Ubuntu,
// dynamically linked to glibc (its own five segments, libc's and ld.so's, the C.UTF-8 locale's
// files when the environment names that locale), or a static one where its root has no libc (a
// busybox image's applets). The layout and sizes are those `cat /proc/self/maps` shows on a real
// Debian/Ubuntu host; the addresses are fixed per pid, as ASLR would pick them once.
import type { Task } from './tasks.js';

/** The device (major, minor) and inode of a file a process maps; undefined where it is absent. */
export type FileIdentity = (path: string) => { major: number; minor: number; ino: number } | undefined;

/** The C library and loader a dynamic program maps, by the paths their files have (links resolved). */
export interface Libraries {
  libc: string;
  ld: string;
}

export interface MapsOptions {
  /** 6.13 (the vDSO's clock pages in an area of their own): [vvar_vclock] after [vvar]. */
  vvarVclock: boolean;
}

const PAGE = 0x1000;
/** Where the host's Ubuntu keeps glibc and its loader (merged /usr: real files, no versioned names). */
export const HOST_LIBS: Libraries = {
  libc: '/usr/lib/x86_64-linux-gnu/libc.so.6',
  ld: '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2',
};
const GCONV_CACHE = '/usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache';
const LOCALE_DIR = '/usr/lib/locale/C.utf8';
/** What glibc's setlocale maps of C.UTF-8, in the order the areas lie (the last three after libc). */
const LOCALE_BEFORE_LIBC = [
  'LC_CTYPE',
  'LC_NUMERIC',
  'LC_TIME',
  'LC_COLLATE',
  'LC_MONETARY',
  'LC_MESSAGES/SYS_LC_MESSAGES',
  'LC_PAPER',
  'LC_NAME',
  'LC_ADDRESS',
  'LC_TELEPHONE',
];

/** An ELF file's segments, one after another: pages, permissions, file offset in pages (the RELRO
 * one's offset overlaps the next one's). */
type Segments = ReadonlyArray<readonly [pages: number, perms: string, offsetPages: number]>;
const PROGRAM: Segments = [
  [2, 'r--p', 0],
  [5, 'r-xp', 2],
  [3, 'r--p', 7],
  [1, 'r--p', 9],
  [1, 'rw-p', 10],
];
const LIBC_SEGMENTS: Segments = [
  [0x26, 'r--p', 0],
  [0x156, 'r-xp', 0x26],
  [0x53, 'r--p', 0x17c],
  [4, 'r--p', 0x1cf],
  [2, 'rw-p', 0x1d3],
];
const LD_SEGMENTS: Segments = [
  [1, 'r--p', 0],
  [0x26, 'r-xp', 1],
  [0xa, 'r--p', 0x27],
  [2, 'r--p', 0x31],
  [2, 'rw-p', 0x33],
];
/** A static, non-PIE busybox: loaded at 0x400000, its bss after it. */
const STATIC_SEGMENTS: Segments = [
  [1, 'r--p', 0],
  [0x184, 'r-xp', 1],
  [0x56, 'r--p', 0x185],
  [7, 'r--p', 0x1da],
  [3, 'rw-p', 0x1e1],
];

interface Area {
  start: number;
  pages: number;
  perms: string;
  offset: number;
  path?: string;
  name?: string;
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

function line(a: Area, identity: FileIdentity): string {
  const id = a.path ? identity(a.path) : undefined;
  const dev = id ? `${hex(id.major, 2)}:${hex(id.minor, 2)}` : '00:00';
  const end = a.start + a.pages * PAGE;
  const head = `${hex(a.start, 8)}-${hex(end, 8)} ${a.perms} ${hex(a.offset * PAGE, 8)} ${dev} ${id?.ino ?? 0} `;
  const name = a.path ?? a.name;
  return name === undefined ? `${head}\n` : `${head.padEnd(73)}${name}\n`;
}

/** Where the areas of a pid start: fixed per pid, page-aligned, in the ranges ASLR uses. */
function bases(pid: number): { exe: number; heap: number; mmap: number; stack: number } {
  const mix = (n: number): number => ((Math.imul(pid ^ n, 0x9e3779b1) >>> 0) % 0x3ffff) * PAGE;
  return {
    exe: 0x55_0000_0000 * 0x100 + mix(1) * 0x10,
    heap: 0x55_0000_0000 * 0x100 + mix(1) * 0x10 + 0x55_0000 * PAGE + mix(2),
    mmap: 0x7f_0000_0000 * 0x100 + mix(3) * 0x100,
    stack: 0x7f_fc00_0000 * 0x100 + mix(4) * 0x10,
  };
}

/** /proc/<pid>/maps of a task: a dynamic program's where its root has glibc (libs), else a static one's. */
export function formatMaps(t: Task, libs: Libraries | undefined, identity: FileIdentity, o: MapsOptions): string {
  const b = bases(t.pid);
  const areas: Area[] = [];
  const segments = (at: number, list: Segments, path: string): number => {
    for (const [pages, perms, offset] of list) {
      areas.push({ start: at, pages, perms, offset, path });
      at += pages * PAGE;
    }
    return at;
  };
  const anon = (start: number, pages: number, name?: string): number => {
    areas.push({ start, pages, perms: 'rw-p', offset: 0, ...(name ? { name } : {}) });
    return start + pages * PAGE;
  };
  let top: number;
  if (libs) {
    segments(b.exe, PROGRAM, t.exe);
    anon(b.heap, 0x21, '[heap]');
    let at = anon(b.mmap, 0x22);
    const utf8 = /\.utf-?8$/i.test(t.env.LC_ALL || t.env.LC_CTYPE || t.env.LANG || '');
    const file = (path: string, pages: number, perms = 'r--p'): void => {
      areas.push({ start: at, pages, perms, offset: 0, path });
      at += pages * PAGE;
    };
    if (utf8) LOCALE_BEFORE_LIBC.forEach((name, i) => file(`${LOCALE_DIR}/${name}`, i === 0 ? 0x57 : 1));
    at = anon(segments(anon(at, 3), LIBC_SEGMENTS, libs.libc), 0xd);
    if (utf8) {
      file(`${LOCALE_DIR}/LC_MEASUREMENT`, 1);
      file(GCONV_CACHE, 7, 'r--s');
      file(`${LOCALE_DIR}/LC_IDENTIFICATION`, 1);
    }
    top = anon(at, 2);
  } else {
    anon(segments(0x400000, STATIC_SEGMENTS, t.exe), 7);
    anon(0x400000 + 0x4c95 * PAGE, 0x22, '[heap]');
    top = anon(b.mmap, 0x10);
  }
  areas.push({ start: top, pages: 4, perms: 'r--p', offset: 0, name: '[vvar]' });
  top += 4 * PAGE;
  if (o.vvarVclock) {
    areas.push({ start: top, pages: 2, perms: 'r--p', offset: 0, name: '[vvar_vclock]' });
    top += 2 * PAGE;
  }
  areas.push({ start: top, pages: 2, perms: 'r-xp', offset: 0, name: '[vdso]' });
  top += 2 * PAGE;
  if (libs) segments(top, LD_SEGMENTS, libs.ld);
  areas.push({ start: b.stack, pages: 0x21, perms: 'rw-p', offset: 0, name: '[stack]' });
  const text = areas.map((a) => line(a, identity)).join('');
  return `${text}ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0${' '.repeat(18)}[vsyscall]\n`;
}
