// `overlay-tutor replay FILE --real`: each line of FILE runs in the simulator and in a real bash
// whose docker talks to the tutor's private daemon; the two transcripts are normalised (ids,
// link ids, times) and shown line by line with the lines that differ marked, ending with
// `N/M lines agree`.
//
// The real bash runs in the daemon's mount namespace (so it sees the containers' overlay mounts
// as they happen) and in a slave copy of it, where the daemon's data-root is bound on
// /var/lib/docker and /tmp and /root are fresh tmpfs: a script names the same paths as on the
// simulated host, and nothing it writes there reaches the machine's own files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { release } from 'node:os';
import { FIXED_START } from '../host/host-time.js';
import { GROUP, PASSWD, createSimHost, timeOptions } from '../host/sim-host.js';
import type { HostTime } from '../host/host-time.js';
import { readBounded } from '../io/bounded-read.js';
import { copyIntoSim, scriptLines } from '../io/script-mode.js';
import { DEFAULT_MACHINE, type MachineInfo } from '../shell/commands/fs/system.js';
import {
  type HostValues,
  idNames,
  lcsPairs,
  type NormalizeOptions,
  normalizeTranscript,
  ownerPlaceholders,
} from './normalize.js';
import type { PrivateDaemon } from './private-daemon.js';
import { runLinesOnPrivate, servedPull } from './replay-lines.js';
import { loadIntoSim, simRun, simulatorArchive } from './tutorial-images.js';

export interface ReplayOptions {
  /** [real path, path the script sees] pairs; on the real side only under /tmp or /root. */
  copyIn?: Array<[string, string]>;
  seed?: number;
  /** Where the simulated host's clock starts, and the wall clock it keeps pace with. */
  time?: HostTime;
  /** Load the tutorial images into both hosts first (default true). */
  images?: boolean;
}

export interface LineBlock {
  line: string;
  sim: string[];
  real: string[];
  /** Why the line is shown and not compared (a pull the stand-in served: no registry here). */
  notCompared?: string;
}

export interface Agreement {
  /** Output lines that agree, and all output lines of the two sides aligned. */
  agree: number;
  total: number;
  /** Command lines whose whole output agrees. */
  commandsAgree: number;
  commands: number;
}

/** Real copy-in targets must lie where the replay's namespace has a tmpfs. */
export function realCopyInProblem(target: string): string | undefined {
  return /^\/(tmp|root)\/[^\0]+$/.test(target) && !target.split('/').includes('..')
    ? undefined
    : `${target}: on the real host files are copied in under /tmp or /root only (fresh tmpfs there)`;
}

/** Normalises both sides as whole transcripts (an id is numbered by its first appearance in
 * either), then cuts them back into blocks. */
/** Ids that appear verbatim on both sides are the same thing (an image ID, a DiffID, a ChainID:
 * the images are identical) and get one shared name, so a line only one side printed (a pull's
 * digest) does not renumber every id after it. */
export function shareCommonIds(sim: readonly string[], real: readonly string[]): [string[], string[]] {
  const ids = (t: readonly string[]) => new Set(t.join('\n').match(/\b[0-9a-f]{64}\b/g) ?? []);
  const realIds = ids(real);
  const common = [...ids(sim)].filter((id) => realIds.has(id));
  const name = new Map(common.map((id, i) => [id, `<same${i + 1}>`]));
  const rename = (b: string) =>
    b
      .replace(/\b[0-9a-f]{64}\b/g, (id) => name.get(id) ?? id)
      .replace(/\b[0-9a-f]{12}\b/g, (short) => {
        const full = common.find((id) => id.startsWith(short));
        return full ? `${name.get(full)!.slice(0, -1)}:short>` : short;
      });
  return [sim.map(rename), real.map(rename)];
}

/** The simulated host's own values (the machine src/shell models, its passwd and group). */
export const SIM_HOST: HostValues = {
  kernel: DEFAULT_MACHINE.release,
  owners: { users: idNames(PASSWD), groups: idNames(GROUP) },
};

/** This machine's own values: the real side's, where the real bash and dockerd run here. */
export function thisHost(): HostValues {
  const read = (f: string) => {
    try {
      return idNames(readFileSync(f, 'utf8'));
    } catch {
      return new Map<number, string>();
    }
  };
  return { kernel: release(), owners: { users: read('/etc/passwd'), groups: read('/etc/group') } };
}

