// busybox's ps (the DESKTOP build's: -o columns), as it lists a container's processes from inside
// it: the container's main process as PID 1 (nginx's workers beside it), the docker exec that is
// running and ps itself (procps/ps.c's out_spec, format_header and format_process; libbb's
// read_cmdline for the COMMAND column). Two builds differ: Debian's busybox-static has no
// FEATURE_PS_TIME (no TIME column, no time/etime) and runs applets inside its shell without an
// exec (FEATURE_SH_STANDALONE: `sh -c ps` lists as "{ps} sh -c ps"); the official busybox image's
// build has TIME and execs /bin/ps. Checked against Debian's busybox-static in a real container.
// The host has no ps of its own here (it stays "not simulated").
import type { Container, DockerEngine } from '../../../docker/engine/index.js';
import type { CommandContext, CommandSpec } from '../../command.js';
import { containerProcesses } from '../docker/top-stats.js';
import { busyboxBanner } from './index.js';

interface Row {
  pid: number;
  ppid: number;
  uid: number;
  comm: string;
  /** The command line as /proc/PID/cmdline has it, words joined by spaces. */
  cmdline: string;
  stat: string;
  vszKib: number;
  rssKib: number;
  tty: string;
  /** Seconds since the process started. */
  elapsed: number;
}

interface Column {
  width: number;
  header: string;
  /** The value as its func_ prints it: a number right-aligned in the column's width. */
  value: (r: Row, names: Names, width: number) => string;
}

interface Names {
  user(uid: number): string;
  group(gid: number): string;
}

const MAX_WIDTH = 2048;
const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
const right = (width: number, v: number | string): string => String(v).padStart(width);

/** format_time: mm:ss under an hour, then 1h02, 3d04, as the 5-column TIME shows it. */
function formatTime(seconds: number): string {
  let t = Math.floor(seconds);
  const ss = t % 60;
  t = Math.floor(t / 60);
  if (t < 60) return `${right(2, t)}:${String(ss).padStart(2, '0')}`;
  const mm = t % 60;
  t = Math.floor(t / 60);
  if (t < 24) return `${right(2, t)}h${String(mm).padStart(2, '0')}`;
  const hh = t % 24;
  t = Math.floor(t / 24);
  return t < 100 ? `${right(2, t)}d${String(hh).padStart(2, '0')}` : `${right(4, t)}d`;
}

/** smart_ulltoa4: a KiB figure in four columns (larger ones scaled, with m, g, … after them). */
function fourColumns(kib: number): string {
  if (kib < 10_000) return right(4, kib);
  const units = ' mgtpezy';
  let v = kib;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${right(3, Math.floor(v))}${units[i]}`;
}

/** read_cmdline: the command line, with "{comm} " before it when argv[0]'s name is not comm. */
function commandColumn(r: Row): string {
  const argv0 = r.cmdline.split(' ')[0] ?? '';
  const name = base(argv0).replace(/^-/, '');
  return name.startsWith(r.comm) ? r.cmdline : `{${r.comm}} ${r.cmdline}`;
}

const COLUMNS: ReadonlyArray<readonly [string, Column, 'time'?]> = [
  ['user', { width: 8, header: 'USER', value: (r, n) => n.user(r.uid).slice(0, 8) }],
  ['group', { width: 8, header: 'GROUP', value: (r, n) => n.group(r.uid).slice(0, 8) }],
  ['comm', { width: 16, header: 'COMMAND', value: (r) => r.comm.slice(0, 16) }],
  ['args', { width: MAX_WIDTH, header: 'COMMAND', value: commandColumn }],
  ['pid', { width: 5, header: 'PID', value: (r, _, w) => right(w, r.pid) }],
  ['ppid', { width: 5, header: 'PPID', value: (r, _, w) => right(w, r.ppid) }],
  ['pgid', { width: 5, header: 'PGID', value: (r, _, w) => right(w, r.pid) }],
  ['etime', { width: 7, header: 'ELAPSED', value: (r) => formatTime(r.elapsed) }, 'time'],
  ['nice', { width: 5, header: 'NI', value: (_r, _n, w) => right(w, 0) }],
  ['rgroup', { width: 8, header: 'RGROUP', value: (r, n) => n.group(r.uid).slice(0, 8) }],
  ['ruser', { width: 8, header: 'RUSER', value: (r, n) => n.user(r.uid).slice(0, 8) }],
  ['time', { width: 5, header: 'TIME', value: () => formatTime(0) }, 'time'],
  ['tty', { width: 6, header: 'TT', value: (r) => r.tty }],
  ['vsz', { width: 4, header: 'VSZ', value: (r) => fourColumns(r.vszKib) }],
  ['sid', { width: 5, header: 'SID', value: (r, _, w) => right(w, r.pid) }],
  ['stat', { width: 4, header: 'STAT', value: (r) => r.stat }],
  ['rss', { width: 4, header: 'RSS', value: (r) => fourColumns(r.rssKib) }],
];

/** The names a uid or gid has in the container's /etc/passwd or /etc/group, else the number. */
function namesIn(ctx: CommandContext): Names {
  const table = (file: string): Map<number, string> => {
    const out = new Map<number, string>();
    try {
      for (const line of new TextDecoder().decode(ctx.proc.readFile(file)).split('\n')) {
        const [name, , id] = line.split(':');
        if (name && id !== undefined && /^\d+$/.test(id) && !out.has(Number(id))) out.set(Number(id), name);
      }
    } catch {
      // No such file: numbers, as busybox prints them then.
    }
    return out;
  };
  const users = table('/etc/passwd');
  const groups = table('/etc/group');
  return { user: (id) => users.get(id) ?? String(id), group: (id) => groups.get(id) ?? String(id) };
}

/** A script that is one command (sh -c runs it in place: ash execs the last command of -c). */
const oneCommand = (script: string): boolean => /^(exec\s+)?[^;&|\n`<>()$]*$/.test(script.trim());

