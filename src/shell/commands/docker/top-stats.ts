// docker top and docker stats --no-stream: what runs in a container and what it uses. A container
// here runs one modelled main process (nginx: a master and a worker per CPU, as the real image
// starts them); `docker exec` leaves nothing running, as an exec that has ended leaves nothing.
import type { Container, DockerEngine } from '../../../docker/engine/index.js';
import { DaemonError, restartingError } from '../../../docker/engine/index.js';
import { DOCKER_LISTS } from '../../../gotemplate/table.js';
import type { CommandContext } from '../../command.js';
import { printList } from './images.js';
import { CliError, operand } from './flags.js';
import { bytesSize } from '../../../docker/go-units.js';
import { humanSize, type SubCommand } from './util.js';

/** The host docker info describes: its memory (MemTotal, 23.54GiB). */
const HOST_MEMORY = 25_276_682_240;

interface Process {
  pid: number;
  ppid: number;
  /** The command name (ps's comm). */
  comm: string;
  /** The whole command line (ps's args/cmd). */
  args: string;
  /** Resident memory in bytes, as the memory cgroup counts it. */
  rss: number;
  /** ps's STAT: the main process leads its session (Ss). */
  stat: string;
}

/** Virtual size in KiB: a model figure (busybox's sleep was 2268 on a real 20.10 host). */
const VSZ_KIB = 2268;

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** The processes of a running container, main process first. */
export function containerProcesses(c: Container): Process[] {
  const argv = base(c.path) === 'docker-entrypoint.sh' ? c.args : [c.path, ...c.args];
  const pid = c.state.pid;
  // containerd-shim is the main process's parent; it starts just before it.
  const shim = pid - 23;
  if (base(argv[0] ?? '') === 'nginx') {
    const master = {
      pid,
      ppid: shim,
      comm: 'nginx',
      args: `nginx: master process ${argv.join(' ')}`,
      rss: 3_932_160,
      stat: 'Ss',
    };
    // The host's pids run beside the namespace's: each process or thread in between took one of both.
    const workers = (c.state.workerPids ?? []).map((inside) => ({
      pid: pid + inside - 1,
      ppid: pid,
      comm: 'nginx',
      args: 'nginx: worker process',
      rss: 1_671_168,
      stat: 'S',
    }));
    return [master, ...workers];
  }
  return [{ pid, ppid: shim, comm: base(argv[0] ?? ''), args: argv.join(' '), rss: 348_160, stat: 'Ss' }];
}

function runningContainer(d: DockerEngine, ref: string): Container {
  const c = d.findContainer(ref);
  if (!c) throw new DaemonError(`No such container: ${ref}`, 404);
  if (c.state.status === 'restarting') throw restartingError(c);
  if (c.state.status !== 'running') throw new DaemonError(`Container ${c.id} is not running`, 409);
  return c;
}

/** A column `ps -o` knows here: its header and its value for a process. */
type PsField = readonly [header: string, value: (p: Process, c: Container) => string];

// A Map, not an object: `-o constructor` is no column, though `'constructor' in {}` is true.
const PS_FIELDS = new Map<string, PsField>([
  ['uid', ['UID', () => '0']],
  // ps -ef's UID column names the user.
  ['euser', ['UID', () => 'root']],
  ['user', ['USER', () => 'root']],
  ['pid', ['PID', (p) => String(p.pid)]],
  ['ppid', ['PPID', (p) => String(p.ppid)]],
  ['c', ['C', () => '0']],
  ['stime', ['STIME', (_p, c) => new Date(Date.parse(c.state.startedAt)).toISOString().slice(11, 16)]],
  ['tty', ['TTY', (_p, c) => (c.config.Tty ? 'pts/0' : '?')]],
  ['time', ['TIME', () => '00:00:00']],
  ['comm', ['COMMAND', (p) => p.comm]],
  ['args', ['COMMAND', (p) => p.args]],
  ['cmd', ['CMD', (p) => p.args]],
  ['rss', ['RSS', (p) => String(Math.round(p.rss / 1024))]],
  ['vsz', ['VSZ', () => String(VSZ_KIB)]],
  ['stat', ['STAT', (p) => p.stat]],
  ['start', ['STARTED', (_p, c) => new Date(Date.parse(c.state.startedAt)).toISOString().slice(11, 19)]],
  ['%cpu', ['%CPU', () => '0.0']],
  ['%mem', ['%MEM', () => '0.0']],
]);

