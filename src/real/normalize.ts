// Makes a transcript from the simulator and one from a real Docker host comparable: random ids,
// link ids and times become placeholders numbered by first appearance, and the real daemon's
// private data-root reads as /var/lib/docker (and its socket as /var/run/docker.sock). Used by
// `replay --real` and the conformance suite.
//
// What is each host's own, and so no prediction of the simulator's, reads as a named placeholder on
// both sides (HOST_PLACEHOLDERS says which; a report lists each side's value): the kernel's release
// wherever it is printed, docker info's Operating System, Name (the hostname), ID (made at random when
// a daemon first starts), CPUs and Total Memory, and the name the host's passwd/group gives an owner
// that the two hosts name differently (ownerNames).

import { procForms } from './proc-forms.js';

const ID64 = /\b[0-9a-f]{64}\b/g;
const LINK = /\b[A-Z2-7]{26}\b/g;
const ID12 = /\b[0-9a-f]{12}\b/g;
const RELATIVE_TIME =
  /\b(About (a|an) (minute|hour)|Less than a second|\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?)) ago\b/g;
/** How long a container has run (docker ps's STATUS: units.HumanDuration since it started). */
const UP_TIME =
  /\bUp (About (a|an) (minute|hour)|Less than a second|\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?))\b/g;
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g;
const LS_TIME = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 1-3]\d ( \d{4}|\d\d:\d\d)\b/g;
const STAT_TIME = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} [+-]\d{4}/g;
const WORK_TEMP = /#[0-9a-f]+\b/g;
/** The uuid a 6.6+ kernel makes at random for a new upper dir (getfattr's base64 or hex form). */
const OVERLAY_UUID = /\btrusted\.overlay\.uuid=(0s[A-Za-z0-9+/]{22}==|0x[0-9a-f]{32})/g;
/** ping's round-trip times (busybox's `time=0.188 ms` and its min/avg/max line): measured, each run's own. */
const PING_TIME = /\btime=\d+\.\d{3} ms\b/g;
const PING_STATS = /\bround-trip min\/avg\/max = \d+\.\d{3}\/\d+\.\d{3}\/\d+\.\d{3} ms\b/g;
/** dockerd's ID (docker info): 12 groups of 4 base32 characters, made at random on its first start. */
const DAEMON_ID = /\b[A-Z2-7]{4}(:[A-Z2-7]{4}){11}\b/g;
/** docker info's lines that describe the machine, not Docker: `^ Key: value`, one space in. */
const INFO_HOST_LINE = /^ (Kernel Version|Operating System|Name|CPUs|Total Memory): .*$/gm;
const INFO_PLACEHOLDER: Record<string, string> = {
  'Kernel Version': '<kernel>',
  'Operating System': '<os>',
  Name: '<hostname>',
  CPUs: '<cpus>',
  'Total Memory': '<memory>',
};

/** The placeholders that stand for a host's own values, and what each is. */
export const HOST_PLACEHOLDERS: Record<string, string> = {
  '<kernel>': 'the kernel release (uname -r, docker info)',
  '<os>': "docker info's Operating System",
  '<hostname>': "docker info's Name, the host's name",
  '<daemon-id>': "docker info's ID, made at random when a daemon first starts",
  '<cpus>': "docker info's CPUs",
  '<memory>': "docker info's Total Memory",
  '<uid:N>': "the name the host's /etc/passwd gives uid N (<gid:N>: /etc/group gid N), each host's own",
  '<kB>': "a /proc/meminfo or /proc/<pid>/status memory figure, in its columns (each host's memory)",
  '<mem>': "a free(1) figure, aligned under its heading (each host's memory)",
  '<loadavg>': "the host's /proc/loadavg, in its form (three loads, running/total tasks, the last pid)",
  '<uptime-seconds>': "the host's /proc/uptime, in its form (seconds up, seconds idle)",
  '<uptime>': 'how long the host has been up, as uptime(1) writes it (with its clock, users and load)',
  '<cpu-model>': "the host's CPU model (/proc/cpuinfo)",
  '<build>': "the kernel's build (/proc/version: its builder, toolchain and build number)",
  '<ns:N>': "a namespace's inode number made when it was (the initial namespaces' fixed numbers stay)",
};