/**
 * The processes the container's namespace holds while this ps runs: the main process (and
 * nginx's workers), then the exec that runs ps — as a shell and ps beside it when the script is
 * more than the one command.
 */
function rows(d: DockerEngine, c: Container, ctx: CommandContext, standalone: boolean): Row[] {
  const now = d.clock.now();
  const started = Date.parse(c.state.startedAt);
  const since = Number.isFinite(started) ? Math.max(0, (now - started) / 1000) : 0;
  const main = containerProcesses(c);
  const mainPid = main[0]?.pid ?? 0;
  const out: Row[] = main.map((p) => ({
    pid: p.pid - mainPid + 1,
    ppid: p.pid === mainPid ? 0 : 1,
    uid: 0,
    comm: p.comm,
    cmdline: p.args,
    stat: 'S',
    vszKib: p.comm === 'nginx' ? 8_976 : 2_268,
    rssKib: p.comm === 'nginx' ? Math.round(p.rss / 1024) : 1_264,
    tty: c.config.Tty ? '136,0' : '?',
    elapsed: since,
  }));
  const execs = d.execs.get(c.id) ?? [];
  const mine = execs[execs.length - 1];
  for (const e of execs.slice(0, -1))
    out.push({ ...(out[0] as Row), pid: e.pid, ppid: 0, comm: base(e.argv[0] ?? ''), cmdline: e.argv.join(' ') });
  // parse_o cuts its -o argument at each comma in place, so ps's own /proc/self/cmdline reads
  // "-o pid args" afterwards.
  const self = ownCmdline(ctx.argv);
  const argv = mine ? mine.argv : [c.path, ...c.args];
  const pid = mine ? mine.pid : 1;
  const tty = (mine ? mine.tty : c.config.Tty) ? '136,0' : '?';
  const proc = { ppid: 0, uid: 0, vszKib: 2_268, tty, elapsed: 0 };
  const isShell = ['sh', 'ash'].includes(base(argv[0] ?? '')) && argv[1] === '-c' && argv[2] !== undefined;
  // The main process is ps itself (docker run IMAGE ps): it is the row already listed.
  if (!mine) out.splice(0, out.length);
  if (!isShell) {
    const cmdline = [...argv.slice(0, Math.max(0, argv.length - ctx.argv.length)), self].join(' ');
    out.push({ ...proc, pid, comm: base(argv[0] ?? 'ps'), cmdline, stat: 'R', rssKib: 1_520 });
    return out;
  }
  const shellLine = argv.join(' ');
  const psLine = standalone ? shellLine : self;
  if (oneCommand(argv[2] ?? '')) {
    out.push({ ...proc, pid, comm: 'ps', cmdline: psLine, stat: 'R', rssKib: 1_520 });
    return out;
  }
  out.push({ ...proc, pid, comm: 'sh', cmdline: shellLine, stat: 'S', rssKib: 1_264 });
  out.push({ ...proc, pid: pid + 6, ppid: pid, comm: 'ps', cmdline: psLine, stat: 'R', rssKib: 1_520 });
  return out;
}

