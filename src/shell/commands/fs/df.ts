// df as coreutils prints it: the default columns or --output's, each column as wide as its widest
// cell and never narrower than coreutils' minimum for it (Filesystem 14, the numbers 5, Use% 4),
// text left-aligned, numbers right-aligned, the last column unpadded.
import type { Mount } from '../../../kernel/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { errText, parseOptions, UsageError, usage } from '../options.js';
import { coreutilsHumanSize } from './format.js';
import { fsUsage, type FsUsage } from './statfs.js';
import { busyboxDfLine, busyboxHuman, busyboxPercent, isBusybox } from '../busybox/formats.js';

type Field =
  | 'source'
  | 'fstype'
  | 'itotal'
  | 'iused'
  | 'iavail'
  | 'ipcent'
  | 'size'
  | 'used'
  | 'avail'
  | 'pcent'
  | 'file'
  | 'target';

/** Each field's header (with -h where it differs) and the width coreutils starts it at. */
const FIELDS: Record<Field, { header: string; width: number; left?: boolean }> = {
  source: { header: 'Filesystem', width: 14, left: true },
  fstype: { header: 'Type', width: 4, left: true },
  itotal: { header: 'Inodes', width: 5 },
  iused: { header: 'IUsed', width: 5 },
  iavail: { header: 'IFree', width: 5 },
  ipcent: { header: 'IUse%', width: 4 },
  size: { header: '1K-blocks', width: 5 },
  used: { header: 'Used', width: 5 },
  avail: { header: 'Avail', width: 5 },
  pcent: { header: 'Use%', width: 4 },
  file: { header: 'File', width: 0, left: true },
  target: { header: 'Mounted on', width: 0, left: true },
};
const ALL_FIELDS = Object.keys(FIELDS) as Field[];

/** Filesystems df lists without -a: the pseudo ones (proc, sysfs, devpts …) have no blocks. */
const LISTED = new Set(['ext4', 'overlay', 'devtmpfs', 'tmpfs', 'xfs']);

function outputFields(list: string): Field[] {
  const fields: Field[] = [];
  for (const name of list === '' ? ALL_FIELDS : list.split(',')) {
    if (!(ALL_FIELDS as string[]).includes(name)) throw new UsageError(`df: option --output: field ‘${name}’ unknown`);
    if (fields.includes(name as Field)) {
      throw new UsageError(`df: option --output: field ‘${name}’ used more than once`);
    }
    fields.push(name as Field);
  }
  return fields;
}

function percent(used: number, avail: number): string {
  return used + avail === 0 ? '-' : `${Math.ceil((used * 100) / (used + avail))}%`;
}

