// What a machine's /proc and the tools that read it (free, uptime) print of the machine itself —
// its memory, load, uptime, CPU model, kernel build and namespace numbers — differs from host to
// host; its form does not. Each such line is checked against its tool's exact form (the columns
// free aligns under its headings, meminfo's 16 + 8 columns, loadavg's fields) and only then has
// its values made placeholders, so a line whose form is wrong still differs.

/** meminfo's `Name:` padded to 16 columns, the value right-aligned in 8 (or longer), ` kB` or not. */
function meminfoLine(line: string): string | undefined {
  const m = /^([A-Za-z][\w()]*:)( +)(\d+)( kB)?$/.exec(line);
  if (!m) return undefined;
  const [, name = '', pad = '', value = ''] = m;
  const width = name.length + pad.length + value.length;
  const aligned = width === 24 || (value.length >= 8 && name.length + pad.length === 16);
  return aligned ? `${name} <kB>${m[4] ?? ''}` : undefined;
}

const FREE_HEADER = /^ +total +used +free +shared +(buff\/cache|buffers +cache)( +available)?$/;
const FREE_ROW = /^(Mem|Swap|Total|Low|High):( +\S+)+$/;

/** The columns' right edges, by where each word ends. */
const rightEdges = (line: string): number[] => [...line.matchAll(/\S+/g)].map((m) => m.index + m[0].length);

/** A free row whose values end under its header's words: `Mem: <mem> <mem> …`. */
function freeRow(line: string, header: string): string | undefined {
  if (!FREE_ROW.test(line)) return undefined;
  const want = rightEdges(header);
  const got = rightEdges(line).slice(1);
  if (got.length === 0 || got.some((edge, i) => edge !== want[i])) return undefined;
  return `${line.split(':')[0]}:${' <mem>'.repeat(got.length)}`;
}

/** /proc/<pid>/status's memory lines: `VmRSS:\t    1380 kB`, the figure right-aligned in 8. */
const STATUS_KB = /^((Vm|Rss)\w+|HugetlbPages):\t( *)(\d+) kB$/;

const LOADAVG = /^\d+\.\d\d \d+\.\d\d \d+\.\d\d \d+\/\d+ \d+$/;
const UPTIME_FILE = /^\d+\.\d\d \d+\.\d\d$/;
/** uptime(1), procps and busybox: ` 07:31:45 up 16:02,  0 user,  load average: 10.54, 10.44, 9.27`. */
const UP_FOR = /(\d+ days?, )?(( \d|\d\d):\d\d|\d+ min)/.source;
const LOAD = /\d+\.\d\d, \d+\.\d\d, \d+\.\d\d/.source;
const UPTIME_LINE = new RegExp(`^ \\d\\d:\\d\\d:\\d\\d up ${UP_FOR},  +\\d+ users?,  load average: ${LOAD}$`);
const VERSION = /^Linux version \S+ \(\S+\) \(.+\) #\S.*$/;
/** A namespace's inode number: the initial ones are fixed by the kernel (0xEFFFFFF9 …), others made. */
const NS_LINK = /\b(cgroup|ipc|mnt|net|pid|time|user|uts):\[(\d+)\]/g;
const FIRST_DYNAMIC_NS = 4026531840;

export function procForms(text: string): string {
  const ns = new Map<string, string>();
  let header: string | undefined;
  return text
    .split('\n')
    .map((line) => {
      if (FREE_HEADER.test(line)) {
        header = line;
        return line;
      }
      const row = header === undefined ? undefined : freeRow(line, header);
      if (row !== undefined) return row;
      header = undefined;
      if (LOADAVG.test(line)) return '<loadavg>';
      const status = STATUS_KB.exec(line);
      if (status && (status[3] ?? '').length + (status[4] ?? '').length === 8) return `${status[1]}:\t<kB> kB`;
      if (UPTIME_FILE.test(line)) return '<uptime-seconds>';
      const up = UPTIME_LINE.exec(line);
      if (up) return ` <clock> up <uptime>,  <users>,  load average: <load>`;
      if (VERSION.test(line)) return 'Linux version <kernel> (<builder>) (<toolchain>) #<build>';
      if (/^model name\t: ./.test(line)) return 'model name\t: <cpu-model>';
      const mem = meminfoLine(line);
      if (mem !== undefined) return mem;
      return line.replace(NS_LINK, (whole, kind: string, n: string) => {
        if (Number(n) < FIRST_DYNAMIC_NS) return whole;
        let name = ns.get(n);
        if (!name) ns.set(n, (name = `<ns:${ns.size + 1}>`));
        return `${kind}:[${name}]`;
      });
    })
    .join('\n');
}