/** ps's argv after parse_o: the commas of each -o value are NULs, which cmdline shows as spaces. */
function ownCmdline(argv: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const glued = /^-[ZaAdeflT]*o./.test(a);
    const next = /^-[ZaAdeflT]*o$/.test(a);
    out.push(glued ? a.replace(/,/g, ' ') : a);
    if (next && i + 1 < argv.length) out.push((argv[++i] ?? '').replace(/,/g, ' '));
  }
  return out.join(' ');
}

interface Parsed {
  specs: string[];
  error?: string;
}

/** getopt32 "Zo:*aAdefl" plus T: -o lists columns, the others are accepted and ignored. */
function parseArgs(args: readonly string[]): Parsed {
  const specs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') break;
    if (a.startsWith('--')) return { specs, error: `ps: unrecognized option '${a}'` };
    if (!a.startsWith('-') || a === '-') continue;
    for (let j = 1; j < a.length; j++) {
      const ch = a.charAt(j);
      if (ch === 'o') {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) return { specs, error: "ps: option requires an argument -- 'o'" };
        specs.push(v);
        break;
      }
      if (!'ZaAdeflT'.includes(ch)) return { specs, error: `ps: invalid option -- '${ch}'` };
    }
  }
  return { specs };
}

export function busyboxPs(docker: () => DockerEngine | undefined): CommandSpec {
  return {
    name: 'ps',
    summary: "busybox's ps, inside a container: PID USER [TIME] COMMAND, -o COL1,COL2=HEADER",
    run(ctx) {
      const binary = ctx.variant?.binary ?? '/bin/busybox';
      const banner = busyboxBanner(ctx.proc, binary);
      // Debian and Ubuntu build busybox-static without FEATURE_PS_TIME and with a standalone shell.
      const distro = /\((Debian|Ubuntu) /.test(banner);
      const known = COLUMNS.filter(([, , time]) => !distro || time === undefined);
      const parsed = parseArgs(ctx.argv.slice(1));
      if (parsed.error) {
        ctx.stderr(`${parsed.error}\nTry 'ps --help' for more information.\n`);
        return 1;
      }
      const specs = parsed.specs.length ? parsed.specs : [distro ? 'pid,user,args' : 'pid,user,time,args'];
      const cols: Column[] = [];
      for (const spec of specs) {
        // Each name of the list may carry =HEADER (busybox 1.35 splits at every comma first): an
        // empty one keeps the width and prints no header, another sets the width to its length.
        for (const item of spec.split(',')) {
          const eq = item.indexOf('=');
          const name = eq < 0 ? item : item.slice(0, eq);
          // find_out_spec compares six characters at most: rgroupX is rgroup.
          const col = known.find(([n]) => name.slice(0, 6) === n.slice(0, 6));
          if (!col) {
            const list = known.map(([n]) => n.slice(0, 6)).join(',');
            ctx.stderr(`ps: bad -o argument '${name}', supported arguments: ${list}\n`);
            return 1;
          }
          const header = eq < 0 ? undefined : item.slice(eq + 1);
          cols.push(
            header === undefined ? col[1] : { ...col[1], header, width: header ? header.length : col[1].width },
          );
        }
      }
      const d = docker();
      const c =
        d && [...d.containers.values()].find((x) => x.state.status === 'running' && d.mergedDir(x) === ctx.proc.root);
      if (!d || !c) {
        ctx.stderr("ps: not simulated here (the tutor models a container's processes, not the host's)\n");
        return 1;
      }
      const names = namesIn(ctx);
      const lines: string[] = [];
      const join = (cells: string[]): string =>
        cells
          .map((v, i) =>
            i === cells.length - 1 ? v : v + ' '.repeat(Math.max(1, (cols[i]?.width ?? 0) - v.length + 1)),
          )
          .join('');
      // The header line is left out only when every column's header was set empty (-o pid=).
      if (cols.some((col) => col.header !== ''))
        lines.push(
          cols.map((col, i) => (i === cols.length - 1 ? col.header : `${col.header.padEnd(col.width)} `)).join(''),
        );
      for (const r of rows(d, c, ctx, distro))
        lines.push(join(cols.map((col) => col.value(r, names, col.width) || '-')));
      ctx.stdout(lines.map((l) => `${l.slice(0, MAX_WIDTH)}\n`).join(''));
      return 0;
    },
  };
}
