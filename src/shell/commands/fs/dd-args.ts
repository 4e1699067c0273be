// dd's operands (KEY=VALUE), read as GNU dd 8.32 reads them, or as busybox's applet does when it
// runs in a busybox-based container: their numbers (suffixes c w b kB K k MB M GB G …, GNU's
// products like 2x512), lists (conv=notrunc,fsync) and error messages.
import { DD_HELP } from './dd-help.js';

export interface DdArgs {
  if?: string;
  of?: string;
  ibs: number;
  obs: number;
  /** count= in bytes (count_bytes) or in input blocks times ibs; undefined: to the end. */
  countBytes?: number;
  skip: number;
  seek: number;
  conv: Set<string>;
  iflag: Set<string>;
  oflag: Set<string>;
  status: 'default' | 'none' | 'noxfer' | 'progress';
  /** --help's text, when asked for. */
  help?: string;
}

/** A bad command line: the message to print (GNU), or busybox's usage block. */
export class DdUsage extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

const GNU_CONV = ['notrunc', 'fsync', 'fdatasync', 'sync', 'noerror', 'ucase', 'lcase', 'swab', 'excl', 'nocreat'];
/** Conversions GNU dd has that the tutor does not model. */
const GNU_CONV_UNSIMULATED = ['ascii', 'ebcdic', 'ibm', 'block', 'unblock', 'sparse'];
const GNU_FLAGS = ['append', 'direct', 'dsync', 'sync', 'nonblock', 'noatime', 'nocache', 'noctty', 'nofollow'];
const GNU_IFLAGS = [...GNU_FLAGS, 'fullblock', 'count_bytes', 'skip_bytes'];
const GNU_OFLAGS = [...GNU_FLAGS, 'seek_bytes'];
const BB_CONV = ['notrunc', 'sync', 'noerror', 'fsync', 'swab'];
const BB_IFLAGS = ['skip_bytes', 'count_bytes', 'fullblock', 'direct'];
const BB_OFLAGS = ['seek_bytes', 'append', 'direct'];

const GNU_UNITS: Record<string, number> = {
  c: 1,
  w: 2,
  b: 512,
  kB: 1000,
  K: 1024,
  k: 1024,
  KiB: 1024,
  MB: 1e6,
  M: 1024 ** 2,
  MiB: 1024 ** 2,
  GB: 1e9,
  G: 1024 ** 3,
  GiB: 1024 ** 3,
  TB: 1e12,
  T: 1024 ** 4,
};
const BB_UNITS: Record<string, number> = {
  c: 1,
  w: 2,
  b: 512,
  kB: 1000,
  k: 1024,
  MB: 1e6,
  M: 1024 ** 2,
  GB: 1e9,
  G: 1024 ** 3,
};

function gnuNumber(v: string, positive: boolean): number {
  // GNU multiplies factors joined by x: bs=2x512.
  let n = 1;
  for (const part of v.split('x')) {
    const m = /^(\d+)([A-Za-z]*)$/.exec(part);
    const unit = m ? GNU_UNITS[m[2] ?? ''] : undefined;
    if (!m || (m[2] !== '' && unit === undefined)) throw new DdUsage(`dd: invalid number: ‘${v}’\n`);
    n *= Number(m[1]) * (unit ?? 1);
  }
  if (positive && n === 0) throw new DdUsage(`dd: invalid number: ‘${v}’\n`);
  return n;
}

function busyboxNumber(v: string, positive: boolean): number {
  const m = /^(\d+)([A-Za-z]*)$/.exec(v);
  const unit = m ? BB_UNITS[m[2] ?? ''] : undefined;
  if (!m || (m[2] !== '' && unit === undefined)) throw new DdUsage(`dd: invalid number '${v}'\n`);
  const n = Number(m[1]) * (unit ?? 1);
  if (positive && n === 0) throw new DdUsage(`dd: invalid number '${v}'\n`);
  return n;
}

export function parseDd(argv: readonly string[], busybox: boolean): DdArgs {
  const a: DdArgs = {
    ibs: 512,
    obs: 512,
    skip: 0,
    seek: 0,
    conv: new Set(),
    iflag: new Set(),
    oflag: new Set(),
    status: 'default',
  };
  const num = busybox ? busyboxNumber : gnuNumber;
  const tryHelp = "Try 'dd --help' for more information.\n";
  let count: number | undefined;
  let bs: number | undefined;
  for (const arg of argv) {
    if (!busybox && arg === '--help') return { ...a, help: DD_HELP };
    if (arg === '--') continue;
    const eq = arg.indexOf('=');
    const key = eq < 0 ? arg : arg.slice(0, eq);
    const value = eq < 0 ? '' : arg.slice(eq + 1);
    if (eq < 0) {
      if (busybox) throw new DdUsage('', true);
      if (arg.startsWith('--')) throw new DdUsage(`dd: unrecognized option '${arg}'\n${tryHelp}`);
      if (arg.startsWith('-') && arg.length > 1)
        throw new DdUsage(`dd: invalid option -- '${arg.charAt(1)}'\n${tryHelp}`);
      throw new DdUsage(`dd: unrecognized operand ‘${arg}’\n${tryHelp}`);
    }
    const list = (known: readonly string[], what: string): Set<string> => {
      const out = new Set<string>();
      for (const item of value.split(',')) {
        if (known.includes(item)) out.add(item);
        else if (busybox) throw new DdUsage(`dd: invalid argument '${value}' to '${key}'\n`);
        else if (key === 'conv' && GNU_CONV_UNSIMULATED.includes(item))
          throw new DdUsage(`dd: conv=${item} is not simulated here\n`);
        else throw new DdUsage(`dd: invalid ${what}: ‘${item}’\n${tryHelp}`);
      }
      return out;
    };
    switch (key) {
      case 'if':
        a.if = value;
        break;
      case 'of':
        a.of = value;
        break;
      case 'bs':
        bs = num(value, true);
        break;
      case 'ibs':
        a.ibs = num(value, true);
        break;
      case 'obs':
        a.obs = num(value, true);
        break;
      case 'count':
        count = num(value, false);
        break;
      case 'skip':
        a.skip = num(value, false);
        break;
      case 'seek':
        a.seek = num(value, false);
        break;
      case 'conv':
        for (const c of list(busybox ? BB_CONV : GNU_CONV, 'conversion')) a.conv.add(c);
        break;
      case 'iflag':
        for (const f of list(busybox ? BB_IFLAGS : GNU_IFLAGS, 'input flag')) a.iflag.add(f);
        break;
      case 'oflag':
        for (const f of list(busybox ? BB_OFLAGS : GNU_OFLAGS, 'output flag')) a.oflag.add(f);
        break;
      case 'status': {
        const levels = busybox ? ['none', 'noxfer'] : ['none', 'noxfer', 'progress'];
        if (!levels.includes(value)) {
          throw new DdUsage(
            busybox
              ? `dd: invalid argument '${value}' to 'status'\n`
              : `dd: invalid status level: ‘${value}’\n${tryHelp}`,
          );
        }
        a.status = value as DdArgs['status'];
        break;
      }
      default:
        if (busybox) throw new DdUsage('', true);
        throw new DdUsage(`dd: unrecognized operand ‘${arg}’\n${tryHelp}`);
    }
  }
  if (bs !== undefined) a.ibs = a.obs = bs;
  if (count !== undefined) a.countBytes = a.iflag.has('count_bytes') ? count : count * a.ibs;
  return a;
}