function df(ctx: CommandContext): number {
  let p;
  let fields: Field[];
  let output: string | undefined;
  try {
    p = parseOptions('df', ctx.argv.slice(1), {
      short: 'hTaikP',
      shortArg: 'tx',
      long: {
        'human-readable': 'h',
        'print-type': 'T',
        all: 'a',
        inodes: 'i',
        portability: 'P',
        'type=': 't',
        'exclude-type=': 'x',
        output: 'output',
        'output=': 'output',
      },
    });
    output = p.flags.get('output');
    if (output !== undefined && p.flags.has('i')) {
      throw new UsageError('df: options -i and --output are mutually exclusive');
    }
    if (output !== undefined && p.flags.has('T')) {
      throw new UsageError('df: options -T and --output are mutually exclusive');
    }
    const typed: Field[] = p.flags.has('T') ? ['fstype'] : [];
    fields =
      output !== undefined
        ? outputFields(output)
        : p.flags.has('i')
          ? ['source', ...typed, 'itotal', 'iused', 'iavail', 'ipcent', 'target']
          : ['source', ...typed, 'size', 'used', 'avail', 'pcent', 'target'];
  } catch (err) {
    return usage(ctx, 'df', err);
  }
  const human = p.flags.has('h');
  const kernel = ctx.proc.kernel;
  const only = p.opts.filter(([k]) => k === 't').map(([, v]) => v);
  const except = p.opts.filter(([k]) => k === 'x').map(([, v]) => v);
  let rows: { mount: Mount; file: string }[];
  if (p.operands.length) {
    rows = [];
    for (const op of p.operands) {
      try {
        rows.push({ mount: ctx.proc.mountOf(op), file: op });
      } catch (err) {
        ctx.stderr(`df: ${op}: ${errText(err)}\n`);
        return 1;
      }
    }
    // -t and -x choose among the named files' filesystems too.
    rows = rows.filter(({ mount: m }) => (!only.length || only.includes(m.fstype)) && !except.includes(m.fstype));
    if (rows.length === 0) {
      ctx.stderr('df: no file systems processed\n');
      return 1;
    }
  } else {
    rows = kernel
      .mountsSeenFrom(ctx.proc.root)
      .filter((m) => (only.length ? only.includes(m.fstype) : LISTED.has(m.fstype) || p.flags.has('a')))
      .filter((m) => !except.includes(m.fstype))
      .map((m) => ({ mount: m, file: '-' }));
    if (rows.length === 0) {
      ctx.stderr('df: no file systems processed\n');
      return 1;
    }
  }
  const needs = (...f: Field[]): boolean => f.some((x) => fields.includes(x));
  const want = { blocks: needs('used', 'avail', 'pcent'), inodes: needs('iused', 'iavail', 'ipcent') };
  const sizes = (kb: number): string => (human ? (kb === 0 ? '0' : coreutilsHumanSize(kb * 1024)) : String(kb));
  const counts = (n: number): string => (human ? (n === 0 ? '0' : coreutilsHumanSize(n)) : String(n));
  const cell = (f: Field, m: Mount, u: FsUsage, file: string): string => {
    switch (f) {
      case 'source':
        return m.source === '/dev/vda' && ctx.proc.root === '/' ? '/dev/vda1' : m.source;
      case 'fstype':
        return m.fstype;
      case 'itotal':
        return counts(u.inodes);
      case 'iused':
        return counts(u.iused);
      case 'iavail':
        return counts(u.ifree);
      case 'ipcent':
        return percent(u.iused, u.ifree);
      case 'size':
        return sizes(u.totalKb);
      case 'used':
        return sizes(u.usedKb);
      case 'avail':
        return sizes(u.availKb);
      case 'pcent':
        return percent(u.usedKb, u.availKb);
      case 'file':
        return file;
      case 'target':
        return ctx.proc.toProcPath(m.target);
    }
  };
  if (isBusybox(ctx) && output === undefined) {
    // busybox's fixed columns (src/shell/commands/busybox/formats.ts); -h in its own rounding;
    // -i the inodes in the same columns.
    const inodes = p.flags.has('i');
    const size = (kb: number): string => (human ? busyboxHuman(kb * 1024) : String(kb));
    let out = busyboxDfLine({
      source: 'Filesystem',
      ...(p.flags.has('T') ? { type: 'Type' } : {}),
      total: inodes ? 'Inodes' : human ? 'Size' : '1K-blocks',
      used: 'Used',
      avail: 'Available',
      pct: 'Use%',
      target: 'Mounted on',
    });
    for (const { mount } of rows) {
      const u = fsUsage(kernel, mount, inodes ? { inodes: true } : want);
      const [total, used, avail] = inodes
        ? [String(u.inodes), String(u.iused), String(u.ifree)]
        : [size(u.totalKb), size(u.usedKb), size(u.availKb)];
      out += busyboxDfLine({
        source: cell('source', mount, u, '-'),
        ...(p.flags.has('T') ? { type: mount.fstype } : {}),
        total,
        used,
        avail,
        pct: inodes ? busyboxPercent(u.iused, u.ifree) : busyboxPercent(u.usedKb, u.availKb),
        target: ctx.proc.toProcPath(mount.target),
      });
    }
    ctx.stdout(out);
    return 0;
  }
  const header = fields.map((f) => {
    if (f === 'size' && human) return 'Size';
    if (f === 'avail' && output === undefined && !human) return 'Available';
    return FIELDS[f].header;
  });
  const table = [header];
  const usage0 = new Map<Mount, FsUsage>();
  for (const { mount, file } of rows) {
    let u = usage0.get(mount);
    if (!u) usage0.set(mount, (u = fsUsage(kernel, mount, want)));
    table.push(fields.map((f) => cell(f, mount, u, file)));
  }
  const widths = fields.map((f, c) => Math.max(FIELDS[f].width, ...table.map((r) => (r[c] ?? '').length)));
  let out = '';
  for (const r of table) {
    const line = r.map((text, c) => {
      const f = fields[c] as Field;
      const w = widths[c] as number;
      if (!FIELDS[f].left) return text.padStart(w);
      return c === r.length - 1 ? text : text.padEnd(w);
    });
    out += `${line.join(' ')}\n`;
  }
  ctx.stdout(out);
  return 0;
}

export const dfCommand: CommandSpec = {
  name: 'df',
  run: df,
  summary: 'free space of the disk and the overlay mounts (-h -T -i -t TYPE --output=FIELD,…)',
  flags: ['-h', '-T', '-a', '-i', '-t', '-x', '--output'],
};