/** BSD-style columns (ps aux, ps ax): u gives the user-oriented set; TIME as m:ss. */
const BSD_USER: PsField[] = [
  ['USER', () => 'root'],
  ['PID', (p) => String(p.pid)],
  ['%CPU', () => '0.0'],
  ['%MEM', () => '0.0'],
  ['VSZ', () => String(VSZ_KIB)],
  ['RSS', (p) => String(Math.round(p.rss / 1024))],
  ['TTY', (_p, c) => (c.config.Tty ? 'pts/0' : '?')],
  ['STAT', (p) => p.stat],
  ['START', (_p, c) => new Date(Date.parse(c.state.startedAt)).toISOString().slice(11, 16)],
  ['TIME', () => '0:00'],
  ['COMMAND', (p) => p.args],
];
const BSD_PLAIN: PsField[] = [
  ['PID', (p) => String(p.pid)],
  ['TTY', (_p, c) => (c.config.Tty ? 'pts/0' : '?')],
  ['STAT', (p) => p.stat],
  ['TIME', () => '0:00'],
  ['COMMAND', (p) => p.args],
];

const DEFAULT_PS = ['euser', 'pid', 'ppid', 'c', 'stime', 'tty', 'time', 'cmd'];

/** The columns ps knows here, by name, in the order given (a name it does not know is left out). */
const fieldsNamed = (names: string[]): PsField[] =>
  names.flatMap((name) => {
    const field = PS_FIELDS.get(name);
    return field ? [field] : [];
  });

/** ps's own columns from `docker top C [ps OPTIONS]`: -ef (the default) or -o a,b,c. */
function psColumns(options: string[]): PsField[] {
  const [only] = options;
  if (options.length === 0 || (options.length === 1 && only !== undefined && ['-ef', '-e', '-f', 'ef'].includes(only)))
    return fieldsNamed(DEFAULT_PS);
  // BSD options without a dash (aux, axu, ux, ax): procps's user-oriented or default BSD columns.
  if (options.length === 1 && only !== undefined && /^[aux]+$/.test(only))
    return only.includes('u') ? BSD_USER : BSD_PLAIN;
  const o = options.indexOf('-o');
  const list = o >= 0 ? options[o + 1] : options.find((x) => x.startsWith('-o'))?.slice(2);
  const cols = list?.split(',').map((x) => x.toLowerCase());
  const unknown = cols?.find((x) => !PS_FIELDS.has(x) && !/^(pgid|sid|nlwp)$/.test(x));
  if (unknown) throw new DaemonError(`ps: error: unknown user-defined format specifier "${unknown}"`, 500);
  // The daemon finds each process's line by its PID column.
  if (cols && !cols.includes('pid')) throw new DaemonError("Couldn't find PID field in ps output", 500);
  const fields = fieldsNamed(cols ?? []);
  if (cols?.length && fields.length === cols.length) return fields;
  throw new CliError(
    `docker top: ps ${options.join(' ')}: not simulated here (the tutor's ps takes -ef or -o with ` +
      `${[...PS_FIELDS.keys()].join(',')})\n`,
    1,
  );
}

/** The CLI's tabwriter for top: minwidth 20, padding 1, spaces. */
function table(rows: string[][]): string {
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(Math.max(20, cell.length + 1)))).join(''))
    .map((l) => `${l}\n`)
    .join('');
}

