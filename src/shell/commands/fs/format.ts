// How coreutils prints the facts about a file: names quoted in messages and by ls, the mode
// string, owner and group names from the simulated /etc, ls's and stat's dates, -h sizes.
import type { Proc, Stat } from '../../../kernel/index.js';

/** coreutils' quoting of a file name in messages: 'name', or "name" when it holds a quote. */
export function q(name: string): string {
  if (name.includes("'")) return `"${name}"`;
  return `'${name}'`;
}

/** coreutils' quote() in a UTF-8 locale (mkdir, find): ‘name’. */
export function lq(name: string): string {
  return `‘${name}’`;
}

/** ls and stat's shell-escape quoting of names with spaces and specials (ls -l on a terminal). */
export function quoteName(name: string, terminal: boolean): string {
  if (!terminal || /^[A-Za-z0-9_.,:@%+=/~^-]+$/.test(name)) return name;
  if (!name.includes("'")) return `'${name}'`;
  return `"${name}"`;
}

const TYPE_CHAR: Record<Stat['type'], string> = {
  file: '-',
  dir: 'd',
  symlink: 'l',
  chr: 'c',
  blk: 'b',
  fifo: 'p',
  sock: 's',
};

export function modeString(st: Stat): string {
  const m = st.mode;
  const rwx = (shift: number, special: number, ch: string): string => {
    const r = m & (4 << shift) ? 'r' : '-';
    const w = m & (2 << shift) ? 'w' : '-';
    const x = m & (1 << shift);
    const s = m & special;
    return r + w + (s ? (x ? ch : ch.toUpperCase()) : x ? 'x' : '-');
  };
  return TYPE_CHAR[st.type] + rwx(6, 0o4000, 's') + rwx(3, 0o2000, 's') + rwx(0, 0o1000, 't');
}

function readTable(proc: Proc, path: string): Map<number, string> {
  const map = new Map<number, string>();
  try {
    for (const line of new TextDecoder().decode(proc.readFile(path)).split('\n')) {
      const [name = '', , id] = line.split(':');
      if (id !== undefined && /^\d+$/.test(id)) map.set(Number(id), name);
    }
  } catch {
    // No /etc/passwd (a bare container): ids are shown as numbers, as ls does.
  }
  return map;
}

export class Names {
  private users?: Map<number, string>;
  private groups?: Map<number, string>;
  constructor(private readonly proc: Proc) {}
  user(uid: number): string {
    this.users ??= readTable(this.proc, '/etc/passwd');
    return this.users.get(uid) ?? String(uid);
  }
  group(gid: number): string {
    this.groups ??= readTable(this.proc, '/etc/group');
    return this.groups.get(gid) ?? String(gid);
  }
  /** The id a name has in /etc/passwd or /etc/group (find -user NAME), if any. */
  idOf(kind: 'user' | 'group', name: string): number | undefined {
    if (kind === 'user') this.users ??= readTable(this.proc, '/etc/passwd');
    else this.groups ??= readTable(this.proc, '/etc/group');
    for (const [id, n] of (kind === 'user' ? this.users : this.groups) ?? []) if (n === name) return id;
    return undefined;
  }
  /** The name the image's /etc/passwd or /etc/group gives the id, if any (stat says UNKNOWN). */
  known(kind: 'user' | 'group', id: number): string | undefined {
    const name = kind === 'user' ? this.user(id) : this.group(id);
    return name === String(id) && !(kind === 'user' ? this.users : this.groups)?.has(id) ? undefined : name;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_MS = (365.2425 / 2) * 86400 * 1000;

/** ls -l's date: `Nov 23 23:16`, or `Nov 23  2020` when older than six months or in the future. */
export function lsDate(ms: number, now: number): string {
  const d = new Date(ms);
  const mon = MONTHS[d.getUTCMonth()] ?? '???';
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const recent = ms <= now + 1000 && now - ms < SIX_MONTHS_MS;
  if (recent) return `${mon} ${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  return `${mon} ${day}  ${d.getUTCFullYear()}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `2026-11-23 23:16:05.123456789 +0000`, as stat prints times. */
export function fullTime(ms: number): string {
  const d = new Date(ms);
  const frac = String(Math.floor(ms % 1000)).padStart(3, '0');
  return (
    `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-` +
    `${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:` +
    `${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.` +
    `${frac}000000 +0000`
  );
}

/**
 * ls -h, du -h and df -h sizes: 1024-based, one decimal below 10, rounded up, as GNU does (docker's
 * decimal sizes are go-units' humanSize).
 */
export function coreutilsHumanSize(bytes: number, base: 1000 | 1024 = 1024): string {
  // --si: powers of 1000, kilo as a small k.
  const units = base === 1000 ? ['', 'k', 'M', 'G', 'T', 'P'] : ['', 'K', 'M', 'G', 'T', 'P'];
  let v = bytes;
  let u = 0;
  while (v >= base && u < units.length - 1) {
    v /= base;
    u++;
  }
  if (u === 0) return String(bytes);
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    return r >= 10 ? `${Math.ceil(r)}${units[u]}` : `${r.toFixed(1)}${units[u]}`;
  }
  const r = Math.ceil(v);
  return r >= base && u < units.length - 1 ? `1.0${units[u + 1]}` : `${r}${units[u]}`;
}
