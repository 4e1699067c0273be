// Makes a transcript from the simulator and one from a real Docker host comparable: random ids,
// link ids and times become placeholders numbered by first appearance, and the real daemon's
// private data-root reads as /var/lib/docker. Used by `replay --real` and the conformance suite.

const ID64 = /\b[0-9a-f]{64}\b/g;
const LINK = /\b[A-Z2-7]{26}\b/g;
const ID12 = /\b[0-9a-f]{12}\b/g;
const RELATIVE_TIME =
  /\b(About (a|an) (minute|hour)|Less than a second|\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?)) ago\b/g;
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g;
const LS_TIME = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 1-3]\d ( \d{4}|\d\d:\d\d)\b/g;
const STAT_TIME = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} [+-]\d{4}/g;
const WORK_TEMP = /#[0-9a-f]+\b/g;

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
}

export function normalizeTranscript(text: string, dataRoot?: string, o: NormalizeOptions = {}): string {
  const keep = o.keepTimesBefore;
  const mask = (placeholder: string) => (printed: string) => {
    const t = keep === undefined ? undefined : timeOf(printed);
    return t !== undefined && keep !== undefined && t < keep ? printed : placeholder;
  };
  let t = text;
  if (dataRoot) {
    t = t.split(dataRoot).join('/var/lib/docker');
    // getfattr and tar print the path without its leading slash.
    if (dataRoot.startsWith('/')) t = t.split(dataRoot.slice(1)).join('var/lib/docker');
  }
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
    .replace(ISO_TIME, mask('<time>'))
    .replace(STAT_TIME, mask('<time>'))
    .replace(LS_TIME, mask('<date>'))
    .replace(WORK_TEMP, '#<n>');
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