/** The simulated twin of this machine (the prediction F2 and the reports put beside the real side):
 * this machine's kernel release, so the two differ where the simulator is wrong and never by the
 * kernel's version alone (since 6.6 an overlay shows uuid=on and its upper gets trusted.overlay.uuid;
 * the simulator's default, 5.15, neither). The conformance harnesses run the simulator so too. */
export function twinMachine(kernel: string = release()): { machine: MachineInfo } {
  return { machine: { ...DEFAULT_MACHINE, release: kernel } };
}

export interface BlockOptions extends Omit<NormalizeOptions, 'host'> {
  /** Each side's host values; the simulator's default to SIM_HOST. */
  sim?: HostValues;
  real?: HostValues;
  /** The blocks as printed, where sim and real were renamed before (whether a listing is sorted). */
  printed?: { sim: readonly string[]; real: readonly string[] };
}

export function normalizeBlocks(
  lines: readonly string[],
  sim: readonly string[],
  real: readonly string[],
  dataRoot?: string,
  options: BlockOptions = {},
): LineBlock[] {
  const SEP = '\u0000BLOCK\u0000\n';
  const { sim: simHost = SIM_HOST, real: realHost, printed = { sim, real }, ...rest } = options;
  const n = (blocks: readonly string[], host: HostValues | undefined, root?: string) =>
    normalizeTranscript(blocks.map((b) => (b.endsWith('\n') || b === '' ? b : `${b}\n`)).join(SEP), root, {
      ...rest,
      ...(host ? { host } : {}),
    }).split(SEP);
  const [simShared, realShared] = shareCommonIds(sim, real);
  const s = n(simShared, simHost);
  const r = n(realShared, realHost, dataRoot);
  const toLines = (t: string | undefined): string[] => {
    const body = (t ?? '').replace(/\n$/, '');
    return body === '' ? [] : body.split('\n');
  };
  return lines.map((line, i) => {
    let block = { line, sim: toLines(s[i]), real: toLines(r[i]) };
    if (simHost.owners && realHost?.owners)
      block = { line, ...ownerPlaceholders(block.sim, block.real, simHost.owners, realHost.owners) };
    // docker diff prints changes in the order Go walks its maps, a new one each run: only the set
    // of lines says anything, so both sides are compared sorted. So is a listing both sides printed
    // sorted by its text (ls, a glob): its order is its names', and where those are random ids
    // (placeholders now) the order each side's ids happened to sort in says nothing.
    return printsDockerDiff(line) || (sortedListing(printed.sim[i]) && sortedListing(printed.real[i]))
      ? asSet(block)
      : block;
  });
}

/** A listing of two lines or more, sorted as ls and a glob sort (bytewise in the C locale): by
 * the whole line, or by its last field (`ls -l`, after its `total` line). */
export function sortedListing(text: string | undefined): boolean {
  const lines = (text ?? '').split('\n').filter((l) => l !== '' && !/^total \d/.test(l));
  if (lines.length < 2) return false;
  const sorted = (keys: string[]) => keys.every((k, i) => i === 0 || keys[i - 1]! <= k);
  return sorted(lines) || sorted(lines.map((l) => l.split(/\s+/).at(-1) ?? ''));
}

/** Whether a line's whole output is docker diff's. */
export const printsDockerDiff = (line: string): boolean => /^\s*docker\s+(container\s+)?diff\s+[^|;&<>]*$/.test(line);

/** A block whose lines come in no meaningful order (docker diff's), both sides sorted. */
export const asSet = (b: LineBlock): LineBlock => ({ ...b, sim: [...b.sim].sort(), real: [...b.real].sort() });

/** One block shown: agreeing lines once, differing ones as `sim` and `real` lines, marked. */
export function renderBlock(b: LineBlock): { text: string; agree: number; total: number } {
  const out = [`$ ${b.line}`];
  const pairs = lcsPairs(b.sim, b.real);
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [b.sim.length, b.real.length] as [number, number]]) {
    while (i < pi) out.push(`  ≠ sim  | ${b.sim[i++]}`);
    while (j < pj) out.push(`  ≠ real | ${b.real[j++]}`);
    if (i < b.sim.length && j < b.real.length) {
      out.push(`         | ${b.sim[i]}`);
      i++;
      j++;
    }
  }
  return { text: out.join('\n'), agree: pairs.length, total: b.sim.length + b.real.length - pairs.length };
}

export function agreementOf(blocks: readonly LineBlock[]): Agreement {
  let agree = 0;
  let total = 0;
  let commandsAgree = 0;
  for (const b of blocks) {
    if (b.notCompared !== undefined) continue;
    const r = renderBlock(b);
    agree += r.agree;
    total += r.total;
    if (r.agree === r.total) commandsAgree++;
  }
  return { agree, total, commandsAgree, commands: blocks.filter((b) => b.notCompared === undefined).length };
}

