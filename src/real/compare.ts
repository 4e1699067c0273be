// Predict, then verify: one line as the simulator predicted it and as the real host did it, in
// sections (what it printed, what changed in the container's upper dir, `docker diff`), each
// normalised (ids, times, the private data-root) and aligned line by line, the lines that differ
// marked; and, where the tutor knows why a real host differs, the reasons in words.
import { STRINGS } from '../i18n/index.js';
import { DEFAULT_KERNEL_RELEASE } from '../kernel/index.js';
import { HOST_PLACEHOLDERS, lcsPairs } from './normalize.js';
import {
  asSet,
  type LineBlock,
  normalizeBlocks,
  printsDockerDiff,
  type ReportNotes,
  SIM_HOST,
  thisHost,
} from './replay.js';

/** One side of a line: what it printed and what it left on the host. */
export interface SideRecord {
  output: string;
  exitCode: number;
  /** The upper dir's changes, as changeLines() words them. */
  upper: string[];
  /** `docker diff` of the container in focus (`A /x`), when there is one on this side. */
  diff?: string[] | undefined;
  /** How the host got there, in the kernel's own events (the simulator's side only). */
  events?: string[] | undefined;
  /** The end of the container's log (the real side): why it stopped, when it did. */
  logs?: string | undefined;
}

export interface LineRecord {
  line: string;
  /** The container both sides were compared on (by name). */
  container?: string | undefined;
  /** Else the overlay mounted by hand both sides were compared on (its target). */
  mount?: string | undefined;
  sim: SideRecord;
  real: SideRecord;
}

/** What the tutor knows about the real host, to say why it differs. */
export interface HostFacts {
  /** '' when there is no daemon (a kernel lesson's lab). */
  dockerVersion: string;
  kernel: string;
  /** The release the simulator's twin ran, where not the real host's own (every twin the tutor makes
   * runs this machine's: src/real/replay.ts, twinMachine). */
  twinKernel?: string | undefined;
  /** 'containerd' when the daemon keeps images in the containerd store; else its storage driver. */
  storage?: string | undefined;
  rootless?: boolean | undefined;
}

/** What the simulator models (src/shell/commands/fs/system.ts, the daemon's version). */
export const SIMULATED: HostFacts = { dockerVersion: '20.10.24', kernel: DEFAULT_KERNEL_RELEASE };

export interface CompareRow {
  sim?: string | undefined;
  real?: string | undefined;
  /** The two sides differ on this row (one side may be empty). */
  differs: boolean;
}

export interface CompareSection {
  title: 'output' | 'upper' | 'diff';
  rows: CompareRow[];
}

export interface Comparison {
  line: string;
  container?: string | undefined;
  mount?: string | undefined;
  sections: CompareSection[];
  /** The simulator's kernel events, shown and not compared (the real kernel keeps no log). */
  events: string[];
  agree: number;
  total: number;
  exitCodes: { sim: number; real: number };
  /** Why the real host differs, where the tutor knows (worded by the screen, in its language). */
  reasons: Reason[];
}

/** A reason the tutor knows for a real host to differ. */
export type Reason =
  | { id: 'stand-in' | 'registry' | 'systemctl' | 'numbers' | 'containerd' | 'rootless' | 'legacy-overlay' }
  | { id: 'kernel' | 'docker'; sim: string; real: string };

/** The two sides in rows: a line both have on one row, unmarked; between two such, the lines
 * only one side has, side by side and marked. */
export function alignRows(sim: readonly string[], real: readonly string[]): CompareRow[] {
  const rows: CompareRow[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...lcsPairs(sim, real), [sim.length, real.length] as [number, number]]) {
    while (i < pi || j < pj)
      rows.push({
        ...(i < pi ? { sim: sim[i++] } : {}),
        ...(j < pj ? { real: real[j++] } : {}),
        differs: true,
      });
    if (i < sim.length && j < real.length) {
      rows.push({ sim: sim[i++], real: real[j++], differs: false });
    }
  }
  return rows;
}

/** The upper dir's change between two listings (`mark type path` rows, as the panes have them):
 * what came or changed, then what went. */
export function changeLines(before: readonly string[], after: readonly string[]): string[] {
  const was = new Set(before);
  const is = new Set(after);
  return [
    ...after.filter((r) => !was.has(r)),
    ...before.filter((r) => !is.has(r)).map((r) => `- ${r.replace(/^. \S+ /, '')}`),
  ];
}

/** A repo digest reference, as printed or normalised: `nginx@sha256:…`. */
const REPO_DIGEST = /[a-z0-9]@sha256:(<|[0-9a-f]{64})/;

const RULES: Array<{ test: (sim: string, real: string) => boolean; reason: Reason }> = [
  {
    test: (s, r) => /exec format error/.test(r) && !/exec format error/.test(s),
    reason: { id: 'stand-in' },
  },
  {
    test: (s, r) =>
      /(registry-1\.docker\.io|dial tcp|no such host|server misbehaving|TLS handshake timeout)/.test(r) &&
      !/registry-1\.docker\.io/.test(s),
    reason: { id: 'registry' },
  },
  {
    // A pull records the image's repo digest (name@sha256:…: repositories.json, RepoDigests, what
    // rmi untags); the real side's images were loaded from the simulator's archive instead.
    test: (s, r) => REPO_DIGEST.test(s) && !REPO_DIGEST.test(r),
    reason: { id: 'registry' },
  },
  {
    test: (s, r) => /systemctl: not run on the real host/.test(r) && !/systemctl: not run/.test(s),
    reason: { id: 'systemctl' },
  },
];

