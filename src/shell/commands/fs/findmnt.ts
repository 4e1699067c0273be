// findmnt (util-linux 2.38) over the mount table the caller's namespace sees, the table
// /proc/self/mountinfo shows: the tree of TARGET SOURCE FSTYPE OPTIONS, -t TYPES (no… negates),
// -T PATH (the mount holding PATH), a device or mountpoint operand, -o COLUMNS (+COL appends),
// -l a list, -r raw, -n no headings, -J JSON and -P KEY="value" pairs (libsmartcols' formats),
// -D as df (its columns, pseudo filesystems such as overlay left out). Output is as findmnt writes
// to a pipe: columns as wide as their widest cell; on a real terminal it also cuts columns.
import type { Mount } from '../../../kernel/index.js';
import { splitOptions } from '../../../kernel/procfs.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { parseOptions, UsageError, usage } from '../options.js';
import { fsUsage } from './statfs.js';

interface Row {
  id: number;
  parent: number;
  mount: Mount;
  majmin: string;
}

const RIGHT = new Set(['ID', 'PARENT', 'MAJ:MIN', 'SIZE', 'USED', 'AVAIL', 'USE%']);
const COLUMNS = [
  'SOURCE',
  'TARGET',
  'FSTYPE',
  'OPTIONS',
  'VFS-OPTIONS',
  'FS-OPTIONS',
  'FSROOT',
  'ID',
  'PARENT',
  'MAJ:MIN',
  'PROPAGATION',
  'SIZE',
  'USED',
  'AVAIL',
  'USE%',
];
const DEFAULT_COLUMNS = ['TARGET', 'SOURCE', 'FSTYPE', 'OPTIONS'];
const DF_COLUMNS = ['SOURCE', 'FSTYPE', 'SIZE', 'USED', 'AVAIL', 'USE%', 'TARGET'];
/** Columns JSON prints as numbers (libsmartcols' SCOLS_JSON_NUMBER). */
const NUMBERS = new Set(['ID', 'PARENT']);
/** libmount's pseudo filesystems (mnt_fs_is_pseudofs), which -D leaves out: overlay is one of
 * them; tmpfs and devtmpfs are not (findmnt -D on a real host lists them). */
const PSEUDO = new Set([
  'anon_inodefs',
  'autofs',
  'binfmt_misc',
  'bpf',
  'cgroup',
  'cgroup2',
  'configfs',
  'debugfs',
  'devpts',
  'fusectl',
  'hugetlbfs',
  'mqueue',
  'nsfs',
  'overlay',
  'proc',
  'pstore',
  'securityfs',
  'sysfs',
  'tracefs',
]);

/** The rows of mountinfo: ids and parents as /proc/self/mountinfo numbers them (procfs.ts). */
function rowsOf(mounts: readonly Mount[]): Row[] {
  return mounts.map((m, i) => {
    let parent = 999;
    for (let j = i - 1; j >= 0; j--) {
      const t = (mounts[j] as Mount).target;
      if (m.target !== t && (t === '/' || m.target.startsWith(`${t}/`))) {
        parent = 1000 + j;
        break;
      }
    }
    return { id: 1000 + i, parent, mount: m, majmin: `  0:${String(40 + i).padEnd(3)}` };
  });
}

/** util-linux's size_to_human_string: 1024-based, one decimal unless it rounds to .0 (34.7G, 252G). */
export function utilLinuxSize(bytes: number): string {
  const units = ['B', 'K', 'M', 'G', 'T', 'P'];
  let exp = 0;
  while (exp < units.length - 1 && bytes >= 1024 ** (exp + 1)) exp++;
  // Nothing used prints as 0 (findmnt -D's USED of an empty tmpfs).
  if (exp === 0) return bytes === 0 ? '0' : `${bytes}B`;
  let whole = Math.floor(bytes / 1024 ** exp);
  let tenth = Math.round(((bytes % 1024 ** exp) / 1024 ** exp) * 10);
  if (tenth === 10) {
    whole++;
    tenth = 0;
  }
  return `${whole}${tenth ? `.${tenth}` : ''}${units[exp]}`;
}