/** FILE's lines and what each printed on the simulated host (the tutorial images loaded first,
 * unless `images` is false; the copy-ins copied in). */
export async function replayOnSim(text: string, opts: ReplayOptions = {}): Promise<{ lines: string[]; sim: string[] }> {
  const host = createSimHost({ seed: opts.seed ?? 0, interactive: false, ...timeOptions(opts.time), ...twinMachine() });
  const lines = scriptLines(text, (s) => host.session.needsMore(s));
  if (opts.images ?? true) {
    const { archive } = await simulatorArchive();
    await loadIntoSim(host, archive);
  }
  for (const [real, target] of opts.copyIn ?? []) await copyIntoSim(host.rootProc, real, target);
  const sim: string[] = [];
  for (const line of lines) sim.push((await simRun(host, line)).out);
  return { lines, sim };
}

/** Stages the copy-ins under `stage`/in, laid out as the script sees them (copied in with cp -a). */
export function stageCopyIn(stage: string, copyIn: ReadonlyArray<[string, string]>): void {
  mkdirSync(join(stage, 'in'), { recursive: true });
  for (const [real, target] of copyIn) {
    const staged = join(stage, 'in', target);
    mkdirSync(dirname(staged), { recursive: true });
    copyFileSync(real, staged);
  }
}

/** Runs FILE's lines on both hosts and gives the blocks, normalised. */
export async function replayOnBoth(d: PrivateDaemon, text: string, opts: ReplayOptions = {}): Promise<LineBlock[]> {
  const stage = join(d.dir, 'replay');
  rmSync(stage, { recursive: true, force: true });
  stageCopyIn(stage, opts.copyIn ?? []);
  if (opts.images ?? true) {
    // Both hosts start with the same images, loaded from the same archive (no registry on the real side).
    const { archive } = await simulatorArchive();
    const file = join(stage, 'tutorial-images.tar');
    writeFileSync(file, archive);
    const load = spawnSync(d.cli, ['load', '-q', '-i', file], { env: d.env, encoding: 'utf8', timeout: 300_000 });
    if (load.status !== 0) throw new Error(`docker load failed on the real daemon: ${load.stderr.trim()}`);
  }
  const { lines, sim } = await replayOnSim(text, opts);

  // A pull of a tutorial image is served as in a lesson: loaded from the simulator's archive.
  const real = await runLinesOnPrivate(d, lines, stage, opts.copyIn?.length ? join(stage, 'in') : undefined);
  return compareReplayLines(lines, sim, real, d.dataRoot, { ...thisHost(), socket: d.socket });
}

/** A replay's lines compared as a lesson's are (compareLessonLines), on the private daemon or the
 * user's own; a pull the stand-in served is shown, not compared. */
export function compareReplayLines(
  lines: readonly string[],
  sim: readonly string[],
  real: readonly string[],
  dataRoot: string,
  realHost: HostValues,
): LineBlock[] {
  return compareLessonLines(lines, sim, real, dataRoot, realHost).map((b, i) => {
    const why = servedPull(b.line, real[i] ?? '');
    return why === undefined ? b : { ...b, notCompared: why };
  });
}

/** What differs between two hosts at random and nothing else: the order `find` meets a directory's
 * names in (the file system's hash order) and `docker diff` lists changes in (naive diff collects
 * them in a Go map), inode numbers, the minute a tar entry was written during the run (a time from
 * before the simulator's clock starts came with an image and is compared), and the padding of a table
 * whose CREATED column says how long ago (its width follows the longest such text). */
export function normalizeLessonBlock(b: LineBlock): LineBlock {
  const sorted = /^(find\s|docker\s+(container\s+)?diff\s)/.test(b.line.trim());
  const ago = [...b.sim, ...b.real].some((l) => l.includes('<ago>') || l.includes('Up <duration>'));
  const tidy = (given: string[]) => {
    const lines = listsInodes(b.line) ? inodesByName(given) : given;
    const out = lines.map((l) => {
      const t = l
        .replace(/^(\s*)\d+ (?=\/)/, '$1<ino> ')
        .replace(/\b\d{4}-\d\d-\d\d \d\d:\d\d\b/g, (m) =>
          Date.parse(`${m.replace(' ', 'T')}Z`) < FIXED_START ? m : '<time>',
        );
      return ago ? t.replace(/ {2,}/g, '  ').trimEnd() : t;
    });
    return sorted ? out.sort() : out;
  };
  return { line: b.line, sim: tidy(b.sim), real: tidy(b.real) };
}

