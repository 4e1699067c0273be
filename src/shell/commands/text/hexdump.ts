// hexdump (util-linux 2.37/2.38: -C, and its default of little-endian 16-bit words) and xxd (vim's:
// its default, -p, -c N, -l N), the dumps learners reach for after od: a layerdb diff file, a
// whiteout's bytes. Repeated lines of hexdump become `*`, as it prints them unless -v.
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText } from '../options.js';

const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');
const printable = (b: number): string => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.');

function readAll(ctx: CommandContext, name: string, files: string[]): { data: Uint8Array; ok: boolean } {
  if (files.length === 0) return { data: ctx.stdin, ok: true };
  const parts: Uint8Array[] = [];
  let ok = false;
  for (const f of files) {
    try {
      parts.push(f === '-' ? ctx.stdin : ctx.proc.readFile(f));
      ok = true;
    } catch (err) {
      ctx.stderr(`${name}: ${f}: ${errText(err)}\n`);
    }
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const data = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return { data, ok };
}

function hexdump(ctx: CommandContext): number {
  let canonical = false;
  let verbose = false;
  const files: string[] = [];
  for (const a of ctx.argv.slice(1)) {
    if (a === '-C' || a === '--canonical') canonical = true;
    else if (a === '-v' || a === '--no-squeezing') verbose = true;
    else if (a.startsWith('-') && a !== '-') {
      ctx.stderr(`hexdump: invalid option -- '${a.slice(1, 2)}'\n\nUsage:\n hexdump [options] <file>...\n\n`);
      ctx.stderr("Try 'hexdump --help' for more information.\n");
      return 1;
    } else files.push(a);
  }
  const { data, ok } = readAll(ctx, 'hexdump', files);
  if (!ok) {
    ctx.stderr('hexdump: all input file arguments failed\n');
    return 1;
  }
  let out = '';
  let prev: string | undefined;
  let starred = false;
  for (let off = 0; off < data.length; off += 16) {
    const row = data.subarray(off, off + 16);
    const key = Array.from(row).join(',');
    if (!verbose && row.length === 16 && key === prev) {
      if (!starred) out += '*\n';
      starred = true;
      continue;
    }
    prev = key;
    starred = false;
    if (canonical) {
      const cells = Array.from({ length: 16 }, (_, i) => (i < row.length ? hex(row[i] as number, 2) : '  '));
      const left = cells.slice(0, 8).join(' ');
      const right = cells.slice(8).join(' ');
      out += `${hex(off, 8)}  ${left}  ${right}  |${Array.from(row, printable).join('')}|\n`;
    } else {
      const words: string[] = [];
      for (let i = 0; i < row.length; i += 2) words.push(hex((row[i] as number) | ((row[i + 1] ?? 0) << 8), 4));
      out += `${hex(off, 7)} ${words.join(' ').padEnd(39)}\n`;
    }
  }
  if (data.length > 0) out += `${hex(data.length, canonical ? 8 : 7)}\n`;
  ctx.stdout(out);
  return 0;
}

function xxd(ctx: CommandContext): number {
  let plain = false;
  let cols: number | undefined;
  let limit = Infinity;
  const files: string[] = [];
  const args = ctx.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-p' || a === '-ps' || a === '-postscript' || a === '-plain') plain = true;
    else if (a === '-c' || a === '-l') {
      const v = Number(args[++i]);
      if (a === '-c') cols = v;
      else limit = v;
    } else if (a.startsWith('-') && a !== '-') {
      ctx.stderr(`xxd: ${a}: not simulated here (the default, -p, -c N and -l N are)\n`);
      return 1;
    } else files.push(a);
  }
  if (files.length > 2) {
    ctx.stderr('xxd: too many arguments\n');
    return 1;
  }
  let data: Uint8Array;
  try {
    data = files[0] === undefined || files[0] === '-' ? ctx.stdin : ctx.proc.readFile(files[0]);
  } catch (err) {
    ctx.stderr(`xxd: ${files[0]}: ${errText(err)}\n`);
    return 2;
  }
  data = data.subarray(0, Math.min(data.length, limit));
  const width = cols ?? (plain ? 30 : 16);
  let out = '';
  for (let off = 0; off < data.length; off += width) {
    const row = data.subarray(off, off + width);
    if (plain) {
      out += `${Array.from(row, (b) => hex(b, 2)).join('')}\n`;
      continue;
    }
    let groups = '';
    for (let i = 0; i < row.length; i += 2)
      groups += `${hex(row[i] as number, 2)}${row[i + 1] !== undefined ? hex(row[i + 1] as number, 2) : ''} `;
    const full = Math.ceil(width / 2) * 5;
    out += `${hex(off, 8)}: ${groups.padEnd(full)} ${Array.from(row, printable).join('')}\n`;
  }
  if (files[1] !== undefined) {
    try {
      ctx.proc.writeFile(files[1], out);
    } catch (err) {
      ctx.stderr(`xxd: ${files[1]}: ${errText(err)}\n`);
      return 2;
    }
  } else ctx.stdout(out);
  return 0;
}

export const hexdumpCommands: CommandSpec[] = [
  { name: 'hexdump', run: hexdump, summary: 'dump bytes in hex (-C: with the characters beside)', flags: ['-C', '-v'] },
  {
    name: 'xxd',
    run: xxd,
    summary: 'dump bytes in hex as vim’s xxd does (-p: plain, -c N, -l N)',
    flags: ['-p', '-c', '-l'],
  },
];