/** libmount's type pattern (mnt_match_fstype): a comma list; `no` before the first name negates
 * the whole list ("nofoo,bar" is "nofoo,nobar"), before a later one that name alone. */
function typeMatcher(pattern: string | undefined): (t: string) => boolean {
  if (pattern === undefined) return () => true;
  const items = pattern.split(',');
  if (items[0]?.startsWith('no')) {
    const names = items.map((i) => (i.startsWith('no') ? i.slice(2) : i));
    return (t) => !names.includes(t);
  }
  const negated = items.filter((i) => i.startsWith('no')).map((i) => i.slice(2));
  const wanted = items.filter((i) => !i.startsWith('no'));
  return (t) => (wanted.length === 0 || wanted.includes(t)) && !negated.includes(t);
}

function columnList(spec: string | undefined, defaults: string[]): string[] {
  if (spec === undefined) return defaults;
  const list = spec.startsWith('+') ? [...defaults, ...spec.slice(1).split(',')] : spec.split(',');
  for (const c of list) {
    if (!COLUMNS.includes(c.toUpperCase())) throw new UsageError(`findmnt: unknown column: ${c}`, false);
  }
  return list.map((c) => c.toUpperCase());
}

// util-linux 2.37's other options: accepted as findmnt accepts them, then said to be not simulated
// (they are findmnt's, so "invalid option" would be untrue).
const UNSIMULATED_SHORT = 'smabCceiRUuvyxp';
const UNSIMULATED_SHORT_ARG = 'wdFNO';
const UNSIMULATED_LONG: Record<string, string> = {
  fstab: 's',
  mtab: 'm',
  poll: 'p',
  'timeout=': 'w',
  ascii: 'a',
  bytes: 'b',
  nocanonicalize: 'C',
  canonicalize: 'c',
  'direction=': 'd',
  evaluate: 'e',
  'tab-file=': 'F',
  invert: 'i',
  'task=': 'N',
  'options=': 'O',
  submounts: 'R',
  uniq: 'U',
  notruncate: 'u',
  nofsroot: 'v',
  shell: 'y',
  verify: 'x',
};