export const topCommand: SubCommand = {
  def: {
    path: 'top',
    usage: 'docker top CONTAINER [ps OPTIONS]',
    summary: 'Display the running processes of a container',
    flags: [],
    args: { min: 1 },
    interspersed: false,
  },
  run(ctx, d, p) {
    const ref = operand(p, 0);
    const options = p.operands.slice(1);
    const c = runningContainer(d, ref);
    const cols = psColumns(options);
    const rows = [cols.map(([header]) => header)];
    for (const proc of containerProcesses(c)) rows.push(cols.map(([, value]) => value(proc, c)));
    ctx.stdout(table(rows));
    return 0;
  },
};

function statsRow(c: Container, given: string | undefined): Record<string, string> {
  const running = c.state.status === 'running';
  const procs = running ? containerProcesses(c) : [];
  const mem = procs.reduce((n, x) => n + x.rss, 0);
  const limit = running ? HOST_MEMORY : 0;
  return {
    Container: given ?? c.id.slice(0, 12),
    ID: c.id.slice(0, 12),
    Name: c.name.replace(/^\//, ''),
    // Nothing here spends CPU between two of the daemon's samples.
    CPUPerc: '0.00%',
    MemUsage: `${bytesSize(mem)} / ${bytesSize(limit)}`,
    MemPerc: `${(limit ? (mem * 100) / limit : 0).toFixed(2)}%`,
    NetIO: `${humanSize(0, 3)} / ${humanSize(0, 3)}`,
    BlockIO: `${humanSize(0, 3)} / ${humanSize(0, 3)}`,
    PIDs: String(procs.length),
  };
}

export const statsCommand: SubCommand = {
  def: {
    path: 'stats',
    usage: 'docker stats [OPTIONS] [CONTAINER...]',
    summary: 'Display a live stream of container(s) resource usage statistics',
    flags: [
      { long: 'all', short: 'a', type: 'bool' },
      { long: 'format', type: 'string' },
      { long: 'no-stream', type: 'bool' },
      { long: 'no-trunc', type: 'bool' },
    ],
    args: { min: 0 },
  },
  async run(ctx: CommandContext, d, p) {
    const rows = (): Record<string, string>[] | number => {
      const out: Record<string, string>[] = [];
      let code = 0;
      if (p.operands.length) {
        for (const ref of p.operands) {
          const c = d.findContainer(ref);
          if (!c) {
            ctx.stderr(`Error response from daemon: No such container: ${ref}\n`);
            code = 1;
            continue;
          }
          out.push(statsRow(c, ref));
        }
      } else {
        for (const c of d.ps(p.bools.has('all'))) out.push(statsRow(c, undefined));
      }
      // One container the daemon does not know stops the whole command, before any table.
      if (code) return code;
      if (p.bools.has('no-trunc'))
        for (const r of out) {
          const id = r.ID;
          if (typeof id === 'string') r.ID = d.findContainer(id)?.id ?? id;
        }
      return out;
    };
    const first = rows();
    if (typeof first === 'number') return first;
    if (p.bools.has('no-stream')) return printList(ctx, p.strings.get('format') ?? '', first, DOCKER_LISTS.stats);
    // Live: the CLI clears the screen (ESC[2J ESC[H) and draws the table again every second, to a
    // pipe too, until Ctrl-C (the budget's interrupt, status 130).
    let frame: Record<string, string>[] = first;
    for (;;) {
      ctx.stdout('\u001b[2J\u001b[H');
      const code = printList(ctx, p.strings.get('format') ?? '', frame, DOCKER_LISTS.stats);
      if (code !== 0) return code;
      if (!ctx.budget.interruptible) {
        ctx.stderr(
          '(docker stats redraws this every second until Ctrl-C; ' +
            'with no terminal to press it on, the tutor stops here)\n',
        );
        return 0;
      }
      await ctx.budget.idle(1000);
      const next = rows();
      if (typeof next === 'number') return next;
      frame = next;
    }
  },
};