/** One host's own values, where the normaliser needs them given. */
export interface HostValues {
  /** The kernel's release, as uname -r prints it. */
  kernel?: string;
  /** The host's passwd and group names (compared by ownerPlaceholders, both sides given). */
  owners?: OwnerNames;
  /** The daemon's API socket (the tutor's private one), read as a stock host's /var/run/docker.sock. */
  socket?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The epoch ms a printed time names, for the forms replaced below (ls's recent form has no year). */
function timeOf(printed: string): number | undefined {
  const ls = /^(\w{3}) +(\d+) +(\d{4})$/.exec(printed);
  if (ls) return Date.UTC(Number(ls[3]), MONTHS.indexOf(ls[1] ?? ''), Number(ls[2]));
  if (!/^\d{4}-/.test(printed)) return undefined; // ls's `Dec  7 00:40`: recent, so written in the run
  const t = Date.parse(printed.replace(/^(\S+) (\S+) ([+-]\d\d)(\d\d)$/, '$1T$2$3:$4').replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(t) ? undefined : t;
}

/**
 * keepTimesBefore: a time before it (epoch ms) was not written during the run on either side — it
 * came with an image, or a copy-up kept it — so it is compared as printed, not made a placeholder.
 */
export interface NormalizeOptions {
  keepTimesBefore?: number;
  /** This side's host (its kernel release reads as <kernel>). */
  host?: HostValues;
}

/** `path` replaced by `by` where it stands as a path: not inside a longer name or path (`x/tmp/d`,
 * `/tmp/d2`, `/tmp/d.old`), but before `/`, the end, a space, a quote, `:` or a full stop. */
export function replacePath(text: string, path: string, by: string): string {
  if (path === '') return text;
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A relative path (tar's, getfattr's) is no path's tail either: not after a `/`.
  const before = path.startsWith('/') ? '(?<![\\w.\\-])' : '(?<![\\w.\\-/])';
  return text.replace(new RegExp(`${before}${escaped}(?![\\w-]|\\.[\\w-])`, 'g'), () => by);
}

const WAIT_CANCELED = /^time="[^"]*" level=error msg="error waiting for container: context canceled"$/;

/** `docker run` whose start fails: the CLI cancels its wait on the container, and a goroutine
 * logs "error waiting for container: context canceled" if it sees the cancel before the removal
 * (--rm) or before the CLI exits (without --rm): a race, so a real CLI prints the line some runs and
 * not others (seen both ways in CI, with and without --rm). That line is dropped after such a
 * command, on both sides. */
function dropRacyWaitLines(text: string): string {
  let afterRun = false;
  return text
    .split('\n')
    .filter((line) => {
      if (line.startsWith('$ ')) {
        afterRun = /\bdocker +(container +)?(run|start)\b/.test(line);
        return true;
      }
      return !(afterRun && WAIT_CANCELED.test(line));
    })
    .join('\n');
}

export function normalizeTranscript(text: string, dataRoot?: string, o: NormalizeOptions = {}): string {
  const keep = o.keepTimesBefore;
  const mask = (placeholder: string) => (printed: string) => {
    const t = keep === undefined ? undefined : timeOf(printed);
    return t !== undefined && keep !== undefined && t < keep ? printed : placeholder;
  };
  let t = text;
  if (dataRoot) {
    t = replacePath(t, dataRoot, '/var/lib/docker');
    // getfattr and tar print the path without its leading slash.
    if (dataRoot.startsWith('/')) t = replacePath(t, dataRoot.slice(1), 'var/lib/docker');
  }
  if (o.host?.kernel) t = t.split(o.host.kernel).join('<kernel>');
  t = dropRacyWaitLines(t);
  t = procForms(t);
  if (o.host?.socket) t = replacePath(t, o.host.socket, '/var/run/docker.sock');
  t = t
    .replace(INFO_HOST_LINE, (_l, key: string) => ` ${key}: ${INFO_PLACEHOLDER[key]}`)
    // The CLI prints the runtimes as Go walks its map of them: a new order each run.
    .replace(/^ Runtimes: (.*)$/gm, (_l, names: string) => ` Runtimes: ${names.split(' ').sort().join(' ')}`)
    .replace(DAEMON_ID, '<daemon-id>');
  const ids = new Map<string, string>();
  const idFor = (full: string): string => {
    let name = ids.get(full);
    if (!name) ids.set(full, (name = `<id${ids.size + 1}>`));
    return name;
  };
  t = t.replace(ID64, (id) => idFor(id));
  // A short id names the same thing as the long id it begins.
  t = t.replace(ID12, (short) => {
    for (const [full, name] of ids) if (full.startsWith(short)) return `${name.slice(0, -1)}:short>`;
    return idFor(short);
  });
  const links = new Map<string, string>();
  t = t.replace(LINK, (l) => {
    let name = links.get(l);
    if (!name) links.set(l, (name = `<link${links.size + 1}>`));
    return name;
  });
  return t
    .replace(RELATIVE_TIME, '<ago>')
    .replace(UP_TIME, 'Up <duration>')
    .replace(ISO_TIME, mask('<time>'))
    .replace(STAT_TIME, mask('<time>'))
    .replace(LS_TIME, mask('<date>'))
    .replace(WORK_TEMP, '#<n>')
    .replace(OVERLAY_UUID, 'trusted.overlay.uuid=<uuid>')
    .replace(PING_TIME, 'time=<ms> ms')
    .replace(PING_STATS, 'round-trip min/avg/max = <ms> ms');
}

/** Longest common subsequence of two line lists, as pairs of indices. */
export function lcsPairs(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const t: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      t[i]![j] = a[i] === b[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** uid (or gid) → name, from /etc/passwd's (or /etc/group's) text. */
export function idNames(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of text.split('\n')) {
    const [name, , id] = line.split(':');
    if (name && id && /^\d+$/.test(id) && !names.has(Number(id))) names.set(Number(id), name);
  }
  return names;
}

/** A host's owner names: its passwd's users and its group's groups. */
export interface OwnerNames {
  users: ReadonlyMap<number, string>;
  groups: ReadonlyMap<number, string>;
}

/** `ls -l`'s `mode links owner group` and `tar -tv`'s `mode owner/group size`. */
const LS_OWNER = /^([-dlcbpsD][rwxsStT-]{9}[.+@]?) +(\d+) +(\S+) +(\S+) +/;
const TAR_OWNER = /^([-dlcbphsv][rwxsStT-]{9}) (\S+?)\/(\S+) +/;

/**
 * The owners in `ls -l` and `tar -tv` lines, where the two hosts name the same id differently (or
 * one names it and the other prints the number): both read `<uid:N>` (`<gid:N>`). A 20.10 daemon
 * writes the names its host's passwd gives into a layer's tar headers, and ls asks the host's: which
 * user is uid 101 is the host's own (Ubuntu's systemd-resolve, another machine's postgres). Where a
 * line's owner was rewritten, the padding of every such line of the block is one space (ls and tar
 * pad to the widest name). Each side's lines with its own names.
 */
export function ownerPlaceholders(sim: string[], real: string[], simNames: OwnerNames, realNames: OwnerNames) {
  const differing = (a: ReadonlyMap<number, string>, b: ReadonlyMap<number, string>) => {
    const out = new Map<string, number>();
    for (const id of new Set([...a.keys(), ...b.keys()])) if (a.get(id) !== b.get(id)) out.set(String(id), id);
    return out;
  };
  const users = differing(simNames.users, realNames.users);
  const groups = differing(simNames.groups, realNames.groups);
  const side = (lines: string[], names: OwnerNames) => {
    const byName = (m: ReadonlyMap<number, string>) => new Map([...m].map(([id, n]) => [n, id]));
    const uidOf = byName(names.users);
    const gidOf = byName(names.groups);
    const user = (o: string) => {
      const id = /^\d+$/.test(o) ? Number(o) : uidOf.get(o);
      return id !== undefined && users.has(String(id)) ? `<uid:${id}>` : o;
    };
    const group = (g: string) => {
      const id = /^\d+$/.test(g) ? Number(g) : gidOf.get(g);
      return id !== undefined && groups.has(String(id)) ? `<gid:${id}>` : g;
    };
    let changed = false;
    const out = lines.map((l) => {
      const ls = LS_OWNER.exec(l);
      const tar = ls ? null : TAR_OWNER.exec(l);
      const [o, g] = ls ? [ls[3]!, ls[4]!] : tar ? [tar[2]!, tar[3]!] : [];
      if (o === undefined || g === undefined || (user(o) === o && group(g) === g)) return l;
      changed = true;
      return ls
        ? l.replace(LS_OWNER, `$1 $2 ${user(o)} ${group(g)} `)
        : l.replace(TAR_OWNER, `$1 ${user(o)}/${group(g)} `);
    });
    return { out, changed };
  };
  const s = side(sim, simNames);
  const r = side(real, realNames);
  if (!s.changed && !r.changed) return { sim, real };
  const tidy = (lines: string[]) =>
    lines.map((l) => (LS_OWNER.test(l) || TAR_OWNER.test(l) ? l.replace(/ {2,}/g, ' ') : l));
  return { sim: tidy(s.out), real: tidy(r.out) };
}