function findmnt(ctx: CommandContext): number {
  let p;
  let columns: string[];
  try {
    p = parseOptions('findmnt', ctx.argv.slice(1), {
      // -A/--all disables filters this findmnt never applies (its listing is already every mount).
      short: `nlrfkJPDA${UNSIMULATED_SHORT}`,
      shortArg: `tToMS${UNSIMULATED_SHORT_ARG}`,
      long: {
        ...UNSIMULATED_LONG,
        all: 'A',
        noheadings: 'n',
        list: 'l',
        raw: 'r',
        'first-only': 'f',
        kernel: 'k',
        'types=': 't',
        'target=': 'T',
        'output=': 'o',
        'mountpoint=': 'M',
        'source=': 'S',
        json: 'J',
        pairs: 'P',
        df: 'D',
      },
    });
    columns = columnList(p.flags.get('o'), p.flags.has('D') ? DF_COLUMNS : DEFAULT_COLUMNS);
  } catch (err) {
    return usage(ctx, 'findmnt', err);
  }
  const f = p.flags;
  if (['J', 'P', 'r', 'x'].filter((k) => f.has(k)).length > 1) {
    ctx.stderr('findmnt: mutually exclusive arguments: --json --pairs --raw --verify\n');
    return 1;
  }
  const other = p.opts.find(([k]) => UNSIMULATED_SHORT.includes(k) || UNSIMULATED_SHORT_ARG.includes(k));
  if (other) {
    const word = Object.entries(UNSIMULATED_LONG)
      .find(([, k]) => k === other[0])?.[0]
      .replace(/=$/, '');
    ctx.stderr(
      `findmnt: -${other[0]}${word ? `/--${word}` : ''}: not simulated here ` +
        '(the tree, -A, -l, -r, -n, -f, -k, -o, -t, -T, -M, -S, -J, -P and -D are)\n',
    );
    return 1;
  }
  const proc = ctx.proc;
  const seen = proc.kernel.mountsSeenFrom(proc.root);
  const rows = rowsOf(seen);
  const typeMatches = typeMatcher(f.get('t'));
  const typeOk = (t: string): boolean => typeMatches(t) && !(f.has('D') && PSEUDO.has(t));
  const canonical = (path: string): string => {
    try {
      return proc.realpath(path);
    } catch {
      return path;
    }
  };
  let sourceWanted = f.get('S');
  let targetWanted = f.get('M');
  const [a, b] = p.operands;
  if (a !== undefined && b !== undefined) [sourceWanted, targetWanted] = [a, b];
  const sourceOf = (m: Mount): string => {
    const base = m.source === '/dev/vda' && proc.root === '/' ? '/dev/vda1' : m.source;
    return m.mountRoot && m.mountRoot !== '/' && m.fstype === 'ext4' ? `${base}[${m.mountRoot}]` : base;
  };
  const plainSource = (m: Mount): string => (m.source === '/dev/vda' && proc.root === '/' ? '/dev/vda1' : m.source);
  let match: (r: Row) => boolean = (r) =>
    typeOk(r.mount.fstype) &&
    (sourceWanted === undefined || plainSource(r.mount) === sourceWanted) &&
    (targetWanted === undefined || r.mount.target === canonical(targetWanted));
  let tree = !f.has('l') && !f.has('r') && !f.has('P') && !f.has('D') && columns.includes('TARGET');
  let firstOnly = f.has('f');
  if (a !== undefined && b === undefined) {
    // One operand: a mountpoint or a source, as findmnt tries it.
    const path = canonical(a);
    match = (r) => typeOk(r.mount.fstype) && (r.mount.target === path || plainSource(r.mount) === a);
  }
  const within = f.get('T');
  if (within !== undefined) {
    // -T: the mount holding the path, however deep: the longest mountpoint that is its prefix.
    let path: string;
    try {
      path = proc.realpath(within);
    } catch {
      return 1;
    }
    let best: Row | undefined;
    for (const r of rows) {
      const t = r.mount.target;
      if (!typeOk(r.mount.fstype)) continue;
      if (t === '/' || path === t || path.startsWith(`${t}/`)) {
        if (!best || t.length >= best.mount.target.length) best = r;
      }
    }
    match = (r) => r === best;
    firstOnly = true;
  }
  // A source or target asked for (an operand, -S, -M) or -f turns the tree off (findmnt.c's main).
  if (firstOnly || a !== undefined || sourceWanted !== undefined || targetWanted !== undefined) tree = false;
  let picked = rows.filter(match);
  if (firstOnly) picked = picked.slice(0, 1);
  // Nothing found: a list ends with status 1 (add_matching_lines), a tree with 0 and no output
  // (create_treenode) — util-linux's findmnt -t overlay when no overlay is mounted.
  // JSON's tree prints its empty list.
  if (picked.length === 0) {
    if (tree && f.has('J')) ctx.stdout('{\n   "filesystems": [\n\n   ]\n}\n');
    return tree ? 0 : 1;
  }
  // The tree: a row hangs under its nearest picked ancestor, as findmnt's create_treenode does.
  const pickedIds = new Set(picked.map((r) => r.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const parentOf = (r: Row): number | undefined => {
    for (let id = r.parent; ; ) {
      if (pickedIds.has(id)) return id;
      const up = byId.get(id);
      if (!up) return undefined;
      id = up.parent;
    }
  };
  const ordered: { row: Row; prefix: string }[] = [];
  const children = new Map<number | undefined, Row[]>();
  if (tree) {
    for (const r of picked) {
      const key = parentOf(r);
      children.set(key, [...(children.get(key) ?? []), r]);
    }
    const visit = (r: Row, lead: string, self: string): void => {
      ordered.push({ row: r, prefix: self });
      const kids = children.get(r.id) ?? [];
      kids.forEach((k, i) => {
        const last = i === kids.length - 1;
        visit(k, `${lead}${last ? '  ' : '│ '}`, `${lead}${last ? '└─' : '├─'}`);
      });
    };
    for (const r of children.get(undefined) ?? []) visit(r, '', '');
  } else for (const r of picked) ordered.push({ row: r, prefix: '' });
  const cell = (c: string, r: Row): string => {
    const m = r.mount;
    const [vfs, own] = splitOptions(m.options);
    const usage = (): ReturnType<typeof fsUsage> => fsUsage(proc.kernel, m, { blocks: true });
    const human = (kb: number): string => utilLinuxSize(kb * 1024);
    switch (c) {
      case 'SOURCE':
        return sourceOf(m);
      case 'TARGET':
        return m.target;
      case 'FSTYPE':
        return m.fstype;
      case 'OPTIONS':
        return m.options;
      case 'VFS-OPTIONS':
        return vfs;
      case 'FS-OPTIONS':
        return m.superOptions ?? own;
      case 'FSROOT':
        return m.mountRoot ?? '/';
      case 'ID':
        return String(r.id);
      case 'PARENT':
        return String(r.parent);
      case 'MAJ:MIN':
        return f.has('r') ? r.majmin.replace(/ /g, '') : r.majmin;
      case 'PROPAGATION':
        return 'private';
      case 'SIZE':
        return human(usage().totalKb);
      case 'USED':
        return human(usage().usedKb);
      case 'AVAIL':
        return human(usage().availKb);
      default: {
        const u = usage();
        return u.totalKb === 0 ? '0%' : `${Math.round((u.usedKb * 100) / u.totalKb)}%`;
      }
    }
  };
  if (f.has('J')) {
    const roots = tree ? (children.get(undefined) ?? []) : ordered.map((o) => o.row);
    const kids = (r: Row): Row[] => (tree ? (children.get(r.id) ?? []) : []);
    ctx.stdout(`{\n   "filesystems": [\n${jsonRows(roots, kids, columns, cell, 2)}\n   ]\n}\n`);
    return 0;
  }
  if (f.has('P')) {
    const quote = (v: string): string =>
      `"${v.replace(/[\x00-\x1f\x7f"\\`$]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)}"`;
    for (const { row } of ordered) ctx.stdout(`${columns.map((c) => `${c}=${quote(cell(c, row))}`).join(' ')}\n`);
    return 0;
  }
  const table = ordered.map(({ row, prefix }) =>
    columns.map((c) => (c === 'TARGET' && tree ? prefix : '') + cell(c, row)),
  );
  if (f.has('r')) {
    const esc = (s: string): string => s.replace(/[\s\\"]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16)}`);
    const lines = f.has('n') ? table : [columns, ...table];
    ctx.stdout(lines.map((r) => `${r.map(esc).join(' ')}\n`).join(''));
    return 0;
  }
  const all = f.has('n') ? table : [columns, ...table];
  const widths = columns.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  let out = '';
  for (const r of all) {
    const line = r.map((text, i) => {
      const w = (widths[i] ?? 0) - [...text].length + text.length;
      if (RIGHT.has(columns[i] ?? '')) return text.padStart(w);
      return i === r.length - 1 ? text : text.padEnd(w);
    });
    out += `${line.join(' ')}\n`;
  }
  ctx.stdout(out);
  return 0;
}

/** libsmartcols' JSON: three spaces a level, objects joined `},{`, a row's children in "children". */
function jsonRows(
  rows: Row[],
  kids: (r: Row) => Row[],
  columns: string[],
  cell: (c: string, r: Row) => string,
  level: number,
): string {
  const pad = '   '.repeat(level);
  const objects = rows.map((r) => {
    const fields = columns.map((c) => {
      const v = cell(c, r);
      return `${pad}   ${JSON.stringify(c.toLowerCase())}: ${NUMBERS.has(c) ? v : JSON.stringify(v)}`;
    });
    const below = kids(r);
    if (below.length > 0) {
      fields.push(`${pad}   "children": [\n${jsonRows(below, kids, columns, cell, level + 2)}\n${pad}   ]`);
    }
    return fields.join(',\n');
  });
  return `${pad}{\n${objects.join(`\n${pad}},{\n`)}\n${pad}}`;
}

export const findmntCommand: CommandSpec = {
  name: 'findmnt',
  run: findmnt,
  summary: 'the mount table as a tree (-t overlay, -T PATH, -o COLUMNS, -l, -n, -r, -J, -P, -D)',
  flags: ['-t', '-T', '-o', '-l', '-n', '-r', '-f', '-M', '-S', '-J', '-P', '-D'],
};