/** Whether a line's output is `ls -i`'s (or -li, --inode …): an inode number before each name. */
const listsInodes = (line: string): boolean => /\bls\s+([^|;&]*\s)?(-[a-zA-Z]*i[a-zA-Z]*|--inode)\b/.test(line);

/** `ls -i` lines with each host's inode numbers as <ino:N>, numbered in the order of the names
 * after them and listed in that order: which names share an inode (a copy-up's merged file keeps
 * the lower's number, upper's copy has its own) is what compares, not the numbers. */
function inodesByName(lines: readonly string[]): string[] {
  const total = lines.filter((l) => /^total \d/.test(l));
  const parsed = lines.filter((l) => !/^total \d/.test(l)).map((l) => /^(\s*)(\d+) (.*)$/.exec(l));
  if (parsed.some((m) => !m)) return [...lines];
  const byName = [...parsed].sort((a, b) => ((a?.[3] ?? '') < (b?.[3] ?? '') ? -1 : 1));
  const ids = new Map<string, number>();
  for (const m of byName) if (!ids.has(m?.[2] ?? '')) ids.set(m?.[2] ?? '', ids.size + 1);
  return [...total, ...byName.map((m) => `${m?.[1] ?? ''}<ino:${ids.get(m?.[2] ?? '')}> ${m?.[3] ?? ''}`)];
}

/** Ids numbered within each command's output (after the ids both sides print verbatim are shared):
 * an id one side printed and the other did not (a pull's layer digests) renumbers nothing after. */
export function compareLessonLines(
  lines: readonly string[],
  sim: readonly string[],
  real: readonly string[],
  dataRoot: string,
  realHost?: HostValues,
): LineBlock[] {
  const [s, r] = shareCommonIds(sim, real);
  // The simulator ran the real side's kernel (twinMachine): its release is the same placeholder there.
  const simHost = { ...SIM_HOST, kernel: realHost?.kernel ?? SIM_HOST.kernel };
  const options = { keepTimesBefore: FIXED_START, sim: simHost, ...(realHost ? { real: realHost } : {}) };
  return lines
    .map((line, i) => {
      const printed = { sim: [sim[i] ?? ''], real: [real[i] ?? ''] };
      return normalizeBlocks([line], [s[i] ?? ''], [r[i] ?? ''], dataRoot, { ...options, printed })[0] as LineBlock;
    })
    .map(normalizeLessonBlock);
}

/** What a report says besides the lines: why a block differs, where the tutor knows, and what the
 * host-specific placeholders stand for (src/real/compare.ts: blockReasons, placeholderLegend). */
export interface ReportNotes {
  reasons?: (b: LineBlock) => string[];
  legend?: string[];
}

/** One block as a report shows it: its lines, then why it differs where the tutor knows. */
export function renderExplained(b: LineBlock, notes: ReportNotes = {}): string {
  const r = renderBlock(b);
  const why = r.agree < r.total ? (notes.reasons?.(b) ?? []) : [];
  return [r.text, ...why.map((w) => `  why: ${w}`)].join('\n');
}

/** The report a replay ends with: each block, then how many commands and lines agree; the exit
 * status (0 when every line agrees, else 1). */
export function writeReport(blocks: readonly LineBlock[], out: (s: string) => void, notes: ReportNotes = {}): number {
  out('Each line: its output where simulator and real host agree; "≠ sim" and "≠ real" where they differ.\n\n');
  for (const b of blocks)
    out(
      b.notCompared === undefined
        ? `${renderExplained(b, notes)}\n`
        : `$ ${b.line}\n  not compared: ${b.notCompared}\n`,
    );
  if (notes.legend?.length)
    out(`\nEach host's own values, compared as placeholders:\n${notes.legend.map((l) => `  ${l}\n`).join('')}`);
  const a = agreementOf(blocks);
  const skipped = blocks.length - a.commands;
  const aside = skipped
    ? `${skipped} ${skipped === 1 ? 'command' : 'commands'} not compared (a pull: no registry here)\n`
    : '';
  out(`\n${a.commandsAgree}/${a.commands} commands agree\n${aside}${a.agree}/${a.total} lines agree\n`);
  return a.agree === a.total ? 0 : 1;
}

/** Reads FILE (bounded, as script mode does). */
export function readScriptFile(file: string): string {
  if (!existsSync(file)) throw new Error(`cannot read ${file}: No such file or directory`);
  return readBounded(file, 16 * 1024 * 1024).toString('utf8');
}