/** The release the twin ran: the real host's, unless the facts say otherwise. */
const twinKernelOf = (facts: HostFacts): string => facts.twinKernel ?? facts.kernel;

/** Lines that differ only in their numbers: sizes, PIDs, inode numbers, times. */
const numbersOnly = (a: string, b: string) => a !== b && a.replace(/\d+/g, '#') === b.replace(/\d+/g, '#');

/** Why the real host differs, where the tutor knows: from the lines that differ and the facts. */
export function knownReasons(rows: readonly CompareRow[], facts: HostFacts, realLogs = ''): Reason[] {
  const out: Reason[] = [];
  const differing = rows.filter((r) => r.differs);
  if (!differing.length) return [];
  const sim = differing.map((r) => r.sim ?? '').join('\n');
  // A container that could not run says why in its log, not in the line's output (docker run -d).
  const real = `${differing.map((r) => r.real ?? '').join('\n')}\n${realLogs}`;
  for (const rule of RULES)
    if (rule.test(sim, real) && !out.some((o) => o.id === rule.reason.id)) out.push(rule.reason);
  if (differing.some((r) => r.sim !== undefined && r.real !== undefined && numbersOnly(r.sim, r.real)))
    out.push({ id: 'numbers' });
  const twin = twinKernelOf(facts);
  if (twin !== facts.kernel && (real.includes(facts.kernel) || sim.includes(twin)))
    out.push({ id: 'kernel', sim: twin, real: facts.kernel });
  // No daemon (a kernel lesson): no version of Docker to differ by.
  if (facts.dockerVersion !== '' && !facts.dockerVersion.startsWith('20.10.'))
    out.push({ id: 'docker', sim: SIMULATED.dockerVersion, real: facts.dockerVersion });
  if (facts.storage === 'containerd') out.push({ id: 'containerd' });
  if (facts.storage === 'overlay') out.push({ id: 'legacy-overlay' });
  if (facts.rootless) out.push({ id: 'rootless' });
  return out;
}

/** A line's two sides normalised together (an id shared by both gets one name), aligned in
 * sections, the agreeing lines counted, the known reasons given. */
export function compareLine(rec: LineRecord, facts: HostFacts, dataRoot?: string): Comparison {
  const joined = (l: readonly string[] | undefined) => (l?.length ? `${l.join('\n')}\n` : '');
  const hasDiff = rec.sim.diff !== undefined || rec.real.diff !== undefined;
  // upper/ only of something in focus (a container, a hand-made overlay): else there is none to show.
  const focused = rec.container !== undefined || rec.mount !== undefined;
  const labels: Array<CompareSection['title']> = [
    'output',
    ...(focused ? (['upper'] as const) : []),
    ...(hasDiff ? (['diff'] as const) : []),
  ];
  const text = (side: SideRecord) => ({ output: side.output, upper: joined(side.upper), diff: joined(side.diff) });
  const blocks = normalizeBlocks(
    labels,
    labels.map((l) => text(rec.sim)[l]),
    labels.map((l) => text(rec.real)[l]),
    dataRoot,
    { sim: { ...SIM_HOST, kernel: twinKernelOf(facts) }, real: { ...thisHost(), kernel: facts.kernel } },
  );
  // docker diff's lines come in Go's map order, a new one each run (see normalizeBlocks).
  const unordered = (title: CompareSection['title']) =>
    title === 'diff' || (title === 'output' && printsDockerDiff(rec.line));
  const sections = blocks.map((b, i) => {
    const title = labels[i]!;
    const { sim, real } = unordered(title) ? asSet(b) : b;
    return { title, rows: alignRows(sim, real) };
  });
  const rows = sections.flatMap((s) => s.rows);
  return {
    line: rec.line,
    container: rec.container,
    ...(rec.container === undefined && rec.mount !== undefined ? { mount: rec.mount } : {}),
    sections,
    events: rec.sim.events ?? [],
    agree: rows.filter((r) => !r.differs).length,
    total: rows.length,
    exitCodes: { sim: rec.sim.exitCode, real: rec.real.exitCode },
    reasons: knownReasons(rows, facts, rec.real.logs),
  };
}

/** Why a replayed line's two sides differ, where the tutor knows, in English (a replay's report). */
export function blockReasons(b: LineBlock, facts: HostFacts): string[] {
  return knownReasons(alignRows(b.sim, b.real), facts).map(STRINGS.en.compare.reason);
}

/** The host-specific placeholders the blocks show, each with what it stands for (the report's
 * legend: these are compared as placeholders because each host has its own). */
export function placeholderLegend(
  blocks: readonly LineBlock[],
  kernels?: { sim?: string | undefined; real?: string | undefined },
): string[] {
  const text = blocks.flatMap((b) => [...b.sim, ...b.real]).join('\n');
  const values = (p: string) =>
    p !== '<kernel>' || !kernels?.sim || !kernels.real
      ? ''
      : kernels.sim === kernels.real
        ? ` (${kernels.real} on both: the simulator runs the real host's release)`
        : ` (simulator ${kernels.sim}, real host ${kernels.real})`;
  return Object.entries(HOST_PLACEHOLDERS)
    .filter(([p]) => (p.includes(':N') ? new RegExp(p.replace(':N', ':\\d+')).test(text) : text.includes(p)))
    .map(([p, what]) => `${p}  ${what}${values(p)}`);
}

/** A report's notes for blocks compared with this host (the real side): reasons and legend. */
export function reportNotes(blocks: readonly LineBlock[], facts: HostFacts): ReportNotes {
  return {
    reasons: (b) => blockReasons(b, facts),
    legend: placeholderLegend(blocks, { sim: twinKernelOf(facts), real: facts.kernel }),
  };
}
