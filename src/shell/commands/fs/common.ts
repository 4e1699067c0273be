// What the file commands share: GNU-style option parsing, coreutils' error lines, mode strings,
// user and group names from the simulated /etc, and ls's date format.
import { isKernelError, type Proc, type Stat } from '../../../kernel/index.js';
import type { CommandContext } from '../../command.js';

export interface OptionSpec {
  /** Short flags without an argument, e.g. 'laAihdR1FtSr'. */
  short?: string;
  /** Short flags that take an argument, e.g. 'm'. */
  shortArg?: string;
  /** Long options: name → the key they set (a short letter or a word); `=` suffix takes an argument. */
  long?: Record<string, string>;
}

export interface ParsedArgs {
  flags: Map<string, string>;
  operands: string[];
}

/** Thrown by parseOptions: the caller prints it and exits with its usage status. */
export class UsageError extends Error {}

export function parseOptions(name: string, args: string[], spec: OptionSpec): ParsedArgs {
  const flags = new Map<string, string>();
  const operands: string[] = [];
  const short = spec.short ?? '';
  const shortArg = spec.shortArg ?? '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const key = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const matches = Object.keys(spec.long ?? {}).filter((k) => k.replace(/=$/, '') === key || k.startsWith(key));
      const exact = matches.find((k) => k.replace(/=$/, '') === key);
      const chosen = exact ?? (matches.length === 1 ? matches[0] : undefined);
      if (!chosen) {
        throw new UsageError(matches.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`);
      }
      const target = (spec.long as Record<string, string>)[chosen] as string;
      if (chosen.endsWith('=')) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) throw new UsageError(`option '--${chosen.slice(0, -1)}' requires an argument`);
        flags.set(target, v);
      } else {
        if (eq >= 0) throw new UsageError(`option '--${chosen}' doesn't allow an argument`);
        flags.set(target, '');
      }
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (shortArg.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) throw new UsageError(`option requires an argument -- '${c}'`);
          flags.set(c, v);
          break;
        }
        if (!short.includes(c)) throw new UsageError(`invalid option -- '${c}'`);
        flags.set(c, '');
      }
      continue;
    }
    operands.push(a);
  }
  void name;
  return { flags, operands };
}

/** Prints `name: message` and the `Try … --help` hint; returns the usage exit status. */
export function usage(ctx: CommandContext, name: string, err: unknown, status = 1): number {
  if (!(err instanceof UsageError)) throw err;
  ctx.stderr(`${name}: ${err.message}\nTry '${name} --help' for more information.\n`);
  return status;
}

export function errText(err: unknown): string {
  if (isKernelError(err)) return err.text;
  throw err;
}

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
      const f = line.split(':');
      if (f.length >= 3 && /^\d+$/.test(f[2] as string)) map.set(Number(f[2]), f[0] as string);
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
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_MS = (365.2425 / 2) * 86400 * 1000;

/** ls -l's date: `Nov 23 23:16`, or `Nov 23  2020` when older than six months or in the future. */
export function lsDate(ms: number, now: number): string {
  const d = new Date(ms);
  const mon = MONTHS[d.getUTCMonth()] as string;
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
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}.${frac}000000 +0000`;
}

/** ls -h and du -h sizes: 1024-based, one decimal below 10, rounded up, as GNU does. */
export function humanSize(bytes: number): string {
  const units = ['', 'K', 'M', 'G', 'T', 'P'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (u === 0) return String(bytes);
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    return r >= 10 ? `${Math.ceil(r)}${units[u]}` : `${r.toFixed(1)}${units[u]}`;
  }
  const r = Math.ceil(v);
  return r >= 1024 && u < units.length - 1 ? `1.0${units[u + 1]}` : `${r}${units[u]}`;
}

export function joinPath(dir: string, name: string): string {
  if (dir === '' || dir === '.') return dir === '.' ? `./${name}`.replace(/^\.\//, dir === '.' ? './' : '') : name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

export function baseName(path: string): string {
  const t = path.replace(/\/+$/, '');
  if (t === '') return path.startsWith('/') ? '/' : path;
  return t.slice(t.lastIndexOf('/') + 1);
}

export function tryStat(proc: Proc, path: string, follow = true): Stat | undefined {
  try {
    return follow ? proc.stat(path) : proc.lstat(path);
  } catch {
    return undefined;
  }
}

export const enc = new TextEncoder();
export const dec = new TextDecoder();
